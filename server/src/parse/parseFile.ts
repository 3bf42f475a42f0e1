/**
 * The parser's entry point: text in, a `ParsedFile` out, never an exception.
 * A YAML error becomes a `yaml-syntax` diagnostic and whatever could be read
 * stays indexed; limits on size, nesting and alias expansion keep hostile
 * input bounded in time and memory.
 */
import { Document, parseAllDocuments, Scalar, visit } from 'yaml';
import { CodeDiagnostic, ParsedFile, Span } from '../model/types';
import { readBlockDocument } from './blockReader';
import { readCatalog } from './parseCatalog';
import { StrategyReader } from './parseStrategy';
import { schemaDiagnostics, SchemaValidators } from './schemaCheck';
import { AliasResolver, toPlain } from './yamlNodes';

export type FileKind = 'strategy' | 'catalog';

/** An anchor (`&a`) or alias (`*a`) token, roughly: enough to know a document has none. */
export const ANCHOR_OR_ALIAS = /(^|[\s[{,])[&*][^\s\]},]/m;

/** Limits that keep one hostile file from stalling the workspace. */
export interface ParseLimits {
  /** Files longer than this (in UTF-16 units, about bytes for Czech text) are not parsed. */
  maxFileLength: number;
  /** Deeper nesting of collections is not parsed. */
  maxNesting: number;
  /** Nodes that expanding a file's aliases may add (an alias of a scalar adds none): more is an alias bomb. */
  maxAliasResolutions: number;
}

/** YAML errors shown per file; the rest are summed up in one more diagnostic. */
const MAX_SYNTAX_ERRORS = 100;

export const DEFAULT_LIMITS: ParseLimits = {
  maxFileLength: 10 * 1024 * 1024,
  maxNesting: 500,
  maxAliasResolutions: 10_000,
};

/**
 * How a file's YAML is read: `auto` tries the fast route for the block
 * subset (`blockReader.ts`) and parses anything else with the `yaml`
 * library; `full` always uses the library (the reference the differential
 * test compares the fast route against).
 */
export type ParseRoute = 'auto' | 'full';

/** Parses one file of the given kind. */
export function parseFile(uri: string, text: string, kind: FileKind, schemas: SchemaValidators, limits: ParseLimits = DEFAULT_LIMITS, route: ParseRoute = 'auto'): ParsedFile {
  const empty = emptyFile(uri, kind, text.length);
  try {
    return parseChecked(uri, text, kind, schemas, limits, empty, route);
  } catch (e) {
    // The yaml library recurses per nesting level; anything that still escapes is reported, not thrown.
    empty.diagnostics.push(yamlError({ start: 0, end: Math.min(text.length, firstLineEnd(text)) }, 'yaml.internal', [e instanceof Error ? e.message : String(e)]));
    return empty;
  }
}

function emptyFile(uri: string, kind: FileKind, length: number): ParsedFile {
  return kind === 'strategy'
    ? { kind, uri, title: '', outside: [], actors: [], items: [], groups: [], references: [], diagnostics: [], length }
    : { kind, uri, title: '', areas: [], descriptors: [], diagnostics: [], length };
}

function firstLineEnd(text: string): number {
  const nl = text.indexOf('\n');
  return nl < 0 ? text.length : nl;
}

function yamlError(span: Span, id: string, args: string[]): CodeDiagnostic {
  return { code: 'yaml-syntax', severity: 'error', span, message: { id, args } };
}

function parseChecked(uri: string, text: string, kind: FileKind, schemas: SchemaValidators, limits: ParseLimits, empty: ParsedFile, route: ParseRoute): ParsedFile {
  if (text.length > limits.maxFileLength) {
    empty.diagnostics.push(yamlError({ start: 0, end: firstLineEnd(text) }, 'yaml.tooLarge', [(text.length / 1048576).toFixed(1), String(Number((limits.maxFileLength / 1048576).toFixed(1)))]));
    return empty;
  }
  const encoding = encodingProblem(text);
  if (encoding?.fatal) {
    // A binary or UTF-16 file would give a YAML error on every line: one diagnostic says what it is.
    empty.diagnostics.push(yamlError({ start: encoding.offset, end: encoding.offset + 1 }, encoding.id, encoding.args));
    return empty;
  }
  // The fast route reads the block subset strategy files are written in; it nests no deeper than the limit, so the nesting check is only needed for the full route.
  const block = route === 'full' || encoding ? undefined : readBlockDocument(text, limits.maxNesting);
  let list: Document[];
  if (block) {
    list = [block];
  } else {
    const deep = findDeepNesting(text, limits.maxNesting);
    if (deep !== undefined) {
      empty.diagnostics.push(yamlError({ start: deep, end: deep + 1 }, 'yaml.tooDeep', [String(limits.maxNesting)]));
      return empty;
    }
    const docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
    list = Array.isArray(docs) ? docs : [];
  }
  const doc = list[0];
  if (!doc || doc.contents === null) {
    empty.diagnostics.push({ code: 'schema', severity: 'error', span: { start: 0, end: 0 }, message: { id: 'file.empty', args: [kind] } });
    return withExtraDocuments(empty, text, list, doc);
  }
  // A document of the block subset has no alias: the resolver need not walk it to find them.
  const resolver = new AliasResolver(doc, limits.maxAliasResolutions, limits.maxNesting, block === undefined);
  const parsed = kind === 'strategy' ? new StrategyReader(uri, text, doc, resolver).read() : readCatalog(uri, text, doc, resolver);
  // The library places errors at the end of the file one character past it: spans stay inside the text.
  const clamp = (n: number): number => Math.min(Math.max(n, 0), text.length);
  const broken: Span[] = [];
  // Tab indentation throws the rest of the tree off: only the tab errors are shown, one per line, and no schema errors.
  const tabs = doc.errors.filter((e) => e.code === 'TAB_AS_INDENT').filter((e, i, all) => i === 0 || !sameLine(text, all[i - 1].pos[0], e.pos[0]));
  // A file that is hardly YAML gives an error per token: the first ones say it, and the rest are counted.
  const errors = tabs.length > 0 ? tabs : doc.errors;
  const shown = errors.slice(0, MAX_SYNTAX_ERRORS);
  const syntax: CodeDiagnostic[] = shown.map((e) => {
    if (e.code === 'TAB_AS_INDENT') {
      return yamlError({ start: clamp(e.pos[0]), end: clamp(e.pos[0] + 1) }, 'yaml.tabs', []);
    }
    // An unterminated quote or flow collection is reported at its start, where the author must look.
    const node = e.code === 'MISSING_CHAR' || /\bflow (sequence|map|mapping|collection)\b/i.test(e.message) ? unterminatedNode(doc, e.pos[0]) : undefined;
    if (node) {
      broken.push(node);
      return yamlError({ start: node.start, end: node.start + 1 }, 'yaml.syntax', [e.message.split('\n')[0]]);
    }
    return yamlError({ start: clamp(e.pos[0]), end: clamp(Math.max(e.pos[1], e.pos[0])) }, 'yaml.syntax', [e.message.split('\n')[0]]);
  });
  if (errors.length > shown.length) {
    const at = clamp(errors[shown.length].pos[0]);
    syntax.push(yamlError({ start: at, end: clamp(at + 1) }, 'yaml.moreErrors', [String(errors.length - shown.length)]));
  }
  if (resolver.exhausted) {
    const r = resolver.exhausted.range;
    const [id, limit] = resolver.reason === 'recursive' ? ['yaml.aliasRecursive', ''] : resolver.reason === 'depth' ? ['yaml.tooDeep', limits.maxNesting] : ['yaml.aliasLimit', limits.maxAliasResolutions];
    syntax.push(yamlError(r ? { start: r[0], end: r[1] } : { start: 0, end: 0 }, id, [String(limit)]));
  }
  if (encoding) {
    syntax.push(yamlError({ start: encoding.offset, end: encoding.offset + 1 }, encoding.id, encoding.args));
  }
  const structural = resolver.exhausted || tabs.length > 0 ? [] : checkShape(doc, kind, schemas, resolver);
  parsed.brokenSpans = [...syntax.map((d) => d.span), ...broken];
  parsed.diagnostics = [...syntax, ...dropBrokenNodes([...structural, ...parsed.diagnostics], syntax, broken)];
  if (parsed.kind === 'strategy') {
    parsed.usesAnchors = ANCHOR_OR_ALIAS.test(text);
    const own = new Set(parsed.nodeDiagnostics ?? []);
    parsed.nodeDiagnostics = parsed.diagnostics.filter((d) => own.has(d) || syntax.includes(d) || structural.includes(d));
  }
  return withExtraDocuments(parsed, text, list, doc);
}

/** True when offsets `a` and `b` of `text` are on the same line. */
function sameLine(text: string, a: number, b: number): boolean {
  const [from, to] = a < b ? [a, b] : [b, a];
  return !text.slice(from, to).includes('\n');
}

/** Schema diagnostics, and a clear one for a file that is not a mapping. */
function checkShape(doc: Document, kind: FileKind, schemas: SchemaValidators, resolver: AliasResolver): CodeDiagnostic[] {
  let value: unknown;
  try {
    // Not the library's toJS: it is quadratic in aliases (and refuses legitimate files with thousands of them) and in nested complex keys (`? ? ? …`).
    value = toPlain(doc.contents, resolver);
  } catch {
    return [];
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const r = doc.contents?.range;
    return [{ code: 'schema', severity: 'error', span: r ? { start: r[0], end: r[1] } : { start: 0, end: 0 }, message: { id: 'file.notMapping', args: [kind] } }];
  }
  return schemaDiagnostics(kind === 'strategy' ? schemas.strategy : schemas.catalog, value, doc.contents, resolver);
}

/** The innermost quoted scalar or flow collection that starts before `pos` and runs up to it: the unterminated construct. */
function unterminatedNode(doc: Document, pos: number): Span | undefined {
  let best: Span | undefined;
  const consider = (node: { range?: [number, number, number] | null }): void => {
    const r = node.range;
    if (r && r[0] < pos && r[1] >= pos && (!best || r[0] > best.start)) {
      best = { start: r[0], end: r[1] };
    }
  };
  visit(doc, {
    Scalar(_, node) {
      if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) {
        consider(node);
      }
    },
    Seq(_, node) {
      if (node.flow) {
        consider(node);
      }
    },
    Map(_, node) {
      if (node.flow) {
        consider(node);
      }
    },
  });
  return best;
}

/** The broken node gets no further diagnostic: drop those overlapping a YAML error or inside an unterminated construct, or whose node contains an error. */
function dropBrokenNodes(diagnostics: CodeDiagnostic[], syntax: CodeDiagnostic[], broken: Span[]): CodeDiagnostic[] {
  if (syntax.length === 0) {
    return diagnostics;
  }
  return diagnostics.filter(
    (d) =>
      !broken.some((b) => d.span.start >= b.start && d.span.start <= b.end) &&
      !syntax.some((e) => {
        const overlaps = d.span.start <= e.span.end && e.span.start <= d.span.end;
        const missingKeyOfBrokenNode = d.code === 'schema' && d.message.id === 'schema.required' && e.span.start >= d.span.start;
        return overlaps || missingKeyOfBrokenNode;
      }),
  );
}

/** A second YAML document is a `schema` error on its separator line and is ignored (spec section 1). */
function withExtraDocuments(parsed: ParsedFile, text: string, docs: Document[], first: Document | undefined): ParsedFile {
  if (docs.length < 2 || !first) {
    return parsed;
  }
  const from = first.range?.[1] ?? 0;
  const re = /^(---|\.\.\.)(?=\s|$)/gm;
  re.lastIndex = from;
  let m = re.exec(text);
  while (m && m[0] === '...') {
    m = re.exec(text);
  }
  const at = m ? m.index : (docs[1].range?.[0] ?? 0);
  if (parsed.kind === 'strategy') {
    // A file with a second document is always parsed whole.
    parsed.nodeDiagnostics = undefined;
  }
  parsed.diagnostics.push({ code: 'schema', severity: 'error', span: { start: at, end: at + 3 }, message: { id: 'file.multipleDocuments', args: [] } });
  return parsed;
}

/**
 * Characters YAML does not allow, or that show the file was not read as
 * UTF-8: C0 controls other than tab, LF and CR; DEL and C1 controls other
 * than NEL; lone surrogates; U+FFFE and U+FFFF; and U+FFFD, which is what a
 * UTF-8 decoder makes of invalid bytes (a Windows-1250 `č`, for one).
 */
export const NOT_UTF8_YAML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffd\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first character that shows a file is not UTF-8 YAML, and whether the file is not text at all. */
export interface EncodingProblem {
  offset: number;
  id: string;
  args: string[];
  /** True for a binary or UTF-16 file: it is not parsed. */
  fatal: boolean;
}

/**
 * Says what is wrong with a text that is not UTF-8 YAML, at its first bad
 * character. A NUL in the first 8,000 characters means a binary file (as git
 * decides) — or UTF-16, when NULs are a large share of the text, or it starts
 * with the two replacement characters a UTF-16 byte-order mark becomes; so do
 * bad characters making up a tenth of the start. Anything else is one bad
 * character in an otherwise readable file, which is parsed as usual.
 */
export function encodingProblem(text: string): EncodingProblem | undefined {
  const first = NOT_UTF8_YAML.exec(text);
  if (!first) {
    return undefined;
  }
  const head = text.slice(0, 8000);
  const nul = head.indexOf('\u0000');
  const bad = head.match(new RegExp(NOT_UTF8_YAML.source, 'g'))?.length ?? 0;
  if (nul >= 0 || bad > head.length / 10) {
    const nuls = head.split('\u0000').length - 1;
    const utf16 = head.startsWith('\ufffd\ufffd') || nuls > head.length / 5;
    return { offset: nul >= 0 ? nul : first.index, id: utf16 ? 'file.utf16' : 'file.binary', args: [], fatal: true };
  }
  if (first[0] === '\ufffd') {
    return { offset: first.index, id: 'file.invalidUtf8', args: [], fatal: false };
  }
  const code = 'U+' + first[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return { offset: first.index, id: 'file.controlChar', args: [code], fatal: false };
}

/** The start of a line that opens block collections: spaces, `-`, `?` and `:` indicators, anchors and tags. */
const BLOCK_PREFIX = /(?:[ \t]|[-?:](?=[ \t\r\n]|$)|[&!][^ \t\r\n]*(?=[ \t]))*/y;

/**
 * Finds where collections nest deeper than `max` (flow brackets, or block
 * indentation), before the recursive YAML composer would meet it. Returns
 * the offset, or undefined when the text stays within the limit.
 */
function findDeepNesting(text: string, max: number): number | undefined {
  let flow = 0;
  let quote: string | undefined;
  for (let i = -1; i < text.length; i++) {
    const ch = i < 0 ? 10 : text.charCodeAt(i);
    if (quote !== undefined) {
      if (text[i] === quote) {
        quote = undefined;
      } else if (ch === 10) {
        quote = undefined;
      }
      continue;
    }
    if (ch === 91 || ch === 123) {
      if (++flow > max) {
        return i;
      }
    } else if (ch === 93 || ch === 125) {
      flow = Math.max(0, flow - 1);
    } else if (ch === 35 && (i === 0 || text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 10)) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl - 1;
    } else if ((ch === 34 || ch === 39) && flow > 0) {
      quote = text[i];
    } else if (ch === 10) {
      // Block nesting opened at a line start: indentation, and indicators on one line (`- - -`, `? ? ?`, `- ? -`), with anchors and tags between them.
      BLOCK_PREFIX.lastIndex = i + 1;
      const prefix = BLOCK_PREFIX.exec(text)?.[0].length ?? 0;
      // Two columns per level is the narrowest block nesting YAML allows with "- " entries.
      if (prefix > max * 2) {
        return i + 1;
      }
    }
  }
  return undefined;
}

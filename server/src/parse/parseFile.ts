/**
 * The parser's entry point: text in, a `ParsedFile` out, never an exception.
 * A YAML error becomes a `yaml-syntax` diagnostic and whatever could be read
 * stays indexed; limits on size, nesting and alias expansion keep hostile
 * input bounded in time and memory.
 */
import { Document, parseAllDocuments } from 'yaml';
import { CodeDiagnostic, ParsedFile, Span } from '../model/types';
import { readCatalog } from './parseCatalog';
import { StrategyReader } from './parseStrategy';
import { schemaDiagnostics, SchemaValidators } from './schemaCheck';
import { AliasResolver } from './yamlNodes';

export type FileKind = 'strategy' | 'catalog';

/** Limits that keep one hostile file from stalling the workspace. */
export interface ParseLimits {
  /** Files longer than this (in UTF-16 units, about bytes for Czech text) are not parsed. */
  maxFileLength: number;
  /** Deeper nesting of collections is not parsed. */
  maxNesting: number;
  /** Aliases followed while reading one file. */
  maxAliasResolutions: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxFileLength: 10 * 1024 * 1024,
  maxNesting: 500,
  maxAliasResolutions: 10_000,
};

/** Parses one file of the given kind. */
export function parseFile(uri: string, text: string, kind: FileKind, schemas: SchemaValidators, limits: ParseLimits = DEFAULT_LIMITS): ParsedFile {
  const empty = emptyFile(uri, kind, text.length);
  try {
    return parseChecked(uri, text, kind, schemas, limits, empty);
  } catch (e) {
    // The yaml library recurses per nesting level; anything that still escapes is reported, not thrown.
    empty.diagnostics.push(yamlError({ start: 0, end: Math.min(text.length, firstLineEnd(text)) }, 'yaml.internal', [e instanceof Error ? e.message : String(e)]));
    return empty;
  }
}

function emptyFile(uri: string, kind: FileKind, length: number): ParsedFile {
  return kind === 'strategy'
    ? { kind, uri, title: '', actors: [], items: [], references: [], diagnostics: [], length }
    : { kind, uri, title: '', areas: [], descriptors: [], diagnostics: [], length };
}

function firstLineEnd(text: string): number {
  const nl = text.indexOf('\n');
  return nl < 0 ? text.length : nl;
}

function yamlError(span: Span, id: string, args: string[]): CodeDiagnostic {
  return { code: 'yaml-syntax', severity: 'error', span, message: { id, args } };
}

function parseChecked(uri: string, text: string, kind: FileKind, schemas: SchemaValidators, limits: ParseLimits, empty: ParsedFile): ParsedFile {
  if (text.length > limits.maxFileLength) {
    empty.diagnostics.push(yamlError({ start: 0, end: firstLineEnd(text) }, 'yaml.tooLarge', [(text.length / 1048576).toFixed(1), (limits.maxFileLength / 1048576).toFixed(0)]));
    return empty;
  }
  const deep = findDeepNesting(text, limits.maxNesting);
  if (deep !== undefined) {
    empty.diagnostics.push(yamlError({ start: deep, end: deep + 1 }, 'yaml.tooDeep', [String(limits.maxNesting)]));
    return empty;
  }
  const docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [];
  const doc = list[0];
  if (!doc || doc.contents === null) {
    empty.diagnostics.push({ code: 'schema', severity: 'error', span: { start: 0, end: 0 }, message: { id: 'file.empty', args: [kind] } });
    return withExtraDocuments(empty, text, list, doc);
  }
  const resolver = new AliasResolver(doc, limits.maxAliasResolutions);
  const parsed = kind === 'strategy' ? new StrategyReader(uri, text, doc, resolver).read() : readCatalog(uri, text, doc, resolver);
  const syntax: CodeDiagnostic[] = doc.errors.map((e) => yamlError({ start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) }, 'yaml.syntax', [e.message.split('\n')[0]]));
  if (resolver.exhausted) {
    const r = resolver.exhausted.range;
    syntax.push(yamlError(r ? { start: r[0], end: r[1] } : { start: 0, end: 0 }, 'yaml.aliasLimit', [String(limits.maxAliasResolutions)]));
  }
  const structural = resolver.exhausted ? [] : checkShape(doc, kind, schemas, resolver);
  parsed.diagnostics = [...syntax, ...dropBrokenNodes([...structural, ...parsed.diagnostics], syntax)];
  return withExtraDocuments(parsed, text, list, doc);
}

/** Schema diagnostics, and a clear one for a file that is not a mapping. */
function checkShape(doc: Document, kind: FileKind, schemas: SchemaValidators, resolver: AliasResolver): CodeDiagnostic[] {
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch {
    return [];
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const r = doc.contents?.range;
    return [{ code: 'schema', severity: 'error', span: r ? { start: r[0], end: r[1] } : { start: 0, end: 0 }, message: { id: 'file.notMapping', args: [kind] } }];
  }
  return schemaDiagnostics(kind === 'strategy' ? schemas.strategy : schemas.catalog, value, doc, resolver);
}

/** The broken node gets no further diagnostic: drop those overlapping a YAML error, or whose node contains one. */
function dropBrokenNodes(diagnostics: CodeDiagnostic[], syntax: CodeDiagnostic[]): CodeDiagnostic[] {
  if (syntax.length === 0) {
    return diagnostics;
  }
  return diagnostics.filter(
    (d) =>
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
  parsed.diagnostics.push({ code: 'schema', severity: 'error', span: { start: at, end: at + 3 }, message: { id: 'file.multipleDocuments', args: [] } });
  return parsed;
}

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
      let indent = 0;
      let j = i + 1;
      while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 45)) {
        indent++;
        j++;
      }
      // Two columns per level is the narrowest block nesting YAML allows with "- " entries.
      if (indent > max * 2) {
        return i + 1;
      }
    }
  }
  return undefined;
}

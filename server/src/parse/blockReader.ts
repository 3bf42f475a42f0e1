/**
 * The fast parse route: a line scanner for the block-style YAML that
 * strategy files are written in, building the very node tree (`YAMLMap`,
 * `YAMLSeq`, `Pair`, `Scalar`, with the same ranges, types and values) that
 * the `yaml` library's composer builds for the same text.
 *
 * Why this route (measured on the generated national workspace, 104 MB, see
 * `docs/performance.md`): the `yaml` library's lexer, CST parser and composer
 * take about two thirds of a cold index, and its own lexer alone reads only
 * 25 MB/s — a faster tokenizer under the library's parser and composer would
 * still leave the composer's cost. A scan of lines reads 280 MB/s, and the
 * block subset needs nothing more: each line is a key with an inline value,
 * a `- ` entry, a comment or blank. Producing the library's own node shapes
 * keeps one reader (`StrategyReader`, `readCatalog`), one schema check and
 * one alias-free plain conversion for both routes, so a key added to the
 * format needs no change here, and the differential test compares the whole
 * `ParsedFile` of both routes.
 *
 * The subset: a top-level block mapping; keys that are plain words; values
 * on the key's line (plain scalars, single-quoted scalars, double-quoted
 * scalars without escapes, flow sequences of plain scalars, flow mappings of
 * plain keys and scalars), a folded or literal block scalar of evenly
 * indented lines, or a nested block mapping or sequence on the following
 * lines; `- ` entries that are a compact mapping or a scalar; comments and
 * blank lines. Anything else — tabs, CR, multi-line plain or quoted
 * scalars, other block scalars, anchors, aliases, tags, nested flow
 * collections, empty values, repeated keys, indentation YAML would reject,
 * comments whose place changes a node's range in ways this scanner does not
 * model — returns `undefined`, and the caller parses the file with the full
 * `yaml` parser. A file the scanner accepts has no YAML error.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

/** A collection still open while lines are read. */
interface Open {
  kind: 'map' | 'seq';
  /** The column of the mapping's keys or of the sequence's `-`. */
  indent: number;
  node: YAMLMap | YAMLSeq;
  start: number;
  /** The `range[2]` of the last entry or value read so far: the collection's `range[1]` when it closes. */
  lastEnd: number;
}

/** A key whose value starts on the next line. */
interface PendingKey {
  open: Open;
  pair: Pair;
}

/** Thrown inside the scanner when the text leaves the subset; never escapes `readBlockDocument`. */
class OutsideSubset extends Error {}

const KEY = /[A-Za-z_][A-Za-z0-9_-]*/y;

/** How a plain scalar's text is typed: the `yaml` core schema's tags that have a test, in the schema's order. */
interface ScalarTag {
  default?: boolean | 'key';
  test?: RegExp;
  resolve: (value: string, onError: (message: string) => void, options: object) => unknown;
}

/**
 * Scans `text` as the block subset and returns the document the `yaml`
 * library would compose from it, or `undefined` when the text is outside the
 * subset (or opens more than `maxNesting` flow brackets or nests deeper than
 * `maxNesting` levels of indentation, which the full route reports).
 */
export function readBlockDocument(text: string, maxNesting: number): Document.Parsed | undefined {
  if (!prechecked(text, maxNesting)) {
    return undefined;
  }
  const doc = new Document();
  const tags = (doc.schema.tags as unknown as ScalarTag[]).filter((t) => t.default === true && t.test !== undefined);
  try {
    const root = new BlockScanner(text, tags, doc.options, maxNesting).scan();
    if (!root) {
      return undefined;
    }
    doc.contents = root;
    doc.range = [0, root.range?.[1] ?? text.length, text.length];
    return doc as Document.Parsed;
  } catch (e) {
    if (e instanceof OutsideSubset) {
      return undefined;
    }
    throw e;
  }
}

/**
 * One pass over the characters: no tab, CR, byte-order mark or line
 * separator the subset does not handle, and no more flow brackets than the
 * nesting limit (so that the full route's nesting check could not fire).
 */
function prechecked(text: string, maxNesting: number): boolean {
  let brackets = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 9 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029 || c === 0xfeff) {
      return false;
    }
    if ((c === 91 || c === 123) && ++brackets > maxNesting) {
      return false;
    }
  }
  return true;
}

class BlockScanner {
  private readonly stack: Open[] = [];
  private pending: PendingKey | undefined;
  /** Indentation of the comment lines since the last content line. */
  private comments: number[] = [];
  private root: YAMLMap | undefined;
  /** Where reading goes on after a block scalar, which spans several lines. */
  private resume: number | undefined;

  constructor(
    private readonly text: string,
    private readonly tags: ScalarTag[],
    private readonly options: object,
    private readonly maxNesting: number,
  ) {}

  scan(): YAMLMap | undefined {
    const text = this.text;
    let pos = 0;
    while (pos < text.length) {
      const nl = text.indexOf('\n', pos);
      const lineEnd = nl < 0 ? text.length : nl;
      const next = nl < 0 ? text.length : nl + 1;
      let c = pos;
      while (c < lineEnd && text.charCodeAt(c) === 32) {
        c++;
      }
      if (c < lineEnd) {
        if (text.charCodeAt(c) === 35) {
          this.comment(c - pos);
        } else {
          this.content(c, c - pos, lineEnd, next);
        }
      }
      pos = this.resume ?? next;
      this.resume = undefined;
    }
    if (this.pending) {
      throw new OutsideSubset();
    }
    this.closeDownTo(-1, false, text.length);
    return this.root;
  }

  private comment(indent: number): void {
    if (this.pending) {
      // A comment between a key and its nested value belongs to the key's separator: no range changes.
      return;
    }
    const top = this.stack[this.stack.length - 1];
    if (!top && !this.root) {
      // A comment before the first key belongs to the document.
      return;
    }
    // The library attaches a comment indented deeper than the open collection to the value before it, which lengthens that value's range.
    if (!top || indent > top.indent) {
      throw new OutsideSubset();
    }
    this.comments.push(indent);
  }

  private content(c: number, indent: number, lineEnd: number, next: number): void {
    const text = this.text;
    const dash = text.charCodeAt(c) === 45 && (c + 1 === lineEnd || text.charCodeAt(c + 1) === 32);
    // Two columns per level is the narrowest nesting: deeper indentation is left to the full route's nesting check.
    if (indent > 2 * this.maxNesting || (text.charCodeAt(c) === 45 && !dash)) {
      throw new OutsideSubset();
    }
    if (this.pending) {
      const { open, pair } = this.pending;
      this.pending = undefined;
      this.comments = [];
      if (indent > open.indent || (indent === open.indent && dash)) {
        const child = this.openCollection(dash ? 'seq' : 'map', indent, c);
        pair.value = child.node;
        this.line(child, c, lineEnd, next);
        return;
      }
      // An empty value (null) is left to the full route.
      throw new OutsideSubset();
    }
    if (this.stack.length === 0) {
      if (this.root || indent !== 0 || dash) {
        throw new OutsideSubset();
      }
      const open = this.openCollection('map', 0, c);
      this.root = open.node as YAMLMap;
      this.line(open, c, lineEnd, next);
      return;
    }
    const top = this.closeDownTo(indent, dash, c);
    this.comments = [];
    if (!top) {
      throw new OutsideSubset();
    }
    this.line(top, c, lineEnd, next);
  }

  /**
   * Closes the collections a line at `indent` leaves and returns the one it
   * continues. Comment lines just before it stay in the innermost closing
   * collection (lengthening its range up to the line's first character)
   * unless all of them are indented less than it, as the library decides.
   */
  private closeDownTo(indent: number, dash: boolean, at: number): Open | undefined {
    for (;;) {
      const top = this.stack[this.stack.length - 1];
      if (!top) {
        // Only the end of the text closes the top-level mapping.
        if (indent >= 0) {
          throw new OutsideSubset();
        }
        return undefined;
      }
      if (indent === top.indent && (top.kind === 'map' ? !dash : dash)) {
        return top;
      }
      if (indent > top.indent || (indent === top.indent && top.kind === 'map')) {
        throw new OutsideSubset();
      }
      this.stack.pop();
      let end2 = top.lastEnd;
      if (this.comments.length > 0 && top.indent !== 0 && !this.comments.every((i) => i < top.indent)) {
        end2 = at;
        this.comments = [];
      }
      top.node.range = [top.start, top.lastEnd, end2];
      const parent = this.stack[this.stack.length - 1];
      if (parent) {
        parent.lastEnd = end2;
      }
    }
  }

  private openCollection(kind: 'map' | 'seq', indent: number, start: number): Open {
    const open: Open = { kind, indent, node: kind === 'map' ? new YAMLMap() : new YAMLSeq(), start, lastEnd: start };
    const parent = this.stack[this.stack.length - 1];
    if (parent?.kind === 'seq') {
      (parent.node as YAMLSeq).items.push(open.node);
    }
    this.stack.push(open);
    return open;
  }

  /** Reads a content line in the collection it belongs to. */
  private line(open: Open, c: number, lineEnd: number, next: number): void {
    if (open.kind === 'map') {
      this.mapLine(open, c, lineEnd, next);
      return;
    }
    const text = this.text;
    let v = c + 1;
    while (v < lineEnd && text.charCodeAt(v) === 32) {
      v++;
    }
    if (v >= lineEnd || text.charCodeAt(v) === 45 || text.charCodeAt(v) === 35) {
      throw new OutsideSubset();
    }
    if (this.keyAt(v, lineEnd) !== undefined) {
      const map = this.openCollection('map', v - this.lineStart(c), v);
      this.mapLine(map, v, lineEnd, next);
      return;
    }
    const value = this.inlineValue(v, lineEnd, next, open.indent);
    (open.node as YAMLSeq).items.push(value);
    open.lastEnd = value.range?.[2] ?? next;
  }

  private lineStart(c: number): number {
    return this.text.lastIndexOf('\n', c - 1) + 1;
  }

  /** The end of a plain key at `at` followed by `:` and a space or the line's end, or undefined. */
  private keyAt(at: number, lineEnd: number): number | undefined {
    KEY.lastIndex = at;
    if (!KEY.test(this.text)) {
      return undefined;
    }
    const end = KEY.lastIndex;
    const after = end + 1;
    return this.text.charCodeAt(end) === 58 && (after === lineEnd || this.text.charCodeAt(after) === 32) ? end : undefined;
  }

  private mapLine(open: Open, c: number, lineEnd: number, next: number): void {
    const text = this.text;
    const keyEnd = this.keyAt(c, lineEnd);
    if (keyEnd === undefined || keyEnd - c > 200) {
      throw new OutsideSubset();
    }
    const map = open.node as YAMLMap;
    const key = this.keyScalar(map, c, keyEnd);
    let v = keyEnd + 1;
    while (v < lineEnd && text.charCodeAt(v) === 32) {
      v++;
    }
    if (v >= lineEnd) {
      const pair = new Pair(key, null);
      map.items.push(pair);
      this.pending = { open, pair };
      return;
    }
    if (text.charCodeAt(v) === 35) {
      throw new OutsideSubset();
    }
    const value = this.inlineValue(v, lineEnd, next, open.indent);
    map.items.push(new Pair(key, value));
    open.lastEnd = value.range?.[2] ?? next;
  }

  /**
   * The key `text[start, end)` of a new pair of `map`. A key the core schema
   * reads as null, a boolean or a number would not be the word it looks like,
   * and a repeated key is a YAML error: both are left to the full route.
   */
  private keyScalar(map: YAMLMap, start: number, end: number): Scalar {
    const name = this.text.slice(start, end);
    if (this.typed(name) !== undefined || map.items.some((p) => (p.key as Scalar).value === name)) {
      throw new OutsideSubset();
    }
    const key = new Scalar(name);
    key.range = [start, end, end];
    key.source = name;
    key.type = Scalar.PLAIN;
    return key;
  }

  /**
   * A value that starts on the line at `v`: a quoted or plain scalar, a flow
   * sequence of plain scalars, or a block scalar on the lines below (more
   * indented than `parentIndent`).
   */
  private inlineValue(v: number, lineEnd: number, next: number, parentIndent: number): Scalar | YAMLSeq | YAMLMap {
    const text = this.text;
    const ch = text.charCodeAt(v);
    if (ch === 62 || ch === 124) {
      return this.blockScalar(v, lineEnd, next, parentIndent);
    }
    if (ch === 91) {
      return this.flowSequence(v, lineEnd, next);
    }
    if (ch === 123) {
      return this.flowMapping(v, lineEnd, next);
    }
    if (ch === 39 || ch === 34) {
      return this.quoted(v, lineEnd, next);
    }
    // Indicators that start something else than a plain scalar (or that the subset leaves out): - ? : , [ ] { } # & * ! | > ' " % @ `
    if ('-?:,[]{}#&*!|>\'"%@`'.includes(text[v])) {
      throw new OutsideSubset();
    }
    // A comment starts at ` #`; searched only within the line, so that a long file stays linear.
    let end = v;
    while (end < lineEnd && !(text.charCodeAt(end) === 35 && text.charCodeAt(end - 1) === 32)) {
      end++;
    }
    while (end > v && text.charCodeAt(end - 1) === 32) {
      end--;
    }
    const source = text.slice(v, end);
    // `a: b` inside a value is a nested mapping the library rejects; a trailing `:` is a key without a value.
    if (source.includes(': ') || source.endsWith(':')) {
      throw new OutsideSubset();
    }
    return this.plainScalar(source, v, end, next);
  }

  private plainScalar(source: string, start: number, end: number, end2: number): Scalar {
    const typed = this.typed(source);
    const node = new Scalar(typed === undefined ? source : typed.value);
    node.range = [start, end, end2];
    node.source = source;
    node.type = Scalar.PLAIN;
    if (typed?.format) {
      node.format = typed.format;
    }
    return node;
  }

  /** The value the core schema gives a plain scalar that is not a string, or undefined for a string. */
  private typed(source: string): { value: unknown; format?: string } | undefined {
    const first = source.charCodeAt(0);
    // Only null (`~`, `null`, empty), booleans and numbers have a tag with a test: they start with one of these characters.
    if (!(source === '' || (first >= 48 && first <= 57) || '~nNtTfF+-.'.includes(source[0]))) {
      return undefined;
    }
    for (const tag of this.tags) {
      if (tag.test?.test(source)) {
        let failed = false;
        const value = tag.resolve(source, () => (failed = true), this.options);
        if (failed) {
          throw new OutsideSubset();
        }
        return { value: value instanceof Scalar ? value.value : value, format: (tag as { format?: string }).format };
      }
    }
    return undefined;
  }

  private quoted(v: number, lineEnd: number, next: number): Scalar {
    const text = this.text;
    const q = text[v];
    let close = v + 1;
    for (;;) {
      close = text.indexOf(q, close);
      if (close < 0 || close >= lineEnd) {
        throw new OutsideSubset();
      }
      if (q === "'" && text.charCodeAt(close + 1) === 39) {
        close += 2;
        continue;
      }
      break;
    }
    const inner = text.slice(v + 1, close);
    if (q === '"' && inner.includes('\\')) {
      throw new OutsideSubset();
    }
    this.restIsComment(close + 1, lineEnd);
    const node = new Scalar(q === "'" ? inner.replace(/''/g, "'") : inner);
    node.range = [v, close + 1, next];
    node.source = node.value;
    node.type = q === "'" ? Scalar.QUOTE_SINGLE : Scalar.QUOTE_DOUBLE;
    return node;
  }

  /**
   * A folded (`>`, `>-`) or literal (`|`, `|-`) block scalar whose lines all
   * have the indentation of its first line: no more-indented line, no blank
   * line inside, no indentation or keep indicator. Trailing blank lines end
   * it and are not part of its range, as in the library.
   */
  private blockScalar(v: number, lineEnd: number, next: number, parentIndent: number): Scalar {
    const text = this.text;
    const header = text.slice(v, lineEnd);
    if (header !== '>' && header !== '>-' && header !== '|' && header !== '|-') {
      throw new OutsideSubset();
    }
    const lines: string[] = [];
    let blockIndent = -1;
    let pos = next;
    let end = next;
    let blank = false;
    while (pos < text.length) {
      const nl = text.indexOf('\n', pos);
      const le = nl < 0 ? text.length : nl;
      let c = pos;
      while (c < le && text.charCodeAt(c) === 32) {
        c++;
      }
      const indent = c - pos;
      if (c === le) {
        // A blank line: the end of the scalar when no content follows at its indentation.
        if (lines.length === 0 || (blockIndent >= 0 && indent >= blockIndent)) {
          throw new OutsideSubset();
        }
        blank = true;
        pos = nl < 0 ? text.length : nl + 1;
        continue;
      }
      if (blockIndent < 0) {
        if (indent <= parentIndent) {
          throw new OutsideSubset();
        }
        blockIndent = indent;
      }
      if (indent < blockIndent) {
        break;
      }
      if (indent > blockIndent || blank) {
        throw new OutsideSubset();
      }
      lines.push(text.slice(c, le));
      pos = nl < 0 ? text.length : nl + 1;
      end = pos;
    }
    if (lines.length === 0) {
      throw new OutsideSubset();
    }
    const folded = header[0] === '>';
    const value = lines.join(folded ? ' ' : '\n') + (header.length === 1 ? '\n' : '');
    const node = new Scalar(value);
    node.range = [v, end, end];
    node.source = value;
    node.type = folded ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL;
    this.resume = end;
    return node;
  }

  /** After a value only spaces and a comment may follow on the line. */
  private restIsComment(from: number, lineEnd: number): void {
    let i = from;
    while (i < lineEnd && this.text.charCodeAt(i) === 32) {
      i++;
    }
    if (i < lineEnd && !(this.text.charCodeAt(i) === 35 && i > from)) {
      throw new OutsideSubset();
    }
  }

  /** `{from: 2024, to: 2025-06}` on one line: plain keys, plain scalar values (a timeline, a budget). */
  private flowMapping(v: number, lineEnd: number, next: number): YAMLMap {
    const map = new YAMLMap();
    map.flow = true;
    map.range = this.flowEntries(v, lineEnd, next, 125, (start, value) => {
      const text = this.text;
      KEY.lastIndex = start;
      if (!KEY.test(text) || text.charCodeAt(KEY.lastIndex) !== 58 || text.charCodeAt(KEY.lastIndex + 1) !== 32) {
        throw new OutsideSubset();
      }
      const keyEnd = KEY.lastIndex;
      const key = this.keyScalar(map, start, keyEnd);
      let i = keyEnd + 1;
      while (i < lineEnd && text.charCodeAt(i) === 32) {
        i++;
      }
      const scalar = value(i);
      map.items.push(new Pair(key, scalar));
      return scalar.range?.[2] ?? i;
    });
    return map;
  }

  /** `[a, b, c]` on one line, entries plain scalars. */
  private flowSequence(v: number, lineEnd: number, next: number): YAMLSeq {
    const seq = new YAMLSeq();
    seq.flow = true;
    seq.range = this.flowEntries(v, lineEnd, next, 93, (start, value) => {
      const scalar = value(start);
      seq.items.push(scalar);
      return scalar.range?.[2] ?? start;
    });
    return seq;
  }

  /**
   * Reads the entries of a one-line flow collection opened at `v` and closed
   * by the character `close`; `entry` reads one entry at its start (given a
   * reader of a plain scalar value) and returns where it ends. Returns the
   * collection's range. A trailing comma, a nested collection or a quoted
   * entry is left to the full route.
   */
  private flowEntries(v: number, lineEnd: number, next: number, close: number, entry: (start: number, value: (at: number) => Scalar) => number): [number, number, number] {
    const text = this.text;
    const value = (at: number): Scalar => {
      if (at >= lineEnd || '-?:,[]{}#&*!|>\'"%@`'.includes(text[at])) {
        throw new OutsideSubset();
      }
      let i = at;
      while (i < lineEnd && !',[]{}#:\'"'.includes(text[i])) {
        i++;
      }
      if (i >= lineEnd) {
        throw new OutsideSubset();
      }
      let end = i;
      while (text.charCodeAt(end - 1) === 32) {
        end--;
      }
      return this.plainScalar(text.slice(at, end), at, end, i);
    };
    let i = v + 1;
    let first = true;
    for (;;) {
      while (i < lineEnd && text.charCodeAt(i) === 32) {
        i++;
      }
      if (i >= lineEnd || (text.charCodeAt(i) === close && !first)) {
        throw new OutsideSubset();
      }
      if (text.charCodeAt(i) === close) {
        break;
      }
      i = entry(i, value);
      first = false;
      if (text.charCodeAt(i) === close) {
        break;
      }
      if (text.charCodeAt(i) !== 44) {
        throw new OutsideSubset();
      }
      i++;
    }
    this.restIsComment(i + 1, lineEnd);
    return [v, i + 1, next];
  }
}

/**
 * Where the cursor stands for completion, read from the text around it.
 *
 * A document being typed is often not valid YAML (`related: [1.A, ` with
 * no closing bracket yet), and then the parser loses everything after the
 * error. So completion does not ask the parse where the cursor is: it reads
 * the current line, the lines above and below, their indentation and the
 * keys they hold, much as an author reads them. The candidates then come
 * from the index (see `completion.ts`).
 */
import { Span } from '../model/types';

/** The keys whose values completion offers codes for. */
export type SiteKey = 'related' | 'after' | 'goals' | 'descriptors' | 'responsible' | 'partners' | 'goalsFrom' | 'implements' | 'documents' | 'id' | 'markdown';

/** The value being typed and what surrounds it. */
export interface CompletionSite {
  key: SiteKey;
  /** The whole value being typed (inside quotes when quoted): the chosen candidate replaces it. */
  range: Span;
  /** The text from the start of the value to the cursor: what candidates are matched against. */
  typed: string;
  /** The other entries of the same sequence, which are not offered again. */
  listed: string[];
  /** The code of the item whose key this is (not offered to itself in `related`). */
  ownId?: string;
  /** For `id`: the parent item's code, undefined at the top level. */
  parentCode?: string;
  /** For `id`: the codes of the siblings, read from the text. */
  siblings?: string[];
  /** The colon has no space after it yet: the inserted text starts with one. */
  needsSpace?: boolean;
  /** A list key written with a plain value (`related: 1.A`): the inserted code is wrapped in `[…]`. */
  wrapInList?: boolean;
}

const LIST_KEYS = new Set(['related', 'after', 'goals', 'descriptors', 'partners']);
const SCALAR_KEYS = new Set(['responsible', 'goalsFrom', 'implements']);
/** How far back (in characters) a flow sequence's `[` is looked for. */
const FLOW_LOOKBACK = 4000;
/** How many lines up or down a block's owner and siblings are looked for. */
const MAX_LINES = 5000;

interface Line {
  start: number;
  end: number;
  /** The line without its line break. */
  content: string;
  indent: number;
}

function lineOf(text: string, start: number): Line {
  let end = text.indexOf('\n', start);
  if (end < 0) {
    end = text.length;
  }
  const content = text.slice(start, end).replace(/\r$/, '');
  return { start, end, content, indent: content.length - content.trimStart().length };
}

function lineAt(text: string, offset: number): Line {
  return lineOf(text, text.lastIndexOf('\n', offset - 1) + 1);
}

function previousLine(text: string, line: Line): Line | undefined {
  return line.start === 0 ? undefined : lineOf(text, text.lastIndexOf('\n', line.start - 2) + 1);
}

function nextLine(text: string, line: Line): Line | undefined {
  return line.end >= text.length ? undefined : lineOf(text, line.end + 1);
}

/** Blank lines and comment lines say nothing about structure. */
function isBlank(line: Line): boolean {
  const t = line.content.trim();
  return t.length === 0 || t.startsWith('#');
}

/** A scalar as written, without quotes and trailing comment. */
function scalarValue(raw: string): string {
  const t = raw.replace(/\s+#.*$/, '').trim();
  const q = /^(["'])(.*)\1$/.exec(t);
  return q ? q[2] : t;
}

/** `- ` entries: the column where the entry's content starts, or undefined for other lines. */
function dashContentColumn(line: Line): number | undefined {
  const m = /^(\s*)((?:-\s+)+)/.exec(line.content);
  return m ? m[1].length + m[2].length : undefined;
}

/**
 * The value of key `key` in the mapping whose keys stand at column
 * `keyCol`, looking up from `line` (inclusive) to the mapping's start.
 */
function keyAbove(text: string, from: Line, keyCol: number, key: string): string | undefined {
  const pattern = new RegExp(`^${key}\\s*:(.*)$`);
  let line: Line | undefined = from;
  for (let n = 0; line && n < MAX_LINES; n++, line = previousLine(text, line)) {
    if (isBlank(line)) {
      continue;
    }
    const dashCol = dashContentColumn(line);
    const col = dashCol ?? line.indent;
    if (col > keyCol || (dashCol !== undefined && dashCol > keyCol)) {
      continue;
    }
    if (col === keyCol) {
      const m = pattern.exec(line.content.slice(keyCol));
      if (m) {
        return scalarValue(m[1]);
      }
      if (dashCol !== undefined) {
        return undefined;
      }
      continue;
    }
    return undefined;
  }
  return undefined;
}

/** The unclosed `[` before `offset` on the flow sequence the cursor is in, or undefined. */
function openBracket(text: string, offset: number): number | undefined {
  let depth = 0;
  const stop = Math.max(0, offset - FLOW_LOOKBACK);
  for (let i = offset - 1; i >= stop; i--) {
    const ch = text[i];
    if (ch === ']') {
      depth++;
    } else if (ch === '[') {
      if (depth === 0) {
        return i;
      }
      depth--;
    } else if (ch === ':' && depth === 0 && /\s/.test(text[i + 1] ?? '\n')) {
      // A key separator outside brackets: the cursor is in that key's value, not in a flow sequence.
      return undefined;
    }
  }
  return undefined;
}

/** The end of the value that starts at or before `offset`: up to the delimiter, without trailing spaces. */
function valueEnd(text: string, offset: number, delimiters: RegExp, quoted: string | undefined, lineEnd: number): number {
  let end = offset;
  while (end < lineEnd) {
    const ch = text[end];
    if (quoted !== undefined ? ch === quoted : delimiters.test(ch) || (ch === '#' && /\s/.test(text[end - 1] ?? ' '))) {
      break;
    }
    end++;
  }
  if (quoted === undefined) {
    while (end > offset && /\s/.test(text[end - 1])) {
      end--;
    }
  }
  return end;
}

/** Where the value of a sequence entry starts: after the delimiter, white space and an opening quote. */
function valueStart(text: string, from: number, offset: number): { start: number; quote?: string } {
  let start = from;
  while (start < offset && /\s/.test(text[start])) {
    start++;
  }
  const ch = text[start];
  if ((ch === '"' || ch === "'") && start < offset) {
    return { start: start + 1, quote: ch };
  }
  return { start };
}

/** The completion site at `offset` of a YAML strategy document, or undefined where nothing is completed. */
export function yamlCompletionSite(text: string, offset: number): CompletionSite | undefined {
  const line = lineAt(text, offset);
  const before = text.slice(line.start, offset);
  if (/(^|\s)#/.test(before)) {
    return undefined;
  }
  return flowSite(text, offset, line) ?? keyValueSite(text, offset, line, before) ?? blockEntrySite(text, offset, line, before);
}

function flowSite(text: string, offset: number, line: Line): CompletionSite | undefined {
  const bracket = openBracket(text, offset);
  if (bracket === undefined) {
    return undefined;
  }
  const bracketLine = lineAt(text, bracket);
  const keyMatch = /(?:^|[\s{,-])([A-Za-z][\w-]*)\s*:\s*$/.exec(text.slice(bracketLine.start, bracket));
  if (!keyMatch || !LIST_KEYS.has(keyMatch[1])) {
    return undefined;
  }
  const entryFrom = Math.max(text.lastIndexOf(',', offset - 1), bracket) + 1;
  const { start, quote } = valueStart(text, entryFrom, offset);
  const end = valueEnd(text, offset, /[,\]\n\r]/, quote, line.end);
  const listEnd = flowEnd(text, offset, line);
  const listed: string[] = [];
  let pos = bracket + 1;
  for (const part of text.slice(bracket + 1, listEnd).split(',')) {
    const partStart = pos;
    pos += part.length + 1;
    if (!(partStart <= offset && offset <= pos - 1)) {
      const v = scalarValue(part);
      if (v) {
        listed.push(v);
      }
    }
  }
  const keyCol = bracketLine.indent + (/^\s*((?:-\s+)*)/.exec(bracketLine.content)?.[1].length ?? 0);
  return {
    key: keyMatch[1] as SiteKey,
    range: { start, end: Math.max(end, offset) },
    typed: text.slice(start, offset),
    listed,
    ownId: keyAbove(text, bracketLine, keyCol, 'id'),
  };
}

/**
 * Where the entries of an open flow sequence end: its `]`, or, while the
 * bracket is still unclosed, the line before the next key.
 */
function flowEnd(text: string, offset: number, line: Line): number {
  for (let l: Line | undefined = line, n = 0; l && n < 200; n++, l = nextLine(text, l)) {
    if (l !== line && /^\s*(?:-\s+)?[A-Za-z][\w-]*\s*:/.test(l.content)) {
      return l.start - 1;
    }
    const close = text.indexOf(']', l === line ? offset : l.start);
    if (close >= 0 && close < l.end) {
      return close;
    }
  }
  return line.end;
}

function keyValueSite(text: string, offset: number, line: Line, before: string): CompletionSite | undefined {
  const m = /^(\s*)((?:-\s+)*)([A-Za-z][\w-]*)\s*:(\s*)(["']?)([^"'#[\]{}]*)$/.exec(before);
  if (!m) {
    return undefined;
  }
  const [, indent, dashes, key, space, quote, typed] = m;
  const keyCol = indent.length + dashes.length;
  const start = offset - typed.length;
  const end = valueEnd(text, offset, /[\n\r]/, quote || undefined, line.end);
  const base = { range: { start, end: Math.max(end, offset) }, typed, listed: [] as string[], needsSpace: space.length === 0 && !quote };
  if (key === 'id') {
    // The `id` of a `documents` entry names an outside document (spec 6.4), not an item.
    return keyCol > 0 && ownerKey(text, line, keyCol, dashes.length > 0) === 'documents' ? undefined : idSite(text, line, keyCol, base);
  }
  if (key === 'strategy' && keyCol > 0 && ownerKey(text, line, keyCol, dashes.length > 0) === 'documents') {
    return { key: 'documents', ...base };
  }
  if (SCALAR_KEYS.has(key)) {
    return { key: key as SiteKey, ...base, ownId: keyAbove(text, line, keyCol, 'id') };
  }
  if (LIST_KEYS.has(key)) {
    return { key: key as SiteKey, ...base, ownId: keyAbove(text, line, keyCol, 'id'), wrapInList: !quote };
  }
  return undefined;
}

/**
 * The key that owns the sequence an entry at `line` belongs to: the entry's
 * mapping starts at a `- ` whose content column is `keyCol`; the sequence's
 * key is the first line above at a smaller column (or at the dash's column
 * without a dash, for sequences not indented under their key).
 */
function ownerKey(text: string, line: Line, keyCol: number, dashOnLine: boolean): string | undefined {
  const start = dashOnLine ? line : entryStart(text, line, keyCol);
  if (!start) {
    return undefined;
  }
  return sequenceOwner(text, start, start.indent)?.key;
}

/** The line where the mapping whose keys stand at `keyCol` starts with `- `. */
function entryStart(text: string, from: Line, keyCol: number): Line | undefined {
  let line: Line | undefined = from;
  for (let n = 0; line && n < MAX_LINES; n++, line = previousLine(text, line)) {
    if (isBlank(line)) {
      continue;
    }
    const dashCol = dashContentColumn(line);
    if (dashCol === keyCol) {
      return line;
    }
    if ((dashCol ?? line.indent) < keyCol) {
      return undefined;
    }
  }
  return undefined;
}

/** The key line that owns the sequence whose dashes stand at `dashCol`, looking up from one of its entries. */
function sequenceOwner(text: string, entry: Line, dashCol: number): { key: string; line: Line; keyCol: number } | undefined {
  for (let line = previousLine(text, entry), n = 0; line && n < MAX_LINES; n++, line = previousLine(text, line)) {
    if (isBlank(line)) {
      continue;
    }
    const isDash = dashContentColumn(line) !== undefined;
    if (line.indent > dashCol || (line.indent === dashCol && isDash)) {
      continue;
    }
    const m = /^(\s*)((?:-\s+)*)([A-Za-z][\w-]*)\s*:\s*(#.*)?$/.exec(line.content);
    return m ? { key: m[3], line, keyCol: m[1].length + m[2].length } : undefined;
  }
  return undefined;
}

/** The `- ` entries of the sequence whose dashes stand at `dashCol` around `entry`, without `entry` itself. */
function sequenceEntries(text: string, entry: Line, dashCol: number): Line[] {
  const out: Line[] = [];
  const collect = (step: (l: Line) => Line | undefined): void => {
    for (let line = step(entry), n = 0; line && n < MAX_LINES; n++, line = step(line)) {
      if (isBlank(line) || line.indent > dashCol) {
        continue;
      }
      if (line.indent === dashCol && dashContentColumn(line) !== undefined) {
        out.push(line);
        continue;
      }
      // A line left of the dashes (or a key at their column) ends the sequence.
      return;
    }
  };
  collect((l) => previousLine(text, l));
  collect((l) => nextLine(text, l));
  return out;
}

function blockEntrySite(text: string, offset: number, line: Line, before: string): CompletionSite | undefined {
  const m = /^(\s*)-(\s+)(["']?)([^"'#:[\]{}]*)$/.exec(before);
  if (!m) {
    return undefined;
  }
  const [, indent, , quote, typed] = m;
  const owner = sequenceOwner(text, line, indent.length);
  if (!owner || !LIST_KEYS.has(owner.key)) {
    return undefined;
  }
  const start = offset - typed.length;
  const end = valueEnd(text, offset, /[\n\r]/, quote || undefined, line.end);
  const listed = sequenceEntries(text, line, indent.length)
    .map((l) => scalarValue(l.content.slice(dashContentColumn(l) ?? 0)))
    .filter((v) => v.length > 0);
  return {
    key: owner.key as SiteKey,
    range: { start, end: Math.max(end, offset) },
    typed,
    listed,
    ownId: keyAbove(text, owner.line, owner.keyCol, 'id'),
  };
}

/** The `id:` of a new item: its parent's code and its siblings, from the `items:` block it stands in. */
function idSite(text: string, line: Line, keyCol: number, base: Omit<CompletionSite, 'key'>): CompletionSite | undefined {
  const start = entryStart(text, line, keyCol);
  if (!start) {
    return undefined;
  }
  const owner = sequenceOwner(text, start, start.indent);
  if (owner?.key !== 'items') {
    return undefined;
  }
  let parentCode: string | undefined;
  if (owner.keyCol > 0) {
    parentCode = keyAbove(text, owner.line, owner.keyCol, 'id');
    if (parentCode === undefined || parentCode.length === 0) {
      return undefined;
    }
  }
  const siblings: string[] = [];
  for (const entry of sequenceEntries(text, start, start.indent)) {
    const id = idOfEntry(text, entry, keyCol);
    if (id) {
      siblings.push(id);
    }
  }
  return { key: 'id', ...base, parentCode, siblings };
}

/** The `id` of the mapping that starts at the `- ` line `entry`, whose keys stand at `keyCol`. */
function idOfEntry(text: string, entry: Line, keyCol: number): string | undefined {
  for (let line: Line | undefined = entry, n = 0; line && n < 200; n++, line = nextLine(text, line)) {
    if (line !== entry && !isBlank(line) && (line.indent < keyCol || dashContentColumn(line) === keyCol)) {
      return undefined;
    }
    const m = /^id\s*:(.*)$/.exec(line.content.slice(keyCol));
    if (m && (line === entry || line.indent === keyCol)) {
      return scalarValue(m[1]) || undefined;
    }
  }
  return undefined;
}

/** A qualified reference being typed in Markdown (`praha-integrace/2.A`), or undefined. */
export function markdownCompletionSite(text: string, offset: number): CompletionSite | undefined {
  let start = offset;
  while (start > 0 && /[A-Za-z0-9./-]/.test(text[start - 1])) {
    start--;
  }
  const typed = text.slice(start, offset);
  if (!/^[a-z0-9-]*[a-z][a-z0-9-]*\/[A-Za-z0-9.]*$/.test(typed) || /[\w/:.-]/.test(text[start - 1] ?? ' ')) {
    return undefined;
  }
  let end = offset;
  while (end < text.length && /[A-Za-z0-9.]/.test(text[end])) {
    end++;
  }
  return { key: 'markdown', range: { start, end }, typed, listed: [] };
}

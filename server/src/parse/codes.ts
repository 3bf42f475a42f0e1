/**
 * The code grammar of the spec (section 2.1): item ids, descriptor codes,
 * document ids, qualified references, and the values of sibling segments.
 */

const NUMBER = /^\d+$/;
const LETTERS = /^[A-Z]+$/;
const LETTERS_DIGITS = /^([A-Z]+)(\d+)$/;
const ROMAN = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const DOC_ID = /^[a-z0-9][a-z0-9-]*$/;
const DESCRIPTOR = /^([IVXLCDM]+)\.([a-z])$/;

/** True for one segment of an item id: `11`, `A`, `IV`, `A1`. */
export function isSegment(s: string): boolean {
  return NUMBER.test(s) || LETTERS.test(s) || LETTERS_DIGITS.test(s);
}

const ITEM_CODE = /^(?:\d+|[A-Z]+\d*)(?:\.(?:\d+|[A-Z]+\d*))*$/;

/** True when `code` is segments joined by `.` (`2`, `2.A.11.I`, `A1.1`). */
export function isItemCode(code: string): boolean {
  return ITEM_CODE.test(code);
}

/** True for a non-empty, well-formed Roman numeral (`I`, `IV`, `XII`). */
export function isRoman(s: string): boolean {
  return s.length > 0 && ROMAN.test(s);
}

/** True for a document or catalog id: `[a-z0-9][a-z0-9-]*`. */
export function isDocumentId(id: string): boolean {
  return DOC_ID.test(id);
}

/** True for a descriptor code: a Roman-numeral area, `.`, a lowercase letter (`XVII.b`). */
export function isDescriptorCode(code: string): boolean {
  const m = DESCRIPTOR.exec(code);
  return m !== null && isRoman(m[1]);
}

/** True for an actor id: any non-empty text without white space or control characters. */
export function isActorId(id: string): boolean {
  return id.length > 0 && !/[\s\p{C}]/u.test(id);
}

/** The value of Roman numeral `s` (which must be valid). */
export function romanValue(s: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const cur = v[s[i]];
    const next = i + 1 < s.length ? v[s[i + 1]] : 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}

/** Roman numeral for `n` (1 … 3999). */
export function toRoman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, numeral] of table) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}

/** Value of a letters segment: A = 1 … Z = 26, AA = 27 (bijective base 26, as spreadsheet columns). */
export function lettersValue(s: string): number {
  let v = 0;
  for (const ch of s) {
    v = v * 26 + (ch.charCodeAt(0) - 64);
  }
  return v;
}

/** Letters segment for value `n` ≥ 1 (inverse of `lettersValue`). */
export function toLetters(n: number): string {
  let out = '';
  let rest = n;
  while (rest > 0) {
    const r = (rest - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    rest = Math.floor((rest - 1) / 26);
  }
  return out;
}

/**
 * True when `child` extends `parent` by one segment: `parent.SEG`, or, where
 * the parent's id ends in letters, `parent` followed directly by digits (`A` → `A1`),
 * or, where the parent's id is one letters+digits segment, its digits alone
 * followed by a segment (a labelled parent, spec 6.1: `SC1` → `1.1`).
 */
export function extendsParent(child: string, parent: string): boolean {
  const labelled = LETTERS_DIGITS.exec(parent);
  if (labelled && child.startsWith(labelled[2] + '.') && isSegment(child.slice(labelled[2].length + 1))) {
    return true;
  }
  if (!child.startsWith(parent)) {
    return false;
  }
  const rest = child.slice(parent.length);
  if (rest.startsWith('.')) {
    return isSegment(rest.slice(1));
  }
  const lastParent = parent.slice(parent.lastIndexOf('.') + 1);
  return LETTERS.test(lastParent) && NUMBER.test(rest);
}

/** The last segment of `child` below `parent` (`A1` for `A` → `A1`, `11` for `2.A` → `2.A.11`). */
export function lastSegment(code: string): string {
  return code.slice(code.lastIndexOf('.') + 1);
}

/** How a sibling group counts. */
export type SequenceKind = 'number' | 'letters' | 'roman' | 'letters-digits';

/** A sibling's last segment read in the kind of its group. */
export interface SegmentValue {
  kind: SequenceKind;
  value: number;
  /** For letters+digits segments, the letters before the digits. */
  prefix: string;
}

/**
 * Decides how a sibling group counts, from the last segments of its members
 * (spec 2.1): Roman when all are Roman numerals and the first is `I` or one of
 * them has two or more characters; otherwise letters are letters.
 */
export function sequenceKindOf(segments: readonly string[]): SequenceKind | undefined {
  if (segments.length === 0) {
    return undefined;
  }
  if (segments.every(isRoman) && (segments[0] === 'I' || segments.some((s) => s.length >= 2))) {
    return 'roman';
  }
  if (segments.every((s) => NUMBER.test(s))) {
    return 'number';
  }
  if (segments.every((s) => LETTERS.test(s))) {
    return 'letters';
  }
  if (segments.every((s) => LETTERS_DIGITS.test(s))) {
    return 'letters-digits';
  }
  return undefined;
}

/** Reads `segment` as a member of a group of `kind`. */
export function segmentValue(segment: string, kind: SequenceKind): SegmentValue {
  switch (kind) {
    case 'number':
      return { kind, value: parseInt(segment, 10), prefix: '' };
    case 'roman':
      return { kind, value: romanValue(segment), prefix: '' };
    case 'letters':
      return { kind, value: lettersValue(segment), prefix: '' };
    case 'letters-digits': {
      const m = LETTERS_DIGITS.exec(segment);
      return { kind, value: m ? parseInt(m[2], 10) : 0, prefix: m ? m[1] : '' };
    }
  }
}

/** Writes value `n` as a segment of `kind` (the inverse of `segmentValue`). */
export function formatSegment(n: number, kind: SequenceKind, prefix = ''): string {
  switch (kind) {
    case 'number':
      return String(n);
    case 'roman':
      return toRoman(n);
    case 'letters':
      return toLetters(n);
    case 'letters-digits':
      return prefix + String(n);
  }
}

/** A qualified reference split into its parts; undefined when `text` has no `/`. */
export interface QualifiedParts {
  docId: string;
  code: string;
  /** Offset of the code part within `text`. */
  codeOffset: number;
}

export function splitQualified(text: string): QualifiedParts | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) {
    return undefined;
  }
  return { docId: text.slice(0, slash), code: text.slice(slash + 1), codeOffset: slash + 1 };
}

/**
 * Characters that look like Latin capitals or digits or `.` but are not, with
 * the character they imitate. Authors paste codes from Word and PDFs, where
 * these slip in unseen.
 */
const LOOKALIKES: Record<string, string> = {
  '\u0410': 'A', '\u0412': 'B', '\u0421': 'C', '\u0415': 'E', '\u041D': 'H', '\u0406': 'I', '\u041A': 'K',
  '\u041C': 'M', '\u041E': 'O', '\u0420': 'P', '\u0422': 'T', '\u0425': 'X', '\u0423': 'Y',
  '\u0391': 'A', '\u0392': 'B', '\u0395': 'E', '\u0397': 'H', '\u0399': 'I', '\u039A': 'K', '\u039C': 'M',
  '\u039D': 'N', '\u039F': 'O', '\u03A1': 'P', '\u03A4': 'T', '\u03A7': 'X', '\u03A5': 'Y', '\u0396': 'Z',
  '\u2160': 'I', '\u2161': 'II', '\u2162': 'III', '\u2163': 'IV', '\u2164': 'V', '\u2165': 'VI', '\u2166': 'VII',
  '\u2167': 'VIII', '\u2168': 'IX', '\u2169': 'X', '\u216A': 'XI', '\u216B': 'XII',
  '\u0430': 'a', '\u0435': 'e', '\u043E': 'o', '\u0440': 'p', '\u0441': 'c', '\u0445': 'x', '\u0456': 'i',
  '\u00A0': '', '\u2007': '', '\u202F': '', '\u200B': '', '\u200C': '', '\u200D': '', '\u2060': '', '\uFEFF': '',
  '\u2024': '.', '\uFF0E': '.', '\u2027': '.', '\u00B7': '.',
  '\uFF10': '0', '\uFF11': '1', '\uFF12': '2', '\uFF13': '3', '\uFF14': '4', '\uFF15': '5', '\uFF16': '6', '\uFF17': '7', '\uFF18': '8', '\uFF19': '9',
};

/** The first look-alike character in `text`, with its code point written `U+XXXX`, and `text` with every look-alike replaced. */
export function findLookalike(text: string): { char: string; codePoint: string; replacement: string; fixed: string } | undefined {
  let found: { char: string; codePoint: string; replacement: string } | undefined;
  let fixed = '';
  for (const ch of text) {
    const repl = LOOKALIKES[ch];
    if (repl !== undefined) {
      found ??= { char: ch, codePoint: 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'), replacement: repl };
      fixed += repl;
    } else {
      fixed += ch;
    }
  }
  return found ? { ...found, fixed } : undefined;
}

/**
 * A likely intended item code for a malformed one: look-alikes replaced,
 * surrounding white space and a trailing dot removed (exports write `1.A.`),
 * letters upper-cased. Undefined when no such repair gives a valid code.
 */
export function repairItemCode(code: string): string | undefined {
  let fixed = findLookalike(code)?.fixed ?? code;
  fixed = fixed.trim().replace(/\.+$/, '').replace(/\s+/g, '');
  if (isItemCode(fixed) && fixed !== code) {
    return fixed;
  }
  const upper = fixed.toUpperCase();
  return isItemCode(upper) && upper !== code ? upper : undefined;
}

/** Like `repairItemCode`, for descriptor codes (`viii.E` → `VIII.e`). */
export function repairDescriptorCode(code: string): string | undefined {
  const fixed = (findLookalike(code)?.fixed ?? code).trim().replace(/\s+/g, '');
  const m = /^([ivxlcdmIVXLCDM]+)\.([a-zA-Z])$/.exec(fixed);
  if (!m) {
    return undefined;
  }
  const repaired = `${m[1].toUpperCase()}.${m[2].toLowerCase()}`;
  return isDescriptorCode(repaired) && repaired !== code ? repaired : undefined;
}

/**
 * The shape depth of an item code: one per segment, plus one for each
 * letters+digits segment (whose letters name a parent: `A1` sits under `A`).
 * Used to name the level of a code that does not exist.
 */
export function shapeDepth(code: string): number {
  let depth = 0;
  for (const seg of code.split('.')) {
    depth += LETTERS_DIGITS.test(seg) ? 2 : 1;
  }
  return depth;
}

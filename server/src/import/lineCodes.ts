/**
 * Recognising a code at the start of a line of text, in the styles Czech
 * strategies write them: bare (`1`, `1.1`, `2.A.11.I`, `A1.1`, `C2.2.1`, `I.`),
 * and after the words that name a level (`Priorita 1:`, `Cíl č. 1 →`,
 * `Strategický cíl SC1.`, `Opatření 1.3.4`, `aktivita 2.1.2.1`,
 * `Architektonický princip P1:`). The words become the level's name; the code
 * is kept as written, without a trailing dot.
 */
import { isItemCode, isRoman } from '../parse/codes';

/** A code found at the start of a line. */
export interface LineCode {
  code: string;
  /** The words before the code (`Cíl č.`), when there were any. */
  label?: string;
  /** The text after the code and its separator. */
  rest: string;
  /** True when the source wrote the code with a trailing dot (`1.A.`), which is not part of it. */
  trailingDot: boolean;
}

/**
 * Words that name a level before its code. Longer phrases first, so that
 * `Strategický cíl` wins over `Cíl`. Matched without regard to case.
 */
const LABELS = [
  'prioritní oblast', 'strategická oblast', 'tematická oblast', 'prioritní osa', 'strategický cíl', 'specifický cíl',
  'dílčí cíl', 'operační cíl', 'hlavní cíl', 'architektonický princip', 'priorita', 'pilíř', 'oblast', 'cíl',
  'opatření', 'aktivita', 'projekt', 'úkol', 'záměr', 'podprogram', 'program', 'princip', 'osa',
];

const LABEL_RE = new RegExp(`^(${LABELS.join('|')})(\\s+č\\.)?\\s+`, 'iu');
/** A code: letters+digits segments, numbers of up to three digits, capital letters or Roman numerals, joined by dots. */
const CODE_RE = /^((?:[A-Z]{1,3}\d{1,3}|\d{1,3}|[A-Z]{1,2}|[IVXL]{1,6})(?:\.(?:\d{1,3}|[A-Z]{1,2}|[IVXL]{1,6}|[A-Z]{1,3}\d{1,3}))*)(\.?)(?=$|[\s:)→–—-])/u;
/** What may stand between a code and its title. */
const SEPARATOR_RE = /^\s*(?:[:)→–—-]|=>|->)?\s*/u;

/**
 * The code at the start of `line`, or undefined when the line does not start
 * with one. Prose that merely mentions a code (`dle opatření 4.1.1`, `kap.
 * 4.1.1`) does not start with a code or a level's words, and a bare number
 * needs a title that starts with a capital letter, so that dates, amounts and
 * page numbers are not read as codes.
 */
export function readLineCode(line: string): LineCode | undefined {
  const text = line.trim();
  const labelMatch = LABEL_RE.exec(text);
  const label = labelMatch ? text.slice(0, labelMatch[0].length).trim() : undefined;
  const afterLabel = labelMatch ? text.slice(labelMatch[0].length) : text;
  const m = CODE_RE.exec(afterLabel);
  if (!m) {
    return undefined;
  }
  const code = m[1];
  const trailingDot = m[2] === '.';
  const rest = afterLabel.slice(m[0].length).replace(SEPARATOR_RE, '');
  if (!isItemCode(code)) {
    return undefined;
  }
  if (label === undefined && !plausibleBareCode(code, trailingDot, afterLabel.slice(m[0].length), rest)) {
    return undefined;
  }
  return { code, label, rest, trailingDot };
}

/** Whether a code without a level's words before it is a code and not a number, a letter or a word of prose. */
function plausibleBareCode(code: string, trailingDot: boolean, afterCode: string, rest: string): boolean {
  if (rest === '') {
    return false;
  }
  const first = rest.charAt(0);
  const capital = /\p{Lu}|[„"«]/u.test(first);
  const letter = /\p{L}/u.test(first);
  const segments = code.split('.');
  if (segments.length === 1) {
    // One bare segment: `1. Title`, `A) Title`, `IV. Title`, `A1 Title` — a capital after it, and for a lone letter or numeral a dot or bracket too.
    if (!capital) {
      return false;
    }
    if (/^[A-Z]{1,2}$/.test(code) || isRoman(code)) {
      return trailingDot || /^\s*[):]/.test(afterCode);
    }
    return true;
  }
  // Dotted codes (`1.1`, `2.A.11.I`) are codes before any title that starts with a letter (OCR may lose capitals).
  return letter;
}

/** A line that is only a page number (`12`, `- 12 -`, `Strana 3 z 40`, `3/40`). */
export function isPageNumber(line: string): boolean {
  return /^\s*(?:[-–]\s*)?\d{1,4}(?:\s*[-–])?\s*$/.test(line) || /^\s*(?:strana|str\.|page)\s*\d+(?:\s*(?:z|of|\/)\s*\d+)?\s*$/iu.test(line) || /^\s*\d{1,4}\s*\/\s*\d{1,4}\s*$/.test(line);
}

/** A line of a table of contents: a title, leader dots and a page number. */
export function isContentsLine(line: string): boolean {
  return /(?:\.{4,}|…{2,}|(?:\. ){4,})\s*\d{1,4}\s*$/.test(line);
}

/**
 * The numbers Word shows before numbered paragraphs, computed from the
 * document's numbering definitions (`numbering.xml`) as Word does: one
 * counter per list (`w:num`) and level, starting at the level's `w:start`
 * (or the list's `w:startOverride`), deeper levels restarting when a higher
 * one counts up, and the level text (`%1.%2.`, `Cíl %1:`, `SC%1.`) filled with
 * each level's counter in its format (decimal, letters, Roman numerals).
 */
import { toRoman } from '../parse/codes';

/** One level of a list definition (`w:lvl`). */
export interface NumberingLevel {
  start: number;
  /** `decimal`, `upperLetter`, `lowerLetter`, `upperRoman`, `lowerRoman`, `bullet`, `none`, … */
  format: string;
  /** `%1.%2.`: `%n` is level n's number. */
  text: string;
}

/** The numbering definitions of a document. */
export interface NumberingDefinitions {
  /** Abstract list id → levels by `ilvl`. */
  abstract: Map<string, Map<number, NumberingLevel>>;
  /** List id (`w:numId`) → its abstract list and start overrides by level. */
  lists: Map<string, { abstractId: string; startOverrides: Map<number, number> }>;
}

/** The letters for `n` as Word writes them: A … Z, then AA, BB … (the letter repeated). */
function letters(n: number): string {
  if (n < 1) {
    return String(n);
  }
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A counter in a level's format. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'upperRoman':
      return toRoman(n);
    case 'lowerRoman':
      return toRoman(n).toLowerCase();
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    default:
      return String(n);
  }
}

/** Counts numbered paragraphs in document order and gives each its displayed number. */
export class WordNumbering {
  private counters = new Map<string, number[]>();

  constructor(private readonly defs: NumberingDefinitions) {}

  /** The number shown before a paragraph of list `numId` at level `ilvl`; undefined for bullets and unknown lists. */
  next(numId: string, ilvl: number): string | undefined {
    const list = this.defs.lists.get(numId);
    const levels = list ? this.defs.abstract.get(list.abstractId) : undefined;
    const level = levels?.get(ilvl);
    if (!list || !levels || !level) {
      return undefined;
    }
    const startOf = (l: number): number => list.startOverrides.get(l) ?? levels.get(l)?.start ?? 1;
    const counters = this.counters.get(numId) ?? [];
    for (let l = 0; l < ilvl; l++) {
      // A level above that has not counted yet shows its start value, as Word does.
      counters[l] ??= startOf(l);
    }
    counters[ilvl] = counters[ilvl] === undefined ? startOf(ilvl) : counters[ilvl] + 1;
    counters.length = ilvl + 1;
    this.counters.set(numId, counters);
    if (level.format === 'bullet' || level.format === 'none') {
      return undefined;
    }
    const shown = level.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      return formatNumber(counters[l] ?? startOf(l), levels.get(l)?.format ?? 'decimal');
    });
    return shown.trim() === '' ? undefined : shown.trim();
  }
}

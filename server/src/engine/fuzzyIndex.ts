/**
 * Fuzzy search over codes and titles, insensitive to case and Czech
 * diacritics, for completion and workspace symbols.
 *
 * fuse.js matched against whole titles costs about 20 ms for 300 items per
 * query (its bitap search runs over every title for every word typed), too
 * slow to answer every keystroke. Titles share their words, so fuse.js here
 * searches the document's vocabulary instead — each distinct folded word
 * once, and each distinct code — and an entry matches when every word of the
 * query matches its code or one of its title's words. Word order does not
 * matter (`priprava jazykova` finds "jazykové přípravy"), and a word may be
 * typed in part or with a typo.
 */
import Fuse, { IFuseOptions } from 'fuse.js';
import { foldText } from '../model/text';

/** Scores at or below this count as a match (0 is exact, 1 anything). */
const THRESHOLD = 0.3;

/** The fuse.js options of every fuzzy search over codes and words (the workspace's codes use them too). */
export const FUZZY_OPTIONS: IFuseOptions<string> = { includeScore: true, ignoreLocation: true, threshold: THRESHOLD, isCaseSensitive: true };

/** A word of a query or title: letters and digits, and dots inside codes. */
export const WORD = /[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*\.?/gu;

interface Built {
  codes: Fuse<string>;
  words: Fuse<string>;
  /** Folded code → indexes of the entries with that code. */
  byCode: Map<string, number[]>;
  /** Folded title word → indexes of the entries whose title has it. */
  byWord: Map<string, number[]>;
}

/** Notes that the entry `index` has `key`, once, entries given in increasing order. */
export function addPosting(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (!list) {
    map.set(key, [index]);
  } else if (list[list.length - 1] !== index) {
    list.push(index);
  }
}

/** Entries searchable by code and title; the fuse.js indexes are built on the first fuzzy query. */
export class FuzzyIndex<T> {
  private built: Built | undefined;
  private foldedCodes: string[] | undefined;

  constructor(
    readonly entries: readonly T[],
    private readonly codeOf: (entry: T) => string,
    private readonly titleOf: (entry: T) => string,
  ) {}

  private codes(): string[] {
    this.foldedCodes ??= this.entries.map((e) => this.codeOf(e).toLowerCase());
    return this.foldedCodes;
  }

  private build(): Built {
    if (!this.built) {
      const byCode = new Map<string, number[]>();
      const byWord = new Map<string, number[]>();
      this.codes().forEach((code, i) => addPosting(byCode, code, i));
      this.entries.forEach((e, i) => {
        for (const word of foldText(this.titleOf(e)).match(WORD) ?? []) {
          addPosting(byWord, word, i);
        }
      });
      this.built = { codes: new Fuse([...byCode.keys()], FUZZY_OPTIONS), words: new Fuse([...byWord.keys()], FUZZY_OPTIONS), byCode, byWord };
    }
    return this.built;
  }

  /** The entries whose code starts with `prefix`, case-insensitively, in entry order. */
  withCodePrefix(prefix: string): T[] {
    const p = prefix.toLowerCase();
    return this.entries.filter((_, i) => this.codes()[i].startsWith(p));
  }

  /** The entries matching every word of `query` in their code or title, best first (ties in entry order). */
  search(query: string, limit: number): T[] {
    const words = foldText(query).match(WORD) ?? [];
    if (words.length === 0) {
      return [];
    }
    const { codes, words: vocabulary, byCode, byWord } = this.build();
    let total: Map<number, number> | undefined;
    for (const word of words) {
      const best = new Map<number, number>();
      const note = (indexes: number[] | undefined, score: number): void => {
        for (const i of indexes ?? []) {
          const prev = best.get(i);
          if (prev === undefined || score < prev) {
            best.set(i, score);
          }
        }
      };
      // A code that matches counts more than a word of a title that matches as well.
      for (const r of codes.search(word)) {
        note(byCode.get(r.item), (r.score ?? 0) / 2);
      }
      for (const r of vocabulary.search(word)) {
        note(byWord.get(r.item), r.score ?? 0);
      }
      total = addWordScores(total, best);
      if (total.size === 0) {
        return [];
      }
    }
    return bestEntries(total, limit).map((i) => this.entries[i]);
  }
}

/**
 * One more word of a query: the entries it matched (with its best score for each) that every
 * earlier word matched too (`total`, undefined before the first word), with the scores summed.
 */
export function addWordScores(total: ReadonlyMap<number, number> | undefined, best: ReadonlyMap<number, number>): Map<number, number> {
  const next = new Map<number, number>();
  for (const [i, score] of best) {
    const before = total ? total.get(i) : 0;
    if (before !== undefined) {
      next.set(i, before + score);
    }
  }
  return next;
}

/** The entries with the lowest summed scores, ties by entry number; at most `limit`. */
export function bestEntries(total: ReadonlyMap<number, number> | undefined, limit: number): number[] {
  return [...(total ?? [])]
    .sort((a, b) => a[1] - b[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([i]) => i);
}

/**
 * "Did you mean …?" suggestions: the closest valid names of the same kind,
 * found with fuse.js, and only when they are really close — no suggestion is
 * better than a far-fetched one.
 */
import Fuse from 'fuse.js';
import { findLookalike } from '../parse/codes';
import { foldText } from './text';

/** Fuse scores at or below this count as close for codes (0 is exact, 1 is anything). */
const CODE_THRESHOLD = 0.25;
const WORD_THRESHOLD = 0.35;

/** Candidate names close to `query`, best first, at most `limit`. */
export function closestWords(query: string, candidates: readonly string[], limit = 3): string[] | undefined {
  return closest(query, candidates, WORD_THRESHOLD, limit);
}

/**
 * Codes close to `query`: a code with look-alike characters replaced wins
 * outright; otherwise fuse.js ranks the candidates, and a candidate must also
 * differ in length by at most two characters.
 */
export function closestCodes(query: string, candidates: readonly string[], limit = 3): string[] | undefined {
  const fixed = findLookalike(query)?.fixed;
  if (fixed !== undefined && candidates.includes(fixed)) {
    return [fixed];
  }
  const lower = query.toLowerCase();
  const exactCase = candidates.filter((c) => c.toLowerCase() === lower && c !== query);
  if (exactCase.length > 0) {
    return exactCase.slice(0, limit);
  }
  // Close codes share the parent part or the last segment; searching those first keeps a 5,000-code document fast.
  const dot = query.lastIndexOf('.');
  const parent = dot >= 0 ? query.slice(0, dot + 1) : '';
  const last = query.slice(dot + 1);
  const depth = query.split('.').length;
  const near = candidates.filter(
    (c) => Math.abs(c.length - query.length) <= 2 && c.split('.').length === depth && (parent === '' || c.startsWith(parent) || c.endsWith('.' + last)),
  );
  return closest(query, near, CODE_THRESHOLD, limit) ?? closest(query, candidates.filter((c) => Math.abs(c.length - query.length) <= 2 && c.split('.').length === depth), CODE_THRESHOLD, limit);
}

function closest(query: string, candidates: readonly string[], threshold: number, limit: number): string[] | undefined {
  if (query.length === 0 || candidates.length === 0) {
    return undefined;
  }
  // Fuse finds candidates that share characters; of those, only the fewest edits away are offered
  // (`titel` → `title`, not also `timeline`; `2.A.111` → `2.A.11`, not also `2.A.1`).
  const plain = foldText(query);
  const bound = query.length <= 3 ? 1 : query.length <= 7 ? 2 : 3;
  // No candidate of a length within the bound: none can be close (and a 10,000-character query would keep Fuse busy for a second).
  if (!candidates.some((c) => Math.abs(c.length - query.length) <= bound)) {
    return undefined;
  }
  const fuse = new Fuse(candidates, { includeScore: true, threshold, ignoreLocation: true, ignoreDiacritics: true, isCaseSensitive: false });
  const scored = fuse
    .search(query, { limit: limit * 4 })
    .filter((r) => r.item !== query)
    .map((r) => ({ item: r.item, edits: editDistance(plain, foldText(r.item)) }))
    .filter((r) => r.edits <= bound);
  const best = Math.min(...scored.map((r) => r.edits));
  const hits = scored.filter((r) => r.edits === best).slice(0, limit).map((r) => r.item);
  return hits.length > 0 ? hits : undefined;
}

/** Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) {
    d[0][j] = j;
  }
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

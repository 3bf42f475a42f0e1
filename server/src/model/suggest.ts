/**
 * "Did you mean …?" suggestions: the closest valid names of the same kind,
 * found with fuse.js, and only when they are really close — no suggestion is
 * better than a far-fetched one.
 */
import Fuse from 'fuse.js';
import { findLookalike } from '../parse/codes';

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
  const hits = closest(query, candidates.filter((c) => Math.abs(c.length - query.length) <= 2), CODE_THRESHOLD, limit);
  return hits;
}

function closest(query: string, candidates: readonly string[], threshold: number, limit: number): string[] | undefined {
  if (query.length === 0 || candidates.length === 0) {
    return undefined;
  }
  const fuse = new Fuse(candidates as string[], { includeScore: true, threshold, ignoreLocation: true, ignoreDiacritics: true, isCaseSensitive: false });
  const hits = fuse
    .search(query, { limit })
    .filter((r) => r.item !== query)
    .map((r) => r.item);
  return hits.length > 0 ? hits : undefined;
}

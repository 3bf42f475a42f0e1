/**
 * Text folding shared by suggestions, completion and search.
 */

/**
 * Latin letters with diacritics (U+00C0 … U+024F, all of Czech among them)
 * and their folded forms, computed once: folding titles is on the path of
 * every completion, and `normalize('NFD')` per title costs ten times more.
 */
const FOLDED_LATIN: ReadonlyMap<string, string> = new Map(
  Array.from({ length: 0x250 - 0xc0 }, (_, i) => {
    const ch = String.fromCharCode(0xc0 + i);
    return [ch, ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()] as const;
  }),
);

/** Lowercase without diacritics: what typed words are compared with (`přípravy` → `pripravy`). */
export function foldText(text: string): string {
  return text.toLowerCase().replace(/[^\x00-\x7f]/g, (ch) => FOLDED_LATIN.get(ch) ?? ch.normalize('NFD').replace(/\p{M}/gu, ''));
}

/**
 * Every code of the workspace, searchable fuzzily by code and title
 * (insensitive to case and diacritics): workspace symbols and the "Go to
 * Strategy Code…" picker search the same codes the same way.
 *
 * A national workspace has some 440,000 codes in 3,000 documents, and an edit
 * changes one document. So each document's codes and title words are read
 * once per parse (`DocumentCodes`), the workspace keeps only its vocabulary —
 * each distinct folded code and title word once, with the number of documents
 * that use it — and fuse.js searches that vocabulary, as `FuzzyIndex` does for
 * one document's candidates (same options, same scores, same order of
 * results). A query then visits the documents for the matching words only,
 * best score first, and stops as soon as the answer is full.
 */
import Fuse from 'fuse.js';
import { foldText } from '../model/text';
import { Item, StrategyDocument } from '../model/types';
import { IndexedFile, WorkspaceIndex } from '../model/workspaceIndex';
import type { FeatureContext } from './context';
import { addPosting, addWordScores, bestEntries, FUZZY_OPTIONS, WORD } from './fuzzyIndex';

/** One searchable code of the workspace. */
export interface SymbolEntry {
  code: string;
  qualified: string;
  title: string;
  doc: StrategyDocument;
  item: Item;
}

/** One document's codes and title words, folded, with the positions of the items that have them. */
interface DocumentCodes {
  uri: string;
  /** What they were read from: the parse, or the record of a file taken back from it (its parse is then loaded only for the items a search returns). */
  source: object;
  id: string | undefined;
  /** The items' codes as written, in order. */
  ids: readonly string[];
  /** The document's place in the index's order (ties between equal scores go by it). */
  rank: number;
  /** Folded code (lowercase) → positions of the items with it. */
  codes: Map<string, number[]>;
  /** Folded title word → positions of the items whose title has it. */
  words: Map<string, number[]>;
}

/** Positions in a document are below this; an entry's number orders it by document, then position. */
const POSITIONS = 2 ** 22;

/** The keys of the code and the title vocabularies that match a word of a query, with their scores. */
interface WordMatches {
  codes: { key: string; score: number }[];
  words: { key: string; score: number }[];
}

function codesOf(ids: readonly string[]): Map<string, number[]> {
  const codes = new Map<string, number[]>();
  ids.forEach((id, i) => addPosting(codes, id.toLowerCase(), i));
  return codes;
}

function wordsOf(doc: StrategyDocument): Map<string, number[]> {
  const words = new Map<string, number[]>();
  doc.items.forEach((item, i) => {
    for (const word of foldText(item.title).match(WORD) ?? []) {
      addPosting(words, word, i);
    }
  });
  return words;
}

function readCodes(doc: StrategyDocument): DocumentCodes {
  const ids = doc.items.map((item) => item.id);
  return { uri: doc.uri, source: doc, id: doc.id, ids, rank: 0, codes: codesOf(ids), words: wordsOf(doc) };
}

/** A document's title words as the records of the index keep them (`WorkspaceSymbolIndex.recordWords`). */
function encodeWords(words: ReadonlyMap<string, readonly number[]>): string {
  return [...words].map(([word, positions]) => `${word}:${positions.join(',')}`).join(' ');
}

/** A document's codes read from the record it was taken back from (`recordWords`), or undefined when the record cannot tell. */
function recordedCodes(index: WorkspaceIndex, uri: string): DocumentCodes | undefined {
  const record = index.confirmedRecord(uri);
  const items = index.recordedIds(uri);
  if (!record || !items || typeof record.words !== 'string') {
    return undefined;
  }
  const words = new Map<string, number[]>();
  for (const entry of record.words === '' ? [] : record.words.split(' ')) {
    const colon = entry.lastIndexOf(':');
    const positions = entry
      .slice(colon + 1)
      .split(',')
      .map(Number);
    if (colon <= 0 || !positions.every((p) => Number.isInteger(p) && p >= 0 && p < items.ids.length)) {
      return undefined;
    }
    words.set(entry.slice(0, colon), positions);
  }
  return { uri, source: record, id: items.id, ids: items.ids, rank: 0, codes: codesOf(items.ids), words };
}

/** A vocabulary: each distinct key with the number of documents that have it, and fuse.js over the keys (built when asked). */
class Vocabulary {
  private readonly users = new Map<string, number>();
  private fuse: Fuse<string> | undefined;

  add(keys: Iterable<string>): void {
    for (const key of keys) {
      const n = this.users.get(key) ?? 0;
      this.users.set(key, n + 1);
      if (n === 0) {
        this.fuse = undefined;
      }
    }
  }

  remove(keys: Iterable<string>): void {
    for (const key of keys) {
      const n = this.users.get(key) ?? 0;
      if (n <= 1) {
        this.users.delete(key);
        this.fuse = undefined;
      } else {
        this.users.set(key, n - 1);
      }
    }
  }

  keys(): IterableIterator<string> {
    return this.users.keys();
  }

  /** The keys matching `word`, with their scores (0 is exact). */
  search(word: string): { key: string; score: number }[] {
    this.fuse ??= new Fuse([...this.users.keys()], FUZZY_OPTIONS);
    return this.fuse.search(word).map((r) => ({ key: r.item, score: r.score ?? 0 }));
  }
}

/** The searchable codes of the workspace, brought up to date with the index when asked. */
export class WorkspaceSymbolIndex {
  private generation = -1;
  private readonly byUri = new Map<string, DocumentCodes>();
  private ordered: DocumentCodes[] = [];
  private readonly codes = new Vocabulary();
  private readonly words = new Vocabulary();

  /** Each parse's title words as the records keep them, made once per parse. */
  private readonly encoded = new WeakMap<StrategyDocument, string>();

  /**
   * A document's title words as the records of the index keep them (`FileRecord.words`):
   * `word:1,2` for each word with the positions of its items, separated by spaces (a word holds
   * letters, digits and dots only). The codes need no keeping: the record lists the items' ids.
   */
  recordWords(index: WorkspaceIndex, uri: string, file: IndexedFile | undefined = index.get(uri)): string | undefined {
    const kept = index.get(uri) === file ? index.confirmedRecord(uri)?.words : undefined;
    if (typeof kept === 'string') {
      return kept;
    }
    const parsed = file?.parsed;
    if (parsed?.kind !== 'strategy') {
      return undefined;
    }
    let words = this.encoded.get(parsed);
    if (words === undefined) {
      const piece = this.byUri.get(uri);
      words = encodeWords(piece && piece.source === parsed ? piece.words : wordsOf(parsed));
      this.encoded.set(parsed, words);
    }
    return words;
  }

  /** Re-reads the documents whose parse changed since the last call. */
  private refresh(index: WorkspaceIndex): void {
    if (this.generation === index.generation) {
      return;
    }
    const seen = new Set<string>();
    const ordered: DocumentCodes[] = [];
    for (const file of index.all()) {
      // A file taken back from its record and unchanged is read from the record: no parse is loaded for it.
      if (index.shape(file).kind !== 'strategy') {
        continue;
      }
      let piece = this.byUri.get(file.uri);
      const record = index.confirmedRecord(file.uri);
      if (!piece || (piece.source !== record && piece.source !== file.parsed)) {
        if (piece) {
          this.unlink(piece);
          this.byUri.delete(file.uri);
        }
        const fromRecord = record ? recordedCodes(index, file.uri) : undefined;
        const parsed = fromRecord ? undefined : file.parsed;
        if (!fromRecord && parsed?.kind !== 'strategy') {
          continue;
        }
        piece = fromRecord ?? readCodes(parsed as StrategyDocument);
        this.codes.add(piece.codes.keys());
        this.words.add(piece.words.keys());
        this.byUri.set(file.uri, piece);
      }
      piece.rank = ordered.length;
      ordered.push(piece);
      seen.add(file.uri);
    }
    for (const [uri, piece] of this.byUri) {
      if (!seen.has(uri)) {
        this.unlink(piece);
        this.byUri.delete(uri);
      }
    }
    this.ordered = ordered;
    this.generation = index.generation;
  }

  private unlink(piece: DocumentCodes): void {
    this.codes.remove(piece.codes.keys());
    this.words.remove(piece.words.keys());
  }

  /** The entry of an item found: its document's parse is loaded for it (when the codes were read from a record). */
  private entry(index: WorkspaceIndex, n: number): SymbolEntry | undefined {
    const piece = this.ordered[Math.floor(n / POSITIONS)];
    const doc = index.get(piece.uri)?.parsed;
    const item = doc?.kind === 'strategy' ? doc.items[n % POSITIONS] : undefined;
    return doc?.kind === 'strategy' && item ? { code: item.id, qualified: `${doc.id ?? ''}/${item.id}`, title: item.title, doc, item } : undefined;
  }

  private entries(index: WorkspaceIndex, found: readonly number[]): SymbolEntry[] {
    return found.flatMap((n) => this.entry(index, n) ?? []);
  }

  /**
   * Appends to `out`, in order, the items not `seen` yet that have one of the keys (codes or title
   * words), document by document; stops after the document that brings `out` to `limit`.
   */
  private collect(keys: { codes: ReadonlySet<string>; words: ReadonlySet<string> }, seen: Set<number>, out: number[], limit: number): void {
    for (const piece of this.ordered) {
      const fresh: number[] = [];
      for (const of of ['codes', 'words'] as const) {
        const map = piece[of];
        for (const key of keys[of]) {
          for (const position of map.get(key) ?? []) {
            const n = piece.rank * POSITIONS + position;
            if (!seen.has(n)) {
              seen.add(n);
              fresh.push(n);
            }
          }
        }
      }
      out.push(...fresh.sort((a, b) => a - b));
      if (out.length >= limit) {
        return;
      }
    }
  }

  /** Every code matching `query` (see `searchWorkspaceCodes`), at most `limit`. */
  search(index: WorkspaceIndex, query: string, limit: number): SymbolEntry[] {
    this.refresh(index);
    const q = query.trim();
    if (q.length === 0) {
      const out: number[] = [];
      for (const piece of this.ordered) {
        for (let i = 0; i < piece.ids.length && out.length < limit; i++) {
          out.push(piece.rank * POSITIONS + i);
        }
      }
      return this.entries(index, out);
    }
    const prefix = q.includes('/') ? this.qualifiedPrefix(q, limit) : this.codePrefix(q, limit);
    if (prefix.length >= limit) {
      return this.entries(index, prefix.slice(0, limit));
    }
    const seen = new Set(prefix);
    const fuzzy = this.fuzzy(q, limit).filter((n) => !seen.has(n));
    return this.entries(index, [...prefix, ...fuzzy].slice(0, limit));
  }

  /** The items whose code starts with `q` (any letter case), shorter codes first, then in order; at least `limit` of them when there are. */
  private codePrefix(q: string, limit: number): number[] {
    const p = q.toLowerCase();
    const byLength = new Map<number, Set<string>>();
    for (const code of this.codes.keys()) {
      if (code.startsWith(p)) {
        const same = byLength.get(code.length) ?? new Set<string>();
        same.add(code);
        byLength.set(code.length, same);
      }
    }
    const out: number[] = [];
    const none = new Set<string>();
    for (const length of [...byLength.keys()].sort((a, b) => a - b)) {
      this.collect({ codes: byLength.get(length) ?? none, words: none }, new Set(), out, limit);
      if (out.length >= limit) {
        break;
      }
    }
    return out;
  }

  /** The items whose `document/code` starts with `q` (letter case counts), shorter codes first, then in order. */
  private qualifiedPrefix(q: string, limit: number): number[] {
    const hits: { n: number; length: number }[] = [];
    for (const piece of this.ordered) {
      const head = `${piece.id ?? ''}/`;
      if (!head.startsWith(q) && !q.startsWith(head)) {
        continue;
      }
      const rest = q.length > head.length ? q.slice(head.length) : '';
      piece.ids.forEach((id, i) => {
        if (id.startsWith(rest)) {
          hits.push({ n: piece.rank * POSITIONS + i, length: id.length });
        }
      });
    }
    return hits
      .sort((a, b) => a.length - b.length || a.n - b.n)
      .slice(0, Math.max(limit, 0))
      .map((h) => h.n);
  }

  /**
   * The items matching every word of `q` in their code or a title word, best first (the sum of
   * each word's best score, a code's score counting half), ties in order; at most `limit`.
   */
  private fuzzy(q: string, limit: number): number[] {
    const words = foldText(q).match(WORD) ?? [];
    if (words.length === 0) {
      return [];
    }
    const matches = words.map((word): WordMatches => ({ codes: this.codes.search(word).map((m) => ({ key: m.key, score: m.score / 2 })), words: this.words.search(word) }));
    return words.length === 1 ? this.bestOfOne(matches[0], limit) : this.bestOfAll(matches, limit);
  }

  /** One word: the keys in order of their score, each item at the first (best) key it has, until `limit` items are in. */
  private bestOfOne(match: WordMatches, limit: number): number[] {
    const groups = new Map<number, { codes: Set<string>; words: Set<string> }>();
    const note = (score: number, key: string, of: 'codes' | 'words'): void => {
      const group = groups.get(score) ?? { codes: new Set<string>(), words: new Set<string>() };
      group[of].add(key);
      groups.set(score, group);
    };
    match.codes.forEach((m) => note(m.score, m.key, 'codes'));
    match.words.forEach((m) => note(m.score, m.key, 'words'));
    const seen = new Set<number>();
    const out: number[] = [];
    for (const score of [...groups.keys()].sort((a, b) => a - b)) {
      const group = groups.get(score);
      if (group) {
        this.collect(group, seen, out, limit);
      }
      if (out.length >= limit) {
        break;
      }
    }
    return out.slice(0, limit);
  }

  /** Several words: the items every word matches, with the sum of each word's best score. */
  private bestOfAll(matches: WordMatches[], limit: number): number[] {
    let total: Map<number, number> | undefined;
    for (const match of matches) {
      const best = new Map<number, number>();
      const note = (keys: { key: string; score: number }[], of: 'codes' | 'words'): void => {
        const scores = new Map(keys.map((k) => [k.key, k.score]));
        for (const piece of this.ordered) {
          const map = piece[of];
          for (const [key, score] of scores) {
            for (const position of map.get(key) ?? []) {
              const n = piece.rank * POSITIONS + position;
              if (total && !total.has(n)) {
                continue;
              }
              const prev = best.get(n);
              if (prev === undefined || score < prev) {
                best.set(n, score);
              }
            }
          }
        }
      };
      note(match.codes, 'codes');
      note(match.words, 'words');
      total = addWordScores(total, best);
      if (total.size === 0) {
        return [];
      }
    }
    return bestEntries(total, limit);
  }
}

/**
 * Every code of the workspace matching `query` (fuzzy over code and title,
 * insensitive to case and diacritics); codes that start with it first, the
 * shorter first. Serves workspace symbols and the "Go to Strategy Code…" picker.
 */
export function searchWorkspaceCodes(ctx: FeatureContext, query: string, limit: number): SymbolEntry[] {
  return ctx.caches.workspaceCodes.search(ctx.index, query, limit);
}

/**
 * Every code of the workspace, searchable fuzzily by code and title
 * (insensitive to case and diacritics), rebuilt when the index changes:
 * workspace symbols and the "Go to Strategy Code…" picker search the same
 * list the same way.
 */
import { Item, StrategyDocument } from '../model/types';
import { WorkspaceIndex } from '../model/workspaceIndex';
import type { FeatureContext } from './context';
import { FuzzyIndex } from './fuzzyIndex';

/** One searchable code of the workspace. */
export interface SymbolEntry {
  code: string;
  qualified: string;
  title: string;
  doc: StrategyDocument;
  item: Item;
}

/** The searchable codes of the workspace, rebuilt when the index changes. */
export class WorkspaceSymbolIndex {
  private generation = -1;
  private index: FuzzyIndex<SymbolEntry> | undefined;

  /** The searchable entries for the index's current generation. */
  current(index: WorkspaceIndex): FuzzyIndex<SymbolEntry> {
    if (this.generation !== index.generation || !this.index) {
      const entries: SymbolEntry[] = [];
      for (const doc of index.strategies()) {
        for (const item of doc.items) {
          entries.push({ code: item.id, qualified: `${doc.id ?? ''}/${item.id}`, title: item.title, doc, item });
        }
      }
      this.index = new FuzzyIndex(entries, (e) => e.code, (e) => e.title);
      this.generation = index.generation;
    }
    return this.index;
  }
}

/**
 * Every code of the workspace matching `query` (fuzzy over code and title,
 * insensitive to case and diacritics); codes that start with it first. Serves
 * workspace symbols and the "Go to Strategy Code…" picker.
 */
export function searchWorkspaceCodes(ctx: FeatureContext, query: string, limit: number): SymbolEntry[] {
  const index = ctx.caches.workspaceCodes.current(ctx.index);
  const q = query.trim();
  if (q.length === 0) {
    return index.entries.slice(0, limit);
  }
  const prefix = q.includes('/') ? index.entries.filter((e) => e.qualified.startsWith(q)) : index.withCodePrefix(q);
  const seen = new Set(prefix);
  const fuzzy = index.search(q, limit).filter((e) => !seen.has(e));
  return [...prefix.sort((a, b) => a.code.length - b.code.length), ...fuzzy].slice(0, limit);
}

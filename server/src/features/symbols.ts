/**
 * Document symbols (the outline: the item tree, each named `code title`,
 * its kind by level; a catalog's areas and descriptors) and workspace
 * symbols (every code of the workspace, fuzzy over code and title,
 * insensitive to case and Czech diacritics).
 */
import { CancellationToken, DocumentSymbol, SymbolKind, WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../languageService';
import { CatalogDocument, Item, StrategyDocument } from '../model/types';
import { FuzzyIndex } from './fuzzyIndex';
import { cancelled, spanRange } from './shared';

/** Symbol kinds by depth: priority, objective, measure, activity; deeper levels reuse the last. */
const KIND_BY_DEPTH: readonly SymbolKind[] = [SymbolKind.Namespace, SymbolKind.Class, SymbolKind.Method, SymbolKind.Field];

/** Workspace symbol answers stop after this many entries. */
const WORKSPACE_SYMBOL_LIMIT = 500;

/** The symbol kind of an item at `depth`. */
function symbolKindOf(depth: number): SymbolKind {
  return KIND_BY_DEPTH[Math.min(Math.max(depth, 1), KIND_BY_DEPTH.length) - 1];
}

/** The outline of a strategy document or a catalog; empty for other files. */
export function documentSymbols(service: LanguageService, uri: string, token?: CancellationToken): DocumentSymbol[] {
  const parsed = service.index.get(uri)?.parsed;
  const text = service.document(uri);
  if (!parsed || !text || cancelled(token)) {
    return [];
  }
  if (parsed.kind === 'strategy') {
    // The outline is asked for when a file opens: a good moment to note its last parse without syntax errors.
    service.featureCache.completion.remember(parsed);
    return strategySymbols(service, parsed, text);
  }
  return parsed.kind === 'catalog' ? catalogSymbols(service, parsed, text) : [];
}

function strategySymbols(service: LanguageService, doc: StrategyDocument, text: TextDocument): DocumentSymbol[] {
  const build = (item: Item): DocumentSymbol => {
    const selectionRange = spanRange(text, item.idSpan);
    // The mapping's span always holds its id; a broken document may leave it empty.
    const whole = item.span.end > item.span.start ? spanRange(text, { start: Math.min(item.span.start, item.idSpan.start), end: Math.max(item.span.end, item.idSpan.end) }) : selectionRange;
    return {
      name: item.title ? `${item.id} ${item.title}` : item.id,
      detail: service.messages.levelName(item.depth, doc.levels),
      kind: symbolKindOf(item.depth),
      range: whole,
      selectionRange,
      children: item.children.map((c) => build(doc.items[c])),
    };
  };
  return doc.items.filter((i) => i.parent < 0).map(build);
}

function catalogSymbols(service: LanguageService, catalog: CatalogDocument, text: TextDocument): DocumentSymbol[] {
  const label = service.messages.text('hover.descriptor');
  const areas = catalog.areas.map((area) => ({ area, symbol: { name: area.title ? `${area.id} ${area.title}` : area.id, kind: SymbolKind.Namespace, range: spanRange(text, area.span), selectionRange: spanRange(text, area.span), children: [] as DocumentSymbol[] } }));
  const loose: DocumentSymbol[] = [];
  for (const d of catalog.descriptors) {
    const symbol: DocumentSymbol = { name: `${d.id} ${d.title}`.trim(), detail: label, kind: SymbolKind.EnumMember, range: spanRange(text, d.span), selectionRange: spanRange(text, d.span) };
    // A descriptor belongs to the last area defined before it.
    const owner = areas.filter((a) => a.area.span.start < d.span.start).pop();
    (owner ? owner.symbol.children : loose).push(symbol);
  }
  return [...areas.map((a) => a.symbol), ...loose];
}

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
  current(service: LanguageService): FuzzyIndex<SymbolEntry> {
    if (this.generation !== service.index.generation || !this.index) {
      const entries: SymbolEntry[] = [];
      for (const doc of service.index.strategies()) {
        for (const item of doc.items) {
          entries.push({ code: item.id, qualified: `${doc.id ?? ''}/${item.id}`, title: item.title, doc, item });
        }
      }
      this.index = new FuzzyIndex(entries, (e) => e.code, (e) => e.title);
      this.generation = service.index.generation;
    }
    return this.index;
  }
}

/**
 * Every code of the workspace matching `query` (fuzzy over code and title,
 * insensitive to case and diacritics); codes that start with it first. Serves
 * workspace symbols and the "Go to Strategy Code…" picker.
 */
export function searchWorkspaceCodes(service: LanguageService, query: string, limit: number): SymbolEntry[] {
  const index = service.featureCache.workspaceSymbols.current(service);
  const q = query.trim();
  if (q.length === 0) {
    return index.entries.slice(0, limit);
  }
  const prefix = q.includes('/') ? index.entries.filter((e) => e.qualified.startsWith(q)) : index.withCodePrefix(q);
  const seen = new Set(prefix);
  const fuzzy = index.search(q, limit).filter((e) => !seen.has(e));
  return [...prefix.sort((a, b) => a.code.length - b.code.length), ...fuzzy].slice(0, limit);
}

/** Every code of the workspace matching `query`, as workspace symbols. */
export function workspaceSymbols(service: LanguageService, query: string, token?: CancellationToken): WorkspaceSymbol[] {
  const hits = searchWorkspaceCodes(service, query, WORKSPACE_SYMBOL_LIMIT);
  const out: WorkspaceSymbol[] = [];
  for (const e of hits) {
    if (cancelled(token)) {
      return [];
    }
    const text = service.document(e.doc.uri);
    if (text) {
      out.push({
        name: e.title ? `${e.code} ${e.title}` : e.code,
        kind: symbolKindOf(e.item.depth),
        containerName: e.doc.id,
        location: { uri: e.doc.uri, range: spanRange(text, e.item.idSpan) },
      });
    }
  }
  return out;
}

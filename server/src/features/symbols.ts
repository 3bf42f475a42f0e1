/**
 * Document symbols (the outline: the item tree, each named `code title`,
 * its kind by level; a catalog's areas and descriptors) and workspace
 * symbols (every code of the workspace, fuzzy over code and title,
 * insensitive to case and Czech diacritics).
 */
import { CancellationToken, DocumentSymbol, SymbolKind, SymbolTag, WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FeatureContext } from '../engine/context';
import { CatalogDocument, StrategyDocument } from '../model/types';
import { outlineEntries, OutlineEntry } from '../engine/outline';
import { searchWorkspaceCodes } from '../engine/workspaceCodes';
import { cancelled, spanRange } from '../engine/shared';

/** Symbol kinds by depth: priority, objective, measure, activity; deeper levels reuse the last. */
const KIND_BY_DEPTH: readonly SymbolKind[] = [SymbolKind.Namespace, SymbolKind.Class, SymbolKind.Method, SymbolKind.Field];

/** Workspace symbol answers stop after this many entries. */
const WORKSPACE_SYMBOL_LIMIT = 500;

/** The symbol kind of an item at `depth`. */
function symbolKindOf(depth: number): SymbolKind {
  return KIND_BY_DEPTH[Math.min(Math.max(depth, 1), KIND_BY_DEPTH.length) - 1];
}

/** The outline of a strategy document or a catalog; empty for other files. */
export function documentSymbols(ctx: FeatureContext, uri: string, token?: CancellationToken): DocumentSymbol[] {
  const parsed = ctx.index.get(uri)?.parsed;
  const text = ctx.document(uri);
  if (!parsed || !text || cancelled(token)) {
    return [];
  }
  if (parsed.kind === 'strategy') {
    return strategySymbols(ctx, parsed, text);
  }
  return parsed.kind === 'catalog' ? catalogSymbols(ctx, parsed, text) : [];
}

function strategySymbols(ctx: FeatureContext, doc: StrategyDocument, text: TextDocument): DocumentSymbol[] {
  const strategy = ctx.index.strategyOf(doc);
  const groupLabel = ctx.messages.text('hover.group');
  const entries = (parent: number): DocumentSymbol[] => outlineEntries(doc, parent).map(build);
  const build = (entry: OutlineEntry): DocumentSymbol => {
    if (entry.kind === 'group') {
      // A group (spec 6.2) is a heading: no code, its items below it.
      const { group } = entry;
      const selectionRange = spanRange(text, group.titleSpan);
      const whole = group.span.end > group.span.start ? spanRange(text, { start: Math.min(group.span.start, group.titleSpan.start), end: Math.max(group.span.end, group.titleSpan.end) }) : selectionRange;
      return { name: group.title || groupLabel, detail: groupLabel, kind: SymbolKind.Package, range: whole, selectionRange, children: entry.entries.map(build) };
    }
    const { item } = entry;
    const selectionRange = spanRange(text, item.idSpan);
    // The mapping's span always holds its id; a broken document may leave it empty.
    const whole = item.span.end > item.span.start ? spanRange(text, { start: Math.min(item.span.start, item.idSpan.start), end: Math.max(item.span.end, item.idSpan.end) }) : selectionRange;
    // A plan's item may leave its title to the strategy's item it stands for (spec 6.3).
    const title = item.title || (strategy ? (ctx.index.item(strategy, item.id)?.title ?? '') : '');
    const removed = item.removed || (strategy ? ctx.index.item(strategy, item.id)?.removed === true : false);
    return {
      name: title ? `${item.id} ${title}` : item.id,
      detail: ctx.messages.levelName(item.depth, doc.levels ?? strategy?.levels),
      kind: symbolKindOf(item.depth),
      // A removed item keeps its code (spec 6.5): shown struck through.
      ...(removed ? { tags: [SymbolTag.Deprecated] } : {}),
      range: whole,
      selectionRange,
      children: entries(entry.index),
    };
  };
  return entries(-1);
}

function catalogSymbols(ctx: FeatureContext, catalog: CatalogDocument, text: TextDocument): DocumentSymbol[] {
  const label = ctx.messages.text('hover.descriptor');
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

/** Every code of the workspace matching `query`, as workspace symbols. */
export function workspaceSymbols(ctx: FeatureContext, query: string, token?: CancellationToken): WorkspaceSymbol[] {
  const hits = searchWorkspaceCodes(ctx, query, WORKSPACE_SYMBOL_LIMIT);
  const out: WorkspaceSymbol[] = [];
  for (const e of hits) {
    if (cancelled(token)) {
      return [];
    }
    const text = ctx.document(e.doc.uri);
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

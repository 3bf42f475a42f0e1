/**
 * The data of the tree view and the "Go to Strategy Code…" picker: documents
 * with their item trees and problem counts, codes searched fuzzily by code
 * and title, and the item under a position.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeEntry, TreeDocumentData, TreeItemData } from '../protocol';
import type { FeatureContext } from '../engine/context';
import { CatalogDocument, CodeDiagnostic, Descriptor, Item, Span } from '../model/types';
import { outlineEntries, OutlineEntry } from '../engine/outline';
import { itemAtOffset } from '../engine/locate';
import { searchWorkspaceCodes } from '../engine/workspaceCodes';

function range(doc: TextDocument, start: number, end: number): TreeItemData['range'] {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

/** A catalog's areas with their descriptors as tree nodes (descriptors outside any listed area at the top). */
function catalogTree(ctx: FeatureContext, catalog: CatalogDocument, text: TextDocument, diagnostics: CodeDiagnostic[]): TreeItemData[] {
  const node = (code: string, title: string, level: string, depth: number, span: Span): TreeItemData => {
    const own = diagnostics.filter((d) => d.span.start >= span.start && d.span.start <= span.end);
    return {
      code,
      title,
      level,
      depth,
      range: range(text, span.start, span.end),
      errors: own.filter((d) => d.severity === 'error').length,
      warnings: own.filter((d) => d.severity === 'warning').length,
      descriptors: [],
      goals: [],
      actors: [],
      children: [],
    };
  };
  const descriptor = (d: Descriptor): TreeItemData => node(d.id, d.title, ctx.messages.text('tree.descriptor'), 2, d.span);
  const areas = catalog.areas.map((a) => {
    const n = node(a.id, a.title ?? '', ctx.messages.text('tree.area'), 1, a.span);
    n.children = catalog.descriptors.filter((d) => d.area === a.id).map(descriptor);
    return n;
  });
  const listed = new Set(catalog.areas.map((a) => a.id));
  return [...areas, ...catalog.descriptors.filter((d) => d.area === undefined || !listed.has(d.area)).map((d) => ({ ...descriptor(d), depth: 1 }))];
}

/** The documents of the workspace with their item trees, sorted by id. */
export function treeData(ctx: FeatureContext): TreeDocumentData[] {
  const out: TreeDocumentData[] = [];
  for (const file of ctx.index.all()) {
    const parsed = file.parsed;
    const text = ctx.document(file.uri);
    if (!text || parsed.kind === 'markdown' || file.uri === ctx.builtinCatalogUri) {
      continue;
    }
    const diagnostics = ctx.diagnostics(file.uri);
    const count = (sev: string): number => diagnostics.filter((d) => d.severity === sev).length;
    const idSpan = parsed.idSpan ?? { start: 0, end: 0 };
    const entry: TreeDocumentData = {
      uri: file.uri,
      kind: parsed.kind,
      id: parsed.id ?? '',
      title: parsed.title,
      range: range(text, idSpan.start, idSpan.end),
      errors: count('error'),
      warnings: count('warning'),
      items: [],
    };
    if (parsed.kind === 'strategy') {
      // Each diagnostic is counted on the deepest item whose mapping holds it.
      const perItem = new Map<Item, { errors: number; warnings: number }>();
      for (const d of diagnostics) {
        const item = itemAtOffset(parsed, d.span.start);
        if (item && (d.severity === 'error' || d.severity === 'warning')) {
          const c = perItem.get(item) ?? { errors: 0, warnings: 0 };
          c[d.severity === 'error' ? 'errors' : 'warnings']++;
          perItem.set(item, c);
        }
      }
      const strategy = ctx.index.strategyOf(parsed);
      const groupLabel = ctx.messages.text('hover.group');
      const build = (entry: OutlineEntry, depth: number): TreeItemData => {
        if (entry.kind === 'group') {
          // A group (spec 6.2) is a heading at the depth of its items, without a code.
          const { group } = entry;
          return {
            code: '',
            title: group.title,
            level: groupLabel,
            depth,
            range: range(text, group.titleSpan.start, group.titleSpan.end),
            errors: 0,
            warnings: 0,
            descriptors: [],
            goals: [],
            actors: [],
            children: entry.entries.map((e) => build(e, depth)),
            group: true,
          };
        }
        const { item } = entry;
        const refs = parsed.references.slice(item.refStart, item.refEnd);
        // A plan's item may leave its title to the strategy's item it stands for (spec 6.3).
        const same = strategy ? ctx.index.item(strategy, item.id) : undefined;
        return {
          code: item.id,
          title: item.title || (same?.title ?? ''),
          level: ctx.messages.levelName(item.depth, parsed.levels ?? strategy?.levels),
          depth: item.depth,
          range: range(text, item.idSpan.start, item.idSpan.end),
          errors: perItem.get(item)?.errors ?? 0,
          warnings: perItem.get(item)?.warnings ?? 0,
          descriptors: refs.filter((r) => r.kind === 'descriptors').map((r) => r.code),
          goals: refs.filter((r) => r.kind === 'goals').map((r) => r.text),
          actors: refs.filter((r) => r.kind === 'responsible' || r.kind === 'partners').map((r) => r.code),
          children: outlineEntries(parsed, entry.index).map((e) => build(e, item.depth + 1)),
          ...(item.removed || same?.removed ? { removed: true } : {}),
        };
      };
      entry.items = outlineEntries(parsed, -1).map((e) => build(e, 1));
      if (strategy?.id !== undefined) {
        entry.implements = strategy.id;
      }
    } else {
      entry.items = catalogTree(ctx, parsed, text, diagnostics);
    }
    out.push(entry);
  }
  return nestPlans(out.sort((a, b) => (a.id || a.uri).localeCompare(b.id || b.uri)));
}

/** Puts each plan under the strategy it implements (spec 6.3), which lists it after its own items; a plan of a plan nests deeper. */
function nestPlans(docs: TreeDocumentData[]): TreeDocumentData[] {
  const byId = new Map<string, TreeDocumentData>();
  for (const d of docs) {
    if (d.kind === 'strategy' && d.id !== '' && !byId.has(d.id)) {
      byId.set(d.id, d);
    }
  }
  const top: TreeDocumentData[] = [];
  for (const d of docs) {
    const strategy = d.implements !== undefined ? byId.get(d.implements) : undefined;
    // A chain of plans that leads back to the plan itself would hide it: such a plan stays at the top.
    let loops = false;
    for (let s = strategy, guard = 0; s && guard < docs.length; s = s.implements !== undefined ? byId.get(s.implements) : undefined, guard++) {
      if (s === d) {
        loops = true;
        break;
      }
    }
    if (strategy && !loops) {
      (strategy.plans ??= []).push(d);
    } else {
      top.push(d);
    }
  }
  return top;
}

/**
 * Codes matching `query` for the "Go to Strategy Code…" picker: the same
 * search as workspace symbols (fuzzy over code and title, insensitive to case
 * and diacritics, code prefixes first).
 */
export function searchCodes(ctx: FeatureContext, query: string, limit = 200): CodeEntry[] {
  const out: CodeEntry[] = [];
  for (const e of searchWorkspaceCodes(ctx, query, limit)) {
    const text = ctx.document(e.doc.uri);
    if (text) {
      out.push({
        code: e.code,
        qualified: e.qualified,
        title: e.title,
        level: ctx.messages.levelName(e.item.depth, e.doc.levels),
        documentId: e.doc.id ?? '',
        uri: e.doc.uri,
        range: range(text, e.item.idSpan.start, e.item.idSpan.end),
      });
    }
  }
  return out;
}

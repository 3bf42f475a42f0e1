/**
 * The data of the tree view and the "Go to Strategy Code…" picker: documents
 * with their item trees and problem counts, codes searched fuzzily by code
 * and title, and the item under a position.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeEntry, TreeDocumentData, TreeItemData } from '../protocol';
import type { FeatureContext } from '../engine/context';
import { CatalogDocument, CodeDiagnostic, Descriptor, Item, Span } from '../model/types';
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
      const build = (item: Item): TreeItemData => {
        const refs = parsed.references.slice(item.refStart, item.refEnd);
        return {
          code: item.id,
          title: item.title,
          level: ctx.messages.levelName(item.depth, parsed.levels),
          depth: item.depth,
          range: range(text, item.idSpan.start, item.idSpan.end),
          errors: perItem.get(item)?.errors ?? 0,
          warnings: perItem.get(item)?.warnings ?? 0,
          descriptors: refs.filter((r) => r.kind === 'descriptors').map((r) => r.code),
          goals: refs.filter((r) => r.kind === 'goals').map((r) => r.text),
          actors: refs.filter((r) => r.kind === 'responsible' || r.kind === 'partners').map((r) => r.code),
          children: item.children.map((c) => build(parsed.items[c])),
        };
      };
      entry.items = parsed.items.filter((i) => i.parent < 0 && i.depth === 1).map(build);
    } else {
      entry.items = catalogTree(ctx, parsed, text, diagnostics);
    }
    out.push(entry);
  }
  return out.sort((a, b) => (a.id || a.uri).localeCompare(b.id || b.uri));
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

/**
 * The data of the tree view and the "Go to Strategy Code…" picker: documents
 * with their item trees and problem counts, codes searched fuzzily by code
 * and title, and the item under a position.
 */
import Fuse from 'fuse.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeEntry, TreeDocumentData, TreeItemData } from '../protocol';
import { LanguageService } from '../languageService';
import { Item, StrategyDocument } from '../model/types';

function range(doc: TextDocument, start: number, end: number): TreeItemData['range'] {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

/** The item whose mapping contains `offset` most tightly (the deepest one). */
export function itemAtOffset(doc: StrategyDocument, offset: number): Item | undefined {
  let best: Item | undefined;
  for (const item of doc.items) {
    if (item.span.start <= offset && offset <= item.span.end && (!best || item.depth > best.depth)) {
      best = item;
    }
  }
  return best;
}

/** The documents of the workspace with their item trees, sorted by id. */
export function treeData(service: LanguageService): TreeDocumentData[] {
  const out: TreeDocumentData[] = [];
  for (const file of service.index.all()) {
    const parsed = file.parsed;
    const text = service.document(file.uri);
    if (!text || parsed.kind === 'markdown' || file.uri === service.resolveContext().builtinCatalogUri) {
      continue;
    }
    const diagnostics = service.diagnostics(file.uri);
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
          level: service.messages.levelName(item.depth, parsed.levels),
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
    }
    out.push(entry);
  }
  return out.sort((a, b) => (a.id || a.uri).localeCompare(b.id || b.uri));
}

/** Every item code of the workspace as a picker entry. */
export function allCodes(service: LanguageService): CodeEntry[] {
  const out: CodeEntry[] = [];
  for (const doc of service.index.strategies()) {
    const text = service.document(doc.uri);
    if (!text) {
      continue;
    }
    for (const item of doc.items) {
      out.push({
        code: item.id,
        qualified: `${doc.id ?? ''}/${item.id}`,
        title: item.title,
        level: service.messages.levelName(item.depth, doc.levels),
        documentId: doc.id ?? '',
        uri: doc.uri,
        range: range(text, item.idSpan.start, item.idSpan.end),
      });
    }
  }
  return out;
}

/**
 * Codes matching `query`, fuzzy over code and title, insensitive to case and
 * diacritics; codes that start with the query rank first.
 */
export function searchCodes(service: LanguageService, query: string, limit = 200): CodeEntry[] {
  const all = allCodes(service);
  const q = query.trim();
  if (q.length === 0) {
    return all.slice(0, limit);
  }
  const prefix = all.filter((e) => e.code.startsWith(q) || e.qualified.startsWith(q));
  const fuse = new Fuse(all, {
    keys: [
      { name: 'code', weight: 2 },
      { name: 'qualified', weight: 1 },
      { name: 'title', weight: 1 },
    ],
    ignoreDiacritics: true,
    ignoreLocation: true,
    threshold: 0.4,
  });
  const seen = new Set(prefix);
  const fuzzy = fuse.search(q, { limit }).map((r) => r.item).filter((e) => !seen.has(e));
  return [...prefix.sort((a, b) => a.code.length - b.code.length), ...fuzzy].slice(0, limit);
}

/**
 * The filter of the Strategies view and the walks over its data, shared by the server (which
 * answers one level of the filtered tree) and the client (which lists the values a filter can take).
 */
import type { FilterKind, TreeDocumentData, TreeFilter, TreeItemData } from '../protocol';

/** The documents and, depth first, the plans nested under them (spec 6.3). */
export function allDocuments(docs: readonly TreeDocumentData[]): TreeDocumentData[] {
  return docs.flatMap((d) => [d, ...allDocuments(d.plans ?? [])]);
}

/** The number of items in a forest, for a document's description. */
export function countItems(items: readonly TreeItemData[]): number {
  return items.reduce((n, item) => n + 1 + countItems(item.children), 0);
}

/** Values of an item that a filter of the given kind matches. */
export function valuesOf(item: TreeItemData, kind: FilterKind): string[] {
  switch (kind) {
    case 'descriptor':
      return item.descriptors;
    case 'goal':
      return item.goals;
    case 'actor':
      return item.actors;
    case 'coverage':
      return item.flags;
  }
}

/**
 * Whether a written reference matches the filter value. Goal links may be written qualified
 * (`kv-plan/A1.1`) or bare (`A1.1`); choosing either form in the filter finds both, because the
 * author thinks of the goal, not of how one item happened to spell it.
 */
function matchesValue(written: string, kind: FilterKind, wanted: string): boolean {
  if (written === wanted) {
    return true;
  }
  if (kind !== 'goal') {
    return false;
  }
  const bare = (code: string): string => code.slice(code.lastIndexOf('/') + 1);
  return bare(written) === bare(wanted) && (!written.includes('/') || !wanted.includes('/'));
}

/** Whether the item itself (not its children) matches the filter. */
export function itemMatches(item: TreeItemData, filter: TreeFilter): boolean {
  return valuesOf(item, filter.kind).some((v) => matchesValue(v, filter.kind, filter.value));
}

/**
 * Keeps the items that match the filter, with their ancestors (so that a match is shown where it
 * stands in the tree) and their whole subtree (a matching measure keeps its activities). Documents
 * without a match are left out. Without a filter the input is returned as it is.
 */
export function filterTree(docs: readonly TreeDocumentData[], filter: TreeFilter | undefined): TreeDocumentData[] {
  if (!filter) {
    return [...docs];
  }
  const keep = (items: readonly TreeItemData[]): TreeItemData[] =>
    items.flatMap((item) => {
      if (itemMatches(item, filter)) {
        return [item];
      }
      const children = keep(item.children);
      return children.length > 0 ? [{ ...item, children }] : [];
    });
  const keepDocs = (list: readonly TreeDocumentData[]): TreeDocumentData[] =>
    list.flatMap((doc) => {
      const items = keep(doc.items);
      const plans = keepDocs(doc.plans ?? []);
      return items.length > 0 || plans.length > 0 ? [{ ...doc, items, ...(doc.plans ? { plans } : {}) }] : [];
    });
  return keepDocs(docs);
}

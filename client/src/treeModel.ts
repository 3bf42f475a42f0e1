/**
 * The logic behind the "Strategies" tree view as plain functions over the data the server sends
 * (`StrategyTreeRequest`): filtering, labels, problem counts, finding a node. Nothing here imports
 * `vscode`, so it is tested without an editor; `treeView.ts` only turns these results into tree items.
 */
import type { TreeDocumentData, TreeItemData } from '../../server/src/protocol';

export type { TreeDocumentData, TreeItemData };

/** What the tree can be filtered by: a descriptor code, a goal link, or an actor id. */
export type FilterKind = 'descriptor' | 'goal' | 'actor';

export interface TreeFilter {
  kind: FilterKind;
  value: string;
}

/** Error and warning counts of a node together with everything below it. */
export interface ProblemCounts {
  errors: number;
  warnings: number;
}

/** The label of an item node: its code and title, as authors cite an item (`2.A.11 Poradní platformy`). */
export function itemLabel(item: Pick<TreeItemData, 'code' | 'title'>): string {
  // A group heading (spec 6.2) has no code.
  return [item.code, item.title].filter((s) => s).join(' ');
}

/** The documents and, depth first, the plans nested under them (spec 6.3). */
export function allDocuments(docs: readonly TreeDocumentData[]): TreeDocumentData[] {
  return docs.flatMap((d) => [d, ...allDocuments(d.plans ?? [])]);
}

/** The label of a document node: its title, or its id when it has no title, or the file name when it has neither. */
export function documentLabel(doc: Pick<TreeDocumentData, 'id' | 'title' | 'uri'>): string {
  if (doc.title) {
    return doc.title;
  }
  if (doc.id) {
    return doc.id;
  }
  const slash = doc.uri.lastIndexOf('/');
  return decodeURIComponent(doc.uri.slice(slash + 1));
}

/** Values of an item that a filter of the given kind matches. */
function valuesOf(item: TreeItemData, kind: FilterKind): string[] {
  switch (kind) {
    case 'descriptor':
      return item.descriptors;
    case 'goal':
      return item.goals;
    case 'actor':
      return item.actors;
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

/** The item's own problems plus those of all its descendants. */
export function subtreeCounts(item: TreeItemData): ProblemCounts {
  return item.children.reduce(
    (sum, child) => {
      const c = subtreeCounts(child);
      return { errors: sum.errors + c.errors, warnings: sum.warnings + c.warnings };
    },
    { errors: item.errors, warnings: item.warnings },
  );
}

/** A filter value that occurs in the workspace, with the number of items that carry it. */
export interface FilterValue {
  value: string;
  count: number;
}

/** Every value of the given kind used by some item, sorted by value, with how many items use it. */
export function collectFilterValues(docs: readonly TreeDocumentData[], kind: FilterKind): FilterValue[] {
  const counts = new Map<string, number>();
  const visit = (items: readonly TreeItemData[]): void => {
    for (const item of items) {
      for (const value of new Set(valuesOf(item, kind))) {
        counts.set(value, (counts.get(value) ?? 0) + 1);
      }
      visit(item.children);
    }
  };
  allDocuments(docs).forEach((doc) => visit(doc.items));
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => a.value.localeCompare(b.value, undefined, { numeric: true }));
}

/**
 * The chain of items from a top-level item down to the item with the given code in the document
 * with the given URI, or `undefined` when there is none (for revealing it in the tree).
 */
export function findItemPath(docs: readonly TreeDocumentData[], uri: string, code: string): TreeItemData[] | undefined {
  const doc = allDocuments(docs).find((d) => d.uri === uri);
  if (!doc) {
    return undefined;
  }
  const search = (items: readonly TreeItemData[]): TreeItemData[] | undefined => {
    for (const item of items) {
      if (item.code === code && !item.group) {
        return [item];
      }
      const below = search(item.children);
      if (below) {
        return [item, ...below];
      }
    }
    return undefined;
  };
  return search(doc.items);
}

/** The number of items in a forest, for a document's description. */
export function countItems(items: readonly TreeItemData[]): number {
  return items.reduce((n, item) => n + 1 + countItems(item.children), 0);
}

/**
 * The icon id (a codicon) for an item at a depth: a priority area, an objective, a measure, an
 * activity, and a plain dot for anything deeper. Catalog entries (areas and descriptors) get tags.
 */
export function levelIcon(depth: number, kind: TreeDocumentData['kind'], item?: Pick<TreeItemData, 'group' | 'removed'>): string {
  if (item?.group) {
    return 'folder';
  }
  if (item?.removed) {
    return 'circle-slash';
  }
  if (kind === 'catalog') {
    return depth <= 1 ? 'tag' : 'symbol-constant';
  }
  const icons = ['layers', 'target', 'tools', 'checklist'];
  return icons[depth - 1] ?? 'circle-small-filled';
}

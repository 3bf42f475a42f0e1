/**
 * The logic behind the "Strategies" tree view as plain functions over the data the server sends
 * (`StrategyTreeRequest`): filtering, labels, problem counts, finding a node. Nothing here imports
 * `vscode`, so it is tested without an editor; `treeView.ts` only turns these results into tree items.
 */
import { allDocuments, countItems, filterTree, itemMatches, valuesOf } from '../../server/src/engine/treeFilter';
import { COVERAGE_RULES, type CoverageCounts, type CoverageRule, type FilterKind, type TreeDocumentData, type TreeFilter, type TreeItemData } from '../../server/src/protocol';

export type { CoverageCounts, CoverageRule, FilterKind, TreeDocumentData, TreeFilter, TreeItemData };
// The filter is applied by the server, which answers one level of the filtered tree; it is shared from there.
export { allDocuments, countItems, filterTree, itemMatches };

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

/** The non-zero coverage counts in the order of `COVERAGE_RULES`, for a description (`3 goals uncovered · 29 measures without indicator`). */
export function coverageParts(counts: CoverageCounts): { rule: CoverageRule; count: number }[] {
  return COVERAGE_RULES.flatMap((rule) => ((counts[rule] ?? 0) > 0 ? [{ rule, count: counts[rule] ?? 0 }] : []));
}

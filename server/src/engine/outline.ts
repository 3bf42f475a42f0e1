/**
 * The entries under one parent as the outline and the Strategies view show
 * them: items and groups (spec 6.2) in document order, each group with its
 * own entries. Groups are headings there, though no level for any rule.
 */
import { Group, Item, StrategyDocument } from '../model/types';

/** An item, or a group heading with the entries listed under it. */
export type OutlineEntry = { kind: 'item'; item: Item; index: number } | { kind: 'group'; group: Group; entries: OutlineEntry[] };

/** The entries directly under `parent` (an item index, or -1 for the top level), groups holding their own items. */
export function outlineEntries(doc: StrategyDocument, parent: number): OutlineEntry[] {
  const indexes = parent >= 0 ? doc.items[parent].children : doc.items.flatMap((i, k) => (i.parent < 0 && i.depth === 1 ? [k] : []));
  const items = indexes.map((index) => ({ kind: 'item' as const, item: doc.items[index], index }));
  if (doc.groups.length === 0) {
    return items;
  }
  const groups = doc.groups.map((group, index) => ({ group, index })).filter((g) => g.group.parent === parent);
  const under = (enclosing: number): OutlineEntry[] => {
    const entries: { start: number; entry: OutlineEntry }[] = [
      ...items.filter((e) => e.item.group === enclosing).map((e) => ({ start: e.item.span.start, entry: e })),
      ...groups.filter((g) => g.group.group === enclosing).map((g) => ({ start: g.group.span.start, entry: { kind: 'group' as const, group: g.group, entries: under(g.index) } })),
    ];
    return entries.sort((a, b) => a.start - b.start).map((e) => e.entry);
  };
  return under(-1);
}

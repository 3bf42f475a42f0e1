/**
 * Placing coded entries, met in document order, into a tree: each item goes
 * below the nearest item before it whose code its own extends (spec §2.1 and
 * §6.1), or else at the level of the current group. Codes are never changed
 * here: gaps, duplicates and codes out of order stay for the diagnostics.
 */
import { ImportEntry, ImportGroup, ImportItem } from './model';

/**
 * True when `code` lies below `ancestor`: `1.A.1` below `1` and `1.A`;
 * `A1` below `A`; `1.1` below `SC1` (a labelled parent, §6.1).
 */
export function extendsCode(code: string, ancestor: string): boolean {
  if (code.startsWith(ancestor + '.')) {
    return true;
  }
  if (/[A-Z]$/.test(ancestor) && new RegExp(`^${escape(ancestor)}\\d+(\\.|$)`).test(code)) {
    return true;
  }
  const labelled = /^[A-Z]+(\d+)$/.exec(ancestor);
  return labelled !== null && code.startsWith(labelled[1] + '.');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Builds a tree from entries met in document order. */
export class TreeBuilder {
  /** The top-level entries. */
  readonly items: ImportEntry[] = [];
  /** Open groups, outermost first, with the heading level that opened each. */
  private groups: { group: ImportGroup; level: number }[] = [];
  /** Open items, outermost first: the chain of the last item placed. */
  private stack: ImportItem[] = [];

  /** The item placed last, whose continuation lines and attributes follow. */
  get current(): ImportItem | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** The group opened last, when no item has been placed in it since. */
  get currentGroup(): ImportGroup | undefined {
    return this.groups[this.groups.length - 1]?.group;
  }

  /** Every item placed so far, in document order. */
  readonly all: ImportItem[] = [];

  /** Every code placed so far. */
  readonly codes = new Set<string>();

  /** Places an item below its nearest ancestor among the open items, or in the current group; returns its depth (1 = top level). */
  add(item: ImportItem): number {
    while (this.stack.length > 0 && !extendsCode(item.id, this.stack[this.stack.length - 1].id)) {
      this.stack.pop();
    }
    this.container().push(item);
    this.stack.push(item);
    this.all.push(item);
    this.codes.add(item.id);
    return this.stack.length;
  }

  /** True when an item with `code` would go below one of the open items. */
  nests(code: string): boolean {
    return this.stack.some((open) => extendsCode(code, open.id));
  }

  /** Opens a group at heading `level` (1 = outermost): it closes groups at that level or deeper and every open item. */
  openGroup(group: ImportGroup, level = 1): void {
    while (this.groups.length > 0 && this.groups[this.groups.length - 1].level >= level) {
      this.groups.pop();
    }
    this.stack = [];
    this.container().push(group);
    this.groups.push({ group, level });
  }

  /** Closes every open group and item: what follows is top-level. */
  closeGroups(): void {
    this.groups = [];
    this.stack = [];
  }

  /** Closes every open item, so that what follows is not placed below them. */
  closeItems(): void {
    this.stack = [];
  }

  private container(): ImportEntry[] {
    const top = this.stack[this.stack.length - 1];
    if (top) {
      return top.items;
    }
    const group = this.groups[this.groups.length - 1];
    return group ? group.group.items : this.items;
  }
}

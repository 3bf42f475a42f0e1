/**
 * The `numbering-gap` check of spec 2.1: siblings count up by one, per parent
 * or through the whole document, and each missing value is reported on the
 * next existing item.
 */
import { CodeDiagnostic, Item } from '../model/types';
import { extendsParent, formatSegment, lastSegment, segmentValue, SequenceKind, sequenceKindOf } from './codes';

/**
 * The spec asks for one warning per missing value. A gap wider than this is
 * a typo (`id: 1000` for `10`), not hundreds of missing measures, and is
 * reported as one range so that the item does not drown in warnings.
 */
const MAX_GAP_DIAGNOSTICS = 100;

/** A sibling read as a member of its sequence. */
export interface SequenceMember {
  item: Item;
  value: number;
  prefix: string;
}

/** The valid children of one parent (or the top-level items), and how they count. */
export interface SiblingGroup {
  /** Index of the parent in the document's items, -1 for top-level items. */
  parentIndex: number;
  kind: SequenceKind;
  members: SequenceMember[];
}

function buildGroup(siblings: Item[], parentIndex: number): SiblingGroup | undefined {
  const eligible = siblings.filter((i) => i.valid);
  const segments = eligible.map((i) => lastSegment(i.id));
  const kind = sequenceKindOf(segments);
  if (!kind) {
    return undefined;
  }
  return { parentIndex, kind, members: eligible.map((item, k) => ({ item, ...segmentValue(segments[k], kind) })) };
}

/** Sibling groups by depth, in document order (groups with no valid member left out). */
export function siblingGroupsByDepth(items: readonly Item[]): Map<number, SiblingGroup[]> {
  const byDepth = new Map<number, SiblingGroup[]>();
  const add = (depth: number, group: SiblingGroup | undefined): void => {
    if (group && group.members.length > 0) {
      const list = byDepth.get(depth) ?? [];
      list.push(group);
      byDepth.set(depth, list);
    }
  };
  add(1, buildGroup(items.filter((i) => i.depth === 1), -1));
  items.forEach((parent, index) => {
    if (parent.children.length > 0) {
      add(parent.depth + 1, buildGroup(parent.children.map((c) => items[c]), index));
    }
  });
  return byDepth;
}

/** Numbering at a depth is document-wide when most sibling groups after the first start above 1 (or A, or I). */
export function isDocumentWide(groups: readonly SiblingGroup[]): boolean {
  const later = groups.slice(1);
  return later.length > 0 && later.filter((g) => g.members[0].value > 1).length * 2 > later.length;
}

/**
 * Splits a letters+digits group by its letters: one sequence per prefix
 * (spec 2.1: `P1`…`P17` and `Z1`…`Z17` side by side are two complete
 * sequences), each in document order. Other groups are one sequence.
 */
export function sequenceRuns(group: SiblingGroup): SequenceMember[][] {
  if (group.kind !== 'letters-digits') {
    return [group.members];
  }
  const byPrefix = new Map<string, SequenceMember[]>();
  for (const m of group.members) {
    const run = byPrefix.get(m.prefix);
    if (run) {
      run.push(m);
    } else {
      byPrefix.set(m.prefix, [m]);
    }
  }
  return [...byPrefix.values()];
}

/** Checks all sibling sequences of a document's items. */
export function checkNumbering(items: Item[]): CodeDiagnostic[] {
  const out: CodeDiagnostic[] = [];
  for (const groups of siblingGroupsByDepth(items).values()) {
    if (isDocumentWide(groups)) {
      // One sequence through the depth, per kind (a depth mixing numbers and letters keeps them apart).
      for (const kind of new Set(groups.map((g) => g.kind))) {
        const members = groups.filter((g) => g.kind === kind).flatMap((g) => g.members);
        checkSequence(members, kind, undefined, out);
      }
    } else {
      for (const group of groups) {
        for (const run of sequenceRuns(group)) {
          checkSequence(run, group.kind, group.parentIndex >= 0 ? items[group.parentIndex].id : undefined, out);
        }
      }
    }
  }
  return out;
}

/**
 * How a missing value is named: the code of the next existing item with its
 * last segment replaced (`1.A.2` before `1.A.3`, `1.3` under the labelled
 * parent `SC1`, `A2` before `A3` under `A`); the bare segment for
 * document-wide numbering, whose parent is not known.
 */
function missingLabel(value: number, kind: SequenceKind, prefix: string, next: Item, parentId: string | undefined): string {
  const segment = formatSegment(value, kind, prefix);
  if (parentId === undefined) {
    return segment;
  }
  const dot = next.id.lastIndexOf('.');
  if (dot >= 0) {
    return next.id.slice(0, dot + 1) + segment;
  }
  return kind === 'letters-digits' && next.id.startsWith(parentId) ? parentId + String(value) : `${parentId}.${segment}`;
}

function checkSequence(members: SequenceMember[], kind: SequenceKind, parentId: string | undefined, out: CodeDiagnostic[]): void {
  const sorted = [...members].sort((a, b) => a.value - b.value);
  const misplaced = members.findIndex((m, i) => m.value !== sorted[i].value);
  if (misplaced >= 0) {
    const m = members[misplaced];
    out.push({
      code: 'numbering-gap',
      severity: 'warning',
      span: m.item.idSpan,
      message: { id: 'gap.order', args: [m.item.id, sorted[misplaced].item.id] },
    });
  }
  let previous = 0;
  for (const m of sorted) {
    if (m.value <= previous) {
      previous = Math.max(previous, m.value);
      continue;
    }
    const missing = m.value - previous - 1;
    const label = (v: number): string => missingLabel(v, kind, m.prefix, m.item, parentId);
    if (missing > MAX_GAP_DIAGNOSTICS) {
      out.push({
        code: 'numbering-gap',
        severity: 'warning',
        span: m.item.idSpan,
        message: { id: 'gap.missingRange', args: [label(previous + 1), label(m.value - 1), m.item.id, String(missing)] },
      });
    } else {
      for (let v = previous + 1; v < m.value; v++) {
        out.push({
          code: 'numbering-gap',
          severity: 'warning',
          span: m.item.idSpan,
          message: { id: 'gap.missing', args: [label(v), m.item.id] },
        });
      }
    }
    previous = m.value;
  }
}

/** A member of a sibling sequence shared by a plan and its strategy: `inPlan` for the plan's own items. */
interface UnionMember extends SequenceMember {
  inPlan: boolean;
}

/** The siblings under one parent code in the tree a plan shares with its strategy (spec 6.3). */
interface UnionGroup {
  /** The parent's code; '' for the strategy's top level, PLAN_TOP for the plan's own top-level group. */
  key: string;
  depth: number;
  strategy: Item[];
  plan: Item[];
}

/** The key of the plan's own top-level group: no code can be this. */
const PLAN_TOP = '\0plan';

/**
 * The strategy item a top-level plan code extends (spec 6.3 and 6.1): its
 * code without the last segment, the letters of a letters+digits code, or
 * the labelled parent whose digits it starts with (`1.4` under `SC1`).
 */
function extendedStrategyItem(code: string, codes: ReadonlyMap<string, Item>, labelled: ReadonlyMap<string, Item | null>): Item | undefined {
  const dot = code.lastIndexOf('.');
  const candidates: (Item | null | undefined)[] = [];
  if (dot > 0) {
    const prefix = code.slice(0, dot);
    candidates.push(codes.get(prefix), /^\d+$/.test(prefix) ? labelled.get(prefix) : undefined);
  } else {
    const letters = /^([A-Z]+)\d+$/.exec(code);
    candidates.push(letters ? codes.get(letters[1]) : undefined);
  }
  return candidates.find((c): c is Item => c !== undefined && c !== null && extendsParent(code, c.id));
}

/**
 * The numbering diagnostics of a plan (spec 6.3): sibling sequences over the
 * codes of the plan and of the strategy it implements together, each plan
 * item under its parent in the plan or, at the plan's top level, under its
 * parent in the strategy. Only the plan's own items are reported on; a gap
 * the strategy has on its own is the strategy's. Order is judged within the
 * plan's listing.
 */
export function checkPlanNumbering(planItems: readonly Item[], strategyItems: readonly Item[]): CodeDiagnostic[] {
  const codes = new Map<string, Item>();
  // Single letters+digits codes by their digits (`1` → `SC1`); null where two labels share the digits.
  const labelled = new Map<string, Item | null>();
  for (const item of strategyItems) {
    if (!item.valid || codes.has(item.id)) {
      continue;
    }
    codes.set(item.id, item);
    const m = /^[A-Z]+(\d+)$/.exec(item.id);
    if (m) {
      labelled.set(m[1], labelled.has(m[1]) ? null : item);
    }
  }
  const groups = new Map<string, UnionGroup>();
  const groupOf = (key: string, depth: number): UnionGroup => {
    let g = groups.get(key);
    if (!g) {
      g = { key, depth, strategy: [], plan: [] };
      groups.set(key, g);
    }
    return g;
  };
  for (const item of strategyItems) {
    if (!item.valid || (item.parent < 0 && item.depth > 1)) {
      continue;
    }
    groupOf(item.parent >= 0 ? strategyItems[item.parent].id : '', item.depth).strategy.push(item);
  }
  // Depths in the shared tree, parents first (items are in pre-order).
  const depth: number[] = new Array<number>(planItems.length).fill(0);
  planItems.forEach((item, i) => {
    let key: string | undefined;
    if (item.parent >= 0) {
      depth[i] = depth[item.parent] + 1;
      key = planItems[item.parent].id;
    } else if (item.depth === 1) {
      const same = codes.get(item.id);
      const extended = same ? undefined : extendedStrategyItem(item.id, codes, labelled);
      if (same) {
        depth[i] = same.depth;
        key = same.parent >= 0 ? strategyItems[same.parent].id : '';
      } else if (extended) {
        depth[i] = extended.depth + 1;
        key = extended.id;
      } else {
        depth[i] = 1;
        key = PLAN_TOP;
      }
    }
    if (key !== undefined && item.valid) {
      groupOf(key, depth[i]).plan.push(item);
    }
  });
  const out: CodeDiagnostic[] = [];
  const byDepth = new Map<number, { group: UnionGroup; kind: SequenceKind; members: UnionMember[] }[]>();
  for (const group of groups.values()) {
    if (group.plan.length === 0 && group.key === PLAN_TOP) {
      continue;
    }
    const all = [...group.strategy, ...group.plan];
    const segments = all.map((i) => lastSegment(i.id));
    const kind = sequenceKindOf(segments);
    if (!kind) {
      continue;
    }
    const members = all.map((item, k) => ({ item, inPlan: k >= group.strategy.length, ...segmentValue(segments[k], kind) }));
    const list = byDepth.get(group.depth) ?? [];
    list.push({ group, kind, members });
    byDepth.set(group.depth, list);
  }
  for (const list of byDepth.values()) {
    // Document-wide numbering is decided over both documents' groups (the first listed member of each, the strategy's first).
    const asSiblingGroups: SiblingGroup[] = list.map((g) => ({ parentIndex: -1, kind: g.kind, members: g.members.slice(0, 1) }));
    if (isDocumentWide(asSiblingGroups)) {
      for (const kind of new Set(list.map((g) => g.kind))) {
        checkUnionSequence(list.filter((g) => g.kind === kind).flatMap((g) => g.members), kind, undefined, out);
      }
      continue;
    }
    for (const { group, kind, members } of list) {
      if (!members.some((m) => m.inPlan)) {
        continue;
      }
      const parentId = group.key === '' || group.key === PLAN_TOP ? undefined : group.key;
      for (const run of sequenceRuns({ parentIndex: -1, kind, members })) {
        checkUnionSequence(run as UnionMember[], kind, parentId, out);
      }
    }
  }
  return out;
}

/** Like `checkSequence`, over a sequence shared with the strategy: only the plan's members are reported on. */
function checkUnionSequence(members: UnionMember[], kind: SequenceKind, parentId: string | undefined, out: CodeDiagnostic[]): void {
  if (!members.some((m) => m.inPlan)) {
    return;
  }
  const inStrategy = new Set(members.filter((m) => !m.inPlan).map((m) => m.value));
  // The plan's new items in the plan's listing: the items it stands for are ordered in the strategy, and may be listed in any order.
  const own = members.filter((m) => m.inPlan && !inStrategy.has(m.value)).sort((a, b) => a.item.span.start - b.item.span.start);
  const sortedOwn = [...own].sort((a, b) => a.value - b.value);
  const misplaced = own.findIndex((m, i) => m.value !== sortedOwn[i].value);
  if (misplaced >= 0) {
    const m = own[misplaced];
    out.push({ code: 'numbering-gap', severity: 'warning', span: m.item.idSpan, message: { id: 'gap.order', args: [m.item.id, sortedOwn[misplaced].item.id] } });
  }
  // The strategy's members first at equal values: an item the plan stands for is the strategy's, and so is a gap before it.
  const sorted = [...members].sort((a, b) => a.value - b.value || Number(a.inPlan) - Number(b.inPlan));
  let previous = 0;
  for (const m of sorted) {
    if (m.value <= previous) {
      continue;
    }
    const missing = m.value - previous - 1;
    if (missing > 0 && m.inPlan && !inStrategy.has(m.value)) {
      const label = (v: number): string => missingLabel(v, kind, m.prefix, m.item, parentId);
      if (missing > MAX_GAP_DIAGNOSTICS) {
        out.push({ code: 'numbering-gap', severity: 'warning', span: m.item.idSpan, message: { id: 'gap.missingRange', args: [label(previous + 1), label(m.value - 1), m.item.id, String(missing)] } });
      } else {
        for (let v = previous + 1; v < m.value; v++) {
          out.push({ code: 'numbering-gap', severity: 'warning', span: m.item.idSpan, message: { id: 'gap.missing', args: [label(v), m.item.id] } });
        }
      }
    }
    previous = m.value;
  }
}

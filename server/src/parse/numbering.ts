/**
 * The `numbering-gap` check of spec 2.1: siblings count up by one, per parent
 * or through the whole document, and each missing value is reported on the
 * next existing item.
 */
import { CodeDiagnostic, Item } from '../model/types';
import { formatSegment, lastSegment, segmentValue, SequenceKind, sequenceKindOf } from './codes';

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

/** Splits a letters+digits group where the letters change (`A1, A2, B1`): each run counts from 1. Other groups are one run. */
export function sequenceRuns(group: SiblingGroup): SequenceMember[][] {
  if (group.kind !== 'letters-digits') {
    return [group.members];
  }
  const out: SequenceMember[][] = [];
  for (const m of group.members) {
    const last = out[out.length - 1];
    if (last && last[0].prefix === m.prefix) {
      last.push(m);
    } else {
      out.push([m]);
    }
  }
  return out;
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

/** How a missing value is named: the full code under a known parent, the bare segment for document-wide numbering. */
function missingLabel(value: number, kind: SequenceKind, prefix: string, next: Item, parentId: string | undefined): string {
  const segment = formatSegment(value, kind, prefix);
  if (parentId === undefined) {
    return segment;
  }
  return kind === 'letters-digits' && !next.id.slice(parentId.length).startsWith('.') ? parentId + String(value) : `${parentId}.${segment}`;
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

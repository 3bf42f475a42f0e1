/**
 * Sibling sequences as the `numbering-gap` check sees them (spec 2.1 and
 * `parse/numbering.ts`): groups of valid siblings per parent, counted as
 * numbers, letters, Roman numerals or letters+digits, per parent or through
 * the whole document. Completion uses them for the next free code of a new
 * item, quick fixes for a duplicate's next free code and for renumbering.
 *
 * The grouping is `numbering.ts`'s own, so a code offered here never raises
 * a gap warning that the checker would not have raised anyway.
 */
import { Item, StrategyDocument } from '../model/types';
import { extendsParent, formatSegment, isItemCode, lastSegment, segmentValue, SequenceKind, sequenceKindOf } from '../parse/codes';
import { isDocumentWide, SequenceMember, sequenceRuns, siblingGroupsByDepth as groupsByDepth } from '../parse/numbering';

type Member = SequenceMember;

/** Everything before the last segment of a code (`2.A.` for `2.A.11`, `` for `A1`). */
function codeBase(code: string): string {
  return code.slice(0, code.lastIndexOf('.') + 1);
}

/** The kind of sequence a new first child of `parentCode` most likely starts, when nothing in the document tells. */
function defaultKind(parentCode: string | undefined, depth: number): SequenceKind {
  if (parentCode === undefined) {
    return 'number';
  }
  const last = lastSegment(parentCode);
  if (/^\d+$/.test(last)) {
    // Prague's tree: priority `1`, objective `1.A`, measure `1.A.1`, activity `1.A.1.I`.
    return depth >= 4 ? 'roman' : 'letters';
  }
  return 'number';
}

/**
 * The next free code for a new item under `parentCode` (undefined: at the
 * top level) of `doc`: the next value of the siblings' sequence, continuing
 * document-wide numbering where the document numbers that depth through the
 * whole document. `extraSiblings` are sibling codes read from the text
 * around the cursor, which a broken parse may have lost.
 */
export function nextFreeCode(doc: StrategyDocument | undefined, parentCode: string | undefined, extraSiblings: readonly string[] = []): string {
  const items = doc?.items ?? [];
  const parentIndex = parentCode === undefined ? -1 : items.findIndex((i) => i.valid && i.id === parentCode);
  const parent = parentIndex >= 0 ? items[parentIndex] : undefined;
  const depth = parent ? parent.depth + 1 : parentCode === undefined ? 1 : 0;
  const fromParse = parent ? parent.children.map((c) => items[c]).filter((i) => i.valid).map((i) => i.id) : parentCode === undefined ? items.filter((i) => i.depth === 1 && i.valid).map((i) => i.id) : [];
  const fromText = extraSiblings.filter((c) => isItemCode(c) && (parentCode === undefined || extendsParent(c, parentCode)));
  const siblings = [...new Set([...fromParse, ...fromText])];
  const used = new Set([...items.map((i) => i.id), ...extraSiblings]);
  const depthGroups = depth > 0 ? (groupsByDepth(items).get(depth) ?? []) : [];

  let kind = sequenceKindOf(siblings.map(lastSegment)) ?? (siblings.length > 0 ? sequenceKindOf([lastSegment(siblings[siblings.length - 1])]) : undefined);
  let base: string;
  let prefix = '';
  let values: number[] = [];
  if (kind && siblings.length > 0) {
    const template = siblings[siblings.length - 1];
    base = codeBase(template);
    prefix = segmentValue(lastSegment(template), kind).prefix;
    values = siblings.filter((c) => codeBase(c) === base).map((c) => segmentValue(lastSegment(c), kind!)).filter((v) => v.prefix === prefix).map((v) => v.value);
  } else {
    kind = depthGroups[0]?.kind ?? defaultKind(parentCode, depth);
    const parentLast = parentCode === undefined ? '' : lastSegment(parentCode);
    if (kind === 'letters-digits' && parentCode !== undefined && /^[A-Z]+$/.test(parentLast)) {
      // `A` → `A1`: the digits follow the parent's letters directly.
      base = parentCode.slice(0, parentCode.length - parentLast.length);
      prefix = parentLast;
    } else {
      base = parentCode === undefined ? '' : parentCode + '.';
      if (kind === 'letters-digits') {
        kind = 'number';
      }
    }
  }
  const sameKind = depthGroups.filter((g) => g.kind === kind).flatMap((g) => g.members);
  const usedAtDepth = new Set(sameKind.filter((m) => m.prefix === prefix).map((m) => m.value));
  const depthMax = Math.max(0, ...usedAtDepth);
  let value: number;
  if (isDocumentWide(depthGroups)) {
    const before = depthGroups.filter((g) => g.kind === kind && g.parentIndex < parentIndex).flatMap((g) => g.members.map((m) => m.value));
    value = Math.max(0, ...values, ...(values.length === 0 ? before : [])) + 1;
    if (usedAtDepth.has(value)) {
      value = depthMax + 1;
    }
  } else {
    value = Math.max(0, ...values) + 1;
  }
  let code = base + formatSegment(value, kind, prefix);
  for (let guard = 0; used.has(code) && guard < 10_000; guard++) {
    value++;
    code = base + formatSegment(value, kind, prefix);
  }
  return code;
}

/**
 * New codes for an item and every item below it, when the item's code
 * becomes `newCode` (`2.A` → `2.C` makes `2.A.11` `2.C.11`). Descendants
 * whose codes do not start with the old code (already broken) keep theirs.
 */
export function subtreeRenames(doc: StrategyDocument, item: Item, newCode: string): Map<Item, string> {
  const out = new Map<Item, string>([[item, newCode]]);
  const walk = (node: Item): void => {
    for (const c of node.children) {
      const child = doc.items[c];
      if (isItemCode(child.id) && child.id.startsWith(item.id)) {
        out.set(child, newCode + child.id.slice(item.id.length));
      }
      walk(child);
    }
  };
  walk(item);
  return out;
}

/**
 * The codes that renumbering the sequence of `item` gives: its siblings (or,
 * for document-wide numbering, every item of its depth and kind) counted
 * from the first value in document order, and their descendants with them.
 * Only changed codes are returned; undefined when `item` is in no sequence
 * or a new code would collide with a code that stays.
 */
export function renumberPlan(doc: StrategyDocument, item: Item): Map<Item, string> | undefined {
  const groups = groupsByDepth(doc.items).get(item.depth) ?? [];
  const group = groups.find((g) => g.members.some((m) => m.item === item));
  if (!group) {
    return undefined;
  }
  const sequences: Member[][] = [];
  if (isDocumentWide(groups)) {
    sequences.push(groups.filter((g) => g.kind === group.kind).flatMap((g) => g.members));
  } else {
    // `A1, A2, B1`: each run of the same letters counts from 1, as the checker counts it.
    sequences.push(...sequenceRuns(group));
  }
  const plan = new Map<Item, string>();
  for (const seq of sequences) {
    seq.forEach((m, k) => {
      const code = codeBase(m.item.id) + formatSegment(k + 1, group.kind, m.prefix);
      if (code !== m.item.id) {
        for (const [i, c] of subtreeRenames(doc, m.item, code)) {
          plan.set(i, c);
        }
      }
    });
  }
  const staying = new Set(doc.items.filter((i) => !plan.has(i)).map((i) => i.id));
  const renamed = [...plan.values()];
  if (renamed.some((c) => staying.has(c)) || new Set(renamed).size !== renamed.length) {
    return undefined;
  }
  return plan;
}

/**
 * The coverage rules of the spec (§7), defined once: what a measure is, when
 * a measure satisfies a rule, which goals of a parent plan no link covers.
 *
 * The analysis (`analysis.ts`: the overview, the reports) and the four
 * diagnostics `missing-indicator`, `missing-responsible`, `missing-goal` and
 * `uncovered-goal` both ask these functions, so the Strategy Overview and the
 * Problems panel can never disagree about a gap.
 *
 * Each decision §7 names lives in exactly one function: `isRemoved` (is this
 * item dropped), `isOwnItem` (is it this document's own item rather than one a
 * plan stands for), `depthsOf` (depth in the tree a plan shares with its
 * strategy), `levelsOf` and `goalsFromOf` (a plan's, else its strategy's),
 * `measureDepth` (at which depth measures sit) and `measuresOf`.
 */
import { ResolveContext, resolveReference, standsFor } from '../model/resolve';
import { CodeDiagnostic, Item, Reference, StrategyDocument } from '../model/types';
import { WorkspaceIndex } from '../model/workspaceIndex';
import { sharedTreePlaces } from '../parse/numbering';

/** The keys a coverage rule asks a measure (or an item below it) to have. */
export type CoverageKey = 'indicators' | 'responsible' | 'goals' | 'descriptors';

/** The level names that mark the measure depth (§7), compared trimmed and in lower case. */
const MEASURE_LEVEL_NAMES = new Set(['opatření', 'measure']);

/** The depth of measures in a document whose `levels` do not name one (and that no `goalsFrom` names). */
const DEFAULT_MEASURE_DEPTH = 3;

/** Whether an item is removed (§6.5; the parser reads `status`). */
export function isRemoved(item: Item): boolean {
  return item.removed;
}

/**
 * Whether an item is the document's own: in a plan (§6.3) an item that
 * stands for one of its strategy's is the strategy's, and only the plan's
 * new items are checked. In a plan of an outside strategy every item is new.
 */
export function isOwnItem(index: WorkspaceIndex, doc: StrategyDocument, item: Item): boolean {
  return standsFor(index, doc, item) === undefined;
}

/** The level names that apply to a document: its own `levels`, or else (in a plan) its strategy's. */
export function levelsOf(index: WorkspaceIndex, doc: StrategyDocument): string[] | undefined {
  return doc.levels ?? index.strategyOf(doc)?.levels;
}

/** The `goalsFrom` that applies to a document: its own, or else (in a plan) its strategy's. */
export function goalsFromOf(index: WorkspaceIndex, doc: StrategyDocument): string | undefined {
  return doc.goalsFrom?.code ?? index.strategyOf(doc)?.goalsFrom?.code;
}

/**
 * The depth of each item (by index) as §7 counts it: in the document's own
 * tree, or in a plan in the tree it shares with its workspace strategy.
 * Groups are not levels: the parser's depths count items only.
 */
export function depthsOf(index: WorkspaceIndex, doc: StrategyDocument): number[] {
  const strategy = index.strategyOf(doc);
  return strategy ? sharedTreePlaces(doc.items, strategy.items).map((p) => p.depth) : doc.items.map((i) => i.depth);
}

/** Whether some workspace document's `goalsFrom` names this document: it is then a parent plan of goals. */
export function isGoalPlan(index: WorkspaceIndex, doc: StrategyDocument): boolean {
  return isGoalPlanAt(index, doc.uri, doc.id) && index.strategy(doc.id ?? '') === doc;
}

/** `isGoalPlan` for the document at `uri` with this id, read from the index's names: no parse is loaded for it. */
export function isGoalPlanAt(index: WorkspaceIndex, uri: string, id: string | undefined): boolean {
  return id !== undefined && index.strategyUri(id) === uri && index.namedInGoalsFrom(id);
}

/**
 * The depth of the document's measures (§7), or undefined when it has none:
 * the first depth whose whole name in `levels` is `Opatření` or `Measure`;
 * without such a name depth 3, except in a parent plan of goals, which has
 * measures only where its `levels` say so.
 */
export function measureDepth(index: WorkspaceIndex, doc: StrategyDocument): number | undefined {
  const named = (levelsOf(index, doc) ?? []).findIndex((name) => MEASURE_LEVEL_NAMES.has(name.trim().toLowerCase()));
  if (named >= 0) {
    return named + 1;
  }
  return isGoalPlan(index, doc) ? undefined : DEFAULT_MEASURE_DEPTH;
}

/** The measures of a document, in document order: own, not removed, at the measure depth (§7). */
export function measuresOf(index: WorkspaceIndex, doc: StrategyDocument): Item[] {
  const depth = measureDepth(index, doc);
  if (depth === undefined) {
    return [];
  }
  const depths = depthsOf(index, doc);
  return doc.items.filter((item, i) => depths[i] === depth && !isRemoved(item) && isOwnItem(index, doc, item));
}

/** The item's own references (not its children's). */
export function ownReferences(doc: StrategyDocument, item: Item): Reference[] {
  return doc.references.slice(item.refStart, item.refEnd);
}

/** Whether the item itself has the key with a non-empty value. */
export function hasKey(doc: StrategyDocument, item: Item, key: CoverageKey): boolean {
  switch (key) {
    case 'indicators':
      return item.indicators.length > 0;
    case 'responsible':
      return item.responsible !== undefined && item.responsible.trim() !== '';
    case 'goals':
    case 'descriptors':
      return ownReferences(doc, item).some((r) => r.kind === key && r.text.trim() !== '');
  }
}

/** Whether a measure satisfies a rule (`missing-goal` applies only where `goalsFromOf` finds a plan): it, or any item below it, has the key with a non-empty value (§7). */
export function satisfies(doc: StrategyDocument, item: Item, key: CoverageKey): boolean {
  if (hasKey(doc, item, key)) {
    return true;
  }
  return item.children.some((c) => satisfies(doc, doc.items[c], key));
}

/** The goals of a parent plan (§7): its leaf items (no items below other than removed ones), not removed themselves. */
export function planGoals(plan: StrategyDocument): Item[] {
  return plan.items.filter((item) => !isRemoved(item) && item.children.every((c) => isRemoved(plan.items[c])));
}

/**
 * The items of `plan` that some `goals` entry of the workspace resolves to
 * exactly (entries on removed items do not count), each with the number of
 * entries that name it. The plan itself is searched too (its items may name
 * its own goals qualified).
 */
export function goalLinkCounts(ctx: ResolveContext, plan: StrategyDocument): Map<Item, number> {
  const counts = new Map<Item, number>();
  if (plan.id === undefined) {
    return counts;
  }
  const uris = new Set([...ctx.index.usersOf({ documentId: plan.id }), plan.uri]);
  const position = new Map(plan.items.map((item, i) => [item, i]));
  for (const uri of uris) {
    const doc = ctx.index.get(uri)?.parsed;
    if (doc?.kind !== 'strategy') {
      continue;
    }
    // Each document's links by the goals' positions in the plan, kept while neither it nor any
    // definition changed: an edit of the plan's titles re-reads no other document.
    const linked = ctx.index.derived(doc, `goal-links ${plan.uri}`, () => goalLinksTo(ctx, doc, plan, position));
    for (const [i, n] of linked) {
      const item = plan.items[i];
      counts.set(item, (counts.get(item) ?? 0) + n);
    }
  }
  return counts;
}

/** How many `goals` entries of `doc` (not on removed items) resolve to each item of `plan`, by the item's position. */
function goalLinksTo(ctx: ResolveContext, doc: StrategyDocument, plan: StrategyDocument, position: Map<Item, number>): Map<number, number> {
  const linked = new Map<number, number>();
  for (const item of doc.items) {
    if (isRemoved(item)) {
      continue;
    }
    for (const ref of ownReferences(doc, item)) {
      if (ref.kind !== 'goals') {
        continue;
      }
      const res = resolveReference(ctx, doc, ref);
      const i = res.target?.kind === 'item' && res.target.doc === plan ? position.get(res.target.item) : undefined;
      if (i !== undefined) {
        linked.set(i, (linked.get(i) ?? 0) + 1);
      }
    }
  }
  return linked;
}

/** The goals of `plan` that no `goals` entry of the workspace covers, in document order; none when no `goalsFrom` names the plan. */
export function uncoveredGoals(ctx: ResolveContext, plan: StrategyDocument): Item[] {
  if (!isGoalPlan(ctx.index, plan)) {
    return [];
  }
  const counts = goalLinkCounts(ctx, plan);
  return planGoals(plan).filter((goal) => !counts.has(goal));
}

/** The rules that apply to each measure, with their diagnostic code and message. */
const MEASURE_RULES = [
  { key: 'indicators', code: 'missing-indicator', message: 'coverage.missingIndicator' },
  { key: 'responsible', code: 'missing-responsible', message: 'coverage.missingResponsible' },
  { key: 'goals', code: 'missing-goal', message: 'coverage.missingGoal' },
] as const;

/**
 * The coverage diagnostics of one strategy document (§7), all at their
 * severity when turned on (warning); the settings turn them on or off.
 */
export function coverageDiagnostics(ctx: ResolveContext, doc: StrategyDocument): CodeDiagnostic[] {
  const out: CodeDiagnostic[] = [];
  const goalsFrom = goalsFromOf(ctx.index, doc);
  const depths = depthsOf(ctx.index, doc);
  const levels = levelsOf(ctx.index, doc);
  const position = new Map(doc.items.map((item, i) => [item, i]));
  for (const item of measuresOf(ctx.index, doc)) {
    // The level name opens the sentence: trimmed and capitalised as the author may not have written it.
    const name = ctx.messages.levelName(depths[position.get(item) ?? 0], levels).trim();
    const level = name.charAt(0).toUpperCase() + name.slice(1);
    for (const rule of MEASURE_RULES) {
      if (rule.key === 'goals' && goalsFrom === undefined) {
        continue;
      }
      if (!satisfies(doc, item, rule.key)) {
        const args = rule.key === 'goals' ? [level, item.id, goalsFrom ?? ''] : [level, item.id];
        out.push({ code: rule.code, severity: 'warning', span: item.idSpan, message: { id: rule.message, args } });
      }
    }
  }
  for (const goal of uncoveredGoals(ctx, doc)) {
    out.push({ code: 'uncovered-goal', severity: 'warning', span: goal.idSpan, message: { id: 'coverage.uncoveredGoal', args: [goal.id] } });
  }
  return out;
}

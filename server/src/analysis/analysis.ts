/**
 * The analysis of a strategy (issue 11): one pure function from the
 * workspace index to plain data — the link matrix of measures × goals of the
 * parent plan, coverage, responsibility, indicators and descriptors — that
 * the Strategy Overview, `strategy-report` (every format) and the tree's
 * coverage counts all read. It knows nothing of LSP, files or HTML.
 *
 * What a measure is and when a measure or a goal is covered is decided in
 * `coverage.ts`, which the coverage diagnostics ask as well.
 */
import { ResolveContext, resolveReference } from '../model/resolve';
import { Budget, Indicator, Item, Span, StrategyDocument, Timeline } from '../model/types';
import { CoverageKey, depthsOf, goalsFromOf, isGoalPlan, isRemoved, levelsOf, measureDepth, measuresOf, ownReferences, planGoals, satisfies, uncoveredGoals } from './coverage';

/** One item of a document, with every field a report shows. */
export interface AnalysisItem {
  code: string;
  title: string;
  /** 1 for top-level items (in a plan: the depth in the tree it shares with its strategy). */
  depth: number;
  /** The level name for the depth (the document's `levels`, a plan's strategy's, else the defaults in the report's language). */
  level: string;
  /** The parent's code; absent for top-level items. */
  parent?: string;
  /** The heading of the group (spec §6.2) the item is listed in directly. */
  group?: string;
  description?: string;
  descriptors: string[];
  /** `goals` entries as written (`A1.1`, `plan/B2`). */
  goals: string[];
  /** `related` entries as written. */
  related: string[];
  /** `after` entries as written (spec §6.6). */
  after: string[];
  timeline?: Timeline;
  budget?: Budget;
  responsible?: string;
  partners: string[];
  indicators: Indicator[];
  status?: string;
  removed: boolean;
  /** Whether the item is a measure (spec §7). */
  measure: boolean;
  /** The span of its `id` in the document, for links back to the source. */
  span: Span;
}

/** A column of the link matrix: a goal of the plan, or another item the measures link to. */
export interface MatrixColumn {
  /** The goal's code in the plan (`A1.1`), or the reference as written for other links (`praha/1.A`). */
  code: string;
  title: string;
  /** The column group: the goal's parent in the plan, or the document of another link. */
  group: string;
  groupTitle: string;
  /** `goal`: a goal of the plan (a leaf, §7); `other`: a parent of goals, another document's item, or a link that does not resolve. */
  kind: 'goal' | 'other';
  /** Where the target is defined, when it resolves. */
  uri?: string;
  span?: Span;
  /** Marked cells in the column. */
  total: number;
}

/** A row of the link matrix: a measure with the columns it links to. */
export interface MatrixRow {
  code: string;
  title: string;
  /** The measure's parent (its objective), the row group. */
  group: string;
  groupTitle: string;
  /** The heading of the group (spec §6.2) the measure is listed under, if any. */
  band?: string;
  /** Indexes into `columns` of the marked cells, ascending. */
  cells: number[];
  span: Span;
}

/** Measures × goals of the `goalsFrom` plan, from `goals` (and qualified `related` links into other documents). */
export interface LinkMatrix {
  plan: { id: string; title: string; uri: string };
  columns: MatrixColumn[];
  rows: MatrixRow[];
  /** Number of marked cells. */
  marks: number;
}

/** Why a document has no matrix. */
export type MatrixNote = 'noGoalsFrom' | 'planNotInWorkspace' | 'noMeasures';

/** Per priority (top-level item), how many of its measures have each key. */
export interface PriorityCoverage {
  code: string;
  title: string;
  measures: number;
  goals: number;
  indicators: number;
  responsible: number;
  descriptors: number;
}

/** The gaps of a document (spec §7 rules; descriptors besides). */
export interface Coverage {
  measures: number;
  /** The number of goals of the `goalsFrom` plan (0 without one). */
  planGoals: number;
  /** Goals of the `goalsFrom` plan that no `goals` entry of the workspace covers (the `uncovered-goal` rule). */
  uncoveredGoals: { code: string; title: string; uri: string; span: Span }[];
  /** Codes of measures without each key (on them or below them). Without goals only when the document has a `goalsFrom`. */
  withoutGoals: string[];
  withoutIndicator: string[];
  withoutResponsible: string[];
  withoutDescriptors: string[];
  perPriority: PriorityCoverage[];
}

/** An actor with the items it is responsible for and partner in. */
export interface ActorResponsibility {
  id: string;
  /** The declared name; absent for an actor the items name but `actors` does not declare. */
  name?: string;
  responsible: string[];
  partner: string[];
}

/** One indicator with its item. */
export interface IndicatorRow extends Indicator {
  item: string;
  itemTitle: string;
}

/** The descriptors in use, by catalog area. */
export interface DescriptorArea {
  area: string;
  title?: string;
  descriptors: { code: string; title?: string; items: string[] }[];
}

/** The budgets of a priority (top-level item), summed per currency. */
export interface PriorityBudget {
  code: string;
  title: string;
  /** Sums per currency (`''` when the budget names none), in the order first met. */
  totals: { currency: string; amount: number }[];
  /** Codes of the items whose budget is counted: the topmost ones with a budget (a budget covers the items below it). */
  items: string[];
  /** Codes of items whose `amount` is not a number, left out of the sums. */
  unreadable: string[];
}

/** The analysis of one strategy document. */
export interface DocumentAnalysis {
  uri: string;
  /** The document id (empty when the file has none). */
  id: string;
  title: string;
  /** The document's own `levels`, when it has them. */
  levels?: string[];
  goalsFrom?: string;
  /** The strategy this document carries out (`implements`, spec 6.3), when it is an implementation plan. */
  implements?: string;
  /** The declared actors. */
  actors: { id: string; name: string }[];
  /** Whether some `goalsFrom` names this document (its leaf items are then goals). */
  isPlan: boolean;
  /** The depth of measures (§7), when the document has them. */
  measureDepth?: number;
  /** The level name of the measure depth. */
  measureLevel?: string;
  items: AnalysisItem[];
  matrix?: LinkMatrix;
  /** Set when `matrix` is absent. */
  matrixNote?: MatrixNote;
  coverage: Coverage;
  responsibility: ActorResponsibility[];
  indicators: IndicatorRow[];
  descriptors: DescriptorArea[];
  /** Budget totals per priority, for the priorities with a budget somewhere in them. */
  budget: PriorityBudget[];
  /** The number of errors in the file (a report made from a file with errors says so). */
  errors: number;
}

/** The analysis of a document or of the whole workspace. */
export interface Analysis {
  scope: 'document' | 'workspace';
  documents: DocumentAnalysis[];
}

/** What the analysis needs besides the index: the level names in the report's language, and the error counts. */
export interface AnalysisOptions {
  /** Analyse only the strategy documents with these URIs (else all of them); sorted by id either way. */
  uris?: readonly string[];
  /** The number of errors of a file, from the diagnostics with the user's severities. */
  errorsOf?: (uri: string) => number;
}

/** Analyses one strategy document or every strategy document of the workspace. */
export function analyze(ctx: ResolveContext, options: AnalysisOptions = {}): Analysis {
  const wanted = options.uris === undefined ? undefined : new Set(options.uris);
  const docs = [...ctx.index.strategies()].filter((d) => wanted === undefined || wanted.has(d.uri));
  docs.sort((a, b) => (a.id ?? a.uri).localeCompare(b.id ?? b.uri) || a.uri.localeCompare(b.uri));
  // Every document taking goals from one plan shares that plan's uncovered goals: found once per plan, not once per document
  // (each search reads every document that names the plan).
  const uncovered = new Map<StrategyDocument, Item[]>();
  const uncoveredOf = (plan: StrategyDocument): Item[] => {
    let goals = uncovered.get(plan);
    if (!goals) {
      goals = uncoveredGoals(ctx, plan);
      uncovered.set(plan, goals);
    }
    return goals;
  };
  return {
    scope: options.uris?.length === 1 ? 'document' : 'workspace',
    documents: docs.map((doc) => analyzeDocument(ctx, doc, options.errorsOf?.(doc.uri) ?? 0, uncoveredOf)),
  };
}

function analyzeDocument(ctx: ResolveContext, doc: StrategyDocument, errors: number, uncoveredOf: (plan: StrategyDocument) => Item[]): DocumentAnalysis {
  const depth = measureDepth(ctx.index, doc);
  const measures = measuresOf(ctx.index, doc);
  const measureSet = new Set(measures);
  const depths = depthsOf(ctx.index, doc);
  const levels = levelsOf(ctx.index, doc);
  const items = doc.items.map((item, i) => analysisItem(ctx, doc, item, { depth: depths[i], levels, measure: measureSet.has(item) }));
  const goalsFrom = goalsFromOf(ctx.index, doc);
  const plan = goalsFrom !== undefined ? ctx.index.strategy(goalsFrom) : undefined;
  const result: DocumentAnalysis = {
    uri: doc.uri,
    id: doc.id ?? '',
    title: doc.title,
    goalsFrom,
    ...(doc.implements !== undefined ? { implements: doc.implements.code } : {}),
    actors: doc.actors.map((a) => ({ id: a.id, name: a.name })),
    isPlan: isGoalPlan(ctx.index, doc),
    measureDepth: depth,
    measureLevel: depth === undefined ? undefined : ctx.messages.levelName(depth, levels),
    items,
    coverage: coverage(ctx, doc, measures, plan, uncoveredOf),
    responsibility: responsibility(doc),
    indicators: doc.items.filter((i) => !isRemoved(i)).flatMap((i) => i.indicators.map((ind) => ({ ...ind, item: i.id, itemTitle: i.title }))),
    descriptors: descriptors(ctx, doc),
    budget: budgets(doc),
    errors,
  };
  if (doc.levels !== undefined) {
    result.levels = [...doc.levels];
  }
  if (goalsFrom === undefined) {
    result.matrixNote = 'noGoalsFrom';
  } else if (!plan) {
    result.matrixNote = 'planNotInWorkspace';
  } else if (measures.length === 0) {
    result.matrixNote = 'noMeasures';
  } else {
    result.matrix = linkMatrix(ctx, doc, measures, plan);
  }
  return result;
}

function analysisItem(ctx: ResolveContext, doc: StrategyDocument, item: Item, place: { depth: number; levels: string[] | undefined; measure: boolean }): AnalysisItem {
  const refs = ownReferences(doc, item);
  const texts = (kind: string): string[] => refs.filter((r) => r.kind === kind).map((r) => r.text);
  const out: AnalysisItem = {
    code: item.id,
    title: item.title,
    depth: place.depth,
    level: ctx.messages.levelName(place.depth, place.levels),
    descriptors: texts('descriptors'),
    goals: texts('goals'),
    related: texts('related'),
    after: texts('after'),
    partners: texts('partners'),
    indicators: item.indicators,
    removed: isRemoved(item),
    measure: place.measure,
    span: item.idSpan,
  };
  if (item.parent >= 0) {
    out.parent = doc.items[item.parent].id;
  }
  if (item.group >= 0) {
    out.group = doc.groups[item.group].title;
  }
  if (item.timeline !== undefined) {
    out.timeline = { ...item.timeline };
  }
  if (item.budget !== undefined) {
    out.budget = { ...item.budget };
  }
  if (item.description !== undefined) {
    out.description = item.description;
  }
  if (item.responsible !== undefined) {
    out.responsible = item.responsible;
  }
  if (item.status !== undefined) {
    out.status = item.status;
  }
  return out;
}

/** The measure's items whose links count for its row: itself and every item below it that is not removed. */
function rowItems(doc: StrategyDocument, measure: Item): Item[] {
  const out: Item[] = [];
  const walk = (item: Item): void => {
    if (isRemoved(item)) {
      return;
    }
    out.push(item);
    item.children.forEach((c) => walk(doc.items[c]));
  };
  walk(measure);
  return out;
}

function linkMatrix(ctx: ResolveContext, doc: StrategyDocument, measures: Item[], plan: StrategyDocument): LinkMatrix {
  const columns: MatrixColumn[] = [];
  const byKey = new Map<string, number>();
  const groupOf = (owner: StrategyDocument, item: Item): { group: string; groupTitle: string } => {
    const parent = item.parent >= 0 ? owner.items[item.parent] : undefined;
    return parent ? { group: parent.id, groupTitle: parent.title } : { group: owner.id ?? '', groupTitle: owner.title };
  };
  for (const goal of planGoals(plan)) {
    byKey.set(`${plan.uri}#${goal.idSpan.start}`, columns.length);
    columns.push({ code: goal.id, title: goal.title, ...groupOf(plan, goal), kind: 'goal', uri: plan.uri, span: goal.idSpan, total: 0 });
  }
  const rows: MatrixRow[] = [];
  let marks = 0;
  for (const measure of measures) {
    const cells = new Set<number>();
    for (const item of rowItems(doc, measure)) {
      for (const ref of ownReferences(doc, item)) {
        // Goals always; `related` only where it leaves the document (links inside the strategy are not goal links).
        if (ref.kind !== 'goals' && !(ref.kind === 'related' && ref.docId !== undefined && ref.docId !== doc.id)) {
          continue;
        }
        const res = resolveReference(ctx, doc, ref);
        const target = res.target?.kind === 'item' ? res.target : undefined;
        const key = target ? `${target.doc.uri}#${target.item.idSpan.start}` : `?${ref.text}`;
        let column = byKey.get(key);
        if (column === undefined) {
          column = columns.length;
          byKey.set(key, column);
          columns.push(
            target
              ? { code: ref.text, title: target.item.title, group: target.doc.id ?? '', groupTitle: target.doc.title, kind: 'other', uri: target.doc.uri, span: target.item.idSpan, total: 0 }
              : { code: ref.text, title: '', group: ref.docId ?? plan.id ?? '', groupTitle: '', kind: 'other', total: 0 },
          );
        }
        cells.add(column);
      }
    }
    const sorted = [...cells].sort((a, b) => a - b);
    for (const c of sorted) {
      columns[c].total++;
    }
    marks += sorted.length;
    const parent = measure.parent >= 0 ? doc.items[measure.parent] : undefined;
    const row: MatrixRow = { code: measure.id, title: measure.title, group: parent?.id ?? '', groupTitle: parent?.title ?? '', cells: sorted, span: measure.idSpan };
    if (measure.group >= 0) {
      row.band = doc.groups[measure.group].title;
    }
    rows.push(row);
  }
  return { plan: { id: plan.id ?? '', title: plan.title, uri: plan.uri }, columns, rows, marks };
}

/** The top-level ancestor of an item. */
function priorityOf(doc: StrategyDocument, item: Item): Item {
  let current = item;
  while (current.parent >= 0) {
    current = doc.items[current.parent];
  }
  return current;
}

function coverage(ctx: ResolveContext, doc: StrategyDocument, measures: Item[], plan: StrategyDocument | undefined, uncoveredOf: (plan: StrategyDocument) => Item[]): Coverage {
  const without = (key: CoverageKey): string[] => measures.filter((m) => !satisfies(doc, m, key)).map((m) => m.id);
  const perPriority = new Map<Item, PriorityCoverage>();
  for (const measure of measures) {
    const top = priorityOf(doc, measure);
    let row = perPriority.get(top);
    if (!row) {
      row = { code: top.id, title: top.title, measures: 0, goals: 0, indicators: 0, responsible: 0, descriptors: 0 };
      perPriority.set(top, row);
    }
    row.measures++;
    for (const key of ['goals', 'indicators', 'responsible', 'descriptors'] as const) {
      if (satisfies(doc, measure, key)) {
        row[key]++;
      }
    }
  }
  const uncovered = plan ? uncoveredOf(plan) : [];
  return {
    measures: measures.length,
    planGoals: plan && isGoalPlan(ctx.index, plan) ? planGoals(plan).length : 0,
    uncoveredGoals: uncovered.map((g) => ({ code: g.id, title: g.title, uri: plan?.uri ?? '', span: g.idSpan })),
    withoutGoals: goalsFromOf(ctx.index, doc) !== undefined ? without('goals') : [],
    withoutIndicator: without('indicators'),
    withoutResponsible: without('responsible'),
    withoutDescriptors: without('descriptors'),
    perPriority: [...perPriority.values()],
  };
}

function responsibility(doc: StrategyDocument): ActorResponsibility[] {
  const byId = new Map<string, ActorResponsibility>();
  for (const actor of doc.actors) {
    if (!byId.has(actor.id)) {
      byId.set(actor.id, { id: actor.id, name: actor.name, responsible: [], partner: [] });
    }
  }
  for (const item of doc.items) {
    if (isRemoved(item)) {
      continue;
    }
    for (const ref of ownReferences(doc, item)) {
      if (ref.kind !== 'responsible' && ref.kind !== 'partners') {
        continue;
      }
      let entry = byId.get(ref.code);
      if (!entry) {
        entry = { id: ref.code, responsible: [], partner: [] };
        byId.set(ref.code, entry);
      }
      const list = ref.kind === 'responsible' ? entry.responsible : entry.partner;
      if (!list.includes(item.id)) {
        list.push(item.id);
      }
    }
  }
  return [...byId.values()];
}

/**
 * An amount as a number: digits with spaces between thousands (`1 200 000`)
 * and a decimal comma (`12,5`) or point, as Czech documents write them;
 * undefined for anything else (`cca 2 mil.`).
 */
export function budgetAmount(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (/^-?\d+([.,]\d+)?$/.test(compact)) {
    return Number(compact.replace(',', '.'));
  }
  return undefined;
}

/** Budget totals per priority: each topmost budget of a subtree counted once (spec 2: `budget: {amount, currency, source}`). */
function budgets(doc: StrategyDocument): PriorityBudget[] {
  const out: PriorityBudget[] = [];
  for (const top of doc.items.filter((i) => i.parent < 0)) {
    const entry: PriorityBudget = { code: top.id, title: top.title, totals: [], items: [], unreadable: [] };
    const walk = (item: Item): void => {
      if (isRemoved(item)) {
        return;
      }
      const amount = item.budget?.amount;
      if (amount === undefined) {
        item.children.forEach((c) => walk(doc.items[c]));
        return;
      }
      const value = budgetAmount(amount);
      if (value === undefined) {
        entry.unreadable.push(item.id);
        return;
      }
      entry.items.push(item.id);
      const currency = item.budget?.currency ?? '';
      const total = entry.totals.find((t) => t.currency === currency);
      if (total) {
        total.amount += value;
      } else {
        entry.totals.push({ currency, amount: value });
      }
    };
    walk(top);
    if (entry.items.length > 0 || entry.unreadable.length > 0) {
      out.push(entry);
    }
  }
  return out;
}

/** The area of a descriptor code: its Roman numeral before the dot. */
function areaOfCode(code: string): string {
  const dot = code.indexOf('.');
  return dot < 0 ? code : code.slice(0, dot);
}

function descriptors(ctx: ResolveContext, doc: StrategyDocument): DescriptorArea[] {
  const byCode = new Map<string, { code: string; title?: string; area: string; areaTitle?: string; items: string[] }>();
  for (const item of doc.items) {
    if (isRemoved(item)) {
      continue;
    }
    for (const ref of ownReferences(doc, item)) {
      if (ref.kind !== 'descriptors') {
        continue;
      }
      let entry = byCode.get(ref.code);
      if (!entry) {
        const definition = ctx.index.descriptor(ref.code, ctx.builtinCatalogUri);
        const area = definition?.descriptor.area ?? areaOfCode(ref.code);
        const areaTitle = definition?.catalog.areas.find((a) => a.id === area)?.title;
        entry = { code: ref.code, title: definition?.descriptor.title, area, areaTitle, items: [] };
        byCode.set(ref.code, entry);
      }
      if (!entry.items.includes(item.id)) {
        entry.items.push(item.id);
      }
    }
  }
  const areas = new Map<string, DescriptorArea>();
  for (const entry of [...byCode.values()].sort((a, b) => compareDescriptorCodes(a.code, b.code))) {
    let area = areas.get(entry.area);
    if (!area) {
      area = { area: entry.area, descriptors: [] };
      if (entry.areaTitle !== undefined) {
        area.title = entry.areaTitle;
      }
      areas.set(entry.area, area);
    }
    area.descriptors.push(entry.title === undefined ? { code: entry.code, items: entry.items } : { code: entry.code, title: entry.title, items: entry.items });
  }
  return [...areas.values()];
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** The value of a Roman numeral (0 when it is not one), to sort areas VI before XVII. */
function romanValue(text: string): number {
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const v = ROMAN[text[i]] ?? NaN;
    const next = ROMAN[text[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return Number.isNaN(total) ? 0 : total;
}

/** Descriptor codes in catalog order: by the area's numeral, then by letter. */
function compareDescriptorCodes(a: string, b: string): number {
  return romanValue(areaOfCode(a)) - romanValue(areaOfCode(b)) || a.localeCompare(b);
}

/** How many measures of a document lack what each rule asks, for a one-line summary (the tree). */
export function gapCounts(doc: DocumentAnalysis): { uncoveredGoals: number; withoutGoals: number; withoutIndicator: number; withoutResponsible: number } {
  return {
    uncoveredGoals: doc.coverage.uncoveredGoals.length,
    withoutGoals: doc.coverage.withoutGoals.length,
    withoutIndicator: doc.coverage.withoutIndicator.length,
    withoutResponsible: doc.coverage.withoutResponsible.length,
  };
}

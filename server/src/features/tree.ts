/**
 * The data of the tree view and the "Go to Strategy Code…" picker: documents
 * with their item trees and problem counts, codes searched fuzzily by code
 * and title, and the item under a position.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { goalsFromOf, isGoalPlanAt } from '../analysis/coverage';
import { CodeEntry, COVERAGE_RULES, CoverageCounts, CoverageRule, TreeDocumentData, TreeFilter, TreeItemData, TreeLevelItem, TreeLevelNode, TreeParent } from '../protocol';
import { allDocuments, countItems, filterTree } from '../engine/treeFilter';
import type { FeatureContext } from '../engine/context';
import { CatalogDocument, CodeDiagnostic, Descriptor, Item, Span, StrategyDocument } from '../model/types';
import type { IndexedFile } from '../model/workspaceIndex';
import type { TreeSummary } from '../engine/caches';
import { outlineEntries, OutlineEntry } from '../engine/outline';
import { itemAtOffset } from '../engine/locate';
import { searchWorkspaceCodes } from '../engine/workspaceCodes';

function range(doc: TextDocument, start: number, end: number): TreeItemData['range'] {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

/** A catalog's areas with their descriptors as tree nodes (descriptors outside any listed area at the top). */
function catalogTree(ctx: FeatureContext, catalog: CatalogDocument, text: TextDocument, diagnostics: CodeDiagnostic[]): TreeItemData[] {
  const node = (code: string, title: string, level: string, depth: number, span: Span): TreeItemData => {
    const own = diagnostics.filter((d) => d.span.start >= span.start && d.span.start <= span.end);
    return {
      code,
      title,
      level,
      depth,
      range: range(text, span.start, span.end),
      errors: own.filter((d) => d.severity === 'error').length,
      warnings: own.filter((d) => d.severity === 'warning').length,
      descriptors: [],
      goals: [],
      actors: [],
      flags: [],
      coverage: {},
      children: [],
    };
  };
  const descriptor = (d: Descriptor): TreeItemData => node(d.id, d.title, ctx.messages.text('tree.descriptor'), 2, d.span);
  const areas = catalog.areas.map((a) => {
    const n = node(a.id, a.title ?? '', ctx.messages.text('tree.area'), 1, a.span);
    n.children = catalog.descriptors.filter((d) => d.area === a.id).map(descriptor);
    return n;
  });
  const listed = new Set(catalog.areas.map((a) => a.id));
  return [...areas, ...catalog.descriptors.filter((d) => d.area === undefined || !listed.has(d.area)).map((d) => ({ ...descriptor(d), depth: 1 }))];
}

/**
 * The coverage rules that flag each code of a strategy document: its measures that lack something
 * and, in a parent plan, its goals that no measure covers. They are read off the document's coverage
 * diagnostics (§7), which the index computes whatever the settings and keeps until the document or
 * one it depends on changes, so the tree needs no analysis of the whole workspace.
 */
function coverageFlags(doc: StrategyDocument, raw: readonly CodeDiagnostic[]): Map<string, CoverageRule[]> {
  const flags = new Map<string, CoverageRule[]>();
  const rules = new Set<string>(COVERAGE_RULES);
  const at = new Map<number, Item>();
  for (const d of raw) {
    if (!rules.has(d.code)) {
      continue;
    }
    if (at.size === 0) {
      doc.items.forEach((item) => at.set(item.idSpan.start, item));
    }
    const code = at.get(d.span.start)?.id;
    if (code !== undefined) {
      const list = flags.get(code) ?? [];
      list.push(d.code as CoverageRule);
      flags.set(code, list);
    }
  }
  for (const [code, list] of flags) {
    flags.set(code, COVERAGE_RULES.filter((rule) => list.includes(rule)));
  }
  return flags;
}

/** Adds coverage counts, or one for each rule of a list of flags, into `into`. */
function addCounts(into: CoverageCounts, more: CoverageCounts | readonly CoverageRule[]): CoverageCounts {
  const entries = isRuleList(more) ? more.map((rule): [CoverageRule, number] => [rule, 1]) : (Object.entries(more) as [CoverageRule, number][]);
  for (const [rule, n] of entries) {
    into[rule] = (into[rule] ?? 0) + n;
  }
  return into;
}

function isRuleList(value: CoverageCounts | readonly CoverageRule[]): value is readonly CoverageRule[] {
  return Array.isArray(value);
}

/**
 * The goals of the plan a document takes its goals from (§7) that no measure covers: its gaps,
 * which the tree adds to its own; none for a plan of goals itself. Read from the index's names
 * and diagnostics: no parse is loaded for it.
 */
function planGaps(ctx: FeatureContext, uri: string, id: string | undefined, goalsFrom: string | undefined): number {
  const plan = goalsFrom !== undefined && !isGoalPlanAt(ctx.index, uri, id) ? ctx.index.strategyUri(goalsFrom) : undefined;
  return plan !== undefined ? ctx.index.diagnostics(plan).filter((d) => d.code === 'uncovered-goal').length : 0;
}

/** The tree entry of one file, rebuilt only when what it is built from changed (`TreeEntrySource` in `engine/caches.ts`). */
function documentEntry(ctx: FeatureContext, file: IndexedFile, text: TextDocument): TreeDocumentData | undefined {
  const parsed = file.parsed;
  if (parsed.kind === 'markdown') {
    return undefined;
  }
  const raw = ctx.index.diagnostics(file.uri);
  const strategy = parsed.kind === 'strategy' ? ctx.index.strategyOf(parsed) : undefined;
  // An edit of the plan that every document takes goals from leaves their entries alone unless the count changes.
  const gaps = parsed.kind === 'strategy' ? planGaps(ctx, file.uri, parsed.id, goalsFromOf(ctx.index, parsed)) : 0;
  const cached = ctx.caches.treeEntries.get(file.uri);
  if (cached && cached.parsed === parsed && cached.raw === raw && cached.settings === ctx.settings && cached.strategy === strategy && cached.planGaps === gaps) {
    return cached.entry;
  }
  const entry = buildEntry(ctx, file.uri, parsed, text, raw, strategy, gaps);
  ctx.caches.treeEntries.set(file.uri, { parsed, raw, settings: ctx.settings, strategy, planGaps: gaps, entry });
  return entry;
}

function buildEntry(ctx: FeatureContext, uri: string, parsed: StrategyDocument | CatalogDocument, text: TextDocument, raw: readonly CodeDiagnostic[], strategy: StrategyDocument | undefined, planGaps: number): TreeDocumentData {
  const diagnostics = ctx.diagnostics(uri);
  const count = (sev: string): number => diagnostics.filter((d) => d.severity === sev).length;
  const idSpan = parsed.idSpan ?? { start: 0, end: 0 };
  const entry: TreeDocumentData = {
    uri,
    kind: parsed.kind,
    id: parsed.id ?? '',
    title: parsed.title,
    range: range(text, idSpan.start, idSpan.end),
    errors: count('error'),
    warnings: count('warning'),
    coverage: {},
    items: [],
  };
  if (parsed.kind === 'catalog') {
    entry.items = catalogTree(ctx, parsed, text, diagnostics);
    return entry;
  }
  // Each diagnostic is counted on the deepest item whose mapping holds it.
  const perItem = new Map<Item, { errors: number; warnings: number }>();
  for (const d of diagnostics) {
    const item = itemAtOffset(parsed, d.span.start);
    if (item && (d.severity === 'error' || d.severity === 'warning')) {
      const c = perItem.get(item) ?? { errors: 0, warnings: 0 };
      c[d.severity === 'error' ? 'errors' : 'warnings']++;
      perItem.set(item, c);
    }
  }
  const flags = coverageFlags(parsed, raw);
  const groupLabel = ctx.messages.text('hover.group');
  const build = (outline: OutlineEntry, depth: number): TreeItemData => {
    if (outline.kind === 'group') {
      // A group (spec 6.2) is a heading at the depth of its items, without a code.
      const { group } = outline;
      const children = outline.entries.map((e) => build(e, depth));
      return {
        code: '',
        title: group.title,
        level: groupLabel,
        depth,
        range: range(text, group.titleSpan.start, group.titleSpan.end),
        errors: 0,
        warnings: 0,
        descriptors: [],
        goals: [],
        actors: [],
        flags: [],
        coverage: children.reduce((sum, c) => addCounts(sum, c.coverage), {}),
        children,
        group: true,
      };
    }
    const { item } = outline;
    const refs = parsed.references.slice(item.refStart, item.refEnd);
    // A plan's item may leave its title to the strategy's item it stands for (spec 6.3).
    const same = strategy ? ctx.index.item(strategy, item.id) : undefined;
    const children = outlineEntries(parsed, outline.index).map((e) => build(e, item.depth + 1));
    const own = flags.get(item.id) ?? [];
    return {
      code: item.id,
      title: item.title || (same?.title ?? ''),
      level: ctx.messages.levelName(item.depth, parsed.levels ?? strategy?.levels),
      depth: item.depth,
      range: range(text, item.idSpan.start, item.idSpan.end),
      errors: perItem.get(item)?.errors ?? 0,
      warnings: perItem.get(item)?.warnings ?? 0,
      descriptors: refs.filter((r) => r.kind === 'descriptors').map((r) => r.code),
      goals: refs.filter((r) => r.kind === 'goals').map((r) => r.text),
      actors: refs.filter((r) => r.kind === 'responsible' || r.kind === 'partners').map((r) => r.code),
      flags: own,
      coverage: children.reduce((sum, c) => addCounts(sum, c.coverage), addCounts({}, own)),
      children,
      ...(item.removed || same?.removed ? { removed: true } : {}),
    };
  };
  entry.items = outlineEntries(parsed, -1).map((e) => build(e, 1));
  entry.coverage = entry.items.reduce((sum, c) => addCounts(sum, c.coverage), {});
  // A strategy's gaps include the goals of its plan that no measure covers (they are flagged in the plan's tree).
  if (planGaps > 0) {
    entry.coverage['uncovered-goal'] = planGaps;
  }
  if (strategy?.id !== undefined) {
    entry.implements = strategy.id;
  }
  return entry;
}

/** The number of tree nodes under `parent` in an outline (items and groups) and the coverage flags they carry, as `buildEntry` counts and sums them. */
function outlineTotals(parsed: StrategyDocument, flags: ReadonlyMap<string, CoverageRule[]>): { count: number; coverage: CoverageCounts } {
  let count = 0;
  const coverage: CoverageCounts = {};
  const walk = (entries: readonly OutlineEntry[]): void => {
    for (const e of entries) {
      count++;
      if (e.kind === 'group') {
        walk(e.entries);
      } else {
        addCounts(coverage, flags.get(e.item.id) ?? []);
        walk(outlineEntries(parsed, e.index));
      }
    }
  };
  walk(outlineEntries(parsed, -1));
  return { count, coverage };
}

/**
 * The position of `offset` in `text` as `TextDocument.positionAt` gives it (`\n`, `\r\n` and `\r`
 * end lines), read from the text before it alone: a document's id stands near its top, and the
 * line offsets of a whole national document are not computed (nor kept) for it.
 */
function positionBefore(text: string, offset: number): { line: number; character: number } {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 && text.charCodeAt(i + 1) === 10) {
      if (i + 1 === end) {
        break; // Between `\r` and `\n`: still the line they end.
      }
      i++;
    } else if (ch !== 10 && ch !== 13) {
      continue;
    }
    line++;
    lineStart = i + 1;
  }
  return { line, character: end - lineStart };
}

/** Whether a shape read back from a record is a summary (it came through a checked payload: a wrong shape is a bug, still refused). */
function isTreeSummary(value: unknown): value is TreeSummary {
  const v = value as Partial<TreeSummary> | null | undefined;
  return typeof v === 'object' && v !== null && (v.kind === 'strategy' || v.kind === 'catalog') && typeof v.id === 'string' && typeof v.title === 'string' && typeof v.itemCount === 'number' && typeof v.range === 'object' && typeof v.coverage === 'object';
}

/**
 * What the top level shows of a file (`TreeSummary`), without building its entry: from the record
 * it was taken back from while that still holds (a warm start: no parse is loaded), else made from
 * its parse and kept until its parse, its diagnostics, the settings or its strategy change.
 */
export function documentSummary(ctx: FeatureContext, file: IndexedFile): TreeSummary | undefined {
  if (file.uri === ctx.builtinCatalogUri) {
    return undefined;
  }
  const kept = ctx.index.currentRecord(file.uri)?.tree;
  if (isTreeSummary(kept)) {
    return kept;
  }
  const parsed = file.parsed;
  if (parsed.kind === 'markdown') {
    return undefined;
  }
  const raw = ctx.index.diagnostics(file.uri);
  const strategy = parsed.kind === 'strategy' ? ctx.index.strategyOf(parsed) : undefined;
  const cached = ctx.caches.treeSummaries.get(file.uri);
  if (cached && cached.parsed === parsed && cached.raw === raw && cached.settings === ctx.settings && cached.strategy === strategy) {
    return cached.summary;
  }
  const idSpan = parsed.idSpan ?? { start: 0, end: 0 };
  const range = { start: positionBefore(file.text, idSpan.start), end: positionBefore(file.text, idSpan.end) };
  const summary: TreeSummary = { kind: parsed.kind, id: parsed.id ?? '', title: parsed.title, range, coverage: {}, itemCount: 0 };
  if (parsed.kind === 'catalog') {
    const listed = new Set(parsed.areas.map((a) => a.id));
    summary.itemCount = parsed.areas.reduce((n, a) => n + 1 + parsed.descriptors.filter((d) => d.area === a.id).length, 0) + parsed.descriptors.filter((d) => d.area === undefined || !listed.has(d.area)).length;
  } else {
    const totals = outlineTotals(parsed, coverageFlags(parsed, raw));
    summary.itemCount = totals.count;
    summary.coverage = totals.coverage;
    if (strategy?.id !== undefined) {
      summary.implements = strategy.id;
    }
    const goalsFrom = goalsFromOf(ctx.index, parsed);
    if (goalsFrom !== undefined) {
      summary.goalsFrom = goalsFrom;
    }
  }
  ctx.caches.treeSummaries.set(file.uri, { parsed, raw, settings: ctx.settings, strategy, summary });
  return summary;
}

/** A document of the top level: its summary, its problems under the settings, and the gaps of the plan it takes goals from. */
interface TopDocument {
  uri: string;
  summary: TreeSummary;
  errors: number;
  warnings: number;
  planGaps: number;
}

/**
 * Every document of the top level, sorted by id, made from summaries only: no parse is loaded for
 * a document taken back from its record. Built once per index generation and settings.
 */
function topDocuments(ctx: FeatureContext): { all: TopDocument[]; top: TopDocument[]; plans: Map<TopDocument, TopDocument[]> } {
  const cached = ctx.caches.treeTop;
  if (cached && cached.generation === ctx.index.generation && cached.settings === ctx.settings) {
    return cached.value as ReturnType<typeof topDocuments>;
  }
  const all: TopDocument[] = [];
  for (const file of ctx.index.all()) {
    const summary = documentSummary(ctx, file);
    if (!summary) {
      continue;
    }
    const raw = ctx.index.diagnostics(file.uri);
    let counts = ctx.caches.treeCounts.get(raw);
    if (!counts || counts.settings !== ctx.settings) {
      const shown = ctx.diagnostics(file.uri);
      counts = { settings: ctx.settings, errors: shown.filter((d) => d.severity === 'error').length, warnings: shown.filter((d) => d.severity === 'warning').length };
      ctx.caches.treeCounts.set(raw, counts);
    }
    const gaps = summary.kind === 'strategy' ? planGaps(ctx, file.uri, summary.id || undefined, summary.goalsFrom) : 0;
    all.push({ uri: file.uri, summary, errors: counts.errors, warnings: counts.warnings, planGaps: gaps });
  }
  all.sort((a, b) => (a.summary.id || a.uri).localeCompare(b.summary.id || b.uri));
  const value = { all, ...nest(all, (d) => d.summary) };
  ctx.caches.treeTop = { generation: ctx.index.generation, settings: ctx.settings, value };
  return value;
}

/** A document of the top level as a node: as `documentNode` gives it for its entry. */
function topNode(d: TopDocument, plans: readonly TopDocument[]): TreeLevelNode {
  const { summary } = d;
  const coverage = { ...summary.coverage };
  if (d.planGaps > 0) {
    coverage['uncovered-goal'] = d.planGaps;
  }
  const doc: TreeDocumentData = { uri: d.uri, kind: summary.kind, id: summary.id, title: summary.title, range: summary.range, errors: d.errors, warnings: d.warnings, coverage, items: [] };
  if (summary.implements !== undefined) {
    doc.implements = summary.implements;
  }
  return { kind: 'document', doc, itemCount: summary.itemCount, hasChildren: summary.itemCount > 0 || plans.length > 0 };
}

/** The entry of one document with its item tree (its parse is loaded for it). */
function entryOf(ctx: FeatureContext, uri: string): TreeDocumentData | undefined {
  const file = ctx.index.get(uri);
  const text = file ? ctx.document(uri) : undefined;
  return file && text ? documentEntry(ctx, file, text) : undefined;
}

/** The documents of the workspace with their item trees, sorted by id. */
export function treeData(ctx: FeatureContext): TreeDocumentData[] {
  const out: TreeDocumentData[] = [];
  for (const file of ctx.index.all()) {
    const text = ctx.document(file.uri);
    const entry = text && file.uri !== ctx.builtinCatalogUri ? documentEntry(ctx, file, text) : undefined;
    if (entry) {
      out.push(entry);
    }
  }
  return nestPlans(out.sort((a, b) => (a.id || a.uri).localeCompare(b.id || b.uri)));
}

/** What nesting a document under the strategy it implements reads of it. */
interface Nestable {
  kind: 'strategy' | 'catalog';
  id: string;
  implements?: string;
}

/**
 * Puts each plan under the strategy it implements (spec 6.3), which lists it after its own items;
 * a plan of a plan nests deeper. Returns the documents left at the top and the plans under each.
 */
function nest<T>(docs: readonly T[], of: (d: T) => Nestable): { top: T[]; plans: Map<T, T[]> } {
  const byId = new Map<string, T>();
  for (const d of docs) {
    const n = of(d);
    if (n.kind === 'strategy' && n.id !== '' && !byId.has(n.id)) {
      byId.set(n.id, d);
    }
  }
  const top: T[] = [];
  const plans = new Map<T, T[]>();
  const strategyOf = (d: T): T | undefined => {
    const id = of(d).implements;
    return id !== undefined ? byId.get(id) : undefined;
  };
  for (const d of docs) {
    const strategy = strategyOf(d);
    // A chain of plans that leads back to the plan itself would hide it: such a plan stays at the top.
    let loops = false;
    for (let s = strategy, guard = 0; s !== undefined && guard < docs.length; s = strategyOf(s), guard++) {
      if (s === d) {
        loops = true;
        break;
      }
    }
    if (strategy !== undefined && !loops) {
      plans.set(strategy, [...(plans.get(strategy) ?? []), d]);
    } else {
      top.push(d);
    }
  }
  return { top, plans };
}

/** The whole tree's nesting: each plan on the `plans` of (a copy of) its strategy's entry. */
function nestPlans(entries: readonly TreeDocumentData[]): TreeDocumentData[] {
  // The entries are cached per document: the nesting is done on copies.
  const docs = entries.map((d) => ({ ...d }));
  const { top, plans } = nest(docs, (d) => d);
  for (const [strategy, list] of plans) {
    strategy.plans = list;
  }
  return top;
}

function subtreeProblems(item: TreeItemData): { errors: number; warnings: number } {
  return item.children.reduce(
    (sum, child) => {
      const c = subtreeProblems(child);
      return { errors: sum.errors + c.errors, warnings: sum.warnings + c.warnings };
    },
    { errors: item.errors, warnings: item.warnings },
  );
}

/** A document as a node of one level: its items and plans are asked for when it is expanded. */
function documentNode(ctx: FeatureContext, doc: TreeDocumentData): TreeLevelNode {
  const { plans, ...rest } = doc;
  // A refresh shows every document's item count: counted once per item list (the tree keeps unchanged documents' lists).
  let itemCount = ctx.caches.treeItemCounts.get(doc.items);
  if (itemCount === undefined) {
    itemCount = countItems(doc.items);
    ctx.caches.treeItemCounts.set(doc.items, itemCount);
  }
  return { kind: 'document', doc: { ...rest, items: [] }, itemCount, hasChildren: doc.items.length > 0 || (plans ?? []).length > 0 };
}

/** An item as a node of one level: its children are asked for when it is expanded. */
function itemNode(uri: string, path: number[], siblings: readonly TreeItemData[]): TreeLevelItem {
  const index = path[path.length - 1] ?? 0;
  const item = siblings[index];
  const problems = subtreeProblems(item);
  const occurrence = siblings.slice(0, index).filter((s) => s.code === item.code).length + 1;
  return { kind: 'item', uri, path, item: { ...item, children: [] }, occurrence, subtreeErrors: problems.errors, subtreeWarnings: problems.warnings, hasChildren: item.children.length > 0 };
}

/** The whole tree, built once per index generation and settings: a refresh asks for the top level, then for every expanded node. */
function currentTree(ctx: FeatureContext): readonly TreeDocumentData[] {
  const cached = ctx.caches.tree;
  if (cached && cached.generation === ctx.index.generation && cached.settings === ctx.settings) {
    return cached.docs;
  }
  const docs = treeData(ctx);
  ctx.caches.tree = { generation: ctx.index.generation, settings: ctx.settings, docs };
  return docs;
}

/**
 * One level of the Strategies view (`StrategyTreeLevelRequest`): without a parent the top-level
 * documents, with one the children of that document (its items, then its plans) or of that item.
 * With a filter the level is one of the filtered tree, so positions in paths are positions there.
 */
export function treeLevel(ctx: FeatureContext, parent?: TreeParent, filter?: TreeFilter): TreeLevelNode[] {
  if (!filter) {
    return unfilteredLevel(ctx, parent);
  }
  const docs = filterTree(currentTree(ctx), filter);
  if (!parent) {
    return docs.map((d) => documentNode(ctx, d));
  }
  const doc = allDocuments(docs).find((d) => d.uri === parent.uri);
  const path = parent.path ?? [];
  const nodes = doc ? itemLevel(doc.uri, doc.items, path) : undefined;
  if (!doc || !nodes) {
    return [];
  }
  return path.length === 0 ? [...nodes, ...(doc.plans ?? []).map((d) => documentNode(ctx, d))] : nodes;
}

/** The item nodes one level below `path` in a document's items; undefined when the path leads nowhere. */
function itemLevel(uri: string, items: readonly TreeItemData[], path: readonly number[]): TreeLevelNode[] | undefined {
  let level = items;
  for (const index of path) {
    const item = level[index];
    if (!item) {
      return undefined;
    }
    level = item.children;
  }
  return level.map((_, i) => itemNode(uri, [...path, i], level));
}

/** One level of the whole tree, from the documents' summaries: only an expanded document's parse is loaded. */
function unfilteredLevel(ctx: FeatureContext, parent?: TreeParent): TreeLevelNode[] {
  const { all, top, plans } = topDocuments(ctx);
  const node = (d: TopDocument): TreeLevelNode => topNode(d, plans.get(d) ?? []);
  if (!parent) {
    return top.map(node);
  }
  const doc = all.find((d) => d.uri === parent.uri);
  const entry = doc ? entryOf(ctx, doc.uri) : undefined;
  const path = parent.path ?? [];
  const nodes = doc && entry ? itemLevel(doc.uri, entry.items, path) : undefined;
  if (!doc || !nodes) {
    return [];
  }
  return path.length === 0 ? [...nodes, ...(plans.get(doc) ?? []).map(node)] : nodes;
}

/** The chain of item nodes down to the item with `code` in a forest, the item last. */
function itemChain(uri: string, items: readonly TreeItemData[], code: string, path: number[]): TreeLevelNode[] | undefined {
  for (const [i, item] of items.entries()) {
    if (item.code === code && !item.group) {
      return [itemNode(uri, [...path, i], items)];
    }
    const below = itemChain(uri, item.children, code, [...path, i]);
    if (below) {
      return [itemNode(uri, [...path, i], items), ...below];
    }
  }
  return undefined;
}

/**
 * The chain of nodes from a top-level document down to the item with a code in a document (the
 * item last), for revealing it in the Strategies view (`TreeAncestorsRequest`); `null` when the
 * (filtered) tree does not show it. A plan's chain starts at the strategy it is listed under.
 */
export function treeAncestors(ctx: FeatureContext, uri: string, code: string, filter?: TreeFilter): TreeLevelNode[] | null {
  if (!filter) {
    // From the summaries: only the document that holds the item is loaded.
    const { all, plans } = topDocuments(ctx);
    const owners = new Map<TopDocument, TopDocument>();
    for (const [strategy, list] of plans) {
      list.forEach((p) => owners.set(p, strategy));
    }
    const doc = all.find((d) => d.uri === uri);
    const entry = doc ? entryOf(ctx, uri) : undefined;
    const chain = doc && entry ? itemChain(uri, entry.items, code, []) : undefined;
    if (!doc || !chain) {
      return null;
    }
    const documents: TreeLevelNode[] = [];
    for (let d: TopDocument | undefined = doc; d; d = owners.get(d)) {
      documents.unshift(topNode(d, plans.get(d) ?? []));
    }
    return [...documents, ...chain];
  }
  const docs = filterTree(currentTree(ctx), filter);
  const owners = new Map<string, TreeDocumentData>();
  for (const d of allDocuments(docs)) {
    (d.plans ?? []).forEach((p) => owners.set(p.uri, d));
  }
  const doc = allDocuments(docs).find((d) => d.uri === uri);
  const chain = doc ? itemChain(uri, doc.items, code, []) : undefined;
  if (!doc || !chain) {
    return null;
  }
  const documents: TreeLevelNode[] = [];
  for (let d: TreeDocumentData | undefined = doc; d; d = owners.get(d.uri)) {
    documents.unshift(documentNode(ctx, d));
  }
  return [...documents, ...chain];
}

/**
 * Codes matching `query` for the "Go to Strategy Code…" picker: the same
 * search as workspace symbols (fuzzy over code and title, insensitive to case
 * and diacritics, code prefixes first).
 */
export function searchCodes(ctx: FeatureContext, query: string, limit = 200): CodeEntry[] {
  const out: CodeEntry[] = [];
  for (const e of searchWorkspaceCodes(ctx, query, limit)) {
    const text = ctx.document(e.doc.uri);
    if (text) {
      out.push({
        code: e.code,
        qualified: e.qualified,
        title: e.title,
        level: ctx.messages.levelName(e.item.depth, e.doc.levels),
        documentId: e.doc.id ?? '',
        uri: e.doc.uri,
        range: range(text, e.item.idSpan.start, e.item.idSpan.end),
      });
    }
  }
  return out;
}

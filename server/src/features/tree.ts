/**
 * The data of the tree view and the "Go to Strategy Code…" picker: documents
 * with their item trees and problem counts, codes searched fuzzily by code
 * and title, and the item under a position.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, analyze } from '../analysis/analysis';
import { CodeEntry, CoverageCounts, CoverageRule, TreeDocumentData, TreeFilter, TreeItemData, TreeLevelItem, TreeLevelNode, TreeParent } from '../protocol';
import { allDocuments, countItems, filterTree } from '../engine/treeFilter';
import type { FeatureContext } from '../engine/context';
import { CatalogDocument, CodeDiagnostic, Descriptor, Item, Span } from '../model/types';
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
 * The coverage rules that flag each item of the workspace, keyed `uri#code`: the measures the
 * analysis finds lacking, and the goals of plans that no measure covers (in the plan's document).
 */
function coverageFlags(analysis: Analysis): Map<string, CoverageRule[]> {
  const flags = new Map<string, CoverageRule[]>();
  const flag = (uri: string, code: string, rule: CoverageRule): void => {
    const key = `${uri}#${code}`;
    const list = flags.get(key) ?? [];
    if (!list.includes(rule)) {
      list.push(rule);
    }
    flags.set(key, list);
  };
  for (const doc of analysis.documents) {
    const lists: [CoverageRule, string[]][] = [
      ['missing-goal', doc.coverage.withoutGoals],
      ['missing-indicator', doc.coverage.withoutIndicator],
      ['missing-responsible', doc.coverage.withoutResponsible],
    ];
    for (const [rule, codes] of lists) {
      codes.forEach((code) => flag(doc.uri, code, rule));
    }
    doc.coverage.uncoveredGoals.forEach((goal) => flag(goal.uri, goal.code, 'uncovered-goal'));
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

/** The documents of the workspace with their item trees, sorted by id. */
export function treeData(ctx: FeatureContext): TreeDocumentData[] {
  const out: TreeDocumentData[] = [];
  const analysis = analyze(ctx);
  const flags = coverageFlags(analysis);
  for (const file of ctx.index.all()) {
    const parsed = file.parsed;
    const text = ctx.document(file.uri);
    if (!text || parsed.kind === 'markdown' || file.uri === ctx.builtinCatalogUri) {
      continue;
    }
    const diagnostics = ctx.diagnostics(file.uri);
    const count = (sev: string): number => diagnostics.filter((d) => d.severity === sev).length;
    const idSpan = parsed.idSpan ?? { start: 0, end: 0 };
    const entry: TreeDocumentData = {
      uri: file.uri,
      kind: parsed.kind,
      id: parsed.id ?? '',
      title: parsed.title,
      range: range(text, idSpan.start, idSpan.end),
      errors: count('error'),
      warnings: count('warning'),
      coverage: {},
      items: [],
    };
    if (parsed.kind === 'strategy') {
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
      const strategy = ctx.index.strategyOf(parsed);
      const groupLabel = ctx.messages.text('hover.group');
      const build = (entry: OutlineEntry, depth: number): TreeItemData => {
        if (entry.kind === 'group') {
          // A group (spec 6.2) is a heading at the depth of its items, without a code.
          const { group } = entry;
          const children = entry.entries.map((e) => build(e, depth));
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
        const { item } = entry;
        const refs = parsed.references.slice(item.refStart, item.refEnd);
        // A plan's item may leave its title to the strategy's item it stands for (spec 6.3).
        const same = strategy ? ctx.index.item(strategy, item.id) : undefined;
        const children = outlineEntries(parsed, entry.index).map((e) => build(e, item.depth + 1));
        const own = flags.get(`${file.uri}#${item.id}`) ?? [];
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
      const own = analysis.documents.find((d) => d.uri === file.uri);
      const planGaps = own && !own.isPlan ? own.coverage.uncoveredGoals.length : 0;
      if (planGaps > 0) {
        entry.coverage['uncovered-goal'] = planGaps;
      }
      if (strategy?.id !== undefined) {
        entry.implements = strategy.id;
      }
    } else {
      entry.items = catalogTree(ctx, parsed, text, diagnostics);
    }
    out.push(entry);
  }
  return nestPlans(out.sort((a, b) => (a.id || a.uri).localeCompare(b.id || b.uri)));
}

/** Puts each plan under the strategy it implements (spec 6.3), which lists it after its own items; a plan of a plan nests deeper. */
function nestPlans(docs: TreeDocumentData[]): TreeDocumentData[] {
  const byId = new Map<string, TreeDocumentData>();
  for (const d of docs) {
    if (d.kind === 'strategy' && d.id !== '' && !byId.has(d.id)) {
      byId.set(d.id, d);
    }
  }
  const top: TreeDocumentData[] = [];
  for (const d of docs) {
    const strategy = d.implements !== undefined ? byId.get(d.implements) : undefined;
    // A chain of plans that leads back to the plan itself would hide it: such a plan stays at the top.
    let loops = false;
    for (let s = strategy, guard = 0; s && guard < docs.length; s = s.implements !== undefined ? byId.get(s.implements) : undefined, guard++) {
      if (s === d) {
        loops = true;
        break;
      }
    }
    if (strategy && !loops) {
      (strategy.plans ??= []).push(d);
    } else {
      top.push(d);
    }
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
function documentNode(doc: TreeDocumentData): TreeLevelNode {
  const { plans, ...rest } = doc;
  return { kind: 'document', doc: { ...rest, items: [] }, itemCount: countItems(doc.items), hasChildren: doc.items.length > 0 || (plans ?? []).length > 0 };
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
  const docs = filterTree(currentTree(ctx), filter);
  if (!parent) {
    return docs.map(documentNode);
  }
  const doc = allDocuments(docs).find((d) => d.uri === parent.uri);
  if (!doc) {
    return [];
  }
  const path = parent.path ?? [];
  let items = doc.items;
  for (const index of path) {
    const item = items[index];
    if (!item) {
      return [];
    }
    items = item.children;
  }
  const nodes: TreeLevelNode[] = items.map((_, i) => itemNode(doc.uri, [...path, i], items));
  return path.length === 0 ? [...nodes, ...(doc.plans ?? []).map(documentNode)] : nodes;
}

/**
 * The chain of nodes from a top-level document down to the item with a code in a document (the
 * item last), for revealing it in the Strategies view (`TreeAncestorsRequest`); `null` when the
 * (filtered) tree does not show it. A plan's chain starts at the strategy it is listed under.
 */
export function treeAncestors(ctx: FeatureContext, uri: string, code: string, filter?: TreeFilter): TreeLevelNode[] | null {
  const docs = filterTree(currentTree(ctx), filter);
  const owners = new Map<string, TreeDocumentData>();
  for (const d of allDocuments(docs)) {
    (d.plans ?? []).forEach((p) => owners.set(p.uri, d));
  }
  const doc = allDocuments(docs).find((d) => d.uri === uri);
  if (!doc) {
    return null;
  }
  const search = (items: readonly TreeItemData[], path: number[]): TreeLevelNode[] | undefined => {
    for (const [i, item] of items.entries()) {
      if (item.code === code && !item.group) {
        return [itemNode(uri, [...path, i], items)];
      }
      const below = search(item.children, [...path, i]);
      if (below) {
        return [itemNode(uri, [...path, i], items), ...below];
      }
    }
    return undefined;
  };
  const chain = search(doc.items, []);
  if (!chain) {
    return null;
  }
  const documents: TreeLevelNode[] = [];
  for (let d: TreeDocumentData | undefined = doc; d; d = owners.get(d.uri)) {
    documents.unshift(documentNode(d));
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

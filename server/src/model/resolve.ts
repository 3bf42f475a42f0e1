/**
 * Resolution of references against the index: what a reference points at,
 * or why it points at nothing. Diagnostics, hover, definition, references and
 * rename all resolve through here, so they always agree.
 */
import { Messages } from '../messages';
import { isItemCode, shapeDepth } from '../parse/codes';
import { Actor, DiagnosticCode, Item, MarkdownDocument, Message, OutsideDocument, Reference, Severity, StrategyDocument } from './types';
import { closestCodes, closestWords } from './suggest';
import { DescriptorDefinition, WorkspaceIndex } from './workspaceIndex';

export type Target =
  | { kind: 'item'; doc: StrategyDocument; item: Item }
  | { kind: 'document'; doc: StrategyDocument }
  | { kind: 'descriptor'; definition: DescriptorDefinition }
  | { kind: 'actor'; doc: StrategyDocument; actor: Actor }
  /** A document outside the workspace (spec 6.4), declared in `doc`'s `documents`. */
  | { kind: 'outside'; id: string; declaration: OutsideDocument; doc: StrategyDocument }
  /**
   * A code of a document outside the workspace: valid, and not checked
   * (spec 6.4); `declaration` is absent for the outside strategy of a plan
   * that no `documents` entry declares (spec 6.3).
   */
  | { kind: 'outsideItem'; id: string; code: string; declaration?: OutsideDocument; doc?: StrategyDocument };

/** Why a reference does not resolve; `silent` when another diagnostic already says it. */
export interface Problem {
  code: DiagnosticCode;
  message: Message;
  /** The severity, when not an error. */
  severity?: Severity;
  suggestions?: string[];
  silent?: boolean;
}

export type Resolution = { target: Target; problem?: undefined } | { target?: undefined; problem: Problem };

/** What the resolver needs besides the index. */
export interface ResolveContext {
  index: WorkspaceIndex;
  messages: Messages;
  builtinCatalogUri: string;
}

/** The depth a code would have in `doc`, from its shape relative to the document's top-level codes. */
export function estimateDepth(doc: StrategyDocument, code: string): number {
  const top = doc.items.find((i) => i.depth === 1);
  const base = top ? shapeDepth(top.id) : 1;
  return Math.max(1, shapeDepth(code) - base + 1);
}

function resolveDocument(ctx: ResolveContext, id: string): Resolution {
  const doc = ctx.index.strategy(id);
  if (doc) {
    return { target: { kind: 'document', doc } };
  }
  const outside = ctx.index.outsideDocument(id);
  if (outside) {
    return { target: { kind: 'outside', id, declaration: outside.declaration, doc: outside.doc } };
  }
  // Sorted, so that equally close suggestions come in the same order whatever order the files were indexed in.
  const ids = [...new Set([...[...ctx.index.strategies()].map((d) => d.id).filter((x): x is string => x !== undefined), ...ctx.index.outsideIds()])].sort();
  return { problem: { code: 'unknown-strategy', message: { id: 'unknown.strategy', args: [id] }, suggestions: closestWords(id, ids) } };
}

/** A code of an outside document: valid and not checked (spec 6.4). */
function outsideItem(target: { id: string; declaration?: OutsideDocument; doc?: StrategyDocument }, code: string): Resolution {
  return { target: { kind: 'outsideItem', id: target.id, code, declaration: target.declaration, doc: target.doc } };
}

/**
 * The strategy item a plan's item stands for (spec 6.3): the item with the
 * same code in the workspace strategy the plan implements.
 */
export function standsFor(index: WorkspaceIndex, plan: StrategyDocument, item: Item): { doc: StrategyDocument; item: Item } | undefined {
  const strategy = index.strategyOf(plan);
  const target = strategy ? index.item(strategy, item.id) : undefined;
  return strategy && target ? { doc: strategy, item: target } : undefined;
}

function resolveItemIn(ctx: ResolveContext, doc: StrategyDocument, code: string, goal: boolean, qualifiedText?: string): Resolution {
  const item = ctx.index.item(doc, code);
  if (item) {
    return { target: { kind: 'item', doc, item } };
  }
  const codes = [...ctx.index.itemsByCode(doc).keys()];
  let suggestions = closestCodes(code, codes);
  if (qualifiedText !== undefined && suggestions) {
    suggestions = suggestions.map((s) => `${doc.id ?? ''}/${s}`);
  }
  const message = goal
    ? { id: 'unknown.goal', args: [code, doc.id ?? ''] }
    : ctx.messages.unknownItem(code, estimateDepth(doc, code), doc.levels, qualifiedText !== undefined ? doc.id : undefined);
  return { problem: { code: goal ? 'unknown-goal' : 'unknown-item', message, suggestions } };
}

/** Resolves a reference made in `from` (a strategy document or a Markdown file). */
export function resolveReference(ctx: ResolveContext, from: StrategyDocument | MarkdownDocument, ref: Reference): Resolution {
  switch (ref.kind) {
    case 'goalsFrom':
    case 'implements':
    case 'documents':
      return resolveDocument(ctx, ref.code);
    case 'descriptors': {
      const definition = ctx.index.descriptor(ref.code, ctx.builtinCatalogUri);
      if (definition) {
        return { target: { kind: 'descriptor', definition } };
      }
      const all = new Set<string>();
      for (const c of ctx.index.catalogs()) {
        for (const d of c.descriptors) {
          all.add(d.id);
        }
      }
      return { problem: { code: 'unknown-descriptor', message: { id: 'unknown.descriptor', args: [ref.code] }, suggestions: closestCodes(ref.code, [...all].sort()) } };
    }
    case 'responsible':
    case 'partners': {
      const doc = from.kind === 'strategy' ? from : undefined;
      const actor = doc?.actors.find((a) => a.id === ref.code);
      if (doc && actor) {
        return { target: { kind: 'actor', doc, actor } };
      }
      // Reported by the parser, which knows the document's actors.
      return { problem: { code: 'unknown-actor', message: { id: 'unknown.actor', args: [ref.code] }, silent: true } };
    }
    case 'related':
    case 'after':
    case 'goals':
    case 'markdown':
      return resolveCodeReference(ctx, from, ref);
  }
}

/**
 * Whether a reference to another document's item certainly resolves to an item that is not
 * removed, told from the record of that document while its parse is not loaded (a warm start,
 * `WorkspaceIndex.recordedItems`): the diagnostics of a changed file then load none of the
 * documents it links to. False when that cannot be told: the reference is resolved as usual.
 */
export function resolvesFromRecord(ctx: ResolveContext, from: StrategyDocument | MarkdownDocument, ref: Reference): boolean {
  if (ref.docId === undefined || (ref.kind !== 'related' && ref.kind !== 'after' && ref.kind !== 'goals' && ref.kind !== 'markdown')) {
    return false;
  }
  if (from.kind === 'strategy' && from.id === ref.docId) {
    return false;
  }
  // As `resolveItemIn`: only a well-formed code is an item's code.
  return isItemCode(ref.code) && ctx.index.recordedItems(ref.docId)?.get(ref.code) === false;
}

function resolveCodeReference(ctx: ResolveContext, from: StrategyDocument | MarkdownDocument, ref: Reference): Resolution {
  const goal = ref.kind === 'goals';
  const self = from.kind === 'strategy' ? from : undefined;
  if (ref.docId !== undefined && !(self && self.id === ref.docId)) {
    const docRes = resolveDocument(ctx, ref.docId);
    if (docRes.problem) {
      // The diagnostic covers the whole `doc/CODE`, so the replacement offered is a whole reference too.
      const suggestions = docRes.problem.suggestions?.map((d) => `${d}/${ref.code}`);
      return { problem: { ...docRes.problem, suggestions } };
    }
    if (docRes.target.kind === 'outside') {
      return outsideItem(docRes.target, ref.code);
    }
    if (docRes.target.kind !== 'document') {
      return docRes;
    }
    return resolveItemIn(ctx, docRes.target.doc, ref.code, goal, ref.text);
  }
  if (!self) {
    return { problem: { code: 'unknown-item', message: { id: 'unknown.item', args: ['', ref.code] }, silent: true } };
  }
  if (ref.docId !== undefined) {
    // A qualified reference to this document (a related item, or a goal of this very document) resolves here.
    return resolveItemIn(ctx, self, ref.code, goal, ref.text);
  }
  const strategyId = self.implements !== undefined && self.implements.code !== self.id ? self.implements.code : undefined;
  if (!goal) {
    const own = resolveItemIn(ctx, self, ref.code, false);
    if (own.target || strategyId === undefined) {
      return own;
    }
    // In a plan, `related` and `after` resolve in the plan first, then in its strategy (spec 6.3).
    const strategy = ctx.index.strategy(strategyId);
    if (!strategy) {
      const outside = ctx.index.outsideDocument(strategyId);
      // The strategy is outside (its codes are not checked) or unknown (reported once, on `implements`).
      return outside ? outsideItem({ id: strategyId, ...outside }, ref.code) : { problem: { ...own.problem, silent: true } };
    }
    const inStrategy = ctx.index.item(strategy, ref.code);
    if (inStrategy) {
      return { target: { kind: 'item', doc: strategy, item: inStrategy } };
    }
    const suggestions = closestCodes(ref.code, [...ctx.index.itemsByCode(self).keys(), ...ctx.index.itemsByCode(strategy).keys()]);
    return { problem: { ...own.problem, suggestions } };
  }
  let goalsFrom = self.goalsFrom?.code;
  if (goalsFrom === undefined && strategyId !== undefined) {
    // A plan without its own `goalsFrom` takes its strategy's (spec 6.3).
    const strategy = ctx.index.strategy(strategyId);
    if (!strategy) {
      // The strategy's `goalsFrom` is not known: the goals are not checked.
      return ctx.index.outsideDocument(strategyId)
        ? outsideItem({ id: strategyId }, ref.code)
        : { problem: { code: 'unknown-goal', message: { id: 'unknown.goal', args: [ref.code, strategyId] }, silent: true } };
    }
    if (!strategy.goalsFrom) {
      return { problem: { code: 'missing-goals-from', severity: 'warning', message: { id: 'missingGoalsFrom.plan', args: [ref.code, strategyId] } } };
    }
    goalsFrom = strategy.goalsFrom.code;
  }
  if (goalsFrom === undefined) {
    // `missing-goals-from` is reported by the parser.
    return { problem: { code: 'missing-goals-from', message: { id: 'missingGoalsFrom', args: [ref.code] }, silent: true } };
  }
  const plan = ctx.index.strategy(goalsFrom);
  if (!plan) {
    const outside = ctx.index.outsideDocument(goalsFrom);
    if (outside) {
      return outsideItem({ id: goalsFrom, ...outside }, ref.code);
    }
    // The unknown `goalsFrom` is reported once; its goals are not reported one by one.
    return { problem: { code: 'unknown-goal', message: { id: 'unknown.goal', args: [ref.code, goalsFrom] }, silent: true } };
  }
  return resolveItemIn(ctx, plan, ref.code, true);
}

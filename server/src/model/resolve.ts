/**
 * Resolution of references against the index: what a reference points at,
 * or why it points at nothing. Diagnostics, hover, definition, references and
 * rename all resolve through here, so they always agree.
 */
import { Messages } from '../messages';
import { shapeDepth } from '../parse/codes';
import { Actor, DiagnosticCode, Item, MarkdownDocument, Message, Reference, StrategyDocument } from './types';
import { closestCodes, closestWords } from './suggest';
import { DescriptorDefinition, WorkspaceIndex } from './workspaceIndex';

export type Target =
  | { kind: 'item'; doc: StrategyDocument; item: Item }
  | { kind: 'document'; doc: StrategyDocument }
  | { kind: 'descriptor'; definition: DescriptorDefinition }
  | { kind: 'actor'; doc: StrategyDocument; actor: Actor };

/** Why a reference does not resolve; `silent` when another diagnostic already says it. */
export interface Problem {
  code: DiagnosticCode;
  message: Message;
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
  const ids = [...ctx.index.strategies()].map((d) => d.id).filter((x): x is string => x !== undefined);
  return { problem: { code: 'unknown-strategy', message: { id: 'unknown.strategy', args: [id] }, suggestions: closestWords(id, ids) } };
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
      return { problem: { code: 'unknown-descriptor', message: { id: 'unknown.descriptor', args: [ref.code] }, suggestions: closestCodes(ref.code, [...all]) } };
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
  if (!goal) {
    return resolveItemIn(ctx, self, ref.code, false);
  }
  if (!self.goalsFrom) {
    // `missing-goals-from` is reported by the parser.
    return { problem: { code: 'missing-goals-from', message: { id: 'missingGoalsFrom', args: [ref.code] }, silent: true } };
  }
  const plan = ctx.index.strategy(self.goalsFrom.code);
  if (!plan) {
    // The unknown `goalsFrom` is reported once; its goals are not reported one by one.
    return { problem: { code: 'unknown-goal', message: { id: 'unknown.goal', args: [ref.code, self.goalsFrom.code] }, silent: true } };
  }
  return resolveItemIn(ctx, plan, ref.code, true);
}

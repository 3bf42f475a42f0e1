/**
 * What stands at a position: the one question hover, definition,
 * references and rename all start from. A definition (an item's `id`, the
 * `strategy:` value, an actor or a catalog descriptor) is its own target; a
 * reference is resolved with `resolveReference`, so that navigation always
 * agrees with the diagnostics.
 */
import type { FeatureContext } from './context';
import { Problem, ResolveContext, standsFor, Target } from '../model/resolve';
import { CatalogDocument, Item, Reference, Span, StrategyDocument } from '../model/types';
import { isItemCode } from '../parse/codes';
import { locateInMarkdown, locateReference } from './markdownNavigation';
import { spanContains } from './shared';

/** The code under the cursor and what it means. */
export interface Located {
  /** What the code is or points at; undefined when it does not resolve (see `problem`). */
  target?: Target;
  /** Why a reference does not resolve. */
  problem?: Problem;
  /** The span of the code itself: the code part of a qualified reference, or its document-id part. */
  span: Span;
  /** True on a definition rather than a reference. */
  definition: boolean;
  /** The reference under the cursor (for the document-id part of a qualified reference, that part as a `documents` reference). */
  ref?: Reference;
  /** On the `id` of a plan's item that stands for its strategy's item (spec 6.3): the plan's item; `target` is the strategy's. */
  standIn?: { doc: StrategyDocument; item: Item };
}

/** What stands at `offset` of the indexed file `uri`, or undefined where there is no code. */
export function locate(ctx: FeatureContext, uri: string, offset: number): Located | undefined {
  const parsed = ctx.index.get(uri)?.parsed;
  switch (parsed?.kind) {
    case 'strategy':
      return locateInStrategy(ctx, parsed, offset);
    case 'catalog':
      return locateInCatalog(parsed, offset);
    case 'markdown':
      return locateInMarkdown(ctx, parsed, offset);
    default:
      return undefined;
  }
}

function locateInStrategy(ctx: ResolveContext, doc: StrategyDocument, offset: number): Located | undefined {
  if (doc.id !== undefined && doc.idSpan && spanContains(doc.idSpan, offset)) {
    return { target: { kind: 'document', doc }, span: doc.idSpan, definition: true };
  }
  for (const ref of doc.references) {
    if (spanContains(ref.span, offset)) {
      return locateReference(ctx, doc, ref, offset);
    }
  }
  for (const item of doc.items) {
    if (spanContains(item.idSpan, offset)) {
      // A malformed id defines nothing; its `invalid-id` diagnostic says why.
      if (!isItemCode(item.id)) {
        return undefined;
      }
      // A plan's item that stands for its strategy's is that item: navigation, references and rename go to the strategy.
      const strategy = standsFor(ctx.index, doc, item);
      return strategy
        ? { target: { kind: 'item', doc: strategy.doc, item: strategy.item }, span: item.idSpan, definition: false, standIn: { doc, item } }
        : { target: { kind: 'item', doc, item }, span: item.idSpan, definition: true };
    }
  }
  for (const actor of doc.actors) {
    if (spanContains(actor.span, offset)) {
      return { target: { kind: 'actor', doc, actor }, span: actor.span, definition: true };
    }
  }
  for (const declaration of doc.outside) {
    if (spanContains(declaration.span, offset)) {
      // A declaration of an outside document (spec 6.4); a workspace document of the same id wins, as in resolution.
      const workspace = ctx.index.strategy(declaration.id);
      const target: Target = workspace ? { kind: 'document', doc: workspace } : { kind: 'outside', id: declaration.id, declaration, doc };
      return { target, span: declaration.span, definition: !workspace };
    }
  }
  return undefined;
}


function locateInCatalog(catalog: CatalogDocument, offset: number): Located | undefined {
  for (const descriptor of catalog.descriptors) {
    if (spanContains(descriptor.span, offset)) {
      return { target: { kind: 'descriptor', definition: { descriptor, catalog } }, span: descriptor.span, definition: true };
    }
  }
  return undefined;
}

/** The item whose mapping contains `offset` most tightly (the deepest one). */
export function itemAtOffset(doc: StrategyDocument, offset: number): Item | undefined {
  let best: Item | undefined;
  for (const item of doc.items) {
    if (item.span.start <= offset && offset <= item.span.end && (!best || item.depth > best.depth)) {
      best = item;
    }
  }
  return best;
}

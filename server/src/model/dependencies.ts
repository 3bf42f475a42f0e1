/**
 * The `after` links of spec 6.6 as a graph over the items of the workspace:
 * which items an item comes after, which come after it, and the links that
 * lie on a cycle (`dependency-cycle`). A plan's item that stands for its
 * strategy's item (spec 6.3) is that item: its links and the strategy's meet
 * in one node, so a cycle through a plan and its strategy is found.
 */
import { resolveReference, ResolveContext } from './resolve';
import { Item, Reference, StrategyDocument } from './types';

/** An item as a node of the graph: the strategy's item for a plan's item that stands for it. */
export interface DependencyNode {
  doc: StrategyDocument;
  item: Item;
}

/** One `after` entry: the item it is written on, the entry, and the node it leads to. */
export interface DependencyLink {
  /** The document the entry is written in. */
  doc: StrategyDocument;
  ref: Reference;
  from: DependencyNode;
  to: DependencyNode;
}

function nodeKey(node: DependencyNode): string {
  return `${node.doc.uri}#${node.item.id}`;
}

/** The node an item stands as: a plan's item that stands for its strategy's item is that item. */
export function canonicalNode(ctx: ResolveContext, doc: StrategyDocument, item: Item): DependencyNode {
  const strategy = ctx.index.strategyOf(doc);
  const same = strategy ? ctx.index.item(strategy, item.id) : undefined;
  return strategy && same ? { doc: strategy, item: same } : { doc, item };
}

/** The `after` entries written on `item` of `doc`, resolved (entries that do not resolve to an item are left out). */
function linksOf(ctx: ResolveContext, doc: StrategyDocument, item: Item): DependencyLink[] {
  const out: DependencyLink[] = [];
  const from = canonicalNode(ctx, doc, item);
  for (let r = item.refStart; r < item.refEnd; r++) {
    const ref = doc.references[r];
    if (ref.kind !== 'after') {
      continue;
    }
    const target = resolveReference(ctx, doc, ref).target;
    if (target?.kind === 'item') {
      out.push({ doc, ref, from, to: canonicalNode(ctx, target.doc, target.item) });
    }
  }
  return out;
}

/** The links leaving a node: its own, and those of every plan item standing for it. */
export function outgoingLinks(ctx: ResolveContext, node: DependencyNode): DependencyLink[] {
  const out = linksOf(ctx, node.doc, node.item);
  if (node.doc.id !== undefined) {
    for (const plan of ctx.index.plansOf(node.doc.id)) {
      const standIn = ctx.index.item(plan, node.item.id);
      if (standIn) {
        out.push(...linksOf(ctx, plan, standIn));
      }
    }
  }
  return out;
}

/**
 * The `after` entries of `doc` that lie on a cycle of two or more links, each
 * with the other links of its cycle (its strongly connected component).
 * Only the part of the graph reachable from `doc`'s links is visited.
 */
export function cyclicLinks(ctx: ResolveContext, doc: StrategyDocument): { link: DependencyLink; others: DependencyLink[] }[] {
  // Most documents have no `after` at all: a 5,000-item strategy is not walked item by item for nothing.
  if (!doc.references.some((r) => r.kind === 'after')) {
    return [];
  }
  const starts: DependencyLink[] = [];
  for (const item of doc.items) {
    starts.push(...linksOf(ctx, doc, item));
  }
  if (starts.length === 0) {
    return [];
  }
  // Tarjan's strongly connected components, iteratively: a chain of thousands of links must not exhaust the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const component = new Map<string, number>();
  const edges = new Map<string, DependencyLink[]>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;
  let components = 0;
  const edgesOf = (node: DependencyNode): DependencyLink[] => {
    const key = nodeKey(node);
    let list = edges.get(key);
    if (!list) {
      list = outgoingLinks(ctx, node);
      edges.set(key, list);
    }
    return list;
  };
  for (const start of starts) {
    if (index.has(nodeKey(start.from))) {
      continue;
    }
    const work: { node: DependencyNode; key: string; next: number }[] = [];
    const open = (node: DependencyNode): void => {
      const key = nodeKey(node);
      index.set(key, counter);
      low.set(key, counter);
      counter++;
      stack.push(key);
      onStack.add(key);
      work.push({ node, key, next: 0 });
    };
    open(start.from);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const out = edgesOf(frame.node);
      if (frame.next < out.length) {
        const to = out[frame.next++].to;
        const toKey = nodeKey(to);
        if (!index.has(toKey)) {
          open(to);
        } else if (onStack.has(toKey)) {
          low.set(frame.key, Math.min(low.get(frame.key)!, index.get(toKey)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1];
        low.set(parent.key, Math.min(low.get(parent.key)!, low.get(frame.key)!));
      }
      if (low.get(frame.key) === index.get(frame.key)) {
        let key: string;
        do {
          key = stack.pop()!;
          onStack.delete(key);
          component.set(key, components);
        } while (key !== frame.key);
        components++;
      }
    }
  }
  const inCycle = (link: DependencyLink): boolean => {
    const a = nodeKey(link.from);
    const b = nodeKey(link.to);
    // A link to the item itself is a `self-reference`, not a cycle.
    return a !== b && component.get(a) === component.get(b);
  };
  const out: { link: DependencyLink; others: DependencyLink[] }[] = [];
  for (const link of starts) {
    if (!inCycle(link)) {
      continue;
    }
    const c = component.get(nodeKey(link.from));
    const others: DependencyLink[] = [];
    for (const [key, list] of edges) {
      if (component.get(key) !== c) {
        continue;
      }
      for (const other of list) {
        if (other.ref !== link.ref && inCycle(other)) {
          others.push(other);
        }
      }
    }
    out.push({ link, others });
  }
  return out;
}

/**
 * The items whose `after` lists lead to `node` (what comes after it), over the
 * workspace. Links to it can only be written in its document, in the plans
 * standing for it, and in the files whose `after` links name one of those
 * (the index's `after:ID` names): only those are read.
 */
export function followers(ctx: ResolveContext, node: DependencyNode): DependencyLink[] {
  const candidates = new Map<string, StrategyDocument>([[node.doc.uri, node.doc]]);
  const ids = node.doc.id === undefined ? [] : [node.doc.id];
  for (const plan of node.doc.id === undefined ? [] : ctx.index.plansOf(node.doc.id)) {
    candidates.set(plan.uri, plan);
    if (plan.id !== undefined) {
      ids.push(plan.id);
    }
  }
  for (const id of ids) {
    for (const uri of ctx.index.afterUsersOf(id)) {
      const parsed = ctx.index.get(uri)?.parsed;
      if (parsed?.kind === 'strategy') {
        candidates.set(uri, parsed);
      }
    }
  }
  const out: DependencyLink[] = [];
  const key = nodeKey(node);
  for (const uri of [...candidates.keys()].sort()) {
    const doc = candidates.get(uri)!;
    if (!doc.references.some((r) => r.kind === 'after')) {
      continue;
    }
    for (const item of doc.items) {
      for (const link of linksOf(ctx, doc, item)) {
        if (nodeKey(link.to) === key) {
          out.push(link);
        }
      }
    }
  }
  return out;
}

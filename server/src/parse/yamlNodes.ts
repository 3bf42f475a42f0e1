/**
 * Small readers over the `yaml` library's node tree that keep the source text:
 * codes are read as written, and every value keeps its span.
 */
import { Alias, Document, isAlias, isCollection, isMap, isPair, isScalar, isSeq, Node, Pair, Scalar, visit, YAMLMap } from 'yaml';
import { Span } from '../model/types';

/** Why a document's aliases are not expanded. */
export type AliasProblemReason = 'size' | 'depth' | 'recursive';

/**
 * Resolves aliases while reading a document, in constant time per alias.
 *
 * The `yaml` library's `Alias.resolve(doc)` walks the whole document for
 * every alias; a file with 5,000 `responsible: *nmc` took minutes. Here every
 * alias's target (the last node with its anchor before it, as YAML says) is
 * found in one pass. The same pass measures what expanding every alias would
 * produce: a document built to expand exponentially ("billion laughs"), an
 * alias inside the node it names, or a chain of aliases nested deeper than
 * `maxDepth` is refused before anything expands it. Then `exhausted` names the
 * alias where the limit was passed, and no alias is followed at all.
 */
export class AliasResolver {
  private readonly targets = new Map<Alias, Node | undefined>();
  /** The alias where expansion was refused. */
  exhausted: Alias | undefined;
  /** Why it was refused: more than `budget` nodes added, nested deeper than `maxDepth`, or recursive. */
  reason: AliasProblemReason | undefined;
  /** True when the document has at least one alias. */
  readonly hasAliases: boolean;

  /**
   * @param budget how many nodes expanding the aliases may add to the document (an alias of a scalar adds none)
   * @param maxDepth how deep collections may nest once aliases are expanded
   * @param scan false for a document known to have no alias (the fast route's): nothing is walked
   */
  constructor(doc: Document, budget: number, maxDepth = 500, scan = true) {
    const anchors = new Map<string, Node>();
    let hasAlias = false;
    if (scan) {
      visit(doc, {
        Node: (_key, node) => {
          if (isAlias(node)) {
            hasAlias = true;
            this.targets.set(node, anchors.get(node.source));
          } else if (node.anchor) {
            anchors.set(node.anchor, node);
          }
        },
      });
    }
    this.hasAliases = hasAlias;
    if (hasAlias) {
      const problem = measureExpansion(doc.contents, this.targets, budget, maxDepth);
      this.exhausted = problem?.alias;
      this.reason = problem?.reason;
    }
  }

  /** The node itself, or the node an alias points at, or undefined (also for every alias once expansion was refused). */
  resolve(node: unknown): Node | undefined {
    let current = node;
    for (let hops = 0; isAlias(current); hops++) {
      if (this.exhausted || hops > 64) {
        this.exhausted ??= current;
        this.reason ??= 'recursive';
        return undefined;
      }
      current = this.targets.get(current);
    }
    return isScalar(current) || isMap(current) || isSeq(current) ? current : undefined;
  }
}

/**
 * Measures the document with every alias expanded, without expanding it:
 * each collection's expanded size and depth is computed once, in document
 * order, so that an alias's target (which comes before it) is already known.
 * Returns the first alias at which the expansion passes a limit.
 */
function measureExpansion(root: unknown, targets: Map<Alias, Node | undefined>, budget: number, maxDepth: number): { alias: Alias; reason: AliasProblemReason } | undefined {
  const measured = new Map<Node, { size: number; depth: number }>();
  const open = new Set<Node>();
  let added = 0;
  let problem: { alias: Alias; reason: AliasProblemReason } | undefined;
  const measure = (node: unknown): { size: number; depth: number } => {
    if (problem) {
      return { size: 1, depth: 1 };
    }
    if (isAlias(node)) {
      const target = targets.get(node);
      if (!target) {
        return { size: 1, depth: 1 };
      }
      if (open.has(target)) {
        problem = { alias: node, reason: 'recursive' };
        return { size: 1, depth: 1 };
      }
      const m = measured.get(target) ?? measure(target);
      added += m.size - 1;
      if (added > budget) {
        problem = { alias: node, reason: 'size' };
      } else if (m.depth > maxDepth) {
        problem = { alias: node, reason: 'depth' };
      }
      return m;
    }
    if (!isCollection(node)) {
      return { size: 1, depth: 1 };
    }
    const known = measured.get(node);
    if (known) {
      return known;
    }
    open.add(node);
    let size = 1;
    let depth = 0;
    for (const item of node.items as unknown[]) {
      for (const part of isPair(item) ? [item.key, item.value] : [item]) {
        const m = measure(part);
        size += m.size;
        depth = Math.max(depth, m.depth);
      }
    }
    open.delete(node);
    const result = { size, depth: depth + 1 };
    measured.set(node, result);
    return result;
  };
  measure(root);
  return problem;
}

/** The name a complex key gets in `toPlain`. */
export const COMPLEX_KEY = '[complex key]';

/**
 * The plain JavaScript value of a node, as `Document.toJS()` gives it for
 * the keys and values a strategy file has, with aliases resolved through
 * `resolver` (a shared value per anchor). The library's own `toJS` scans all
 * earlier anchors and aliases for every alias, which is quadratic in their
 * number, and in nested complex keys; this is linear. A complex key is named
 * `[complex key]`.
 */
export function toPlain(node: unknown, resolver: AliasResolver): unknown {
  const shared = new Map<Node, unknown>();
  const convert = (n: unknown): unknown => {
    const target: unknown = isAlias(n) ? resolver.resolve(n) : n;
    if (isAlias(n)) {
      if (!isScalar(target) && !isCollection(target)) {
        return null;
      }
      if (shared.has(target)) {
        return shared.get(target);
      }
    }
    if (isScalar(target)) {
      return target.value ?? null;
    }
    if (isSeq(target)) {
      const out: unknown[] = [];
      shared.set(target, out);
      for (const item of target.items) {
        out.push(convert(item));
      }
      return out;
    }
    if (isMap(target)) {
      const out: Record<string, unknown> = {};
      shared.set(target, out);
      for (const pair of target.items) {
        // A complex key (a mapping or list as a key) is a mistake in a strategy file; naming it by its contents would grow with every level of `? ? ?`.
        const keyNode = resolver.resolve(pair.key);
        const key: unknown = isScalar(keyNode) ? keyNode.value : keyNode ? COMPLEX_KEY : null;
        const name = key === null || key === undefined ? '' : valueText(key);
        Object.defineProperty(out, name, { value: convert(pair.value), writable: true, enumerable: true, configurable: true });
      }
      return out;
    }
    return null;
  };
  return convert(node);
}

/** The span of a node's value (without trailing comments), or an empty span at 0. */
export function nodeSpan(node: Node | undefined | null): Span {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}

/** The key of a pair as a plain string, or undefined for a complex key. */
export function keyName(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) {
    return valueText(key.value);
  }
  return undefined;
}

/** The text and span of a scalar, as written in the source (quotes removed). */
export interface SourceScalar {
  text: string;
  span: Span;
  /** True when the YAML value is a string or a number (not null, a boolean, …). */
  codeLike: boolean;
}

/**
 * Reads a scalar as written: plain scalars from the source text (`2.10` stays
 * `2.10`), quoted scalars as their string value with the span inside the
 * quotes, block scalars trimmed.
 */
export function sourceScalar(node: Scalar, text: string): SourceScalar {
  const r = node.range ?? [0, 0, 0];
  const value = node.value;
  const codeLike = typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint';
  switch (node.type) {
    case Scalar.QUOTE_DOUBLE:
    case Scalar.QUOTE_SINGLE: {
      const inner = valueText(value);
      // An empty `""` is shown with its quotes: an empty span would not be visible.
      return { text: inner, span: inner === '' ? { start: r[0], end: r[1] } : { start: r[0] + 1, end: Math.max(r[0] + 1, r[1] - 1) }, codeLike };
    }
    case Scalar.BLOCK_FOLDED:
    case Scalar.BLOCK_LITERAL:
      return { text: valueText(value).trim(), span: { start: r[0], end: r[1] }, codeLike };
    default:
      return { text: text.slice(r[0], r[1]), span: { start: r[0], end: r[1] }, codeLike };
  }
}

/** A free-text value (title, name …) as a string: any scalar is fine (`title: 2022`). */
export function scalarText(node: unknown, resolver: AliasResolver): string | undefined {
  const n = resolver.resolve(node);
  if (isScalar(n) && n.value !== null && n.value !== undefined) {
    return valueText(n.value);
  }
  return undefined;
}

/** A scalar's value as text: strings as they are, numbers and booleans written out, anything else (null) empty. */
function valueText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : '';
}

/** The pairs of a mapping, with their key names, skipping complex keys. */
export function* pairsOf(map: YAMLMap): Generator<[string, Pair]> {
  for (const pair of map.items) {
    const name = keyName(pair);
    if (name !== undefined) {
      yield [name, pair];
    }
  }
}

/** The entries of a sequence node (aliases resolved), or an empty list for anything else. */
export function seqEntries(node: unknown, resolver: AliasResolver): Node[] {
  const n = resolver.resolve(node);
  if (!isSeq(n)) {
    return [];
  }
  return n.items as Node[];
}

/**
 * Small readers over the `yaml` library's node tree that keep the source text:
 * codes are read as written, and every value keeps its span.
 */
import { Alias, Document, isAlias, isMap, isScalar, isSeq, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { Span } from '../model/types';

/**
 * Resolves aliases while reading a document. Every alias followed costs one
 * unit of a budget, so that a document built to expand exponentially ("billion
 * laughs") is read in bounded time; `exhausted` tells when the budget ran out.
 */
export class AliasResolver {
  private remaining: number;
  exhausted: Alias | undefined;

  constructor(
    private readonly doc: Document,
    budget: number,
  ) {
    this.remaining = budget;
  }

  /** The node itself, or the node an alias points at (following chains), or undefined. */
  resolve(node: unknown): Node | undefined {
    let current = node;
    let hops = 0;
    while (isAlias(current)) {
      if (this.remaining <= 0 || hops > 64) {
        this.exhausted ??= current;
        return undefined;
      }
      this.remaining--;
      hops++;
      current = current.resolve(this.doc);
    }
    return isScalar(current) || isMap(current) || isSeq(current) ? current : undefined;
  }
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
    return key.value === null ? '' : String(key.value);
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
    case Scalar.QUOTE_SINGLE:
      return { text: String(value), span: { start: r[0] + 1, end: Math.max(r[0] + 1, r[1] - 1) }, codeLike };
    case Scalar.BLOCK_FOLDED:
    case Scalar.BLOCK_LITERAL:
      return { text: String(value ?? '').trim(), span: { start: r[0], end: r[1] }, codeLike };
    default:
      return { text: text.slice(r[0], r[1]), span: { start: r[0], end: r[1] }, codeLike };
  }
}

/** A free-text value (title, name …) as a string: any scalar is fine (`title: 2022`). */
export function scalarText(node: unknown, resolver: AliasResolver): string | undefined {
  const n = resolver.resolve(node);
  if (isScalar(n) && n.value !== null && n.value !== undefined) {
    return String(n.value);
  }
  return undefined;
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
  return (n as YAMLSeq).items as Node[];
}

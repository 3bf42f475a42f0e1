/**
 * Every place that refers to an item, a document, a descriptor or an actor.
 * Only the files the index lists as users of a name are read, and every
 * candidate is confirmed with `resolveReference`, so that references,
 * rename, code lenses and hover counts agree with the diagnostics.
 *
 * A plan document's goal may be named by tens of thousands of references in
 * a large workspace, and a hover counts them all. So each file's references
 * are grouped once per parse by the name they use (`FileReferenceIndex`);
 * references of one file written alike (same kind, document part and code)
 * are resolved once, since they resolve alike; counting creates no objects
 * per reference; and counts are kept until the index changes.
 */
import { CancellationToken } from 'vscode-languageserver-protocol';
import type { FeatureContext } from './context';
import { resolveReference, Target } from '../model/resolve';
import { Item, MarkdownDocument, ParsedFile, Reference, Span, StrategyDocument } from '../model/types';
import { bareCodeReference, documentPart } from './markdownNavigation';
import { cancelled } from './shared';

/** One use of a name. */
export interface Use {
  uri: string;
  /** What a rename replaces: the code part of a qualified reference, its document-id part for a document, or the whole scalar. */
  span: Span;
  /** The code of the item the reference sits in, for references in strategy documents. */
  fromItem?: string;
}

/** How often a target is used: references, and distinct items (or Markdown files) they stand in. */
export interface UseCount {
  references: number;
  items: number;
}

/** Receives each use found: the file, the reference, and for item searches the item it resolved to. */
type Sink = (uri: string, ref: Reference, item: Item | undefined) => void;

/** Where a target is defined: the `id` of an item, the `strategy:` value, the descriptor or actor id. */
export function definitionOf(target: Target): { uri: string; span: Span } | undefined {
  switch (target.kind) {
    case 'item':
      return { uri: target.doc.uri, span: target.item.idSpan };
    case 'document':
      return target.doc.idSpan ? { uri: target.doc.uri, span: target.doc.idSpan } : undefined;
    case 'descriptor':
      return { uri: target.definition.catalog.uri, span: target.definition.descriptor.span };
    case 'actor':
      return { uri: target.doc.uri, span: target.actor.span };
    case 'outside':
      return { uri: target.doc.uri, span: target.declaration.span };
    case 'outsideItem':
      return target.declaration && target.doc ? { uri: target.doc.uri, span: target.declaration.span } : undefined;
  }
}

/**
 * The references of each file grouped by the name they use, built once per
 * parse: `i:CODE` for item references (`related`, `goals`, Markdown qualified
 * references and bare codes, `after`), `d:CODE` for descriptors, `D:ID` for
 * document ids (`goalsFrom`, `implements`, `documents[].strategy`, front
 * matter, and the document part of qualified references).
 */
export class FileReferenceIndex {
  private readonly byFile = new WeakMap<ParsedFile, Map<string, Reference[]>>();

  of(parsed: StrategyDocument | MarkdownDocument): Map<string, Reference[]> {
    let table = this.byFile.get(parsed);
    if (!table) {
      table = buildTable(parsed);
      this.byFile.set(parsed, table);
    }
    return table;
  }
}

function buildTable(parsed: StrategyDocument | MarkdownDocument): Map<string, Reference[]> {
  const table = new Map<string, Reference[]>();
  const add = (key: string, ref: Reference): void => {
    const list = table.get(key);
    if (list) {
      list.push(ref);
    } else {
      table.set(key, [ref]);
    }
  };
  const refs = parsed.kind === 'markdown' && parsed.strategy ? [parsed.strategy, ...parsed.references] : parsed.references;
  for (const ref of refs) {
    if (ref.kind === 'descriptors') {
      add('d:' + ref.code, ref);
    } else if (ref.kind === 'goalsFrom' || ref.kind === 'documents' || ref.kind === 'implements') {
      add('D:' + ref.code, ref);
    } else if (ref.kind === 'related' || ref.kind === 'after' || ref.kind === 'goals' || ref.kind === 'markdown') {
      add('i:' + ref.code, ref);
      const docRef = documentPart(ref);
      if (docRef) {
        add('D:' + docRef.code, docRef);
      }
    }
  }
  if (parsed.kind === 'markdown') {
    for (const bare of parsed.bareCodes) {
      const ref = bareCodeReference(parsed, bare);
      if (ref) {
        add('i:' + ref.code, ref);
      }
    }
  }
  return table;
}

/** The parsed strategy documents and Markdown files among `uris`. */
function* referringFiles(ctx: FeatureContext, uris: readonly string[]): Iterable<{ uri: string; parsed: StrategyDocument | MarkdownDocument }> {
  for (const uri of uris) {
    const parsed = ctx.index.get(uri)?.parsed;
    if (parsed && parsed.kind !== 'catalog') {
      yield { uri, parsed };
    }
  }
}

/** The files that may refer to items of `doc`: itself and the users of its id (qualified references, `goalsFrom`, Markdown front matter). */
function filesReferringTo(ctx: FeatureContext, doc: StrategyDocument): string[] {
  const uris = doc.id !== undefined ? ctx.index.usersOf({ documentId: doc.id }) : [];
  return uris.includes(doc.uri) ? uris : [doc.uri, ...uris];
}

/**
 * Visits the uses of items of `doc` (`wanted`: code → items); false when
 * cancelled. The items of its plans that stand for them (spec 6.3) are uses
 * too, their `id`s and the references to them.
 */
function visitItemUses(ctx: FeatureContext, doc: StrategyDocument, wanted: Map<string, Set<Item>>, sink: Sink, token?: CancellationToken): boolean {
  const plans = doc.id !== undefined ? ctx.index.plansOf(doc.id) : [];
  // The item a target stands as: a plan's item that stands for one of `doc`'s is that item.
  const standing = (targetDoc: StrategyDocument, item: Item): Item | undefined => {
    if (targetDoc === doc) {
      return item;
    }
    return plans.includes(targetDoc) ? ctx.index.item(doc, item.id) : undefined;
  };
  for (const { uri, parsed } of referringFiles(ctx, filesReferringTo(ctx, doc))) {
    if (cancelled(token)) {
      return false;
    }
    const table = ctx.caches.fileReferences.of(parsed);
    const codes = wanted.size <= table.size ? wanted.keys() : [...table.keys()].filter((k) => k.startsWith('i:')).map((k) => k.slice(2));
    for (const code of codes) {
      const set = wanted.get(code);
      const refs = set ? table.get('i:' + code) : undefined;
      if (!set || !refs) {
        continue;
      }
      // References of one file with the same code, kind and document part resolve alike: the previous one's answer is reused.
      let last: Reference | undefined;
      let lastItem: Item | undefined;
      for (const ref of refs) {
        if (!last || last.kind !== ref.kind || last.docId !== ref.docId) {
          const target = resolveReference(ctx, parsed, ref).target;
          const item = target?.kind === 'item' ? standing(target.doc, target.item) : undefined;
          lastItem = item && set.has(item) ? item : undefined;
          last = ref;
        }
        if (lastItem) {
          sink(uri, ref, lastItem);
        }
      }
    }
  }
  for (const plan of plans) {
    for (const [code, set] of wanted) {
      const standIn = ctx.index.item(plan, code);
      const item = standIn ? ctx.index.item(doc, code) : undefined;
      if (standIn && item && set.has(item)) {
        sink(plan.uri, { kind: 'related', text: code, span: standIn.idSpan, code, codeSpan: standIn.idSpan, fromItem: code }, item);
      }
    }
  }
  return true;
}

/** Visits the uses of a document id, resolved once: a document id resolves the same from every file. */
function visitDocumentUses(ctx: FeatureContext, doc: StrategyDocument, sink: Sink, token?: CancellationToken): boolean {
  if (doc.id === undefined) {
    return true;
  }
  let resolvesHere: boolean | undefined;
  for (const { uri, parsed } of referringFiles(ctx, ctx.index.usersOf({ documentId: doc.id }))) {
    if (cancelled(token)) {
      return false;
    }
    for (const ref of ctx.caches.fileReferences.of(parsed).get('D:' + doc.id) ?? []) {
      if (resolvesHere === undefined) {
        const target = resolveReference(ctx, parsed, ref).target;
        resolvesHere = target?.kind === 'document' && target.doc === doc;
      }
      if (resolvesHere) {
        sink(uri, ref, undefined);
      }
    }
  }
  return true;
}

/** Visits the uses of a descriptor definition, resolved once: a descriptor resolves the same from every document. */
function visitDescriptorUses(ctx: FeatureContext, target: Extract<Target, { kind: 'descriptor' }>, sink: Sink, token?: CancellationToken): boolean {
  const { descriptor, catalog } = target.definition;
  let resolvesHere: boolean | undefined;
  for (const { uri, parsed } of referringFiles(ctx, ctx.index.usersOf({ descriptor: descriptor.id }))) {
    if (cancelled(token)) {
      return false;
    }
    for (const ref of ctx.caches.fileReferences.of(parsed).get('d:' + descriptor.id) ?? []) {
      if (resolvesHere === undefined) {
        const res = resolveReference(ctx, parsed, ref).target;
        resolvesHere = res?.kind === 'descriptor' && res.definition.catalog.uri === catalog.uri;
      }
      if (resolvesHere) {
        sink(uri, ref, undefined);
      }
    }
  }
  return true;
}

/** Visits every use of a target; false when cancelled. */
function visitUses(ctx: FeatureContext, target: Target, sink: Sink, token?: CancellationToken): boolean {
  switch (target.kind) {
    case 'item':
      return visitItemUses(ctx, target.doc, new Map([[target.item.id, new Set([target.item])]]), sink, token);
    case 'document':
      return visitDocumentUses(ctx, target.doc, sink, token);
    case 'descriptor':
      return visitDescriptorUses(ctx, target, sink, token);
    case 'actor':
      for (const ref of target.doc.references) {
        if ((ref.kind === 'responsible' || ref.kind === 'partners') && ref.code === target.actor.id) {
          const res = resolveReference(ctx, target.doc, ref).target;
          if (res?.kind === 'actor' && res.actor === target.actor) {
            sink(target.doc.uri, ref, undefined);
          }
        }
      }
      return true;
    case 'outside':
    case 'outsideItem':
      return visitOutsideUses(ctx, target.id, target.kind === 'outsideItem' ? target.code : undefined, sink, token);
  }
}

/**
 * The uses of a document outside the workspace (spec 6.4), or of one of its
 * codes: every reference naming its id, in the files that use that id.
 */
function visitOutsideUses(ctx: FeatureContext, id: string, code: string | undefined, sink: Sink, token?: CancellationToken): boolean {
  for (const uri of ctx.index.usersOf({ documentId: id })) {
    if (cancelled(token)) {
      return false;
    }
    const parsed = ctx.index.get(uri)?.parsed;
    if (!parsed || parsed.kind === 'catalog') {
      continue;
    }
    const refs = parsed.kind === 'markdown' && parsed.strategy ? [parsed.strategy, ...parsed.references] : parsed.references;
    for (const ref of refs) {
      const names = ref.docId === id || ((ref.kind === 'goalsFrom' || ref.kind === 'implements' || ref.kind === 'documents') && ref.code === id);
      if (!names) {
        continue;
      }
      const res = resolveReference(ctx, parsed, ref).target;
      if (code === undefined ? res?.kind === 'outside' || res?.kind === 'outsideItem' : res?.kind === 'outsideItem' && res.code === code) {
        // A document's use is its id: the document part of a qualified reference.
        sink(uri, code === undefined ? (documentPart(ref) ?? ref) : ref, undefined);
      }
    }
  }
  return true;
}

/**
 * The uses of several items of one document, in one pass over the files
 * that may refer to them. Undefined when the request was cancelled.
 */
export function itemUses(ctx: FeatureContext, doc: StrategyDocument, items: readonly Item[], token?: CancellationToken): Map<Item, Use[]> | undefined {
  const wanted = new Map<string, Set<Item>>();
  const out = new Map<Item, Use[]>();
  for (const item of items) {
    out.set(item, []);
    wanted.set(item.id, (wanted.get(item.id) ?? new Set<Item>()).add(item));
  }
  const done = visitItemUses(ctx, doc, wanted, (uri, ref, item) => out.get(item!)?.push({ uri, span: ref.codeSpan, fromItem: ref.fromItem }), token);
  return done ? out : undefined;
}

/** Every use of a target across the workspace, grouped by file (not sorted). Undefined when the request was cancelled. */
export function findUses(ctx: FeatureContext, target: Target, token?: CancellationToken): Use[] | undefined {
  const out: Use[] = [];
  const done = visitUses(ctx, target, (uri, ref) => out.push({ uri, span: ref.codeSpan, fromItem: ref.fromItem }), token);
  return done ? out : undefined;
}

/** Uses in file and text order, as lists of locations show them. */
export function sortUses(uses: readonly Use[]): Use[] {
  return [...uses].sort((a, b) => (a.uri === b.uri ? a.span.start - b.span.start : a.uri < b.uri ? -1 : 1));
}

/** The target's own object, which stays the same while its file is not re-parsed. */
function identityOf(target: Target): object {
  switch (target.kind) {
    case 'item':
      return target.item;
    case 'document':
      return target.doc;
    case 'descriptor':
      return target.definition.descriptor;
    case 'actor':
      return target.actor;
    case 'outside':
      return target.declaration;
    case 'outsideItem':
      return target;
  }
}

/** How often a target is used, counted without listing the uses; undefined when cancelled. */
export function countUses(ctx: FeatureContext, target: Target, token?: CancellationToken): UseCount | undefined {
  const cache = ctx.caches.useCounts;
  if (cache.generation !== ctx.index.generation) {
    cache.generation = ctx.index.generation;
    cache.counts = new WeakMap();
  }
  const key = identityOf(target);
  const known = cache.counts.get(key);
  if (known) {
    return known;
  }
  const count: UseCount = { references: 0, items: 0 };
  let lastUri: string | undefined;
  let lastItem: string | undefined;
  const done = visitUses(
    ctx,
    target,
    (uri, ref) => {
      count.references++;
      // The references of one item stand together, so a change of file or item starts a new one.
      if (uri !== lastUri || ref.fromItem !== lastItem) {
        count.items++;
        lastUri = uri;
        lastItem = ref.fromItem;
      }
    },
    token,
  );
  if (!done) {
    return undefined;
  }
  cache.counts.set(key, count);
  return count;
}

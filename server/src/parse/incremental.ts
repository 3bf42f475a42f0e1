/**
 * Re-parses only the item an edit falls in. Composing a whole document with
 * the `yaml` library costs about 0.3 s per 500 KB here, too slow to answer
 * every keystroke in a 5,000-item file; an edit inside one item only needs
 * that item's lines re-read. The result must be exactly what a full parse
 * would give (tests compare the two after random edits), so every case this
 * cannot prove safe returns undefined and the caller parses the whole file.
 */
import { parseAllDocuments, isSeq } from 'yaml';
import { CodeDiagnostic, Item, Reference, Span, StrategyDocument } from '../model/types';
import { ANCHOR_OR_ALIAS, DEFAULT_LIMITS, NOT_UTF8_YAML, ParseLimits } from './parseFile';
import { documentChecks, StrategyReader } from './parseStrategy';
import { schemaDiagnostics, SchemaValidators } from './schemaCheck';
import { AliasResolver, toPlain } from './yamlNodes';


/** The region an edit changed: `[start, oldEnd)` in the old text became `[start, newEnd)` in the new one. */
interface Change {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The changed region, from the common prefix and suffix of both texts. */
export function changedRegion(oldText: string, newText: string): Change {
  const max = Math.min(oldText.length, newText.length);
  // Whole blocks compare as strings (a native memory compare), then characters within the first differing block.
  const BLOCK = 4096;
  let start = 0;
  while (start + BLOCK <= max && oldText.slice(start, start + BLOCK) === newText.slice(start, start + BLOCK)) {
    start += BLOCK;
  }
  while (start < max && oldText.charCodeAt(start) === newText.charCodeAt(start)) {
    start++;
  }
  const room = max - start;
  let suffix = 0;
  while (suffix + BLOCK <= room && oldText.slice(oldText.length - suffix - BLOCK, oldText.length - suffix) === newText.slice(newText.length - suffix - BLOCK, newText.length - suffix)) {
    suffix += BLOCK;
  }
  while (suffix < room && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) {
    suffix++;
  }
  return { start, oldEnd: oldText.length - suffix, newEnd: newText.length - suffix };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The item lines `[lineStart, end)` of `item`, when the item is a block sequence entry `- key: …` on its own dash. */
function itemExtent(text: string, item: Item): { start: number; dash: number; end: number } | undefined {
  const start = lineStart(text, item.span.start);
  const prefix = text.slice(start, item.span.start);
  const m = /^( *)- +$/.exec(prefix);
  if (!m) {
    return undefined;
  }
  return { start, dash: start + m[1].length, end: item.span.end };
}

/** The deepest item whose lines hold the whole change, with the dash line before the change. */
function enclosingItem(doc: StrategyDocument, text: string, change: Change): { index: number; extent: { start: number; dash: number; end: number } } | undefined {
  let best: { index: number; extent: { start: number; dash: number; end: number } } | undefined;
  for (let i = 0; i < doc.items.length; i++) {
    const item = doc.items[i];
    if (item.span.start > change.start || item.span.end < change.oldEnd) {
      continue;
    }
    const extent = itemExtent(text, item);
    if (extent && extent.dash < change.start && change.oldEnd < extent.end && (!best || item.depth > doc.items[best.index].depth)) {
      best = { index: i, extent };
    }
  }
  return best;
}

function shiftSpan(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}


function shiftDiagnostic(d: CodeDiagnostic, by: number): CodeDiagnostic {
  return { ...d, span: shiftSpan(d.span, by), related: d.related?.map((r) => ({ ...r, span: shiftSpan(r.span, by) })) };
}

/** Shifts spans at or after `from` by `by`. */
function shiftAfter(span: Span, from: number, by: number): Span {
  return span.start >= from ? shiftSpan(span, by) : span;
}

/**
 * The document after an edit, re-reading only the item the edit falls in, or
 * undefined when that cannot be done safely (the caller then parses the
 * whole text).
 */
export function reparseItem(
  prev: StrategyDocument,
  oldText: string,
  newText: string,
  schemas: SchemaValidators,
  limits: ParseLimits = DEFAULT_LIMITS,
): StrategyDocument | undefined {
  const itemSchema = prev.planSchema ? schemas.planItem : schemas.item;
  if (!prev.nodeDiagnostics || !itemSchema || newText.length > limits.maxFileLength) {
    return undefined;
  }
  if (prev.usesAnchors !== false || prev.diagnostics.some((d) => d.code === 'yaml-syntax')) {
    return undefined;
  }
  const change = changedRegion(oldText, newText);
  const found = enclosingItem(prev, oldText, change);
  if (!found) {
    return undefined;
  }
  const { index: i0, extent } = found;
  const old = prev.items[i0];
  // A group inside the item would have to be re-read with it: the whole document is parsed instead.
  if (prev.groups.some((g) => g.span.start >= extent.start && g.span.start < extent.end)) {
    return undefined;
  }
  const delta = newText.length - oldText.length;
  const snippet = newText.slice(extent.start, extent.end + delta);
  // The text outside the snippet is unchanged and had no anchors; the snippet must not bring any either.
  // A character that is not UTF-8 YAML is reported by the whole-file parse, once per file.
  if (snippet.includes('\t') || ANCHOR_OR_ALIAS.test(snippet) || NOT_UTF8_YAML.test(snippet) || /^ *(---|\.\.\.)(\s|$)/m.test(snippet)) {
    return undefined;
  }
  const docs = parseAllDocuments(snippet, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  if (!Array.isArray(docs) || docs.length !== 1) {
    return undefined;
  }
  const doc = docs[0];
  const root = doc.contents;
  if (doc.errors.length > 0 || doc.warnings.length > 0 || !isSeq(root) || root.items.length !== 1 || root.range?.[0] !== extent.dash - extent.start) {
    return undefined;
  }
  const resolver = new AliasResolver(doc, limits.maxAliasResolutions);
  const parentId = old.parent >= 0 ? prev.items[old.parent].id : undefined;
  const read = new StrategyReader(prev.uri, snippet, doc, resolver).readSnippet(parentId, old.depth);
  if (!read || read.items[0].span.start !== old.span.start - extent.start) {
    return undefined;
  }
  let value: unknown;
  try {
    // The same conversion as a whole-file parse (parseFile's checkShape), so that both give the same schema diagnostics.
    value = (toPlain(doc.contents, resolver) as unknown[])[0];
  } catch {
    return undefined;
  }
  const nodeDiagnostics = [...schemaDiagnostics(itemSchema, value, root.items[0], resolver), ...read.nodeDiagnostics];
  return splice(prev, i0, extent, delta, read.items, read.references, nodeDiagnostics, newText.length, parentId !== undefined);
}

/**
 * Puts the re-read item tree in place of the old one, renumbering indexes and
 * shifting the spans after it. The previous document's item and reference
 * objects after the edit are updated in place (the index replaces the
 * previous document with this one at once): copying 5,000 items per
 * keystroke would cost more than the re-parse itself.
 */
function splice(
  prev: StrategyDocument,
  i0: number,
  extent: { start: number; end: number },
  delta: number,
  newItems: Item[],
  newRefs: Reference[],
  newDiagnostics: CodeDiagnostic[],
  length: number,
  hasStandIn: boolean,
): StrategyDocument {
  const base = extent.start;
  let i1 = i0 + 1;
  while (i1 < prev.items.length && prev.items[i1].span.start < extent.end) {
    i1++;
  }
  const r0 = prev.items[i0].refStart;
  let r1 = r0;
  while (r1 < prev.references.length && prev.references[r1].span.start < extent.end) {
    r1++;
  }
  const itemShift = newItems.length - (i1 - i0);
  const refShift = newRefs.length - (r1 - r0);
  const mapOld = (j: number): number => (j < i0 ? j : j >= i1 ? j + itemShift : i0);
  const fromSnippet = (k: number): number => (k < 0 ? k : i0 + (hasStandIn ? k - 1 : k));
  const parentOfEdited = prev.items[i0].parent;
  const items: Item[] = prev.items.slice(0, i0);
  // Ancestors' spans end after the edited item: they grow or shrink with it; their children may be renumbered.
  for (let p = parentOfEdited; p >= 0; p = items[p].parent) {
    items[p] = { ...items[p], span: { start: items[p].span.start, end: items[p].span.end + delta }, children: items[p].children.map(mapOld) };
  }
  for (const it of newItems) {
    items.push({
      ...it,
      idSpan: shiftSpan(it.idSpan, base),
      titleSpan: it.titleSpan ? shiftSpan(it.titleSpan, base) : undefined,
      span: shiftSpan(it.span, base),
      parent: it === newItems[0] ? parentOfEdited : fromSnippet(it.parent),
      group: it === newItems[0] ? prev.items[i0].group : it.group,
      children: it.children.map(fromSnippet),
      refStart: it.refStart + r0,
      refEnd: it.refEnd + r0,
    });
  }
  for (let j = i1; j < prev.items.length; j++) {
    const it = prev.items[j];
    if (delta !== 0) {
      it.idSpan = shiftSpan(it.idSpan, delta);
      it.titleSpan = it.titleSpan ? shiftSpan(it.titleSpan, delta) : undefined;
      it.span = shiftSpan(it.span, delta);
    }
    if (itemShift !== 0) {
      it.parent = it.parent >= 0 ? mapOld(it.parent) : it.parent;
      it.children = it.children.map(mapOld);
    }
    it.refStart += refShift;
    it.refEnd += refShift;
    items.push(it);
  }
  const after = prev.references.slice(r1);
  if (delta !== 0) {
    for (const r of after) {
      shiftReferenceInPlace(r, delta);
    }
  }
  for (const r of newRefs) {
    shiftReferenceInPlace(r, base);
  }
  const references = [...prev.references.slice(0, r0), ...newRefs, ...after];
  const nodeDiagnostics = [
    ...prev.nodeDiagnostics!.filter((d) => d.span.start < extent.start),
    ...newDiagnostics.map((d) => shiftDiagnostic(d, base)),
    ...prev.nodeDiagnostics!.filter((d) => d.span.start >= extent.end).map((d) => shiftDiagnostic(d, delta)),
  ].sort((a, b) => a.span.start - b.span.start);
  const next: StrategyDocument = {
    ...prev,
    idSpan: prev.idSpan ? shiftAfter(prev.idSpan, extent.end, delta) : undefined,
    actors: prev.actors.map((a) => ({ ...a, span: shiftAfter(a.span, extent.end, delta) })),
    outside: prev.outside.map((o) => ({ ...o, span: shiftAfter(o.span, extent.end, delta) })),
    // Groups around the item grow or shrink with it; those after it move.
    groups: prev.groups.map((g) => ({
      ...g,
      parent: g.parent >= 0 ? mapOld(g.parent) : g.parent,
      span: g.span.start >= extent.end ? shiftSpan(g.span, delta) : g.span.end >= extent.end ? { start: g.span.start, end: g.span.end + delta } : g.span,
      titleSpan: shiftAfter(g.titleSpan, extent.end, delta),
    })),
    items,
    references,
    goalsFrom: references.find((r) => r.kind === 'goalsFrom'),
    implements: references.find((r) => r.kind === 'implements'),
    nodeDiagnostics,
    length,
  };
  next.diagnostics = [...nodeDiagnostics, ...documentChecks(next)];
  return next;
}

/** Shifts a reference's spans in place; the code span is often the same object as the whole span. */
function shiftReferenceInPlace(ref: Reference, by: number): void {
  const span = ref.span;
  ref.span = shiftSpan(span, by);
  ref.codeSpan = ref.codeSpan === span ? ref.span : shiftSpan(ref.codeSpan, by);
  if (ref.docSpan) {
    ref.docSpan = shiftSpan(ref.docSpan, by);
  }
}

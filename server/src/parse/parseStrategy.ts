/**
 * Reads a strategy document (spec section 2) from a composed YAML document:
 * the item tree with every id and reference at its exact span, and the
 * diagnostics that depend on this file alone.
 */
import { Document, isMap, isScalar, Node, YAMLMap } from 'yaml';
import { Actor, CodeDiagnostic, Group, Indicator, Item, OutsideDocument, Timeline, Reference, RefKind, Span, StrategyDocument } from '../model/types';
import { extendsParent, findLookalike, isActorId, isDescriptorCode, isDocumentId, isItemCode, repairDescriptorCode, repairItemCode, splitQualified } from './codes';
import { reportRepeats } from './duplicates';
import { checkNumbering } from './numbering';
import { closestWords } from '../model/suggest';
import { AliasResolver, nodeSpan, pairsOf, scalarText, seqEntries, sourceScalar, SourceScalar } from './yamlNodes';

/** Reference keys of an item, and what kind of code each entry must be. */
const ITEM_REF_KEYS: Partial<Record<string, RefKind>> = {
  descriptors: 'descriptors',
  goals: 'goals',
  related: 'related',
  after: 'after',
  partners: 'partners',
};

/** The `status` values that mark an item removed (spec 6.5), lower-cased; the whole value, in any letter case. */
const REMOVED_STATUS = new Set(['removed', 'vypuštěno', 'vypuštěn', 'zrušeno']);

/** True when a `status` value marks the item removed (spec 6.5). */
export function isRemovedStatus(status: string | undefined): boolean {
  return status !== undefined && REMOVED_STATUS.has(status.trim().toLocaleLowerCase('cs'));
}

/**
 * The id of the strategy a document carries out (spec 6.3), or undefined
 * when it is no plan. A document that `implements` itself is no plan: union
 * numbering and fallback resolution would only meet the document again.
 */
export function implementedId(doc: StrategyDocument): string | undefined {
  const target = doc.implements?.code;
  return target !== undefined && target !== doc.id ? target : undefined;
}

/** Reads one strategy document; `diagnostics` receives the local diagnostics. */
export class StrategyReader {
  private readonly items: Item[] = [];
  private readonly references: Reference[] = [];
  private readonly diagnostics: CodeDiagnostic[] = [];
  private readonly actors: Actor[] = [];
  private readonly outside: OutsideDocument[] = [];
  private readonly groups: Group[] = [];

  constructor(
    private readonly uri: string,
    private readonly text: string,
    private readonly doc: Document,
    private readonly resolver: AliasResolver,
  ) {}

  read(): StrategyDocument {
    const result: StrategyDocument = {
      kind: 'strategy',
      uri: this.uri,
      title: '',
      outside: this.outside,
      actors: this.actors,
      items: this.items,
      groups: this.groups,
      references: this.references,
      diagnostics: this.diagnostics,
      length: this.text.length,
    };
    const top = this.resolver.resolve(this.doc.contents);
    if (!isMap(top)) {
      return result;
    }
    for (const [key, pair] of pairsOf(top)) {
      const value = pair.value as Node | null;
      switch (key) {
        case 'strategy': {
          const s = this.codeScalar(value);
          if (s) {
            if (this.checkDocumentId(s)) {
              result.id = s.text;
            }
            result.idSpan = s.span;
          }
          break;
        }
        case 'title':
          result.title = scalarText(value, this.resolver) ?? '';
          break;
        case 'levels':
          result.levels = seqEntries(value, this.resolver).map((n) => scalarText(n, this.resolver) ?? '');
          break;
        case 'goalsFrom': {
          const s = this.codeScalar(value);
          if (s && this.checkDocumentId(s)) {
            result.goalsFrom = this.addReference('goalsFrom', s, undefined);
          }
          break;
        }
        case 'implements': {
          result.planSchema = true;
          const s = this.codeScalar(value);
          if (s && this.checkDocumentId(s)) {
            result.implements = this.addReference('implements', s, undefined);
          }
          break;
        }
        case 'actors':
          this.readActors(value);
          break;
        case 'documents':
          this.readDocuments(value);
          break;
        case 'items':
          this.readItems(value, -1, 1, -1);
          break;
        default:
          break;
      }
    }
    if (result.levels && result.levels.length === 0) {
      result.levels = undefined;
    }
    result.nodeDiagnostics = [...this.diagnostics];
    result.diagnostics = [...this.diagnostics, ...documentChecks(result)];
    return result;
  }

  /**
   * Reads a snippet that holds one item as the single entry of a block
   * sequence (an item re-parsed on its own after an edit). Returns the item
   * and its descendants, their references and the node-level diagnostics,
   * with spans relative to the snippet.
   */
  readSnippet(parentId: string | undefined, depth: number): { items: Item[]; references: Reference[]; nodeDiagnostics: CodeDiagnostic[] } | undefined {
    const entries = seqEntries(this.doc.contents, this.resolver);
    const map = entries.length === 1 ? this.resolver.resolve(entries[0]) : undefined;
    if (!isMap(map)) {
      return undefined;
    }
    if (parentId !== undefined) {
      // A stand-in parent, so that the parent check runs as in the whole document.
      this.items.push({ ...emptyItem(parentId, depth - 1), placed: isItemCode(parentId) });
    }
    this.readItem(map, parentId !== undefined ? 0 : -1, depth, -1);
    const items = parentId !== undefined ? this.items.slice(1) : this.items;
    if (items.length === 0 || this.groups.length > 0) {
      // A group inside the item would have to be spliced too: the whole document is read instead.
      return undefined;
    }
    return { items, references: this.references, nodeDiagnostics: this.diagnostics };
  }

  /** A code-valued scalar (aliases resolved), or undefined for anything else (the schema reports wrong types). */
  private codeScalar(node: unknown): SourceScalar | undefined {
    const n = this.resolver.resolve(node);
    if (!isScalar(n)) {
      return undefined;
    }
    const s = sourceScalar(n, this.text);
    return s.codeLike ? s : undefined;
  }

  private readActors(node: unknown): void {
    for (const entry of seqEntries(node, this.resolver)) {
      const map = this.resolver.resolve(entry);
      if (!isMap(map)) {
        continue;
      }
      const idScalar = this.codeScalar(map.get('id', true));
      if (!idScalar) {
        continue;
      }
      if (!isActorId(idScalar.text)) {
        this.invalid(idScalar, 'id.invalidActor');
        continue;
      }
      this.actors.push({ id: idScalar.text, name: scalarText(map.get('name', true), this.resolver) ?? '', span: idScalar.span });
    }
  }

  private readDocuments(node: unknown): void {
    for (const entry of seqEntries(node, this.resolver)) {
      const map = this.resolver.resolve(entry);
      if (!isMap(map)) {
        continue;
      }
      if (map.has('strategy')) {
        // A workspace document; an `id` beside it is a schema error and is not read as a declaration.
        const s = this.codeScalar(map.get('strategy', true));
        if (s && this.checkDocumentId(s)) {
          this.addReference('documents', s, undefined);
        }
        continue;
      }
      const idScalar = this.codeScalar(map.get('id', true));
      if (idScalar && this.checkDocumentId(idScalar)) {
        const url = scalarText(map.get('url', true), this.resolver);
        this.outside.push({ id: idScalar.text, span: idScalar.span, title: scalarText(map.get('title', true), this.resolver) ?? '', url: url === '' ? undefined : url });
      }
    }
  }

  /** Reads the entries of an `items` list: items, and groups (spec 6.2) whose items belong to the same parent. */
  private readItems(node: unknown, parent: number, depth: number, group: number): void {
    for (const entry of seqEntries(node, this.resolver)) {
      const map = this.resolver.resolve(entry);
      if (!isMap(map)) {
        continue;
      }
      if (map.has('group') && !map.has('id')) {
        this.readGroup(map, parent, depth, group);
      } else {
        this.readItem(map, parent, depth, group);
      }
    }
  }

  /** A group is transparent: its items are read at the group's own depth, under the group's parent. */
  private readGroup(map: YAMLMap, parent: number, depth: number, enclosing: number): void {
    const heading = this.resolver.resolve(map.get('group', true));
    const index = this.groups.length;
    this.groups.push({
      title: scalarText(heading, this.resolver) ?? '',
      titleSpan: heading ? nodeSpan(heading) : nodeSpan(map),
      span: nodeSpan(map),
      parent: parent >= 0 ? parent : -1,
      group: enclosing,
      description: scalarText(map.get('description', true), this.resolver),
    });
    this.readItems(map.get('items', true), parent, depth, index);
  }

  private readItem(map: YAMLMap, parent: number, depth: number, group: number): void {
    const idScalar = this.codeScalar(map.get('id', true));
    if (!idScalar) {
      // Without an id the item cannot be indexed; its children are still read, under no known parent.
      const children = map.get('items', true);
      if (children) {
        this.readItems(children, -2, depth + 1, -1);
      }
      return;
    }
    const index = this.items.length;
    const item: Item = { ...emptyItem(idScalar.text, depth), idSpan: idScalar.span, span: nodeSpan(map), parent: parent >= 0 ? parent : -1, group };
    this.items.push(item);
    if (parent >= 0) {
      this.items[parent].children.push(index);
    }
    if (!this.checkItemCode(idScalar)) {
      item.placed = false;
    } else if (parent >= 0 && isItemCode(this.items[parent].id) && !extendsParent(item.id, this.items[parent].id)) {
      item.placed = false;
      this.diagnostics.push({
        code: 'id-not-under-parent',
        severity: 'error',
        span: item.idSpan,
        message: { id: 'id.notUnderParent', args: [item.id, this.items[parent].id] },
      });
    }
    let childNode: unknown;
    item.refStart = this.references.length;
    for (const [key, pair] of pairsOf(map)) {
      const value = pair.value as Node | null;
      const refKind = ITEM_REF_KEYS[key];
      if (refKind) {
        for (const entry of seqEntries(value, this.resolver)) {
          this.readReference(refKind, entry, item);
        }
        continue;
      }
      switch (key) {
        case 'title': {
          item.title = scalarText(value, this.resolver) ?? '';
          const t = this.resolver.resolve(value);
          if (t) {
            item.titleSpan = nodeSpan(t);
          }
          break;
        }
        case 'description':
          item.description = scalarText(value, this.resolver);
          break;
        case 'status':
          item.status = scalarText(value, this.resolver);
          item.removed = isRemovedStatus(item.status);
          break;
        case 'timeline':
          item.timeline = this.readTimeline(value);
          break;
        case 'responsible': {
          this.readReference('responsible', value, item);
          break;
        }
        case 'indicators':
          item.indicators = this.readIndicators(value);
          break;
        case 'items':
          childNode = value;
          break;
        default:
          break;
      }
    }
    const responsible = this.references.slice(item.refStart).find((r) => r.kind === 'responsible');
    item.responsible = responsible?.code;
    item.refEnd = this.references.length;
    if (childNode !== undefined) {
      this.readItems(childNode, index, depth + 1, -1);
    }
  }

  /**
   * Reads `timeline: {from, to}` (spec 6.7): a value in none of the forms is
   * a `schema` warning on it, and a `to` ending before `from` starts one on
   * `to`. Other shapes are the JSON Schema's to report.
   */
  private readTimeline(node: unknown): Timeline | undefined {
    const map = this.resolver.resolve(node);
    if (!isMap(map)) {
      return undefined;
    }
    const timeline: Timeline = {};
    const points: Partial<Record<'from' | 'to', { point: TimelinePoint; span: Span; text: string }>> = {};
    for (const key of ['from', 'to'] as const) {
      const n = this.resolver.resolve(map.get(key, true));
      if (!isScalar(n) || n.value === null || n.value === undefined) {
        continue;
      }
      const s = sourceScalar(n, this.text);
      const text = typeof n.value === 'string' || typeof n.value === 'number' ? s.text : scalarText(n, this.resolver) ?? '';
      timeline[key] = text;
      const point = timelinePoint(text);
      if (point) {
        points[key] = { point, span: s.span, text };
      } else {
        this.diagnostics.push({ code: 'schema', severity: 'warning', span: s.span, message: { id: 'schema.timelineValue', args: [key, text] } });
      }
    }
    const { from, to } = points;
    if (from && to && endsBefore(to.point, from.point)) {
      this.diagnostics.push({ code: 'schema', severity: 'warning', span: to.span, message: { id: 'schema.timelineOrder', args: [to.text, from.text] } });
    }
    return timeline;
  }

  private readIndicators(node: unknown): Indicator[] {
    const out: Indicator[] = [];
    for (const entry of seqEntries(node, this.resolver)) {
      const map = this.resolver.resolve(entry);
      if (!isMap(map)) {
        continue;
      }
      const field = (k: string): string | undefined => scalarText(map.get(k, true), this.resolver);
      out.push({ name: field('name') ?? '', unit: field('unit'), baseline: field('baseline'), target: field('target'), year: field('year') });
    }
    return out;
  }

  private readReference(kind: RefKind, node: unknown, item: Item): void {
    const s = this.codeScalar(node);
    if (!s) {
      return;
    }
    if (kind === 'descriptors') {
      if (!isDescriptorCode(s.text)) {
        this.invalid(s, 'id.invalidDescriptor', repairDescriptorCode(s.text));
        return;
      }
      this.addReference(kind, s, item.id);
      return;
    }
    if (kind === 'responsible' || kind === 'partners') {
      if (!isActorId(s.text)) {
        this.invalid(s, 'id.invalidActor');
        return;
      }
      this.addReference(kind, s, item.id);
      return;
    }
    const q = splitQualified(s.text);
    if (q) {
      const docSpan = { start: s.span.start, end: s.span.start + q.docId.length };
      const codeSpan = { start: s.span.start + q.codeOffset, end: s.span.end };
      // An empty part has no width to underline: the whole reference is shown instead.
      if (!isDocumentId(q.docId)) {
        this.invalid({ text: q.docId, span: q.docId === '' ? s.span : docSpan, codeLike: true }, 'id.invalidDocument');
        return;
      }
      if (!this.checkItemCode({ text: q.code, span: q.code === '' ? s.span : codeSpan, codeLike: true })) {
        return;
      }
      this.references.push({ kind, text: s.text, span: s.span, docId: q.docId, docSpan, code: q.code, codeSpan, fromItem: item.id });
      return;
    }
    if (this.checkItemCode(s)) {
      this.addReference(kind, s, item.id);
    }
  }

  private addReference(kind: RefKind, s: SourceScalar, fromItem: string | undefined): Reference {
    const ref: Reference = { kind, text: s.text, span: s.span, code: s.text, codeSpan: s.span, fromItem };
    this.references.push(ref);
    return ref;
  }

  private checkItemCode(s: SourceScalar): boolean {
    if (isItemCode(s.text)) {
      return true;
    }
    this.invalid(s, 'id.invalidCode', repairItemCode(s.text));
    return false;
  }

  private checkDocumentId(s: SourceScalar): boolean {
    if (isDocumentId(s.text)) {
      return true;
    }
    const fixed = (findLookalike(s.text)?.fixed ?? s.text).trim().toLowerCase().replace(/[\s_]+/g, '-');
    this.invalid(s, 'id.invalidDocument', isDocumentId(fixed) && fixed !== s.text ? fixed : undefined);
    return false;
  }

  /** Reports an `invalid-id`, naming a look-alike character when there is one. */
  private invalid(s: SourceScalar, messageId: string, suggestion?: string): void {
    this.diagnostics.push(invalidIdDiagnostic(s.text, s.span, messageId, suggestion));
  }
}

/** A timeline value read as a date of some precision (1 year, 2 month, 3 day). */
interface TimelinePoint {
  parts: number[];
}

/** Reads a timeline value: `2024`, `2024-01`, `1/2024` or `2024-01-31`, with months 1–12 and days that exist. */
export function timelinePoint(text: string): TimelinePoint | undefined {
  let m = /^(\d{4})$/.exec(text);
  if (m) {
    return { parts: [Number(m[1])] };
  }
  m = /^(\d{4})-(\d{2})$/.exec(text) ?? /^()(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) {
    const [year, month] = m[1] === '' ? [Number(m[3]), Number(m[2])] : [Number(m[1]), Number(m[2])];
    return month >= 1 && month <= 12 ? { parts: [year, month] } : undefined;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    const exists = month >= 1 && month <= 12 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    return exists ? { parts: [year, month, day] } : undefined;
  }
  return undefined;
}

/** True when `to` ends before `from` starts, compared at the coarser of the two precisions (`2024` to `2024-03` is fine). */
function endsBefore(to: TimelinePoint, from: TimelinePoint): boolean {
  const n = Math.min(to.parts.length, from.parts.length);
  for (let i = 0; i < n; i++) {
    if (to.parts[i] !== from.parts[i]) {
      return to.parts[i] < from.parts[i];
    }
  }
  return false;
}

/** An item with only an id and depth, the rest empty. */
function emptyItem(id: string, depth: number): Item {
  const none = { start: 0, end: 0 };
  // Every field, optional ones too, in one order: all items share one object shape, which keeps the loops over 5,000 items fast.
  return {
    id,
    idSpan: none,
    title: '',
    titleSpan: undefined,
    depth,
    span: none,
    parent: -1,
    children: [],
    placed: true,
    valid: true,
    description: undefined,
    responsible: undefined,
    status: undefined,
    removed: false,
    timeline: undefined,
    group: -1,
    indicators: [],
    refStart: 0,
    refEnd: 0,
  };
}

/**
 * The checks that need the whole document: repeated ids (which also leave
 * sibling sequences), unknown actors, self-references, goals without
 * `goalsFrom`, and numbering. They run after a full parse and again after
 * one item was re-parsed on its own.
 */
export function documentChecks(doc: StrategyDocument): CodeDiagnostic[] {
  const out: CodeDiagnostic[] = [];
  const first = new Map<string, Item>();
  const repeated: Item[] = [];
  for (const item of doc.items) {
    item.valid = item.placed;
    if (!isItemCode(item.id)) {
      continue;
    }
    const earlier = first.get(item.id);
    if (earlier) {
      item.valid = false;
      repeated.push(item);
    } else {
      first.set(item.id, item);
    }
  }
  doc.codes = first;
  if (repeated.length > 0) {
    const ids = new Set(repeated.map((i) => i.id));
    const copies = doc.items.filter((i) => ids.has(i.id));
    reportRepeats(doc.uri, copies.map((i) => ({ id: i.id, span: i.idSpan })), 'dup.item', out);
  }
  reportRepeats(doc.uri, doc.actors, 'dup.actor', out);
  const actorIds = new Set(doc.actors.map((a) => a.id));
  for (const ref of doc.references) {
    if (ref.kind === 'responsible' || ref.kind === 'partners') {
      if (!actorIds.has(ref.code)) {
        out.push({
          code: 'unknown-actor',
          severity: 'error',
          span: ref.span,
          message: { id: 'unknown.actor', args: [ref.code] },
          suggestions: closestWords(ref.code, doc.actors.map((a) => a.id)),
        });
      }
    } else if ((ref.kind === 'related' || ref.kind === 'after') && ref.fromItem !== undefined) {
      const sameDoc = ref.docId === undefined || (doc.id !== undefined && ref.docId === doc.id);
      if (sameDoc && ref.code === ref.fromItem) {
        out.push({ code: 'self-reference', severity: 'warning', span: ref.span, message: { id: ref.kind === 'after' ? 'selfReference.after' : 'selfReference', args: [ref.code] } });
      }
    } else if (ref.kind === 'goals' && ref.docId === undefined && doc.goalsFrom === undefined && implementedId(doc) === undefined) {
      // A plan takes its strategy's `goalsFrom` (spec 6.3): whether it has one is a workspace check.
      out.push({ code: 'missing-goals-from', severity: 'warning', span: ref.span, message: { id: 'missingGoalsFrom', args: [ref.code] } });
    }
  }
  // Goals resolve in the document itself then: valid, but almost always the plan's id mistyped or copied.
  if (doc.goalsFrom && doc.id !== undefined && doc.goalsFrom.code === doc.id) {
    out.push({ code: 'self-reference', severity: 'warning', span: doc.goalsFrom.span, message: { id: 'selfReference.goalsFrom', args: [doc.id] } });
  }
  if (doc.implements && doc.id !== undefined && doc.implements.code === doc.id) {
    out.push({ code: 'self-reference', severity: 'warning', span: doc.implements.span, message: { id: 'selfReference.implements', args: [doc.id] } });
  }
  // A plan is numbered together with its strategy, or not at all when the strategy is outside (spec 6.3): a workspace check.
  if (implementedId(doc) === undefined) {
    out.push(...numberingOf(doc));
  }
  return out;
}

/**
 * The numbering diagnostics, reused from the previous state of the document
 * when its structure (ids, parents, depths, validity) is unchanged — the
 * common case of typing a title — with spans taken from the current items.
 */
function numberingOf(doc: StrategyDocument): CodeDiagnostic[] {
  const cached = doc.numbering;
  const items = doc.items;
  const same =
    cached !== undefined &&
    cached.ids.length === items.length &&
    items.every((i, k) => i.id === cached.ids[k] && i.parent === cached.parents[k] && i.depth === cached.depths[k] && i.valid === cached.valid[k]);
  if (same) {
    return cached.findings.map((f) => ({ code: 'numbering-gap', severity: 'warning', span: items[f.item].idSpan, message: f.message }));
  }
  const diagnostics = checkNumbering(items);
  const indexOf = new Map(items.map((item, i) => [item.idSpan, i]));
  doc.numbering = {
    ids: items.map((i) => i.id),
    parents: items.map((i) => i.parent),
    depths: items.map((i) => i.depth),
    valid: items.map((i) => i.valid),
    findings: diagnostics.map((d) => ({ item: indexOf.get(d.span) ?? 0, message: d.message })),
  };
  return diagnostics;
}

/** The `invalid-id` diagnostic for `text` at `span`, naming a look-alike character when there is one. */
export function invalidIdDiagnostic(text: string, span: Span, messageId: string, suggestion?: string): CodeDiagnostic {
  const look = findLookalike(text);
  const message = look
    ? { id: 'id.lookalike', args: [text, look.char, look.codePoint, look.replacement] }
    : { id: text.length === 0 ? 'id.empty' : messageId, args: [text.length > 80 ? text.slice(0, 77) + '…' : text] };
  return { code: 'invalid-id', severity: 'error', span, message, suggestions: suggestion ? [suggestion] : undefined };
}

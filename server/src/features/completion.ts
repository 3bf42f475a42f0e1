/**
 * Completion of codes: in `related`, `goals`, `descriptors`, `responsible`,
 * `partners`, `goalsFrom` and `documents[].strategy`, after `doc-id/` in
 * qualified references (in Markdown too), and the next free code on the
 * `id:` of a new item.
 *
 * Candidates are matched fuzzily over code and title with fuse.js,
 * insensitive to case and Czech diacritics (`jazykova priprava` finds
 * `4.A.21 Zajištění jazykové přípravy a podpory`); codes that start with
 * what was typed come first. The list is marked incomplete, so the editor
 * asks again as the user types, and each item's `filterText` begins with
 * the typed text, so that the editor's own (diacritics-sensitive) filter
 * keeps the fuzzy title matches this function found.
 *
 * Where the cursor stands is read from the text (`completionContext.ts`),
 * which is often not valid YAML mid-typing; the candidates of the document
 * being edited come from its current parse and, when that parse is broken,
 * also from its last parse without syntax errors.
 */
import { CancellationToken, CompletionItem, CompletionItemKind, CompletionList, Position } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../languageService';
import { CatalogDocument, Span, StrategyDocument } from '../model/types';
import { CompletionSite, markdownCompletionSite, yamlCompletionSite } from './completionContext';
import { FuzzyIndex } from './fuzzyIndex';
import { nextFreeCode } from './sequences';
import { foldText } from '../model/text';
import { cancelled, shorten, spanRange } from './shared';

/** At most this many items per answer; the list is incomplete anyway, and typing narrows it. */
const MAX_ITEMS = 200;

/** One thing that can be inserted. */
interface Candidate {
  /** The code (or id) as inserted. */
  code: string;
  title: string;
  /** The level name, or "Descriptor", "Actor", "Strategy document". */
  level: string;
  kind: CompletionItemKind;
  /** The document the candidate is defined in, shown as detail. */
  docId?: string;
}

/** Candidates searchable by code and title. */
type CandidateList = FuzzyIndex<Candidate>;

function candidateList(entries: readonly Candidate[]): CandidateList {
  return new FuzzyIndex(entries, (c) => c.code, (c) => c.title);
}

function candidate(code: string, title: string, level: string, kind: CompletionItemKind, docId?: string): Candidate {
  return { code, title, level, kind, docId };
}

/**
 * Candidate lists, kept per parsed document (a document's list is rebuilt
 * only when that document is re-parsed, not on every change elsewhere in the
 * workspace, and reused when a re-parse left its codes and titles as they
 * were, as typing in a reference list does), and the last parse without
 * syntax errors of each document.
 */
export class CompletionCache {
  private readonly items = new WeakMap<StrategyDocument, CandidateList>();
  /** The latest item list per URI with what it was built from: codes, titles and depths in order. */
  private readonly itemsByUri = new Map<string, { signature: (string | number)[]; list: CandidateList }>();
  private readonly merged = new WeakMap<StrategyDocument, { lastGood: StrategyDocument; list: CandidateList }>();
  private readonly actors = new WeakMap<StrategyDocument, CandidateList>();
  private descriptors: { key: readonly CatalogDocument[]; list: CandidateList } | undefined;
  private documents: { key: readonly StrategyDocument[]; list: CandidateList } | undefined;
  private readonly lastGood = new Map<string, StrategyDocument>();
  /** The parse last passed to `remember` per URI, so that each parse is looked at once. */
  private readonly seen = new Map<string, StrategyDocument>();

  /**
   * Records `doc` as its file's last good parse when it has no syntax error.
   * The record is a copy of the item tree: an incremental re-parse updates
   * the items after an edit in place, with indexes of the next parse.
   */
  remember(doc: StrategyDocument): void {
    if (this.seen.get(doc.uri) === doc) {
      return;
    }
    this.seen.set(doc.uri, doc);
    if (!hasSyntaxError(doc)) {
      this.lastGood.set(doc.uri, { ...doc, items: doc.items.map((i) => ({ ...i, children: [...i.children] })), actors: [...doc.actors] });
    }
  }

  /** The last parse of `doc`'s file without syntax errors, when `doc` itself has some. */
  fallbackFor(doc: StrategyDocument): StrategyDocument | undefined {
    this.remember(doc);
    return hasSyntaxError(doc) ? this.lastGood.get(doc.uri) : undefined;
  }

  /** The items of `doc` (and of its last good parse, when `doc` is broken). */
  itemList(service: LanguageService, doc: StrategyDocument): CandidateList {
    const own = this.ownItems(service, doc);
    const good = this.fallbackFor(doc);
    if (!good) {
      return own;
    }
    const cached = this.merged.get(doc);
    if (cached && cached.lastGood === good) {
      return cached.list;
    }
    const codes = new Set(own.entries.map((c) => c.code));
    const list = candidateList([...own.entries, ...this.ownItems(service, good, false).entries.filter((c) => !codes.has(c.code))]);
    this.merged.set(doc, { lastGood: good, list });
    return list;
  }

  /** The items of one parse; `live` for the index's current parse, whose list the next parse of the file may reuse. */
  private ownItems(service: LanguageService, doc: StrategyDocument, live = true): CandidateList {
    let list = this.items.get(doc);
    if (list) {
      return list;
    }
    const seen = new Set<string>();
    const items = doc.items.filter((i) => i.valid && !seen.has(i.id) && seen.add(i.id));
    const signature = [...items.flatMap((i) => [i.id, i.title, i.depth]), ...(doc.levels ?? []), doc.id ?? ''];
    const previous = live ? this.itemsByUri.get(doc.uri) : undefined;
    if (previous && sameObjects(previous.signature, signature)) {
      list = previous.list;
    } else {
      list = candidateList(items.map((i) => candidate(i.id, i.title, service.messages.levelName(i.depth, doc.levels), CompletionItemKind.EnumMember, doc.id)));
      if (live) {
        this.itemsByUri.set(doc.uri, { signature, list });
      }
    }
    this.items.set(doc, list);
    return list;
  }

  /** The actors of `doc` (and of its last good parse). */
  actorList(service: LanguageService, doc: StrategyDocument): CandidateList {
    let list = this.actors.get(doc);
    if (!list) {
      const level = service.messages.text('hover.actor');
      const all = [...doc.actors, ...(this.fallbackFor(doc)?.actors ?? [])];
      const seen = new Set<string>();
      list = candidateList(all.filter((a) => !seen.has(a.id) && seen.add(a.id)).map((a) => candidate(a.id, a.name, level, CompletionItemKind.Value)));
      this.actors.set(doc, list);
    }
    return list;
  }

  /** Every descriptor of every catalog, each with the definition that wins (a workspace catalog's over the built-in one). */
  descriptorList(service: LanguageService): CandidateList {
    const key = [...service.index.catalogs()];
    if (this.descriptors && sameObjects(this.descriptors.key, key)) {
      return this.descriptors.list;
    }
    const level = service.messages.text('hover.descriptor');
    const builtin = service.resolveContext().builtinCatalogUri;
    const codes = [...new Set(key.flatMap((c) => c.descriptors.map((d) => d.id)))].sort(compareDescriptors);
    const entries = codes.flatMap((code) => {
      const def = service.index.descriptor(code, builtin);
      return def ? [candidate(code, def.descriptor.title, level, CompletionItemKind.Constant, def.catalog.id)] : [];
    });
    this.descriptors = { key, list: candidateList(entries) };
    return this.descriptors.list;
  }

  /** Every strategy document id of the workspace. */
  documentList(service: LanguageService): CandidateList {
    const key = [...service.index.strategies()];
    if (this.documents && sameObjects(this.documents.key, key)) {
      return this.documents.list;
    }
    const level = service.messages.text('hover.document');
    const entries = key
      .filter((d): d is StrategyDocument & { id: string } => d.id !== undefined)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((d) => candidate(d.id, d.title, level, CompletionItemKind.Module));
    this.documents = { key, list: candidateList(entries) };
    return this.documents.list;
  }
}

function hasSyntaxError(doc: StrategyDocument): boolean {
  return doc.diagnostics.some((d) => d.code === 'yaml-syntax');
}

function sameObjects<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Descriptor codes in catalog order: by area (as Roman numerals are written, shorter first), then letter. */
function compareDescriptors(a: string, b: string): number {
  const [aa, al] = a.split('.');
  const [ba, bl] = b.split('.');
  return aa.length - ba.length || (aa < ba ? -1 : aa > ba ? 1 : 0) || (al < bl ? -1 : al > bl ? 1 : 0);
}

/**
 * The candidates matching `typed`: code-prefix matches first (in list
 * order), then fuzzy matches by score; those in `exclude` left out.
 */
function rank(list: CandidateList, typed: string, exclude: ReadonlySet<string>): Candidate[] {
  const q = typed.trim();
  const allowed = (c: Candidate): boolean => !exclude.has(c.code);
  if (q.length === 0) {
    return list.entries.filter(allowed).slice(0, MAX_ITEMS);
  }
  const prefix = list.withCodePrefix(q).filter(allowed);
  const seen = new Set(prefix);
  const fuzzy = list.search(q, MAX_ITEMS * 2).filter((c) => allowed(c) && !seen.has(c));
  return [...prefix, ...fuzzy].slice(0, MAX_ITEMS);
}

/** The completions at a position, or null where no code is expected. */
export function completion(service: LanguageService, uri: string, position: Position, token?: CancellationToken): CompletionList | null {
  const text = service.document(uri);
  const parsed = service.index.get(uri)?.parsed;
  if (!text || !parsed || parsed.kind === 'catalog') {
    return null;
  }
  const offset = text.offsetAt(position);
  const source = text.getText();
  const site = parsed.kind === 'markdown' ? markdownCompletionSite(source, offset) : yamlCompletionSite(source, offset);
  if (!site || cancelled(token)) {
    return null;
  }
  const items = parsed.kind === 'strategy' ? strategyCompletions(service, parsed, site, text, offset) : qualifiedCompletions(service, site, text, offset);
  return items ? { isIncomplete: true, items } : null;
}

function strategyCompletions(service: LanguageService, doc: StrategyDocument, site: CompletionSite, text: TextDocument, offset: number): CompletionItem[] | undefined {
  const cache = service.featureCache.completion;
  const listed = new Set(site.listed);
  switch (site.key) {
    case 'id':
      return [idCompletion(service, doc, site, text, offset)];
    case 'goalsFrom':
    case 'documents': {
      const own = new Set(doc.id !== undefined ? [doc.id] : []);
      return toItems(rank(cache.documentList(service), site.typed, own), site, site.range, text, offset);
    }
    case 'descriptors':
      return toItems(rank(cache.descriptorList(service), site.typed, listed), site, site.range, text, offset);
    case 'responsible':
    case 'partners':
      return toItems(rank(cache.actorList(service, doc), site.typed, listed), site, site.range, text, offset);
    case 'related':
    case 'goals': {
      if (site.typed.includes('/')) {
        return qualifiedCompletions(service, site, text, offset);
      }
      if (site.ownId !== undefined && site.key === 'related') {
        listed.add(site.ownId);
      }
      const planId = site.key === 'goals' ? (doc.goalsFrom?.code ?? goalsFromInText(text.getText())) : undefined;
      const plan = site.key === 'goals' ? (planId !== undefined ? service.index.strategy(planId) : undefined) : doc;
      const codes = plan ? toItems(rank(cache.itemList(service, plan), site.typed, listed), site, site.range, text, offset) : [];
      // Without a plan document, goals can only be qualified: every document id is offered.
      return [...documentPrefixes(service, site, text, offset, plan === undefined), ...codes];
    }
    default:
      return undefined;
  }
}

/** The `goalsFrom:` value read from the text, for a document whose parse lost it. */
function goalsFromInText(source: string): string | undefined {
  return /^goalsFrom[ \t]*:[ \t]*["']?([a-z0-9][a-z0-9-]*)/m.exec(source)?.[1];
}

/** Items of the document named before the `/` of a qualified reference, inserted after the `/`. */
function qualifiedCompletions(service: LanguageService, site: CompletionSite, text: TextDocument, offset: number): CompletionItem[] | undefined {
  const slash = site.typed.indexOf('/');
  if (slash < 0) {
    return undefined;
  }
  const docId = site.typed.slice(0, slash);
  const doc = service.index.strategy(docId);
  if (!doc) {
    return [];
  }
  const listed = new Set(site.listed.filter((l) => l.startsWith(docId + '/')).map((l) => l.slice(docId.length + 1)));
  const range = { start: site.range.start + slash + 1, end: site.range.end };
  const codeSite = { ...site, typed: site.typed.slice(slash + 1), wrapInList: false, needsSpace: false };
  return toItems(rank(service.featureCache.completion.itemList(service, doc), codeSite.typed, listed), codeSite, range, text, offset);
}

/**
 * `doc-id/` entries for reference lists: choosing one inserts the prefix and
 * asks for completion again, now of that document's items. Offered when the
 * typed text starts a document id, or for every document when `all`.
 */
function documentPrefixes(service: LanguageService, site: CompletionSite, text: TextDocument, offset: number, all: boolean): CompletionItem[] {
  const typed = site.typed.trim();
  if (!all && !/[a-z]/.test(typed)) {
    return [];
  }
  const docs = service.featureCache.completion.documentList(service).entries.filter((d) => d.code.startsWith(typed));
  return docs.slice(0, MAX_ITEMS).map((d, i) => ({
    ...toItem({ ...d, code: d.code + '/' }, i, site, site.range, text, offset),
    sortText: 'a' + String(i).padStart(5, '0'),
    command: { title: '', command: 'editor.action.triggerSuggest' },
  }));
}

/** The candidates as completion items replacing `range` (the value being typed, or its code part after `doc-id/`). */
function toItems(candidates: readonly Candidate[], site: CompletionSite, range: Span, text: TextDocument, offset: number): CompletionItem[] {
  return candidates.map((c, i) => toItem(c, i, site, range, text, offset));
}

function toItem(c: Candidate, order: number, site: CompletionSite, range: Span, text: TextDocument, offset: number): CompletionItem {
  let newText = c.code;
  if (site.wrapInList) {
    newText = `[${newText}]`;
  }
  if (site.needsSpace) {
    newText = ' ' + newText;
  }
  const typed = text.getText().slice(range.start, offset);
  return {
    label: c.code,
    labelDetails: { detail: c.title ? ' ' + shorten(c.title, 60) : undefined, description: c.level },
    kind: c.kind,
    detail: c.docId !== undefined ? `${c.level} · ${c.docId}` : c.level,
    documentation: c.title || undefined,
    sortText: 'b' + String(order).padStart(5, '0'),
    filterText: `${typed} ${foldText(`${c.code} ${c.title}`)}`,
    textEdit: { range: spanRange(text, range), newText },
  };
}

/** The next free code for a new item's `id:`. */
function idCompletion(service: LanguageService, doc: StrategyDocument, site: CompletionSite, text: TextDocument, offset: number): CompletionItem {
  // A broken parse may have lost the items after the error: the last good parse knows the document's numbering.
  const basis = service.featureCache.completion.fallbackFor(doc) ?? doc;
  const code = nextFreeCode(basis, site.parentCode, site.siblings ?? []);
  const parent = site.parentCode !== undefined ? basis.items.find((i) => i.id === site.parentCode) : undefined;
  const depth = site.parentCode === undefined ? 1 : parent ? parent.depth + 1 : site.parentCode.split('.').length + 1;
  const level = service.messages.levelName(depth, basis.levels);
  const item = toItem(candidate(code, '', level, CompletionItemKind.Value, doc.id), 0, { ...site, wrapInList: false }, site.range, text, offset);
  return { ...item, preselect: true, documentation: service.messages.text('completion.nextFree', code) };
}

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
import type { FeatureContext } from '../engine/context';
import { Span, StrategyDocument } from '../model/types';
import { candidate, Candidate, CandidateList, candidateList } from '../engine/candidates';
import { CompletionSite, markdownCompletionSite, yamlCompletionSite } from '../engine/completionContext';
import { nextFreeCode } from '../engine/sequences';
import { foldText } from '../model/text';
import { cancelled, shorten, spanRange } from '../engine/shared';

/** At most this many items per answer; the list is incomplete anyway, and typing narrows it. */
const MAX_ITEMS = 200;


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
export function completion(ctx: FeatureContext, uri: string, position: Position, token?: CancellationToken): CompletionList | null {
  const text = ctx.document(uri);
  const parsed = ctx.index.get(uri)?.parsed;
  if (!text || !parsed || parsed.kind === 'catalog') {
    return null;
  }
  const offset = text.offsetAt(position);
  const source = text.getText();
  const site = parsed.kind === 'markdown' ? markdownCompletionSite(source, offset) : yamlCompletionSite(source, offset);
  if (!site || cancelled(token)) {
    return null;
  }
  const items = parsed.kind === 'strategy' ? strategyCompletions(ctx, parsed, site, text, offset) : qualifiedCompletions(ctx, site, text, offset);
  return items ? { isIncomplete: true, items } : null;
}

function strategyCompletions(ctx: FeatureContext, doc: StrategyDocument, site: CompletionSite, text: TextDocument, offset: number): CompletionItem[] | undefined {
  const cache = ctx.caches.candidates;
  const listed = new Set(site.listed);
  switch (site.key) {
    case 'id':
      return [idCompletion(ctx, doc, site, text, offset)];
    case 'goalsFrom':
    case 'implements':
    case 'documents': {
      const own = new Set(doc.id !== undefined ? [doc.id] : []);
      // `documents[].strategy` names a workspace document; `goalsFrom` and `implements` may also name a declared outside one (spec 6.4).
      const list = site.key === 'documents' ? cache.documentList(ctx) : withOutsideDocuments(ctx, cache.documentList(ctx));
      return toItems(rank(list, site.typed, own), site, site.range, text, offset);
    }
    case 'descriptors':
      return toItems(rank(cache.descriptorList(ctx), site.typed, listed), site, site.range, text, offset);
    case 'responsible':
    case 'partners':
      return toItems(rank(cache.actorList(ctx, doc), site.typed, listed), site, site.range, text, offset);
    case 'related':
    case 'after':
    case 'goals': {
      if (site.typed.includes('/')) {
        return qualifiedCompletions(ctx, site, text, offset);
      }
      if (site.ownId !== undefined && site.key !== 'goals') {
        listed.add(site.ownId);
      }
      // A plan without its own `goalsFrom` takes its strategy's (spec 6.3).
      const strategy = ctx.index.strategyOf(doc);
      const planId = site.key === 'goals' ? (doc.goalsFrom?.code ?? goalsFromInText(text.getText()) ?? strategy?.goalsFrom?.code) : undefined;
      const plan = site.key === 'goals' ? (planId !== undefined ? ctx.index.strategy(planId) : undefined) : doc;
      let codes = plan ? rank(cache.itemList(ctx, plan), site.typed, withRemoved(plan, listed)) : [];
      if (site.key !== 'goals' && strategy) {
        // In a plan, unqualified `related` and `after` also name the strategy's items (spec 6.3).
        const own = new Set(codes.map((c) => c.code));
        const more = rank(cache.itemList(ctx, strategy), site.typed, withRemoved(strategy, listed)).filter((c) => !own.has(c.code));
        codes = [...codes, ...more];
      }
      // Without a plan document, goals can only be qualified: every document id is offered.
      return [...documentPrefixes(ctx, site, text, offset, plan === undefined), ...toItems(codes, site, site.range, text, offset)];
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
function qualifiedCompletions(ctx: FeatureContext, site: CompletionSite, text: TextDocument, offset: number): CompletionItem[] | undefined {
  const slash = site.typed.indexOf('/');
  if (slash < 0) {
    return undefined;
  }
  const docId = site.typed.slice(0, slash);
  const doc = ctx.index.strategy(docId);
  if (!doc) {
    // An outside document's codes are not known (spec 6.4): nothing to offer after its `doc-id/`.
    return [];
  }
  const listed = withRemoved(doc, new Set(site.listed.filter((l) => l.startsWith(docId + '/')).map((l) => l.slice(docId.length + 1))));
  const range = { start: site.range.start + slash + 1, end: site.range.end };
  const codeSite = { ...site, typed: site.typed.slice(slash + 1), wrapInList: false, needsSpace: false };
  return toItems(rank(ctx.caches.candidates.itemList(ctx, doc), codeSite.typed, listed), codeSite, range, text, offset);
}

/**
 * `doc-id/` entries for reference lists: choosing one inserts the prefix and
 * asks for completion again, now of that document's items. Offered when the
 * typed text starts a document id, or for every document when `all`.
 */
function documentPrefixes(ctx: FeatureContext, site: CompletionSite, text: TextDocument, offset: number, all: boolean): CompletionItem[] {
  const typed = site.typed.trim();
  if (!all && !/[a-z]/.test(typed)) {
    return [];
  }
  const docs = withOutsideDocuments(ctx, ctx.caches.candidates.documentList(ctx)).entries.filter((d) => d.code.startsWith(typed));
  return docs.slice(0, MAX_ITEMS).map((d, i) => ({
    ...toItem({ ...d, code: d.code + '/' }, i, site, site.range, text, offset),
    sortText: 'a' + String(i).padStart(5, '0'),
    command: { title: '', command: 'editor.action.triggerSuggest' },
  }));
}

/** `exclude` with the codes of `doc`'s removed items (spec 6.5): completion never offers them. */
function withRemoved(doc: StrategyDocument, exclude: Set<string>): Set<string> {
  for (const item of doc.items) {
    if (item.removed) {
      exclude.add(item.id);
    }
  }
  return exclude;
}

/** The workspace documents and, after them, the ids declared outside the workspace (spec 6.4) that no workspace document has. */
function withOutsideDocuments(ctx: FeatureContext, documents: CandidateList): CandidateList {
  const outside = ctx.index.outsideIds().filter((id) => !ctx.index.strategy(id));
  if (outside.length === 0) {
    return documents;
  }
  const level = ctx.messages.text('hover.outside');
  const entries = outside.map((id) => candidate(id, ctx.index.outsideDocument(id)?.declaration.title ?? '', level, CompletionItemKind.Reference));
  return candidateList([...documents.entries, ...entries]);
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
function idCompletion(ctx: FeatureContext, doc: StrategyDocument, site: CompletionSite, text: TextDocument, offset: number): CompletionItem {
  // A broken parse may have lost the items after the error: the last good parse knows the document's numbering.
  const basis = ctx.caches.lastGood.fallbackFor(doc) ?? doc;
  // In a plan, under an item of its strategy, the next code free in both documents (spec 6.3).
  const strategy = ctx.index.strategyOf(doc);
  const code =
    strategy && site.parentCode !== undefined && ctx.index.item(strategy, site.parentCode)
      ? nextFreeCode(strategy, site.parentCode, [...(site.siblings ?? []), ...basis.items.map((i) => i.id)])
      : nextFreeCode(basis, site.parentCode, site.siblings ?? []);
  const parent = site.parentCode !== undefined ? basis.items.find((i) => i.id === site.parentCode) : undefined;
  const depth = site.parentCode === undefined ? 1 : parent ? parent.depth + 1 : site.parentCode.split('.').length + 1;
  const level = ctx.messages.levelName(depth, basis.levels);
  const item = toItem(candidate(code, '', level, CompletionItemKind.Value, doc.id), 0, { ...site, wrapInList: false }, site.range, text, offset);
  return { ...item, preselect: true, documentation: ctx.messages.text('completion.nextFree', code) };
}

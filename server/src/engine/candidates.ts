/**
 * The candidates completion offers, searchable by code and title, cached
 * per parsed document: a document's item list is rebuilt only when that
 * document is re-parsed (and reused when a re-parse left its codes and
 * titles as they were, as typing in a reference list does); descriptor and
 * document lists only when a catalog or strategy document changes.
 *
 * The last parse without syntax errors of each document comes from
 * `LastGoodParses`, which the facade keeps current as files are indexed.
 */
import { CompletionItemKind } from 'vscode-languageserver-protocol';
import { CatalogDocument, StrategyDocument } from '../model/types';
import { FuzzyIndex } from './fuzzyIndex';
import type { FeatureContext } from './context';
import { LastGoodParses } from './lastGood';

/** One thing that can be inserted. */
export interface Candidate {
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
export type CandidateList = FuzzyIndex<Candidate>;

/** A searchable list of candidates. */
export function candidateList(entries: readonly Candidate[]): CandidateList {
  return new FuzzyIndex(entries, (c) => c.code, (c) => c.title);
}

/** One candidate. */
export function candidate(code: string, title: string, level: string, kind: CompletionItemKind, docId?: string): Candidate {
  return { code, title, level, kind, docId };
}

/**
 * Candidate lists, kept per parsed document: a document's list is rebuilt
 * only when that document is re-parsed, not on every change elsewhere in the
 * workspace, and reused when a re-parse left its codes and titles as they
 * were, as typing in a reference list does.
 */
export class CandidateCache {
  private readonly items = new WeakMap<StrategyDocument, CandidateList>();
  /** The latest item list per URI with what it was built from: codes, titles and depths in order. */
  private readonly itemsByUri = new Map<string, { signature: (string | number)[]; list: CandidateList }>();
  private readonly merged = new WeakMap<StrategyDocument, { lastGood: StrategyDocument; list: CandidateList }>();
  private readonly actors = new WeakMap<StrategyDocument, CandidateList>();
  private descriptors: { key: readonly CatalogDocument[]; list: CandidateList } | undefined;
  private documents: { key: readonly StrategyDocument[]; list: CandidateList } | undefined;

  constructor(private readonly lastGood: LastGoodParses) {}

  /** Forgets what was kept for a file the index dropped. */
  evict(uri: string): void {
    this.itemsByUri.delete(uri);
  }

  /** The items of `doc` (and of its last good parse, when `doc` is broken). */
  itemList(ctx: FeatureContext, doc: StrategyDocument): CandidateList {
    const own = this.ownItems(ctx, doc);
    const good = this.lastGood.fallbackFor(doc);
    if (!good) {
      return own;
    }
    const cached = this.merged.get(doc);
    if (cached && cached.lastGood === good) {
      return cached.list;
    }
    const codes = new Set(own.entries.map((c) => c.code));
    const list = candidateList([...own.entries, ...this.ownItems(ctx, good, false).entries.filter((c) => !codes.has(c.code))]);
    this.merged.set(doc, { lastGood: good, list });
    return list;
  }

  /** The items of one parse; `live` for the index's current parse, whose list the next parse of the file may reuse. */
  private ownItems(ctx: FeatureContext, doc: StrategyDocument, live = true): CandidateList {
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
      list = candidateList(items.map((i) => candidate(i.id, i.title, ctx.messages.levelName(i.depth, doc.levels), CompletionItemKind.EnumMember, doc.id)));
      if (live) {
        this.itemsByUri.set(doc.uri, { signature, list });
      }
    }
    this.items.set(doc, list);
    return list;
  }

  /** The actors of `doc` (and of its last good parse). */
  actorList(ctx: FeatureContext, doc: StrategyDocument): CandidateList {
    let list = this.actors.get(doc);
    if (!list) {
      const level = ctx.messages.text('hover.actor');
      const all = [...doc.actors, ...(this.lastGood.fallbackFor(doc)?.actors ?? [])];
      const seen = new Set<string>();
      list = candidateList(all.filter((a) => !seen.has(a.id) && seen.add(a.id)).map((a) => candidate(a.id, a.name, level, CompletionItemKind.Value)));
      this.actors.set(doc, list);
    }
    return list;
  }

  /** Every descriptor of every catalog, each with the definition that wins (a workspace catalog's over the built-in one). */
  descriptorList(ctx: FeatureContext): CandidateList {
    const key = [...ctx.index.catalogs()];
    if (this.descriptors && sameObjects(this.descriptors.key, key)) {
      return this.descriptors.list;
    }
    const level = ctx.messages.text('hover.descriptor');
    const builtin = ctx.builtinCatalogUri;
    const codes = [...new Set(key.flatMap((c) => c.descriptors.map((d) => d.id)))].sort(compareDescriptors);
    const entries = codes.flatMap((code) => {
      const def = ctx.index.descriptor(code, builtin);
      return def ? [candidate(code, def.descriptor.title, level, CompletionItemKind.Constant, def.catalog.id)] : [];
    });
    this.descriptors = { key, list: candidateList(entries) };
    return this.descriptors.list;
  }

  /** Every strategy document id of the workspace. */
  documentList(ctx: FeatureContext): CandidateList {
    const key = [...ctx.index.strategies()];
    if (this.documents && sameObjects(this.documents.key, key)) {
      return this.documents.list;
    }
    const level = ctx.messages.text('hover.document');
    const entries = key
      .filter((d): d is StrategyDocument & { id: string } => d.id !== undefined)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((d) => candidate(d.id, d.title, level, CompletionItemKind.Module));
    this.documents = { key, list: candidateList(entries) };
    return this.documents.list;
  }
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

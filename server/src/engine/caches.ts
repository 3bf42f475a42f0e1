/**
 * The caches of the editing features, owned by one language service (never
 * module-level, so that two services — two workspaces, or two tests — never
 * share them). Each cache checks by itself whether it is still current, per
 * parsed document or per index generation; the facade also tells them of
 * every parse the index takes and every file it drops (`indexed`,
 * `evicted`), so that what is kept per URI follows the index and no feature
 * feeds a cache as a side effect of its own request.
 */
import { CodeDiagnostic, ParsedFile, StrategyDocument } from '../model/types';
import type { CoverageCounts, TreeDocumentData, TreeItemData } from '../protocol';
import { CandidateCache } from './candidates';
import { LastGoodParses } from './lastGood';
import { FileReferenceIndex, UseCount } from './referenceSearch';
import { WorkspaceSymbolIndex } from './workspaceCodes';

/**
 * One document's entry of the tree and what it was built from: the parse, the index's diagnostics
 * of the document (kept until it or a document it depends on changes), the settings (severities),
 * the strategy a plan takes its titles from, and the number of goals of the plan a strategy takes
 * its goals from that no measure covers (the strategy's gaps). While all are the same, the entry is.
 */
export interface TreeEntrySource {
  parsed: ParsedFile;
  raw: readonly CodeDiagnostic[];
  settings: object;
  strategy: StrategyDocument | undefined;
  planGaps: number;
  entry: TreeDocumentData;
}

/**
 * What the Strategies view's top level shows of a document: its entry without items, problem
 * counts and the gaps of the plan it takes goals from (those come from other documents and are
 * added when shown), with its number of items and where its goals come from. Small enough to be
 * kept in the records of the index (`FileRecord.tree`): after a warm start the top level is shown
 * without loading any parse.
 */
export interface TreeSummary {
  kind: 'strategy' | 'catalog';
  id: string;
  title: string;
  range: TreeDocumentData['range'];
  coverage: CoverageCounts;
  itemCount: number;
  /** The id of the workspace strategy it implements (a plan). */
  implements?: string;
  /** The id of the document its goals come from (§7). */
  goalsFrom?: string;
}

/** A document's summary and what it was made from (as `TreeEntrySource`, without the plan's gaps). */
export interface TreeSummarySource {
  parsed: ParsedFile;
  raw: readonly CodeDiagnostic[];
  settings: object;
  strategy: StrategyDocument | undefined;
  summary: TreeSummary;
}

export class FeatureCaches {
  /** The last parse without syntax errors of each strategy document. */
  readonly lastGood = new LastGoodParses();
  /** Completion candidate lists and their fuzzy indexes. */
  readonly candidates = new CandidateCache(this.lastGood);
  /** Each file's references grouped by the name they use, for reference search. */
  readonly fileReferences = new FileReferenceIndex();
  /** How often each target is used, for hovers, until the index changes. */
  useCounts: { generation: number; counts: WeakMap<object, UseCount> } = { generation: -1, counts: new WeakMap() };
  /** Every code of the workspace with a fuzzy index, for workspace symbols and the code picker. */
  readonly workspaceCodes = new WorkspaceSymbolIndex();
  /**
   * The Strategies view's whole tree for an index generation and the settings it was built with
   * (they set the diagnostics' severities), so that expanding nodes after a refresh does not build
   * it again. It is never changed after it is built.
   */
  tree: { generation: number; settings: object; docs: readonly TreeDocumentData[] } | undefined;
  /** Each document's entry of that tree with what it was built from, so that a change rebuilds the entries it touched only. */
  readonly treeEntries = new Map<string, TreeEntrySource>();
  /** Each document's summary for the top level, with what it was made from. */
  readonly treeSummaries = new Map<string, TreeSummarySource>();
  /** The top level of the Strategies view (`features/tree.ts`) for an index generation and the settings. */
  treeTop: { generation: number; settings: object; value: unknown } | undefined;
  /** A document's error and warning counts, by its index diagnostics, under the settings they were counted with. */
  readonly treeCounts = new WeakMap<readonly CodeDiagnostic[], { settings: object; errors: number; warnings: number }>();
  /** The number of items at every depth of a tree entry's item list. */
  readonly treeItemCounts = new WeakMap<readonly TreeItemData[], number>();

  /** The index now holds `parsed` for its file. */
  indexed(parsed: ParsedFile): void {
    if (parsed.kind === 'strategy') {
      this.lastGood.note(parsed);
    } else {
      this.evicted(parsed.uri);
    }
  }

  /** The index dropped a file. */
  evicted(uri: string): void {
    this.lastGood.evict(uri);
    this.candidates.evict(uri);
    this.treeEntries.delete(uri);
    this.treeSummaries.delete(uri);
  }
}

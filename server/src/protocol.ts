/**
 * Custom messages between the VS Code client and the language server.
 *
 * Each message is a namespace holding its method name and a typed message
 * type, defined once here and imported by both sides, so that a change to a
 * message's shape is a compile error on both ends.
 */
import { NotificationType, Range, RequestType } from 'vscode-languageserver-protocol';
import type { Analysis } from './analysis/analysis';
import type { ReportFormat } from './report/formats';

/** The coverage rules of the spec (§7) that flag an item: a measure lacking something, or a goal no measure links to. */
export type CoverageRule = 'uncovered-goal' | 'missing-goal' | 'missing-indicator' | 'missing-responsible';

/** The coverage rules in the order they are listed: the plan's goals first, then what measures lack. */
export const COVERAGE_RULES: readonly CoverageRule[] = ['uncovered-goal', 'missing-goal', 'missing-indicator', 'missing-responsible'];

/** How many items each coverage rule flags (rules that flag none are left out). */
export type CoverageCounts = Partial<Record<CoverageRule, number>>;

/** One item of a strategy document, as the tree view shows it. */
export interface TreeItemData {
  /** The item's code as written (`2.A.11`). */
  code: string;
  title: string;
  /** The level name for the item's depth (`Opatření`, or the document's own `levels`). */
  level: string;
  /** Depth in the tree, 1 for top-level items. */
  depth: number;
  /** The range of the item's `id` value. */
  range: Range;
  /** Diagnostics of severity error / warning whose range lies within the item (its own keys, not its children). */
  errors: number;
  warnings: number;
  descriptors: string[];
  goals: string[];
  /** `responsible` and `partners` actor ids. */
  actors: string[];
  /** The coverage rules that flag this item itself. */
  flags: CoverageRule[];
  /** The items flagged at or below this one, by rule. */
  coverage: CoverageCounts;
  children: TreeItemData[];
  /** A group (spec 6.2): a heading without a code (`code` is empty), its items as children. */
  group?: boolean;
  /** The item is removed (spec 6.5): it keeps its code, shown struck through. */
  removed?: boolean;
}

/** One strategy document or descriptor catalog of the workspace. */
export interface TreeDocumentData {
  uri: string;
  kind: 'strategy' | 'catalog';
  /** The document or catalog id; empty when the file has none. */
  id: string;
  title: string;
  /** Range of the `strategy:` / `catalog:` value, or the start of the file. */
  range: Range;
  errors: number;
  warnings: number;
  /**
   * The document's gaps by rule: its measures that lack something, and the goals of its
   * `goalsFrom` plan that no measure covers (for a plan, its own goals that none covers).
   */
  coverage: CoverageCounts;
  items: TreeItemData[];
  /** The id of the strategy this document implements (spec 6.3), when it is a plan. */
  implements?: string;
  /** The plans implementing this document, shown under it (a plan whose strategy is in the workspace is not listed at the top). */
  plans?: TreeDocumentData[];
}

/** The workspace's strategy documents and catalogs with their item trees, sorted by id. */
export namespace StrategyTreeRequest {
  export const method = 'strategy/tree' as const;
  export type Params = Record<string, never>;
  export const type = new RequestType<Params, TreeDocumentData[], void>(method);
}

/** What the tree can be filtered by: a descriptor code, a goal link, an actor id, or a coverage rule that flags the item. */
export type FilterKind = 'descriptor' | 'goal' | 'actor' | 'coverage';

/** A filter of the Strategies view: the items that carry a value of a kind, with their ancestors and subtrees. */
export interface TreeFilter {
  kind: FilterKind;
  value: string;
}

/** A node of the Strategies view whose children are asked for: a document, or an item or group in it. */
export interface TreeParent {
  uri: string;
  /**
   * The positions of the item or group among its siblings, from the document's first level down
   * (`[0, 2]` is the third child of the first top-level item); absent for the document itself.
   * Positions count the children the (filtered) tree shows, so they are only valid with the same filter.
   */
  path?: number[];
}

/** A document as one level of the Strategies view shows it: its items and plans are left out and asked for on expansion. */
export interface TreeLevelDocument {
  kind: 'document';
  /** The document with `items` empty and `plans` absent. */
  doc: TreeDocumentData;
  /** Items of the document, at every depth. */
  itemCount: number;
  hasChildren: boolean;
}

/** An item or group as one level of the Strategies view shows it. */
export interface TreeLevelItem {
  kind: 'item';
  uri: string;
  /** Where the item stands in its document (see `TreeParent.path`). */
  path: number[];
  /** The item with `children` empty. */
  item: TreeItemData;
  /** 1 for the first item of its code among its siblings, 2 for a repeated code (a `duplicate-id`), and so on: with the code it names the node. */
  occurrence: number;
  /** Errors and warnings of the item and everything below it. */
  subtreeErrors: number;
  subtreeWarnings: number;
  hasChildren: boolean;
}

/** One node of a level of the Strategies view. */
export type TreeLevelNode = TreeLevelDocument | TreeLevelItem;

/**
 * One level of the Strategies view: without a parent the top-level documents, with one that node's
 * children (a strategy's plans follow its own items). With a filter only matches, their ancestors
 * and their subtrees are listed.
 */
export namespace StrategyTreeLevelRequest {
  export const method = 'strategy/treeLevel' as const;
  export interface Params {
    parent?: TreeParent;
    filter?: TreeFilter;
  }
  export const type = new RequestType<Params, TreeLevelNode[], void>(method);
}

/** The chain of nodes from a top-level document down to an item (the item last), for revealing it; null when the (filtered) tree does not show it. */
export namespace TreeAncestorsRequest {
  export const method = 'strategy/treeAncestors' as const;
  export interface Params {
    uri: string;
    code: string;
    filter?: TreeFilter;
  }
  export const type = new RequestType<Params, TreeLevelNode[] | null, void>(method);
}

/** A code of the workspace, as the "Go to Strategy Code…" quick pick lists it. */
export interface CodeEntry {
  code: string;
  /** `doc-id/code`, unique across the workspace. */
  qualified: string;
  title: string;
  level: string;
  documentId: string;
  uri: string;
  range: Range;
}

/** Every code of the workspace matching a query (fuzzy over code and title, insensitive to case and diacritics), best first. An empty query lists all. */
export namespace WorkspaceCodesRequest {
  export const method = 'strategy/codes' as const;
  export interface Params {
    query: string;
    limit?: number;
  }
  export const type = new RequestType<Params, CodeEntry[], void>(method);
}

/** The item whose definition (or any of its keys) contains a position, for following the active editor. */
export namespace ItemAtPositionRequest {
  export const method = 'strategy/itemAt' as const;
  export interface Params {
    uri: string;
    position: { line: number; character: number };
  }
  export interface Result {
    uri: string;
    code: string;
  }
  export const type = new RequestType<Params, Result | null, void>(method);
}

/** Index state, sent after the initial index and whenever the counts change. */
export interface StatusData {
  /** True while the initial index (or a re-index after a settings change) is running. */
  indexing: boolean;
  strategies: number;
  catalogs: number;
  /** Number of item codes in strategy documents. */
  codes: number;
  errors: number;
  warnings: number;
  /** While indexing: files indexed so far and found in all (the status bar shows `1,200 / 3,000`). */
  done?: number;
  total?: number;
}

export namespace StatusNotification {
  export const method = 'strategy/status' as const;
  export const type = new NotificationType<StatusData>(method);
}

/**
 * The analysis of one strategy document, or of the whole workspace without a URI (link matrix,
 * coverage, responsibility, indicators, descriptors), for the Strategy Overview. A URI that is not
 * a strategy document gives an analysis without documents.
 */
export namespace AnalysisRequest {
  export const method = 'strategy/analysis' as const;
  export interface Params {
    uri?: string;
  }
  export const type = new RequestType<Params, Analysis, void>(method);
}

/** A report of one strategy document (or the whole workspace) as a file's bytes, for the export commands. */
export namespace ReportRequest {
  export const method = 'strategy/report' as const;
  export interface Params {
    uri?: string;
    format: ReportFormat;
  }
  export interface Result {
    /** The file's bytes, base64-encoded. */
    base64: string;
  }
  export const type = new RequestType<Params, Result, void>(method);
}

/** A file the import produced, to be written beside its source. */
export interface ImportedFile {
  /** The file name, without folders (`plan.strategy.yaml`). */
  name: string;
  text: string;
}

/**
 * "Import Strategy…": the server reads a source file (the national database's
 * export, PDF, Word, spreadsheet or coded text) and returns the files to
 * write and the import report. The client writes the files, asking before it
 * overwrites one. Bad input fails with a message naming the file and the problem.
 */
export namespace ImportStrategyRequest {
  export const method = 'strategy/import' as const;
  export interface Params {
    /** The source's path on the server's file system. */
    path: string;
    /** The kind of source when it cannot be told (`dbexport`, `text`, `pdf`, `docx`, `xlsx`, `csv`). */
    from?: string;
    /** The display language of the report (`cs`, `en`). */
    locale?: string;
  }
  export interface Result {
    files: ImportedFile[];
    /** The import report as Markdown. */
    report: string;
    /** Items imported. */
    items: number;
    /** Lines, paragraphs or rows the report lists as left out. */
    leftOut: number;
  }
  export const type = new RequestType<Params, Result, void>(method);
}

/**
 * The plain data the parser produces and every feature reads.
 *
 * Nothing here knows about LSP or JSON-RPC: positions are UTF-16 offsets into
 * the text the parser saw (the BOM, if any, already removed), and diagnostics
 * carry a stable code, a severity and a message id with its arguments, so that
 * the same result can be shown in English or Czech, in an editor or in CI.
 */

/** A half-open range of UTF-16 offsets, `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** The stable diagnostic codes of the spec (section 4). */
export type DiagnosticCode =
  | 'yaml-syntax'
  | 'schema'
  | 'invalid-id'
  | 'duplicate-id'
  | 'duplicate-strategy'
  | 'id-not-under-parent'
  | 'numbering-gap'
  | 'unknown-item'
  | 'unknown-goal'
  | 'unknown-descriptor'
  | 'unknown-actor'
  | 'unknown-strategy'
  | 'missing-goals-from'
  | 'self-reference'
  | 'removed-item'
  | 'dependency-cycle';

/** Every diagnostic code, in the order of the spec's table. */
export const DIAGNOSTIC_CODES: readonly DiagnosticCode[] = [
  'yaml-syntax',
  'schema',
  'invalid-id',
  'duplicate-id',
  'duplicate-strategy',
  'id-not-under-parent',
  'numbering-gap',
  'unknown-item',
  'unknown-goal',
  'unknown-descriptor',
  'unknown-actor',
  'unknown-strategy',
  'missing-goals-from',
  'self-reference',
  'removed-item',
  'dependency-cycle',
];

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A place in another (or the same) file that a diagnostic points at. */
export interface RelatedLocation {
  uri: string;
  span: Span;
  message: Message;
}

/** A message id with its arguments; see `messages.ts` for the texts. */
export interface Message {
  id: string;
  args: readonly string[];
}

/** A diagnostic in plain data: code, severity, precise span and a localizable message. */
export interface CodeDiagnostic {
  code: DiagnosticCode;
  severity: Severity;
  span: Span;
  message: Message;
  related?: RelatedLocation[];
  /** Replacement texts a quick fix may offer, best first (the closest valid codes). */
  suggestions?: string[];
}

/** The keys whose values are references, `documents[].strategy` and the top-level `implements` (spec 6.3). */
export type RefKind = 'related' | 'after' | 'goals' | 'descriptors' | 'responsible' | 'partners' | 'goalsFrom' | 'implements' | 'documents' | 'markdown';

/** A code-valued scalar that points at something defined elsewhere. */
export interface Reference {
  kind: RefKind;
  /** The scalar as written (quotes removed), e.g. `praha-plan/B2.3`. */
  text: string;
  /** The span of the whole scalar's content (inside quotes when quoted). */
  span: Span;
  /** For a qualified reference `doc/CODE`: the document id and its span. */
  docId?: string;
  docSpan?: Span;
  /** The code part (the whole text for unqualified references; the document id for `goalsFrom` / `implements` / `documents`). */
  code: string;
  codeSpan: Span;
  /** The id of the item the reference sits in; absent at the document's top level. */
  fromItem?: string;
}

/** One item of a strategy document's tree. */
export interface Item {
  /** The code as written. */
  id: string;
  /** The span of the `id` value. */
  idSpan: Span;
  title: string;
  /** Span of the title value, when present. */
  titleSpan?: Span;
  /** 1 for top-level items. */
  depth: number;
  /** The span of the whole item mapping. */
  span: Span;
  /** Index of the parent in `StrategyDocument.items`, or -1 for top-level items. */
  parent: number;
  /** Indexes of the children in `StrategyDocument.items`, in document order. */
  children: number[];
  /** False when the id is malformed or does not extend its parent's. */
  placed: boolean;
  /** False when not `placed`, or a repeat of an earlier id: such items are left out of sibling sequences. */
  valid: boolean;
  description?: string;
  responsible?: string;
  status?: string;
  /** True when `status` marks the item removed (spec 6.5): it keeps its code, and references to it are `removed-item`. */
  removed: boolean;
  /** The item's `timeline` values as written (spec 6.7), when present. */
  timeline?: Timeline;
  /** Index in `StrategyDocument.groups` of the group the item is listed in directly, or -1 (spec 6.2). */
  group: number;
  indicators: Indicator[];
  /** Index range `[start, end)` into `StrategyDocument.references` of this item's own references. */
  refStart: number;
  refEnd: number;
}

/** `timeline: {from, to}` as written: a year, a month or a day each (spec 6.7). */
export interface Timeline {
  from?: string;
  to?: string;
}

/**
 * A heading without a code among the items (spec 6.2). It is transparent:
 * its items are children of the group's parent item (or top-level items).
 */
export interface Group {
  /** The heading (`group:` value). */
  title: string;
  /** The span of the `group` value. */
  titleSpan: Span;
  /** The span of the whole group mapping. */
  span: Span;
  /** Index of the item whose `items` list the group, or -1 at the top level (or under an item without an id). */
  parent: number;
  /** Index of the enclosing group, or -1. */
  group: number;
  description?: string;
}

/** A document outside the workspace declared by a `documents` entry `{id, title, url}` (spec 6.4). */
export interface OutsideDocument {
  id: string;
  /** The span of the `id` value. */
  span: Span;
  title: string;
  url?: string;
}

export interface Indicator {
  name: string;
  unit?: string;
  baseline?: string;
  target?: string;
  year?: string;
}

export interface Actor {
  id: string;
  name: string;
  span: Span;
}

/** What the parser read from a `*.strategy.yaml` file. */
export interface StrategyDocument {
  kind: 'strategy';
  uri: string;
  /** The document id, when present and well-formed enough to index. */
  id?: string;
  idSpan?: Span;
  title: string;
  levels?: string[];
  goalsFrom?: Reference;
  /** The strategy this document carries out (`implements`, spec 6.3); the document is then a plan. */
  implements?: Reference;
  /** True when the top level has an `implements` key: the schema then lets items omit their titles. */
  planSchema?: boolean;
  /** Documents outside the workspace declared in `documents` (spec 6.4); they apply to the whole workspace. */
  outside: OutsideDocument[];
  actors: Actor[];
  /** Every item in document (pre-)order; `parent` / `children` link them into the tree. */
  items: Item[];
  /** Every group (spec 6.2) in document order. */
  groups: Group[];
  /** Every reference of the document, in document order. */
  references: Reference[];
  /** Diagnostics that depend on this file alone. */
  diagnostics: CodeDiagnostic[];
  /** The part of `diagnostics` tied to single nodes (syntax, schema, ids), as opposed to whole-document checks. */
  nodeDiagnostics?: CodeDiagnostic[];
  /** Spans of YAML errors and of unterminated constructs: the broken nodes, which get no further diagnostic. */
  brokenSpans?: Span[];
  /** The numbering findings with the document structure they were computed for (reused while the structure stays). */
  numbering?: { ids: string[]; parents: number[]; depths: number[]; valid: boolean[]; findings: { item: number; message: Message }[] };
  /** Well-formed code → the first item with it; set by the whole-document checks. */
  codes?: Map<string, Item>;
  /** Whether the text has YAML anchors or aliases (such documents are always parsed whole); unknown when undefined. */
  usesAnchors?: boolean;
  /** Length of the text, for ranges at the end of the file. */
  length: number;
}

export interface Descriptor {
  id: string;
  title: string;
  span: Span;
  area?: string;
}

export interface Area {
  id: string;
  title?: string;
  span: Span;
}

/** What the parser read from a `*.descriptors.yaml` file. */
export interface CatalogDocument {
  kind: 'catalog';
  uri: string;
  id?: string;
  idSpan?: Span;
  title: string;
  areas: Area[];
  descriptors: Descriptor[];
  diagnostics: CodeDiagnostic[];
  /** Spans of YAML errors and of unterminated constructs. */
  brokenSpans?: Span[];
  length: number;
}

/** A bare code in a Markdown file whose front matter names a strategy: a reference only when it resolves. */
export interface BareCode {
  code: string;
  span: Span;
}

/** What the parser read from a `*.md` file (spec section 5). */
export interface MarkdownDocument {
  kind: 'markdown';
  uri: string;
  /** The front matter's `strategy:` value, as a reference of kind `documents`. */
  strategy?: Reference;
  /** Qualified references (`doc-id/CODE`), kind `markdown`. */
  references: Reference[];
  /** Candidate bare codes, only collected when the front matter names a strategy. */
  bareCodes: BareCode[];
  diagnostics: CodeDiagnostic[];
  length: number;
}

export type ParsedFile = StrategyDocument | CatalogDocument | MarkdownDocument;

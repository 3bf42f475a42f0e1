/**
 * The import engine's data: a source read into lines, blocks and rows with
 * their locations; the one intermediate tree every source kind is turned into;
 * and the findings the import report lists. Plain data, no LSP and no Node
 * types, so that the engine runs wherever the language service runs.
 */

/** The kinds of source the importer reads (`--from`). */
export type SourceKind = 'dbexport' | 'text' | 'pdf' | 'docx' | 'xlsx' | 'csv';

/** Every source kind, in the order the help text lists them. */
export const SOURCE_KINDS: readonly SourceKind[] = ['dbexport', 'text', 'pdf', 'docx', 'xlsx', 'csv'];

/** Where something stands in the source: a line of a text, a page of a PDF, a paragraph of a Word file, a row of a sheet. */
export interface SourceLocation {
  line?: number;
  page?: number;
  paragraph?: number;
  /** The table of a Word file, counted from 1. */
  table?: number;
  sheet?: string;
  row?: number;
}

/** One line (or paragraph) of a source, as the reader for its kind found it. */
export interface SourceLine {
  text: string;
  at: SourceLocation;
  /** The number Word shows before the paragraph (automatic numbering), already computed. */
  number?: string;
  /** A heading's outline level (1 = Heading 1), for Word headings. */
  heading?: number;
  /** True for a blank line or the end of a paragraph: it separates blocks of prose. */
  breakAfter?: boolean;
}

/** One row of a table, cells as text. */
export interface SourceRow {
  cells: string[];
  at: SourceLocation;
}

/** One table: a sheet of a workbook, a CSV, or a table of a Word file. */
export interface SourceTable {
  name: string;
  rows: SourceRow[];
}

/** A source read into what the engine works on. */
export interface Source {
  kind: SourceKind;
  /** The file name (without folders): used in the report and to derive a document id. */
  name: string;
  lines: SourceLine[];
  tables: SourceTable[];
}

/** An indicator of an item. */
export interface ImportIndicator {
  name: string;
  unit?: string;
  baseline?: string;
  target?: string;
  year?: string;
}

/** A coded item of the intermediate tree. */
export interface ImportItem {
  kind: 'item';
  id: string;
  title: string;
  /** The words the source put before the code (`Cíl č.`, `Opatření`): the level's name. */
  label?: string;
  description?: string;
  descriptors: string[];
  goals: string[];
  related: string[];
  after: string[];
  responsible?: string;
  partners: string[];
  indicators: ImportIndicator[];
  timeline?: { from?: string; to?: string };
  budget?: { amount?: string; currency?: string; source?: string };
  status?: string;
  /** A comment written above the item in the file (why its title is not the source's, …). */
  note?: string;
  items: ImportEntry[];
  at: SourceLocation;
}

/** An uncoded heading with the items below it (spec §6.2). */
export interface ImportGroup {
  kind: 'group';
  group: string;
  description?: string;
  items: ImportEntry[];
  at: SourceLocation;
}

/** An entry of an `items` list. */
export type ImportEntry = ImportItem | ImportGroup;

/** An actor declared by the document. */
export interface ImportActor {
  id: string;
  name: string;
}

/** A document the strategy cites (spec §6.4): outside ones carry an id. */
export interface ImportDocumentRef {
  id?: string;
  title: string;
  url?: string;
}

/** The intermediate tree of one imported strategy. */
export interface ImportDocument {
  strategy: string;
  title: string;
  owner?: string;
  period?: string;
  description?: string;
  levels?: string[];
  goalsFrom?: string;
  implements?: string;
  documents: ImportDocumentRef[];
  actors: ImportActor[];
  items: ImportEntry[];
}

/** A descriptor the source names that the built-in catalog lacks, with the source's name for it. */
export interface ImportDescriptor {
  code: string;
  title: string;
}

/** What the report says about one place of the source. */
export type FindingKind = 'left-out' | 'normalised' | 'marked';

/** One entry of the import report: a message id of `importMessages` with its arguments, and where. */
export interface Finding {
  kind: FindingKind;
  at: SourceLocation;
  id: string;
  args: string[];
}

/** Everything an import produces before it is written. */
export interface ImportResult {
  document: ImportDocument;
  /** Descriptors outside the built-in catalog, for the `*.descriptors.yaml` written beside the strategy. */
  descriptors: ImportDescriptor[];
  /** The parent plan of goals listed with titles in the source, as a second document (`goalsFrom`). */
  plan?: ImportDocument;
  findings: Finding[];
}

/** Bad input: the import cannot produce a strategy. The message id and arguments are shown; the exit status is 2. */
export class ImportError extends Error {
  constructor(
    readonly messageId: string,
    readonly args: string[] = [],
  ) {
    super(`${messageId}: ${args.join(', ')}`);
  }
}

/** A fresh item with empty lists. */
export function newItem(id: string, title: string, at: SourceLocation): ImportItem {
  return { kind: 'item', id, title, descriptors: [], goals: [], related: [], after: [], partners: [], indicators: [], items: [], at };
}

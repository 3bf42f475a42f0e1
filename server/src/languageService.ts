/**
 * The language service: one object that owns the workspace index and answers
 * every feature as a plain function call. The LSP server and the CLI checker
 * both drive it, so they give the same diagnostics at the same ranges.
 *
 * Features do not see this facade: it builds one narrow `FeatureContext`
 * (`engine/context.ts`) and passes it to each feature function, and it
 * tells the caches of every parse the index takes and every file it drops.
 */
import picomatch from 'picomatch';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-protocol';
import { BUILTIN_CATALOG_TEXT, BUILTIN_CATALOG_URI } from './catalog/builtinCatalog';
import { analyze, Analysis } from './analysis/analysis';
import { computeDiagnostics } from './features/diagnostics';
import { FeatureCaches } from './engine/caches';
import { FeatureContext } from './engine/context';
import { EditOptions } from './engine/edits';
import { itemAtOffset } from './engine/locate';
import { effectiveSeverity, toLspDiagnostics } from './engine/lspDiagnostics';
import { createMessages, localeOf, Messages } from './messages';
import { CodeDiagnostic, ParsedFile } from './model/types';
import { FileRecord, IndexedFile, WorkspaceIndex } from './model/workspaceIndex';
import { reparseItem } from './parse/incremental';
import { parseMarkdown } from './parse/parseMarkdown';
import { DEFAULT_LIMITS, FileKind, parseFile, ParseLimits } from './parse/parseFile';
import { compileSchemas, SchemaSources } from './parse/schemaCheck';
import { DEFAULT_SETTINGS, Settings } from './settings';
import { CancellationToken, CodeAction, CodeLens, CompletionList, DocumentSymbol, Hover, InlayHint, Location, LocationLink, Position, Range, WorkspaceEdit, WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { codeActions } from './features/codeActions';
import { codeLenses } from './features/codeLens';
import { completion } from './features/completion';
import { definition, DefinitionOptions } from './features/definition';
import { hover } from './features/hover';
import { inlayHints } from './features/inlayHints';
import { references } from './features/references';
import { prepareRename, rename } from './features/rename';
import { documentSummary, searchCodes, treeAncestors, treeData, treeLevel } from './features/tree';
import { CodeEntry, TreeDocumentData, TreeFilter, TreeLevelNode, TreeParent } from './protocol';
import { documentSymbols, workspaceSymbols } from './features/symbols';

export interface LanguageServiceOptions {
  /** The JSON Schemas of `schemas/` (strategy and catalog). */
  schemas: SchemaSources;
  /** BCP 47 display language; Czech for `cs…`, English otherwise. */
  locale?: string;
  settings?: Settings;
  /** Folder URIs the workspace consists of; globs match paths relative to them. */
  roots?: string[];
}

/** What kind of workspace file a URI is, by the configured globs. */
export type WorkspaceFileKind = FileKind | 'markdown';

/** Counts for the status bar and the CLI summary. */
export interface WorkspaceSummary {
  strategies: number;
  catalogs: number;
  codes: number;
  files: number;
  errors: number;
  warnings: number;
}

/**
 * The built-in catalog parsed once per compiled schemas: its text never
 * changes and parsing it is most of the cost of a new service, which a test
 * run builds thousands of. A catalog's parse is never changed in place.
 */
const builtinParses = new WeakMap<object, ParsedFile>();

/** One file's record in a snapshot of the index (`recordSnapshot`), with what the features keep in it once made. */
export interface RecordSnapshot {
  record: FileRecord;
  file: IndexedFile;
  extras?: Pick<FileRecord, 'tree' | 'words'>;
}

export class LanguageService {
  readonly messages: Messages;
  readonly index: WorkspaceIndex;
  /** What the features read, built once (`engine/context.ts`). */
  private readonly context: FeatureContext;
  private settingsValue: Settings;
  private readonly documents = new Map<string, TextDocument>();
  /** A parse made elsewhere for the file being updated, used once by `parse`. */
  private given: { uri: string; text: string; parsed: ParsedFile } | undefined;
  private readonly validators;
  private matchers!: { strategy: picomatch.Matcher; catalog: picomatch.Matcher; markdown: picomatch.Matcher };
  private roots: string[];

  constructor(options: LanguageServiceOptions) {
    this.messages = createMessages(localeOf(options.locale));
    this.settingsValue = options.settings ?? DEFAULT_SETTINGS;
    this.roots = (options.roots ?? []).map((r) => r.replace(/\/$/, ''));
    this.validators = compileSchemas(options.schemas);
    this.index = new WorkspaceIndex(
      (uri, text, previous) => this.parse(uri, text, previous),
      (index, file) => computeDiagnostics(this.context, index, file),
    );
    // The settings are read through the facade at each use: they change when the user changes them.
    const settings = (): Settings => this.settingsValue;
    this.context = {
      index: this.index,
      messages: this.messages,
      builtinCatalogUri: BUILTIN_CATALOG_URI,
      caches: new FeatureCaches(),
      get settings(): Settings {
        return settings();
      },
      document: (uri) => this.document(uri),
      diagnostics: (uri) => this.diagnostics(uri),
    };
    this.compileGlobs();
    if (this.settingsValue.builtinCatalog) {
      this.update(BUILTIN_CATALOG_URI, BUILTIN_CATALOG_TEXT);
    }
  }

  get settings(): Settings {
    return this.settingsValue;
  }

  /** The context for resolving references: the one the features get. */
  resolveContext(): FeatureContext {
    return this.context;
  }

  private compileGlobs(): void {
    const opts = { dot: false, nocase: false };
    this.matchers = {
      strategy: picomatch(this.settingsValue.strategyGlobs, opts),
      catalog: picomatch(this.settingsValue.catalogGlobs, opts),
      markdown: picomatch(this.settingsValue.markdownGlobs, opts),
    };
  }

  /**
   * Applies new settings. Returns the URIs whose diagnostics must be
   * republished; the caller re-scans the workspace when `rescan` is true
   * (the globs changed).
   */
  configure(settings: Settings): { affected: Set<string>; rescan: boolean } {
    const old = this.settingsValue;
    this.settingsValue = settings;
    const rescan =
      JSON.stringify([old.strategyGlobs, old.catalogGlobs, old.markdownGlobs, old.maxFileSizeMB]) !==
      JSON.stringify([settings.strategyGlobs, settings.catalogGlobs, settings.markdownGlobs, settings.maxFileSizeMB]);
    this.compileGlobs();
    let affected = new Set<string>(this.index.uris());
    if (old.builtinCatalog !== settings.builtinCatalog) {
      affected = new Set([...affected, ...(settings.builtinCatalog ? this.update(BUILTIN_CATALOG_URI, BUILTIN_CATALOG_TEXT) : this.remove(BUILTIN_CATALOG_URI))]);
    }
    affected.delete(BUILTIN_CATALOG_URI);
    return { affected, rescan };
  }

  /** New workspace folders (URIs); the caller re-indexes what their globs now match. */
  setRoots(roots: readonly string[]): void {
    this.roots = roots.map((r) => r.replace(/\/$/, ''));
  }

  /** The path of `uri` relative to the workspace root that contains it (the whole path when none does). */
  private relativePath(uri: string): string {
    const root = this.roots.find((r) => uri.startsWith(r + '/'));
    return root ? uri.slice(root.length + 1) : uri.replace(/^[a-z-]+:\/*/i, '');
  }

  /** The kind of a workspace file by the configured globs, or undefined when it is not one. */
  kindOf(uri: string): WorkspaceFileKind | undefined {
    if (uri === BUILTIN_CATALOG_URI) {
      return 'catalog';
    }
    let path = this.relativePath(uri);
    try {
      path = decodeURIComponent(path);
    } catch {
      // A bare `%` is not an escape: match the path as written.
    }
    if (this.matchers.strategy(path)) {
      return 'strategy';
    }
    if (this.matchers.catalog(path)) {
      return 'catalog';
    }
    if (this.matchers.markdown(path)) {
      return 'markdown';
    }
    return undefined;
  }

  private parse(uri: string, text: string, previous: IndexedFile | undefined): ParsedFile | undefined {
    const given = this.given;
    if (given && given.uri === uri && given.text === text) {
      return given.parsed;
    }
    const kind = this.kindOf(uri);
    if (kind === 'markdown') {
      return parseMarkdown(uri, text);
    }
    if (!kind) {
      return undefined;
    }
    if (uri === BUILTIN_CATALOG_URI && text === BUILTIN_CATALOG_TEXT) {
      let builtin = builtinParses.get(this.validators);
      if (!builtin) {
        builtin = parseFile(uri, text, 'catalog', this.validators, DEFAULT_LIMITS);
        builtinParses.set(this.validators, builtin);
      }
      return builtin;
    }
    const limits = this.parseLimits();
    // An edit inside one item re-reads only that item; anything else is parsed whole.
    const partial = previous?.parsed.kind === 'strategy' && kind === 'strategy' ? reparseItem(previous.parsed, previous.text, text, this.validators, limits) : undefined;
    return partial ?? parseFile(uri, text, kind, this.validators, limits);
  }

  /**
   * Indexes a file's current text; returns the URIs whose diagnostics may
   * have changed. `parsed` is the file's parse when it is already known —
   * from a parse worker or the persistent cache, made with this service's
   * schemas and limits — so that it is not parsed again.
   */
  update(uri: string, text: string, parsed?: ParsedFile): Set<string> {
    const existing = this.documents.get(uri);
    // A stale file (`WorkspaceIndex.markStale`) shows the text given, but was indexed from another.
    if (existing && existing.getText() === text && !this.index.isStale(uri)) {
      return new Set();
    }
    if (this.kindOf(uri) === undefined) {
      return this.remove(uri);
    }
    this.documents.set(uri, TextDocument.create(uri, 'strategy-yaml', (existing?.version ?? 0) + 1, text));
    this.given = parsed ? { uri, text, parsed } : undefined;
    let affected: Set<string>;
    try {
      affected = this.index.update(uri, text);
    } finally {
      this.given = undefined;
    }
    const file = this.index.get(uri);
    if (file) {
      this.context.caches.indexed(file.parsed);
    } else {
      this.context.caches.evicted(uri);
    }
    return affected;
  }

  /**
   * Takes files back from the records of an earlier session (a warm start, see
   * `WorkspaceIndex.restore`): `load` gives a record's parse from the persistent
   * cache when something first reads it, else the file's text is parsed. Returns
   * the URIs taken back; the scan then confirms or updates each.
   */
  restore(records: readonly FileRecord[], load: (uri: string, key: string) => ParsedFile | undefined): string[] {
    const usable = records.filter((r) => r.uri !== BUILTIN_CATALOG_URI && this.kindOf(r.uri) === r.kind);
    // The built-in catalog is part of the settings the records were made with: it is as it was.
    return this.index.restore(usable, (uri, record, text) => {
      const cached = record.kind === 'markdown' ? undefined : load(uri, record.key);
      // Before the scan has read the file, a parse of nothing stands in for one the cache lost; the scan's confirmation replaces it.
      const parsed = cached ?? this.parse(uri, text ?? '', undefined) ?? parseMarkdown(uri, '');
      this.context.caches.indexed(parsed);
      return { parsed, standIn: cached === undefined && text === undefined };
    }, new Set([BUILTIN_CATALOG_URI]));
  }

  /** The scan read a file taken back from its record, with the recorded text (or its hash, the text decoded when read): it is indexed as recorded. */
  confirm(uri: string, text: string | (() => string)): boolean {
    if (!this.index.confirm(uri, text)) {
      return false;
    }
    // Its text document is made when something asks for it (`document`).
    this.documents.delete(uri);
    return true;
  }

  /** The records of every workspace file as indexed now, for the next start; `keyOf` names a text (the cache key). */
  records(keyOf: (text: string) => string): FileRecord[] {
    return this.recordSnapshot(keyOf).map((entry) => this.withExtras(entry));
  }

  /**
   * The records of every workspace file as indexed now, without what the features keep in them
   * (`recordExtras`): a moment's work, so that the records describe the index as it is at one
   * moment even when the extras are made over several turns while edits come in.
   */
  recordSnapshot(keyOf: (text: string) => string): RecordSnapshot[] {
    const out: RecordSnapshot[] = [];
    for (const file of this.index.all()) {
      // A file taken back whose text the scan never saw has no text to name: it is left out.
      // A file confirmed as recorded keeps its record's key: its text is not decoded for it.
      const record = file.uri === BUILTIN_CATALOG_URI || this.index.unconfirmedKey(file.uri) !== undefined ? undefined : this.index.record(file.uri, this.index.confirmedKey(file.uri) ?? keyOf(file.text));
      if (record) {
        out.push({ record, file });
      }
    }
    return out;
  }

  /**
   * What the Strategies view and workspace symbols keep in a file's record (they then load no parse
   * after a warm start), made once: its tree summary while the file and its diagnostics are still
   * those of the snapshot (a summary counts the diagnostics), its title words from its parse.
   */
  recordExtras(entry: RecordSnapshot): void {
    if (entry.extras) {
      return;
    }
    const { file, record } = entry;
    const current = this.index.get(file.uri) === file;
    const tree = current && this.index.diagnostics(file.uri) === record.diagnostics ? documentSummary(this.context, file) : undefined;
    const words = this.context.caches.workspaceCodes.recordWords(this.index, file.uri, file);
    entry.extras = { ...(tree ? { tree } : {}), ...(words !== undefined ? { words } : {}) };
  }

  /** The record of a snapshot with its extras (made now if they are not yet). */
  withExtras(entry: RecordSnapshot): FileRecord {
    this.recordExtras(entry);
    return { ...entry.record, ...entry.extras };
  }

  /** The parse limits the current settings give, which a parse made elsewhere must have used. */
  parseLimits(): ParseLimits {
    return { ...DEFAULT_LIMITS, maxFileLength: this.settingsValue.maxFileSizeMB * 1024 * 1024 };
  }

  /** Drops a file from the index; returns the URIs whose diagnostics may have changed (the file's own, to clear them). */
  remove(uri: string): Set<string> {
    this.documents.delete(uri);
    this.context.caches.evicted(uri);
    return this.index.remove(uri);
  }

  /** The text document the index holds for `uri` (made on first use for a file confirmed from its record). */
  document(uri: string): TextDocument | undefined {
    let doc = this.documents.get(uri);
    if (!doc && this.index.has(uri) && this.index.unconfirmedKey(uri) === undefined && uri !== BUILTIN_CATALOG_URI) {
      const file = this.index.get(uri);
      if (file) {
        doc = TextDocument.create(uri, 'strategy-yaml', 1, file.text);
        this.documents.set(uri, doc);
      }
    }
    return doc;
  }

  /** Every diagnostic of a file in plain data, severity overrides applied and codes turned off removed. */
  diagnostics(uri: string): CodeDiagnostic[] {
    const out: CodeDiagnostic[] = [];
    for (const d of this.index.diagnostics(uri)) {
      const severity = effectiveSeverity(d, this.settingsValue);
      if (severity) {
        out.push(severity === d.severity ? d : { ...d, severity });
      }
    }
    return out;
  }

  /** The diagnostics of a file as LSP diagnostics. */
  lspDiagnostics(uri: string): Diagnostic[] {
    const raw = this.index.diagnostics(uri);
    // A file without diagnostics to show needs no positions: a file confirmed from its record is then not decoded to publish it.
    if (this.index.has(uri) && raw.every((d) => effectiveSeverity(d, this.settingsValue) === undefined)) {
      return [];
    }
    const doc = this.document(uri);
    if (!doc) {
      return [];
    }
    return toLspDiagnostics(raw, doc, (u) => this.document(u), this.settingsValue, this.messages);
  }

  /** Counts over the whole workspace (the built-in catalog not counted as a file); errors and warnings only with `diagnostics`, which computes every file's diagnostics. */
  summary(options: { diagnostics: boolean } = { diagnostics: true }): WorkspaceSummary {
    const s: WorkspaceSummary = { strategies: 0, catalogs: 0, codes: 0, files: 0, errors: 0, warnings: 0 };
    for (const file of this.index.all()) {
      if (file.uri === BUILTIN_CATALOG_URI) {
        continue;
      }
      s.files++;
      // A file taken back from its record is counted from the record: the status does not load every parse.
      const shape = this.index.shape(file);
      if (shape.kind === 'strategy') {
        s.strategies++;
        s.codes += shape.codes;
      } else if (shape.kind === 'catalog') {
        s.catalogs++;
      }
      if (!options.diagnostics) {
        continue;
      }
      for (const d of this.diagnostics(file.uri)) {
        if (d.severity === 'error') {
          s.errors++;
        } else if (d.severity === 'warning') {
          s.warnings++;
        }
      }
    }
    return s;
  }

  /**
   * The analysis of the given strategy documents (`uris`) or of the whole workspace
   * (`analysis/analysis.ts`): link matrix, coverage, responsibility,
   * indicators, descriptors, with the error count of each file.
   */
  analysis(uris?: readonly string[]): Analysis {
    const errorsOf = (u: string): number => this.diagnostics(u).filter((d) => d.severity === 'error').length;
    return analyze(this.resolveContext(), { uris, errorsOf });
  }

  /** Code completion at a position (`features/completion.ts`). */
  completion(uri: string, position: Position, token?: CancellationToken): CompletionList | null {
    return completion(this.context, uri, position, token);
  }

  /** The hover at a position (`features/hover.ts`). */
  hover(uri: string, position: Position, token?: CancellationToken): Hover | null {
    return hover(this.context, uri, position, token);
  }

  /** The definition of the code at a position (`features/definition.ts`). */
  definition(uri: string, position: Position, options?: DefinitionOptions, token?: CancellationToken): Location[] | LocationLink[] | null {
    return definition(this.context, uri, position, options, token);
  }

  /** Every reference to the code at a position (`features/references.ts`). */
  references(uri: string, position: Position, includeDeclaration: boolean, token?: CancellationToken): Location[] | null {
    return references(this.context, uri, position, includeDeclaration, token);
  }

  /** The range that a rename at a position would change; throws a `ResponseError` where nothing can be renamed (`features/rename.ts`). */
  prepareRename(uri: string, position: Position): { range: Range; placeholder: string } {
    return prepareRename(this.context, uri, position);
  }

  /** Renames the code at a position everywhere; throws a `ResponseError` when the new name is refused (`features/rename.ts`). */
  rename(uri: string, position: Position, newName: string, options?: EditOptions, token?: CancellationToken): WorkspaceEdit | null {
    return rename(this.context, uri, position, newName, options, token);
  }

  /** The outline of a file (`features/symbols.ts`). */
  documentSymbols(uri: string, token?: CancellationToken): DocumentSymbol[] {
    return documentSymbols(this.context, uri, token);
  }

  /** Codes of the whole workspace matching a query (`features/symbols.ts`). */
  workspaceSymbols(query: string, token?: CancellationToken): WorkspaceSymbol[] {
    return workspaceSymbols(this.context, query, token);
  }

  /** Reference counts on the items of a document (`features/codeLens.ts`). */
  codeLenses(uri: string, token?: CancellationToken): CodeLens[] {
    return codeLenses(this.context, uri, token);
  }

  /** Titles after the codes of reference lists within a range (`features/inlayHints.ts`). */
  inlayHints(uri: string, range: Range, token?: CancellationToken): InlayHint[] {
    return inlayHints(this.context, uri, range, token);
  }

  /** Quick fixes for the given diagnostics of a file (`features/codeActions.ts`). */
  codeActions(uri: string, diagnostics: readonly Diagnostic[], options?: EditOptions, token?: CancellationToken): CodeAction[] {
    return codeActions(this.context, uri, diagnostics, options, token);
  }

  /** The documents of the workspace with their item trees, for the tree view (`features/tree.ts`). */
  tree(): TreeDocumentData[] {
    return treeData(this.context);
  }

  /** One level of the tree view: the documents, or the children of a document or item (`features/tree.ts`). */
  treeLevel(parent?: TreeParent, filter?: TreeFilter): TreeLevelNode[] {
    return treeLevel(this.context, parent, filter);
  }

  /** The chain of tree nodes from a top-level document down to an item, for revealing it (`features/tree.ts`). */
  treeAncestors(uri: string, code: string, filter?: TreeFilter): TreeLevelNode[] | null {
    return treeAncestors(this.context, uri, code, filter);
  }

  /** Codes matching a query, for the "Go to Strategy Code…" picker (`features/tree.ts`). */
  searchCodes(query: string, limit?: number): CodeEntry[] {
    return searchCodes(this.context, query, limit);
  }

  /** The code of the deepest item of a strategy document whose mapping holds `position`, for revealing it in the tree view. */
  itemCodeAt(uri: string, position: Position): { uri: string; code: string } | null {
    const parsed = this.index.get(uri)?.parsed;
    const doc = this.document(uri);
    const item = parsed?.kind === 'strategy' && doc ? itemAtOffset(parsed, doc.offsetAt(position)) : undefined;
    return item ? { uri, code: item.id } : null;
  }
}

/** Creates a language service over an empty workspace. */
export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  return new LanguageService(options);
}

export { BUILTIN_CATALOG_URI };

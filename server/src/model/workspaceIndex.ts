/**
 * The workspace index: every strategy document, catalog and Markdown file by
 * URI, the names they define, and who uses which name, so that one file's
 * change re-validates exactly the files that depend on it.
 */
import { CatalogDocument, CodeDiagnostic, Descriptor, Item, MarkdownDocument, ParsedFile, StrategyDocument } from './types';

/**
 * Parses one file; the index does not know how (the language service passes
 * the parser with its schemas and limits). `previous` is the file's last
 * indexed state, from which an edit may be re-parsed in part.
 */
export type FileParser = (uri: string, text: string, previous: IndexedFile | undefined) => ParsedFile | undefined;

/** One indexed file: its text and what the parser read from it. */
export interface IndexedFile {
  uri: string;
  text: string;
  parsed: ParsedFile;
}

/** A descriptor with the catalog that defines it. */
export interface DescriptorDefinition {
  descriptor: Descriptor;
  catalog: CatalogDocument;
}

/** Names whose definitions a file depends on: `doc:ID` for documents, `desc:CODE` for descriptors. */
function usedNames(parsed: ParsedFile): Set<string> {
  const names = new Set<string>();
  if (parsed.kind === 'catalog') {
    return names;
  }
  if (parsed.kind === 'markdown' && parsed.strategy) {
    names.add('doc:' + parsed.strategy.code);
  }
  for (const ref of parsed.references) {
    if (ref.kind === 'descriptors') {
      names.add('desc:' + ref.code);
    } else if (ref.kind === 'goalsFrom' || ref.kind === 'documents') {
      names.add('doc:' + ref.code);
    } else if (ref.docId !== undefined) {
      names.add('doc:' + ref.docId);
    }
  }
  return names;
}

/** Names a file defines, with a fingerprint of what each name offers (its codes), to tell a real change from an edit of a title. */
function definedNames(parsed: ParsedFile): Map<string, string> {
  const out = new Map<string, string>();
  if (parsed.kind === 'strategy' && parsed.id !== undefined) {
    // Level names are part of it: other files' `unknown-item` messages name the level ("Unknown measure").
    out.set('doc:' + parsed.id, parsed.items.map((i) => i.id).join('\n') + '\n\0' + (parsed.levels ?? []).join('\n'));
  } else if (parsed.kind === 'catalog') {
    if (parsed.id !== undefined) {
      out.set('catalog:' + parsed.id, '');
    }
    for (const d of parsed.descriptors) {
      out.set('desc:' + d.id, '');
    }
  }
  return out;
}

/**
 * The documents whose goals this file's `goals` entries name, each with a
 * fingerprint of those entries. A parent plan's coverage (spec §7: its
 * uncovered goals, and whether it has measures at all) depends on who names
 * it in `goalsFrom` and links to its goals, so a change here re-checks it.
 */
function goalLinks(parsed: ParsedFile): Map<string, string> {
  const out = new Map<string, string>();
  if (parsed.kind !== 'strategy') {
    return out;
  }
  const add = (docId: string, entry: string): void => {
    out.set(docId, (out.get(docId) ?? '') + entry + '\n');
  };
  const plan = parsed.goalsFrom?.code;
  if (plan !== undefined) {
    add(plan, '');
  }
  for (const item of parsed.items) {
    // The status is part of it: entries on removed items do not cover a goal.
    const mark = (item.status ?? '') + '\0';
    for (let r = item.refStart; r < item.refEnd; r++) {
      const ref = parsed.references[r];
      const target = ref.kind !== 'goals' ? undefined : (ref.docId ?? plan);
      if (target !== undefined) {
        add(target, mark + ref.code);
      }
    }
  }
  return out;
}

export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();
  /** name → URIs of the files that use it. */
  private readonly users = new Map<string, Set<string>>();
  /** name → URIs of the files that define it (several for duplicates). */
  private readonly definers = new Map<string, Set<string>>();
  private readonly diagnosticsCache = new Map<string, CodeDiagnostic[]>();
  /** Names per parsed file, computed once per parse (a 5,000-item document is read on every keystroke). */
  private readonly namesCache = new WeakMap<ParsedFile, { used: Set<string>; defined: Map<string, string>; goals: Map<string, string> }>();
  /** Bumped on every change, so caches derived from the whole index know when to rebuild. */
  private generationCounter = 0;

  constructor(
    private readonly parse: FileParser,
    private readonly computeDiagnostics: (index: WorkspaceIndex, file: IndexedFile) => CodeDiagnostic[],
  ) {}

  /** Increases with every change of the index. */
  get generation(): number {
    return this.generationCounter;
  }

  /**
   * Indexes (or re-indexes) a file from its current text. Returns the URIs
   * whose diagnostics may have changed: the file itself, and the files that
   * use a name whose definition changed.
   */
  update(uri: string, text: string): Set<string> {
    const old = this.files.get(uri);
    if (old && old.text === text) {
      return new Set();
    }
    const parsed = this.parse(uri, text, old);
    if (!parsed) {
      return this.remove(uri);
    }
    const affected = new Set<string>([uri]);
    const before = old ? this.names(old.parsed).defined : new Map<string, string>();
    const goalsBefore = old ? this.names(old.parsed).goals : new Map<string, string>();
    if (old) {
      this.unlink(old);
    }
    const file: IndexedFile = { uri, text, parsed };
    this.files.set(uri, file);
    this.link(file);
    const after = this.names(parsed).defined;
    for (const [name, fingerprint] of after) {
      if (before.get(name) !== fingerprint) {
        this.collectAffected(name, affected);
      }
    }
    for (const name of before.keys()) {
      if (!after.has(name)) {
        this.collectAffected(name, affected);
      }
    }
    this.collectStaleSuggestions(before, after, affected);
    this.collectPlans(goalsBefore, this.names(parsed).goals, affected);
    this.invalidate(affected);
    return affected;
  }

  /** The parent plans whose goal links from this file changed (spec §7: their coverage changes). */
  private collectPlans(before: Map<string, string>, after: Map<string, string>, into: Set<string>): void {
    for (const docId of new Set([...before.keys(), ...after.keys()])) {
      if (before.get(docId) !== after.get(docId)) {
        for (const u of this.definers.get('doc:' + docId) ?? []) {
          into.add(u);
        }
      }
    }
  }

  /**
   * A document id or descriptor that appears or disappears changes the "did
   * you mean …?" of every unknown one elsewhere: those files are re-checked.
   */
  private collectStaleSuggestions(before: Map<string, string>, after: Map<string, string>, into: Set<string>): void {
    const changed = [...after.keys()].filter((n) => !before.has(n)).concat([...before.keys()].filter((n) => !after.has(n)));
    const codes = new Set<string>();
    if (changed.some((n) => n.startsWith('doc:'))) {
      codes.add('unknown-strategy');
    }
    if (changed.some((n) => n.startsWith('desc:'))) {
      codes.add('unknown-descriptor');
    }
    if (codes.size === 0) {
      return;
    }
    for (const [uri, diagnostics] of this.diagnosticsCache) {
      if (diagnostics.some((d) => codes.has(d.code))) {
        into.add(uri);
      }
    }
  }

  /** Removes a file; returns the URIs whose diagnostics may have changed (the removed one included, to clear it). */
  remove(uri: string): Set<string> {
    const old = this.files.get(uri);
    const affected = new Set<string>([uri]);
    if (!old) {
      return affected;
    }
    this.unlink(old);
    this.files.delete(uri);
    const gone = this.names(old.parsed).defined;
    for (const name of gone.keys()) {
      this.collectAffected(name, affected);
    }
    this.collectStaleSuggestions(gone, new Map(), affected);
    this.collectPlans(this.names(old.parsed).goals, new Map(), affected);
    this.invalidate(affected);
    return affected;
  }

  private invalidate(uris: Set<string>): void {
    this.generationCounter++;
    for (const u of uris) {
      this.diagnosticsCache.delete(u);
    }
  }

  private names(parsed: ParsedFile): { used: Set<string>; defined: Map<string, string>; goals: Map<string, string> } {
    let names = this.namesCache.get(parsed);
    if (!names) {
      names = { used: usedNames(parsed), defined: definedNames(parsed), goals: goalLinks(parsed) };
      this.namesCache.set(parsed, names);
    }
    return names;
  }

  /** Users of a name, and its other definers (a changed definition may start or end a duplicate). */
  private collectAffected(name: string, into: Set<string>): void {
    for (const u of this.users.get(name) ?? []) {
      into.add(u);
    }
    for (const u of this.definers.get(name) ?? []) {
      into.add(u);
    }
  }

  private link(file: IndexedFile): void {
    for (const name of this.names(file.parsed).used) {
      addTo(this.users, name, file.uri);
    }
    for (const name of this.names(file.parsed).defined.keys()) {
      addTo(this.definers, name, file.uri);
    }
  }

  private unlink(file: IndexedFile): void {
    for (const name of this.names(file.parsed).used) {
      removeFrom(this.users, name, file.uri);
    }
    for (const name of this.names(file.parsed).defined.keys()) {
      removeFrom(this.definers, name, file.uri);
    }
  }

  /** The indexed file at `uri`. */
  get(uri: string): IndexedFile | undefined {
    return this.files.get(uri);
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  *all(): Iterable<IndexedFile> {
    yield* this.files.values();
  }

  *strategies(): Iterable<StrategyDocument> {
    for (const f of this.files.values()) {
      if (f.parsed.kind === 'strategy') {
        yield f.parsed;
      }
    }
  }

  *catalogs(): Iterable<CatalogDocument> {
    for (const f of this.files.values()) {
      if (f.parsed.kind === 'catalog') {
        yield f.parsed;
      }
    }
  }

  *markdown(): Iterable<MarkdownDocument> {
    for (const f of this.files.values()) {
      if (f.parsed.kind === 'markdown') {
        yield f.parsed;
      }
    }
  }

  /** URIs of the strategy documents with this id, sorted (more than one is a duplicate). */
  strategyUris(id: string): string[] {
    return [...(this.definers.get('doc:' + id) ?? [])].sort();
  }

  /** The strategy document with this id (the first by URI when the id is duplicated). */
  strategy(id: string): StrategyDocument | undefined {
    const uri = this.strategyUris(id)[0];
    const parsed = uri ? this.files.get(uri)?.parsed : undefined;
    return parsed?.kind === 'strategy' ? parsed : undefined;
  }

  /** URIs of the catalogs with this id, sorted. */
  catalogUris(id: string): string[] {
    return [...(this.definers.get('catalog:' + id) ?? [])].sort();
  }

  /** URIs of the catalogs defining this descriptor, sorted. */
  descriptorDefiners(code: string): string[] {
    return [...(this.definers.get('desc:' + code) ?? [])].sort();
  }

  /** URIs of the files that use a document id or descriptor. */
  usersOf(name: { documentId: string } | { descriptor: string }): string[] {
    const key = 'documentId' in name ? 'doc:' + name.documentId : 'desc:' + name.descriptor;
    return [...(this.users.get(key) ?? [])].sort();
  }

  /** Item code → first item with that code (well-formed codes only). */
  itemsByCode(doc: StrategyDocument): Map<string, Item> {
    // The parser's whole-document checks build this map; only a file that could not be read at all has none (and no items).
    return doc.codes ?? new Map<string, Item>();
  }

  /** The item of `doc` with `code`, if any. */
  item(doc: StrategyDocument, code: string): Item | undefined {
    return this.itemsByCode(doc).get(code);
  }

  /**
   * The definition of a descriptor: a workspace catalog's wins over the
   * built-in one (`builtinUri`), as the spec says.
   */
  descriptor(code: string, builtinUri: string): DescriptorDefinition | undefined {
    const uris = this.descriptorDefiners(code);
    const preferred = uris.find((u) => u !== builtinUri) ?? uris[0];
    const catalog = preferred ? this.files.get(preferred)?.parsed : undefined;
    if (catalog?.kind !== 'catalog') {
      return undefined;
    }
    const descriptor = catalog.descriptors.find((d) => d.id === code);
    return descriptor ? { descriptor, catalog } : undefined;
  }

  /** Every diagnostic of a file: its own and those that depend on the workspace. Cached until the file or a dependency changes. */
  diagnostics(uri: string): CodeDiagnostic[] {
    const cached = this.diagnosticsCache.get(uri);
    if (cached) {
      return cached;
    }
    const file = this.files.get(uri);
    if (!file) {
      return [];
    }
    const result = this.computeDiagnostics(this, file);
    this.diagnosticsCache.set(uri, result);
    return result;
  }
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) {
    set.add(value);
  } else {
    map.set(key, new Set([value]));
  }
}

function removeFrom(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) {
    set.delete(value);
    if (set.size === 0) {
      map.delete(key);
    }
  }
}

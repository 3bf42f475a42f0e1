/**
 * The workspace index: every strategy document, catalog and Markdown file by
 * URI, the names they define, and who uses which name, so that one file's
 * change re-validates exactly the files that depend on it.
 */
import { CatalogDocument, CodeDiagnostic, Descriptor, Item, MarkdownDocument, OutsideDocument, ParsedFile, StrategyDocument } from './types';

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

/** The names a file uses and defines (with their fingerprints), and the goal links it makes, as the index tracks them. */
interface Names {
  used: ReadonlySet<string>;
  defined: ReadonlyMap<string, string>;
  goals: ReadonlyMap<string, string>;
}

/** The names of a file that is not there. */
const NO_NAMES: Names = { used: new Set(), defined: new Map(), goals: new Map() };

/**
 * What the index keeps of a file between sessions, so that a start with the file unchanged takes
 * it back without parsing it: its kind and number of items (for the status), its names (for the
 * dependencies) and its diagnostics. `key` identifies the text it was made from.
 */
export interface FileRecord {
  uri: string;
  key: string;
  kind: ParsedFile['kind'];
  codes: number;
  used: string[];
  defined: [string, string][];
  goals: [string, string][];
  diagnostics: CodeDiagnostic[];
  /** The fingerprint of the file on disk when its text had `key` (`Workspace.fingerprint`): a file with it is not read again. */
  fingerprint?: string;
  /** What the Strategies view's top level shows of the file (`features/tree.ts`), opaque to the index. */
  tree?: unknown;
  /** The words of its items' titles for workspace symbols (`engine/workspaceCodes.ts`), opaque to the index. */
  words?: unknown;
}

/**
 * A file taken back from a record: its parse is loaded when something first reads it. Until the
 * scan confirms that the file still has the recorded text, its text is unknown (empty).
 */
class RestoredFile implements IndexedFile {
  private loaded: ParsedFile | undefined;
  /** Whether `loaded` is a stand-in made without the text (the record's parse could not be loaded). */
  private standIn = false;
  /** The text, or how to decode it when first read (a file confirmed by its hash). */
  private source: string | (() => string) = '';
  confirmed = false;
  /** Its text, read when first needed, was not the confirmed one: the file changed on disk since the scan, and is to be indexed again. */
  stale = false;

  /** The names the record gives, used until the file is updated (its parse is not loaded for them). */
  readonly names: Names;
  /** Its id and items as its record tells (`recorded`), read from the record when first asked for. */
  private items: RecordedItems | null | undefined;

  constructor(
    readonly uri: string,
    readonly record: FileRecord,
    private readonly load: (file: RestoredFile) => { parsed: ParsedFile; standIn: boolean },
  ) {
    this.names = { used: new Set(record.used), defined: new Map(record.defined), goals: new Map(record.goals) };
  }

  get parsed(): ParsedFile {
    if (!this.loaded) {
      const { parsed, standIn } = this.load(this);
      this.loaded = parsed;
      this.standIn = standIn;
    }
    return this.loaded;
  }

  get isLoaded(): boolean {
    return this.loaded !== undefined;
  }

  /** Its id and items as its record tells (a strategy with an id); undefined when it cannot tell. */
  recorded(): RecordedItems | undefined {
    if (this.items === undefined) {
      const name = this.record.kind === 'strategy' ? [...this.names.defined.keys()].find((n) => n.startsWith('doc:')) : undefined;
      const fingerprint = name === undefined ? undefined : this.names.defined.get(name);
      this.items = name === undefined || fingerprint === undefined ? null : itemsOfFingerprint(name.slice('doc:'.length), fingerprint, this.record.codes);
    }
    return this.items ?? undefined;
  }

  get text(): string {
    if (typeof this.source === 'function') {
      this.source = this.source();
    }
    return this.source;
  }

  /** The scan read the recorded text; returns whether a stand-in was in use (what was derived from it is wrong). */
  confirm(text: string | (() => string)): boolean {
    this.source = text;
    this.confirmed = true;
    const wasStandIn = this.loaded !== undefined && this.standIn;
    if (this.standIn) {
      this.loaded = undefined;
      this.standIn = false;
    }
    return wasStandIn;
  }
}

/** A descriptor with the catalog that defines it. */
export interface DescriptorDefinition {
  descriptor: Descriptor;
  catalog: CatalogDocument;
}

/**
 * Names whose definitions a file depends on: `doc:ID` for documents,
 * `desc:CODE` for descriptors, `impl:ID` for the strategy a plan implements,
 * `from:ID` for the document its `goalsFrom` names, and `after:ID` for the
 * documents its `after` links reach (a dependency cycle may pass through them).
 */
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
      if (ref.kind === 'goalsFrom') {
        names.add('from:' + ref.code);
      }
    } else if (ref.kind === 'implements') {
      names.add('doc:' + ref.code);
      names.add('impl:' + ref.code);
      names.add('after:' + ref.code);
    } else if (ref.docId !== undefined) {
      names.add('doc:' + ref.docId);
      if (ref.kind === 'after') {
        names.add('after:' + ref.docId);
      }
    }
  }
  return names;
}

/** A strategy's id and items as the `doc:ID` fingerprint of its record tells: the ids in order, and by code whether the first item with it is removed. */
export interface RecordedItems {
  id: string;
  ids: readonly string[];
  removed: ReadonlyMap<string, boolean>;
}

/**
 * The items a `doc:ID` fingerprint of `definedNames` lists. Null when the fingerprint does not
 * split into `count` items (an id that holds a line break): it cannot tell.
 */
function itemsOfFingerprint(id: string, fingerprint: string, count: number): RecordedItems | null {
  const end = fingerprint.indexOf('\n\0');
  const ids = end <= 0 ? [] : fingerprint.slice(0, end).split('\n');
  const removedPart = fingerprint.slice(end + 2).split('\0')[1];
  if (end < 0 || ids.length !== count || removedPart === undefined) {
    return null;
  }
  const removedAt = new Set(removedPart === '' ? [] : removedPart.split(',').map(Number));
  const removed = new Map<string, boolean>();
  ids.forEach((code, i) => {
    if (!removed.has(code)) {
      removed.set(code, removedAt.has(i));
    }
  });
  return { id, ids, removed };
}

/** Names a file defines, with a fingerprint of what each name offers (its codes), to tell a real change from an edit of a title. */
function definedNames(parsed: ParsedFile): Map<string, string> {
  const out = new Map<string, string>();
  if (parsed.kind === 'strategy') {
    if (parsed.id !== undefined) {
      // Level names are part of it: other files' `unknown-item` messages name the level ("Unknown measure").
      // So are removed marks (`removed-item` elsewhere) and `goalsFrom` (a plan's goals resolve through it).
      const removed = parsed.items.flatMap((item, i) => (item.removed ? [i] : [])).join(',');
      out.set('doc:' + parsed.id, parsed.items.map((i) => i.id).join('\n') + '\n\0' + (parsed.levels ?? []).join('\n') + '\0' + removed + '\0' + (parsed.goalsFrom?.code ?? ''));
      const after = parsed.references.filter((r) => r.kind === 'after').map((r) => `${r.fromItem ?? ''}>${r.text}`);
      out.set('after:' + parsed.id, after.join('\n'));
    }
    for (const o of parsed.outside) {
      out.set('outside:' + o.id, '');
    }
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
  private readonly namesCache = new WeakMap<ParsedFile, Names>();
  /** Bumped on every change, so caches derived from the whole index know when to rebuild. */
  private generationCounter = 0;
  /**
   * Bumped when a change may reach beyond the changed file (a file appears or goes, or the update
   * affects other files' diagnostics): what one file derives from others stays valid while it is
   * the same (`derived`).
   */
  private definitionEpoch = 0;
  private changeCounter = 0;
  private readonly derivedCache = new WeakMap<ParsedFile, Map<string, { epoch: number; value: unknown }>>();

  constructor(
    private readonly parse: FileParser,
    private readonly computeDiagnostics: (index: WorkspaceIndex, file: IndexedFile) => CodeDiagnostic[],
  ) {}

  /** Increases with every update or removal of a file (not with files taken back from records or confirmed). */
  get changes(): number {
    return this.changeCounter;
  }

  /** Increases with every change of the index. */
  get generation(): number {
    return this.generationCounter;
  }

  /**
   * A value one file derives from the workspace (`key` names what), computed once and kept while
   * the file's parse is the same and no change reached beyond the file it was made in. An edit of
   * a title in the plan every document takes goals from changes that plan alone: what the other
   * documents derived from it (which of its goals they link, by position) is kept.
   */
  derived<T>(parsed: ParsedFile, key: string, compute: () => T): T {
    let values = this.derivedCache.get(parsed);
    if (!values) {
      values = new Map();
      this.derivedCache.set(parsed, values);
    }
    const kept = values.get(key);
    if (kept && kept.epoch === this.definitionEpoch) {
      return kept.value as T;
    }
    const value = compute();
    values.set(key, { epoch: this.definitionEpoch, value });
    return value;
  }

  /**
   * Indexes (or re-indexes) a file from its current text. Returns the URIs
   * whose diagnostics may have changed: the file itself, and the files that
   * use a name whose definition changed.
   */
  update(uri: string, text: string): Set<string> {
    const old = this.files.get(uri);
    const unconfirmed = old instanceof RestoredFile && (!old.confirmed || old.stale);
    if (old && old.text === text && !unconfirmed) {
      return new Set();
    }
    // A file taken back from a record whose text has not been seen has nothing to re-parse in part.
    const parsed = this.parse(uri, text, unconfirmed ? undefined : old);
    if (!parsed) {
      return this.remove(uri);
    }
    const affected = new Set<string>([uri]);
    const before = old ? this.names(old) : NO_NAMES;
    if (old) {
      this.unlink(old);
    }
    const file: IndexedFile = { uri, text, parsed };
    this.files.set(uri, file);
    this.link(file);
    const after = this.names(file);
    this.collectChanges(before, after, affected);
    // The other definers of a duplicated name point at this file's definition (related information), which may have moved.
    for (const name of after.defined.keys()) {
      const definers = this.definers.get(name);
      if (definers && definers.size > 1) {
        this.collectAffected(name, affected);
      }
    }
    this.addPlans(affected, uri);
    if (!old || affected.size > 1) {
      this.definitionEpoch++;
    }
    this.invalidate(affected);
    return affected;
  }

  /**
   * What a file's change from `before` to `after` affects: the users and other definers of every
   * name whose definition changed, appeared or went, the files whose "did you mean" it changes, and
   * the parent plans whose goal links from it changed.
   */
  private collectChanges(before: Pick<Names, 'defined' | 'goals'>, after: Pick<Names, 'defined' | 'goals'>, into: Set<string>): void {
    for (const [name, fingerprint] of after.defined) {
      if (before.defined.get(name) !== fingerprint) {
        this.collectAffected(name, into);
      }
    }
    for (const name of before.defined.keys()) {
      if (!after.defined.has(name)) {
        this.collectAffected(name, into);
      }
    }
    this.collectStaleSuggestions(before.defined, after.defined, into);
    this.collectPlans(before.goals, after.goals, into);
  }

  /** The parent plans whose goal links from this file changed (spec §7: their coverage changes). */
  private collectPlans(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>, into: Set<string>): void {
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
  private collectStaleSuggestions(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>, into: Set<string>): void {
    const changed = [...after.keys()].filter((n) => !before.has(n)).concat([...before.keys()].filter((n) => !after.has(n)));
    const codes = new Set<string>();
    if (changed.some((n) => n.startsWith('doc:') || n.startsWith('outside:'))) {
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
    this.collectChanges(this.names(old), NO_NAMES, affected);
    this.addPlans(affected, uri);
    this.definitionEpoch++;
    this.invalidate(affected);
    return affected;
  }

  private invalidate(uris: Set<string>): void {
    this.generationCounter++;
    this.changeCounter++;
    for (const u of uris) {
      this.diagnosticsCache.delete(u);
    }
  }

  private names(file: IndexedFile): Names {
    if (file instanceof RestoredFile) {
      return file.names;
    }
    const parsed = file.parsed;
    let names = this.namesCache.get(parsed);
    if (!names) {
      names = { used: usedNames(parsed), defined: definedNames(parsed), goals: goalLinks(parsed) };
      this.namesCache.set(parsed, names);
    }
    return names;
  }

  /**
   * Users of a name, and its other definers (a changed definition may start
   * or end a duplicate). An outside declaration (spec 6.4) matters to every
   * file naming its id. The plans of an affected strategy are affected too:
   * they resolve through it (spec 6.3). A change of `after` links reaches
   * every document whose links lead to it, and a plan's the strategy it
   * stands in for, whose items its links extend.
   */
  private collectAffected(name: string, into: Set<string>): void {
    for (const u of this.users.get(name) ?? []) {
      into.add(u);
    }
    for (const u of this.definers.get(name) ?? []) {
      into.add(u);
    }
    if (name.startsWith('outside:')) {
      for (const u of this.users.get('doc:' + name.slice('outside:'.length)) ?? []) {
        into.add(u);
      }
    }
    if (name.startsWith('after:')) {
      this.collectAfterReach(name.slice('after:'.length), into);
    }
  }

  /** Every document from which `after` links (or a plan's strategy) lead to document `id`, transitively. */
  private collectAfterReach(id: string, into: Set<string>): void {
    const seen = new Set<string>();
    const queue = [id];
    while (queue.length > 0) {
      const current = queue.pop()!;
      if (seen.has(current)) {
        continue;
      }
      seen.add(current);
      const reached = [...(this.users.get('after:' + current) ?? [])];
      // A plan's links extend its strategy's items: the strategy and its other plans see them.
      for (const uri of this.definers.get('doc:' + current) ?? []) {
        const parsed = this.files.get(uri)?.parsed;
        if (parsed?.kind === 'strategy' && parsed.implements) {
          queue.push(parsed.implements.code);
          reached.push(...this.strategyUris(parsed.implements.code));
        }
      }
      for (const u of reached) {
        into.add(u);
        const parsed = this.files.get(u)?.parsed;
        if (parsed?.kind === 'strategy' && parsed.id !== undefined) {
          queue.push(parsed.id);
        }
      }
    }
  }

  /**
   * Adds the plans of every strategy affected through a name it uses (its
   * `goalsFrom` plan changed, say): they resolve their goals through it.
   * `changed`, the file that changed itself, is left out: its plans use its
   * id and are affected already when its codes changed.
   */
  private addPlans(into: Set<string>, changed: string): void {
    for (const uri of [...into]) {
      if (uri === changed) {
        continue;
      }
      const parsed = this.files.get(uri)?.parsed;
      if (parsed?.kind === 'strategy' && parsed.id !== undefined) {
        for (const u of this.users.get('impl:' + parsed.id) ?? []) {
          into.add(u);
        }
      }
    }
  }

  private link(file: IndexedFile): void {
    for (const name of this.names(file).used) {
      addTo(this.users, name, file.uri);
    }
    for (const name of this.names(file).defined.keys()) {
      addTo(this.definers, name, file.uri);
    }
  }

  private unlink(file: IndexedFile): void {
    for (const name of this.names(file).used) {
      removeFrom(this.users, name, file.uri);
    }
    for (const name of this.names(file).defined.keys()) {
      removeFrom(this.definers, name, file.uri);
    }
  }

  /**
   * Takes files back from their records (a warm start): each is indexed with the recorded names
   * and diagnostics, and its parse is loaded (`load`) only when something reads it. The scan then
   * confirms each file whose text is still the recorded one (`confirm`) and updates the others, so
   * that what changed while nothing watched re-checks exactly the files it affects. Returns the
   * URIs taken back.
   */
  restore(records: readonly FileRecord[], load: (uri: string, record: FileRecord, text: string | undefined) => { parsed: ParsedFile; standIn: boolean }, fixed: ReadonlySet<string> = new Set()): string[] {
    // Files indexed already (a buffer opened before the scan) may differ from what the records were made with:
    // each is compared with its record (none: it is new) once every record is in, as an update would be.
    const present = [...this.files.values()].filter((f) => !fixed.has(f.uri));
    const recorded = new Map(records.map((r) => [r.uri, r]));
    const uris: string[] = [];
    for (const record of records) {
      if (this.files.has(record.uri)) {
        continue;
      }
      const file = new RestoredFile(record.uri, record, (f) => load(f.uri, f.record, f.confirmed ? f.text : undefined));
      this.files.set(record.uri, file);
      this.link(file);
      this.diagnosticsCache.set(record.uri, record.diagnostics);
      uris.push(record.uri);
    }
    const affected = new Set<string>();
    for (const file of present) {
      const record = recorded.get(file.uri);
      // Its own diagnostics were computed without the files taken back.
      affected.add(file.uri);
      this.collectChanges({ defined: new Map(record?.defined ?? []), goals: new Map(record?.goals ?? []) }, this.names(file), affected);
    }
    this.addPlans(affected, '');
    for (const uri of affected) {
      this.diagnosticsCache.delete(uri);
    }
    this.definitionEpoch++;
    this.generationCounter++;
    return [...uris, ...affected];
  }

  /** The key of the record a file was taken back from, while its text is not confirmed yet. */
  unconfirmedKey(uri: string): string | undefined {
    return this.unconfirmedRecord(uri)?.key;
  }

  /** The record a file was taken back from, while its text is not confirmed yet. */
  unconfirmedRecord(uri: string): FileRecord | undefined {
    const file = this.files.get(uri);
    return file instanceof RestoredFile && !file.confirmed ? file.record : undefined;
  }

  /**
   * The items of the strategy with this id (code → whether removed) as the record of its file
   * tells, while the file is taken back from its record, confirmed and its parse not loaded: a
   * changed file's links to it are then checked without loading it. Undefined otherwise.
   */
  recordedItems(id: string): ReadonlyMap<string, boolean> | undefined {
    const uri = this.strategyUri(id);
    const file = uri === undefined ? undefined : this.confirmedFile(uri);
    const items = file && !file.isLoaded ? file.recorded() : undefined;
    return items?.id === id ? items.removed : undefined;
  }

  /** The id and item ids of a strategy taken back from its record and confirmed, unchanged since, as its record tells (its parse is not loaded for them). */
  recordedIds(uri: string): { id: string; ids: readonly string[] } | undefined {
    return this.confirmedFile(uri)?.recorded();
  }

  /** The record of a file taken back from it and confirmed, unchanged since (its diagnostics may have been checked again). */
  confirmedRecord(uri: string): FileRecord | undefined {
    return this.confirmedFile(uri)?.record;
  }

  /**
   * The record a file was taken back from while all that was made from it still holds: the file is
   * confirmed, unchanged since, and its diagnostics are the recorded ones (nothing it depends on
   * changed). What a feature kept in the record is then still true.
   */
  currentRecord(uri: string): FileRecord | undefined {
    const record = this.confirmedRecord(uri);
    return record && this.diagnosticsCache.get(uri) === record.diagnostics ? record : undefined;
  }

  /** The file at `uri` when it was taken back from its record and confirmed, unchanged since. */
  private confirmedFile(uri: string): RestoredFile | undefined {
    const file = this.files.get(uri);
    return file instanceof RestoredFile && file.confirmed && !file.stale ? file : undefined;
  }

  /** The key of a file taken back from its record and confirmed, unchanged since: its text need not be read to name it. */
  confirmedKey(uri: string): string | undefined {
    return this.confirmedRecord(uri)?.key;
  }

  /**
   * A file confirmed without its text had another text when it was read: it changed on disk after
   * the scan. Its next update indexes it whatever text it gives (the text it shows is not the one
   * its parse and diagnostics were made from).
   */
  markStale(uri: string): void {
    const file = this.files.get(uri);
    if (file instanceof RestoredFile) {
      file.stale = true;
    }
  }

  /** Whether `markStale` marked the file, and no update has indexed it since. */
  isStale(uri: string): boolean {
    const file = this.files.get(uri);
    return file instanceof RestoredFile && file.stale;
  }

  /** The scan read the recorded text of a file taken back from its record (or its hash: then the text is decoded when read): the file is as recorded. */
  confirm(uri: string, text: string | (() => string)): boolean {
    const file = this.files.get(uri);
    if (!(file instanceof RestoredFile) || file.confirmed) {
      return false;
    }
    if (file.confirm(text)) {
      // Something read the file before the scan did and got an empty stand-in (the cache had lost its parse): the
      // diagnostics computed since may have resolved against it. Rare: every file is checked again.
      this.definitionEpoch++;
      this.diagnosticsCache.clear();
    }
    this.generationCounter++;
    return true;
  }

  /** A file's kind and number of items, without loading a restored file's parse. */
  shape(file: IndexedFile): { kind: ParsedFile['kind']; codes: number } {
    if (file instanceof RestoredFile && !file.isLoaded) {
      return { kind: file.record.kind, codes: file.record.codes };
    }
    return { kind: file.parsed.kind, codes: file.parsed.kind === 'strategy' ? file.parsed.items.length : 0 };
  }

  /** The record of a file as indexed now (its diagnostics computed if they are not yet), for the next start. */
  record(uri: string, key: string): FileRecord | undefined {
    const file = this.files.get(uri);
    if (!file) {
      return undefined;
    }
    const names = this.names(file);
    return { uri, key, ...this.shape(file), used: [...names.used], defined: [...names.defined], goals: [...names.goals], diagnostics: this.diagnostics(uri) };
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
    const uri = this.strategyUri(id);
    const parsed = uri ? this.files.get(uri)?.parsed : undefined;
    return parsed?.kind === 'strategy' ? parsed : undefined;
  }

  /** The URI of the document with this id (the first by URI when the id is duplicated). */
  strategyUri(id: string): string | undefined {
    // Asked for every reference resolved: a single definer (the usual case) needs no sorted copy.
    const definers = this.definers.get('doc:' + id);
    return definers === undefined ? undefined : definers.size === 1 ? definers.values().next().value : this.strategyUris(id)[0];
  }

  /** The outside declaration of a document id (spec 6.4), the first by URI of the declaring documents, with that document. */
  outsideDocument(id: string): { declaration: OutsideDocument; doc: StrategyDocument } | undefined {
    for (const uri of [...(this.definers.get('outside:' + id) ?? [])].sort()) {
      const parsed = this.files.get(uri)?.parsed;
      const declaration = parsed?.kind === 'strategy' ? parsed.outside.find((o) => o.id === id) : undefined;
      if (parsed?.kind === 'strategy' && declaration) {
        return { declaration, doc: parsed };
      }
    }
    return undefined;
  }

  /** Every document id declared outside the workspace, sorted. */
  outsideIds(): string[] {
    const ids: string[] = [];
    for (const name of this.definers.keys()) {
      if (name.startsWith('outside:')) {
        ids.push(name.slice('outside:'.length));
      }
    }
    return ids.sort();
  }

  /** The plans (spec 6.3) that implement the document with this id, by URI. */
  plansOf(id: string): StrategyDocument[] {
    const out: StrategyDocument[] = [];
    for (const uri of [...(this.users.get('impl:' + id) ?? [])].sort()) {
      const parsed = this.files.get(uri)?.parsed;
      if (parsed?.kind === 'strategy' && parsed.implements?.code === id && parsed.id !== id) {
        out.push(parsed);
      }
    }
    return out;
  }

  /** The workspace strategy a plan implements (spec 6.3); undefined for a document that is no plan or whose strategy is outside or unknown. */
  strategyOf(plan: StrategyDocument): StrategyDocument | undefined {
    const id = plan.implements?.code;
    return id !== undefined && id !== plan.id ? this.strategy(id) : undefined;
  }

  /** URIs of the catalogs with this id, sorted. */
  catalogUris(id: string): string[] {
    return [...(this.definers.get('catalog:' + id) ?? [])].sort();
  }

  /** URIs of the catalogs defining this descriptor, sorted. */
  descriptorDefiners(code: string): string[] {
    return [...(this.definers.get('desc:' + code) ?? [])].sort();
  }

  /** Whether some file's `goalsFrom` names the document id (read from the index's names: no file is loaded for it). */
  namedInGoalsFrom(id: string): boolean {
    return (this.users.get('from:' + id)?.size ?? 0) > 0;
  }

  /** URIs of the files whose `after` links (or `implements`) name the document id, sorted: where links to its items can come from. */
  afterUsersOf(id: string): string[] {
    return [...(this.users.get('after:' + id) ?? [])].sort();
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

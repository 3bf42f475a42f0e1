/**
 * Keeps the language service's index equal to the workspace and the
 * published diagnostics equal to the index: the scan, open buffers ("the
 * open buffer wins over the disk"), file and folder events, settings
 * changes, the validation schedule and the flush before requests. The LSP
 * server and the CLI both drive it; tests drive it over a workspace held in
 * memory.
 *
 * Order does not matter, by construction:
 * - every change of the index returns the files whose diagnostics may have
 *   changed (the file itself, and every file that uses or also defines a
 *   name whose definition changed, appeared or disappeared — see
 *   `model/workspaceIndex.ts`); they join one set of files to publish, and
 *   leave it only when published;
 * - nothing is published while a scan runs (the index is half built), nor
 *   for an open buffer whose newest text is not indexed yet (its ranges
 *   would be those of an older text): such files stay in the set and are
 *   published once the scan ends or the buffer is validated;
 * - a file the scan read is not indexed when an event changed it after the
 *   read began (the event's text is newer), nor when a buffer holds it;
 * - at the end of a scan, the indexed files the scan did not find, and that
 *   no event brought in meanwhile, are dropped.
 *
 * Validation is scheduled, not debounced. A changed buffer is validated as
 * soon as the server has handled the messages it already received: a change
 * after a quiet moment is validated at once, and keystrokes that piled up
 * while the server was busy are validated together, once (while a burst goes
 * on, at most every `debounceMs`). The buffer's own
 * diagnostics are published then; the files that depend on it (a plan that
 * 500 documents name, say) are re-checked and published within the
 * coalescing window `debounceMs`, so that a burst of keystrokes re-checks
 * them once. A request validates what is pending first (`flush`), so that
 * it answers from the text the client sees.
 */
import { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BUILTIN_CATALOG_URI, LanguageService } from '../languageService';
import { ParsedFile } from '../model/types';
import type { FileRecord } from '../model/workspaceIndex';
import { Settings } from '../settings';
import { BatchLoader, LoadedFile, readingLoader, Workspace } from './workspace';

/** Turns of the event loop without a change after which changed buffers are validated. */
const QUIET_TURNS = 2;

/** Timers and time, so that tests can run the schedule without waiting. */
export interface Clock {
  now(): number;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
  /** Lets other work (requests, cancellations) run between two batches of a scan. */
  yield(): Promise<void>;
}

/** The clock of the JavaScript runtime. */
export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  yield: () => new Promise((resolve) => setTimeout(resolve, 0)),
};

/** Where the sync module's results go. */
export interface SyncOutput {
  /** The diagnostics of a file; `version` is that of the open buffer they were computed from (undefined for a file not open). */
  publish(uri: string, diagnostics: Diagnostic[], version: number | undefined): void;
  /** Called after each round of publishing and when indexing starts or ends: views of other files (code lenses, inlay hints, the status bar) may change. */
  changed?(indexing: boolean): void;
  /** Progress of a scan, as counts of files. */
  progress?(done: number, total: number): void;
  /** A file the scan found could not be read. */
  unreadable?(uri: string, error: string): void;
}

export interface SyncOptions {
  service: LanguageService;
  workspace: Workspace;
  output: SyncOutput;
  clock?: Clock;
  /** Reads one batch of files for the scan (default: through the workspace, one by one). */
  loadBatch?: BatchLoader;
  /** Files per scan batch. */
  batchSize?: number;
}

/** A change of a file or folder on disk. */
export interface FileEvent {
  uri: string;
  type: 'created' | 'changed' | 'deleted';
}

/** One run of the scan, driven batch by batch. */
export interface ScanRun {
  /** The files to read next; undefined once the run has ended (or a newer scan took its place). */
  readonly batch: readonly string[] | undefined;
  /** Indexes what was read for `batch` and moves on to the next batch. */
  apply(loaded: readonly LoadedFile[]): void;
  /** Files done and found in total. */
  readonly done: number;
  readonly total: number;
}

/** An open buffer: the editor's text, which wins over the disk. */
interface Buffer {
  doc: TextDocument;
}

export class WorkspaceSync {
  private readonly service: LanguageService;
  private readonly workspace: Workspace;
  private readonly output: SyncOutput;
  private readonly clock: Clock;
  private readonly loadBatch: BatchLoader;
  private readonly batchSize: number;
  private readonly buffers = new Map<string, Buffer>();
  /** Files whose diagnostics may differ from what was last published. */
  private readonly toPublish = new Set<string>();
  /** Open buffers whose newest text is not indexed yet. */
  private readonly pending = new Set<string>();
  /** Increases with every event; `touched` says when each file was last changed by one. */
  private epoch = 0;
  private readonly touched = new Map<string, number>();
  /** The scan that runs, if any. */
  private scanning: ScanState | undefined;
  /** False until the first scan has ended: until then the index is not the workspace. */
  private scanDone = false;
  /** True once a scan has begun: a change of globs then needs a new one. */
  private scanStarted = false;
  /** The check whether changes have stopped coming, due at the next turn of the event loop. */
  private validation: unknown;
  /** Changes received since the last check, turns without a change in a row, and when the first unvalidated change came. */
  private changesSinceCheck = 0;
  private quietTurns = 0;
  private burstStart: number | undefined;
  /** The publishing of files that depend on validated buffers, due when the coalescing window closes. */
  private window: unknown;
  /** The version last published per open buffer: nothing older is published after it. */
  private readonly publishedVersion = new Map<string, number>();
  /**
   * Files whose last publication was not empty, or was of an open buffer's version. A client starts
   * with none, so a closed file with nothing to show is published only to clear what it was shown:
   * a start of 3,000 clean files sends nothing for them.
   */
  private readonly shown = new Set<string>();

  constructor(options: SyncOptions) {
    this.service = options.service;
    this.workspace = options.workspace;
    this.output = options.output;
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.loadBatch = options.loadBatch ?? readingLoader(options.workspace);
    this.batchSize = Math.max(1, options.batchSize ?? 200);
  }

  /** True while the index is not yet the whole workspace (before the first scan ends, or during a rescan). */
  get indexing(): boolean {
    return !this.scanDone || this.scanning !== undefined;
  }

  /** The version of an open buffer, or null for a file not open. */
  versionOf(uri: string): number | null {
    return this.buffers.get(uri)?.doc.version ?? null;
  }

  // ---- Events ---------------------------------------------------------------

  /** The editor opened a file: its buffer is the truth from now on. */
  open(uri: string, version: number, text: string): void {
    this.touch(uri);
    this.buffers.set(uri, { doc: TextDocument.create(uri, 'strategy-yaml', version, text) });
    this.publishedVersion.delete(uri);
    // The buffer is indexed at once: a request may follow right away.
    this.pending.delete(uri);
    this.index(uri, text);
    // Opening a file whose text is already indexed changes no diagnostics, but the editor expects them for the new buffer.
    this.toPublish.add(uri);
    this.publishDue();
  }

  /** The editor changed a buffer (ranged changes, or the whole text). */
  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): void {
    const buffer = this.buffers.get(uri);
    if (!buffer) {
      return;
    }
    this.touch(uri);
    buffer.doc = TextDocument.update(buffer.doc, [...changes], version);
    this.pending.add(uri);
    this.toPublish.add(uri);
    this.schedule();
  }

  /** The editor closed a buffer: the disk is the truth again. */
  close(uri: string): void {
    if (!this.buffers.delete(uri)) {
      return;
    }
    this.touch(uri);
    this.pending.delete(uri);
    this.publishedVersion.delete(uri);
    this.readIntoIndex(uri);
    this.toPublish.add(uri);
    this.publishDue();
  }

  /** Files or folders changed on disk. */
  filesChanged(events: readonly FileEvent[]): void {
    for (const e of events) {
      if (this.buffers.has(e.uri)) {
        continue; // The open buffer is the truth.
      }
      this.touch(e.uri);
      if (e.type === 'deleted') {
        // A deleted folder takes every file below it, except open buffers.
        const prefix = e.uri.replace(/\/$/, '') + '/';
        for (const uri of this.service.index.uris()) {
          if ((uri === e.uri || uri.startsWith(prefix)) && !this.buffers.has(uri)) {
            this.touch(uri);
            this.drop(uri);
          }
        }
      } else if (this.service.kindOf(e.uri) === undefined) {
        if (e.type === 'changed') {
          continue; // A folder's content changes by events of its own files.
        }
        // A created folder (or a renamed one) brings the files inside it, as a scan would find them.
        for (const uri of this.workspace.listFiles((u) => this.service.kindOf(u) !== undefined, e.uri)) {
          if (!this.buffers.has(uri)) {
            this.touch(uri);
            this.readIntoIndex(uri);
          }
        }
      } else {
        this.readIntoIndex(e.uri);
      }
    }
    this.publishDue();
  }

  /**
   * New settings: every file may need republishing (severities); new globs
   * re-index the open buffers at once and the disk by a new scan, which the
   * returned promise waits for.
   */
  async configure(settings: Settings): Promise<void> {
    const { affected, rescan } = this.service.configure(settings);
    this.addToPublish(affected);
    if (rescan) {
      await this.rescan();
    } else {
      this.publishDue();
    }
  }

  /** The workspace folders changed: the files below them are what a new scan finds. */
  async foldersChanged(roots: readonly string[]): Promise<void> {
    const folders = roots.map((r) => r.replace(/\/$/, ''));
    this.workspace.setRoots(folders);
    this.service.setRoots(folders);
    await this.rescan();
  }

  /** Re-reads everything: open buffers now, the disk by a new scan (once a first scan has begun). */
  private async rescan(): Promise<void> {
    // A file whose kind changed is parsed anew: its text alone would not tell the index to.
    for (const file of [...this.service.index.all()]) {
      if (file.uri !== BUILTIN_CATALOG_URI && this.service.kindOf(file.uri) !== file.parsed.kind) {
        this.drop(file.uri);
      }
    }
    for (const [uri, buffer] of this.buffers) {
      this.index(uri, buffer.doc.getText());
    }
    this.publishDue();
    if (this.scanStarted) {
      await this.scan();
    }
  }

  // ---- The scan -------------------------------------------------------------

  /**
   * Starts a scan of the workspace, to be driven batch by batch; a scan
   * already running is superseded (the new one covers everything).
   */
  beginScan(): ScanRun {
    this.scanStarted = true;
    const order = this.workspace.listFiles((u) => this.service.kindOf(u) !== undefined);
    const state: ScanState = { listed: new Set(order), startEpoch: this.epoch, position: 0, readSince: this.epoch };
    this.scanning = state;
    this.output.changed?.(true);
    const size = this.batchSize;
    const current = (): boolean => this.scanning === state;
    const batch = (): string[] | undefined => (current() && state.position < order.length ? order.slice(state.position, state.position + size) : undefined);
    const run: ScanRun = {
      get batch() {
        return batch();
      },
      get done() {
        return state.position;
      },
      get total() {
        return order.length;
      },
      apply: (loaded) => {
        const files = batch();
        if (!files) {
          return;
        }
        for (const file of loaded) {
          this.scanned(file, state.readSince);
        }
        state.position += files.length;
        // Whatever an event changes from now on is newer than what the next batch reads.
        state.readSince = this.epoch;
        if (state.position >= order.length) {
          this.scanEnded(state);
        }
      },
    };
    if (order.length === 0) {
      this.scanEnded(state);
    }
    return run;
  }

  /** Runs a whole scan, reading batches with the batch loader and yielding between them. */
  async scan(): Promise<void> {
    const run = this.beginScan();
    for (let batch = run.batch; batch; batch = run.batch) {
      const loaded = await this.loadBatch(batch);
      run.apply(loaded);
      this.output.progress?.(run.done, run.total);
      if (run.batch) {
        await this.clock.yield();
      }
    }
  }

  /** Runs a whole scan at once, reading each file through the workspace or `load` (the CLI). */
  scanNow(load?: (uris: readonly string[]) => LoadedFile[]): void {
    const run = this.beginScan();
    const read = load ?? readingLoader(this.workspace);
    for (let batch = run.batch; batch; batch = run.batch) {
      run.apply(read(batch) as LoadedFile[]);
    }
  }

  /** Indexes a file the scan read, unless an event or a buffer holds something newer. */
  private scanned(file: LoadedFile, readSince: number): void {
    if (this.buffers.has(file.uri) || this.lastTouched(file.uri) > readSince) {
      return;
    }
    if (file.error !== undefined) {
      this.output.unreadable?.(file.uri, file.error);
      this.drop(file.uri);
    } else if (file.confirms === undefined || this.service.index.unconfirmedKey(file.uri) !== file.confirms || !this.service.confirm(file.uri, file.lazyText ?? file.text)) {
      // A file taken back from its record and read with the recorded text stays as recorded; any other is indexed (parsed here when the loader did not).
      this.index(file.uri, file.lazyText ? file.lazyText() : file.text, file.parsed);
    }
  }

  /**
   * Before the first scan of a warm start: takes the files back from the records an earlier
   * session left (`LanguageService.restore`), with their diagnostics. The scan then confirms each
   * file whose text is the recorded one and indexes the others as changed, so that a file changed
   * while nothing watched re-checks exactly the files it affects, and the diagnostics published at
   * the end of the scan are those a cold start gives.
   */
  restore(records: readonly FileRecord[], load: (uri: string, key: string) => ParsedFile | undefined): void {
    this.addToPublish(this.service.restore(records, load));
  }

  /** The end of a scan: drops the files it did not find (and no event brought in meanwhile), then publishes. */
  private scanEnded(state: ScanState): void {
    // A file taken back from its record that the scan did not confirm (it was not found, or an event came between) is read again:
    // its record describes a text nobody has seen.
    for (const uri of this.service.index.uris()) {
      if (this.service.index.unconfirmedKey(uri) !== undefined && !this.buffers.has(uri)) {
        this.readIntoIndex(uri);
      }
    }
    for (const uri of this.service.index.uris()) {
      if (uri === BUILTIN_CATALOG_URI || state.listed.has(uri) || this.buffers.has(uri) || this.lastTouched(uri) > state.startEpoch) {
        continue;
      }
      this.drop(uri);
    }
    this.scanning = undefined;
    this.scanDone = true;
    this.publishDue(true);
  }

  // ---- Validation schedule ---------------------------------------------------

  /** Validates the buffers whose newest text is not indexed yet, and publishes them; requests call this first. */
  flush(): void {
    if (this.validation !== undefined) {
      this.clock.clearTimer(this.validation);
      this.validation = undefined;
    }
    this.burstStart = undefined;
    this.changesSinceCheck = 0;
    this.quietTurns = 0;
    if (this.pending.size === 0) {
      return;
    }
    const validated = [...this.pending];
    this.pending.clear();
    for (const uri of validated) {
      const buffer = this.buffers.get(uri);
      if (buffer) {
        this.index(uri, buffer.doc.getText());
      }
    }
    // The buffers the user is typing in are published now; the files that depend on them when the window closes.
    this.publishDue(false, validated);
    if (this.toPublish.size > 0 && this.window === undefined && !this.indexing) {
      this.window = this.clock.setTimer(() => {
        this.window = undefined;
        this.publishDue();
      }, Math.max(0, this.service.settings.debounceMs));
    }
  }

  /**
   * A buffer changed: it is validated once the changes stop coming. The
   * check runs at each turn of the event loop; the server handles one
   * message per turn, so a turn in which no change arrived means the client
   * has sent nothing more for now. A burst (keystrokes that piled up, a
   * thousand edits of a script) is validated once its changes have been
   * applied, or every `debounceMs` while it goes on.
   */
  private schedule(): void {
    this.changesSinceCheck++;
    this.burstStart ??= this.clock.now();
    if (this.validation === undefined) {
      this.validation = this.clock.setTimer(() => this.checkQuiet(), 0);
    }
  }

  private checkQuiet(): void {
    this.validation = undefined;
    this.quietTurns = this.changesSinceCheck > 0 ? 0 : this.quietTurns + 1;
    this.changesSinceCheck = 0;
    const waited = this.clock.now() - (this.burstStart ?? this.clock.now());
    // Two quiet turns, not one: the message after a change may be queued behind this check.
    if (this.quietTurns < QUIET_TURNS && waited < this.service.settings.debounceMs) {
      this.validation = this.clock.setTimer(() => this.checkQuiet(), 0);
      return;
    }
    this.flush();
  }

  /** Stops the timers (the server is shutting down). */
  dispose(): void {
    for (const timer of [this.validation, this.window]) {
      if (timer !== undefined) {
        this.clock.clearTimer(timer);
      }
    }
    this.validation = undefined;
    this.window = undefined;
  }

  // ---- Index and publishing -------------------------------------------------

  private touch(uri: string): void {
    this.touched.set(uri, ++this.epoch);
  }

  /** When an event last changed a file or a folder above it (a deleted folder takes files the scan may have read before). */
  private lastTouched(uri: string): number {
    let last = -1;
    for (let at = uri.length; at > 0; at = uri.lastIndexOf('/', at - 1)) {
      last = Math.max(last, this.touched.get(uri.slice(0, at)) ?? -1);
    }
    return last;
  }

  private addToPublish(uris: Iterable<string>): void {
    for (const u of uris) {
      this.toPublish.add(u);
    }
  }

  private index(uri: string, text: string, parsed?: ParsedFile): void {
    this.addToPublish(this.service.update(uri, text, parsed));
  }

  private drop(uri: string): void {
    this.addToPublish(this.service.remove(uri));
  }

  /** Indexes a file from disk, or drops it when it cannot be read (deleted, say). */
  private readIntoIndex(uri: string): void {
    if (this.service.kindOf(uri) === undefined) {
      this.drop(uri);
      return;
    }
    const read = this.workspace.readFile(uri);
    if (read.text === undefined) {
      this.drop(uri);
    } else {
      this.index(uri, read.text);
    }
  }

  /**
   * Publishes the files due (only `only` when given), except while a scan
   * runs and except open buffers whose newest text is not indexed yet;
   * those stay due.
   */
  private publishDue(indexingChanged = false, only?: readonly string[]): void {
    if (this.indexing) {
      return;
    }
    let sent = false;
    for (const uri of only ?? [...this.toPublish]) {
      if (this.pending.has(uri) || !this.toPublish.delete(uri) || uri.startsWith('strategy-codes:')) {
        continue;
      }
      const version = this.buffers.get(uri)?.doc.version;
      if (version !== undefined) {
        const last = this.publishedVersion.get(uri);
        if (last !== undefined && last > version) {
          continue;
        }
        this.publishedVersion.set(uri, version);
      }
      const diagnostics = this.service.index.has(uri) ? this.service.lspDiagnostics(uri) : [];
      const wasShown = this.shown.has(uri);
      if (diagnostics.length > 0 || version !== undefined) {
        this.shown.add(uri);
      } else {
        this.shown.delete(uri);
      }
      if (version === undefined && diagnostics.length === 0 && !wasShown) {
        continue;
      }
      this.output.publish(uri, diagnostics, version);
      sent = true;
    }
    if (sent || indexingChanged) {
      this.output.changed?.(false);
    }
  }
}

/** How far one scan got. */
interface ScanState {
  /** The files it found. */
  listed: Set<string>;
  /** The event count when it began: files an event changed after it are not dropped at its end. */
  startEpoch: number;
  /** Files done. */
  position: number;
  /** The event count when the current batch began to be read. */
  readSince: number;
}

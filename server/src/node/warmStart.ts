/**
 * A warm start: the records of the index that a session leaves in the parse
 * cache (`ParseCache.writeRecords`), taken back before the next first scan so
 * that a file unchanged since is neither parsed nor loaded, nor re-checked,
 * until something reads it. A start that changed nothing leaves the records
 * as they are. The language server and the checker both use it.
 */
import { LanguageService, RecordSnapshot } from '../languageService';
import { WorkspaceSync } from '../sync/workspaceSync';
import { textHash } from './parseCache';
import { cacheKey, ParsingLoaderOptions } from './parsingLoader';

/** How long a slice of `saveInSlices` works before it pauses. */
const SLICE_MS = 8;

/** What records are kept for: the workspace folders and the settings the index is built with (other settings, other records). */
function recordScope(roots: readonly string[], service: LanguageService): string {
  return JSON.stringify([roots, service.settings]);
}

/** A warm start begun: how many files were taken back, and the saving of the records once the first scan has ended. */
export interface WarmStart {
  count: number;
  /**
   * Leaves the records of the index in the cache — unless the settings changed meanwhile, or every
   * file was taken back and nothing changed (the records are those already written). Returns
   * whether they are there.
   */
  save(): boolean;
  /**
   * `save` of the index as it is now, with what the features keep in the records made a slice at
   * a time with `pause` between (the language server: a national workspace takes seconds for
   * them); false when `finishNow` wrote them.
   */
  saveInSlices(pause: () => Promise<void>, sliceMs?: number): Promise<boolean>;
  /** A `saveInSlices` under way is done at once (the server shuts down): its records are written now, with the extras made so far. */
  finishNow(): void;
}

/**
 * Before the first scan: takes the files back from the records the cache holds for the workspace
 * folders and the current settings, and lets the loader skip the files whose text is the recorded one.
 */
export function beginWarmStart(sync: WorkspaceSync, service: LanguageService, loader: ParsingLoaderOptions, roots: readonly string[]): WarmStart {
  const cache = loader.cache;
  const scope = recordScope(roots, service);
  const records = cache?.readRecords(scope);
  if (cache && records) {
    sync.restore(records, (uri, key) => cache.get(uri, key));
    loader.restored = (uri) => service.index.unconfirmedRecord(uri);
  }
  // The fingerprint each file had on disk when its text had a key: the next start does not read a file that still has it.
  const fingerprints = new Map<string, { key: string; fingerprint: string }>();
  let newFingerprints = false;
  loader.fingerprinted = (uri, key, fingerprint) => {
    newFingerprints ||= service.index.unconfirmedRecord(uri)?.fingerprint !== fingerprint;
    fingerprints.set(uri, { key, fingerprint });
  };
  // The text read later is not the one confirmed: the file is read again as changed, once the current work is done.
  loader.changedOnDisk = (uri) => {
    service.index.markStale(uri);
    setImmediate(() => sync.filesChanged([{ uri, type: 'changed' }]));
  };
  const changes = records ? service.index.changes : undefined;
  /**
   * Whether records are to be written: false when they cannot be (no cache, other settings), true
   * when they are there already. Open buffers with unsaved changes are recorded as the index holds
   * them: the next start finds their files on disk other than recorded and indexes them as changed,
   * which re-checks what depends on them, as for any file changed while nothing ran.
   */
  const needed = (): boolean | 'write' => {
    if (!cache || recordScope(roots, service) !== scope) {
      return false;
    }
    const unchanged = changes !== undefined && service.index.changes === changes && !service.index.uris().some((uri) => service.index.unconfirmedKey(uri) !== undefined);
    return unchanged && !newFingerprints ? true : 'write';
  };
  /** Writes the records of a snapshot, with their extras (made now if they are not yet, unless `asMade`: a shutdown writes what is made). */
  const write = (snapshot: readonly RecordSnapshot[], asMade = false): boolean => {
    const out = snapshot.map((entry) => {
      const r = asMade ? { ...entry.record, ...entry.extras } : service.withExtras(entry);
      const seen = fingerprints.get(r.uri);
      return seen?.key === r.key ? { ...r, fingerprint: seen.fingerprint } : r;
    });
    newFingerprints = false;
    return cache?.writeRecords(scope, out) ?? false;
  };
  const snapshot = (): RecordSnapshot[] => {
    const limits = service.parseLimits();
    return service.recordSnapshot((text) => cacheKey(textHash(text), limits));
  };
  /** The snapshot a `saveInSlices` makes its extras for, until it is written. */
  let underWay: RecordSnapshot[] | undefined;
  return {
    count: records?.length ?? 0,
    save: () => {
      const state = needed();
      return state === 'write' ? write(snapshot()) : state;
    },
    saveInSlices: async (pause, sliceMs = SLICE_MS) => {
      const state = needed();
      if (state !== 'write') {
        return state;
      }
      // The records as the index is now; what the features keep in them is made a slice at a time.
      const taken = snapshot();
      underWay = taken;
      let slice = performance.now();
      for (const entry of taken) {
        if (performance.now() - slice >= sliceMs) {
          await pause();
          slice = performance.now();
        }
        if (underWay !== taken) {
          return false; // `finishNow` wrote them.
        }
        service.recordExtras(entry);
      }
      underWay = undefined;
      return write(taken);
    },
    finishNow: () => {
      const taken = underWay;
      if (taken) {
        underWay = undefined;
        write(taken, true);
      }
    },
  };
}

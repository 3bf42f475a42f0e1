/**
 * A warm start: the records of the index that a session leaves in the parse
 * cache (`ParseCache.writeRecords`), taken back before the next first scan so
 * that a file unchanged since is neither parsed nor loaded, nor re-checked,
 * until something reads it. A start that changed nothing leaves the records
 * as they are. The language server and the checker both use it.
 */
import { LanguageService } from '../languageService';
import type { FileRecord } from '../model/workspaceIndex';
import { WorkspaceSync } from '../sync/workspaceSync';
import { textHash } from './parseCache';
import { cacheKey, ParsingLoaderOptions } from './parsingLoader';

/** Thrown through the slices of a `saveInSlices` that `finishNow` took over. */
class RecordsFinished extends Error {}

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
   * `save`, with what the records read from each parse made first, a slice at a time with `pause`
   * between (the language server: the records themselves then take a moment); false when
   * `finishNow` took over.
   */
  saveInSlices(pause: () => Promise<void>): Promise<boolean>;
  /** A `saveInSlices` under way is done at once (the server shuts down): the records are made and written now. */
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
  let slicing: 'not begun' | 'under way' | 'done' | 'finished at once' = 'not begun';
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
  const write = (made: FileRecord[]): boolean => {
    const out = made.map((r) => {
      const seen = fingerprints.get(r.uri);
      return seen?.key === r.key ? { ...r, fingerprint: seen.fingerprint } : r;
    });
    newFingerprints = false;
    return cache?.writeRecords(scope, out) ?? false;
  };
  const keyOf = (): ((text: string) => string) => {
    const limits = service.parseLimits();
    return (text) => cacheKey(textHash(text), limits);
  };
  const save = (): boolean => {
    const state = needed();
    return state === 'write' ? write(service.records(keyOf())) : state;
  };
  return {
    count: records?.length ?? 0,
    save,
    saveInSlices: async (pause) => {
      if (needed() !== 'write') {
        return save();
      }
      slicing = 'under way';
      const finished = await service
        .prepareRecords(async () => {
          await pause();
          if (slicing !== 'under way') {
            throw new RecordsFinished('the records were finished at once');
          }
        })
        .then(
          () => false,
          (e: unknown) => {
            if (e instanceof RecordsFinished) {
              return true;
            }
            throw e;
          },
        );
      if (finished) {
        return false;
      }
      slicing = 'done';
      return save();
    },
    finishNow: () => {
      if (slicing === 'under way') {
        slicing = 'finished at once';
        save();
      }
    },
  };
}

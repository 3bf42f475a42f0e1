/**
 * A warm start: the records of the index that a session leaves in the parse
 * cache (`ParseCache.writeRecords`), taken back before the next first scan so
 * that a file unchanged since is neither parsed nor loaded, nor re-checked,
 * until something reads it. A start that changed nothing leaves the records
 * as they are. The language server and the checker both use it.
 */
import { LanguageService } from '../languageService';
import { WorkspaceSync } from '../sync/workspaceSync';
import { textHash } from './parseCache';
import { cacheKey, ParsingLoaderOptions } from './parsingLoader';

/** What records are kept for: the workspace folders and the settings the index is built with (other settings, other records). */
function recordScope(roots: readonly string[], service: LanguageService): string {
  return JSON.stringify([roots, service.settings]);
}

/** A warm start begun: how many files were taken back, and the saving of the records once the first scan has ended. */
export interface WarmStart {
  count: number;
  /**
   * Leaves the records of the index in the cache — unless an open buffer differs from its file
   * (the index then is not the disk), the settings changed meanwhile, or every file was taken back
   * and nothing changed (the records are those already written). Returns whether they are there.
   */
  save(): boolean;
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
  return {
    count: records?.length ?? 0,
    save: () => {
      if (!cache || recordScope(roots, service) !== scope || !sync.buffersMatchDisk()) {
        return false;
      }
      const unchanged = changes !== undefined && service.index.changes === changes && !service.index.uris().some((uri) => service.index.unconfirmedKey(uri) !== undefined);
      if (unchanged && !newFingerprints) {
        return true;
      }
      const limits = service.parseLimits();
      const out = service.records((text) => cacheKey(textHash(text), limits)).map((r) => {
        const seen = fingerprints.get(r.uri);
        return seen?.key === r.key ? { ...r, fingerprint: seen.fingerprint } : r;
      });
      newFingerprints = false;
      return cache.writeRecords(scope, out);
    },
  };
}

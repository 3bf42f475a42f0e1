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
export function recordScope(roots: readonly string[], service: LanguageService): string {
  return JSON.stringify([roots, service.settings]);
}

/**
 * Before the first scan: takes the files back from the records the cache holds for `scope`, and
 * lets the loader skip the files whose text is the recorded one. Returns how many were taken back,
 * and the index's change count then (`saveRecords` leaves the records alone when it is unchanged).
 */
export function restoreRecords(sync: WorkspaceSync, service: LanguageService, loader: ParsingLoaderOptions, scope: string): Restored {
  const cache = loader.cache;
  const records = cache?.readRecords(scope);
  if (!cache || !records) {
    return { count: 0 };
  }
  sync.restore(records, (uri, key) => cache.get(uri, key));
  loader.restoredKey = (uri) => service.index.unconfirmedKey(uri);
  return { count: records.length, changes: service.index.changes };
}

/** What `restoreRecords` took back: how many files, and the index's change count right after (unset when nothing was). */
export interface Restored {
  count: number;
  changes?: number;
}

/**
 * After the first scan: leaves the records of the index for `scope` in the cache — unless an open
 * buffer differs from its file (the index then is not the disk), or the scope changed meanwhile.
 */
export function saveRecords(sync: WorkspaceSync, service: LanguageService, loader: ParsingLoaderOptions, scope: string, roots: readonly string[], restored: Restored): boolean {
  if (!loader.cache || recordScope(roots, service) !== scope || !sync.buffersMatchDisk()) {
    return false;
  }
  // Every file taken back and confirmed, nothing else changed: the records are those already written.
  if (restored.changes !== undefined && service.index.changes === restored.changes && !hasUnconfirmed(service)) {
    return true;
  }
  const limits = service.parseLimits();
  return loader.cache.writeRecords(scope, service.records((text) => cacheKey(textHash(text), limits)));
}

function hasUnconfirmed(service: LanguageService): boolean {
  return service.index.uris().some((uri) => service.index.unconfirmedKey(uri) !== undefined);
}

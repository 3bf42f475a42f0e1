/**
 * A warm start: the records of the index that a session leaves in the parse
 * cache (`ParseCache.writeRecords`), taken back before the next first scan so
 * that a file unchanged since is neither parsed nor loaded, nor re-checked,
 * until something reads it. The language server and the checker both use it.
 */
import { LanguageService } from '../languageService';
import { WorkspaceSync } from '../sync/workspaceSync';
import { cacheKey, ParsingLoaderOptions } from './parsingLoader';

/** What records are kept for: the workspace folders and the settings the index is built with (other settings, other records). */
export function recordScope(roots: readonly string[], service: LanguageService): string {
  return JSON.stringify([roots, service.settings]);
}

/**
 * Before the first scan: takes the files back from the records the cache holds for `scope`, and
 * lets the loader skip the files whose text is the recorded one. Returns how many were taken back.
 */
export function restoreRecords(sync: WorkspaceSync, service: LanguageService, loader: ParsingLoaderOptions, scope: string): number {
  const cache = loader.cache;
  const records = cache?.readRecords(scope);
  if (!cache || !records) {
    return 0;
  }
  sync.restore(records, (uri, key) => cache.get(uri, key));
  loader.restoredKey = (uri) => service.index.unconfirmedKey(uri);
  return records.length;
}

/**
 * After the first scan: leaves the records of the index for `scope` in the cache — unless an open
 * buffer differs from its file (the index then is not the disk), or the scope changed meanwhile.
 */
export function saveRecords(sync: WorkspaceSync, service: LanguageService, loader: ParsingLoaderOptions, scope: string, roots: readonly string[]): boolean {
  if (!loader.cache || recordScope(roots, service) !== scope || !sync.buffersMatchDisk()) {
    return false;
  }
  const limits = service.parseLimits();
  return loader.cache.writeRecords(scope, service.records((text) => cacheKey(text, limits)));
}

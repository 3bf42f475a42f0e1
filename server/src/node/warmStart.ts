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
    loader.restoredKey = (uri) => service.index.unconfirmedKey(uri);
  }
  const changes = records ? service.index.changes : undefined;
  return {
    count: records?.length ?? 0,
    save: () => {
      if (!cache || recordScope(roots, service) !== scope || !sync.buffersMatchDisk()) {
        return false;
      }
      if (changes !== undefined && service.index.changes === changes && !service.index.uris().some((uri) => service.index.unconfirmedKey(uri) !== undefined)) {
        return true;
      }
      const limits = service.parseLimits();
      return cache.writeRecords(scope, service.records((text) => cacheKey(textHash(text), limits)));
    },
  };
}

/**
 * A language service over a folder of the repository (the examples), read
 * from disk as `strategy-check` reads it.
 */
import * as path from 'path';
import { LanguageService } from '../../../server/src/languageService';
import { findFiles, pathToUri, readTextFile } from '../../../server/src/node/fileSystem';
import { Settings } from '../../../server/src/settings';
import { schemas } from '../fixture';

/** The repository root (tests run from `out/test/unit/…`). */
export const REPO = path.resolve(__dirname, '../../../..');

/** Indexes every workspace file below `folder` (relative to the repository). */
export function loadFolder(folder: string, locale = 'en', settings?: Settings): LanguageService {
  const root = path.join(REPO, folder);
  const service = new LanguageService({ schemas: schemas(), locale, roots: [pathToUri(root)], settings });
  for (const file of findFiles(root, (rel) => service.kindOf(pathToUri(path.join(root, rel))) !== undefined)) {
    const res = readTextFile(file);
    if (res.text !== undefined) {
      service.update(pathToUri(file), res.text);
    }
  }
  return service;
}

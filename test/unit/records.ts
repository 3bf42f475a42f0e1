/**
 * What the tests of warm starts share: the key a record names a text by, and a service over a
 * workspace folder with every file indexed (the earlier session whose records are taken back).
 */
import * as crypto from 'crypto';
import { LanguageService } from '../../server/src/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { schemas } from './fixture';

/** The key of a text in the records these tests make (`LanguageService.records`). */
export function recordKey(text: string): string {
  return crypto.createHash('sha1').update(text).digest('hex');
}

/** A language service over the workspace folder `root`, with the default settings. */
export function serviceAt(root: string): LanguageService {
  return new LanguageService({ schemas: schemas(), roots: [root], settings: DEFAULT_SETTINGS });
}

/** A service with every text indexed. */
export function indexAll(root: string, texts: ReadonlyMap<string, string>): LanguageService {
  const s = serviceAt(root);
  for (const [uri, text] of texts) {
    s.update(uri, text);
  }
  return s;
}

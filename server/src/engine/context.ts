/**
 * The engine: the machinery the editor features share but that is no
 * feature itself — what stands at a position (`locate.ts`), where a name is
 * used (`referenceSearch.ts`), sibling sequences (`sequences.ts`), fuzzy
 * search (`fuzzyIndex.ts`), workspace edits (`edits.ts`), the caches
 * (`caches.ts`) and small LSP helpers (`shared.ts`). It lies below
 * `features/` and above `model/`: features import it, it imports the model
 * and the parser, and never a feature, so `features/` holds one file per
 * feature and no feature reaches into another.
 *
 * It is a folder of its own rather than part of `model/` because it speaks
 * LSP (ranges, locations, edits, cancellation) and `model/` does not.
 *
 * This file is the narrow context every feature takes: what features read,
 * and nothing of the facade that drives them. The facade
 * (`languageService.ts`) builds it once.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ResolveContext } from '../model/resolve';
import { CodeDiagnostic } from '../model/types';
import { Settings } from '../settings';
import { FeatureCaches } from './caches';

/** What a feature may read: the index and resolution context, messages, settings, texts, diagnostics and caches. */
export interface FeatureContext extends ResolveContext {
  /** The current settings (they change when the user changes them). */
  readonly settings: Settings;
  /** The caches derived from the index, kept current by the facade as files are indexed and dropped. */
  readonly caches: FeatureCaches;
  /** The text the index holds for `uri`. */
  document(uri: string): TextDocument | undefined;
  /** The diagnostics of a file, with the severity overrides of the settings applied. */
  diagnostics(uri: string): CodeDiagnostic[];
}

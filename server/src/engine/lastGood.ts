/**
 * The last parse without syntax errors of each strategy document. While the
 * user types, the text is often not valid YAML, and a broken parse may lose
 * the items after the error; completion then still knows the document's
 * codes, numbering and actors from the last good parse.
 *
 * The facade notes every parse the index takes and every file it drops, so
 * this record follows the index and not the requests that happen to come.
 * It holds the parse itself, not a copy: an incremental re-parse
 * (`parse/incremental.ts`) updates the previous parse's items in place, but
 * it only starts from a parse without syntax errors and always yields one
 * without them, so the parse kept here is replaced before it could change.
 * A parse with a syntax error always comes from a whole-file parse, which
 * changes nothing of the previous one, so the record kept through a broken
 * stretch is exactly the last good parse.
 */
import { StrategyDocument } from '../model/types';

/** True when the parse met a YAML syntax error. */
export function hasSyntaxError(doc: StrategyDocument): boolean {
  return doc.diagnostics.some((d) => d.code === 'yaml-syntax');
}

/** The last good parse of each strategy document, by URI. */
export class LastGoodParses {
  private readonly byUri = new Map<string, StrategyDocument>();

  /** Notes the parse the index now holds for its file. */
  note(doc: StrategyDocument): void {
    if (!hasSyntaxError(doc)) {
      this.byUri.set(doc.uri, doc);
    }
  }

  /** Forgets a file the index dropped (or that is no longer a strategy document). */
  evict(uri: string): void {
    this.byUri.delete(uri);
  }

  /** The last parse of `doc`'s file without syntax errors, when `doc` itself has some. */
  fallbackFor(doc: StrategyDocument): StrategyDocument | undefined {
    return hasSyntaxError(doc) ? this.byUri.get(doc.uri) : undefined;
  }
}

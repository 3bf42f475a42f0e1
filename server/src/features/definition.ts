/**
 * Go to definition, from every kind of reference: items in the same file,
 * in another file or qualified, `goalsFrom` and `documents[].strategy` to the
 * named document's `strategy:` value, actors, and descriptors of workspace
 * catalogs. On a definition it answers the definition itself, which editors
 * turn into "show references".
 */
import { CancellationToken, Location, LocationLink, Position } from 'vscode-languageserver-protocol';
import type { FeatureContext } from '../engine/context';
import { Target } from '../model/resolve';
import { Span } from '../model/types';
import { locate } from '../engine/locate';
import { definitionOf } from '../engine/referenceSearch';
import { cancelled, spanRange } from '../engine/shared';

/** Options of the client that shape the answer. */
export interface DefinitionOptions {
  /** The client accepts `LocationLink`s (`textDocument.definition.linkSupport`): the whole item is then the target range. */
  linkSupport?: boolean;
}

/** The definition of the code at a position; null where there is none. */
export function definition(ctx: FeatureContext, uri: string, position: Position, options: DefinitionOptions = {}, token?: CancellationToken): Location[] | LocationLink[] | null {
  const text = ctx.document(uri);
  const found = text ? locate(ctx, uri, text.offsetAt(position)) : undefined;
  if (!text || !found?.target || cancelled(token)) {
    return null;
  }
  const def = definitionOf(found.target);
  // The built-in catalog lives under a URI that editors cannot open; a workspace catalog's definition would have won resolution.
  const targetText = def && def.uri !== ctx.builtinCatalogUri ? ctx.document(def.uri) : undefined;
  if (!def || !targetText) {
    return null;
  }
  const selection = spanRange(targetText, def.span);
  if (!options.linkSupport) {
    return [{ uri: def.uri, range: selection }];
  }
  const whole = wholeSpan(found.target) ?? def.span;
  return [{ originSelectionRange: spanRange(text, found.span), targetUri: def.uri, targetRange: spanRange(targetText, whole), targetSelectionRange: selection }];
}

/** The span a peek shows for a target: an item's whole mapping. */
function wholeSpan(target: Target): Span | undefined {
  return target.kind === 'item' && target.item.span.end > target.item.span.start ? target.item.span : undefined;
}

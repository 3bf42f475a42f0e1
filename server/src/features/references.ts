/**
 * Find all references: from a definition or any reference, every use of
 * the same item, document, descriptor or actor across the workspace,
 * Markdown included; the definition itself when the client asks for it.
 */
import { CancellationToken, Location, Position } from 'vscode-languageserver-protocol';
import type { FeatureContext } from '../engine/context';
import { locate } from '../engine/locate';
import { definitionOf, findUses, sortUses } from '../engine/referenceSearch';
import { spanLocation } from '../engine/shared';

/** The references of the code at a position; null where there is no code that resolves. */
export function references(ctx: FeatureContext, uri: string, position: Position, includeDeclaration: boolean, token?: CancellationToken): Location[] | null {
  const text = ctx.document(uri);
  const found = text ? locate(ctx, uri, text.offsetAt(position)) : undefined;
  if (!text || !found?.target) {
    return null;
  }
  const uses = findUses(ctx, found.target, token);
  if (!uses) {
    return null;
  }
  const out: Location[] = [];
  const def = includeDeclaration ? definitionOf(found.target) : undefined;
  // The built-in catalog cannot be opened by the editor: its definition is left out.
  if (def && def.uri !== ctx.builtinCatalogUri) {
    const loc = spanLocation(ctx, def.uri, def.span);
    if (loc) {
      out.push(loc);
    }
  }
  for (const use of sortUses(uses)) {
    const loc = spanLocation(ctx, use.uri, use.span);
    if (loc) {
      out.push(loc);
    }
  }
  return out;
}

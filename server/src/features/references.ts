/**
 * Find all references: from a definition or any reference, every use of
 * the same item, document, descriptor or actor across the workspace,
 * Markdown included; the definition itself when the client asks for it.
 */
import { CancellationToken, Location, Position } from 'vscode-languageserver-protocol';
import type { LanguageService } from '../languageService';
import { locate } from './locate';
import { definitionOf, findUses, sortUses } from './referenceSearch';
import { spanLocation } from './shared';

/** The references of the code at a position; null where there is no code that resolves. */
export function references(service: LanguageService, uri: string, position: Position, includeDeclaration: boolean, token?: CancellationToken): Location[] | null {
  const text = service.document(uri);
  const found = text ? locate(service, uri, text.offsetAt(position)) : undefined;
  if (!text || !found?.target) {
    return null;
  }
  const uses = findUses(service, found.target, token);
  if (!uses) {
    return null;
  }
  const out: Location[] = [];
  const def = includeDeclaration ? definitionOf(found.target) : undefined;
  // The built-in catalog cannot be opened by the editor: its definition is left out.
  if (def && def.uri !== service.resolveContext().builtinCatalogUri) {
    const loc = spanLocation(service, def.uri, def.span);
    if (loc) {
      out.push(loc);
    }
  }
  for (const use of sortUses(uses)) {
    const loc = spanLocation(service, use.uri, use.span);
    if (loc) {
      out.push(loc);
    }
  }
  return out;
}

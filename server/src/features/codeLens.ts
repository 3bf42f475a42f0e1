/**
 * A code lens on each item: "3 references" / "3 odkazy", which opens them.
 */
import { CancellationToken, CodeLens, Location } from 'vscode-languageserver-protocol';
import type { FeatureContext } from '../engine/context';
import { isItemCode } from '../parse/codes';
import { itemUses, sortUses } from '../engine/referenceSearch';
import { plural, spanLocation, spanRange } from '../engine/shared';

/** The command that shows a list of locations in the editor's peek view. */
const SHOW_REFERENCES = 'editor.action.showReferences';

/** One lens per item of a strategy document, counting its references across the workspace. */
export function codeLenses(ctx: FeatureContext, uri: string, token?: CancellationToken): CodeLens[] {
  const parsed = ctx.index.get(uri)?.parsed;
  const text = ctx.document(uri);
  if (parsed?.kind !== 'strategy' || !text) {
    return [];
  }
  const items = parsed.items.filter((i) => isItemCode(i.id));
  const uses = itemUses(ctx, parsed, items, token);
  if (!uses) {
    return [];
  }
  return items.map((item) => {
    const locations = sortUses(uses.get(item) ?? []).map((u) => spanLocation(ctx, u.uri, u.span)).filter((l): l is Location => l !== undefined);
    const range = spanRange(text, item.idSpan);
    const title = plural(ctx.messages, 'refs', locations.length);
    // The arguments are plain JSON (a URI string, an LSP position and LSP locations): `editor.action.showReferences`
    // needs a vscode.Uri, a vscode.Position and vscode.Locations, which the VS Code client converts them to in its
    // code lens middleware. An item without references gets a lens that only informs.
    const command = locations.length > 0 ? { title, command: SHOW_REFERENCES, arguments: [uri, range.start, locations] } : { title, command: '' };
    return { range, command };
  });
}

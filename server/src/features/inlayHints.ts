/**
 * Inlay hints after each code in a reference list (`related`, `goals`,
 * `descriptors`, `responsible`, `partners`): the title or name it stands
 * for, shortened, so that `[2.A.11, VIII.e]` reads without hovering.
 * Off when the `strategyCodes.inlayHints.enabled` setting is false.
 */
import { CancellationToken, InlayHint, Range } from 'vscode-languageserver-protocol';
import type { FeatureContext } from '../engine/context';
import { resolveReference, Target } from '../model/resolve';
import { cancelled, shorten } from '../engine/shared';

/** Hints are shortened to about this many characters; the tooltip holds the whole text. */
const HINT_LENGTH = 40;

const HINTED_KINDS = new Set(['related', 'goals', 'descriptors', 'responsible', 'partners']);

function nameOf(target: Target | undefined): string | undefined {
  switch (target?.kind) {
    case 'item':
      return target.item.title;
    case 'descriptor':
      return target.definition.descriptor.title;
    case 'actor':
      return target.actor.name;
    default:
      return undefined;
  }
}

/** The hints of a strategy document within `range`. */
export function inlayHints(ctx: FeatureContext, uri: string, range: Range, token?: CancellationToken): InlayHint[] {
  const parsed = ctx.index.get(uri)?.parsed;
  const text = ctx.document(uri);
  if (!ctx.settings.inlayHints || parsed?.kind !== 'strategy' || !text) {
    return [];
  }
  const from = text.offsetAt(range.start);
  const to = text.offsetAt(range.end);
  const source = text.getText();
  const out: InlayHint[] = [];
  for (const ref of parsed.references) {
    if (ref.span.end < from || ref.span.start > to || !HINTED_KINDS.has(ref.kind)) {
      continue;
    }
    if (cancelled(token)) {
      return [];
    }
    const name = nameOf(resolveReference(ctx, parsed, ref).target)?.trim();
    if (!name) {
      continue;
    }
    // After the closing quote of a quoted code, not inside the quotes.
    const quote = source[ref.span.start - 1];
    const end = (quote === '"' || quote === "'") && source[ref.span.end] === quote ? ref.span.end + 1 : ref.span.end;
    out.push({ position: text.positionAt(end), label: shorten(name, HINT_LENGTH), paddingLeft: true, tooltip: name });
  }
  return out;
}

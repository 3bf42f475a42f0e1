/**
 * Small helpers the navigation and editing features share: offsets to LSP
 * ranges, Czech-aware plurals, Markdown escaping, and text normalisation for
 * matching typed words against Czech titles.
 */
import { CancellationToken, Location, Range } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FeatureContext } from './context';
import { Messages } from '../messages';
import { Span } from '../model/types';

/** The LSP range of a span in a text document. */
export function spanRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

/** The location of a span in an indexed file, or undefined when the service holds no text for it. */
export function spanLocation(ctx: FeatureContext, uri: string, span: Span): Location | undefined {
  const doc = ctx.document(uri);
  return doc ? { uri, range: spanRange(doc, span) } : undefined;
}

/** True when `offset` lies in `span` or touches its end (a cursor right after a code still points at it). */
export function spanContains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/**
 * A count with its noun, through the message ids `base.one`, `base.few` and
 * `base.many`. The forms follow Czech (1 odkaz, 2–4 odkazy, 0 and 5+ odkazů);
 * English simply gives `few` and `many` the same text.
 */
export function plural(messages: Messages, base: string, n: number): string {
  const form = n === 1 ? 'one' : n >= 2 && n <= 4 ? 'few' : 'many';
  return messages.text(`${base}.${form}`, String(n));
}

/** Escapes text for Markdown, so that a title with `*` or `_` or `|` shows as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => '\\' + c).replace(/\r?\n/g, ' ');
}

/** `text` cut to about `max` characters at a word boundary, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) {
    return flat;
  }
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '') + '…';
}

/** True when the request was cancelled; a missing token never is. */
export function cancelled(token: CancellationToken | undefined): boolean {
  return token?.isCancellationRequested === true;
}

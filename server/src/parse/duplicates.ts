/**
 * `duplicate-id` diagnostics for ids defined more than once in one file.
 */
import { CodeDiagnostic, Span } from '../model/types';

/** One `duplicate-id` on every copy of an id defined more than once, each linked to the other copies. */
export function reportRepeats(uri: string, entries: readonly { id: string; span: Span }[], messageId: string, out: CodeDiagnostic[]): void {
  const byId = new Map<string, Span[]>();
  for (const e of entries) {
    const spans = byId.get(e.id);
    if (spans) {
      spans.push(e.span);
    } else {
      byId.set(e.id, [e.span]);
    }
  }
  for (const [id, spans] of byId) {
    if (spans.length < 2) {
      continue;
    }
    for (const span of spans) {
      out.push({
        code: 'duplicate-id',
        severity: 'error',
        span,
        message: { id: messageId, args: [id] },
        related: spans
          .filter((s) => s !== span)
          .slice(0, 20)
          .map((s) => ({ uri, span: s, message: { id: 'dup.otherPlace', args: [id] } })),
      });
    }
  }
}

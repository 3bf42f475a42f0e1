/**
 * An item's budget as the reports write it, shared by the HTML page and the
 * Word document (which must not share a module that loads the Word writer).
 */
import { AnalysisItem } from '../analysis/analysis';

/** An item's budget as written: amount, currency and, in brackets, the source. */
export function budgetText(item: AnalysisItem): string {
  const b = item.budget ?? {};
  return [b.amount, b.currency].filter((v) => v !== undefined).join(' ') + (b.source !== undefined ? ` (${b.source})` : '');
}

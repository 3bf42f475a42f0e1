/**
 * Lines of a paged document (a PDF's text layer) without what every page
 * repeats: running headers and footers, and page numbers. A line is a header
 * or footer when, with its digits ignored, it stands among the first or last
 * lines of at least half of the pages (and of three at least). Each line left
 * out is reported with its page.
 */
import { isPageNumber } from './lineCodes';
import { Finding, SourceLine } from './model';

/** How many lines at the top and the bottom of a page may be a header or footer. */
const EDGE = 3;

/** The lines of all pages without repeated headers, footers and page numbers; `findings` receives one entry per line left out. */
export function dropPageFurniture(lines: readonly SourceLine[], findings: Finding[]): SourceLine[] {
  const pages = new Map<number, SourceLine[]>();
  for (const l of lines) {
    const page = l.at.page ?? 1;
    pages.set(page, [...(pages.get(page) ?? []), l]);
  }
  const key = (text: string): string => text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
  const seen = new Map<string, Set<number>>();
  for (const [page, pageLines] of pages) {
    const nonEmpty = pageLines.filter((l) => l.text.trim() !== '');
    for (const l of [...nonEmpty.slice(0, EDGE), ...nonEmpty.slice(-EDGE)]) {
      const k = key(l.text);
      seen.set(k, (seen.get(k) ?? new Set()).add(page));
    }
  }
  const threshold = Math.max(3, Math.ceil(pages.size / 2));
  const repeated = new Set([...seen].filter(([, onPages]) => onPages.size >= threshold).map(([k]) => k));
  const out: SourceLine[] = [];
  for (const [, pageLines] of pages) {
    const nonEmpty = pageLines.filter((l) => l.text.trim() !== '');
    const edges = new Set([...nonEmpty.slice(0, EDGE), ...nonEmpty.slice(-EDGE)]);
    for (const l of pageLines) {
      if (edges.has(l) && repeated.has(key(l.text))) {
        findings.push({ kind: 'left-out', at: l.at, id: 'import.leftOut.pageHeader', args: [l.text.trim(), String(seen.get(key(l.text))?.size ?? 0)] });
      } else if (edges.has(l) && isPageNumber(l.text)) {
        findings.push({ kind: 'left-out', at: l.at, id: 'import.leftOut.pageNumber', args: [l.text.trim()] });
      } else {
        out.push(l);
      }
    }
  }
  return out;
}

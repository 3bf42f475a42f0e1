/**
 * A PDF's text layer through `pdfjs-dist`, rebuilt into lines: the text runs
 * of a page are grouped by their baseline and ordered left to right, and a
 * vertical gap larger than a line's height ends a paragraph. pdfjs runs its
 * parser in this thread (its "fake worker", handed over through
 * `globalThis.pdfjsWorker`, the hook pdfjs provides for hosts that bundle it),
 * so that the bundled server and CLI need no separate worker file.
 */
import { ImportError, Source, SourceLine } from '../import/model';
import type { Progress } from './importSources';

interface Run {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Groups a page's text runs into lines, top to bottom, each left to right. */
function pageLines(runs: readonly Run[], page: number): SourceLine[] {
  const sorted = runs.filter((r) => r.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Run[][] = [];
  for (const run of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0].y - run.y) <= Math.max(2, Math.min(row[0].height, run.height) * 0.5)) {
      row.push(run);
    } else {
      rows.push([run]);
    }
  }
  const out: SourceLine[] = [];
  rows.forEach((row, i) => {
    row.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const r of row) {
      // Runs that touch are one word; a gap wider than a fifth of the line's height is a space.
      text += text !== '' && r.x - end > r.height * 0.2 && !text.endsWith(' ') && !r.str.startsWith(' ') ? ` ${r.str}` : r.str;
      end = r.x + r.width;
    }
    const next = rows[i + 1];
    const gap = next ? row[0].y - next[0].y : 0;
    out.push({ text, at: { page, line: i + 1 }, breakAfter: next !== undefined && gap > row[0].height * 1.8 });
  });
  return out;
}

const importPdfjs = () => import('pdfjs-dist/legacy/build/pdf.mjs');
type Pdfjs = Awaited<ReturnType<typeof importPdfjs>>;

/**
 * Loads pdfjs for reading text only. pdfjs builds a `DOMMatrix` when it loads
 * (for drawing, which text extraction never does) and in Node takes it from
 * the native `@napi-rs/canvas`, which a bundled extension does not carry:
 * the `@thednp/dommatrix` shim stands in. pdfjs also warns, while loading,
 * that it could not load that canvas package or polyfill drawing classes;
 * those warnings say nothing about text and would only alarm the user, so
 * they are held back while pdfjs loads; any other warning passes.
 */
async function loadPdfjs(): Promise<Pdfjs> {
  const host = globalThis as { DOMMatrix?: unknown; pdfjsWorker?: unknown };
  host.DOMMatrix ??= (await import('@thednp/dommatrix')).default;
  const warn = console.warn;
  console.warn = (...args: unknown[]): void => {
    if (!/^Warning: Cannot (load|access|polyfill)/.test(String(args[0]))) {
      warn(...args);
    }
  };
  try {
    const pdfjs = await importPdfjs();
    host.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return pdfjs;
  } finally {
    console.warn = warn;
  }
}

/** Reads a PDF's text layer. Throws `ImportError` for an encrypted or corrupt file. */
export async function readPdf(name: string, bytes: Uint8Array, progress: Progress): Promise<Source> {
  const pdfjs = await loadPdfjs();
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  } catch (e) {
    const kind = (e as { name?: string }).name;
    throw new ImportError(kind === 'PasswordException' ? 'import.error.encrypted' : 'import.error.corrupt', [name, 'PDF', (e as Error).message ?? String(e)]);
  }
  try {
    const lines: SourceLine[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      if (doc.numPages > 20 && p % 20 === 0) {
        progress(`${name}: ${p} / ${doc.numPages}`);
      }
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if ('str' in item) {
          runs.push({ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, height: Math.abs(item.height) || Math.abs(item.transform[3] as number) || 10 });
        }
      }
      lines.push(...pageLines(runs, p));
      page.cleanup();
    }
    return { kind: 'pdf', name, lines, tables: [] };
  } finally {
    await doc.destroy();
  }
}

/**
 * Reading import sources from disk into the engine's lines, blocks and rows:
 * text (UTF-8, or Windows-1250 as older exports are saved), PDF text layers
 * (`pdfjs-dist`), Word files (`mammoth`, with the numbers Word shows computed
 * from `numbering.xml`), and workbooks and CSV (`exceljs`). Everything that
 * touches files or those libraries lives here, so that the engine in
 * `server/src/import/` stays plain functions.
 */
import * as fs from 'fs';
import * as path from 'path';
import { detectKind, textKind, textLines } from '../import/importStrategy';
import { ImportError, Source, SourceKind } from '../import/model';
import { readDocx } from './importDocx';
import { readPdf } from './importPdf';
import { readCsv, readXlsx } from './importSheets';

/** Sources above this size are refused before they are read: bounded time and memory whatever the file. */
export const MAX_SOURCE_MB = 20;

/** Progress of a long read (`page 12 / 300`), for the CLI's stderr or the editor's notification. */
export type Progress = (message: string) => void;

/** Decodes text as UTF-8, or as Windows-1250 when it is not valid UTF-8 (Czech files saved by older Windows programs). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1250').decode(bytes);
  }
}

/** Reads a source file. Throws `ImportError` for input that cannot be imported (missing, empty, too large, corrupt). */
export async function readSource(file: string, kind: SourceKind | undefined, progress: Progress = () => undefined): Promise<Source> {
  const name = path.basename(file);
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    throw new ImportError('import.error.corrupt', [file, kind ?? 'file', (e as NodeJS.ErrnoException).code ?? String(e)]);
  }
  if (!st.isFile()) {
    throw new ImportError('import.error.corrupt', [file, kind ?? 'file', st.isDirectory() ? 'EISDIR' : 'ENOTREG']);
  }
  if (st.size === 0) {
    throw new ImportError('import.error.empty', [name]);
  }
  if (st.size > MAX_SOURCE_MB * 1024 * 1024) {
    throw new ImportError('import.error.tooLarge', [name, (st.size / 1024 / 1024).toFixed(1), String(MAX_SOURCE_MB)]);
  }
  const bytes = new Uint8Array(fs.readFileSync(file));
  const detected = kind ?? detectKind(name, bytes);
  switch (detected) {
    case 'pdf':
      return readPdf(name, bytes, progress);
    case 'docx':
      return readDocx(name, bytes);
    case 'xlsx':
      return readXlsx(name, bytes, progress);
    case 'csv':
      return readCsv(name, decodeText(bytes));
    default: {
      if (bytes.subarray(0, 4096).includes(0)) {
        throw new ImportError('import.error.binary', [name]);
      }
      const text = decodeText(bytes);
      if (text.trim() === '') {
        throw new ImportError('import.error.empty', [name]);
      }
      return { kind: detected ?? textKind(text), name, lines: textLines(text), tables: [] };
    }
  }
}

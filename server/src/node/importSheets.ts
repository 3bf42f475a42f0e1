/**
 * Workbooks and CSV through `exceljs`: each sheet becomes a table of text
 * cells as the spreadsheet shows them (`cell.text`, so that a code `1.10`
 * typed into a number cell is not read as 1.1). A merged range gives its
 * value to its first cell only, so that a code merged over three indicator
 * rows reads as one item with three indicators, not three items.
 */
import ExcelJS from 'exceljs';
import { Readable } from 'stream';
import { ImportError, Source, SourceRow, SourceTable } from '../import/model';
import type { Progress } from './importSources';

function sheetTable(sheet: ExcelJS.Worksheet, progress: Progress): SourceTable {
  const rows: SourceRow[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const merged = cell.isMerged && cell.master.address !== cell.address;
      cells.push(merged ? '' : cellText(cell));
    }
    rows.push({ cells, at: { sheet: sheet.name, row: rowNumber } });
    if (rowNumber % 5000 === 0) {
      progress(`${sheet.name}: ${rowNumber} / ${sheet.rowCount}`);
    }
  });
  return { name: sheet.name, rows };
}

/** The text a cell shows; rich text joined, formulas by their result, dates as the sheet formats them. */
function cellText(cell: ExcelJS.Cell): string {
  // `cell.text` formats every value type exceljs knows; an unreadable cell reads as empty rather than stopping the import.
  try {
    return cell.text ?? '';
  } catch {
    return '';
  }
}

/** Reads a workbook. */
export async function readXlsx(name: string, bytes: Uint8Array, progress: Progress): Promise<Source> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new ImportError(/encrypt|password|CDFV2/i.test(String(e)) ? 'import.error.encrypted' : 'import.error.corrupt', [name, 'xlsx', (e as Error).message ?? String(e)]);
  }
  const tables = workbook.worksheets.map((s) => sheetTable(s, progress));
  return { kind: 'xlsx', name, lines: [], tables };
}

/** Reads CSV text; the delimiter (`,` `;` or tab) is the one the header line uses most, as Czech Excel saves with `;`. */
export async function readCsv(name: string, text: string): Promise<Source> {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string): number => header.split(ch).length - 1;
  const delimiter = [';', '\t', ','].reduce((best, ch) => (count(ch) > count(best) ? ch : best), ',');
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet;
  try {
    sheet = await workbook.csv.read(Readable.from([text]), { parserOptions: { delimiter }, map: (v: unknown) => v });
  } catch (e) {
    throw new ImportError('import.error.corrupt', [name, 'csv', (e as Error).message ?? String(e)]);
  }
  // A CSV has no sheets: its rows are located by their line alone.
  const table = sheetTable(sheet, () => undefined);
  return { kind: 'csv', name, lines: [], tables: [{ name, rows: table.rows.map((r) => ({ cells: r.cells, at: { row: r.at.row } })) }] };
}

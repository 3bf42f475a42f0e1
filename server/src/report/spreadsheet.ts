/**
 * Workbooks and CSV of a document through `exceljs`, in the one table layout
 * (`tableRows.ts`): the `Položky`, `Dokument` and `Aktéři` sheets of a
 * workbook, or the item rows alone in a CSV. Every cell is written as text,
 * so that a code `2.10` stays `2.10` and not the number 2.1.
 */
import ExcelJS from 'exceljs';
import { DocumentAnalysis } from '../analysis/analysis';
import { ACTORS_SHEET, DOCUMENT_SHEET, ITEMS_SHEET } from '../table/columns';
import { actorRows, documentRows, itemRows } from './tableRows';

function addSheet(workbook: ExcelJS.Workbook, name: string, rows: string[][], header: boolean): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  for (const row of rows) {
    sheet.addRow(row);
  }
  if (header && rows.length > 0) {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return sheet;
}

/** The workbook of a document: item rows, document fields and actors. */
export async function writeXlsx(doc: DocumentAnalysis, locale: 'cs' | 'en'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const items = addSheet(workbook, ITEMS_SHEET, itemRows(doc, locale), true);
  // Multi-line cells (indicators) wrap, and the title column is wide enough to read.
  items.columns.forEach((column, i) => {
    column.width = i === 2 ? 60 : 14;
    column.alignment = { wrapText: true, vertical: 'top' };
  });
  addSheet(workbook, DOCUMENT_SHEET, documentRows(doc), false);
  addSheet(workbook, ACTORS_SHEET, actorRows(doc), false);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * The item rows of a document as CSV, with a byte order mark so that Excel
 * reads it as UTF-8; `;` between fields in Czech, as Czech Excel expects,
 * `,` in English.
 */
export async function writeCsv(doc: DocumentAnalysis, locale: 'cs' | 'en'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  addSheet(workbook, ITEMS_SHEET, itemRows(doc, locale), false);
  const buffer = await workbook.csv.writeBuffer({ sheetName: ITEMS_SHEET, formatterOptions: { delimiter: locale === 'cs' ? ';' : ',', writeBOM: true } });
  return new Uint8Array(buffer);
}

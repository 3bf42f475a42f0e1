/**
 * One entry for every report format: the analysis in, the bytes of the file
 * out. The command line (`strategy-report`) and the export commands of the
 * editor both call `renderReport`, so an export from VS Code is the same file
 * as one made in CI.
 */
import { Analysis } from '../analysis/analysis';
import { Locale } from '../messages';
import { ReportFormat } from './formats';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { writeCsv, writeXlsx } from './spreadsheet';
import { reportMessages } from './texts';
import { writeDocx } from './word';


/** The bytes of a report. For `csv` and `xlsx` the analysis must hold exactly one document. */
export async function renderReport(analysis: Analysis, format: ReportFormat, locale: Locale): Promise<Uint8Array> {
  const text = (s: string): Uint8Array => new TextEncoder().encode(s);
  const messages = reportMessages(locale);
  switch (format) {
    case 'html':
      return text(renderHtml(analysis, { messages, target: 'file' }));
    case 'md':
      return text(renderMarkdown(analysis, messages));
    case 'json':
      return text(JSON.stringify(analysis, null, 2) + '\n');
    case 'docx':
      return writeDocx(analysis, messages);
    case 'csv':
    case 'xlsx': {
      if (analysis.documents.length !== 1) {
        throw new Error(`a ${format} report holds exactly one document, not ${analysis.documents.length}`);
      }
      return format === 'csv' ? writeCsv(analysis.documents[0], locale) : writeXlsx(analysis.documents[0], locale);
    }
  }
}

/**
 * The report formats, apart from the writers that make them: the client
 * names a format in a request without loading a spreadsheet or Word library.
 */

/** The formats of `strategy-report --format` and of the export commands. */
export const REPORT_FORMATS = ['html', 'md', 'csv', 'xlsx', 'docx', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Whether a format holds exactly one document (the table layout has one document's items). */
export function needsOneDocument(format: ReportFormat): boolean {
  return format === 'csv' || format === 'xlsx';
}

/**
 * The language server's side of "Import Strategy…": reads the source from
 * disk and runs the import engine, as `strategy-import` does. The client
 * writes the files; bad input becomes a response error whose message names
 * the file and the problem.
 */
import * as path from 'path';
import { ResponseError } from 'vscode-languageserver';
import { errorText, importSource, reportText } from '../import/importStrategy';
import { ImportError, SOURCE_KINDS, SourceKind } from '../import/model';
import { localeOf } from '../messages';
import { ImportStrategyRequest } from '../protocol';
import { readSource } from './importSources';

/** The error code of a source that cannot be imported (within the range LSP leaves to servers). */
export const IMPORT_FAILED = -32001;

/** Imports the source a client names. */
export async function importForClient(params: ImportStrategyRequest.Params): Promise<ImportStrategyRequest.Result> {
  const locale = localeOf(params.locale);
  const from = SOURCE_KINDS.includes(params.from as SourceKind) ? (params.from as SourceKind) : undefined;
  try {
    const source = await readSource(params.path, from);
    const base = path.basename(params.path).replace(/\.[^.]+$/, '');
    const output = importSource(source, {}, base);
    return {
      files: output.files,
      report: reportText(source, output, output.files.map((f) => f.name), locale, true),
      items: output.itemCount,
      leftOut: output.result.findings.filter((f) => f.kind === 'left-out').length,
    };
  } catch (e) {
    if (e instanceof ImportError) {
      throw new ResponseError(IMPORT_FAILED, errorText(e, locale));
    }
    throw e;
  }
}

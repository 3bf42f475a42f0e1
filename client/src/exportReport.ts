/**
 * The export commands: the current strategy document as HTML, Markdown, CSV, Excel, Word or JSON,
 * made by the server with the same writers as `strategy-report` (`ReportRequest`) and saved where
 * the user chooses.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReportRequest } from '../../server/src/protocol';
import { REPORT_FORMATS, type ReportFormat } from '../../server/src/report/formats';

const l10n = vscode.l10n;

/** The command id of the export in a format. */
export function exportCommandId(format: ReportFormat): string {
  return `strategyCodes.export.${format}`;
}

/** The save dialog's filter name of a format. */
function formatName(format: ReportFormat): string {
  switch (format) {
    case 'html':
      return l10n.t('Web page (HTML)');
    case 'md':
      return l10n.t('Markdown');
    case 'csv':
      return l10n.t('CSV table');
    case 'xlsx':
      return l10n.t('Excel workbook');
    case 'docx':
      return l10n.t('Word document');
    case 'json':
      return l10n.t('JSON');
  }
}

/** The strategy document to export: the one given, or the active editor's. */
function documentToExport(given: vscode.Uri | undefined): vscode.Uri | undefined {
  if (given) {
    return given;
  }
  const editor = vscode.window.activeTextEditor;
  return editor && /\.strategy\.ya?ml$/.test(editor.document.uri.path) ? editor.document.uri : undefined;
}

/**
 * Exports a strategy document in a format. `source` is the document (the active editor's by
 * default); `target` the file to write (asked with a save dialog by default). Returns the file
 * written, or undefined when the user cancelled or there was nothing to export.
 */
export async function exportReport(client: LanguageClient, format: ReportFormat, source?: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const uri = documentToExport(source);
  if (!uri) {
    void vscode.window.showInformationMessage(l10n.t('Open a strategy document (*.strategy.yaml) to export it.'));
    return undefined;
  }
  const base = uri.path.slice(uri.path.lastIndexOf('/') + 1).replace(/\.strategy\.ya?ml$/, '');
  const file =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(uri, '..', `${base}.${format}`),
      filters: { [formatName(format)]: [format] },
      title: l10n.t('Export Strategy as {0}', formatName(format)),
    }));
  if (!file) {
    return undefined;
  }
  const result = await client.sendRequest(ReportRequest.type, { uri: client.code2ProtocolConverter.asUri(uri), format });
  // The file system API writes the whole file in one call (a remote or virtual file system included).
  await vscode.workspace.fs.writeFile(file, Buffer.from(result.base64, 'base64'));
  const open = l10n.t('Open');
  void vscode.window.showInformationMessage(l10n.t('Exported {0}', vscode.workspace.asRelativePath(file)), open).then((choice) => {
    if (choice === open) {
      void vscode.env.openExternal(file);
    }
  });
  return file;
}

/** Registers one export command per format. */
export function registerExportCommands(client: LanguageClient): vscode.Disposable {
  return vscode.Disposable.from(
    ...REPORT_FORMATS.map((format) =>
      vscode.commands.registerCommand(exportCommandId(format), (source?: vscode.Uri, target?: vscode.Uri) =>
        exportReport(client, format, source instanceof vscode.Uri ? source : undefined, target instanceof vscode.Uri ? target : undefined),
      ),
    ),
  );
}

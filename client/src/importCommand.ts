/**
 * "Import Strategy…": picks a source file (or takes one from the caller), has the language server
 * import it under a progress notification, writes the results beside the source (asking before it
 * overwrites anything, each file written whole through a temporary file), opens the strategy and
 * shows the import report beside it as a Markdown document.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ImportStrategyRequest } from '../../server/src/protocol';

const l10n = vscode.l10n;

/** The scheme of the read-only import reports. */
export const REPORT_SCHEME = 'strategy-import-report';

/** Options a caller (a test, a keybinding) may pass instead of answering the dialogs. */
export interface ImportCommandOptions {
  /** Overwrite existing files without asking (tests); by default the user is asked. */
  overwrite?: boolean;
  /** The kind of source when its name does not tell (`dbexport`, `text`, `pdf`, `docx`, `xlsx`, `csv`). */
  from?: string;
}

/** What the command did: the files written (the strategy first) and the report shown. */
export interface ImportCommandResult {
  files: vscode.Uri[];
  report: vscode.Uri;
}

/** The import reports shown in this window, served as read-only Markdown documents. */
export class ImportReports implements vscode.TextDocumentContentProvider {
  private reports = new Map<string, string>();
  private count = 0;

  /** Keeps a report and returns the URI it is shown under. */
  add(sourceName: string, markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${sourceName}.md`, query: String(++this.count) });
    this.reports.set(uri.toString(), markdown);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.reports.get(uri.toString()) ?? '';
  }
}

const SOURCE_EXTENSIONS = ['txt', 'pdf', 'docx', 'xlsx', 'csv'];

/** Asks for the source file. */
async function pickSource(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: l10n.t('Import'),
    title: l10n.t('Import Strategy'),
    filters: { [l10n.t('Strategies (database export, PDF, Word, Excel, CSV, text)')]: SOURCE_EXTENSIONS, [l10n.t('All files')]: ['*'] },
  });
  return picked?.[0];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Writes a file whole or not at all: a temporary file beside it, renamed over it. */
async function writeWhole(uri: vscode.Uri, text: string): Promise<void> {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const temp = vscode.Uri.joinPath(uri, '..', `.${name}.import.tmp`);
  await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw error;
  }
}

/** Runs "Import Strategy…". Resolves with what was written, or undefined when the user cancelled or the import failed (with a message shown). */
export async function importStrategy(client: LanguageClient, reports: ImportReports, given?: vscode.Uri, options: ImportCommandOptions = {}): Promise<ImportCommandResult | undefined> {
  const source = given ?? (await pickSource());
  if (!source) {
    return undefined;
  }
  if (source.scheme !== 'file') {
    void vscode.window.showErrorMessage(l10n.t('Only files on disk can be imported: {0}', source.toString()));
    return undefined;
  }
  const sourceName = source.path.slice(source.path.lastIndexOf('/') + 1);
  let result: ImportStrategyRequest.Result;
  try {
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: l10n.t('Importing {0}…', sourceName) }, () =>
      client.sendRequest(ImportStrategyRequest.type, { path: source.fsPath, from: options.from, locale: vscode.env.language }),
    );
  } catch (error) {
    void vscode.window.showErrorMessage(l10n.t('Import failed: {0}', error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  const targets = result.files.map((f) => vscode.Uri.joinPath(source, '..', f.name));
  const existing: string[] = [];
  for (const t of targets) {
    if (await exists(t)) {
      existing.push(t.path.slice(t.path.lastIndexOf('/') + 1));
    }
  }
  if (existing.length > 0 && options.overwrite !== true) {
    const overwrite = l10n.t('Overwrite');
    const answer = await vscode.window.showWarningMessage(l10n.t('{0} already exists. Overwrite it with the import of {1}?', existing.join(', '), sourceName), { modal: true }, overwrite);
    if (answer !== overwrite) {
      return undefined;
    }
  }
  for (let i = 0; i < targets.length; i++) {
    await writeWhole(targets[i], result.files[i].text);
  }
  await vscode.window.showTextDocument(targets[0], { preview: false });
  const report = reports.add(sourceName, result.report);
  const reportDoc = await vscode.workspace.openTextDocument(report);
  await vscode.languages.setTextDocumentLanguage(reportDoc, 'markdown');
  await vscode.window.showTextDocument(reportDoc, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
  return { files: targets, report };
}

/**
 * The Strategy Codes extension: starts the language server (`dist/server/server.js`, over IPC) and
 * adds what the protocol alone does not give — the "Strategies" tree, the status bar item with the
 * index progress, the "Go to Strategy Code…" command, the Strategy Overview and the exports.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { StatusNotification, type StatusData } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { registerExportCommands } from './exportReport';
import { createLanguageClient } from './languageClient';
import { scopeOfEditor, StrategyOverview } from './overview';
import { StrategyStatusBar } from './statusBar';
import { followActiveEditor, type StrategyNode, StrategyTreeProvider, TREE_VIEW_ID } from './treeView';

/** What `activate` returns: used by the tests inside VS Code, and by other extensions if they wish. */
export interface StrategyCodesApi {
  client: LanguageClient;
  treeData: StrategyTreeProvider;
  treeView: vscode.TreeView<StrategyNode>;
  statusBar: StrategyStatusBar;
  /** The Strategy Overview webview. */
  overview: StrategyOverview;
  /** Resolves with the first status after which the server is no longer indexing. */
  indexed: () => Promise<StatusData>;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<StrategyCodesApi> {
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Strategy Codes'), { log: true });
  client = createLanguageClient(context, output);
  const statusBar = new StrategyStatusBar();
  const treeData = new StrategyTreeProvider(client);
  const view = vscode.window.createTreeView(TREE_VIEW_ID, { treeDataProvider: treeData, showCollapseAll: true });
  const statusEvents = new vscode.EventEmitter<StatusData>();
  const overview = new StrategyOverview(client);
  const activeClient = client;

  context.subscriptions.push(
    output, statusBar, treeData, view, statusEvents, overview,
    registerCommands(client, treeData, view, output),
    registerExportCommands(client),
    vscode.commands.registerCommand('strategyCodes.overview.show', () => overview.show(scopeOfEditor(activeClient, vscode.window.activeTextEditor))),
    vscode.commands.registerCommand('strategyCodes.overview.showWorkspace', () => overview.show({ kind: 'workspace' })),
    followActiveEditor(view, treeData, client),
    client.onNotification(StatusNotification.type, (status) => {
      statusBar.update(status);
      treeData.invalidate();
      statusEvents.fire(status);
    }),
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Stopped) {
        statusBar.showStopped();
      } else if (newState === State.Starting) {
        statusBar.showStarting();
      }
    }),
    // Edits change titles and codes without changing the counts; the diagnostics the server
    // pushes after analysing a document are the signal that its tree may have changed.
    vscode.languages.onDidChangeDiagnostics((e) => e.uris.some((uri) => treeData.shows(uri.toString())) && treeData.invalidate()),
  );
  await vscode.commands.executeCommand('setContext', 'strategyCodes.active', true);
  // A server that cannot start is reported by the client (output and notification) and in the
  // status bar; the extension stays active so that "Restart Language Server" can try again.
  await client.start().catch((error: unknown) => output.error('The language server did not start', error));

  const indexed = (): Promise<StatusData> => {
    const now = statusBar.status;
    if (now && !now.indexing) {
      return Promise.resolve(now);
    }
    return new Promise((resolve) => {
      const sub = statusEvents.event((status) => !status.indexing && (sub.dispose(), resolve(status)));
    });
  };
  return { client, treeData, treeView: view, statusBar, overview, indexed };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

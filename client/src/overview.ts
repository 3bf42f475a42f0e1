/**
 * The Strategy Overview (Přehled strategie): a webview beside the editor with the link matrix,
 * coverage bars, gaps and tables of the strategy under the cursor, or of the whole workspace. The
 * server computes the analysis (`AnalysisRequest`); the page is drawn by the same renderer as the
 * HTML report (`server/src/report/html.ts`), in VS Code's theme colours. It follows the author's
 * typing and the active editor; every code and marked cell opens the item it stands for.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Analysis } from '../../server/src/analysis/analysis';
import { localeOf } from '../../server/src/messages';
import { AnalysisRequest } from '../../server/src/protocol';
import { renderHtml, renderHtmlBody } from '../../server/src/report/html';
import { reportMessages } from '../../server/src/report/texts';

const l10n = vscode.l10n;

/** The view type of the panel (also its id for serialisation, which the overview does not use). */
export const OVERVIEW_VIEW_TYPE = 'strategyCodes.overview';

/** A message from the page: a code or matrix cell was activated. */
export interface OpenMessage {
  command: 'open';
  uri: string;
  start: number;
}

function isOpenMessage(value: unknown): value is OpenMessage {
  const m = value as Partial<OpenMessage> | undefined;
  return m?.command === 'open' && typeof m.uri === 'string' && typeof m.start === 'number' && Number.isFinite(m.start);
}

/** What the overview shows: one document by URI, or the whole workspace. */
export type OverviewScope = { kind: 'document'; uri: string } | { kind: 'workspace' };

/** A random nonce for the page's one script (the content security policy allows only it). */
function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 32 }, () => chars[Math.floor(Math.random() * chars.length)]).join('');
}

/**
 * The page's script: a click or Enter on anything with a place (`data-uri`, `data-start`) asks the
 * extension to open it, and an update message replaces the content without losing the scroll.
 */
const SCRIPT = `
const vscode = acquireVsCodeApi();
const open = (event) => {
  const target = event.target instanceof Element ? event.target.closest('[data-uri]') : null;
  if (!target) { return; }
  event.preventDefault();
  vscode.postMessage({ command: 'open', uri: target.getAttribute('data-uri'), start: Number(target.getAttribute('data-start')) });
};
document.addEventListener('click', open);
document.addEventListener('keydown', (event) => { if (event.key === 'Enter') { open(event); } });
window.addEventListener('message', (event) => {
  if (event.data && event.data.command === 'update') { document.getElementById('report').innerHTML = event.data.html; }
});
`;

/** The Strategy Overview panel; one per window, reused and retargeted. */
export class StrategyOverview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private scope: OverviewScope = { kind: 'workspace' };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: vscode.CancellationTokenSource | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly rendered = new vscode.EventEmitter<Analysis>();
  /** The analysis the page shows now (for tests and the export commands). */
  analysis: Analysis | undefined;
  /** The content the page shows now (`<main id="report">`'s markup), for tests. */
  content = '';
  /** Fires after the page shows a new analysis. */
  readonly onDidRender = this.rendered.event;

  constructor(private readonly client: LanguageClient) {
    this.subscriptions.push(
      // The server re-validates after each edit; the overview asks again shortly after the author stops typing.
      vscode.workspace.onDidChangeTextDocument((e) => e.document.languageId === 'strategy-yaml' && e.contentChanges.length > 0 && this.schedule()),
      vscode.languages.onDidChangeDiagnostics((e) => e.uris.some((u) => /\.strategy\.ya?ml$/.test(u.path)) && this.schedule()),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
    );
  }

  /** The scope shown now. */
  get current(): OverviewScope {
    return this.scope;
  }

  /** Whether the panel is open. */
  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** Opens (or reveals) the overview for a scope, beside the editor, and shows its analysis. */
  async show(scope: OverviewScope): Promise<Analysis | undefined> {
    this.scope = scope;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(OVERVIEW_VIEW_TYPE, l10n.t('Strategy Overview'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.analysis = undefined;
        this.content = '';
      });
      this.panel.webview.onDidReceiveMessage((message: unknown) => isOpenMessage(message) && void this.open(message));
    } else {
      this.panel.reveal(undefined, true);
    }
    this.panel.webview.html = '';
    return this.update();
  }

  /** Follows the active editor: a strategy document becomes the overview's document. */
  private follow(editor: vscode.TextEditor | undefined): void {
    if (!this.panel || this.scope.kind !== 'document' || editor?.document.languageId !== 'strategy-yaml') {
      return;
    }
    const uri = this.client.code2ProtocolConverter.asUri(editor.document.uri);
    if (uri !== this.scope.uri && /\.strategy\.ya?ml$/.test(editor.document.uri.path)) {
      this.scope = { kind: 'document', uri };
      this.schedule(0);
    }
  }

  private schedule(ms = 250): void {
    if (!this.panel) {
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update().catch((e: unknown) => this.client.error('Could not update the Strategy Overview', e, false)), ms);
  }

  /** Asks the server for the analysis of the scope and draws it. */
  async update(): Promise<Analysis | undefined> {
    const panel = this.panel;
    if (!panel) {
      return undefined;
    }
    this.pending?.cancel();
    const cts = (this.pending = new vscode.CancellationTokenSource());
    const params = this.scope.kind === 'document' ? { uri: this.scope.uri } : {};
    const analysis = await this.client.sendRequest(AnalysisRequest.type, params, cts.token);
    if (cts.token.isCancellationRequested || this.panel !== panel) {
      return undefined;
    }
    const messages = reportMessages(localeOf(vscode.env.language));
    this.content = renderHtmlBody(analysis, messages);
    if (panel.webview.html === '') {
      const script = nonce();
      const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-${script}';">`;
      panel.webview.html = renderHtml(analysis, { messages, target: 'webview', head: csp, tail: `<script nonce="${script}">${SCRIPT}</script>` });
    } else {
      await panel.webview.postMessage({ command: 'update', html: this.content });
    }
    const doc = analysis.documents.length === 1 ? analysis.documents[0] : undefined;
    panel.title = doc ? l10n.t('Strategy Overview: {0}', doc.id || doc.title) : l10n.t('Strategy Overview');
    this.analysis = analysis;
    this.rendered.fire(analysis);
    return analysis;
  }

  /** Opens the place a code or cell stands for, in the editor beside the overview. */
  async open(message: OpenMessage): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(this.client.protocol2CodeConverter.asUri(message.uri));
    const at = document.positionAt(message.start);
    const column = this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    return vscode.window.showTextDocument(document, { viewColumn: column, selection: new vscode.Range(at, at) });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.pending?.cancel();
    this.panel?.dispose();
    this.rendered.dispose();
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

/** The overview's scope for the active editor: its strategy document, or the workspace when there is none. */
export function scopeOfEditor(client: LanguageClient, editor: vscode.TextEditor | undefined): OverviewScope {
  if (editor && editor.document.languageId === 'strategy-yaml' && /\.strategy\.ya?ml$/.test(editor.document.uri.path)) {
    return { kind: 'document', uri: client.code2ProtocolConverter.asUri(editor.document.uri) };
  }
  return { kind: 'workspace' };
}

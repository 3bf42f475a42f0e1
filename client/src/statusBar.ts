/**
 * The status bar item ("3 strategies · 412 codes · 2 errors"), following the server's
 * `StatusNotification`.
 */
import * as vscode from 'vscode';
import type { StatusData } from '../../server/src/protocol';
import { catalogCount, codeCount, errorCount, strategyCount, warningCount } from './counts';

const l10n = vscode.l10n;

/** The status bar text for an index state, without the icon. */
export function statusText(status: StatusData): string {
  return [strategyCount(status.strategies), codeCount(status.codes), errorCount(status.errors)].join(' · ');
}

/** Owns the status bar item and the indexing progress; disposed with the extension. */
export class StrategyStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private last: StatusData | undefined;

  constructor() {
    this.item = vscode.window.createStatusBarItem('strategyCodes.status', vscode.StatusBarAlignment.Left, 10);
    this.item.name = l10n.t('Strategy Codes');
    this.item.command = 'workbench.actions.view.problems';
    this.setIndexing(true);
    this.item.show();
  }

  /** The last state the server reported, or `undefined` before its first report. */
  get status(): StatusData | undefined {
    return this.last;
  }

  /** The text the status bar shows now (for tests and the UI suite). */
  get text(): string {
    return this.item.text;
  }

  /** Shows a state the server reported. */
  update(status: StatusData): void {
    this.last = status;
    this.setIndexing(status.indexing);
    if (status.indexing) {
      if (status.done !== undefined && status.total !== undefined) {
        // `1,200 / 3,000` in English, `1 200 / 3 000` in Czech.
        const n = new Intl.NumberFormat(vscode.env.language);
        this.item.text = `$(sync~spin) ${l10n.t('indexing {0} / {1}', n.format(status.done), n.format(status.total))}`;
      }
      return;
    }
    const icon = status.errors > 0 ? '$(error)' : status.warnings > 0 ? '$(warning)' : '$(check)';
    this.item.text = `${icon} ${statusText(status)}`;
    this.item.tooltip = [
      l10n.t('Strategy Codes'),
      [strategyCount(status.strategies), catalogCount(status.catalogs), codeCount(status.codes)].join(', '),
      [errorCount(status.errors), warningCount(status.warnings)].join(', '),
      l10n.t('Click to open the Problems view.'),
    ].join('\n');
    this.item.backgroundColor = undefined;
  }

  /** Shows that the server is not running (it crashed too often, or failed to start). */
  showStopped(): void {
    this.setIndexing(false);
    this.item.text = `$(debug-disconnect) ${l10n.t('Strategy Codes: server stopped')}`;
    this.item.tooltip = l10n.t('The Strategy Codes language server is not running. Run "Strategy Codes: Restart Language Server" to start it again.');
    this.item.command = 'strategyCodes.restartServer';
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
  }

  /** Shows that the server is starting again (after a restart). */
  showStarting(): void {
    this.item.command = 'workbench.actions.view.problems';
    this.item.backgroundColor = undefined;
    this.setIndexing(true);
  }

  /** Shows the spinning status text while the server indexes; the progress itself is the server's own (LSP work-done progress, with percentages). */
  private setIndexing(indexing: boolean): void {
    if (!indexing) {
      return;
    }
    this.item.text = `$(sync~spin) ${l10n.t('Indexing strategies…')}`;
    this.item.tooltip = l10n.t('Strategy Codes is reading the strategy documents and catalogs of the workspace.');
  }

  dispose(): void {
    this.item.dispose();
  }
}

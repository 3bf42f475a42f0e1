/**
 * The extension's commands: "Go to Strategy Code…", "Import Strategy…", the tree view's filter and
 * context menu, and restarting the server. Each returns its disposable, registered in `context.subscriptions`.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type CodeEntry, WorkspaceCodesRequest } from '../../server/src/protocol';
import { itemCount } from './counts';
import { type ImportCommandOptions, ImportReports, importStrategy, REPORT_SCHEME } from './importCommand';
import { collectFilterValues, type CoverageRule, type FilterKind, type TreeFilter } from './treeModel';
import { coverageRuleName, filterDescription, type StrategyNode, type StrategyTreeProvider } from './treeView';

const l10n = vscode.l10n;

/** How many codes the quick pick asks for at a time: enough to scroll, few enough to stay quick. */
const QUICK_PICK_LIMIT = 200;

interface CodePick extends vscode.QuickPickItem {
  entry: CodeEntry;
}

/** Opens a document of the server's index with the cursor on a range. */
async function openAt(client: LanguageClient, uri: string, range: CodeEntry['range']): Promise<void> {
  const selection = client.protocol2CodeConverter.asRange(range);
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection });
}

/**
 * "Go to Strategy Code…": a quick pick over every code of the workspace. The server searches
 * (fuzzy over code and title, insensitive to case and diacritics) as the user types; each new query
 * cancels the previous request. `initialQuery` pre-fills the input (for keybindings and tests).
 */
export function goToCode(client: LanguageClient, initialQuery?: string): void {
  const pick = vscode.window.createQuickPick<CodePick>();
  pick.title = l10n.t('Go to Strategy Code');
  pick.placeholder = l10n.t('Type a code (2.A.11) or words of a title');
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  let search: vscode.CancellationTokenSource | undefined;

  const update = async (query: string): Promise<void> => {
    search?.cancel();
    const cts = (search = new vscode.CancellationTokenSource());
    pick.busy = true;
    try {
      const entries = await client.sendRequest(WorkspaceCodesRequest.type, { query, limit: QUICK_PICK_LIMIT }, cts.token);
      if (cts.token.isCancellationRequested) {
        return;
      }
      // alwaysShow: the server has already matched; the quick pick's own filter would hide
      // matches it does not see (a title typed without diacritics).
      pick.items = entries.map((entry) => ({
        label: entry.code,
        description: entry.title,
        detail: `${entry.documentId} · ${entry.level}`,
        alwaysShow: true,
        entry,
      }));
    } catch (error) {
      if (!cts.token.isCancellationRequested) {
        client.error('Code search failed', error, false);
        pick.items = [];
      }
    } finally {
      if (search === cts) {
        pick.busy = false;
      }
    }
  };

  pick.onDidChangeValue((value) => void update(value));
  pick.onDidAccept(() => {
    const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
    if (chosen) {
      pick.hide();
      void openAt(client, chosen.entry.uri, chosen.entry.range);
    }
  });
  pick.onDidHide(() => {
    search?.cancel();
    pick.dispose();
  });
  pick.value = initialQuery ?? '';
  pick.show();
  void update(pick.value);
}

const FILTER_KINDS: { kind: FilterKind; label: () => string; none: () => string }[] = [
  { kind: 'descriptor', label: () => l10n.t('Descriptor'), none: () => l10n.t('No item has descriptors.') },
  { kind: 'goal', label: () => l10n.t('Goal link'), none: () => l10n.t('No item has goal links.') },
  { kind: 'actor', label: () => l10n.t('Actor'), none: () => l10n.t('No item has a responsible body or partners.') },
  { kind: 'coverage', label: () => l10n.t('Coverage gap'), none: () => l10n.t('No item has a coverage gap.') },
];

/**
 * Filters the tree by a descriptor, goal link, actor or coverage gap. Called with a filter (from a keybinding or a
 * test) it applies it; otherwise it asks for the kind and then the value, listing the values in use.
 */
async function filterTree(tree: StrategyTreeProvider, given?: TreeFilter): Promise<void> {
  if (given) {
    tree.setFilter(given);
    return;
  }
  const choice = await vscode.window.showQuickPick(
    FILTER_KINDS.map((k) => ({ label: k.label(), filter: k })),
    { title: l10n.t('Filter Strategies'), placeHolder: l10n.t('Show the items with a…') },
  );
  if (!choice) {
    return;
  }
  const values = collectFilterValues(await tree.wholeTree(), choice.filter.kind);
  if (values.length === 0) {
    void vscode.window.showInformationMessage(choice.filter.none());
    return;
  }
  // Coverage rules are offered by name (`Measure without indicator`), the other kinds by the code itself.
  const label = (v: string): string => (choice.filter.kind === 'coverage' ? coverageRuleName(v as CoverageRule) : v);
  const value = await vscode.window.showQuickPick(
    values.map((v) => ({ label: label(v.value), description: itemCount(v.count), value: v.value })),
    { title: l10n.t('Filter Strategies'), placeHolder: choice.label },
  );
  if (value) {
    tree.setFilter({ kind: choice.filter.kind, value: value.value });
  }
}

/** Opens the item's definition with the cursor on its code, then runs an editor command there. */
async function atItem(client: LanguageClient, node: StrategyNode | undefined, command: string): Promise<void> {
  if (node?.kind !== 'item') {
    return;
  }
  await openAt(client, node.doc.uri, { start: node.item.range.start, end: node.item.range.start });
  await vscode.commands.executeCommand(command);
}

/** Registers every command of the extension. */
export function registerCommands(client: LanguageClient, tree: StrategyTreeProvider, view: vscode.TreeView<StrategyNode>, output: vscode.OutputChannel): vscode.Disposable {
  const showFilter = (filter: TreeFilter | undefined): void => {
    view.description = filter ? filterDescription(filter) : undefined;
    void vscode.commands.executeCommand('setContext', 'strategyCodes.treeFiltered', filter !== undefined);
  };
  const copy = async (text: string): Promise<void> => {
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(l10n.t('Copied {0}', text), 3000);
  };
  const reports = new ImportReports();
  return vscode.Disposable.from(
    tree.onDidChangeFilter(showFilter),
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
    vscode.commands.registerCommand('strategyCodes.importStrategy', (source?: unknown, options?: ImportCommandOptions) =>
      importStrategy(client, reports, source instanceof vscode.Uri ? source : typeof source === 'string' ? vscode.Uri.file(source) : undefined, options),
    ),
    vscode.commands.registerCommand('strategyCodes.goToCode', (query?: unknown) => goToCode(client, typeof query === 'string' ? query : undefined)),
    vscode.commands.registerCommand('strategyCodes.restartServer', () => (client.isRunning() ? client.restart() : client.start())),
    vscode.commands.registerCommand('strategyCodes.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('strategyCodes.tree.refresh', () => tree.refresh()),
    vscode.commands.registerCommand('strategyCodes.tree.filter', (filter?: TreeFilter) => filterTree(tree, filter)),
    vscode.commands.registerCommand('strategyCodes.tree.clearFilter', () => tree.setFilter(undefined)),
    vscode.commands.registerCommand('strategyCodes.tree.findReferences', (node?: StrategyNode) => atItem(client, node ?? view.selection[0], 'editor.action.referenceSearch.trigger')),
    vscode.commands.registerCommand('strategyCodes.tree.rename', (node?: StrategyNode) => atItem(client, node ?? view.selection[0], 'editor.action.rename')),
    vscode.commands.registerCommand('strategyCodes.tree.copyCode', async (node?: StrategyNode) => {
      const target = node ?? view.selection[0];
      if (target) {
        await copy(target.kind === 'item' ? target.item.code : target.doc.id);
      }
    }),
    vscode.commands.registerCommand('strategyCodes.tree.copyQualifiedCode', async (node?: StrategyNode) => {
      const target = node ?? view.selection[0];
      if (target?.kind === 'item' && target.doc.id) {
        await copy(`${target.doc.id}/${target.item.code}`);
      }
    }),
  );
}

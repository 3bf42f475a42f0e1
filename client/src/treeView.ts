/**
 * The "Strategies" tree view: strategy documents and catalogs of the workspace with their item
 * trees, as the server reports them through `StrategyTreeLevelRequest`. It never reads YAML itself.
 *
 * The view asks for one level at a time: the documents first, the children of a node when it is
 * expanded, because a national workspace holds hundreds of thousands of items. A server status or a
 * change of diagnostics only tells VS Code, which asks again for the top level and for the nodes that
 * are expanded, and only while the view is visible. The filter is applied by the server.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ItemAtPositionRequest, StrategyTreeLevelRequest, StrategyTreeRequest, TreeAncestorsRequest, type TreeLevelNode } from '../../server/src/protocol';
import { errorCount, itemCount, uncoveredGoalCount, warningCount, withoutGoalCount, withoutIndicatorCount, withoutResponsibleCount } from './counts';
import {
  coverageParts,
  type CoverageCounts,
  type CoverageRule,
  documentLabel,
  itemLabel,
  levelIcon,
  type ProblemCounts,
  type TreeDocumentData,
  type TreeFilter,
  type TreeItemData,
} from './treeModel';

const l10n = vscode.l10n;

/** The view's id in `package.json`. */
export const TREE_VIEW_ID = 'strategyCodes.tree';

/** The default file names of strategies and catalogs; other files are found in the tree's data. */
const STRATEGY_FILE = /\.(strategy|descriptors)\.ya?ml$/;

/**
 * A node of the tree: a document (its `items` and `plans` are not sent with it), or an item of a
 * document (its `children` are not sent with it). `key` is unique and stable across refreshes.
 */
export type StrategyNode =
  | { kind: 'document'; key: string; doc: TreeDocumentData; itemCount: number; hasChildren: boolean; parent?: StrategyNode }
  | {
      kind: 'item';
      key: string;
      doc: TreeDocumentData;
      item: TreeItemData;
      /** Where the item stands in its document, as the server asks for its children. */
      path: number[];
      /** The problems of the item and everything below it. */
      problems: ProblemCounts;
      hasChildren: boolean;
      parent: StrategyNode;
    };

/** The problem counts as the description shows them (`2 errors, 1 warning`), empty without problems. */
function problemText(counts: ProblemCounts): string {
  const parts: string[] = [];
  if (counts.errors > 0) {
    parts.push(errorCount(counts.errors));
  }
  if (counts.warnings > 0) {
    parts.push(warningCount(counts.warnings));
  }
  return parts.join(', ');
}

function problemColor(counts: ProblemCounts): vscode.ThemeColor | undefined {
  if (counts.errors > 0) {
    return new vscode.ThemeColor('problemsErrorIcon.foreground');
  }
  return counts.warnings > 0 ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined;
}

/** A coverage count as a phrase (`3 goals uncovered`), in the UI language. */
function coveragePhrase(rule: CoverageRule, n: number): string {
  switch (rule) {
    case 'uncovered-goal':
      return uncoveredGoalCount(n);
    case 'missing-goal':
      return withoutGoalCount(n);
    case 'missing-indicator':
      return withoutIndicatorCount(n);
    case 'missing-responsible':
      return withoutResponsibleCount(n);
  }
}

/** The gaps of a document or item (`3 goals uncovered · 29 measures without indicator`), empty without gaps. */
export function coverageText(counts: CoverageCounts): string {
  return coverageParts(counts)
    .map((p) => coveragePhrase(p.rule, p.count))
    .join(' · ');
}

/** The name of a coverage rule, as the filter offers it. */
export function coverageRuleName(rule: CoverageRule): string {
  switch (rule) {
    case 'uncovered-goal':
      return l10n.t('Goal not covered');
    case 'missing-goal':
      return l10n.t('Measure without goal link');
    case 'missing-indicator':
      return l10n.t('Measure without indicator');
    case 'missing-responsible':
      return l10n.t('Measure without responsible body');
  }
}

/** A filter as the view's description names it. */
export function filterDescription(filter: TreeFilter): string {
  switch (filter.kind) {
    case 'descriptor':
      return l10n.t('Descriptor: {0}', filter.value);
    case 'goal':
      return l10n.t('Goal link: {0}', filter.value);
    case 'actor':
      return l10n.t('Actor: {0}', filter.value);
    case 'coverage':
      return l10n.t('Coverage: {0}', coverageRuleName(filter.value as CoverageRule));
  }
}

/** The data provider of the tree; tests use it through the extension's exported API. */
export class StrategyTreeProvider implements vscode.TreeDataProvider<StrategyNode>, vscode.Disposable {
  private filterValue: TreeFilter | undefined;
  /** The nodes by key, kept so that a node asked for again is the same object VS Code already holds. */
  private readonly nodes = new Map<string, StrategyNode>();
  /** The last top level, shown again when the server cannot answer. */
  private top: StrategyNode[] = [];
  /** The URIs of the documents the tree has listed, at any level. */
  private readonly listed = new Set<string>();
  private readonly changed = new vscode.EventEmitter<StrategyNode | undefined>();
  private readonly filterChanged = new vscode.EventEmitter<TreeFilter | undefined>();

  readonly onDidChangeTreeData = this.changed.event;
  /** Fires when the filter is set or cleared. */
  readonly onDidChangeFilter = this.filterChanged.event;

  constructor(private readonly client: LanguageClient) {}

  /** The filter the tree shows, if any. */
  get filter(): TreeFilter | undefined {
    return this.filterValue;
  }

  /**
   * Every document with its whole item tree, unfiltered, as the filter's value picker needs it.
   * The view itself never asks for this: it is the one request that grows with the workspace.
   */
  async wholeTree(): Promise<TreeDocumentData[]> {
    try {
      return await this.client.sendRequest(StrategyTreeRequest.type, {});
    } catch (error) {
      this.client.error('Could not read the strategy tree', error, false);
      return [];
    }
  }

  /** Whether a document (by the URI string VS Code gives it) is in the tree, or may belong there. */
  shows(uri: string): boolean {
    return STRATEGY_FILE.test(uri) || this.listed.has(uri);
  }

  /** Tells VS Code that the tree changed; it asks again when (and only if) the view is visible. */
  invalidate(): void {
    this.changed.fire(undefined);
  }

  /** Asks the server for the top level now and returns when it is in place. */
  async refresh(): Promise<void> {
    this.invalidate();
    await this.getChildren();
  }

  setFilter(filter: TreeFilter | undefined): void {
    this.filterValue = filter;
    this.filterChanged.fire(filter);
    this.changed.fire(undefined);
  }

  /** One level from the server, or `undefined` when it cannot answer (the client logs the cause). */
  private async level(parent: StrategyTreeLevelRequest.Params['parent']): Promise<TreeLevelNode[] | undefined> {
    const params: StrategyTreeLevelRequest.Params = { ...(parent ? { parent } : {}), ...(this.filterValue ? { filter: this.filterValue } : {}) };
    try {
      return await this.client.sendRequest(StrategyTreeLevelRequest.type, params);
    } catch (error) {
      this.client.error('Could not read the strategy tree', error, false);
      return undefined;
    }
  }

  /** The node for a key with fresh data; an existing node is updated in place so that VS Code sees the same element each time. */
  private node(fresh: StrategyNode): StrategyNode {
    const known = this.nodes.get(fresh.key);
    if (known && known.kind === fresh.kind) {
      return Object.assign(known, fresh);
    }
    this.nodes.set(fresh.key, fresh);
    return fresh;
  }

  /** The node of one entry of a level below `parent` (none for the top level). */
  private toNode(entry: TreeLevelNode, parent: StrategyNode | undefined): StrategyNode {
    if (entry.kind === 'document') {
      this.listed.add(entry.doc.uri);
      return this.node({ kind: 'document', key: entry.doc.uri, doc: entry.doc, itemCount: entry.itemCount, hasChildren: entry.hasChildren, parent });
    }
    if (!parent) {
      throw new Error(`An item of ${entry.uri} at the top of the tree`);
    }
    // A repeated code (a `duplicate-id`) gets a numbered key of its own.
    const key = `${parent.key}/${entry.item.code}${entry.occurrence > 1 ? `#${entry.occurrence}` : ''}`;
    const problems = { errors: entry.subtreeErrors, warnings: entry.subtreeWarnings };
    return this.node({ kind: 'item', key, doc: parent.doc, item: entry.item, path: entry.path, problems, hasChildren: entry.hasChildren, parent });
  }

  async getChildren(element?: StrategyNode): Promise<StrategyNode[]> {
    if (!element) {
      const level = await this.level(undefined);
      if (level) {
        this.top = level.map((entry) => this.toNode(entry, undefined));
      }
      return this.top;
    }
    // A strategy's plans follow its own items.
    const parent = element.kind === 'document' ? { uri: element.doc.uri } : { uri: element.doc.uri, path: element.path };
    const level = await this.level(parent);
    return (level ?? []).map((entry) => this.toNode(entry, element));
  }

  getParent(element: StrategyNode): StrategyNode | undefined {
    return element.parent;
  }

  getTreeItem(element: StrategyNode): vscode.TreeItem {
    return element.kind === 'document' ? this.documentItem(element) : this.itemItem(element);
  }

  private documentItem(node: Extract<StrategyNode, { kind: 'document' }>): vscode.TreeItem {
    const { doc } = node;
    const uri = vscode.Uri.parse(doc.uri);
    const item = new vscode.TreeItem(documentLabel(doc), node.hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    const counts = { errors: doc.errors, warnings: doc.warnings };
    item.id = doc.uri;
    // The resource URI lets VS Code decorate the document with its problems, as in the Explorer.
    item.resourceUri = uri;
    item.description = [doc.id, problemText(counts), coverageText(doc.coverage)].filter((s) => s).join(' · ');
    item.iconPath = new vscode.ThemeIcon(doc.kind === 'catalog' ? 'library' : doc.implements !== undefined ? 'checklist' : 'book', problemColor(counts));
    item.contextValue = doc.kind === 'catalog' ? 'strategyCatalog' : 'strategyDocument';
    const kind = doc.kind === 'catalog' ? l10n.t('Descriptor catalog') : doc.implements !== undefined ? l10n.t('Implementation plan of {0}', doc.implements) : l10n.t('Strategy');
    item.tooltip = [`${kind}: ${documentLabel(doc)}`, doc.id, itemCount(node.itemCount), problemText(counts), coverageText(doc.coverage)]
      .filter((s) => s)
      .join('\n');
    item.command = this.openCommand(doc.uri, doc.range);
    return item;
  }

  private itemItem(node: Extract<StrategyNode, { kind: 'item' }>): vscode.TreeItem {
    const { doc, item: data, problems: counts } = node;
    const item = new vscode.TreeItem(itemLabel(data), node.hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = node.key;
    // Priorities (top-level items) show the gaps of their measures, as the documents do.
    item.description = [data.level, data.removed ? l10n.t('removed') : '', problemText(counts), data.depth === 1 && !data.group ? coverageText(data.coverage) : ''].filter((s) => s).join(' · ');
    item.iconPath = new vscode.ThemeIcon(levelIcon(data.depth, doc.kind, data), problemColor(counts));
    item.contextValue = doc.kind === 'catalog' ? 'catalogItem' : data.group ? 'strategyGroup' : 'strategyItem';
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(data.code)}** ${escapeMarkdown(data.title)}\n\n${escapeMarkdown(data.level)}`);
    const facts: [string, string[]][] = [
      [l10n.t('Descriptors'), data.descriptors],
      [l10n.t('Goal links'), data.goals],
      [l10n.t('Actors'), data.actors],
    ];
    for (const [name, values] of facts.filter(([, v]) => v.length > 0)) {
      tooltip.appendMarkdown(`\n\n${escapeMarkdown(name)}: ${values.map((v) => `\`${v}\``).join(', ')}`);
    }
    if (data.flags.length > 0) {
      tooltip.appendMarkdown(`\n\n${escapeMarkdown(data.flags.map(coverageRuleName).join(', '))}`);
    }
    if (counts.errors + counts.warnings > 0) {
      tooltip.appendMarkdown(`\n\n${escapeMarkdown(l10n.t('Problems in this item and the items below it: {0}', problemText(counts)))}`);
    }
    item.tooltip = tooltip;
    item.command = this.openCommand(doc.uri, data.range);
    return item;
  }

  private openCommand(uri: string, range: TreeItemData['range']): vscode.Command {
    const selection = this.client.protocol2CodeConverter.asRange(range);
    return { command: 'vscode.open', title: l10n.t('Go to Definition'), arguments: [vscode.Uri.parse(uri), { selection, preserveFocus: true }] };
  }

  /** The node of the item with a code in a document, if the (filtered) tree shows it; the server names its ancestors. */
  async findNode(uri: string, code: string): Promise<StrategyNode | undefined> {
    const params: TreeAncestorsRequest.Params = { uri, code, ...(this.filterValue ? { filter: this.filterValue } : {}) };
    const chain = await this.client.sendRequest(TreeAncestorsRequest.type, params).catch((error: unknown) => {
      this.client.error('Could not find the item in the strategy tree', error, false);
      return null;
    });
    let node: StrategyNode | undefined;
    for (const entry of chain ?? []) {
      node = this.toNode(entry, node);
    }
    return node;
  }

  dispose(): void {
    this.changed.dispose();
    this.filterChanged.dispose();
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}

/**
 * Keeps the tree's selection on the item under the cursor of the active strategy editor, asking
 * the server which item that is. Changes of selection are debounced, and a request still running
 * when the cursor moves again is cancelled.
 */
export function followActiveEditor(view: vscode.TreeView<StrategyNode>, tree: StrategyTreeProvider, client: LanguageClient): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: vscode.CancellationTokenSource | undefined;

  const reveal = async (editor: vscode.TextEditor): Promise<void> => {
    pending?.cancel();
    const cts = (pending = new vscode.CancellationTokenSource());
    const params = {
      uri: client.code2ProtocolConverter.asUri(editor.document.uri),
      position: client.code2ProtocolConverter.asPosition(editor.selection.active),
    };
    const found = await client.sendRequest(ItemAtPositionRequest.type, params, cts.token).catch(() => null);
    if (!found || cts.token.isCancellationRequested || !view.visible) {
      return;
    }
    const node = await tree.findNode(found.uri, found.code);
    if (node && !cts.token.isCancellationRequested) {
      await view.reveal(node, { select: true, focus: false, expand: false });
    }
  };
  const schedule = (editor: vscode.TextEditor | undefined): void => {
    clearTimeout(timer);
    const follow = vscode.workspace.getConfiguration('strategyCodes').get<boolean>('tree.followCursor', true);
    if (!editor || editor.document.languageId !== 'strategy-yaml' || !view.visible || !follow) {
      return;
    }
    timer = setTimeout(() => void reveal(editor).catch((e: unknown) => client.error('Could not reveal the item under the cursor', e, false)), 150);
  };

  return vscode.Disposable.from(
    vscode.window.onDidChangeTextEditorSelection((e) => schedule(e.textEditor)),
    vscode.window.onDidChangeActiveTextEditor((editor) => schedule(editor)),
    view.onDidChangeVisibility(() => schedule(vscode.window.activeTextEditor)),
    { dispose: () => (clearTimeout(timer), pending?.cancel()) },
  );
}

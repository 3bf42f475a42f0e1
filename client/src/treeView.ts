/**
 * The "Strategies" tree view: strategy documents and catalogs of the workspace with their item
 * trees, as the server reports them through `StrategyTreeRequest`. It never reads YAML itself.
 *
 * The tree refreshes lazily: a server status or a change of diagnostics only marks the data stale
 * and tells VS Code, which asks for the children again only while the view is visible.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ItemAtPositionRequest, StrategyTreeRequest } from '../../server/src/protocol';
import { errorCount, itemCount, warningCount } from './counts';
import {
  allDocuments,
  countItems,
  documentLabel,
  filterTree,
  findItemPath,
  itemLabel,
  levelIcon,
  subtreeCounts,
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

/** A node of the tree: a document, or an item of a document. `key` is unique and stable across refreshes. */
export type StrategyNode =
  | { kind: 'document'; key: string; doc: TreeDocumentData; parent?: StrategyNode }
  | { kind: 'item'; key: string; doc: TreeDocumentData; item: TreeItemData; parent: StrategyNode };

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

/** A filter as the view's description names it. */
export function filterDescription(filter: TreeFilter): string {
  switch (filter.kind) {
    case 'descriptor':
      return l10n.t('Descriptor: {0}', filter.value);
    case 'goal':
      return l10n.t('Goal link: {0}', filter.value);
    case 'actor':
      return l10n.t('Actor: {0}', filter.value);
  }
}

/** The data provider of the tree; tests use it through the extension's exported API. */
export class StrategyTreeProvider implements vscode.TreeDataProvider<StrategyNode>, vscode.Disposable {
  private all: TreeDocumentData[] = [];
  private shown: TreeDocumentData[] = [];
  private filterValue: TreeFilter | undefined;
  private stale = true;
  private loading: Promise<void> | undefined;
  private readonly nodes = new Map<string, StrategyNode>();
  /** Plan URI → the document it is listed under. */
  private readonly owners = new Map<string, TreeDocumentData>();
  private readonly changed = new vscode.EventEmitter<StrategyNode | undefined>();
  private readonly filterChanged = new vscode.EventEmitter<TreeFilter | undefined>();

  readonly onDidChangeTreeData = this.changed.event;
  /** Fires when the filter is set or cleared. */
  readonly onDidChangeFilter = this.filterChanged.event;

  constructor(private readonly client: LanguageClient) {}

  /** Every document the server reported, unfiltered. */
  get documents(): readonly TreeDocumentData[] {
    return this.all;
  }

  /** Whether a document (by the URI string VS Code gives it) is in the tree, or may belong there. */
  shows(uri: string): boolean {
    return STRATEGY_FILE.test(uri) || this.all.some((doc) => doc.uri === uri);
  }

  /** Marks the data stale; VS Code asks again when (and only if) the view is visible. */
  invalidate(): void {
    this.stale = true;
    this.changed.fire(undefined);
  }

  /** Fetches the tree from the server now and returns when the new data is in place. */
  async refresh(): Promise<void> {
    this.invalidate();
    await this.ensureFresh();
  }

  setFilter(filter: TreeFilter | undefined): void {
    this.filterValue = filter;
    this.rebuild();
    this.filterChanged.fire(filter);
    this.changed.fire(undefined);
  }

  /** Fetches until the data is no longer stale; concurrent callers share one request. */
  private async ensureFresh(): Promise<void> {
    while (this.stale) {
      this.loading ??= this.fetch().finally(() => (this.loading = undefined));
      await this.loading;
    }
  }

  private async fetch(): Promise<void> {
    // Cleared before the request: a change that arrives while it runs marks the data stale again.
    this.stale = false;
    try {
      this.all = await this.client.sendRequest(StrategyTreeRequest.type, {});
    } catch (error) {
      // The server is not running or failed: keep what the tree shows. The client logs the cause.
      this.client.error('Could not read the strategy tree', error, false);
    }
    this.rebuild();
  }

  private rebuild(): void {
    this.shown = filterTree(this.all, this.filterValue);
    this.nodes.clear();
    this.owners.clear();
    for (const doc of allDocuments(this.shown)) {
      for (const plan of doc.plans ?? []) {
        this.owners.set(plan.uri, doc);
      }
    }
  }

  /** The node for a key, created once per refresh so that VS Code sees the same element each time. */
  private node(key: string, create: () => StrategyNode): StrategyNode {
    let node = this.nodes.get(key);
    if (!node) {
      node = create();
      this.nodes.set(key, node);
    }
    return node;
  }

  /** A document's node; a plan's (spec 6.3) has the node of the strategy it is listed under as its parent. */
  private documentNode(doc: TreeDocumentData): StrategyNode {
    const owner = this.owners.get(doc.uri);
    return this.node(doc.uri, () => ({ kind: 'document', key: doc.uri, doc, parent: owner ? this.documentNode(owner) : undefined }));
  }

  /** Child nodes of a parent; a repeated code (a `duplicate-id`) gets a numbered key of its own. */
  private itemNodes(parent: StrategyNode, items: readonly TreeItemData[]): StrategyNode[] {
    const seen = new Map<string, number>();
    return items.map((item) => {
      const n = (seen.get(item.code) ?? 0) + 1;
      seen.set(item.code, n);
      const key = `${parent.key}/${item.code}${n > 1 ? `#${n}` : ''}`;
      return this.node(key, () => ({ kind: 'item', key, doc: parent.doc, item, parent }));
    });
  }

  async getChildren(element?: StrategyNode): Promise<StrategyNode[]> {
    if (!element) {
      await this.ensureFresh();
      return this.shown.map((doc) => this.documentNode(doc));
    }
    if (element.kind === 'document') {
      // A strategy's plans follow its own items.
      return [...this.itemNodes(element, element.doc.items), ...(element.doc.plans ?? []).map((plan) => this.documentNode(plan))];
    }
    return this.itemNodes(element, element.item.children);
  }

  getParent(element: StrategyNode): StrategyNode | undefined {
    return element.parent;
  }

  getTreeItem(element: StrategyNode): vscode.TreeItem {
    return element.kind === 'document' ? this.documentItem(element.doc) : this.itemItem(element.doc, element.item, element.key);
  }

  private documentItem(doc: TreeDocumentData): vscode.TreeItem {
    const uri = vscode.Uri.parse(doc.uri);
    const item = new vscode.TreeItem(documentLabel(doc), doc.items.length > 0 || (doc.plans ?? []).length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    const counts = { errors: doc.errors, warnings: doc.warnings };
    item.id = doc.uri;
    // The resource URI lets VS Code decorate the document with its problems, as in the Explorer.
    item.resourceUri = uri;
    item.description = [doc.id, problemText(counts)].filter((s) => s).join(' · ');
    item.iconPath = new vscode.ThemeIcon(doc.kind === 'catalog' ? 'library' : doc.implements !== undefined ? 'checklist' : 'book', problemColor(counts));
    item.contextValue = doc.kind === 'catalog' ? 'strategyCatalog' : 'strategyDocument';
    const kind = doc.kind === 'catalog' ? l10n.t('Descriptor catalog') : doc.implements !== undefined ? l10n.t('Implementation plan of {0}', doc.implements) : l10n.t('Strategy');
    item.tooltip = [`${kind}: ${documentLabel(doc)}`, doc.id, itemCount(countItems(doc.items)), problemText(counts)]
      .filter((s) => s)
      .join('\n');
    item.command = this.openCommand(doc.uri, doc.range);
    return item;
  }

  private itemItem(doc: TreeDocumentData, data: TreeItemData, key: string): vscode.TreeItem {
    const item = new vscode.TreeItem(itemLabel(data), data.children.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    const counts = subtreeCounts(data);
    item.id = key;
    item.description = [data.level, data.removed ? l10n.t('removed') : '', problemText(counts)].filter((s) => s).join(' · ');
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

  /** The node of the item with a code in a document, if the (filtered) tree shows it. */
  async findNode(uri: string, code: string): Promise<StrategyNode | undefined> {
    await this.ensureFresh();
    const doc = allDocuments(this.shown).find((d) => d.uri === uri);
    const path = findItemPath(this.shown, uri, code);
    if (!doc || !path) {
      return undefined;
    }
    let node = this.documentNode(doc);
    for (const item of path) {
      const siblings = this.itemNodes(node, node.kind === 'document' ? node.doc.items : node.item.children);
      node = siblings.find((n) => n.kind === 'item' && n.item === item) ?? node;
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

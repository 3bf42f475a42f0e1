// The extension inside a real VS Code, on a temp copy of examples/: activation, the server's features
// through VS Code's own provider commands, the tree view's data, the status bar, settings.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { type CodeEntry, ItemAtPositionRequest, type StatusData, WorkspaceCodesRequest } from '../../../server/src/protocol';
import {
  api,
  codeOf,
  EXTENSION_ID,
  exampleUri,
  hoverText,
  open,
  positionOf,
  replaceInBuffer,
  titleOf,
  waitForDiagnostics,
} from './helpers';

const PRAHA = 'praha/praha-integrace.strategy.yaml';
const KV_INTEGRACE = 'karlovy-vary/kv-integrace.strategy.yaml';
const KV_PLAN = 'karlovy-vary/kv-plan.strategy.yaml';
const LIBEREC = 'liberec/liberec-cpic.strategy.yaml';

suite('activation', () => {
  test('activates by itself in a workspace with strategy files', () => {
    // The test runner starts after the eager (workspaceContains) activations have run.
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension?.isActive, 'the extension is active before any test asked for it');
  });

  test('indexes the workspace and reports it in the status bar', async () => {
    const { indexed, statusBar } = await api();
    const status = await indexed();
    const strategies = await vscode.workspace.findFiles('**/*.strategy.{yaml,yml}');
    assert.strictEqual(status.strategies, strategies.length);
    assert.ok(status.codes > 100, `the examples have more than 100 codes (${status.codes})`);
    assert.match(statusBar.text, new RegExp(`${strategies.length} strategies · ${status.codes} codes · ${status.errors} errors?`));
  });

  test('strategy and catalog files get the strategy-yaml language', async () => {
    // Not the Prague file: the diagnostics suite checks it before anything opens it.
    const doc = await open(exampleUri(LIBEREC));
    assert.strictEqual(doc.languageId, 'strategy-yaml');
  });
});

suite('diagnostics', () => {
  test('arrive for files that were never opened', async () => {
    const uri = exampleUri(PRAHA);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the file is not open');
    // examples/README.md: the Prague export's only problems are 7 gaps in the numbering of measures.
    const ds = await waitForDiagnostics(uri, (d) => d.length > 0, 'the numbering gaps of the Prague file');
    assert.deepStrictEqual([...new Set(ds.map(codeOf))], ['numbering-gap']);
    assert.strictEqual(ds.length, 7, ds.map((d) => d.message).join('\n'));
    assert.ok(ds.every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
  });

  test('the other example documents are clean', async () => {
    await api().then((a) => a.indexed());
    for (const file of [KV_PLAN, KV_INTEGRACE, LIBEREC]) {
      assert.deepStrictEqual(vscode.languages.getDiagnostics(exampleUri(file)).map((d) => `${codeOf(d)}: ${d.message}`), [], file);
    }
  });
});

suite('language features', () => {
  test('hover on a code shows its title', async () => {
    const doc = await open(exampleUri(PRAHA));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, '- id: 2.A.11', 8));
    assert.ok(hoverText(hovers).includes(titleOf(doc, '2.A.11')), hoverText(hovers));
  });

  test('hover on a qualified reference in Markdown shows the title', async () => {
    const readme = await open(exampleUri('README.md'));
    const praha = await open(exampleUri(PRAHA));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', readme.uri, positionOf(readme, 'praha-integrace/2.A.11', 18));
    assert.ok(hoverText(hovers).includes(titleOf(praha, '2.A.11')), hoverText(hovers));
  });

  test('go to definition from a `related` reference', async () => {
    const doc = await open(exampleUri(PRAHA));
    const at = positionOf(doc, 'related: [2.B.13]', 'related: ['.length + 2);
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, at);
    assert.strictEqual(locations.length, 1);
    const target = locations[0];
    const [uri, range] = 'targetUri' in target ? [target.targetUri, target.targetSelectionRange ?? target.targetRange] : [target.uri, target.range];
    assert.strictEqual(uri.toString(), doc.uri.toString());
    assert.strictEqual(range.start.line, positionOf(doc, '- id: 2.B.13').line);
  });

  test('go to definition across documents (goal link into the strategic plan)', async () => {
    const doc = await open(exampleUri(KV_INTEGRACE));
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, positionOf(doc, 'goals: [A1.1]', 'goals: ['.length + 1));
    const uris = locations.map((l) => ('targetUri' in l ? l.targetUri : l.uri).toString());
    assert.deepStrictEqual(uris, [exampleUri(KV_PLAN).toString()]);
  });

  test('references of a measure include the items that relate to it', async () => {
    const doc = await open(exampleUri(PRAHA));
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, positionOf(doc, '- id: 2.B.13', 8));
    const lines = refs.filter((r) => r.uri.toString() === doc.uri.toString()).map((r) => r.range.start.line);
    for (const line of [positionOf(doc, 'related: [2.B.13]').line]) {
      assert.ok(lines.includes(line), `a reference on line ${line + 1}; got ${lines.map((l) => l + 1).join(', ')}`);
    }
  });

  test('completion in a `descriptors:` list offers VIII.e', async () => {
    const doc = await open(exampleUri(PRAHA));
    // A list without VIII.e: a descriptor the list already has is not offered again.
    const restore = await replaceInBuffer(doc, 'descriptors: [VIII.e, XVII.b, XVII.c]', 'descriptors: [XVII.b, V]');
    try {
      const at = positionOf(doc, 'XVII.b, V]', 'XVII.b, V'.length);
      const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
      const labels = completions.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      assert.ok(labels.includes('VIII.e'), `VIII.e among ${labels.slice(0, 30).join(', ')}`);
    } finally {
      await restore();
    }
  });

  test('rename of a measure edits its definition and its references', async () => {
    const doc = await open(exampleUri(PRAHA));
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, positionOf(doc, '- id: 2.B.13', 8), '2.B.99');
    assert.ok(edit, 'a rename edit');
    const edits = edit.get(doc.uri);
    assert.ok(edits.length >= 3, `definition and two references renamed: ${JSON.stringify(edits.map((e) => [e.range.start.line + 1, e.newText]))}`);
    assert.ok(edits.every((e) => e.newText.startsWith('2.B.99')));
  });

  test('an unknown descriptor is reported and a quick fix offered', async () => {
    const doc = await open(exampleUri(PRAHA));
    // A well-formed code that no catalog defines (XVII.b is in the built-in catalog, XVII.y is not).
    const restore = await replaceInBuffer(doc, 'descriptors: [VIII.e, XVII.b, XVII.c]', 'descriptors: [VIII.e, XVII.y, XVII.c]');
    try {
      const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'unknown-descriptor'), 'unknown-descriptor for XVII.y');
      const diagnostic = ds.find((x) => codeOf(x) === 'unknown-descriptor')!;
      assert.strictEqual(doc.getText(diagnostic.range), 'XVII.y');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const fixes = actions.filter((a) => a.kind?.contains(vscode.CodeActionKind.QuickFix));
      assert.ok(fixes.length > 0, `a quick fix; got ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(fixes.some((a) => /XVII\.[a-z]\b/.test(a.title) && a.edit), fixes.map((a) => a.title).join(', '));
    } finally {
      await restore();
    }
    await waitForDiagnostics(doc.uri, (d) => !d.some((x) => codeOf(x) === 'unknown-descriptor'), 'the unknown descriptor to go after revert');
  });

  test('document symbols list the items', async () => {
    const doc = await open(exampleUri(PRAHA));
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const names: string[] = [];
    const walk = (list: vscode.DocumentSymbol[]): void => list.forEach((s) => (names.push(s.name), walk(s.children ?? [])));
    walk(symbols ?? []);
    assert.ok(names.some((n) => n.includes('2.A.11')), names.slice(0, 20).join(', '));
  });

  test('"Go to Strategy Code…" finds codes by code and by title without diacritics', async () => {
    const { client } = await api();
    // By method name: the test bundle's copy of the message types is not the extension's.
    const byCode = await client.sendRequest<CodeEntry[]>(WorkspaceCodesRequest.method, { query: '2.A.11' });
    assert.strictEqual(byCode[0]?.code, '2.A.11');
    const doc = await open(exampleUri(PRAHA));
    const title = titleOf(doc, '2.A.11');
    const plain = title.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const byTitle = await client.sendRequest<CodeEntry[]>(WorkspaceCodesRequest.method, { query: plain, limit: 5 });
    assert.ok(byTitle.some((e) => e.code === '2.A.11'), JSON.stringify(byTitle.map((e) => e.qualified)));
  });
});

suite('tree view', () => {
  test('lists the documents with their item trees', async () => {
    const { treeData } = await api();
    await treeData.refresh();
    const roots = await treeData.getChildren();
    const ids = roots.map((n) => n.doc.id);
    for (const id of ['praha-integrace', 'kv-plan', 'kv-integrace', 'liberec-cpic']) {
      assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
    }
    const praha = roots.find((n) => n.doc.id === 'praha-integrace')!;
    const docItem = treeData.getTreeItem(praha);
    assert.ok(String(docItem.description).includes('praha-integrace'));
    assert.ok(String(docItem.description).includes('7 warnings'), String(docItem.description));
    const top = await treeData.getChildren(praha);
    assert.deepStrictEqual(top.map((n) => (n.kind === 'item' ? n.item.code : '')).slice(0, 2), ['1', '2']);
  });

  test('an item node shows code and title, level name and an icon, and opens the definition', async () => {
    const { treeData } = await api();
    const doc = await open(exampleUri(PRAHA));
    const node = await treeData.findNode(doc.uri.toString(), '2.A.11');
    assert.ok(node?.kind === 'item', 'a node for 2.A.11');
    const item = treeData.getTreeItem(node);
    assert.strictEqual(item.label, `2.A.11 ${titleOf(doc, '2.A.11')}`);
    assert.ok(String(item.description).startsWith('Opatření'), String(item.description));
    assert.ok(item.iconPath instanceof vscode.ThemeIcon);
    assert.strictEqual(item.command?.command, 'vscode.open');
    assert.strictEqual(item.contextValue, 'strategyItem');
    assert.deepStrictEqual(
      (await treeData.getChildren(node)).map((n) => (n.kind === 'item' ? n.item.code : '')),
      ['2.A.11.I', '2.A.11.II'],
    );
    const parents: string[] = [];
    for (let p = treeData.getParent(node); p; p = treeData.getParent(p)) {
      parents.push(p.kind === 'item' ? p.item.code : p.doc.id);
    }
    assert.deepStrictEqual(parents, ['2.A', '2', 'praha-integrace']);
  });

  test('a node with problems shows their count', async () => {
    const { treeData } = await api();
    const doc = await open(exampleUri(PRAHA));
    // 1.C.9 follows 1.B.7: measure 8 is missing, a numbering gap on 1.C.9.
    const node = await treeData.findNode(doc.uri.toString(), '1.C.9');
    assert.ok(node);
    assert.match(String(treeData.getTreeItem(node).description), /1 warning/);
  });

  test('filters by descriptor, goal link or actor, and clears the filter', async () => {
    const { treeData } = await api();
    await vscode.commands.executeCommand('strategyCodes.tree.filter', { kind: 'goal', value: 'A1.2' });
    const roots = await treeData.getChildren();
    assert.deepStrictEqual(roots.map((n) => n.doc.id), ['kv-integrace']);
    await vscode.commands.executeCommand('strategyCodes.tree.clearFilter');
    assert.ok((await treeData.getChildren()).length >= 4);
  });

  test('context menu: copy the code, copy the qualified code, find references at the definition', async () => {
    const { treeData } = await api();
    const doc = await open(exampleUri(PRAHA));
    const node = await treeData.findNode(doc.uri.toString(), '2.A.11');
    assert.ok(node);
    await vscode.commands.executeCommand('strategyCodes.tree.copyCode', node);
    assert.strictEqual(await vscode.env.clipboard.readText(), '2.A.11');
    await vscode.commands.executeCommand('strategyCodes.tree.copyQualifiedCode', node);
    assert.strictEqual(await vscode.env.clipboard.readText(), 'praha-integrace/2.A.11');
    await vscode.commands.executeCommand('strategyCodes.tree.findReferences', node);
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), doc.uri.toString());
    assert.deepStrictEqual(editor.selection.active, positionOf(doc, '- id: 2.A.11', '- id: '.length));
    await vscode.commands.executeCommand('closeReferenceSearch');
  });

  test('the server names the item under the cursor', async () => {
    const { client } = await api();
    const doc = await open(exampleUri(PRAHA));
    const found = await client.sendRequest<ItemAtPositionRequest.Result | null>(ItemAtPositionRequest.method, {
      uri: client.code2ProtocolConverter.asUri(doc.uri),
      position: positionOf(doc, '- id: 2.A.11.II', 30),
    });
    assert.deepStrictEqual(found, { uri: doc.uri.toString(), code: '2.A.11.II' });
  });

  test('follows the editor: moving the cursor selects its item in the tree', async () => {
    const { treeView } = await api();
    await vscode.commands.executeCommand('strategyCodes.tree.focus');
    const editor = await vscode.window.showTextDocument(await open(exampleUri(PRAHA)));
    const selected = new Promise<void>((resolve) => {
      const sub = treeView.onDidChangeSelection((e) => {
        const node = e.selection[0];
        if (node?.kind === 'item' && node.item.code === '2.B.13.II') {
          sub.dispose();
          resolve();
        }
      });
    });
    // The cursor on the activity's title, not on its code: the item is the one whose keys hold it.
    const title = /- id: 2\.B\.13\.II\s*\n\s*title: /.exec(editor.document.getText());
    assert.ok(title);
    const at = editor.document.positionAt(title.index + title[0].length + 3);
    editor.selection = new vscode.Selection(at, at);
    await selected;
    assert.ok(treeView.visible);
  });
});

suite('settings', () => {
  test('turning `numbering-gap` off takes effect without a reload, and back on', async () => {
    const uri = exampleUri(PRAHA);
    await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'numbering-gap'), 'the numbering gaps');
    const config = vscode.workspace.getConfiguration('strategyCodes');
    await config.update('diagnostics.severity', { 'numbering-gap': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'numbering-gap'), 'numbering gaps to disappear');
    } finally {
      await config.update('diagnostics.severity', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, (d) => d.filter((x) => codeOf(x) === 'numbering-gap').length === 7, 'numbering gaps to come back');
  });

  test('a severity of `error` turns the warnings into errors', async () => {
    const uri = exampleUri(PRAHA);
    const config = vscode.workspace.getConfiguration('strategyCodes');
    await config.update('diagnostics.severity', { 'numbering-gap': 'error' }, vscode.ConfigurationTarget.Workspace);
    try {
      const ds = await waitForDiagnostics(uri, (d) => d.length === 7 && d.every((x) => x.severity === vscode.DiagnosticSeverity.Error), 'numbering gaps as errors');
      assert.strictEqual(ds.length, 7);
    } finally {
      await config.update('diagnostics.severity', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, (d) => d.length === 7 && d.every((x) => x.severity === vscode.DiagnosticSeverity.Warning), 'numbering gaps as warnings again');
  });
});

suite('server lifecycle', () => {
  test('a file opened before the index is complete: the Problems panel agrees with the status bar', async () => {
    const a = await api();
    await a.client.stop();
    // The editor restores a strategy while the server starts: the client opens it right after `initialized`.
    const indexed = new Promise<StatusData>((resolve) => {
      let sawIndexing = false;
      const sub = a.treeData.onDidChangeTreeData(() => {
        const status = a.statusBar.status;
        if (status?.indexing) {
          sawIndexing = true;
        } else if (status && sawIndexing) {
          sub.dispose();
          resolve(status);
        }
      });
    });
    const started = a.client.start();
    await vscode.window.showTextDocument(await open(exampleUri(LIBEREC)));
    await started;
    const status = await indexed;
    // The Problems panel shows what `getDiagnostics` holds; `praha-integrace/2.A.11` in Liberec's file must resolve.
    const problems = vscode.languages.getDiagnostics().flatMap(([uri, ds]) => ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => `${uri.path}: ${codeOf(d)} ${d.message}`));
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(status.errors, 0);
    assert.deepStrictEqual(vscode.languages.getDiagnostics(exampleUri(LIBEREC)).map((d) => `${codeOf(d)}: ${d.message}`), []);
  });

  test('a crashed server is restarted and answers again', async () => {
    const { client } = await api();
    const child = client.serverProcess;
    assert.ok(child?.pid, `the server runs as a child process (client state ${client.state})`);
    const running = new Promise<void>((resolve) => {
      const sub = client.onDidChangeState((e) => {
        if (e.newState === State.Running) {
          sub.dispose();
          resolve();
        }
      });
    });
    process.kill(child.pid, 'SIGKILL');
    await running;
    const doc = await open(exampleUri(PRAHA));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, '- id: 2.A.11', 8));
    assert.ok(hoverText(hovers).includes(titleOf(doc, '2.A.11')));
  });
});

// The Strategy Overview and the exports inside a real VS Code, on the Karlovy Vary example: the
// webview opens beside the editor with the matrix of the example, follows an edit, and opening a
// cell's place (the message the page sends on a click) shows the item in the editor.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Analysis } from '../../../server/src/analysis/analysis';
import { api, exampleUri, open, positionOf, replaceInBuffer } from './helpers';

const KV_INTEGRACE = 'karlovy-vary/kv-integrace.strategy.yaml';

/** Waits for the overview to show an analysis that `accept` takes, failing after `ms` with what it showed. */
async function rendered(accept: (a: Analysis) => boolean, what: string, ms = 20000): Promise<Analysis> {
  const { overview } = await api();
  if (overview.analysis && accept(overview.analysis)) {
    return overview.analysis;
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for the overview to show ${what}; it shows ${JSON.stringify(overview.analysis?.documents.map((d) => [d.id, d.matrix?.marks]))}`));
    }, ms);
    const sub = overview.onDidRender((a) => {
      if (accept(a)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(a);
      }
    });
  });
}

suite('strategy overview', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('opens beside the editor with the matrix of the document under the cursor', async () => {
    const { indexed, overview } = await api();
    await indexed();
    const doc = await open(exampleUri(KV_INTEGRACE));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('strategyCodes.overview.show');
    const analysis = await rendered((a) => a.documents.length === 1 && a.documents[0].id === 'kv-integrace', 'kv-integrace');
    const kv = analysis.documents[0];
    assert.strictEqual(kv.matrix?.marks, 43);
    assert.strictEqual(kv.matrix?.rows.length, 29);
    assert.strictEqual(kv.matrix?.columns.length, 17);
    assert.deepStrictEqual(kv.coverage.uncoveredGoals.map((g) => g.code), ['A2.2', 'B1.2', 'B2.1']);
    assert.strictEqual([...overview.content.matchAll(/<td class="mark"/g)].length, 43, 'the page has a mark for each goal link');
    assert.match(overview.content, /<table class="matrix"/);
    assert.ok(overview.isOpen);
  });

  test('updates while the author types: a new goal link adds a mark and covers a goal', async () => {
    const doc = await open(exampleUri(KV_INTEGRACE));
    const restore = await replaceInBuffer(doc, 'goals: [A1.2]', 'goals: [A1.2, A2.2]');
    try {
      const analysis = await rendered((a) => a.documents[0]?.matrix?.marks === 44, 'the 44th mark');
      assert.deepStrictEqual(analysis.documents[0].coverage.uncoveredGoals.map((g) => g.code), ['B1.2', 'B2.1']);
    } finally {
      await restore();
    }
    await rendered((a) => a.documents[0]?.matrix?.marks === 43, 'the 43 marks again');
  });

  test('a cell opens the measure it belongs to in the editor', async () => {
    const { overview } = await api();
    const analysis = await rendered((a) => a.documents[0]?.matrix !== undefined, 'a matrix');
    const kv = analysis.documents[0];
    const row = kv.matrix?.rows.find((r) => r.code === '1.A.3');
    assert.ok(row);
    // The cell's place, as the page sends it on a click.
    const cell = /<td class="mark" data-uri="([^"]+)" data-start="(\d+)" title="1\.A\.3 → A1\.3">/.exec(overview.content);
    assert.ok(cell, 'the cell 1.A.3 × A1.3 is in the page');
    const editor = await overview.open({ command: 'open', uri: cell[1].replace(/&amp;/g, '&'), start: Number(cell[2]) });
    const doc = editor.document;
    assert.strictEqual(doc.uri.toString(), exampleUri(KV_INTEGRACE).toString());
    assert.deepStrictEqual(editor.selection.active, positionOf(doc, '- id: 1.A.3', 6));
  });

  test('the workspace overview shows every strategy document', async () => {
    await vscode.commands.executeCommand('strategyCodes.overview.showWorkspace');
    const analysis = await rendered((a) => a.scope === 'workspace', 'the workspace');
    assert.deepStrictEqual(analysis.documents.map((d) => d.id), ['kv-integrace', 'kv-plan', 'liberec-cpic', 'praha-integrace', 'praha-integrace-ap-2024-2025']);
  });

  test('exports the document as a Word file and as JSON', async () => {
    const source = exampleUri(KV_INTEGRACE);
    for (const format of ['docx', 'json']) {
      const target = vscode.Uri.joinPath(source, '..', `kv-export.${format}`);
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(`strategyCodes.export.${format}`, source, target);
      assert.strictEqual(written?.toString(), target.toString());
      const bytes = await vscode.workspace.fs.readFile(target);
      if (format === 'docx') {
        assert.deepStrictEqual([...bytes.subarray(0, 2)], [0x50, 0x4b], 'a zip container');
      } else {
        const json = JSON.parse(new TextDecoder().decode(bytes)) as Analysis;
        assert.strictEqual(json.documents[0].matrix?.marks, 43);
      }
      await vscode.workspace.fs.delete(target);
    }
  });
});

suite('coverage in the Strategies view', () => {
  test('documents and priorities show their gaps', async () => {
    const { treeData, indexed } = await api();
    await indexed();
    await treeData.refresh();
    const roots = await treeData.getChildren();
    const kv = roots.find((n) => n.doc.id === 'kv-integrace');
    assert.ok(kv, 'kv-integrace in the tree');
    assert.deepStrictEqual(kv.doc.coverage, { 'uncovered-goal': 3, 'missing-indicator': 29, 'missing-responsible': 23 });
    assert.match(String(treeData.getTreeItem(kv).description), /3 goals uncovered · 29 measures without indicator · 23 measures without responsible body$/);
    const [first] = await treeData.getChildren(kv);
    assert.match(String(treeData.getTreeItem(first).description), /12 measures without indicator · 6 measures without responsible body$/);
    const plan = roots.find((n) => n.doc.id === 'kv-plan');
    assert.deepStrictEqual(plan?.doc.coverage, { 'uncovered-goal': 3 });
  });

  test('filters to the items a coverage rule flags, and clears the filter', async () => {
    const { treeData } = await api();
    await vscode.commands.executeCommand('strategyCodes.tree.filter', { kind: 'coverage', value: 'uncovered-goal' });
    const roots = await treeData.getChildren();
    assert.deepStrictEqual(roots.map((n) => n.doc.id), ['kv-plan']);
    const codes: string[] = [];
    const walk = async (node: (typeof roots)[number]): Promise<void> => {
      for (const child of await treeData.getChildren(node)) {
        if (child.kind === 'item' && child.item.flags.includes('uncovered-goal')) {
          codes.push(child.item.code);
        }
        await walk(child);
      }
    };
    await walk(roots[0]);
    assert.deepStrictEqual(codes, ['A2.2', 'B1.2', 'B2.1']);
    await vscode.commands.executeCommand('strategyCodes.tree.clearFilter');
    assert.ok((await treeData.getChildren()).length >= 4);
  });
});

// "Import Strategy…" inside a real VS Code: the command imports a source written into the workspace,
// writes the strategy beside it, opens it, shows the import report, and the server checks the result.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, codeOf, waitForDiagnostics, workspaceRoot } from './helpers';

interface ImportResult {
  files: vscode.Uri[];
  report: vscode.Uri;
}

/** A national database export in small: a title, unnamed priorities, descriptors, and a real numbering gap (measure 3). */
const EXPORT = [
  'Vývoj portálu je financován za podpory Operačního programu Zaměstnanost',
  'statutární město Test',
  'Koncepce testovací 2024–2030 [akt. 2024]',
  '1.A. Spolupráce úřadů',
  '1.A.1 Posílení kapacit',
  'Deskriptory:',
  'VIII.e začleňování cizinců',
  '1.A.2 Sdílení dat mezi odbory',
  '1.B. Financování',
  '1.B.4 Dotační program',
  '1.B.4.I Vyhlásit dotační program.',
  '',
].join('\n');

async function writeSource(name: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), 'import', name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

suite('import strategy', () => {
  test('imports a database export: the strategy is written beside it and opened, the report shown, the gap reported', async () => {
    await api();
    const source = await writeSource('koncepce.txt', EXPORT);
    const result = await vscode.commands.executeCommand<ImportResult | undefined>('strategyCodes.importStrategy', source);
    assert.ok(result, 'the command returns what it wrote');
    const target = vscode.Uri.joinPath(workspaceRoot(), 'import', 'koncepce.strategy.yaml');
    assert.deepStrictEqual(result.files.map((f) => f.toString()), [target.toString()]);
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(written, /^strategy: koncepce\ntitle: Koncepce testovací 2024–2030\n/);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), target.toString(), 'the strategy is the active editor');
    const report = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === result.report.toString());
    assert.ok(report, `the report is shown; visible: ${vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()).join(', ')}`);
    assert.strictEqual(report.document.languageId, 'markdown');
    assert.match(report.document.getText(), /^# (Import report|Protokol importu)\n/);
    assert.match(report.document.getText(), /koncepce\.txt \(dbexport\)/);
    const ds = await waitForDiagnostics(target, (d) => d.length > 0, 'the numbering gap of the export');
    assert.deepStrictEqual(ds.map(codeOf), ['numbering-gap']);
  });

  test('overwrites when told to, and leaves no temporary file', async () => {
    const source = await writeSource('plan.txt', 'Plán\n1 Doprava\n1.1 Cyklostezky\n');
    const first = await vscode.commands.executeCommand<ImportResult | undefined>('strategyCodes.importStrategy', source);
    assert.ok(first);
    await writeSource('plan.txt', 'Plán\n1 Doprava\n1.1 Parkování\n');
    const second = await vscode.commands.executeCommand<ImportResult | undefined>('strategyCodes.importStrategy', source, { overwrite: true });
    assert.ok(second);
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(second.files[0]));
    assert.match(written, /title: Parkování/);
    const names = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(workspaceRoot(), 'import'))).map(([n]) => n);
    assert.ok(!names.some((n) => n.endsWith('.tmp')), names.join(', '));
  });

  test('bad input writes nothing and returns nothing', async () => {
    const source = await writeSource('prazdny.txt', '');
    const result = await vscode.commands.executeCommand<ImportResult | undefined>('strategyCodes.importStrategy', source);
    assert.strictEqual(result, undefined);
    const names = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(workspaceRoot(), 'import'))).map(([n]) => n);
    assert.ok(!names.includes('prazdny.strategy.yaml'), names.join(', '));
  });
});

/**
 * The server over stdio, as an editor uses it: diagnostics for files never
 * opened, updates on edits, cross-file fixes, deleted files cleared.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Diagnostic } from 'vscode-languageserver-protocol';
import { pathToUri } from '../../server/src/node/fileSystem';
import { copyToTemp, startClient, TestClient } from '../support/lspClient';

const EXAMPLES = path.resolve(__dirname, '../../../examples');

/** A diagnostic's message as text (LSP 3.18 allows Markdown content too). */
function text(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

describe('language server over stdio', function () {
  this.timeout(60000);
  let dir: string;
  let client: TestClient;
  const uri = (rel: string): string => pathToUri(path.join(dir, rel));

  beforeEach(async () => {
    dir = copyToTemp(EXAMPLES);
    client = await startClient(pathToUri(dir));
  });

  afterEach(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes diagnostics for every file on start, opened or not', async () => {
    const praha = await client.diagnosticsFor(uri('praha/praha-integrace.strategy.yaml'), () => true);
    assert.deepStrictEqual(
      praha.map((d) => d.code),
      Array<string>(7).fill('numbering-gap'),
    );
    const gap = praha.find((d) => text(d).includes('`1.C.9`'));
    assert.ok(gap, 'the gap before 1.C.9 is reported');
    assert.deepStrictEqual(gap.range.start.line, 75);
    assert.deepStrictEqual(await client.diagnosticsFor(uri('karlovy-vary/kv-integrace.strategy.yaml'), () => true), []);
  });

  it('updates diagnostics on an edit, and a fix in one file clears the error it caused in another', async () => {
    const plan = uri('karlovy-vary/kv-plan.strategy.yaml');
    const integration = uri('karlovy-vary/kv-integrace.strategy.yaml');
    const planText = fs.readFileSync(path.join(dir, 'karlovy-vary/kv-plan.strategy.yaml'), 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: plan, languageId: 'strategy-yaml', version: 1, text: planText } });
    // Renaming goal A1.1 in the plan breaks the goal links to it in the integration strategy.
    const broken = planText.replace('id: A1.1\n', 'id: A1.9\n');
    assert.notStrictEqual(broken, planText);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: plan, version: 2 }, contentChanges: [{ text: broken }] });
    const errors = await client.diagnosticsFor(integration, (d) => d.some((x) => x.code === 'unknown-goal'));
    assert.ok(errors.every((d) => d.code === 'unknown-goal' && text(d).includes('A1.1')));
    const planDiagnostics = await client.diagnosticsFor(plan, (d) => d.some((x) => x.code === 'numbering-gap'));
    assert.ok(planDiagnostics.some((d) => text(d).includes('A1.1')), 'the plan now misses A1.1 in its numbering');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: plan, version: 3 }, contentChanges: [{ text: planText }] });
    assert.deepStrictEqual(await client.diagnosticsFor(integration, (d) => d.length === 0), []);
    assert.deepStrictEqual(await client.diagnosticsFor(plan, (d) => d.length === 0), []);
  });

  it('clears the diagnostics of a deleted file and reports what its deletion broke', async () => {
    const liberec = uri('liberec/liberec-cpic.strategy.yaml');
    const file = path.join(dir, 'liberec/liberec-cpic.strategy.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, '$&\nbogus: 1'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: liberec, type: 2 }] });
    await client.diagnosticsFor(liberec, (d) => d.some((x) => x.code === 'schema'));
    const praha = path.join(dir, 'praha/praha-integrace.strategy.yaml');
    fs.rmSync(praha);
    fs.rmSync(file);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: uri('praha/praha-integrace.strategy.yaml'), type: 3 },
        { uri: liberec, type: 3 },
      ],
    });
    assert.deepStrictEqual(await client.diagnosticsFor(liberec, (d) => d.length === 0), []);
    assert.deepStrictEqual(await client.diagnosticsFor(uri('praha/praha-integrace.strategy.yaml'), (d) => d.length === 0), []);
    // examples/README.md refers to praha-integrace: now an unknown strategy.
    const readme = await client.diagnosticsFor(uri('README.md'), (d) => d.some((x) => x.code === 'unknown-strategy'));
    assert.ok(readme.length > 0);
  });

  it('picks up a file created on disk', async () => {
    const created = path.join(dir, 'nova.strategy.yaml');
    fs.writeFileSync(created, 'strategy: nova\ntitle: Nová\nitems:\n  - id: 1\n    title: Jedna\n    related: [kv-plan/A9.9]\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToUri(created), type: 1 }] });
    const d = await client.diagnosticsFor(pathToUri(created), (x) => x.length > 0);
    assert.deepStrictEqual(d.map((x) => x.code), ['unknown-item']);
    assert.deepStrictEqual(d[0].range, { start: { line: 5, character: 14 }, end: { line: 5, character: 26 } });
  });
});

/**
 * A file opened right after `initialized`, as Neovim and VS Code do when
 * they restore an editor, on a workspace where it depends on files the scan
 * has not read yet: no false error is ever published for it, and its last
 * diagnostics are those of the complete index.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { pathToUri } from '../../server/src/node/fileSystem';
import { startClient, TestClient } from '../support/lspClient';

/** Enough files before the plan that the scan reads it several batches after the start. */
const FILLERS = 900;

const EXAMPLES = path.resolve(__dirname, '../../../examples');

/** Starts the server on `dir` and opens `file` right after `initialized`; returns every publish for it until the index is ready and a request was answered. */
async function openAtStart(dir: string, file: string, capabilities: object): Promise<{ client: TestClient; published: PublishDiagnosticsParams[] }> {
  const text = fs.readFileSync(file, 'utf8');
  const uri = pathToUri(file);
  // This handler takes the opened file's diagnostics from the client's own record: it sees every one of them.
  const published: PublishDiagnosticsParams[] = [];
  const client = await startClient(pathToUri(dir), {}, capabilities, async (connection) => {
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      if (p.uri === uri) {
        published.push(p);
      }
    });
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'strategy-yaml', version: 1, text } });
  });
  // The index is complete (the status said so); a request's answer comes after every notification sent before it.
  await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  return { client, published };
}

/** The error messages among all publishes. */
function errorsIn(published: PublishDiagnosticsParams[]): string[] {
  return published.flatMap((p) => p.diagnostics.filter((d) => d.severity === 1).map((d) => (typeof d.message === 'string' ? d.message : d.message.value)));
}

describe('language server over stdio: a file opened at once', function () {
  this.timeout(120000);
  let dir: string;
  let client: TestClient | undefined;

  afterEach(async () => {
    await client?.stop();
    client = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('on the examples, by a client that shows progress (as Neovim and VS Code): no error for its goalsFrom plan, then or later', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-open-'));
    fs.cpSync(EXAMPLES, dir, { recursive: true });
    const opened = await openAtStart(dir, path.join(dir, 'karlovy-vary', 'kv-integrace.strategy.yaml'), { window: { workDoneProgress: true } });
    client = opened.client;
    assert.ok(opened.published.length > 0, 'diagnostics were published for the opened file');
    assert.deepStrictEqual(errorsIn(opened.published), []);
    assert.deepStrictEqual(opened.published[opened.published.length - 1], { uri: pathToUri(path.join(dir, 'karlovy-vary', 'kv-integrace.strategy.yaml')), diagnostics: [], version: 1 });
  });

  it('on a workspace where the plan it names is read batches later: no error, then or later', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-open-'));
    for (const sub of ['a', 'm', 'z']) {
      fs.mkdirSync(path.join(dir, sub));
    }
    for (let i = 0; i < FILLERS; i++) {
      fs.writeFileSync(path.join(dir, 'm', `f${String(i).padStart(4, '0')}.strategy.yaml`), `strategy: f${i}\ntitle: Výplň ${i}\nitems:\n  - id: 1\n    title: P\n`);
    }
    fs.writeFileSync(path.join(dir, 'z', 'plan.strategy.yaml'), 'strategy: plan\ntitle: Plán\nitems:\n  - id: A\n    title: Pilíř\n    items:\n      - id: A1\n        title: Cíl\n');
    const file = path.join(dir, 'a', 'open.strategy.yaml');
    fs.writeFileSync(file, 'strategy: open\ntitle: Otevřená\ngoalsFrom: plan\nitems:\n  - id: 1\n    title: P\n    goals: [A1]\n    related: [plan/A1, f899/1]\n');
    const opened = await openAtStart(dir, file, { window: { workDoneProgress: true } });
    client = opened.client;
    assert.ok(opened.published.length > 0, 'diagnostics were published for the opened file');
    assert.deepStrictEqual(errorsIn(opened.published), []);
    assert.deepStrictEqual(opened.published[opened.published.length - 1].diagnostics, []);
  });
});

/**
 * The language server's persistent parse cache and progress, over LSP: a
 * start from the cache, and a start after files changed on disk while the
 * server was closed, publish exactly the diagnostics of a cold start; a cache
 * folder that cannot be written changes nothing but speed; the status bar's
 * notifications count the files while the scan runs.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Diagnostic } from 'vscode-languageserver-protocol';
import { pathToUri } from '../../server/src/node/fileSystem';
import { StatusData } from '../../server/src/protocol';
import { startClient } from '../support/lspClient';
import { generateNationalWorkspace } from '../support/generate';

/** Every file's published diagnostics, once the index is complete. */
async function diagnosticsOf(dir: string, cacheDir: string | undefined, statuses?: StatusData[]): Promise<string> {
  const client = await startClient(pathToUri(dir), cacheDir !== undefined ? { cacheDir } : {}, {}, undefined, 240_000);
  try {
    // A request is answered after every notification sent before it: the publishes and statuses of the index's end are in.
    await client.connection.sendRequest('workspace/symbol', { query: 'x' });
    statuses?.push(...client.statuses);
    const all = [...client.diagnostics].filter(([, d]: [string, Diagnostic[]]) => d.length > 0).sort(([a], [b]) => a.localeCompare(b));
    return JSON.stringify(all);
  } finally {
    await client.stop();
  }
}

describe('parse cache and progress over LSP', function () {
  this.timeout(600_000);
  let root: string;
  let ws: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-lsp-cache-'));
    ws = path.join(root, 'ws');
    for (const f of generateNationalWorkspace({ documents: 250, plans: 10, measures: 6 })) {
      fs.mkdirSync(path.dirname(path.join(ws, f.path)), { recursive: true });
      fs.writeFileSync(path.join(ws, f.path), f.text);
    }
    // Errors of several kinds, so that equal diagnostics mean something.
    fs.writeFileSync(path.join(ws, 'broken.strategy.yaml'), 'strategy: broken\ntitle: B\nitems:\n  - id: 1\n    title: x\n    related: [9.Z, doc-1/7.A.1]\n  - id: 1\n    title: "open\n');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('publishes from the cache, and after changes on disk, exactly what a cold start publishes', async () => {
    const cache = path.join(root, 'cache');
    const statuses: StatusData[] = [];
    const cold = await diagnosticsOf(ws, cache, statuses);
    assert.ok(cold.includes('unknown-item') || cold.includes('9.Z'), 'the workspace has errors to compare');
    assert.ok(fs.readdirSync(cache).length > 0, 'the server wrote its cache into the folder the client passed');
    const counted = statuses.filter((s) => s.indexing && s.total !== undefined);
    assert.ok(counted.length > 0, 'the status notifications count the files while indexing');
    assert.strictEqual(counted[counted.length - 1].total, 262);
    assert.strictEqual(statuses[statuses.length - 1].indexing, false, 'the last status says the index is complete');
    // The second start takes the files back from the records the first left: the same diagnostics and the same status.
    const warmStatuses: StatusData[] = [];
    assert.strictEqual(await diagnosticsOf(ws, cache, warmStatuses), cold);
    assert.ok(fs.readdirSync(path.join(cache, fs.readdirSync(cache)[0])).some((f) => f.startsWith('workspace-')), 'the records of the index are in the cache');
    const { indexing, strategies, catalogs, codes, errors, warnings } = statuses[statuses.length - 1];
    const last = warmStatuses[warmStatuses.length - 1];
    assert.deepStrictEqual({ indexing: last.indexing, strategies: last.strategies, catalogs: last.catalogs, codes: last.codes, errors: last.errors, warnings: last.warnings }, { indexing, strategies, catalogs, codes, errors, warnings });
    const file = path.join(ws, 'group-0', 'doc-3.strategy.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('strategy: doc-3', 'strategy: doc-3b'));
    const changed = await diagnosticsOf(ws, cache);
    assert.notStrictEqual(changed, cold);
    assert.strictEqual(changed, await diagnosticsOf(ws, undefined));
  });

  it('works without a cache folder it can write', async () => {
    const blocker = path.join(root, 'a-file');
    fs.writeFileSync(blocker, 'x');
    assert.strictEqual(await diagnosticsOf(ws, path.join(blocker, 'cache')), await diagnosticsOf(ws, undefined));
  });
});

/**
 * `strategy-check --cache DIR` and `--workers N` on a generated workspace:
 * a run from the cache, a run after files changed on disk and a run over a
 * damaged cache report exactly what a cold run reports; parsing on worker
 * threads reports exactly what parsing on the main thread does.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run, runAsync } from '../../server/src/cli';
import { generateNationalWorkspace } from '../support/generate';

interface Result {
  status: number;
  out: string;
  err: string;
}

function io(): { out: (s: string) => void; err: (s: string) => void; result: () => { out: string; err: string } } {
  let out = '';
  let err = '';
  return { out: (s) => (out += s), err: (s) => (err += s), result: () => ({ out, err }) };
}

function check(argv: string[], cwd: string): Result {
  const o = io();
  const status = run(argv, cwd, o);
  return { status, ...o.result() };
}

async function checkAsync(argv: string[], cwd: string): Promise<Result> {
  const o = io();
  const status = await runAsync(argv, cwd, o);
  return { status, ...o.result() };
}

/** The cache's entry files, by name. */
function entries(cache: string): string[] {
  return fs.existsSync(cache) ? fs.readdirSync(cache).flatMap((v) => fs.readdirSync(path.join(cache, v)).map((f) => path.join(v, f))) : [];
}

describe('strategy-check --cache and --workers', function () {
  // A workspace of 80 generated documents is checked several times.
  this.timeout(300_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-check-cache-'));
    const ws = path.join(dir, 'ws');
    for (const f of generateNationalWorkspace({ documents: 80, plans: 8, measures: 8 })) {
      fs.mkdirSync(path.dirname(path.join(ws, f.path)), { recursive: true });
      fs.writeFileSync(path.join(ws, f.path), f.text);
    }
    // One broken file, so that the output holds errors of several kinds.
    fs.writeFileSync(path.join(ws, 'group-0', 'broken.strategy.yaml'), 'strategy: broken\ntitle: B\nitems:\n  - id: 1\n    title: x\n    related: [9.Z, doc-1/7.A.1]\n  - id: 1\n    title: "unterminated\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports from the cache exactly what a cold run reports, and re-reads files changed meanwhile', () => {
    const cache = path.join(dir, 'cache');
    const cold = check(['--workers', '1', 'ws'], dir);
    assert.ok(cold.out.includes('error'), 'the workspace has errors to compare');
    const first = check(['--cache', 'cache', 'ws'], dir);
    assert.deepStrictEqual(first, cold);
    const written = entries(cache);
    assert.strictEqual(written.filter((e) => !path.basename(e).startsWith('workspace-')).length, 80 + 8 + 2, 'one entry per strategy file');
    assert.strictEqual(written.filter((e) => path.basename(e).startsWith('workspace-')).length, 1, "the records of the index, for the next run's warm start");
    const warm = check(['--cache', 'cache', 'ws'], dir);
    assert.deepStrictEqual(warm, cold);
    // Taken back from the records with nothing changed: no parse is written, nor the records again.
    const times = (): Map<string, number> => new Map(entries(cache).map((e) => [e, fs.statSync(path.join(cache, e)).mtimeMs]));
    const before = times();
    assert.deepStrictEqual(check(['--cache', 'cache', 'ws'], dir), cold);
    assert.deepStrictEqual(times(), before);
    // Changed on disk while nothing ran: a different id breaks the links to it.
    const changed = path.join(dir, 'ws', 'group-0', 'doc-5.strategy.yaml');
    fs.writeFileSync(changed, fs.readFileSync(changed, 'utf8').replace('strategy: doc-5', 'strategy: doc-5b'));
    const after = check(['--cache', 'cache', 'ws'], dir);
    assert.deepStrictEqual(after, check(['ws'], dir));
    assert.notDeepStrictEqual(after.out, cold.out);
    const records = entries(cache).find((e) => path.basename(e).startsWith('workspace-')) ?? '';
    assert.notStrictEqual(fs.statSync(path.join(cache, records)).mtimeMs, before.get(records), 'the records are written again after a change');
    assert.deepStrictEqual(check(['--cache', 'cache', 'ws'], dir), after, 'and the next run takes the changed file back from them');
  });

  it('reports exactly the cold diagnostics over a damaged cache, and repairs it', () => {
    const cache = path.join(dir, 'damaged');
    const cold = check(['ws'], dir);
    check(['--cache', 'damaged', 'ws'], dir);
    for (const [i, e] of entries(cache).entries()) {
      const file = path.join(cache, e);
      const data = fs.readFileSync(file);
      fs.writeFileSync(file, i % 2 === 0 ? data.subarray(0, data.length >> 1) : Buffer.from(data.map((b, k) => (k === data.length - 9 ? b ^ 0x55 : b))));
    }
    assert.deepStrictEqual(check(['--cache', 'damaged', 'ws'], dir), cold);
    assert.deepStrictEqual(check(['--cache', 'damaged', 'ws'], dir), cold);
  });

  it('says so and checks without a cache that cannot be written', () => {
    fs.writeFileSync(path.join(dir, 'plain-file'), 'x');
    const cold = check(['ws'], dir);
    const res = check(['--cache', 'plain-file/cache', 'ws'], dir);
    assert.strictEqual(res.out, cold.out);
    assert.strictEqual(res.status, cold.status);
    assert.match(res.err, /the cache plain-file\/cache cannot be written \(ENOTDIR\)/);
  });

  it('reports on worker threads exactly what the main thread reports', async () => {
    const single = check(['--workers', '1', '--format', 'json', 'ws'], dir);
    const parallel = await checkAsync(['--workers', '2', '--format', 'json', 'ws'], dir);
    assert.deepStrictEqual(parallel, single);
  });

  it('refuses a bad --workers value', () => {
    const res = check(['--workers', '0', 'ws'], dir);
    assert.strictEqual(res.status, 2);
    assert.match(res.err, /--workers needs a whole number of at least 1, not "0"/);
  });
});

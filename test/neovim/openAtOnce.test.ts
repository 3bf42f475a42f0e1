/**
 * Neovim's built-in LSP client on the examples, a strategy opened at once
 * (the reproduction of issue 8): its `goalsFrom` plan and its qualified
 * references must not stay `unknown-strategy`. Needs `nvim`, which
 * `scripts/setup-neovim.sh` installs (the test fails saying so otherwise).
 */
import * as assert from 'assert';
import * as cp from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '../../..');
const SERVER = path.join(REPO, 'bin', 'strategy-language-server.js');
const SCRIPT = path.join(REPO, 'test', 'neovim', 'openAtOnce.lua');

/** The diagnostics Neovim shows for `rel` (a file of the examples) after the wait, as `line:col severity code message` lines. */
function diagnosticsInNeovim(rel: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-nvim-'));
  try {
    fs.cpSync(path.join(REPO, 'examples'), dir, { recursive: true });
    const out = path.join(dir, 'diagnostics.txt');
    const env = { ...process.env, ROOT: dir, FILE: path.join(dir, rel), SERVER, OUT: out, WAIT: '5000' };
    const run = cp.spawnSync('nvim', ['--headless', '-u', 'NONE', '-S', SCRIPT], { env, encoding: 'utf8', timeout: 60000 });
    assert.ok(fs.existsSync(out), `nvim wrote no result (status ${String(run.status)}): ${run.stderr}`);
    return fs.readFileSync(out, 'utf8').trim().split('\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('Neovim: a strategy opened at once', function () {
  this.timeout(120000);

  before(() => {
    const setup = cp.spawnSync('bash', [path.join(REPO, 'scripts', 'setup-neovim.sh')], { encoding: 'utf8' });
    assert.strictEqual(setup.status, 0, `Neovim is needed: ${setup.stderr}`);
    assert.ok(fs.existsSync(path.join(REPO, 'dist', 'server', 'server.js')), 'the server bundle is missing: run `npm run build` first');
  });

  for (const rel of ['karlovy-vary/kv-integrace.strategy.yaml', 'liberec/liberec-cpic.strategy.yaml']) {
    it(`${rel}: no error stays`, () => {
      const lines = diagnosticsInNeovim(rel);
      assert.strictEqual(lines[lines.length - 1], 'attached true');
      assert.deepStrictEqual(
        lines.filter((l) => /^\d+:\d+ 1 /.test(l)),
        [],
        'no error-severity diagnostic',
      );
    });
  }
});

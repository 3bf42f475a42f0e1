// `npm run test:vscode` (after `npm run build` and scripts/setup-vscode.sh):
//  1. bundles test/vscode/**/*.test.ts with esbuild into .vscode-test/out/ (`vscode` external);
//  2. runs the client's pure tests (test/vscode/pure: tree model, plurals, bundles) with plain mocha;
//  3. runs the suite (test/vscode/suite) inside a real VS Code through @vscode/test-cli and
//     .vscode-test.mjs, on a temp copy of examples/, and removes the temp folders afterwards.
// Extra arguments go to vscode-test (e.g. `-- --grep hover`). Fails loudly when something is missing.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const require = createRequire(import.meta.url);
const { ROOT, SETUP_HINT, chromiumPath, copyExamples, serverMain, tempDir } = require('./vscode-web.cjs');
const started = Date.now();
const fail = (message) => {
  console.error(`test:vscode: ${message}`);
  process.exit(1);
};

for (const file of ['dist/client/extension.js', 'dist/server/server.js']) {
  if (!fs.existsSync(path.join(ROOT, file))) {
    fail(`${file} is missing: run \`npm run build\` first.`);
  }
}
try {
  serverMain();
  chromiumPath();
} catch (error) {
  fail(`${error.message}`);
}
if (!fs.existsSync(path.join(ROOT, 'examples'))) {
  fail(`examples/ is missing: the suite runs on a copy of it. (${SETUP_HINT} does not provide it.)`);
}

// Not under out/: other build steps clean that folder while this suite may be running.
const outDir = path.join(ROOT, '.vscode-test', 'out');
fs.rmSync(outDir, { recursive: true, force: true });
const entryPoints = fs
  .readdirSync(path.join(ROOT, 'test', 'vscode'), { recursive: true })
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => path.join(ROOT, 'test', 'vscode', f));
await esbuild.build({
  entryPoints,
  outbase: path.join(ROOT, 'test', 'vscode'),
  outdir: outDir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode', 'mocha', '@vscode/l10n-dev'],
  logLevel: 'warning',
});

const run = (command, args, env = {}) =>
  spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

console.log('\n== Client logic (plain mocha, no VS Code) ==');
const pureStatus = run(process.execPath, [require.resolve('mocha/bin/mocha.js'), '--ui', 'tdd', '--color', path.join(outDir, 'pure', '**', '*.test.js')]);

console.log('\n== Inside VS Code 1.100.3 (code-server + headless chromium) ==');
const workspace = copyExamples();
const userData = tempDir('strategy-ud-');
const cli = path.join(path.dirname(require.resolve('@vscode/test-cli')), 'bin.mjs');
const suiteStatus = run(process.execPath, [cli, ...process.argv.slice(2)], {
  STRATEGY_TEST_WORKSPACE: workspace,
  STRATEGY_TEST_USER_DATA: userData,
});
for (const dir of [workspace, userData]) {
  fs.rmSync(dir, { recursive: true, force: true });
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`\ntest:vscode: client logic ${pureStatus === 0 ? 'passed' : 'FAILED'}, in-editor suite ${suiteStatus === 0 ? 'passed' : 'FAILED'} (${seconds} s)`);
process.exit(pureStatus || suiteStatus);

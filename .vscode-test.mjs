// The in-editor test suite (`npm run test:vscode`): @vscode/test-cli runs the bundled mocha files in a
// real VS Code 1.100 — code-server's server and web workbench through scripts/code-shim.js, since no
// desktop VS Code can be downloaded here — on a temp copy of examples/.
// scripts/run-vscode-tests.mjs bundles the tests and passes the temp folders in the environment;
// run alone (`npx vscode-test`), this file makes its own copy.
import { defineConfig } from '@vscode/test-cli';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const { copyExamples, tempDir } = require('./scripts/vscode-web.cjs');
const root = import.meta.dirname;
const workspace = process.env.STRATEGY_TEST_WORKSPACE || copyExamples();
const userData = process.env.STRATEGY_TEST_USER_DATA || tempDir('strategy-ud-');
if (!process.env.STRATEGY_TEST_WORKSPACE) {
  // Made here, so removed here when vscode-test exits.
  process.on('exit', () => [workspace, userData].forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
}

export default defineConfig({
  label: 'vscode',
  files: '.vscode-test/out/suite/**/*.test.js',
  workspaceFolder: workspace,
  useInstallation: { fromPath: path.join(root, 'scripts', 'code-shim.js') },
  launchArgs: [`--user-data-dir=${userData}`, `--extensions-dir=${path.join(userData, 'extensions')}`],
  mocha: { ui: 'tdd', timeout: 30000, color: true },
});

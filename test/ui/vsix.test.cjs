// The packaged extension: `vsce package` as `npm run package` does it, installed into a fresh
// VS Code with no node_modules beside it, activates, indexes and answers a hover.
'use strict';
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { serverMain, tempDir } = require('../../scripts/vscode-web.cjs');
const { ROOT, lineOf, openWorkbench } = require('./workbench.cjs');

const PRAHA = 'praha/praha-integrace.strategy.yaml';

describe('the packaged .vsix', function () {
  this.timeout(60000);
  let dir;
  let session;

  before(async function () {
    this.timeout(120000);
    dir = tempDir('strategy-vsix-');
    const vsix = path.join(dir, 'strategy-codes.vsix');
    const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const packed = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '-o', vsix], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(packed.status, 0, `vsce package: ${packed.stdout}\n${packed.stderr}`);
    const extensionsDir = path.join(dir, 'extensions');
    const installed = spawnSync(process.execPath, [serverMain(), '--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', path.join(dir, 'ud'), '--server-data-dir', path.join(dir, 'sd'), '--accept-server-license-terms'], { encoding: 'utf8' });
    assert.strictEqual(installed.status, 0, `install: ${installed.stdout}\n${installed.stderr}`);
    const { publisher, name, version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const files = fs.readdirSync(path.join(extensionsDir, `${publisher}.${name}-${version}`));
    assert.ok(files.includes('dist') && !files.includes('node_modules'), files.join(', '));
    session = await openWorkbench({ extensionsDir });
  });

  after(async () => {
    await session?.close();
    if (dir) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('activates, indexes the workspace and shows a hover', async () => {
    await session.ui.statusItem().waitFor({ timeout: 60000 });
    await session.ui.openFile(PRAHA);
    const title = lineOf(session.workspace, PRAHA, '- id: 2.A.11').next.replace(/^\s*title:\s*/, '').trim();
    const text = await session.ui.hoverCode(session.workspace, PRAHA, '- id: 2.A.11', '2.A.11', title.slice(0, 30));
    assert.ok(text.includes(title.slice(0, 30)));
  });
});

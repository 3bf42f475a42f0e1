// The Strategy Overview in a real VS Code 1.100 workbench in headless chromium: opened from the
// command palette beside the Karlovy Vary strategy, it shows the link matrix in the webview, and a
// click on a marked cell moves the editor to the measure. Its screenshot goes to images/overview.png
// for the README.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { ROOT, lineOf, openWorkbench } = require('./workbench.cjs');

const KV = 'karlovy-vary/kv-integrace.strategy.yaml';

describe('the Strategy Overview in the workbench', function () {
  this.timeout(90000);
  let session;

  before(async function () {
    this.timeout(120000);
    for (const file of ['dist/client/extension.js', 'dist/server/server.js']) {
      assert.ok(fs.existsSync(path.join(ROOT, file)), `${file} exists: run \`npm run build\` first`);
    }
    session = await openWorkbench({ devPaths: [ROOT] });
    await session.ui.statusItem().waitFor({ timeout: 60000 });
  });

  after(async () => {
    await session?.close();
  });

  it('shows the matrix beside the editor, and a click on a cell opens the measure', async () => {
    const { ui, page } = session;
    await ui.openFile(KV);
    await ui.runCommand('Strategy Codes: Show Strategy Overview');
    // A webview is an iframe holding the page's own iframe.
    const view = page.frameLocator('iframe.webview').frameLocator('#active-frame');
    const marks = view.locator('table.matrix td.mark');
    await marks.first().waitFor({ timeout: 30000 });
    assert.strictEqual(await marks.count(), 43, 'a mark for each goal link of the strategy');
    assert.strictEqual(await view.locator('table.matrix thead th.goal').count(), 17);
    const cell = view.locator('table.matrix td.mark[title="1.A.3 → A1.3"]');
    await cell.click();
    const { line } = lineOf(session.workspace, KV, '- id: 1.A.3');
    await page.locator('.statusbar-item', { hasText: new RegExp(`^Ln ${line}, Col `) }).first().waitFor({ timeout: 15000 });
    // For the README: the sidebar closed and the overview scrolled to its heading.
    await page.keyboard.press('Control+B');
    await view.locator('h1').scrollIntoViewIfNeeded();
    const file = await ui.shot('overview');
    fs.copyFileSync(file, path.join(ROOT, 'images', 'overview.png'));
  });
});

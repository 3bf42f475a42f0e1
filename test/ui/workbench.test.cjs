// The Playwright suite (`npm run test:ui`): a real VS Code 1.100 workbench in headless chromium,
// driven as a person would, on a temp copy of examples/ with the extension under development.
// Screenshots go to test-artifacts/; the tree view's is copied to images/screenshot.png for the README.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { ROOT, lineOf, openWorkbench } = require('./workbench.cjs');

const PRAHA = 'praha/praha-integrace.strategy.yaml';

describe('the workbench with Strategy Codes', function () {
  this.timeout(60000);
  let session;
  let ui;
  let page;

  before(async function () {
    this.timeout(120000);
    for (const file of ['dist/client/extension.js', 'dist/server/server.js']) {
      assert.ok(fs.existsSync(path.join(ROOT, file)), `${file} exists: run \`npm run build\` first`);
    }
    session = await openWorkbench({ devPaths: [ROOT] });
    ({ ui, page } = session);
    // The extension has activated and the server has indexed when the status bar shows the counts.
    await ui.statusItem().waitFor({ timeout: 60000 });
  });

  after(async () => {
    await session?.close();
  });

  it('shows the index in the status bar', async () => {
    assert.match(await ui.statusItem().innerText(), /\d+ strategies · \d+ codes · \d+ errors?/);
  });

  it('shows the title of a code on hover', async () => {
    await ui.openFile(PRAHA);
    const title = lineOf(session.workspace, PRAHA, '- id: 2.A.11').next.replace(/^\s*title:\s*/, '').trim();
    const text = await ui.hoverCode(session.workspace, PRAHA, '- id: 2.A.11', '2.A.11', title.slice(0, 30));
    await ui.shot('1-hover');
    assert.ok(text.includes(title.slice(0, 30)), text);
    await ui.dismissHover();
  });

  it('offers descriptors in completion', async () => {
    await ui.openFile(PRAHA);
    const { line } = lineOf(session.workspace, PRAHA, 'descriptors: [VIII.e, XVII.b, XVII.c]');
    await ui.goToLine(line);
    // Retype the list as `descriptors: [XVII.b, VIII|]` (the bracket closes itself): the server does
    // not offer a descriptor the list already has, and VIII.e is in the original one.
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.type('descriptors: [XVII.b, VIII');
    await page.keyboard.press('Control+Space');
    const rows = page.locator('.suggest-widget.visible .monaco-list-row');
    await rows.first().waitFor({ timeout: 15000 });
    await page.locator('.suggest-widget.visible .monaco-list-row', { hasText: 'VIII.e' }).first().waitFor();
    const labels = await rows.allInnerTexts();
    await ui.shot('2-completion');
    assert.ok(labels.some((l) => l.includes('VIII.e')), labels.join(' | '));
    await page.keyboard.press('Escape');
    // Revert the file, so that the next checks see the example's own problems: no errors again.
    await ui.runCommand('File: Revert File');
    await page.locator('.statusbar-item', { hasText: / · 0 errors/ }).first().waitFor();
  });

  it('lists the problems of unopened files in the Problems panel', async () => {
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'numbering-gap' }).first().waitFor({ timeout: 15000 });
    const panel = (await page.locator('.markers-panel').innerText()).replace(/\s+/g, ' ');
    await ui.shot('3-problems');
    assert.match(panel, /praha-integrace\.strategy\.yaml/);
    assert.match(panel, /numbering-gap/);
    await page.keyboard.press('Control+Shift+M');
  });

  it('shows the strategies in the tree view and expands an item', async () => {
    await ui.runCommand('Focus on Strategies View');
    const tree = page.locator('.part.sidebar');
    // Widen the side bar by its sash, as a person would to read the titles.
    const bar = await tree.boundingBox();
    await page.mouse.move(bar.x + bar.width, bar.y + bar.height / 2);
    await page.mouse.down();
    await page.mouse.move(bar.x + bar.width + 220, bar.y + bar.height / 2, { steps: 5 });
    await page.mouse.up();
    // Expanding by the twisties: a click on a row's label would open the item in the editor. Rows
    // are found again after each click, as the tree may re-render while the server re-analyses.
    const expand = async (selector, hasText) => {
      const row = tree.locator(selector, { hasText }).first();
      await row.waitFor({ timeout: 15000 });
      if ((await row.getAttribute('aria-expanded')) !== 'true') {
        await row.locator('.monaco-tl-twistie').click();
      }
      await tree.locator(`${selector}[aria-expanded="true"]`, { hasText }).first().waitFor();
    };
    await expand('.monaco-list-row', 'Koncepce hl. m. Prahy');
    await expand('.monaco-list-row[aria-level="2"]', /^1 /);
    await expand('.monaco-list-row[aria-level="3"]', /^1\.A /);
    await tree.locator('.monaco-list-row[aria-level="4"]').first().waitFor();
    const rows = await tree.locator('.monaco-list-row').allInnerTexts();
    const file = await ui.shot('4-tree');
    fs.copyFileSync(file, path.join(ROOT, 'images', 'screenshot.png'));
    assert.ok(rows.some((r) => /^1\.A\.1 /.test(r.trim())), rows.join(' | '));
    assert.ok(rows.some((r) => r.includes('Opatření')), 'level names are shown');
  });

  it('goes to a code with "Go to Strategy Code…"', async () => {
    await ui.runCommand('Go to Strategy Code');
    await ui.quickInput().waitFor({ state: 'visible' });
    await ui.quickInput().fill('2.B.13');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: '2.B.13' }).first().waitFor();
    await ui.shot('5-go-to-code');
    await page.keyboard.press('Enter');
    const { line } = lineOf(session.workspace, PRAHA, '- id: 2.B.13');
    await page.locator('.statusbar-item', { hasText: new RegExp(`Ln ${line},`) }).first().waitFor();
  });
});

// The extension in Czech: with VS Code's display language set to `cs`, the manifest's strings come
// from package.nls.cs.json, the client's from l10n/bundle.l10n.cs.json (with Czech plurals), and the
// server's messages are Czech too (it receives the locale in `initialize`).
'use strict';
const assert = require('assert');
const { ROOT, openWorkbench } = require('./workbench.cjs');

describe('the workbench in Czech', function () {
  this.timeout(60000);
  let session;

  before(async function () {
    this.timeout(120000);
    session = await openWorkbench({ devPaths: [ROOT], locale: 'cs' });
  });

  after(async () => {
    await session?.close();
  });

  it('counts in the status bar with Czech plurals', async () => {
    const item = session.page.locator('.statusbar-item', { hasText: /\d+ strategi(e|í) · / }).first();
    await item.waitFor({ timeout: 60000 });
    const text = (await item.innerText()).trim();
    const match = /^(\d+) (\S+) · (\d+) (\S+) · (\d+) (\S+)$/.exec(text);
    assert.ok(match, text);
    // Czech: 1 / 2–4 / 0 and 5+.
    const form = (n, one, few, other) => (n === 1 ? one : n >= 2 && n <= 4 ? few : other);
    const [, s, sWord, c, cWord, e, eWord] = match;
    assert.strictEqual(sWord, form(+s, 'strategie', 'strategie', 'strategií'), text);
    assert.strictEqual(cWord, form(+c, 'kód', 'kódy', 'kódů'), text);
    assert.strictEqual(eWord, form(+e, 'chyba', 'chyby', 'chyb'), text);
  });

  it('names the commands in Czech', async () => {
    const { page, ui } = session;
    await page.keyboard.press('F1');
    await ui.quickInput().waitFor({ state: 'visible' });
    await ui.quickInput().fill('>Přejít na kód strategie');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Kódy strategií: Přejít na kód strategie…' }).first();
    await row.waitFor();
    await page.keyboard.press('Escape');
  });

  it('shows the server’s messages in Czech in the Problems panel', async () => {
    const { page, ui } = session;
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'Mezera v číslování' }).first().waitFor({ timeout: 15000 });
    await ui.shot('6-czech-problems');
  });
});

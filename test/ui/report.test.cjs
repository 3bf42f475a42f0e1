// The HTML report (`strategy-report --format html`) in real headless chromium: it is drawn without
// a single request leaving the page, its matrix has a mark for each goal link of the source, and
// a screenshot of it is kept in test-artifacts/ (no VS Code needed: the page stands alone).
'use strict';
const assert = require('assert');
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const { ROOT, launchBrowser, tempDir } = require('../../scripts/vscode-web.cjs');

const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const SOURCE = path.join(ROOT, 'examples/karlovy-vary/kv-integrace.strategy.yaml');

/** Every `goals` entry of every item of a strategy file, as the source holds them. */
function goalLinks(file) {
  const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
  let count = 0;
  const walk = (items) => {
    for (const item of items ?? []) {
      count += (item.goals ?? []).length;
      walk(item.items);
    }
  };
  walk(doc.items);
  return count;
}

describe('strategy-report --format html in chromium', () => {
  let browser;
  let dir;

  before(() => {
    dir = tempDir('strategy-report-ui-');
  });

  after(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const locale of ['cs', 'en']) {
    it(`shows the Karlovy Vary matrix with one mark per goal link, and fetches nothing (${locale})`, async () => {
      const file = path.join(dir, `kv-${locale}.html`);
      execFileSync(process.execPath, [path.join(ROOT, 'bin/strategy-report.js'), 'examples/karlovy-vary', '--document', 'kv-integrace', '--locale', locale, '-o', file], { cwd: ROOT });
      browser ??= await launchBrowser({ viewport: { width: 1400, height: 900 } });
      const { page } = browser;
      const page_url = 'file://' + file;
      const requests = [];
      page.on('request', (request) => {
        if (request.url() !== page_url) {
          requests.push(request.url());
        }
      });
      await page.goto(page_url);
      await page.locator('table.matrix').waitFor();
      const marks = await page.locator('table.matrix td.mark').count();
      assert.strictEqual(goalLinks(SOURCE), 43);
      assert.strictEqual(marks, 43, 'a marked cell for each goal link of the source');
      const total = await page.locator('table.matrix tr.totals td').last().textContent();
      assert.strictEqual(total, '43');
      assert.strictEqual(await page.locator('table.matrix tbody tr:not(.group):not(.totals)').count(), 29, 'a row per measure');
      assert.strictEqual(await page.locator('table.matrix thead th.goal').count(), 17, 'a column per goal of the plan');
      assert.strictEqual(await page.locator('svg.bar').count() > 0, true, 'coverage bars');
      const heading = locale === 'cs' ? 'Matice vazeb' : 'Link matrix';
      assert.ok(await page.getByRole('heading', { name: heading }).isVisible());
      assert.deepStrictEqual(requests, [], 'no request leaves the page');
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, `report-kv-${locale}.png`), fullPage: true });
      // Printable: the print media emulation lays the page out without errors.
      await page.emulateMedia({ media: 'print' });
      assert.ok(await page.locator('table.matrix').isVisible());
      await page.emulateMedia({ media: 'screen' });
    });
  }
});

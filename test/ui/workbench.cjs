// Driving the VS Code workbench in the page as a person would (keyboard and mouse), for the UI
// suite. Every wait is on something appearing in the page, never a fixed pause.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { ROOT, copyExamples, launchBrowser, startServer, tempDir, workbenchUrl } = require('../../scripts/vscode-web.cjs');

const ARTIFACTS = path.join(ROOT, 'test-artifacts');

/** The 1-based line of the first line of a workspace file containing `needle`, its text and the next line. */
function lineOf(workspace, file, needle) {
  const lines = fs.readFileSync(path.join(workspace, file), 'utf8').split('\n');
  const index = lines.findIndex((l) => l.includes(needle));
  assert.ok(index >= 0, `${needle} in ${file}`);
  return { line: index + 1, text: lines[index], next: lines[index + 1] ?? '' };
}

/**
 * A VS Code server with a workbench page on a temp copy of examples/. `devPaths` loads extensions
 * under development; `extensionsDir` holds installed ones; `locale` sets the display language.
 */
async function openWorkbench({ devPaths = [], extensionsDir, locale } = {}) {
  const workspace = copyExamples();
  const userData = tempDir('strategy-ui-ud-');
  const server = await startServer({ userDataDir: userData, extensionsDir, locale });
  const browser = await launchBrowser({ viewport: { width: 1400, height: 860 } });
  const { page } = browser;
  await page.goto(workbenchUrl({ host: server.host, folder: workspace, devPaths }));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  const close = async () => {
    await browser.close();
    server.kill();
    for (const dir of [workspace, userData]) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  return { workspace, page, close, ui: new Workbench(page) };
}

/** Actions on the workbench page. */
class Workbench {
  constructor(page) {
    this.page = page;
  }

  /** Saves a screenshot as test-artifacts/NAME.png and returns its path. */
  async shot(name) {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** The extension's status bar item once it shows a non-empty index ("4 strategies · …"). */
  statusItem() {
    return this.page.locator('.statusbar-item', { hasText: /[1-9]\d* strategies · / }).first();
  }

  quickInput() {
    return this.page.locator('.quick-input-widget input');
  }

  /** Runs a command from the command palette by its title. */
  async runCommand(title) {
    await this.page.keyboard.press('F1');
    await this.quickInput().waitFor({ state: 'visible' });
    await this.quickInput().fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** Opens a file of the workspace with Ctrl+P. */
  async openFile(relative) {
    const name = path.basename(relative);
    await this.page.keyboard.press('Control+P');
    await this.quickInput().waitFor({ state: 'visible' });
    await this.quickInput().fill(name);
    await this.page.locator(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tab[aria-label*="${name}"]`).waitFor();
    await this.page.locator('.monaco-editor .view-lines .view-line').first().waitFor();
  }

  /** Moves the cursor to a line with Ctrl+G, which also scrolls it into view. */
  async goToLine(line) {
    await this.page.keyboard.press('Control+G');
    await this.quickInput().waitFor({ state: 'visible' });
    await this.quickInput().fill(`:${line}`);
    await this.page.keyboard.press('Enter');
    await this.quickInput().waitFor({ state: 'hidden' });
  }

  /** The visible editor line that ends with `text` (Monaco renders spaces as no-break spaces). */
  editorLine(text) {
    const pattern = text.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s');
    return this.page.locator('.monaco-editor .view-lines .view-line').filter({ hasText: new RegExp(`${pattern}\\s*$`) }).first();
  }

  /** Points the mouse at character `column` (0-based) of the visible editor line ending with `lineText`. */
  async pointAt(lineText, column) {
    const line = this.editorLine(lineText);
    await line.waitFor();
    const box = await line.boundingBox();
    const spans = line.locator(':scope > span');
    const text = await spans.innerText();
    const spanBox = await spans.boundingBox();
    const charWidth = spanBox.width / text.replace(/\n/g, '').length;
    await this.page.mouse.move(spanBox.x + charWidth * (column + 0.5), box.y + box.height / 2);
  }

  /**
   * Hovers the code on a line of a workspace file and resolves with the hover's text once it
   * contains `expected`. Code lenses and inlay hints arrive after the file opens and can move the
   * line away from under the mouse, so the pointer is placed again (up to five times) until a hover
   * shows.
   */
  async hoverCode(workspace, file, lineNeedle, code, expected) {
    const { line, text } = lineOf(workspace, file, lineNeedle);
    await this.goToLine(line);
    const hover = this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-resizable-hover .monaco-hover-content').first();
    for (let attempt = 1; ; attempt++) {
      await this.pointAt(text, text.indexOf(code) + 2);
      try {
        await hover.waitFor({ state: 'visible', timeout: 3000 });
        break;
      } catch (error) {
        if (attempt === 5) {
          await this.shot('failed-hover');
          throw error;
        }
        await this.page.mouse.move(5, 5);
      }
    }
    await this.page.waitForFunction((t) => [...document.querySelectorAll('.monaco-hover-content')].some((e) => e.textContent.includes(t)), expected);
    return hover.innerText();
  }

  /** Closes a hover: the mouse leaves, Escape. */
  async dismissHover() {
    await this.page.mouse.move(5, 5);
    await this.page.keyboard.press('Escape');
  }
}

module.exports = { ARTIFACTS, ROOT, lineOf, openWorkbench, Workbench };

// Running a real VS Code here: VS Code's server and web workbench from the npm package code-server
// (installed by scripts/setup-vscode.sh into .vscode-test/vscode-server), shown in Debian's chromium
// driven headless by playwright-core. Used by scripts/code-shim.js (the in-editor mocha suite),
// test/ui (the Playwright suite) and scripts/try.mjs.
'use strict';
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const SETUP_HINT = 'run `npm run setup:vscode` (scripts/setup-vscode.sh: installs code-server@4.100.3 and the Debian packages chromium, ripgrep, libkrb5-dev)';

/** The path of VS Code's server-main.js; throws saying what to install when it is missing. */
function serverMain() {
  const main = process.env.VSCODE_SERVER_MAIN || path.join(ROOT, '.vscode-test', 'vscode-server', 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
  if (!fs.existsSync(main)) {
    throw new Error(`VS Code server not found at ${main}: ${SETUP_HINT}`);
  }
  return main;
}

/** The version of the installed VS Code (`1.100.3`). */
function vscodeVersion() {
  return JSON.parse(fs.readFileSync(path.join(path.dirname(serverMain()), '..', 'package.json'), 'utf8')).version;
}

/** The chromium binary; throws saying what to install when it is missing. */
function chromiumPath() {
  if (process.env.CHROMIUM) {
    return process.env.CHROMIUM;
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (fs.existsSync(candidate)) {
      return candidate;
    }
  }
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`chromium not found: ${SETUP_HINT}`);
  }
}

/** A free TCP port on the loopback interface. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A new empty directory under the system's temp folder. */
function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Copies `examples/` into a new temp folder, so that tests may edit and save files freely. */
function copyExamples() {
  const dir = tempDir('strategy-ws-');
  fs.cpSync(path.join(ROOT, 'examples'), dir, { recursive: true });
  return dir;
}

/**
 * Settings for a quiet profile: no welcome page, no update checks, no telemetry; and no auto save,
 * which the web workbench turns on by default, unlike the desktop one.
 */
const QUIET_SETTINGS = {
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'window.commandCenter': false,
};

/**
 * Makes VS Code start in `locale` without a language pack from the marketplace: a registered pack
 * with no translations of VS Code's own strings. The workbench stays English, but `vscode.env.language`
 * is `locale`, so the extension's own translations (package.nls.LOCALE.json, l10n bundles) are used.
 */
function stubLanguagePack(userData, locale) {
  const translations = path.join(userData, `stub-${locale}.i18n.json`);
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const pack = { hash: `stub-${locale}`, label: locale, extensions: [{ extensionIdentifier: { id: `stub.language-pack-${locale}` }, version: '1.0.0' }], translations: { vscode: translations } };
  fs.writeFileSync(path.join(userData, 'languagepacks.json'), JSON.stringify({ [locale]: pack }));
}

/**
 * Starts VS Code's server on a free loopback port, in its own process group (so that `kill()` ends
 * it with its extension host, file watcher and agent processes), in `locale` if given. Resolves
 * when it listens.
 */
async function startServer({ userDataDir, extensionsDir, port, locale, log = () => {}, extraArgs = [] }) {
  const main = serverMain();
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  if (locale && !locale.startsWith('en')) {
    stubLanguagePack(userDataDir, locale);
    extraArgs = ['--locale', locale, ...extraArgs];
  }
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) {
    fs.writeFileSync(settingsFile, JSON.stringify(QUIET_SETTINGS, null, 2));
  }
  port = port || (await freePort());
  const args = [
    main, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms',
    '--enable-smoke-test-driver', '--disable-workspace-trust', '--telemetry-level', 'off',
    '--server-data-dir', path.join(userDataDir, 'server-data'), '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir || path.join(userDataDir, 'extensions'), ...extraArgs,
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env, detached: true });
  let exited = false;
  const kill = () => {
    if (!exited) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  };
  await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      log(String(d));
      out += d;
      if (out.includes('Extension host agent listening on')) {
        resolve();
      }
    });
    child.stderr.on('data', (d) => log(String(d)));
    child.on('exit', (code, signal) => {
      exited = true;
      reject(new Error(`VS Code server exited (${code ?? signal}) before listening:\n${out.slice(-2000)}`));
    });
  });
  return { host: `127.0.0.1:${port}`, port, kill, process: child };
}

/**
 * Launches headless chromium and opens a page. Playwright gives the browser a temporary profile and
 * removes it when `close()` resolves.
 */
async function launchBrowser({ viewport = { width: 1400, height: 900 }, headless = true } = {}) {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = await (await browser.newContext({ viewport })).newPage();
  return { page, close: () => browser.close().catch(() => {}) };
}

/**
 * The workbench URL on a server: a folder to open, extensions under development and an extension
 * test runner passed as the workbench's `payload` (as `code --extensionDevelopmentPath=…` would).
 */
function workbenchUrl({ host, folder, devPaths = [], testsPath }) {
  const remote = (p) => `vscode-remote://${host}${path.resolve(p)}`;
  const payload = [
    ...devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
    ...(testsPath ? [['extensionTestsPath', remote(testsPath)]] : []),
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  let url = `http://${host}/?payload=${encodeURIComponent(JSON.stringify(payload))}`;
  url += folder ? `&folder=${encodeURIComponent(path.resolve(folder))}` : '&ew=true';
  return url;
}

module.exports = { ROOT, SETUP_HINT, serverMain, vscodeVersion, chromiumPath, freePort, tempDir, copyExamples, startServer, launchBrowser, workbenchUrl };

#!/usr/bin/env node
// A stand-in for the desktop `code` binary, for @vscode/test-cli (`useInstallation.fromPath` in
// .vscode-test.mjs): it accepts the arguments vscode-test passes (`--extensionDevelopmentPath=…`,
// `--extensionTestsPath=…`, `--user-data-dir=…`, a folder), runs them in VS Code's server with the web
// workbench in headless chromium (see scripts/vscode-web.cjs), forwards the test output and exits with
// the tests' exit code. The server's whole process group is killed at the end, whatever happens.
'use strict';
const fs = require('fs');
const path = require('path');
const util = require('util');
const { launchBrowser, startServer, tempDir, workbenchUrl } = require('./vscode-web.cjs');

const argv = process.argv.slice(2);
const option = (name) => argv.filter((a) => a.startsWith(`--${name}=`)).map((a) => a.slice(name.length + 3));
const devPaths = option('extensionDevelopmentPath');
const testsPath = option('extensionTestsPath')[0];
const userDataDir = option('user-data-dir')[0] || tempDir('strategy-ud-');
const extensionsDir = option('extensions-dir')[0] || path.join(userDataDir, 'extensions');
const folder = argv.find((a) => !a.startsWith('-'));
const timeoutMs = Number(process.env.CODE_SHIM_TIMEOUT_MS || 240000);
const verbose = Boolean(process.env.CODE_SHIM_VERBOSE);
// The workbench's own start-up chatter, which the smoke-test driver forwards with the tests' output:
// connection set-up, the service worker and extension gallery that an offline web workbench lacks.
// Shown with CODE_SHIM_VERBOSE=1.
const NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|Creation of workbench contribution|Updating additional builtin extensions cache|\[Service Worker\]|ChatSessionStore:|getaddrinfo ENOTFOUND|Started local extension host|Extension host agent)/;

let server;
let browser;

async function main() {
  if (argv.includes('--version')) {
    console.log('1.100.3');
    return 0;
  }
  fs.mkdirSync(userDataDir, { recursive: true });
  server = await startServer({ userDataDir, extensionsDir, log: (s) => verbose && process.stderr.write(s) });
  browser = await launchBrowser();
  const { page } = browser;
  if (verbose) {
    page.on('console', (m) => process.stderr.write(`[page ${m.type()}] ${m.text()}\n`));
  }
  // The smoke-test driver calls these from the workbench: the test runner's output, then its result.
  const done = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = util.format(...args);
      if (verbose || !NOISE.test(text)) {
        (type === 'error' ? process.stderr : process.stdout).write(text + '\n');
      }
    });
    void page.exposeFunction('codeAutomationExit', (code) => resolve(code));
  });
  await page.goto(workbenchUrl({ host: server.host, folder, devPaths, testsPath }));
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => {
      console.error(`code-shim: no test result after ${timeoutMs / 1000} s; stopping VS Code.`);
      resolve(124);
    }, timeoutMs);
  });
  const code = await Promise.race([done, timeout]);
  clearTimeout(timer);
  return typeof code === 'number' ? code : 1;
}

async function cleanUp() {
  await browser?.close();
  server?.kill();
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => void cleanUp().then(() => process.exit(130)));
}

main()
  .then(async (code) => {
    await cleanUp();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(`code-shim: ${error instanceof Error ? error.message : error}`);
    await cleanUp();
    process.exit(1);
  });

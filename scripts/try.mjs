// `npm run try`: starts VS Code 1.100 (code-server's server and web workbench, installed by
// scripts/setup-vscode.sh) on 127.0.0.1 with the extension under development, on a temp copy of
// examples/, and prints the address to open in a browser. Ctrl+C stops it and removes the copy.
//
//   npm run try                        # port 8080, or a free one if 8080 is taken
//   npm run try -- --port 3000
//   npm run try -- --folder ~/my-strategies   # open a folder of your own (edited in place)
//   npm run try -- --locale cs         # the extension in Czech (VS Code's own UI stays English)
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const { ROOT, copyExamples, freePort, startServer, tempDir, vscodeVersion, workbenchUrl } = require('./vscode-web.cjs');

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

/** Whether a port on the loopback interface is free. */
const portFree = (port) =>
  new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

for (const file of ['dist/client/extension.js', 'dist/server/server.js']) {
  if (!fs.existsSync(path.join(ROOT, file))) {
    console.error(`try: ${file} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}

const own = option('folder');
const folder = own ? path.resolve(own) : copyExamples();
const userData = tempDir('strategy-try-');
const wanted = Number(option('port') ?? process.env.PORT ?? 8080);
const port = (await portFree(wanted)) ? wanted : await freePort();

let server;
const stop = () => {
  server?.kill();
  for (const dir of own ? [userData] : [folder, userData]) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

try {
  server = await startServer({ userDataDir: userData, port, locale: option('locale') });
} catch (error) {
  console.error(`try: ${error instanceof Error ? error.message : error}`);
  stop();
}
server.process.on('exit', () => {
  console.error('try: VS Code server stopped.');
  stop();
});

console.log(`
VS Code ${vscodeVersion()} with Strategy Codes is running.

  Open:      ${workbenchUrl({ host: server.host, folder, devPaths: [ROOT] })}
  Workspace: ${folder}${own ? '' : ' (a copy of examples/, removed on exit)'}

Reload the browser tab after \`npm run build\` to load a new build. Press Ctrl+C to stop.`);

// Bundles the server, the CLI and the VS Code client with esbuild, after `tsc -b` has type-checked them.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };
const builds = [
  esbuild.build({ ...common, entryPoints: { server: 'server/src/server.ts', cli: 'server/src/cli.ts', report: 'server/src/reportCli.ts', import: 'server/src/importCli.ts', parseWorker: 'server/src/node/parseWorker.ts' }, outdir: 'dist/server' }),
];
if (existsSync('client/src/extension.ts')) {
  builds.push(esbuild.build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist/client', external: ['vscode'] }));
}
await Promise.all(builds);

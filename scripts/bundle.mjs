// Bundles the server, the CLI and the VS Code client with esbuild, after `tsc -b` has type-checked them.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

/**
 * The server loads the import (mammoth, pdf.js, exceljs) and the report writers (docx, exceljs) on
 * first use. Bundled into server.js they would still be compiled at every start (9 MB of code);
 * as bundles of their own, next to it, they are read only when used.
 */
const onDemand = { './node/importRequest.js': './serverImport.js', './report/render.js': './serverReport.js' };
const serverOnDemand = {
  name: 'server-on-demand',
  setup(build) {
    build.onResolve({ filter: /^\.\/.*\.js$/ }, (args) =>
      args.path in onDemand && args.importer.endsWith('server/src/server.ts') ? { path: onDemand[args.path], external: true } : undefined,
    );
  },
};

const builds = [
  esbuild.build({ ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist/server', plugins: [serverOnDemand] }),
  esbuild.build({ ...common, entryPoints: { serverImport: 'server/src/node/importRequest.ts', serverReport: 'server/src/report/render.ts', cli: 'server/src/cli.ts', report: 'server/src/reportCli.ts', import: 'server/src/importCli.ts', parseWorker: 'server/src/node/parseWorker.ts' }, outdir: 'dist/server' }),
];
if (existsSync('client/src/extension.ts')) {
  builds.push(esbuild.build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist/client', external: ['vscode'] }));
}
await Promise.all(builds);

/**
 * `npm run bench -- national`: the figures of the national-scale issue on
 * the generated national workspace (3,000 strategies of ~147 items, a shared
 * plan, 300 plans that implement them), printed, never asserted:
 *
 * - cold index to the last published diagnostics over LSP (stdio), against
 *   the bare `yaml` parse of the same files measured in the same run;
 * - the same with `strategy-check`;
 * - warm start with nothing changed (persistent cache), and after 30 files
 *   changed on disk while the server was closed (its diagnostics compared
 *   with a cold start's);
 * - peak RSS of the server;
 * - keystroke → diagnostics in the shared plan every document cites;
 * - workspace symbols and completion p95; the Strategies view's answer to a refresh (its top
 *   level), to expanding a document, and the whole tree the filter's value picker asks for.
 *
 * Options: `--documents 3000 --plans 300` for a smaller workspace.
 */
import * as cp from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Diagnostic } from 'vscode-languageserver-protocol';
import { parseAllDocuments } from 'yaml';
import { pathToUri } from '../../server/src/node/fileSystem';
import { StrategyTreeLevelRequest, StrategyTreeRequest, type TreeLevelNode } from '../../server/src/protocol';
import { startClient, TestClient } from '../support/lspClient';
import { generateNationalWorkspace, NATIONAL, NationalShape } from '../support/generate';

function ms(n: number): string {
  return n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(n < 10 ? 1 : 0)} ms`;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The peak resident memory of a process (Linux), in MB. */
function peakRss(pid: number | undefined): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

interface Start {
  client: TestClient;
  /** From spawning the server to the last diagnostics published by the initial index. */
  ms: number;
  diagnostics: Map<string, Diagnostic[]>;
}

/** Starts the server on `dir` with a cache folder and waits for the index and its diagnostics. */
async function start(dir: string, cacheDir: string): Promise<Start> {
  const t0 = performance.now();
  // A cold index of the national workspace on a busy machine takes minutes.
  const client = await startClient(pathToUri(dir), { cacheDir }, {}, undefined, 900_000);
  // The index is done; the diagnostics of its end arrive in one burst: the last change of the client's table ends it.
  const signature = (): string => `${client.diagnostics.size}:${[...client.diagnostics.values()].reduce((n, d) => n + d.length, 0)}`;
  let seen = signature();
  let last = performance.now();
  while (performance.now() - last < 1000) {
    await new Promise((r) => setTimeout(r, 20));
    const now = signature();
    if (now !== seen) {
      seen = now;
      last = performance.now();
    }
  }
  return { client, ms: last - t0, diagnostics: new Map(client.diagnostics) };
}

function sameDiagnostics(a: Map<string, Diagnostic[]>, b: Map<string, Diagnostic[]>): boolean {
  const key = (m: Map<string, Diagnostic[]>): string => JSON.stringify([...m].filter(([, d]) => d.length > 0).sort(([x], [y]) => x.localeCompare(y)));
  return key(a) === key(b);
}

function checker(dir: string, cacheDir: string): { ms: number; out: string } {
  const t0 = performance.now();
  const res = cp.spawnSync(process.execPath, [path.resolve(__dirname, '../../../bin/strategy-check.js'), '--cache', cacheDir, '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 1 << 30 });
  return { ms: performance.now() - t0, out: res.stdout };
}

async function latency(client: TestClient, dir: string, documents: number): Promise<void> {
  const plan = path.join(dir, 'plan.strategy.yaml');
  const uri = pathToUri(plan);
  let text = fs.readFileSync(plan, 'utf8');
  const opened = client.waitFor<{ uri: string }>('textDocument/publishDiagnostics', (p) => p.uri === uri, 120_000);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'strategy-yaml', version: 1, text } });
  await opened;
  const times: number[] = [];
  const at = text.indexOf('Efektivní úřad');
  const line = text.slice(0, at).split('\n').length - 1;
  const character = at - text.lastIndexOf('\n', at - 1) - 1;
  for (let k = 0; k < 30; k++) {
    text = text.slice(0, at) + 'ř' + text.slice(at);
    const published = client.waitFor<{ uri: string }>('textDocument/publishDiagnostics', (p) => p.uri === uri, 120_000);
    const s = performance.now();
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: k + 2 },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'ř' }],
    });
    await published;
    times.push(performance.now() - s);
  }
  console.log(`  keystroke → diagnostics in the plan all ${documents} documents cite: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}`);
  // The first query after the start reads every document's codes once; later ones after edits re-read the edited document.
  let s0 = performance.now();
  await client.connection.sendRequest('workspace/symbol', { query: 'úřad' });
  const firstSymbols = performance.now() - s0;
  const symbols: number[] = [];
  for (const q of ['1.A', 'doc-12', 'integrace', 'A1', '2.B.7', 'x', 'podpora', 'doc-2999', '3.C', 'plan']) {
    for (let k = 0; k < 3; k++) {
      const s = performance.now();
      await client.connection.sendRequest('workspace/symbol', { query: q });
      symbols.push(performance.now() - s);
    }
  }
  const doc = path.join(dir, 'group-0', 'doc-7.strategy.yaml');
  const docText = fs.readFileSync(doc, 'utf8');
  const docUri = pathToUri(doc);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: docUri, languageId: 'strategy-yaml', version: 1, text: docText } });
  const completion: number[] = [];
  const lines = docText.split('\n');
  const places = lines.flatMap((l, i) => (/^\s+(goals|related|descriptors): \[/.test(l) ? [{ line: i, character: l.indexOf('[') + 1 }] : [])).slice(0, 30);
  for (const position of places) {
    const s = performance.now();
    await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: docUri }, position });
    completion.push(performance.now() - s);
  }
  console.log(`  workspace symbols (${symbols.length} queries): p50 ${ms(percentile(symbols, 50))}, p95 ${ms(percentile(symbols, 95))}; the first query after the start: ${ms(firstSymbols)}`);
  console.log(`  completion (${completion.length} places): p50 ${ms(percentile(completion, 50))}, p95 ${ms(percentile(completion, 95))}`);
  const tree: number[] = [];
  for (let k = 0; k < 5; k++) {
    const s = performance.now();
    await client.connection.sendRequest(StrategyTreeRequest.method, {});
    tree.push(performance.now() - s);
  }
  console.log(`  Strategies view, the whole tree (the filter's value picker): p50 ${ms(percentile(tree, 50))}, max ${ms(Math.max(...tree))}`);
  // What the view asks for: the top level on a refresh, and one level when a node is expanded.
  const topLevel: number[] = [];
  const expansion: number[] = [];
  for (let k = 0; k < 5; k++) {
    let s = performance.now();
    const top = await client.connection.sendRequest<TreeLevelNode[]>(StrategyTreeLevelRequest.method, {});
    topLevel.push(performance.now() - s);
    const first = top.find((n) => n.kind === 'document' && n.hasChildren);
    if (first?.kind === 'document') {
      s = performance.now();
      await client.connection.sendRequest(StrategyTreeLevelRequest.method, { parent: { uri: first.doc.uri } });
      expansion.push(performance.now() - s);
    }
  }
  console.log(`  Strategies view, answer to a refresh (top level): p50 ${ms(percentile(topLevel, 50))}, max ${ms(Math.max(...topLevel))}`);
  console.log(`  Strategies view, expanding a document: p50 ${ms(percentile(expansion, 50))}, max ${ms(Math.max(...expansion))}`);
  // The view refreshes after every edit: the top level right after a keystroke in the shared plan (its diagnostics published).
  const afterEdit: number[] = [];
  for (let k = 0; k < 10; k++) {
    text = text.slice(0, at) + 'ž' + text.slice(at);
    const published = client.waitFor<{ uri: string }>('textDocument/publishDiagnostics', (p) => p.uri === uri, 120_000);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 100 + k },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'ž' }],
    });
    await published;
    s0 = performance.now();
    await client.connection.sendRequest(StrategyTreeLevelRequest.method, {});
    afterEdit.push(performance.now() - s0);
  }
  console.log(`  Strategies view, top level right after an edit of the shared plan: p50 ${ms(percentile(afterEdit, 50))}, max ${ms(Math.max(...afterEdit))}`);
}

/** Runs the national benchmark. */
export async function nationalBench(argv: string[]): Promise<void> {
  const value = (name: string, fallback: number): number => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const shape: NationalShape = { ...NATIONAL, documents: value('documents', NATIONAL.documents), plans: value('plans', NATIONAL.plans) };
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-national-'));
  const dir = path.join(root, 'ws');
  try {
    const files = generateNationalWorkspace(shape);
    let bytes = 0;
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
      fs.writeFileSync(path.join(dir, f.path), f.text);
      bytes += Buffer.byteLength(f.text);
    }
    console.log(`\n## National workspace: ${files.length} files, ${(bytes / 1048576).toFixed(0)} MB; ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    const y0 = performance.now();
    for (const f of files) {
      parseAllDocuments(f.text);
    }
    const bare = performance.now() - y0;
    console.log(`  bare yaml parseAllDocuments of every file: ${ms(bare)}`);

    const cacheDir = path.join(root, 'cache');
    const cold = await start(dir, cacheDir);
    const rss = peakRss(cold.client.process.pid);
    console.log(`  LSP cold index → last diagnostics: ${ms(cold.ms)} (${(cold.ms / bare).toFixed(2)}× the bare parse)`);
    console.log(`  peak RSS of the server: ${rss?.toFixed(0) ?? '?'} MB`);
    await latency(cold.client, dir, shape.documents);
    await cold.client.stop();

    const warm = await start(dir, cacheDir);
    console.log(`  LSP warm start, nothing changed: ${ms(warm.ms)}; same diagnostics as cold: ${sameDiagnostics(warm.diagnostics, cold.diagnostics)}; peak RSS ${peakRss(warm.client.process.pid)?.toFixed(0) ?? '?'} MB`);
    // The Strategies view right after a warm start: its top level comes from the records, an expansion loads one document.
    let s1 = performance.now();
    const top = await warm.client.connection.sendRequest<TreeLevelNode[]>(StrategyTreeLevelRequest.method, {});
    const refresh = performance.now() - s1;
    const expandable = top.find((n) => n.kind === 'document' && n.hasChildren);
    s1 = performance.now();
    if (expandable?.kind === 'document') {
      await warm.client.connection.sendRequest(StrategyTreeLevelRequest.method, { parent: { uri: expandable.doc.uri } });
    }
    console.log(`  after the warm start, the first Strategies view refresh: ${ms(refresh)}, expanding a document ${ms(performance.now() - s1)}; peak RSS then ${peakRss(warm.client.process.pid)?.toFixed(0) ?? '?'} MB`);
    // Workspace symbols right after a warm start: the words come from the records, the parses of the answer's documents are loaded.
    s1 = performance.now();
    await warm.client.connection.sendRequest('workspace/symbol', { query: 'úřad' });
    console.log(`  after the warm start, the first workspace symbol query (reads the records' words, loads the documents of its answer): ${ms(performance.now() - s1)}; peak RSS then ${peakRss(warm.client.process.pid)?.toFixed(0) ?? '?'} MB`);
    await warm.client.stop();

    // 30 documents spread over the workspace (the generator puts document n in group-⌊n/100⌋).
    let edited = 0;
    for (let k = 0; k < 30; k++) {
      const n = (k * 97) % shape.documents;
      const file = path.join(dir, `group-${Math.floor(n / 100)}`, `doc-${n}.strategy.yaml`);
      if (fs.existsSync(file)) {
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/related: \[/, 'related: [9.Z.9, '));
        edited++;
      }
    }
    const changed = await start(dir, cacheDir);
    await changed.client.stop();
    const reference = await start(dir, path.join(root, 'fresh-cache'));
    await reference.client.stop();
    console.log(`  LSP warm start after ${edited} files changed on disk: ${ms(changed.ms)}; same diagnostics as a cold start: ${sameDiagnostics(changed.diagnostics, reference.diagnostics)}`);

    const checkCache = path.join(root, 'check-cache');
    const c1 = checker(dir, checkCache);
    const c2 = checker(dir, checkCache);
    console.log(`  strategy-check cold: ${ms(c1.ms)}; warm (--cache): ${ms(c2.ms)}; same output: ${c1.out === c2.out}`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/**
 * `npm run bench`: speed and memory figures, printed, never asserted.
 *
 * - cold index of generated workspaces of 100 and 1,000 documents (each
 *   about 100 measures, 300 items), against the bare `yaml` parse of the
 *   same files;
 * - edit → diagnostics in a single 5,000-item file, in the language service;
 * - keystroke → published diagnostics over LSP (stdio, default settings),
 *   incremental and full-document sync, on that file and on a measure of a
 *   document that 500 others reference;
 * - completion and hover latency at random places of the workspace;
 * - peak RSS.
 *
 * Options: `--sizes 100,1000` (documents per workspace), `--edits 40`.
 */
import * as cp from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { LanguageService } from '../../server/src/languageService';
import { findFiles, pathToUri, readTextFile } from '../../server/src/node/fileSystem';
import { loadSchemas } from '../../server/src/node/schemas';
import { generatePlan, generateStrategy } from '../support/generate';
import { measureFeatureLatency } from './featureLatency';
import { nationalBench } from './national';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function ms(n: number): string {
  return `${n.toFixed(n < 10 ? 1 : 0)} ms`;
}

/** Writes a workspace of `count` strategy documents (plus the plan they link to) and returns its folder. */
function writeWorkspace(count: number): { dir: string; bytes: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `strategy-bench-${count}-`));
  fs.writeFileSync(path.join(dir, 'plan.strategy.yaml'), generatePlan('plan'));
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, `group-${Math.floor(i / 100)}`);
    fs.mkdirSync(sub, { recursive: true });
    const doc = generateStrategy(`doc-${i}`, 100, i + 1, 'plan');
    fs.writeFileSync(path.join(sub, `doc-${i}.strategy.yaml`), doc.text);
    bytes += Buffer.byteLength(doc.text);
  }
  return { dir, bytes };
}

function coldIndex(count: number): void {
  const { dir, bytes } = writeWorkspace(count);
  try {
    const schemas = loadSchemas();
    const root = pathToUri(dir);
    global.gc?.();
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const service = new LanguageService({ schemas, roots: [root] });
    const files = findFiles(dir, (rel) => service.kindOf(`${root}/${rel}`) !== undefined);
    const texts: string[] = [];
    for (const file of files) {
      const text = readTextFile(file).text ?? '';
      texts.push(text);
      service.update(pathToUri(file), text);
    }
    const t1 = performance.now();
    let diagnostics = 0;
    for (const uri of service.index.uris()) {
      diagnostics += service.lspDiagnostics(uri).length;
    }
    const t2 = performance.now();
    const summary = service.summary();
    global.gc?.();
    const retained = process.memoryUsage().heapUsed - heap0;
    const y0 = performance.now();
    for (const text of texts) {
      parseAllDocuments(text);
    }
    const y1 = performance.now();
    const mb = bytes / 1048576;
    console.log(`\n## Cold index: ${count} documents, ${summary.codes} items, ${mb.toFixed(1)} MB`);
    console.log(`  read + parse + index        ${ms(t1 - t0)}  (${(mb / ((t1 - t0) / 1000)).toFixed(2)} MB/s, ${Math.round(summary.codes / ((t1 - t0) / 1000))} items/s)`);
    console.log(`  + every file's diagnostics  ${ms(t2 - t0)}  (${diagnostics} diagnostics)`);
    console.log(`  bare yaml parseAllDocuments ${ms(y1 - y0)}  (${(mb / ((y1 - y0) / 1000)).toFixed(2)} MB/s)`);
    console.log(`  ratio (index incl. diagnostics / bare parse): ${((t2 - t0) / (y1 - y0)).toFixed(2)}×`);
    console.log(`  heap retained by the index: ${(retained / 1048576).toFixed(0)} MB (${(retained / count / 1024).toFixed(0)} KB per document)`);
    for (const run of ['first', 'second']) {
      const f = measureFeatureLatency(service, 500, 1);
      console.log(
        `  completion (${run} run, ${f.samples} places): p50 ${ms(f.completion.p50)}, p95 ${ms(f.completion.p95)}; hover: p50 ${ms(f.hover.p50)}, p95 ${ms(f.hover.p95)}, max ${ms(f.hover.max)}`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Places to type at: the middle of item titles spread through the file. */
function editPoints(text: string, count: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < count; k++) {
    const i = text.indexOf('\n              - id: ', Math.floor((text.length * (k + 0.5)) / count));
    const t = text.indexOf('title: ', i);
    if (i >= 0 && t >= 0) {
      out.push(t + 7);
    }
  }
  return out;
}

function serviceEdits(edits: number): { text: string } {
  const big = generateStrategy('big', 1650, 42, 'plan');
  const service = new LanguageService({ schemas: loadSchemas(), roots: ['file:///ws'] });
  service.update('file:///ws/plan.strategy.yaml', generatePlan('plan'));
  const uri = 'file:///ws/big.strategy.yaml';
  const c0 = performance.now();
  service.update(uri, big.text);
  service.lspDiagnostics(uri);
  const c1 = performance.now();
  let text = big.text;
  const times: number[] = [];
  let offset = 0;
  for (const at of editPoints(big.text, edits)) {
    const pos = at + offset;
    text = text.slice(0, pos) + 'ř' + text.slice(pos);
    offset++;
    const s = performance.now();
    service.update(uri, text);
    service.lspDiagnostics(uri);
    times.push(performance.now() - s);
  }
  console.log(`\n## Edit → diagnostics, one file of ${big.items} items (${(Buffer.byteLength(big.text) / 1024).toFixed(0)} KB)`);
  console.log(`  first parse + diagnostics   ${ms(c1 - c0)}`);
  console.log(`  language service, ${times.length} edits: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(Math.max(...times))}`);
  return { text: big.text };
}

/**
 * A plan implementing `strategyId` (spec 6.3): 60 of the strategy's measures,
 * each with a new activity `III` after the strategy's `I` and `II`, one of
 * them `after` another.
 */
function generateImplementingPlan(id: string, strategyId: string, strategyText: string, k: number): string {
  const measures = [...strategyText.matchAll(/^ {10}- id: (\S+)$/gm)].map((m) => m[1]);
  const lines = [`strategy: ${id}`, `title: Akční plán ${k}`, `implements: ${strategyId}`, 'items:'];
  for (let j = 0; j < 60; j++) {
    const code = measures[(k * 60 + j) % measures.length];
    lines.push(`  - id: ${code}`, '    items:', `      - id: ${code}.III`, `        title: Aktivita akčního plánu ${k}`, '        timeline: { from: 2024, to: 2025 }');
    if (j > 0) {
      lines.push(`        after: [${measures[(k * 60 + j - 1) % measures.length]}.III]`);
    }
  }
  return lines.join('\n') + '\n';
}

/**
 * Keystrokes in a 5,000-item strategy that 20 plans implement: typing into a
 * title (the plans are not re-checked), and changing a code (the strategy
 * and every plan are, for union numbering).
 */
function planEdits(edits: number): void {
  const big = generateStrategy('big', 1650, 42, 'plan');
  const service = new LanguageService({ schemas: loadSchemas(), roots: ['file:///ws'] });
  service.update('file:///ws/plan.strategy.yaml', generatePlan('plan'));
  const uri = 'file:///ws/big.strategy.yaml';
  service.update(uri, big.text);
  const plans: string[] = [];
  for (let k = 0; k < 20; k++) {
    const planUri = `file:///ws/plan-${k}.strategy.yaml`;
    service.update(planUri, generateImplementingPlan(`ap-${k}`, 'big', big.text, k));
    plans.push(planUri);
  }
  const all = [uri, ...plans];
  all.forEach((u) => service.lspDiagnostics(u));
  let text = big.text;
  const typing: number[] = [];
  let offset = 0;
  for (const at of editPoints(big.text, edits)) {
    const pos = at + offset;
    text = text.slice(0, pos) + 'ř' + text.slice(pos);
    offset++;
    const s = performance.now();
    const affected = service.update(uri, text);
    affected.forEach((u) => service.lspDiagnostics(u));
    typing.push(performance.now() - s);
  }
  const renumber: number[] = [];
  let planDiagnostics = 0;
  for (let k = 0; k < Math.min(edits, 10); k++) {
    // A measure's code typed over and back: both change the strategy's codes.
    const line = /^ {10}- id: (\d+\.[A-Z]+\.)(\d+)$/m.exec(text.slice(Math.floor((text.length * k) / 10)));
    const next = line ? text.replace(line[0], line[0].replace(`${line[1]}${line[2]}`, `${line[1]}9${line[2]}`)) : text;
    for (const t of next === text ? [] : [next, text]) {
      const s = performance.now();
      const affected = service.update(uri, t);
      affected.forEach((u) => (planDiagnostics += service.lspDiagnostics(u).length));
      renumber.push(performance.now() - s);
    }
  }
  console.log(`\n## Edit → diagnostics, a ${big.items}-item strategy that 20 plans implement (60 measures each, union numbering)`);
  console.log(`  typing into titles, ${typing.length} edits: p50 ${ms(percentile(typing, 50))}, p95 ${ms(percentile(typing, 95))}, max ${ms(Math.max(...typing))}`);
  if (renumber.length > 0) {
    console.log(`  changing a code (strategy + 20 plans re-checked), ${renumber.length} edits: p50 ${ms(percentile(renumber, 50))}, p95 ${ms(percentile(renumber, 95))} (${planDiagnostics} diagnostics)`);
  }
}

/** How the client sends changes: ranges (incremental) or the whole text (full-document sync). */
type SyncKind = 'incremental' | 'full';

/**
 * Keystrokes over LSP with the default settings: didChange → the
 * publishDiagnostics of the edited file, measured at the client. `files`
 * (relative path → text) are written to a fresh workspace; `open` is opened
 * once the index is ready, and one character is typed at each of `points`
 * (offsets into its original text, each on its own line), one keystroke
 * after the previous one's diagnostics arrived.
 */
async function protocolEdits(label: string, files: Record<string, string>, open: string, points: number[], kind: SyncKind): Promise<number[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-bench-lsp-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  const file = path.join(dir, open);
  const text = files[open];
  const server = cp.spawn(process.execPath, [path.resolve(__dirname, '../../../dist/server/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let buffer = Buffer.alloc(0);
  let nextId = 1;
  const waiting = new Map<number, (v: unknown) => void>();
  const listeners: ((m: { method?: string; params?: { uri?: string } }) => void)[] = [];
  const send = (msg: object): void => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }));
    server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    server.stdin.write(body);
  };
  server.stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const header = buffer.indexOf('\r\n\r\n');
      if (header < 0) {
        return;
      }
      const len = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, header).toString())?.[1] ?? 0);
      if (buffer.length < header + 4 + len) {
        return;
      }
      const msg = JSON.parse(buffer.subarray(header + 4, header + 4 + len).toString()) as { id?: number; method?: string; result?: unknown; params?: { uri?: string } };
      buffer = buffer.subarray(header + 4 + len);
      if (msg.id !== undefined && msg.method === undefined) {
        waiting.get(msg.id)?.(msg.result);
      } else if (msg.method !== undefined && msg.id !== undefined) {
        send({ id: msg.id, result: null });
      } else {
        listeners.forEach((l) => l(msg));
      }
    }
  });
  const request = (method: string, params: unknown): Promise<unknown> =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      send({ id, method, params });
    });
  const next = (pred: (m: { method?: string; params?: { uri?: string; indexing?: boolean } }) => boolean): Promise<void> =>
    new Promise((resolve) => {
      const l = (m: { method?: string; params?: { uri?: string } }): void => {
        if (pred(m)) {
          listeners.splice(listeners.indexOf(l), 1);
          resolve();
        }
      };
      listeners.push(l);
    });
  try {
    const uri = pathToUri(file);
    await request('initialize', {
      processId: process.pid,
      rootUri: pathToUri(dir),
      workspaceFolders: [{ uri: pathToUri(dir), name: 'bench' }],
      capabilities: {},
    });
    const ready = next((m) => m.method === 'strategy/status' && (m.params as { indexing?: boolean }).indexing === false);
    send({ method: 'initialized', params: {} });
    await ready;
    // The opened file's first diagnostics, so that the first keystroke is measured on its own.
    const opened = next((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri);
    send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'strategy-yaml', version: 1, text } } });
    await opened;
    const times: number[] = [];
    let version = 1;
    let current = text;
    let shift = 0;
    // Points are in order, each on its own line: a position computed on the original text stays right.
    for (const at of points) {
      const before = text.slice(0, at);
      const line = before.split('\n').length - 1;
      const character = at - before.lastIndexOf('\n') - 1;
      current = current.slice(0, at + shift) + 'ř' + current.slice(at + shift);
      shift++;
      const change = kind === 'incremental' ? { range: { start: { line, character }, end: { line, character } }, text: 'ř' } : { text: current };
      const published = next((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri);
      const s = performance.now();
      send({ method: 'textDocument/didChange', params: { textDocument: { uri, version: ++version }, contentChanges: [change] } });
      await published;
      times.push(performance.now() - s);
    }
    console.log(`  ${label}, ${kind} sync, ${times.length} keystrokes: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(Math.max(...times))}`);
    return times;
    await request('shutdown', null);
    send({ method: 'exit' });
  } finally {
    server.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A document of 100 measures and `count` documents that name its measures
 * (`hub/1.A.3`); the keystrokes go into measure titles of the hub.
 */
function widelyReferenced(count: number): { files: Record<string, string>; points: number[] } {
  const hub = generateStrategy('hub', 100, 7);
  const codes = [...hub.text.matchAll(/- id: (\d+\.[A-Z]\.\d+)\n/g)].map((m) => m[1]);
  const files: Record<string, string> = { 'hub.strategy.yaml': hub.text };
  for (let i = 0; i < count; i++) {
    const refs = [codes[i % codes.length], codes[(i * 7) % codes.length]].map((c) => `hub/${c}`);
    files[`users/u${i}.strategy.yaml`] = `strategy: u${i}\ntitle: Dokument ${i}\nitems:\n  - id: 1\n    title: Priorita\n    related: [${refs.join(', ')}]\n`;
  }
  const points: number[] = [];
  for (const m of hub.text.matchAll(/- id: \d+\.[A-Z]\.\d+\n {12}title: /g)) {
    points.push(m.index + m[0].length);
  }
  return { files, points };
}

async function main(): Promise<void> {
  if (process.argv.includes('national')) {
    console.log(`Strategy Codes benchmark, national scale — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`);
    await nationalBench(process.argv);
    return;
  }
  const sizes = arg('sizes', '100,1000').split(',').map(Number);
  const edits = Number(arg('edits', '40'));
  console.log(`Strategy Codes benchmark — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`);
  const { text } = serviceEdits(edits);
  planEdits(edits);
  console.log('\n## Keystroke → published diagnostics over LSP (stdio, default settings)');
  const bigFiles = { 'plan.strategy.yaml': generatePlan('plan'), 'big.strategy.yaml': text };
  for (const kind of ['incremental', 'full'] as const) {
    await protocolEdits('5,000-item file', bigFiles, 'big.strategy.yaml', editPoints(text, edits), kind);
  }
  const hub = widelyReferenced(500);
  await protocolEdits('measure of a document 500 others reference', hub.files, 'hub.strategy.yaml', hub.points.slice(0, edits), 'incremental');
  for (const n of sizes) {
    coldIndex(n);
  }
  console.log(`\n## Memory\n  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (the benchmark process, largest workspace held in memory)`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});

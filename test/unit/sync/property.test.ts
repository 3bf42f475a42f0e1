/**
 * Order independence, tested over random interleavings: a scan in steps
 * (some files read long before their batch is applied), buffers opened,
 * edited (ranged and whole-document changes) and closed before, during and
 * after it, files created, changed, deleted, renamed and made unreadable,
 * folders renamed, catalogs changed, documents appearing after the files
 * that name them, settings changed (severities, the built-in catalog, the
 * globs), file events delivered late, time passing and requests flushing.
 * After each sequence, every event delivered and the scan finished, the
 * diagnostics last published for every file must equal those of a fresh
 * index of the final state (the disk overlaid with the open buffers).
 *
 * The generator knows nothing of what the index tracks: it writes random
 * documents that name each other by random names, so that every kind of
 * name the index knows (documents, descriptors, catalogs, items) is covered,
 * and kinds added later are covered as soon as the documents use them.
 *
 * Seeded: a failure prints the seed and the sequence, and
 * `SYNC_PROPERTY_SEED=<seed> SYNC_PROPERTY_RUNS=1` replays it.
 * `SYNC_PROPERTY_RUNS` sets the number of sequences (default in the README).
 */
import * as assert from 'assert';
import { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { DEFAULT_SETTINGS, Settings } from '../../../server/src/settings';
import { LoadedFile } from '../../../server/src/sync/workspace';
import { FileEvent } from '../../../server/src/sync/workspaceSync';
import { LanguageService } from '../../../server/src/languageService';
import { ParsedFile } from '../../../server/src/model/types';
import { textHash } from '../../../server/src/node/parseCache';
import { schemas } from '../fixture';
import { assertMatchesFresh, harness, Harness } from './harness';

/** Sequences per run of the unit tests, and operations per sequence. */
const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 2000);
const OPS = 30;
const SEED = Number(process.env.SYNC_PROPERTY_SEED ?? 20261204);

const ROOT = 'file:///ws';
const FOLDERS = ['d1', 'd2', 'd3'];
const NAMES = ['a.strategy.yaml', 'b.strategy.yaml', 'c.strategy.yaml', 'k.descriptors.yaml', 'notes.md', 'x.txt'];
const DOC_IDS = ['a', 'b', 'c'];

/** A small fast PRNG (mulberry32): the same seed gives the same sequence everywhere. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  some<T>(list: readonly T[], p = 0.4): T[] {
    return list.filter(() => this.chance(p));
  }
}

/** A strategy document naming other documents, items, descriptors and actors, sometimes broken. */
function strategyText(g: Gen): string {
  const id = g.pick(DOC_IDS);
  const lines = [`strategy: ${id}`, `title: Dokument ${id.toUpperCase()}`];
  const plan = g.chance(0.4) ? g.pick(DOC_IDS) : undefined;
  if (plan) {
    lines.push(`goalsFrom: ${plan}`);
  }
  // Format 1.1 (spec 6): a plan of another document, an outside declaration.
  if (g.chance(0.3)) {
    lines.push(`implements: ${g.pick([...DOC_IDS, 'zz'])}`);
  }
  if (g.chance(0.2)) {
    lines.push('documents:', '  - id: zz', '    title: Národní strategie');
  }
  if (g.chance(0.3)) {
    lines.push('actors:', '  - id: mesto', '    name: Město');
  }
  lines.push('items:');
  const tops = g.chance(0.5) ? ['1', '2'] : g.chance(0.3) ? ['2'] : ['1'];
  for (const top of tops) {
    lines.push(`  - id: ${top}`, `    title: Priorita ${top}`, '    items:');
    for (const letter of g.chance(0.5) ? ['A', 'B'] : g.chance(0.3) ? ['C'] : ['A']) {
      const code = `${top}.${letter}`;
      lines.push(`      - id: ${code}`, `        title: Cíl ${code}`);
      if (g.chance(0.15)) {
        lines.push('        status: vypuštěno');
      }
      const related = g.some(['a/1.A', 'b/2.A', 'c/1.B', 'b/1', '1', '2.A', 'a/9.Z', 'zz/1']);
      if (related.length > 0) {
        lines.push(`        related: [${related.join(', ')}]`);
      }
      const after = g.some(['1.A', '1.B', '2.A', 'a/1.A', 'b/1.B', 'c/2.A'], 0.25);
      if (after.length > 0) {
        lines.push(`        after: [${after.join(', ')}]`);
      }
      const goals = plan ? g.some(['1.A', '2.A', '1']) : [];
      if (goals.length > 0) {
        lines.push(`        goals: [${goals.join(', ')}]`);
      }
      const descriptors = g.some(['I.a', 'I.b', 'II.a', 'VIII.e']);
      if (descriptors.length > 0) {
        lines.push(`        descriptors: [${descriptors.join(', ')}]`);
      }
      if (g.chance(0.2)) {
        lines.push('        responsible: [mesto]');
      }
    }
  }
  if (g.chance(0.2)) {
    lines.push('  - id: 3', '    title: [neuzavřeno');
  }
  if (g.chance(0.1)) {
    lines.splice(g.int(lines.length), 0, '# komentář');
  }
  return lines.join('\n') + '\n';
}

function catalogText(g: Gen): string {
  const lines = [`catalog: ${g.pick(['k', 'k2'])}`, 'title: Katalog', 'areas:'];
  for (const area of g.chance(0.5) ? ['I', 'II'] : ['I']) {
    lines.push(`  - id: ${area}`, '    descriptors:');
    for (const d of g.chance(0.7) ? ['a', 'b'] : ['a']) {
      lines.push(`      - { id: ${area}.${d}, title: Deskriptor ${area}.${d} }`);
    }
  }
  if (g.chance(0.1)) {
    lines.push('  - id: VIII', '    descriptors:', '      - { id: VIII.e, title: Zastíněný }');
  }
  return lines.join('\n') + '\n';
}

function markdownText(g: Gen): string {
  const front = g.chance(0.6) ? `---\nstrategy: ${g.pick([...DOC_IDS, 'zz'])}\n---\n` : '';
  return `${front}# Poznámky\n\nViz ${g.some(['a/1.A', 'b/2.A', 'c/1', 'zz/1'], 0.5).join(', ') || 'nic'}. Bod 1.A.\n`;
}

function textFor(g: Gen, uri: string): string {
  if (uri.endsWith('.strategy.yaml')) {
    return strategyText(g);
  }
  if (uri.endsWith('.descriptors.yaml')) {
    return catalogText(g);
  }
  if (uri.endsWith('.md')) {
    return markdownText(g);
  }
  return 'strategy: a\n';
}

function randomUri(g: Gen): string {
  return `${ROOT}/${g.pick(FOLDERS)}/${g.pick(NAMES)}`;
}

/** The ranged change a client sends for `before` → `after`: the differing middle, as one replacement. */
function rangedChange(before: string, after: string): TextDocumentContentChangeEvent {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) {
    start++;
  }
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) {
    end++;
  }
  const pos = (offset: number): { line: number; character: number } => {
    const lines = before.slice(0, offset).split('\n');
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
  };
  return { range: { start: pos(start), end: pos(before.length - end) }, text: after.slice(start, after.length - end) };
}

/** A scan batch the loader was asked for: read when the test says, handed over later. */
interface PendingLoad {
  uris: readonly string[];
  loaded?: LoadedFile[];
  resolve: (files: LoadedFile[]) => void;
}

interface World {
  h: Harness;
  g: Gen;
  loads: PendingLoad[];
  events: FileEvent[];
  versions: Map<string, number>;
  trace: string[];
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function read(w: World, load: PendingLoad): LoadedFile[] {
  // As the loader does on a warm start: a text with the key of a file taken back from its record is not parsed, only confirmed.
  return load.uris.map((uri): LoadedFile => {
    const read = w.h.ws.readFile(uri);
    const confirms = read.text !== undefined && w.h.service.index.unconfirmedKey(uri) === textHash(read.text) ? textHash(read.text) : undefined;
    // Some confirmations come by hash alone, the text decoded when something reads it (the node workspace's `readLazily`).
    if (confirms !== undefined && read.text !== undefined && uri.length % 2 === 0) {
      const text = read.text;
      return { uri, confirms, lazyText: () => text };
    }
    return { uri, ...read, ...(confirms !== undefined ? { confirms } : {}) };
  });
}

/**
 * A warm start (half of the runs): the records an earlier session left, made from the files as
 * they were then — some since changed, deleted or not yet created — are taken back before the scan.
 */
function restoreEarlier(h: Harness, files: Record<string, string>, g: Gen): string {
  if (!g.chance(0.5)) {
    return 'cold start';
  }
  const earlier = new LanguageService({ schemas: schemas(), roots: [ROOT], settings: h.settings });
  const then: Record<string, string> = {};
  for (const [uri, text] of Object.entries(files)) {
    if (g.chance(0.6)) {
      then[uri] = text;
    } else if (g.chance(0.5)) {
      then[uri] = textFor(g, uri);
    }
  }
  for (let i = g.int(3); i > 0; i--) {
    const uri = randomUri(g);
    then[uri] ??= textFor(g, uri);
  }
  for (const uri of Object.keys(then).sort()) {
    earlier.update(uri, then[uri]);
  }
  const parses = new Map<string, ParsedFile>();
  for (const file of earlier.index.all()) {
    parses.set(`${file.uri} ${textHash(file.text)}`, file.parsed);
  }
  // A parse the cache lost is parsed again from the text.
  h.sync.restore(earlier.records(textHash), (uri, key) => (g.chance(0.9) ? parses.get(`${uri} ${key}`) : undefined));
  return `warm start from ${JSON.stringify(Object.keys(then).sort())}`;
}

async function handOver(w: World): Promise<void> {
  const load = w.loads.shift();
  if (load) {
    load.resolve(load.loaded ?? read(w, load));
    await tick();
  }
}

function deliver(w: World, count: number): void {
  const batch = w.events.splice(0, count);
  if (batch.length > 0) {
    w.h.sync.filesChanged(batch);
  }
}

function writeDisk(w: World, uri: string, text: string | null): void {
  const existed = w.h.ws.files.has(uri);
  w.h.ws.files.set(uri, text);
  w.events.push({ uri, type: existed ? 'changed' : 'created' });
}

function settingsVariant(g: Gen): Settings {
  return {
    ...DEFAULT_SETTINGS,
    builtinCatalog: g.chance(0.8),
    severity: g.chance(0.5) ? {} : { [g.pick(['unknown-item', 'unknown-strategy', 'unknown-descriptor', 'numbering-gap'])]: g.pick(['off', 'warning', 'error'] as const) },
    markdownGlobs: g.chance(0.85) ? DEFAULT_SETTINGS.markdownGlobs : [],
    debounceMs: g.pick([0, 100, 100, 250]),
  };
}

/** One random operation; returns its description for the trace. */
async function step(w: World): Promise<string> {
  const { h, g } = w;
  const openUris = [...h.buffers.keys()];
  const diskUris = [...h.ws.files.keys()];
  switch (g.int(16)) {
    case 0:
    case 1:
      await handOver(w);
      return 'scan: hand over a batch';
    case 2: {
      const load = w.loads[g.int(Math.max(1, w.loads.length))];
      if (load && !load.loaded) {
        load.loaded = read(w, load);
      }
      return 'scan: read a batch early';
    }
    case 3:
      if (g.chance(0.3)) {
        void h.sync.scan();
        await tick();
        return 'scan: start (again)';
      }
      return 'nothing';
    case 4: {
      const uri = g.chance(0.7) && diskUris.length > 0 ? g.pick(diskUris) : randomUri(g);
      if (h.buffers.has(uri)) {
        return 'nothing';
      }
      const text = h.ws.files.get(uri) ?? textFor(g, uri);
      const version = (w.versions.get(uri) ?? 0) + 1;
      w.versions.set(uri, version);
      h.buffers.set(uri, { version, text });
      h.sync.open(uri, version, text);
      return `open ${uri}`;
    }
    case 5:
    case 6: {
      if (openUris.length === 0) {
        return 'nothing';
      }
      const uri = g.pick(openUris);
      const before = h.buffers.get(uri)!;
      const text = g.chance(0.5) ? before.text.replace(/Cíl (\S+)/, 'Cíl $1 upravený').replace(/\[(a|b|c)\//, '[$1x/') : textFor(g, uri);
      const version = before.version + 1;
      w.versions.set(uri, version);
      h.buffers.set(uri, { version, text });
      const full = g.chance(0.5);
      h.sync.change(uri, version, [full ? { text } : rangedChange(before.text, text)]);
      return `change ${uri} (${full ? 'whole text' : 'range'})`;
    }
    case 7: {
      if (openUris.length === 0) {
        return 'nothing';
      }
      const uri = g.pick(openUris);
      if (g.chance(0.3)) {
        // Saved before closing: the disk gets the buffer's text.
        writeDisk(w, uri, h.buffers.get(uri)!.text);
      }
      h.buffers.delete(uri);
      h.sync.close(uri);
      return `close ${uri}`;
    }
    case 8: {
      const uri = g.chance(0.5) && diskUris.length > 0 ? g.pick(diskUris) : randomUri(g);
      writeDisk(w, uri, g.chance(0.05) ? null : textFor(g, uri));
      return `write ${uri}`;
    }
    case 9: {
      if (diskUris.length === 0) {
        return 'nothing';
      }
      const uri = g.pick(diskUris);
      h.ws.files.delete(uri);
      w.events.push({ uri, type: 'deleted' });
      return `delete ${uri}`;
    }
    case 10: {
      if (diskUris.length === 0) {
        return 'nothing';
      }
      const from = g.pick(diskUris);
      const to = randomUri(g);
      if (to === from || h.ws.files.has(to)) {
        return 'nothing';
      }
      h.ws.files.set(to, h.ws.files.get(from)!);
      h.ws.files.delete(from);
      w.events.push({ uri: from, type: 'deleted' }, { uri: to, type: 'created' });
      return `rename ${from} → ${to}`;
    }
    case 11: {
      const from = g.pick(FOLDERS);
      const to = g.pick(FOLDERS.filter((f) => f !== from));
      const moved = diskUris.filter((u) => u.startsWith(`${ROOT}/${from}/`));
      if (moved.length === 0 || diskUris.some((u) => u.startsWith(`${ROOT}/${to}/`))) {
        return 'nothing';
      }
      for (const uri of moved) {
        h.ws.files.set(uri.replace(`/${from}/`, `/${to}/`), h.ws.files.get(uri)!);
        h.ws.files.delete(uri);
      }
      w.events.push({ uri: `${ROOT}/${from}`, type: 'deleted' }, { uri: `${ROOT}/${to}`, type: 'created' });
      return `rename folder ${from} → ${to}`;
    }
    case 12:
      deliver(w, 1 + g.int(3));
      return 'deliver file events';
    case 13:
      if (g.chance(0.3)) {
        h.settings = settingsVariant(g);
        void h.sync.configure(h.settings);
        await tick();
        return `settings ${JSON.stringify(h.settings)}`;
      }
      return 'nothing';
    case 14:
      h.clock.advance(g.pick([1, 20, 60, 150, 1000]));
      return 'time passes';
    default:
      h.sync.flush();
      return 'request (flush)';
  }
}

/** Every event delivered, every scan finished, every timer run. */
async function settle(w: World): Promise<void> {
  deliver(w, w.events.length);
  if (w.loads.length === 0 && w.h.sync.indexing) {
    void w.h.sync.scan();
    await tick();
  }
  for (let guard = 0; w.loads.length > 0; guard++) {
    assert.ok(guard < 1000, 'the scan does not end');
    await handOver(w);
  }
  w.h.sync.flush();
  w.h.clock.advance(10_000);
}

describe('workspace sync: order independence (seeded property test)', function () {
  this.timeout(0);

  it(`publishes what a fresh index gives, after ${RUNS} random interleavings of ${OPS} steps (seed ${SEED})`, async () => {
    for (let run = 0; run < RUNS; run++) {
      const seed = SEED + run;
      const g = new Gen(random(seed));
      const loads: PendingLoad[] = [];
      const files: Record<string, string> = {};
      for (let i = g.int(6); i > 0; i--) {
        const uri = randomUri(g);
        files[uri] = textFor(g, uri);
      }
      const h = harness([ROOT], files, { batchSize: 1 + g.int(3), loadBatch: (uris) => new Promise<LoadedFile[]>((resolve) => loads.push({ uris, resolve })) });
      const w: World = { h, g, loads, events: [], versions: new Map(), trace: [] };
      try {
        w.trace.push(restoreEarlier(h, files, new Gen(random(seed ^ 0x5eed))));
        // The server starts a scan on `initialized`; some events come before it.
        for (let i = g.int(3); i > 0; i--) {
          w.trace.push(await step(w));
        }
        void h.sync.scan();
        await tick();
        w.trace.push('scan: start');
        for (let i = 0; i < OPS; i++) {
          w.trace.push(await step(w));
        }
        await settle(w);
        assertMatchesFresh(h, `seed ${seed}: `);
      } catch (e) {
        const steps = w.trace.filter((t) => t !== 'nothing');
        (e as Error).message = `seed ${seed}, steps:\n  ${steps.join('\n  ')}\n${(e as Error).message}`;
        throw e;
      }
    }
  });
});

/**
 * A warm start confirms a file left alone by its fingerprint (size, times,
 * inode) without reading it; a file whose fingerprint moved, one changed too
 * recently for its fingerprint to be trusted, and one changed after the scan
 * are read, and the diagnostics always equal those of a start without cache.
 */
import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LanguageService } from '../../../server/src/languageService';
import { pathToUri, uriToPath } from '../../../server/src/node/fileSystem';
import { NodeWorkspace } from '../../../server/src/node/nodeWorkspace';
import { ParseCache } from '../../../server/src/node/parseCache';
import { parsingLoaderSync, ParsingLoaderOptions } from '../../../server/src/node/parsingLoader';
import { beginWarmStart } from '../../../server/src/node/warmStart';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { FileRead } from '../../../server/src/sync/workspace';
import { SYSTEM_CLOCK, WorkspaceSync } from '../../../server/src/sync/workspaceSync';
import { generateNationalWorkspace } from '../../support/generate';
import { schemas } from '../fixture';

/** The disk workspace, counting the files it reads: by the scan (`readLazily`), and for their text later (`readFile`). */
class CountingWorkspace extends NodeWorkspace {
  readonly scanned = new Set<string>();
  readonly reads = new Set<string>();

  override readFile(uri: string): FileRead {
    this.reads.add(uri);
    return super.readFile(uri);
  }

  override readLazily(uri: string): ReturnType<NodeWorkspace['readLazily']> {
    this.scanned.add(uri);
    return super.readLazily(uri);
  }
}

interface Started {
  service: LanguageService;
  sync: WorkspaceSync;
  workspace: CountingWorkspace;
  /** The files read by the scan. */
  scanned: Set<string>;
  saved: boolean;
}

/** A start as the checker makes one: records taken back, the scan, the records saved (after `session` ran). */
function start(dir: string, cacheDir: string | undefined, settledMs: number, session?: (sync: WorkspaceSync) => void): Started {
  const roots = [pathToUri(dir)];
  const service = new LanguageService({ schemas: schemas(), roots, settings: DEFAULT_SETTINGS });
  const workspace = new CountingWorkspace(roots, settledMs);
  const cache = cacheDir !== undefined ? new ParseCache(cacheDir, 'f1f1f1f1f1f1f1f1') : undefined;
  const loader: ParsingLoaderOptions = { workspace, schemas: schemas(), kindOf: (uri) => service.kindOf(uri), limits: () => service.parseLimits(), cache };
  const sync = new WorkspaceSync({ service, workspace, clock: { ...SYSTEM_CLOCK, yield: () => Promise.resolve() }, output: { publish: () => undefined } });
  const warm = beginWarmStart(sync, service, loader, roots);
  sync.scanNow(parsingLoaderSync(loader));
  session?.(sync);
  return { service, sync, workspace, scanned: workspace.scanned, saved: warm.save() };
}

/** Every file's diagnostics, with positions (the texts of files with diagnostics are read for them). */
function diagnostics(s: LanguageService): string {
  return JSON.stringify(s.index.uris().sort().map((uri) => [uri, s.lspDiagnostics(uri)]));
}

describe('warm start by fingerprint', function () {
  this.timeout(60_000);
  let dir: string;
  let ws: string;
  let cache: string;
  const file = (rel: string): string => path.join(ws, rel);
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-fingerprint-'));
    ws = path.join(dir, 'ws');
    cache = path.join(dir, 'cache');
    for (const f of generateNationalWorkspace({ documents: 12, plans: 2, measures: 4 })) {
      fs.mkdirSync(path.dirname(file(f.path)), { recursive: true });
      fs.writeFileSync(file(f.path), f.text);
    }
    // Broken links, so that some files have diagnostics whose positions need their text.
    fs.writeFileSync(file('group-0/doc-3.strategy.yaml'), fs.readFileSync(file('group-0/doc-3.strategy.yaml'), 'utf8').replace(/related: \[/, 'related: [9.Z.9, '));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('does not read a file left alone since it was recorded, and reports what a start without cache reports', () => {
    const cold = start(ws, cache, 0);
    const expected = diagnostics(start(ws, undefined, 0).service);
    assert.ok(expected.includes('unknown-item'), 'the workspace has diagnostics to compare');
    assert.strictEqual(diagnostics(cold.service), expected);
    const warm = start(ws, cache, 0);
    assert.deepStrictEqual([...warm.scanned], [], 'no file read by the scan');
    assert.strictEqual(diagnostics(warm.service), expected);
    // Only the files with diagnostics were read, for their positions.
    const shown = warm.service.index.uris().filter((uri) => warm.service.lspDiagnostics(uri).length > 0);
    assert.ok(shown.length < 15, 'some files have nothing to show');
    assert.deepStrictEqual([...warm.workspace.reads].sort(), shown.sort());
  });

  it('reads a file whose fingerprint moved: changed with the same size and modification time', () => {
    const target = file('group-0/doc-5.strategy.yaml');
    // A whole second, so that setting it again gives exactly the same time.
    const mtime = Math.floor(Date.now() / 1000) - 3600;
    fs.utimesSync(target, mtime, mtime);
    start(ws, cache, 0);
    const before = fs.statSync(target);
    const changed = fs.readFileSync(target, 'utf8').replace('strategy: doc-5', 'strategy: doc-X');
    assert.strictEqual(Buffer.byteLength(changed), before.size);
    fs.writeFileSync(target, changed);
    fs.utimesSync(target, mtime, mtime);
    assert.strictEqual(fs.statSync(target).mtimeMs, before.mtimeMs);
    const warm = start(ws, cache, 0);
    assert.deepStrictEqual([...warm.scanned].map((u) => path.basename(u)), ['doc-5.strategy.yaml']);
    assert.strictEqual(diagnostics(warm.service), diagnostics(start(ws, undefined, 0).service));
    assert.ok(diagnostics(warm.service).includes('doc-5'), 'the links to the old id are broken');
  });

  it('trusts no fingerprint of a file changed just before it was read, and records one once it has settled', () => {
    start(ws, cache, 60_000);
    const unsettled = start(ws, cache, 60_000);
    assert.strictEqual(unsettled.scanned.size, 14 + 1, 'every file read again: the records hold no fingerprint');
    assert.ok(unsettled.saved);
    // The same files, now taken as settled: confirmed by hash, and their fingerprints recorded.
    start(ws, cache, 0);
    assert.deepStrictEqual([...start(ws, cache, 0).scanned], []);
  });

  it('records an unsaved buffer as the index holds it: the next start indexes the text on disk as a change', () => {
    start(ws, cache, 0);
    const plan = file('plan.strategy.yaml');
    const text = fs.readFileSync(plan, 'utf8');
    const edited = text.replace(/id: A1\.1\n/, 'id: A1.9\n');
    assert.notStrictEqual(edited, text);
    const session = start(ws, cache, 0, (sync) => sync.open(pathToUri(plan), 1, edited));
    assert.ok(session.saved);
    assert.ok(diagnostics(session.service).includes('unknown-goal'), 'the unsaved change breaks the goal links to it');
    const records = fs.readdirSync(cache).flatMap((v) => fs.readdirSync(path.join(cache, v)).filter((f) => f.startsWith('workspace-')).map((f) => path.join(cache, v, f)));
    assert.ok(fs.readFileSync(records[0], 'utf8').includes(crypto.createHash('sha1').update(edited).digest('hex')), 'the records hold the buffer');
    const next = start(ws, cache, 0);
    assert.strictEqual(diagnostics(next.service), diagnostics(start(ws, undefined, 0).service));
    assert.ok(!diagnostics(next.service).includes('unknown-goal'));
  });

  it('records the index as it was when the records began, whatever changes while they are made a slice at a time', async () => {
    start(ws, cache, 0);
    const plan = file('plan.strategy.yaml');
    const edited = fs.readFileSync(plan, 'utf8').replace(/id: A1\.1\n/, 'id: A1.9\n');
    // A session whose records are made a file at a time, an edit arriving at the first pause.
    const roots = [pathToUri(ws)];
    const service = new LanguageService({ schemas: schemas(), roots, settings: DEFAULT_SETTINGS });
    const workspace = new NodeWorkspace(roots, 0);
    const loader: ParsingLoaderOptions = { workspace, schemas: schemas(), kindOf: (uri) => service.kindOf(uri), limits: () => service.parseLimits(), cache: new ParseCache(cache, 'f1f1f1f1f1f1f1f1') };
    const sync = new WorkspaceSync({ service, workspace, clock: { ...SYSTEM_CLOCK, yield: () => Promise.resolve() }, output: { publish: () => undefined } });
    const warm = beginWarmStart(sync, service, loader, roots);
    sync.scanNow(parsingLoaderSync(loader));
    sync.open(pathToUri(file('group-0/doc-2.strategy.yaml')), 1, fs.readFileSync(file('group-0/doc-2.strategy.yaml'), 'utf8') + '  - id: 77\n    title: Nová\n');
    let pauses = 0;
    const saved = await warm.saveInSlices(() => {
      if (pauses++ === 0) {
        sync.open(pathToUri(plan), 1, edited);
      }
      return Promise.resolve();
    }, 0);
    assert.ok(saved && pauses > 1);
    assert.ok(diagnostics(service).includes('unknown-goal'), 'the edit reached the index');
    const records = fs.readdirSync(cache).flatMap((v) => fs.readdirSync(path.join(cache, v)).filter((f) => f.startsWith('workspace-')).map((f) => path.join(cache, v, f)));
    const written = fs.readFileSync(records[0], 'utf8');
    assert.ok(!written.includes(crypto.createHash('sha1').update(edited).digest('hex')), 'the records hold the index before the edit');
    assert.ok(written.includes('"77"') || written.includes('\\n77\\n') || written.includes('\\n77'), 'and the change made before they began');
    const next = start(ws, cache, 0);
    assert.strictEqual(diagnostics(next.service), diagnostics(start(ws, undefined, 0).service));
  });

  it('reads a file again as changed when it changed after the scan and its text is first needed', async () => {
    start(ws, cache, 0);
    const warm = start(ws, cache, 0);
    assert.deepStrictEqual([...warm.scanned], []);
    // A file whose text nothing has needed yet (it has no diagnostics to place).
    const uri = warm.service.index.uris().find((u) => u.endsWith('.strategy.yaml') && !warm.workspace.reads.has(u));
    assert.ok(uri, 'a file not read yet');
    const target = uriToPath(uri)!;
    // Its title changed, and it ends in an unterminated string: an error to report.
    fs.writeFileSync(target, fs.readFileSync(target, 'utf8').replace('title: ', 'title: ZMĚNA ') + '  - id: "1.9\n');
    // Something needs the text (a hover, say): it is not the confirmed one.
    warm.service.document(uri);
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(warm.service.document(uri)?.getText().includes('ZMĚNA'));
    assert.ok(warm.service.lspDiagnostics(uri).length > 0, 'the error is reported');
    assert.strictEqual(diagnostics(warm.service), diagnostics(start(ws, undefined, 0).service));
  });
});

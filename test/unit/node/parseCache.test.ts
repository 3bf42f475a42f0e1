/**
 * The persistent parse cache: a round trip gives the parse back, and every
 * way a cache can be bad — corrupt, truncated, for another text, of another
 * engine version, not a cache at all, unwritable — is a miss, never a wrong
 * result or a crash; the next write rebuilds the entry.
 */
import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import { NodeWorkspace } from '../../../server/src/node/nodeWorkspace';
import { ParseCache, textHash } from '../../../server/src/node/parseCache';
import { ParsingLoaderOptions, writePending } from '../../../server/src/node/parsingLoader';
import { parseFile } from '../../../server/src/parse/parseFile';
import { compileSchemas } from '../../../server/src/parse/schemaCheck';
import { ParsedFile } from '../../../server/src/model/types';
import { FileRecord } from '../../../server/src/model/workspaceIndex';
import { generateNationalStrategy, NATIONAL } from '../../support/generate';
import { schemas } from '../fixture';

const URI = 'file:///ws/doc-1.strategy.yaml';

describe('persistent parse cache', () => {
  let dir: string;
  let text: string;
  let parsed: ParsedFile;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-cache-test-'));
    text = generateNationalStrategy(1, { ...NATIONAL, measures: 8 }).text;
    parsed = parseFile(URI, text, 'strategy', compileSchemas(schemas()));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The one entry file the cache wrote. */
  function entryFile(engine = 'e1e1e1e1e1e1e1e1'): string {
    const files = fs.readdirSync(path.join(dir, engine)).filter((f) => f.endsWith('.bin'));
    assert.strictEqual(files.length, 1, 'one entry written');
    return path.join(dir, engine, files[0]);
  }

  /** Writes the entry, damages it with `damage`, and checks a fresh cache refuses it and rebuilds it. */
  function expectRefusedAndRebuilt(damage: (file: string) => void): void {
    new ParseCache(dir, 'e1e1e1e1e1e1e1e1').set(URI, textHash(text), parsed);
    damage(entryFile());
    const cache = new ParseCache(dir, 'e1e1e1e1e1e1e1e1');
    assert.strictEqual(cache.get(URI, textHash(text)), undefined);
    assert.strictEqual(cache.stats.refused, 1);
    cache.set(URI, textHash(text), parsed);
    assert.deepStrictEqual(new ParseCache(dir, 'e1e1e1e1e1e1e1e1').get(URI, textHash(text)), parsed);
  }

  it('gives back the parse it stored, maps and shared objects included', () => {
    new ParseCache(dir, 'e1e1e1e1e1e1e1e1').set(URI, textHash(text), parsed);
    const cache = new ParseCache(dir, 'e1e1e1e1e1e1e1e1');
    const back = cache.get(URI, textHash(text));
    assert.deepStrictEqual(back, parsed);
    assert.ok(back?.kind === 'strategy' && back.codes instanceof Map);
    assert.deepStrictEqual(cache.stats, { hits: 1, misses: 0, refused: 0, written: 0 });
  });

  it('misses for a file whose text changed, and for a file never stored', () => {
    const cache = new ParseCache(dir, 'e1e1e1e1e1e1e1e1');
    cache.set(URI, textHash(text), parsed);
    assert.strictEqual(cache.get(URI, textHash(text + '# změna\n')), undefined);
    assert.strictEqual(cache.get('file:///ws/other.strategy.yaml', textHash(text)), undefined);
  });

  it('refuses a corrupt entry', () => {
    expectRefusedAndRebuilt((file) => {
      const data = fs.readFileSync(file);
      data[data.length - 40] ^= 0xff;
      fs.writeFileSync(file, data);
    });
  });

  it('refuses a truncated entry', () => {
    expectRefusedAndRebuilt((file) => {
      const data = fs.readFileSync(file);
      fs.writeFileSync(file, data.subarray(0, Math.floor(data.length / 2)));
    });
  });

  it('refuses an empty entry and one that is not a cache entry at all', () => {
    expectRefusedAndRebuilt((file) => fs.writeFileSync(file, ''));
    expectRefusedAndRebuilt((file) => fs.writeFileSync(file, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))));
  });

  it('refuses an entry whose checked payload is not a parsed file of that URI', () => {
    expectRefusedAndRebuilt((file) => {
      const data = fs.readFileSync(file);
      const headerEnd = data.indexOf(0x0a, data.indexOf(0x0a) + 1);
      const [engine, hash] = data.subarray(data.indexOf(0x0a) + 1, headerEnd).toString().split(' ');
      const payload = v8.serialize({ ...parsed, uri: 'file:///ws/elsewhere.strategy.yaml' });
      const sha = crypto.createHash('sha1').update(payload).digest('hex');
      fs.writeFileSync(file, Buffer.concat([data.subarray(0, data.indexOf(0x0a) + 1), Buffer.from(`${engine} ${hash} ${sha} ${payload.length}\n`), payload]));
    });
  });

  it('ignores and removes the cache of another engine version', () => {
    new ParseCache(dir, 'e1e1e1e1e1e1e1e1').set(URI, textHash(text), parsed);
    const other = new ParseCache(dir, 'e2e2e2e2e2e2e2e2');
    assert.strictEqual(other.get(URI, textHash(text)), undefined);
    assert.ok(!fs.existsSync(path.join(dir, 'e1e1e1e1e1e1e1e1')), 'the old version is removed');
    // An entry of another version copied into this version's folder is refused by its header.
    const old = new ParseCache(path.join(dir, 'elsewhere'), 'e1e1e1e1e1e1e1e1');
    old.set(URI, textHash(text), parsed);
    const file = fs.readdirSync(path.join(dir, 'elsewhere', 'e1e1e1e1e1e1e1e1'))[0];
    fs.copyFileSync(path.join(dir, 'elsewhere', 'e1e1e1e1e1e1e1e1', file), path.join(dir, 'e2e2e2e2e2e2e2e2', file));
    const again = new ParseCache(dir, 'e2e2e2e2e2e2e2e2');
    assert.strictEqual(again.get(URI, textHash(text)), undefined);
    assert.strictEqual(again.stats.refused, 1);
  });

  it('gives back the records it stored, diagnostics of every shape included', () => {
    const records: FileRecord[] = [
      {
        uri: URI,
        key: 'k1',
        kind: 'strategy',
        codes: 3,
        used: ['doc:a', 'desc:I.a'],
        defined: [['doc:doc-1', '1\n1.A']],
        goals: [['plan', 'A1.1']],
        fingerprint: '12:1:1:7',
        diagnostics: [
          { code: 'unknown-item', severity: 'error', span: { start: 3, end: 9 }, message: { id: 'resolve.unknownItem', args: ['measure', '9.Z.9'] } },
          { code: 'unknown-item', severity: 'error', span: { start: 20, end: 24 }, message: { id: 'resolve.unknownItem', args: [] } },
          { code: 'missing-indicator', severity: 'warning', span: { start: 0, end: 1 }, message: { id: 'coverage.missingIndicator', args: ['Opatření', '1.A.1'] } },
          { code: 'duplicate-id', severity: 'error', span: { start: 5, end: 6 }, message: { id: 'x', args: ['1'] }, related: [{ uri: URI, span: { start: 1, end: 2 }, message: { id: 'y', args: [] } }] },
          { code: 'unknown-item', severity: 'error', span: { start: 7, end: 8 }, message: { id: 'z', args: [] }, suggestions: ['1.A.1'] },
        ],
      },
      { uri: 'file:///ws/notes.md', key: 'k2', kind: 'markdown', codes: 0, used: [], defined: [], goals: [], diagnostics: [] },
    ];
    assert.ok(new ParseCache(dir, 'e1e1e1e1e1e1e1e1').writeRecords('scope', records));
    assert.deepStrictEqual(new ParseCache(dir, 'e1e1e1e1e1e1e1e1').readRecords('scope'), records);
    assert.strictEqual(new ParseCache(dir, 'e1e1e1e1e1e1e1e1').readRecords('another scope'), undefined);
  });

  it('writes the parses waiting for it a time budget at a time, pausing between, until none waits', async () => {
    const cache = new ParseCache(dir, 'e1e1e1e1e1e1e1e1');
    let clock = 0;
    const written: string[] = [];
    const set = cache.set.bind(cache);
    cache.set = (uri, hash, p): void => {
      clock += 3; // a write takes 3 ms
      written.push(uri);
      set(uri, hash, p);
    };
    const pendingWrites = Array.from({ length: 10 }, (_, i) => ({ uri: `file:///ws/d${i}.strategy.yaml`, key: `k${i}`, parsed: { ...parsed, uri: `file:///ws/d${i}.strategy.yaml` } }));
    const bursts: number[] = [];
    const o: ParsingLoaderOptions = { workspace: new NodeWorkspace([]), schemas: schemas(), kindOf: () => 'strategy', cache, pendingWrites };
    const count = await writePending(o, () => {
      bursts.push(written.length);
      return Promise.resolve();
    }, 6, () => clock);
    assert.strictEqual(count, 10);
    assert.strictEqual(pendingWrites.length, 0);
    // 6 ms of budget: two writes of 3 ms, then a pause.
    assert.deepStrictEqual(bursts, [2, 4, 6, 8, 10]);
    assert.deepStrictEqual(new ParseCache(dir, 'e1e1e1e1e1e1e1e1').get('file:///ws/d7.strategy.yaml', 'k7')?.uri, 'file:///ws/d7.strategy.yaml');
  });

  it('works as no cache when the folder cannot be written', () => {
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, 'not a folder');
    const cache = new ParseCache(path.join(blocker, 'cache'), 'e1e1e1e1e1e1e1e1');
    cache.set(URI, textHash(text), parsed);
    assert.strictEqual(cache.get(URI, textHash(text)), undefined);
    assert.strictEqual(cache.stats.written, 0);
    assert.ok(cache.stats.unwritable, 'the reason is kept for the log');
  });
});

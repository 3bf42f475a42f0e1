/**
 * The file system misbehaving under the reader and the CLI: symbolic-link
 * loops, dangling links, a folder or a FIFO named like a strategy file, an
 * unreadable file, a file deleted between listing and reading. Nothing
 * hangs, nothing throws, each file is found once, and the CLI names what it
 * could not read and still checks the rest. (Faults while the server runs —
 * files deleted, renamed or moved while open or indexed — are protocol tests.)
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../../server/src/cli';
import { findFiles, readTextFile } from '../../../server/src/node/fileSystem';
import { textHash } from '../../../server/src/node/parseCache';
import { HEALTHY } from './hostile';

const BROKEN = 'strategy: rozbita\ntitle: Rozbitá\nitems:\n  - id: 1\n    title: A\n    related: [9]\n';

describe('hostile file system', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-faults-'));
    fs.writeFileSync(path.join(dir, 'zdrava.strategy.yaml'), HEALTHY);
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'rozbita.strategy.yaml'), BROKEN);
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const strategies = (rel: string): boolean => rel.endsWith('.strategy.yaml');
  const found = (): string[] => findFiles(dir, strategies).map((f) => path.relative(dir, f).split(path.sep).join('/'));

  function cli(): { status: number; out: string; err: string } {
    let out = '';
    let err = '';
    const status = run([dir], dir, { out: (s) => (out += s), err: (s) => (err += s) });
    return { status, out, err };
  }

  it('a symbolic-link loop is walked once: every file found exactly once, in bounded time', function () {
    if (process.platform === 'win32') {
      this.skip();
    }
    fs.symlinkSync(dir, path.join(dir, 'sub', 'zpet'));
    fs.symlinkSync(path.join(dir, 'sub'), path.join(dir, 'sub', 'sem'));
    fs.symlinkSync(path.join(dir, 'smycka'), path.join(dir, 'smycka'));
    const t0 = Date.now();
    assert.deepStrictEqual(found(), ['sub/rozbita.strategy.yaml', 'zdrava.strategy.yaml']);
    assert.ok(Date.now() - t0 < 2000);
    const r = cli();
    assert.strictEqual(r.status, 1);
    assert.match(r.out, /sub\/rozbita\.strategy\.yaml:6:15: error unknown-item/);
  });

  it('a dangling link and a folder named like a strategy file are skipped', function () {
    if (process.platform === 'win32') {
      this.skip();
    }
    fs.symlinkSync(path.join(dir, 'nikde'), path.join(dir, 'duch.strategy.yaml'));
    fs.mkdirSync(path.join(dir, 'slozka.strategy.yaml'));
    assert.deepStrictEqual(found(), ['sub/rozbita.strategy.yaml', 'zdrava.strategy.yaml']);
    assert.deepStrictEqual(readTextFile(path.join(dir, 'slozka.strategy.yaml')), { error: 'EISDIR' });
    assert.strictEqual(readTextFile(path.join(dir, 'duch.strategy.yaml')).error, 'ENOENT');
    assert.strictEqual(cli().status, 1);
  });

  it('a FIFO named like a strategy file is refused at once instead of blocking the reader', function () {
    if (process.platform === 'win32') {
      this.skip();
    }
    const fifo = path.join(dir, 'roura.strategy.yaml');
    execFileSync('mkfifo', [fifo]);
    assert.deepStrictEqual(readTextFile(fifo), { error: 'ENOTREG' });
    assert.deepStrictEqual(found(), ['sub/rozbita.strategy.yaml', 'zdrava.strategy.yaml']);
  });

  it("the hash read with a file is the hash of its text's UTF-8, and absent where the bytes are not that text", () => {
    const cases: [string, Buffer][] = [
      ['cesky.strategy.yaml', Buffer.from(HEALTHY + '# Přílohy: žluťoučký kůň\n')],
      ['bom.strategy.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HEALTHY)])],
      ['spatne.strategy.yaml', Buffer.concat([Buffer.from(HEALTHY), Buffer.from([0xc3, 0x28, 0xff])])],
    ];
    for (const [name, bytes] of cases) {
      fs.writeFileSync(path.join(dir, name), bytes);
      const read = readTextFile(path.join(dir, name));
      assert.ok(read.text !== undefined);
      if (read.hash !== undefined) {
        assert.strictEqual(read.hash, textHash(read.text), name);
      }
      assert.strictEqual(read.hash !== undefined, name === 'cesky.strategy.yaml', `${name}: a hash only for plain UTF-8`);
    }
  });

  it('a file deleted between listing and reading is an error result, not an exception', () => {
    const file = path.join(dir, 'zdrava.strategy.yaml');
    const listed = findFiles(dir, strategies);
    fs.rmSync(file);
    assert.ok(listed.includes(file));
    assert.deepStrictEqual(readTextFile(file), { error: 'ENOENT' });
  });

  it('an unreadable file is named by the CLI, which still checks the rest and exits with status 2', function () {
    const file = path.join(dir, 'nelze.strategy.yaml');
    if (process.platform === 'linux') {
      // Permissions do not stop root; /proc/self/mem is a file every reader fails on (EIO).
      fs.symlinkSync('/proc/self/mem', file);
    } else if (process.platform !== 'win32' && process.getuid?.() !== 0) {
      fs.writeFileSync(file, HEALTHY);
      fs.chmodSync(file, 0o000);
    } else {
      this.skip();
    }
    const error = readTextFile(file).error;
    assert.ok(error === 'EIO' || error === 'EACCES', `read error ${error}`);
    assert.ok(found().includes('nelze.strategy.yaml'), 'the unreadable file is listed');
    const r = cli();
    assert.strictEqual(r.status, 2);
    assert.match(r.err, /cannot read nelze\.strategy\.yaml: (EIO|EACCES)/);
    assert.match(r.out, /rozbita\.strategy\.yaml:6:15: error unknown-item/);
  });

  it('a file read while it is being rewritten gives one of its versions, whole', () => {
    const file = path.join(dir, 'zdrava.strategy.yaml');
    const versions = [HEALTHY, BROKEN, HEALTHY + '# konec\n'];
    for (let i = 0; i < 50; i++) {
      fs.writeFileSync(file, versions[i % versions.length]);
      const text = readTextFile(file).text;
      assert.ok(text !== undefined && versions.includes(text), `read a torn file: ${JSON.stringify(text)}`);
    }
  });

  it('a file larger than the read cap is read up to the cap (the parser then reports it too large)', () => {
    const file = path.join(dir, 'velka.strategy.yaml');
    fs.writeFileSync(file, 'x'.repeat(5000));
    assert.strictEqual(readTextFile(file, 1000).text?.length, 1000);
  });
});

/**
 * The workspace-sync module over a workspace in memory: the reproductions
 * of false errors that never went away (a file opened before or during the
 * first scan), the validation schedule, and the rules of publishing.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { assertMatchesFresh, errors, harness, Harness } from './harness';

const ROOT = 'file:///ws';

/** The bundled examples as files of an in-memory workspace. */
function examples(): Record<string, string> {
  const dir = path.resolve(__dirname, '../../../../examples');
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        walk(full);
      } else {
        out[`${ROOT}/${path.relative(dir, full).split(path.sep).join('/')}`] = fs.readFileSync(full, 'utf8');
      }
    }
  };
  walk(dir);
  return out;
}

const KV = `${ROOT}/karlovy-vary/kv-integrace.strategy.yaml`;
const LIBEREC = `${ROOT}/liberec/liberec-cpic.strategy.yaml`;

/** Opens a file of the workspace in the editor. */
function open(h: Harness, uri: string, text = h.ws.files.get(uri) ?? ''): void {
  h.buffers.set(uri, { version: 1, text });
  h.sync.open(uri, 1, text);
}

/** Drives a scan to its end, one batch at a time. */
function finishScan(h: Harness, run = h.sync.beginScan()): void {
  for (let batch = run.batch; batch; batch = run.batch) {
    run.apply(batch.map((uri) => ({ uri, ...h.ws.readFile(uri) })));
  }
}

/** The change a client sends for replacing the text from `start` to `end` with `text`. */
function ranged(before: string, start: number, end: number, text: string): TextDocumentContentChangeEvent {
  const pos = (offset: number): { line: number; character: number } => {
    const lines = before.slice(0, offset).split('\n');
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
  };
  return { range: { start: pos(start), end: pos(end) }, text };
}

describe('workspace sync', () => {
  describe('a file opened before the index is complete', () => {
    it('opened before the scan starts (Neovim opens the file at once): its goalsFrom plan and qualified references resolve, and no error is ever published for it', () => {
      const h = harness([ROOT], examples());
      open(h, KV);
      finishScan(h);
      const published = h.log.filter((p) => p.uri === KV);
      assert.ok(published.length > 0, 'the opened file got diagnostics');
      assert.deepStrictEqual(published.flatMap((p) => errors(p.diagnostics)), []);
      assertMatchesFresh(h);
    });

    it('opened during the scan, before the file it names is read (VS Code restores the editor a few seconds in)', () => {
      const h = harness([ROOT], examples());
      const run = h.sync.beginScan();
      // The Karlovy Vary files come first; Liberec's refers to `praha-integrace/2.A.11`, read last.
      run.apply(run.batch!.map((uri) => ({ uri, ...h.ws.readFile(uri) })));
      open(h, LIBEREC);
      finishScan(h, run);
      assert.deepStrictEqual(errors(h.last.get(LIBEREC)?.diagnostics), []);
      assertMatchesFresh(h);
    });

    it('opened right after `initialized` while the scan reads in the background: the last diagnostics of it have no error', async () => {
      const h = harness([ROOT], examples(), { batchSize: 2 });
      const scan = h.sync.scan();
      open(h, KV);
      await scan;
      assert.deepStrictEqual(errors(h.last.get(KV)?.diagnostics), []);
      assertMatchesFresh(h);
    });

    it('is published once the scan ends even when its text equals what the scan read', () => {
      const h = harness([ROOT], examples());
      finishScan(h);
      const before = h.log.length;
      open(h, KV);
      assert.strictEqual(h.log.length, before + 1);
      assert.strictEqual(h.log[before].uri, KV);
      assert.strictEqual(h.log[before].version, 1);
    });
  });

  describe('names that appear later', () => {
    const A = `${ROOT}/a.strategy.yaml`;
    const B = `${ROOT}/b.strategy.yaml`;
    const CAT = `${ROOT}/c.descriptors.yaml`;
    const textA = 'strategy: a\ntitle: A\nitems:\n  - id: 1\n    title: P\n    related: [b/1]\n    descriptors: [I.a]\n';
    const textB = 'strategy: b\ntitle: B\nitems:\n  - id: 1\n    title: P\n';
    const textCat = 'catalog: c\ntitle: C\nareas:\n  - id: I\n    descriptors:\n      - { id: I.a, title: A }\n';

    it('re-validates a closed file when the document and the descriptor it names are created', () => {
      const h = harness([ROOT], { [A]: textA });
      finishScan(h);
      assert.deepStrictEqual(h.last.get(A)?.diagnostics.map((d) => d.code), ['unknown-strategy', 'unknown-descriptor']);
      h.ws.files.set(B, textB);
      h.ws.files.set(CAT, textCat);
      h.sync.filesChanged([{ uri: B, type: 'created' }, { uri: CAT, type: 'created' }]);
      assert.deepStrictEqual(h.last.get(A)?.diagnostics, []);
      assertMatchesFresh(h);
    });

    it('re-validates it when they disappear again, and clears the diagnostics of a deleted file', () => {
      // B has an error of its own (a duplicate code), shown until it is deleted.
      const h = harness([ROOT], { [A]: textA, [B]: textB + '  - id: 1\n    title: Q\n' });
      finishScan(h);
      h.ws.files.delete(B);
      h.sync.filesChanged([{ uri: B, type: 'deleted' }]);
      assert.deepStrictEqual(h.last.get(A)?.diagnostics.map((d) => d.code), ['unknown-strategy', 'unknown-descriptor']);
      assert.deepStrictEqual(h.last.get(B)?.diagnostics, []);
      assertMatchesFresh(h);
    });

    it('moves the related information of a duplicate id when the other file is edited above it', () => {
      const dup = `${ROOT}/a2.strategy.yaml`;
      const h = harness([ROOT], { [A]: textA, [dup]: 'strategy: a\ntitle: A2\n' });
      finishScan(h);
      open(h, dup);
      h.buffers.set(dup, { version: 2, text: '# a comment\nstrategy: a\ntitle: A2\n' });
      h.sync.change(dup, 2, [{ text: '# a comment\nstrategy: a\ntitle: A2\n' }]);
      h.clock.advance(DEFAULT_SETTINGS.debounceMs);
      assertMatchesFresh(h);
    });
  });

  describe('validation schedule', () => {
    const A = `${ROOT}/a.strategy.yaml`;
    const text = 'strategy: a\ntitle: A\nitems:\n  - id: 1\n    title: P\n  - id: 2\n    title: Q\n    related: [1]\n';

    function edited(h: Harness, version: number, next: string, full = false): void {
      const before = h.buffers.get(A)!.text;
      h.buffers.set(A, { version, text: next });
      let start = 0;
      while (start < before.length && before[start] === next[start]) {
        start++;
      }
      h.sync.change(A, version, full ? [{ text: next }] : [ranged(before, start, before.length, next.slice(start))]);
    }

    it('validates a change at once: at the next turn of the event loop, without a delay', () => {
      const h = harness([ROOT], { [A]: text });
      finishScan(h);
      open(h, A);
      const before = h.log.length;
      edited(h, 2, text.replace('related: [1]', 'related: [9]'));
      h.clock.advance(0);
      assert.strictEqual(h.log.length, before + 1);
      assert.deepStrictEqual(h.last.get(A)?.diagnostics.map((d) => d.code), ['unknown-item']);
      assert.strictEqual(h.last.get(A)?.version, 2);
      assert.strictEqual(h.clock.pendingTimers, 0);
    });

    it('validates changes received together once, for the newest text; nothing for an older version', () => {
      const h = harness([ROOT], { [A]: text });
      finishScan(h);
      open(h, A);
      const before = h.log.length;
      edited(h, 2, text.replace('[1]', '[9]'));
      edited(h, 3, text.replace('[1]', '[98]'));
      edited(h, 4, text.replace('[1]', '[1]'));
      assert.strictEqual(h.log.length, before, 'nothing is published before the validation');
      h.clock.advance(0);
      assert.strictEqual(h.log.length, before + 1);
      assert.deepStrictEqual(h.last.get(A), { uri: A, diagnostics: [], version: 4 });
    });

    it('re-checks the files that depend on the edited one once per coalescing window (`debounceMs`)', () => {
      const B = `${ROOT}/b.strategy.yaml`;
      const h = harness([ROOT], { [A]: text, [B]: 'strategy: b\ntitle: B\nitems:\n  - id: 1\n    title: P\n    related: [a/2]\n' });
      finishScan(h);
      open(h, A);
      const published = (uri: string): number => h.log.filter((p) => p.uri === uri).length;
      const [beforeA, beforeB] = [published(A), published(B)];
      edited(h, 2, text.replace('- id: 2', '- id: 3'));
      h.clock.advance(0);
      assert.strictEqual(published(A), beforeA + 1, 'the edited buffer at once');
      assert.strictEqual(published(B), beforeB, 'its dependents not yet');
      h.clock.advance(30);
      edited(h, 3, text.replace('- id: 2', '- id: 4'));
      h.clock.advance(0);
      // The burst ends with B's link broken: B has new diagnostics to publish, once.
      edited(h, 4, text.replace('- id: 2', '- id: 5'));
      h.clock.advance(0);
      assert.strictEqual(published(A), beforeA + 3);
      assert.strictEqual(published(B), beforeB);
      h.clock.advance(DEFAULT_SETTINGS.debounceMs);
      assert.strictEqual(published(B), beforeB + 1, 'one re-check of the dependent for the whole burst');
      assertMatchesFresh(h);
    });

    it('validates what is pending before a request (flush), for the text the client sees', () => {
      const h = harness([ROOT], { [A]: text });
      finishScan(h);
      open(h, A);
      edited(h, 2, text.replace('[1]', '[9]'));
      edited(h, 3, text.replace('[1]', '[7]'));
      h.sync.flush();
      assert.strictEqual(h.service.document(A)?.getText(), text.replace('[1]', '[7]'));
      assert.strictEqual(h.last.get(A)?.version, 3);
      assert.strictEqual(h.clock.pendingTimers, 0);
    });

    it('takes the partial re-parse path for a whole-document change, as for a ranged one', () => {
      const items = Array.from({ length: 50 }, (_, i) => `  - id: ${i + 1}\n    title: P${i + 1}\n`).join('');
      const big = 'strategy: a\ntitle: A\nitems:\n' + items;
      for (const full of [false, true]) {
        const h = harness([ROOT], { [A]: big }, { settings: { ...DEFAULT_SETTINGS, debounceMs: 0 } });
        finishScan(h);
        open(h, A);
        const lastItem = (): object | undefined => {
          const parsed = h.service.index.get(A)?.parsed;
          return parsed?.kind === 'strategy' ? parsed.items[parsed.items.length - 1] : undefined;
        };
        const before = lastItem();
        edited(h, 2, big.replace('title: P3\n', 'title: P3 upraveno\n'), full);
        h.clock.advance(0);
        // A partial re-parse keeps the item objects after the edit (shifted in place); a whole parse makes new ones.
        assert.strictEqual(lastItem(), before, full ? 'whole-document change' : 'ranged change');
        assertMatchesFresh(h);
      }
    });
  });

  describe('the open buffer wins', () => {
    const A = `${ROOT}/a.strategy.yaml`;
    const text = 'strategy: a\ntitle: A\n';

    it('over a file event and over what a scan read before the buffer was opened', () => {
      const h = harness([ROOT], { [A]: text });
      const run = h.sync.beginScan();
      const loaded = run.batch!.map((uri) => ({ uri, ...h.ws.readFile(uri) }));
      open(h, A, 'strategy: a\ntitle: Otevřený\n');
      h.ws.files.set(A, 'strategy: a\ntitle: Disk\n');
      h.sync.filesChanged([{ uri: A, type: 'changed' }]);
      run.apply(loaded);
      assert.strictEqual(h.service.document(A)?.getText(), 'strategy: a\ntitle: Otevřený\n');
      h.buffers.delete(A);
      h.sync.close(A);
      assert.strictEqual(h.service.document(A)?.getText(), 'strategy: a\ntitle: Disk\n');
      assertMatchesFresh(h);
    });

    it('a scan does not index what it read before an event changed the file', () => {
      const h = harness([ROOT], { [A]: text });
      const run = h.sync.beginScan();
      const loaded = run.batch!.map((uri) => ({ uri, ...h.ws.readFile(uri) }));
      h.ws.files.delete(A);
      h.sync.filesChanged([{ uri: A, type: 'deleted' }]);
      run.apply(loaded);
      assert.strictEqual(h.service.index.has(A), false);
      assertMatchesFresh(h);
    });

    it('names an unreadable file and keeps checking the rest', () => {
      const B = `${ROOT}/b.strategy.yaml`;
      const h = harness([ROOT], { [A]: text, [B]: 'strategy: b\ntitle: B\n' });
      h.ws.files.set(A, null);
      const unreadable: string[] = [];
      const run = h.sync.beginScan();
      for (let batch = run.batch; batch; batch = run.batch) {
        const loaded = batch.map((uri) => ({ uri, ...h.ws.readFile(uri) }));
        unreadable.push(...loaded.filter((f) => f.error !== undefined).map((f) => f.uri));
        run.apply(loaded);
      }
      assert.deepStrictEqual(unreadable, [A]);
      assert.ok(h.service.index.has(B));
      assertMatchesFresh(h);
    });
  });
});

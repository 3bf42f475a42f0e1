/**
 * References that loop: items related to each other in a cycle, documents
 * taking goals from each other, an item listing itself, a document whose
 * `goalsFrom` is itself. Cycles are legitimate (measures relate to each
 * other) and get no diagnostic; an item listing itself is a `self-reference`
 * warning; a document taking goals from itself resolves them in itself (the
 * diagnostics tests decide it is valid); and every feature, at every
 * position of such files, returns in bounded time.
 */
import * as assert from 'assert';
import { performance } from 'perf_hooks';
import { CancellationToken, ResponseError } from 'vscode-languageserver-protocol';
import { discoverFeatures } from '../../fuzz/features';
import { checkHostile, expectDiagnostic, expectWithin, lineOf } from './hostile';

const CYCLE = `strategy: kruh
title: Kruh
goalsFrom: druhy
items:
  - id: 1
    title: První
    related: [2, 3, druhy/1]
    goals: [1]
  - id: 2
    title: Druhá
    related: [3]
  - id: 3
    title: Třetí
    related: [1, kruh/2]
`;

const OTHER = `strategy: druhy
title: Druhý
goalsFrom: kruh
items:
  - id: 1
    title: Zpět
    related: [kruh/1]
    goals: [1, 2, 3]
`;

describe('hostile input: references that loop', () => {
  it('a cycle of related items, and two documents taking goals from each other, are not reported', () => {
    const r = checkHostile(CYCLE);
    r.service.update(r.uri.replace('hostile', 'druhy'), OTHER);
    assert.deepStrictEqual(r.service.lspDiagnostics(r.uri), []);
    assert.deepStrictEqual(r.service.lspDiagnostics(r.uri.replace('hostile', 'druhy')), []);
  });

  it('every feature, at every position of the cycle, answers in bounded time', function () {
    this.timeout(60_000);
    const r = checkHostile(CYCLE);
    const other = r.uri.replace('hostile', 'druhy');
    r.service.update(other, OTHER);
    const { features } = discoverFeatures(r.service);
    let slowest = { name: '', ms: 0 };
    for (const uri of [r.uri, other]) {
      const doc = r.service.document(uri)!;
      for (let offset = 0; offset <= doc.getText().length; offset++) {
        for (const feature of features) {
          const t0 = performance.now();
          try {
            feature.call({ service: r.service, uri, doc, offset, position: doc.positionAt(offset), token: CancellationToken.None });
          } catch (e) {
            assert.ok(e instanceof ResponseError, `${feature.name} at ${offset} threw ${String(e)}`);
          }
          const ms = performance.now() - t0;
          if (ms > slowest.ms) {
            slowest = { name: `${feature.name} at ${offset}`, ms };
          }
        }
      }
    }
    expectWithin(slowest.ms, 2000, slowest.name);
  });

  it('an item listing itself in `related` is a self-reference warning on the reference', () => {
    const text = 'strategy: sam\ntitle: Sám\nitems:\n  - id: 1\n    title: A\n    related: [1]\n';
    expectDiagnostic(checkHostile(text), { code: 'self-reference', line: 6, message: /Item `1` lists itself in `related`/ });
  });

  it('a document whose `goalsFrom` is itself gets a self-reference warning and resolves its goals in itself: only a goal that is missing is reported', () => {
    const text = 'strategy: sam\ntitle: Sám\ngoalsFrom: sam\nitems:\n  - id: 1\n    title: A\n    goals: [1, 9]\n';
    const r = checkHostile(text);
    expectDiagnostic(r, { code: 'self-reference', line: 3, message: /Document `sam` names itself in `goalsFrom`/, others: ['unknown-goal'] });
    expectDiagnostic(r, { code: 'unknown-goal', line: lineOf(text, 'goals: ['), message: /Unknown goal `9` in `sam`/, others: ['self-reference'] });
    assert.strictEqual(r.lsp.find((d) => d.code === 'unknown-goal')?.range.start.character, 15);
  });
});

/**
 * The worker pool parses exactly as the main thread does: the same
 * `ParsedFile`s, in the order of the input, and a pool whose workers cannot
 * start still parses every file.
 */
import * as assert from 'assert';
import * as path from 'path';
import { ParsePool, ParseInput } from '../../../server/src/node/parsePool';
import { DEFAULT_LIMITS, parseFile } from '../../../server/src/parse/parseFile';
import { compileSchemas } from '../../../server/src/parse/schemaCheck';
import { mutate } from '../../fuzz/mutators';
import { Random } from '../../fuzz/random';
import { generateImplementationPlan, generateNationalStrategy, generatePlan, NATIONAL } from '../../support/generate';
import { schemas } from '../fixture';

function inputs(): ParseInput[] {
  const rnd = new Random(5);
  const files: ParseInput[] = [{ uri: 'file:///ws/plan.strategy.yaml', text: generatePlan('plan'), kind: 'strategy' }];
  for (let i = 0; i < 60; i++) {
    const text = generateNationalStrategy(i, { ...NATIONAL, measures: 6 }).text;
    // Every third file damaged, so that diagnostics and the full route travel through the workers too.
    files.push({ uri: `file:///ws/doc-${i}.strategy.yaml`, text: i % 3 === 0 ? mutate(text, rnd).text : text, kind: 'strategy' });
  }
  files.push({ uri: 'file:///ws/p.strategy.yaml', text: generateImplementationPlan('p', 'doc-1', 1), kind: 'strategy' });
  files.push({ uri: 'file:///ws/c.descriptors.yaml', text: 'catalog: c\ntitle: C\nareas:\n  - id: I\n    title: A\n    descriptors:\n      - id: I.a\n        title: d\n', kind: 'catalog' });
  return files;
}

function single(files: ParseInput[]): unknown[] {
  const validators = compileSchemas(schemas());
  return files.map((f) => parseFile(f.uri, f.text, f.kind, validators, DEFAULT_LIMITS));
}

describe('parse worker pool', () => {
  it('gives the single-threaded results, in order', async function () {
    // Starting worker threads on a busy machine takes longer than mocha's default allows.
    this.timeout(120_000);
    const files = inputs();
    const pool = new ParsePool(2, schemas());
    try {
      const parsed = await pool.parse(files);
      assert.deepStrictEqual(parsed, single(files));
      // A second call reuses the same workers.
      assert.deepStrictEqual(await pool.parse(files.slice(0, 5)), single(files.slice(0, 5)));
    } finally {
      await pool.close();
    }
  });

  it('parses on the main thread when no worker can start', async function () {
    this.timeout(120_000);
    const files = inputs().slice(0, 30);
    const pool = new ParsePool(2, schemas(), path.join(__dirname, 'no-such-worker.js'));
    try {
      assert.deepStrictEqual(await pool.parse(files), single(files));
    } finally {
      await pool.close();
    }
  });
});

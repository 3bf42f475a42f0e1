/**
 * A short run of the mutation fuzzer (`npm run fuzz` runs the long one):
 * a few hundred damaged copies of the example files through the parser and
 * every feature; nothing throws, nothing is slow, every range is valid, and
 * the incremental index equals one built from scratch.
 */
import * as assert from 'assert';
import * as path from 'path';
import { runFuzz, summaryLine } from '../fuzz/harness';

describe('mutation fuzzer (short run)', function () {
  this.timeout(120_000);

  it('survives 200 mutants of the examples with seed 1', () => {
    const result = runFuzz({
      seed: 1,
      mutants: 200,
      boundMs: 3000,
      positions: 4,
      freshEvery: 100,
      maxFailures: 5,
      examplesDir: path.resolve(__dirname, '..', '..', '..', 'examples'),
    });
    const report = result.failures.map((f) => `mutant ${f.mutant} of ${f.uri} (${f.mutators.join(', ')}): ${f.kind} in ${f.feature}: ${f.detail}`);
    assert.deepStrictEqual(report, [], summaryLine(result));
    assert.ok(result.features.length >= 3, `features driven: ${result.features.join(', ')}`);
    assert.strictEqual(result.mutants, 200);
  });
});

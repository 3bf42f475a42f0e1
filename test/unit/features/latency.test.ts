/**
 * The latency measurement the benchmark calls: it runs over a generated
 * workspace and reports figures (the figures themselves are the benchmark's
 * business, not asserted here).
 */
import * as assert from 'assert';
import { measureFeatureLatency } from '../../bench/featureLatency';
import { generatePlan, generateStrategy } from '../../support/generate';
import { fixture, ROOT } from '../fixture';

describe('feature latency measurement', () => {
  it('measures completion and hover at random places of a workspace', () => {
    const fx = fixture('');
    fx.service.update(ROOT + '/plan.strategy.yaml', generatePlan('plan'));
    for (let i = 0; i < 5; i++) {
      fx.service.update(`${ROOT}/doc-${i}.strategy.yaml`, generateStrategy(`doc-${i}`, 30, i + 1, 'plan').text);
    }
    const figures = measureFeatureLatency(fx.service, 50);
    assert.strictEqual(figures.samples, 50);
    for (const f of [figures.completion, figures.hover]) {
      assert.ok(f.p50 >= 0 && f.p50 <= f.p95 && f.p95 <= f.max, JSON.stringify(figures));
    }
  });
});

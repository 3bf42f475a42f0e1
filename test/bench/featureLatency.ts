/**
 * Latency of the interactive features, for the benchmark: completion and
 * hover at random places of a workspace's strategy documents, as p50 / p95
 * in milliseconds. Targets on a 1,000-document workspace: completion p95 under
 * 30 ms, hover p95 under 10 ms. Printed by the benchmark, never asserted
 * (timings on shared machines vary too much for a test to depend on them).
 */
import { Position } from 'vscode-languageserver-protocol';
import { LanguageService } from '../../server/src/languageService';
import { StrategyDocument } from '../../server/src/model/types';
import { prng } from '../support/generate';

/** Percentiles of one feature, in milliseconds. */
export interface Percentiles {
  p50: number;
  p95: number;
  max: number;
}

export interface FeatureLatency {
  samples: number;
  completion: Percentiles;
  hover: Percentiles;
}

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 };
}

/**
 * A random place to ask at: the code of a random reference or item id of a
 * random document (where hover has the most to do), with the cursor at the
 * code's start, middle or end (completion then matches the typed part).
 */
function randomPlace(service: LanguageService, docs: StrategyDocument[], rand: () => number): { uri: string; position: Position } | undefined {
  const doc = docs[Math.floor(rand() * docs.length)];
  const text = service.document(doc.uri);
  const spans = [...doc.references.map((r) => r.codeSpan), ...doc.items.map((i) => i.idSpan)];
  if (!text || spans.length === 0) {
    return undefined;
  }
  const span = spans[Math.floor(rand() * spans.length)];
  const offset = span.start + Math.floor(rand() * (span.end - span.start + 1));
  return { uri: doc.uri, position: text.positionAt(offset) };
}

/**
 * Measures completion and hover at `samples` random places of the service's
 * strategy documents (the same places for both, drawn from `seed`).
 */
export function measureFeatureLatency(service: LanguageService, samples = 200, seed = 1): FeatureLatency {
  const docs = [...service.index.strategies()].filter((d) => d.items.length > 0);
  const rand = prng(seed);
  const completion: number[] = [];
  const hover: number[] = [];
  for (let i = 0; i < samples && docs.length > 0; i++) {
    const place = randomPlace(service, docs, rand);
    if (!place) {
      continue;
    }
    let start = performance.now();
    service.completion(place.uri, place.position);
    completion.push(performance.now() - start);
    start = performance.now();
    service.hover(place.uri, place.position);
    hover.push(performance.now() - start);
  }
  return { samples: completion.length, completion: percentiles(completion), hover: percentiles(hover) };
}

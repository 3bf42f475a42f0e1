/**
 * The one helper behind the diagnostics tests: a fixture string in, the
 * diagnostics of one code checked against its `⟦…⟧` marks, with their
 * severity and messages, and — unless a test allows them — no diagnostic of
 * any other code anywhere in the fixture.
 */
import * as assert from 'assert';
import { DiagnosticCode, Severity } from '../../../server/src/model/types';
import { diagnosticsOf, expectAtMarks, Fixture, fixture } from '../fixture';

/** The default severities of the spec's table (section 4). */
export const DEFAULT_SEVERITY: Record<DiagnosticCode, Severity> = {
  'yaml-syntax': 'error',
  schema: 'error',
  'invalid-id': 'error',
  'duplicate-id': 'error',
  'duplicate-strategy': 'error',
  'id-not-under-parent': 'error',
  'numbering-gap': 'warning',
  'unknown-item': 'error',
  'unknown-goal': 'error',
  'unknown-descriptor': 'error',
  'unknown-actor': 'error',
  'unknown-strategy': 'error',
  'missing-goals-from': 'warning',
  'self-reference': 'warning',
  'removed-item': 'warning',
  'dependency-cycle': 'error',
};

export interface Expected {
  /** The code every `⟦…⟧` mark of the fixture expects (one diagnostic per mark). */
  code: DiagnosticCode;
  /** The severity of all of them; the spec's default when absent. */
  severity?: Severity;
  /**
   * The English messages, in the order of the marks (file by file, by
   * offset): a string is compared exactly, a RegExp must match.
   */
  messages?: (string | RegExp)[];
  /** Other codes the fixture may also produce; by default none (`'any'`: do not look). */
  allow?: DiagnosticCode[] | 'any';
}

function formatted(fx: Fixture, code: DiagnosticCode): { uri: string; start: number; text: string; severity: Severity }[] {
  const order = (uri: string): number => fx.files.findIndex((f) => f.uri === uri);
  return diagnosticsOf(fx, code)
    .sort((a, b) => order(a.uri) - order(b.uri) || a.span.start - b.span.start || a.span.end - b.span.end)
    .map((d) => ({ uri: d.uri, start: d.span.start, text: fx.service.messages.format(d.message, d.suggestions), severity: d.severity }));
}

/** Checks the fixture's diagnostics of one code against its marks (see `Expected`). */
export function check(source: string, expected: DiagnosticCode | Expected): Fixture {
  const exp: Expected = typeof expected === 'string' ? { code: expected } : expected;
  const fx = fixture(source);
  expectAtMarks(fx, exp.code);
  const severity = exp.severity ?? DEFAULT_SEVERITY[exp.code];
  const actual = formatted(fx, exp.code);
  for (const d of actual) {
    assert.strictEqual(d.severity, severity, `severity of ${exp.code}: ${d.text}`);
  }
  if (exp.messages) {
    assert.strictEqual(actual.length, exp.messages.length, `number of ${exp.code} messages: ${JSON.stringify(actual.map((d) => d.text))}`);
    exp.messages.forEach((m, i) => {
      if (typeof m === 'string') {
        assert.strictEqual(actual[i].text, m);
      } else {
        assert.match(actual[i].text, m);
      }
    });
  }
  if (exp.allow !== 'any') {
    const allowed = new Set<DiagnosticCode>([exp.code, ...(exp.allow ?? [])]);
    const others = fx.files.flatMap((f) =>
      fx.service
        .diagnostics(f.uri)
        .filter((d) => !allowed.has(d.code))
        .map((d) => `${f.uri}@${d.span.start}-${d.span.end} ${d.code}: ${fx.service.messages.format(d.message, d.suggestions)}`),
    );
    assert.deepStrictEqual(others, [], `no diagnostics other than ${[...allowed].join(', ')}`);
  }
  return fx;
}

/** Checks that a fixture has no diagnostic at all (its marks, if any, are ignored). */
export function clean(source: string): Fixture {
  const fx = fixture(source);
  const all = fx.files.flatMap((f) =>
    fx.service.diagnostics(f.uri).map((d) => `${f.uri}@${d.span.start}-${d.span.end} «${f.text.slice(d.span.start, d.span.end)}» ${d.code}: ${fx.service.messages.format(d.message, d.suggestions)}`),
  );
  assert.deepStrictEqual(all, [], 'expected no diagnostics');
  return fx;
}


/**
 * Severity by code (spec 4): users configure the severity of each stable
 * code, or turn it off; the defaults are those of the spec's table.
 */
import * as assert from 'assert';
import { fixture } from '../fixture';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

const SOURCE = `
  strategy: a
  title: A
  titel: překlep
  items:
    - id: 1
      title: P
      related: [1, 9]
    - id: 3
      title: P
`;

function severities(settings = DEFAULT_SETTINGS): string[] {
  const fx = fixture(SOURCE, settings);
  return fx.service.diagnostics(fx.files[0].uri).map((d) => `${d.code}:${d.severity}`);
}

describe('diagnostics: severity by code', () => {
  it('uses the defaults of the spec', () =>
    assert.deepStrictEqual(severities(), ['schema:warning', 'self-reference:warning', 'unknown-item:error', 'numbering-gap:warning']));

  it('follows the settings, and drops codes turned off', () =>
    assert.deepStrictEqual(severities({ ...DEFAULT_SETTINGS, severity: { 'numbering-gap': 'error', 'self-reference': 'off', 'unknown-item': 'hint' } }), [
      'schema:warning',
      'unknown-item:hint',
      'numbering-gap:error',
    ]));
});

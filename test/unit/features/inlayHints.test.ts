/**
 * Inlay hints: the title after each code of a reference list, shortened,
 * and none when the setting is off.
 */
import * as assert from 'assert';
import { InlayHint } from 'vscode-languageserver-protocol';
import { fixture, ROOT } from '../fixture';

function label(h: InlayHint): string {
  return typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('');
}

const SOURCE = `
  strategy: a
  title: A
  actors:
    - id: nmc
      name: Oddělení národnostních menšin a cizinců MHMP
  items:
    - id: 1
      title: Integrace cizinců jako průřezová agenda a politika založená na datech
    - id: 2
      title: Krátký
      related: [1, "2.X", 9]
      descriptors: [VIII.e]
      responsible: nmc
    - id: 3
      title: Q
      related:
        - '2'
`;

const EVERYTHING = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };

describe('inlay hints', () => {
  it('show the title after each code that resolves, shortened, after the closing quote', () => {
    const fx = fixture(SOURCE);
    const uri = ROOT + '/a.strategy.yaml';
    const lines = fx.service.document(uri)!.getText().split('\n');
    const hints = fx.service.inlayHints(uri, EVERYTHING).map((h) => `${lines[h.position.line].slice(0, h.position.character)}|${label(h)}`);
    assert.deepStrictEqual(hints, [
      '    related: [1|Integrace cizinců jako průřezová agenda…',
      '    descriptors: [VIII.e|začleňování cizinců',
      '    responsible: nmc|Oddělení národnostních menšin a cizinců…',
      "      - '2'|Krátký",
    ]);
    const [first] = fx.service.inlayHints(uri, EVERYTHING);
    assert.strictEqual(first.tooltip, 'Integrace cizinců jako průřezová agenda a politika založená na datech');
    assert.strictEqual(first.paddingLeft, true);
  });

  it('only within the asked range', () => {
    const fx = fixture(SOURCE);
    const hints = fx.service.inlayHints(ROOT + '/a.strategy.yaml', { start: { line: 11, character: 0 }, end: { line: 12, character: 0 } });
    assert.deepStrictEqual(hints.map(label), ['začleňování cizinců']);
  });

  it('are off when the setting says so', () => {
    const fx = fixture(SOURCE, { inlayHints: false });
    assert.deepStrictEqual(fx.service.inlayHints(ROOT + '/a.strategy.yaml', EVERYTHING), []);
  });
});

/**
 * Anchors and aliases: alias bombs ("billion laughs"), recursive aliases and
 * deep alias chains are refused with one diagnostic on the alias where the
 * expansion passes its limit, quickly; anchors and aliases used as authors
 * use them still work, even thousands of them.
 */
import * as assert from 'assert';
import { checkHostile, expectDiagnostic, expectWithin, lineOf, messageText } from './hostile';

const HEAD = 'strategy: bomba\ntitle: Bomba\n';

/** Ten levels of nine aliases each: 9^10 nodes once expanded. */
function billionLaughs(): string {
  let text = HEAD + 'lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < 10; i++) {
    const a = `*l${i - 1}`;
    text += `lol${i}: &l${i} [${Array(9).fill(a).join(', ')}]\n`;
  }
  return text;
}

describe('hostile input: anchors and aliases', function () {
  this.timeout(60_000);

  it('an alias bomb ("billion laughs") is one yaml-syntax error on the alias that passes the limit', () => {
    const text = billionLaughs();
    const r = checkHostile(text);
    expectDiagnostic(r, { code: 'yaml-syntax', line: lineOf(text, 'lol4:'), message: /alias bomb .*not expanded/ });
    expectWithin(r.ms, 5000, 'indexing the alias bomb');
    expectWithin(r.cliMs, 5000, 'checking the alias bomb');
  });

  it('an alias bomb made of items is refused before any item is read', () => {
    let text = HEAD + 'definice:\n  - &i0 {id: 1, title: t}\n';
    for (let i = 1; i < 25; i++) {
      text += `  - &i${i} {id: 1, title: t, items: [*i${i - 1}, *i${i - 1}]}\n`;
    }
    text += 'items: [*i24]\n';
    const r = checkHostile(text);
    expectDiagnostic(r, { code: 'yaml-syntax', line: lineOf(text, '&i9 '), message: /alias bomb/, others: ['schema'] });
    expectWithin(r.ms, 5000, 'indexing the item bomb');
  });

  it('an alias inside the node it names (a recursive alias) is one error, not an endless loop', () => {
    const text = HEAD + 'items: &smycka\n  - id: 1\n    title: Smyčka\n    items: *smycka\n';
    const r = checkHostile(text);
    expectDiagnostic(r, { code: 'yaml-syntax', line: lineOf(text, '*smycka'), message: /inside the node it refers to/ });
    expectWithin(r.ms, 5000, 'indexing a recursive alias');
  });

  it('a chain of 2,000 nested aliases is refused on the alias where it gets too big', () => {
    let text = HEAD + 'c0: &c0 [x]\n';
    for (let i = 1; i < 2000; i++) {
      text += `c${i}: &c${i} [*c${i - 1}]\n`;
    }
    const r = checkHostile(text);
    const diagnostic = r.lsp.find((d) => d.code === 'yaml-syntax');
    assert.ok(diagnostic, 'no yaml-syntax diagnostic for the alias chain');
    assert.match(messageText(diagnostic), /alias bomb|nested deeper/);
    assert.ok(diagnostic.range.start.line < 400, `reported on line ${diagnostic.range.start.line + 1}, not where the chain first gets too big`);
    expectWithin(r.ms, 5000, 'indexing a deep alias chain');
  });

  it('anchors and aliases used legitimately still work: shared values resolve, references through aliases are checked', () => {
    const text = `${HEAD}actors:
  - id: &nmc nmc
    name: Oddělení NMC
items:
  - id: 1
    title: &nazev Integrace
    descriptors: &spolecne [VIII.e, XVII.b]
    responsible: *nmc
  - id: 2
    title: *nazev
    descriptors: *spolecne
    responsible: *nmc
    related: [1]
`;
    const r = checkHostile(text);
    assert.deepStrictEqual(r.lsp, []);
    const parsed = r.service.index.get(r.uri)?.parsed;
    assert.ok(parsed?.kind === 'strategy');
    assert.deepStrictEqual(
      parsed.items.map((i) => [i.id, i.title, i.responsible]),
      [
        ['1', 'Integrace', 'nmc'],
        ['2', 'Integrace', 'nmc'],
      ],
    );
    assert.strictEqual(parsed.references.filter((ref) => ref.kind === 'descriptors').length, 4);
  });

  it('5,000 aliases of one actor (legitimate, heavy use) are indexed in bounded time', () => {
    let text = `${HEAD}actors:\n  - id: &n nmc\n    name: NMC\nitems:\n`;
    for (let i = 1; i <= 5000; i++) {
      text += `  - id: ${i}\n    title: Opatření ${i}\n    responsible: *n\n`;
    }
    const r = checkHostile(text);
    assert.deepStrictEqual(r.lsp, []);
    const parsed = r.service.index.get(r.uri)?.parsed;
    assert.strictEqual(parsed?.kind === 'strategy' ? parsed.items.length : 0, 5000);
    expectWithin(r.ms, 20_000, 'indexing 5,000 aliases');
  });
});

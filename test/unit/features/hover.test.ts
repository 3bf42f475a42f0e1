/**
 * Hover: items with their parents, descriptors, goal links, actors,
 * indicators and reference count; descriptors, actors and documents; why a
 * reference does not resolve; codes in Markdown.
 */
import * as assert from 'assert';
import { MarkupContent } from 'vscode-languageserver-protocol';
import { fixture } from '../fixture';
import { cursor, markedLocations, describeLocation } from './helpers';

/** The hover text at the cursor, and the hovered range described. */
function hoverAt(source: string, locale = 'en'): { value: string | undefined; range: string | undefined; marks: string[] } {
  const fx = fixture(source, {}, locale);
  const { uri, position } = cursor(fx);
  const h = fx.service.hover(uri, position);
  return {
    value: h ? (h.contents as MarkupContent).value : undefined,
    range: h?.range ? describeLocation(fx, { uri, range: h.range }) : undefined,
    marks: markedLocations(fx),
  };
}

const WORKSPACE = (cursorAt: (code: string) => string): string => `
  //- /plan.strategy.yaml
  strategy: kv-plan
  title: Strategický plán
  items:
    - id: A
      title: Správa
      items:
        - id: A1
          title: Úřad
          items:
            - id: A1.1
              title: Efektivní úřad
  //- /catalog.descriptors.yaml
  catalog: mestske
  title: Městské deskriptory
  areas:
    - id: XXII
      descriptors:
        - id: ${cursorAt('XXII.a')}
          title: městská | data
  //- /a.strategy.yaml
  strategy: praha
  title: Praha
  levels: [Prioritní oblast, Specifický cíl, Opatření, Aktivita]
  goalsFrom: kv-plan
  actors:
    - id: ${cursorAt('nmc')}
      name: Oddělení NMC
    - id: icp
      name: Integrační centrum Praha
  items:
    - id: 1
      title: Integrace
      items:
        - id: 1.A
          title: Agenda
          items:
            - id: ${cursorAt('1.A.1')}
              title: Posílení *kapacit*
              descriptors: [VIII.e, ${cursorAt('XXII.a')}]
              goals: [A1.1]
              responsible: nmc
              partners: [icp]
              indicators:
                - name: Počet úvazků
                  unit: FTE
                  baseline: 3
                  target: 5
                  year: 2025
            - id: 1.A.2
              title: Reflexe
              related: [${cursorAt('1.A.1')}, ${cursorAt('1.A.9')}]
              responsible: ${cursorAt('nmc')}
  //- /notes.md
  ---
  strategy: praha
  ---
  Opatření ${cursorAt('1.A.1')} a praha/${cursorAt('1.A.1')}; kapitola ${cursorAt('6.1')}.
`;

/** The workspace with the cursor on the `n`-th occurrence (0-based) of `code` among those that accept one. */
function at(code: string, n = 0): string {
  let seen = -1;
  return WORKSPACE((c) => (c === code && ++seen === n ? c.slice(0, 1) + '$0' + c.slice(1) : c));
}

describe('hover', () => {
  it('on an item: code, title, level, parents, descriptors, goals, actors, indicators and references', () => {
    const h = hoverAt(at('1.A.1'));
    assert.strictEqual(
      h.value,
      [
        '**`1.A.1`** Posílení \\*kapacit\\*',
        '*Opatření* · `praha`',
        '`1` › `1.A` › `1.A.1`',
        [
          '**Descriptors:** `VIII.e` začleňování cizinců, `XXII.a` městská \\| data  ',
          '**Goal links:** `A1.1` Efektivní úřad  ',
          '**Responsible:** `nmc` Oddělení NMC  ',
          '**Partners:** `icp` Integrační centrum Praha',
        ].join('\n'),
        ['| Indicator | Unit | Baseline | Target value | Year |', '|---|---|---|---|---|', '| Počet úvazků | FTE | 3 | 5 | 2025 |'].join('\n'),
        '3 references',
      ].join('\n\n'),
    );
    assert.strictEqual(h.range, '/a.strategy.yaml@16:16 «1.A.1»');
  });

  it('on a reference: the item it points at, over the reference', () => {
    const h = hoverAt(at('1.A.1', 1));
    assert.match(h.value ?? '', /^\*\*`1\.A\.1`\*\* Posílení/);
    assert.strictEqual(h.range, '/a.strategy.yaml@30:22 «1.A.1»');
  });

  it('counts references with Czech plurals', () => {
    const count = (refs: number): string | undefined => {
      const related = Array.from({ length: refs }, () => '1').join(', ');
      const h = hoverAt(`strategy: a\ntitle: A\nitems:\n  - id: $01\n    title: P\n  - id: 2\n    title: Q\n    related: [${related}]\n`, 'cs');
      return h.value?.split('\n\n').pop();
    };
    assert.deepStrictEqual([count(0), count(1), count(2), count(4), count(5)], ['0 odkazů', '1 odkaz', '2 odkazy', '4 odkazy', '5 odkazů']);
  });

  it('on a descriptor: its name, catalog and how many items use it', () => {
    assert.strictEqual(hoverAt(at('XXII.a', 1)).value, '**`XXII.a`** městská \\| data\n\n*Descriptor* · Catalog: Městské deskriptory (`mestske`)\n\nUsed by 1 item');
    assert.strictEqual(hoverAt(at('XXII.a')).value, '**`XXII.a`** městská \\| data\n\n*Descriptor* · Catalog: Městské deskriptory (`mestske`)\n\nUsed by 1 item');
  });

  it('on a built-in descriptor: says it is built in, in Czech', () => {
    const h = hoverAt('strategy: a\ntitle: A\nitems:\n  - id: 1\n    title: P\n    descriptors: [VIII.$0e]\n', 'cs');
    assert.strictEqual(h.value, '**`VIII.e`** začleňování cizinců\n\n*Deskriptor* · Katalog deskriptorů: Deskriptory Databáze strategií (`cz-deskriptory`) (vestavěný)\n\nPoužití: 1 položka');
  });

  it('on an actor: its name and its items', () => {
    const expected = '**Oddělení NMC** (`nmc`)\n\n*Actor* · 2 items\n\nItems: `1.A.1` (responsible), `1.A.2` (responsible)';
    assert.strictEqual(hoverAt(at('nmc')).value, expected);
    assert.strictEqual(hoverAt(at('nmc', 1)).value, expected);
  });

  it('on a document id: its title, size and references', () => {
    const h = hoverAt(WORKSPACE((c) => c).replace('goalsFrom: kv-plan', 'goalsFrom: kv-$0plan'));
    assert.strictEqual(h.value, '**`kv-plan`** Strategický plán\n\n*Strategy document* · 3 items\n\n1 reference');
  });

  it('on an unresolved reference: why it does not resolve', () => {
    assert.strictEqual(hoverAt(at('1.A.9')).value, '⚠ Unknown opatření `1.A.9` — did you mean `1.A.1` or `1.A.2`?');
    const cs = hoverAt(at('1.A.9'), 'cs');
    assert.match(cs.value ?? '', /^⚠ Neznámé opatření `1\.A\.9`/);
  });

  it('on bare and qualified codes in Markdown, but not on a bare code that does not resolve', () => {
    assert.match(hoverAt(at('1.A.1', 2)).value ?? '', /^\*\*`1\.A\.1`\*\* Posílení/);
    const qualified = hoverAt(at('1.A.1', 3));
    assert.match(qualified.value ?? '', /^\*\*`1\.A\.1`\*\* Posílení/);
    assert.strictEqual(qualified.range, '/notes.md@3:23 «1.A.1»');
    assert.strictEqual(hoverAt(at('6.1')).value, undefined);
  });

  it('answers nothing away from codes', () => {
    assert.strictEqual(hoverAt('strategy: a\nti$0tle: A\n').value, undefined);
  });
});

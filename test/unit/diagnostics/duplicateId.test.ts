/**
 * `duplicate-id` (spec 2.1, 3, 4): the same id twice in one document, on
 * both places, linked by related information; the same descriptor code in
 * two workspace catalogs, on each definition.
 */
import * as assert from 'assert';
import { check, clean } from './check';
import { diagnosticsOf, Fixture } from '../fixture';

/** For each `duplicate-id`, the texts its related information points at, as `file:text`. */
function relatedTexts(fx: Fixture): string[][] {
  return diagnosticsOf(fx, 'duplicate-id')
    .sort((a, b) => a.uri.localeCompare(b.uri) || a.span.start - b.span.start)
    .map((d) =>
      (d.related ?? []).map((r) => {
        const f = fx.files.find((x) => x.uri === r.uri);
        return `${r.uri.slice(r.uri.lastIndexOf('/') + 1)}:${r.span.start}:${f?.text.slice(r.span.start, r.span.end) ?? '?'}`;
      }),
    );
}

describe('diagnostics: duplicate-id', () => {
  describe('fires', () => {
    it('on both copies of an item id, each linked to the other', () => {
      const fx = check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: X
            items:
              - id: ⟦1.A⟧
                title: Y
              - id: ⟦1.A⟧
                title: Y again
        `,
        { code: 'duplicate-id', messages: ['Duplicate code `1.A` in this document.', 'Duplicate code `1.A` in this document.'] },
      );
      const first = fx.files[0].marks[0].start;
      const second = fx.files[0].marks[1].start;
      assert.deepStrictEqual(relatedTexts(fx), [[`a.strategy.yaml:${second}:1.A`], [`a.strategy.yaml:${first}:1.A`]]);
    });

    it('on every copy when an id stands three times, each linked to the two others', () => {
      const fx = check(
        `
        strategy: a
        title: A
        items:
          - id: ⟦1⟧
            title: X
          - id: ⟦1⟧
            title: X
          - id: ⟦1⟧
            title: X
        `,
        'duplicate-id',
      );
      assert.deepStrictEqual(
        relatedTexts(fx).map((r) => r.length),
        [2, 2, 2],
      );
    });

    it('on copies in different branches of the tree (a repeat is not numbered: no numbering-gap)', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: X
            items:
              - id: 1.A
                title: Y
                items:
                  - id: ⟦1.A.1⟧
                    title: M
              - id: 1.B
                title: Y
                items:
                  - id: 1.B.1
                    title: M
                    items:
                      - id: 1.B.1.I
                        title: A
          - id: 2
            title: X
            items:
              - id: 2.A
                title: Y
                items:
                  - id: 2.A.1
                    title: M
                    items:
                      - id: ⟦1.A.1⟧
                        title: wrong copy
        `,
        { code: 'duplicate-id', allow: ['id-not-under-parent'] },
      ));

    it('when the same id is written plainly and quoted (quoting changes nothing)', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: ⟦1⟧
            title: X
          - id: "⟦1⟧"
            title: Y
        `,
        'duplicate-id',
      ));

    it('on `2.10` written twice, even though YAML reads it as the number 2.1', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 2
            title: X
            items:
              - id: 2.1
                title: Y
              - id: ⟦2.10⟧
                title: Z
              - id: ⟦2.10⟧
                title: Z
        `,
        { code: 'duplicate-id', allow: ['numbering-gap'] },
      ));

    it('on an actor id declared twice', () =>
      check(
        `
        strategy: a
        title: A
        actors:
          - id: ⟦nmc⟧
            name: Oddělení NMC
          - id: ⟦nmc⟧
            name: Oddělení NMC znovu
        `,
        'duplicate-id',
      ));

    it('on a descriptor defined twice in one catalog', () =>
      check(
        `
        //- /c.descriptors.yaml
        catalog: c
        title: C
        areas:
          - id: XXII
            descriptors:
              - id: ⟦XXII.a⟧
                title: první
              - id: ⟦XXII.a⟧
                title: druhý
        `,
        'duplicate-id',
      ));

    it('on each definition of a descriptor defined in two workspace catalogs, linked across files', () => {
      const fx = check(
        `
        //- /one.descriptors.yaml
        catalog: one
        title: One
        areas:
          - id: XXII
            descriptors:
              - id: ⟦XXII.a⟧
                title: první
        //- /two.descriptors.yaml
        catalog: two
        title: Two
        areas:
          - id: XXII
            descriptors:
              - id: ⟦XXII.a⟧
                title: druhý
        `,
        { code: 'duplicate-id', messages: [/^Duplicate descriptor `XXII\.a`/, /^Duplicate descriptor `XXII\.a`/] },
      );
      const one = fx.file('/one.descriptors.yaml').marks[0].start;
      const two = fx.file('/two.descriptors.yaml').marks[0].start;
      assert.deepStrictEqual(relatedTexts(fx), [[`two.descriptors.yaml:${two}:XXII.a`], [`one.descriptors.yaml:${one}:XXII.a`]]);
    });

    it('on each workspace definition of a built-in descriptor redefined in two workspace catalogs', () =>
      check(
        `
        //- /one.descriptors.yaml
        catalog: one
        title: One
        areas:
          - id: VIII
            descriptors:
              - id: ⟦VIII.e⟧
                title: začleňování cizinců
        //- /two.descriptors.yaml
        catalog: two
        title: Two
        areas:
          - id: VIII
            descriptors:
              - id: ⟦VIII.e⟧
                title: integrace cizinců
        `,
        'duplicate-id',
      ));
  });

  describe('does not fire', () => {
    it('on `2.1` and `2.10`, which are different codes', () =>
      clean(`
        strategy: a
        title: A
        items:
          - id: 1
            title: První
          - id: 2
            title: X
            items:
              - id: 2.1
                title: Y
              - id: 2.2
                title: Y
              - id: 2.3
                title: Y
              - id: 2.4
                title: Y
              - id: 2.5
                title: Y
              - id: 2.6
                title: Y
              - id: 2.7
                title: Y
              - id: 2.8
                title: Y
              - id: 2.9
                title: Y
              - id: 2.10
                title: Z
        `));

    it('on the same id in two documents', () =>
      clean(`
        strategy: a
        title: A
        items:
          - id: 1
            title: X
        //- /b.strategy.yaml
        strategy: b
        title: B
        items:
          - id: 1
            title: X
        `));

    it('on a workspace catalog that redefines a built-in descriptor (it wins silently)', () =>
      clean(`
        //- /c.descriptors.yaml
        catalog: c
        title: C
        areas:
          - id: VIII
            descriptors:
              - id: VIII.e
                title: integrace cizinců (vlastní název)
        `));

    it('on the same descriptor code in a catalog and in a strategy that uses it', () =>
      clean(`
        //- /c.descriptors.yaml
        catalog: c
        title: C
        areas:
          - id: XXII
            descriptors:
              - id: XXII.a
                title: první
        //- /a.strategy.yaml
        strategy: a
        title: A
        items:
          - id: 1
            title: X
            descriptors: [XXII.a, XXII.a]
        `));
  });
});

/**
 * `numbering-gap` (spec 2.1, 4): siblings count up by one — numbers, letters,
 * Roman numerals, letters+digits by their digits — per parent, or through the
 * whole document at a depth where most sibling groups after the first start
 * above 1. Each missing value is one warning on the next existing item;
 * siblings out of order are reported on the first item out of place.
 */
import { check, clean } from './check';

describe('diagnostics: numbering-gap', () => {
  describe('fires', () => {
    it('on the item after a missing number under one parent, naming the missing code', () =>
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
                  - id: 1.A.1
                    title: M
                  - id: ⟦1.A.3⟧
                    title: M
        `,
        { code: 'numbering-gap', messages: ['Numbering gap: `1.A.2` is missing before `1.A.3`.'] },
      ));

    it('once per missing value, all on the next existing item', () =>
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
                  - id: 1.A.1
                    title: M
                  - id: ⟦⟦⟦1.A.5⟧⟧⟧
                    title: M
        `,
        {
          code: 'numbering-gap',
          messages: [
            'Numbering gap: `1.A.2` is missing before `1.A.5`.',
            'Numbering gap: `1.A.3` is missing before `1.A.5`.',
            'Numbering gap: `1.A.4` is missing before `1.A.5`.',
          ],
        },
      ));

    it('once per missing value even for a long gap (eleven values, eleven warnings)', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: X
          - id: ⟦⟦⟦⟦⟦⟦⟦⟦⟦⟦⟦13⟧⟧⟧⟧⟧⟧⟧⟧⟧⟧⟧
            title: X
        `,
        'numbering-gap',
      ));

    it('on top-level items, which form a sibling group too', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: X
          - id: 2
            title: X
          - id: ⟦4⟧
            title: X
        `,
        { code: 'numbering-gap', messages: ['Numbering gap: `3` is missing before `4`.'] },
      ));

    it('on top-level items that do not start at 1', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: ⟦2⟧
            title: X
        `,
        { code: 'numbering-gap', messages: ['Numbering gap: `1` is missing before `2`.'] },
      ));

    // Spec question: "each missing value is one numbering-gap" — but `id: 1000` typed for `10`
    // would bury the item under 998 warnings. Beyond 100 missing values we report one range.
    it('as one range for a gap wider than 100 values (a typo, not 998 missing measures)', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: X
          - id: ⟦1000⟧
            title: X
        `,
        { code: 'numbering-gap', messages: ['Numbering gap: `2` … `999` are missing before `1000` (998 values).'] },
      ));

    it('on a first child that does not start at 1 (A, I)', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: X
            items:
              - id: ⟦1.B⟧
                title: Y
                items:
                  - id: ⟦1.B.2⟧
                    title: M
                    items:
                      - id: ⟦1.B.2.II⟧
                        title: A
        `,
        { code: 'numbering-gap', messages: ['Numbering gap: `1.A` is missing before `1.B`.', 'Numbering gap: `1.B.1` is missing before `1.B.2`.', 'Numbering gap: `1.B.2.I` is missing before `1.B.2.II`.'] },
      ));

    it('on a missing letter', () =>
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
              - id: ⟦1.C⟧
                title: Y
        `,
        { code: 'numbering-gap', messages: ['Numbering gap: `1.B` is missing before `1.C`.'] },
      ));

    it('on a missing Roman numeral', () =>
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
                  - id: 1.A.1
                    title: M
                    items:
                      - id: 1.A.1.I
                        title: A
                      - id: 1.A.1.II
                        title: A
                      - id: ⟦1.A.1.IV⟧
                        title: A
        `,
        { code: 'numbering-gap', messages: ['Numbering gap: `1.A.1.III` is missing before `1.A.1.IV`.'] },
      ));

    it('on a missing letters+digits code (`A1`, `A3`), counting the digits', () =>
      check(
        `
        strategy: plan
        title: P
        items:
          - id: A
            title: X
            items:
              - id: A1
                title: Y
              - id: ⟦A3⟧
                title: Y
        `,
        { code: 'numbering-gap', messages: ['Numbering gap: `A2` is missing before `A3`.'] },
      ));

    it('reads `C`, `D` as letters, not Roman numerals (the first is not `I`, none has two characters)', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: X
            items:
              - id: ⟦⟦1.C⟧⟧
                title: Y
              - id: 1.D
                title: Y
        `,
        { code: 'numbering-gap', messages: ['Numbering gap: `1.A` is missing before `1.C`.', 'Numbering gap: `1.B` is missing before `1.C`.'] },
      ));

    it('reads `X`, `XII` as Roman numerals (one has two characters): `XI` is missing', () =>
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
                  - id: 1.A.1
                    title: M
                    items:
                      - id: 1.A.1.I
                        title: A
                      - id: 1.A.1.II
                        title: A
                      - id: 1.A.1.III
                        title: A
                      - id: 1.A.1.IV
                        title: A
                      - id: 1.A.1.V
                        title: A
                      - id: 1.A.1.VI
                        title: A
                      - id: 1.A.1.VII
                        title: A
                      - id: 1.A.1.VIII
                        title: A
                      - id: 1.A.1.IX
                        title: A
                      - id: 1.A.1.X
                        title: A
                      - id: ⟦1.A.1.XII⟧
                        title: A
        `,
        { code: 'numbering-gap', messages: ['Numbering gap: `1.A.1.XI` is missing before `1.A.1.XII`.'] },
      ));

    it('document-wide: `1.C.9` after `1.B.7` reports 8 missing, on `1.C.9`', () =>
      check(
        `
        strategy: praha
        title: Praha
        items:
          - id: 1
            title: X
            items:
              - id: 1.A
                title: Y
                items:
                  - id: 1.A.1
                    title: M
                  - id: 1.A.2
                    title: M
                  - id: 1.A.3
                    title: M
                  - id: 1.A.4
                    title: M
              - id: 1.B
                title: Y
                items:
                  - id: 1.B.5
                    title: M
                    items:
                      - id: 1.B.5.I
                        title: A
                      - id: 1.B.5.II
                        title: A
                  - id: 1.B.6
                    title: M
                    items:
                      - id: 1.B.6.I
                        title: A
                  - id: 1.B.7
                    title: M
              - id: 1.C
                title: Y
                items:
                  - id: ⟦1.C.9⟧
                    title: M
          - id: 2
            title: X
            items:
              - id: 2.A
                title: Y
                items:
                  - id: 2.A.10
                    title: M
                  - id: 2.A.11
                    title: M
        `,
        { code: 'numbering-gap', messages: ['Numbering gap: `8` is missing before `1.C.9`.'] },
      ));

    it('document-wide: each missing value once, on the next existing item', () =>
      check(
        `
        strategy: praha
        title: Praha
        items:
          - id: 1
            title: X
            items:
              - id: 1.A
                title: Y
                items:
                  - id: 1.A.1
                    title: M
                  - id: 1.A.2
                    title: M
              - id: 1.B
                title: Y
                items:
                  - id: ⟦⟦1.B.5⟧⟧
                    title: M
              - id: 1.C
                title: Y
                items:
                  - id: 1.C.6
                    title: M
                  - id: ⟦1.C.8⟧
                    title: M
        `,
        { code: 'numbering-gap', messages: ['Numbering gap: `3` is missing before `1.B.5`.', 'Numbering gap: `4` is missing before `1.B.5`.', 'Numbering gap: `7` is missing before `1.C.8`.'] },
      ));

    it('per parent when most later groups start at 1 (a group continuing the count is then a gap)', () =>
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
                  - id: 1.A.1
                    title: M
                  - id: 1.A.2
                    title: M
              - id: 1.B
                title: Y
                items:
                  - id: ⟦⟦1.B.3⟧⟧
                    title: M
              - id: 1.C
                title: Y
                items:
                  - id: 1.C.1
                    title: M
              - id: 1.D
                title: Y
                items:
                  - id: 1.D.1
                    title: M
        `,
        { code: 'numbering-gap', messages: ['Numbering gap: `1.B.1` is missing before `1.B.3`.', 'Numbering gap: `1.B.2` is missing before `1.B.3`.'] },
      ));

    it('on the first sibling out of order, without a gap for the swapped pair', () =>
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
                  - id: 1.A.1
                    title: M
                  - id: ⟦1.A.3⟧
                    title: M
                  - id: 1.A.2
                    title: M
        `,
        { code: 'numbering-gap', messages: ['Numbering out of order: `1.A.3` stands where `1.A.2` is expected.'] },
      ));

    it('on the first top-level item out of order', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: ⟦2⟧
            title: X
          - id: 1
            title: X
        `,
        'numbering-gap',
      ));

    it('document-wide: on the first measure out of order across objectives', () =>
      check(
        `
        strategy: praha
        title: Praha
        items:
          - id: 1
            title: X
            items:
              - id: 1.A
                title: Y
                items:
                  - id: 1.A.1
                    title: M
                  - id: 1.A.2
                    title: M
              - id: 1.B
                title: Y
                items:
                  - id: ⟦1.B.4⟧
                    title: M
                  - id: 1.B.3
                    title: M
              - id: 1.C
                title: Y
                items:
                  - id: 1.C.5
                    title: M
        `,
        { code: 'numbering-gap', messages: [/`1\.B\.4` stands where `1\.B\.3` is expected/] },
      ));

    it('leaves an invalid id out of the sequence (so its number counts as missing)', () =>
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
                  - id: 1.A.1
                    title: M
                  - id: 1.A.2 x
                    title: M
                  - id: ⟦1.A.3⟧
                    title: M
        `,
        { code: 'numbering-gap', allow: ['invalid-id'] },
      ));
  });

  describe('does not fire', () => {
    it('on Prague’s numbering through the whole document (`1.A.4` then `1.B.5`)', () =>
      clean(`
        strategy: praha
        title: Praha
        items:
          - id: 1
            title: X
            items:
              - id: 1.A
                title: Y
                items:
                  - id: 1.A.1
                    title: M
                  - id: 1.A.2
                    title: M
                  - id: 1.A.3
                    title: M
                  - id: 1.A.4
                    title: M
              - id: 1.B
                title: Y
                items:
                  - id: 1.B.5
                    title: M
                  - id: 1.B.6
                    title: M
                    items:
                      - id: 1.B.6.I
                        title: A
                      - id: 1.B.6.II
                        title: A
          - id: 2
            title: X
            items:
              - id: 2.A
                title: Y
                items:
                  - id: 2.A.7
                    title: M
                    items:
                      - id: 2.A.7.I
                        title: A
              - id: 2.B
                title: Y
                items:
                  - id: 2.B.8
                    title: M
        `));

    it('on numbering that restarts under each parent', () =>
      clean(`
        strategy: a
        title: A
        items:
          - id: 1
            title: X
            items:
              - id: 1.A
                title: Y
                items:
                  - id: 1.A.1
                    title: M
                  - id: 1.A.2
                    title: M
              - id: 1.B
                title: Y
                items:
                  - id: 1.B.1
                    title: M
          - id: 2
            title: X
            items:
              - id: 2.A
                title: Y
                items:
                  - id: 2.A.1
                    title: M
        `));

    it('on a long letters group that contains Roman-looking letters (A … J)', () =>
      clean(`
        strategy: a
        title: A
        items:
          - id: 1
            title: X
            items:
              - id: 1.A
                title: Y
              - id: 1.B
                title: Y
              - id: 1.C
                title: Y
              - id: 1.D
                title: Y
              - id: 1.E
                title: Y
              - id: 1.F
                title: Y
              - id: 1.G
                title: Y
              - id: 1.H
                title: Y
              - id: 1.I
                title: Y
              - id: 1.J
                title: Y
        `));

    it('on a lone activity `I`, a Roman numeral (not the ninth letter)', () =>
      clean(`
        strategy: a
        title: A
        items:
          - id: 1
            title: X
            items:
              - id: 1.A
                title: Y
                items:
                  - id: 1.A.1
                    title: M
                    items:
                      - id: 1.A.1.I
                        title: A
        `));

    it('on a city plan `A` → `A1`, `A2` → `A1.1`, with letters+digits counting from 1 under each pillar', () =>
      clean(`
        strategy: kv-plan
        title: Plán
        items:
          - id: A
            title: P
            items:
              - id: A1
                title: G
                items:
                  - id: A1.1
                    title: S
                  - id: A1.2
                    title: S
              - id: A2
                title: G
          - id: B
            title: P
            items:
              - id: B1
                title: G
                items:
                  - id: B1.1
                    title: S
        `));

    it('on siblings with `2.10` after `2.9`, read as written (YAML would read 2.1)', () =>
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
                title: Y
              - id: 2.11
                title: Y
        `));

    it('on an item left out because it is not under its parent', () =>
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
                  - id: 1.A.1
                    title: M
                  - id: ⟦2.B.7⟧
                    title: M
                  - id: 1.A.2
                    title: M
        `,
        'id-not-under-parent',
      ));

    it('on a repeated id (every copy after the first is left out)', () =>
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
                  - id: 1.A.2
                    title: M
                  - id: ⟦1.A.1⟧
                    title: M
                  - id: 1.A.3
                    title: M
        `,
        'duplicate-id',
      ));

    it('on an invalid id among siblings that are otherwise in order', () =>
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
                  - id: 1.A.1
                    title: M
                  - id: ⟦1.A.99x⟧
                    title: M
                  - id: 1.A.2
                    title: M
        `,
        'invalid-id',
      ));

    it('on siblings mixing numbers and letters (no sequence to check)', () =>
      clean(`
        strategy: a
        title: A
        items:
          - id: 1
            title: X
            items:
              - id: 1.A
                title: Y
              - id: 1.7
                title: Y
        `));
  });
});

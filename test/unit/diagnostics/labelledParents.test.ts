/**
 * Spec 6.1 and 2.1: labelled parents (`SC1` → `1.1`) and one sequence per
 * letter prefix of letters+digits siblings.
 */
import { check, clean } from './check';

describe('diagnostics: labelled parents and letter prefixes (spec 6.1, 2.1)', () => {
  it('a child may extend the digits of a letters+digits parent (`SC1` → `1.1`) or its whole id (`A1` → `A1.1`)', () =>
    clean(`
      strategy: a
      title: A
      items:
        - id: SC1
          title: Strategický cíl 1
          items:
            - id: 1.1
              title: Specifický cíl
              items:
                - id: 1.1.1
                  title: Opatření
            - id: 1.2
              title: Specifický cíl
        - id: SC2
          title: Strategický cíl 2
          items:
            - id: 2.1
              title: Specifický cíl
        - id: SC3
          title: Strategický cíl 3
          items:
            - id: SC3.1
              title: Specifický cíl
    `));

  it('a child extending other digits is still not under its parent', () =>
    check(
      `
      strategy: a
      title: A
      items:
        - id: SC1
          title: Strategický cíl 1
          items:
            - id: ⟦2.1⟧
              title: Specifický cíl
      `,
      { code: 'id-not-under-parent', messages: ['Code `2.1` does not extend its parent `SC1`.'] },
    ));

  it('siblings under a labelled parent are numbered by their own codes: a gap names the missing code', () =>
    check(
      `
      strategy: a
      title: A
      items:
        - id: SC1
          title: Strategický cíl 1
          items:
            - id: 1.1
              title: Specifický cíl
            - id: ⟦1.3⟧
              title: Specifický cíl
      `,
      { code: 'numbering-gap', messages: ['Numbering gap: `1.2` is missing before `1.3`.'] },
    ));

  it('letters+digits siblings side by side form one sequence per prefix (`P1`, `Z1`, `P2`, `Z2`)', () =>
    clean(`
      strategy: a
      title: A
      items:
        - id: P1
          title: Princip
        - id: Z1
          title: Zásada
        - id: P2
          title: Princip
        - id: Z2
          title: Zásada
    `));

  it('a gap within one prefix is still found', () =>
    check(
      `
      strategy: a
      title: A
      items:
        - id: P1
          title: Princip
        - id: Z1
          title: Zásada
        - id: ⟦P3⟧
          title: Princip
        - id: Z2
          title: Zásada
      `,
      { code: 'numbering-gap', messages: ['Numbering gap: `P2` is missing before `P3`.'] },
    ));
});

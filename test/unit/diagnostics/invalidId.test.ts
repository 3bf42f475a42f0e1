/**
 * `invalid-id` (spec 2.1, 4): an id or reference that does not follow the
 * code grammar — segments joined by `.`, each a number, capital letters, a
 * Roman numeral, or capitals followed by digits. Codes are read as written.
 */
import { check, clean } from './check';

describe('diagnostics: invalid-id', () => {
  describe('fires', () => {
    it('on a lowercase item id, suggesting the upper-case code', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: ⟦1.a⟧
            title: X
        `,
        { code: 'invalid-id', messages: [/^Invalid code `1\.a`.* — did you mean `1\.A`\?$/] },
      ));

    it('on an exported id with a trailing dot (`1.A.`), suggesting `1.A`', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: X
            items:
              - id: ⟦1.A.⟧
                title: Y
        `,
        { code: 'invalid-id', messages: [/`1\.A\.`.* — did you mean `1\.A`\?$/] },
      ));

    it('on an id with a space, a dash, or an empty segment', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: ⟦1 A⟧
            title: X
          - id: ⟦1-2⟧
            title: Y
          - id: ⟦1..2⟧
            title: Z
        `,
        'invalid-id',
      ));

    it('inside the quotes of a quoted id (quoting changes nothing)', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: "⟦2.b⟧"
            title: X
          - id: '⟦2.c⟧'
            title: Y
        `,
        'invalid-id',
      ));

    it('on numbers YAML would read differently (`1e3`, `0x1A`, `.5`)', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: ⟦1e3⟧
            title: X
          - id: ⟦0x1A⟧
            title: Y
          - id: ⟦.5⟧
            title: Z
        `,
        'invalid-id',
      ));

    it('on a Cyrillic look-alike letter, naming the character', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: ⟦2.\u0410⟧
            title: X
        `,
        { code: 'invalid-id', messages: [/`2\.\u0410`.*U\+0410.*`A`/] },
      ));

    it('on malformed related, goals and partner entries, and on a malformed qualified ref', () =>
      check(
        `
        strategy: a
        title: A
        goalsFrom: plan
        actors:
          - id: nmc
        items:
          - id: 1
            title: X
            related: [⟦1.a⟧, ⟦Praha⟧/1, b/⟦1.x⟧]
            goals: [⟦A 1⟧]
            partners: [⟦two words⟧]
        //- /plan.strategy.yaml
        strategy: plan
        title: Plan
        //- /b.strategy.yaml
        strategy: b
        title: B
        items:
          - id: 1
            title: X
        `,
        'invalid-id',
      ));

    it('on the whole reference when it is empty, or one of its parts is', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: X
            related: [⟦""⟧, ⟦a/⟧, ⟦/1⟧, ⟦''⟧]
        `,
        { code: 'invalid-id', messages: ['Empty code.', 'Empty code.', 'Empty code.', 'Empty code.'] },
      ));

    it('on a malformed descriptor code, suggesting the repaired one', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: X
            descriptors: [⟦viii.E⟧, ⟦VIII⟧, ⟦8.e⟧]
        `,
        { code: 'invalid-id', messages: [/`viii\.E`.* — did you mean `VIII\.e`\?$/, /`VIII`/, /`8\.e`/] },
      ));

    it('on a malformed document id, goalsFrom and documents entry', () =>
      check(
        `
        strategy: ⟦Praha_Integrace⟧
        title: A
        goalsFrom: ⟦Plan A⟧
        documents:
          - strategy: ⟦KV⟧
        `,
        { code: 'invalid-id', messages: [/`Praha_Integrace`.* — did you mean `praha-integrace`\?$/, /`Plan A`.* — did you mean `plan-a`\?$/, /`KV`.* — did you mean `kv`\?$/] },
      ));

    it('on a malformed catalog id and descriptor code in a catalog', () =>
      check(
        `
        //- /c.descriptors.yaml
        catalog: ⟦Moje Deskriptory⟧
        title: C
        areas:
          - id: ⟦8⟧
            descriptors:
              - id: ⟦XXX.1⟧
                title: D
        `,
        'invalid-id',
      ));
  });

  describe('does not fire', () => {
    it('on every shape of the grammar: numbers, letters, Roman numerals, letters+digits', () =>
      clean(`
        strategy: a-1
        title: A
        items:
          - id: 1
            title: X
            items:
              - id: 1.A
                title: Y
                items:
                  - id: 1.A.1
                    title: Z
                    items:
                      - id: 1.A.1.I
                        title: W
                      - id: 1.A.1.II
                        title: W
          - id: 2
            title: X
        //- /plan.strategy.yaml
        strategy: plan
        title: Plan
        items:
          - id: A
            title: P
            items:
              - id: A1
                title: G
                items:
                  - id: A1.1
                    title: S
                    items:
                      - id: A1.1.1
                        title: M
        `));

    it('on a document id made of digits only, or starting with a digit', () =>
      clean(`
        strategy: 2030
        title: A
        //- /b.strategy.yaml
        strategy: 1-plan
        title: B
        `));

    it('on quoted ids, which are read like plain ones', () =>
      clean(`
        strategy: "a"
        title: A
        items:
          - id: "1"
            title: X
            related: ['2']
          - id: '2'
            title: Y
        `));
  });
});

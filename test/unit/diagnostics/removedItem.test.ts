/**
 * Spec 6.5: removed items keep their codes; every reference to one is a
 * `removed-item` warning.
 */
import { check, clean } from './check';

describe('diagnostics: removed-item (spec 6.5)', () => {
  it('fires on every reference to a removed item, any key, qualified or not, Markdown included', () =>
    check(
      `
      //- /g.strategy.yaml
      strategy: g
      title: G
      items:
        - id: A1
          title: Cíl
          status: Vypuštěno
      //- /a.strategy.yaml
      strategy: a
      title: A
      goalsFrom: g
      items:
        - id: 1
          title: P
          status: zrušeno
        - id: 2
          title: P
          related: [⟦1⟧, ⟦a/1⟧]
          after: [⟦1⟧]
          goals: [⟦A1⟧]
      //- /n.md
      See ⟦a/1⟧.
      `,
      { code: 'removed-item', messages: ['`1` is removed (`status: zrušeno`).', '`a/1` is removed (`status: zrušeno`).', '`1` is removed (`status: zrušeno`).', '`A1` is removed (`status: Vypuštěno`).', '`a/1` is removed (`status: zrušeno`).'] },
    ));

  it('a removed item still holds its code: no gap, and its children are not removed', () =>
    clean(`
      strategy: a
      title: A
      items:
        - id: 1
          title: P
        - id: 2
          title: Cíl je vypuštěn
          status: REMOVED
          items:
            - id: 2.A
              title: C
        - id: 3
          title: P
          related: [2.A]
    `));

  it('bare codes in Markdown are never reported; other statuses are free text', () =>
    clean(`
      //- /a.strategy.yaml
      strategy: a
      title: A
      items:
        - id: 1
          title: P
          status: vypuštěn
        - id: 2
          title: P
          status: částečně vypuštěno
        - id: 3
          title: P
          related: [2]
      //- /n.md
      ---
      strategy: a
      ---
      Opatření 1 bylo vypuštěno.
    `));

  it('a plan item standing for a removed item is a warning on its id', () =>
    check(
      `
      //- /s.strategy.yaml
      strategy: s
      title: S
      items:
        - id: 1
          title: P
          status: vypuštěno
      //- /p.strategy.yaml
      strategy: p
      title: P
      implements: s
      items:
        - id: ⟦1⟧
          items:
            - id: 1.A
              title: C
      `,
      { code: 'removed-item', messages: ['Item `1` stands for an item of `s` that is removed (`status: vypuštěno`).'] },
    ));
});

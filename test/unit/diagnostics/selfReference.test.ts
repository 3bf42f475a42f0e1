/**
 * `self-reference` (spec 4): an item lists itself in `related`.
 */
import { check, clean } from './check';

describe('diagnostics: self-reference', () => {
  it('fires on an item that lists itself, plainly, quoted or qualified with its own document', () =>
    check(
      `
      strategy: a
      title: A
      items:
        - id: 1
          title: P
          related: [⟦1⟧]
          items:
            - id: 1.A
              title: C
              related: ["⟦1.A⟧", ⟦a/1.A⟧]
      `,
      { code: 'self-reference', messages: ['Item `1` lists itself in `related`.', 'Item `1.A` lists itself in `related`.', 'Item `1.A` lists itself in `related`.'] },
    ));

  it('does not fire on a reference to the parent, a child, or the same code in another document', () =>
    clean(`
      //- /b.strategy.yaml
      strategy: b
      title: B
      items:
        - id: 1
          title: P
      //- /a.strategy.yaml
      strategy: a
      title: A
      items:
        - id: 1
          title: P
          related: [1.A, b/1]
          items:
            - id: 1.A
              title: C
              related: [1]
      `));

  it('does not fire on `2.1` listing `2.10` (codes read as written)', () =>
    check(
      `
      strategy: a
      title: A
      items:
        - id: 1
          title: P
        - id: 2
          title: P
          items:
            - id: 2.1
              title: C
              related: [⟦2.10⟧]
      `,
      'unknown-item',
    ));
});

/**
 * Spec 6.6: `after` (návaznost) resolves like `related`; a cycle of two or
 * more links, in one document or across documents, is `dependency-cycle`.
 */
import * as assert from 'assert';
import { check, clean } from './check';
import { diagnosticsOf } from '../fixture';

describe('diagnostics: after and dependency-cycle (spec 6.6)', () => {
  it('`after` resolves like `related`: unknown-item when missing', () =>
    check(
      `
      strategy: a
      title: A
      items:
        - id: 1
          title: P
        - id: 2
          title: P
          after: [1, ⟦7⟧]
      `,
      'unknown-item',
    ));

  it('an item after itself is a self-reference, not a cycle', () =>
    check(
      `
      strategy: a
      title: A
      items:
        - id: 1
          title: P
          after: [⟦1⟧]
      `,
      { code: 'self-reference', messages: ['Item `1` lists itself in `after`.'] },
    ));

  it('a cycle inside one document fires on each `after` entry of the cycle, with the others as related information', () => {
    const fx = check(
      `
      strategy: a
      title: A
      items:
        - id: 1
          title: P
          after: [⟦3⟧]
        - id: 2
          title: P
          after: [⟦1⟧]
        - id: 3
          title: P
          after: [⟦2⟧]
        - id: 4
          title: P
          after: [3]
      `,
      { code: 'dependency-cycle', messages: [/`1` comes after `3`/, /`2` comes after `1`/, /`3` comes after `2`/] },
    );
    for (const d of diagnosticsOf(fx, 'dependency-cycle')) {
      assert.strictEqual(d.related?.length, 2);
    }
  });

  it('a cycle across a plan and its strategy fires in both documents', () =>
    check(
      `
      //- /s.strategy.yaml
      strategy: s
      title: S
      items:
        - id: 1
          title: P
          items:
            - id: 1.1
              title: C
              after: [⟦1.2⟧]
            - id: 1.2
              title: C
      //- /p.strategy.yaml
      strategy: p
      title: P
      implements: s
      items:
        - id: 1.2
          after: [⟦1.1⟧]
      `,
      'dependency-cycle',
    ));

  it('a cycle across two documents through qualified references fires', () =>
    check(
      `
      //- /a.strategy.yaml
      strategy: a
      title: A
      items:
        - id: 1
          title: P
          after: [⟦b/1⟧]
      //- /b.strategy.yaml
      strategy: b
      title: B
      items:
        - id: 1
          title: P
          after: [⟦a/1⟧]
      `,
      'dependency-cycle',
    ));

  it('a chain and a diamond are no cycle', () =>
    clean(`
      strategy: a
      title: A
      items:
        - id: 1
          title: P
        - id: 2
          title: P
          after: [1]
        - id: 3
          title: P
          after: [1]
        - id: 4
          title: P
          after: [2, 3]
    `));
});

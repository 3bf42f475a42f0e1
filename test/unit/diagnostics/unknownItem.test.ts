/**
 * `unknown-item` (spec 2.2, 4): `related` names an item that does not exist —
 * unqualified in this document, qualified (`doc-id/CODE`) in the named one;
 * a qualified reference to the document itself is treated like the
 * unqualified one. (Markdown references: see markdown.test.ts.)
 */
import { check, clean } from './check';

/** A small Prague-like document the other files refer to. */
const PRAHA = `
  //- /praha.strategy.yaml
  strategy: praha
  title: Praha
  items:
    - id: 1
      title: P
      items:
        - id: 1.A
          title: C
          items:
            - id: 1.A.1
              title: M
            - id: 1.A.2
              title: M
    - id: 2
      title: P
      items:
        - id: 2.A
          title: C
          items:
            - id: 2.A.3
              title: M
            - id: 2.A.4
              title: M
            - id: 2.A.5
              title: M
            - id: 2.A.6
              title: M
            - id: 2.A.7
              title: M
            - id: 2.A.8
              title: M
            - id: 2.A.9
              title: M
            - id: 2.A.10
              title: M
            - id: 2.A.11
              title: M
              items:
                - id: 2.A.11.I
                  title: A
`;

describe('diagnostics: unknown-item', () => {
  describe('fires', () => {
    it('on an unqualified related code that is not in this document, with the closest code (the spec’s example)', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            items:
              - id: 1.A
                title: C
                items:
                  - { id: 1.A.1, title: M }
                  - { id: 1.A.2, title: M }
                  - { id: 1.A.3, title: M }
                  - { id: 1.A.4, title: M }
                  - { id: 1.A.5, title: M }
                  - { id: 1.A.6, title: M }
                  - { id: 1.A.7, title: M }
                  - { id: 1.A.8, title: M }
                  - { id: 1.A.9, title: M }
                  - { id: 1.A.10, title: M, related: [⟦2.A.111⟧] }
          - id: 2
            title: P
            items:
              - id: 2.A
                title: C
                items:
                  - { id: 2.A.11, title: M }
                  - { id: 2.A.12, title: M }
        `,
        { code: 'unknown-item', messages: ['Unknown measure `2.A.111` — did you mean `2.A.11`?'] },
      ));

    it('names the level by the document’s own `levels`', () =>
      check(
        `
        strategy: a
        title: A
        levels: [Prioritní oblast, Specifický cíl, Opatření, Aktivita]
        items:
          - id: 1
            title: P
            related: [⟦1.B⟧, ⟦1.A.1.I⟧]
            items:
              - id: 1.A
                title: C
        `,
        { code: 'unknown-item', messages: [/^Unknown specifický cíl `1\.B`/, /^Unknown aktivita `1\.A\.1\.I`/] },
      ));

    it('names deeper levels by the last of the document’s `levels`, and by the defaults without them', () =>
      check(
        `
        //- /plan.strategy.yaml
        strategy: plan
        title: P
        levels: [Pilíř, Cíl]
        items:
          - id: A
            title: P
            related: [⟦A1.1.1⟧]
        //- /a.strategy.yaml
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            related: [⟦1.A.1.I.1⟧, ⟦1.A.1⟧]
        `,
        { code: 'unknown-item', messages: [/^Unknown cíl `A1\.1\.1`/, /^Unknown activity `1\.A\.1\.I\.1`/, /^Unknown measure `1\.A\.1`/] },
      ));

    it('on a qualified code that is not in the named document, suggesting the closest one qualified', () =>
      check(
        `${PRAHA}
        //- /a.strategy.yaml
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            related: [⟦praha/2.A.111⟧, ⟦praha/9.Z⟧]
        `,
        { code: 'unknown-item', messages: ['Unknown measure `2.A.111` in `praha` — did you mean `praha/2.A.11`?', 'Unknown objective `9.Z` in `praha`.'] },
      ));

    it('on `related: [2.10]` when only `2.1` exists (read as written)', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            related: [⟦2.10⟧]
          - id: 2
            title: P
            items:
              - id: 2.1
                title: C
        `,
        'unknown-item',
      ));

    it('on a qualified reference to this very document, resolved like the unqualified one', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            related: [a/1, ⟦a/1.B⟧]
            items:
              - id: 1.A
                title: C
        `,
        // `a/1` inside item `1` is the item itself: a self-reference, reported as such.
        { code: 'unknown-item', messages: [/`1\.B`/], allow: ['self-reference'] },
      ));

    it('on a reference to an item whose id is misspelt where it is defined', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            related: [⟦1.A⟧]
            items:
              - id: 1.a
                title: C
        `,
        { code: 'unknown-item', allow: ['invalid-id'] },
      ));

    it('gives no far-fetched suggestion', () =>
      check(
        `${PRAHA}
        //- /a.strategy.yaml
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            related: [⟦7.F.99.IX⟧, ⟦praha/5.Q.40⟧]
        `,
        { code: 'unknown-item', messages: [/^Unknown activity `7\.F\.99\.IX`\.$/, /^Unknown measure `5\.Q\.40` in `praha`\.$/] },
      ));
  });

  describe('does not fire', () => {
    it('on related items at any depth, unqualified and qualified', () =>
      clean(`${PRAHA}
        //- /a.strategy.yaml
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            related: [praha/2, praha/2.A, praha/2.A.11, praha/2.A.11.I, 1.A, 1.A.1, "1.A.1.I", 'praha/1.A.2']
            items:
              - id: 1.A
                title: C
                items:
                  - id: 1.A.1
                    title: M
                    items:
                      - id: 1.A.1.I
                        title: A
        `));

    it('on `related: [2.10]` when `2.10` exists (not the number 2.1)', () =>
      clean(`
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            related: [2.10, "2.10"]
          - id: 2
            title: P
            items:
              - id: 2.1
                title: C
              - id: 2.2
                title: C
              - id: 2.3
                title: C
              - id: 2.4
                title: C
              - id: 2.5
                title: C
              - id: 2.6
                title: C
              - id: 2.7
                title: C
              - id: 2.8
                title: C
              - id: 2.9
                title: C
              - id: 2.10
                title: C
        `));

    it('on a reference to an item defined later in the document or in a file indexed later', () =>
      clean(`
        //- /a.strategy.yaml
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            related: [2, z/1]
          - id: 2
            title: P
        //- /z.strategy.yaml
        strategy: z
        title: Z
        items:
          - id: 1
            title: P
        `));

    it('on a qualified reference to an unknown document (that is unknown-strategy)', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            related: [⟦nikde/1.A⟧]
        `,
        'unknown-strategy',
      ));
  });
});

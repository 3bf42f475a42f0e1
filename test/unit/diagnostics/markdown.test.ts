/**
 * Markdown (spec 5): qualified references (`praha/2.A.11`) standing on their
 * own — not inside a URL or a path, trailing sentence punctuation excluded —
 * outside fenced code blocks (inline code spans count) get `unknown-item` /
 * `unknown-strategy`; a front matter `strategy:` naming an unknown document
 * is `unknown-strategy` on that line; bare codes are never reported.
 */
import { check, clean } from './check';

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
            - { id: 1.A.1, title: M }
    - id: 2
      title: P
      items:
        - id: 2.A
          title: C
          items:
            - id: 2.A.2
              title: M
              items:
                - { id: 2.A.2.I, title: A }
            - { id: 2.A.3, title: M }
            - { id: 2.A.4, title: M }
            - { id: 2.A.5, title: M }
            - { id: 2.A.6, title: M }
            - { id: 2.A.7, title: M }
            - { id: 2.A.8, title: M }
            - { id: 2.A.9, title: M }
            - { id: 2.A.10, title: M }
            - { id: 2.A.11, title: M }
`;

describe('diagnostics: Markdown', () => {
  describe('fires', () => {
    it('unknown-item on a qualified reference to a missing item, without the full stop after it', () =>
      check(
        `${PRAHA}
        //- /docs/poznamky.md
        # Poznámky

        Viz opatření ⟦praha/2.A.111⟧.
        `,
        { code: 'unknown-item', messages: ['Unknown measure `2.A.111` in `praha` — did you mean `praha/2.A.11`?'] },
      ));

    it('unknown-strategy on a qualified reference to a missing document', () =>
      check(
        `${PRAHA}
        //- /poznamky.md
        Odkaz na ⟦prahaa/1.A.1⟧ a na ⟦kv-plan/A1.1⟧, oba neznámé.
        `,
        { code: 'unknown-strategy', messages: [/`prahaa` — did you mean `praha\/1\.A\.1`\?$/, /^Unknown strategy document `kv-plan`\.$/] },
      ));

    it('inside inline code spans, which are not skipped', () =>
      check(
        `${PRAHA}
        //- /poznamky.md
        Kód \`⟦praha/1.A.9⟧\` v textu.
        `,
        'unknown-item',
      ));

    it('without trailing sentence punctuation: `.`, `,`, `;`, `:`, `)`', () =>
      check(
        `${PRAHA}
        //- /poznamky.md
        (⟦praha/1.B⟧) ⟦praha/1.C⟧, ⟦praha/1.D⟧; ⟦praha/1.E⟧: ⟦praha/1.A.1.I⟧.
        `,
        'unknown-item',
      ));

    it('in a list, a heading, a table and a link text', () =>
      check(
        `${PRAHA}
        //- /poznamky.md
        # Opatření ⟦praha/3⟧

        - ⟦praha/3.A⟧
        | kód | název |
        |---|---|
        | ⟦praha/3.B⟧ | x |

        [⟦praha/3.C⟧](https://example.org/praha/3.C)
        `,
        'unknown-item',
      ));

    it('unknown-strategy on the front matter’s `strategy:` naming a missing document', () =>
      check(
        `${PRAHA}
        //- /poznamky.md
        ---
        title: Poznámky
        strategy: ⟦prahaa⟧
        ---
        Holé kódy 1.A.1 a 9.9.9 se nehlásí.
        `,
        { code: 'unknown-strategy', messages: ['Unknown strategy document `prahaa` — did you mean `praha`?'] },
      ));
  });

  describe('does not fire', () => {
    it('on qualified references that resolve, at any depth, with trailing punctuation', () =>
      clean(`${PRAHA}
        //- /poznamky.md
        Opatření praha/2.A.11, aktivita praha/2.A.2.I; cíl praha/1.A: oblast praha/2.
        (praha/1.A.1) a **praha/2.A.10**.
        `));

    // The spec lists `/`, `:` and word characters; a `.` before the document id is treated the same,
    // because `example.cz/2030` or `x.nikde/1` is a URL without its scheme, not a reference.
    it('inside URLs and file paths', () =>
      clean(`${PRAHA}
        //- /poznamky.md
        Viz https://example.org/praha/9.Z.99 a http://nikde/1.A nebo soubor docs/nikde/1.A
        a také ../praha/9.9, C:/praha/9.9, mailto:nikde/1 a x.nikde/1.
        `));

    it('inside fenced code blocks (``` and ~~~)', () =>
      clean(`${PRAHA}
        //- /poznamky.md
        Text.

        \`\`\`yaml
        related: [praha/9.9.9, nikde/1]
        \`\`\`

        ~~~
        nikde/2.A
        ~~~
        `));

    it('on bare codes, resolving or not, even with a front matter strategy', () =>
      clean(`${PRAHA}
        //- /poznamky.md
        ---
        strategy: praha
        ---
        Kapitola 6.1, opatření 2.A.11 a 9.Z.99, aktivita 2.A.2.I, bod 3.
        `));

    it('on things that only look like references: no letter in the document id, or no code after the slash', () =>
      clean(`${PRAHA}
        //- /poznamky.md
        Dne 12/2022, poměr 1/2, km/h, a/b, praha/ nebo praha/x.
        `));

    it('on Markdown outside the workspace globs', () =>
      clean(`${PRAHA}
        //- /poznamky.txt
        nikde/1.A
        `));
  });
});

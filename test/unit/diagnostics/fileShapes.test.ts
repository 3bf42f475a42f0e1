/**
 * Files as they come (spec 1): UTF-8 with or without a BOM, LF or CRLF, tabs
 * inside values, empty files, and files that are a list or a single value
 * instead of a mapping.
 */
import * as assert from 'assert';
import { check, clean } from './check';
import { fixture } from '../fixture';

/** The fixture with CRLF line ends (marks are kept: they do not sit on line ends). */
function crlf(source: string): string {
  return source.replace(/^\n/, '').replace(/\n/g, '\r\n');
}

describe('diagnostics: file shapes', () => {
  describe('BOM', () => {
    it('is accepted', () =>
      clean(`
        \uFEFFstrategy: a
        title: A
        items:
          - id: 1
            title: P
        `));

    it('does not shift ranges', () =>
      check(
        `
        \uFEFFstrategy: a
        title: A
        items:
          - id: 1
            title: P
            related: [⟦1.B⟧]
        `,
        'unknown-item',
      ));

    it('is accepted in a catalog, and its descriptors are used', () =>
      clean(`
        //- /c.descriptors.yaml
        \uFEFFcatalog: c
        title: C
        areas:
          - id: XXII
            descriptors:
              - { id: XXII.a, title: nový }
        //- /a.strategy.yaml
        strategy: a
        title: A
        items:
          - { id: 1, title: P, descriptors: [XXII.a] }
        `));
  });

  describe('CRLF', () => {
    it('reads ids and references without the CR', () =>
      clean(
        crlf(`
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            related: [1.A]
            items:
              - id: 1.A
                title: C
                related:
                  - 1
        `),
      ));

    it('keeps exact ranges on every line', () =>
      check(
        crlf(`
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            items:
              - id: ⟦1.a⟧
                title: C
              - id: 1.A
                title: C
                related: [1.B]
        `),
        { code: 'invalid-id', allow: ['unknown-item'] },
      ));

    it('puts a second document’s error on its `---`', () =>
      check(
        crlf(`
        strategy: a
        title: A
        ⟦---⟧
        x: 1
        `),
        'schema',
      ));

    it('gives the same line and column as LF in the language service', () => {
      const lf = fixture(`
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            related: [1.B]
        `);
      const cr = fixture(
        crlf(`
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            related: [1.B]
        `),
      );
      const range = (fx: typeof lf): unknown => fx.service.lspDiagnostics(fx.files[0].uri).map((d) => d.range);
      assert.deepStrictEqual(range(cr), range(lf));
    });
  });

  describe('tabs', () => {
    it('are fine inside values and after a colon', () =>
      clean(`
        strategy: a
        title: Koncepce\tPraha
        items:
          - id:\t1
            title: P
            related: [1.A,\t1.A]
            items:
              - id: 1.A
                title: C
        `));
  });

  describe('not a mapping', () => {
    it('an empty strategy file is a schema error at its start', () =>
      check(
        `
        //- /prazdny.strategy.yaml
        ⟦⟧
        `,
        { code: 'schema', messages: [/empty/] },
      ));

    it('a file with only comments is empty too', () =>
      check(
        `
        //- /prazdny.strategy.yaml
        ⟦⟧# jen komentář
        `,
        'schema',
      ));

    it('an empty catalog file is a schema error', () =>
      check(
        `
        //- /prazdny.descriptors.yaml
        ⟦⟧
        `,
        'schema',
      ));

    // The range is the whole list as the YAML parser gives it (up to the start of the next line).
    it('a file that is a list is a schema error on the list', () =>
      check(
        `
        ⟦- id: 1
          title: P
        ⟧`,
        { code: 'schema', messages: [/must be a mapping/] },
      ));

    it('a file that is a single value is a schema error on the value', () =>
      check(
        `
        ⟦Koncepce integrace⟧
        `,
        { code: 'schema', messages: [/must be a mapping/] },
      ));

    it('a Markdown file may be empty', () =>
      clean(`
        //- /prazdny.md
        `));
  });
});

/**
 * `yaml-syntax` (spec 1, 4): reported where the parser places the error,
 * preferably at the start of the unterminated construct; items whose `id`
 * comes before the error are still indexed, and the broken node gets no
 * further diagnostic. A second YAML document is a `schema` error on its
 * `---` line and is ignored.
 */
import * as assert from 'assert';
import { check } from './check';
import { fixture } from '../fixture';

/**
 * Asserts that the first `yaml-syntax` error of the fixture starts at `$0`.
 * One mistake may make the parser report follow-on errors further on; the
 * first one is where the author has to look.
 */
function firstSyntaxErrorAt(source: string): void {
  const fx = fixture(source);
  const f = fx.cursorFile();
  const errors = fx.service.diagnostics(f.uri).filter((d) => d.code === 'yaml-syntax').sort((a, b) => a.span.start - b.span.start);
  assert.ok(errors.length > 0, 'no yaml-syntax diagnostic');
  assert.strictEqual(errors[0].severity, 'error');
  const at = (o: number): string => `${o} «${f.text.slice(o, o + 12)}»`;
  assert.strictEqual(at(errors[0].span.start), at(f.cursor));
}

describe('diagnostics: yaml-syntax', () => {
  describe('fires', () => {
    it('on a tab used as indentation, at the tab', () =>
      firstSyntaxErrorAt(`
        strategy: a
        title: A
        items:
        $0\t- id: 1
            title: P
        `));

    it('on a key written twice in one mapping, at the second key', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            ⟦t⟧itle: Q
        `,
        { code: 'yaml-syntax', messages: [/Map keys must be unique/] },
      ));

    it('on a plain value starting with a reserved character', () =>
      check(
        `
        strategy: a
        title: ⟦@⟧A
        `,
        'yaml-syntax',
      ));

    it('at the opening quote of an unterminated quoted title', () =>
      firstSyntaxErrorAt(`
        strategy: a
        title: $0"Koncepce
        items:
          - id: 1
            title: P
        `));

    it('at the opening bracket of an unterminated flow sequence', () =>
      firstSyntaxErrorAt(`
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            related: $0[2, 3
          - id: 2
            title: P
        `));

    it('at the opening brace of an unterminated flow mapping at the end of the file', () =>
      firstSyntaxErrorAt(`
        strategy: a
        title: A
        items:
          - $0{ id: 1, title: P
        `));

    it('keeps the items before the error indexed: a reference from another file still resolves', () => {
      const fx = fixture(`
        //- /b.strategy.yaml
        strategy: b
        title: B
        items:
          - id: 1
            title: P
            items:
              - id: 1.A
                title: C
          - id: 2
            title: [rozbitý
          - id: 3
            title: P
        //- /a.strategy.yaml
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            related: [b/1, b/1.A, b/2]
        `);
      assert.ok(fx.service.diagnostics(fx.file('/b.strategy.yaml').uri).some((d) => d.code === 'yaml-syntax'));
      assert.deepStrictEqual(fx.service.diagnostics(fx.file('/a.strategy.yaml').uri), []);
    });

    it('gives the broken node no further diagnostic (no schema or id error for the broken item)', () => {
      const fx = fixture(`
        strategy: a
        title: A
        items:
          - id: 1
            title: P
          - id: 2
            title: [rozbitý
          - id: 3
            title: P
        `);
      const codes = fx.service.diagnostics(fx.files[0].uri).map((d) => d.code);
      assert.ok(codes.length > 0);
      assert.deepStrictEqual(codes.filter((c) => c !== 'yaml-syntax'), []);
    });

    it('gives a value turned into a mapping by a stray colon no schema error of its own', () => {
      const fx = fixture(`
        strategy: a
        title: A
        items:
          - id: 1
            title: Cíl: zlepšit
        `);
      assert.deepStrictEqual(
        fx.service.diagnostics(fx.files[0].uri).map((d) => d.code),
        ['yaml-syntax'],
      );
    });
  });

  describe('a second YAML document', () => {
    it('is a schema error on its `---` line, and its content is ignored', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: P
        ⟦---⟧
        strategy: b
        items:
          - id: 1.a
            related: [nikde/1]
        `,
        { code: 'schema', messages: ['Only one YAML document per file: this second document is ignored.'] },
      ));

    it('is reported on the `---` after a document end marker `...`', () =>
      check(
        `
        strategy: a
        title: A
        ...
        ⟦---⟧
        foo: 1
        `,
        'schema',
      ));

    it('is not reported for a leading `---` or a final `...`', () =>
      check(
        `
        ---
        strategy: a
        title: A
        ...
        `,
        'schema',
      ));
  });
});

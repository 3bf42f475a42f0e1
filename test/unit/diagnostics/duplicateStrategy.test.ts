/**
 * `duplicate-strategy` (spec 1, 4): two documents, or two catalogs, with the
 * same id, reported on the id of each. Document ids and catalog ids are
 * separate namespaces.
 */
import * as assert from 'assert';
import { check, clean } from './check';
import { diagnosticsOf } from '../fixture';

describe('diagnostics: duplicate-strategy', () => {
  describe('fires', () => {
    it('on the id of each of two documents with the same id, linked to the other', () => {
      const fx = check(
        `
        //- /praha/a.strategy.yaml
        strategy: ⟦praha-integrace⟧
        title: A
        //- /jinde/b.strategy.yml
        strategy: ⟦praha-integrace⟧
        title: B
        `,
        { code: 'duplicate-strategy', messages: [/`praha-integrace`/, /`praha-integrace`/] },
      );
      const related = diagnosticsOf(fx, 'duplicate-strategy').map((d) => (d.related ?? []).map((r) => r.uri));
      assert.deepStrictEqual(related.sort(), [[fx.files[0].uri], [fx.files[1].uri]].sort());
    });

    it('on each of three documents with the same id', () =>
      check(
        `
        //- /a.strategy.yaml
        strategy: ⟦plan⟧
        title: A
        //- /b.strategy.yaml
        strategy: ⟦plan⟧
        title: B
        //- /c.strategy.yaml
        strategy: "⟦plan⟧"
        title: C
        `,
        'duplicate-strategy',
      ));

    it('on the id of each of two catalogs with the same id', () =>
      check(
        `
        //- /one.descriptors.yaml
        catalog: ⟦moje⟧
        title: One
        //- /two.descriptors.yaml
        catalog: ⟦moje⟧
        title: Two
        `,
        'duplicate-strategy',
      ));

    it('on documents whose ids are equal as written, even as numbers', () =>
      check(
        `
        //- /a.strategy.yaml
        strategy: ⟦2030⟧
        title: A
        //- /b.strategy.yaml
        strategy: '⟦2030⟧'
        title: B
        `,
        'duplicate-strategy',
      ));
  });

  describe('does not fire', () => {
    it('on a document and a catalog with the same id (separate namespaces)', () =>
      clean(`
        //- /a.strategy.yaml
        strategy: moje
        title: A
        //- /moje.descriptors.yaml
        catalog: moje
        title: C
        `));

    // Spec silent: the built-in catalog is not a workspace file, and a workspace catalog may redefine
    // its codes silently, so taking its id (`cz-deskriptory`) is no duplicate either.
    it('on a workspace catalog with the id of the built-in catalog (it may redefine it)', () =>
      clean(`
        //- /cz.descriptors.yaml
        catalog: cz-deskriptory
        title: Deskriptory
        `));

    it('on documents whose ids differ only in a way YAML would hide (`1.10` is not `1.1`)', () =>
      // Document ids cannot contain dots, so these are invalid-ids; the point is they are not duplicates.
      check(
        `
        //- /a.strategy.yaml
        strategy: ⟦1.1⟧
        title: A
        //- /b.strategy.yaml
        strategy: ⟦1.10⟧
        title: B
        `,
        'invalid-id',
      ));

    it('after one of the two documents is deleted', () => {
      const fx = check(
        `
        //- /a.strategy.yaml
        strategy: ⟦plan⟧
        title: A
        //- /b.strategy.yaml
        strategy: ⟦plan⟧
        title: B
        `,
        'duplicate-strategy',
      );
      fx.service.remove(fx.files[1].uri);
      assert.deepStrictEqual(fx.service.diagnostics(fx.files[0].uri), []);
    });
  });
});

/**
 * `unknown-descriptor` (spec 2.2, 3, 4): a descriptor in no catalog — the
 * built-in one (the 14 descriptors of seed 004) plus the workspace catalogs.
 */
import * as assert from 'assert';
import { check, clean } from './check';
import { fixture, schemas } from '../fixture';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { BUILTIN_CATALOG_TEXT, BUILTIN_CATALOG_URI } from '../../../server/src/catalog/builtinCatalog';
import { CatalogDocument } from '../../../server/src/model/types';
import { parseFile } from '../../../server/src/parse/parseFile';
import { compileSchemas } from '../../../server/src/parse/schemaCheck';

/** The descriptors of seed 004 that the built-in catalog ships, no more. */
const BUILTIN = ['VI.b', 'VI.c', 'VI.h', 'VIII.a', 'VIII.e', 'IX.a', 'IX.b', 'IX.e', 'XVII.b', 'XVII.c', 'XVII.d', 'XVII.e', 'XVII.h', 'XXI.b'];

describe('diagnostics: unknown-descriptor', () => {
  describe('fires', () => {
    it('on a descriptor in no catalog, with the closest one', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            descriptors: [VIII.e, ⟦VIII.f⟧, ⟦XVII.z⟧]
        `,
        { code: 'unknown-descriptor', messages: [/^Unknown descriptor `VIII\.f` — did you mean .*`VIII\.e`/, /^Unknown descriptor `XVII\.z`/] },
      ));

    it('on a descriptor that looks plausible but is not in seed 004 (no invented descriptors)', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            descriptors: [⟦I.a⟧, ⟦VIII.b⟧, ⟦XXI.a⟧]
        `,
        'unknown-descriptor',
      ));

    it('on a descriptor whose catalog was turned off (built-in catalog disabled)', () => {
      const fx = fixture(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            descriptors: [VIII.e]
        `,
        { ...DEFAULT_SETTINGS, builtinCatalog: false },
      );
      assert.deepStrictEqual(
        fx.service.diagnostics(fx.files[0].uri).map((d) => d.code),
        ['unknown-descriptor'],
      );
    });

    it('after the workspace catalog that defined it is deleted', () => {
      const fx = fixture(`
        //- /c.descriptors.yaml
        catalog: c
        title: C
        areas:
          - id: XXII
            descriptors:
              - { id: XXII.a, title: nový }
        //- /a.strategy.yaml
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            descriptors: [XXII.a]
        `);
      assert.deepStrictEqual(fx.service.diagnostics(fx.file('/a.strategy.yaml').uri), []);
      fx.service.remove(fx.file('/c.descriptors.yaml').uri);
      assert.deepStrictEqual(
        fx.service.diagnostics(fx.file('/a.strategy.yaml').uri).map((d) => d.code),
        ['unknown-descriptor'],
      );
    });
  });

  describe('the built-in catalog', () => {
    it('holds exactly the 14 descriptors of seed 004, and is itself clean', () => {
      const parsed = parseFile(BUILTIN_CATALOG_URI, BUILTIN_CATALOG_TEXT, 'catalog', compileSchemas(schemas())) as CatalogDocument;
      assert.deepStrictEqual(parsed.descriptors.map((d) => d.id), BUILTIN);
      assert.deepStrictEqual(parsed.diagnostics, []);
    });

    it('gives way to a workspace catalog that redefines one of its descriptors', () => {
      const fx = fixture(`
        //- /moje.descriptors.yaml
        catalog: moje
        title: Moje
        areas:
          - id: VIII
            descriptors:
              - { id: VIII.e, title: integrace cizinců }
        `);
      assert.strictEqual(fx.service.index.descriptor('VIII.e', BUILTIN_CATALOG_URI)?.catalog.uri, fx.files[0].uri);
      assert.strictEqual(fx.service.index.descriptor('VIII.a', BUILTIN_CATALOG_URI)?.catalog.uri, BUILTIN_CATALOG_URI);
    });
  });

  describe('does not fire', () => {
    it('on each of the 14 built-in descriptors of seed 004', () =>
      clean(`
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            descriptors: [${BUILTIN.join(', ')}]
        `));

    it('on a descriptor defined in a workspace catalog only', () =>
      clean(`
        //- /moje.descriptors.yml
        catalog: moje
        title: Moje deskriptory
        areas:
          - id: XXII
            title: Nová oblast
            descriptors:
              - id: XXII.a
                title: nový deskriptor
        //- /a.strategy.yaml
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            descriptors: [XXII.a, "VIII.e"]
        `));

    it('on a built-in descriptor redefined by a workspace catalog (the workspace wins silently)', () =>
      clean(`
        //- /moje.descriptors.yaml
        catalog: moje
        title: Moje deskriptory
        areas:
          - id: VIII
            descriptors:
              - id: VIII.e
                title: integrace cizinců
        //- /a.strategy.yaml
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            descriptors: [VIII.e]
        `));
  });
});

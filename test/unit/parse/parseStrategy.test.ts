/**
 * Reading a strategy document (spec 2, 2.1): every code-valued scalar is
 * read as written in the file, with its exact span; the item tree is kept;
 * parsing never throws, whatever the input.
 */
import * as assert from 'assert';
import { CatalogDocument, StrategyDocument } from '../../../server/src/model/types';
import { parseFile } from '../../../server/src/parse/parseFile';
import { compileSchemas, SchemaValidators } from '../../../server/src/parse/schemaCheck';
import { schemas, stripMarkers } from '../fixture';

let validators: SchemaValidators | undefined;

function dedent(s: string): string {
  const lines = s.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

function strategy(text: string): StrategyDocument {
  validators ??= compileSchemas(schemas());
  const parsed = parseFile('file:///ws/a.strategy.yaml', text, 'strategy', validators);
  assert.strictEqual(parsed.kind, 'strategy');
  return parsed;
}

/**
 * Parses a strategy whose `⟦…⟧` marks stand around code-valued scalars and
 * checks that the parser read exactly those texts at exactly those spans (ids
 * and references together, in document order).
 */
function checkCodes(source: string, expected: string[]): StrategyDocument {
  const { text, marks } = stripMarkers(dedent(source));
  const doc = strategy(text);
  const read = [
    ...doc.items.map((i) => ({ text: i.id, span: i.idSpan })),
    ...doc.references.map((r) => ({ text: r.text, span: r.span })),
    ...(doc.id !== undefined && doc.idSpan ? [{ text: doc.id, span: doc.idSpan }] : []),
  ].sort((a, b) => a.span.start - b.span.start);
  assert.deepStrictEqual(
    read.map((r) => `${r.text}@${r.span.start}-${r.span.end}`),
    marks.map((m, i) => `${expected[i]}@${m.start}-${m.end}`),
  );
  return doc;
}

describe('parse: strategy documents', () => {
  describe('codes are read as written', () => {
    it('`id: 1` is `1`, `id: 2.10` is `2.10`, `related: [2.10]` is `2.10`', () =>
      checkCodes(
        `
        strategy: ⟦a⟧
        title: A
        items:
          - id: ⟦1⟧
            title: X
            related: [⟦2.10⟧, ⟦2.1⟧]
          - id: ⟦2⟧
            title: X
            items:
              - id: ⟦2.10⟧
                title: Y
              - id: ⟦2.1⟧
                title: Y
        `,
        ['a', '1', '2.10', '2.1', '2', '2.10', '2.1'],
      ));

    it('quoted codes are their text, the span inside the quotes', () =>
      checkCodes(
        `
        strategy: "⟦a⟧"
        title: A
        goalsFrom: '⟦plan⟧'
        items:
          - id: "⟦2.10⟧"
            title: X
            goals: ["⟦A1.1⟧", '⟦plan/A1.2⟧']
            related: ['⟦1.A⟧']
            descriptors: ["⟦VIII.e⟧"]
            responsible: '⟦nmc⟧'
            partners: ["⟦icp⟧"]
        `,
        ['a', 'plan', '2.10', 'A1.1', 'plan/A1.2', '1.A', 'VIII.e', 'nmc', 'icp'],
      ));

    it('numbers YAML would reformat keep their text (`1.50`, `010`, `2030`)', () =>
      checkCodes(
        `
        strategy: ⟦2030⟧
        title: A
        goalsFrom: ⟦2020⟧
        items:
          - id: ⟦1.50⟧
            title: X
            related: [⟦010⟧, ⟦2030/1⟧]
            responsible: ⟦7⟧
        `,
        ['2030', '2020', '1.50', '010', '2030/1', '7'],
      ));

    it('block-style lists and a document id with a trailing comment', () =>
      checkCodes(
        `
        strategy: ⟦praha-integrace⟧   # the document id
        title: A
        items:
          - id: ⟦1⟧ # priority
            title: X
            related:
              - ⟦1.A⟧
              - "⟦praha-integrace/1.A⟧"
        `,
        ['praha-integrace', '1', '1.A', 'praha-integrace/1.A'],
      ));

    it('CRLF line ends stay out of the codes', () => {
      const doc = strategy('strategy: a\r\ntitle: A\r\nitems:\r\n  - id: 2.10\r\n    title: X\r\n    related: [2.10]\r\n');
      assert.deepStrictEqual([doc.id, doc.items[0].id, doc.references[0].code], ['a', '2.10', '2.10']);
    });

    it('splits qualified references into document and code, with their spans', () => {
      const text = 'strategy: a\ntitle: A\nitems:\n  - id: 1\n    title: X\n    related: [praha/2.A.11]\n';
      const ref = strategy(text).references[0];
      assert.deepStrictEqual(
        [ref.docId, text.slice(ref.docSpan!.start, ref.docSpan!.end), ref.code, text.slice(ref.codeSpan.start, ref.codeSpan.end)],
        ['praha', 'praha', '2.A.11', '2.A.11'],
      );
    });
  });

  describe('the item tree', () => {
    it('links parents and children, with depths from 1', () => {
      const doc = strategy(
        dedent(`
        strategy: a
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
          - id: 2
            title: X
        `),
      );
      assert.deepStrictEqual(
        doc.items.map((i) => [i.id, i.depth, i.parent >= 0 ? doc.items[i.parent].id : null, i.children.map((c) => doc.items[c].id)]),
        [
          ['1', 1, null, ['1.A']],
          ['1.A', 2, '1', ['1.A.1']],
          ['1.A.1', 3, '1.A', []],
          ['2', 1, null, []],
        ],
      );
    });

    it('keeps the items whose id comes before a YAML error', () => {
      const doc = strategy(
        dedent(`
        strategy: a
        title: A
        items:
          - id: 1
            title: X
          - id: 2
            title: [rozbitý
          - id: 3
            title: X
        `),
      );
      assert.ok(doc.diagnostics.some((d) => d.code === 'yaml-syntax'));
      assert.deepStrictEqual(
        doc.items.map((i) => i.id).slice(0, 2),
        ['1', '2'],
      );
    });
  });

  describe('never throws', () => {
    const inputs: [string, string][] = [
      ['empty', ''],
      ['only a BOM', '\uFEFF'],
      ['only comments', '# nic\n'],
      ['a list', '- 1\n- 2\n'],
      ['a scalar', 'Koncepce'],
      ['null', '~'],
      ['items: null', 'strategy: a\ntitle: A\nitems:\n'],
      ['an item that is a scalar', 'strategy: a\ntitle: A\nitems: [1, "x", null]\n'],
      ['an id that is a mapping', 'strategy: a\ntitle: A\nitems:\n  - id: {a: 1}\n    title: X\n'],
      ['complex keys', 'strategy: a\ntitle: A\n? [x]\n: y\n'],
      ['aliases', 'strategy: a\ntitle: &t A\nitems:\n  - &i {id: 1, title: *t}\n  - *i\n'],
      ['an unknown tag', 'strategy: a\ntitle: !foo A\n'],
      ['deep nesting', 'strategy: a\ntitle: A\nx: ' + '['.repeat(2000) + ']'.repeat(2000) + '\n'],
    ];
    for (const [name, text] of inputs) {
      it(name, () => {
        const doc = strategy(text);
        assert.ok(Array.isArray(doc.diagnostics));
      });
    }
  });

  describe('catalogs', () => {
    it('reads descriptors and their areas as written', () => {
      validators ??= compileSchemas(schemas());
      const parsed = parseFile(
        'file:///ws/c.descriptors.yaml',
        dedent(`
        catalog: c
        title: C
        areas:
          - id: VIII
            descriptors:
              - id: VIII.a
                title: aktivní začleňování
              - id: "VIII.e"
                title: začleňování cizinců
        `),
        'catalog',
        validators,
      ) as CatalogDocument;
      assert.deepStrictEqual(
        [parsed.id, parsed.areas.map((a) => a.id), parsed.descriptors.map((d) => [d.id, d.title, d.area])],
        ['c', ['VIII'], [['VIII.a', 'aktivní začleňování', 'VIII'], ['VIII.e', 'začleňování cizinců', 'VIII']]],
      );
      assert.deepStrictEqual(parsed.diagnostics, []);
    });
  });
});

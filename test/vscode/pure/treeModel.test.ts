// The tree view's logic on plain data, without VS Code: filtering, labels, counts, finding a node.
import * as assert from 'assert';
import {
  allDocuments,
  collectFilterValues,
  countItems,
  documentLabel,
  filterTree,
  itemLabel,
  coverageParts,
  levelIcon,
  subtreeCounts,
  type TreeDocumentData,
  type TreeItemData,
} from '../../../client/src/treeModel';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };

/** An item from a compact description: `code`, and optionally children and tags. */
function item(code: string, extra: Partial<TreeItemData> = {}): TreeItemData {
  return {
    code,
    title: `Title ${code}`,
    level: ['Priority', 'Objective', 'Measure', 'Activity'][code.split('.').length - 1] ?? 'Activity',
    depth: code.split('.').length,
    range,
    errors: 0,
    warnings: 0,
    descriptors: [],
    goals: [],
    actors: [],
    flags: [],
    coverage: {},
    children: [],
    ...extra,
  };
}

function doc(id: string, items: TreeItemData[], extra: Partial<TreeDocumentData> = {}): TreeDocumentData {
  return { uri: `file:///ws/${id}.strategy.yaml`, kind: 'strategy', id, title: `Strategy ${id}`, range, errors: 0, warnings: 0, coverage: {}, items, ...extra };
}

/** Codes of a forest, depth first, for compact assertions. */
const codes = (items: readonly TreeItemData[]): string[] => items.flatMap((i) => [i.code, ...codes(i.children)]);

const praha = doc('praha', [
  item('1', {
    children: [
      item('1.A', {
        children: [
          item('1.A.1', { descriptors: ['VIII.e', 'XVII.b'], actors: ['nmc'], children: [item('1.A.1.I')] }),
          item('1.A.2', { descriptors: ['VIII.e'], goals: ['kv-plan/A1.1'], warnings: 1 }),
        ],
      }),
      item('1.B', { children: [item('1.B.5', { descriptors: ['IX.e'], errors: 2 })] }),
    ],
  }),
]);
const kv = doc('kv', [item('1', { children: [item('1.A', { children: [item('1.A.1', { goals: ['A1.1'], actors: ['mmkv'] })] })] })]);

suite('tree model', () => {
  test('labels an item with its code and title, a document with its title, id or file name', () => {
    assert.strictEqual(itemLabel({ code: '2.A.11', title: 'Poradní platformy' }), '2.A.11 Poradní platformy');
    assert.strictEqual(itemLabel({ code: '2.A.11', title: '' }), '2.A.11');
    assert.strictEqual(documentLabel(praha), 'Strategy praha');
    assert.strictEqual(documentLabel({ ...praha, title: '' }), 'praha');
    assert.strictEqual(documentLabel({ uri: 'file:///ws/n%C3%A1vrh.strategy.yaml', id: '', title: '' }), 'návrh.strategy.yaml');
  });

  test('without a filter, the tree is unchanged', () => {
    assert.deepStrictEqual(filterTree([praha, kv], undefined), [praha, kv]);
  });

  test('a descriptor filter keeps the matching items with their ancestors and subtrees', () => {
    const filtered = filterTree([praha, kv], { kind: 'descriptor', value: 'VIII.e' });
    assert.deepStrictEqual(filtered.map((d) => d.id), ['praha']);
    assert.deepStrictEqual(codes(filtered[0].items), ['1', '1.A', '1.A.1', '1.A.1.I', '1.A.2']);
    // The input is not changed.
    assert.deepStrictEqual(codes(praha.items), ['1', '1.A', '1.A.1', '1.A.1.I', '1.A.2', '1.B', '1.B.5']);
  });

  test('a goal filter matches the goal written bare or qualified', () => {
    const byQualified = filterTree([praha, kv], { kind: 'goal', value: 'kv-plan/A1.1' });
    assert.deepStrictEqual(byQualified.map((d) => d.id), ['praha', 'kv']);
    const byBare = filterTree([praha, kv], { kind: 'goal', value: 'A1.1' });
    assert.deepStrictEqual(byBare.map((d) => d.id), ['praha', 'kv']);
    assert.deepStrictEqual(filterTree([praha], { kind: 'goal', value: 'other/A1.1' }), []);
  });

  test('an actor filter finds responsible bodies and partners', () => {
    const filtered = filterTree([praha, kv], { kind: 'actor', value: 'mmkv' });
    assert.deepStrictEqual(filtered.map((d) => d.id), ['kv']);
    assert.deepStrictEqual(codes(filtered[0].items), ['1', '1.A', '1.A.1']);
  });

  test('problem counts add up the item and everything below it', () => {
    assert.deepStrictEqual(subtreeCounts(praha.items[0]), { errors: 2, warnings: 1 });
    assert.deepStrictEqual(subtreeCounts(praha.items[0].children[1]), { errors: 2, warnings: 0 });
    assert.deepStrictEqual(subtreeCounts(kv.items[0]), { errors: 0, warnings: 0 });
    assert.strictEqual(countItems(praha.items), 7);
  });

  test('filter values are listed once, in natural order, with the number of items', () => {
    assert.deepStrictEqual(collectFilterValues([praha, kv], 'descriptor'), [
      { value: 'IX.e', count: 1 },
      { value: 'VIII.e', count: 2 },
      { value: 'XVII.b', count: 1 },
    ]);
    assert.deepStrictEqual(collectFilterValues([praha, kv], 'actor').map((v) => v.value), ['mmkv', 'nmc']);
  });

  test('gives each level its own icon', () => {
    const icons = [1, 2, 3, 4].map((depth) => levelIcon(depth, 'strategy'));
    assert.strictEqual(new Set(icons).size, 4);
    assert.ok(levelIcon(7, 'strategy'));
    assert.notStrictEqual(levelIcon(1, 'catalog'), levelIcon(1, 'strategy'));
  });

  test('filters to the items a coverage rule flags, with their ancestors, and counts them', () => {
    const gaps = doc('gaps', [
      item('1', {
        children: [
          item('1.A', {
            children: [
              item('1.A.1', { flags: ['missing-indicator', 'missing-responsible'] }),
              item('1.A.2', { flags: ['missing-indicator'] }),
              item('1.A.3'),
            ],
          }),
        ],
      }),
    ]);
    assert.deepStrictEqual(codes(filterTree([gaps], { kind: 'coverage', value: 'missing-responsible' })[0].items), ['1', '1.A', '1.A.1']);
    assert.deepStrictEqual(codes(filterTree([gaps], { kind: 'coverage', value: 'missing-indicator' })[0].items), ['1', '1.A', '1.A.1', '1.A.2']);
    assert.deepStrictEqual(filterTree([gaps], { kind: 'coverage', value: 'uncovered-goal' }), []);
    assert.deepStrictEqual(collectFilterValues([gaps], 'coverage'), [
      { value: 'missing-indicator', count: 2 },
      { value: 'missing-responsible', count: 1 },
    ]);
  });

  test('names the gaps in a fixed order, leaving out the rules that flag nothing', () => {
    assert.deepStrictEqual(coverageParts({ 'missing-indicator': 29, 'uncovered-goal': 3, 'missing-goal': 0 }), [
      { rule: 'uncovered-goal', count: 3 },
      { rule: 'missing-indicator', count: 29 },
    ]);
    assert.deepStrictEqual(coverageParts({}), []);
  });
});

suite('tree model: format 1.1 (groups, removed items, plans)', () => {
  test('a group heading is labelled by its title alone', () => {
    const group = item('', { title: 'Strategická oblast', group: true, children: [item('1')] });
    assert.strictEqual(itemLabel(group), 'Strategická oblast');
    assert.strictEqual(levelIcon(1, 'strategy', group), 'folder');
  });

  test('a removed item has an icon of its own', () => {
    assert.strictEqual(levelIcon(2, 'strategy', item('1.A', { removed: true })), 'circle-slash');
  });

  test('plans nested under their strategy are listed, filtered and counted', () => {
    const plan = doc('ap', [item('1', { children: [item('1.A', { descriptors: ['VIII.e'] })] })], { implements: 's' });
    const docs = [doc('s', [item('1')], { plans: [plan] })];
    assert.deepStrictEqual(allDocuments(docs).map((d) => d.id), ['s', 'ap']);
    const filtered = filterTree(docs, { kind: 'descriptor', value: 'VIII.e' });
    assert.deepStrictEqual(filtered.map((d) => [d.id, d.items.length, d.plans?.map((p) => p.id)]), [['s', 0, ['ap']]]);
    assert.deepStrictEqual(collectFilterValues(docs, 'descriptor'), [{ value: 'VIII.e', count: 1 }]);
  });
});

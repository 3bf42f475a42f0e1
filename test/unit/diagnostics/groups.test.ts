/**
 * Spec 6.2: groups — headings without codes, transparent for every rule.
 */
import * as assert from 'assert';
import { check, clean } from './check';
import { fixture } from '../fixture';
import { ParsedFile } from '../../../server/src/model/types';

describe('diagnostics: groups (spec 6.2)', () => {
  it('items of two top-level groups are one sibling sequence, and their children are under them', () =>
    clean(`
      strategy: a
      title: A
      items:
        - group: Strategická oblast Kvalitní správa dat
          description: Text
          items:
            - id: SC1
              title: Cíl
              items:
                - id: 1.1
                  title: Specifický cíl
        - group: Strategická oblast Otevřená data
          items:
            - id: SC2
              title: Cíl
    `));

  it('a gap across groups is found', () =>
    check(
      `
      strategy: a
      title: A
      items:
        - group: Oblast 1
          items:
            - id: 1
              title: P
        - group: Oblast 2
          items:
            - id: ⟦3⟧
              title: P
      `,
      { code: 'numbering-gap', messages: ['Numbering gap: `2` is missing before `3`.'] },
    ));

  it('an item in a group under an item must extend that item (the group is transparent for the parent rule)', () =>
    check(
      `
      strategy: a
      title: A
      items:
        - id: 1
          title: P
          items:
            - group: Pilíř
              items:
                - group: Vnořená skupina
                  items:
                    - id: 1.A
                      title: C
                    - id: ⟦2.B⟧
                      title: C
      `,
      'id-not-under-parent',
    ));

  it('groups may nest, and a group is not a level: the depth counts items only', () => {
    const fx = clean(`
      strategy: a
      title: A
      items:
        - group: G
          items:
            - group: H
              items:
                - id: 1
                  title: P
                  items:
                    - id: 1.A
                      title: C
    `);
    const doc = fx.service.index.get(fx.file('/a.strategy.yaml').uri)?.parsed;
    assert.ok(doc?.kind === 'strategy');
    assert.deepStrictEqual(
      doc.items.map((i) => [i.id, i.depth, i.group]),
      [
        ['1', 1, 1],
        ['1.A', 2, -1],
      ],
    );
    assert.deepStrictEqual(
      doc.groups.map((g) => [g.title, g.group]),
      [
        ['G', -1],
        ['H', 0],
      ],
    );
  });

  it('a group cannot be referenced: its heading is no code', () =>
    check(
      `
      strategy: a
      title: A
      items:
        - group: G
          items:
            - id: 1
              title: P
              related: [⟦G⟧]
      `,
      'unknown-item',
    ));

  it('an entry with both `group` and `id` is a schema error on `group` and is read as an item', () => {
    const fx = check(
      `
      strategy: a
      title: A
      items:
        - ⟦group⟧: G
          id: 1
          title: P
      `,
      { code: 'schema', messages: ['An entry with `id` is an item, not a group: its `group` key is ignored.'] },
    );
    const doc = fx.service.index.get(fx.file('/a.strategy.yaml').uri)?.parsed;
    assert.ok(doc?.kind === 'strategy');
    assert.deepStrictEqual(doc.items.map((i) => i.id), ['1']);
    assert.strictEqual(doc.groups.length, 0);
  });

  it('a group needs its heading, and takes no keys of an item', () =>
    check(
      `
      strategy: a
      title: A
      items:
        - group: G
          ⟦title⟧: T
          items:
            - id: 1
              title: P
      `,
      { code: 'schema', severity: 'warning', messages: [/Unknown key `title`/] },
    ));

  it('an edit inside an item in a group gives the same result as a whole parse', () => {
    const source = `
      strategy: a
      title: A
      items:
        - group: G
          items:
            - id: 1
              title: P
        - group: H
          items:
            - id: 2
              title: Q
    `;
    const fx = fixture(source);
    const after = fx.file('/a.strategy.yaml').text.replace('title: P', 'title: PP');
    fx.service.update(fx.file('/a.strategy.yaml').uri, after);
    const edited = fx.service.index.get(fx.file('/a.strategy.yaml').uri)?.parsed;
    const whole = wholeParse(source.replace('title: P', 'title: PP'));
    assert.ok(edited?.kind === 'strategy' && whole?.kind === 'strategy');
    assert.deepStrictEqual(edited.groups, whole.groups);
    assert.deepStrictEqual(
      edited.items.map((i) => [i.id, i.group, i.parent, i.span]),
      whole.items.map((i) => [i.id, i.group, i.parent, i.span]),
    );
  });
});

/** The file of a fixture parsed whole. */
function wholeParse(source: string): ParsedFile | undefined {
  const fx = fixture(source);
  return fx.service.index.get(fx.file('/a.strategy.yaml').uri)?.parsed;
}

/**
 * Editor features on format 1.1 documents (spec 6): hover, definition,
 * references and rename across a plan and its strategy, outside documents,
 * removed items and `after` links.
 */
import * as assert from 'assert';
import { Location, MarkupContent, SymbolTag } from 'vscode-languageserver-protocol';
import { fixture } from '../fixture';
import { applyEdit, cursor, describeLocation } from './helpers';

const STRATEGY = `
  //- /s.strategy.yaml
  strategy: ssd
  title: Strategie
  items:
    - id: 1
      title: Oblast
      items:
        - id: 1.1
          title: Zajištění kvalitní správy dat
          items:
            - id: 1.1.1
              title: Katalog dat
            - id: 1.1.2
              title: Zrušené opatření
              status: vypuštěno
`;

const plan = (body: string): string => `
  ${STRATEGY}
  //- /p.strategy.yaml
  strategy: ssd-ip
  title: Implementační plán
  implements: ssd
  documents:
    - id: kic
      title: Koncepce integrace cizinců
      url: https://www.mvcr.cz/
  items:
${body}
`;

function hoverText(source: string): string {
  const fx = fixture(source);
  const { uri, position } = cursor(fx);
  const h = fx.service.hover(uri, position);
  assert.ok(h, 'a hover');
  return (h.contents as MarkupContent).value;
}

describe('features: plans, outside documents, removed items and after (spec 6)', () => {
  describe('hover', () => {
    it("on a plan's item that stands for the strategy's: its own title and the strategy's", () => {
      const value = hoverText(
        plan(`
    - id: 1.$01
      title: Správa dat v plánu
      items:
        - id: 1.1.3
          title: Nové opatření
`),
      );
      assert.match(value, /\*\*`1\.1`\*\* Správa dat v plánu/);
      assert.match(value, /Stands for `1\.1` of `ssd`: Zajištění kvalitní správy dat/);
    });

    it('on a stand-in without a title: the strategy\'s title', () => {
      const value = hoverText(
        plan(`
    - id: 1.$01
      items:
        - id: 1.1.3
          title: Nové opatření
`),
      );
      assert.match(value, /\*\*`1\.1`\*\* Zajištění kvalitní správy dat/);
    });

    it('on an outside reference: the document title, its link, and that the code is not checked', () => {
      const value = hoverText(
        plan(`
    - id: 1.1.3
      title: Nové opatření
      related: [kic/3.$02]
`),
      );
      assert.match(value, /`kic\/3\.2`.*Koncepce integrace cizinců/);
      assert.match(value, /https:\/\/www\.mvcr\.cz\//);
      assert.match(value, /this code is not checked/);
    });

    it('on a removed item: says so', () => {
      const value = hoverText(
        plan(`
    - id: 1.1.3
      title: Nové opatření
      related: [1.1.$02]
`),
      );
      assert.match(value, /Removed \(`status: vypuštěno`\)/);
    });

    it('on an item: what it comes after and what comes after it, across the plan and the strategy', () => {
      const value = hoverText(
        plan(`
    - id: 1.1.3
      title: Nové opatření
      after: [1.1.1]
    - id: 1.1.4
      title: Další opatření
      after: [1.1.$03]
`),
      );
      assert.match(value, /\*\*Comes after:\*\* `1\.1\.1` Katalog dat/);
      const before = hoverText(
        plan(`
    - id: 1.1.3
      title: Nové opatření
      after: [1.1.$01]
`),
      );
      assert.match(before, /\*\*Followed by:\*\* `ssd-ip\/1\.1\.3` Nové opatření/);
    });
  });

  describe('definition and references', () => {
    it("a stand-in's id goes to the strategy's item", () => {
      const fx = fixture(
        plan(`
    - id: 1.$01
      items:
        - id: 1.1.3
          title: Nové opatření
`),
      );
      const { uri, position } = cursor(fx);
      const defs = fx.service.definition(uri, position);
      assert.ok(defs && defs.length === 1);
      const d = defs[0] as Location;
      assert.strictEqual(describeLocation(fx, d), '/s.strategy.yaml@6:12 «1.1»');
    });

    it("the references of a strategy item include the plan's items that stand for it and the plan's references", () => {
      const fx = fixture(`
        ${STRATEGY.replace('- id: 1.1.1', '- id: 1.1.$01')}
        //- /p.strategy.yaml
        strategy: ssd-ip
        title: Plán
        implements: ssd
        items:
          - id: 1.1
            items:
              - id: 1.1.1
                title: Katalog v plánu
              - id: 1.1.3
                title: Nové opatření
                after: [1.1.1]
      `);
      const { uri, position } = cursor(fx);
      const refs = fx.service.references(uri, position, true) ?? [];
      assert.deepStrictEqual(refs.map((r) => describeLocation(fx, r)).sort(), ['/p.strategy.yaml@6:12 «1.1.1»', '/p.strategy.yaml@10:16 «1.1.1»', '/s.strategy.yaml@9:16 «1.1.1»'].sort());
    });
  });

  describe('rename', () => {
    it("a strategy item's code renames the plan's items that stand for it, their own items and every reference", () => {
      const fx = fixture(`
        ${STRATEGY.replace('- id: 1.1\n', '- id: 1.$01\n')}
        //- /p.strategy.yaml
        strategy: ssd-ip
        title: Plán
        implements: ssd
        items:
          - id: 1.1
            items:
              - id: 1.1.3
                title: Nové opatření
                after: [1.1.1, ssd/1.1.2]
      `);
      const { uri, position } = cursor(fx);
      const edit = fx.service.rename(uri, position, '1.5');
      assert.ok(edit);
      const after = applyEdit(fx, edit);
      const p = [...after].find(([u]) => u.endsWith('/p.strategy.yaml'))?.[1] ?? '';
      assert.match(p, /- id: 1\.5\n/);
      assert.match(p, /- id: 1\.5\.3\n/);
      assert.match(p, /after: \[1\.5\.1, ssd\/1\.5\.2\]/);
      const s = [...after].find(([u]) => u.endsWith('/s.strategy.yaml'))?.[1] ?? '';
      assert.match(s, /- id: 1\.5\.1\n/);
    });

    it('a document id rename covers `implements` and `documents` entries', () => {
      const fx = fixture(`
        //- /s.strategy.yaml
        strategy: s$0sd
        title: Strategie
        //- /p.strategy.yaml
        strategy: ssd-ip
        title: Plán
        implements: ssd
        documents:
          - strategy: ssd
      `);
      const { uri, position } = cursor(fx);
      const edit = fx.service.rename(uri, position, 'ssd-2030');
      assert.ok(edit);
      const p = [...applyEdit(fx, edit)].find(([u]) => u.endsWith('/p.strategy.yaml'))?.[1] ?? '';
      assert.match(p, /implements: ssd-2030\n/);
      assert.match(p, /- strategy: ssd-2030\n/);
    });

    it("an outside document's id renames its declaration and every reference naming it", () => {
      const fx = fixture(`
        //- /a.strategy.yaml
        strategy: a
        title: A
        goalsFrom: kic
        documents:
          - id: k$0ic
            title: Koncepce
        items:
          - id: 1
            title: P
            related: [kic/3.1]
      `);
      const { uri, position } = cursor(fx);
      const edit = fx.service.rename(uri, position, 'koncepce');
      assert.ok(edit);
      const a = [...applyEdit(fx, edit)][0][1];
      assert.match(a, /goalsFrom: koncepce\n/);
      assert.match(a, /- id: koncepce\n/);
      assert.match(a, /related: \[koncepce\/3\.1\]/);
    });
  });
});

describe('features: completion in plans and with outside documents (spec 6)', () => {
  const labelsAt = (source: string): string[] => {
    const fx = fixture(source);
    const { uri, position } = cursor(fx);
    return fx.service.completion(uri, position)?.items.map((i) => i.label) ?? [];
  };

  it("offers the plan's and its strategy's codes for `after` and `related`, never removed items", () => {
    const labels = labelsAt(
      plan(`
    - id: 1.1.3
      title: Nové opatření
    - id: 1.1.4
      title: Další
      after: [$0]
`),
    );
    assert.ok(labels.includes('1.1.3'), JSON.stringify(labels));
    assert.ok(labels.includes('1.1.1'), JSON.stringify(labels));
    assert.ok(!labels.includes('1.1.2'), 'the removed item is not offered');
    assert.ok(!labels.includes('1.1.4'), 'the item itself is not offered');
  });

  it('on `id:` in a plan, offers the next code free in both documents', () => {
    const labels = labelsAt(
      plan(`
    - id: 1.1
      items:
        - id: $0
`),
    );
    assert.deepStrictEqual(labels, ['1.1.3']);
  });

  it('offers a declared outside document only as a document id, and nothing after its `doc-id/`', () => {
    const prefixes = labelsAt(
      plan(`
    - id: 1.1.3
      title: Nové opatření
      related: [ki$0]
`),
    );
    assert.ok(prefixes.includes('kic/'), JSON.stringify(prefixes));
    const after = labelsAt(
      plan(`
    - id: 1.1.3
      title: Nové opatření
      related: [kic/$0]
`),
    );
    assert.deepStrictEqual(after, []);
  });

  it('offers workspace and outside documents on `implements:`', () => {
    const labels = labelsAt(`
      //- /a.strategy.yaml
      strategy: a
      title: A
      documents:
        - id: kic
          title: Koncepce
      //- /p.strategy.yaml
      strategy: p
      title: P
      implements: $0
    `);
    assert.deepStrictEqual(labels.sort(), ['a', 'kic']);
  });

  it('offers no item code on the `id:` of a `documents` entry', () => {
    const labels = labelsAt(`
      strategy: a
      title: A
      documents:
        - id: $0
    `);
    assert.deepStrictEqual(labels, []);
  });
});

describe('features: outline and the Strategies view with groups, removed items and plans (spec 6)', () => {
  const source = `
    //- /s.strategy.yaml
    strategy: ssd
    title: Strategie
    items:
      - group: Strategická oblast Kvalitní správa dat
        items:
          - id: SC1
            title: Správa dat
            items:
              - id: 1.1
                title: Kvalita
              - id: 1.2
                title: Vypuštěný cíl
                status: vypuštěno
      - group: Strategická oblast Otevřená data
        items:
          - id: SC2
            title: Otevřená data
    //- /p.strategy.yaml
    strategy: ssd-ip
    title: Plán
    implements: ssd
    items:
      - id: 1.1
        items:
          - id: 1.1.1
            title: Nové opatření
  `;

  it('the outline shows groups as headings and removed items as deprecated', () => {
    const fx = fixture(source);
    const symbols = fx.service.documentSymbols(fx.file('/s.strategy.yaml').uri);
    assert.deepStrictEqual(
      symbols.map((s) => [s.name, s.children?.map((c) => c.name)]),
      [
        ['Strategická oblast Kvalitní správa dat', ['SC1 Správa dat']],
        ['Strategická oblast Otevřená data', ['SC2 Otevřená data']],
      ],
    );
    const sc1 = symbols[0].children![0];
    assert.deepStrictEqual(sc1.children?.map((c) => [c.name, c.tags ?? []]), [
      ['1.1 Kvalita', []],
      ['1.2 Vypuštěný cíl', [SymbolTag.Deprecated]],
    ]);
    const plan = fx.service.documentSymbols(fx.file('/p.strategy.yaml').uri);
    assert.strictEqual(plan[0].name, '1.1 Kvalita', "a stand-in without a title shows the strategy's");
  });

  it('the Strategies view lists plans under their strategy, groups as headings and removed items marked', () => {
    const fx = fixture(source);
    const docs = fx.service.tree();
    assert.deepStrictEqual(docs.map((d) => [d.id, d.plans?.map((p) => p.id)]), [['ssd', ['ssd-ip']]]);
    const [area] = docs[0].items;
    assert.strictEqual(area.group, true);
    assert.strictEqual(area.title, 'Strategická oblast Kvalitní správa dat');
    assert.deepStrictEqual(area.children[0].children.map((c) => [c.code, c.removed ?? false]), [
      ['1.1', false],
      ['1.2', true],
    ]);
  });
});

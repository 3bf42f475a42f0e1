/**
 * One level of the Strategies view at a time: the top-level documents, the children of a
 * document (its items, then its plans), of a group and of an item, the filtered tree, and the
 * chain of ancestors that reveals an item.
 */
import * as assert from 'assert';
import { allDocuments } from '../../../server/src/engine/treeFilter';
import type { LanguageService } from '../../../server/src/languageService';
import type { CoverageCounts, CoverageRule, TreeItemData, TreeLevelNode } from '../../../server/src/protocol';
import { loadFolder } from '../analysis/workspace';
import { fixture } from '../fixture';

const source = `
  //- /s.strategy.yaml
  strategy: ssd
  title: Strategie
  items:
    - group: Oblast správy
      items:
        - id: SC1
          title: Správa dat
          items:
            - id: 1.1
              title: Kvalita
              descriptors: [VIII.e]
              items:
                - id: 1.1.1
                  title: Katalog
            - id: 1.2
              title: Sdílení
    - id: SC2
      title: Otevřená data
  //- /p.strategy.yaml
  strategy: ssd-ip
  title: Plán
  implements: ssd
  items:
    - id: 1.1
      items:
        - id: 1.1.9
          title: Nové opatření
`;

/** A level as `label (has children)` strings: a document by its id, an item by its code or group title. */
function shape(nodes: readonly TreeLevelNode[]): string[] {
  return nodes.map((n) => `${n.kind === 'document' ? n.doc.id : n.item.code || n.item.title}${n.hasChildren ? ' +' : ''}`);
}

describe('Strategies view, one level at a time', () => {
  it('the top level lists the documents without their items, a plan under its strategy', () => {
    const fx = fixture(source);
    const top = fx.service.treeLevel();
    assert.deepStrictEqual(shape(top), ['ssd +']);
    const [doc] = top;
    assert.ok(doc.kind === 'document');
    assert.deepStrictEqual(doc.doc.items, []);
    assert.strictEqual(doc.doc.plans, undefined);
    assert.strictEqual(doc.itemCount, 6);
  });

  it("a document's children are its top-level items, then its plans", () => {
    const fx = fixture(source);
    const uri = fx.file('/s.strategy.yaml').uri;
    assert.deepStrictEqual(shape(fx.service.treeLevel({ uri })), ['Oblast správy +', 'SC2', 'ssd-ip +']);
    const plan = fx.file('/p.strategy.yaml').uri;
    assert.deepStrictEqual(shape(fx.service.treeLevel({ uri: plan })), ['1.1 +']);
  });

  it("a group's and an item's children are one level each, with paths to ask for the next", () => {
    const fx = fixture(source);
    const uri = fx.file('/s.strategy.yaml').uri;
    const group = fx.service.treeLevel({ uri, path: [0] });
    assert.deepStrictEqual(shape(group), ['SC1 +']);
    const sc1 = group[0];
    assert.ok(sc1.kind === 'item');
    assert.deepStrictEqual(sc1.path, [0, 0]);
    assert.deepStrictEqual(sc1.item.children, []);
    assert.deepStrictEqual(shape(fx.service.treeLevel({ uri, path: sc1.path })), ['1.1 +', '1.2']);
    assert.deepStrictEqual(shape(fx.service.treeLevel({ uri, path: [0, 0, 0] })), ['1.1.1']);
    assert.deepStrictEqual(fx.service.treeLevel({ uri, path: [0, 0, 0, 0] }), []);
    assert.deepStrictEqual(fx.service.treeLevel({ uri, path: [7] }), [], 'a path the tree no longer has lists nothing');
  });

  it('a filter lists only matches, their ancestors and their subtrees', () => {
    const fx = fixture(source);
    const uri = fx.file('/s.strategy.yaml').uri;
    const filter = { kind: 'descriptor' as const, value: 'VIII.e' };
    assert.deepStrictEqual(shape(fx.service.treeLevel(undefined, filter)), ['ssd +']);
    assert.deepStrictEqual(shape(fx.service.treeLevel({ uri }, filter)), ['Oblast správy +']);
    assert.deepStrictEqual(shape(fx.service.treeLevel({ uri, path: [0, 0] }, filter)), ['1.1 +']);
    assert.deepStrictEqual(shape(fx.service.treeLevel({ uri, path: [0, 0, 0] }, filter)), ['1.1.1']);
    assert.deepStrictEqual(fx.service.treeLevel(undefined, { kind: 'descriptor', value: 'D9' }), []);
  });

  it('revealing an item asks for its ancestors, from the strategy a plan is listed under', () => {
    const fx = fixture(source);
    const uri = fx.file('/s.strategy.yaml').uri;
    assert.deepStrictEqual(shape(fx.service.treeAncestors(uri, '1.1.1') ?? []), ['ssd +', 'Oblast správy +', 'SC1 +', '1.1 +', '1.1.1']);
    const plan = fx.file('/p.strategy.yaml').uri;
    assert.deepStrictEqual(shape(fx.service.treeAncestors(plan, '1.1.9') ?? []), ['ssd +', 'ssd-ip +', '1.1 +', '1.1.9']);
    assert.strictEqual(fx.service.treeAncestors(uri, '1.2', { kind: 'descriptor', value: 'VIII.e' }), null, 'the filter hides it');
    assert.strictEqual(fx.service.treeAncestors(uri, 'X'), null);
    // A group has no code: the empty code finds nothing, not the group.
    assert.strictEqual(fx.service.treeAncestors(uri, ''), null);
  });

  it('a changed or removed file is in the next level asked for', () => {
    const fx = fixture(source);
    const uri = fx.file('/s.strategy.yaml').uri;
    assert.deepStrictEqual(shape(fx.service.treeLevel({ uri })), ['Oblast správy +', 'SC2', 'ssd-ip +']);
    fx.service.update(uri, fx.file('/s.strategy.yaml').text.replace('id: SC2', 'id: SC3'));
    assert.deepStrictEqual(shape(fx.service.treeLevel({ uri })), ['Oblast správy +', 'SC3', 'ssd-ip +']);
    fx.service.remove(fx.file('/p.strategy.yaml').uri);
    assert.deepStrictEqual(shape(fx.service.treeLevel({ uri })), ['Oblast správy +', 'SC3']);
  });
});

describe("Strategies view: coverage counts and flags", () => {
  /** Each item's flags in a tree, keyed `uri#code`, and each document's counts. */
  function treeCoverage(service: LanguageService): { flags: Map<string, string[]>; counts: Map<string, CoverageCounts> } {
    const flags = new Map<string, string[]>();
    const counts = new Map<string, CoverageCounts>();
    const walk = (uri: string, items: readonly TreeItemData[]): void => {
      for (const item of items) {
        if (item.flags.length > 0) {
          flags.set(`${uri}#${item.code}`, [...item.flags].sort());
        }
        walk(uri, item.children);
      }
    };
    for (const doc of allDocuments(service.tree())) {
      counts.set(doc.uri, doc.coverage);
      walk(doc.uri, doc.items);
    }
    return { flags, counts };
  }

  /** The same, from the analysis of the whole workspace (what the overview and the reports show). */
  function analysisCoverage(service: LanguageService): Map<string, string[]> {
    const flags = new Map<string, string[]>();
    const flag = (uri: string, code: string, rule: string): void => {
      const list = flags.get(`${uri}#${code}`) ?? [];
      if (!list.includes(rule)) {
        list.push(rule);
      }
      flags.set(`${uri}#${code}`, list.sort());
    };
    for (const doc of service.analysis().documents) {
      doc.coverage.withoutGoals.forEach((code) => flag(doc.uri, code, 'missing-goal'));
      doc.coverage.withoutIndicator.forEach((code) => flag(doc.uri, code, 'missing-indicator'));
      doc.coverage.withoutResponsible.forEach((code) => flag(doc.uri, code, 'missing-responsible'));
      doc.coverage.uncoveredGoals.forEach((goal) => flag(goal.uri, goal.code, 'uncovered-goal'));
    }
    return flags;
  }

  for (const folder of ['examples/karlovy-vary', 'examples/praha', 'examples']) {
    it(`flags the same items as the analysis of ${folder}`, () => {
      const service = loadFolder(folder);
      const tree = treeCoverage(service);
      assert.deepStrictEqual([...tree.flags].sort(), [...analysisCoverage(service)].sort());
      for (const doc of service.analysis().documents) {
        const expected: CoverageCounts = {};
        const add = (rule: CoverageRule, n: number): void => {
          if (n > 0) {
            expected[rule] = n;
          }
        };
        add('missing-goal', doc.coverage.withoutGoals.length);
        add('missing-indicator', doc.coverage.withoutIndicator.length);
        add('missing-responsible', doc.coverage.withoutResponsible.length);
        add('uncovered-goal', doc.isPlan ? [...tree.flags].filter(([key, rules]) => key.startsWith(`${doc.uri}#`) && rules.includes('uncovered-goal')).length : doc.coverage.uncoveredGoals.length);
        assert.deepStrictEqual(tree.counts.get(doc.uri), expected, doc.id);
      }
    });
  }

  it('follows an edit of the document that links a goal, in the plan and in the strategy', () => {
    const fx = fixture(`
      //- /plan.strategy.yaml
      strategy: plan
      title: Plán
      items:
        - id: A1
          title: Úřad
        - id: A2
          title: Doprava
      //- /s.strategy.yaml
      strategy: s
      title: Strategie
      goalsFrom: plan
      items:
        - id: 1
          title: Priorita
          items:
            - id: 1.A
              title: Cíl
              items:
                - id: 1.A.1
                  title: Opatření
                  goals: [A1]
    `);
    const plan = fx.file('/plan.strategy.yaml').uri;
    const strategy = fx.file('/s.strategy.yaml').uri;
    const before = treeCoverage(fx.service);
    assert.deepStrictEqual(before.flags.get(`${plan}#A2`), ['uncovered-goal']);
    assert.strictEqual(before.counts.get(strategy)?.['uncovered-goal'], 1);
    fx.service.update(strategy, fx.file('/s.strategy.yaml').text.replace('goals: [A1]', 'goals: [A1, A2]'));
    const after = treeCoverage(fx.service);
    assert.strictEqual(after.flags.get(`${plan}#A2`), undefined);
    assert.strictEqual(after.counts.get(strategy)?.['uncovered-goal'], undefined);
    // An edit of the plan's title only keeps every other document's entry as it was.
    fx.service.update(plan, fx.service.document(plan)!.getText().replace('title: Doprava', 'title: Dopravní obslužnost'));
    assert.strictEqual(treeCoverage(fx.service).counts.get(strategy)?.['uncovered-goal'], undefined);
    fx.service.update(plan, fx.service.document(plan)!.getText().trimEnd() + '\n  - id: A3\n    title: Zeleň\n');
    assert.strictEqual(treeCoverage(fx.service).counts.get(strategy)?.['uncovered-goal'], 1, 'a new goal of the plan is a new gap of the strategy');
  });
});

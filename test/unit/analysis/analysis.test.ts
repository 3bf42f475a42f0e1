/**
 * The analysis on small fixtures: the matrix notes instead of a matrix,
 * links that are not goals of the plan, removed items, the empty strategy.
 */
import * as assert from 'assert';
import { fixture } from '../fixture';

function analysisOf(source: string, name = '/a.strategy.yaml') {
  const fx = fixture(source);
  const doc = fx.service.analysis([fx.file(name).uri]).documents[0];
  assert.ok(doc, `no analysis of ${name}`);
  return doc;
}

const PLAN = `
  //- /plan.strategy.yaml
  strategy: plan
  title: Plán
  items:
    - id: A
      title: Pilíř
      items:
        - { id: A1, title: Cíl 1 }
        - { id: A2, title: Cíl 2 }
        - { id: A3, title: Cíl 3, status: vypuštěno }
  //- /other.strategy.yaml
  strategy: other
  title: Jiná strategie
  items:
    - { id: 1, title: Jiná oblast }
`;

describe('analysis', () => {
  it('a document without goalsFrom has a note instead of the matrix', () => {
    const doc = analysisOf(`
      strategy: a
      title: A
      items:
        - { id: 1, title: P, items: [{ id: 1.A, title: O, items: [{ id: 1.A.1, title: M }] }] }
    `);
    assert.strictEqual(doc.matrix, undefined);
    assert.strictEqual(doc.matrixNote, 'noGoalsFrom');
    assert.deepStrictEqual(doc.coverage.withoutGoals, [], 'no goals are expected without a plan');
    assert.deepStrictEqual(doc.coverage.withoutIndicator, ['1.A.1']);
  });

  it('an empty strategy has no items, no measures and no matrix', () => {
    const doc = analysisOf(`
      strategy: a
      title: Prázdná
      goalsFrom: plan
    ${PLAN}`);
    assert.deepStrictEqual([doc.items.length, doc.coverage.measures, doc.matrixNote, doc.coverage.perPriority.length], [0, 0, 'noMeasures', 0]);
  });

  it('a goalsFrom outside the workspace has a note saying so', () => {
    const doc = analysisOf(`
      strategy: a
      title: A
      goalsFrom: nikde
      items:
        - { id: 1, title: P, items: [{ id: 1.A, title: O, items: [{ id: 1.A.1, title: M, goals: [X1] }] }] }
    `);
    assert.strictEqual(doc.matrixNote, 'planNotInWorkspace');
    assert.ok(doc.errors > 0, 'the unknown goalsFrom is an error of the file');
  });

  it('adds columns for parents of goals and links into other documents; removed items and removed goals are left out', () => {
    const doc = analysisOf(`
      strategy: a
      title: A
      goalsFrom: plan
      items:
        - id: 1
          title: P
          items:
            - id: 1.A
              title: O
              items:
                - id: 1.A.1
                  title: M
                  goals: [A1, A]
                  related: [other/1, 1.A.2]
                  items:
                    - { id: 1.A.1.I, title: Aktivita, goals: [A1, A2] }
                    - { id: 1.A.1.II, title: Vypuštěná aktivita, goals: [plan/A2], status: Vypuštěno }
                - { id: 1.A.2, title: M, goals: [plan/A2] }
                - { id: 1.A.3, title: Vypuštěné, goals: [A1], status: removed }
    ${PLAN}`);
    const m = doc.matrix;
    assert.ok(m);
    assert.deepStrictEqual(
      m.columns.map((c) => `${c.group}/${c.code} ${c.kind} ${c.total}`),
      ['A/A1 goal 1', 'A/A2 goal 2', 'plan/A other 1', 'other/other/1 other 1'],
    );
    assert.deepStrictEqual(
      m.rows.map((r) => `${r.code}: ${r.cells.map((c) => m.columns[c].code).join(' ')}`),
      ['1.A.1: A1 A2 A other/1', '1.A.2: A2'],
    );
    assert.strictEqual(m.marks, 5);
    assert.deepStrictEqual(doc.coverage.uncoveredGoals, []);
    assert.strictEqual(doc.coverage.planGoals, 2);
  });

  it('an entry naming a parent covers none of its goals', () => {
    const doc = analysisOf(`
      strategy: a
      title: A
      goalsFrom: plan
      items:
        - { id: 1, title: P, items: [{ id: 1.A, title: O, items: [{ id: 1.A.1, title: M, goals: [A] }] }] }
    ${PLAN}`);
    assert.deepStrictEqual(doc.coverage.uncoveredGoals.map((g) => g.code), ['A1', 'A2']);
  });

  it('lists indicators with their items, and actors the items name but actors does not declare', () => {
    const doc = analysisOf(`
      strategy: a
      title: A
      actors:
        - { id: mesto, name: Město }
      items:
        - id: 1
          title: P
          responsible: kraj
          indicators:
            - { name: Počet kurzů, unit: kurz, baseline: 0, target: 12, year: 2027 }
    `);
    assert.deepStrictEqual(doc.indicators, [{ item: '1', itemTitle: 'P', name: 'Počet kurzů', unit: 'kurz', baseline: '0', target: '12', year: '2027' }]);
    assert.deepStrictEqual(doc.responsibility, [
      { id: 'mesto', name: 'Město', responsible: [], partner: [] },
      { id: 'kraj', responsible: ['1'], partner: [] },
    ]);
  });

  it('sums budgets per priority and currency, each topmost budget once, and names amounts that are not numbers', () => {
    const doc = analysisOf(`
      strategy: a
      title: A
      items:
        - id: 1
          title: P
          items:
            - id: 1.A
              title: O
              items:
                - id: 1.A.1
                  title: M
                  budget: { amount: 1 200 000, currency: CZK, source: rozpočet města }
                  items:
                    - { id: 1.A.1.I, title: Aktivita, budget: { amount: 200000, currency: CZK } }
                - { id: 1.A.2, title: M, budget: { amount: "12,5", currency: EUR } }
                - { id: 1.A.3, title: M, budget: { amount: cca 2 mil. } }
                - { id: 1.A.4, title: M, budget: { amount: 300 000, currency: CZK }, status: vypuštěno }
        - id: 2
          title: Bez rozpočtu
    `);
    assert.deepStrictEqual(doc.budget, [
      {
        code: '1',
        title: 'P',
        totals: [
          { currency: 'CZK', amount: 1200000 },
          { currency: 'EUR', amount: 12.5 },
        ],
        items: ['1.A.1', '1.A.2'],
        unreadable: ['1.A.3'],
      },
    ]);
    assert.deepStrictEqual(doc.items.find((i) => i.code === '1.A.1')?.budget, { amount: '1 200 000', currency: 'CZK', source: 'rozpočet města' });
  });
});

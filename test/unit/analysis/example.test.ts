/**
 * The analysis of the example workspace: the Karlovy Vary strategy for the
 * integration of foreigners against the city's strategic plan, every figure
 * of the link matrix and of coverage written out.
 */
import * as assert from 'assert';
import { Analysis, DocumentAnalysis } from '../../../server/src/analysis/analysis';
import { loadFolder } from './workspace';

function kv(analysis: Analysis, id: string): DocumentAnalysis {
  const doc = analysis.documents.find((d) => d.id === id);
  assert.ok(doc, `no document ${id}`);
  return doc;
}

describe('analysis: the Karlovy Vary example', () => {
  const analysis = loadFolder('examples/karlovy-vary', 'cs').analysis();
  const strategy = kv(analysis, 'kv-integrace');
  const plan = kv(analysis, 'kv-plan');

  it('covers both documents of the workspace, sorted by id, without errors', () => {
    assert.strictEqual(analysis.scope, 'workspace');
    assert.deepStrictEqual(
      analysis.documents.map((d) => [d.id, d.errors, d.isPlan, d.measureDepth, d.measureLevel, d.matrixNote]),
      [
        ['kv-integrace', 0, false, 3, 'Opatření', undefined],
        ['kv-plan', 0, true, undefined, undefined, 'noGoalsFrom'],
      ],
    );
  });

  it('has the 17 goals of the plan as columns, grouped by their strategic goal, with their totals', () => {
    const m = strategy.matrix;
    assert.ok(m);
    assert.deepStrictEqual(m.plan.id, 'kv-plan');
    assert.deepStrictEqual(
      m.columns.map((c) => `${c.group} ${c.code} ${c.kind} ${c.total}`),
      [
        'A1 A1.1 goal 7',
        'A1 A1.2 goal 1',
        'A1 A1.3 goal 6',
        'A2 A2.1 goal 2',
        'A2 A2.2 goal 0',
        'A2 A2.3 goal 3',
        'A2 A2.4 goal 1',
        'B1 B1.1 goal 1',
        'B1 B1.2 goal 0',
        'B2 B2.1 goal 0',
        'B2 B2.2 goal 1',
        'C1 C1.1 goal 4',
        'C1 C1.2 goal 1',
        'C1 C1.3 goal 5',
        'C2 C2.1 goal 4',
        'C3 C3.1 goal 3',
        'C3 C3.2 goal 4',
      ],
    );
    assert.strictEqual(m.columns[0].groupTitle, 'Úřad, hospodaření a image města');
  });

  it('has the 29 measures as rows, grouped by their objective, with a mark for each of the 43 goal links', () => {
    const m = strategy.matrix;
    assert.ok(m);
    assert.deepStrictEqual(
      m.rows.map((r) => `${r.group} ${r.code}: ${r.cells.map((c) => m.columns[c].code).join(' ')}`),
      [
        '1.A 1.A.1: A1.1',
        '1.A 1.A.2: A1.1',
        '1.A 1.A.3: A1.1 A1.3',
        '1.A 1.A.4: A1.1',
        '1.A 1.A.5: A1.2',
        '1.B 1.B.1: A1.1',
        '1.B 1.B.2: A1.1',
        '1.B 1.B.3: A2.3',
        '1.C 1.C.1: A1.1 C2.1',
        '1.C 1.C.2: C2.1',
        '1.C 1.C.3: A1.3 C1.1',
        '1.C 1.C.4: A1.3',
        '2.A 2.A.1: A2.1 A2.3',
        '2.A 2.A.2: A2.1',
        '2.A 2.A.3: A1.3 A2.3',
        '2.B 2.B.1: C2.1 C3.1 C3.2',
        '2.B 2.B.2: C3.1',
        '3.A 3.A.1: C1.3',
        '3.A 3.A.2: C3.2',
        '3.A 3.A.3: C2.1 C3.1',
        '3.A 3.A.4: B1.1',
        '3.B 3.B.1: C1.1 C1.3',
        '3.B 3.B.2: C1.1 C1.3',
        '3.B 3.B.3: B2.2 C1.1',
        '3.B 3.B.4: C1.2 C1.3',
        '3.C 3.C.1: C1.3 C3.2',
        '3.C 3.C.2: C3.2',
        '3.D 3.D.1: A1.3 A2.4',
        '3.D 3.D.2: A1.3',
      ],
    );
    assert.strictEqual(m.marks, 43);
    assert.strictEqual(m.columns.reduce((sum, c) => sum + c.total, 0), 43);
  });

  it('finds the three uncovered goals and the gaps of the measures', () => {
    const c = strategy.coverage;
    assert.deepStrictEqual(
      { measures: c.measures, planGoals: c.planGoals, uncovered: c.uncoveredGoals.map((g) => `${g.code} ${g.title}`) },
      { measures: 29, planGoals: 17, uncovered: ['A2.2 Lázeňství', 'B1.2 Životní prostředí, příroda a krajina', 'B2.1 Specifický cíl B2.1 (název není v podkladu uveden)'] },
    );
    assert.deepStrictEqual(c.withoutGoals, []);
    assert.deepStrictEqual(c.withoutDescriptors, []);
    assert.strictEqual(c.withoutIndicator.length, 29, 'the example has no indicators');
    assert.deepStrictEqual(
      c.withoutResponsible,
      ['1.B.2', '1.B.3', '1.C.1', '1.C.2', '1.C.3', '1.C.4', '2.A.1', '2.A.2', '2.A.3', '2.B.1', '2.B.2', '3.A.1', '3.A.2', '3.A.3', '3.A.4', '3.B.1', '3.B.2', '3.B.3', '3.B.4', '3.C.1', '3.C.2', '3.D.1', '3.D.2'],
    );
    assert.deepStrictEqual(
      c.perPriority.map((p) => `${p.code}: ${p.measures} measures, ${p.goals} goals, ${p.indicators} indicators, ${p.responsible} responsible, ${p.descriptors} descriptors`),
      [
        '1: 12 measures, 12 goals, 0 indicators, 6 responsible, 12 descriptors',
        '2: 5 measures, 5 goals, 0 indicators, 0 responsible, 5 descriptors',
        '3: 12 measures, 12 goals, 0 indicators, 0 responsible, 12 descriptors',
      ],
    );
  });

  it('lists each actor with what it is responsible for and partner in', () => {
    assert.deepStrictEqual(
      strategy.responsibility.map((a) => `${a.id}: ${a.responsible.join(' ')} | ${a.partner.join(' ')}`),
      [
        'mesto-kv: 1.A.3 1.A.5 | ',
        'mmkv-ovv: 1.A.1 1.A.2 1.A.4 1.B.1 | ',
        'kk:  | ',
        'kk-vnm:  | 3.A.1',
        'kuk-orr:  | ',
        'kuk-okpp:  | 3.B.1',
        'kuk-osv:  | 1.C.2',
        'mv-oamp:  | 1.A.4 1.B.2 1.B.3',
        'cic-kv:  | 1.A.1 1.C.1 2.B.1',
        'cvt:  | 2.B.1 3.C.1',
        'nno:  | 1.A.1 1.C.2 2.B.1 3.C.1',
        'jazykove-skoly:  | 2.B.1',
        'oa-kv:  | 2.B.2',
        'zsj-kv:  | 2.B.2',
        'soukrome-skoly:  | 2.B.2',
      ],
    );
    assert.strictEqual(strategy.responsibility[0].name, 'Statutární město Karlovy Vary');
  });

  it('groups the descriptors in use by area, in catalog order, with their Czech names', () => {
    assert.deepStrictEqual(
      strategy.descriptors.map((a) => `${a.area}: ${a.descriptors.map((d) => `${d.code} (${d.items.length})`).join(', ')}`),
      [
        'VI: VI.b (1), VI.c (1), VI.h (1)',
        'VIII: VIII.a (3), VIII.e (29)',
        'IX: IX.a (2), IX.e (1)',
        'XVII: XVII.b (4), XVII.c (1), XVII.d (1), XVII.e (1), XVII.h (2)',
        'XXI: XXI.b (3)',
      ],
    );
    assert.strictEqual(strategy.descriptors[1].descriptors[1].title, 'začleňování cizinců');
  });

  it('has no indicators, and every item of both documents', () => {
    assert.deepStrictEqual(strategy.indicators, []);
    assert.deepStrictEqual([strategy.items.length, strategy.items.filter((i) => i.measure).length], [41, 29]);
    assert.deepStrictEqual([plan.items.length, plan.items.filter((i) => i.measure).length], [27, 0]);
    assert.deepStrictEqual(strategy.items.find((i) => i.code === '1.A.3'), {
      code: '1.A.3',
      title: 'Prezentace jasného plánu města a jeho aktivní naplňování',
      depth: 3,
      level: 'Opatření',
      parent: '1.A',
      descriptors: ['VIII.e'],
      goals: ['A1.1', 'A1.3'],
      related: [],
      after: [],
      responsible: 'mesto-kv',
      partners: [],
      indicators: [],
      removed: false,
      measure: true,
      span: strategy.items.find((i) => i.code === '1.A.3')?.span,
    });
  });

  it('agrees with the coverage diagnostics turned on', () => {
    const severity = { 'uncovered-goal': 'warning', 'missing-responsible': 'warning', 'missing-indicator': 'warning', 'missing-goal': 'warning' } as const;
    const service = loadFolder('examples/karlovy-vary', 'en', { ...(loadFolder('examples/karlovy-vary').settings), severity });
    const codes = (code: string): number =>
      service.index.uris().reduce((n, uri) => n + service.diagnostics(uri).filter((d) => d.code === code).length, 0);
    assert.deepStrictEqual(
      [codes('uncovered-goal'), codes('missing-responsible'), codes('missing-indicator'), codes('missing-goal')],
      [strategy.coverage.uncoveredGoals.length, strategy.coverage.withoutResponsible.length, strategy.coverage.withoutIndicator.length, strategy.coverage.withoutGoals.length],
    );
  });
});

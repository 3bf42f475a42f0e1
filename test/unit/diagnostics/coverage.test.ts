/**
 * The coverage rules (spec §7): `missing-indicator`, `missing-responsible`,
 * `missing-goal` and `uncovered-goal`, off by default, each sentence of the
 * section checked by a test that fires and one that does not.
 */
import * as assert from 'assert';
import { check, clean } from './check';
import { fixture } from '../fixture';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

const PLAN = `
  //- /plan.strategy.yaml
  strategy: plan
  title: Strategický plán
  levels: [Pilíř, Strategický cíl, Specifický cíl]
  items:
    - id: A
      title: Správa města
      items:
        - id: A1
          title: Úřad
          items:
            - { id: A1.1, title: Efektivní úřad }
            - { id: A1.2, title: Hospodaření města }
        - id: A2
          title: Podnikání
          items:
            - { id: A2.1, title: Spolupráce s podnikateli }
`;

describe('diagnostics: coverage rules (§7)', () => {
  describe('off by default', () => {
    it('reports nothing without a severity setting, however much is missing', () =>
      clean(`
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            items:
              - id: 1.A
                title: O
                items:
                  - { id: 1.A.1, title: M }
      `));

    it('follows the severity the user gives each code', () => {
      const fx = fixture(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            items:
              - id: 1.A
                title: O
                items:
                  - { id: 1.A.1, title: M }
        `,
        { severity: { 'missing-indicator': 'error', 'missing-responsible': 'hint' } },
      );
      assert.deepStrictEqual(
        fx.service.diagnostics(fx.files[0].uri).map((d) => `${d.code}:${d.severity}`),
        ['missing-indicator:error', 'missing-responsible:hint'],
      );
    });
  });

  describe('a measure is an item at the measure depth', () => {
    it('depth 3 without levels: only the items at depth 3 are reported, on their id', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            items:
              - id: 1.A
                title: O
                items:
                  - id: ⟦1.A.1⟧
                    title: M
                    items:
                      - { id: 1.A.1.I, title: Aktivita }
                  - { id: ⟦1.A.2⟧, title: M }
        `,
        { code: 'missing-indicator', messages: ['Measure `1.A.1` has no indicator: neither it nor any item below it lists `indicators`.', /`1\.A\.2`/] },
      ));

    it('the first depth whose whole name in `levels` is Opatření or Measure, in any letter case and trimmed', () =>
      check(
        `
        strategy: a
        title: A
        levels: [Oblast, " opatření ", Measure]
        items:
          - id: 1
            title: P
            items:
              - id: ⟦1.A⟧
                title: O
                items:
                  - { id: 1.A.1, title: M }
        `,
        { code: 'missing-responsible', messages: ['Opatření `1.A` has no responsible actor: neither it nor any item below it names one in `responsible`.'] },
      ));

    it('a level name that only contains the word does not count (the default depth 3 applies)', () =>
      check(
        `
        strategy: a
        title: A
        levels: [Oblast, Opatření a aktivity, Krok]
        items:
          - id: 1
            title: P
            items:
              - id: 1.A
                title: O
                items:
                  - { id: ⟦1.A.1⟧, title: M }
        `,
        'missing-indicator',
      ));

    it('a document with no item at that depth has no measures', () =>
      clean(`
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            items:
              - { id: 1.A, title: O }
      `));

    it('a parent plan of goals has measures only where its levels name them', () =>
      check(
        `${PLAN}
        //- /a.strategy.yaml
        strategy: a
        title: A
        goalsFrom: plan
        levels: [Oblast, Cíl, Opatření]
        items:
          - id: 1
            title: P
            items:
              - id: 1.A
                title: O
                items:
                  - { id: 1.A.1, title: M, goals: [A1.1, A1.2, A2.1], indicators: [{ name: I }] }
        `,
        'missing-indicator',
      ));

    it('a parent plan whose levels name the measure depth has measures there', () =>
      check(
        `
        //- /plan.strategy.yaml
        strategy: plan
        title: Plán
        levels: [Pilíř, Opatření]
        items:
          - id: A
            title: P
            items:
              - { id: ⟦A1⟧, title: M }
        //- /a.strategy.yaml
        strategy: a
        title: A
        goalsFrom: plan
        items:
          - { id: 1, title: P, goals: [A1] }
        `,
        'missing-indicator',
      ));

    it('a removed item is not a measure', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            items:
              - id: 1.A
                title: O
                items:
                  - { id: 1.A.1, title: M, status: Vypuštěno }
                  - { id: 1.A.2, title: M, status: removed }
                  - { id: ⟦1.A.3⟧, title: M, status: v přípravě }
        `,
        'missing-responsible',
      ));
  });

  describe('a measure satisfies a rule when it or any item below it has the key with a non-empty value', () => {
    it('its own key, or a key on an activity below it; an empty list does not count', () =>
      check(
        `
        strategy: a
        title: A
        actors:
          - { id: x, name: X }
        items:
          - id: 1
            title: P
            items:
              - id: 1.A
                title: O
                items:
                  - { id: 1.A.1, title: M, responsible: x, indicators: [{ name: Počet }] }
                  - id: 1.A.2
                    title: M
                    responsible: x
                    items:
                      - id: 1.A.2.I
                        title: Aktivita
                        items:
                          - { id: 1.A.2.I.1, title: Krok, indicators: [{ name: Počet }] }
                  - { id: ⟦1.A.3⟧, title: M, responsible: x, indicators: [] }
        `,
        'missing-indicator',
      ));

    it('a key on the parent objective does not satisfy the measure', () =>
      check(
        `
        strategy: a
        title: A
        actors:
          - { id: x, name: X }
        items:
          - id: 1
            title: P
            items:
              - id: 1.A
                title: O
                responsible: x
                items:
                  - { id: ⟦1.A.1⟧, title: M }
        `,
        'missing-responsible',
      ));
  });

  describe('missing-goal', () => {
    it('fires on a measure without goals in a document with goalsFrom, naming the plan', () =>
      check(
        `${PLAN}
        //- /a.strategy.yaml
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
                  - { id: 1.A.1, title: M, goals: [A1.1] }
                  - id: 1.A.2
                    title: M
                    items:
                      - { id: 1.A.2.I, title: Aktivita, goals: [plan/A2.1] }
                  - { id: ⟦1.A.3⟧, title: M }
        `,
        { code: 'missing-goal', messages: ['Measure `1.A.3` has no goal link: neither it nor any item below it names a goal of `plan` in `goals`.'] },
      ));

    it('does not fire in a document without goalsFrom', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            items:
              - id: 1.A
                title: O
                items:
                  - { id: 1.A.1, title: M }
        `,
        { code: 'missing-goal', allow: [] },
      ));
  });

  describe('uncovered-goal', () => {
    it('fires on each leaf goal of the plan that no goals entry resolves to, in the plan', () =>
      check(
        `
        //- /plan.strategy.yaml
        strategy: plan
        title: Plán
        levels: [Pilíř, Strategický cíl, Specifický cíl]
        items:
          - id: A
            title: Správa
            items:
              - id: A1
                title: Úřad
                items:
                  - { id: A1.1, title: Efektivní úřad }
                  - { id: ⟦A1.2⟧, title: Hospodaření }
              - id: A2
                title: Podnikání
                items:
                  - { id: ⟦A2.1⟧, title: Spolupráce }
        //- /a.strategy.yaml
        strategy: a
        title: A
        goalsFrom: plan
        items:
          - { id: 1, title: P, goals: [A1.1, A2] }
        `,
        { code: 'uncovered-goal', messages: ['Goal `A1.2` is not covered: no `goals` entry in the workspace links to it.', /`A2\.1`/] },
      ));

    it('entries on removed items do not count; removed goals and parents of removed goals only', () =>
      check(
        `
        //- /plan.strategy.yaml
        strategy: plan
        title: Plán
        items:
          - id: A
            title: Správa
            items:
              - { id: A1, title: Úřad }
              - { id: A2, title: Zrušený, status: ZRUŠENO }
              - id: ⟦A3⟧
                title: Cíl, jehož podcíle jsou vypuštěny
                items:
                  - { id: A3.1, title: V, status: vypuštěn }
              - { id: ⟦A4⟧, title: Cíl }
        //- /a.strategy.yaml
        strategy: a
        title: A
        goalsFrom: plan
        items:
          - { id: 1, title: P, goals: [A1] }
          - { id: 2, title: P, goals: [A4, A2], status: vypuštěno }
        `,
        { code: 'uncovered-goal', allow: ['removed-item'] },
      ));

    it('a qualified goal from another document covers the goal too', () =>
      check(
        `
        //- /plan.strategy.yaml
        strategy: plan
        title: Plán
        items:
          - { id: A1, title: Úřad }
          - { id: ⟦A2⟧, title: Podnikání }
        //- /a.strategy.yaml
        strategy: a
        title: A
        goalsFrom: plan
        items:
          - { id: 1, title: P }
        //- /b.strategy.yaml
        strategy: b
        title: B
        items:
          - { id: 1, title: P, goals: [plan/A1] }
        `,
        'uncovered-goal',
      ));

    it('a document no goalsFrom names has no goals to cover', () =>
      check(
        `
        //- /plan.strategy.yaml
        strategy: plan
        title: Plán
        items:
          - { id: A1, title: Úřad }
        //- /b.strategy.yaml
        strategy: b
        title: B
        items:
          - { id: 1, title: P, goals: [plan/A1] }
        `,
        { code: 'uncovered-goal' },
      ));

    it('follows edits of the linking document (the plan is re-checked)', () => {
      const source = `
        //- /plan.strategy.yaml
        strategy: plan
        title: Plán
        items:
          - { id: A1, title: Úřad }
          - { id: A2, title: Podnikání }
        //- /a.strategy.yaml
        strategy: a
        title: A
        goalsFrom: plan
        items:
          - { id: 1, title: P, goals: [A1] }
      `;
      const fx = fixture(source, { ...DEFAULT_SETTINGS, severity: { 'uncovered-goal': 'warning' } });
      const plan = fx.file('/plan.strategy.yaml');
      const uncovered = (): string[] => fx.service.diagnostics(plan.uri).map((d) => plan.text.slice(d.span.start, d.span.end));
      assert.deepStrictEqual(uncovered(), ['A2']);
      const a = fx.file('/a.strategy.yaml');
      fx.service.update(a.uri, a.text.replace('goals: [A1]', 'goals: [A1, A2]'));
      assert.deepStrictEqual(uncovered(), []);
      fx.service.update(a.uri, a.text.replace('goalsFrom: plan', 'goalsFrom: jiny').replace('goals: [A1]', 'goals: [plan/A1]'));
      assert.deepStrictEqual(uncovered(), [], 'no longer named by a goalsFrom: no goals to cover');
      fx.service.remove(a.uri);
      assert.deepStrictEqual(uncovered(), []);
    });

    it('after every edit of the plan or of a linking document, equals a fresh check of the same texts', () => {
      const texts = new Map<string, string>([
        ['/plan.strategy.yaml', 'strategy: plan\ntitle: Plán\nitems:\n  - { id: A1, title: Úřad }\n  - { id: A2, title: Podnikání }\n  - { id: A3, title: Zeleň }\n'],
        ['/a.strategy.yaml', 'strategy: a\ntitle: A\ngoalsFrom: plan\nitems:\n  - { id: 1, title: P, goals: [A1, A2] }\n'],
        ['/b.strategy.yaml', 'strategy: b\ntitle: B\nitems:\n  - { id: 1, title: P, goals: [plan/A3] }\n'],
      ]);
      const settings = { ...DEFAULT_SETTINGS, severity: { 'uncovered-goal': 'warning' as const } };
      const source = (): string => [...texts].map(([name, text]) => `//- ${name}\n${text}`).join('');
      const fx = fixture(source(), settings);
      const steps: [string, (text: string) => string][] = [
        ['/plan.strategy.yaml', (t) => t.replace('title: Úřad', 'title: Efektivní úřad')],
        ['/plan.strategy.yaml', (t) => t.replace('id: A2', 'id: A9')],
        ['/a.strategy.yaml', (t) => t.replace('[A1, A2]', '[A1, A9]')],
        ['/plan.strategy.yaml', (t) => t.replace('title: Zeleň }', 'title: Zeleň, status: zrušeno }')],
        ['/b.strategy.yaml', (t) => t.replace('plan/A3', 'plan/A1')],
        ['/plan.strategy.yaml', (t) => t.replace('strategy: plan', 'strategy: plan2')],
        ['/a.strategy.yaml', (t) => t.replace('goalsFrom: plan', 'goalsFrom: plan2')],
        ['/plan.strategy.yaml', (t) => t.replace('  - { id: A1, title: Efektivní úřad }\n', '')],
      ];
      for (const [name, edit] of steps) {
        texts.set(name, edit(texts.get(name) ?? ''));
        fx.service.update(fx.file(name).uri, texts.get(name) ?? '');
        const fresh = fixture(source(), settings);
        for (const file of texts.keys()) {
          assert.deepStrictEqual(fx.service.diagnostics(fx.file(file).uri), fresh.service.diagnostics(fresh.file(file).uri), `${file} after editing ${name}`);
        }
      }
    });
  });

  it('speaks Czech', () => {
    const fx = fixture(
      `
      strategy: a
      title: A
      items:
        - id: 1
          title: P
          items:
            - id: 1.A
              title: O
              items:
                - { id: 1.A.1, title: M }
      `,
      { severity: { 'missing-indicator': 'warning', 'missing-responsible': 'warning' } },
      'cs',
    );
    assert.deepStrictEqual(
      fx.service.diagnostics(fx.files[0].uri).map((d) => fx.service.messages.format(d.message)),
      [
        'Opatření `1.A.1` je bez indikátoru: klíč `indicators` nemá ani žádná položka pod tímto kódem.',
        'Opatření `1.A.1` je bez gestora: klíč `responsible` nemá ani žádná položka pod tímto kódem.',
      ],
    );
  });

  describe('format 1.1: groups, removed items and plans', () => {
    const STRATEGY = `
      //- /s.strategy.yaml
      strategy: ssd
      title: Strategie
      levels: [Oblast, Cíl, Opatření, Aktivita]
      items:
        - id: 1
          title: Oblast
          items:
            - id: 1.1
              title: Cíl
              items:
                - { id: ⟦1.1.1⟧, title: Opatření strategie }
                - { id: 1.1.2, title: Opatření strategie, indicators: [{ name: I }] }
    `;

    it('groups are not levels: a measure in a group is still at depth 3', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - group: Strategická oblast
            items:
              - id: 1
                title: P
                items:
                  - group: Podskupina
                    items:
                      - id: 1.A
                        title: O
                        items:
                          - { id: ⟦1.A.1⟧, title: M }
        `,
        'missing-indicator',
      ));

    it('in a plan only the new measures are checked, at their depth in the tree shared with the strategy', () =>
      check(
        `${STRATEGY}
        //- /p.strategy.yaml
        strategy: ssd-ip
        title: Plán
        implements: ssd
        items:
          - id: 1.1
            items:
              - { id: ⟦1.1.3⟧, title: Nové opatření }
              - { id: 1.1.4, title: Nové opatření, indicators: [{ name: I }] }
          - { id: ⟦1.1.5⟧, title: Nové opatření na nejvyšší úrovni plánu }
          - { id: 1.1.1, title: Zastupuje opatření strategie }
        `,
        { code: 'missing-indicator', messages: [/^Opatření `1\.1\.1`/, /^Opatření `1\.1\.3`/, /^Opatření `1\.1\.5`/] },
      ));

    it("a plan's items never satisfy a rule for the strategy", () =>
      check(
        `${STRATEGY}
        //- /p.strategy.yaml
        strategy: ssd-ip
        title: Plán
        implements: ssd
        items:
          - id: 1.1.1
            items:
              - { id: 1.1.1.1, title: Aktivita plánu, indicators: [{ name: I }] }
        `,
        'missing-indicator',
      ));

    it('a plan without goalsFrom takes its strategy\'s for missing-goal', () =>
      check(
        `
        //- /plan.strategy.yaml
        strategy: plan
        title: Plán cílů
        levels: [Cíl]
        items:
          - { id: A1, title: Cíl }
        //- /s.strategy.yaml
        strategy: ssd
        title: Strategie
        goalsFrom: plan
        items:
          - id: 1
            title: Oblast
            items:
              - id: 1.1
                title: Cíl
                items:
                  - { id: 1.1.1, title: Opatření, goals: [A1] }
        //- /p.strategy.yaml
        strategy: ssd-ip
        title: Plán
        implements: ssd
        items:
          - { id: ⟦1.1.2⟧, title: Nové opatření bez vazby }
        `,
        { code: 'missing-goal', messages: ['Measure `1.1.2` has no goal link: neither it nor any item below it names a goal of `plan` in `goals`.'] },
      ));

    it('in a plan of an outside strategy every item is new, at its own depth', () =>
      check(
        `
        strategy: ssd-ip
        title: Plán
        implements: narodni
        documents:
          - { id: narodni, title: Národní strategie }
        items:
          - id: 1
            title: P
            items:
              - id: 1.1
                title: C
                items:
                  - { id: ⟦1.1.1⟧, title: Opatření }
        `,
        'missing-indicator',
      ));
  });
});

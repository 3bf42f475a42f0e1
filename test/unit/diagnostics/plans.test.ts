/**
 * Spec 6.3: implementation and action plans (`implements`): items that stand
 * for the strategy's, numbering over both documents, resolution in the plan
 * then the strategy, the strategy's `goalsFrom`, plans of outside strategies.
 */
import { check, clean } from './check';

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
              title: Opatření
            - id: 1.1.2
              title: Opatření
        - id: 1.2
          title: Specifický cíl
          items:
            - id: 1.2.1
              title: Opatření
`;

describe('diagnostics: plans (spec 6.3)', () => {
  it('an item whose code exists in the strategy stands for it: no duplicate, no gap, its title may be omitted', () =>
    clean(`
      ${STRATEGY}
      //- /p.strategy.yaml
      strategy: ssd-ip
      title: Implementační plán 2026–2028
      implements: ssd
      items:
        - id: 1.1
          items:
            - id: 1.1.3
              title: Nové opatření
              after: [ssd/1.1.2]
    `));

  it('a new item without a title is still a schema error', () =>
    check(
      `
      ${STRATEGY}
      //- /p.strategy.yaml
      strategy: ssd-ip
      title: Plán
      implements: ssd
      items:
        - id: 1.1
          items:
            - id: ⟦1.1.3⟧
      `,
      { code: 'schema', messages: ['Missing required key `title`.'] },
    ));

  it('`implements` naming a document neither in the workspace nor outside is unknown-strategy', () =>
    check(
      `
      strategy: ssd-ip
      title: Plán
      implements: ⟦ssd⟧
      items:
        - id: 1.1.3
          title: Nové opatření
      `,
      'unknown-strategy',
    ));

  it('a top-level item may extend a code of the strategy; a nested one still follows its parent', () =>
    check(
      `
      ${STRATEGY}
      //- /p.strategy.yaml
      strategy: ssd-ip
      title: Plán
      implements: ssd
      items:
        - id: 1.1.3
          title: Nové opatření
          items:
            - id: ⟦1.2.1.A⟧
              title: Aktivita
      `,
      'id-not-under-parent',
    ));

  it('a value missing from both documents is a gap, on the plan item', () =>
    check(
      `
      ${STRATEGY}
      //- /p.strategy.yaml
      strategy: ssd-ip
      title: Plán
      implements: ssd
      items:
        - id: ⟦1.1.4⟧
          title: Nové opatření
        - id: 1.2
          items:
            - id: 1.2.2
              title: Opatření
      `,
      { code: 'numbering-gap', messages: ['Numbering gap: `1.1.3` is missing before `1.1.4`.'] },
    ));

  it("a gap the strategy has on its own is reported in the strategy only, and a plan does not change the strategy's numbering", () =>
    check(
      `
      //- /s.strategy.yaml
      strategy: ssd
      title: Strategie
      items:
        - id: 1
          title: Oblast
          items:
            - id: 1.1
              title: Cíl
            - id: ⟦1.3⟧
              title: Cíl
      //- /p.strategy.yaml
      strategy: ssd-ip
      title: Plán
      implements: ssd
      items:
        - id: 1.2
          title: Doplněný cíl
        - id: 1.4
          title: Nový cíl
      `,
      { code: 'numbering-gap', messages: ['Numbering gap: `1.2` is missing before `1.3`.'] },
    ));

  it("a top-level plan item that neither exists in nor extends a strategy code stays in the plan's own group", () =>
    check(
      `
      ${STRATEGY}
      //- /p.strategy.yaml
      strategy: ssd-ip
      title: Plán
      implements: ssd
      items:
        - id: A
          title: Průřezová aktivita
        - id: ⟦C⟧
          title: Průřezová aktivita
      `,
      { code: 'numbering-gap', messages: ['Numbering gap: `B` is missing before `C`.'] },
    ));

  it("order is judged within the plan's own listing; the plan may list the strategy's items in any order across parents", () =>
    clean(`
      ${STRATEGY}
      //- /p.strategy.yaml
      strategy: ssd-ip
      title: Plán
      implements: ssd
      items:
        - id: 1.2
          items:
            - id: 1.2.2
              title: Opatření
        - id: 1.1
          items:
            - id: 1.1.3
              title: Opatření
    `));

  it("siblings out of order in the plan's own listing are reported", () =>
    check(
      `
      ${STRATEGY}
      //- /p.strategy.yaml
      strategy: ssd-ip
      title: Plán
      implements: ssd
      items:
        - id: 1.1
          items:
            - id: ⟦1.1.4⟧
              title: Opatření
            - id: 1.1.3
              title: Opatření
      `,
      { code: 'numbering-gap', messages: ['Numbering out of order: `1.1.4` stands where `1.1.3` is expected.'] },
    ));

  it('document-wide numbering is decided over both documents: the plan continues the strategy\'s activities', () =>
    clean(`
      //- /s.strategy.yaml
      strategy: s
      title: S
      items:
        - id: 1
          title: P
          items:
            - id: 1.A
              title: C
              items:
                - id: 1.A.1
                  title: M
                - id: 1.A.2
                  title: M
            - id: 1.B
              title: C
              items:
                - id: 1.B.3
                  title: M
      //- /p.strategy.yaml
      strategy: p
      title: P
      implements: s
      items:
        - id: 1.B
          items:
            - id: 1.B.4
              title: M
        - id: 1.A
          items:
            - id: 1.A.5
              title: M
    `));

  it('unqualified `related` and `after` resolve in the plan first, then in the strategy', () =>
    check(
      `
      ${STRATEGY}
      //- /p.strategy.yaml
      strategy: ssd-ip
      title: Plán
      implements: ssd
      items:
        - id: 1.1
          items:
            - id: 1.1.3
              title: Opatření
              related: [1.2.1, 1.1.4]
              after: [1.1.1, ⟦1.9.9⟧]
            - id: 1.1.4
              title: Opatření
      `,
      'unknown-item',
    ));

  it("a plan without its own `goalsFrom` takes its strategy's", () =>
    check(
      `
      //- /g.strategy.yaml
      strategy: g
      title: Strategický plán
      items:
        - id: A1
          title: Cíl
      //- /s.strategy.yaml
      strategy: s
      title: S
      goalsFrom: g
      items:
        - id: 1
          title: P
          goals: [A1]
      //- /p.strategy.yaml
      strategy: p
      title: P
      implements: s
      items:
        - id: 2
          title: P
          goals: [A1, ⟦A9⟧]
      `,
      'unknown-goal',
    ));

  it('goals in a plan whose strategy has no `goalsFrom` either are missing-goals-from', () =>
    check(
      `
      //- /s.strategy.yaml
      strategy: s
      title: S
      items:
        - id: 1
          title: P
      //- /p.strategy.yaml
      strategy: p
      title: P
      implements: s
      items:
        - id: 2
          title: P
          goals: [⟦A1⟧]
      `,
      { code: 'missing-goals-from', messages: ['Goal `A1` cannot be resolved: neither this plan nor the strategy it implements (`s`) has `goalsFrom`.'] },
    ));

  it('a plan of an outside strategy is not checked for numbering, and its unqualified references to the strategy are not checked', () =>
    clean(`
      //- /p.strategy.yaml
      strategy: p
      title: Akční plán
      implements: narodni
      documents:
        - id: narodni
          title: Národní strategie
          url: https://example.gov.cz/strategie.pdf
      items:
        - id: 3.2
          items:
            - id: 3.2.7
              title: Nová aktivita
              after: [3.2.5]
              related: [4.1]
              goals: [B1]
    `));

  it('a plan of an outside strategy still finds its own duplicates and broken nested codes', () =>
    check(
      `
      //- /p.strategy.yaml
      strategy: p
      title: Akční plán
      implements: narodni
      documents:
        - id: narodni
          title: Národní strategie
      items:
        - id: ⟦3.2⟧
        - id: ⟦3.2⟧
      `,
      'duplicate-id',
    ));

  it('`implements` naming the document itself is a self-reference', () =>
    check(
      `
      strategy: a
      title: A
      implements: ⟦a⟧
      items:
        - id: 1
          title: P
      `,
      { code: 'self-reference', messages: ['Document `a` names itself in `implements`: a plan carries out another document.'] },
    ));

  it("a plan's strategy may itself be a plan: numbering uses only the document named", () =>
    clean(`
      ${STRATEGY}
      //- /p.strategy.yaml
      strategy: ssd-ip
      title: Plán
      implements: ssd
      items:
        - id: 1.1
          items:
            - id: 1.1.3
              title: Opatření
      //- /q.strategy.yaml
      strategy: ssd-ap
      title: Akční plán
      implements: ssd-ip
      items:
        - id: 1.1.3
          items:
            - id: 1.1.3.1
              title: Aktivita
    `));
});

/**
 * Goals (spec 2.2, 4): `unknown-goal` for a goal not in the `goalsFrom`
 * document (or the document a qualified goal names); `unknown-strategy` for
 * an unknown `goalsFrom`, and then no per-goal reports; `missing-goals-from`
 * for each unqualified goal scalar of a document without `goalsFrom`, while
 * qualified goals are still checked.
 */
import { check, clean } from './check';

const PLAN = `
  //- /kv-plan.strategy.yaml
  strategy: kv-plan
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
            - { id: A1.3, title: Image města }
        - id: A2
          title: Podnikání
          items:
            - { id: A2.1, title: Spolupráce radnice a podnikatelů }
    - id: B
      title: Prostředí
      items:
        - id: B1
          title: Urbanismus
          items:
            - { id: B1.1, title: Urbanismus a architektura }
`;

describe('diagnostics: goals', () => {
  describe('unknown-goal fires', () => {
    it('on a goal that is not in the goalsFrom document, with the closest goal', () =>
      check(
        `${PLAN}
        //- /kv.strategy.yaml
        strategy: kv
        title: KV
        goalsFrom: kv-plan
        items:
          - id: 1
            title: P
            goals: [A1.1, ⟦A1.4⟧, ⟦Z9.9⟧]
        `,
        { code: 'unknown-goal', messages: [/^Unknown goal `A1\.4` in `kv-plan` — did you mean `A1\.[123]`/, 'Unknown goal `Z9.9` in `kv-plan`.'] },
      ));

    it('on a qualified goal that is not in the document it names (no goalsFrom needed)', () =>
      check(
        `${PLAN}
        //- /kv.strategy.yaml
        strategy: kv
        title: KV
        items:
          - id: 1
            title: P
            goals: [kv-plan/A1.1, ⟦kv-plan/B1.9⟧]
        `,
        { code: 'unknown-goal', messages: [/^Unknown goal `B1\.9` in `kv-plan` — did you mean `kv-plan\/B1\.1`/] },
      ));

    it('on a qualified goal naming another document than goalsFrom, resolved in that document', () =>
      check(
        `${PLAN}
        //- /jiny.strategy.yaml
        strategy: jiny
        title: Jiný plán
        items:
          - id: A
            title: X
        //- /kv.strategy.yaml
        strategy: kv
        title: KV
        goalsFrom: kv-plan
        items:
          - id: 1
            title: P
            goals: [jiny/A, ⟦jiny/A1.1⟧]
        `,
        'unknown-goal',
      ));

    it('on a goal that would be found in this document but not in goalsFrom', () =>
      check(
        `${PLAN}
        //- /kv.strategy.yaml
        strategy: kv
        title: KV
        goalsFrom: kv-plan
        items:
          - id: 1
            title: P
            goals: [⟦1⟧]
        `,
        'unknown-goal',
      ));

    // Spec question: "a qualified reference to the same document is treated like the unqualified one"
    // cannot mean, for goals, "look it up in goalsFrom": an author who writes `kv/1` inside `kv`
    // names item 1 of `kv`. So a goal qualified with its own document resolves in that document.
    it('on a goal qualified with its own document that is not in that document', () =>
      check(
        `${PLAN}
        //- /kv.strategy.yaml
        strategy: kv
        title: KV
        goalsFrom: kv-plan
        items:
          - id: 1
            title: P
            goals: [kv/1, ⟦kv/A1.1⟧]
        `,
        { code: 'unknown-goal', messages: [/^Unknown goal `A1\.1` in `kv`/] },
      ));
  });

  describe('unknown-strategy for goalsFrom', () => {
    it('fires on an unknown goalsFrom, and its goals are not reported one by one', () =>
      check(
        `${PLAN}
        //- /kv.strategy.yaml
        strategy: kv
        title: KV
        goalsFrom: ⟦kv-plann⟧
        items:
          - id: 1
            title: P
            goals: [A1.1, A1.99, X]
        `,
        { code: 'unknown-strategy', messages: ['Unknown strategy document `kv-plann` — did you mean `kv-plan`?'] },
      ));

    it('still checks qualified goals when goalsFrom is unknown', () =>
      check(
        `${PLAN}
        //- /kv.strategy.yaml
        strategy: kv
        title: KV
        goalsFrom: ⟦nikde⟧
        items:
          - id: 1
            title: P
            goals: [A1.99, kv-plan/A1.1, kv-plan/A1.99]
        `,
        { code: 'unknown-strategy', allow: ['unknown-goal'] },
      ));

    it('fires on a qualified goal naming an unknown document', () =>
      check(
        `${PLAN}
        //- /kv.strategy.yaml
        strategy: kv
        title: KV
        goalsFrom: kv-plan
        items:
          - id: 1
            title: P
            goals: [⟦kv-plam/A1.1⟧]
        `,
        { code: 'unknown-strategy', messages: [/^Unknown strategy document `kv-plam` — did you mean `kv-plan\/A1\.1`\?$/] },
      ));
  });

  describe('missing-goals-from', () => {
    it('fires once per unqualified goal scalar of a document without goalsFrom', () =>
      check(
        `
        strategy: kv
        title: KV
        items:
          - id: 1
            title: P
            goals: [⟦A1.1⟧, ⟦A1.2⟧]
          - id: 2
            title: P
            goals:
              - ⟦A1.1⟧
        `,
        { code: 'missing-goals-from', messages: [/`A1\.1`.*`goalsFrom`/, /`A1\.2`/, /`A1\.1`/] },
      ));

    it('is reported instead of unknown-goal, while qualified goals are still checked', () =>
      check(
        `${PLAN}
        //- /kv.strategy.yaml
        strategy: kv
        title: KV
        items:
          - id: 1
            title: P
            goals: [⟦A1.1⟧, kv-plan/A1.1, kv-plan/A1.99]
        `,
        { code: 'missing-goals-from', allow: ['unknown-goal'] },
      ));

    it('reports the unknown qualified goal of such a document', () =>
      check(
        `${PLAN}
        //- /kv.strategy.yaml
        strategy: kv
        title: KV
        items:
          - id: 1
            title: P
            goals: [A1.1, kv-plan/A1.1, ⟦kv-plan/A1.99⟧]
        `,
        { code: 'unknown-goal', allow: ['missing-goals-from'] },
      ));

    it('does not fire when goalsFrom is there (even if it is unknown)', () =>
      check(
        `
        strategy: kv
        title: KV
        goalsFrom: ⟦nikde⟧
        items:
          - id: 1
            title: P
            goals: [A1.1]
        `,
        'unknown-strategy',
      ));
  });

  describe('does not fire', () => {
    it('on goals at any depth of the goalsFrom document, plain, quoted or qualified', () =>
      clean(`${PLAN}
        //- /kv.strategy.yaml
        strategy: kv
        title: KV
        goalsFrom: kv-plan
        items:
          - id: 1
            title: P
            goals: [A, A1, A1.1, "A1.2", 'B1.1', kv-plan/A2.1]
        `));

    it('on a goalsFrom written in quotes', () =>
      clean(`${PLAN}
        //- /kv.strategy.yaml
        strategy: kv
        title: KV
        goalsFrom: "kv-plan"
        items:
          - id: 1
            title: P
            goals: [A1.1]
        `));

    // Goals then resolve in this document; the `goalsFrom` itself gets a `self-reference` warning (see selfReference.test.ts).
    it('on the goals of a document whose goalsFrom is itself (they resolve in this document)', () =>
      check(
        `
        strategy: plan
        title: P
        goalsFrom: ⟦plan⟧
        items:
          - id: A
            title: P
            goals: [B]
          - id: B
            title: P
        `,
        { code: 'self-reference', messages: ['Document `plan` names itself in `goalsFrom`: its goals are looked up in this document.'] },
      ));
  });
});

/**
 * `unknown-strategy` (spec 2, 2.2, 4): `goalsFrom`, `documents: [{strategy}]`
 * or a qualified reference names a document not in the workspace. (Goals:
 * see goals.test.ts; Markdown: see markdown.test.ts.)
 */
import * as assert from 'assert';
import { check, clean } from './check';
import { diagnosticsOf, fixture } from '../fixture';

describe('diagnostics: unknown-strategy', () => {
  describe('fires', () => {
    it('on a `documents` entry naming an unknown document, with the closest id', () =>
      check(
        `
        //- /kv-plan.strategy.yaml
        strategy: kv-plan
        title: Plán
        //- /a.strategy.yaml
        strategy: a
        title: A
        documents:
          - title: Strategický rámec Česká republika 2030
          - title: Koncepce integrace
            url: https://www.mvcr.cz/
          - strategy: kv-plan
          - strategy: ⟦kv-plam⟧
          - strategy: "⟦nikde⟧"
            title: Neexistující
        `,
        { code: 'unknown-strategy', messages: ['Unknown strategy document `kv-plam` — did you mean `kv-plan`?', 'Unknown strategy document `nikde`.'] },
      ));

    it('on a qualified related reference naming an unknown document, on the whole reference', () =>
      check(
        `
        //- /praha.strategy.yaml
        strategy: praha
        title: Praha
        items:
          - id: 1
            title: P
        //- /a.strategy.yaml
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            related: [⟦prahaa/1⟧, ⟦x/1⟧]
        `,
        { code: 'unknown-strategy', messages: ['Unknown strategy document `prahaa` — did you mean `praha/1`?', 'Unknown strategy document `x`.'] },
      ));

    it('on a catalog id used as a document id (separate namespaces)', () =>
      check(
        `
        //- /moje.descriptors.yaml
        catalog: moje
        title: C
        //- /a.strategy.yaml
        strategy: a
        title: A
        goalsFrom: ⟦moje⟧
        `,
        'unknown-strategy',
      ));

    it('on references to a document once it is renamed', () => {
      const fx = fixture(`
        //- /plan.strategy.yaml
        strategy: plan
        title: Plán
        items:
          - id: A
            title: P
        //- /a.strategy.yaml
        strategy: a
        title: A
        goalsFrom: plan
        documents:
          - strategy: plan
        items:
          - id: 1
            title: P
            goals: [A]
            related: [plan/A]
        `);
      assert.deepStrictEqual(diagnosticsOf(fx, 'unknown-strategy'), []);
      fx.service.update(fx.files[0].uri, fx.files[0].text.replace('strategy: plan', 'strategy: plan-2030'));
      const a = fx.file('/a.strategy.yaml');
      const spans = diagnosticsOf(fx, 'unknown-strategy').map((d) => a.text.slice(d.span.start, d.span.end));
      assert.deepStrictEqual(spans, ['plan', 'plan', 'plan/A']);
    });
  });

  describe('does not fire', () => {
    it('on references to documents defined in .strategy.yml files and later files', () =>
      clean(`
        //- /a.strategy.yaml
        strategy: a
        title: A
        goalsFrom: z
        documents:
          - strategy: z
        items:
          - id: 1
            title: P
            related: [z/1]
            goals: [1]
        //- /sub/z.strategy.yml
        strategy: z
        title: Z
        items:
          - id: 1
            title: P
        `));

    it('on a document that names itself', () =>
      clean(`
        strategy: a
        title: A
        documents:
          - strategy: a
        items:
          - id: 1
            title: P
            related: [a/1.A]
            items:
              - id: 1.A
                title: C
        `));
  });
});

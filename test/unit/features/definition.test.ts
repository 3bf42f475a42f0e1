/**
 * Go to definition from every kind of reference: the `$0` cursor stands on
 * the reference, `⟦…⟧` marks the definition expected.
 */
import * as assert from 'assert';
import { Location, LocationLink } from 'vscode-languageserver-protocol';
import { fixture } from '../fixture';
import { cursor, describeLocation, markedLocations } from './helpers';

/** Checks that the definition at the cursor is exactly the marked range (none when nothing is marked). */
function expectDefinition(source: string): void {
  const fx = fixture(source);
  const { uri, position } = cursor(fx);
  const result = (fx.service.definition(uri, position) ?? []) as Location[];
  assert.deepStrictEqual(result.map((l) => describeLocation(fx, l)), markedLocations(fx));
}

const PLAN = `
  //- /plan.strategy.yaml
  strategy: ⟦kv-plan⟧
  title: Plán
  items:
    - id: A
      title: Správa
      items:
        - id: A1
          title: Úřad
          items:
            - id: ⟦A1.1⟧
              title: Efektivní úřad
`;

describe('definition', () => {
  it('of a related item in the same file', () =>
    expectDefinition(`
      strategy: a
      title: A
      items:
        - id: ⟦1⟧
          title: P
        - id: 2
          title: Q
          related: [$01]
    `));

  it('of a quoted reference, inside the quotes', () =>
    expectDefinition(`
      strategy: a
      title: A
      items:
        - id: "⟦1.A⟧"
          title: P
        - id: 2
          title: Q
          related: ['1.$0A']
    `));

  it('of a goal, in the goalsFrom document', () =>
    expectDefinition(
      PLAN.replace('⟦kv-plan⟧', 'kv-plan') +
        `
        //- /a.strategy.yaml
        strategy: a
        title: A
        goalsFrom: kv-plan
        items:
          - id: 1
            title: P
            goals: [A1$0.1]
        `,
    ));

  it('of the code part of a qualified reference, in the other document', () =>
    expectDefinition(PLAN.replace('⟦kv-plan⟧', 'kv-plan') + '\n//- /a.strategy.yaml\nstrategy: a\ntitle: A\nitems:\n  - id: 1\n    title: P\n    related: [kv-plan/A1.$01]\n'));

  it("of the document part of a qualified reference: the document's strategy line", () =>
    expectDefinition(PLAN.replace('⟦A1.1⟧', 'A1.1') + '\n//- /a.strategy.yaml\nstrategy: a\ntitle: A\nitems:\n  - id: 1\n    title: P\n    related: [kv-p$0lan/A1.1]\n'));

  it("of goalsFrom and documents[].strategy: the named document's strategy line", () => {
    const plan = PLAN.replace('⟦A1.1⟧', 'A1.1');
    expectDefinition(plan + '\n//- /a.strategy.yaml\nstrategy: a\ntitle: A\ngoalsFrom: kv-$0plan\n');
    expectDefinition(plan + '\n//- /a.strategy.yaml\nstrategy: a\ntitle: A\ndocuments:\n  - strategy: $0kv-plan\n');
  });

  it('of an actor', () =>
    expectDefinition(`
      strategy: a
      title: A
      actors:
        - id: ⟦nmc⟧
          name: Oddělení NMC
      items:
        - id: 1
          title: P
          partners: [nm$0c]
    `));

  it('of a descriptor of a workspace catalog, also where it redefines a built-in one', () => {
    const catalog = `
      //- /c.descriptors.yaml
      catalog: mestske
      title: Městské
      areas:
        - id: VIII
          descriptors:
            - id: ⟦VIII.e⟧
              title: začleňování cizinců (městské)
            - id: VIII.z
              title: nové
      //- /a.strategy.yaml
      strategy: a
      title: A
      items:
        - id: 1
          title: P
    `;
    expectDefinition(catalog + '      descriptors: [$0VIII.e]\n');
    expectDefinition(catalog.replace('⟦VIII.e⟧', 'VIII.e').replace('VIII.z', '⟦VIII.z⟧') + '      descriptors: [VIII.z$0]\n');
  });

  it('of a built-in descriptor: nothing, since the editor cannot open the built-in catalog', () =>
    expectDefinition('strategy: a\ntitle: A\nitems:\n  - id: 1\n    title: P\n    descriptors: [VIII$0.e]\n'));

  it('of an unresolved reference: nothing', () => expectDefinition('strategy: a\ntitle: A\nitems:\n  - id: 1\n    title: P\n    related: [9$0]\n'));

  it('of a definition: itself', () => expectDefinition('strategy: a\ntitle: A\nitems:\n  - id: ⟦1$0.A⟧\n    title: P\n'));

  it('from Markdown: front matter, qualified and bare codes', () => {
    const plan = PLAN.replace('⟦kv-plan⟧', 'kv-plan');
    expectDefinition(plan + '\n//- /notes.md\n---\nstrategy: kv-plan\n---\nCíl A1.$01 a\n');
    expectDefinition(plan + '\n//- /notes.md\nCíl kv-plan/A1.1$0.\n');
    expectDefinition(PLAN.replace('⟦A1.1⟧', 'A1.1') + '\n//- /notes.md\n---\nstrategy: kv-$0plan\n---\n');
    // A bare code of no document is a section number.
    expectDefinition(PLAN.replace(/[⟦⟧]/g, '') + '\n//- /notes.md\n---\nstrategy: kv-plan\n---\nKapitola 6.$01\n');
  });

  it('as a link, with the whole item as target and the reference as origin', () => {
    const fx = fixture('strategy: a\ntitle: A\nitems:\n  - id: 1\n    title: P\n    related: [2$0]\n  - id: 2\n    title: Q\n');
    const { uri, position } = cursor(fx);
    const [link] = fx.service.definition(uri, position, { linkSupport: true }) as LocationLink[];
    assert.strictEqual(describeLocation(fx, { uri, range: link.originSelectionRange! }), '/a.strategy.yaml@5:14 «2»');
    assert.strictEqual(describeLocation(fx, { uri: link.targetUri, range: link.targetSelectionRange }), '/a.strategy.yaml@6:8 «2»');
    assert.strictEqual(describeLocation(fx, { uri: link.targetUri, range: link.targetRange }), '/a.strategy.yaml@6:4 «id: 2\n    title: Q\n»');
  });
});

/**
 * Find all references: `⟦…⟧` marks every expected location (the definition
 * included when asked), `$0` the place the search starts from.
 */
import * as assert from 'assert';
import { CancellationToken } from 'vscode-languageserver-protocol';
import { fixture } from '../fixture';
import { cursor, describeLocation, markedLocations } from './helpers';

function expectReferences(source: string, includeDeclaration = true): void {
  const fx = fixture(source);
  const { uri, position } = cursor(fx);
  const found = (fx.service.references(uri, position, includeDeclaration) ?? []).map((l) => describeLocation(fx, l)).sort();
  assert.deepStrictEqual(found, markedLocations(fx));
}

/** An item of `praha` referred to from the same file, another strategy (qualified and as a goal) and Markdown. */
const ITEM = (def: string, ref: string): string => `
  //- /praha.strategy.yaml
  strategy: praha
  title: Praha
  items:
    - id: 2
      title: Spolupráce
      items:
        - id: 2.A
          title: Platformy
          items:
            - id: ${def}
              title: Poradní platformy
            - id: 2.A.12
              title: Jiné
              related: [${ref}, 2.A.1]
  //- /kv.strategy.yaml
  strategy: kv
  title: KV
  goalsFrom: praha
  items:
    - id: 1
      title: P
      related: [praha/⟦2.A.11⟧]
      goals: [⟦2.A.11⟧, 2.A.12]
  //- /notes.md
  ---
  strategy: praha
  ---
  Platformy ⟦2.A.11⟧ (viz praha/⟦2.A.11⟧), kapitola 2.A.1.
  \`\`\`
  praha/2.A.11 in a fenced block is skipped
  \`\`\`
  //- /other.md
  Bez hlavičky: 2.A.11, ale kv/1 není ono.
`;

describe('references', () => {
  it('from a definition: every use across the workspace, Markdown included, and the declaration', () => expectReferences(ITEM('⟦2.A$0.11⟧', '⟦2.A.11⟧')));

  it('without the declaration when not asked for', () => expectReferences(ITEM('2.A$0.11', '⟦2.A.11⟧'), false));

  it('from a reference in another file, and from Markdown', () => {
    expectReferences(ITEM('⟦2.A.11⟧', '⟦2.A.11⟧').replace('praha/⟦2.A.11⟧]', 'praha/⟦2.A.1$01⟧]'));
    expectReferences(ITEM('⟦2.A.11⟧', '⟦2.A.11⟧').replace('Platformy ⟦2.A.11⟧', 'Platformy ⟦$02.A.11⟧'));
  });

  it('of a document id: goalsFrom, documents, qualified references and front matter', () =>
    expectReferences(`
      //- /praha.strategy.yaml
      strategy: ⟦pra$0ha⟧
      title: Praha
      items:
        - id: 1
          title: P
          related: [⟦praha⟧/1]
      //- /kv.strategy.yaml
      strategy: kv
      title: KV
      goalsFrom: ⟦praha⟧
      documents:
        - strategy: ⟦praha⟧
        - title: Zákon
          url: https://example.org/praha/1
      items:
        - id: 1
          title: P
          related: [⟦praha⟧/1]
      //- /notes.md
      ---
      strategy: ⟦praha⟧
      ---
      Viz ⟦praha⟧/1 a https://example.org/praha/1.
    `));

  it('of a descriptor, from its catalog or a use', () => {
    const source = (def: string, use: string): string => `
      //- /c.descriptors.yaml
      catalog: mestske
      title: Městské
      areas:
        - id: XXII
          descriptors:
            - id: ${def}
              title: data
      //- /a.strategy.yaml
      strategy: a
      title: A
      items:
        - id: 1
          title: P
          descriptors: [${use}, VIII.e]
        - id: 2
          title: Q
          descriptors: [⟦XXII.a⟧]
    `;
    expectReferences(source('⟦XXII$0.a⟧', '⟦XXII.a⟧'));
    expectReferences(source('⟦XXII.a⟧', '⟦XXII.a$0⟧'));
  });

  it('of a built-in descriptor: its uses, without the declaration the editor cannot open', () =>
    expectReferences('strategy: a\ntitle: A\nitems:\n  - id: 1\n    title: P\n    descriptors: [⟦VIII.e$0⟧]\n  - id: 2\n    title: Q\n    descriptors: [⟦VIII.e⟧, VIII.a]\n'));

  it('of an actor, within its document', () =>
    expectReferences(`
      //- /a.strategy.yaml
      strategy: a
      title: A
      actors:
        - id: ⟦nmc$0⟧
          name: NMC
      items:
        - id: 1
          title: P
          responsible: ⟦nmc⟧
          partners: [icp, ⟦nmc⟧]
      //- /b.strategy.yaml
      strategy: b
      title: B
      actors:
        - id: nmc
          name: NMC
      items:
        - id: 1
          title: P
          responsible: nmc
    `));

  it('of an unresolved reference: none', () => {
    const fx = fixture('strategy: a\ntitle: A\nitems:\n  - id: 1\n    title: P\n    related: [$09]\n');
    const { uri, position } = cursor(fx);
    assert.strictEqual(fx.service.references(uri, position, true), null);
  });

  it('answer nothing once the request is cancelled, in every feature that reads the workspace', () => {
    const fx = fixture(ITEM('2.A$0.11', '2.A.11'));
    const { uri, position } = cursor(fx);
    const token = CancellationToken.Cancelled;
    assert.strictEqual(fx.service.references(uri, position, true, token), null);
    assert.strictEqual(fx.service.hover(uri, position, token), null);
    assert.strictEqual(fx.service.rename(uri, position, '2.A.13', {}, token), null);
    assert.deepStrictEqual(fx.service.codeLenses(uri, token), []);
    assert.deepStrictEqual(fx.service.workspaceSymbols('2.A', token), []);
    assert.ok(fx.service.references(uri, position, true)?.length, 'the same request without cancellation answers');
  });
});

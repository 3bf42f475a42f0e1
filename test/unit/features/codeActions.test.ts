/**
 * Quick fixes: replacements for unknown and invalid codes, the next free
 * code for a duplicate, renumbering a sequence with its references in every
 * file, and `goalsFrom` for goals without a plan document.
 */
import * as assert from 'assert';
import { CodeAction } from 'vscode-languageserver-protocol';
import { Fixture, fixture, ROOT } from '../fixture';
import { applyAndUpdate, applyEdit, textOf } from './helpers';

/** The quick fixes for the diagnostics of one code in a file, as the editor asks for them. */
function fixesFor(fx: Fixture, path: string, code: string): CodeAction[] {
  const uri = ROOT + path;
  const diagnostics = fx.service.lspDiagnostics(uri).filter((d) => d.code === code);
  assert.ok(diagnostics.length > 0, `no ${code} diagnostic in ${path}`);
  return fx.service.codeActions(uri, diagnostics);
}

/** The text of a file after applying an action's edit. */
function after(fx: Fixture, path: string, action: CodeAction): string | undefined {
  return applyEdit(fx, action.edit!).get(ROOT + path);
}

describe('code actions', () => {
  it('replace an unknown item, goal, descriptor or actor with the closest valid codes, attached to the diagnostic', () => {
    const source = `
      //- /plan.strategy.yaml
      strategy: kv-plan
      title: Plán
      items:
        - id: A1
          title: Úřad
          items:
            - id: A1.1
              title: Efektivní úřad
      //- /a.strategy.yaml
      strategy: a
      title: A
      goalsFrom: kv-plan
      actors:
        - id: nmc
          name: NMC
      items:
        - id: 1
          title: P
          items:
            - id: 1.A
              title: O
              items:
                - id: 1.A.11
                  title: M
                  related: [1.A.111]
                  goals: [A1.2]
                  descriptors: [VIII.b]
                  responsible: nmcc
    `;
    const fx = fixture(source);
    const check = (code: string, replaced: string, by: string): void => {
      const [action] = fixesFor(fx, '/a.strategy.yaml', code);
      assert.strictEqual(action.title, `Replace with \`${by}\``);
      assert.strictEqual(action.kind, 'quickfix');
      assert.strictEqual(action.diagnostics?.[0].code, code);
      assert.strictEqual(action.isPreferred, true);
      assert.strictEqual(after(fx, '/a.strategy.yaml', action), textOf(fx, '/a.strategy.yaml').replace(replaced, by));
    };
    check('unknown-item', '1.A.111', '1.A.11');
    check('unknown-goal', 'A1.2', 'A1.1');
    check('unknown-descriptor', 'VIII.b', 'VIII.a');
    check('unknown-actor', 'nmcc', 'nmc');
  });

  it('replace an unknown document, in goalsFrom and in a qualified reference, and an invalid id', () => {
    const fx = fixture(`
      //- /plan.strategy.yaml
      strategy: kv-plan
      title: Plán
      items:
        - id: A1
          title: Úřad
      //- /a.strategy.yaml
      strategy: a
      title: A
      goalsFrom: kv-pln
      items:
        - id: 1.
          title: P
          related: [kv-pln/A1]
    `);
    const all = fixesFor(fx, '/a.strategy.yaml', 'unknown-strategy');
    // Each diagnostic also offers to declare the document outside the workspace (spec 6.4).
    assert.deepStrictEqual(all.filter((a) => a.title.startsWith('Declare')).map((a) => a.title), ['Declare `kv-pln` as an outside document', 'Declare `kv-pln` as an outside document']);
    const actions = all.filter((a) => a.title.startsWith('Replace'));
    const text = textOf(fx, '/a.strategy.yaml');
    assert.deepStrictEqual(
      actions.map((a) => after(fx, '/a.strategy.yaml', a)),
      [text.replace('goalsFrom: kv-pln', 'goalsFrom: kv-plan'), text.replace('[kv-pln/A1]', '[kv-plan/A1]')],
    );
    const [invalid] = fixesFor(fx, '/a.strategy.yaml', 'invalid-id');
    assert.strictEqual(after(fx, '/a.strategy.yaml', invalid), text.replace('id: 1.\n', 'id: 1\n'));
  });

  it('change a duplicate code to the next free code of its place', () => {
    const fx = fixture('strategy: a\ntitle: A\nitems:\n  - id: 1\n    title: P\n    items:\n      - id: 1.A\n        title: O\n      - id: 1.B\n        title: O\n      - id: 1.B\n        title: Copy\n');
    const actions = fixesFor(fx, '/a.strategy.yaml', 'duplicate-id');
    assert.deepStrictEqual(actions.map((a) => a.title), ['Change to the next free code `1.C`', 'Change to the next free code `1.C`']);
    const fixed = after(fx, '/a.strategy.yaml', actions[1]);
    assert.strictEqual(fixed, textOf(fx, '/a.strategy.yaml').replace(/1\.B(\n        title: Copy)/, '1.C$1'));
  });

  it('renumber a sequence with every reference to the renumbered items, in three files', () => {
    const fx = fixture(`
      //- /praha.strategy.yaml
      strategy: praha
      title: Praha
      items:
        - id: 1
          title: P
          items:
            - id: 1.A
              title: O
            - id: 1.C
              title: O
              related: [1.D]
              items:
                - id: 1.C.1
                  title: M
            - id: 1.D
              title: O
      //- /kv.strategy.yaml
      strategy: kv
      title: KV
      goalsFrom: praha
      items:
        - id: 1
          title: P
          related: [praha/1.C, praha/1.C.1, "praha/1.D"]
          goals: [1.D, 1.A]
      //- /notes.md
      ---
      strategy: praha
      ---
      Opatření 1.C.1 a cíl praha/1.D.
    `);
    const [renumber] = fixesFor(fx, '/praha.strategy.yaml', 'numbering-gap');
    assert.strictEqual(renumber.title, 'Renumber siblings (codes changed: 3)');
    const before = ['/praha.strategy.yaml', '/kv.strategy.yaml', '/notes.md'].map((p) => textOf(fx, p));
    applyAndUpdate(fx, renumber.edit!);
    const rename = (t: string): string => t.replace(/1\.C/g, '1.B').replace(/1\.D/g, '1.C');
    assert.deepStrictEqual(['/praha.strategy.yaml', '/kv.strategy.yaml', '/notes.md'].map((p) => textOf(fx, p)), before.map(rename));
    for (const p of ['/praha.strategy.yaml', '/kv.strategy.yaml', '/notes.md']) {
      assert.deepStrictEqual(fx.service.diagnostics(ROOT + p), [], `${p} is clean after renumbering`);
    }
  });

  it('renumber a sequence numbered through the whole document', () => {
    const fx = fixture(`
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
                - id: 1.A.2
                  title: M
                  related: [1.B.5, 1.B.4]
            - id: 1.B
              title: O
              items:
                - id: 1.B.4
                  title: M
                - id: 1.B.5
                  title: M
    `);
    const [renumber] = fixesFor(fx, '/a.strategy.yaml', 'numbering-gap');
    const fixed = after(fx, '/a.strategy.yaml', renumber)!;
    assert.match(fixed, /- id: 1\.B\.3\n {12}title: M\n {10}- id: 1\.B\.4\n/);
    assert.match(fixed, /related: \[1\.B\.4, 1\.B\.3\]/);
  });

  it('add goalsFrom, one choice per plan document, the one defining the goal first', () => {
    const fx = fixture(`
      //- /other.strategy.yaml
      strategy: jiny
      title: Jiný
      //- /plan.strategy.yaml
      strategy: kv-plan
      title: Plán
      items:
        - id: A1
          title: Úřad
      //- /a.strategy.yaml
      strategy: a
      title: A
      items:
        - id: 1
          title: P
          goals: [A1]
    `);
    const actions = fixesFor(fx, '/a.strategy.yaml', 'missing-goals-from');
    assert.deepStrictEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [
        ['Add `goalsFrom: kv-plan`', true],
        ['Add `goalsFrom: jiny`', false],
      ],
    );
    applyAndUpdate(fx, actions[0].edit!);
    assert.strictEqual(textOf(fx, '/a.strategy.yaml'), 'strategy: a\ntitle: A\ngoalsFrom: kv-plan\nitems:\n  - id: 1\n    title: P\n    goals: [A1]\n');
    assert.deepStrictEqual(fx.service.diagnostics(ROOT + '/a.strategy.yaml'), []);
  });

  it('speak Czech', () => {
    const fx = fixture('strategy: a\ntitle: A\nitems:\n  - id: 1\n    title: P\n  - id: 2\n    title: Q\n    related: [3]\n  - id: 4\n    title: R\n', {}, 'cs');
    assert.deepStrictEqual(fixesFor(fx, '/a.strategy.yaml', 'numbering-gap').map((a) => a.title), ['Přečíslovat sousední položky (změněné kódy: 1)']);
  });
});

/**
 * Rename: item codes with everything below them and every reference in
 * every file (Markdown included) in one edit; document, actor and catalog
 * descriptor ids; refusals that change nothing; rename and rename back give
 * the original texts byte for byte.
 */
import * as assert from 'assert';
import { ResponseError, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { Fixture, fixture, ROOT } from '../fixture';
import { applyAndUpdate, applyEdit, cursor, editsOf, positionOf, textAt, textOf } from './helpers';

/** Three files and a note referring to `2.A` and the items below it, quoted and qualified, as goals and as related items. */
const CASCADE = `
  //- /praha.strategy.yaml
  strategy: praha
  title: Praha
  items:
    - id: 2
      title: Spolupráce
      items:
        - id: "2.A"
          title: Platformy
          items:
            - id: 2.A.11
              title: Poradní platformy
              related: [2.B.1]
              items:
                - id: '2.A.11.I'
                  title: Zřídit platformu
        - id: 2.B
          title: Obce
          items:
            - id: 2.B.1
              title: Úřady
              related: [2.A.11, "2.A.11.I", praha/2.A, 2.A]
  //- /kv.strategy.yaml
  strategy: kv
  title: KV
  goalsFrom: praha
  items:
    - id: 1
      title: P
      related: [praha/2.A.11, praha/2.A.11.I]
      goals: [2.A, 2.A.11]
  //- /notes.md
  ---
  strategy: praha
  ---
  Opatření 2.A.11 a aktivita praha/2.A.11.I v cíli 2.A.
`;

const FILES = ['/praha.strategy.yaml', '/kv.strategy.yaml', '/notes.md'];

function texts(fx: Fixture): string[] {
  return FILES.map((f) => textOf(fx, f));
}

/** Asserts that a call is refused with exactly this message. */
function refused(call: () => unknown, message: string): void {
  assert.throws(call, (e: unknown) => {
    assert.ok(e instanceof ResponseError, `a ResponseError, not ${String(e)}`);
    assert.strictEqual(e.message, message);
    return true;
  });
}

describe('rename', () => {
  describe('prepareRename', () => {
    it('answers the exact range of the code: inside quotes, the code part of a qualified reference', () => {
      const fx = fixture(CASCADE);
      const at = (path: string, needle: string, delta: number): string => {
        const r = fx.service.prepareRename(ROOT + path, positionOf(fx, path, needle, delta));
        return `${textAt(fx, ROOT + path, r.range)} / ${r.placeholder}`;
      };
      assert.strictEqual(at('/praha.strategy.yaml', '"2.A"', 2), '2.A / 2.A');
      assert.strictEqual(at('/kv.strategy.yaml', 'praha/2.A.11,', 8), '2.A.11 / 2.A.11');
      assert.strictEqual(at('/kv.strategy.yaml', 'praha/2.A.11,', 2), 'praha / praha');
      assert.strictEqual(at('/notes.md', '2.A.11 a', 0), '2.A.11 / 2.A.11');
      assert.strictEqual(at('/kv.strategy.yaml', 'goalsFrom: praha', 13), 'praha / praha');
    });

    it('refuses with a message where nothing can be renamed', () => {
      const fx = fixture('strategy: a\ntitle: A\nitems:\n  - id: 1\n    title: P\n    related: [9]\n    descriptors: [VIII.e]\n');
      const uri = ROOT + '/a.strategy.yaml';
      refused(() => fx.service.prepareRename(uri, positionOf(fx, '/a.strategy.yaml', 'title: A', 2)), 'Nothing to rename here: place the cursor on an item code, a document id, an actor or a descriptor of a workspace catalog.');
      refused(() => fx.service.prepareRename(uri, positionOf(fx, '/a.strategy.yaml', '[9]', 1)), 'This code does not resolve, so there is nothing to rename. Unknown priority `9`.');
      refused(() => fx.service.prepareRename(uri, positionOf(fx, '/a.strategy.yaml', 'VIII.e', 1)), 'Descriptor `VIII.e` comes from the built-in catalog and cannot be renamed.');
    });
  });

  describe('an item code', () => {
    it('renames a parent, the items below it and every reference in every file, in one edit of codes only', () => {
      const fx = fixture(CASCADE);
      const before = texts(fx);
      const uri = ROOT + '/praha.strategy.yaml';
      const edit = fx.service.rename(uri, positionOf(fx, '/praha.strategy.yaml', '"2.A"', 1), '2.C')!;
      // Every edit replaces a code, never a quote or anything around it.
      for (const [u, list] of editsOf(edit)) {
        for (const e of list) {
          assert.match(textAt(fx, u, e.range), /^2\.A(\.11(\.I)?)?$/);
        }
      }
      const after = applyAndUpdate(fx, edit);
      assert.deepStrictEqual([...after.keys()].sort(), FILES.map((f) => ROOT + f).sort());
      assert.deepStrictEqual(texts(fx), before.map((t) => t.split('2.A').join('2.C')));
      // No reference broke on the way.
      for (const f of FILES) {
        assert.deepStrictEqual(fx.service.diagnostics(ROOT + f).filter((d) => d.code.startsWith('unknown')), []);
      }
    });

    it('renamed and renamed back gives the original texts byte for byte', () => {
      const fx = fixture(CASCADE);
      const before = texts(fx);
      applyAndUpdate(fx, fx.service.rename(ROOT + '/kv.strategy.yaml', positionOf(fx, '/kv.strategy.yaml', 'goals: [2.A', 9), '2.C')!);
      assert.notDeepStrictEqual(texts(fx), before);
      applyAndUpdate(fx, fx.service.rename(ROOT + '/notes.md', positionOf(fx, '/notes.md', 'cíli 2.C', 6), '2.A')!);
      assert.deepStrictEqual(texts(fx), before);
    });

    it('renames from a Markdown bare code and a qualified reference', () => {
      const fx = fixture(CASCADE);
      const edit = fx.service.rename(ROOT + '/notes.md', positionOf(fx, '/notes.md', '2.A.11.I', 3), '2.A.11.II')!;
      const after = applyEdit(fx, edit);
      assert.strictEqual(after.get(ROOT + '/notes.md'), textOf(fx, '/notes.md').replace('2.A.11.I', '2.A.11.II'));
      assert.strictEqual(after.get(ROOT + '/praha.strategy.yaml'), textOf(fx, '/praha.strategy.yaml').split('2.A.11.I').join('2.A.11.II'));
    });

    it('answers versioned document changes when the client supports them', () => {
      const fx = fixture(CASCADE);
      const versions: Record<string, number> = { [ROOT + '/praha.strategy.yaml']: 7 };
      const edit: WorkspaceEdit = fx.service.rename(ROOT + '/praha.strategy.yaml', positionOf(fx, '/praha.strategy.yaml', '2.A.11\n', 0), '2.A.1', {
        documentChanges: true,
        versionOf: (u) => versions[u] ?? null,
      })!;
      assert.strictEqual(edit.changes, undefined);
      const changes = edit.documentChanges as TextDocumentEdit[];
      assert.deepStrictEqual(changes.map((c) => [c.textDocument.uri.slice(ROOT.length), c.textDocument.version]), [
        ['/kv.strategy.yaml', null],
        ['/notes.md', null],
        ['/praha.strategy.yaml', 7],
      ]);
    });

    it('refuses invalid codes, codes outside the parent and codes that exist, changing nothing', () => {
      const fx = fixture(CASCADE);
      const uri = ROOT + '/praha.strategy.yaml';
      const at = positionOf(fx, '/praha.strategy.yaml', '"2.A"', 1);
      refused(() => fx.service.rename(uri, at, '2.a'), 'Cannot rename to `2.a`: it is not a valid code (segments joined by `.`, e.g. `2.A.11`).');
      refused(() => fx.service.rename(uri, at, '3.C'), 'Cannot rename to `3.C`: the code must extend its parent `2`.');
      refused(() => fx.service.rename(uri, at, '2.B'), 'Cannot rename to `2.B`: `2.B` already exists in this document.');
      const stray = fixture('strategy: a\ntitle: A\nitems:\n  - id: 1\n    title: P\n    items:\n      - id: 1.A\n        title: O\n  - id: 3.A\n    title: Q\n');
      refused(
        () => stray.service.rename(ROOT + '/a.strategy.yaml', positionOf(stray, '/a.strategy.yaml', 'id: 1\n', 4), '3'),
        'Cannot rename to `3`: a sub-item would become `3.A`, which already exists in this document.',
      );
    });

    it('refuses a rename whose sub-item would collide, in Czech', () => {
      const fx = fixture('strategy: a\ntitle: A\nitems:\n  - id: 1\n    title: P\n    items:\n      - id: 1.A\n        title: O\n  - id: 2\n    title: P\n  - id: 1.A\n    title: Stray\n', {}, 'cs');
      const uri = ROOT + '/a.strategy.yaml';
      refused(() => fx.service.rename(uri, positionOf(fx, '/a.strategy.yaml', 'id: 2\n', 4), '1'), 'Nelze přejmenovat na `1`: kód `1` už v tomto dokumentu existuje.');
    });
  });

  describe('other names', () => {
    it('renames a document id everywhere: strategy line, goalsFrom, qualified references, front matter', () => {
      const fx = fixture(CASCADE);
      const before = texts(fx);
      const edit = fx.service.rename(ROOT + '/kv.strategy.yaml', positionOf(fx, '/kv.strategy.yaml', 'goalsFrom: praha', 12), 'praha-2022')!;
      applyAndUpdate(fx, edit);
      assert.deepStrictEqual(texts(fx), before.map((t) => t.split('praha').join('praha-2022')));
      applyAndUpdate(fx, fx.service.rename(ROOT + '/notes.md', positionOf(fx, '/notes.md', 'praha-2022/', 1), 'praha')!);
      assert.deepStrictEqual(texts(fx), before);
      refused(() => fx.service.rename(ROOT + '/notes.md', positionOf(fx, '/notes.md', 'praha/', 1), 'kv'), 'Cannot rename to `kv`: another strategy document already has this id.');
      refused(() => fx.service.rename(ROOT + '/notes.md', positionOf(fx, '/notes.md', 'praha/', 1), 'Praha'), 'Cannot rename to `Praha`: a document id uses lowercase letters, digits and `-`.');
    });

    it('renames an actor within its document', () => {
      const source = 'strategy: a\ntitle: A\nactors:\n  - id: nmc\n    name: NMC\n  - id: icp\n    name: ICP\nitems:\n  - id: 1\n    title: P\n    responsible: nmc\n    partners: [icp, "nmc"]\n';
      const fx = fixture(source);
      const uri = ROOT + '/a.strategy.yaml';
      const edit = fx.service.rename(uri, positionOf(fx, '/a.strategy.yaml', 'responsible: nmc', 14), 'omc')!;
      assert.strictEqual(applyEdit(fx, edit).get(uri), source.split('nmc').join('omc'));
      refused(() => fx.service.rename(uri, positionOf(fx, '/a.strategy.yaml', 'id: nmc', 4), 'icp'), 'Cannot rename to `icp`: an actor with this id already exists in this document.');
      refused(() => fx.service.rename(uri, positionOf(fx, '/a.strategy.yaml', 'id: nmc', 4), 'a, b'), 'Cannot rename to `a, b`: an actor id must not contain spaces or characters such as `,`, `[`, `]`, `#`.');
    });

    it('renames a descriptor of a workspace catalog and its uses', () => {
      const catalog = 'catalog: mestske\ntitle: Městské\nareas:\n  - id: XXII\n    descriptors:\n      - id: XXII.a\n        title: data\n';
      const strategy = 'strategy: a\ntitle: A\nitems:\n  - id: 1\n    title: P\n    descriptors: [XXII.a, VIII.e]\n';
      const fx = fixture(`//- /c.descriptors.yaml\n${catalog}//- /a.strategy.yaml\n${strategy}`);
      const edit = fx.service.rename(ROOT + '/a.strategy.yaml', positionOf(fx, '/a.strategy.yaml', 'XXII.a', 2), 'XXII.b')!;
      const after = applyEdit(fx, edit);
      assert.strictEqual(after.get(ROOT + '/c.descriptors.yaml'), textOf(fx, '/c.descriptors.yaml').replace('XXII.a', 'XXII.b'));
      assert.strictEqual(after.get(ROOT + '/a.strategy.yaml'), textOf(fx, '/a.strategy.yaml').replace('XXII.a', 'XXII.b'));
      const def = positionOf(fx, '/c.descriptors.yaml', 'XXII.a', 0);
      refused(() => fx.service.rename(ROOT + '/c.descriptors.yaml', def, 'XXI.a'), 'Cannot rename to `XXI.a`: the descriptor must stay in area `XXII`.');
      refused(() => fx.service.rename(ROOT + '/c.descriptors.yaml', def, 'XXII'), 'Cannot rename to `XXII`: a descriptor code is a Roman-numeral area, `.`, and a lowercase letter (e.g. `VIII.e`).');
    });
  });

  it('works from the cursor of a fixture too', () => {
    const fx = fixture('strategy: a\ntitle: A\nitems:\n  - id: 1\n    title: P\n  - id: 2\n    title: Q\n    related: [$01]\n');
    const { uri, position } = cursor(fx);
    const after = applyEdit(fx, fx.service.rename(uri, position, '3')!).get(uri);
    assert.strictEqual(after, 'strategy: a\ntitle: A\nitems:\n  - id: 3\n    title: P\n  - id: 2\n    title: Q\n    related: [3]\n');
  });
});

/**
 * Completion: codes in reference lists (flow and block), qualified
 * references, descriptors, actors, document ids, and the next free code on
 * `id:`, matched fuzzily and insensitive to case and diacritics.
 */
import * as assert from 'assert';
import { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { Fixture, fixture, ROOT } from '../fixture';
import { cursor, textAt } from './helpers';

/** The completions at the fixture's cursor. */
function complete(source: string, locale = 'en'): { fx: Fixture; list: CompletionList | null; labels: string[] } {
  const fx = fixture(source, {}, locale);
  const { uri, position } = cursor(fx);
  const list = fx.service.completion(uri, position);
  return { fx, list, labels: list?.items.map((i) => i.label) ?? [] };
}

function item(list: CompletionList | null, label: string): CompletionItem {
  const found = list?.items.find((i) => i.label === label);
  assert.ok(found, `no completion ${label} in ${JSON.stringify(list?.items.map((i) => i.label))}`);
  return found;
}

/** The text an item's edit replaces, and the text it inserts. */
function edit(fx: Fixture, i: CompletionItem): { replaces: string; inserts: string } {
  const e = i.textEdit as TextEdit;
  return { replaces: textAt(fx, fx.cursorFile().uri, e.range), inserts: e.newText };
}

/** The editor keeps an item when the typed text (the edit's range up to the cursor) is a prefix of its filter text. */
function keptByEditor(fx: Fixture, i: CompletionItem): boolean {
  const e = i.textEdit as TextEdit;
  const f = fx.cursorFile();
  const start = fx.service.document(f.uri)!.offsetAt(e.range.start);
  return (i.filterText ?? i.label).startsWith(f.text.slice(start, f.cursor));
}

const PRAHA = (related: string): string => `
  strategy: praha
  title: Praha
  levels: [Prioritní oblast, Specifický cíl, Opatření, Aktivita]
  items:
    - id: 4
      title: Vzdělávání a jazyk
      items:
        - id: 4.A
          title: Jazyková příprava
          items:
            - id: 4.A.2
              title: Podpora škol
            - id: 4.A.21
              title: Zajištění jazykové přípravy a podpory
            - id: 4.A.22
              title: Kurzy pro dospělé
              ${related}
            - id: 4.A.23
              title: Tlumočení
  `;

describe('completion', () => {
  describe('in related', () => {
    it('offers every item of the document with code, title and level, but not the item itself', () => {
      const { list, labels } = complete(PRAHA('related: [$0]'));
      assert.deepStrictEqual(labels, ['4', '4.A', '4.A.2', '4.A.21', '4.A.23']);
      const i = item(list, '4.A.21');
      assert.deepStrictEqual(i.labelDetails, { detail: ' Zajištění jazykové přípravy a podpory', description: 'Opatření' });
      assert.strictEqual(i.detail, 'Opatření · praha');
      assert.strictEqual(list?.isIncomplete, true);
    });

    for (const typed of ['jazyk', 'jazykova priprava', 'JAZYKOVE', '4.A.2', '4.a.2', 'zajisteni']) {
      it(`finds 4.A.21 from "${typed}", and the editor's filter keeps it`, () => {
        const { fx, list } = complete(PRAHA(`related: [${typed}$0]`));
        const i = item(list, '4.A.21');
        assert.ok(keptByEditor(fx, i), `filterText ${i.filterText}`);
        assert.deepStrictEqual(edit(fx, i), { replaces: typed, inserts: '4.A.21' });
      });
    }

    it('ranks exact code-prefix matches first', () => {
      const { list, labels } = complete(PRAHA('related: [4.A.2$0]'));
      assert.deepStrictEqual(labels.slice(0, 3), ['4.A.2', '4.A.21', '4.A.23']);
      const sorted = [...(list?.items ?? [])].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1)).map((i) => i.label);
      assert.deepStrictEqual(sorted, labels);
    });

    it('does not offer items already listed in the same flow sequence', () => {
      const { labels } = complete(PRAHA('related: [4.A.2, $0, 4]'));
      assert.deepStrictEqual(labels, ['4.A', '4.A.21', '4.A.23']);
    });

    it('replaces the whole partly typed code when the cursor is in its middle', () => {
      const { fx, list } = complete(PRAHA('related: [4.A$0.2, 4]'));
      assert.deepStrictEqual(edit(fx, item(list, '4.A.21')), { replaces: '4.A.2', inserts: '4.A.21' });
    });

    it('works in a block sequence, leaving out the entries above and below', () => {
      const { fx, list, labels } = complete(
        PRAHA(`related:
                - 4.A.2
                - 4.A$0
                - 4`),
      );
      assert.deepStrictEqual(labels, ['4.A', '4.A.21', '4.A.23']);
      assert.deepStrictEqual(edit(fx, item(list, '4.A.21')), { replaces: '4.A', inserts: '4.A.21' });
    });

    it('works inside quotes, replacing only the text inside them', () => {
      const { fx, list } = complete(PRAHA(`related: ['4.A.2$0']`));
      assert.deepStrictEqual(edit(fx, item(list, '4.A.21')), { replaces: '4.A.2', inserts: '4.A.21' });
    });

    it('wraps the code in a list when the key has no list yet', () => {
      const { fx, list } = complete(PRAHA('related: 4.A.2$0'));
      assert.deepStrictEqual(edit(fx, item(list, '4.A.21')), { replaces: '4.A.2', inserts: '[4.A.21]' });
    });

    it('works while the document is not valid YAML, with the items of its last good parse', () => {
      const fx = fixture(PRAHA('related: [4.A.2]'));
      const uri = ROOT + '/a.strategy.yaml';
      fx.service.documentSymbols(uri);
      const broken = fx.service.document(uri)!.getText().replace('related: [4.A.2]', 'related: [4.A.2, ');
      fx.service.update(uri, broken);
      assert.ok(fx.service.diagnostics(uri).some((d) => d.code === 'yaml-syntax'), 'the text is broken');
      const position = fx.service.document(uri)!.positionAt(broken.indexOf('[4.A.2, ') + 8);
      const labels = fx.service.completion(uri, position)?.items.map((i) => i.label);
      // 4.A.23 comes after the error: only the last good parse still knows it.
      assert.deepStrictEqual(labels, ['4', '4.A', '4.A.21', '4.A.23']);
    });

    it('offers document ids as prefixes of qualified references', () => {
      const { list } = complete(`
        //- /plan.strategy.yaml
        strategy: kv-plan
        title: Plán
        //- /a.strategy.yaml
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            related: [kv$0]
        `);
      const i = item(list, 'kv-plan/');
      assert.strictEqual(i.command?.command, 'editor.action.triggerSuggest');
    });

    it('offers nothing in a comment or in a title', () => {
      assert.strictEqual(complete(PRAHA('# related: [$0]')).list, null);
      assert.strictEqual(complete(PRAHA('description: jazyk$0')).list, null);
    });
  });

  describe('in goals and qualified references', () => {
    const KV = (goals: string): string => `
      //- /plan.strategy.yaml
      strategy: kv-plan
      title: Strategický plán
      levels: [Pilíř, Strategický cíl, Specifický cíl]
      items:
        - id: A
          title: Správa města
          items:
            - id: A1
              title: Úřad a hospodaření
              items:
                - id: A1.1
                  title: Efektivní úřad
                - id: A1.2
                  title: Hospodaření města
      //- /a.strategy.yaml
      strategy: kv-integrace
      title: Integrace
      goalsFrom: kv-plan
      items:
        - id: 1
          title: P
          ${goals}
      `;

    it('offers the items of the goalsFrom document', () => {
      const { list, labels } = complete(KV('goals: [A1.1, $0]'));
      assert.deepStrictEqual(labels, ['A', 'A1', 'A1.2']);
      assert.strictEqual(item(list, 'A1.2').labelDetails?.description, 'Specifický cíl');
    });

    it('offers the items of the named document after `doc-id/`, inserting only the code', () => {
      const { fx, list, labels } = complete(KV('related: [kv-plan/A1.2, kv-plan/ef$0]'));
      assert.deepStrictEqual(labels, ['A1.1']);
      assert.deepStrictEqual(edit(fx, item(list, 'A1.1')), { replaces: 'ef', inserts: 'A1.1' });
      assert.deepStrictEqual(complete(KV('related: [kv-plan/A1.1, kv-plan/$0]')).labels, ['A', 'A1', 'A1.2']);
    });

    it('offers qualified codes in Markdown', () => {
      const { fx, list } = complete(`
        //- /plan.strategy.yaml
        strategy: kv-plan
        title: Plán
        items:
          - id: A
            title: Správa
        //- /notes.md
        Viz kv-plan/$0 v plánu.
        `);
      assert.deepStrictEqual(edit(fx, item(list, 'A')), { replaces: '', inserts: 'A' });
    });
  });

  describe('descriptors, actors and documents', () => {
    const DOC = (line: string): string => `
      //- /plan.strategy.yaml
      strategy: kv-plan
      title: Strategický plán
      //- /a.strategy.yaml
      strategy: a
      title: A
      actors:
        - id: nmc
          name: Oddělení národnostních menšin a cizinců
        - id: icp
          name: Integrační centrum Praha
      items:
        - id: 1
          title: P
          ${line}
      `;

    it('offers descriptors with their names, not those already listed', () => {
      const { list, labels } = complete(DOC('descriptors: [VIII.e, $0]'));
      assert.ok(!labels.includes('VIII.e'));
      assert.deepStrictEqual(item(list, 'XVII.b').labelDetails, { detail: ' optimalizace procesů ve veřejné správě', description: 'Descriptor' });
      assert.deepStrictEqual(complete(DOC('descriptors: [zaclenovani cizincu$0]')).labels[0], 'VIII.e');
      assert.deepStrictEqual(complete(DOC('descriptors: [xvii.$0]')).labels, ['XVII.b', 'XVII.c', 'XVII.d', 'XVII.e', 'XVII.h']);
    });

    it('offers the actors of the document in responsible and partners', () => {
      const { list, labels } = complete(DOC('responsible: $0'));
      assert.deepStrictEqual(labels, ['nmc', 'icp']);
      assert.strictEqual(item(list, 'icp').labelDetails?.description, 'Actor');
      assert.deepStrictEqual(complete(DOC('partners: [nmc, $0]')).labels, ['icp']);
      assert.deepStrictEqual(complete(DOC('partners: [integracni$0]')).labels, ['icp']);
    });

    it('offers the other documents in goalsFrom and documents[].strategy', () => {
      assert.deepStrictEqual(complete(DOC('title: x').replace('title: A\n', 'title: A\ngoalsFrom: $0\n')).labels, ['kv-plan']);
      const documents = DOC('title: x').replace('title: A\n', 'title: A\ndocuments:\n  - title: Zákon\n    url: https://example.org\n  - strategy: kv$0\n');
      assert.deepStrictEqual(complete(documents).labels, ['kv-plan']);
    });

    it('names levels in Czech', () => {
      const { list } = complete(DOC('descriptors: [$0]'), 'cs');
      assert.strictEqual(item(list, 'VIII.e').labelDetails?.description, 'Deskriptor');
    });
  });

  describe('on id', () => {
    it('offers the next number, letter or Roman numeral of the sequence', () => {
      const tree = `
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
                    items:
                      - id: 1.A.1.I
                        title: Ac
                      - id: 1.A.1.II
                        title: Ac
                      ROMAN
              - id: 1.B
                title: O
              LETTER
          - id: 2
            title: P
          TOP
        `;
      const at = (slot: string): string => tree.replace(slot, '- id: $0').replace(/^\s*(ROMAN|LETTER|TOP)\n/gm, '');
      assert.deepStrictEqual(complete(at('ROMAN')).labels, ['1.A.1.III']);
      const letters = complete(at('LETTER'));
      assert.deepStrictEqual(letters.labels, ['1.C']);
      assert.strictEqual(item(letters.list, '1.C').labelDetails?.description, 'Objective');
      const top = complete(at('TOP'));
      assert.deepStrictEqual(top.labels, ['3']);
      assert.strictEqual(item(top.list, '3').preselect, true);
    });

    it('continues numbering across parents where the document numbers through', () => {
      const doc = (extra: { b?: string; c?: string; d?: string }): string => `
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
              - id: 1.B
                title: O
                items:
                  - id: 1.B.3
                    title: M
                  - id: 1.B.4
                    title: M
                  ${extra.b ?? ''}
              - id: 1.C
                title: O
                items:
                  - id: 1.C.5
                    title: M
                  ${extra.c ?? ''}
              - id: 1.D
                title: O
                ${extra.d ?? ''}
        `;
      assert.deepStrictEqual(complete(doc({ c: '- id: $0' })).labels, ['1.C.6']);
      // 5 is taken by 1.C.5: the next free number of the document is 6.
      assert.deepStrictEqual(complete(doc({ b: '- id: $0' })).labels, ['1.B.6']);
      assert.deepStrictEqual(complete(doc({ d: 'items:\n                  - id: $0' })).labels, ['1.D.6']);
    });

    it('restarts per parent where the document does, and follows letters+digits codes', () => {
      const plan = (extra: string, underB = ''): string => `
        strategy: plan
        title: Plán
        items:
          - id: A
            title: P
            items:
              - id: A1
                title: S
                items:
                  - id: A1.1
                    title: G
                  - id: A1.2
                    title: G
              - id: A2
                title: S
                items:
                  - id: A2.1
                    title: G
                  ${extra}
          - id: B
            title: P
            ${underB}
        `;
      assert.deepStrictEqual(complete(plan('- id: $0')).labels, ['A2.2']);
      assert.deepStrictEqual(complete(plan('', 'items:\n              - id: $0')).labels, ['B1']);
    });

    it('replaces a partly typed code and adds the space a bare colon lacks', () => {
      const base = `
        strategy: a
        title: A
        items:
          - id: 1
            title: P
          - id: 2
            title: P
          - id: `;
      const typed = complete(base + '2$0\n');
      assert.deepStrictEqual(edit(typed.fx, item(typed.list, '3')), { replaces: '2', inserts: '3' });
      const bare = complete(base.replace(/- id: $/, '- id:$0\n'));
      assert.deepStrictEqual(edit(bare.fx, item(bare.list, '3')), { replaces: '', inserts: ' 3' });
    });

    it('offers nothing on the id of an actor', () => {
      assert.strictEqual(complete('strategy: a\ntitle: A\nactors:\n  - id: $0\n').list, null);
    });
  });
});

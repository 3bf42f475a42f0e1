/**
 * Document symbols (the item tree and a catalog's areas) and workspace
 * symbols (fuzzy over every code and title of the workspace).
 */
import * as assert from 'assert';
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-protocol';
import { fixture, ROOT } from '../fixture';
import { describeLocation } from './helpers';

const WORKSPACE = `
  //- /praha.strategy.yaml
  strategy: praha
  title: Praha
  levels: [Prioritní oblast, Specifický cíl, Opatření, Aktivita]
  items:
    - id: 4
      title: Vzdělávání
      items:
        - id: 4.A
          title: Jazyk
          items:
            - id: 4.A.21
              title: Zajištění jazykové přípravy a podpory
              items:
                - id: 4.A.21.I
                  title: Kurzy
    - id: 5
      title: Soužití
  //- /plan.strategy.yaml
  strategy: kv-plan
  title: Plán
  items:
    - id: A
      title: Jazyková politika
  //- /c.descriptors.yaml
  catalog: mestske
  title: Městské
  areas:
    - id: XXII
      title: Data
      descriptors:
        - id: XXII.a
          title: otevřená data
`;

const KIND_NAMES: Partial<Record<number, string>> = { [SymbolKind.Namespace]: 'Namespace', [SymbolKind.Class]: 'Class', [SymbolKind.Method]: 'Method', [SymbolKind.Field]: 'Field', [SymbolKind.EnumMember]: 'EnumMember' };

function outline(symbols: DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name} [${s.detail ?? ''}] ${KIND_NAMES[s.kind] ?? String(s.kind)}`, ...outline(s.children ?? [], depth + 1)]);
}

describe('symbols', () => {
  it('outline a strategy document as its item tree, named "code title", kind by level', () => {
    const fx = fixture(WORKSPACE);
    const symbols = fx.service.documentSymbols(ROOT + '/praha.strategy.yaml');
    assert.deepStrictEqual(outline(symbols), [
      '4 Vzdělávání [Prioritní oblast] Namespace',
      '  4.A Jazyk [Specifický cíl] Class',
      '    4.A.21 Zajištění jazykové přípravy a podpory [Opatření] Method',
      '      4.A.21.I Kurzy [Aktivita] Field',
      '5 Soužití [Prioritní oblast] Namespace',
    ]);
    const measure = symbols[0].children![0].children![0];
    assert.strictEqual(describeLocation(fx, { uri: ROOT + '/praha.strategy.yaml', range: measure.selectionRange }), '/praha.strategy.yaml@10:16 «4.A.21»');
    assert.ok(measure.range.end.line >= 14, 'the range covers the measure with its activity');
  });

  it("outline a catalog's areas and descriptors", () => {
    const fx = fixture(WORKSPACE);
    assert.deepStrictEqual(outline(fx.service.documentSymbols(ROOT + '/c.descriptors.yaml')), ['XXII Data [] Namespace', '  XXII.a otevřená data [Descriptor] EnumMember']);
  });

  it('find codes of the whole workspace by code or by title, without diacritics', () => {
    const fx = fixture(WORKSPACE);
    const names = (q: string): string[] => fx.service.workspaceSymbols(q).map((s) => `${s.containerName ?? ''}: ${s.name}`);
    assert.deepStrictEqual(names('4.A'), ['praha: 4.A Jazyk', 'praha: 4.A.21 Zajištění jazykové přípravy a podpory', 'praha: 4.A.21.I Kurzy']);
    assert.deepStrictEqual(names('jazykova priprava'), ['praha: 4.A.21 Zajištění jazykové přípravy a podpory']);
    assert.ok(names('jazyk').includes('kv-plan: A Jazyková politika'));
    assert.strictEqual(fx.service.workspaceSymbols('').length, 6);
  });
});

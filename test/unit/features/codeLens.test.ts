/**
 * Code lenses: the number of references of each item, in the user's
 * language, opening them with `editor.action.showReferences`.
 */
import * as assert from 'assert';
import { Location } from 'vscode-languageserver-protocol';
import { fixture, ROOT } from '../fixture';
import { describeLocation } from './helpers';

const SOURCE = `
  //- /a.strategy.yaml
  strategy: a
  title: A
  items:
    - id: 1
      title: P
    - id: 2
      title: Q
      related: [1]
    - id: 3
      title: R
      related: [1, 2]
  //- /b.strategy.yaml
  strategy: b
  title: B
  items:
    - id: 1
      title: P
      related: [a/1, a/2, a/1]
  //- /notes.md
  Viz a/1 a a/1.
`;

describe('code lens', () => {
  it('counts the references of each item across the workspace, with Czech plurals', () => {
    const fx = fixture(SOURCE, {}, 'cs');
    const lenses = fx.service.codeLenses(ROOT + '/a.strategy.yaml');
    assert.deepStrictEqual(
      lenses.map((l) => l.command?.title),
      ['6 odkazů', '2 odkazy', '0 odkazů'],
    );
    assert.deepStrictEqual(fixture(SOURCE).service.codeLenses(ROOT + '/b.strategy.yaml').map((l) => l.command?.title), ['0 references']);
  });

  it('opens the references with plain JSON arguments: URI, position, locations', () => {
    const fx = fixture(SOURCE);
    const [first, second, third] = fx.service.codeLenses(ROOT + '/a.strategy.yaml');
    assert.strictEqual(first.command?.command, 'editor.action.showReferences');
    const args: unknown[] = first.command?.arguments ?? [];
    const [uri, position, locations] = args as [string, unknown, Location[]];
    assert.strictEqual(uri, ROOT + '/a.strategy.yaml');
    assert.deepStrictEqual(position, first.range.start);
    assert.deepStrictEqual(locations.map((l) => describeLocation(fx, l)), [
      '/a.strategy.yaml@7:14 «1»',
      '/a.strategy.yaml@10:14 «1»',
      '/b.strategy.yaml@5:16 «1»',
      '/b.strategy.yaml@5:26 «1»',
      '/notes.md@0:6 «1»',
      '/notes.md@0:12 «1»',
    ]);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(first.command)), first.command, 'the arguments survive JSON');
    assert.strictEqual(second.command?.title, '2 references');
    assert.strictEqual(third.command?.command, '', 'a lens without references opens nothing');
  });
});

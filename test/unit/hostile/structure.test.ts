/**
 * Files of the wrong shape: tabs for indentation, a list or a scalar instead
 * of a mapping, an empty file, several YAML documents, duplicate keys. Each
 * is reported where the author has to look, and what can be read is indexed.
 */
import * as assert from 'assert';
import { checkHostile, expectDiagnostic, expectWithin, lineOf, messageText } from './hostile';

function items(r: ReturnType<typeof checkHostile>): string[] {
  const parsed = r.service.index.get(r.uri)?.parsed;
  return parsed?.kind === 'strategy' ? parsed.items.map((i) => i.id) : [];
}

describe('hostile input: files of the wrong shape', () => {
  it('tabs for indentation are a yaml-syntax error on the first tabbed line, saying tabs are not allowed', () => {
    const text = 'strategy: taby\ntitle: Taby\nitems:\n  - id: 1\n\ttitle: Odsazeno tabulátorem\n  - id: 2\n    title: Dobře\n';
    const r = checkHostile(text);
    expectDiagnostic(r, { code: 'yaml-syntax', line: 5, message: /Tabs are not allowed for indentation in YAML: indent with spaces/ });
    assert.deepStrictEqual(items(r).slice(0, 1), ['1'], 'the item before the error is still indexed');
  });

  it('a file that is a list is one schema error on line 1: it must be a mapping', () => {
    const r = checkHostile('- id: 1\n  title: Seznam\n- id: 2\n  title: Místo mapování\n');
    expectDiagnostic(r, { code: 'schema', line: 1, message: /must be a mapping with `strategy:` and `title:` keys, not a list/ });
  });

  it('a file that is a single scalar is the same error', () => {
    expectDiagnostic(checkHostile('jen text\n'), { code: 'schema', line: 1, message: /must be a mapping/ });
    expectDiagnostic(checkHostile('42\n'), { code: 'schema', line: 1, message: /must be a mapping/ });
  });

  it('an empty file, or one with comments only, is one schema error on line 1', () => {
    expectDiagnostic(checkHostile(''), { code: 'schema', line: 1, message: /The file is empty/ });
    expectDiagnostic(checkHostile('# jen komentář\n\n# další\n'), { code: 'schema', line: 1, message: /The file is empty/ });
  });

  it('a second YAML document is one schema error on its separator; the first document is indexed', () => {
    const text = 'strategy: prvni\ntitle: První\nitems:\n  - id: 1\n    title: A\n---\nstrategy: druhy\ntitle: Druhý\n---\nnic: 1\n';
    const r = checkHostile(text);
    expectDiagnostic(r, { code: 'schema', line: 6, message: /Only one YAML document per file/ });
    assert.deepStrictEqual(items(r), ['1']);
    assert.strictEqual(r.service.index.strategy('prvni')?.uri, r.uri);
    assert.strictEqual(r.service.index.strategy('druhy'), undefined);
  });

  it('a file that is hardly YAML shows its first 100 YAML errors and one more diagnostic counting the rest', function () {
    this.timeout(60_000);
    const text = 'strategy: zmet\ntitle: Změť\nx:\n' + '- a: '.repeat(20_000) + 'x\n';
    const r = checkHostile(text, { cli: false });
    const syntax = r.lsp.filter((d) => d.code === 'yaml-syntax');
    assert.strictEqual(syntax.length, 101);
    assert.match(messageText(syntax[100]), /^\d+ more YAML errors from here on are not shown/);
    expectWithin(r.ms, 20_000, 'reading 20,000 broken entries on one line');
  });

  it('a duplicate key is a yaml-syntax error on the repeated key', () => {
    const text = 'strategy: dvojity\ntitle: Dvojitý\ntitle: Znovu\nitems:\n  - id: 1\n    title: A\n';
    const r = checkHostile(text);
    expectDiagnostic(r, { code: 'yaml-syntax', line: 3, message: /Map keys must be unique/ });
  });

  it('a duplicate `id` key inside an item is reported on the repeated key', () => {
    const text = 'strategy: dvojity\ntitle: Dvojitý\nitems:\n  - id: 1\n    id: 2\n    title: A\n';
    const r = checkHostile(text);
    expectDiagnostic(r, { code: 'yaml-syntax', line: lineOf(text, 'id: 2'), message: /Map keys must be unique/, others: 'any' });
  });
});

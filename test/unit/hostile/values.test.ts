/**
 * Values of the wrong kind: ids and references of the wrong type, empty
 * strings, 10,000-character codes, codes with Unicode look-alikes pasted from
 * Word or PDFs. Each is reported at the value, the look-alike named in the
 * message, and messages stay readable however long the value.
 */
import * as assert from 'assert';
import { checkHostile, expectDiagnostic, expectWithin, lineOf, messageText } from './hostile';

const HEAD = 'strategy: hodnoty\ntitle: Hodnoty\n';

describe('hostile input: values of the wrong kind', () => {
  it('`id: [1, 2]` is a schema error on the list: an id must be a code', () => {
    const text = HEAD + 'items:\n  - id: [1, 2]\n    title: Seznam jako kód\n';
    expectDiagnostic(checkHostile(text), { code: 'schema', line: 4, message: /`id` must be a code \(text or a number\)/ });
  });

  it('`related: 5` and `goals: {a: b}` are schema errors on the value: they must be lists', () => {
    const text = HEAD + 'items:\n  - id: 1\n    title: A\n    related: 5\n    goals: {a: b}\n';
    const r = checkHostile(text);
    expectDiagnostic(r, { code: 'schema', line: lineOf(text, 'related'), message: /`related` must be a list/, others: ['schema'] });
    expectDiagnostic(r, { code: 'schema', line: lineOf(text, 'goals'), message: /`goals` must be a list/, others: ['schema'] });
    assert.strictEqual(r.lsp.length, 2);
  });

  it('empty strings as id and references are invalid-id "Empty code" on each', () => {
    const text = HEAD + 'actors:\n  - id: nmc\n    name: N\nitems:\n  - id: ""\n    title: Prázdný kód\n    related: [""]\n    descriptors: [""]\n    responsible: ""\n';
    const r = checkHostile(text);
    const empty = r.lsp.filter((d) => d.code === 'invalid-id').map((d) => `${d.range.start.line + 1}: ${messageText(d)}`);
    assert.deepStrictEqual(empty, ['7: Empty code.', '9: Empty code.', '10: Empty code.', '11: Empty code.']);
    assert.deepStrictEqual(r.cli.filter((d) => d.code === 'invalid-id').map((d) => d.line), [7, 9, 10, 11]);
  });

  it('an empty document id is reported too', () => {
    const r = checkHostile('strategy: ""\ntitle: Bez id\n');
    expectDiagnostic(r, { code: 'invalid-id', line: 1, message: /Empty code|Invalid document id/, others: 'any' });
  });

  it('a 10,000-character invalid code is one invalid-id, with a message of readable length', () => {
    const text = HEAD + `items:\n  - id: ${'x'.repeat(10_000)}\n    title: Dlouhý kód\n`;
    const r = checkHostile(text);
    expectDiagnostic(r, { code: 'invalid-id', line: 4, message: /^Invalid code `x+…`/ });
    assert.ok(messageText(r.lsp[0]).length < 600, `message of ${messageText(r.lsp[0]).length} characters`);
    expectWithin(r.ms, 2000, 'checking a 10,000-character code');
  });

  it('a 10,000-character reference that does not resolve is one unknown-item, message clipped', () => {
    const code = '1.'.repeat(5000) + '1';
    const text = HEAD + `items:\n  - id: 1\n    title: A\n    related: [${code}]\n`;
    const r = checkHostile(text);
    expectDiagnostic(r, { code: 'unknown-item', line: 6, message: /^Unknown .* `1\.1\.1.*…`/ });
    assert.ok(messageText(r.lsp[0]).length < 600, `message of ${messageText(r.lsp[0]).length} characters`);
    assert.strictEqual(r.lsp[0].range.end.character - r.lsp[0].range.start.character, code.length, 'the range covers the whole code');
    expectWithin(r.ms, 2000, 'checking a 10,000-character reference');
  });

  it('a Cyrillic А in an id is an invalid-id naming the look-alike and its code point', () => {
    const text = HEAD + 'items:\n  - id: 1\n    title: A\n    items:\n      - id: 1.\u0410\n        title: Cyrilice\n';
    expectDiagnostic(checkHostile(text), { code: 'invalid-id', line: 7, message: /contains `А` \(U\+0410\), which only looks like `A`/ });
  });

  it('a Cyrillic letter in a reference is named the same way', () => {
    const text = HEAD + 'items:\n  - id: 1\n    title: A\n  - id: 2\n    title: B\n    related: [\u0406]\n';
    expectDiagnostic(checkHostile(text), { code: 'invalid-id', line: 8, message: /contains `І` \(U\+0406\), which only looks like `I`/ });
  });

  it('a non-breaking space inside a quoted code is an invalid-id naming U+00A0', () => {
    const text = HEAD + 'items:\n  - id: 1\n    title: A\n  - id: "2\u00a0"\n    title: B\n';
    expectDiagnostic(checkHostile(text), { code: 'invalid-id', line: 6, message: /U\+00A0/ });
  });

  it('a full-width digit in a code is named too', () => {
    const text = HEAD + 'items:\n  - id: \uff11\n    title: A\n';
    expectDiagnostic(checkHostile(text), { code: 'invalid-id', line: 4, message: /U\+FF11.*looks like `1`/ });
  });
});

// Czech and English plural forms of the status bar and tree view.
import * as assert from 'assert';
import { choosePlural } from '../../../client/src/plural';

const codes = { one: 'kód', few: 'kódy', other: 'kódů' };

suite('plurals', () => {
  test('Czech: 1 kód, 2–4 kódy, 0 and 5+ kódů', () => {
    const forms = [0, 1, 2, 3, 4, 5, 11, 21, 22, 412].map((n) => `${n} ${choosePlural(n, 'cs', codes)}`);
    assert.deepStrictEqual(forms, ['0 kódů', '1 kód', '2 kódy', '3 kódy', '4 kódy', '5 kódů', '11 kódů', '21 kódů', '22 kódů', '412 kódů']);
  });

  test('English: 1 code, otherwise codes', () => {
    const en = { one: 'code', few: 'codes', other: 'codes' };
    assert.deepStrictEqual([0, 1, 2, 5].map((n) => choosePlural(n, 'en', en)), ['codes', 'code', 'codes', 'codes']);
  });

  test('a locale tag Intl rejects falls back to English rules', () => {
    assert.strictEqual(choosePlural(3, 'not a locale!', codes), 'kódů');
    assert.strictEqual(choosePlural(1, 'not a locale!', codes), 'kód');
  });
});

/**
 * Choosing a plural form by the UI language's rules, without `vscode`, so that it is tested alone.
 * Czech has three forms for whole numbers (1 kód, 2–4 kódy, 0 and 5+ kódů); English has two.
 */

/** The translated forms of one countable phrase. `few` is Czech's 2–4; languages without it repeat `other`. */
export interface PluralForms {
  one: string;
  few: string;
  other: string;
}

/** The form of `forms` that the plural rules of `locale` (a BCP 47 tag such as `cs` or `en`) choose for `n`. */
export function choosePlural(n: number, locale: string, forms: PluralForms): string {
  let category: Intl.LDMLPluralRule;
  try {
    category = new Intl.PluralRules(locale).select(n);
  } catch {
    // A tag Intl does not accept (VS Code's pseudo-locale `qps-ploc`): English rules are the safe default.
    category = n === 1 ? 'one' : 'other';
  }
  if (category === 'one') {
    return forms.one;
  }
  return category === 'few' ? forms.few : forms.other;
}

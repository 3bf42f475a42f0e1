/**
 * Finding codes in Markdown (spec 5): qualified references with their spans,
 * the front matter's `strategy:`, and bare codes only when it is there.
 */
import * as assert from 'assert';
import { parseMarkdown } from '../../../server/src/parse/parseMarkdown';
import { stripMarkers } from '../fixture';

/** Checks that exactly the `⟦…⟧` ranges are found as qualified references. */
function checkRefs(source: string): void {
  const { text, marks } = stripMarkers(source);
  const doc = parseMarkdown('file:///ws/a.md', text);
  assert.deepStrictEqual(
    doc.references.map((r) => text.slice(r.span.start, r.span.end)),
    marks.map((m) => text.slice(m.start, m.end)),
  );
}

describe('parse: Markdown', () => {
  const cases: [string, string][] = [
    ['a plain reference', 'Viz ⟦praha-integrace/2.A.11⟧ v textu.'],
    ['at the start and end of the text', '⟦praha/1⟧ a ⟦praha/2⟧'],
    ['sentence punctuation after it', '⟦praha/1.A⟧. ⟦praha/1.B⟧, ⟦praha/1.C⟧; ⟦praha/1.D⟧: (⟦praha/1.E⟧)'],
    ['Roman and letters+digits codes', '⟦praha/2.A.11.IV⟧ a ⟦kv-plan/A1.1⟧ a ⟦kv-plan/C2.2.1⟧'],
    ['inline code spans', '`⟦praha/1.A⟧` a ``⟦praha/1.B⟧``'],
    ['emphasis and links', '**⟦praha/1⟧** *⟦praha/2⟧* [⟦praha/3⟧](https://x.cz/praha/3)'],
    // `_` is a word character (spec 5): `_praha/1_` is not a reference; authors emphasise with `*`.
    ['not in underscore emphasis', '_praha/1_'],
    ['a document id with digits', '⟦plan-2030/A1⟧ a ⟦2030-plan/A1⟧'],
    ['not inside URLs', 'https://example.org/praha/1.A a http://praha/1.A'],
    ['not inside paths', 'docs/praha/1.A a ./praha/1.A a ~/praha/1.A a C:\\x:praha/1.A'],
    ['not after a word character', 'Xpraha/1 a _praha/1, ale ⟦xpraha/1⟧ je dokument xpraha'],
    ['not a document id without a letter', '12/2022 a 1/2 a 2030/1.A'],
    ['not a lowercase code', 'km/h a praha/a'],
    ['not a code that continues', 'praha/1Ab a praha/1.A/2'],
    ['a full stop and text right after it: the code ends at the full stop', '⟦praha/1.A⟧.tady'],
    ['not in fenced code blocks', '```\npraha/1\n```\n~~~yaml\npraha/2\n~~~\n⟦praha/3⟧'],
    ['in an unclosed fence: nothing after it', '⟦praha/1⟧\n```\npraha/2\n'],
  ];
  for (const [name, source] of cases) {
    it(name, () => checkRefs(source));
  }

  it('reads the front matter strategy with its span, and collects bare codes', () => {
    const text = '---\ntitle: X\nstrategy: praha\n---\nOpatření 2.A.11 a 1.A, viz praha/3.\n';
    const doc = parseMarkdown('file:///ws/a.md', text);
    assert.strictEqual(doc.strategy?.code, 'praha');
    assert.strictEqual(text.slice(doc.strategy.span.start, doc.strategy.span.end), 'praha');
    assert.deepStrictEqual(
      doc.bareCodes.map((b) => b.code),
      ['2.A.11', '1.A'],
    );
  });

  it('reads a quoted front matter strategy and CRLF front matter', () => {
    const text = '---\r\nstrategy: "praha"\r\n---\r\nText\r\n';
    const doc = parseMarkdown('file:///ws/a.md', text);
    assert.strictEqual(doc.strategy?.code, 'praha');
    assert.strictEqual(text.slice(doc.strategy.span.start, doc.strategy.span.end), 'praha');
  });

  it('collects no bare codes without a front matter strategy', () => {
    assert.deepStrictEqual(parseMarkdown('file:///ws/a.md', 'Opatření 2.A.11.').bareCodes, []);
  });

  it('does not read references inside the front matter', () => {
    assert.deepStrictEqual(parseMarkdown('file:///ws/a.md', '---\nsee: praha/1\n---\nText\n').references, []);
  });
});

/**
 * Size: a 10 MB strategy file, a file over the size limit (and the setting
 * that raises it), 100,000-deep nesting, a 1 MB single line, 100,000 items in
 * one sequence. Each is answered in bounded time; the bounds are generous
 * (the point is "does not hang"), as the tests share a 2-core machine.
 */
import * as assert from 'assert';
import { checkHostile, expectDiagnostic, expectWithin } from './hostile';

const PARAGRAPH = 'Opatření podporuje integraci cizinců prostřednictvím jazykových kurzů, poradenství a spolupráce s městskými částmi. ';

/** A realistic strategy of about `length` characters: priorities with long folded descriptions. */
function largeStrategy(length: number): { text: string; items: number } {
  const lines = ['strategy: velka', 'title: Velká strategie', 'items:'];
  let size = 40;
  let items = 0;
  let description = '';
  while (description.length < 2000) {
    description += PARAGRAPH;
  }
  const folded: string[] = [];
  for (let k = 0; k < description.length; k += 100) {
    folded.push('      ' + description.slice(k, k + 100).trim());
  }
  while (size < length) {
    items++;
    const block = [`  - id: ${items}`, `    title: Priorita ${items}`, '    description: >-', ...folded].join('\n');
    lines.push(block);
    size += block.length + 1;
  }
  return { text: lines.join('\n') + '\n', items };
}

function itemCount(r: ReturnType<typeof checkHostile>): number {
  const parsed = r.service.index.get(r.uri)?.parsed;
  return parsed?.kind === 'strategy' ? parsed.items.length : -1;
}

describe('hostile input: size', function () {
  this.timeout(180_000);

  it('a 10 MB strategy file is indexed whole, within 15 s', () => {
    const { text, items } = largeStrategy(10_000_000);
    const r = checkHostile(text);
    assert.deepStrictEqual(r.lsp, []);
    assert.strictEqual(itemCount(r), items);
    expectWithin(r.ms, 15_000, 'indexing a 10 MB file');
    expectWithin(r.cliMs, 15_000, 'checking a 10 MB file with the CLI');
  });

  it('a file over the size limit is one yaml-syntax error on line 1 naming the limit and its setting', () => {
    const { text } = largeStrategy(11 * 1024 * 1024);
    const r = checkHostile(text);
    expectDiagnostic(r, { code: 'yaml-syntax', line: 1, message: /too large to check \(11\.0 MB; the limit is 10 MB, setting strategyCodes\.limits\.maxFileSizeMB\)/ });
    assert.strictEqual(itemCount(r), 0);
    expectWithin(r.ms, 5000, 'refusing an 11 MB file');
  });

  it('the size limit is a setting: raised, the same kind of file is checked; lowered, a small one is refused', () => {
    const { text, items } = largeStrategy(300_000);
    assert.strictEqual(itemCount(checkHostile(text, { settings: { maxFileSizeMB: 1 } })), items);
    const refused = checkHostile(text, { settings: { maxFileSizeMB: 0.1 } });
    expectDiagnostic(refused, { code: 'yaml-syntax', line: 1, message: /the limit is 0.1 MB/ });
  });

  it('100,000-deep nesting of flow sequences is one error where it passes the limit, without a stack overflow', () => {
    const text = 'strategy: hluboka\ntitle: Hluboká\nx: ' + '['.repeat(100_000) + ']'.repeat(100_000) + '\n';
    const r = checkHostile(text);
    expectDiagnostic(r, { code: 'yaml-syntax', line: 3, message: /nested deeper than 500 levels/ });
    expectWithin(r.ms, 5000, 'refusing 100,000-deep nesting');
  });

  it('100,000-deep nesting of flow mappings and of block sequences is refused the same way', () => {
    const maps = 'strategy: hluboka\ntitle: Hluboká\nx: ' + '{a: '.repeat(100_000) + '1' + '}'.repeat(100_000) + '\n';
    expectDiagnostic(checkHostile(maps), { code: 'yaml-syntax', line: 3, message: /nested deeper than 500 levels/ });
    const blocks = 'strategy: hluboka\ntitle: Hluboká\nx:\n' + '- '.repeat(100_000) + 'konec\n';
    expectDiagnostic(checkHostile(blocks), { code: 'yaml-syntax', line: 4, message: /nested deeper than 500 levels/ });
  });

  it('100,000-deep nesting of explicit keys on one line (`? ? ? …`, `- ? - ? …`) is refused at once (the parser took minutes on it)', () => {
    for (const unit of ['? ', '- ? ', '- &a ']) {
      const text = 'strategy: hluboka\ntitle: Hluboká\nx:\n' + unit.repeat(100_000 / unit.length) + 'konec\n';
      const r = checkHostile(text);
      expectDiagnostic(r, { code: 'yaml-syntax', line: 4, message: /nested deeper than 500 levels/ });
      expectWithin(r.ms, 2000, `refusing ${JSON.stringify(unit)} nesting`);
    }
  });

  it('400 nested complex keys (`? ? ? …`, within the nesting limit) are one unknown-key warning on the key, quickly', () => {
    const text = 'strategy: klice\ntitle: Klíče\n' + '? '.repeat(400) + 'x: 1\n';
    const r = checkHostile(text);
    expectDiagnostic(r, { code: 'schema', line: 3, message: /Unknown key `\[complex key\]`/ });
    expectWithin(r.ms, 3000, 'reading 400 nested complex keys');
  });

  it('a 1 MB single line (a title) is read in bounded time', () => {
    const r = checkHostile(`strategy: dlouha\ntitle: ${'Velmi dlouhý název '.repeat(55_000)}\nitems:\n  - id: 1\n    title: x\n`);
    assert.deepStrictEqual(r.lsp, []);
    assert.strictEqual(itemCount(r), 1);
    expectWithin(r.ms, 10_000, 'indexing a 1 MB title');
  });

  it('a 1 MB single line holding 130,000 descriptors is read and every one checked, in bounded time', () => {
    const list = Array(130_000).fill('VIII.e');
    list[100_000] = 'VIII.q';
    const r = checkHostile(`strategy: dlouha\ntitle: x\nitems:\n  - id: 1\n    title: x\n    descriptors: [${list.join(', ')}]\n`, { cli: false });
    expectDiagnostic(r, { code: 'unknown-descriptor', line: 6, message: /Unknown descriptor `VIII\.q`/ });
    assert.strictEqual(r.lsp[0].range.start.character, '    descriptors: ['.length + 8 * 100_000);
    expectWithin(r.ms, 20_000, 'indexing 130,000 descriptors on one line');
  });

  it('a 1 MB line without any structure is a scalar, not a strategy', () => {
    const r = checkHostile('x'.repeat(1024 * 1024));
    expectDiagnostic(r, { code: 'schema', line: 1, message: /must be a mapping/ });
    expectWithin(r.ms, 5000, 'reading a 1 MB scalar');
  });

  it('100,000 items in one sequence are all indexed, with no diagnostics, in bounded time', () => {
    let text = 'strategy: mnoho\ntitle: Mnoho položek\nitems:\n';
    for (let i = 1; i <= 100_000; i++) {
      text += `  - id: ${i}\n    title: Položka ${i}\n`;
    }
    const r = checkHostile(text, { cli: false });
    assert.deepStrictEqual(r.lsp, []);
    assert.strictEqual(itemCount(r), 100_000);
    expectWithin(r.ms, 60_000, 'indexing 100,000 items');
  });
});

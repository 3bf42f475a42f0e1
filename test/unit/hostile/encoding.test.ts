/**
 * Encodings and bytes: binary data, invalid UTF-8 (a Windows-1250 export),
 * UTF-16 with and without a byte-order mark, NUL bytes, control characters
 * pasted from Word. Each is one `yaml-syntax` diagnostic on the first bad
 * line saying what it is and "save it as UTF-8"; a file that is mostly
 * readable is still indexed. A UTF-8 BOM is accepted.
 */
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Random } from '../../fuzz/random';
import { checkHostile, expectDiagnostic, expectWithin, lineOf, messageText } from './hostile';

const CZECH = `strategy: integrace
title: Koncepce integrace cizinců
items:
  - id: 1
    title: Vzdělávání žáků
  - id: 2
    title: Jazykové kurzy
`;

/** Windows-1250 bytes of a Czech text (the encoding older Czech tools export). */
function windows1250(text: string): Buffer {
  const table: Record<string, number> = {
    á: 0xe1, č: 0xe8, ď: 0xef, é: 0xe9, ě: 0xec, í: 0xed, ň: 0xf2, ó: 0xf3, ř: 0xf8, š: 0x9a, ť: 0x9d, ú: 0xfa, ů: 0xf9, ý: 0xfd, ž: 0x9e,
    Č: 0xc8, Ř: 0xd8, Š: 0x8a, Ž: 0x8e,
  };
  return Buffer.from([...text].map((ch) => table[ch] ?? ch.charCodeAt(0)));
}

function itemCount(r: ReturnType<typeof checkHostile>): number {
  const parsed = r.service.index.get(r.uri)?.parsed;
  return parsed?.kind === 'strategy' ? parsed.items.length : -1;
}

describe('hostile input: encodings and bytes', () => {
  it('binary data is one yaml-syntax error on the line of the first NUL byte, and nothing else', () => {
    const rnd = new Random(42);
    const bytes = Buffer.from(Array.from({ length: 4096 }, () => rnd.int(256)));
    const decoded = new TextDecoder('utf-8').decode(bytes);
    const line = TextDocument.create('x', 'x', 0, decoded).positionAt(decoded.indexOf('\u0000')).line + 1;
    const r = checkHostile(bytes);
    expectDiagnostic(r, { code: 'yaml-syntax', line, message: /NUL bytes: it is binary.*Save it as UTF-8/ });
    assert.strictEqual(itemCount(r), 0);
    expectWithin(r.ms, 2000, 'reading binary data');
  });

  it('a Windows-1250 file (invalid UTF-8) is one error on its first bad line, and is still indexed', () => {
    const r = checkHostile(windows1250(CZECH));
    expectDiagnostic(r, { code: 'yaml-syntax', line: 2, message: /not valid UTF-8.*Windows-1250.*Save it as UTF-8/ });
    assert.strictEqual(itemCount(r), 2);
  });

  it('a UTF-16 file with a byte-order mark (little or big endian) is one error on line 1 naming UTF-16', () => {
    const le = Buffer.from('\ufeff' + CZECH, 'utf16le');
    expectDiagnostic(checkHostile(le), { code: 'yaml-syntax', line: 1, message: /encoded as UTF-16\. Save it as UTF-8/ });
    const be = Buffer.from(le);
    be.swap16();
    expectDiagnostic(checkHostile(be), { code: 'yaml-syntax', line: 1, message: /encoded as UTF-16/ });
  });

  it('a UTF-16 file without a byte-order mark is recognised too', () => {
    expectDiagnostic(checkHostile(Buffer.from(CZECH, 'utf16le')), { code: 'yaml-syntax', line: 1, message: /encoded as UTF-16/ });
  });

  it('a NUL byte near the start of a UTF-8 file marks it as binary: one error on its line', () => {
    const text = CZECH.replace('Vzdělávání', 'Vzdělá\u0000vání');
    expectDiagnostic(checkHostile(text), { code: 'yaml-syntax', line: lineOf(text, '\u0000'), message: /NUL bytes/ });
  });

  it('a stray NUL byte far into a long file is one error on its line; the rest is still checked', () => {
    let text = 'strategy: dlouha\ntitle: Dlouhá\nitems:\n';
    for (let i = 1; i <= 400; i++) {
      text += `  - id: ${i}\n    title: Opatření ${i}${i === 300 ? '\u0000' : ''}\n`;
    }
    const r = checkHostile(text);
    expectDiagnostic(r, { code: 'yaml-syntax', line: lineOf(text, '\u0000'), message: /Character U\+0000 is not allowed/ });
    assert.strictEqual(itemCount(r), 400);
  });

  it('a control character pasted from Word is one error naming it, on its line; the file is still indexed', () => {
    const text = CZECH.replace('Jazykové kurzy', 'Jazykové\u000bkurzy');
    const r = checkHostile(text);
    expectDiagnostic(r, { code: 'yaml-syntax', line: lineOf(text, '\u000b'), message: /Character U\+000B is not allowed in YAML.*Word/ });
    assert.strictEqual(itemCount(r), 2);
  });

  it('a lone surrogate sent by a client is reported the same way', () => {
    const r = checkHostile(CZECH);
    r.service.update(r.uri, CZECH.replace('Jazykové', 'Jazykové\ud800'));
    const messages = r.service.lspDiagnostics(r.uri).map((d) => `${d.range.start.line + 1}: ${messageText(d)}`);
    assert.deepStrictEqual(messages, ['7: Character U+D800 is not allowed in YAML (control characters like it often come with text pasted from Word). Delete it or replace it with a space.']);
  });

  it('a UTF-8 byte-order mark is accepted, and positions after it are not shifted', () => {
    const text = CZECH.replace('  - id: 2', '  - id: 1');
    const r = checkHostile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    const duplicate = r.lsp.filter((d) => d.code === 'duplicate-id');
    assert.deepStrictEqual(
      duplicate.map((d) => [d.range.start.line, d.range.start.character]),
      [
        [3, 8],
        [5, 8],
      ],
    );
    assert.ok(!r.lsp.some((d) => d.code === 'yaml-syntax'), 'the BOM is reported');
  });
});

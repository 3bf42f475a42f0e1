/**
 * PDF: the text layer read through pdfjs-dist, lines rebuilt from positions,
 * headers, footers and page numbers repeated on every page left out (and
 * reported), titles wrapped over lines kept whole, and the PDFs that cannot
 * be imported.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { importSource } from '../../../server/src/import/importStrategy';
import { ImportError } from '../../../server/src/import/model';
import { readSource } from '../../../server/src/node/importSources';
import { makePdf, makeScannedPdf } from '../../support/importFixtures';
import { checkFiles, flatItems, REPO } from './support';

const PAGES = [
  {
    header: 'Strategie rozvoje města Čáslav 2024–2030',
    footer: 'Strana 1 z 3',
    lines: ['Strategie rozvoje města Čáslav', { text: '1 Kvalitní život ve městě', gap: 20 }, '1.1 Dostupné bydlení pro mladé rodiny a seniory', 'v centru i na okrajích města', { text: 'Popis cíle: město podpoří výstavbu.', gap: 20 }],
  },
  {
    header: 'Strategie rozvoje města Čáslav 2024–2030',
    footer: 'Strana 2 z 3',
    lines: ['1.1.1 Výstavba obecních bytů', 'Gestor: Odbor správy majetku', '1.2 Zdravé životní prostředí', 'Opatření 1.2.1 Výsadba stromů'],
  },
  {
    header: 'Strategie rozvoje města Čáslav 2024–2030',
    footer: 'Strana 3 z 3',
    lines: ['2 Doprava', '2.1 Cyklostezky a bezpečné přechody', '2.1.1 Úprava křižovatek'],
  },
];

async function importPdf(bytes: Uint8Array, name = 'strategie.pdf'): Promise<ReturnType<typeof importSource> & { source: Awaited<ReturnType<typeof readSource>> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-pdf-'));
  try {
    fs.writeFileSync(path.join(dir, name), bytes);
    const source = await readSource(path.join(dir, name), undefined);
    return { ...importSource(source, { id: 'caslav' }, 'caslav'), source };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function importError(bytes: Uint8Array, name = 'x.pdf'): Promise<ImportError> {
  try {
    await importPdf(bytes, name);
  } catch (e) {
    if (e instanceof ImportError) {
      return e;
    }
    throw e;
  }
  throw new Error('the import did not fail');
}

describe('import: PDF', () => {
  it('reads the text layer into the tree, with Czech letters, wrapped titles and attributes', async () => {
    const out = await importPdf(await makePdf(PAGES));
    assert.strictEqual(out.source.kind, 'pdf');
    const items = flatItems(out.files[0].text);
    assert.deepStrictEqual(items.map((i) => [i.id, i.parent, i.title]), [
      ['1', undefined, 'Kvalitní život ve městě'],
      ['1.1', '1', 'Dostupné bydlení pro mladé rodiny a seniory v centru i na okrajích města'],
      ['1.1.1', '1.1', 'Výstavba obecních bytů'],
      ['1.2', '1', 'Zdravé životní prostředí'],
      ['1.2.1', '1.2', 'Výsadba stromů'],
      ['2', undefined, 'Doprava'],
      ['2.1', '2', 'Cyklostezky a bezpečné přechody'],
      ['2.1.1', '2.1', 'Úprava křižovatek'],
    ]);
    assert.strictEqual(items[1].description, 'Popis cíle: město podpoří výstavbu.');
    assert.strictEqual(items[2].responsible, 'odbor-spravy-majetku');
    assert.match(out.files[0].text, /^title: Strategie rozvoje města Čáslav$/m);
    assert.deepStrictEqual(checkFiles(out.files), []);
  });

  it('leaves out the header and the page numbers repeated on every page, and reports each with its page', async () => {
    const out = await importPdf(await makePdf(PAGES));
    const left = out.result.findings.filter((f) => f.kind === 'left-out').map((f) => [f.at.page, f.id, f.args[0]]);
    assert.deepStrictEqual(left, [
      [1, 'import.leftOut.pageHeader', 'Strategie rozvoje města Čáslav 2024–2030'],
      [1, 'import.leftOut.pageHeader', 'Strana 1 z 3'],
      [2, 'import.leftOut.pageHeader', 'Strategie rozvoje města Čáslav 2024–2030'],
      [2, 'import.leftOut.pageHeader', 'Strana 2 z 3'],
      [3, 'import.leftOut.pageHeader', 'Strategie rozvoje města Čáslav 2024–2030'],
      [3, 'import.leftOut.pageHeader', 'Strana 3 z 3'],
    ]);
    assert.doesNotMatch(out.files[0].text, /Strana \d/);
  });

  it('gives byte-identical files for the same PDF', async () => {
    const bytes = await makePdf(PAGES);
    assert.strictEqual((await importPdf(bytes)).files[0].text, (await importPdf(bytes)).files[0].text);
  });

  it('says that a PDF without a text layer needs OCR', async () => {
    const e = await importError(await makeScannedPdf(), 'sken.pdf');
    assert.strictEqual(e.messageId, 'import.error.noText');
    assert.deepStrictEqual(e.args, ['sken.pdf']);
  });

  it('says that a corrupt PDF cannot be read', async () => {
    const bytes = await makePdf(PAGES);
    const e = await importError(bytes.slice(0, 400), 'poskozeny.pdf');
    assert.strictEqual(e.messageId, 'import.error.corrupt');
    assert.strictEqual(e.args[0], 'poskozeny.pdf');
  });

  it('says that an encrypted PDF cannot be read', async () => {
    // pdf-lib writes no encryption; an /Encrypt entry in the trailer is what readers test, so one is added to a valid PDF.
    const text = Buffer.from(await makePdf(PAGES, { classic: true })).toString('latin1');
    const encrypted = text.replace(/trailer\s*<</, (m) => `${m}\n/Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <${'00'.repeat(32)}> /U <${'00'.repeat(32)}> >>\n/ID [<${'11'.repeat(16)}> <${'11'.repeat(16)}>]`);
    assert.notStrictEqual(encrypted, text, 'the fixture has a trailer to extend');
    const e = await importError(Buffer.from(encrypted, 'latin1'), 'tajne.pdf');
    assert.strictEqual(e.messageId, 'import.error.encrypted');
  });
});

describe('import: PDF through the bundled command', () => {
  it('reads a PDF with the esbuild bundle (no node_modules needed by pdfjs at run time), printing no pdfjs warnings', async () => {
    const bin = path.join(REPO, 'bin/strategy-import.js');
    const bundle = path.join(REPO, 'dist/server/import.js');
    assert.ok(fs.existsSync(bundle), `${bundle} is missing: run npm run build`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-pdf-bin-'));
    try {
      fs.writeFileSync(path.join(dir, 'caslav.pdf'), await makePdf(PAGES));
      const r = spawnSync(process.execPath, [bin, 'caslav.pdf', '-o', '-'], { cwd: dir, encoding: 'utf8' });
      assert.strictEqual(r.status, 1, r.stderr);
      assert.match(r.stdout, /^strategy: caslav\ntitle: Strategie rozvoje města Čáslav\n/);
      assert.match(r.stderr, /^Import report\n/);
      assert.doesNotMatch(r.stderr, /Warning/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

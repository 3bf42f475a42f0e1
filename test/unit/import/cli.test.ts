/**
 * `strategy-import` on the command line: help, exit status, files written
 * whole, refusal to overwrite, and every kind of bad input with its message.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run as check } from '../../../server/src/cli';
import { run } from '../../../server/src/importCli';
import { makeDocx, makePdf, makeXlsx } from '../../support/importFixtures';
import { seed } from './support';

interface Result {
  status: number;
  out: string;
  err: string;
}

async function cli(argv: string[], cwd: string): Promise<Result> {
  let out = '';
  let err = '';
  const status = await run(argv, cwd, { out: (s) => (out += s), err: (s) => (err += s) }, {});
  return { status, out, err };
}

describe('import: strategy-import CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-import-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints its help with the exit codes', async () => {
    const r = await cli(['--help'], dir);
    assert.strictEqual(r.status, 0);
    assert.match(r.out, /Usage: strategy-import <source>/);
    assert.match(r.out, /Exit status: 0 imported, nothing left out; 1 imported/);
  });

  it('writes the strategy beside the source and the report on stdout; exit 1 when the report lists lines left out', async () => {
    fs.writeFileSync(path.join(dir, 'praha.txt'), seed('004'));
    const r = await cli(['praha.txt', '--id', 'praha-integrace'], dir);
    assert.strictEqual(r.status, 1, r.err);
    const written = fs.readFileSync(path.join(dir, 'praha.strategy.yaml'), 'utf8');
    assert.match(written, /^strategy: praha-integrace\n/);
    assert.match(r.out, /^Import report\n\nSource: praha.txt \(dbexport\)\nWritten: praha.strategy.yaml\n60 items, 1 left out, 14 normalised, 5 marked\n/);
    assert.match(r.out, /line 1: the portal's banner/);
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['praha.strategy.yaml', 'praha.txt'], 'no temporary file is left');
  });

  it('exits 0 when nothing is left out, and reports in Czech with --locale cs', async () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Strategie\n1 Oblast\n1.1 Cíl\n');
    const r = await cli(['a.txt', '--locale', 'cs'], dir);
    assert.strictEqual(r.status, 0, r.err);
    assert.match(r.out, /^Protokol importu\n/);
    assert.match(r.out, /položek: 2, vynecháno: 0/);
  });

  it('gives the report as JSON with every finding located', async () => {
    fs.writeFileSync(path.join(dir, 'praha.txt'), seed('004'));
    const r = await cli(['praha.txt', '--report', 'json', '-o', 'out/x.strategy.yaml'], dir);
    assert.strictEqual(r.status, 2, 'the output folder does not exist');
    fs.mkdirSync(path.join(dir, 'out'));
    const ok = await cli(['praha.txt', '--report', 'json', '-o', 'out/x.strategy.yaml'], dir);
    const report = JSON.parse(ok.out) as { written: string[]; summary: Record<string, number>; findings: { kind: string; line?: number; code: string; message: string }[] };
    assert.deepStrictEqual(report.written, ['out/x.strategy.yaml']);
    assert.deepStrictEqual(report.summary, { items: 60, leftOut: 1, normalised: 14, marked: 5 });
    assert.deepStrictEqual(report.findings[0], { kind: 'left-out', line: 1, code: 'import.leftOut.banner', message: 'the portal\'s banner ("Vývoj portálu je financován za podpory Operačního programu Zaměstnanost")' });
  });

  it('writes the strategy to stdout with -o - and the report to stderr', async () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Strategie\n1 Oblast\n');
    const r = await cli(['a.txt', '-o', '-'], dir);
    assert.strictEqual(r.status, 0);
    assert.match(r.out, /^strategy: a\ntitle: Strategie\n/);
    assert.match(r.err, /^Import report/);
  });

  it('does not overwrite a file without --force', async () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Strategie\n1 Oblast\n');
    fs.writeFileSync(path.join(dir, 'a.strategy.yaml'), 'mine');
    const r = await cli(['a.txt'], dir);
    assert.strictEqual(r.status, 2);
    assert.match(r.err, /a\.strategy\.yaml already exists: give --force/);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'a.strategy.yaml'), 'utf8'), 'mine');
    assert.strictEqual((await cli(['a.txt', '--force'], dir)).status, 0);
    assert.match(fs.readFileSync(path.join(dir, 'a.strategy.yaml'), 'utf8'), /^strategy: a/);
  });

  const bad: [string, (d: string) => string[], RegExp][] = [
    ['a missing file', () => ['nothing.txt'], /nothing\.txt.*ENOENT/],
    ['an empty file', (d) => (fs.writeFileSync(path.join(d, 'e.txt'), ''), ['e.txt']), /e\.txt: the file is empty/],
    ['a file of blank lines', (d) => (fs.writeFileSync(path.join(d, 'e.txt'), '\n \n'), ['e.txt']), /e\.txt: the file is empty/],
    ['a text with no code at all', (d) => (fs.writeFileSync(path.join(d, 'p.txt'), 'Jen text.\n\nA další text.\n'), ['p.txt']), /p\.txt: no line starts with a code/],
    ['a binary file named .txt', (d) => (fs.writeFileSync(path.join(d, 'b.txt'), Buffer.from([1, 0, 2, 0])), ['b.txt']), /b\.txt: the file is not text/],
    ['a 50 MB file', (d) => (fs.writeFileSync(path.join(d, 'big.txt'), ''), fs.truncateSync(path.join(d, 'big.txt'), 50 * 1024 * 1024), ['big.txt']), /big\.txt: the file is 50\.0 MB; the importer reads files up to 20 MB/],
    ['a folder', (d) => (fs.mkdirSync(path.join(d, 'f')), ['f']), /EISDIR/],
    ['an unknown option', () => ['--nope', 'a.txt'], /unknown option --nope/],
    ['an unknown source kind', () => ['--from', 'odt', 'a.txt'], /--from "odt": one of dbexport, text, pdf, docx, xlsx, csv/],
    ['a bad document id', () => ['--id', 'Praha', 'a.txt'], /--id "Praha" is not a document id/],
    ['a bad column mapping', () => ['--columns', 'kod=Číslo', 'a.txt'], /--columns: "kod=Číslo" is not FIELD=HEADER/],
    ['no source', () => [], /no source file given/],
  ];
  for (const [what, args, message] of bad) {
    it(`exits 2 with a clear message for ${what}, writing nothing`, async () => {
      const argv = args(dir);
      const before = fs.readdirSync(dir).sort();
      const r = await cli(argv, dir);
      assert.strictEqual(r.status, 2, r.out + r.err);
      assert.match(r.err, message);
      assert.deepStrictEqual(fs.readdirSync(dir).sort(), before);
    });
  }

  it('writes files that strategy-check reads without syntax, schema or code errors, for every kind of source', async () => {
    fs.writeFileSync(path.join(dir, 'praha.txt'), seed('004'));
    fs.writeFileSync(path.join(dir, 'kv.txt'), seed('000'));
    fs.writeFileSync(path.join(dir, 'liberec.txt'), seed('003'));
    fs.writeFileSync(path.join(dir, 'plan.pdf'), await makePdf([{ header: 'Plán', lines: ['Plán města Čáslav', '1 Doprava', '1.1 Cyklostezky'] }, { header: 'Plán', lines: ['1.2 Přechody'] }, { header: 'Plán', lines: ['2 Zeleň'] }]));
    fs.writeFileSync(path.join(dir, 'cile.docx'), await makeDocx(['Cíle', { heading: 'Oblast Data' }, { numbered: 'Data', level: 0 }, { numbered: 'Katalog', level: 1 }]));
    fs.writeFileSync(path.join(dir, 'ap.xlsx'), await makeXlsx([{ name: 'AP', rows: [['Kód', 'Název', 'Gestor', 'Termín', 'Stav'], ['1', 'Doprava', 'Odbor dopravy', '1/2025–6/2026', 'Cíl je vypuštěn']] }]));
    fs.writeFileSync(path.join(dir, 'ap.csv'), 'Kód;Název;Návaznost\n1;Doprava;\n2;Zeleň;po 1\n');
    for (const source of ['praha.txt', 'kv.txt', 'liberec.txt', 'plan.pdf', 'cile.docx', 'ap.xlsx', 'ap.csv']) {
      const r = await cli([source, '-o', `${source.replace('.', '-')}.strategy.yaml`], dir);
      assert.ok(r.status === 0 || r.status === 1, `${source}: ${r.err}`);
    }
    let out = '';
    check(['--format', 'json', '.'], dir, { out: (s) => (out += s), err: () => undefined });
    const report = JSON.parse(out) as { diagnostics: { file: string; code: string; message: string }[]; summary: { files: number } };
    assert.strictEqual(report.summary.files, 8, 'seven strategies and the plan of goals of seed 000');
    const found = report.diagnostics.map((d) => `${d.file} ${d.code}`);
    assert.deepStrictEqual(found.filter((d) => /yaml-syntax|schema|invalid-id/.test(d)), []);
    assert.deepStrictEqual([...new Set(found)].sort(), ['kv-txt-cile.strategy.yaml numbering-gap', 'praha-txt.strategy.yaml numbering-gap']);
  });

  it('reports progress on stderr for a large source, and keeps stdout for the report', async () => {
    const lines = ['Velký plán'];
    for (let a = 1; a <= 30; a++) {
      for (let b = 1; b <= 900; b++) {
        lines.push(`${a}.${b} Opatření ${b}`);
      }
    }
    fs.writeFileSync(path.join(dir, 'velky.txt'), lines.join('\n'));
    const r = await cli(['velky.txt'], dir);
    assert.strictEqual(r.status, 0, r.err);
    assert.match(r.err, /^strategy-import: velky\.txt: importing 27001 lines and rows…\nstrategy-import: velky\.txt: 27000 items, writing…\n$/);
    assert.match(r.out, /^Import report\n/);
  });

  it('maps spreadsheet columns with --columns and marks a plan with --implements', async () => {
    fs.writeFileSync(path.join(dir, 'ap.csv'), 'Ozn.;Text;Kdo\n1.1.3;Nové opatření;Odbor dopravy\n');
    const r = await cli(['ap.csv', '--columns', 'code=Ozn.,title=Text,responsible=Kdo', '--implements', 'ssd-strategie', '--id', 'ssd-ip'], dir);
    assert.strictEqual(r.status, 0, r.err);
    const written = fs.readFileSync(path.join(dir, 'ap.strategy.yaml'), 'utf8');
    assert.match(written, /^strategy: ssd-ip\ntitle: ap\.csv\nimplements: ssd-strategie\n/);
    assert.match(written, /- id: 1\.1\.3\n {4}title: Nové opatření\n {4}responsible: odbor-dopravy\n/);
  });
});

/**
 * `strategy-report`: every format of the Karlovy Vary example read back
 * (Markdown, JSON, the workbook and CSV with exceljs, the Word file with
 * mammoth), and the bad inputs — no `goalsFrom`, an empty strategy, a
 * workspace with errors, an output that cannot be written.
 */
import * as assert from 'assert';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import mammoth from 'mammoth';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import { Analysis } from '../../../server/src/analysis/analysis';
import { run } from '../../../server/src/reportCli';
import { headerRow } from '../../../server/src/report/tableRows';
import { parseFixture, ROOT } from '../fixture';
import { REPO } from '../analysis/workspace';

interface Result {
  status: number;
  out: string;
  err: string;
}

async function report(argv: string[], cwd = REPO): Promise<Result> {
  let out = '';
  let err = '';
  const status = await run(argv, cwd, { out: (s) => (out += s), err: (s) => (err += s) });
  return { status, out, err };
}

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-report-'));
  dirs.push(dir);
  return dir;
}

/** Writes a fixture (`//- /path` headers) into a new temporary folder; returns the folder. */
function workspace(source: string): string {
  const dir = tempDir();
  for (const f of parseFixture(source)) {
    fs.writeFileSync(path.join(dir, f.uri.slice(ROOT.length + 1)), f.text);
  }
  return dir;
}

after(() => {
  for (const d of dirs) {
    fs.rmSync(d, { recursive: true, force: true });
  }
});

/** The codes of the Karlovy Vary strategy in document order. */
function kvCodes(): string[] {
  const text = fs.readFileSync(path.join(REPO, 'examples/karlovy-vary/kv-integrace.strategy.yaml'), 'utf8');
  return [...text.slice(text.indexOf('\nitems:')).matchAll(/^\s*- id: (\S+)$/gm)].map((m) => m[1]);
}

describe('strategy-report', () => {
  describe('the Karlovy Vary example in every format', () => {
    const out = tempDir();
    const args = (format: string, locale = 'cs'): string[] => ['examples/karlovy-vary', '--document', 'kv-integrace', '--locale', locale, '-o', path.join(out, `kv-${locale}.${format}`)];

    it('json is the analysis itself', async () => {
      const r = await report(args('json'));
      assert.strictEqual(r.status, 0, r.err);
      assert.match(r.out, /wrote .*kv-cs\.json \(json, kv-integrace\)/);
      const json = JSON.parse(fs.readFileSync(path.join(out, 'kv-cs.json'), 'utf8')) as Analysis;
      assert.strictEqual(json.scope, 'document');
      assert.deepStrictEqual(json.documents.map((d) => [d.id, d.uri, d.matrix?.marks, d.coverage.uncoveredGoals.map((g) => g.code)]), [
        ['kv-integrace', 'examples/karlovy-vary/kv-integrace.strategy.yaml', 43, ['A2.2', 'B1.2', 'B2.1']],
      ]);
    });

    it('md has the matrix as a table with a mark per goal link and the totals', async () => {
      assert.strictEqual((await report(args('md', 'en'))).status, 0);
      const md = fs.readFileSync(path.join(out, 'kv-en.md'), 'utf8');
      assert.strictEqual([...md.matchAll(/●/g)].length, 43);
      assert.match(md, /^### Link matrix$/m);
      assert.match(md, /^\| Total \| {2}\| 7 \| 1 \| 6 \| 2 \| 0 \| 3 \| 1 \| 1 \| 0 \| 0 \| 1 \| 4 \| 1 \| 5 \| 4 \| 3 \| 4 \| 43 \|$/m);
      assert.match(md, /^- \*\*Goals not covered \(3\)\*\*: `A2\.2`, `B1\.2`, `B2\.1`$/m);
      assert.match(md, /^\| `1` \| Řízení integrace a spolupráce aktérů \| 12 \| 12\/12 \(100 %\) \| 0\/12 \(0 %\) \| 6\/12 \(50 %\) \| 12\/12 \(100 %\) \|$/m);
    });

    it('xlsx has the item rows in the one table layout, and the document and actor sheets', async () => {
      assert.strictEqual((await report(args('xlsx'))).status, 0);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path.join(out, 'kv-cs.xlsx'));
      assert.deepStrictEqual(workbook.worksheets.map((s) => s.name), ['Položky', 'Dokument', 'Aktéři']);
      const rows = (name: string): string[][] => {
        const sheet = workbook.getWorksheet(name);
        assert.ok(sheet);
        const list: string[][] = [];
        sheet.eachRow((row) => list.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v as string)))));
        return list;
      };
      const items = rows('Položky');
      assert.deepStrictEqual(items[0], headerRow('cs'));
      assert.deepStrictEqual(items.slice(1).map((r) => r[0]), kvCodes());
      const row = items.find((r) => r[0] === '1.A.1') ?? [];
      const byHeader = Object.fromEntries(headerRow('cs').map((h, i) => [h, row[i] ?? '']));
      assert.deepStrictEqual(
        { level: byHeader['Úroveň'], parent: byHeader['Nadřazený kód'], descriptors: byHeader['Deskriptory'], goals: byHeader['Vazba na cíle'], responsible: byHeader['Gestor'], partners: byHeader['Partneři'] },
        { level: 'Opatření', parent: '1.A', descriptors: 'VIII.e, XVII.b', goals: 'A1.1', responsible: 'mmkv-ovv', partners: 'cic-kv, nno' },
      );
      assert.deepStrictEqual(rows('Dokument'), [
        ['strategy', 'kv-integrace'],
        ['title', 'Strategie integrace cizinců Statutárního města Karlovy Vary'],
        ['levels', 'Prioritní oblast, Specifický cíl, Opatření'],
        ['goalsFrom', 'kv-plan'],
      ]);
      assert.strictEqual(rows('Aktéři').length, 15);
      assert.deepStrictEqual(rows('Aktéři')[0], ['mesto-kv', 'Statutární město Karlovy Vary']);
    });

    it('csv has the same item rows, UTF-8 with a byte order mark, `;` between fields in Czech', async () => {
      assert.strictEqual((await report(args('csv'))).status, 0);
      const bytes = fs.readFileSync(path.join(out, 'kv-cs.csv'));
      assert.deepStrictEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8').slice(1);
      const sheet = await new ExcelJS.Workbook().csv.read(Readable.from([text]), { parserOptions: { delimiter: ';' }, map: (v: unknown) => v });
      const rows: string[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String((v as string | number | null | undefined) ?? ''))));
      assert.deepStrictEqual(rows[0], headerRow('cs'));
      assert.deepStrictEqual(rows.slice(1).map((r) => r[0]), kvCodes());
    });

    it('csv in English has English headers and `,` between fields', async () => {
      assert.strictEqual((await report(args('csv', 'en'))).status, 0);
      const first = fs.readFileSync(path.join(out, 'kv-en.csv'), 'utf8').slice(1).split('\n')[0];
      assert.strictEqual(first.replace(/\r$/, ''), headerRow('en').join(','));
    });

    it('docx reads back with a heading per item, by level, numbered by its code, in order', async () => {
      assert.strictEqual((await report(args('docx'))).status, 0);
      const { value: html } = await mammoth.convertToHtml({ path: path.join(out, 'kv-cs.docx') });
      const headings = [...html.matchAll(/<h(\d)>(.*?)<\/h\1>/g)].map((m) => ({ level: Number(m[1]), text: m[2] }));
      const items = headings.filter((h) => /^\d/.test(h.text));
      assert.deepStrictEqual(items.map((h) => h.text.split(' ')[0]), kvCodes());
      assert.deepStrictEqual(items.map((h) => h.level), kvCodes().map((c) => c.split('.').length));
      assert.ok(items.some((h) => h.text === '1.A.3 Prezentace jasného plánu města a jeho aktivní naplňování'));
      assert.match(html, /<strong>Vazba na cíle: <\/strong>A1\.1 Efektivní úřad; A1\.3 Image města/);
      assert.match(html, /<strong>Deskriptory: <\/strong>VIII\.e začleňování cizinců/);
      assert.ok(headings.some((h) => h.level === 1 && h.text === 'Přehled indikátorů'));
    });
  });

  describe('bad input', () => {
    it('a document without goalsFrom gets a clear note instead of the matrix', async () => {
      const dir = workspace(`
        //- /a.strategy.yaml
        strategy: a
        title: Bez plánu
        items:
          - { id: 1, title: P, items: [{ id: 1.A, title: O, items: [{ id: 1.A.1, title: M }] }] }
      `);
      assert.strictEqual((await report(['.', '--locale', 'en', '-o', 'a.html'], dir)).status, 0);
      const html = fs.readFileSync(path.join(dir, 'a.html'), 'utf8');
      assert.ok(!html.includes('<table class="matrix"'));
      assert.match(html, /No link matrix: the document names no strategic plan in <code>goalsFrom<\/code>/);
      assert.strictEqual((await report(['.', '--locale', 'cs', '-o', 'a.md'], dir)).status, 0);
      assert.match(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), /Matice vazeb chybí: dokument v `goalsFrom` neuvádí strategický plán/);
    });

    it('budgets appear in the table columns and as totals per priority in Czech number format', async () => {
      const dir = workspace(`
        //- /a.strategy.yaml
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            items:
              - { id: 1.A, title: O, budget: { amount: 1 200 000, currency: CZK, source: město } }
      `);
      assert.strictEqual((await report(['.', '--locale', 'cs', '-o', 'a.md'], dir)).status, 0);
      assert.match(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), /^\| `1` \| P \| 1\s200\s000 CZK \| `1\.A` \|$/m);
      assert.strictEqual((await report(['.', '--locale', 'en', '-o', 'a.csv'], dir)).status, 0);
      const lines = fs.readFileSync(path.join(dir, 'a.csv'), 'utf8').slice(1).split(/\r?\n/);
      const header = lines[0].split(',');
      const row = lines[2].split(',');
      assert.deepStrictEqual([row[header.indexOf('Budget')], row[header.indexOf('Currency')], row[header.indexOf('Funding source')]], ['1 200 000', 'CZK', 'město']);
    });

    it('an empty strategy still makes a report in every format', async () => {
      const dir = workspace(`
        //- /a.strategy.yaml
        strategy: a
        title: Prázdná strategie
      `);
      for (const format of ['html', 'md', 'csv', 'xlsx', 'docx', 'json']) {
        const r = await report(['.', '--locale', 'en', '-o', `a.${format}`], dir);
        assert.strictEqual(r.status, 0, `${format}: ${r.err}`);
      }
      assert.match(fs.readFileSync(path.join(dir, 'a.html'), 'utf8'), /The document has no items\./);
      assert.strictEqual(fs.readFileSync(path.join(dir, 'a.csv'), 'utf8').trim().split('\n').length, 1, 'the header row only');
    });

    it('a workspace with errors still gets its report, which names the files with errors', async () => {
      const dir = workspace(`
        //- /a.strategy.yaml
        strategy: a
        title: A
        items:
          - { id: 1, title: P, related: [9] }
        //- /b.strategy.yaml
        strategy: b
        title: B
        items: [
      `);
      const r = await report(['.', '--locale', 'en', '-o', 'r.html'], dir);
      assert.strictEqual(r.status, 0);
      assert.match(r.err, /a\.strategy\.yaml has 1 error \(run strategy-check\)/);
      assert.match(r.err, /b\.strategy\.yaml has \d+ errors? /);
      const html = fs.readFileSync(path.join(dir, 'r.html'), 'utf8');
      assert.match(html, /Files with errors: the report shows what could be read from them\./);
      assert.match(html, /<li>a\.strategy\.yaml — errors: 1<\/li>/);
    });

    it('an output that cannot be written is exit 2, and nothing is left half-written', async () => {
      const dir = workspace(`
        //- /a.strategy.yaml
        strategy: a
        title: A
      `);
      fs.mkdirSync(path.join(dir, 'taken.html'));
      const before = fs.readdirSync(dir).sort();
      for (const target of ['missing/r.html', 'taken.html']) {
        const r = await report(['.', '-o', target], dir);
        assert.strictEqual(r.status, 2, target);
        assert.match(r.err, new RegExp(`cannot write ${target.replace('.', '\\.')}: E[A-Z]+`));
        assert.deepStrictEqual(fs.readdirSync(dir).sort(), before, 'no file and no temporary file left');
      }
    });

    const usage: [string, string[], RegExp][] = [
      ['no output file', ['examples'], /-o FILE is needed/],
      ['an unknown format', ['examples', '--format', 'pdf', '-o', 'x.pdf'], /unknown format "pdf"/],
      ['no format and an output that names none', ['examples', '-o', 'x.txt'], /--format is needed: x\.txt does not end in a format's name/],
      ['a document that does not exist', ['examples', '--document', 'nikde', '-o', 'x.html'], /no strategy document "nikde" in the given paths \(there are: kv-integrace, kv-plan, liberec-cpic, praha-integrace, praha-integrace-ap-2024-2025\)/],
      ['a table format for several documents', ['examples/karlovy-vary', '-o', 'x.xlsx'], /the xlsx format holds one document: name it with --document \(there are: kv-integrace, kv-plan\)/],
      ['a path that does not exist', ['nikde', '-o', 'x.html'], /cannot read nikde: ENOENT/],
    ];
    for (const [name, argv, message] of usage) {
      it(`exit 2 for ${name}, with a message and no file`, async () => {
        const cwd = tempDir();
        fs.cpSync(path.join(REPO, 'examples'), path.join(cwd, 'examples'), { recursive: true });
        const r = await report(argv, cwd);
        assert.strictEqual(r.status, 2);
        assert.match(r.err, message);
        assert.deepStrictEqual(fs.readdirSync(cwd), ['examples']);
      });
    }

    it('--help is exit 0 with the usage', async () => {
      const r = await report(['--help']);
      assert.strictEqual(r.status, 0);
      assert.match(r.out, /^Usage: strategy-report /);
    });
  });
});

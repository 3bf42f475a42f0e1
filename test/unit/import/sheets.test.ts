/**
 * Spreadsheets: one row per item, columns found by their Czech or English
 * headers or mapped with `--columns`, merged cells, the workbook layout the
 * export writes (sheets `Položky`, `Dokument`, `Aktéři`), CSV with `;`, and
 * sheets without a code column.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { importSource, ImportOptions, ImportOutput } from '../../../server/src/import/importStrategy';
import { ImportError } from '../../../server/src/import/model';
import { readSource } from '../../../server/src/node/importSources';
import { ACTORS_SHEET, ColumnKey, DOCUMENT_SHEET, ITEM_COLUMNS, ITEMS_SHEET } from '../../../server/src/table/columns';
import { makeXlsx } from '../../support/importFixtures';
import { checkFiles, flatItems } from './support';

async function importFile(bytes: Uint8Array | string, name: string, options: ImportOptions = {}): Promise<ImportOutput> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-sheet-'));
  try {
    fs.writeFileSync(path.join(dir, name), bytes);
    return importSource(await readSource(path.join(dir, name), undefined), { id: 'plan', ...options }, 'plan');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('import: spreadsheets', () => {
  it('reads an action plan: Czech headers, a merged area row as a group, a merged code over indicator rows', async () => {
    const bytes = await makeXlsx([
      {
        name: 'Akční plán',
        rows: [
          ['Akční plán města 2025–2026'],
          ['Číslo', 'Název opatření', 'Odpovědnost', 'Partneři', 'Indikátor', 'Jednotka', 'Výchozí hodnota', 'Cílová hodnota', 'Termín', 'Rozpočet', 'Zdroj financování', 'Vazba na cíle', 'Návaznost', 'Poznámka'],
          ['Strategická oblast Mobilita', null, null, null, null, null, null, null, null, null, null, null, null, null],
          ['1.1.', 'Cyklostezky', 'Odbor dopravy', 'Městská policie; Správa silnic', 'Délka cyklostezek', 'km', 10, 25, '1/2025–6/2026', '12 mil. Kč', 'rozpočet města', 'A1.1, A1.2', null, 'priorita rady'],
          ['1.2', 'Parkování', 'Odbor dopravy', null, 'Počet míst', 'místo', 100, 300, '2026', null, null, null, 'po 1.1', null],
          [null, null, null, null, 'Obsazenost', '%', 95, 80, null, null, null, null, null, null],
        ],
        merges: ['A3:N3', 'A5:A6', 'B5:B6'],
      },
    ]);
    const out = await importFile(bytes, 'plan.xlsx');
    const doc = parse(out.files[0].text) as { title: string; items: { group: string }[]; actors: { id: string; name: string }[] };
    assert.deepStrictEqual(doc.items.map((g) => g.group), ['Strategická oblast Mobilita']);
    const items = flatItems(out.files[0].text);
    assert.deepStrictEqual(items.map((i) => String(i.id)), ['1.1', '1.2']);
    const [first, second] = items;
    assert.strictEqual(first.title, 'Cyklostezky');
    assert.strictEqual(first.responsible, 'odbor-dopravy');
    assert.deepStrictEqual(first.partners, ['mestska-policie', 'sprava-silnic']);
    assert.deepStrictEqual(first.indicators, [{ name: 'Délka cyklostezek', unit: 'km', baseline: '10', target: '25' }]);
    assert.deepStrictEqual(first.timeline, { from: '1/2025', to: '6/2026' });
    assert.deepStrictEqual(first.budget, { amount: '12 mil. Kč', source: 'rozpočet města' });
    assert.deepStrictEqual(first.goals, ['A1.1', 'A1.2']);
    assert.strictEqual(first.description, 'Poznámka: priorita rady');
    assert.deepStrictEqual((second.after as unknown[]).map(String), ['1.1']);
    assert.deepStrictEqual(second.indicators, [{ name: 'Počet míst', unit: 'místo', baseline: '100', target: '300' }, { name: 'Obsazenost', unit: '%', baseline: '95', target: '80' }]);
    assert.deepStrictEqual(doc.actors.map((a) => a.name), ['Odbor dopravy', 'Městská policie', 'Správa silnic']);
    assert.strictEqual(doc.title, 'Akční plán města 2025–2026');
    const dot = out.result.findings.find((f) => f.id === 'import.normalised.trailingDot');
    assert.deepStrictEqual(dot?.at, { sheet: 'Akční plán', row: 4 });
    const codes = checkFiles(out.files).map((d) => d.code);
    assert.deepStrictEqual(codes, ['missing-goals-from', 'missing-goals-from'], 'the goals name a plan the spreadsheet does not say');
  });

  it('reads back the workbook layout of the export: items, document fields and actors', async () => {
    const bytes = await makeXlsx([
      {
        name: ITEMS_SHEET,
        rows: [
          ['Kód', 'Úroveň', 'Název', 'Nadřazený kód', 'Deskriptory', 'Gestor', 'Stav'],
          ['1', 'Prioritní oblast', 'Integrace', null, null, null, null],
          ['1.A', 'Specifický cíl', 'Průřezová agenda', '1', null, null, null],
          ['1.A.1', 'Opatření', 'Kapacity NMC', '1.A', 'VIII.e, XVII.b', 'nmc', null],
          ['1.A.2', 'Opatření', 'Zrušené opatření', '1.A', null, null, 'vypuštěno'],
        ],
      },
      { name: DOCUMENT_SHEET, rows: [['strategy', 'praha-integrace'], ['title', 'Koncepce integrace'], ['period', '2022–2027'], ['levels', 'Prioritní oblast, Specifický cíl, Opatření, Aktivita']] },
      { name: ACTORS_SHEET, rows: [['id', 'name'], ['nmc', 'Oddělení národnostních menšin a cizinců MHMP']] },
    ]);
    const out = await importFile(bytes, 'export.xlsx');
    const doc = parse(out.files[0].text) as Record<string, unknown>;
    assert.strictEqual(doc.strategy, 'praha-integrace');
    assert.strictEqual(doc.title, 'Koncepce integrace');
    assert.strictEqual(doc.period, '2022–2027');
    assert.deepStrictEqual(doc.levels, ['Prioritní oblast', 'Specifický cíl', 'Opatření', 'Aktivita']);
    assert.deepStrictEqual(doc.actors, [{ id: 'nmc', name: 'Oddělení národnostních menšin a cizinců MHMP' }]);
    const items = flatItems(out.files[0].text);
    assert.deepStrictEqual(items.map((i) => [i.id, i.parent, i.descriptors, i.responsible, i.status]), [
      ['1', undefined, undefined, undefined, undefined],
      ['1.A', '1', undefined, undefined, undefined],
      ['1.A.1', '1.A', ['VIII.e', 'XVII.b'], 'nmc', undefined],
      ['1.A.2', '1.A', undefined, undefined, 'vypuštěno'],
    ]);
    assert.deepStrictEqual(checkFiles(out.files), []);
  });

  it('reads CSV with `;` as Czech Excel saves it, with English headers', async () => {
    const out = await importFile('Code;Title;Responsible;Deadline\n1;Mobility;Transport department;2026\n1.1;Cycle paths;Transport department;6/2025\n', 'plan.csv');
    assert.deepStrictEqual(flatItems(out.files[0].text).map((i) => [i.id, i.title, i.responsible, i.timeline]), [
      ['1', 'Mobility', 'transport-department', { to: '2026' }],
      ['1.1', 'Cycle paths', 'transport-department', { to: '6/2025' }],
    ]);
  });

  it('maps columns with --columns when the headers are the document\'s own', async () => {
    const csv = 'Ozn.,Text opatření,Kdo\n1,Doprava,Odbor dopravy\n';
    await assert.rejects(importFile(csv, 'plan.csv'), (e: unknown) => e instanceof ImportError && e.messageId === 'import.error.noCodeColumn' && e.args[1] === 'Ozn., Text opatření, Kdo');
    const out = await importFile(csv, 'plan.csv', { columns: { code: 'Ozn.', title: 'Text opatření', responsible: 'Kdo' } });
    assert.deepStrictEqual(flatItems(out.files[0].text).map((i) => [i.id, i.title, i.responsible]), [['1', 'Doprava', 'odbor-dopravy']]);
  });

  it('reports a row without a code that is not a heading, with its sheet and row', async () => {
    const out = await importFile('Kód;Název;Gestor\n1;Doprava;Odbor\n;poznámka;jiná poznámka\n', 'plan.csv');
    const left = out.result.findings.filter((f) => f.kind === 'left-out');
    assert.strictEqual(left.length, 0, 'a row under an item adds to it');
    assert.match(out.files[0].text, /description: "Gestor: jiná poznámka"|poznámka/);
    const orphan = await importFile('Kód;Název;Gestor\n;poznámka;jiná poznámka\n1;Doprava;Odbor\n', 'plan.csv');
    assert.deepStrictEqual(orphan.result.findings.filter((f) => f.kind === 'left-out').map((f) => [f.at.row, f.id]), [[2, 'import.leftOut.rowWithoutCode']]);
  });

  it('says that a damaged workbook cannot be read', async () => {
    const bytes = await makeXlsx([{ name: 'A', rows: [['Kód', 'Název'], ['1', 'X']] }]);
    await assert.rejects(importFile(bytes.slice(0, 300), 'plan.xlsx'), (e: unknown) => e instanceof ImportError && e.messageId === 'import.error.corrupt' && e.args[0] === 'plan.xlsx');
  });
});

describe('import: the export\'s table layout, every column', () => {
  it('reads back groups, qualified references, removed items, periods and budgets as the table writes them', async () => {
    const header = ITEM_COLUMNS.map((c) => c.cs);
    const row = (values: Partial<Record<ColumnKey, string>>): string[] => ITEM_COLUMNS.map((c) => values[c.key] ?? '');
    const bytes = await makeXlsx([
      {
        name: ITEMS_SHEET,
        rows: [
          header,
          row({ code: 'SC1', title: 'Správa dat', group: 'Strategická oblast Data', goals: 'kv-plan/A1.1, A1.2', related: 'SC2' }),
          row({ code: '1.1', title: 'Kvalita', parent: 'SC1', group: 'Strategická oblast Data', after: '1.2', from: '2024-01', to: '2025-06', budget: '1000000', currency: 'CZK', source: 'rozpočet města' }),
          row({ code: '1.2', title: 'Zrušený cíl', parent: 'SC1', group: 'Strategická oblast Data', status: 'removed' }),
          row({ code: 'SC2', title: 'Sdílení dat', related: 'ssd-strategie/2.1' }),
        ],
      },
      { name: DOCUMENT_SHEET, rows: [['strategy', 'data'], ['title', 'Strategie dat'], ['goalsFrom', 'kv-plan']] },
    ]);
    const out = await importFile(bytes, 'data.xlsx');
    const doc = parse(out.files[0].text) as { goalsFrom: string; items: { group?: string; id?: string }[] };
    assert.strictEqual(doc.goalsFrom, 'kv-plan');
    assert.deepStrictEqual(doc.items.map((e) => e.group ?? e.id), ['Strategická oblast Data', 'SC2']);
    const items = flatItems(out.files[0].text);
    assert.deepStrictEqual(items.map((i) => [i.id, i.parent]), [['SC1', undefined], ['1.1', 'SC1'], ['1.2', 'SC1'], ['SC2', undefined]]);
    assert.deepStrictEqual(items[0].goals, ['kv-plan/A1.1', 'A1.2']);
    assert.deepStrictEqual(items[3].related, ['ssd-strategie/2.1']);
    assert.deepStrictEqual(items[1].timeline, { from: '2024-01', to: '2025-06' });
    assert.deepStrictEqual(items[1].budget, { amount: '1000000', currency: 'CZK', source: 'rozpočet města' });
    assert.strictEqual(items[2].status, 'removed');
  });
});

describe('import: implementation plans', () => {
  it('leaves out the title of a plan item that stands for the strategy\'s item, and says so', async () => {
    const out = await importFile('Kód;Název;Termín\n1.B.6;;\n1.B.6.II;Vyhodnotit program;12/2025\n', 'ap.csv', { implements: 'praha-integrace', id: 'praha-ap' });
    assert.match(out.files[0].text, /items:\n {2}- id: 1\.B\.6\n {4}items:\n {6}- id: 1\.B\.6\.II\n {8}title: Vyhodnotit program\n/);
    const f = out.result.findings.find((x) => x.id === 'import.marked.standsFor');
    assert.deepStrictEqual(f?.args, ['1.B.6', 'praha-integrace']);
    assert.deepStrictEqual(f?.at, { row: 2 }, 'a CSV row is located by its line');
  });
});

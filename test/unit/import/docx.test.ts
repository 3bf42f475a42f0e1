/**
 * Word: codes typed in the text and Word's automatic numbering (the numbers
 * Word shows, from the numbering definitions, level texts with words such
 * as `Cíl %1:` and `SC%1.`), uncoded headings as groups, item tables with
 * merged cells, and Word files that cannot be imported.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { importSource, ImportOutput } from '../../../server/src/import/importStrategy';
import { ImportError } from '../../../server/src/import/model';
import { formatNumber, WordNumbering } from '../../../server/src/import/wordNumbering';
import { readSource } from '../../../server/src/node/importSources';
import { DocxBlock, makeDocx } from '../../support/importFixtures';
import { checkFiles, flatItems } from './support';

async function importDocx(blocks: readonly DocxBlock[] | Uint8Array, name = 'strategie.docx'): Promise<ImportOutput> {
  const bytes = blocks instanceof Uint8Array ? blocks : await makeDocx(blocks);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-docx-'));
  try {
    fs.writeFileSync(path.join(dir, name), bytes);
    return importSource(await readSource(path.join(dir, name), undefined), { id: 'strategie' }, 'strategie');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('import: Word numbering', () => {
  it('formats counters as Word does', () => {
    assert.deepStrictEqual([formatNumber(3, 'decimal'), formatNumber(3, 'upperLetter'), formatNumber(28, 'upperLetter'), formatNumber(4, 'upperRoman'), formatNumber(2, 'lowerLetter')], ['3', 'C', 'BB', 'IV', 'b']);
  });

  it('counts per list and level, restarts deeper levels, and fills level texts with words', () => {
    const numbering = new WordNumbering({
      abstract: new Map([
        ['0', new Map([[0, { start: 1, format: 'decimal', text: 'Cíl %1:' }], [1, { start: 1, format: 'upperLetter', text: '%1.%2.' }], [2, { start: 1, format: 'bullet', text: '•' }]])],
      ]),
      lists: new Map([
        ['1', { abstractId: '0', startOverrides: new Map() }],
        ['2', { abstractId: '0', startOverrides: new Map([[0, 5]]) }],
      ]),
    });
    const shown = [numbering.next('1', 0), numbering.next('1', 1), numbering.next('1', 1), numbering.next('1', 2), numbering.next('1', 0), numbering.next('1', 1), numbering.next('2', 0), numbering.next('9', 0)];
    assert.deepStrictEqual(shown, ['Cíl 1:', '1.A.', '1.B.', undefined, 'Cíl 2:', '2.A.', 'Cíl 5:', undefined]);
  });
});

describe('import: Word files', () => {
  it('reads the numbers Word shows, the words of the level texts as level names, and uncoded headings as groups', async () => {
    const out = await importDocx([
      'Strategie kvalitní správy 2030',
      'Úvodní text.',
      { heading: 'Strategická oblast Data' },
      { numbered: 'Kvalitní data', level: 0 },
      { numbered: 'Katalog dat', level: 1 },
      { numbered: 'Pilotní katalog', level: 2 },
      { numbered: 'Otevřená data', level: 1 },
      { heading: 'Strategická oblast Služby' },
      { numbered: 'Digitální služby', level: 0 },
      { numbered: 'Portál občana', level: 1 },
    ]);
    const items = flatItems(out.files[0].text);
    assert.deepStrictEqual(items.map((i) => [i.id, i.parent, i.title]), [
      ['1', undefined, 'Kvalitní data'],
      ['1.1', '1', 'Katalog dat'],
      ['1.1.1', '1.1', 'Pilotní katalog'],
      ['1.2', '1', 'Otevřená data'],
      ['2', undefined, 'Digitální služby'],
      ['2.1', '2', 'Portál občana'],
    ]);
    const doc = parse(out.files[0].text) as { title: string; description: string; levels: string[]; items: { group: string }[] };
    assert.strictEqual(doc.title, 'Strategie kvalitní správy 2030');
    assert.strictEqual(doc.description, 'Úvodní text.');
    assert.deepStrictEqual(doc.items.map((g) => g.group), ['Strategická oblast Data', 'Strategická oblast Služby']);
    assert.deepStrictEqual(doc.levels?.[0], 'Cíl');
    assert.deepStrictEqual(checkFiles(out.files), []);
  });

  it('keeps labelled codes (`SC%1.` then `%1.%2`): SC1 with 1.1 below it', async () => {
    const out = await importDocx(['Strategie dat', { numbered: 'Správa dat', level: 0, list: 'sc' }, { numbered: 'Kvalita', level: 1, list: 'sc' }, { numbered: 'Sdílení', level: 0, list: 'sc' }, { numbered: 'Otevřenost', level: 1, list: 'sc' }]);
    assert.deepStrictEqual(flatItems(out.files[0].text).map((i) => [i.id, i.parent]), [['SC1', undefined], ['1.1', 'SC1'], ['SC2', undefined], ['2.1', 'SC2']]);
  });

  it('reads codes typed in the text, as in any coded text', async () => {
    const out = await importDocx(['Akční plán', '1 Doprava', '1.1 Cyklostezky', 'Gestor: Odbor dopravy', '1.2 Parkování']);
    assert.deepStrictEqual(flatItems(out.files[0].text).map((i) => [i.id, i.responsible]), [['1', undefined], ['1.1', 'odbor-dopravy'], ['1.2', undefined]]);
  });

  it('reads a table whose rows are items, a merged code cell over two indicator rows, and a merged heading row as a group', async () => {
    const out = await importDocx([
      'Akční plán 2025',
      {
        table: [
          ['Kód', 'Název', 'Gestor', 'Indikátor', 'Cílová hodnota', 'Termín'],
          [{ text: 'Oblast Mobilita', columnSpan: 6 }],
          ['1.1', 'Cyklostezky', 'Odbor dopravy', 'Délka', '25 km', '6/2025'],
          [{ text: '1.2', rowSpan: 2 }, { text: 'Parkování', rowSpan: 2 }, { text: 'Odbor dopravy', rowSpan: 2 }, 'Počet míst', '300', { text: '12/2026', rowSpan: 2 }],
          ['Obsazenost', '80 %'],
        ],
      },
    ]);
    const doc = parse(out.files[0].text) as { title: string; items: { group: string }[] };
    assert.strictEqual(doc.title, 'Akční plán 2025');
    assert.deepStrictEqual(doc.items.map((g) => g.group), ['Oblast Mobilita']);
    const items = flatItems(out.files[0].text);
    assert.deepStrictEqual(items.map((i) => [i.id, i.title, i.responsible, i.indicators, i.timeline]), [
      ['1.1', 'Cyklostezky', 'odbor-dopravy', [{ name: 'Délka', target: '25 km' }], { to: '6/2025' }],
      ['1.2', 'Parkování', 'odbor-dopravy', [{ name: 'Počet míst', target: '300' }, { name: 'Obsazenost', target: '80 %' }], { to: '12/2026' }],
    ]);
    assert.deepStrictEqual(checkFiles(out.files), []);
  });

  it('says that a damaged Word file cannot be read', async () => {
    const bytes = await makeDocx(['1 Doprava']);
    await assert.rejects(importDocx(bytes.slice(0, 200)), (e: unknown) => e instanceof ImportError && e.messageId === 'import.error.corrupt' && e.args[0] === 'strategie.docx');
  });

  it('says that a Word file without codes has none', async () => {
    await assert.rejects(importDocx(['Jen text bez kódů.', 'Další odstavec.']), (e: unknown) => e instanceof ImportError && e.messageId === 'import.error.noCodes');
  });
});

/**
 * Coded text: the code styles of Czech strategies, titles wrapped over lines,
 * attributes written as `Gestor: …` lines, goal-link blocks, format 1.1
 * (labelled parents, groups, dropped goals, timelines, `after`), and seeds
 * 000 (OCR) and 003 (three goals).
 */
import * as assert from 'assert';
import { parse } from 'yaml';
import { readLineCode } from '../../../server/src/import/lineCodes';
import { decodeText } from '../../../server/src/node/importSources';
import { checkFiles, flatItems, importText, seed } from './support';

describe('import: code at the start of a line', () => {
  const cases: [string, string | undefined, string?][] = [
    ['1 Kvalitní správa', '1'],
    ['1. Kvalitní správa', '1'],
    ['1.1 Cíl', '1.1'],
    ['1.1.1 Opatření', '1.1.1'],
    ['2.A.11.I Podpora', '2.A.11.I'],
    ['A1.1 Efektivní úřad', 'A1.1'],
    ['C2.2.1 Něco', 'C2.2.1'],
    ['I. Úvod', 'I'],
    ['IV. Čtvrtá oblast', 'IV'],
    ['A) První', 'A'],
    ['Priorita 1: Doprava', '1', 'Priorita'],
    ['Cíl 1 → spolupráce aktérů', '1', 'Cíl'],
    ['Cíl č. 1 Kvalitní data', '1', 'Cíl č.'],
    ['Dílčí cíl 1.1 Data', '1.1', 'Dílčí cíl'],
    ['Strategický cíl SC1. Správa dat', 'SC1', 'Strategický cíl'],
    ['Opatření 1.3.4 Sdílení', '1.3.4', 'Opatření'],
    ['aktivita 2.1.2.1 Pilot', '2.1.2.1', 'aktivita'],
    ['Architektonický princip P1: Jednou a dost', 'P1', 'Architektonický princip'],
    ['dle opatření 4.1.1. se postupuje', undefined],
    ['kap. 4.1.1 popisuje', undefined],
    ['1. 7. 2020 rozšíření', undefined],
    ['2022–2027 období', undefined],
    ['A další text', undefined],
    ['V rámci projektu', undefined],
    ['12', undefined],
    ['725 339 388', undefined],
    ['VIII.e začleňování cizinců', undefined],
  ];
  for (const [line, code, label] of cases) {
    it(`${JSON.stringify(line)} → ${code ?? 'no code'}`, () => {
      const found = readLineCode(line);
      assert.strictEqual(found?.code, code);
      if (label !== undefined) {
        assert.strictEqual(found?.label, label);
      }
    });
  }
});

describe('import: coded text', () => {
  it('builds the tree from codes, continues wrapped titles and keeps later paragraphs as descriptions', () => {
    const out = importText(['Strategie města 2030', '', 'Úvodní text strategie.', '', '1 Kvalitní', 'správa města', '', 'Popis oblasti.', '1.1 Efektivní úřad', '1.1.1 Digitalizace agend', '1.2 Otevřenost', '2 Doprava'].join('\n'));
    const items = flatItems(out.files[0].text);
    assert.deepStrictEqual(items.map((i) => [i.id, i.parent, i.title]), [
      ['1', undefined, 'Kvalitní správa města'],
      ['1.1', '1', 'Efektivní úřad'],
      ['1.1.1', '1.1', 'Digitalizace agend'],
      ['1.2', '1', 'Otevřenost'],
      ['2', undefined, 'Doprava'],
    ]);
    assert.strictEqual(items[0].description, 'Popis oblasti.');
    const doc = parse(out.files[0].text) as Record<string, unknown>;
    assert.strictEqual(doc.title, 'Strategie města 2030');
    assert.strictEqual(doc.description, 'Úvodní text strategie.');
  });

  it('keeps gaps, duplicates and codes out of order as the source has them', () => {
    const out = importText('S\n1 A\n3 C\n2 B\n3 D\n');
    assert.deepStrictEqual(flatItems(out.files[0].text).map((i) => i.id), ['1', '3', '2', '3']);
    const codes = checkFiles(out.files).map((d) => d.code).sort();
    assert.deepStrictEqual(codes, ['duplicate-id', 'duplicate-id', 'numbering-gap']);
  });

  it('reads labelled codes (format 1.1): the words become the levels, SC1 keeps 1.1 below it', () => {
    const out = importText(['Strategie dat', 'Strategický cíl SC1. Správa dat', 'Specifický cíl 1.1 Kvalita dat', 'Opatření 1.1.1 Katalog dat', 'Strategický cíl SC2: Sdílení', 'Specifický cíl 2.1 Otevřená data'].join('\n'));
    const doc = parse(out.files[0].text) as { levels: string[] };
    assert.deepStrictEqual(doc.levels, ['Strategický cíl', 'Specifický cíl', 'Opatření']);
    assert.deepStrictEqual(flatItems(out.files[0].text).map((i) => [i.id, i.parent]), [['SC1', undefined], ['1.1', 'SC1'], ['1.1.1', '1.1'], ['SC2', undefined], ['2.1', 'SC2']]);
  });

  it('reads responsible bodies, partners, indicators, periods, dependencies and dropped goals', () => {
    const out = importText(
      [
        'Akční plán',
        '1 Doprava',
        '1.1 Cyklostezky',
        'Gestor: Odbor dopravy',
        'Partneři: Městská policie, Správa silnic',
        'Indikátor: Délka cyklostezek',
        'Cílová hodnota: 25 km',
        'Termín: 1/2024–6/2025',
        'Rozpočet: 12 mil. Kč',
        'Návaznost: po 1.2',
        '1.2 Cíl je vypuštěn',
      ].join('\n'),
    );
    const doc = parse(out.files[0].text) as { actors: { id: string; name: string }[] };
    const item = flatItems(out.files[0].text).find((i) => i.id === '1.1');
    assert.strictEqual(item?.responsible, 'odbor-dopravy');
    assert.deepStrictEqual(item?.partners, ['mestska-policie', 'sprava-silnic']);
    assert.deepStrictEqual(item?.indicators, [{ name: 'Délka cyklostezek', target: '25 km' }]);
    assert.deepStrictEqual(item?.timeline, { from: '1/2024', to: '6/2025' });
    assert.deepStrictEqual(item?.budget, { amount: '12 mil. Kč' });
    assert.deepStrictEqual((item?.after as unknown[]).map(String), ['1.2']);
    assert.deepStrictEqual(doc.actors.map((a) => a.name), ['Odbor dopravy', 'Městská policie', 'Správa silnic']);
    assert.strictEqual(flatItems(out.files[0].text).find((i) => i.id === '1.2')?.status, 'vypuštěno');
    // The dependency on the dropped goal is the source's own problem, and the checker says so.
    assert.deepStrictEqual(checkFiles(out.files).map((d) => d.code), ['removed-item']);
  });

  it('skips tables of contents and page numbers, and reports each with its line', () => {
    const out = importText(['Strategie', '1 Úvod ........ 3', '2 Cíle ........ 5', '1 Doprava', '- 2 -', '1.1 Cyklostezky'].join('\n'));
    assert.deepStrictEqual(flatItems(out.files[0].text).map((i) => i.id), ['1', '1.1']);
    assert.deepStrictEqual(out.result.findings.filter((f) => f.kind === 'left-out').map((f) => [f.at.line, f.id]), [
      [2, 'import.leftOut.contents'],
      [3, 'import.leftOut.contents'],
      [5, 'import.leftOut.pageNumber'],
    ]);
  });

  it('marks an implementation plan with --implements and keeps the strategy\'s codes', () => {
    const out = importText('Implementační plán 2026–2028\n1.1 Kvalitní data\n1.1.3 Nové opatření\n', { implements: 'ssd-strategie', id: 'ssd-ip' });
    const doc = parse(out.files[0].text) as Record<string, unknown>;
    assert.strictEqual(doc.implements, 'ssd-strategie');
    assert.deepStrictEqual(flatItems(out.files[0].text).map((i) => i.id), ['1.1', '1.1.3']);
  });
});

describe('import: seed 003 (three goals)', () => {
  const out = importText(seed('003'), { id: 'liberec-cpic' });
  it('has its three goals, named `Cíl`, and keeps the rest of the text in groups', () => {
    const items = flatItems(out.files[0].text);
    assert.deepStrictEqual(items.map((i) => [i.id, i.title]), [
      ['1', 'spolupráce a sjednocení hlavních aktérů v oblasti integrace'],
      ['2', 'monitoring a výměna informací'],
      ['3', 'prevence negativních jevů, které mohou mít za následek napětí mezi cizinci a většinovou společností'],
    ]);
    const doc = parse(out.files[0].text) as { title: string; levels: string[]; items: { group?: string }[] };
    assert.strictEqual(doc.title, 'Koordinační činnost Centra na podporu integrace cizinců Liberecký kraj');
    assert.deepStrictEqual(doc.levels, ['Cíl']);
    assert.deepStrictEqual(doc.items.filter((e) => e.group !== undefined).map((e) => e.group), ['REGIONÁLNÍ PLATFORMY', 'PRACOVNÍ SKUPINY', 'MŠ, ZŠ, SŠ', 'ZAMĚSTNAVATELÉ', 'REGIONÁLNÍ INTEGRAČNÍ CENTRA']);
    assert.match(out.files[0].text, /Děkuji za pozornost\./, 'no text is dropped');
  });
  it('checks clean, groups included', () => {
    assert.deepStrictEqual(checkFiles(out.files), []);
  });
});

describe('import: seed 000 (OCR, damaged diacritics)', () => {
  const out = importText(seed('000'), { id: 'kv-integrace' });
  const items = flatItems(out.files[0].text);
  it('has its activities, numbered by the import and marked so, with the text as OCR left it', () => {
    assert.deepStrictEqual(items.slice(0, 4).map((i) => [i.id, i.title]), [
      ['1', 'Tvorba a aktualizace strategie integrace cizincti na trovni Statutarnino mésta Karlovy Vary'],
      ['2', 'Cilené aktivity vedouci k pfichodu obyvatel z riznych koutil svéta, k podpore socialnich a spolecenskych vztah( s okolnimi mésty a obcemi'],
      ['3', 'Podpora vzniku a fungovani neziskovych organizaci pro cizince a center pro integraci cizincli'],
      ['4', 'Podpora program a aktivit pro integraci cizincii (pracovni poradenstvi, osvojeni jazyka, vzdélavani déti cizinct, pfednasky pro cizince o mistni historii a zvycich, volnocasové a sousedské aktivity sméfujici k formovani vztahu novych obyvatel k méstu atd.)'],
    ]);
    assert.match(out.files[0].text, /# Zdroj položku nečísluje: kód je doplněn importem\.\n {2}- id: 1\n/);
    assert.strictEqual(out.result.findings.filter((f) => f.id === 'import.marked.numbered').length, items.length);
  });
  it('has its goal links, and the plan of goals with their titles as a second document', () => {
    const goals = ['A1.1', 'A1.2', 'A1.3', 'A2.1', 'A2.2', 'A2.3', 'A2.4', 'B1.1', 'B1.2', 'B2.2', 'C1.1', 'C1.2', 'C1.3', 'C2.1', '3.1', 'C3.2'];
    assert.deepStrictEqual((items[0].goals as unknown[]).map(String), goals);
    assert.deepStrictEqual(out.files.map((f) => f.name), ['out.strategy.yaml', 'out-cile.strategy.yaml']);
    const plan = flatItems(out.files[1].text);
    // The listed goals, with the pillars and goals above them that the list implies (titled with their code, marked).
    assert.deepStrictEqual(plan.filter((i) => i.title !== i.id).map((i) => i.id), goals);
    assert.deepStrictEqual(plan.filter((i) => i.title === i.id).map((i) => i.id), ['A', 'A1', 'A2', 'B', 'B1', 'B2', 'C', 'C1', 'C2', '3', 'C3']);
    assert.strictEqual(plan.find((i) => i.id === 'A1.1')?.title, 'Efektivni urad');
    assert.strictEqual((parse(out.files[0].text) as Record<string, unknown>).goalsFrom, 'kv-integrace-cile');
  });
  it('reports the lower-case lists that are not items, with their lines', () => {
    const left = out.result.findings.filter((f) => f.id === 'import.leftOut.notAnItem');
    assert.ok(left.some((f) => f.at.line === 47 && f.args[0] === 'predchazeni negativnim vliviim spojenym se segregaci'));
  });
  it('checks clean, goals resolved in the plan; the plan\'s only warnings are the goals its list lacks (`B2.1`, and `C3.1`, whose `C` the OCR lost)', () => {
    const diagnostics = checkFiles(out.files);
    assert.deepStrictEqual(diagnostics.filter((d) => d.file === 'out.strategy.yaml'), []);
    assert.deepStrictEqual(diagnostics.map((d) => `${d.code} ${d.message}`), ['numbering-gap Numbering gap: `B2.1` is missing before `B2.2`.', 'numbering-gap Numbering gap: `C3.1` is missing before `C3.2`.']);
  });
});

describe('import: text encodings', () => {
  it('reads UTF-8 with or without a BOM, and Windows-1250 as older Czech exports are saved', () => {
    const utf8 = new TextEncoder().encode('1.A Začleňování cizinců');
    assert.strictEqual(decodeText(utf8), '1.A Začleňování cizinců');
    assert.strictEqual(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])), '1.A Začleňování cizinců');
    // "Začleňování" in Windows-1250: č = E8, ň = F2, á = E1, í = ED.
    const cp1250 = new Uint8Array([0x5a, 0x61, 0xe8, 0x6c, 0x65, 0xf2, 0x6f, 0x76, 0xe1, 0x6e, 0xed]);
    assert.strictEqual(decodeText(cp1250), 'Začleňování');
  });
});

describe('import: chapters and cited documents', () => {
  it('reads bare chapter numbers of a document whose items name their level as groups, and says so', () => {
    const out = importText(
      [
        'Strategie kvality dat',
        '1 Úvod',
        'Text úvodu, který odkazuje na kap. 4.1.1 a dle opatření 1.1.1. se řídí.',
        '2 Návrhová část',
        'Strategický cíl SC1: Správa dat',
        'Specifický cíl 1.1 Kvalita dat',
        '1.1.1 Katalog dat',
        'Strategický cíl SC2: Sdílení dat',
      ].join('\n'),
    );
    const doc = parse(out.files[0].text) as { items: { group?: string; description?: string }[] };
    assert.deepStrictEqual(doc.items.map((g) => g.group), ['1 Úvod', '2 Návrhová část']);
    assert.match(doc.items[0].description ?? '', /kap\. 4\.1\.1/);
    assert.deepStrictEqual(flatItems(out.files[0].text).map((i) => [i.id, i.parent]), [['SC1', undefined], ['1.1', 'SC1'], ['1.1.1', '1.1'], ['SC2', undefined]]);
    assert.deepStrictEqual(out.result.findings.filter((f) => f.id === 'import.normalised.chapter').map((f) => f.at.line), [2, 4]);
    assert.deepStrictEqual(out.result.findings.filter((f) => f.id === 'import.normalised.label').map((f) => f.args), [['Strategický cíl', 'SC1'], ['Specifický cíl', '1.1'], ['Strategický cíl', 'SC2']]);
    assert.deepStrictEqual(checkFiles(out.files), []);
  });

  it('turns a block of cited strategic documents into `documents` entries', () => {
    const out = importText(['Strategie', 'Vazba na strategické dokumenty:', 'Strategický rámec Česká republika 2030 https://www.cr2030.cz', 'Koncepce integrace cizinců 2016', '1 Doprava'].join('\n'));
    const doc = parse(out.files[0].text) as { documents: unknown[] };
    assert.deepStrictEqual(doc.documents, [{ title: 'Strategický rámec Česká republika 2030', url: 'https://www.cr2030.cz' }, { title: 'Koncepce integrace cizinců 2016' }]);
    assert.deepStrictEqual(checkFiles(out.files), []);
  });
});

describe('import: periods', () => {
  const cases: [string, string, Record<string, string> | undefined][] = [
    ['to', '1/2024–6/2025', { from: '1/2024', to: '6/2025' }],
    ['from', '1/2024 - 6/2025', { from: '1/2024', to: '6/2025' }],
    ['from', '3/2024', { from: '3/2024' }],
    ['to', '2026', { to: '2026' }],
    ['to', '31. 12. 2025', { to: '2025-12-31' }],
    ['to', '2024–2026', { from: '2024', to: '2026' }],
    ['to', 'průběžně', undefined],
  ];
  for (const [key, value, expected] of cases) {
    it(`${key} "${value}" → ${JSON.stringify(expected)}`, () => {
      const out = importText(`Plán\n1 Doprava\n${key === 'to' ? 'Termín' : 'Zahájení'}: ${value}\n`);
      const item = flatItems(out.files[0].text)[0];
      assert.deepStrictEqual(item.timeline, expected);
      if (expected === undefined) {
        assert.strictEqual(item.description, `${key === 'to' ? 'Termín' : 'Zahájení'}: ${value}`, 'a value that is no date is kept as text');
      }
    });
  }
});

/**
 * Export → import → the same strategy: `strategy-report --format xlsx|csv`
 * read back by `strategy-import` gives the same items (code, title, parent,
 * group, description, status), fields (indicators, timeline, budget) and
 * references (descriptors, goals, related, after, responsible, partners) —
 * for the Karlovy Vary example and for a fixture that uses every field.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AnalysisItem, DocumentAnalysis } from '../../../server/src/analysis/analysis';
import { run as runImport } from '../../../server/src/importCli';
import { run as runReport } from '../../../server/src/reportCli';
import { loadFolder, REPO } from '../analysis/workspace';

const quiet = { out: (): void => undefined, err: (): void => undefined };

/** Everything of an item that the table layout carries, for comparison. */
function itemFields(item: AnalysisItem): unknown {
  return {
    code: item.code,
    title: item.title,
    parent: item.parent,
    group: item.group,
    description: item.description,
    descriptors: item.descriptors,
    goals: item.goals,
    related: item.related,
    after: item.after,
    responsible: item.responsible,
    partners: item.partners,
    indicators: item.indicators.map((i) => Object.fromEntries(Object.entries(i).filter(([, v]) => v !== undefined))),
    timeline: item.timeline,
    budget: item.budget,
    status: item.status,
  };
}

/** The analysis of the one strategy document of a folder (relative to the repository or absolute). */
function analysisOf(folder: string, id: string): DocumentAnalysis {
  const doc = loadFolder(path.relative(REPO, folder)).analysis().documents.find((d) => d.id === id);
  assert.ok(doc, `${id} in ${folder}`);
  return doc;
}

/** Exports `id` from `folder` as `format`, imports it back into a folder of its own, and returns that folder. */
async function roundTrip(folder: string, id: string, format: 'xlsx' | 'csv'): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-roundtrip-'));
  const table = path.join(dir, `${id}.${format}`);
  const err: string[] = [];
  assert.strictEqual(await runReport([folder, '--document', id, '--locale', 'cs', '-o', table], REPO, { out: () => undefined, err: (s) => err.push(s) }), 0, err.join(''));
  const back = path.join(dir, 'back');
  fs.mkdirSync(back);
  // The document's own fields of a CSV come from the command line; a workbook carries them on its `Dokument` sheet.
  const status = await runImport([table, '--id', id, '-o', path.join(back, `${id}.strategy.yaml`)], REPO, quiet);
  assert.ok(status === 0, `strategy-import ${format} exit status ${status}`);
  // The catalogs and goal plans of the source folder, so that the imported document's references resolve as before.
  for (const file of fs.readdirSync(path.join(REPO, folder))) {
    if (!file.startsWith(`${id}.`)) {
      fs.copyFileSync(path.join(REPO, folder, file), path.join(back, file));
    }
  }
  return back;
}

const FIXTURE = `strategy: vse
title: Strategie se všemi poli
levels: [Oblast, Cíl, Opatření, Aktivita]
goalsFrom: plan
actors:
  - id: odbor
    name: Odbor strategického rozvoje
  - id: nno
    name: Neziskové organizace
items:
  - group: Strategická oblast Data
    items:
      - id: 1
        title: Data
        description: Popis oblasti na dva řádky.
        items:
          - id: 1.1
            title: Kvalitní data
            items:
              - id: 1.1.1
                title: Katalog dat
                descriptors: [XVII.d]
                goals: [A1, plan/A2]
                related: [1.1.2]
                responsible: odbor
                partners: [odbor, nno]
                indicators:
                  - { name: Počet datových sad, unit: sada, baseline: 10, target: 50, year: 2027 }
                  - { name: Spokojenost, unit: "%", target: 80 }
                timeline: { from: 2025-01, to: 2026 }
                budget: { amount: 1 200 000, currency: CZK, source: rozpočet města }
                items:
                  - id: 1.1.1.I
                    title: Analýza
                    after: [1.1.2]
              - id: 1.1.2
                title: Vypuštěné opatření
                status: vypuštěno
`;

const PLAN = `strategy: plan
title: Plán cílů
items:
  - { id: A1, title: Cíl 1 }
  - { id: A2, title: Cíl 2 }
`;

describe('strategy-report → strategy-import round trip', () => {
  const dirs: string[] = [];
  after(() => {
    for (const d of dirs) {
      fs.rmSync(path.dirname(d), { recursive: true, force: true });
    }
  });

  for (const format of ['xlsx', 'csv'] as const) {
    it(`the Karlovy Vary strategy comes back the same through ${format}`, async () => {
      const back = await roundTrip('examples/karlovy-vary', 'kv-integrace', format);
      dirs.push(back);
      const before = analysisOf(path.join(REPO, 'examples/karlovy-vary'), 'kv-integrace');
      const after = analysisOf(back, 'kv-integrace');
      assert.deepStrictEqual(after.items.map(itemFields), before.items.map(itemFields));
      assert.deepStrictEqual(after.levels, before.levels);
      if (format === 'xlsx') {
        // The workbook's `Dokument` and `Aktéři` sheets carry the document's own fields.
        assert.deepStrictEqual([after.title, after.goalsFrom, after.actors], [before.title, before.goalsFrom, before.actors]);
        assert.deepStrictEqual(after.matrix?.rows.map((r) => r.cells), before.matrix?.rows.map((r) => r.cells), 'the same links to the plan');
        assert.strictEqual(after.errors, 0);
      }
    });

    it(`the Prague action plan comes back as a plan of the same strategy through ${format}`, async () => {
      const back = await roundTrip('examples/praha', 'praha-integrace-ap-2024-2025', format);
      dirs.push(back);
      const before = analysisOf(path.join(REPO, 'examples/praha'), 'praha-integrace-ap-2024-2025');
      const after = analysisOf(back, 'praha-integrace-ap-2024-2025');
      assert.strictEqual(before.implements, 'praha-integrace');
      assert.deepStrictEqual(after.items.map(itemFields), before.items.map(itemFields));
      if (format === 'xlsx') {
        // The workbook's `Dokument` sheet carries `implements`; a CSV takes it from `--implements`.
        assert.strictEqual(after.implements, before.implements);
      }
    });

    it(`every field of the table comes back the same through ${format}`, async () => {
      const source = fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-roundtrip-src-'));
      dirs.push(path.join(source, 'x'));
      fs.writeFileSync(path.join(source, 'vse.strategy.yaml'), FIXTURE);
      fs.writeFileSync(path.join(source, 'plan.strategy.yaml'), PLAN);
      const back = await roundTrip(path.relative(REPO, source), 'vse', format);
      dirs.push(back);
      const before = analysisOf(source, 'vse');
      const after = analysisOf(back, 'vse');
      assert.deepStrictEqual(after.items.map(itemFields), before.items.map(itemFields));
      assert.strictEqual(before.items.length, 5);
      if (format === 'xlsx') {
        assert.deepStrictEqual([after.title, after.levels, after.goalsFrom, after.actors], [before.title, before.levels, before.goalsFrom, before.actors]);
        assert.strictEqual(after.errors, 0);
      }
    });
  }
});

/**
 * The national strategy database's export (seed 004): the exact tree, every
 * descriptor tag, the export's seven numbering gaps, the unnamed priority
 * areas, and descriptors outside the built-in catalog.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { checkFiles, flatItems, importText, REPO, seed } from './support';

const SEED = seed('004');

describe('import: national database export (seed 004)', () => {
  const output = importText(SEED, { id: 'praha-integrace' });
  const strategy = output.files[0];
  const items = flatItems(strategy.text);

  it('is read as the database export and writes one strategy file', () => {
    assert.strictEqual(output.files.length, 1, output.files.map((f) => f.name).join());
    assert.strictEqual(strategy.name, 'out.strategy.yaml');
    const doc = parse(strategy.text) as Record<string, unknown>;
    assert.strictEqual(doc.strategy, 'praha-integrace');
    assert.strictEqual(doc.title, 'Koncepce hl. m. Prahy pro oblast integrace cizinců 2022–2027');
    assert.strictEqual(doc.period, '2022–2027');
    assert.strictEqual(doc.owner, 'hlavní město PRAHA');
    assert.deepStrictEqual(doc.levels, ['Prioritní oblast', 'Specifický cíl', 'Opatření', 'Aktivita']);
  });

  it('has exactly the tree of the hand-made example: every objective, measure and activity with its title and descriptors', () => {
    const example = flatItems(fs.readFileSync(path.join(REPO, 'examples/praha/praha-integrace.strategy.yaml'), 'utf8'));
    const below = (list: typeof items): string[] => list.filter((i) => i.depth >= 2).map((i) => `${i.parent} > ${i.id}: ${i.title} [${((i.descriptors as string[] | undefined) ?? []).join(', ')}]`);
    assert.deepStrictEqual(below(items), below(example));
    assert.deepStrictEqual(items.filter((i) => i.depth === 1).map((i) => i.id), ['1', '2', '3', '4', '5']);
    assert.strictEqual(items.filter((i) => i.depth >= 2).length, 55);
  });

  it('keeps every descriptor tag of the export (68)', () => {
    const tags = items.reduce((n, i) => n + ((i.descriptors as string[] | undefined)?.length ?? 0), 0);
    const inSeed = SEED.split('\n').filter((l) => /^[IVXL]+\.[a-z] /.test(l)).length;
    assert.strictEqual(inSeed, 68);
    assert.strictEqual(tags, inSeed);
  });

  it('names the unnamed priority areas so, in the file and in the report', () => {
    const first = items.find((i) => i.id === '1');
    assert.strictEqual(first?.title, 'Prioritní oblast 1 (název v exportu chybí)');
    assert.match(strategy.text, /# Export neuvádí název prioritní oblasti: název je doplněn importem\.\n {2}- id: 1\n/);
    const marked = output.result.findings.filter((f) => f.id === 'import.marked.unnamedPriority').map((f) => f.args[0]);
    assert.deepStrictEqual(marked, ['1', '2', '3', '4', '5']);
  });

  it('reports the banner left out and each trailing dot removed, with their lines', () => {
    const left = output.result.findings.filter((f) => f.kind === 'left-out');
    assert.deepStrictEqual(left.map((f) => [f.at.line, f.id]), [[1, 'import.leftOut.banner']]);
    const dots = output.result.findings.filter((f) => f.id === 'import.normalised.trailingDot');
    assert.strictEqual(dots.length, 13);
    assert.deepStrictEqual(dots[0], { kind: 'normalised', at: { line: 4 }, id: 'import.normalised.trailingDot', args: ['1.A.', '1.A'] });
  });

  it('checks clean except the seven numbering gaps of the export', () => {
    const diagnostics = checkFiles(output.files);
    assert.deepStrictEqual(diagnostics.map((d) => d.code), Array(7).fill('numbering-gap'));
    const missing = diagnostics.map((d) => /`(\d+)` is missing/.exec(d.message)?.[1]);
    assert.deepStrictEqual(missing, ['8', '10', '20', '25', '26', '29', '32']);
  });

  it('is deterministic: the same source gives byte-identical files', () => {
    assert.strictEqual(importText(SEED, { id: 'praha-integrace' }).files[0].text, strategy.text);
  });

  it('writes codes plain and quotes only where YAML needs it', () => {
    assert.match(strategy.text, /^ {6}- id: 1\.A$/m);
    assert.match(strategy.text, /^ {14}- id: 1\.B\.6\.I$/m);
    assert.match(strategy.text, /^ {12}descriptors: \[VIII\.e, XVII\.b, XVII\.c\]$/m);
    // The one title with `: ` inside needs quotes; no other does.
    assert.deepStrictEqual(strategy.text.match(/title: ["']/g), ['title: "']);
    assert.match(strategy.text, /title: "Podpora intenzivní jazykové přípravy žáků s OMJ na ZŠ, včetně žáků s nulovou znalostí jazyka: zajištění/);
  });

  it('reads an activity written `A.1.I` under measure `1.A.1` as `1.A.1.I`, and says so', () => {
    const out = importText(SEED.replace('1.B.6.I Zajistit', 'B.6.I Zajistit'));
    assert.ok(flatItems(out.files[0].text).some((i) => i.id === '1.B.6.I' && i.parent === '1.B.6'));
    const f = out.result.findings.find((x) => x.id === 'import.normalised.priorityAdded');
    assert.deepStrictEqual(f?.args, ['B.6.I', '1.B.6.I']);
  });

  it('writes descriptors outside the built-in catalog, with the export\'s names, to a catalog beside the strategy', () => {
    const text = SEED.replace('XVII.c veřejné služby\n1.A.2', 'XVII.c veřejné služby\nXXI.d ochrana kulturního dědictví\nIII.a výzkum\n1.A.2');
    const out = importText(text, { id: 'praha' });
    assert.deepStrictEqual(out.files.map((f) => f.name), ['out.strategy.yaml', 'out.descriptors.yaml']);
    const catalog = parse(out.files[1].text) as { catalog: string; areas: { id: string; descriptors: { id: string; title: string }[] }[] };
    assert.deepStrictEqual(
      catalog.areas.map((a) => [a.id, a.descriptors.map((d) => `${d.id} ${d.title}`)]),
      [['XXI', ['XXI.d ochrana kulturního dědictví']], ['III', ['III.a výzkum']]],
    );
    const codes = checkFiles(out.files).map((d) => d.code);
    assert.ok(!codes.includes('unknown-descriptor'), codes.join());
    assert.deepStrictEqual([...new Set(codes)], ['numbering-gap']);
  });

  it('keeps a title wrapped over several lines whole', () => {
    const out = importText(SEED.replace('1.A.3 Spolupráce oddělení NMC s odbory MHMP', '1.A.3 Spolupráce oddělení NMC\ns odbory MHMP'));
    assert.strictEqual(flatItems(out.files[0].text).find((i) => i.id === '1.A.3')?.title, 'Spolupráce oddělení NMC s odbory MHMP a organizacemi HMP významnými z hlediska populace migrantů v HMP');
  });
});

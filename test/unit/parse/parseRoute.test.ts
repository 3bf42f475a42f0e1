/**
 * The differential test of the fast parse route: for every example, every
 * generated document and thousands of fuzzed mutants (plus every fixture of
 * the unit tests, checked in `fixture.ts`), the `ParsedFile` of the default
 * route equals the one the full `yaml` parse gives — items, references,
 * spans, diagnostics with their messages, schema warnings.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_LIMITS } from '../../../server/src/parse/parseFile';
import { readBlockDocument } from '../../../server/src/parse/blockReader';
import { mutate } from '../../fuzz/mutators';
import { Random } from '../../fuzz/random';
import { generateImplementationPlan, generateNationalStrategy, generatePlan, generateStrategy, NATIONAL } from '../../support/generate';
import { expectSameParse } from '../fixture';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');

function exampleFiles(): { uri: string; text: string }[] {
  const out: { uri: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        walk(p);
      } else if (/\.(strategy|descriptors)\.ya?ml$/.test(e.name)) {
        out.push({ uri: 'file://' + p, text: fs.readFileSync(p, 'utf8') });
      }
    }
  };
  walk(EXAMPLES);
  assert.ok(out.length >= 4, `the examples folder ${EXAMPLES} holds the strategy files this test reads`);
  return out;
}

/** Damage the fast route must model exactly: comment lines at any indentation, blank and space-only lines, trailing comments, quoting. */
function layoutMutant(text: string, rnd: Random): string {
  const lines = text.split('\n');
  const count = rnd.between(1, 4);
  for (let k = 0; k < count; k++) {
    const i = rnd.int(lines.length);
    const indent = ' '.repeat(rnd.pick([0, 1, 2, 4, 6, 8, 10, 12, 14, 16]));
    switch (rnd.int(6)) {
      case 0:
        lines.splice(i, 0, `${indent}# poznámka`);
        break;
      case 1:
        lines.splice(i, 0, rnd.chance(0.5) ? '' : indent);
        break;
      case 2:
        lines[i] = lines[i] + rnd.pick(['  # komentář', ' #x', '   ', ' ']);
        break;
      case 3:
        lines[i] = lines[i].replace(/: (.+)$/, (_m, v: string) => `: '${v.replace(/'/g, "''")}'`);
        break;
      case 4:
        lines[i] = lines[i].replace(/: (.+)$/, (_m, v: string) => `: "${v}"`);
        break;
      default:
        lines.splice(i, 0, `${indent}# a`, '', `${indent.slice(2)}# b`);
    }
  }
  return lines.join('\n');
}

describe('fast parse route', () => {
  it('gives the full parse for every example, and reads them itself', () => {
    for (const f of exampleFiles()) {
      expectSameParse(f.uri, f.text);
      assert.ok(readBlockDocument(f.text, DEFAULT_LIMITS.maxNesting), `${f.uri} is in the block subset`);
    }
  });

  it('gives the full parse for generated strategies, plans and national documents, and reads them itself', () => {
    const texts = [
      generatePlan('plan'),
      generateStrategy('doc-1', 100, 1, 'plan').text,
      generateStrategy('doc-2', 7, 2).text,
      generateImplementationPlan('plan-1', 'doc-1', 3),
      ...[0, 1, 17, 2999].map((i) => generateNationalStrategy(i, NATIONAL).text),
    ];
    for (const [i, text] of texts.entries()) {
      expectSameParse(`file:///ws/g${i}.strategy.yaml`, text);
      assert.ok(readBlockDocument(text, DEFAULT_LIMITS.maxNesting), `generated text ${i} is in the block subset`);
    }
  });

  it('gives the full parse for fuzzed mutants of the examples and a generated document', function () {
    // Two parses of 2,000 files: slower than mocha's default allows on a busy machine.
    this.timeout(300_000);
    const bases = [...exampleFiles().map((f) => f.text), generateNationalStrategy(3, NATIONAL).text.slice(0, 6000)];
    const rnd = new Random(12);
    let fast = 0;
    const total = 2000;
    for (let n = 0; n < total; n++) {
      const base = rnd.pick(bases);
      const text = rnd.chance(0.5) ? mutate(base, rnd).text : layoutMutant(base, rnd);
      const kind = rnd.chance(0.1) ? 'descriptors' : 'strategy';
      expectSameParse(`file:///ws/m${n}.${kind}.yaml`, text);
      if (readBlockDocument(text, DEFAULT_LIMITS.maxNesting)) {
        fast++;
      }
    }
    // The comparison means something only when many mutants take the fast route.
    assert.ok(fast > total / 4, `only ${fast} of ${total} mutants took the fast route`);
  });

  it('falls back to the full parse outside the subset', () => {
    const outside = [
      'strategy: a\ntitle: |+\n  block\n',
      'strategy: a\ntitle: >\n  block\n    more\n',
      'strategy: a\nitems: &x\n  - id: 1\n    title: t\n',
      'strategy: a\ntitle: "a\\nb"\n',
      'strategy: a\ntitle:\n',
      'strategy: a\ntitle: a\n  continued\n',
      'strategy: a\nstrategy: b\n',
      'strategy: a\r\ntitle: b\r\n',
      'strategy: a\ntitle: {x: [1]}\n',
      'strategy: a\nrelated: [a, ]\n',
      '---\nstrategy: a\n',
      '- a\n',
    ];
    for (const text of outside) {
      assert.strictEqual(readBlockDocument(text, DEFAULT_LIMITS.maxNesting), undefined, JSON.stringify(text));
      expectSameParse('file:///ws/o.strategy.yaml', text);
    }
  });
});

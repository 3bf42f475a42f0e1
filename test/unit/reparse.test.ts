/**
 * The partial re-parse of one item after an edit must give exactly what a
 * full parse of the new text gives. Random edits (seeded) inside and across
 * items, compared field by field.
 */
import * as assert from 'assert';
import { compileSchemas, SchemaValidators } from '../../server/src/parse/schemaCheck';
import { parseFile } from '../../server/src/parse/parseFile';
import { reparseItem } from '../../server/src/parse/incremental';
import { StrategyDocument } from '../../server/src/model/types';
import { schemas } from './fixture';
import { generatePlan, generateStrategy, prng } from '../support/generate';

const URI = 'file:///ws/a.strategy.yaml';

/** The parse result as plain JSON, with diagnostics in a stable order. */
function normalize(doc: StrategyDocument): unknown {
  const plain = JSON.parse(JSON.stringify({ ...doc, nodeDiagnostics: undefined, numbering: undefined, codes: undefined })) as { diagnostics: { span: { start: number; end: number }; code: string; message: { id: string; args: string[] } }[] };
  plain.diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code) || JSON.stringify(a.message).localeCompare(JSON.stringify(b.message)));
  return plain;
}

function full(text: string, validators: SchemaValidators): StrategyDocument {
  const parsed = parseFile(URI, text, 'strategy', validators);
  assert.ok(parsed.kind === 'strategy');
  return parsed;
}

/** Edits an author makes inside an item: type or delete characters, change a code, add or drop a key line. */
function randomEdit(text: string, rand: () => number): string {
  const lines = text.split('\n');
  const n = Math.floor(rand() * (lines.length - 1));
  const line = lines[n];
  const col = Math.floor(rand() * (line.length + 1));
  switch (Math.floor(rand() * 8)) {
    case 0:
      lines[n] = line.slice(0, col) + 'x' + line.slice(col);
      break;
    case 1:
      lines[n] = line.slice(0, col) + line.slice(col + 1);
      break;
    case 2:
      lines[n] = line.replace(/\d+(?=\D*$)/, (d) => String(Number(d) + 1));
      break;
    case 3:
      lines.splice(n + 1, 0, line.replace(/\S.*$/, 'related: [1.A.1]'));
      break;
    case 4:
      lines.splice(n, 1);
      break;
    case 5:
      lines[n] = line.replace(/title: .*/, 'title: Nový název žáků');
      break;
    case 6:
      lines[n] = line.replace(/\[([^\]]*)\]/, '[$1, VIII.z]');
      break;
    default:
      lines.splice(n + 1, 0, line.replace(/\S.*$/, 'unknownKey: 1'));
  }
  return lines.join('\n');
}

describe('partial re-parse of an edited item', () => {
  const validators = compileSchemas(schemas());

  it('equals a full parse after 300 random edits, and is used for many of them', function () {
    this.timeout(120_000);
    const rand = prng(7);
    let text = generateStrategy('s', 30, 1, 'plan').text;
    let doc = full(text, validators);
    let partial = 0;
    for (let i = 0; i < 300; i++) {
      const next = randomEdit(text, rand);
      const inc = reparseItem(doc, text, next, validators);
      const whole = full(next, validators);
      if (inc) {
        partial++;
        assert.deepStrictEqual(normalize(inc), normalize(whole), `edit ${i} differs from a full parse`);
      }
      // Keep the document valid YAML, as an author fixes a typo before going on.
      if (!whole.diagnostics.some((d) => d.code === 'yaml-syntax')) {
        text = next;
        doc = inc ?? whole;
      }
    }
    assert.ok(partial > 75, `only ${partial} of 300 edits were re-parsed in part`);
  });

  it('equals a full parse after random edits of a format 1.1 plan: groups, implements, outside documents, after, timelines, removed items', function () {
    this.timeout(120_000);
    const rand = prng(11);
    const areas = [1, 2, 3, 4].map(
      (a) => `  - group: Strategická oblast ${a}
    description: Oblast
    items:
      - id: SC${a}
        title: Strategický cíl ${a}
        items:
          - id: ${a}.1
            title: Specifický cíl
            timeline: { from: 2024, to: 2025-06 }
            items:
              - id: ${a}.1.1
                title: Opatření
                after: [${a}.1.2, kic/3.1]
              - id: ${a}.1.2
                title: Opatření
                status: vypuštěno
          - group: Vnořená skupina
            items:
              - id: ${a}.2
                title: Specifický cíl
                related: [${a}.1.1]
`,
    );
    let text = `strategy: p\ntitle: Akční plán\nimplements: s\ndocuments:\n  - id: kic\n    title: Koncepce\nitems:\n${areas.join('')}`;
    let doc = full(text, validators);
    let partial = 0;
    for (let i = 0; i < 200; i++) {
      const next = randomEdit(text, rand);
      const inc = reparseItem(doc, text, next, validators);
      const whole = full(next, validators);
      if (inc) {
        partial++;
        assert.deepStrictEqual(normalize(inc), normalize(whole), `edit ${i} differs from a full parse`);
      }
      if (!whole.diagnostics.some((d) => d.code === 'yaml-syntax')) {
        text = next;
        doc = inc ?? whole;
      }
    }
    assert.ok(partial > 25, `only ${partial} of 200 edits were re-parsed in part`);
  });

  it('re-parses in part every keystroke typed into titles and reference lists', () => {
    let text = generateStrategy('s', 30, 3, 'plan').text;
    let doc = full(text, validators);
    let inserted = 0;
    for (const [i, original] of [...text.matchAll(/\n +title: |related: \[/g)].map((m, k) => [k, m.index + m[0].length] as const)) {
      const typed = i % 2 === 0 ? 'ž' : '1.';
      const at = original + inserted;
      inserted += typed.length;
      const next = text.slice(0, at) + typed + text.slice(at);
      const inc = reparseItem(doc, text, next, validators);
      assert.ok(inc, `keystroke ${i} at ${at} fell back to a full parse`);
      if (i % 10 === 0) {
        assert.deepStrictEqual(normalize(inc), normalize(full(next, validators)));
      }
      text = next;
      doc = inc;
    }
  });

  it('keeps comments, CRLF-free blank lines and later keys in place', () => {
    const text = generatePlan('plan').replace('items:\n', '# komentář\nitems:\n') + 'owner: Město\n';
    const doc = full(text, validators);
    const next = text.replace('title: Image města', 'title: Image města a okolí');
    const inc = reparseItem(doc, text, next, validators);
    assert.ok(inc, 'an edit of a title is re-parsed in part');
    assert.deepStrictEqual(normalize(inc), normalize(full(next, validators)));
  });

  it('falls back to a full parse for edits it cannot prove local', () => {
    const text = generatePlan('plan');
    const doc = full(text, validators);
    assert.strictEqual(reparseItem(doc, text, text.replace('strategy: plan', 'strategy: plan2'), validators), undefined);
    assert.strictEqual(reparseItem(doc, text, text.replace('    title: Pilíř A', '  title: Pilíř A'), validators), undefined);
    assert.strictEqual(reparseItem(doc, text, text.replace('Image města', '"Image'), validators), undefined);
  });
});

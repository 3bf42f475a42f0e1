/**
 * Diagnostics update while typing and across files (spec 4): after any
 * sequence of edits, renames and deletions, every file's diagnostics equal
 * those of a language service built from scratch on the final texts, and
 * `update` / `remove` return every URI whose diagnostics changed (so that the
 * server republishes exactly those).
 */
import * as assert from 'assert';
import { LanguageService } from '../../server/src/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { parseFixture, ROOT, schemas } from './fixture';

type Step = { uri: string; text: string } | { remove: string };

/** A service over texts, with the texts it holds, checked against a fresh one after every step. */
class Session {
  readonly service: LanguageService;
  readonly texts = new Map<string, string>();

  constructor(files: { uri: string; text: string }[]) {
    this.service = createService();
    for (const f of files) {
      this.texts.set(f.uri, f.text);
      this.service.update(f.uri, f.text);
    }
    this.compareWithFresh('initial state');
  }

  /** Every file's diagnostics as comparable strings. */
  snapshot(service: LanguageService = this.service): Map<string, string> {
    const out = new Map<string, string>();
    for (const uri of this.texts.keys()) {
      out.set(uri, diagnosticsText(service, uri));
    }
    return out;
  }

  apply(step: Step, label: string): void {
    const before = this.snapshot();
    let affected: Set<string>;
    if ('remove' in step) {
      affected = this.service.remove(step.remove);
      this.texts.delete(step.remove);
      // A removed file's diagnostics must be cleared: it has to be among the affected URIs when it had any.
      if (before.get(step.remove) !== '[]') {
        assert.ok(affected.has(step.remove), `${label}: removed ${step.remove} not among the affected URIs`);
      }
    } else {
      affected = this.service.update(step.uri, step.text);
      this.texts.set(step.uri, step.text);
    }
    const after = this.snapshot();
    for (const [uri, diags] of after) {
      if ((before.get(uri) ?? '[]') !== diags) {
        assert.ok(affected.has(uri), `${label}: diagnostics of ${uri} changed, but update returned only ${JSON.stringify([...affected])}\nbefore: ${before.get(uri)}\nafter: ${diags}`);
      }
    }
    this.compareWithFresh(label);
  }

  compareWithFresh(label: string): void {
    const fresh = createService();
    for (const [uri, text] of this.texts) {
      fresh.update(uri, text);
    }
    const expected = this.snapshot(fresh);
    const actual = this.snapshot();
    for (const [uri, diags] of expected) {
      assert.strictEqual(actual.get(uri), diags, `${label}: diagnostics of ${uri} differ from a fresh service`);
    }
  }

  text(name: string): string {
    const t = this.texts.get(ROOT + name);
    assert.ok(t !== undefined, `no ${name}`);
    return t;
  }

  /** Replaces `from` by `to` in one file (the text must contain `from`). */
  edit(name: string, from: string, to: string): void {
    const text = this.text(name);
    assert.ok(text.includes(from), `${name} does not contain ${JSON.stringify(from)}`);
    this.apply({ uri: ROOT + name, text: text.replace(from, to) }, `${name}: ${JSON.stringify(from)} → ${JSON.stringify(to)}`);
  }

  /** Types `to` over `from` one character at a time, as an author does (every intermediate text is checked). */
  type(name: string, from: string, to: string): void {
    const text = this.text(name);
    const at = text.indexOf(from);
    assert.ok(at >= 0, `${name} does not contain ${JSON.stringify(from)}`);
    let current = text;
    // Delete `from` backwards, then type `to` forwards.
    for (let i = from.length; i > 0; i--) {
      current = text.slice(0, at) + from.slice(0, i - 1) + text.slice(at + from.length);
      this.apply({ uri: ROOT + name, text: current }, `${name}: deleting ${JSON.stringify(from)} (${i - 1} left)`);
    }
    for (let i = 1; i <= to.length; i++) {
      current = text.slice(0, at) + to.slice(0, i) + text.slice(at + from.length);
      this.apply({ uri: ROOT + name, text: current }, `${name}: typing ${JSON.stringify(to.slice(0, i))}`);
    }
  }

  add(name: string, text: string): void {
    this.apply({ uri: ROOT + name, text }, `add ${name}`);
  }

  remove(name: string): void {
    this.apply({ remove: ROOT + name }, `remove ${name}`);
  }

  codes(name: string): string[] {
    return this.service.diagnostics(ROOT + name).map((d) => d.code);
  }
}

function createService(): LanguageService {
  return new LanguageService({ schemas: schemas(), roots: [ROOT], locale: 'en', settings: DEFAULT_SETTINGS });
}

/** A file's diagnostics, with everything a client sees (ranges, messages, suggestions, related places). */
function diagnosticsText(service: LanguageService, uri: string): string {
  return JSON.stringify(
    service
      .diagnostics(uri)
      .map((d) => JSON.stringify({ code: d.code, severity: d.severity, span: d.span, text: service.messages.format(d.message, d.suggestions), related: d.related?.map((r) => [r.uri, r.span]).sort() }))
      .sort(),
  );
}

const WORKSPACE = `
//- /kv-plan.strategy.yaml
strategy: kv-plan
title: Strategický plán
items:
  - id: A
    title: Správa města
    items:
      - id: A1
        title: Úřad
        items:
          - { id: A1.1, title: Efektivní úřad }
          - { id: A1.2, title: Hospodaření }
  - id: B
    title: Prostředí
//- /kv-integrace.strategy.yaml
strategy: kv-integrace
title: Strategie integrace
goalsFrom: kv-plan
documents:
  - strategy: kv-plan
actors:
  - id: mmkv
    name: Magistrát
items:
  - id: 1
    title: Řízení
    items:
      - id: 1.A
        title: Strategické řízení
        items:
          - id: 1.A.1
            title: Tvorba strategie
            goals: [A1.1]
            related: [praha/1.A.1, 1.A.2]
            descriptors: [VIII.e, XXII.a]
            responsible: mmkv
          - id: 1.A.2
            title: Doporučení
            goals: [A1.2, kv-plan/B]
//- /praha.strategy.yaml
strategy: praha
title: Praha
items:
  - id: 1
    title: P
    items:
      - id: 1.A
        title: C
        items:
          - id: 1.A.1
            title: M
            related: [kv-integrace/1.A.1]
//- /moje.descriptors.yaml
catalog: moje
title: Moje
areas:
  - id: XXII
    descriptors:
      - { id: XXII.a, title: nový }
//- /poznamky.md
---
strategy: praha
---
Opatření praha/1.A.1 navazuje na kv-integrace/1.A.2 a cíl kv-plan/A1.1.
`;

function session(): Session {
  return new Session(parseFixture(WORKSPACE));
}

describe('incremental diagnostics', () => {
  it('the example workspace starts clean', () => {
    const s = session();
    for (const uri of s.texts.keys()) {
      assert.strictEqual(diagnosticsText(s.service, uri), '[]', uri);
    }
  });

  it('renaming a document id reports its users, and renaming it back clears them', () => {
    const s = session();
    s.edit('/kv-plan.strategy.yaml', 'strategy: kv-plan', 'strategy: kv-plan-2030');
    assert.deepStrictEqual(s.codes('/kv-integrace.strategy.yaml'), ['unknown-strategy', 'unknown-strategy', 'unknown-strategy']);
    assert.deepStrictEqual(s.codes('/poznamky.md'), ['unknown-strategy']);
    s.edit('/kv-integrace.strategy.yaml', 'goalsFrom: kv-plan', 'goalsFrom: kv-plan-2030');
    s.edit('/kv-plan.strategy.yaml', 'strategy: kv-plan-2030', 'strategy: kv-plan');
  });

  it('renaming a document id character by character', () => {
    const s = session();
    s.type('/praha.strategy.yaml', 'strategy: praha', 'strategy: prague');
  });

  it('deleting a definition reports its references; restoring it clears them', () => {
    const s = session();
    s.edit('/kv-plan.strategy.yaml', '          - { id: A1.2, title: Hospodaření }\n', '');
    assert.deepStrictEqual(s.codes('/kv-integrace.strategy.yaml'), ['unknown-goal']);
    s.edit('/praha.strategy.yaml', '\n          - id: 1.A.1\n            title: M\n            related: [kv-integrace/1.A.1]', '');
    assert.deepStrictEqual(s.codes('/kv-integrace.strategy.yaml'), ['unknown-item', 'unknown-goal']);
    assert.deepStrictEqual(s.codes('/poznamky.md'), ['unknown-item']);
    s.apply({ uri: ROOT + '/kv-plan.strategy.yaml', text: parseFixture(WORKSPACE)[0].text }, 'restore kv-plan');
  });

  it('fixing a definition in one file clears the error in another', () => {
    const s = session();
    s.edit('/kv-integrace.strategy.yaml', '          - id: 1.A.1\n', '          - id: 1.A.l\n');
    assert.deepStrictEqual(s.codes('/praha.strategy.yaml'), ['unknown-item']);
    s.edit('/kv-integrace.strategy.yaml', '          - id: 1.A.l\n', '          - id: 1.A.1\n');
    assert.deepStrictEqual(s.codes('/praha.strategy.yaml'), []);
  });

  it('editing an item id character by character (the partial re-parse path)', () => {
    const s = session();
    s.type('/kv-integrace.strategy.yaml', '- id: 1.A.2', '- id: 1.A.3');
    s.type('/kv-integrace.strategy.yaml', '- id: 1.A.3', '- id: 1.A.2');
  });

  it('editing references, titles and actors inside one item', () => {
    const s = session();
    s.type('/kv-integrace.strategy.yaml', 'goals: [A1.1]', 'goals: [A1.9, B]');
    s.type('/kv-integrace.strategy.yaml', 'responsible: mmkv', 'responsible: mmkw');
    s.type('/kv-integrace.strategy.yaml', 'title: Tvorba strategie', 'title: 2022');
    s.type('/kv-integrace.strategy.yaml', 'related: [praha/1.A.1, 1.A.2]', 'related: [1.A.1]');
  });

  it('deleting files: a catalog, a referenced document, a Markdown file', () => {
    const s = session();
    s.remove('/moje.descriptors.yaml');
    assert.deepStrictEqual(s.codes('/kv-integrace.strategy.yaml'), ['unknown-descriptor']);
    s.remove('/kv-plan.strategy.yaml');
    s.remove('/poznamky.md');
    s.remove('/praha.strategy.yaml');
    s.add('/moje.descriptors.yaml', parseFixture(WORKSPACE)[3].text);
  });

  it('a duplicate document id appears on both files and goes away with the copy', () => {
    const s = session();
    s.add('/kopie.strategy.yaml', 'strategy: praha\ntitle: Kopie\n');
    assert.deepStrictEqual(s.codes('/praha.strategy.yaml'), ['duplicate-strategy']);
    s.type('/kopie.strategy.yaml', 'strategy: praha', 'strategy: praha-2');
    s.add('/kopie2.strategy.yaml', 'strategy: praha\ntitle: Kopie\nitems:\n  - { id: 1, title: X }\n');
    s.remove('/praha.strategy.yaml');
    s.remove('/kopie2.strategy.yaml');
  });

  it('a descriptor defined in a second catalog, then removed from it', () => {
    const s = session();
    s.add('/druhy.descriptors.yaml', 'catalog: druhy\ntitle: Druhý\nareas:\n  - id: XXII\n    descriptors:\n      - { id: XXII.a, title: jiný }\n');
    assert.deepStrictEqual(s.codes('/moje.descriptors.yaml'), ['duplicate-id']);
    s.type('/druhy.descriptors.yaml', 'id: XXII.a', 'id: XXII.b');
    s.edit('/druhy.descriptors.yaml', 'catalog: druhy', 'catalog: moje');
    s.edit('/moje.descriptors.yaml', 'catalog: moje', 'catalog: treti');
  });

  it('adding and removing goalsFrom, and a document appearing later', () => {
    const s = session();
    s.edit('/kv-integrace.strategy.yaml', 'goalsFrom: kv-plan\n', '');
    assert.deepStrictEqual(s.codes('/kv-integrace.strategy.yaml'), ['missing-goals-from', 'missing-goals-from']);
    s.edit('/kv-integrace.strategy.yaml', 'strategy: kv-integrace\n', 'strategy: kv-integrace\ngoalsFrom: novy-plan\n');
    s.add('/novy.strategy.yaml', 'strategy: novy-plan\ntitle: Nový\nitems:\n  - { id: A1.1, title: X }\n');
  });

  it('breaking and repairing the YAML of a referenced document', () => {
    const s = session();
    s.edit('/praha.strategy.yaml', '            title: M\n', '            title: "M\n');
    s.edit('/praha.strategy.yaml', '            title: "M\n', '            title: M\n');
    s.edit('/kv-plan.strategy.yaml', '  - id: B\n', '  - id: [B\n');
    s.edit('/kv-plan.strategy.yaml', '  - id: [B\n', '  - id: B\n');
  });

  it('numbering follows edits of sibling ids', () => {
    const s = session();
    s.type('/kv-integrace.strategy.yaml', '- id: 1.A.1\n', '- id: 1.A.3\n');
    assert.ok(s.codes('/kv-integrace.strategy.yaml').includes('numbering-gap'));
    s.edit('/kv-plan.strategy.yaml', '  - id: B\n    title: Prostředí', '  - id: C\n    title: Prostředí');
  });

  it('renaming the level names of a document rewords the unknown-item messages of other files', () => {
    const s = session();
    s.edit('/kv-integrace.strategy.yaml', 'related: [praha/1.A.1, 1.A.2]', 'related: [praha/1.A.9, 1.A.2]');
    assert.match(s.service.messages.format(s.service.diagnostics(ROOT + '/kv-integrace.strategy.yaml')[0].message), /^Unknown measure `1\.A\.9` in `praha`/);
    s.edit('/praha.strategy.yaml', 'title: Praha\n', 'title: Praha\nlevels: [Prioritní oblast, Specifický cíl, Opatření]\n');
  });

  it('a new descriptor in a catalog becomes the suggestion for a misspelt one elsewhere', () => {
    const s = session();
    s.edit('/kv-integrace.strategy.yaml', 'descriptors: [VIII.e, XXII.a]', 'descriptors: [VIII.e, XXIII.b]');
    s.edit('/moje.descriptors.yaml', '      - { id: XXII.a, title: nový }', '      - { id: XXII.a, title: nový }\n  - id: XXIII\n    descriptors:\n      - { id: XXIII.a, title: další }');
  });

  it('random edits across files always match a fresh service', () => {
    const files = parseFixture(WORKSPACE);
    const s = new Session(files);
    let seed = 20240611;
    const rand = (): number => {
      // A small linear congruential generator: the same edits on every run.
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const tokens = ['A1.1', 'A1.2', 'A1.9', '1.A', '1.A.1', '1.A.2', '1.a', 'kv-plan', 'praha', 'prahaa', 'XXII.a', 'VIII.e', 'mmkv', 'B', 'B1'];
    const codeLike = /[A-Za-z0-9][A-Za-z0-9.-]*/g;
    for (let step = 0; step < 150; step++) {
      const uris = [...s.texts.keys()];
      const choice = rand();
      if (choice < 0.05 && uris.length > 2) {
        s.apply({ remove: pick(uris) }, `step ${step}: remove`);
        continue;
      }
      if (choice < 0.1) {
        const original = pick(files);
        s.apply({ uri: original.uri, text: original.text }, `step ${step}: restore ${original.uri}`);
        continue;
      }
      const uri = pick(uris);
      const text = s.texts.get(uri) ?? '';
      const matches = [...text.matchAll(codeLike)];
      let next: string;
      if (choice < 0.7 && matches.length > 0) {
        const m = pick(matches);
        next = text.slice(0, m.index) + pick(tokens) + text.slice(m.index + m[0].length);
      } else if (choice < 0.85) {
        const lines = text.split('\n');
        lines.splice(Math.floor(rand() * lines.length), 1);
        next = lines.join('\n');
      } else {
        const at = Math.floor(rand() * (text.length + 1));
        next = text.slice(0, at) + pick(['x', ' ', '\n', ':', '"', '[', '- ']) + text.slice(at);
      }
      s.apply({ uri, text: next }, `step ${step}: edit ${uri}\n${next}`);
    }
  });
});

/** A format 1.1 workspace: a strategy with two plans, an outside declaration, removed items and `after` links across three documents. */
const PLANS_WORKSPACE = `
//- /g.strategy.yaml
strategy: g
title: Strategický plán
items:
  - id: A1
    title: Cíl
  - id: A2
    title: Cíl
    status: vypuštěno
//- /s.strategy.yaml
strategy: ssd
title: Strategie
goalsFrom: g
items:
  - group: Oblast
    items:
      - id: SC1
        title: Strategický cíl
        items:
          - id: 1.1
            title: Specifický cíl
            items:
              - id: 1.1.1
                title: Opatření
                after: [1.1.2]
              - id: 1.1.2
                title: Opatření
                goals: [A1]
//- /p.strategy.yaml
strategy: ssd-ip
title: Plán
implements: ssd
items:
  - id: 1.1
    items:
      - id: 1.1.3
        title: Opatření
        after: [1.1.1, c/1]
        goals: [A1]
//- /q.strategy.yaml
strategy: ssd-ap
title: Akční plán
implements: ssd-ip
items:
  - id: 1.1.3
    items:
      - id: 1.1.3.1
        title: Aktivita
        related: [kic/2]
//- /c.strategy.yaml
strategy: c
title: C
documents:
  - id: kic
    title: Koncepce integrace cizinců
items:
  - id: 1
    title: P
    after: [ssd/1.1.2]
//- /n.md
---
strategy: kic
---
Viz ssd/1.1.2 a g/A2.
`;

describe('incremental diagnostics of plans, outside documents and after links (spec 6)', () => {
  it('the workspace starts as a fresh service has it', () => {
    new Session(parseFixture(PLANS_WORKSPACE));
  });

  it("a strategy's code change re-checks its plans, and a plan's after link the strategy", () => {
    const s = new Session(parseFixture(PLANS_WORKSPACE));
    s.type('/s.strategy.yaml', 'id: 1.1.2', 'id: 1.1.5');
    s.edit('/p.strategy.yaml', 'after: [1.1.1, c/1]', 'after: [1.1.1, c/1]\n      - id: 1.1.1\n        after: [1.1.3]');
    s.edit('/s.strategy.yaml', 'title: Opatření\n                after: [1.1.2]', 'title: Opatření\n                after: [1.1.5]');
  });

  it('an outside declaration appearing and disappearing re-checks every file naming its id', () => {
    const s = new Session(parseFixture(PLANS_WORKSPACE));
    s.type('/c.strategy.yaml', 'id: kic', 'id: kid');
    s.remove('/c.strategy.yaml');
    s.add('/c.strategy.yaml', parseFixture(PLANS_WORKSPACE).find((f) => f.uri.endsWith('/c.strategy.yaml'))!.text);
  });

  it('removing and restoring a status, a goalsFrom and implements', () => {
    const s = new Session(parseFixture(PLANS_WORKSPACE));
    s.edit('/g.strategy.yaml', 'status: vypuštěno', 'status: platí');
    s.edit('/g.strategy.yaml', 'status: platí', 'status: Zrušeno');
    s.type('/s.strategy.yaml', 'goalsFrom: g', 'goalsFrom: h');
    s.type('/p.strategy.yaml', 'implements: ssd', 'implements: kic');
  });

  it('random edits across a strategy, its plans and outside declarations always match a fresh service', () => {
    const files = parseFixture(PLANS_WORKSPACE);
    const s = new Session(files);
    let seed = 20261204;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const tokens = ['1.1', '1.1.1', '1.1.2', '1.1.3', '1.1.4', 'SC1', 'SC2', '2.1', 'ssd', 'ssd-ip', 'kic', 'c', 'g', 'A1', 'A2', 'vypuštěno', 'removed', 'after', 'group', 'implements'];
    const codeLike = /[A-Za-z0-9][A-Za-z0-9.-]*/g;
    for (let step = 0; step < 150; step++) {
      const uris = [...s.texts.keys()];
      const choice = rand();
      if (choice < 0.05 && uris.length > 2) {
        s.apply({ remove: pick(uris) }, `step ${step}: remove`);
        continue;
      }
      if (choice < 0.12) {
        const original = pick(files);
        s.apply({ uri: original.uri, text: original.text }, `step ${step}: restore ${original.uri}`);
        continue;
      }
      const uri = pick(uris);
      const text = s.texts.get(uri) ?? '';
      const matches = [...text.matchAll(codeLike)];
      let next: string;
      if (choice < 0.8 && matches.length > 0) {
        const m = pick(matches);
        next = text.slice(0, m.index) + pick(tokens) + text.slice(m.index + m[0].length);
      } else {
        const lines = text.split('\n');
        lines.splice(Math.floor(rand() * lines.length), 1);
        next = lines.join('\n');
      }
      s.apply({ uri, text: next }, `step ${step}: edit ${uri}\n${next}`);
    }
  });
});

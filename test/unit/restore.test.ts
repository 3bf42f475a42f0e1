/**
 * A warm start: files taken back from the records of an earlier session, confirmed when their
 * text is unchanged and updated when not, give exactly the diagnostics of a fresh index of the
 * same texts, and load no parse that nothing reads.
 */
import * as assert from 'assert';
import { LanguageService } from '../../server/src/languageService';
import { ParsedFile } from '../../server/src/model/types';
import { generateNationalWorkspace, NATIONAL, prng } from '../support/generate';
import { indexAll as indexAllAt, recordKey, serviceAt } from './records';

const ROOT = 'file:///warm';
const key = recordKey;
const service = (): LanguageService => serviceAt(ROOT);
const indexAll = (texts: ReadonlyMap<string, string>): LanguageService => indexAllAt(ROOT, texts);

function allDiagnostics(s: LanguageService, uris: Iterable<string>): Map<string, unknown> {
  return new Map([...uris].sort().map((uri) => [uri, s.lspDiagnostics(uri)]));
}

/** The earlier session: every file indexed, its records and parses kept as the cache would keep them. */
function earlier(texts: ReadonlyMap<string, string>): { records: ReturnType<LanguageService['records']>; parses: Map<string, ParsedFile> } {
  const s = indexAll(texts);
  const parses = new Map<string, ParsedFile>();
  for (const uri of texts.keys()) {
    const parsed = s.index.get(uri)?.parsed;
    if (parsed) {
      parses.set(`${uri} ${key(texts.get(uri) ?? '')}`, parsed);
    }
  }
  return { records: s.records(key), parses };
}

/** The next start: take the records back, then read every file as the scan does. */
function warm(records: ReturnType<LanguageService['records']>, parses: Map<string, ParsedFile>, texts: ReadonlyMap<string, string>): { s: LanguageService; loads: number; decoded: number } {
  const s = service();
  let loads = 0;
  s.restore(records, (uri, k) => {
    loads++;
    return parses.get(`${uri} ${k}`);
  });
  let decoded = 0;
  for (const [uri, text] of texts) {
    // Half of the files are confirmed by hash alone, their text given when something reads it.
    const given = uri.length % 2 === 0 ? text : (): string => {
      decoded++;
      return text;
    };
    if (s.index.unconfirmedKey(uri) !== key(text) || !s.confirm(uri, given)) {
      s.update(uri, text);
    }
  }
  for (const uri of s.index.uris()) {
    if (!texts.has(uri) && uri.startsWith(ROOT)) {
      s.remove(uri);
    }
  }
  return {
    s,
    get loads() {
      return loads;
    },
    get decoded() {
      return decoded;
    },
  };
}

describe('warm start: records of an earlier session', () => {
  const files = generateNationalWorkspace({ ...NATIONAL, documents: 24, plans: 3 });
  const base = new Map(files.map((f) => [`${ROOT}/${f.path}`, f.text]));
  base.set(`${ROOT}/catalog.catalog.yaml`, 'catalog: vlastni\ntitle: Katalog\ndescriptors:\n  - id: X.a\n    title: Vlastní deskriptor\n');
  base.set(`${ROOT}/notes.md`, '# Poznámky\n\nViz [[plan/A1]] a doc-3.\n');

  it('with nothing changed: the same diagnostics, the status without loading a parse', () => {
    const { records, parses } = earlier(base);
    const w = warm(records, parses, base);
    const summary = w.s.summary({ diagnostics: true });
    for (const uri of base.keys()) {
      if (w.s.diagnostics(uri).length === 0) {
        w.s.lspDiagnostics(uri);
      }
    }
    assert.strictEqual(w.loads, 0, 'publishing the recorded diagnostics and the status loads nothing');
    assert.strictEqual(w.decoded, 0, 'nor decodes the text of a file with nothing to show');
    assert.deepStrictEqual(summary, indexAll(base).summary());
    assert.deepStrictEqual(allDiagnostics(w.s, base.keys()), allDiagnostics(indexAll(base), base.keys()));
  });

  it('after files changed, appeared and went while closed: exactly the diagnostics of a fresh index (seeded)', () => {
    const rand = prng(4122026);
    const uris = [...base.keys()];
    for (let round = 0; round < 12; round++) {
      const { records, parses } = earlier(base);
      const now = new Map(base);
      for (let k = 0; k < 4; k++) {
        const uri = uris[Math.floor(rand() * uris.length)];
        const text = now.get(uri);
        const r = rand();
        if (text === undefined) {
          continue;
        } else if (r < 0.15) {
          now.delete(uri);
        } else if (r < 0.35) {
          now.set(uri, text.replace(/title: \S+/, 'title: Změněno'));
        } else if (r < 0.55) {
          now.set(uri, text.replace(/id: (\S+)\.1\b/, 'id: $1.77'));
        } else if (r < 0.7) {
          now.set(uri, text.replace(/goals: \[/, 'goals: [A9.9, '));
        } else if (r < 0.85) {
          now.set(uri, text.replace(/^strategy: (\S+)/m, 'strategy: $1-nove'));
        } else {
          now.set(`${ROOT}/new-${round}-${k}.strategy.yaml`, text.replace(/^strategy: (\S+)/m, 'strategy: $1'));
        }
      }
      const w = warm(records, parses, now);
      assert.deepStrictEqual(allDiagnostics(w.s, now.keys()), allDiagnostics(indexAll(now), now.keys()), `round ${round}`);
      assert.deepStrictEqual(w.s.summary(), indexAll(now).summary(), `round ${round}: the status`);
    }
  });

  it('a title edit loads only what the edited file resolves against, not the workspace', () => {
    const { records, parses } = earlier(base);
    const now = new Map(base);
    const uri = `${ROOT}/group-0/doc-5.strategy.yaml`;
    now.set(uri, (now.get(uri) ?? '').replace(/title: \S+/, 'title: Nový'));
    const w = warm(records, parses, now);
    allDiagnostics(w.s, now.keys());
    // The edited file itself, the plan it takes goals from and the documents its `related` links name.
    const named = new Set((now.get(uri) ?? '').match(/doc-\d+(?=\/)/g) ?? []);
    assert.ok(w.loads <= named.size + 2, `${w.loads} files loaded, ${named.size} documents named`);
    assert.ok(w.loads < base.size - 5, `${w.loads} of ${base.size} files loaded`);
    assert.deepStrictEqual(allDiagnostics(w.s, now.keys()), allDiagnostics(indexAll(now), now.keys()));
  });

  it("a changed file's links into documents taken back are checked from their records: none of them is loaded", () => {
    const now = new Map(base);
    // Links of every kind the records can and cannot answer: live items, a removed one, unknown and malformed codes, a duplicated document.
    now.set(`${ROOT}/target.strategy.yaml`, 'strategy: cil\ntitle: Cíl\nitems:\n  - id: 1\n    title: Živá\n  - id: 2\n    title: Zrušená\n    status: zrušeno\n  - id: 3\n    title: Živá\n  - id: 3\n    title: Opakovaná\n');
    now.set(`${ROOT}/twin-a.strategy.yaml`, 'strategy: dvojce\ntitle: A\nitems:\n  - id: 1\n    title: A\n');
    now.set(`${ROOT}/twin-b.strategy.yaml`, 'strategy: dvojce\ntitle: B\nitems:\n  - id: 2\n    title: B\n');
    const source = (title: string): string =>
      `strategy: zdroj\ntitle: ${title}\nitems:\n  - id: 1\n    title: P\n    related: [cil/1, cil/3, doc-4/1.A.1, doc-7/1]\n  - id: 2\n    title: Q\n    related: [cil/2, cil/9, cil/1.a, dvojce/1, dvojce/2]\n    after: [cil/1]\n`;
    now.set(`${ROOT}/source.strategy.yaml`, source('Zdroj'));
    now.set(`${ROOT}/more.md`, '# Odkazy\n\n[[cil/1]], [[cil/2]], [[cil/8]]\n');
    const { records, parses } = earlier(now);
    const edited = new Map(now);
    edited.set(`${ROOT}/source.strategy.yaml`, source('Zdroj upravený'));
    // Only links to live items (an `after` link is followed to find cycles, which needs the document: none here).
    const onlyLive = 'strategy: zdroj\ntitle: Jen živé\nitems:\n  - id: 1\n    title: P\n    related: [cil/1, cil/3, doc-4/1.A.1, doc-7/1]\n';
    const live = warm(records, parses, new Map([...edited].map(([uri, text]) => [uri, uri.endsWith('/source.strategy.yaml') ? onlyLive : text])));
    allDiagnostics(live.s, edited.keys());
    assert.strictEqual(live.loads, 0, 'links to live items of documents taken back load none of them');
    const w = warm(records, parses, edited);
    assert.deepStrictEqual(allDiagnostics(w.s, edited.keys()), allDiagnostics(indexAll(edited), edited.keys()));
    // What the records cannot tell is resolved as before: the removed item's status, suggestions for the unknown codes, the duplicated id.
    assert.ok(w.loads >= 2 && w.loads <= 4, `${w.loads} files loaded`);
  });

  for (const [what, opened] of [
    ['a strategy whose plan only the records know', (uri: string, text: string): string | undefined => (uri.endsWith('/group-0/doc-1.strategy.yaml') ? text : undefined)],
    ['the plan, with an unsaved change of its id', (uri: string, text: string): string | undefined => (uri.endsWith('/plan.strategy.yaml') ? text.replace(/^strategy: plan$/m, 'strategy: plan-b') : undefined)],
  ] as const) {
    it(`a buffer opened before the records are taken back (${what}) is checked again, and its changes reach the files taken back`, () => {
      const { records, parses } = earlier(base);
      const s = service();
      const now = new Map(base);
      for (const [uri, text] of base) {
        const buffer = opened(uri, text);
        if (buffer !== undefined) {
          now.set(uri, buffer);
          s.update(uri, buffer);
          s.lspDiagnostics(uri);
        }
      }
      s.restore(records, (uri, k) => parses.get(`${uri} ${k}`));
      for (const [uri, text] of now) {
        if (s.index.unconfirmedKey(uri) === key(text)) {
          s.confirm(uri, text);
        } else if (s.index.unconfirmedKey(uri) !== undefined) {
          s.update(uri, text);
        }
      }
      assert.deepStrictEqual(allDiagnostics(s, now.keys()), allDiagnostics(indexAll(now), now.keys()));
    });
  }

  it('a file read before the scan confirms it, with its parse lost, stands in empty and is checked again after', () => {
    const { records } = earlier(base);
    const s = service();
    s.restore(records, () => undefined);
    const plan = `${ROOT}/plan.strategy.yaml`;
    const doc = `${ROOT}/group-0/doc-1.strategy.yaml`;
    // A dependent re-checked while the plan is a stand-in (an edit during the scan, say).
    assert.strictEqual(s.index.get(plan)?.parsed.kind, 'strategy');
    s.update(doc, (base.get(doc) ?? '').replace(/title: \S+/, 'title: Během'));
    s.lspDiagnostics(doc);
    const now = new Map(base).set(doc, (base.get(doc) ?? '').replace(/title: \S+/, 'title: Během'));
    for (const [uri, text] of now) {
      if (s.index.unconfirmedKey(uri) === key(text)) {
        s.confirm(uri, text);
      }
    }
    assert.deepStrictEqual(allDiagnostics(s, now.keys()), allDiagnostics(indexAll(now), now.keys()));
  });

  it('a record whose parse the cache lost is parsed from the text the scan confirmed', () => {
    const { records } = earlier(base);
    const w = warm(records, new Map(), base);
    assert.deepStrictEqual(allDiagnostics(w.s, base.keys()), allDiagnostics(indexAll(base), base.keys()));
    const doc = `${ROOT}/group-0/doc-1.strategy.yaml`;
    const parsed = w.s.index.get(doc)?.parsed;
    assert.ok(parsed?.kind === 'strategy' && parsed.items.length > 100, 'the whole document, not a stand-in');
  });
});

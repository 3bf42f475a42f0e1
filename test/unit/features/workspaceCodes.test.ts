/**
 * The workspace's code search (workspace symbols, "Go to Strategy Code…") kept per document:
 * its answers equal a fuzzy index built over every code of the workspace at once, in the same
 * order, for every kind of query, and stay equal as documents change, appear and go.
 */
import * as assert from 'assert';
import * as crypto from 'crypto';
import { FuzzyIndex } from '../../../server/src/engine/fuzzyIndex';
import { SymbolEntry } from '../../../server/src/engine/workspaceCodes';
import { LanguageService } from '../../../server/src/languageService';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { generateNationalWorkspace, NATIONAL, prng } from '../../support/generate';
import { schemas } from '../fixture';

const ROOT = 'file:///codes';

/** The search as one index over every code of the workspace: the reference the kept search must equal. */
function reference(service: LanguageService, query: string, limit: number): string[] {
  const entries: SymbolEntry[] = [];
  for (const doc of service.index.strategies()) {
    for (const item of doc.items) {
      entries.push({ code: item.id, qualified: `${doc.id ?? ''}/${item.id}`, title: item.title, doc, item });
    }
  }
  const index = new FuzzyIndex(entries, (e) => e.code, (e) => e.title);
  const q = query.trim();
  const label = (e: SymbolEntry): string => `${e.doc.uri}#${e.code}`;
  if (q.length === 0) {
    return entries.slice(0, limit).map(label);
  }
  const prefix = q.includes('/') ? entries.filter((e) => e.qualified.startsWith(q)) : index.withCodePrefix(q);
  const seen = new Set(prefix);
  const fuzzy = index.search(q, limit).filter((e) => !seen.has(e));
  return [...prefix.sort((a, b) => a.code.length - b.code.length), ...fuzzy].slice(0, limit).map(label);
}

function kept(service: LanguageService, query: string, limit: number): string[] {
  return service.searchCodes(query, limit).map((e) => `${e.uri}#${e.code}`);
}

const QUERIES = ['', '1', '1.A', '1.a.1', 'A1', '2.B.7', 'x', 'podpora', 'integrace', 'plan', 'doc-12', 'doc-3/1.A', 'doc-3/', 'doc', 'pripravy jazykove', 'úřad efektivní', 'zzzz', '3.C', '1.A.1 podpora', '  2  '];

describe('workspace codes: kept per document, equal to one index of the whole workspace', () => {
  const files = generateNationalWorkspace({ ...NATIONAL, documents: 30, plans: 4 });
  const extra = 'strategy: extra\ntitle: Přípravy\nitems:\n  - id: 1\n    title: Jazykové přípravy cizinců\n  - id: 1\n    title: Efektivní úřad\n  - id: İ.1\n    title: Podpora\n';

  function load(): LanguageService {
    const service = new LanguageService({ schemas: schemas(), roots: [ROOT], settings: DEFAULT_SETTINGS });
    for (const f of files) {
      service.update(`${ROOT}/${f.path}`, f.text);
    }
    service.update(`${ROOT}/extra.strategy.yaml`, extra);
    return service;
  }

  it('answers every kind of query as the whole-workspace index does, at small and large limits', () => {
    const service = load();
    for (const query of QUERIES) {
      for (const limit of [5, 200, 500]) {
        assert.deepStrictEqual(kept(service, query, limit), reference(service, query, limit), `${JSON.stringify(query)} limit ${limit}`);
      }
    }
  });

  it('after a warm start, answers from the records as a cold index does, loading only the documents of the answer', () => {
    const cold = load();
    const key = (text: string): string => crypto.createHash('sha1').update(text).digest('hex');
    const parses = new Map([...cold.index.all()].map((f) => [`${f.uri} ${key(f.text)}`, f.parsed]));
    const records = cold.records(key);
    assert.ok(records.some((r) => typeof r.words === 'string' && r.words.length > 0), 'the records keep the title words');
    const texts = new Map(cold.index.uris().map((uri) => [uri, cold.document(uri)?.getText() ?? '']));
    const start = (): { warm: LanguageService; loaded: Set<string> } => {
      const warm = new LanguageService({ schemas: schemas(), roots: [ROOT], settings: DEFAULT_SETTINGS });
      const loaded = new Set<string>();
      warm.restore(records, (uri, k) => {
        loaded.add(uri);
        return parses.get(`${uri} ${k}`);
      });
      for (const [uri, text] of texts) {
        if (warm.index.unconfirmedKey(uri) !== key(text) || !warm.confirm(uri, text)) {
          warm.update(uri, text);
        }
      }
      return { warm, loaded };
    };
    for (const query of QUERIES) {
      for (const limit of [5, 200]) {
        const { warm, loaded } = start();
        const answer = kept(warm, query, limit);
        assert.deepStrictEqual(answer, kept(cold, query, limit), `${JSON.stringify(query)} limit ${limit}`);
        const shown = new Set(answer.map((a) => a.slice(0, a.indexOf('#'))));
        assert.deepStrictEqual([...loaded].filter((uri) => !shown.has(uri)), [], `${JSON.stringify(query)} limit ${limit}: only the documents of the answer are loaded`);
      }
    }
  });

  it('stays equal while documents change, appear and go (seeded)', () => {
    const service = load();
    const rand = prng(20261204);
    const uris = service.index.uris().filter((u) => u.endsWith('.strategy.yaml'));
    const words = ['Podpora', 'Nový', 'cíl', 'úřadu', 'Zeleň'];
    for (let step = 0; step < 25; step++) {
      const uri = uris[Math.floor(rand() * uris.length)];
      const text = service.document(uri)?.getText();
      const r = rand();
      if (text === undefined) {
        service.update(uri, extra.replace('strategy: extra', `strategy: extra-${step}`));
      } else if (r < 0.15) {
        service.remove(uri);
      } else if (r < 0.6) {
        service.update(uri, text.replace(/title: \S+/, `title: ${words[step % words.length]}`));
      } else {
        service.update(uri, text.replace(/id: 1\.A\.1\b/, `id: 1.A.${90 + step}`));
      }
      const query = QUERIES[Math.floor(rand() * QUERIES.length)];
      assert.deepStrictEqual(kept(service, query, 200), reference(service, query, 200), `step ${step}: ${JSON.stringify(query)}`);
    }
  });
});

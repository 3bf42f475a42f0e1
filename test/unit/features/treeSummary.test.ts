/**
 * The Strategies view without a filter is answered from each document's summary: the top level,
 * a document's plans and the documents of a reveal equal what the whole tree gives; after a warm
 * start the top level comes from the records without loading a parse, and an expansion loads only
 * the expanded document.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { countItems } from '../../../server/src/engine/treeFilter';
import { LanguageService } from '../../../server/src/languageService';
import { ParsedFile } from '../../../server/src/model/types';
import type { TreeDocumentData, TreeLevelNode } from '../../../server/src/protocol';
import { generateNationalWorkspace } from '../../support/generate';
import { indexAll as indexAllAt, recordKey, serviceAt } from '../records';

const ROOT = 'file:///tree';
const key = recordKey;
const service = (): LanguageService => serviceAt(ROOT);
const indexAll = (texts: ReadonlyMap<string, string>): LanguageService => indexAllAt(ROOT, texts);

/** A document of the whole tree as the top level shows it: the oracle. */
function expectedNode(d: TreeDocumentData): TreeLevelNode {
  const { plans, ...rest } = d;
  return { kind: 'document', doc: { ...rest, items: [] }, itemCount: countItems(d.items), hasChildren: d.items.length > 0 || (plans ?? []).length > 0 };
}

/** Every document of a nested list, with the strategy it is listed under. */
function walk(docs: readonly TreeDocumentData[], owner?: TreeDocumentData): { doc: TreeDocumentData; owner?: TreeDocumentData }[] {
  return docs.flatMap((doc) => [{ doc, owner }, ...walk(doc.plans ?? [], doc)]);
}

/** Asserts that the levels of the service equal those the whole tree gives. */
function expectAsWholeTree(s: LanguageService, label: string): void {
  const whole = s.tree();
  assert.deepStrictEqual(s.treeLevel(), whole.map(expectedNode), `${label}: the top level`);
  for (const { doc, owner } of walk(whole)) {
    const level = s.treeLevel({ uri: doc.uri });
    assert.strictEqual(level.filter((n) => n.kind === 'item').length, doc.items.length, `${label}: ${doc.uri}`);
    assert.deepStrictEqual(
      level.filter((n) => n.kind === 'document'),
      (doc.plans ?? []).map(expectedNode),
      `${label}: the plans under ${doc.uri}`,
    );
    const first = doc.items.find((i) => !i.group && i.code !== '');
    if (first) {
      const chain = s.treeAncestors(doc.uri, first.code);
      const documents = [...(owner ? walk(whole).filter((w) => w.doc === owner || w.doc.plans?.includes(owner)).map((w) => w.doc) : []), doc];
      assert.ok(chain, `${label}: ${doc.uri} reveals ${first.code}`);
      const shown = chain.filter((n) => n.kind === 'document').map((n) => (n.kind === 'document' ? n.doc.uri : ''));
      assert.strictEqual(shown[shown.length - 1], doc.uri);
      assert.ok(documents.every((d) => shown.includes(d.uri)), `${label}: the chain of ${doc.uri}`);
    }
  }
}

/** The files of an example folder, under ROOT. */
function folder(rel: string): Map<string, string> {
  const out = new Map<string, string>();
  const base = path.resolve(__dirname, '../../../..', rel);
  const visit = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        visit(full);
      } else if (/\.(yaml|yml|md)$/.test(e.name)) {
        out.set(`${ROOT}/${path.relative(base, full).split(path.sep).join('/')}`, fs.readFileSync(full, 'utf8'));
      }
    }
  };
  visit(base);
  return out;
}

/** A warm start from the records of `earlier`, every file confirmed with the text it has in `texts`; counts the parses loaded. */
function warm(earlier: LanguageService, parses: Map<string, ParsedFile>, texts: ReadonlyMap<string, string>): { s: LanguageService; loads: () => number } {
  const s = service();
  let loads = 0;
  s.restore(earlier.records(key), (uri, k) => {
    loads++;
    return parses.get(`${uri} ${k}`);
  });
  for (const [uri, text] of texts) {
    if (s.index.unconfirmedKey(uri) !== key(text) || !s.confirm(uri, text)) {
      s.update(uri, text);
    }
  }
  return { s, loads: () => loads };
}

function parsesOf(s: LanguageService): Map<string, ParsedFile> {
  return new Map([...s.index.all()].map((f) => [`${f.uri} ${key(f.text)}`, f.parsed]));
}

const national = (): Map<string, string> => new Map(generateNationalWorkspace({ documents: 16, plans: 4, measures: 4 }).map((f) => [`${ROOT}/${f.path}`, f.text]));

describe('Strategies view from summaries', () => {
  // Line ends of every kind before the ids: the summary's range is computed from the text before the id.
  const lineEnds = (): Map<string, string> => {
    const out = new Map<string, string>();
    for (const [uri, text] of folder('examples')) {
      out.set(uri, text.replace(/\n/g, '\r\n'));
    }
    out.set(`${ROOT}/crlf.strategy.yaml`, '# Komentář\r\n\r\n# další řádek\r\nstrategy: crlf\r\ntitle: CRLF\r\nitems:\r\n  - id: 1\r\n    title: P\r\n');
    out.set(`${ROOT}/mixed.strategy.yaml`, '\n\r\n\r\n# č\r\n\nstrategy:   mixed\ntitle: M\n');
    return out;
  };
  for (const [label, texts] of [
    ['examples', (): Map<string, string> => folder('examples')],
    ['examples with CRLF and CR line ends', lineEnds],
    ['a generated national workspace', national],
  ] as const) {
    it(`the levels of ${label} equal the whole tree's, cold and after a warm start`, () => {
      const files = texts();
      const cold = indexAll(files);
      expectAsWholeTree(cold, 'cold');
      const w = warm(cold, parsesOf(cold), files);
      const top = w.s.treeLevel();
      assert.strictEqual(w.loads(), 0, 'the top level after a warm start loads no parse');
      assert.deepStrictEqual(top, cold.treeLevel());
      const first = top.find((n) => n.kind === 'document' && n.hasChildren);
      assert.ok(first?.kind === 'document');
      assert.deepStrictEqual(w.s.treeLevel({ uri: first.doc.uri }), cold.treeLevel({ uri: first.doc.uri }));
      assert.ok(w.loads() < files.size / 2, `expanding one document loads ${w.loads()} parses`);
      expectAsWholeTree(w.s, 'warm');
    });
  }

  it('after a warm start with changed files: the levels of a fresh index', () => {
    const files = national();
    const cold = indexAll(files);
    const parses = parsesOf(cold);
    const changed = new Map(files);
    const plan = [...changed.keys()].find((u) => u.endsWith('/plan.strategy.yaml'))!;
    // A goal of the shared plan goes (its uncovered count changes), a document gains an item and a broken link, one implements another.
    changed.set(plan, changed.get(plan)!.replace(/- id: A1\.3\n/, '- id: A1.33\n'));
    const doc = [...changed.keys()].find((u) => u.endsWith('/doc-3.strategy.yaml'))!;
    changed.set(doc, changed.get(doc)!.replace(/related: \[/, 'related: [9.Z.9, ') + '  - id: 9\n    title: Nová priorita\n');
    const w = warm(cold, parses, changed);
    const fresh = indexAll(changed);
    assert.deepStrictEqual(w.s.treeLevel(), fresh.treeLevel());
    expectAsWholeTree(w.s, 'changed');
  });
});

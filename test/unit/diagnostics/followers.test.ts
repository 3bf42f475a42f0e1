/**
 * What comes after an item (spec 6.6, the hover's "before" list): `followers`
 * reads only the documents whose links can lead to the item. Checked against
 * a scan of every document of seeded workspaces with local, qualified and
 * plan links, before and after edits.
 */
import * as assert from 'assert';
import { LanguageService } from '../../../server/src/languageService';
import { canonicalNode, DependencyLink, DependencyNode, followers, outgoingLinks } from '../../../server/src/model/dependencies';
import { ResolveContext } from '../../../server/src/model/resolve';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { schemas } from '../fixture';

const ROOT = 'file:///ws';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A workspace of strategies `s0…` and plans `p0…` whose items list `after` entries, local and qualified, some unknown. */
function workspace(seed: number): Map<string, string> {
  const rnd = random(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const strategies = 2 + Math.floor(rnd() * 4);
  const plans = Math.floor(rnd() * 3);
  const ids = [...Array(strategies).keys()].map((i) => `s${i}`).concat([...Array(plans).keys()].map((i) => `p${i}`));
  const codes = ['1', '1.1', '1.2', '2', '2.1', '9'];
  const after = (): string => {
    const entries: string[] = [];
    const n = Math.floor(rnd() * 3);
    for (let i = 0; i < n; i++) {
      entries.push(rnd() < 0.5 ? pick(codes) : `${pick(ids)}/${pick(codes)}`);
    }
    return entries.length > 0 ? `\n    after: [${entries.join(', ')}]` : '';
  };
  const files = new Map<string, string>();
  for (const id of ids) {
    const plan = id.startsWith('p');
    const head = plan ? `strategy: ${id}\ntitle: Plán ${id}\nimplements: ${pick(ids.filter((x) => x.startsWith('s')))}\n` : `strategy: ${id}\ntitle: Strategie ${id}\n`;
    const items = (plan ? ['1.1', '2.1'] : ['1', '1.1', '1.2', '2', '2.1']).map((code) => `  - id: ${code}\n    title: Položka ${code}${after()}`);
    files.set(`${ROOT}/${id}.strategy.yaml`, `${head}items:\n${items.join('\n')}\n`);
  }
  return files;
}

/** Every link of the workspace that leads to `node`, by reading every document. */
function scanAll(ctx: ResolveContext, node: DependencyNode): string[] {
  const key = (n: DependencyNode): string => `${n.doc.uri}#${n.item.id}`;
  const out: string[] = [];
  const docs = [...ctx.index.strategies()].sort((a, b) => (a.uri < b.uri ? -1 : 1));
  for (const doc of docs) {
    for (const item of doc.items) {
      // The links written on this item: its node's outgoing links that are written in `doc`.
      for (const link of outgoingLinks(ctx, canonicalNode(ctx, doc, item))) {
        if (link.doc === doc && link.ref.fromItem === item.id && key(link.to) === key(node)) {
          out.push(show(link));
        }
      }
    }
  }
  return out;
}

function show(link: DependencyLink): string {
  return `${link.doc.uri} ${link.ref.fromItem ?? ''}>${link.ref.text}`;
}

function expectSame(service: LanguageService, label: string): number {
  const ctx = service.resolveContext();
  let links = 0;
  for (const doc of ctx.index.strategies()) {
    for (const item of doc.items) {
      const node = canonicalNode(ctx, doc, item);
      const fast = followers(ctx, node).map(show);
      links += fast.length;
      assert.deepStrictEqual(fast, scanAll(ctx, node), `${label}: ${doc.uri}#${item.id}`);
    }
  }
  return links;
}

describe('followers: what comes after an item', () => {
  it('equals a scan of every document, on seeded workspaces and after edits', () => {
    let links = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const files = workspace(seed);
      const service = new LanguageService({ schemas: schemas(), roots: [ROOT], locale: 'en', settings: DEFAULT_SETTINGS });
      for (const [uri, text] of files) {
        service.update(uri, text);
      }
      links += expectSame(service, `seed ${seed}`);
      // Edits: a document's links change, and a document is removed.
      const edited = workspace(seed + 1000);
      const [first, second] = [...files.keys()];
      const replacement = edited.get(first);
      if (replacement !== undefined) {
        service.update(first, replacement.replace(/^strategy: \S+/m, `strategy: ${/\/(\w+)\.strategy/.exec(first)![1]}`));
      }
      links += expectSame(service, `seed ${seed}, edited`);
      service.remove(second);
      links += expectSame(service, `seed ${seed}, removed`);
    }
    // The seeds must produce links to compare, else the test proves nothing.
    assert.ok(links > 500, `only ${links} links in the seeded workspaces`);
  });
});

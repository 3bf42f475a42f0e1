/**
 * The intermediate tree as strategy YAML, through the `yaml` library's
 * document model: the library decides where quotes are needed, so a title
 * keeps its diacritics and gets quotes only when YAML would otherwise read it
 * as something else. Codes are written as the source wrote them (`2.10`
 * stays `2.10`, spec §2.1). Same tree, same bytes.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { ImportDescriptor, ImportDocument, ImportEntry, ImportItem } from './model';

/** A code as a plain scalar where YAML allows one, keeping its written form (`1`, `2.10`, `1.A`). */
function codeNode(doc: Document, code: string): Scalar {
  const m = /^([1-9]\d{0,5}|0)(?:\.(\d{1,3}))?$/.exec(code);
  if (!m) {
    return doc.createNode(code);
  }
  const node = doc.createNode(Number(code)) as Scalar;
  if (m[2] !== undefined) {
    // The number 2.10 is written `2.10` again only when the node asks for both fraction digits.
    node.minFractionDigits = m[2].length;
  }
  return node;
}

function codeList(doc: Document, codes: readonly string[]): YAMLSeq {
  const seq = new YAMLSeq();
  seq.flow = true;
  for (const c of codes) {
    seq.items.push(codeNode(doc, c));
  }
  return seq;
}

function set(map: YAMLMap, key: string, value: unknown): void {
  map.items.push(new Pair(new Scalar(key), value));
}

function text(doc: Document, value: string): Scalar {
  const node = doc.createNode(value) as Scalar;
  if (value.includes('\n')) {
    node.type = Scalar.BLOCK_LITERAL;
  }
  return node;
}

function itemNode(doc: Document, item: ImportItem): YAMLMap {
  const map = new YAMLMap();
  set(map, 'id', codeNode(doc, item.id));
  // An empty title only comes from a plan's item that stands for its strategy's item (spec §6.3), which may omit it.
  if (item.title !== '') {
    set(map, 'title', text(doc, item.title));
  }
  if (item.description !== undefined && item.description !== '') {
    set(map, 'description', text(doc, item.description));
  }
  if (item.status !== undefined) {
    set(map, 'status', text(doc, item.status));
  }
  for (const key of ['descriptors', 'goals', 'related', 'after'] as const) {
    if (item[key].length > 0) {
      set(map, key, codeList(doc, unique(item[key])));
    }
  }
  if (item.responsible !== undefined) {
    set(map, 'responsible', doc.createNode(item.responsible));
  }
  if (item.partners.length > 0) {
    set(map, 'partners', codeList(doc, unique(item.partners)));
  }
  if (item.indicators.length > 0) {
    const seq = new YAMLSeq();
    for (const ind of item.indicators) {
      const m = new YAMLMap();
      set(m, 'name', text(doc, ind.name));
      for (const key of ['unit', 'baseline', 'target', 'year'] as const) {
        if (ind[key] !== undefined && ind[key] !== '') {
          set(m, key, text(doc, ind[key]));
        }
      }
      seq.items.push(m);
    }
    set(map, 'indicators', seq);
  }
  if (item.timeline && (item.timeline.from !== undefined || item.timeline.to !== undefined)) {
    const m = new YAMLMap();
    m.flow = true;
    for (const key of ['from', 'to'] as const) {
      if (item.timeline[key] !== undefined) {
        set(m, key, text(doc, item.timeline[key]));
      }
    }
    set(map, 'timeline', m);
  }
  if (item.budget) {
    const m = new YAMLMap();
    for (const key of ['amount', 'currency', 'source'] as const) {
      if (item.budget[key] !== undefined) {
        set(m, key, text(doc, item.budget[key]));
      }
    }
    set(map, 'budget', m);
  }
  if (item.items.length > 0) {
    set(map, 'items', entriesNode(doc, item.items));
  }
  if (item.note !== undefined) {
    map.commentBefore = ` ${item.note}`;
  }
  return map;
}

function entriesNode(doc: Document, entries: readonly ImportEntry[]): YAMLSeq {
  const seq = new YAMLSeq();
  for (const e of entries) {
    if (e.kind === 'item') {
      seq.items.push(itemNode(doc, e));
    } else {
      const map = new YAMLMap();
      set(map, 'group', text(doc, e.group));
      if (e.description !== undefined && e.description !== '') {
        set(map, 'description', text(doc, e.description));
      }
      if (e.items.length > 0) {
        set(map, 'items', entriesNode(doc, e.items));
      }
      seq.items.push(map);
    }
  }
  return seq;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

const OPTIONS = { lineWidth: 0, minContentWidth: 0, indentSeq: true, flowCollectionPadding: false } as const;

/** The strategy file's text. `header` lines become a comment at the top (where the file came from). */
export function strategyYaml(d: ImportDocument, header: readonly string[] = []): string {
  const doc = new Document();
  const map = new YAMLMap();
  set(map, 'strategy', doc.createNode(d.strategy));
  set(map, 'title', text(doc, d.title));
  for (const key of ['owner', 'period', 'description'] as const) {
    if (d[key] !== undefined && d[key] !== '') {
      set(map, key, text(doc, d[key]));
    }
  }
  if (d.levels && d.levels.length > 0) {
    const seq = new YAMLSeq();
    seq.flow = true;
    seq.items.push(...d.levels.map((l) => text(doc, l)));
    set(map, 'levels', seq);
  }
  if (d.goalsFrom !== undefined) {
    set(map, 'goalsFrom', doc.createNode(d.goalsFrom));
  }
  if (d.implements !== undefined) {
    set(map, 'implements', doc.createNode(d.implements));
  }
  if (d.documents.length > 0) {
    const seq = new YAMLSeq();
    for (const ref of d.documents) {
      const m = new YAMLMap();
      if (ref.id !== undefined) {
        set(m, 'id', doc.createNode(ref.id));
      }
      set(m, 'title', text(doc, ref.title));
      if (ref.url !== undefined) {
        set(m, 'url', text(doc, ref.url));
      }
      seq.items.push(m);
    }
    set(map, 'documents', seq);
  }
  if (d.actors.length > 0) {
    const seq = new YAMLSeq();
    for (const a of d.actors) {
      const m = new YAMLMap();
      set(m, 'id', doc.createNode(a.id));
      set(m, 'name', text(doc, a.name));
      seq.items.push(m);
    }
    set(map, 'actors', seq);
  }
  set(map, 'items', entriesNode(doc, d.items));
  doc.contents = map;
  if (header.length > 0) {
    doc.commentBefore = header.map((l) => ` ${l}`).join('\n');
  }
  return doc.toString(OPTIONS);
}

/** The descriptor catalog of the descriptors the built-in catalog lacks, grouped by area, with the source's names. */
export function catalogYaml(id: string, title: string, descriptors: readonly ImportDescriptor[]): string {
  const doc = new Document();
  const map = new YAMLMap();
  set(map, 'catalog', doc.createNode(id));
  set(map, 'title', text(doc, title));
  const areas = new Map<string, ImportDescriptor[]>();
  for (const d of descriptors) {
    const area = d.code.split('.')[0];
    areas.set(area, [...(areas.get(area) ?? []), d]);
  }
  const seq = new YAMLSeq();
  for (const [area, list] of areas) {
    const m = new YAMLMap();
    set(m, 'id', doc.createNode(area));
    const ds = new YAMLSeq();
    for (const d of list) {
      const dm = new YAMLMap();
      set(dm, 'id', doc.createNode(d.code));
      set(dm, 'title', text(doc, d.title));
      ds.items.push(dm);
    }
    set(m, 'descriptors', ds);
    seq.items.push(m);
  }
  set(map, 'areas', seq);
  doc.contents = map;
  return doc.toString(OPTIONS);
}

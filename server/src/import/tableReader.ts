/**
 * Tables to the intermediate tree: a workbook's sheets, a CSV, or the tables
 * of a Word file, one row per item. Columns are found by the header words of
 * the one table layout (`server/src/table/columns.ts`) or mapped by the user;
 * a workbook written by the export (sheets `Položky`, `Dokument`, `Aktéři`)
 * reads back to the same strategy. A row without a code is a heading (a group)
 * when it holds one text only, or else belongs to the item above it (a merged
 * code cell over several indicator rows).
 */
import { ACTORS_SHEET, ColumnKey, DOCUMENT_SHEET, headerMatcher, LINE_SEPARATOR } from '../table/columns';
import { foldText } from '../model/text';
import { isItemCode } from '../parse/codes';
import { ActorTable, applyAttribute, descriptorsIn } from './attributes';
import { readLineCode } from './lineCodes';
import { Finding, ImportDocument, ImportError, ImportGroup, ImportItem, ImportResult, newItem, Source, SourceRow, SourceTable } from './model';
import { TreeBuilder } from './tree';

/** What the caller knows about the document beyond its source. */
export interface TableImportOptions {
  id: string;
  /** Header text (as written) for fields the user mapped with `--columns`. */
  columns: Partial<Record<ColumnKey, string>>;
}

/** A table's header row and the field of each column. */
interface Layout {
  headerIndex: number;
  keys: (ColumnKey | undefined)[];
  headers: string[];
}

const fold = (s: string): string => foldText(s).replace(/\s+/g, ' ').trim();

/** The header row of a table: the first of its first ten rows where a code column is found. */
function findLayout(table: SourceTable, options: TableImportOptions): Layout | undefined {
  const match = headerMatcher();
  const mapped = new Map<string, ColumnKey>(Object.entries(options.columns).map(([k, h]) => [fold(h ?? ''), k as ColumnKey]));
  for (let r = 0; r < Math.min(table.rows.length, 10); r++) {
    const headers = table.rows[r].cells.map((c) => c.replace(/\s+/g, ' ').trim());
    const keys = headers.map((h) => (h === '' ? undefined : (mapped.get(fold(h)) ?? (mapped.size > 0 && [...mapped.values()].includes(match(h) as ColumnKey) ? undefined : match(h)))));
    if (keys.includes('code')) {
      return { headerIndex: r, keys, headers };
    }
  }
  return undefined;
}

/** The first non-empty row's cells: the headers named when no code column is found. */
function firstHeaders(source: Source): string[] {
  for (const t of source.tables) {
    const row = t.rows.find((r) => r.cells.some((c) => c.trim() !== ''));
    if (row) {
      return row.cells.map((c) => c.trim()).filter((c) => c !== '');
    }
  }
  return [];
}

/** Reads the item tables of a source. Throws `ImportError` when no table has a code column. */
export function readTables(source: Source, options: TableImportOptions): ImportResult {
  const findings: Finding[] = [];
  const tree = new TreeBuilder();
  const actors = new ActorTable();
  const doc: ImportDocument = { strategy: options.id, title: '', documents: [], actors: actors.actors, items: tree.items };
  const levels: string[] = [];
  const descriptorNames = new Map<string, string>();
  let found = false;
  const heading: typeof source.lines = [];
  // The document and actor sheets first, so that the item rows find the actors under their ids.
  const ordered = [...source.tables].sort((a, b) => Number(b.name === DOCUMENT_SHEET || b.name === ACTORS_SHEET) - Number(a.name === DOCUMENT_SHEET || a.name === ACTORS_SHEET));
  for (const table of ordered) {
    if (table.name === DOCUMENT_SHEET) {
      readDocumentSheet(table, doc);
      continue;
    }
    if (table.name === ACTORS_SHEET) {
      for (const row of table.rows) {
        const [id, name] = row.cells.map((c) => c.trim());
        if (id && name && !/^id$/i.test(id)) {
          actors.declare(id, name);
        }
      }
      continue;
    }
    const layout = findLayout(table, options);
    if (!layout) {
      if (table.rows.some((r) => r.cells.some((c) => c.trim() !== ''))) {
        findings.push({ kind: 'left-out', at: { sheet: table.name }, id: 'import.leftOut.sheet', args: [table.name] });
      }
      continue;
    }
    found = true;
    // Lines above the header row (a sheet's own title) are the document's title and description.
    for (const row of table.rows.slice(0, layout.headerIndex)) {
      const text = row.cells.map((c) => c.trim()).filter((c) => c !== '').join(' ');
      if (text !== '') {
        heading.push({ text, at: row.at });
      }
    }
    let group: string | undefined;
    for (const row of table.rows.slice(layout.headerIndex + 1)) {
      const cell = (key: ColumnKey): string => {
        const i = layout.keys.indexOf(key);
        return i >= 0 ? (row.cells[i] ?? '').trim() : '';
      };
      const filled = row.cells.map((c) => c.trim()).filter((c) => c !== '');
      if (filled.length === 0) {
        continue;
      }
      const rawCode = cell('code');
      const coded = rawCode === '' ? undefined : codeOf(rawCode);
      if (coded === undefined) {
        if (rawCode === '' && tree.current && filled.length > 0 && new Set(filled).size > 1) {
          // A row under a merged code cell: more values of the item above (another indicator, partner, …).
          applyRow(tree.current, row, layout, actors, descriptorNames, true);
        } else if (new Set(filled).size === 1) {
          tree.openGroup({ kind: 'group', group: filled[0], items: [], at: row.at } satisfies ImportGroup);
        } else {
          findings.push({ kind: 'left-out', at: row.at, id: 'import.leftOut.rowWithoutCode', args: [filled.join(' | ').slice(0, 120)] });
        }
        continue;
      }
      if (coded.trailingDot) {
        findings.push({ kind: 'normalised', at: row.at, id: 'import.normalised.trailingDot', args: [rawCode, coded.code] });
      }
      const groupName = cell('group');
      if (groupName !== '' && groupName !== group) {
        group = groupName;
        tree.openGroup({ kind: 'group', group: groupName, items: [], at: row.at });
      } else if (groupName === '' && group !== undefined && layout.keys.includes('group') && !tree.nests(coded.code)) {
        // The group column empties: the item stands outside the group again.
        group = undefined;
        tree.closeGroups();
      }
      const item = newItem(coded.code, cell('title') || coded.rest, row.at);
      if (item.title === '') {
        item.title = coded.code;
        findings.push({ kind: 'marked', at: row.at, id: 'import.marked.noTitle', args: [coded.code] });
      }
      applyRow(item, row, layout, actors, descriptorNames, false);
      const depth = tree.add(item);
      const level = cell('level') || coded.label?.replace(/\s+č\.$/u, '');
      if (level !== undefined && level !== '' && levels[depth - 1] === undefined) {
        levels[depth - 1] = level.charAt(0).toUpperCase() + level.slice(1);
      }
    }
  }
  if (!found) {
    throw new ImportError('import.error.noCodeColumn', [source.name, firstHeaders(source).join(', ') || '—']);
  }
  if (tree.all.length === 0) {
    throw new ImportError('import.error.noCodes', [source.name]);
  }
  for (const line of [...source.lines, ...heading]) {
    if (line.text.trim() === '') {
      continue;
    }
    if (doc.title === '') {
      doc.title = line.text.trim();
    } else {
      doc.description = doc.description ? `${doc.description}\n\n${line.text.trim()}` : line.text.trim();
    }
  }
  if (doc.title === '') {
    doc.title = source.name;
    findings.push({ kind: 'marked', at: {}, id: 'import.marked.titleFromName', args: [source.name] });
  }
  if (doc.levels === undefined && levels.length > 0 && [...levels].every((l) => l !== undefined)) {
    doc.levels = levels;
  }
  return { document: doc, descriptors: [...descriptorNames].map(([code, title]) => ({ code, title })), findings };
}

/** The code of a code cell (`1.1.`, `Opatření 1.1`, `SC1`), or undefined when the cell holds no code. */
function codeOf(raw: string): { code: string; trailingDot: boolean; label?: string; rest: string } | undefined {
  const text = raw.replace(/\s+/g, ' ').trim();
  const bare = /^(.*?)(\.?)$/.exec(text);
  if (bare && isItemCode(bare[1])) {
    return { code: bare[1], trailingDot: bare[2] === '.', rest: '' };
  }
  const line = readLineCode(text);
  return line ? { code: line.code, trailingDot: line.trailingDot, label: line.label, rest: line.rest } : undefined;
}

/** Applies the cells of a row to an item; `more` for a row that adds to the item above it. */
function applyRow(item: ImportItem, row: SourceRow, layout: Layout, actors: ActorTable, names: Map<string, string>, more: boolean): void {
  const indicatorKeys: ColumnKey[] = ['indicator', 'unit', 'baseline', 'target', 'year'];
  const lines = (key: ColumnKey): string[] => {
    const i = layout.keys.indexOf(key);
    return i >= 0 ? (row.cells[i] ?? '').split(LINE_SEPARATOR).map((s) => s.trim()) : [];
  };
  const indicatorNames = lines('indicator');
  indicatorNames.forEach((name, n) => {
    if (name === '') {
      return;
    }
    const ind: ImportItem['indicators'][number] = { name };
    for (const key of indicatorKeys.slice(1) as ('unit' | 'baseline' | 'target' | 'year')[]) {
      const v = lines(key)[n];
      if (v !== undefined && v !== '') {
        ind[key] = v;
      }
    }
    item.indicators.push(ind);
  });
  layout.keys.forEach((key, i) => {
    const value = (row.cells[i] ?? '').trim();
    if (value === '' || key === 'code' || key === 'title' || key === 'level' || key === 'parent' || key === 'group' || (key !== undefined && indicatorKeys.includes(key))) {
      if (more && key === 'title' && value !== '') {
        item.description = item.description ? `${item.description}\n\n${value}` : value;
      }
      return;
    }
    if (key === 'descriptors') {
      for (const d of descriptorsIn(value)) {
        if (d.name !== '' && !names.has(d.code)) {
          names.set(d.code, d.name);
        }
      }
    }
    if (key === undefined || !applyAttribute(item, key, value, actors)) {
      // A column the layout does not know, or a value its field cannot hold: kept in the description under its header.
      const line = `${layout.headers[i] || `#${i + 1}`}: ${value}`;
      item.description = item.description ? `${item.description}\n${line}` : line;
    }
  });
}

/** The `Dokument` sheet of an exported workbook: key in column A, value in column B. */
function readDocumentSheet(table: SourceTable, doc: ImportDocument): void {
  for (const row of table.rows) {
    const [key, value] = row.cells.map((c) => c.trim());
    if (!key || !value) {
      continue;
    }
    switch (key) {
      case 'title':
      case 'owner':
      case 'period':
      case 'description':
      case 'goalsFrom':
      case 'implements':
        doc[key] = value;
        break;
      case 'strategy':
        doc.strategy = value;
        break;
      case 'levels':
        doc.levels = value.split(/\s*,\s*/);
        break;
      default:
        break;
    }
  }
}

/**
 * A document of the analysis as the rows of the one table layout
 * (`table/columns.ts`): the header row in the report's language, one row per
 * item in document order with every field, the `Dokument` key/value rows and
 * the `Aktéři` rows. The spreadsheet writers (`spreadsheet.ts`) put these
 * rows into a workbook or a CSV; `strategy-import` reads them back.
 */
import { AnalysisItem, DocumentAnalysis } from '../analysis/analysis';
import { ColumnKey, ITEM_COLUMNS, LINE_SEPARATOR, LIST_SEPARATOR } from '../table/columns';

/** The header row in one language. */
export function headerRow(locale: 'cs' | 'en'): string[] {
  return ITEM_COLUMNS.map((c) => c[locale]);
}

/**
 * The value of one field of an item. The level column holds the document's
 * own `levels` names only (empty without them), so that a document without
 * `levels` reads back without them; the indicator columns hold one line per
 * indicator, aligned.
 */
function cell(doc: DocumentAnalysis, item: AnalysisItem, key: ColumnKey): string {
  const lines = (pick: (i: AnalysisItem['indicators'][number]) => string | undefined): string => item.indicators.map((i) => pick(i) ?? '').join(LINE_SEPARATOR);
  switch (key) {
    case 'code':
      return item.code;
    case 'level':
      return doc.levels && doc.levels.length > 0 ? doc.levels[Math.min(item.depth, doc.levels.length) - 1] : '';
    case 'title':
      return item.title;
    case 'parent':
      return item.parent ?? '';
    case 'description':
      return item.description ?? '';
    case 'descriptors':
      return item.descriptors.join(LIST_SEPARATOR);
    case 'goals':
      return item.goals.join(LIST_SEPARATOR);
    case 'related':
      return item.related.join(LIST_SEPARATOR);
    case 'responsible':
      return item.responsible ?? '';
    case 'partners':
      return item.partners.join(LIST_SEPARATOR);
    case 'indicator':
      return lines((i) => i.name);
    case 'unit':
      return lines((i) => i.unit);
    case 'baseline':
      return lines((i) => i.baseline);
    case 'target':
      return lines((i) => i.target);
    case 'year':
      return lines((i) => i.year);
    case 'status':
      return item.status ?? '';
    case 'group':
      return item.group ?? '';
    case 'after':
      return item.after.join(LIST_SEPARATOR);
    case 'from':
      return item.timeline?.from ?? '';
    case 'to':
      return item.timeline?.to ?? '';
    case 'budget':
      return item.budget?.amount ?? '';
    case 'currency':
      return item.budget?.currency ?? '';
    case 'source':
      return item.budget?.source ?? '';
  }
}

/** The item rows of a document, header first. */
export function itemRows(doc: DocumentAnalysis, locale: 'cs' | 'en'): string[][] {
  return [headerRow(locale), ...doc.items.map((item) => ITEM_COLUMNS.map((c) => cell(doc, item, c.key)))];
}

/** The `Dokument` sheet: the document's own fields, key in the first column. */
export function documentRows(doc: DocumentAnalysis): string[][] {
  const rows: string[][] = [['strategy', doc.id], ['title', doc.title]];
  if (doc.levels && doc.levels.length > 0) {
    rows.push(['levels', doc.levels.join(LIST_SEPARATOR)]);
  }
  if (doc.goalsFrom !== undefined) {
    rows.push(['goalsFrom', doc.goalsFrom]);
  }
  if (doc.implements !== undefined) {
    rows.push(['implements', doc.implements]);
  }
  return rows;
}

/** The `Aktéři` sheet: the declared actors, id and name. */
export function actorRows(doc: DocumentAnalysis): string[][] {
  return doc.actors.map((a) => [a.id, a.name]);
}

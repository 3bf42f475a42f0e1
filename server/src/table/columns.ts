/**
 * A strategy as a table: the one layout that `strategy-report --format
 * csv|xlsx` writes and `strategy-import` reads back, and the header words by
 * which the importer recognises the columns of a spreadsheet someone else made.
 *
 * One row per item, in document order. A cell holding several values (codes,
 * actors) separates them with `LIST_SEPARATOR`; the indicator columns hold one
 * line per indicator, aligned across the five columns. The workbook of an
 * export has a second sheet, `DOCUMENT_SHEET`, of key/value rows with the
 * document's own fields (`strategy`, `title`, `owner`, `period`, `levels`,
 * `goalsFrom`, `implements`), and a third, `ACTORS_SHEET`, of actor ids and names.
 * A CSV has the item rows only: document fields come from the command line.
 */
import { foldText } from '../model/text';

/** The fields of an item row. */
export type ColumnKey =
  | 'code'
  | 'level'
  | 'title'
  | 'parent'
  | 'group'
  | 'description'
  | 'descriptors'
  | 'goals'
  | 'related'
  | 'after'
  | 'responsible'
  | 'partners'
  | 'indicator'
  | 'unit'
  | 'baseline'
  | 'target'
  | 'year'
  | 'from'
  | 'to'
  | 'budget'
  | 'currency'
  | 'source'
  | 'status';

/** One column: its key, the header written in Czech and in English, and further header words that mean it. */
export interface ColumnDefinition {
  key: ColumnKey;
  cs: string;
  en: string;
  /** Other headers real spreadsheets use for this column (compared folded: no case, no diacritics). */
  aliases: readonly string[];
}

/** Every column in the order an export writes them. */
export const ITEM_COLUMNS: readonly ColumnDefinition[] = [
  { key: 'code', cs: 'Kód', en: 'Code', aliases: ['číslo', 'č.', 'id', 'kód opatření', 'kód aktivity', 'číslo opatření', 'číslo aktivity', 'označení'] },
  { key: 'level', cs: 'Úroveň', en: 'Level', aliases: ['typ'] },
  { key: 'title', cs: 'Název', en: 'Title', aliases: ['name', 'název opatření', 'název aktivity', 'název cíle', 'text'] },
  { key: 'parent', cs: 'Nadřazený kód', en: 'Parent', aliases: ['nadřazená položka', 'parent code'] },
  { key: 'group', cs: 'Skupina', en: 'Group', aliases: ['strategická oblast'] },
  { key: 'description', cs: 'Popis', en: 'Description', aliases: ['popis opatření', 'popis aktivity'] },
  { key: 'descriptors', cs: 'Deskriptory', en: 'Descriptors', aliases: ['deskriptor'] },
  { key: 'goals', cs: 'Vazba na cíle', en: 'Goals', aliases: ['vazba na cíl', 'cíle', 'goal links'] },
  { key: 'related', cs: 'Související', en: 'Related', aliases: ['související položky', 'související opatření'] },
  { key: 'after', cs: 'Návaznost', en: 'After', aliases: ['navazuje na', 'depends on'] },
  { key: 'responsible', cs: 'Gestor', en: 'Responsible', aliases: ['odpovědnost', 'odpovědný subjekt', 'garant', 'zodpovídá'] },
  { key: 'partners', cs: 'Partneři', en: 'Partners', aliases: ['spolupracující subjekty', 'spolupráce'] },
  { key: 'indicator', cs: 'Indikátor', en: 'Indicator', aliases: ['indikátory', 'ukazatel', 'název indikátoru'] },
  { key: 'unit', cs: 'Jednotka', en: 'Unit', aliases: ['měrná jednotka'] },
  { key: 'baseline', cs: 'Výchozí hodnota', en: 'Baseline', aliases: ['výchozí stav'] },
  { key: 'target', cs: 'Cílová hodnota', en: 'Target', aliases: ['cílový stav'] },
  { key: 'year', cs: 'Rok', en: 'Year', aliases: ['rok dosažení', 'cílový rok'] },
  { key: 'from', cs: 'Zahájení', en: 'From', aliases: ['termín od', 'začátek', 'od'] },
  { key: 'to', cs: 'Termín', en: 'Deadline', aliases: ['termín do', 'konec', 'do', 'termín splnění', 'to'] },
  { key: 'budget', cs: 'Rozpočet', en: 'Budget', aliases: ['náklady', 'předpokládané náklady', 'finanční náročnost'] },
  { key: 'currency', cs: 'Měna', en: 'Currency', aliases: [] },
  { key: 'source', cs: 'Zdroj financování', en: 'Funding source', aliases: ['zdroje financování', 'zdroj'] },
  { key: 'status', cs: 'Stav', en: 'Status', aliases: [] },
];

/** Between the values of a list cell (descriptors, goals, related, after, partners). */
export const LIST_SEPARATOR = ', ';
/** Between the indicators of an item in each indicator column. */
export const LINE_SEPARATOR = '\n';
/** The workbook sheet with the item rows. */
export const ITEMS_SHEET = 'Položky';
/** The workbook sheet with the document's own fields (key in column A, value in column B). */
export const DOCUMENT_SHEET = 'Dokument';
/** The workbook sheet with the actors (id in column A, name in column B). */
export const ACTORS_SHEET = 'Aktéři';

/** A header folded for comparison: lowercase, no diacritics, inner white space single, a trailing `:` or `*` dropped. */
function foldHeader(header: string): string {
  return foldText(header).replace(/\s+/g, ' ').replace(/[\s:*]+$/, '').trim();
}

/** Folded header → column key, built once per call site that needs it. */
export function headerMatcher(): (header: string) => ColumnKey | undefined {
  const byHeader = new Map<string, ColumnKey>();
  for (const column of ITEM_COLUMNS) {
    for (const header of [column.cs, column.en, column.key, ...column.aliases]) {
      byHeader.set(foldHeader(header), column.key);
    }
  }
  return (header) => byHeader.get(foldHeader(header));
}

/** The header of a column in the given language. */
export function columnHeader(key: ColumnKey, locale: 'cs' | 'en'): string {
  const column = ITEM_COLUMNS.find((c) => c.key === key);
  return column ? column[locale] : key;
}

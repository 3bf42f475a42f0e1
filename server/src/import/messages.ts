/**
 * The import report's texts, in English and Czech, added to the server's
 * message tables (`createMessages(locale, IMPORT_MESSAGES)`), so that the
 * report, the CLI and the editor speak the same words.
 */
import { createMessages, Locale, Messages } from '../messages';

type Table = Record<string, string>;

const EN: Table = {
  'import.leftOut.noise': 'no letters or digits ("{0}")',
  'import.leftOut.contents': 'a line of the table of contents ("{0}")',
  'import.leftOut.pageNumber': 'a page number ("{0}")',
  'import.leftOut.pageHeader': 'a header or footer repeated on {1} pages ("{0}")',
  'import.leftOut.banner': 'the portal\'s banner ("{0}")',
  'import.leftOut.noItem': '"{0}" stands before the first item',
  'import.leftOut.goalsWithoutItem': 'the goal links {0} belong to no item',
  'import.leftOut.emptyRow': 'an empty row',
  'import.leftOut.notAnItem': 'text in lower case between the entries of an uncoded list, not an item ("{0}")',
  'import.leftOut.rowWithoutCode': 'a row without a code ("{0}")',
  'import.leftOut.cell': 'column "{0}" is not one the importer knows ("{1}")',
  'import.leftOut.sheet': 'sheet "{0}" has no code column',
  'import.normalised.trailingDot': 'code "{0}" read as {1} (the trailing dot is not part of a code)',
  'import.normalised.priorityAdded': 'code "{0}" read as {1} (the export left out the priority\'s number)',
  'import.normalised.edition': 'edition "{0}" written as description "{1}"',
  'import.normalised.removed': 'item {0} marked `status: vypuštěno` ("{1}")',
  'import.normalised.label': 'words "{0}" before code {1} read as the level\'s name',
  'import.marked.unnamedPriority': 'priority area {0} has no title in the export: its title says so',
  'import.marked.noTitle': 'item {0} has no title in the source: its code is its title',
  'import.marked.numbered': 'the source gives this paragraph no code: the import numbers it {0}',
  'import.marked.titleFromName': 'the source has no title line: the document is titled by its file name "{0}"',
  'import.marked.catalog': 'descriptors {0} are not in the built-in catalog: they are written to {1} with the names the source gives them',
  'import.marked.plan': 'the goals listed with their titles are written to {0} (goalsFrom)',
  'import.error.noCodes': '{0}: no line starts with a code, so there is no strategy to import.',
  'import.error.empty': '{0}: the file is empty.',
  'import.error.noText': '{0}: the PDF has no text layer (a scanned document?): run OCR first.',
  'import.error.encrypted': '{0}: the file is encrypted or password-protected.',
  'import.error.corrupt': '{0}: the file cannot be read as {1}: {2}',
  'import.error.noCodeColumn': '{0}: no column of codes was found (headers found: {1}). Name the column "Kód" or map it with --columns code=HEADER.',
  'import.error.tooLarge': '{0}: the file is {1} MB; the importer reads files up to {2} MB.',
  'import.error.unknownKind': '{0}: the kind of source cannot be told from its name or content: give --from dbexport|text|pdf|docx|xlsx|csv.',
  'import.error.binary': '{0}: the file is not text (NUL bytes) — is it a PDF, Word or Excel file with the wrong extension?',
  'import.report.title': 'Import report',
  'import.report.source': 'Source: {0} ({1})',
  'import.report.written': 'Written: {0}',
  'import.report.summary': '{0} items, {1} left out, {2} normalised, {3} marked',
  'import.report.leftOut': 'Left out',
  'import.report.normalised': 'Normalised',
  'import.report.marked': 'Marked in the file',
  'import.report.none': 'Nothing was left out or changed.',
  'import.at.line': 'line {0}',
  'import.at.page': 'page {0}',
  'import.at.paragraph': 'paragraph {0}',
  'import.at.row': 'row {0}',
  'import.at.sheet': 'sheet "{0}"',
  'import.at.document': 'document',
};

const CS: Table = {
  'import.leftOut.noise': 'řádek bez písmen a číslic („{0}“)',
  'import.leftOut.contents': 'řádek obsahu („{0}“)',
  'import.leftOut.pageNumber': 'číslo stránky („{0}“)',
  'import.leftOut.pageHeader': 'záhlaví nebo zápatí opakované na {1} stránkách („{0}“)',
  'import.leftOut.banner': 'záhlaví portálu („{0}“)',
  'import.leftOut.noItem': '„{0}“ stojí před první položkou',
  'import.leftOut.goalsWithoutItem': 'vazby na cíle {0} nepatří k žádné položce',
  'import.leftOut.emptyRow': 'prázdný řádek',
  'import.leftOut.notAnItem': 'text malými písmeny mezi položkami seznamu bez kódů, nikoli položka („{0}“)',
  'import.leftOut.rowWithoutCode': 'řádek bez kódu („{0}“)',
  'import.leftOut.cell': 'sloupec „{0}“ import nezná („{1}“)',
  'import.leftOut.sheet': 'list „{0}“ nemá sloupec kódů',
  'import.normalised.trailingDot': 'kód „{0}“ čten jako {1} (tečka na konci není součástí kódu)',
  'import.normalised.priorityAdded': 'kód „{0}“ čten jako {1} (export vynechal číslo prioritní oblasti)',
  'import.normalised.edition': 'vydání „{0}“ zapsáno jako popis „{1}“',
  'import.normalised.removed': 'položka {0} označena `status: vypuštěno` („{1}“)',
  'import.normalised.label': 'slova „{0}“ před kódem {1} čtena jako název úrovně',
  'import.marked.unnamedPriority': 'prioritní oblast {0} nemá v exportu název: její název to uvádí',
  'import.marked.noTitle': 'položka {0} nemá ve zdroji název: názvem je její kód',
  'import.marked.numbered': 'zdroj tento odstavec nečísluje: import mu dává kód {0}',
  'import.marked.titleFromName': 'zdroj nemá řádek s názvem: název dokumentu je název souboru „{0}“',
  'import.marked.catalog': 'deskriptory {0} nejsou ve vestavěném katalogu: jsou zapsány do {1} s názvy ze zdroje',
  'import.marked.plan': 'cíle uvedené s názvy jsou zapsány do {0} (goalsFrom)',
  'import.error.noCodes': '{0}: žádný řádek nezačíná kódem, není co importovat.',
  'import.error.empty': '{0}: soubor je prázdný.',
  'import.error.noText': '{0}: PDF nemá textovou vrstvu (naskenovaný dokument?): nejprve spusťte OCR.',
  'import.error.encrypted': '{0}: soubor je zašifrovaný nebo chráněný heslem.',
  'import.error.corrupt': '{0}: soubor nelze číst jako {1}: {2}',
  'import.error.noCodeColumn': '{0}: nenalezen sloupec kódů (nalezená záhlaví: {1}). Pojmenujte sloupec „Kód“ nebo jej určete volbou --columns code=ZÁHLAVÍ.',
  'import.error.tooLarge': '{0}: soubor má {1} MB; import čte soubory do {2} MB.',
  'import.error.unknownKind': '{0}: druh zdroje nelze poznat z názvu ani obsahu: zadejte --from dbexport|text|pdf|docx|xlsx|csv.',
  'import.error.binary': '{0}: soubor není text (obsahuje bajty NUL) — není to PDF, Word nebo Excel se špatnou příponou?',
  'import.report.title': 'Protokol importu',
  'import.report.source': 'Zdroj: {0} ({1})',
  'import.report.written': 'Zapsáno: {0}',
  'import.report.summary': 'položek: {0}, vynecháno: {1}, upraveno: {2}, označeno: {3}',
  'import.report.leftOut': 'Vynecháno',
  'import.report.normalised': 'Upraveno',
  'import.report.marked': 'Označeno v souboru',
  'import.report.none': 'Nic nebylo vynecháno ani upraveno.',
  'import.at.line': 'řádek {0}',
  'import.at.page': 'strana {0}',
  'import.at.paragraph': 'odstavec {0}',
  'import.at.row': 'řádek {0}',
  'import.at.sheet': 'list „{0}“',
  'import.at.document': 'dokument',
};

/** The import's message tables, to pass to `createMessages`. */
export const IMPORT_MESSAGES: Partial<Record<Locale, Table>> = { en: EN, cs: CS };

/** Messages for the import report in one language. */
export function importMessages(locale: Locale): Messages {
  return createMessages(locale, IMPORT_MESSAGES);
}

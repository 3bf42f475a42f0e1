/**
 * The import engine's entry: a source read by a node reader (or given as
 * text) → the intermediate tree → the files to write and the import report.
 * Plain functions, no file system: the CLI and the language server write
 * what these return.
 */
import { BUILTIN_CATALOG_TEXT } from '../catalog/builtinCatalog';
import { Locale } from '../messages';
import { foldText } from '../model/text';
import { ColumnKey } from '../table/columns';
import { slug } from './attributes';
import { importMessages } from './messages';
import { Finding, ImportEntry, ImportError, ImportResult, Source, SourceKind, SourceLine, SourceLocation } from './model';
import { dropPageFurniture } from './pages';
import { readTables } from './tableReader';
import { readCodedText } from './textReader';
import { catalogYaml, strategyYaml } from './writeYaml';

/** What the user chose beyond the source. */
export interface ImportOptions {
  /** The document id; by default made from the source's file name. */
  id?: string;
  /** The strategy an implementation plan carries out (`implements`, spec §6.3). */
  implements?: string;
  /** Column headers mapped to fields by the user (`--columns code=Číslo,title=Text`). */
  columns?: Partial<Record<ColumnKey, string>>;
}

/** One file to write beside the strategy. */
export interface OutputFile {
  /** The file name, without folders. */
  name: string;
  text: string;
}

/** What an import writes and reports. */
export interface ImportOutput {
  result: ImportResult;
  /** The strategy first, then the catalog and the plan of goals when there are any. */
  files: OutputFile[];
  /** Items in the strategy. */
  itemCount: number;
}

/** The source kind told from the file name and the first bytes; undefined when neither tells. */
export function detectKind(name: string, head: Uint8Array): SourceKind | undefined {
  const ascii = String.fromCharCode(...head.subarray(0, 8));
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1].toLowerCase();
  if (ascii.startsWith('%PDF')) {
    return 'pdf';
  }
  if (ascii.startsWith('PK')) {
    return ext === 'xlsx' || ext === 'xlsm' ? 'xlsx' : ext === 'docx' ? 'docx' : undefined;
  }
  switch (ext) {
    case 'pdf':
      return 'pdf';
    case 'docx':
      return 'docx';
    case 'xlsx':
    case 'xlsm':
      return 'xlsx';
    case 'csv':
      return 'csv';
    default:
      return undefined;
  }
}

/** A text source's kind from its content: the national database's export has `Deskriptory:` blocks or the portal's banner. */
export function textKind(text: string): 'dbexport' | 'text' {
  const head = foldText(text.slice(0, 4000));
  return /^deskriptory:\s*$/m.test(head) || /portal[^\n]*financov/.test(head) ? 'dbexport' : 'text';
}

/** Plain text as the engine's lines, numbered from 1. */
export function textLines(text: string): SourceLine[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line, i) => ({ text: line, at: { line: i + 1 } }));
}

/** The document id made from a file name (`Strategie Brno 2030.pdf` → `strategie-brno-2030`). */
export function idFromName(name: string): string {
  return slug(name.replace(/\.[^.]+$/, '').replace(/\.strategy$/, ''), 60);
}

/** The codes the built-in catalog defines. */
function builtinDescriptors(): Set<string> {
  return new Set([...BUILTIN_CATALOG_TEXT.matchAll(/id: ([IVXLCDM]+\.[a-z])\b/g)].map((m) => m[1]));
}

function countItems(entries: readonly ImportEntry[]): number {
  return entries.reduce((n, e) => n + (e.kind === 'item' ? 1 : 0) + countItems(e.items), 0);
}

/**
 * Imports a source: reads it into the tree and renders the files. `base` is
 * the output's file name without `.strategy.yaml`; the catalog and the plan
 * are named after it, and so is the document id unless one is given. Throws
 * `ImportError` for bad input.
 */
export function importSource(source: Source, options: ImportOptions, base: string): ImportOutput {
  const id = options.id ?? idFromName(base);
  const planId = `${id}-cile`;
  let result: ImportResult | undefined;
  if (source.kind === 'xlsx' || source.kind === 'csv') {
    result = readTables(source, { id, columns: options.columns ?? {} });
  } else if (source.kind === 'docx' && source.tables.length > 0) {
    // A Word file whose tables list the items is read by its tables; one with prose around plain tables, by its paragraphs.
    try {
      result = readTables(source, { id, columns: options.columns ?? {} });
    } catch (e) {
      if (!(e instanceof ImportError)) {
        throw e;
      }
    }
  }
  if (result === undefined) {
    if (source.lines.every((l) => l.text.trim() === '')) {
      throw new ImportError(source.kind === 'pdf' ? 'import.error.noText' : 'import.error.empty', [source.name]);
    }
    const furniture: Finding[] = [];
    const lines = source.kind === 'pdf' ? dropPageFurniture(source.lines, furniture) : source.lines;
    result = readCodedText({ ...source, lines }, { id, dbexport: source.kind === 'dbexport', planId });
    result.findings.unshift(...furniture);
  }
  if (options.implements !== undefined) {
    result.document.implements = options.implements;
  }
  if (result.document.implements !== undefined) {
    standForStrategyItems(result);
  }
  const files: OutputFile[] = [{ name: `${base}.strategy.yaml`, text: strategyYaml(result.document) }];
  const builtin = builtinDescriptors();
  const missing = result.descriptors.filter((d) => !builtin.has(d.code));
  result.descriptors = missing;
  if (missing.length > 0) {
    const name = `${base}.descriptors.yaml`;
    files.push({ name, text: catalogYaml(`${id}-deskriptory`, `Deskriptory z importu ${source.name}`, missing) });
    result.findings.push({ kind: 'marked', at: {}, id: 'import.marked.catalog', args: [missing.map((d) => d.code).join(', '), name] });
  }
  if (result.plan) {
    const name = `${base}-cile.strategy.yaml`;
    files.push({ name, text: strategyYaml(result.plan) });
    result.findings.push({ kind: 'marked', at: {}, id: 'import.marked.plan', args: [name] });
  }
  return { result, files, itemCount: countItems(result.document.items) };
}

/**
 * In a plan (spec §6.3) an item without a title stands for the strategy's item of the same code and takes
 * its title from there: the import leaves the title out instead of writing the code as a title.
 */
function standForStrategyItems(result: ImportResult): void {
  const untitled = new Set(result.findings.filter((f) => f.id === 'import.marked.noTitle').map((f) => f.args[0]));
  const visit = (entries: readonly ImportEntry[]): void => {
    for (const e of entries) {
      if (e.kind === 'item' && untitled.has(e.id) && e.title === e.id) {
        e.title = '';
      }
      visit(e.items);
    }
  };
  visit(result.document.items);
  for (const f of result.findings) {
    if (f.id === 'import.marked.noTitle') {
      f.id = 'import.marked.standsFor';
      f.args = [f.args[0], result.document.implements ?? ''];
    }
  }
}

/** Where a finding stands, in words (`line 12`, `page 3, line 4`, `sheet "Položky", row 7`). */
export function locationText(at: SourceLocation, locale: Locale): string {
  const m = importMessages(locale);
  const parts: string[] = [];
  if (at.sheet !== undefined) {
    parts.push(m.text('import.at.sheet', at.sheet));
  }
  if (at.page !== undefined) {
    parts.push(m.text('import.at.page', String(at.page)));
  }
  if (at.paragraph !== undefined) {
    parts.push(m.text('import.at.paragraph', String(at.paragraph)));
  }
  if (at.table !== undefined) {
    parts.push(m.text('import.at.table', String(at.table)));
  }
  if (at.row !== undefined) {
    parts.push(m.text('import.at.row', String(at.row)));
  }
  if (at.line !== undefined) {
    parts.push(m.text('import.at.line', String(at.line)));
  }
  return parts.length > 0 ? parts.join(', ') : m.text('import.at.document');
}

/** The report as plain text (the CLI's `--report text`); Markdown when `markdown` is set (the editor's view). */
export function reportText(source: Source, output: ImportOutput, written: readonly string[], locale: Locale, markdown = false): string {
  const m = importMessages(locale);
  const f = output.result.findings;
  const count = (kind: Finding['kind']): number => f.filter((x) => x.kind === kind).length;
  const lines: string[] = [];
  lines.push(markdown ? `# ${m.text('import.report.title')}` : m.text('import.report.title'), '');
  lines.push(m.text('import.report.source', source.name, source.kind));
  for (const w of written) {
    lines.push(m.text('import.report.written', w));
  }
  lines.push(m.text('import.report.summary', String(output.itemCount), String(count('left-out')), String(count('normalised')), String(count('marked'))));
  if (f.length === 0) {
    lines.push('', m.text('import.report.none'));
  }
  for (const [kind, title] of [['left-out', 'import.report.leftOut'], ['normalised', 'import.report.normalised'], ['marked', 'import.report.marked']] as const) {
    const these = f.filter((x) => x.kind === kind);
    if (these.length === 0) {
      continue;
    }
    lines.push('', markdown ? `## ${m.text(title)}` : `${m.text(title)}:`, '');
    for (const x of these) {
      const entry = `${locationText(x.at, locale)}: ${m.text(x.id, ...x.args)}`;
      lines.push(markdown ? `- ${entry.replace(/([\\`*_[\]<>])/g, '\\$1')}` : `  ${entry}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** The report as JSON (`--report json`): the source, the files written, counts, and every finding with its location and message. */
export function reportJson(source: Source, output: ImportOutput, written: readonly string[], locale: Locale): string {
  const m = importMessages(locale);
  const f = output.result.findings;
  return (
    JSON.stringify(
      {
        source: source.name,
        kind: source.kind,
        written,
        summary: {
          items: output.itemCount,
          leftOut: f.filter((x) => x.kind === 'left-out').length,
          normalised: f.filter((x) => x.kind === 'normalised').length,
          marked: f.filter((x) => x.kind === 'marked').length,
        },
        findings: f.map((x) => ({ kind: x.kind, ...x.at, code: x.id, message: m.text(x.id, ...x.args) })),
      },
      null,
      2,
    ) + '\n'
  );
}

/** The message of an import error in one language. */
export function errorText(e: ImportError, locale: Locale): string {
  return importMessages(locale).text(e.messageId, ...e.args);
}

/**
 * `strategy-import`: a city's existing strategy — the national strategy
 * database's export, a PDF, a Word file, a spreadsheet or coded text — as a
 * strategy file, with the import report. The same engine runs behind the
 * editor's "Import Strategy…" command.
 */
import * as fs from 'fs';
import * as path from 'path';
import { errorText, importSource, ImportOptions, reportJson, reportText } from './import/importStrategy';
import { ImportError, SOURCE_KINDS, SourceKind } from './import/model';
import { localeOf } from './messages';
import { ColumnKey, ITEM_COLUMNS } from './table/columns';
import { runAsProcess, ToolOutput } from './node/toolMain';
import { readSource } from './node/importSources';
import { writeFileAtomic } from './node/writeFileAtomic';

const USAGE = `Usage: strategy-import <source> [options]

Turns a strategy held elsewhere into a strategy file (*.strategy.yaml) and
prints the import report: every line, paragraph or row left out and why, and
every change made to a code.

Sources (told from the name and content; --from overrides):
  dbexport  the national strategy database's text export
  text      coded text (pasted from Word or a PDF, OCR'd pages)
  pdf       a PDF with a text layer
  docx      a Word file (codes typed or automatic numbering; item tables)
  xlsx      a workbook, one row per item
  csv       a CSV file, one row per item

Options:
  -o, --output FILE     the strategy file to write (default: beside the source,
                        SOURCE.strategy.yaml); "-" writes it to standard output
  --id DOC-ID           the document id (default: made from the file name)
  --from KIND           the kind of source (see above)
  --report text|json    the report's form on standard output (default: text)
  --implements DOC-ID   the source is an implementation plan of DOC-ID
  --columns MAP         spreadsheet columns by header: code=Číslo,title=Text
  --locale en|cs        the report's language (default: from LANG)
  --force               overwrite files that exist
  -h, --help            this text

Files are written whole or not at all (a temporary file beside the target,
then renamed). A catalog of descriptors outside the built-in one
(NAME.descriptors.yaml) and a plan of goals listed with titles
(NAME-cile.strategy.yaml) are written beside the strategy when the source
has them.

Exit status: 0 imported, nothing left out; 1 imported, the report lists
lines, paragraphs or rows left out; 2 bad usage or a source that cannot be
imported (missing, empty, encrypted, no text layer, no codes, too large).`;

/** Sources with more lines and rows than this report progress on standard error. */
const LARGE_SOURCE = 20000;

/** Thrown for bad usage; the message is shown and the exit status is 2. */
class UsageError extends Error {}

interface Options extends ImportOptions {
  source: string;
  output?: string;
  from?: SourceKind;
  report: 'text' | 'json';
  locale: 'en' | 'cs';
  force: boolean;
}

/** Parses `--columns code=Číslo,title=Text`. */
function parseColumns(spec: string): Partial<Record<ColumnKey, string>> {
  const out: Partial<Record<ColumnKey, string>> = {};
  for (const part of spec.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim() as ColumnKey;
    if (eq < 0 || !ITEM_COLUMNS.some((c) => c.key === key)) {
      throw new UsageError(`--columns: "${part}" is not FIELD=HEADER with FIELD one of ${ITEM_COLUMNS.map((c) => c.key).join(', ')}`);
    }
    out[key] = part.slice(eq + 1).trim();
  }
  return out;
}

function parseArgs(argv: string[], env: NodeJS.ProcessEnv): Options | 'help' {
  const opts: Partial<Options> & { report: 'text' | 'json'; force: boolean; locale: 'en' | 'cs' } = { report: 'text', force: false, locale: localeOf(env.LC_ALL || env.LC_MESSAGES || env.LANG) };
  const sources: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const eq = arg.indexOf('=');
      if (arg.startsWith('--') && eq >= 0) {
        return arg.slice(eq + 1);
      }
      const next = argv[++i];
      if (next === undefined) {
        throw new UsageError(`${arg} needs a value`);
      }
      return next;
    };
    const name = arg.startsWith('--') ? arg.split('=')[0] : arg;
    switch (name) {
      case '-h':
      case '--help':
        return 'help';
      case '-o':
      case '--output':
        opts.output = value();
        break;
      case '--id':
        opts.id = value();
        if (!/^[a-z0-9][a-z0-9-]*$/.test(opts.id)) {
          throw new UsageError(`--id "${opts.id}" is not a document id (lowercase letters, digits and -)`);
        }
        break;
      case '--implements':
        opts.implements = value();
        if (!/^[a-z0-9][a-z0-9-]*$/.test(opts.implements)) {
          throw new UsageError(`--implements "${opts.implements}" is not a document id (lowercase letters, digits and -)`);
        }
        break;
      case '--from': {
        const kind = value();
        if (!SOURCE_KINDS.includes(kind as SourceKind)) {
          throw new UsageError(`--from "${kind}": one of ${SOURCE_KINDS.join(', ')}`);
        }
        opts.from = kind as SourceKind;
        break;
      }
      case '--report': {
        const r = value();
        if (r !== 'text' && r !== 'json') {
          throw new UsageError(`--report "${r}": text or json`);
        }
        opts.report = r;
        break;
      }
      case '--columns':
        opts.columns = parseColumns(value());
        break;
      case '--locale':
        opts.locale = localeOf(value());
        break;
      case '--force':
        opts.force = true;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') {
          throw new UsageError(`unknown option ${arg}`);
        }
        sources.push(arg);
    }
  }
  if (sources.length !== 1) {
    throw new UsageError(sources.length === 0 ? 'no source file given' : 'one source file at a time');
  }
  return { ...opts, source: sources[0] };
}

/** Streams the CLI writes to. */
export type ImportIo = ToolOutput;

/** The output's base name: `out.strategy.yaml` → `out`; by default the source's name without its extension, beside it. */
function outputBase(opts: Options, cwd: string): { dir: string; base: string } {
  if (opts.output !== undefined && opts.output !== '-') {
    const abs = path.resolve(cwd, opts.output);
    return { dir: path.dirname(abs), base: path.basename(abs).replace(/\.strategy\.ya?ml$|\.ya?ml$/, '') };
  }
  const src = path.resolve(cwd, opts.source);
  return { dir: path.dirname(src), base: path.basename(src).replace(/\.[^.]+$/, '') };
}

/** Runs the importer; resolves to the exit status. */
export async function run(argv: string[], cwd: string, io: ImportIo, env: NodeJS.ProcessEnv = {}): Promise<number> {
  let opts: Options | 'help';
  try {
    opts = parseArgs(argv, env);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`strategy-import: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (opts === 'help') {
    io.out(USAGE + '\n');
    return 0;
  }
  const o = opts;
  const sourcePath = path.resolve(cwd, o.source);
  try {
    const source = await readSource(sourcePath, o.from, (m) => io.err(`strategy-import: ${m}\n`));
    const { dir, base } = outputBase(o, cwd);
    const size = source.lines.length + source.tables.reduce((n, t) => n + t.rows.length, 0);
    if (size > LARGE_SOURCE) {
      // A large source takes seconds: say what is happening.
      io.err(`strategy-import: ${source.name}: importing ${size} lines and rows…\n`);
    }
    const output = importSource(source, o, base);
    if (size > LARGE_SOURCE) {
      io.err(`strategy-import: ${source.name}: ${output.itemCount} items, writing…\n`);
    }
    const toStdout = o.output === '-';
    const targets = output.files.map((f) => path.join(dir, f.name));
    if (!o.force && !toStdout) {
      const existing = targets.filter((t) => fs.existsSync(t));
      if (existing.length > 0) {
        io.err(`strategy-import: ${existing.map((t) => path.relative(cwd, t)).join(', ')} already exists: give --force to overwrite, or -o another name\n`);
        return 2;
      }
    }
    const written: string[] = [];
    if (toStdout) {
      io.out(output.files[0].text);
    } else {
      output.files.forEach((f, i) => {
        writeFileAtomic(targets[i], f.text);
        written.push(path.relative(cwd, targets[i]) || targets[i]);
      });
    }
    const report = o.report === 'json' ? reportJson(source, output, written, o.locale) : reportText(source, output, written, o.locale);
    (toStdout ? io.err : io.out)(report);
    return output.result.findings.some((f) => f.kind === 'left-out') ? 1 : 0;
  } catch (e) {
    if (e instanceof ImportError) {
      io.err(`strategy-import: ${errorText(e, o.locale)}\n`);
      return 2;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== undefined) {
      io.err(`strategy-import: ${o.source}: ${code} ${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
}

/** Entry point for `bin/strategy-import`. */
export function main(): void {
  runAsProcess('strategy-import', (io) => run(process.argv.slice(2), process.cwd(), io, process.env));
}

if (require.main === module) {
  main();
}

/**
 * `strategy-report`: the analysis of a strategy (link matrix, coverage,
 * responsibility, indicators) as a file a council or another tool reads —
 * HTML, Markdown, CSV, Excel, Word or JSON. The workspace is loaded exactly
 * as `strategy-check` loads it.
 */
import * as path from 'path';
import { Analysis } from './analysis/analysis';
import { localeOf } from './messages';
import { runAsProcess, ToolOutput } from './node/toolMain';
import { uriToPath } from './node/fileSystem';
import { describeProblem, loadWorkspace } from './node/loadWorkspace';
import { writeFileAtomic } from './node/writeFileAtomic';
import { needsOneDocument, REPORT_FORMATS, ReportFormat } from './report/formats';
import { renderReport } from './report/render';
import { DEFAULT_SETTINGS } from './settings';

const USAGE = `Usage: strategy-report [paths…] [--document doc-id] --format html|md|csv|xlsx|docx|json -o FILE [--locale cs|en]

Writes the analysis of the strategy documents below the given folders or the
given files (default: the current folder) — the link matrix of measures and
the goals of the plan named in goalsFrom, coverage and gaps, responsibility
and indicators — to FILE:

  html  one self-contained, printable page (no network)
  md    the same as Markdown tables
  csv   one row per item, every field (the layout strategy-import reads back)
  xlsx  the same as a workbook, with the Dokument and Aktéři sheets
  docx  a Word document: a heading per item, numbered by its code
  json  the analysis itself

--document names one strategy document (by its id); csv and xlsx need
exactly one. --format may be left out when FILE ends in the format's name.
--locale chooses the report's language (default cs).

The report is made even from files with errors, and names them. FILE is
written whole or not at all.

Exit status: 0 report written, 2 bad usage, unreadable paths or FILE cannot be written.`;

/** Thrown for bad usage; the message is shown and the exit status is 2. */
class UsageError extends Error {}

interface Options {
  paths: string[];
  document?: string;
  format?: ReportFormat;
  output?: string;
  locale: string;
}

function isFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

function parseArgs(argv: string[]): Options | 'help' {
  const opts: Options = { paths: [], locale: 'cs' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (name: string): string => {
      const eq = arg.indexOf('=');
      if (eq >= 0 && arg.startsWith('--')) {
        return arg.slice(eq + 1);
      }
      const next = argv[++i];
      if (next === undefined) {
        throw new UsageError(`${name} needs a value`);
      }
      return next;
    };
    if (arg === '-h' || arg === '--help') {
      return 'help';
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const f = value('--format');
      if (!isFormat(f)) {
        throw new UsageError(`unknown format "${f}" (${REPORT_FORMATS.join(', ')})`);
      }
      opts.format = f;
    } else if (arg === '-o' || arg === '--output' || arg.startsWith('--output=')) {
      opts.output = value('--output');
    } else if (arg === '--document' || arg.startsWith('--document=')) {
      opts.document = value('--document');
    } else if (arg === '--locale' || arg.startsWith('--locale=')) {
      opts.locale = value('--locale');
    } else if (arg === '--') {
      opts.paths.push(...argv.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      opts.paths.push(arg);
    }
  }
  if (opts.output === undefined) {
    throw new UsageError('-o FILE is needed: the file to write the report to');
  }
  if (opts.format === undefined) {
    const ext = path.extname(opts.output).slice(1).toLowerCase();
    if (!isFormat(ext)) {
      throw new UsageError(`--format is needed: ${opts.output} does not end in a format's name (${REPORT_FORMATS.join(', ')})`);
    }
    opts.format = ext;
  }
  if (opts.paths.length === 0) {
    opts.paths.push('.');
  }
  return opts;
}

type Output = ToolOutput;

/** The analysis of the documents the options select, or a usage error naming the documents there are. */
function selectAnalysis(opts: Options, workspace: ReturnType<typeof loadWorkspace> & { fatal?: undefined }): Analysis {
  const { service, inTarget } = workspace.workspace;
  const strategies = [...service.index.strategies()].filter((d) => inTarget(d.uri));
  const known = (): string => strategies.map((d) => d.id ?? '').filter((id) => id !== '').sort().join(', ') || 'none';
  let uris = strategies.map((d) => d.uri);
  if (opts.document !== undefined) {
    const doc = strategies.find((d) => d.id === opts.document);
    if (!doc) {
      throw new UsageError(`no strategy document "${opts.document}" in the given paths (there are: ${known()})`);
    }
    uris = [doc.uri];
  }
  if (opts.format !== undefined && needsOneDocument(opts.format) && uris.length !== 1) {
    throw new UsageError(`the ${opts.format} format holds one document: name it with --document (there are: ${known()})`);
  }
  return service.analysis(uris);
}

/** Runs the tool; resolves to the exit status. */
export async function run(argv: string[], cwd: string, io: Output): Promise<number> {
  let opts: Options | 'help';
  try {
    opts = parseArgs(argv);
  } catch (e) {
    io.err(`strategy-report: ${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (opts === 'help') {
    io.out(USAGE + '\n');
    return 0;
  }
  const loaded = loadWorkspace(opts.paths, cwd, { locale: opts.locale, settings: DEFAULT_SETTINGS });
  if (loaded.fatal) {
    io.err(`strategy-report: ${describeProblem(loaded.fatal)}\n`);
    return 2;
  }
  for (const problem of loaded.unreadable) {
    io.err(`strategy-report: ${describeProblem(problem)}\n`);
  }
  let analysis: Analysis;
  try {
    analysis = selectAnalysis(opts, loaded);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`strategy-report: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  // Files are named relative to the working folder, as strategy-check names them.
  for (const doc of analysis.documents) {
    doc.uri = path.relative(cwd, uriToPath(doc.uri) ?? doc.uri).split(path.sep).join('/');
    if (doc.errors > 0) {
      io.err(`strategy-report: ${doc.uri} has ${doc.errors} error${doc.errors === 1 ? '' : 's'} (run strategy-check); the report shows what could be read\n`);
    }
  }
  const format = opts.format ?? 'html';
  const bytes = await renderReport(analysis, format, localeOf(opts.locale));
  const output = path.resolve(cwd, opts.output ?? '');
  try {
    writeFileAtomic(output, bytes);
  } catch (e) {
    io.err(`strategy-report: cannot write ${opts.output}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 2;
  }
  io.out(`strategy-report: wrote ${opts.output} (${format}, ${analysis.documents.map((d) => d.id).join(', ') || 'no documents'})\n`);
  return loaded.unreadable.length > 0 ? 2 : 0;
}

/** Entry point for `bin/strategy-report`. */
export function main(): void {
  runAsProcess('strategy-report', (io) => run(process.argv.slice(2), process.cwd(), io));
}

if (require.main === module) {
  main();
}

/**
 * `strategy-check`: the language server's engine as a command-line checker
 * for CI. Same parser, same index, same diagnostics and ranges as the editor.
 */
import * as path from 'path';
import * as os from 'os';
import { parseArgs } from 'util';
import { LanguageService } from './languageService';
import { CodeDiagnostic, DiagnosticCode, OFF_BY_DEFAULT } from './model/types';
import { DEFAULT_SETTINGS } from './settings';
import { runAsProcess, ToolOutput } from './node/toolMain';
import { pathToUri, uriToPath } from './node/fileSystem';
import { describeProblem, resolveTargets, Target, targetFiles } from './node/loadWorkspace';
import { NodeWorkspace } from './node/nodeWorkspace';
import { engineId, ParseCache } from './node/parseCache';
import { ParsePool, workersFor } from './node/parsePool';
import { parsingLoader, parsingLoaderSync, ParsingLoaderOptions } from './node/parsingLoader';
import { loadSchemas } from './node/schemas';
import { SYSTEM_CLOCK, WorkspaceSync } from './sync/workspaceSync';
import { beginWarmStart } from './node/warmStart';

type Format = 'text' | 'json' | 'github';

interface Options {
  format: Format;
  locale: string;
  paths: string[];
  /** Codes that are off by default (the coverage rules, spec §7) turned on as warnings. */
  enable: DiagnosticCode[];
  /** The folder of the persistent parse cache, when one is used. */
  cache?: string;
  /** Parse threads; 1 parses on the main thread. */
  workers: number;
}

const USAGE = `Usage: strategy-check [--format text|json|github] [--locale en|cs] [--enable code,…] [--cache DIR] [--workers N] [paths…]

Checks the strategy documents (*.strategy.yaml|yml), descriptor catalogs
(*.descriptors.yaml|yml) and Markdown files below the given folders or the
given files (default: the current folder), as the Strategy Codes language
server does.

--enable turns on coverage rules, which are off by default, as warnings:
${[...OFF_BY_DEFAULT].join(', ')}.
--cache DIR keeps the parsed files in DIR, so that the next run parses only
the files that changed; a damaged or outdated cache is ignored and rebuilt.
--workers N parses on N threads (default: 1 on up to 2 cores, else one per
core but one, at most 4).

Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable paths.`;

/** Thrown for bad usage; the message is shown and the exit status is 2. */
class UsageError extends Error {}

/** The options `node:util`'s parser reads; everything else is a path. */
const OPTIONS = {
  format: { type: 'string' },
  locale: { type: 'string' },
  enable: { type: 'string', multiple: true },
  cache: { type: 'string' },
  workers: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The option a `node:util` parse error names (`'--format'` in its message), for our own wording. */
function optionNamed(e: Error): string {
  return /'(-[^' ]+)/.exec(e.message)?.[1] ?? '';
}

function readArgs(argv: string[]): Options | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    // The parser's own messages name the rule, not the fix; ours keep the wording the tests and users know.
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new UsageError(`unknown option ${optionNamed(e as Error)}`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(`${optionNamed(e as Error)} needs a value`);
    }
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    return 'help';
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'github') {
    throw new UsageError(`unknown format "${format}" (text, json or github)`);
  }
  const enable: DiagnosticCode[] = [];
  for (const code of (values.enable ?? []).flatMap((v) => v.split(',')).map((c) => c.trim()).filter((c) => c !== '')) {
    if (!OFF_BY_DEFAULT.has(code as DiagnosticCode)) {
      throw new UsageError(`--enable: "${code}" is not a code that is off by default (${[...OFF_BY_DEFAULT].join(', ')})`);
    }
    enable.push(code as DiagnosticCode);
  }
  let workers = workersFor(os.availableParallelism?.() ?? os.cpus().length);
  if (values.workers !== undefined) {
    if (!/^\d+$/.test(values.workers) || Number(values.workers) < 1) {
      throw new UsageError(`--workers needs a whole number of at least 1, not "${values.workers}"`);
    }
    workers = Number(values.workers);
  }
  return { format, locale: values.locale ?? 'en', paths: positionals.length > 0 ? positionals : ['.'], enable, cache: values.cache, workers };
}

type Output = ToolOutput;

interface Located {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

/** Escapes a GitHub workflow command's message (`%`, CR, LF) or property (also `:` and `,`). */
function ghEscape(s: string, property: boolean): string {
  let out = s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  if (property) {
    out = out.replace(/:/g, '%3A').replace(/,/g, '%2C');
  }
  return out;
}

/** A check set up: the service, the sync module that fills it, and how files are parsed. */
interface Check {
  opts: Options;
  service: LanguageService;
  sync: WorkspaceSync;
  loader: ParsingLoaderOptions;
  targets: Target[];
  unreadable(): number;
  /** The workspace folders (the records of the index are kept for them, `node/warmStart.ts`). */
  roots: string[];
}

/** Runs the checker on the main thread; returns the exit status. */
export function run(argv: string[], cwd: string, io: Output): number {
  const check = prepare(argv, cwd, io);
  if (typeof check === 'number') {
    return check;
  }
  const warm = beginWarmStart(check.sync, check.service, check.loader, check.roots);
  check.sync.scanNow(parsingLoaderSync(check.loader));
  warm.save();
  return report(check, cwd, io);
}

/** Runs the checker, parsing on `--workers` threads; returns the exit status. */
export async function runAsync(argv: string[], cwd: string, io: Output): Promise<number> {
  const check = prepare(argv, cwd, io);
  if (typeof check === 'number') {
    return check;
  }
  const pool = check.opts.workers > 1 ? new ParsePool(check.opts.workers, check.loader.schemas) : undefined;
  check.loader.pool = pool;
  const warm = beginWarmStart(check.sync, check.service, check.loader, check.roots);
  try {
    await check.sync.scan();
  } finally {
    await pool?.close();
  }
  warm.save();
  return report(check, cwd, io);
}

/** Reads the arguments and sets the check up; returns the exit status when there is nothing to check. */
function prepare(argv: string[], cwd: string, io: Output): Check | number {
  let opts: Options | 'help';
  try {
    opts = readArgs(argv);
  } catch (e) {
    io.err(`strategy-check: ${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (opts === 'help') {
    io.out(USAGE + '\n');
    return 0;
  }
  const resolved = resolveTargets(opts.paths, cwd);
  if (resolved.fatal) {
    io.err(`strategy-check: ${describeProblem(resolved.fatal)}\n`);
    return 2;
  }
  const { targets, roots } = resolved;
  const schemas = loadSchemas();
  const severity = Object.fromEntries(opts.enable.map((code) => [code, 'warning' as const]));
  const service = new LanguageService({ schemas, locale: opts.locale, roots: roots.map(pathToUri), settings: { ...DEFAULT_SETTINGS, severity } });
  // A file that cannot be read (a FIFO, no permission, deleted meanwhile) is named and skipped: the rest is still checked.
  let unreadable = 0;
  const workspace = new NodeWorkspace(roots.map(pathToUri));
  const cache = opts.cache !== undefined ? new ParseCache(path.resolve(cwd, opts.cache), engineId([JSON.stringify(schemas)])) : undefined;
  const loader: ParsingLoaderOptions = { workspace, schemas, kindOf: (uri) => service.kindOf(uri), limits: () => service.parseLimits(), cache };
  const sync = new WorkspaceSync({
    service,
    workspace,
    loadBatch: parsingLoader(loader),
    clock: { ...SYSTEM_CLOCK, yield: () => Promise.resolve() },
    output: {
      publish: () => undefined,
      unreadable: (uri, error) => {
        io.err(`strategy-check: cannot read ${path.relative(cwd, uriToPath(uri) ?? uri)}: ${error}\n`);
        unreadable++;
      },
    },
  });
  return { opts, service, sync, loader, targets, unreadable: () => unreadable, roots: roots.map(pathToUri) };
}

/** Prints the diagnostics of the checked files; returns the exit status. */
function report(check: Check, cwd: string, io: Output): number {
  const { opts, service, targets, loader } = check;
  if (loader.cache?.stats.unwritable !== undefined) {
    io.err(`strategy-check: the cache ${opts.cache ?? ''} cannot be written (${loader.cache.stats.unwritable}); files are checked without it\n`);
  }
  const unreadable = check.unreadable();
  const found = targetFiles(targets, service, cwd);
  if (found.fatal) {
    io.err(`strategy-check: ${describeProblem(found.fatal)}\n`);
    return 2;
  }
  const { inTarget } = found;
  const located: Located[] = [];
  let files = 0;
  let items = 0;
  for (const uri of service.index.uris().sort()) {
    if (!inTarget(uri)) {
      continue;
    }
    const file = service.index.get(uri);
    if (!file) {
      continue;
    }
    files++;
    // Counted without loading the parse of a file taken back from its record, nor decoding its text when it has no diagnostics.
    items += service.index.shape(file).codes;
    const rel = path.relative(cwd, uriToPath(file.uri) ?? file.uri);
    const shown = service.diagnostics(uri);
    const doc = shown.length > 0 ? service.document(uri) : undefined;
    if (doc) {
      for (const d of shown) {
        located.push(locate(rel.split(path.sep).join('/'), d, doc.positionAt.bind(doc), service));
      }
    }
  }
  const errors = located.filter((d) => d.severity === 'error').length;
  const warnings = located.filter((d) => d.severity === 'warning').length;
  switch (opts.format) {
    case 'json':
      io.out(JSON.stringify({ diagnostics: located, summary: { files, items, errors, warnings } }, null, 2) + '\n');
      break;
    case 'github':
      for (const d of located) {
        const kind = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
        // The documented annotation shape `::error file=…,line=…,col=…::message`; the code leads the message.
        const props = `file=${ghEscape(d.file, true)},line=${d.line},col=${d.column}`;
        io.out(`::${kind} ${props}::${ghEscape(`${d.code}: ${d.message}`, false)}\n`);
      }
      io.out(summaryLine(files, items, errors, warnings) + '\n');
      break;
    default:
      for (const d of located) {
        io.out(`${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}\n`);
      }
      io.out(summaryLine(files, items, errors, warnings) + '\n');
  }
  return unreadable > 0 ? 2 : errors > 0 ? 1 : 0;
}

function summaryLine(files: number, items: number, errors: number, warnings: number): string {
  const n = (k: number, one: string): string => `${k} ${one}${k === 1 ? '' : 's'}`;
  return `${n(files, 'file')}, ${n(items, 'item')}: ${n(errors, 'error')}, ${n(warnings, 'warning')}`;
}

function locate(file: string, d: CodeDiagnostic, positionAt: (offset: number) => { line: number; character: number }, service: LanguageService): Located {
  const start = positionAt(d.span.start);
  const end = positionAt(d.span.end);
  return {
    file,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: d.severity,
    code: d.code,
    message: service.messages.format(d.message, d.suggestions),
  };
}

/** Entry point for `bin/strategy-check`. */
export function main(): void {
  // Output piped into a reader that stops early (`| head`) is not an error of the check.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') {
      process.exit(process.exitCode ?? 0);
    }
    throw e;
  });
  runAsProcess('strategy-check', (io) => runAsync(process.argv.slice(2), process.cwd(), io));
}

if (require.main === module) {
  main();
}

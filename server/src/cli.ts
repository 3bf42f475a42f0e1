/**
 * `strategy-check`: the language server's engine as a command-line checker
 * for CI. Same parser, same index, same diagnostics and ranges as the editor.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as os from 'os';
import { LanguageService } from './languageService';
import { CodeDiagnostic, ParsedFile } from './model/types';
import { findFiles, pathToUri, readTextFile, uriToPath } from './node/fileSystem';
import { engineId, ParseCache, textHash } from './node/parseCache';
import { ParsePool } from './node/parsePool';
import { loadSchemas } from './node/schemas';
import { SchemaSources } from './parse/schemaCheck';

type Format = 'text' | 'json' | 'github';

interface Options {
  format: Format;
  locale: string;
  paths: string[];
  /** The folder of the persistent parse cache, when one is used. */
  cache?: string;
  /** Parse threads; 1 parses on the main thread. */
  workers: number;
}

const USAGE = `Usage: strategy-check [--format text|json|github] [--locale en|cs] [--cache DIR] [--workers N] [paths…]

Checks the strategy documents (*.strategy.yaml|yml), descriptor catalogs
(*.descriptors.yaml|yml) and Markdown files below the given folders or the
given files (default: the current folder), as the Strategy Codes language
server does.

--cache DIR keeps the parsed files in DIR, so that the next run parses only
the files that changed; a damaged or outdated cache is ignored and rebuilt.
--workers N parses on N threads (default: one per core, at most 4).

Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable paths.`;

/** Thrown for bad usage; the message is shown and the exit status is 2. */
class UsageError extends Error {}

function parseArgs(argv: string[]): Options | 'help' {
  const opts: Options = { format: 'text', locale: 'en', paths: [], workers: Math.min(4, Math.max(1, os.availableParallelism?.() ?? os.cpus().length)) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (name: string): string => {
      const eq = arg.indexOf('=');
      if (eq >= 0) {
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
      if (f !== 'text' && f !== 'json' && f !== 'github') {
        throw new UsageError(`unknown format "${f}" (text, json or github)`);
      }
      opts.format = f;
    } else if (arg === '--locale' || arg.startsWith('--locale=')) {
      opts.locale = value('--locale');
    } else if (arg === '--cache' || arg.startsWith('--cache=')) {
      opts.cache = value('--cache');
    } else if (arg === '--workers' || arg.startsWith('--workers=')) {
      const n = value('--workers');
      if (!/^\d+$/.test(n) || Number(n) < 1) {
        throw new UsageError(`--workers needs a whole number of at least 1, not "${n}"`);
      }
      opts.workers = Number(n);
    } else if (arg === '--') {
      opts.paths.push(...argv.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      opts.paths.push(arg);
    }
  }
  if (opts.paths.length === 0) {
    opts.paths.push('.');
  }
  return opts;
}

interface Output {
  out: (s: string) => void;
  err: (s: string) => void;
}

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

/** The files found, read and waiting to be indexed. */
interface Prepared {
  opts: Options;
  service: LanguageService;
  schemas: SchemaSources;
  targets: { abs: string; dir: boolean }[];
  files: { uri: string; text: string; hash?: string; parsed?: ParsedFile; fromCache: boolean }[];
  cache: ParseCache | undefined;
  unreadable: number;
}

/**
 * Runs the checker on the main thread; returns the exit status. `runAsync`
 * is the same with the parsing spread over worker threads.
 */
export function run(argv: string[], cwd: string, io: Output): number {
  const prepared = prepare(argv, cwd, io);
  return typeof prepared === 'number' ? prepared : report(prepared, cwd, io);
}

/** Runs the checker, parsing on `--workers` threads when there are enough files to gain from them. */
export async function runAsync(argv: string[], cwd: string, io: Output): Promise<number> {
  const prepared = prepare(argv, cwd, io);
  if (typeof prepared === 'number') {
    return prepared;
  }
  const waiting = prepared.files.filter((f) => f.parsed === undefined && kindOf(prepared.service, f.uri) !== undefined);
  // Starting a worker costs about as much as parsing a few dozen files.
  if (prepared.opts.workers > 1 && waiting.length >= 64) {
    const pool = new ParsePool(prepared.opts.workers, prepared.schemas, prepared.service.parseLimits());
    try {
      const parsed = await pool.parse(waiting.map((f) => ({ uri: f.uri, text: f.text, kind: kindOf(prepared.service, f.uri) ?? 'strategy' })));
      waiting.forEach((f, i) => (f.parsed = parsed[i]));
    } finally {
      await pool.close();
    }
  }
  return report(prepared, cwd, io);
}

function kindOf(service: LanguageService, uri: string): 'strategy' | 'catalog' | undefined {
  const kind = service.kindOf(uri);
  return kind === 'strategy' || kind === 'catalog' ? kind : undefined;
}

/** Reads the arguments, finds and reads the files, and takes what the cache holds for them. */
function prepare(argv: string[], cwd: string, io: Output): Prepared | number {
  let opts: Options | 'help';
  try {
    opts = parseArgs(argv);
  } catch (e) {
    io.err(`strategy-check: ${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (opts === 'help') {
    io.out(USAGE + '\n');
    return 0;
  }
  const targets: { abs: string; dir: boolean }[] = [];
  for (const p of opts.paths) {
    const abs = path.resolve(cwd, p);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch (e) {
      io.err(`strategy-check: cannot read ${p}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
      return 2;
    }
    targets.push({ abs, dir: st.isDirectory() });
  }
  // Each folder is a workspace root; a file named on its own is checked with the files of its folder.
  const roots = [...new Set(targets.map((t) => (t.dir ? t.abs : path.dirname(t.abs))))];
  const schemas = loadSchemas();
  const service = new LanguageService({ schemas, locale: opts.locale, roots: roots.map(pathToUri) });
  const cache = opts.cache !== undefined ? new ParseCache(path.resolve(cwd, opts.cache), engineId([JSON.stringify(schemas), JSON.stringify(service.parseLimits())])) : undefined;
  const files: Prepared['files'] = [];
  // A file that cannot be read (a FIFO, no permission, deleted meanwhile) is named and skipped: the rest is still checked.
  let unreadable = 0;
  for (const root of roots) {
    // The URI of a found file is built as for `update`: a `%` or space in a folder name must be encoded.
    for (const file of findFiles(root, (rel) => service.kindOf(pathToUri(path.join(root, rel))) !== undefined)) {
      const res = readTextFile(file);
      if (res.error !== undefined) {
        io.err(`strategy-check: cannot read ${path.relative(cwd, file)}: ${res.error}\n`);
        unreadable++;
        continue;
      }
      const uri = pathToUri(file);
      const hash = cache && kindOf(service, uri) ? textHash(res.text) : undefined;
      const parsed = hash !== undefined ? cache?.get(uri, hash) : undefined;
      files.push({ uri, text: res.text, hash, parsed, fromCache: parsed !== undefined });
    }
  }
  return { opts, service, schemas, targets, files, cache, unreadable };
}

/** Indexes the files (parsing those not parsed yet), stores new parses in the cache, and prints the diagnostics. */
function report(prepared: Prepared, cwd: string, io: Output): number {
  const { opts, service, targets, cache } = prepared;
  for (const f of prepared.files) {
    service.update(f.uri, f.text, f.parsed);
    const parsed = service.index.get(f.uri)?.parsed;
    if (cache && f.hash !== undefined && parsed && !f.fromCache) {
      cache.set(f.uri, f.hash, parsed);
    }
    // The text now lives in the index: the list does not keep a second reference to it.
    f.text = '';
    f.parsed = undefined;
  }
  if (cache?.stats.unwritable !== undefined) {
    io.err(`strategy-check: the cache ${opts.cache ?? ''} cannot be written (${cache.stats.unwritable}); files are checked without it\n`);
  }
  const unreadable = prepared.unreadable;
  const reported = new Set<string>();
  for (const t of targets) {
    if (!t.dir) {
      const uri = pathToUri(t.abs);
      if (!service.index.has(uri)) {
        io.err(`strategy-check: ${path.relative(cwd, t.abs)} is not a strategy (*.strategy.yaml), catalog (*.descriptors.yaml) or Markdown file\n`);
        return 2;
      }
      reported.add(uri);
    }
  }
  const inTarget = (uri: string): boolean =>
    reported.has(uri) || targets.some((t) => t.dir && uri.startsWith(pathToUri(t.abs) + '/'));
  const located: Located[] = [];
  let files = 0;
  let items = 0;
  for (const uri of service.index.uris().sort()) {
    if (!inTarget(uri)) {
      continue;
    }
    const file = service.index.get(uri);
    const doc = service.document(uri);
    if (!file || !doc) {
      continue;
    }
    files++;
    if (file.parsed.kind === 'strategy') {
      items += file.parsed.items.length;
    }
    const rel = path.relative(cwd, uriToPath(file.uri) ?? file.uri);
    for (const d of service.diagnostics(uri)) {
      located.push(locate(rel.split(path.sep).join('/'), d, doc.positionAt.bind(doc), service));
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
  void runAsync(process.argv.slice(2), process.cwd(), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) })
    .catch((e: unknown) => {
      process.stderr.write(`strategy-check: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      return 2;
    })
    .then((status) => {
      process.exitCode = status;
    });
}

if (require.main === module) {
  main();
}

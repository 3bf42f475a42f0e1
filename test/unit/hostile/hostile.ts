/**
 * The one helper behind the hostile-input tests: a file's bytes go onto disk
 * next to a healthy strategy document, and are checked both ways a user
 * meets them — read from disk and indexed as the language server does, and
 * by the `strategy-check` CLI. Each test then asserts what the user sees (the
 * diagnostic's code, line and message, in both), that it came within a time
 * bound, and that the healthy neighbour is untouched.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { Diagnostic } from 'vscode-languageserver-protocol';
import { run } from '../../../server/src/cli';
import { LanguageService } from '../../../server/src/languageService';
import { pathToUri, readTextFile } from '../../../server/src/node/fileSystem';
import { DEFAULT_SETTINGS, Settings } from '../../../server/src/settings';
import { schemas } from '../fixture';

/** A healthy document beside every hostile file: its diagnostics must stay exactly these (none). */
export const HEALTHY = `strategy: zdrava
title: Zdravá strategie
items:
  - id: 1
    title: Priorita
    items:
      - id: 1.A
        title: Cíl
`;

/** One diagnostic as the CLI prints it (`--format json`). */
export interface CliDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

export interface HostileResult {
  /** The hostile file's diagnostics, as the server would publish them. */
  lsp: Diagnostic[];
  /** Milliseconds the server's work took (read, index, diagnostics). */
  ms: number;
  /** The hostile file's diagnostics as the CLI reports them. */
  cli: CliDiagnostic[];
  /** The CLI's exit status; -1 when it was not run. */
  cliStatus: number;
  cliMs: number;
  /** What the CLI wrote to stderr. */
  cliErrors: string;
  service: LanguageService;
  uri: string;
}

/**
 * Writes `content` as `name` beside the healthy document, indexes the folder and runs the CLI on it.
 * The CLI has no settings, so with `settings` (and with `cli: false`, for inputs that take long to
 * parse) only the server's side is checked.
 */
export function checkHostile(content: string | Buffer, options: { name?: string; settings?: Partial<Settings>; cli?: boolean } = {}): HostileResult {
  const name = options.name ?? 'hostile.strategy.yaml';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-hostile-'));
  try {
    fs.writeFileSync(path.join(dir, name), content);
    fs.writeFileSync(path.join(dir, 'zdrava.strategy.yaml'), HEALTHY);
    const settings = { ...DEFAULT_SETTINGS, ...options.settings };
    const root = pathToUri(dir);
    const uri = pathToUri(path.join(dir, name));
    const healthyUri = pathToUri(path.join(dir, 'zdrava.strategy.yaml'));

    const t0 = performance.now();
    const service = new LanguageService({ schemas: schemas(), roots: [root], settings });
    const setup = performance.now() - t0;
    for (const file of [name, 'zdrava.strategy.yaml']) {
      const read = readTextFile(path.join(dir, file));
      assert.ok(read.text !== undefined, `cannot read ${file}: ${read.error}`);
      service.update(pathToUri(path.join(dir, file)), read.text);
    }
    const lsp = service.lspDiagnostics(uri);
    assert.deepStrictEqual(service.lspDiagnostics(healthyUri), [], 'the healthy document next to the hostile one is affected');
    const ms = performance.now() - t0 - setup;

    let out = '';
    let err = '';
    const c0 = performance.now();
    const cliStatus = options.settings || options.cli === false ? -1 : run(['--format', 'json', dir], dir, { out: (s) => (out += s), err: (s) => (err += s) });
    const cliMs = performance.now() - c0;
    const parsed = out ? (JSON.parse(out) as { diagnostics: CliDiagnostic[] }) : { diagnostics: [] };
    assert.ok(
      parsed.diagnostics.every((d) => d.file === name),
      `the CLI reports something in the healthy document: ${JSON.stringify(parsed.diagnostics.filter((d) => d.file !== name))}`,
    );
    return { lsp, ms, cli: parsed.diagnostics, cliStatus, cliMs, cliErrors: err, service, uri };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What a test expects the user to see: one diagnostic of `code` on `line` (1-based), its English message matching. */
export interface Expected {
  code: string;
  line: number;
  message: RegExp;
  /** Other diagnostics the file may have besides this one (by default none). */
  others?: 'any' | string[];
}

/**
 * Asserts that the server and the CLI both report the expected diagnostic
 * at the same line, and nothing else unless allowed.
 */
export function expectDiagnostic(result: HostileResult, expected: Expected): void {
  const describe = (ds: { code?: unknown; line: number; message: string }[]): string => ds.map((d) => `${String(d.code)}@${d.line}: ${d.message}`).join('\n');
  const lsp = result.lsp.map((d) => ({ code: d.code, line: d.range.start.line + 1, message: messageText(d) }));
  const matching = lsp.filter((d) => d.code === expected.code && d.line === expected.line && expected.message.test(d.message));
  assert.strictEqual(matching.length, 1, `expected one ${expected.code} on line ${expected.line} matching ${String(expected.message)}; the server has:\n${describe(lsp)}`);
  if (expected.others !== 'any') {
    const allowed = new Set([expected.code, ...(expected.others ?? [])]);
    const extra = lsp.filter((d) => d !== matching[0] && !allowed.has(String(d.code)));
    assert.deepStrictEqual(extra, [], `unexpected other diagnostics:\n${describe(extra)}`);
    if (!expected.others) {
      assert.strictEqual(lsp.length, 1, `expected exactly one diagnostic:\n${describe(lsp)}`);
    }
  }
  if (result.cliStatus === -1) {
    return;
  }
  const cli = result.cli.filter((d) => d.code === expected.code && d.line === expected.line && expected.message.test(d.message));
  assert.strictEqual(cli.length, 1, `the CLI does not name the file and line of the ${expected.code}:\n${describe(result.cli)}`);
  if (cli[0].severity === 'error') {
    assert.strictEqual(result.cliStatus, 1, 'an error makes the CLI exit with status 1');
  }
}

/** A diagnostic's message as plain text. */
export function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** Asserts that a step took less than `ms` milliseconds: the point is "does not hang", so bounds are generous. */
export function expectWithin(ms: number, bound: number, what: string): void {
  assert.ok(ms < bound, `${what} took ${Math.round(ms)} ms (bound ${bound} ms)`);
}

/** The 1-based line of the first occurrence of `needle` in `text`. */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${JSON.stringify(needle)} not in the text`);
  return text.slice(0, at).split('\n').length;
}

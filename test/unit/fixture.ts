/**
 * Test fixtures as strings: several files in one string (`//- /path`
 * headers), expected ranges marked with `⟦` … `⟧`, and a cursor `$0`.
 * A fixture reads like the situation it checks.
 */
import * as assert from 'assert';
import * as path from 'path';
import { LanguageService } from '../../server/src/languageService';
import { loadSchemas } from '../../server/src/node/schemas';
import { DEFAULT_LIMITS, parseFile } from '../../server/src/parse/parseFile';
import { compileSchemas, SchemaSources } from '../../server/src/parse/schemaCheck';
import { DEFAULT_SETTINGS, Settings } from '../../server/src/settings';
import { CodeDiagnostic, DiagnosticCode } from '../../server/src/model/types';

export const ROOT = 'file:///ws';

let schemaCache: SchemaSources | undefined;

/** The project's schemas, read once per test run (they are plain data). */
export function schemas(): SchemaSources {
  schemaCache ??= loadSchemas(path.resolve(__dirname));
  return schemaCache;
}

export interface FixtureFile {
  uri: string;
  /** The text without markers. */
  text: string;
  /** The `⟦…⟧` ranges, as offsets into `text`. */
  marks: { start: number; end: number }[];
  /** The `$0` offset, when there is one. */
  cursor?: number;
}

export interface Fixture {
  service: LanguageService;
  files: FixtureFile[];
  file(name: string): FixtureFile;
  /** The file that holds the cursor. */
  cursorFile(): FixtureFile & { cursor: number };
}

/** Strips `⟦`, `⟧` and `$0` from a text, recording where they stood. */
export function stripMarkers(raw: string): { text: string; marks: { start: number; end: number }[]; cursor?: number } {
  let text = '';
  const marks: { start: number; end: number }[] = [];
  const open: number[] = [];
  let cursor: number | undefined;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '⟦') {
      open.push(text.length);
    } else if (raw[i] === '⟧') {
      const start = open.pop();
      assert.ok(start !== undefined, 'unbalanced ⟧ in fixture');
      marks.push({ start, end: text.length });
    } else if (raw.startsWith('$0', i)) {
      cursor = text.length;
      i++;
    } else {
      text += raw[i];
    }
  }
  marks.sort((a, b) => a.start - b.start);
  return { text, marks, cursor };
}

/** Splits a fixture into files. Without any `//- ` header the whole string is `/a.strategy.yaml`. */
export function parseFixture(source: string): FixtureFile[] {
  const lines = source.replace(/^\n/, '').split('\n');
  const files: FixtureFile[] = [];
  let name = '/a.strategy.yaml';
  let body: string[] = [];
  const flush = (): void => {
    if (body.some((l) => l.trim().length > 0) || files.length > 0 || name !== '/a.strategy.yaml') {
      const indent = Math.min(...body.filter((l) => l.trim().length > 0).map((l) => l.length - l.trimStart().length), 1e9);
      const raw = body.map((l) => l.slice(indent === 1e9 ? 0 : indent)).join('\n');
      const { text, marks, cursor } = stripMarkers(raw.replace(/\n\s*$/, '\n'));
      files.push({ uri: ROOT + name, text, marks, cursor });
    }
  };
  for (const line of lines) {
    const m = /^\s*\/\/- (\S+)\s*$/.exec(line);
    if (m) {
      if (body.length > 0) {
        flush();
      }
      name = m[1];
      body = [];
    } else {
      body.push(line);
    }
  }
  flush();
  return files;
}

/**
 * Asserts that the fast parse route and the full `yaml` parse read a
 * strategy or catalog text to the same `ParsedFile` (Markdown and other
 * files are not YAML and are skipped).
 */
export function expectSameParse(uri: string, text: string): void {
  const kind = /\.strategy\.ya?ml$/.test(uri) ? 'strategy' : /\.descriptors\.ya?ml$/.test(uri) ? 'catalog' : undefined;
  if (!kind) {
    return;
  }
  const validators = compileSchemas(schemas());
  const fast = parseFile(uri, text, kind, validators, DEFAULT_LIMITS, 'auto');
  const full = parseFile(uri, text, kind, validators, DEFAULT_LIMITS, 'full');
  assert.deepStrictEqual(fast, full, `the fast route reads ${uri} differently from the full parse:\n${text}`);
}

/** A language service over the fixture's files; every YAML file is also checked to parse the same by both routes. */
export function fixture(source: string, settings: Partial<Settings> = {}, locale = 'en'): Fixture {
  const files = parseFixture(source);
  for (const f of files) {
    expectSameParse(f.uri, f.text);
  }
  const service = new LanguageService({ schemas: schemas(), roots: [ROOT], locale, settings: { ...DEFAULT_SETTINGS, ...settings } });
  for (const f of files) {
    service.update(f.uri, f.text);
  }
  return {
    service,
    files,
    file(name: string): FixtureFile {
      const f = files.find((x) => x.uri === ROOT + name || x.uri.endsWith(name));
      assert.ok(f, `no file ${name} in fixture`);
      return f;
    },
    cursorFile() {
      const f = files.find((x) => x.cursor !== undefined);
      assert.ok(f && f.cursor !== undefined, 'no $0 cursor in fixture');
      return f as FixtureFile & { cursor: number };
    },
  };
}

/** Diagnostics of one code across every fixture file. */
export function diagnosticsOf(fx: Fixture, code: DiagnosticCode): (CodeDiagnostic & { uri: string })[] {
  return fx.files.flatMap((f) => fx.service.diagnostics(f.uri).filter((d) => d.code === code).map((d) => ({ ...d, uri: f.uri })));
}

function describeSpan(f: FixtureFile | undefined, s: { start: number; end: number }): string {
  return f ? `${f.uri.slice(ROOT.length)}@${s.start}-${s.end} «${f.text.slice(s.start, s.end)}»` : `${s.start}-${s.end}`;
}

/**
 * Asserts that the diagnostics with `code` stand exactly at the `⟦…⟧`
 * ranges of the fixture (each range once per expected diagnostic; a range
 * may be marked twice when two diagnostics share it).
 */
export function expectAtMarks(fx: Fixture, code: DiagnosticCode): void {
  const actual = diagnosticsOf(fx, code)
    .map((d) => describeSpan(fx.files.find((f) => f.uri === d.uri), d.span))
    .sort();
  const expected = fx.files.flatMap((f) => f.marks.map((m) => describeSpan(f, m))).sort();
  assert.deepStrictEqual(actual, expected, `${code} diagnostics`);
}

/** Asserts that no file has a diagnostic of any code (or of one code). */
export function expectClean(fx: Fixture, code?: DiagnosticCode): void {
  const all = fx.files.flatMap((f) =>
    fx.service
      .diagnostics(f.uri)
      .filter((d) => code === undefined || d.code === code)
      .map((d) => `${describeSpan(f, d.span)} ${d.code}: ${fx.service.messages.format(d.message, d.suggestions)}`),
  );
  assert.deepStrictEqual(all, [], 'expected no diagnostics');
}

/** The formatted messages of the diagnostics with `code`. */
export function messagesOf(fx: Fixture, code: DiagnosticCode): string[] {
  return diagnosticsOf(fx, code).map((d) => fx.service.messages.format(d.message, d.suggestions));
}

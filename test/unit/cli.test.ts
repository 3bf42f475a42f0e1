/**
 * The command-line checker (`strategy-check`): output formats, exit status,
 * the example workspace, and agreement with the language service.
 */
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../server/src/cli';
import { LanguageService } from '../../server/src/languageService';
import { pathToUri } from '../../server/src/node/fileSystem';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { parseFixture, ROOT, schemas } from './fixture';

const REPO = path.resolve(__dirname, '../../..');

interface Result {
  status: number;
  out: string;
  err: string;
}

/** Runs the checker in-process. */
function check(argv: string[], cwd: string): Result {
  let out = '';
  let err = '';
  const status = run(argv, cwd, { out: (s) => (out += s), err: (s) => (err += s) });
  return { status, out, err };
}

/** Writes a fixture (`//- /path` headers) into a new temporary folder; returns the folder. */
function workspace(source: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-check-'));
  for (const f of parseFixture(source)) {
    const file = path.join(dir, f.uri.slice(ROOT.length + 1));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, f.text);
  }
  return dir;
}

const dirs: string[] = [];
function temp(source: string): string {
  const dir = workspace(source);
  dirs.push(dir);
  return dir;
}

after(() => {
  for (const d of dirs) {
    fs.rmSync(d, { recursive: true, force: true });
  }
});

/** One error (unknown-item) and one warning (numbering-gap). */
const BROKEN = `
//- /praha/a.strategy.yaml
strategy: a
title: A
items:
  - id: 1
    title: P
    related: [1.B]
  - id: 3
    title: P
//- /notes.md
Nothing here.
`;

/** Only a warning. */
const WARNING_ONLY = `
//- /a.strategy.yaml
strategy: a
title: A
items:
  - id: 2
    title: P
`;

interface JsonOutput {
  diagnostics: { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }[];
  summary: { files: number; items: number; errors: number; warnings: number };
}

describe('cli: strategy-check', () => {
  describe('text format', () => {
    it('prints `path:line:col: severity code message` per diagnostic and a summary line; exit 1 with errors', () => {
      const dir = temp(BROKEN);
      const r = check([], dir);
      assert.strictEqual(r.status, 1);
      assert.strictEqual(
        r.out,
        [
          'praha/a.strategy.yaml:6:15: error unknown-item Unknown objective `1.B`.',
          'praha/a.strategy.yaml:7:9: warning numbering-gap Numbering gap: `2` is missing before `3`.',
          '2 files, 2 items: 1 error, 1 warning',
          '',
        ].join('\n'),
      );
      assert.strictEqual(r.err, '');
    });

    it('exits 0 with warnings only', () => {
      const r = check(['.'], temp(WARNING_ONLY));
      assert.strictEqual(r.status, 0);
      assert.match(r.out, /^a\.strategy\.yaml:4:9: warning numbering-gap /);
      assert.match(r.out, /\n1 file, 1 item: 0 errors, 1 warning\n$/);
    });

    it('exits 0 and prints only the summary for a clean workspace', () => {
      const r = check([], temp('//- /a.strategy.yaml\nstrategy: a\ntitle: A\n'));
      assert.deepStrictEqual(r, { status: 0, out: '1 file, 0 items: 0 errors, 0 warnings\n', err: '' });
    });

    it('prints paths relative to the current folder, with `/`', () => {
      const dir = temp(BROKEN);
      const r = check(['praha'], dir);
      assert.match(r.out, /^praha\/a\.strategy\.yaml:6:15: /);
      fs.mkdirSync(path.join(dir, 'docs'));
      const up = check(['..'], path.join(dir, 'docs'));
      assert.match(up.out, /^\.\.\/praha\/a\.strategy\.yaml:6:15: /);
    });

    it('checks one file named on its own, resolving against the files of its folder', () => {
      const dir = temp(`
//- /a.strategy.yaml
strategy: a
title: A
items:
  - id: 1
    title: P
    related: [b/2, b/9]
//- /b.strategy.yaml
strategy: b
title: B
items:
  - id: 2
    title: P
`);
      const r = check(['a.strategy.yaml'], dir);
      // b.strategy.yaml has a numbering gap of its own; only the file named is reported.
      assert.strictEqual(r.out, 'a.strategy.yaml:6:20: error unknown-item Unknown priority `9` in `b`.\n1 file, 1 item: 1 error, 0 warnings\n');
    });

    it('reads a BOM and CRLF file with the same lines and columns', () => {
      const dir = temp('//- /a.strategy.yaml\nstrategy: a\n');
      fs.writeFileSync(path.join(dir, 'a.strategy.yaml'), '\uFEFFstrategy: a\r\ntitle: A\r\nitems:\r\n  - id: 1\r\n    title: P\r\n    related: [1.B]\r\n');
      assert.strictEqual(check([], dir).out.split('\n')[0], 'a.strategy.yaml:6:15: error unknown-item Unknown objective `1.B`.');
    });

    it('reports Markdown and catalog files too', () => {
      const dir = temp(`
//- /docs/poznamky.md
Viz nikde/1.A.
//- /c.descriptors.yaml
catalog: c
title: C
areas:
  - id: XXII
    descriptors:
      - { id: XXII.A, title: x }
`);
      const r = check([], dir);
      assert.deepStrictEqual(
        r.out.split('\n').filter((l) => l.includes(': error ')).map((l) => l.split(' ').slice(0, 3).join(' ')),
        ['c.descriptors.yaml:6:15: error invalid-id', 'docs/poznamky.md:1:5: error unknown-strategy'],
      );
    });

    it('writes messages in Czech with --locale cs', () => {
      const r = check(['--locale', 'cs'], temp(BROKEN));
      assert.match(r.out, /error unknown-item Neznámý specifický cíl `1\.B`\./);
      assert.match(r.out, /warning numbering-gap Mezera v číslování: před `3` chybí `2`\./);
    });
  });

  describe('json format', () => {
    it('has exactly the documented shape, 1-based positions and paths relative to the cwd', () => {
      const r = check(['--format', 'json'], temp(BROKEN));
      assert.strictEqual(r.status, 1);
      const json = JSON.parse(r.out) as JsonOutput;
      assert.deepStrictEqual(Object.keys(json), ['diagnostics', 'summary']);
      assert.deepStrictEqual(json.diagnostics, [
        { file: 'praha/a.strategy.yaml', line: 6, column: 15, endLine: 6, endColumn: 18, severity: 'error', code: 'unknown-item', message: 'Unknown objective `1.B`.' },
        { file: 'praha/a.strategy.yaml', line: 7, column: 9, endLine: 7, endColumn: 10, severity: 'warning', code: 'numbering-gap', message: 'Numbering gap: `2` is missing before `3`.' },
      ]);
      for (const d of json.diagnostics) {
        assert.deepStrictEqual(Object.keys(d), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
      }
      assert.deepStrictEqual(json.summary, { files: 2, items: 2, errors: 1, warnings: 1 });
      assert.deepStrictEqual(Object.keys(json.summary), ['files', 'items', 'errors', 'warnings']);
    });

    it('is valid JSON with an empty list for a clean workspace (`--format=json`)', () => {
      const r = check(['--format=json'], temp('//- /a.strategy.yaml\nstrategy: a\ntitle: A\n'));
      assert.strictEqual(r.status, 0);
      assert.deepStrictEqual(JSON.parse(r.out), { diagnostics: [], summary: { files: 1, items: 0, errors: 0, warnings: 0 } });
    });
  });

  describe('github format', () => {
    it('prints one workflow annotation per diagnostic', () => {
      const r = check(['--format', 'github'], temp(BROKEN));
      assert.strictEqual(r.status, 1);
      const lines = r.out.split('\n').filter((l) => l.startsWith('::'));
      assert.deepStrictEqual(lines, [
        '::error file=praha/a.strategy.yaml,line=6,col=15::unknown-item: Unknown objective `1.B`.',
        '::warning file=praha/a.strategy.yaml,line=7,col=9::numbering-gap: Numbering gap: `2` is missing before `3`.',
      ]);
    });

    it('escapes `%`, `,` and `:` in properties and line breaks in messages', () => {
      const dir = temp('//- /50%,a:b/a.strategy.yaml\nstrategy: a\ntitle: A\nitems:\n  - { id: 2, title: P }\n');
      const r = check(['--format', 'github'], dir);
      assert.match(r.out, /^::warning file=50%25%2Ca%3Ab\/a\.strategy\.yaml,line=4,col=11::/);
    });
  });

  describe('exit status 2', () => {
    const cases: [string, string[], RegExp][] = [
      ['an unknown option', ['--fromat', 'json'], /unknown option --fromat/],
      ['an unknown format', ['--format', 'xml'], /unknown format "xml"/],
      ['a missing option value', ['--format'], /--format needs a value/],
      ['a path that does not exist', ['nikde'], /cannot read nikde: ENOENT/],
      ['a path that cannot be read (through a file)', ['readme.txt/a.strategy.yaml'], /cannot read readme\.txt\/a\.strategy\.yaml: ENOTDIR/],
      ['a file that is not a strategy, catalog or Markdown file', ['readme.txt'], /readme\.txt is not a strategy/],
    ];
    for (const [name, argv, message] of cases) {
      it(`for ${name}, with a message`, () => {
        const dir = temp('//- /readme.txt\nx\n');
        const r = check(argv, dir);
        assert.strictEqual(r.status, 2);
        assert.strictEqual(r.out, '');
        assert.match(r.err, message);
      });
    }

    it('but 0 for --help, with the usage', () => {
      const r = check(['--help'], REPO);
      assert.strictEqual(r.status, 0);
      assert.match(r.out, /^Usage: strategy-check/);
    });
  });

  describe('the example workspace', () => {
    it('has only the seven numbering gaps of the Prague export', () => {
      const r = check(['--format', 'json', 'examples'], REPO);
      const json = JSON.parse(r.out) as JsonOutput;
      assert.strictEqual(r.status, 0);
      assert.deepStrictEqual(
        json.diagnostics.map((d) => `${d.file}:${d.line} ${d.severity} ${d.code} ${d.message}`),
        [
          ['76', '8', '1.C.9'],
          ['85', '10', '2.A.11'],
          ['168', '20', '4.A.21'],
          ['196', '25', '4.C.27'],
          ['196', '26', '4.C.27'],
          ['208', '29', '5.A.30'],
          ['220', '32', '5.B.33'],
        ].map(([line, missing, next]) => `examples/praha/praha-integrace.strategy.yaml:${line} warning numbering-gap Numbering gap: \`${missing}\` is missing before \`${next}\`.`),
      );
      assert.deepStrictEqual({ ...json.summary, items: json.summary.items > 100 }, { files: 6, items: true, errors: 0, warnings: 7 });
    });
  });

  describe('agrees with the language service', () => {
    it('on every diagnostic: code, severity, range and message', () => {
      const source = `
//- /a.strategy.yaml
strategy: a
title: A
goalsFrom: plan
actors:
  - id: nmc
items:
  - id: 1
    title: P
    related: [1.B, b/1, nikde/1, 1]
    goals: [A9]
    descriptors: [VIII.e, VIII.z, viii.e]
    responsible: nmcc
    titel: x
    items:
      - id: 2.A
        title: C
  - id: 3
    title: "P
//- /b.strategy.yaml
strategy: b
title: B
items:
  - { id: 1, title: X }
  - { id: 1, title: X }
//- /plan.strategy.yaml
strategy: plan
//- /c.descriptors.yaml
catalog: c
title: C
//- /poznamky.md
---
strategy: nikde
---
Viz b/7 a \`a/1.Z\`.
`;
      const dir = temp(source);
      const r = check(['--format', 'json'], dir);
      const cli = (JSON.parse(r.out) as JsonOutput).diagnostics.map((d) => JSON.stringify(d));
      const service = new LanguageService({ schemas: schemas(), roots: [pathToUri(dir)], locale: 'en', settings: DEFAULT_SETTINGS });
      const files = parseFixture(source).map((f) => ({ rel: f.uri.slice(ROOT.length + 1), text: f.text }));
      for (const f of files) {
        service.update(pathToUri(path.join(dir, f.rel)), f.text);
      }
      const lsp = files
        .sort((a, b) => (pathToUri(path.join(dir, a.rel)) < pathToUri(path.join(dir, b.rel)) ? -1 : 1))
        .flatMap((f) =>
          service.lspDiagnostics(pathToUri(path.join(dir, f.rel))).map((d) =>
            JSON.stringify({
              file: f.rel,
              line: d.range.start.line + 1,
              column: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
              severity: ['', 'error', 'warning', 'information', 'hint'][d.severity ?? 0],
              code: d.code,
              message: d.message,
            }),
          ),
        );
      assert.ok(cli.length >= 10, `expected many diagnostics, got ${cli.length}`);
      assert.deepStrictEqual(cli, lsp);
    });
  });

  describe('bin/strategy-check.js (child process)', () => {
    it('prints the diagnostics and exits with the status of `run`', () => {
      const dir = temp(BROKEN);
      const bin = path.join(REPO, 'bin', 'strategy-check.js');
      let status = 0;
      let out = '';
      try {
        out = execFileSync(process.execPath, [bin, '--format', 'json'], { cwd: dir, encoding: 'utf8' });
      } catch (e) {
        const err = e as { status: number; stdout: string };
        status = err.status;
        out = err.stdout;
      }
      assert.strictEqual(status, 1);
      assert.deepStrictEqual((JSON.parse(out) as JsonOutput).summary, { files: 2, items: 2, errors: 1, warnings: 1 });
      assert.strictEqual(execFileSync(process.execPath, [bin, 'examples'], { cwd: REPO, encoding: 'utf8' }).trimEnd().split('\n').pop(), '6 files, 164 items: 0 errors, 7 warnings');
    });

    it('exits 2 with a message for a path that does not exist', () => {
      const bin = path.join(REPO, 'bin', 'strategy-check.js');
      try {
        execFileSync(process.execPath, [bin, 'nikde-neni'], { cwd: os.tmpdir(), encoding: 'utf8', stdio: 'pipe' });
        assert.fail('should exit 2');
      } catch (e) {
        const err = e as { status: number; stderr: string };
        assert.strictEqual(err.status, 2);
        assert.match(err.stderr, /cannot read nikde-neni/);
      }
    });

    it('stops quietly when the reader of its output goes away (`| head -1`)', () => {
      const bin = path.join(REPO, 'bin', 'strategy-check.js');
      const shell = `"${process.execPath}" "${bin}" examples | head -1`;
      const r = spawnSync('/bin/sh', ['-c', shell], { cwd: REPO, encoding: 'utf8' });
      assert.match(r.stdout, /^examples\/praha\/praha-integrace\.strategy\.yaml:\d+:\d+: warning numbering-gap/);
      assert.strictEqual(r.stderr, '', 'no stack trace');
    });
  });
});

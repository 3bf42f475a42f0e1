/**
 * The fuzzing loop: mutants of the example workspace go through the language
 * service as an editing session would send them (one file changed at a time,
 * sometimes deleted and brought back), and after each one:
 *
 * - no call throws, and none takes longer than the bound;
 * - every diagnostic and every range in a feature's result is well-formed;
 * - the incrementally updated index equals one built from scratch from the
 *   same texts (every mutant against a fresh index over the same parser; every
 *   `freshEvery` mutants against a whole new language service).
 *
 * Everything is drawn from one seeded generator, so a failure is reproduced by
 * running the same seed with the same number of mutants.
 */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { CancellationToken, ResponseError } from 'vscode-languageserver-protocol';
import { BUILTIN_CATALOG_TEXT, BUILTIN_CATALOG_URI } from '../../server/src/catalog/builtinCatalog';
import { computeDiagnostics } from '../../server/src/features/diagnostics';
import { LanguageService } from '../../server/src/languageService';
import { ParsedFile } from '../../server/src/model/types';
import { WorkspaceIndex } from '../../server/src/model/workspaceIndex';
import { loadSchemas } from '../../server/src/node/schemas';
import { DEFAULT_LIMITS, parseFile } from '../../server/src/parse/parseFile';
import { parseMarkdown } from '../../server/src/parse/parseMarkdown';
import { compileSchemas, SchemaSources, SchemaValidators } from '../../server/src/parse/schemaCheck';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { CallSite, discoverFeatures, Feature } from './features';
import { checkDiagnostics, checkResultRanges } from './invariants';
import { mutate } from './mutators';
import { Random } from './random';

export const ROOT = 'file:///ws';

export interface FuzzOptions {
  seed: number;
  mutants: number;
  /** No single call may take longer (ms). */
  boundMs: number;
  /** Feature call sites per mutant in the mutated file (one more in another file, one out of range). */
  positions: number;
  /** A whole new language service is compared every this many mutants (and after the last one); 0 for only after the last. */
  freshEvery: number;
  /** Stop after this many failures. */
  maxFailures: number;
  /** The folder whose `*.strategy.yaml` and `*.md` files are mutated. */
  examplesDir: string;
}

export interface FuzzFailure {
  mutant: number;
  uri: string;
  mutators: string[];
  kind: 'exception' | 'slow' | 'invariant' | 'mismatch';
  feature: string;
  detail: string;
  /** The mutated file's text, to reproduce the failure on its own. */
  text: string;
}

export interface FuzzResult {
  seed: number;
  mutants: number;
  calls: number;
  features: string[];
  skipped: string[];
  failures: FuzzFailure[];
  slowest: { feature: string; ms: number };
  ms: number;
}

/** A small workspace catalog, so that catalogs are mutated too: one built-in code redefined, one added. */
const CATALOG = `catalog: ukazkovy-katalog
title: Ukázkový katalog deskriptorů
areas:
  - id: VIII
    title: Sociální začleňování
    descriptors:
      - id: VIII.e
        title: začleňování cizinců
      - id: VIII.x
        title: ukázkový deskriptor
`;

/** The example workspace as URI → text, plus a small catalog. */
export function exampleFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        walk(full);
      } else if (/\.(strategy\.ya?ml|descriptors\.ya?ml|md)$/.test(e.name)) {
        files.set(`${ROOT}/${path.relative(dir, full).split(path.sep).join('/')}`, fs.readFileSync(full, 'utf8'));
      }
    }
  };
  walk(dir);
  files.set(`${ROOT}/katalog.descriptors.yaml`, CATALOG);
  return files;
}

/** Plain JSON of a parse result, with the partial-reparse bookkeeping removed and diagnostics in a stable order. */
function normalizeParsed(parsed: ParsedFile | undefined): string {
  if (!parsed) {
    return 'undefined';
  }
  const plain = JSON.parse(JSON.stringify({ ...parsed, nodeDiagnostics: undefined })) as { diagnostics: unknown[] };
  plain.diagnostics = plain.diagnostics.map((d) => JSON.stringify(d)).sort();
  return JSON.stringify(plain);
}

function normalizeList(list: unknown[]): string {
  return JSON.stringify(list.map((d) => JSON.stringify(d)).sort());
}

/**
 * An index built from scratch from the given texts with the same parser the
 * service uses, but no history: the reference the incremental index must equal.
 * Parses of unchanged texts are reused (the parser is a pure function of the
 * text), so that the check costs one parse per mutant.
 */
class ScratchIndex {
  private cache = new Map<string, { text: string; parsed: ParsedFile | undefined }>();

  constructor(
    private readonly service: LanguageService,
    private readonly validators: SchemaValidators,
  ) {}

  private parse(uri: string, text: string): ParsedFile | undefined {
    const hit = this.cache.get(uri);
    if (hit && hit.text === text) {
      return hit.parsed;
    }
    const kind = this.service.kindOf(uri);
    const limits = { ...DEFAULT_LIMITS, maxFileLength: this.service.settings.maxFileSizeMB * 1024 * 1024 };
    const parsed = kind === 'markdown' ? parseMarkdown(uri, text) : kind ? parseFile(uri, text, kind, this.validators, limits) : undefined;
    this.cache.set(uri, { text, parsed });
    return parsed;
  }

  build(files: Map<string, string>): WorkspaceIndex {
    const index = new WorkspaceIndex(
      (uri, text) => this.parse(uri, text),
      (idx, file) => computeDiagnostics(this.service.resolveContext(), idx, file),
    );
    if (this.service.settings.builtinCatalog) {
      index.update(BUILTIN_CATALOG_URI, BUILTIN_CATALOG_TEXT);
    }
    for (const [uri, text] of files) {
      index.update(uri, text);
    }
    return index;
  }
}

/** A token that says "cancelled" from the start: a feature must still return, quickly, without throwing. */
const CANCELLED: CancellationToken = { isCancellationRequested: true, onCancellationRequested: () => ({ dispose: () => undefined }) };

type Fail = (kind: FuzzFailure['kind'], feature: string, detail: string, where?: string) => void;

/** Runs the fuzzer. */
export function runFuzz(options: FuzzOptions): FuzzResult {
  const started = performance.now();
  const schemas: SchemaSources = loadSchemas(__dirname);
  const settings = { ...DEFAULT_SETTINGS, debounceMs: 0 };
  const service = new LanguageService({ schemas, roots: [ROOT], settings });
  const scratch = new ScratchIndex(service, compileSchemas(schemas));
  const originals = exampleFiles(options.examplesDir);
  const current = new Map(originals);
  for (const [uri, text] of current) {
    service.update(uri, text);
  }
  const { features, skipped } = discoverFeatures(service);
  const driven = smokeTest(service, features, current, skipped);
  const result: FuzzResult = {
    seed: options.seed,
    mutants: 0,
    calls: 0,
    features: driven.map((f) => f.name),
    skipped,
    failures: [],
    slowest: { feature: '', ms: 0 },
    ms: 0,
  };
  const uris = [...originals.keys()];
  const root = new Random(options.seed);
  const reported = new Set<string>();
  const equalBefore = new WeakMap<ParsedFile, ParsedFile>();
  for (let i = 0; i < options.mutants && result.failures.length < options.maxFailures; i++) {
    const rnd = root.fork(i);
    const uri = rnd.pick(uris);
    const base = rnd.chance(0.5) ? (current.get(uri) ?? originals.get(uri)!) : originals.get(uri)!;
    const { text, applied } = mutate(base, rnd);
    const fail = (kind: FuzzFailure['kind'], feature: string, detail: string, where = uri): void => {
      // A problem that stays in a file the next mutants do not touch is reported once, with that file's text.
      const key = `${kind} ${feature} ${detail.split('\n')[0]}`;
      if (result.failures.length < options.maxFailures && !reported.has(key)) {
        reported.add(key);
        result.failures.push({ mutant: i, uri: where, mutators: where === uri ? applied : [], kind, feature, detail, text: current.get(where) ?? text });
      }
    };
    const timed = <T>(feature: string, run: () => T): T | undefined => {
      const t0 = performance.now();
      try {
        return run();
      } catch (e) {
        // A ResponseError is a designed answer (a refused rename): the server sends it as an error response.
        if (!(e instanceof ResponseError)) {
          fail('exception', feature, e instanceof Error ? (e.stack ?? e.message) : String(e));
        }
        return undefined;
      } finally {
        const ms = performance.now() - t0;
        result.calls++;
        if (ms > result.slowest.ms) {
          result.slowest = { feature, ms };
        }
        if (ms > options.boundMs) {
          fail('slow', feature, `${ms.toFixed(0)} ms (bound ${options.boundMs} ms)`);
        }
      }
    };
    // Mostly an edit; now and then the file is deleted or restored, as on disk.
    const roll = rnd.next();
    if (roll < 0.04 && current.has(uri)) {
      current.delete(uri);
      timed('remove', () => service.remove(uri));
    } else if (roll < 0.08) {
      current.set(uri, originals.get(uri)!);
      timed('update', () => service.update(uri, originals.get(uri)!));
    } else {
      current.set(uri, text);
      timed('update', () => service.update(uri, text));
    }
    for (const u of current.keys()) {
      for (const problem of timed('diagnostics', () => checkDiagnostics(service, u)) ?? []) {
        fail('invariant', 'diagnostics', `${u}: ${problem}`, u);
      }
    }
    const sites = callSites(service, uri, current, rnd, options.positions);
    sites.forEach((site, k) => {
      for (const feature of driven) {
        if (feature.global && k > 0) {
          continue;
        }
        const out = timed(feature.name, () => feature.call(site));
        for (const problem of checkResultRanges(out, service, site.uri, feature.name)) {
          fail('invariant', feature.name, problem, site.uri);
        }
      }
    });
    compareWithScratch(service, scratch, current, uri, equalBefore, fail);
    if ((options.freshEvery > 0 && (i + 1) % options.freshEvery === 0) || i === options.mutants - 1) {
      compareWithFreshService(service, schemas, settings, current, fail);
    }
    result.mutants = i + 1;
  }
  result.ms = performance.now() - started;
  return result;
}

/** Features that throw on the unmutated workspace cannot be told apart from a wrong guess of their arguments: they are skipped and named. */
function smokeTest(service: LanguageService, features: Feature[], files: Map<string, string>, skipped: string[]): Feature[] {
  const driven: Feature[] = [];
  for (const feature of features) {
    let error: string | undefined;
    for (const uri of files.keys()) {
      const doc = service.document(uri);
      if (!doc || error) {
        continue;
      }
      const text = doc.getText();
      for (const offset of [0, Math.floor(text.length / 3), Math.floor(text.length / 2), text.length]) {
        try {
          feature.call({ service, uri, doc, offset, position: doc.positionAt(offset), token: CancellationToken.None });
        } catch (e) {
          if (!(e instanceof ResponseError)) {
            error = e instanceof Error ? e.message : String(e);
            break;
          }
        }
      }
    }
    if (error) {
      skipped.push(`${feature.name} (throws on the unmutated examples: ${error})`);
    } else {
      driven.push(feature);
    }
  }
  return driven;
}

/** Call sites: random offsets and offsets on codes in the mutated file, one past its end, one in another file; some cancelled. */
function callSites(service: LanguageService, uri: string, files: Map<string, string>, rnd: Random, count: number): CallSite[] {
  const sites: CallSite[] = [];
  const add = (u: string, offset: number | 'outside', token: CancellationToken): void => {
    const doc = service.document(u);
    if (!doc) {
      return;
    }
    if (offset === 'outside') {
      sites.push({ service, uri: u, doc, offset: doc.getText().length, position: { line: doc.lineCount + 3, character: 10_000 }, token });
      return;
    }
    sites.push({ service, uri: u, doc, offset, position: doc.positionAt(offset), token });
  };
  const doc = service.document(uri);
  if (doc) {
    const text = doc.getText();
    const codes = [...text.matchAll(/[\w.\-/]+/g)].map((m) => (m.index ?? 0) + rnd.int(m[0].length + 1));
    for (let k = 0; k < count; k++) {
      const offset = codes.length > 0 && rnd.chance(0.7) ? rnd.pick(codes) : rnd.int(text.length + 1);
      add(uri, offset, rnd.chance(0.1) ? CANCELLED : CancellationToken.None);
    }
    add(uri, 'outside', CancellationToken.None);
  }
  const other = rnd.pick([...files.keys()]);
  const otherDoc = service.document(other);
  if (otherDoc) {
    add(other, rnd.int(otherDoc.getText().length + 1), CancellationToken.None);
  }
  return sites;
}

/**
 * Compares the service's index with one built from scratch. `equalBefore`
 * holds the pairs of parse results found equal before: a pair that has not
 * changed since need not be serialised again (except for the file just changed).
 */
function compareWithScratch(service: LanguageService, scratch: ScratchIndex, files: Map<string, string>, changed: string, equalBefore: WeakMap<ParsedFile, ParsedFile>, fail: Fail): void {
  const fresh = scratch.build(files);
  const all = new Set([...service.index.uris(), ...fresh.uris()]);
  for (const uri of all) {
    const pa = service.index.get(uri)?.parsed;
    const pb = fresh.get(uri)?.parsed;
    const same = uri !== changed && pa !== undefined && pb !== undefined && equalBefore.get(pa) === pb;
    const a = same ? '' : normalizeParsed(pa);
    const b = same ? '' : normalizeParsed(pb);
    if (a === b && pa && pb) {
      equalBefore.set(pa, pb);
    }
    if (a !== b) {
      fail('mismatch', 'index', `${uri}: the incrementally indexed file differs from a fresh parse\n  incremental: ${a.slice(0, 600)}\n  fresh:       ${b.slice(0, 600)}`, uri);
      return;
    }
    const da = normalizeList(service.index.diagnostics(uri));
    const db = normalizeList(fresh.diagnostics(uri));
    if (da !== db) {
      fail('mismatch', 'diagnostics', `${uri}: diagnostics differ from a fresh index\n  incremental: ${da.slice(0, 600)}\n  fresh:       ${db.slice(0, 600)}`, uri);
      return;
    }
  }
}

function compareWithFreshService(
  service: LanguageService,
  schemas: SchemaSources,
  settings: typeof DEFAULT_SETTINGS,
  files: Map<string, string>,
  fail: Fail,
): void {
  const fresh = new LanguageService({ schemas, roots: [ROOT], settings });
  for (const [uri, text] of files) {
    fresh.update(uri, text);
  }
  for (const uri of files.keys()) {
    const a = normalizeList(service.lspDiagnostics(uri));
    const b = normalizeList(fresh.lspDiagnostics(uri));
    if (a !== b) {
      fail('mismatch', 'fresh-service', `${uri}: LSP diagnostics differ from a new language service\n  incremental: ${a.slice(0, 600)}\n  fresh:       ${b.slice(0, 600)}`, uri);
      return;
    }
  }
  const sa = JSON.stringify(service.summary());
  const sb = JSON.stringify(fresh.summary());
  if (sa !== sb) {
    fail('mismatch', 'fresh-service', `summary differs: ${sa} vs ${sb}`);
  }
}

/** The one-line result the runner prints. */
export function summaryLine(r: FuzzResult): string {
  const kinds = r.failures.map((f) => f.kind);
  const counts = ['exception', 'slow', 'invariant', 'mismatch'].map((k) => `${k}=${kinds.filter((x) => x === k).length}`).join(' ');
  return (
    `fuzz seed=${r.seed} mutants=${r.mutants} calls=${r.calls} features=${r.features.length}` +
    ` failures=${r.failures.length}${r.failures.length > 0 ? ` (${counts})` : ''}` +
    ` slowest=${r.slowest.feature}:${r.slowest.ms.toFixed(0)}ms time=${(r.ms / 1000).toFixed(1)}s` +
    (r.skipped.length > 0 ? ` not-driven=${r.skipped.length}` : '')
  );
}

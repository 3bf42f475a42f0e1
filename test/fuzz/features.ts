/**
 * The editor features the fuzzer drives, discovered at run time: other
 * engineers add features to the language service while this fuzzer exists,
 * and each should be fuzzed the day it appears without editing this file.
 *
 * A feature is a method of `LanguageService` (other than the ones that change
 * the index) or a function exported by a module of `server/src/features/`
 * (`hover(service, uri, position, token)` and the like). Its arguments are
 * chosen by their parameter names (`service`, `uri`, `position`, `offset`,
 * `text`, `range`, `newName`, `token`, `context`, `query`, `params` …), read
 * from the compiled function's source. A function whose arguments cannot be
 * guessed is skipped and named in the fuzzer's summary, never called with
 * nonsense.
 */
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { CancellationToken, Position, Range } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../../server/src/languageService';

/** Where a feature is called: a file, a place in it, and a cancellation token. */
export interface CallSite {
  service: LanguageService;
  uri: string;
  doc: TextDocument;
  offset: number;
  position: Position;
  token: CancellationToken;
}

/** A feature the fuzzer can call at a call site. */
export interface Feature {
  name: string;
  /** True when the feature does not depend on the call site (workspace-wide: the tree, the code picker): called once per mutant. */
  global: boolean;
  call(site: CallSite): unknown;
}

/** Parameters that tie a call to a file or a place in it. */
const SITE_PARAMETERS = /^(uri|docuri|documenturi|fileuri|textdocumenturi|textdocument|td|position|pos|cursor|offset|cursoroffset|text|range|params|context|diagnostics|newname|newcode|newid)$/i;

/** Methods that change the index or the settings, or only describe the service: not features. */
const NOT_FEATURES = new Set([
  'constructor',
  'update',
  'remove',
  'configure',
  'compileGlobs',
  'relativePath',
  'parse',
  'settings',
  'resolveContext',
  'kindOf',
  'document',
]);

/** Method names that change state even though they look like queries. */
const MUTATING = /^(set|apply|dispose|clear|open|close|save|write|delete|reset|rescan|scan|register|watch|restart|index|load)/i;

/** The parameter names of a compiled function, without defaults; undefined when they cannot be read. */
export function parameterNames(fn: (...args: never[]) => unknown): string[] | undefined {
  const source = Function.prototype.toString.call(fn);
  const m = /^[^(]*\(([^)]*)\)/.exec(source);
  if (!m) {
    return undefined;
  }
  const names = m[1]
    .split(',')
    .map((p) => p.replace(/=.*$/s, '').replace(/\/\*.*?\*\//g, '').trim())
    .filter((p) => p.length > 0);
  return names.every((n) => /^[A-Za-z_$][\w$]*$/.test(n)) ? names : undefined;
}

/** A range starting at the call site and reaching a few characters further, clamped to the document. */
function rangeAt(site: CallSite): Range {
  const end = Math.min(site.doc.getText().length, site.offset + 7);
  return { start: site.position, end: site.doc.positionAt(end) };
}

/** A code-like word near the call site, for rename targets and searches. */
function wordAt(site: CallSite): string {
  const text = site.doc.getText();
  const before = /[\w.\-/]*$/.exec(text.slice(Math.max(0, site.offset - 40), site.offset))?.[0] ?? '';
  const after = /^[\w.\-/]*/.exec(text.slice(site.offset, site.offset + 40))?.[0] ?? '';
  return before + after;
}

/** The new name a rename is asked for: a variation of the word under the cursor, sometimes nonsense. */
function newNameAt(site: CallSite): string {
  const word = wordAt(site);
  const variants = [word.replace(/\d+$/, (d) => String(Number(d) + 100)), word + '.IX', 'Z9', '', ' ', 'a b', '1.\u0410', 'x'.repeat(300)];
  return variants[site.offset % variants.length] || 'Z9';
}

/** LSP-shaped parameter objects, for methods that take `params`. */
function paramsAt(site: CallSite): Record<string, unknown> {
  const range = rangeAt(site);
  return {
    textDocument: { uri: site.uri },
    position: site.position,
    range,
    newName: newNameAt(site),
    query: wordAt(site),
    context: contextAt(site, range),
  };
}

function contextAt(site: CallSite, range: Range): Record<string, unknown> {
  const diagnostics = site.service.lspDiagnostics(site.uri).filter((d) => d.range.start.line <= range.end.line && range.start.line <= d.range.end.line);
  return { diagnostics, includeDeclaration: true, triggerKind: 1, only: undefined };
}

/** The argument for one parameter name, or `MISSING` when the name says nothing the fuzzer can supply. */
const MISSING = Symbol('missing');

function argumentFor(name: string, site: CallSite): unknown {
  const n = name.toLowerCase();
  if (n === 'service' || n === 'languageservice') {
    return site.service;
  }
  if (n === 'ctx' || n === 'featurecontext') {
    // The narrow context the facade passes to every feature function.
    return site.service.resolveContext();
  }
  if (/^(uri|docuri|documenturi|fileuri|textdocumenturi)$/.test(n)) {
    return site.uri;
  }
  if (/^(textdocument|td)$/.test(n)) {
    return site.doc;
  }
  if (/^(position|pos|cursor)$/.test(n)) {
    return site.position;
  }
  if (/^(offset|cursoroffset)$/.test(n)) {
    return site.offset;
  }
  if (n === 'text') {
    return site.doc.getText();
  }
  if (n === 'range') {
    return rangeAt(site);
  }
  if (/^(newname|newcode|newid)$/.test(n)) {
    return newNameAt(site);
  }
  if (/^(token|cancellationtoken)$/.test(n)) {
    return site.token;
  }
  if (n === 'context') {
    return contextAt(site, rangeAt(site));
  }
  if (n === 'diagnostics') {
    return contextAt(site, rangeAt(site)).diagnostics;
  }
  if (/^(query|search|prefix)$/.test(n)) {
    return wordAt(site);
  }
  if (n === 'params') {
    return paramsAt(site);
  }
  if (n === 'includedeclaration') {
    return site.offset % 2 === 0;
  }
  if (/^(limit|max)$/.test(n)) {
    return 50;
  }
  if (/^(options|opts)$/.test(n)) {
    return undefined;
  }
  return MISSING;
}

/** A feature calling `fn` with arguments chosen by its parameter names, or the reason it cannot be driven. */
function driverFor(name: string, fn: unknown, self: unknown, site: CallSite): Feature | string {
  if (typeof fn !== 'function') {
    return `${name} (not a function)`;
  }
  const params = parameterNames(fn as (...args: never[]) => unknown);
  if (!params) {
    return `${name} (parameters unreadable)`;
  }
  const unknown = params.filter((p) => argumentFor(p, site) === MISSING);
  if (unknown.length > 0) {
    return `${name}(${unknown.join(', ')})`;
  }
  return {
    name,
    global: !params.some((p) => SITE_PARAMETERS.test(p)),
    call: (s) => (fn as (...args: unknown[]) => unknown).apply(self, params.map((p) => argumentFor(p, s))),
  };
}

/** The compiled feature modules (`out/server/src/features/*.js`) with their exports. */
function featureModules(dir: string): [string, Record<string, unknown>][] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  const load = createRequire(__filename);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((f) => {
      const mod: unknown = load(path.join(dir, f));
      return [f.replace(/\.js$/, ''), (mod ?? {}) as Record<string, unknown>];
    });
}

/** The features of a service: its query methods, and the tree and picker functions the server calls. */
export function discoverFeatures(service: LanguageService, featuresDir = path.join(__dirname, '..', '..', 'server', 'src', 'features')): { features: Feature[]; skipped: string[] } {
  const features: Feature[] = [
    { name: 'lspDiagnostics', global: false, call: (s) => s.service.lspDiagnostics(s.uri) },
    { name: 'summary', global: true, call: (s) => s.service.summary() },
  ];
  const skipped: string[] = [];
  const site = dummySite(service);
  const add = (driver: Feature | string): void => {
    if (typeof driver === 'string') {
      skipped.push(driver);
    } else {
      features.push(driver);
    }
  };
  // Methods of the service itself (a facade, when there is one).
  const known = new Set(features.map((f) => f.name));
  for (let proto: object | null = Object.getPrototypeOf(service) as object; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const fn = Object.getOwnPropertyDescriptor(proto, name)?.value as unknown;
      if (typeof fn === 'function' && !NOT_FEATURES.has(name) && !MUTATING.test(name) && !known.has(name)) {
        known.add(name);
        add(driverFor(name, fn, service, site));
      }
    }
  }
  // The feature functions the server's handlers call: `hover(service, uri, position, token)` and the like.
  // The service's method of the same name is the same feature: it is driven once, through the facade.
  for (const [module, exports] of featureModules(featuresDir)) {
    for (const [name, fn] of Object.entries(exports)) {
      if (typeof fn === 'function' && !/^[A-Z]/.test(name) && !MUTATING.test(name) && !known.has(name)) {
        add(driverFor(`${module}.${name}`, fn, undefined, site));
      }
    }
  }
  return { features, skipped };
}

/** A call site used only to decide which parameters can be supplied. */
function dummySite(service: LanguageService): CallSite {
  const doc = TextDocument.create('file:///dummy.strategy.yaml', 'strategy-yaml', 0, '');
  return { service, uri: doc.uri, doc, offset: 0, position: { line: 0, character: 0 }, token: CancellationToken.None };
}

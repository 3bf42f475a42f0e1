/**
 * The sync module over a workspace in memory, with what it published, and
 * the diagnostics a fresh index of the same final state gives, to compare
 * the two.
 */
import * as assert from 'assert';
import { Diagnostic } from 'vscode-languageserver-protocol';
import { LanguageService, BUILTIN_CATALOG_URI } from '../../../server/src/languageService';
import { DEFAULT_SETTINGS, Settings } from '../../../server/src/settings';
import { BatchLoader } from '../../../server/src/sync/workspace';
import { WorkspaceSync } from '../../../server/src/sync/workspaceSync';
import { ManualClock, MemoryWorkspace } from '../../support/memoryWorkspace';
import { schemas } from '../fixture';

/** One `publishDiagnostics` the sync module sent. */
export interface Published {
  uri: string;
  diagnostics: Diagnostic[];
  version: number | undefined;
}

export interface Harness {
  ws: MemoryWorkspace;
  clock: ManualClock;
  service: LanguageService;
  sync: WorkspaceSync;
  /** Every publish, in order. */
  log: Published[];
  /** The last publish per URI. */
  last: Map<string, Published>;
  /** The open buffers as the editor holds them (URI → version and text). */
  buffers: Map<string, { version: number; text: string }>;
  settings: Settings;
}

export function harness(roots: string[], files: Record<string, string>, options: { settings?: Settings; loadBatch?: BatchLoader; batchSize?: number } = {}): Harness {
  const ws = new MemoryWorkspace(roots, files);
  const clock = new ManualClock();
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const service = new LanguageService({ schemas: schemas(), roots, settings });
  const log: Published[] = [];
  const last = new Map<string, Published>();
  const sync = new WorkspaceSync({
    service,
    workspace: ws,
    clock,
    loadBatch: options.loadBatch,
    batchSize: options.batchSize ?? 1,
    output: {
      publish: (uri, diagnostics, version) => {
        const p = { uri, diagnostics, version };
        log.push(p);
        last.set(uri, p);
      },
    },
  });
  return { ws, clock, service, sync, log, last, buffers: new Map(), settings };
}

/** The diagnostics of every file in a fresh index of the workspace's disk overlaid with the open buffers. */
export function freshDiagnostics(h: Harness): Map<string, Diagnostic[]> {
  const service = new LanguageService({ schemas: schemas(), roots: h.ws.roots, settings: h.settings });
  const texts = new Map<string, string>();
  for (const uri of h.ws.listFiles((u) => service.kindOf(u) !== undefined)) {
    const read = h.ws.readFile(uri);
    if (read.text !== undefined) {
      texts.set(uri, read.text);
    }
  }
  for (const [uri, b] of h.buffers) {
    texts.set(uri, b.text);
  }
  for (const uri of [...texts.keys()].sort()) {
    service.update(uri, texts.get(uri)!);
  }
  const out = new Map<string, Diagnostic[]>();
  for (const uri of service.index.uris()) {
    if (uri !== BUILTIN_CATALOG_URI) {
      out.set(uri, service.lspDiagnostics(uri));
    }
  }
  return out;
}

/**
 * Asserts that the last published diagnostics of every file equal a fresh index's, and that files
 * gone were cleared. A closed file never published has none: the client starts without diagnostics.
 */
export function assertMatchesFresh(h: Harness, context = ''): void {
  const fresh = freshDiagnostics(h);
  for (const [uri, expected] of fresh) {
    const got = h.last.get(uri) ?? (h.buffers.has(uri) ? undefined : { diagnostics: [], version: undefined });
    assert.ok(got, `${context}nothing was published for the open ${uri}`);
    assert.deepStrictEqual(got.diagnostics, expected, `${context}diagnostics of ${uri} differ from a fresh index`);
    const open = h.buffers.get(uri);
    assert.strictEqual(got.version, open?.version, `${context}version published for ${uri}`);
  }
  for (const [uri, got] of h.last) {
    if (!fresh.has(uri)) {
      assert.deepStrictEqual(got.diagnostics, [], `${context}${uri} is not in the workspace but keeps diagnostics`);
    }
  }
}

/** Error diagnostics among `diagnostics`, as `code message` lines. */
export function errors(diagnostics: readonly Diagnostic[] | undefined): string[] {
  return (diagnostics ?? []).filter((d) => d.severity === 1).map((d) => `${String(d.code)} ${typeof d.message === 'string' ? d.message : d.message.value}`);
}

/**
 * A minimal LSP client over stdio for protocol tests: spawns the built
 * server, speaks JSON-RPC, and lets a test wait for notifications (never a
 * fixed sleep).
 */
import * as cp from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { StatusData } from '../../server/src/protocol';

/** The built server bundle; `npm run build` makes it. */
export const SERVER_BUNDLE = path.resolve(__dirname, '../../../dist/server/server.js');

export interface TestClient {
  connection: MessageConnection;
  process: cp.ChildProcess;
  /** Latest diagnostics per URI. */
  diagnostics: Map<string, Diagnostic[]>;
  /** Every status notification (`strategy/status`), in order. */
  statuses: StatusData[];
  /** Resolves with the first notification of `method` (after this call) that satisfies `pred`. */
  waitFor<T>(method: string, pred?: (params: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Resolves once diagnostics for `uri` satisfy `pred` (immediately when the latest already do). */
  diagnosticsFor(uri: string, pred: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  stop(): Promise<void>;
}

/** Copies a folder into a fresh temp folder (tests edit the copy). */
export function copyToTemp(src: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-test-'));
  fs.cpSync(src, dir, { recursive: true });
  return dir;
}

/**
 * Starts the server on `rootUri`, initializes it and waits for the initial
 * index; `afterInitialized` runs right after the `initialized` notification,
 * before the index is ready (as an editor that opens a file at once).
 */
export async function startClient(
  rootUri: string,
  initializationOptions: object = {},
  capabilities: object = {},
  afterInitialized?: (connection: MessageConnection) => Promise<void>,
  readyTimeoutMs = 60000,
): Promise<TestClient> {
  if (!fs.existsSync(SERVER_BUNDLE)) {
    throw new Error(`${SERVER_BUNDLE} is missing: run \`npm run build\` first`);
  }
  const proc = cp.spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const diagnostics = new Map<string, Diagnostic[]>();
  const listeners: { method: string; fn: (p: unknown) => void }[] = [];
  const dispatch = (method: string, params: unknown): void => {
    for (const l of [...listeners]) {
      if (l.method === method) {
        l.fn(params);
      }
    }
  };
  const statuses: StatusData[] = [];
  connection.onNotification((method: string, params: unknown) => {
    if (method === 'strategy/status') {
      statuses.push(params as StatusData);
    }
    if (method === 'textDocument/publishDiagnostics') {
      const p = params as PublishDiagnosticsParams;
      diagnostics.set(p.uri, p.diagnostics);
    }
    dispatch(method, params);
  });
  connection.onRequest((method: string) => {
    // Registration and configuration requests: accept registrations, no settings.
    return method === 'workspace/configuration' ? [null] : null;
  });
  connection.listen();
  const waitFor = <T>(method: string, pred: (params: T) => boolean = () => true, timeoutMs = 15000): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        listeners.splice(listeners.indexOf(entry), 1);
        reject(new Error(`timed out waiting for ${method}`));
      }, timeoutMs);
      const entry = {
        method,
        fn: (p: unknown) => {
          if (pred(p as T)) {
            clearTimeout(timer);
            listeners.splice(listeners.indexOf(entry), 1);
            resolve(p as T);
          }
        },
      };
      listeners.push(entry);
    });
  const diagnosticsFor = async (uri: string, pred: (d: Diagnostic[]) => boolean, timeoutMs = 15000): Promise<Diagnostic[]> => {
    // A file never published has no diagnostics, as the client shows it: the server publishes a closed file with nothing to show only to clear it.
    const current = diagnostics.get(uri) ?? [];
    if (pred(current)) {
      return current;
    }
    const p = await waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (x) => x.uri === uri && pred(x.diagnostics), timeoutMs);
    return p.diagnostics;
  };
  const ready = waitFor<StatusData>('strategy/status', (s) => !s.indexing, readyTimeoutMs);
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'test' }],
    capabilities,
    initializationOptions,
  });
  await connection.sendNotification('initialized', {});
  await afterInitialized?.(connection);
  await ready;
  return {
    connection,
    process: proc,
    diagnostics,
    statuses,
    waitFor,
    diagnosticsFor,
    async stop(): Promise<void> {
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        proc.kill();
      }
      const timer = setTimeout(() => proc.kill(), 5000);
      await exited;
      clearTimeout(timer);
      connection.dispose();
    },
  };
}

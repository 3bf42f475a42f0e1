/**
 * The LSP server: capabilities, and one-line handlers that pass events to the
 * sync module (`sync/workspaceSync.ts`) and requests to the language service.
 * Run with `--stdio`, `--node-ipc` or `--socket=PORT`.
 */
import * as os from 'os';
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  ProposedFeatures,
  TextDocumentSyncKind,
  CodeActionKind,
  LSPErrorCodes,
  Message,
  RequestMessage,
  ResponseError,
  ResponseMessage,
} from 'vscode-languageserver/node';
import { LanguageService } from './languageService';
import { lspOutput } from './node/lspOutput';
import { NODE_CLOCK, NodeWorkspace } from './node/nodeWorkspace';
import { engineId, ParseCache } from './node/parseCache';
import { beginWarmStart, WarmStart } from './node/warmStart';
import { ParsePool, workersFor } from './node/parsePool';
import { parsingLoader, ParsingLoaderOptions, writePending } from './node/parsingLoader';
import { loadSchemas } from './node/schemas';
import { redirectConsole, stdioStreams } from './node/stdio';
import { AnalysisRequest, ImportStrategyRequest, ItemAtPositionRequest, ReportRequest, StrategyTreeLevelRequest, StrategyTreeRequest, TreeAncestorsRequest, WorkspaceCodesRequest } from './protocol';
import { Analysis } from './analysis/analysis';
import { readSettings } from './settings';
import { FileEvent, WorkspaceSync } from './sync/workspaceSync';

/** LSP file change types as the sync module names them. */
const FILE_EVENT: Record<FileChangeType, FileEvent['type']> = { [FileChangeType.Created]: 'created', [FileChangeType.Changed]: 'changed', [FileChangeType.Deleted]: 'deleted' };

/** Everything one server session holds; created on `initialize`. */
interface Session {
  service: LanguageService;
  /** How the scan reads and parses files: the parse cache, and the worker pool during the first scan. */
  loader: ParsingLoaderOptions;
  /** The index, open buffers, events and the validation schedule (`sync/workspaceSync.ts`). */
  sync: WorkspaceSync;
  configurationPull: boolean;
  watcherRegistration: boolean;
  /** How the client takes workspace edits (versioned `documentChanges` or plain `changes`). */
  editOptions: { documentChanges: boolean; versionOf: (uri: string) => number | null };
  /** The client accepts `LocationLink`s for definitions. */
  linkSupport: boolean;
  /** The workspace folders at the start (the records of the index are kept for them, `node/warmStart.ts`). */
  roots: string[];
  /** The warm start of the first scan, whose records are written after it. */
  warm?: WarmStart;
}

export function startServer(): void {
  // A request cancelled while still queued (behind a long edit, say) is answered "cancelled" without running.
  const cancelUndispatched = (message: Message): ResponseMessage => ({
    jsonrpc: '2.0',
    id: (message as RequestMessage).id,
    error: { code: LSPErrorCodes.RequestCancelled, message: 'The request was cancelled.' },
  });
  // On --stdio, input passes a filter that drops what is not a protocol frame (see node/stdio.ts).
  const stdio = process.argv.includes('--stdio');
  const connection = stdio
    ? createConnection(ProposedFeatures.all, ...stdioStreams((text) => connection.console.warn(`Skipped input that is not a JSON-RPC frame: ${JSON.stringify(text)}`)), { cancelUndispatched })
    : createConnection(ProposedFeatures.all, { cancelUndispatched });
  if (stdio) {
    redirectConsole(connection.console);
  }
  let session: Session | undefined;

  const log = (message: string): void => connection.console.log(message);
  const describe = (e: unknown): string => (e instanceof Error ? (e.stack ?? e.message) : String(e));

  /**
   * Wraps a request handler: an unexpected exception is logged with its
   * stack and rethrown, so that the client gets an error response and the
   * server goes on serving. A ResponseError (a refused rename) is an answer,
   * not a fault, and is not logged.
   */
  const guard =
    <A extends unknown[], R>(method: string, handler: (...args: A) => R) =>
    (...args: A): R => {
      try {
        return handler(...args);
      } catch (e) {
        if (!(e instanceof ResponseError)) {
          connection.console.error(`${method} failed: ${describe(e)}`);
        }
        throw e;
      }
    };

  // Whatever escapes elsewhere (a timer, a promise) is logged; the server keeps serving. A closed output means the client is gone.
  process.on('uncaughtException', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') {
      process.exit(1);
    }
    try {
      connection.console.error(`Unexpected error: ${describe(e)}`);
    } catch {
      // Nothing more can be done without a connection.
    }
  });
  process.on('unhandledRejection', (e) => {
    try {
      connection.console.error(`Unexpected error: ${describe(e)}`);
    } catch {
      // As above.
    }
  });

  /** Reads the client's settings into the session (`workspace/configuration`). */
  const pullSettings = async (s: Session): Promise<void> => {
    if (s.configurationPull) {
      await s.sync.configure(readSettings(await connection.workspace.getConfiguration('strategyCodes')));
    }
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const roots = folders.map((f) => f.replace(/\/$/, ''));
    const options = params.initializationOptions as { settings?: unknown; cacheDir?: unknown } | undefined;
    const schemas = loadSchemas();
    const service = new LanguageService({ schemas, locale: params.locale, roots, settings: readSettings(options?.settings) });
    const workspace = new NodeWorkspace(roots);
    // The client passes a folder of its storage for the parse cache; without one, every start parses.
    const cache = typeof options?.cacheDir === 'string' && options.cacheDir !== '' ? new ParseCache(options.cacheDir, engineId([JSON.stringify(schemas)])) : undefined;
    const loader: ParsingLoaderOptions = { workspace, schemas, kindOf: (uri) => service.kindOf(uri), limits: () => service.parseLimits(), cache };
    const sync = new WorkspaceSync({ service, workspace, output: lspOutput(connection, params.capabilities, () => session), clock: NODE_CLOCK, loadBatch: parsingLoader(loader) });
    session = {
      loader,
      service,
      sync,
      configurationPull: params.capabilities?.workspace?.configuration === true,
      watcherRegistration: params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      editOptions: { documentChanges: params.capabilities?.workspace?.workspaceEdit?.documentChanges === true, versionOf: (uri) => sync.versionOf(uri) },
      linkSupport: params.capabilities?.textDocument?.definition?.linkSupport === true,
      roots,
    };
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        // A space after `id:` or `,` and the `/` of a qualified reference open the list without a keystroke more.
        completionProvider: { triggerCharacters: ['/', '[', ',', ' '] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'strategy-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    const s = session;
    if (!s) {
      return;
    }
    if (s.configurationPull) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'strategyCodes' });
      connection.workspace.onDidChangeWorkspaceFolders(() => void connection.workspace.getWorkspaceFolders().then((f) => s.sync.foldersChanged((f ?? []).map((x) => x.uri))));
    }
    if (s.watcherRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml,md}' }, { globPattern: '**/' }] });
    }
    const started = Date.now();
    await pullSettings(s);
    // The first scan parses on the spare cores, when there are any; later rescans (a settings change) use this thread.
    const workers = workersFor(os.availableParallelism?.() ?? os.cpus().length);
    s.loader.pool = workers > 1 ? new ParsePool(workers, s.loader.schemas) : undefined;
    // A warm start takes the files back from the records the last session left: unchanged files are neither parsed nor re-checked.
    const warm = beginWarmStart(s.sync, s.service, s.loader, s.roots);
    s.warm = warm;
    s.loader.pendingWrites = s.loader.cache ? [] : undefined;
    try {
      await s.sync.scan();
    } finally {
      await s.loader.pool?.close();
      s.loader.pool = undefined;
    }
    const stats = s.loader.cache?.stats;
    log(`Indexed ${s.service.index.uris().length} files in ${Date.now() - started} ms` + (stats ? ` (parse cache: ${warm.count} taken back from records, ${stats.hits} read)` : ''));
    // The diagnostics are out: the records and the new parses for the next start are made after them, a slice of a few
    // milliseconds at a time. A pause between slices leaves the event loop mostly idle: keystrokes are not kept waiting.
    await NODE_CLOCK.yield();
    const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 15));
    const saving = Date.now();
    if (await warm.saveInSlices(pause)) {
      log(`Records of the index kept for the next start (${Date.now() - saving} ms, made a slice at a time)`);
    }
    const written = await writePending(s.loader, pause);
    s.loader.pendingWrites = undefined;
    if (written > 0) {
      log(`Parse cache: ${written} parses written after the index${s.loader.cache?.stats.unwritable ? ` (not writable: ${s.loader.cache.stats.unwritable})` : ''}`);
    }
  });

  connection.onDidChangeConfiguration(() => session && void pullSettings(session));
  connection.onDidChangeWatchedFiles((p) => session?.sync.filesChanged(p.changes.map((c) => ({ uri: c.uri, type: FILE_EVENT[c.type] }))));
  connection.onDidOpenTextDocument((p) => session?.sync.open(p.textDocument.uri, p.textDocument.version, p.textDocument.text));
  connection.onDidChangeTextDocument((p) => session?.sync.change(p.textDocument.uri, p.textDocument.version, p.contentChanges));
  connection.onDidCloseTextDocument((p) => session?.sync.close(p.textDocument.uri));

  /** The session, with every pending validation run first: a request's positions refer to the text the client sees. */
  const current = (): Session | undefined => {
    session?.sync.flush();
    return session;
  };

  /**
   * The modules loaded on demand are bundles of their own (`scripts/bundle.mjs`), with their own
   * copy of the protocol library: a ResponseError they throw (an error with a numeric JSON-RPC
   * code; Node's own errors have string codes) is made one of this connection's, so that the
   * client gets its code and message as they are.
   */
  const ownError = (e: unknown): unknown => {
    const code = (e as { code?: unknown }).code;
    return e instanceof Error && !(e instanceof ResponseError) && typeof code === 'number' ? new ResponseError(code, e.message, (e as { data?: unknown }).data) : e;
  };
  // The import reads files and loads the document libraries: it lives in a Node module loaded on first use.
  connection.onRequest(
    ImportStrategyRequest.type,
    guard(ImportStrategyRequest.method, async (p) => {
      try {
        return await (await import('./node/importRequest.js')).importForClient(p);
      } catch (e) {
        throw ownError(e);
      }
    }),
  );
  connection.onRequest(StrategyTreeRequest.type, guard(StrategyTreeRequest.method, () => current()?.service.tree() ?? []));
  connection.onRequest(StrategyTreeLevelRequest.type, guard(StrategyTreeLevelRequest.method, (params) => current()?.service.treeLevel(params.parent, params.filter) ?? []));
  connection.onRequest(TreeAncestorsRequest.type, guard(TreeAncestorsRequest.method, (params) => current()?.service.treeAncestors(params.uri, params.code, params.filter) ?? null));
  connection.onRequest(WorkspaceCodesRequest.type, guard(WorkspaceCodesRequest.method, (p) => current()?.service.searchCodes(p.query, p.limit) ?? []));
  connection.onRequest(ItemAtPositionRequest.type, guard(ItemAtPositionRequest.method, (p) => current()?.service.itemCodeAt(p.uri, p.position) ?? null));
  // The overview and the exports read the index of the text the client sees, as the features do.
  const analysisOf = (uri: string | undefined): Analysis => {
    const s = current();
    return s ? s.service.analysis(uri === undefined ? undefined : [uri]) : { scope: uri === undefined ? 'workspace' : 'document', documents: [] };
  };
  connection.onRequest(AnalysisRequest.type, guard(AnalysisRequest.method, (p) => analysisOf(p.uri)));
  connection.onRequest(ReportRequest.type, guard(ReportRequest.method, async (p) => {
    // The writers of Excel and Word files load with the first export, not with the server.
    const { renderReport } = await import('./report/render.js');
    const bytes = await renderReport(analysisOf(p.uri), p.format, session?.service.messages.locale ?? 'en');
    return { base64: Buffer.from(bytes).toString('base64') };
  }));

  connection.onCompletion(guard('textDocument/completion', (p, token) => current()?.service.completion(p.textDocument.uri, p.position, token) ?? null));
  connection.onHover(guard('textDocument/hover', (p, token) => current()?.service.hover(p.textDocument.uri, p.position, token) ?? null));
  connection.onDefinition(guard('textDocument/definition', (p, token) => {
    const s = current();
    return s ? s.service.definition(p.textDocument.uri, p.position, { linkSupport: s.linkSupport }, token) : null;
  }));
  connection.onReferences(guard('textDocument/references', (p, token) => current()?.service.references(p.textDocument.uri, p.position, p.context.includeDeclaration, token) ?? null));
  // Both rename handlers let a refusal (a ResponseError with the reason) reach the client, which shows it.
  connection.onPrepareRename(guard('textDocument/prepareRename', (p) => current()?.service.prepareRename(p.textDocument.uri, p.position) ?? null));
  connection.onRenameRequest(guard('textDocument/rename', (p, token) => {
    const s = current();
    return s ? s.service.rename(p.textDocument.uri, p.position, p.newName, s.editOptions, token) : null;
  }));
  connection.onDocumentSymbol(guard('textDocument/documentSymbol', (p, token) => current()?.service.documentSymbols(p.textDocument.uri, token) ?? []));
  connection.onWorkspaceSymbol(guard('workspace/symbol', (p, token) => current()?.service.workspaceSymbols(p.query, token) ?? []));
  connection.onCodeLens(guard('textDocument/codeLens', (p, token) => current()?.service.codeLenses(p.textDocument.uri, token) ?? []));
  connection.languages.inlayHint.on(guard('textDocument/inlayHint', (p, token) => current()?.service.inlayHints(p.textDocument.uri, p.range, token) ?? []));
  connection.onCodeAction(guard('textDocument/codeAction', (p, token) => {
    const s = current();
    return s ? s.service.codeActions(p.textDocument.uri, p.context.diagnostics, s.editOptions, token) : [];
  }));

  connection.onShutdown(() => {
    // Records still being made a slice at a time are finished now: the next start is warm however soon this one ends.
    session?.warm?.finishNow();
    session?.sync.dispose();
  });
  connection.listen();
}

if (require.main === module) {
  startServer();
}

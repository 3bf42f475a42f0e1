/**
 * The LSP server: capabilities, open documents, file events into the index,
 * debounced validation, and one-line handlers that ask the language service.
 * Run with `--stdio`, `--node-ipc` or `--socket=PORT`.
 */
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  WorkDoneProgressReporter,
  CodeActionKind,
  CodeLensRefreshRequest,
  LSPErrorCodes,
  Message,
  RequestMessage,
  ResponseError,
  ResponseMessage,
} from 'vscode-languageserver/node';
import { sep } from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from './languageService';
import { findFiles, pathToUri, readTextFile, uriToPath } from './node/fileSystem';
import { loadSchemas } from './node/schemas';
import { redirectConsole, stdioStreams } from './node/stdio';
import { ImportStrategyRequest, ItemAtPositionRequest, StatusNotification, StrategyTreeRequest, WorkspaceCodesRequest } from './protocol';
import { readSettings } from './settings';

/** Everything one server session holds; created on `initialize`. */
interface Session {
  service: LanguageService;
  roots: string[];
  configurationPull: boolean;
  watcherRegistration: boolean;
  timers: Map<string, NodeJS.Timeout>;
  /** How the client takes workspace edits (versioned `documentChanges` or plain `changes`). */
  editOptions: { documentChanges: boolean; versionOf: (uri: string) => number | null };
  /** The client accepts `LocationLink`s for definitions. */
  linkSupport: boolean;
  /** The client can be asked to refresh code lenses / inlay hints after a change in another file. */
  codeLensRefresh: boolean;
  inlayHintRefresh: boolean;
  /** True until the first scan of the workspace has been indexed. */
  indexing: boolean;
  /** Settings changed during the first scan: they are applied once it ends. */
  settingsPending: boolean;
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
  const documents = new TextDocuments(TextDocument);
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

  const publish = (uris: Iterable<string>): void => {
    if (!session) {
      return;
    }
    for (const uri of uris) {
      // A buffer whose validation is still pending would get diagnostics of its older text, at wrong ranges: its timer publishes it.
      if (uri.startsWith('strategy-codes:') || session.timers.has(uri)) {
        continue;
      }
      void connection.sendDiagnostics({ uri, diagnostics: session.service.index.has(uri) ? session.service.lspDiagnostics(uri) : [] });
    }
    // Reference counts and titles shown in other open files may have changed with this file.
    if (session.codeLensRefresh) {
      void connection.sendRequest(CodeLensRefreshRequest.type);
    }
    if (session.inlayHintRefresh) {
      void connection.languages.inlayHint.refresh();
    }
    const s = session.service.summary();
    void connection.sendNotification(StatusNotification.type, { indexing: session.indexing, strategies: s.strategies, catalogs: s.catalogs, codes: s.codes, errors: s.errors, warnings: s.warnings });
  };

  /** Every workspace file below the roots, found as a scan finds them. */
  const workspaceFiles = (s: Session): string[] =>
    s.roots.flatMap((root) => {
      const rootPath = uriToPath(root);
      return rootPath ? findFiles(rootPath, (rel) => s.service.kindOf(`${root}/${rel}`) !== undefined) : [];
    });

  /** Reads every workspace file from disk into the index (open buffers win). */
  const scan = async (s: Session, progress?: WorkDoneProgressReporter): Promise<Set<string>> => {
    const affected = new Set<string>();
    const seen = new Set<string>();
    const files = workspaceFiles(s);
    let done = 0;
    for (const file of files) {
      const uri = pathToUri(file);
      seen.add(uri);
      const open = documents.get(uri);
      const text = open ? open.getText() : readTextFile(file).text;
      if (text !== undefined) {
        for (const u of s.service.update(uri, text)) {
          affected.add(u);
        }
      }
      if (++done % 200 === 0) {
        progress?.report(Math.round((done / files.length) * 100), `${done}/${files.length}`);
        // Let requests and cancellations through during a long initial index.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    for (const uri of s.service.index.uris()) {
      if (seen.has(uri) || uri.startsWith('strategy-codes:') || documents.get(uri)) {
        continue;
      }
      // A file created while the scan ran was indexed by its file event: only files gone from disk are dropped.
      const path = uriToPath(uri);
      const gone = !path || readTextFile(path).error !== undefined || s.service.kindOf(uri) === undefined;
      if (gone) {
        for (const u of s.service.remove(uri)) {
          affected.add(u);
        }
      }
    }
    return affected;
  };


  const loadSettings = async (s: Session): Promise<void> => {
    if (!s.configurationPull) {
      return;
    }
    if (s.indexing) {
      // The first scan reads the settings itself when it starts; a later change waits for it to end.
      s.settingsPending = true;
      return;
    }
    const raw: unknown = await connection.workspace.getConfiguration('strategyCodes');
    const { affected, rescan } = s.service.configure(readSettings(raw));
    if (rescan) {
      for (const u of await scan(s)) {
        affected.add(u);
      }
    }
    publish(affected);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const roots = folders.map((f) => f.replace(/\/$/, ''));
    const options = params.initializationOptions as { settings?: unknown } | undefined;
    session = {
      service: new LanguageService({ schemas: loadSchemas(), locale: params.locale, roots, settings: readSettings(options?.settings) }),
      roots,
      configurationPull: params.capabilities?.workspace?.configuration === true,
      watcherRegistration: params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      timers: new Map(),
      editOptions: {
        documentChanges: params.capabilities?.workspace?.workspaceEdit?.documentChanges === true,
        versionOf: (uri) => documents.get(uri)?.version ?? null,
      },
      linkSupport: params.capabilities?.textDocument?.definition?.linkSupport === true,
      codeLensRefresh: params.capabilities?.workspace?.codeLens?.refreshSupport === true,
      inlayHintRefresh: params.capabilities?.workspace?.inlayHint?.refreshSupport === true,
      indexing: true,
      settingsPending: false,
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
    }
    if (s.watcherRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{yaml,yml,md}' }, { globPattern: '**/' }],
      });
    }
    void connection.sendNotification(StatusNotification.type, { indexing: true, strategies: 0, catalogs: 0, codes: 0, errors: 0, warnings: 0 });
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin(s.service.messages.text('progress.indexing'), 0, '', false);
    try {
      if (s.configurationPull) {
        s.settingsPending = false;
        s.service.configure(readSettings(await connection.workspace.getConfiguration('strategyCodes')));
      }
      const started = Date.now();
      const affected = await scan(s, progress);
      log(`Indexed ${s.service.index.uris().length} files in ${Date.now() - started} ms`);
      s.indexing = false;
      publish(affected);
    } finally {
      s.indexing = false;
      progress?.done();
    }
    if (s.settingsPending) {
      s.settingsPending = false;
      await loadSettings(s);
    }
  });

  connection.onDidChangeConfiguration(() => {
    if (session) {
      void loadSettings(session);
    }
  });

  connection.onDidChangeWatchedFiles((params) => {
    const s = session;
    if (!s) {
      return;
    }
    const affected = new Set<string>();
    const add = (uris: Iterable<string>): void => {
      for (const u of uris) {
        affected.add(u);
      }
    };
    for (const change of params.changes) {
      if (documents.get(change.uri)) {
        continue; // The open buffer is the truth.
      }
      if (change.type === FileChangeType.Deleted) {
        // A deleted folder takes every indexed file below it.
        const prefix = change.uri.replace(/\/$/, '') + '/';
        for (const uri of s.service.index.uris()) {
          if (uri === change.uri || uri.startsWith(prefix)) {
            add(s.service.remove(uri));
          }
        }
        continue;
      }
      const path = uriToPath(change.uri);
      if (!path) {
        continue;
      }
      if (s.service.kindOf(change.uri) === undefined) {
        // A created folder (or a renamed one) brings the files inside it: those a fresh start would index, so that a link back into the workspace is not indexed twice.
        for (const file of workspaceFiles(s).filter((f) => f.startsWith(path.replace(/[\\/]$/, '') + sep))) {
          const text = readTextFile(file).text;
          if (text !== undefined) {
            add(s.service.update(pathToUri(file), text));
          }
        }
        continue;
      }
      const text = readTextFile(path).text;
      add(text === undefined ? s.service.remove(change.uri) : s.service.update(change.uri, text));
    }
    publish(affected);
  });

  const validateSoon = (doc: TextDocument): void => {
    const s = session;
    if (!s) {
      return;
    }
    const old = s.timers.get(doc.uri);
    if (old) {
      clearTimeout(old);
    }
    const run = (): void => {
      s.timers.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (current) {
        publish(s.service.update(current.uri, current.getText()));
      }
    };
    const delay = s.service.settings.debounceMs;
    if (delay <= 0) {
      run();
    } else {
      s.timers.set(doc.uri, setTimeout(run, delay));
    }
  };

  documents.onDidOpen((e) => {
    const s = session;
    // A buffer that differs from what was indexed (or a file not indexed yet) is the truth from now on.
    if (s && s.service.document(e.document.uri)?.getText() !== e.document.getText()) {
      publish(s.service.update(e.document.uri, e.document.getText()));
    }
  });
  documents.onDidChangeContent((e) => validateSoon(e.document));
  documents.onDidClose((e) => {
    const s = session;
    if (!s) {
      return;
    }
    const timer = s.timers.get(e.document.uri);
    if (timer) {
      clearTimeout(timer);
      s.timers.delete(e.document.uri);
    }
    // The disk is the truth again once the buffer is closed.
    const path = uriToPath(e.document.uri);
    const text = path ? readTextFile(path).text : undefined;
    publish(text === undefined ? s.service.remove(e.document.uri) : s.service.update(e.document.uri, text));
  });

  // The import's readers (PDF, Word, spreadsheets) are large: they load on the first import, not with the server.
  connection.onRequest(ImportStrategyRequest.type, async (p) => (await import('./node/importRequest.js')).importForClient(p));
  connection.onRequest(StrategyTreeRequest.type, guard(StrategyTreeRequest.method, () => (session ? session.service.tree() : [])));
  connection.onRequest(WorkspaceCodesRequest.type, guard(WorkspaceCodesRequest.method, (p) => (session ? session.service.searchCodes(p.query, p.limit) : [])));
  connection.onRequest(ItemAtPositionRequest.type, guard(ItemAtPositionRequest.method, (p) => {
    const s = current();
    const doc = s?.service.document(p.uri);
    const item = doc ? s?.service.itemAt(p.uri, doc.offsetAt(p.position)) : undefined;
    return item ? { uri: p.uri, code: item.id } : null;
  }));

  /**
   * Runs the validations the debounce still holds, so that a request reads
   * the index of the text the client sees: its positions refer to that text.
   */
  const current = (): Session | undefined => {
    const s = session;
    if (s) {
      for (const [uri, timer] of s.timers) {
        clearTimeout(timer);
        s.timers.delete(uri);
        const doc = documents.get(uri);
        if (doc) {
          publish(s.service.update(uri, doc.getText()));
        }
      }
    }
    return s;
  };

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

  documents.listen(connection);
  connection.listen();
}

if (require.main === module) {
  startServer();
}

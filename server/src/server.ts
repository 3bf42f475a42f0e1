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
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from './languageService';
import { findFiles, pathToUri, readTextFile, uriToPath } from './node/fileSystem';
import { loadSchemas } from './node/schemas';
import { ItemAtPositionRequest, StatusNotification, StrategyTreeRequest, WorkspaceCodesRequest } from './protocol';
import { readSettings } from './settings';
import { itemAtOffset, searchCodes, treeData } from './features/tree';

/** Everything one server session holds; created on `initialize`. */
interface Session {
  service: LanguageService;
  roots: string[];
  configurationPull: boolean;
  watcherRegistration: boolean;
  timers: Map<string, NodeJS.Timeout>;
}

export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  let session: Session | undefined;

  const log = (message: string): void => connection.console.log(message);

  const publish = (uris: Iterable<string>): void => {
    if (!session) {
      return;
    }
    for (const uri of uris) {
      if (uri.startsWith('strategy-codes:')) {
        continue;
      }
      void connection.sendDiagnostics({ uri, diagnostics: session.service.index.has(uri) ? session.service.lspDiagnostics(uri) : [] });
    }
    const s = session.service.summary();
    void connection.sendNotification(StatusNotification.type, { indexing: false, strategies: s.strategies, catalogs: s.catalogs, codes: s.codes, errors: s.errors, warnings: s.warnings });
  };

  /** Reads every workspace file from disk into the index (open buffers win). */
  const scan = async (s: Session, progress?: WorkDoneProgressReporter): Promise<Set<string>> => {
    const affected = new Set<string>();
    const seen = new Set<string>();
    for (const root of s.roots) {
      const rootPath = uriToPath(root);
      if (!rootPath) {
        continue;
      }
      const files = findFiles(rootPath, (rel) => s.service.kindOf(`${root}/${rel}`) !== undefined);
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
    }
    for (const uri of s.service.index.uris()) {
      if (!seen.has(uri) && !uri.startsWith('strategy-codes:') && !documents.get(uri)) {
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
      configurationPull: params.capabilities.workspace?.configuration === true,
      watcherRegistration: params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      timers: new Map(),
    };
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
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
    progress?.begin('Strategy Codes', 0, '', false);
    try {
      if (s.configurationPull) {
        s.service.configure(readSettings(await connection.workspace.getConfiguration('strategyCodes')));
      }
      const started = Date.now();
      const affected = await scan(s, progress);
      log(`Indexed ${s.service.index.uris().length} files in ${Date.now() - started} ms`);
      publish(affected);
    } finally {
      progress?.done();
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
        // A created folder (or a renamed one) brings the files inside it.
        const inside = findFiles(path, (rel) => s.service.kindOf(`${change.uri.replace(/\/$/, '')}/${rel}`) !== undefined);
        for (const file of inside) {
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
    if (s && s.service.document(e.document.uri)?.getText() !== e.document.getText()) {
      publish(s.service.update(e.document.uri, e.document.getText()));
    } else if (s && !s.service.index.has(e.document.uri)) {
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

  connection.onRequest(StrategyTreeRequest.type, () => (session ? treeData(session.service) : []));
  connection.onRequest(WorkspaceCodesRequest.type, (p) => (session ? searchCodes(session.service, p.query, p.limit) : []));
  connection.onRequest(ItemAtPositionRequest.type, (p) => {
    const file = session?.service.index.get(p.uri);
    const doc = session?.service.document(p.uri);
    if (!file || !doc || file.parsed.kind !== 'strategy') {
      return null;
    }
    const item = itemAtOffset(file.parsed, doc.offsetAt(p.position));
    return item ? { uri: p.uri, code: item.id } : null;
  });

  documents.listen(connection);
  connection.listen();
}

if (require.main === module) {
  startServer();
}

/**
 * Creating the language client: the server is the bundled `dist/server/server.js`, run by the
 * extension host's Node over IPC. The client's standard error handler decides whether to restart a
 * crashed server; this module only tells the user what happened, in the UI language.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  LanguageClient,
  type LanguageClientOptions,
  type Message,
  type ServerOptions,
  TransportKind,
  type Location,
  type Position,
} from 'vscode-languageclient/node';

const l10n = vscode.l10n;

/** The client id: it names the `strategyCodes.trace.server` setting. */
export const CLIENT_ID = 'strategyCodes';

/** What the user is offered after a crash. */
interface CrashActions {
  showLog(): void;
  restart(): void;
}

/**
 * Wraps the client's default error handler (restart up to 4 times in 3 minutes, then give up) and
 * tells the user about each crash with a message they can act on, instead of the client's English
 * one that only appears in the log.
 */
class NotifyingErrorHandler implements ErrorHandler {
  private base: ErrorHandler | undefined;

  constructor(
    private readonly client: () => LanguageClient,
    private readonly actions: CrashActions,
  ) {}

  private defaults(): ErrorHandler {
    this.base ??= this.client().createDefaultErrorHandler();
    return this.base;
  }

  error(error: Error, message: Message | undefined, count: number | undefined): Promise<ErrorHandlerResult> | ErrorHandlerResult {
    return this.defaults().error(error, message, count);
  }

  async closed(): Promise<CloseHandlerResult> {
    const result = await this.defaults().closed();
    const showLog = l10n.t('Show Log');
    if (result.action === CloseAction.Restart) {
      const text = l10n.t('The Strategy Codes language server stopped unexpectedly and has been restarted.');
      void vscode.window.showWarningMessage(text, showLog).then((choice) => choice === showLog && this.actions.showLog());
      return { action: result.action, message: text, handled: true };
    }
    const text = l10n.t('The Strategy Codes language server stopped unexpectedly several times in a short while and will not be restarted. See the log for the cause.');
    const restart = l10n.t('Restart');
    void vscode.window.showErrorMessage(text, showLog, restart).then((choice) => {
      if (choice === showLog) {
        this.actions.showLog();
      } else if (choice === restart) {
        this.actions.restart();
      }
    });
    return { action: result.action, message: text, handled: true };
  }
}

/** The language client for the extension, not yet started. */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server/server.js');
  const serverOptions: ServerOptions = { module, transport: TransportKind.ipc };
  const clientOptions: LanguageClientOptions = {
    // Markdown files are included for qualified references (`praha-integrace/2.A.11`) in notes.
    documentSelector: [
      { scheme: 'file', language: 'strategy-yaml' },
      { scheme: 'file', language: 'markdown' },
    ],
    // The server registers for `strategyCodes` configuration changes itself and pulls the values,
    // so the client does not synchronize the section too (each change would arrive twice).
    outputChannel: output,
    // The parse cache lives in the extension's storage: per workspace when there is one, else shared.
    initializationOptions: { cacheDir: vscode.Uri.joinPath(context.storageUri ?? context.globalStorageUri, 'parse-cache').fsPath },
    middleware: {
      // The server's "N references" lenses carry plain JSON arguments; VS Code's peek command needs its own types.
      async provideCodeLenses(document, token, next) {
        const lenses = await next(document, token);
        for (const lens of lenses ?? []) {
          if (lens.command?.command === 'editor.action.showReferences' && lens.command.arguments?.length === 3) {
            const [uri, position, locations] = lens.command.arguments as [string, Position, Location[]];
            const p2c = client.protocol2CodeConverter;
            lens.command.arguments = [p2c.asUri(uri), p2c.asPosition(position), locations.map((l) => p2c.asLocation(l))];
          }
        }
        return lenses;
      },
    },
    // The handler is called only after the client exists.
    errorHandler: new NotifyingErrorHandler(() => client, {
      showLog: () => output.show(true),
      restart: () => void vscode.commands.executeCommand('strategyCodes.restartServer'),
    }),
  };
  const client = new LanguageClient(CLIENT_ID, l10n.t('Strategy Codes Language Server'), serverOptions, clientOptions);
  return client;
}

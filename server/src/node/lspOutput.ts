/**
 * Where the sync module's results go in the language server: diagnostics to
 * the client, the status notification of the status bar, refreshes of code
 * lenses and inlay hints (their counts and titles in other open files may
 * have changed), and the indexing progress.
 */
import { ClientCapabilities, CodeLensRefreshRequest, Connection, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { LanguageService } from '../languageService';
import { StatusNotification } from '../protocol';
import { SyncOutput, WorkspaceSync } from '../sync/workspaceSync';

/** The session's service and sync module, once `initialize` has created them. */
export type SessionLookup = () => { service: LanguageService; sync: WorkspaceSync } | undefined;

export function lspOutput(connection: Connection, capabilities: ClientCapabilities | undefined, session: SessionLookup): SyncOutput {
  const codeLensRefresh = capabilities?.workspace?.codeLens?.refreshSupport === true;
  const inlayHintRefresh = capabilities?.workspace?.inlayHint?.refreshSupport === true;
  let progress: WorkDoneProgressReporter | undefined;
  let progressStarting = false;
  return {
    publish: (uri, diagnostics, version) => void connection.sendDiagnostics({ uri, diagnostics, version }),
    changed: (indexing) => {
      const s = session();
      if (!s) {
        return;
      }
      // Reference counts and titles shown in other open files may have changed.
      if (!indexing && codeLensRefresh) {
        void connection.sendRequest(CodeLensRefreshRequest.type);
      }
      if (!indexing && inlayHintRefresh) {
        void connection.languages.inlayHint.refresh();
      }
      // While indexing the status shows the count of files, not problems: diagnostics computed against a half-built
      // index would be thrown away as names keep appearing, and computing them after every batch makes a large scan quadratic.
      const sum = s.service.summary({ diagnostics: !indexing });
      void connection.sendNotification(StatusNotification.type, { indexing, strategies: sum.strategies, catalogs: sum.catalogs, codes: sum.codes, errors: sum.errors, warnings: sum.warnings });
      if (indexing && !progress && !progressStarting) {
        progressStarting = true;
        void connection.window.createWorkDoneProgress().then(
          (p) => {
            progressStarting = false;
            progress = p;
            p.begin(s.service.messages.text('progress.indexing'), 0, '', false);
            if (!s.sync.indexing) {
              p.done();
              progress = undefined;
            }
          },
          () => (progressStarting = false),
        );
      } else if (!indexing && progress) {
        progress.done();
        progress = undefined;
      }
    },
    progress: (done, total) => {
      const s = session();
      // The last batch's count arrives after the scan has ended and the final status went out: it must not undo it.
      if (!s || !s.sync.indexing) {
        return;
      }
      progress?.report(total > 0 ? Math.round((done / total) * 100) : 100, s.service.messages.text('progress.count', s.service.messages.number(done), s.service.messages.number(total)));
      const sum = s.service.summary({ diagnostics: false });
      void connection.sendNotification(StatusNotification.type, { indexing: true, strategies: sum.strategies, catalogs: sum.catalogs, codes: sum.codes, errors: sum.errors, warnings: sum.warnings, done, total });
    },
  };
}

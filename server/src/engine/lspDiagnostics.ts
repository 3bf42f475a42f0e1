/**
 * Core diagnostics as LSP diagnostics: severity overrides from the settings,
 * positions from offsets, messages in the user's language.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Messages } from '../messages';
import { CodeDiagnostic, Severity } from '../model/types';
import { Settings } from '../settings';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The severity a diagnostic is shown with, or undefined when its code is turned off. */
export function effectiveSeverity(d: CodeDiagnostic, settings: Settings): Severity | undefined {
  const s = settings.severity[d.code];
  if (s === 'off') {
    return undefined;
  }
  return s ?? d.severity;
}

/** Looks up another file's text document, for related information in other files. */
export type DocumentLookup = (uri: string) => TextDocument | undefined;

export function toLspDiagnostics(diagnostics: readonly CodeDiagnostic[], doc: TextDocument, lookup: DocumentLookup, settings: Settings, messages: Messages): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const severity = effectiveSeverity(d, settings);
    if (!severity) {
      continue;
    }
    const lsp: Diagnostic = {
      range: { start: doc.positionAt(d.span.start), end: doc.positionAt(d.span.end) },
      severity: LSP_SEVERITY[severity],
      code: d.code,
      source: 'strategy-codes',
      message: messages.format(d.message, d.suggestions),
    };
    if (d.suggestions) {
      lsp.data = { suggestions: d.suggestions };
    }
    if (d.related && d.related.length > 0) {
      lsp.relatedInformation = d.related.flatMap((r) => {
        const other = r.uri === doc.uri ? doc : lookup(r.uri);
        return other
          ? [{ location: { uri: r.uri, range: { start: other.positionAt(r.span.start), end: other.positionAt(r.span.end) } }, message: messages.format(r.message) }]
          : [];
      });
    }
    out.push(lsp);
  }
  return out;
}

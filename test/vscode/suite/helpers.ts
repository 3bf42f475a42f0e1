// Helpers of the in-editor suite. Every wait is on an event (diagnostics, server status, client
// state) bounded by a deadline that fails with what was seen; nothing sleeps.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { StrategyCodesApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'strategy-codes.strategy-codes';

/** The workspace folder: a temp copy of examples/. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with a folder open');
  return folder.uri;
}

/** A file of the example workspace, by its path relative to examples/. */
export function exampleUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

/** The extension's API (it activates it if it is not yet active). */
export async function api(): Promise<StrategyCodesApi> {
  const extension = vscode.extensions.getExtension<StrategyCodesApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension.activate();
}

/** The diagnostic's code as a string (`numbering-gap`). */
export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/**
 * Resolves with the diagnostics of `uri` as soon as they satisfy `accept` — now, or on a later
 * `onDidChangeDiagnostics` — and fails after `ms` with the last diagnostics seen.
 */
export function waitForDiagnostics(uri: vscode.Uri, accept: (ds: vscode.Diagnostic[]) => boolean, what: string, ms = 20000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const ds = vscode.languages.getDiagnostics(uri);
      if (accept(ds)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(ds);
        return true;
      }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => e.uris.some((u) => u.toString() === uri.toString()) && check());
    const timer = setTimeout(() => {
      sub.dispose();
      const seen = vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)}@${d.range.start.line + 1}: ${d.message}`);
      reject(new Error(`timed out waiting for ${what} in ${uri.path}; diagnostics now: ${JSON.stringify(seen, null, 1)}`));
    }, ms);
    check();
  });
}

/** Opens a document (without showing it) and returns it. */
export function open(uri: vscode.Uri): Thenable<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(uri);
}

/** The position of the `occurrence`-th match of `needle` in a document, plus `offset` characters. */
export function positionOf(doc: vscode.TextDocument, needle: string | RegExp, offset = 0): vscode.Position {
  const text = doc.getText();
  const index = typeof needle === 'string' ? text.indexOf(needle) : (needle.exec(text)?.index ?? -1);
  assert.ok(index >= 0, `${String(needle)} occurs in ${doc.uri.path}`);
  return doc.positionAt(index + offset);
}

/** The title written under `- id: CODE` in a strategy document. */
export function titleOf(doc: vscode.TextDocument, code: string): string {
  const escaped = code.replace(/\./g, '\\.');
  const match = new RegExp(`- id: ${escaped}\\s*\\n\\s*title: (.+)`).exec(doc.getText());
  assert.ok(match, `item ${code} with a title in ${doc.uri.path}`);
  return match[1].trim();
}

/** The plain text of hover contents. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/**
 * Replaces the first `from` in the document's buffer with `to`, and returns a function that puts
 * the original text back and saves it (the file on disk is a temp copy: saving leaves it unchanged).
 */
export async function replaceInBuffer(doc: vscode.TextDocument, from: string, to: string): Promise<() => Promise<void>> {
  const original = doc.getText();
  const start = positionOf(doc, from);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(start, doc.positionAt(doc.offsetAt(start) + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit), `edit ${from} -> ${to} applied`);
  return async () => {
    const restore = new vscode.WorkspaceEdit();
    restore.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
    assert.ok(await vscode.workspace.applyEdit(restore), 'original text restored');
    assert.ok(await doc.save(), 'saved');
  };
}

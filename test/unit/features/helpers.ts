/**
 * Helpers behind the feature tests: the cursor of a fixture as an LSP
 * position, the text at a range or location, and a WorkspaceEdit applied to
 * the fixture's texts (both `changes` and `documentChanges`), so that a test
 * compares whole files after an edit.
 */
import * as assert from 'assert';
import { Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Fixture, ROOT } from '../fixture';

/** The fixture's cursor: the file that holds `$0` and the position there. */
export function cursor(fx: Fixture): { uri: string; position: Position } {
  const f = fx.cursorFile();
  const doc = fx.service.document(f.uri);
  assert.ok(doc, `no document for ${f.uri}`);
  return { uri: f.uri, position: doc.positionAt(f.cursor) };
}

/** The text a range covers in an indexed file. */
export function textAt(fx: Fixture, uri: string, range: Range): string {
  const doc = fx.service.document(uri);
  assert.ok(doc, `no document for ${uri}`);
  return doc.getText(range);
}

/** A location as `/path@line:character «text»`, readable in assertion messages. */
export function describeLocation(fx: Fixture, loc: Location): string {
  return `${loc.uri.slice(ROOT.length)}@${loc.range.start.line}:${loc.range.start.character} «${textAt(fx, loc.uri, loc.range)}»`;
}

/** The `⟦…⟧` marks of every fixture file, described like `describeLocation`, sorted. */
export function markedLocations(fx: Fixture): string[] {
  return fx.files
    .flatMap((f) => {
      const doc = fx.service.document(f.uri)!;
      return f.marks.map((m) => describeLocation(fx, { uri: f.uri, range: { start: doc.positionAt(m.start), end: doc.positionAt(m.end) } }));
    })
    .sort();
}

/** The text edits of a WorkspaceEdit per URI, whichever form it uses. */
export function editsOf(edit: WorkspaceEdit): Map<string, TextEdit[]> {
  const out = new Map<string, TextEdit[]>();
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    out.set(uri, [...(out.get(uri) ?? []), ...edits]);
  }
  for (const change of edit.documentChanges ?? []) {
    assert.ok('textDocument' in change, 'only text document edits are expected');
    out.set(change.textDocument.uri, [...(out.get(change.textDocument.uri) ?? []), ...(change.edits as TextEdit[])]);
  }
  return out;
}

/** The texts of the files a WorkspaceEdit changes, after the edit, applied to the indexed texts. */
export function applyEdit(fx: Fixture, edit: WorkspaceEdit): Map<string, string> {
  const out = new Map<string, string>();
  for (const [uri, edits] of editsOf(edit)) {
    const doc = fx.service.document(uri);
    assert.ok(doc, `edit of an unknown file ${uri}`);
    out.set(uri, TextDocument.applyEdits(doc, edits));
  }
  return out;
}

/** Applies a WorkspaceEdit to the fixture's service (as the editor would, then tell the server), returning the new texts. */
export function applyAndUpdate(fx: Fixture, edit: WorkspaceEdit): Map<string, string> {
  const texts = applyEdit(fx, edit);
  for (const [uri, text] of texts) {
    fx.service.update(uri, text);
  }
  return texts;
}

/** The current text of a fixture file by its path (`/a.strategy.yaml`). */
export function textOf(fx: Fixture, path: string): string {
  const doc = fx.service.document(ROOT + path);
  assert.ok(doc, `no document ${path}`);
  return doc.getText();
}

/** The position of the first occurrence of `needle` in a file, plus `delta` characters. */
export function positionOf(fx: Fixture, path: string, needle: string, delta = 0): Position {
  const doc = fx.service.document(ROOT + path);
  assert.ok(doc, `no document ${path}`);
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} not in ${path}`);
  return doc.positionAt(at + delta);
}

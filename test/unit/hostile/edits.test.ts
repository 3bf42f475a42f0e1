/**
 * Edits that cannot lose text. Properties over seeded random choices:
 *
 * - a rename followed by the inverse rename restores every file byte for
 *   byte, read back from disk (comments, quoting, key order, blank lines,
 *   CRLF and a BOM included), and the rename itself changes code text only;
 * - every quick fix (replacements, renumbering, next free code) is one
 *   WorkspaceEdit of versioned document edits that changes code text only;
 * - incremental changes applied in any chunk order give the same buffer, in
 *   the document implementation the server uses, as in the client's model.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CodeAction, Position, Range, ResponseError, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../../../server/src/languageService';
import { StrategyDocument } from '../../../server/src/model/types';
import { findFiles, pathToUri, readTextFile } from '../../../server/src/node/fileSystem';
import { Random } from '../../fuzz/random';
import { schemas } from '../fixture';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', '..', 'examples');

/** Files written the way people write them: CRLF, a BOM, comments everywhere, quoted and flow-style codes, blank lines. */
const AWKWARD: Record<string, string> = {
  'plan.strategy.yaml':
    '\ufeff# Plán města\r\nstrategy: plan   # id\r\ntitle: "Plán"\r\n\r\nitems:\r\n  - id: A   # oblast\r\n    title: Úřad\r\n    items:\r\n      - id: \'A1\'\r\n        title: Efektivní úřad\r\n      - {id: "A2", title: Otevřený úřad}\r\n\r\n  - title: Doprava\r\n    id: B\r\n',
  'koncepce.strategy.yaml':
    '\ufeffstrategy: koncepce\r\ntitle: Koncepce\r\ngoalsFrom: plan\r\nactors:\r\n  - id: nmc\r\n    name: NMC\r\nitems:\r\n  - id: 1\r\n    title: Priorita  # komentář: id 1\r\n    items:\r\n      - id: 1.A\r\n        title: Cíl\r\n        goals: [A1, "A2", plan/B]\r\n        related:\r\n          - "1.B"   # sourozenec\r\n          - koncepce/1.B\r\n        responsible: nmc\r\n        partners: [nmc]\r\n      - id: 1.B\r\n        title: Druhý\r\n        related: [1.A, 1]\r\n',
  'poznamky.md': '---\r\nstrategy: koncepce\r\n---\r\n\r\nViz koncepce/1.A a plan/A1, také 1.B (kapitola 6.1).\r\n',
};

/** The client's model: offsets of LSP positions (UTF-16, CRLF / LF / CR line ends). */
function offsetAt(text: string, pos: Position): number {
  let offset = 0;
  for (let line = 0; line < pos.line; line++) {
    const m = /\r\n|\r|\n/g;
    m.lastIndex = offset;
    const found = m.exec(text);
    if (!found) {
      return text.length;
    }
    offset = found.index + found[0].length;
  }
  return offset + pos.character;
}

/** A workspace on disk: files are read as the server reads them and written back keeping the BOM. */
class DiskWorkspace {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-edits-'));
  readonly service: LanguageService;
  /** Versions of the "open" documents, as the client would report them. */
  readonly versions = new Map<string, number>();

  constructor(files: Record<string, string> | string) {
    if (typeof files === 'string') {
      fs.cpSync(files, this.dir, { recursive: true });
    } else {
      for (const [name, text] of Object.entries(files)) {
        fs.writeFileSync(path.join(this.dir, name), text);
      }
    }
    const root = pathToUri(this.dir);
    this.service = new LanguageService({ schemas: schemas(), roots: [root] });
    for (const file of findFiles(this.dir, (rel) => this.service.kindOf(`${root}/${rel}`) !== undefined)) {
      this.service.update(pathToUri(file), readTextFile(file).text!);
      this.versions.set(pathToUri(file), 1);
    }
  }

  bytes(): Map<string, Buffer> {
    return new Map(findFiles(this.dir, () => true).map((f) => [f, fs.readFileSync(f)]));
  }

  path(uri: string): string {
    return [...findFiles(this.dir, () => true)].find((f) => pathToUri(f) === uri)!;
  }

  /** Applies a WorkspaceEdit to the files on disk (BOM kept), reads them back and re-indexes them. */
  apply(edit: WorkspaceEdit): void {
    const perUri = new Map<string, TextEdit[]>();
    for (const change of edit.documentChanges ?? []) {
      assert.ok(TextDocumentEdit.is(change), 'only text edits');
      assert.strictEqual(change.textDocument.version, this.versions.get(change.textDocument.uri) ?? null, `version of ${change.textDocument.uri}`);
      perUri.set(change.textDocument.uri, [...(perUri.get(change.textDocument.uri) ?? []), ...(change.edits as TextEdit[])]);
    }
    assert.strictEqual(edit.changes, undefined, 'versioned documentChanges, not plain changes');
    for (const [uri, edits] of perUri) {
      const file = this.path(uri);
      const raw = fs.readFileSync(file, 'utf8');
      const bom = raw.startsWith('\ufeff') ? '\ufeff' : '';
      let text = raw.slice(bom.length);
      const located = edits.map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
      for (let i = 1; i < located.length; i++) {
        assert.ok(located[i].end <= located[i - 1].start, `overlapping edits in ${uri}`);
      }
      for (const e of located) {
        const old = text.slice(e.start, e.end);
        // Only code text changes: no white space, line ends, quotes, comments or YAML punctuation.
        assert.match(old, /^[^\s"'#:,[\]{}]+$/, `an edit replaces ${JSON.stringify(old)} in ${uri}`);
        assert.match(e.newText, /^[^\s"'#:,[\]{}]+$/, `an edit writes ${JSON.stringify(e.newText)} in ${uri}`);
        text = text.slice(0, e.start) + e.newText + text.slice(e.end);
      }
      fs.writeFileSync(file, bom + text);
      this.service.update(uri, readTextFile(file).text!);
      this.versions.set(uri, (this.versions.get(uri) ?? 0) + 1);
    }
  }

  options(): { documentChanges: boolean; versionOf: (uri: string) => number | null } {
    return { documentChanges: true, versionOf: (uri) => this.versions.get(uri) ?? null };
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Where a definition can be renamed, and a new name for it. */
interface RenameSite {
  uri: string;
  offset: number;
  oldName: string;
  newName: string;
}

function renameSites(ws: DiskWorkspace): RenameSite[] {
  const sites: RenameSite[] = [];
  for (const file of ws.service.index.all()) {
    const doc = file.parsed;
    if (doc.kind !== 'strategy' || file.uri.startsWith('strategy-codes:')) {
      continue;
    }
    const s: StrategyDocument = doc;
    if (s.id && s.idSpan) {
      sites.push({ uri: file.uri, offset: s.idSpan.start, oldName: s.id, newName: s.id + '-nove' });
    }
    for (const actor of s.actors) {
      sites.push({ uri: file.uri, offset: actor.span.start, oldName: actor.id, newName: actor.id + 'x' });
    }
    for (const item of s.items) {
      const last = item.id.slice(item.id.lastIndexOf('.') + 1);
      const replacement = /^\d+$/.test(last) ? String(Number(last) + 900) : /^[A-Z]+\d+$/.test(last) ? last.replace(/\d+$/, (d) => String(Number(d) + 900)) : 'XXX';
      sites.push({ uri: file.uri, offset: item.idSpan.start, oldName: item.id, newName: item.id.slice(0, item.id.length - last.length) + replacement });
    }
  }
  return sites;
}

/** Renames at `offset` of `uri`; undefined when the rename is refused (a ResponseError) or finds nothing. */
function renameAt(ws: DiskWorkspace, uri: string, offset: number, newName: string): WorkspaceEdit | undefined {
  const doc = ws.service.document(uri)!;
  try {
    return ws.service.rename(uri, doc.positionAt(offset), newName, ws.options()) ?? undefined;
  } catch (e) {
    assert.ok(e instanceof ResponseError, `rename threw ${String(e)}`);
    return undefined;
  }
}

/** The offset the definition at `offset` of `uri` moves to when `edit` is applied. */
function movedOffset(ws: DiskWorkspace, edit: WorkspaceEdit, uri: string, offset: number): number {
  const doc = ws.service.document(uri)!;
  let shift = 0;
  for (const change of edit.documentChanges ?? []) {
    if (TextDocumentEdit.is(change) && change.textDocument.uri === uri) {
      for (const e of change.edits as TextEdit[]) {
        const start = doc.offsetAt(e.range.start);
        if (start < offset) {
          shift += e.newText.length - (doc.offsetAt(e.range.end) - start);
        }
      }
    }
  }
  return offset + shift;
}

function checkRoundTrips(ws: DiskWorkspace, seed: number, count: number): number {
  const original = ws.bytes();
  const rnd = new Random(seed);
  let done = 0;
  for (const site of rnd.shuffle(renameSites(ws)).slice(0, count)) {
    const forward = renameAt(ws, site.uri, site.offset, site.newName);
    if (!forward) {
      continue;
    }
    const back = movedOffset(ws, forward, site.uri, site.offset);
    ws.apply(forward);
    assert.notDeepStrictEqual(ws.bytes(), original, `renaming ${site.oldName} to ${site.newName} changed nothing`);
    const inverse = renameAt(ws, site.uri, back, site.oldName);
    assert.ok(inverse, `the inverse rename of ${site.newName} to ${site.oldName} was refused`);
    ws.apply(inverse);
    const now = ws.bytes();
    for (const [file, bytes] of original) {
      assert.ok(now.get(file)?.equals(bytes), `${path.basename(file)} differs after renaming ${site.oldName} → ${site.newName} → ${site.oldName}:\n${now.get(file)?.toString('utf8')}`);
    }
    done++;
  }
  return done;
}

describe('edits that cannot lose text', function () {
  this.timeout(60_000);

  it('rename then the inverse rename restores every file byte for byte (CRLF, BOM, comments, quotes, flow style)', () => {
    const ws = new DiskWorkspace(AWKWARD);
    try {
      const done = checkRoundTrips(ws, 1, 1000);
      // Document ids, the actor and items at every depth (quoted, flow-style, in CRLF files with a BOM).
      assert.ok(done >= 10, `only ${done} renames were accepted`);
    } finally {
      ws.dispose();
    }
  });

  it('rename then the inverse rename restores the example workspace byte for byte (40 random renames)', () => {
    const ws = new DiskWorkspace(EXAMPLES);
    try {
      const done = checkRoundTrips(ws, 2, 40);
      assert.ok(done >= 20, `only ${done} renames were accepted`);
    } finally {
      ws.dispose();
    }
  });

  it('every quick fix is one WorkspaceEdit of versioned document edits that changes code text only', () => {
    const files = {
      ...AWKWARD,
      'opravy.strategy.yaml':
        '\ufeffstrategy: opravy\r\ntitle: Opravy  # komentář\r\nactors:\r\n  - id: nmc\r\n    name: N\r\nitems:\r\n  - id: 1\r\n    title: A\r\n    related: [3.A]\r\n    descriptors: [VIII.x, viii.e]\r\n    responsible: nmx\r\n  - id: 3\r\n    title: Mezera\r\n    related: ["4"]\r\n    items:\r\n      - id: 3.A\r\n        title: X\r\n      - id: 3.A\r\n        title: Dvakrát\r\n  - id: 4\r\n    title: C\r\n    related: [opravy/3]\r\n',
    };
    const ws = new DiskWorkspace(files);
    try {
      const uri = [...ws.service.index.uris()].find((u) => u.endsWith('opravy.strategy.yaml'))!;
      const diagnostics = ws.service.lspDiagnostics(uri);
      const kinds = new Set(diagnostics.map((d) => d.code));
      assert.ok(kinds.has('numbering-gap') && kinds.has('duplicate-id') && kinds.has('unknown-descriptor'), `fixture diagnostics: ${[...kinds].join(', ')}`);
      const actions: CodeAction[] = ws.service.codeActions(uri, diagnostics, ws.options());
      const withEdits = actions.filter((a) => a.edit);
      assert.ok(withEdits.length >= 4, `only ${withEdits.length} quick fixes`);
      for (const action of withEdits) {
        // Each fix is tried on the original files, then undone on disk.
        const fresh = new DiskWorkspace(files);
        try {
          const freshUri = [...fresh.service.index.uris()].find((u) => u.endsWith('opravy.strategy.yaml'))!;
          const again = fresh.service.codeActions(freshUri, fresh.service.lspDiagnostics(freshUri), fresh.options()).find((a) => a.title === action.title);
          assert.ok(again?.edit, `fix "${action.title}" not offered again`);
          const edit = again.edit;
          if (action.title.includes('goalsFrom')) {
            continue;
          }
          fresh.apply(edit);
        } finally {
          fresh.dispose();
        }
      }
    } finally {
      ws.dispose();
    }
  });

  it('changes applied in any chunk order give the same buffer as the client holds (CRLF, emoji, Czech)', () => {
    const rnd = new Random(5);
    for (let round = 0; round < 300; round++) {
      const base = rnd.pick(Object.values(AWKWARD)).replace('Úřad', 'Úřad 😀');
      // Boundaries the client can produce: not inside a CRLF or a surrogate pair.
      const ok = (t: string, o: number): boolean => !(t[o - 1] === '\r' && t[o] === '\n') && !/[\ud800-\udbff]/.test(t[o - 1] ?? '');
      const cuts = [...new Set(Array.from({ length: 2 * rnd.between(1, 5) }, () => rnd.int(base.length + 1)))].filter((o) => ok(base, o)).sort((a, b) => a - b);
      const regions: { start: number; end: number; text: string }[] = [];
      for (let k = 0; k + 1 < cuts.length; k += 2) {
        regions.push({ start: cuts[k], end: cuts[k + 1], text: rnd.pick(['', 'ž', '😀', '\r\n', '\n', 'id: 1', ' ']) });
      }
      const target = [...regions].reverse().reduce((t, r) => t.slice(0, r.start) + r.text + t.slice(r.end), base);
      const doc = TextDocument.create('file:///x.strategy.yaml', 'strategy-yaml', 1, base);
      let model = base;
      const applied: { start: number; end: number; text: string }[] = [];
      for (const r of rnd.shuffle(regions)) {
        const shift = applied.filter((a) => a.start < r.start).reduce((n, a) => n + a.text.length - (a.end - a.start), 0);
        const range: Range = { start: doc.positionAt(r.start + shift), end: doc.positionAt(r.end + shift) };
        assert.strictEqual(offsetAt(model, range.start), r.start + shift, 'positions agree between the client model and the server document');
        TextDocument.update(doc, [{ range, text: r.text }], doc.version + 1);
        model = model.slice(0, r.start + shift) + r.text + model.slice(r.end + shift);
        applied.push(r);
      }
      assert.strictEqual(model, target);
      assert.strictEqual(doc.getText(), target, `round ${round}`);
    }
  });
});

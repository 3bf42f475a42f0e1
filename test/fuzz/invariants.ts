/**
 * What must hold for any input, checked on every result the fuzzer gets:
 * diagnostics stay inside their file with a known code and a filled-in
 * message; every range a feature returns lies inside the document it names;
 * the edits of one document do not overlap. A range past the end of a line is
 * exactly the "wrong range" a stale answer gives.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../../server/src/languageService';
import { DIAGNOSTIC_CODES } from '../../server/src/model/types';

const CODES = new Set<string>(DIAGNOSTIC_CODES);

interface Pos {
  line: number;
  character: number;
}

interface Rng {
  start: Pos;
  end: Pos;
}

function isPos(v: unknown): v is Pos {
  return typeof v === 'object' && v !== null && typeof (v as Pos).line === 'number' && typeof (v as Pos).character === 'number';
}

function isRange(v: unknown): v is Rng {
  return typeof v === 'object' && v !== null && isPos((v as Rng).start) && isPos((v as Rng).end);
}

/** Problems with the diagnostics the service holds for `uri` (an empty list when all is well). */
export function checkDiagnostics(service: LanguageService, uri: string): string[] {
  const problems: string[] = [];
  const doc = service.document(uri);
  const length = doc?.getText().length ?? 0;
  for (const d of service.diagnostics(uri)) {
    if (!CODES.has(d.code)) {
      problems.push(`unknown diagnostic code ${d.code}`);
    }
    if (!(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= length)) {
      problems.push(`${d.code} span ${d.span.start}-${d.span.end} outside the text (length ${length})`);
    }
    if (d.message.id === 'yaml.internal') {
      problems.push(`internal error caught by the parser: ${d.message.args.join(' ')}`);
    }
    const text = service.messages.format(d.message, d.suggestions);
    if (text.length === 0 || /\{\d+\}/.test(text) || text === d.message.id) {
      problems.push(`${d.code} message not filled in: ${JSON.stringify(text)}`);
    }
    for (const r of d.related ?? []) {
      const other = service.document(r.uri);
      if (other && !(r.span.start >= 0 && r.span.start <= r.span.end && r.span.end <= other.getText().length)) {
        problems.push(`${d.code} related span ${r.span.start}-${r.span.end} outside ${r.uri}`);
      }
    }
  }
  return problems;
}

/** Problems with one LSP range in a document. */
function checkRange(range: Rng, doc: TextDocument, what: string): string[] {
  const out: string[] = [];
  const last = doc.lineCount - 1;
  for (const p of [range.start, range.end]) {
    if (p.line < 0 || p.line > last || p.character < 0) {
      out.push(`${what}: position ${p.line}:${p.character} outside ${doc.uri} (${doc.lineCount} lines)`);
      continue;
    }
    // A valid position maps to an offset and back unchanged; one past the end of its line does not.
    const back = doc.positionAt(doc.offsetAt(p));
    if (back.line !== p.line || back.character !== p.character) {
      out.push(`${what}: position ${p.line}:${p.character} is past the end of its line in ${doc.uri}`);
    }
  }
  if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) {
    out.push(`${what}: range ends before it starts`);
  }
  return out;
}

/**
 * Walks a feature's result and checks every range against the document it
 * belongs to: the `uri` / `targetUri` / `textDocument.uri` next to it or above
 * it, else the document the feature was asked about. Ranges in documents the
 * service does not hold (closed files the client would read) are skipped.
 */
export function checkResultRanges(result: unknown, service: LanguageService, defaultUri: string, feature: string): string[] {
  const problems: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown, uri: string, path: string, depth: number): void => {
    if (typeof value !== 'object' || value === null || seen.has(value) || depth > 40 || problems.length > 20) {
      return;
    }
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, uri, `${path}[${i}]`, depth + 1));
      checkEditsDoNotOverlap(value, uri, path, problems);
      return;
    }
    const obj = value as Record<string, unknown>;
    const own = typeof obj.uri === 'string' ? obj.uri : typeof obj.targetUri === 'string' ? obj.targetUri : uriOfTextDocument(obj.textDocument) ?? uri;
    for (const [key, v] of Object.entries(obj)) {
      if (/range$/i.test(key) && isRange(v)) {
        const doc = service.document(own);
        if (doc) {
          problems.push(...checkRange(v, doc, `${feature} ${path}.${key}`));
        }
      } else if (key === 'changes' && typeof v === 'object' && v !== null && !Array.isArray(v)) {
        // WorkspaceEdit.changes: uri → TextEdit[].
        for (const [u, edits] of Object.entries(v as Record<string, unknown>)) {
          visit(edits, u, `${path}.changes[${u}]`, depth + 1);
        }
      } else if (key !== 'data') {
        visit(v, own, `${path}.${key}`, depth + 1);
      }
    }
  };
  visit(result, defaultUri, 'result', 0);
  return problems;
}

function uriOfTextDocument(v: unknown): string | undefined {
  const u = (v as { uri?: unknown } | undefined)?.uri;
  return typeof v === 'object' && v !== null && typeof u === 'string' ? u : undefined;
}

/** The text edits of one document must not overlap (the client rejects the whole edit otherwise). */
function checkEditsDoNotOverlap(list: unknown[], uri: string, path: string, problems: string[]): void {
  const edits = list.filter((e): e is { range: Rng; newText: string } => typeof e === 'object' && e !== null && isRange((e as { range?: unknown }).range) && typeof (e as { newText?: unknown }).newText === 'string');
  if (edits.length < 2) {
    return;
  }
  const key = (p: Pos): number => p.line * 1e7 + p.character;
  const sorted = [...edits].sort((a, b) => key(a.range.start) - key(b.range.start));
  for (let i = 1; i < sorted.length; i++) {
    if (key(sorted[i].range.start) < key(sorted[i - 1].range.end)) {
      problems.push(`${path}: overlapping edits in ${uri}`);
      return;
    }
  }
}

/**
 * Finds strategy codes in Markdown (spec section 5): qualified references
 * anywhere outside fenced code blocks, the front matter's `strategy:`, and,
 * when it is there, the bare codes that may refer to that document.
 */
import { parseDocument, isMap, isScalar } from 'yaml';
import { BareCode, MarkdownDocument, Reference } from '../model/types';
import { sourceScalar } from './yamlNodes';

const SEGMENT = String.raw`(?:\d+|[A-Z]+\d*)`;
const CODE = String.raw`${SEGMENT}(?:\.${SEGMENT})*`;
/**
 * A document id with at least one letter, `/`, a code — not preceded by `/`,
 * `:`, `.`, `-` or a word character (inside a URL or a path), and not
 * followed by a character that would continue the code.
 */
// Word characters include Czech letters: `č1.A` is not a code standing on its own.
const QUALIFIED = new RegExp(String.raw`(?<![\p{L}\p{N}_/:.-])([a-z0-9-]*[a-z][a-z0-9-]*)/(${CODE})(?![\p{L}\p{N}_/]|\.${SEGMENT})`, 'gu');
const BARE = new RegExp(String.raw`(?<![\p{L}\p{N}_/:.-])(${CODE})(?![\p{L}\p{N}_/-]|\.${SEGMENT})`, 'gu');

/** Offsets `[start, end)` of the fenced code blocks (``` or ~~~), which are skipped. */
function fencedBlocks(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /^( {0,3})(`{3,}|~{3,})[^\n]*$/gm;
  let open: { fence: string; start: number } | undefined;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const fence = m[2];
    if (!open) {
      open = { fence, start: m.index };
    } else if (fence[0] === open.fence[0] && fence.length >= open.fence.length && m[0].trim() === fence) {
      out.push([open.start, m.index + m[0].length]);
      open = undefined;
    }
  }
  if (open) {
    out.push([open.start, text.length]);
  }
  return out;
}

/** The front matter block (`---` … `---` at the very start), as offsets of its body. */
function frontMatter(text: string): { start: number; end: number; blockEnd: number } | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n(---|\.\.\.)[ \t]*(\r?\n|$)/.exec(text);
  if (!m) {
    return undefined;
  }
  const start = text.indexOf('\n') + 1;
  return { start, end: start + m[1].length, blockEnd: m.index + m[0].length };
}

export function parseMarkdown(uri: string, text: string): MarkdownDocument {
  const result: MarkdownDocument = { kind: 'markdown', uri, references: [], bareCodes: [], diagnostics: [], length: text.length };
  const fm = frontMatter(text);
  if (fm) {
    const doc = parseDocument(text.slice(fm.start, fm.end));
    const contents = doc.contents;
    const node = isMap(contents) ? contents.get('strategy', true) : undefined;
    if (isScalar(node) && node.value !== null) {
      const s = sourceScalar(node, text.slice(fm.start, fm.end));
      const span = { start: s.span.start + fm.start, end: s.span.end + fm.start };
      result.strategy = { kind: 'documents', text: s.text, span, code: s.text, codeSpan: span };
    }
  }
  const skip = fencedBlocks(text);
  if (fm) {
    skip.unshift([0, fm.blockEnd]);
  }
  const inSkipped = (offset: number): boolean => skip.some(([a, b]) => offset >= a && offset < b);
  for (const m of text.matchAll(QUALIFIED)) {
    const start = m.index;
    if (inSkipped(start)) {
      continue;
    }
    const docId = m[1];
    const code = m[2];
    const codeStart = start + docId.length + 1;
    const ref: Reference = {
      kind: 'markdown',
      text: m[0],
      span: { start, end: start + m[0].length },
      docId,
      docSpan: { start, end: start + docId.length },
      code,
      codeSpan: { start: codeStart, end: codeStart + code.length },
    };
    result.references.push(ref);
  }
  if (result.strategy) {
    const bare: BareCode[] = [];
    for (const m of text.matchAll(BARE)) {
      if (!inSkipped(m.index)) {
        bare.push({ code: m[1], span: { start: m.index, end: m.index + m[1].length } });
      }
    }
    result.bareCodes = bare;
  }
  return result;
}

/**
 * Mutators: the damage hand editing, pasting from Word and other tools' exports
 * do to a strategy file. Each takes a text and a generator and returns the
 * damaged text; `mutate` applies one to three of them.
 */
import { Random } from './random';

/** One kind of damage, with a name the fuzzer reports. */
export interface Mutator {
  name: string;
  apply(text: string, rnd: Random): string;
}

function lines(text: string): string[] {
  return text.split('\n');
}

function lineStart(text: string, rnd: Random): number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    starts.push(i + 1);
  }
  return rnd.pick(starts);
}

function insertAt(text: string, at: number, piece: string): string {
  return text.slice(0, at) + piece + text.slice(at);
}

/** Characters that mean something to YAML, or that arrive from Word, PDFs and other encodings. */
const PIECES = [
  ':', ': ', '- ', ' ', '  ', '\n', '\t', '[', ']', '{', '}', ',', '&a ', '*a', '&b ', '*b', "'", '"', '#', '# ', '|', '>', '? ',
  '---\n', '...\n', '!!str ', '!!map ', '%YAML 1.2\n', '<<: *a\n', '\r\n', '\r', '\u00a0', '\u0410', '\u0421', '\u2160', 'é', 'ř',
  '😀', '\ud800', '\udc00', '\ufeff', '\u0000', '\u000b', '\u000c', '\u001b', '\ufffd', '\u2028', '.', '/', '0', '1', '9', 'A', 'I',
  'X', 'a', '-', 'id: ', 'items:', 'related: [', 'goals: ', 'goalsFrom: ', 'strategy: ', '\\', '%', '@', '`',
];

/** Bytes decoded as the file reader decodes them, so that invalid UTF-8 becomes U+FFFD as it does on disk. */
function randomBytes(rnd: Random, n: number): string {
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    bytes[i] = rnd.chance(0.3) ? rnd.pick([0x00, 0x0a, 0x20, 0x3a, 0x2d, 0x80, 0xc3, 0xff, 0xfe, 0xef, 0xbb, 0xbf]) : rnd.int(256);
  }
  return new TextDecoder('utf-8').decode(bytes);
}

export const MUTATORS: readonly Mutator[] = [
  {
    name: 'delete-line',
    apply(text, rnd) {
      const ls = lines(text);
      ls.splice(rnd.int(ls.length), 1);
      return ls.join('\n');
    },
  },
  {
    name: 'duplicate-line',
    apply(text, rnd) {
      const ls = lines(text);
      const i = rnd.int(ls.length);
      ls.splice(i, 0, ls[i]);
      return ls.join('\n');
    },
  },
  {
    name: 'swap-lines',
    apply(text, rnd) {
      const ls = lines(text);
      const i = rnd.int(Math.max(1, ls.length - 1));
      if (i + 1 < ls.length) {
        [ls[i], ls[i + 1]] = [ls[i + 1], ls[i]];
      }
      return ls.join('\n');
    },
  },
  {
    name: 'swap-chars',
    apply(text, rnd) {
      if (text.length < 2) {
        return text;
      }
      const i = rnd.int(text.length - 1);
      return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
    },
  },
  {
    name: 'truncate',
    apply(text, rnd) {
      return text.slice(0, rnd.int(text.length + 1));
    },
  },
  {
    name: 'random-bytes',
    apply(text, rnd) {
      return insertAt(text, rnd.int(text.length + 1), randomBytes(rnd, rnd.between(1, 24)));
    },
  },
  {
    name: 'insert-piece',
    apply(text, rnd) {
      return insertAt(text, rnd.int(text.length + 1), rnd.pick(PIECES));
    },
  },
  {
    name: 'replace-char',
    apply(text, rnd) {
      if (text.length === 0) {
        return rnd.pick(PIECES);
      }
      const i = rnd.int(text.length);
      return text.slice(0, i) + rnd.pick(PIECES) + text.slice(i + 1);
    },
  },
  {
    name: 'wrong-indentation',
    apply(text, rnd) {
      const at = lineStart(text, rnd);
      const indent = /^[ \t]*/.exec(text.slice(at))?.[0] ?? '';
      const choice = rnd.int(3);
      const replacement = choice === 0 ? indent + ' '.repeat(rnd.between(1, 4)) : choice === 1 ? indent.slice(rnd.between(1, 4)) : indent.replace(/ {2}/, '\t');
      return text.slice(0, at) + replacement + text.slice(at + indent.length);
    },
  },
  {
    name: 'delete-range',
    apply(text, rnd) {
      const i = rnd.int(text.length + 1);
      return text.slice(0, i) + text.slice(Math.min(text.length, i + rnd.between(1, 200)));
    },
  },
  {
    name: 'duplicate-block',
    apply(text, rnd) {
      const ls = lines(text);
      const from = rnd.int(ls.length);
      const block = ls.slice(from, from + rnd.between(1, 12));
      ls.splice(rnd.int(ls.length + 1), 0, ...block);
      return ls.join('\n');
    },
  },
  {
    name: 'change-code',
    apply(text, rnd) {
      const codes = [...text.matchAll(/\b\d+(?:\.[A-Z0-9]+)+\b|\b[A-Z]+\d+(?:\.\d+)*\b|\b[IVX]+\.[a-z]\b/g)];
      if (codes.length === 0) {
        return text;
      }
      const m = rnd.pick(codes);
      const at = (m.index ?? 0) + rnd.int(m[0].length);
      return text.slice(0, at) + rnd.pick(['1', '2', '9', 'A', 'B', 'I', 'V', '.', '', '..', '\u0410', '\u00a0', 'x']) + text.slice(at + 1);
    },
  },
  {
    name: 'crlf',
    apply(text, rnd) {
      if (rnd.chance(0.5)) {
        return text.replace(/\r?\n/g, '\r\n');
      }
      const at = text.indexOf('\n', rnd.int(text.length + 1));
      return at < 0 ? text : text.slice(0, at) + '\r' + text.slice(at);
    },
  },
  {
    name: 'join-lines',
    apply(text, rnd) {
      const at = text.indexOf('\n', rnd.int(text.length + 1));
      return at < 0 ? text : text.slice(0, at) + text.slice(at + 1);
    },
  },
  {
    name: 'anchor-alias',
    apply(text, rnd) {
      const values = [...text.matchAll(/: (?=\S)/g)];
      if (values.length < 2) {
        return text;
      }
      const a = rnd.pick(values);
      const b = rnd.pick(values);
      const anchorAt = (a.index ?? 0) + 2;
      const aliasAt = (b.index ?? 0) + 2;
      if (aliasAt === anchorAt) {
        return text;
      }
      // Insert the later one first so that the earlier offset stays valid.
      const edits = [
        { at: anchorAt, piece: '&z ' },
        { at: aliasAt, piece: '*z ' },
      ].sort((x, y) => y.at - x.at);
      return edits.reduce((t, e) => insertAt(t, e.at, e.piece), text);
    },
  },
  {
    // Growth: a line or a YAML piece repeated hundreds of times (long lines, many items, deep nesting, many aliases).
    name: 'amplify',
    apply(text, rnd) {
      const at = rnd.int(text.length + 1);
      const times = rnd.between(50, 300);
      if (rnd.chance(0.5)) {
        const ls = lines(text);
        const i = rnd.int(ls.length);
        ls.splice(i, 0, ...Array<string>(times).fill(ls[i]));
        return ls.join('\n');
      }
      return insertAt(text, at, rnd.pick(['- ', '[', '{a: ', '? ', '*a ', '&a ', 'VIII.e, ', 'x', '\n  - id: 9\n    title: t', ': ']).repeat(times));
    },
  },
];

/** A mutant: the text after one to three mutations, and their names. */
export function mutate(text: string, rnd: Random): { text: string; applied: string[] } {
  let out = text;
  const applied: string[] = [];
  const count = rnd.between(1, 3);
  for (let i = 0; i < count; i++) {
    const m = rnd.pick(MUTATORS);
    out = m.apply(out, rnd);
    applied.push(m.name);
  }
  return { text: out, applied };
}

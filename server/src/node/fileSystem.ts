/**
 * Reading the workspace from disk: finding strategy, catalog and Markdown
 * files below the workspace folders, and reading them as the editor would
 * (UTF-8, BOM removed). Only the node entry points (server, CLI) use this.
 */
import { isUtf8 } from 'buffer';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';

/** Folders never searched: dependencies (hidden folders such as .git are skipped too). */
const SKIPPED_DIRS = new Set(['node_modules']);

/**
 * A file's text, or why it could not be read. `hash` is the SHA-1 of the text's UTF-8 encoding when
 * the file's bytes are exactly that (valid UTF-8 without a byte order mark): hashed as read, the
 * cache key costs a third of hashing the decoded text.
 */
export type ReadResult = { text: string; hash?: string; error?: undefined } | { text?: undefined; hash?: undefined; error: string };

/** The URI string of a file path, encoded exactly as VS Code encodes it. */
export function pathToUri(p: string): string {
  return URI.file(path.resolve(p)).toString();
}

/** The file path of a `file:` URI, or undefined for other schemes. */
export function uriToPath(uri: string): string | undefined {
  const u = URI.parse(uri);
  return u.scheme === 'file' ? u.fsPath : undefined;
}

/** Files are read up to this many bytes: enough for any size limit a user sets, and never a string V8 cannot hold. */
export const MAX_READ_BYTES = 256 * 1024 * 1024;

/**
 * Reads a text file as UTF-8 with a UTF-8 BOM removed, as the editor shows
 * it. Invalid bytes become U+FFFD and a UTF-16 file stays the NUL-laced text
 * it is as UTF-8: the parser then says once what is wrong with the file
 * ("save it as UTF-8") instead of indexing text the author never saw. Only
 * regular files are read (a FIFO named `*.strategy.yaml` would block the
 * server for good), and no more than `maxBytes`: a larger file reads as its
 * first `maxBytes` bytes, which the parser reports as too large.
 */
export function readTextFile(file: string, maxBytes = MAX_READ_BYTES): ReadResult {
  const read = readTextFileLazily(file, maxBytes);
  return read.error !== undefined ? read : read.hash !== undefined ? { text: read.text(), hash: read.hash } : { text: read.text() };
}

/**
 * What `readTextFile` gives, with the text decoded only when asked: a warm start confirms an unchanged
 * file by its hash alone. `fingerprint` is the file's `fileFingerprint` taken before its bytes were
 * read, when it may stand for them later (`SETTLED_MS`).
 */
export type LazyRead = { text: () => string; hash?: string; fingerprint?: string; error?: undefined } | { text?: undefined; hash?: undefined; fingerprint?: undefined; error: string };

/**
 * How long a file must have been left alone before its fingerprint stands for its bytes. Two writes
 * within one tick of the file system's clock (up to 2 s on FAT, 1 s on HFS+, a few milliseconds on
 * ext4 or NTFS) can leave its times as they were; a write after the read of a file that had been
 * left alone that long moves them.
 */
export const SETTLED_MS = 2000;

/** The fingerprint of a file's state: size, modification and change times, inode. Equal fingerprints of a settled file, equal bytes. */
function fingerprintOf(st: fs.Stats): string {
  return `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
}

/** The fingerprint of a regular file as it is now, without reading it; undefined when it is no regular file or cannot be seen. */
export function fileFingerprint(file: string): string | undefined {
  try {
    const st = fs.statSync(file);
    return st.isFile() ? fingerprintOf(st) : undefined;
  } catch {
    return undefined;
  }
}

/** `readTextFile`, the text decoded when first asked for; `settledMs` is `SETTLED_MS` but in tests. */
export function readTextFileLazily(file: string, maxBytes = MAX_READ_BYTES, settledMs = SETTLED_MS): LazyRead {
  const read = readFileBytes(file, maxBytes);
  if (read.bytes === undefined) {
    return { error: read.error };
  }
  const { bytes, stat } = read;
  const fingerprint = Date.now() - Math.max(stat.mtimeMs, stat.ctimeMs) >= settledMs ? fingerprintOf(stat) : undefined;
  let text: string | undefined;
  const decode = (): string => {
    if (text === undefined) {
      // The decoder drops one byte order mark by itself; a second one is dropped too.
      const decoded = new TextDecoder('utf-8').decode(bytes);
      text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
    }
    return text;
  };
  const hash = plainUtf8Hash(bytes);
  return { text: decode, ...(hash !== undefined ? { hash } : {}), ...(fingerprint !== undefined ? { fingerprint } : {}) };
}

/**
 * The SHA-1 of a file's bytes when they are exactly the UTF-8 of the text `readTextFile` gives
 * (valid UTF-8 without a byte order mark, which the decoder drops by itself), else undefined.
 */
function plainUtf8Hash(bytes: Buffer): string | undefined {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return !bom && isUtf8(bytes) ? crypto.createHash('sha1').update(bytes).digest('hex') : undefined;
}

/** The bytes of a regular file, at most `maxBytes`, with its state before they were read, or why they cannot be read. */
function readFileBytes(file: string, maxBytes: number): { bytes: Buffer; stat: fs.Stats; error?: undefined } | { bytes?: undefined; error: string } {
  let bytes: Buffer;
  let st: fs.Stats;
  let fd: number | undefined;
  try {
    // Non-blocking, so that opening a FIFO returns at once (and is then refused as not a regular file).
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    st = fs.fstatSync(fd);
    if (!st.isFile()) {
      return { error: st.isDirectory() ? 'EISDIR' : 'ENOTREG' };
    }
    // The file may grow while it is read: read what is there, up to the cap, until the end.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // Only the bytes read are kept (`subarray(0, n)`): the buffer needs no zero filling.
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(st.size - total, 64 * 1024), maxBytes - total));
      const n = chunk.length > 0 ? fs.readSync(fd, chunk, 0, chunk.length, null) : 0;
      if (n === 0) {
        break;
      }
      chunks.push(chunk.subarray(0, n));
      total += n;
    }
    // Read at once (the usual case): the one chunk is the file, without a copy.
    bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? String(e) };
  } finally {
    if (fd !== undefined) {
      fs.closeSync(fd);
    }
  }
  return { bytes, stat: st };
}

/**
 * Every file below `root` for which `wanted(relativePath)` is true, in a
 * stable order. Symbolic links are followed once: a link back into a folder
 * already visited (a loop) is skipped. Unreadable folders are skipped too.
 */
export function findFiles(root: string, wanted: (relativePath: string) => boolean): string[] {
  const out: string[] = [];
  const visited = new Set<string>();
  const walk = (dir: string): void => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      return;
    }
    if (visited.has(real)) {
      return;
    }
    visited.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = fs.statSync(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue;
        }
      }
      if (isDir) {
        if (!SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.')) {
          walk(full);
        }
      } else if (isFile && wanted(path.relative(root, full).split(path.sep).join('/'))) {
        out.push(full);
      }
    }
  };
  walk(root);
  return out;
}

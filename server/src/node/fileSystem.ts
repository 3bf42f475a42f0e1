/**
 * Reading the workspace from disk: finding strategy, catalog and Markdown
 * files below the workspace folders, and reading them as the editor would
 * (UTF-8, BOM removed). Only the node entry points (server, CLI) use this.
 */
import * as fs from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';

/** Folders never searched: dependencies (hidden folders such as .git are skipped too). */
const SKIPPED_DIRS = new Set(['node_modules']);

/** Result of reading a file: its text, or why it could not be read. */
export type ReadResult = { text: string; error?: undefined } | { text?: undefined; error: string };

/** The URI string of a file path, encoded exactly as VS Code encodes it. */
export function pathToUri(p: string): string {
  return URI.file(path.resolve(p)).toString();
}

/** The file path of a `file:` URI, or undefined for other schemes. */
export function uriToPath(uri: string): string | undefined {
  const u = URI.parse(uri);
  return u.scheme === 'file' ? u.fsPath : undefined;
}

/**
 * Reads a text file as UTF-8 with any BOM removed, as the editor shows it.
 * UTF-16 files (by their BOM) are decoded too, so that their content is not
 * lost; the parser then reports what it finds.
 */
export function readTextFile(file: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
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

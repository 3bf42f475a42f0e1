/**
 * The workspace as the sync module sees it: files it can list and read.
 * The language server and the CLI read the disk (`node/nodeWorkspace.ts`);
 * tests use a workspace held in memory (`test/support/memoryWorkspace.ts`),
 * so that every order of events can be replayed without a process, a disk
 * or a timer.
 *
 * Open buffers and change events are not read from here: the editor sends
 * them, and `WorkspaceSync` receives them as calls (`open`, `change`,
 * `close`, `filesChanged`, `configure`).
 */

import { ParsedFile } from '../model/types';

/** What reading a file gave: its text (with the SHA-1 of its UTF-8 when the reader has it from the bytes), or why it could not be read. */
export type FileRead = { text: string; hash?: string; error?: undefined } | { text?: undefined; hash?: undefined; error: string };

/**
 * A file the scan read, or could not read; `parsed` is its parse when the
 * loader already has it (from the persistent cache or a parse worker), made
 * with the service's schemas and current limits.
 */
export type LoadedFile =
  | ({
      uri: string;
      parsed?: ParsedFile;
      /**
       * The loader found the text to be the one a file taken back from its record (a warm start) was
       * recorded with — this record key — and did not parse it: the index confirms the file as recorded.
       */
      confirms?: string;
      lazyText?: undefined;
    } & FileRead)
  | {
      /** The same, read by its hash alone: the text is decoded when something reads it. */
      uri: string;
      confirms: string;
      lazyText: () => string;
      text?: undefined;
      error?: undefined;
      parsed?: undefined;
    };

export interface Workspace {
  /**
   * Every file below the workspace folders for which `wanted(uri)` is true,
   * in a stable order; only below `folder` when given (a folder that was
   * created or renamed into the workspace).
   */
  listFiles(wanted: (uri: string) => boolean, folder?: string): string[];
  /** The text of a file as the editor would show it, or why it cannot be read. */
  readFile(uri: string): FileRead;
  /**
   * Optional: what `readFile` gives, with the text decoded only when asked. A warm start confirms
   * an unchanged file by its hash without decoding it.
   */
  readLazily?(uri: string): { text: () => string; hash?: string; fingerprint?: string; error?: undefined } | { text?: undefined; hash?: undefined; fingerprint?: undefined; error: string };
  /**
   * Optional: a fingerprint of the file's state (size, times, inode) without reading it. `readLazily`
   * gives the one taken before the bytes it read, when the file had been left alone long enough
   * that an equal fingerprint later means equal bytes: a warm start then confirms a file unread.
   */
  fingerprint?(uri: string): string | undefined;
  /** The workspace folders changed (URIs). */
  setRoots(roots: readonly string[]): void;
}

/**
 * Reads one batch of files for the scan. The default reads them one by one
 * through the workspace; a faster loader (in worker threads, or from a
 * cache) may take its place, as long as it answers every URI it was given.
 */
export type BatchLoader = (uris: readonly string[]) => LoadedFile[] | Promise<LoadedFile[]>;

/** The loader that reads each file of a batch through `workspace.readFile`. */
export function readingLoader(workspace: Workspace): BatchLoader {
  return (uris) => uris.map((uri) => ({ uri, ...workspace.readFile(uri) }));
}

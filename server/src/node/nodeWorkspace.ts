/**
 * The workspace on disk, for the sync module: the files below the workspace
 * folders, read as the editor would read them.
 */
import * as path from 'path';
import { Workspace, FileRead } from '../sync/workspace';
import { Clock } from '../sync/workspaceSync';
import { fileFingerprint, findFiles, LazyRead, pathToUri, readTextFile, readTextFileLazily, SETTLED_MS, uriToPath } from './fileSystem';

export class NodeWorkspace implements Workspace {
  /**
   * @param roots the folder URIs of the workspace
   * @param settledMs how long a file must have been left alone for its fingerprint to stand for its bytes (`SETTLED_MS`; tests shorten it)
   */
  constructor(
    private roots: readonly string[],
    private readonly settledMs = SETTLED_MS,
  ) {}

  setRoots(roots: readonly string[]): void {
    this.roots = [...roots];
  }

  listFiles(wanted: (uri: string) => boolean, folder?: string): string[] {
    // A folder's files are those a walk of the whole workspace finds below it, so that a link back into the workspace is not listed twice.
    const prefix = folder === undefined ? undefined : folder.replace(/\/$/, '') + '/';
    const out: string[] = [];
    for (const root of this.roots) {
      const rootPath = uriToPath(root);
      if (!rootPath) {
        continue;
      }
      for (const file of findFiles(rootPath, (rel) => wanted(pathToUri(path.join(rootPath, rel))))) {
        const uri = pathToUri(file);
        if (prefix === undefined || uri.startsWith(prefix)) {
          out.push(uri);
        }
      }
    }
    return out;
  }

  readFile(uri: string): FileRead {
    const file = uriToPath(uri);
    return file === undefined ? { error: 'not a file URI' } : readTextFile(file);
  }

  readLazily(uri: string): LazyRead {
    const file = uriToPath(uri);
    return file === undefined ? { error: 'not a file URI' } : readTextFileLazily(file, undefined, this.settledMs);
  }

  fingerprint(uri: string): string | undefined {
    const file = uriToPath(uri);
    return file === undefined ? undefined : fileFingerprint(file);
  }
}

/** A timer of either kind. */
type NodeTimer = { immediate: NodeJS.Immediate } | { timeout: NodeJS.Timeout };

/**
 * Node's clock. A timer of 0 ms is `setImmediate`: it runs once the messages
 * already received have been handled (a `setTimeout` of 0 waits at least a
 * millisecond more); the scan yields the same way between batches.
 */
export const NODE_CLOCK: Clock = {
  now: () => performance.now(),
  setTimer: (run, ms): NodeTimer => (ms <= 0 ? { immediate: setImmediate(run) } : { timeout: setTimeout(run, ms) }),
  clearTimer: (timer) => {
    const t = timer as NodeTimer;
    if ('immediate' in t) {
      clearImmediate(t.immediate);
    } else {
      clearTimeout(t.timeout);
    }
  },
  yield: () => new Promise((resolve) => setImmediate(resolve)),
};

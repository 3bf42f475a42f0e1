/**
 * A workspace held in memory, and a clock the test moves by hand: the sync
 * module runs over them without a process, a disk or a real timer, so that a
 * test can replay any order of scan steps, editor events and file events.
 */
import { FileRead, Workspace } from '../../server/src/sync/workspace';
import { Clock } from '../../server/src/sync/workspaceSync';

export class MemoryWorkspace implements Workspace {
  /** URI → text; a `null` text is a file that exists but cannot be read. */
  readonly files = new Map<string, string | null>();
  roots: string[];

  constructor(roots: string[], files: Record<string, string> = {}) {
    this.roots = roots;
    for (const [uri, text] of Object.entries(files)) {
      this.files.set(uri, text);
    }
  }

  setRoots(roots: readonly string[]): void {
    this.roots = [...roots];
  }

  listFiles(wanted: (uri: string) => boolean, folder?: string): string[] {
    const prefix = folder === undefined ? undefined : folder.replace(/\/$/, '') + '/';
    return [...this.files.keys()]
      .filter((uri) => this.roots.some((r) => uri.startsWith(r + '/')) && (prefix === undefined || uri.startsWith(prefix)) && wanted(uri))
      .sort();
  }

  readFile(uri: string): FileRead {
    const text = this.files.get(uri);
    if (text === undefined) {
      return { error: 'ENOENT' };
    }
    return text === null ? { error: 'EACCES' } : { text };
  }
}

/** A clock whose time moves only when the test says so. */
export class ManualClock implements Clock {
  private time = 1_000_000;
  private readonly timers = new Map<number, { at: number; run: () => void }>();
  private nextId = 1;

  now(): number {
    return this.time;
  }

  setTimer(run: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, run });
    return id;
  }

  clearTimer(timer: unknown): void {
    this.timers.delete(timer as number);
  }

  yield(): Promise<void> {
    return Promise.resolve();
  }

  /** Timers not yet run. */
  get pendingTimers(): number {
    return this.timers.size;
  }

  /** Moves time on by `ms`, running the timers that fall due, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!due) {
        break;
      }
      this.timers.delete(due[0]);
      this.time = Math.max(this.time, due[1].at);
      due[1].run();
    }
    this.time = end;
  }
}

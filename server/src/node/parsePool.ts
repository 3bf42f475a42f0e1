/**
 * Parses many files on worker threads, so that a cold index uses every core.
 *
 * Files go out in batches (a few dozen files each: one message per file
 * would cost more in messaging than a small file costs to parse) to whichever
 * worker is free, and the results come back in the order of the input. The
 * results are what `parseFile` gives on the main thread — the same function,
 * schemas and limits — copied by the structured clone of `postMessage`. A
 * worker that cannot start or dies leaves its batches to the main thread:
 * slower, never a lost file.
 */
import * as path from 'path';
import { Worker } from 'worker_threads';
import { ParsedFile } from '../model/types';
import { DEFAULT_LIMITS, FileKind, parseFile, ParseLimits } from '../parse/parseFile';
import { compileSchemas, SchemaSources } from '../parse/schemaCheck';

/** One file to parse. */
export interface ParseInput {
  uri: string;
  text: string;
  kind: FileKind;
}

/** A batch sent to a worker. */
export interface ParseBatch {
  id: number;
  files: ParseInput[];
  limits: ParseLimits;
}

/** A worker's answer to a batch. */
export interface ParseResults {
  id: number;
  parsed: ParsedFile[];
}

/**
 * Parse threads for a machine with `cores` cores: none besides the main
 * thread on up to 2 cores — measured there, copying the results back cost
 * more than parsing in parallel saved (docs/performance.md) — else one per
 * core but one, at most 4.
 */
export function workersFor(cores: number): number {
  return cores <= 2 ? 1 : Math.min(4, cores - 1);
}

/** Files per batch: large enough that messaging costs little, small enough that both workers finish together. */
const BATCH_FILES = 24;

/** A pool of parse workers; `close` ends them. */
export class ParsePool {
  private readonly workers: Worker[] = [];

  /**
   * @param size number of worker threads (at least 1)
   * @param schemas the schemas every worker compiles
   * @param workerScript the worker's script; by default `parseWorker.js` beside this module (or bundle)
   */
  constructor(
    size: number,
    private readonly schemas: SchemaSources,
    workerScript: string = path.join(__dirname, 'parseWorker.js'),
  ) {
    for (let i = 0; i < Math.max(1, size); i++) {
      try {
        this.workers.push(new Worker(workerScript, { workerData: { schemas } }));
      } catch {
        // A worker that cannot start leaves its share to the others, or to the main thread.
      }
    }
  }

  /** Parses `files` with `limits` and returns their results in the same order. */
  async parse(files: readonly ParseInput[], limits: ParseLimits = DEFAULT_LIMITS): Promise<ParsedFile[]> {
    const out: ParsedFile[] = new Array<ParsedFile>(files.length);
    const batches: { id: number; start: number; files: ParseInput[] }[] = [];
    for (let start = 0; start < files.length; start += BATCH_FILES) {
      batches.push({ id: batches.length, start, files: files.slice(start, start + BATCH_FILES) });
    }
    let next = 0;
    const inline = (batch: { start: number; files: ParseInput[] }): void => {
      const validators = compileSchemas(this.schemas);
      batch.files.forEach((f, i) => (out[batch.start + i] = parseFile(f.uri, f.text, f.kind, validators, limits)));
    };
    const drive = (worker: Worker): Promise<void> =>
      new Promise((resolve) => {
        let current: (typeof batches)[number] | undefined;
        const send = (): void => {
          current = batches[next++];
          if (!current) {
            finish();
            return;
          }
          worker.postMessage({ id: current.id, files: current.files, limits } satisfies ParseBatch);
        };
        const onMessage = (msg: ParseResults): void => {
          const batch = current;
          if (batch && msg.id === batch.id) {
            msg.parsed.forEach((p, i) => (out[batch.start + i] = p));
          }
          send();
        };
        const onFailure = (): void => {
          // The batch in hand is parsed here; the worker takes no more, now or in a later call.
          if (current) {
            inline(current);
          }
          current = undefined;
          this.workers.splice(this.workers.indexOf(worker), 1);
          void worker.terminate();
          finish();
        };
        const finish = (): void => {
          worker.off('message', onMessage);
          worker.off('error', onFailure);
          worker.off('exit', onFailure);
          resolve();
        };
        worker.on('message', onMessage);
        worker.on('error', onFailure);
        worker.on('exit', onFailure);
        send();
      });
    await Promise.all(this.workers.map(drive));
    // Whatever no worker took (none started, or all died) is parsed here.
    for (const batch of batches) {
      if (batch.files.length > 0 && out[batch.start] === undefined) {
        inline(batch);
      }
    }
    return out;
  }

  /** Ends the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
  }
}

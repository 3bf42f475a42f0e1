/**
 * Standard input and output for `--stdio`, robust against a client that
 * writes bytes that are not base-protocol frames.
 *
 * The `vscode-jsonrpc` reader stops at a malformed header block (no
 * `Content-Length`, a line without `:`) and only goes on when the next chunk
 * of input arrives: the messages already received behind the garbage wait,
 * unanswered, and a client waiting for one of them waits for ever. The filter
 * here passes whole frames through unchanged, skips garbage up to the next
 * `Content-Length:` header, and names what it skipped, so that the reader
 * behind it only ever sees well-formed frames. (A frame whose body is not
 * JSON is well-formed; the reader reports it and goes on.)
 */
import { Transform, TransformCallback } from 'stream';
import { inspect } from 'util';

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /content-length:/i;

/** A frame claiming more than this is not believed: its header is skipped like garbage. */
const MAX_FRAME = 256 * 1024 * 1024;

/** Passes base-protocol frames through whole; reports and drops anything else. */
export class FrameFilter extends Transform {
  private buffer: Buffer = Buffer.alloc(0);
  /** Chunks received while a frame's body is incomplete, joined once it is whole (a large didOpen comes in many chunks). */
  private pending: Buffer[] = [];
  private pendingSize = 0;
  /** The buffer length that completes the frame being received; 0 when none is. */
  private needed = 0;

  /** @param skipped told about each run of bytes that was not a frame (as text, shortened) */
  constructor(private readonly skipped: (text: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.needed > 0) {
      this.pending.push(chunk);
      this.pendingSize += chunk.length;
      if (this.buffer.length + this.pendingSize < this.needed) {
        done();
        return;
      }
      this.buffer = Buffer.concat([this.buffer, ...this.pending]);
      this.pending = [];
      this.pendingSize = 0;
      this.needed = 0;
    } else {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    }
    for (;;) {
      const end = this.buffer.indexOf(HEADER_END);
      if (end < 0) {
        // No header end yet; without any `Content-Length:` in sight a long run is garbage.
        if (this.buffer.length > 64 * 1024 && !CONTENT_LENGTH.test(this.buffer.toString('latin1'))) {
          this.skip(this.buffer.length);
        }
        break;
      }
      const header = this.buffer.subarray(0, end).toString('latin1');
      const at = header.search(CONTENT_LENGTH);
      if (at < 0) {
        this.skip(end + HEADER_END.length);
        continue;
      }
      // Bytes before `Content-Length:` that are not header lines (`Content-Type: …`) are garbage.
      if (at > 0 && !/^([\w-]+:[^\r\n]*\r\n)+$/.test(header.slice(0, at))) {
        this.skip(at);
        continue;
      }
      const lines = header.split('\r\n');
      const length = Number(/^content-length:\s*(\d+)\s*$/im.exec(header)?.[1] ?? NaN);
      if (!lines.every((l) => l.includes(':')) || !Number.isSafeInteger(length) || length > MAX_FRAME) {
        this.skip(end + HEADER_END.length);
        continue;
      }
      const total = end + HEADER_END.length + length;
      if (this.buffer.length < total) {
        this.needed = total;
        break;
      }
      this.push(this.buffer.subarray(0, total));
      this.buffer = this.buffer.subarray(total);
    }
    done();
  }

  private skip(n: number): void {
    const text = this.buffer.subarray(0, n).toString('utf8');
    this.buffer = this.buffer.subarray(n);
    this.skipped(text.length > 200 ? text.slice(0, 197) + '…' : text);
  }
}

/** `process.stdin` through a `FrameFilter`, and `process.stdout`. */
export function stdioStreams(skipped: (text: string) => void): [NodeJS.ReadableStream, NodeJS.WritableStream] {
  const filter = new FrameFilter(skipped);
  process.stdin.pipe(filter);
  // The connection exits when its input ends or closes: the filter ends with standard input.
  process.stdin.on('close', () => filter.destroy());
  return [filter, process.stdout];
}

/** Sends what dependencies write with `console` to the client's log: on `--stdio`, standard output is the protocol. */
export function redirectConsole(logger: { log(message: string): void; info(message: string): void; warn(message: string): void; error(message: string): void }): void {
  const text = (args: unknown[]): string => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = (...args: unknown[]) => logger.log(text(args));
  console.debug = (...args: unknown[]) => logger.log(text(args));
  console.dir = (arg: unknown) => logger.log(inspect(arg));
  console.table = (arg: unknown) => logger.log(inspect(arg));
  console.info = (...args: unknown[]) => logger.info(text(args));
  console.warn = (...args: unknown[]) => logger.warn(text(args));
  console.error = (...args: unknown[]) => logger.error(text(args));
}

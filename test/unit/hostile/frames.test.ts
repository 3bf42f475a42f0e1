/**
 * The filter in front of the server's JSON-RPC reader (`--stdio`): whole
 * frames pass unchanged, however the input is cut into chunks; garbage is
 * skipped up to the next `Content-Length:` and reported; a large frame
 * arriving in many chunks is joined once.
 */
import * as assert from 'assert';
import { FrameFilter } from '../../../server/src/node/stdio';
import { Random } from '../../fuzz/random';

function frame(body: string, extraHeader = ''): string {
  return `${extraHeader}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** Feeds `chunks` through a filter; returns what came out (as one string) and what was reported skipped. */
function filter(chunks: Buffer[]): Promise<{ out: string; skipped: string[] }> {
  return new Promise((resolve, reject) => {
    const skipped: string[] = [];
    const f = new FrameFilter((t) => skipped.push(t));
    const out: Buffer[] = [];
    f.on('data', (b: Buffer) => out.push(b));
    f.on('end', () => resolve({ out: Buffer.concat(out).toString('utf8'), skipped }));
    f.on('error', reject);
    for (const c of chunks) {
      f.write(c);
    }
    f.end();
  });
}

describe('hostile input: JSON-RPC framing', () => {
  const good = [frame('{"jsonrpc":"2.0","id":1,"method":"a"}'), frame('{"jsonrpc":"2.0","method":"ž😀"}', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n'), frame('{not json but a frame}')];
  const garbage = ['no header\r\n\r\n', 'Content-Length: twelve\r\n\r\n', 'Content-Length: 99999999999999\r\n\r\n', '\u0000\u0001\u00ff\r\n\r\n', 'garbage right before '];

  it('passes whole frames and drops garbage, however the input is cut into chunks', async () => {
    const rnd = new Random(3);
    for (let round = 0; round < 200; round++) {
      const parts: string[] = [];
      const expected: string[] = [];
      for (let k = 0; k < 6; k++) {
        if (rnd.chance(0.4)) {
          parts.push(rnd.pick(garbage));
        }
        const f = rnd.pick(good);
        parts.push(f);
        expected.push(f);
      }
      const bytes = Buffer.from(parts.join(''));
      const chunks: Buffer[] = [];
      for (let at = 0; at < bytes.length; ) {
        const n = rnd.between(1, 40);
        chunks.push(bytes.subarray(at, at + n));
        at += n;
      }
      const { out } = await filter(chunks);
      // Garbage on the line of a `Content-Type:` header takes that header with it; the reader defaults to the same type.
      const withoutType = (t: string): string => t.replace(/Content-Type: [^\r]*\r\n/g, '');
      assert.strictEqual(withoutType(out), withoutType(expected.join('')), `round ${round}`);
    }
  });

  it('reports what it skipped', async () => {
    const { out, skipped } = await filter([Buffer.from('no header\r\n\r\n' + good[0])]);
    assert.strictEqual(out, good[0]);
    assert.deepStrictEqual(skipped, ['no header\r\n\r\n']);
  });

  it('joins a 10 MB frame arriving in 64 KB chunks once, quickly', async () => {
    const big = frame(JSON.stringify({ jsonrpc: '2.0', method: 'x', params: 'č'.repeat(5 * 1024 * 1024) }));
    const bytes = Buffer.from(big);
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += 65536) {
      chunks.push(bytes.subarray(at, at + 65536));
    }
    const t0 = Date.now();
    const { out } = await filter(chunks);
    assert.ok(out === big, 'the frame passes whole');
    assert.ok(Date.now() - t0 < 5000, `took ${Date.now() - t0} ms`);
  });
});

/**
 * The server over stdio, misused: malformed JSON-RPC written as raw bytes,
 * unknown methods, requests for unknown documents and at impossible
 * positions, a handler that throws, a burst of 1,000 incremental edits
 * (CRLF, multi-byte characters), chunks of one change in random order,
 * requests racing edits, cancellations, files and folders deleted, renamed
 * and moved under it (also while open), and every way of ending a session.
 * After each, the server still answers, with the diagnostics a language
 * service computes in-process for the text the client holds.
 */
import * as assert from 'assert';
import * as cp from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CancellationTokenSource, Diagnostic, DocumentSymbol, Hover, LSPErrorCodes, Position, ResponseError } from 'vscode-languageserver-protocol';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { LanguageService } from '../../server/src/languageService';
import { findFiles, pathToUri, readTextFile } from '../../server/src/node/fileSystem';
import { loadSchemas } from '../../server/src/node/schemas';
import { Random } from '../fuzz/random';
import { copyToTemp, SERVER_BUNDLE, startClient, TestClient } from '../support/lspClient';

const EXAMPLES = path.resolve(__dirname, '../../../examples');

/** The client's model of a document: positions in UTF-16 units, lines ended by CRLF, LF or CR (as VS Code counts them). */
function offsetAt(text: string, pos: Position): number {
  let line = 0;
  let offset = 0;
  while (line < pos.line) {
    const m = /\r\n|\r|\n/g;
    m.lastIndex = offset;
    const found = m.exec(text);
    if (!found) {
      return text.length;
    }
    offset = found.index + found[0].length;
    line++;
  }
  const end = /\r\n|\r|\n/g;
  end.lastIndex = offset;
  const lineEnd = end.exec(text)?.index ?? text.length;
  return Math.min(offset + pos.character, lineEnd);
}

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const breaks = [...before.matchAll(/\r\n|\r|\n/g)];
  const last = breaks[breaks.length - 1];
  return { line: breaks.length, character: last ? offset - ((last.index ?? 0) + last[0].length) : offset };
}

/** An offset where an edit may start or end: not inside a CRLF pair or a surrogate pair. */
function boundary(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return !(before === 13 && after === 10) && !(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
}

function randomBoundary(text: string, rnd: Random): number {
  for (;;) {
    const o = rnd.int(text.length + 1);
    if (boundary(text, o)) {
      return o;
    }
  }
}

/** A random edit as an author types it, with its LSP range, and the text after it. */
function randomEdit(text: string, rnd: Random): { change: { range: { start: Position; end: Position }; text: string }; after: string } {
  const start = randomBoundary(text, rnd);
  let end = start + rnd.int(6);
  while (end > text.length || !boundary(text, end)) {
    end--;
  }
  end = Math.max(start, end);
  const piece = rnd.pick(['a', 'č', 'Ř', 'ž', '😀', '\r\n', ' ', '  ', '1', '2.A', '.', '-', ': ', 'id: ', '[', ']', '#', '', '', 'title: Nový']);
  return { change: { range: { start: positionAt(text, start), end: positionAt(text, end) }, text: piece }, after: text.slice(0, start) + piece + text.slice(end) };
}

/** The diagnostics a language service gives in-process for the workspace on disk, with `open` buffers in place of their files. */
function expectedDiagnostics(dir: string, open: Map<string, string>): Map<string, Diagnostic[]> {
  const root = pathToUri(dir);
  const service = new LanguageService({ schemas: loadSchemas(__dirname), roots: [root] });
  for (const file of findFiles(dir, (rel) => service.kindOf(`${root}/${rel}`) !== undefined)) {
    const text = readTextFile(file).text;
    if (text !== undefined) {
      service.update(pathToUri(file), text);
    }
  }
  for (const [uri, text] of open) {
    service.update(uri, text);
  }
  const out = new Map<string, Diagnostic[]>();
  for (const uri of service.index.uris()) {
    if (!uri.startsWith('strategy-codes:')) {
      out.set(uri, service.lspDiagnostics(uri));
    }
  }
  return out;
}

function symbolsOf(dir: string, uri: string, text: string): DocumentSymbol[] {
  const root = pathToUri(dir);
  const service = new LanguageService({ schemas: loadSchemas(__dirname), roots: [root] });
  service.update(uri, text);
  return service.documentSymbols(uri);
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Writes bytes to the server's standard input, outside any frame the client's writer is sending. */
function writeRaw(client: TestClient, bytes: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => client.process.stdin!.write(bytes, (e) => (e ? reject(e) : resolve())));
}

/** The error code of a rejected request, or 'ok' when it was answered with a result. */
async function outcome(p: Promise<unknown>): Promise<number | 'ok'> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    assert.ok(e instanceof ResponseError, `not an error response: ${String(e)}`);
    return e.code;
  }
}

describe('robustness over stdio', function () {
  this.timeout(120_000);
  let dir: string;
  let client: TestClient;
  let logs: string[];
  const uri = (rel: string): string => pathToUri(path.join(dir, rel));
  const PRAHA = 'praha/praha-integrace.strategy.yaml';

  beforeEach(async () => {
    dir = copyToTemp(EXAMPLES);
    client = await startClient(pathToUri(dir), {}, { workspace: { workspaceEdit: { documentChanges: true } } });
    logs = [];
    client.connection.onNotification('window/logMessage', (p: { message: string }) => {
      logs.push(p.message);
    });
  });

  afterEach(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function open(rel: string, text = fs.readFileSync(path.join(dir, rel), 'utf8')): Promise<string> {
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(rel), languageId: 'strategy-yaml', version: 1, text } });
    return text;
  }

  /** Waits until the server's diagnostics of every file equal the in-process ones. */
  async function expectDiagnosticsAsInProcess(openBuffers: Map<string, string>): Promise<void> {
    const expected = expectedDiagnostics(dir, openBuffers);
    for (const [u, diagnostics] of expected) {
      await client.diagnosticsFor(u, (d) => same(d, diagnostics), 30_000).catch(() => {
        assert.deepStrictEqual(client.diagnostics.get(u) ?? [], diagnostics, `diagnostics of ${u}`);
      });
    }
  }

  async function hoverAt(rel: string, position: Position): Promise<Hover | null> {
    return client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: uri(rel) }, position });
  }

  it('answers after malformed JSON-RPC: a body that is not JSON, headers without Content-Length, garbage, messages that are not JSON-RPC', async () => {
    const frame = (body: string): string => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    await writeRaw(client, frame('{not json'));
    await writeRaw(client, 'Content-Type: application/json\r\nX-Nothing: 1\r\n\r\n');
    await writeRaw(client, 'no header at all\r\n\r\n');
    await writeRaw(client, Buffer.from([0, 1, 2, 0xff, 0xfe, 13, 10, 13, 10]));
    await writeRaw(client, 'Content-Length: twelve\r\n\r\n');
    await writeRaw(client, 'Content-Length: 99999999999999\r\n\r\n');
    await writeRaw(client, 'garbage right before a frame' + frame('{"jsonrpc":"2.0","method":"$/nothing"}'));
    for (const body of ['{}', '[]', '42', '"text"', 'null', '{"jsonrpc":"2.0","id":7}', '{"jsonrpc":"2.0","id":99999,"result":1}', '{"jsonrpc":"2.0","method":7}']) {
      await writeRaw(client, frame(body));
    }
    // The next request is answered, with the right result.
    const hover = await hoverAt(PRAHA, { line: 32, character: 13 });
    assert.ok(hover && JSON.stringify(hover.contents).includes('`1.A`'), `hover after garbage: ${JSON.stringify(hover)}`);
    assert.ok(logs.some((l) => l.includes('not a JSON-RPC frame')), 'the skipped garbage is logged');
    // And an edit still gets correct diagnostics.
    const text = await open(PRAHA);
    const broken = text.replace('descriptors: [VIII.e, XVII.b, XVII.c]', 'descriptors: [VIII.e, XVII.q, XVII.c]');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(PRAHA), version: 2 }, contentChanges: [{ text: broken }] });
    await expectDiagnosticsAsInProcess(new Map([[uri(PRAHA), broken]]));
  });

  it('answers an unknown request with MethodNotFound, ignores unknown notifications, and goes on', async () => {
    assert.strictEqual(await outcome(client.connection.sendRequest('strategy/doesNotExist', { a: 1 })), -32601);
    await client.connection.sendNotification('strategy/doesNotExistEither', {});
    await client.connection.sendNotification('$/unknownNotification', {});
    assert.strictEqual(await outcome(client.connection.sendRequest('$/unknownRequest')), -32601);
    assert.ok(await hoverAt(PRAHA, { line: 32, character: 13 }));
  });

  it('answers requests for unknown documents, other schemes and impossible positions without an internal error', async () => {
    await open(PRAHA);
    const documents = [uri('nowhere.strategy.yaml'), 'untitled:Untitled-1', 'file:///', uri(PRAHA)];
    const positions: Position[] = [
      { line: 0, character: 0 },
      { line: 1_000_000, character: 0 },
      { line: 5, character: 1_000_000 },
      { line: -1, character: -5 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
    ];
    const methods = ['textDocument/hover', 'textDocument/definition', 'textDocument/completion', 'textDocument/prepareRename', 'textDocument/references', 'textDocument/rename'];
    let answered = 0;
    for (const u of documents) {
      for (const position of positions) {
        for (const method of methods) {
          const params = { textDocument: { uri: u }, position, context: { includeDeclaration: true }, newName: '9' };
          const code = await outcome(client.connection.sendRequest(method, params));
          assert.ok(code === 'ok' || code === -32600, `${method} ${u} ${JSON.stringify(position)}: error ${code}`);
          answered++;
        }
      }
      for (const method of ['textDocument/documentSymbol', 'textDocument/codeLens']) {
        assert.strictEqual(await outcome(client.connection.sendRequest(method, { textDocument: { uri: u } })), 'ok', `${method} ${u}`);
      }
      const range = { start: positions[3], end: positions[4] };
      assert.strictEqual(await outcome(client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri: u }, range })), 'ok');
      assert.strictEqual(await outcome(client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: u }, range, context: { diagnostics: [] } })), 'ok');
    }
    assert.strictEqual(answered, documents.length * positions.length * methods.length);
    // Edits for documents never opened, or with ranges out of the document, do not break the buffer of the open one.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('nowhere.strategy.yaml'), version: 5 }, contentChanges: [{ text: 'x' }] });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('nowhere.strategy.yaml') } });
    assert.ok(await hoverAt(PRAHA, { line: 32, character: 13 }));
  });

  it('a handler that throws is logged with its stack and answered with an error; the server keeps serving', async () => {
    // Parameters that are not an object are refused before any handler runs.
    assert.strictEqual(await outcome(client.connection.sendRequest('textDocument/hover', 'not params')), -32602);
    // References without `context`: the handler throws a TypeError. The log message comes before the response on the stream.
    assert.strictEqual(await outcome(client.connection.sendRequest('textDocument/references', { textDocument: { uri: uri(PRAHA) }, position: { line: 1, character: 1 } })), -32603);
    assert.ok(logs.some((l) => /textDocument\/references failed: TypeError.*\n\s+at /s.test(l)), `logged: ${logs.join('\n')}`);
    assert.ok(await hoverAt(PRAHA, { line: 32, character: 13 }));
  });

  it('a burst of 1,000 incremental edits (CRLF, Czech letters, emoji) leaves the buffer as the client has it', async () => {
    const rnd = new Random(7);
    let text = fs.readFileSync(path.join(dir, PRAHA), 'utf8').replace(/\n/g, '\r\n').replace('Posílení administrativních', 'Posílení 😀 administrativních');
    await open(PRAHA, text);
    for (let version = 2; version <= 1001; version++) {
      const { change, after } = randomEdit(text, rnd);
      text = after;
      void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(PRAHA), version }, contentChanges: [change] });
    }
    await expectDiagnosticsAsInProcess(new Map([[uri(PRAHA), text]]));
    const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri(PRAHA) } });
    assert.deepStrictEqual(symbols, symbolsOf(dir, uri(PRAHA), text));
  });

  it('one change split into chunks and sent in random order (in one notification and in many) gives the same buffer', async () => {
    const rnd = new Random(11);
    const original = fs.readFileSync(path.join(dir, PRAHA), 'utf8');
    let text = await open(PRAHA, original);
    let version = 1;
    for (let round = 0; round < 20; round++) {
      // Disjoint regions of the current text, each replaced; the target is all of them applied at once.
      const cuts = [...new Set(Array.from({ length: 8 }, () => randomBoundary(text, rnd)))].sort((a, b) => a - b);
      const regions: { start: number; end: number; text: string }[] = [];
      for (let k = 0; k + 1 < cuts.length; k += 2) {
        regions.push({ start: cuts[k], end: cuts[k + 1], text: rnd.pick(['', 'č', '😀', '\n', 'id: 9', 'x'.repeat(rnd.int(5))]) });
      }
      let target = text;
      for (const r of [...regions].reverse()) {
        target = target.slice(0, r.start) + r.text + target.slice(r.end);
      }
      // Apply in random order, each range given in the text as it is when that change comes.
      let intermediate = text;
      const changes = rnd.shuffle(regions).map((r, _i, order) => {
        const shift = order.slice(0, order.indexOf(r)).filter((o) => o.start < r.start).reduce((n, o) => n + o.text.length - (o.end - o.start), 0);
        const start = r.start + shift;
        const end = r.end + shift;
        const change = { range: { start: positionAt(intermediate, start), end: positionAt(intermediate, end) }, text: r.text };
        assert.strictEqual(offsetAt(intermediate, change.range.start), start);
        intermediate = intermediate.slice(0, start) + r.text + intermediate.slice(end);
        return change;
      });
      assert.strictEqual(intermediate, target, 'the test model itself');
      if (round % 2 === 0) {
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(PRAHA), version: ++version }, contentChanges: changes });
      } else {
        for (const change of changes) {
          await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(PRAHA), version: ++version }, contentChanges: [change] });
        }
      }
      text = target;
    }
    await expectDiagnosticsAsInProcess(new Map([[uri(PRAHA), text]]));
    assert.deepStrictEqual(await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri(PRAHA) } }), symbolsOf(dir, uri(PRAHA), text));
  });

  it('a request sent right after an edit is answered for the new text, never at the old ranges', async () => {
    const text = await open(PRAHA);
    for (let k = 1; k <= 5; k++) {
      // Three lines inserted above: the code that was on line 32 is now on line 32 + 3k; no wait between edit and request.
      void client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: uri(PRAHA), version: k + 1 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a\n# b\n# c\n' }],
      });
      const hover = await hoverAt(PRAHA, { line: 32 + 3 * k, character: 13 });
      assert.ok(hover?.range, `no hover on the moved code after edit ${k}`);
      assert.deepStrictEqual(hover.range, { start: { line: 32 + 3 * k, character: 12 }, end: { line: 32 + 3 * k, character: 15 } });
    }
    const current = '# a\n# b\n# c\n'.repeat(5) + text;
    await expectDiagnosticsAsInProcess(new Map([[uri(PRAHA), current]]));
  });

  it('every cancelled request is answered, with its result or RequestCancelled', async () => {
    await open(PRAHA);
    const requests: Promise<number | 'ok'>[] = [];
    for (let i = 0; i < 200; i++) {
      const source = new CancellationTokenSource();
      const method = ['textDocument/hover', 'textDocument/references', 'workspace/symbol', 'textDocument/codeLens'][i % 4];
      requests.push(outcome(client.connection.sendRequest(method, { textDocument: { uri: uri(PRAHA) }, position: { line: 32, character: 13 }, context: { includeDeclaration: true }, query: '1' }, source.token)));
      source.cancel();
    }
    const outcomes = await Promise.all(requests);
    assert.ok(outcomes.every((o) => o === 'ok' || o === LSPErrorCodes.RequestCancelled), `outcomes: ${[...new Set(outcomes)].join(', ')}`);
    // Sent in one burst, most are still queued when their cancellation arrives: those are answered without running.
    assert.ok(outcomes.some((o) => o === LSPErrorCodes.RequestCancelled), 'no queued request was answered RequestCancelled');
    assert.ok(await hoverAt(PRAHA, { line: 32, character: 13 }));
  });

  it('files deleted, renamed and moved (some while open), a renamed folder, a link loop and a FIFO: the index equals a fresh start', async () => {
    const event = (changes: { uri: string; type: number }[]): Promise<void> => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
    const CREATED = 1;
    const CHANGED = 2;
    const DELETED = 3;
    // A plan deleted: the goals pointing at it break.
    const planText = fs.readFileSync(path.join(dir, 'karlovy-vary/kv-plan.strategy.yaml'), 'utf8');
    fs.rmSync(path.join(dir, 'karlovy-vary/kv-plan.strategy.yaml'));
    await event([{ uri: uri('karlovy-vary/kv-plan.strategy.yaml'), type: DELETED }]);
    await client.diagnosticsFor(uri('karlovy-vary/kv-integrace.strategy.yaml'), (d) => d.some((x) => x.code === 'unknown-strategy'));
    // Moved into a new folder: one event for the folder.
    fs.mkdirSync(path.join(dir, 'plany'));
    fs.writeFileSync(path.join(dir, 'plany/kv-plan.strategy.yaml'), planText);
    await event([{ uri: uri('plany'), type: CREATED }]);
    await client.diagnosticsFor(uri('karlovy-vary/kv-integrace.strategy.yaml'), (d) => d.length === 0);
    // A folder renamed.
    fs.renameSync(path.join(dir, 'liberec'), path.join(dir, 'liberecky-kraj'));
    await event([
      { uri: uri('liberec'), type: DELETED },
      { uri: uri('liberecky-kraj'), type: CREATED },
    ]);
    // An open file deleted on disk: its buffer stays the truth until it is closed.
    const prahaText = await open(PRAHA);
    fs.rmSync(path.join(dir, PRAHA));
    await event([{ uri: uri(PRAHA), type: DELETED }]);
    assert.ok(await hoverAt(PRAHA, { line: 32, character: 13 }), 'the open buffer still answers');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(PRAHA) } });
    await client.diagnosticsFor(uri('README.md'), (d) => d.some((x) => x.code === 'unknown-strategy'));
    // An open file renamed: the client closes the old name and opens the new one.
    const integrace = await open('karlovy-vary/kv-integrace.strategy.yaml');
    fs.renameSync(path.join(dir, 'karlovy-vary/kv-integrace.strategy.yaml'), path.join(dir, 'karlovy-vary/kv-integrace-2022.strategy.yaml'));
    await event([
      { uri: uri('karlovy-vary/kv-integrace.strategy.yaml'), type: DELETED },
      { uri: uri('karlovy-vary/kv-integrace-2022.strategy.yaml'), type: CREATED },
    ]);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('karlovy-vary/kv-integrace.strategy.yaml') } });
    await open('karlovy-vary/kv-integrace-2022.strategy.yaml', integrace);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('karlovy-vary/kv-integrace-2022.strategy.yaml') } });
    // Praha comes back, changed on disk twice in a row.
    fs.writeFileSync(path.join(dir, PRAHA), prahaText.replace('1.A.1', '1.A.9'));
    await event([{ uri: uri(PRAHA), type: CREATED }]);
    fs.writeFileSync(path.join(dir, PRAHA), prahaText);
    await event([{ uri: uri(PRAHA), type: CHANGED }]);
    if (process.platform !== 'win32') {
      // A link back into the workspace, and a FIFO named like a strategy: nothing is indexed twice, nothing blocks.
      fs.symlinkSync(dir, path.join(dir, 'smycka'));
      cp.execFileSync('mkfifo', [path.join(dir, 'roura.strategy.yaml')]);
      await event([
        { uri: uri('smycka'), type: CREATED },
        { uri: uri('roura.strategy.yaml'), type: CREATED },
      ]);
    }
    assert.ok(await hoverAt(PRAHA, { line: 32, character: 13 }), 'still answering');

    // A fresh server on the same folder must publish exactly what this one holds now.
    const fresh = await startClient(pathToUri(dir));
    try {
      const expected = expectedDiagnostics(dir, new Map());
      for (const [u, diagnostics] of expected) {
        assert.deepStrictEqual(await fresh.diagnosticsFor(u, () => true), diagnostics, `fresh server, ${u}`);
        await client.diagnosticsFor(u, (d) => same(d, diagnostics)).catch(() => assert.deepStrictEqual(client.diagnostics.get(u) ?? [], diagnostics, `running server, ${u}`));
      }
      // Files gone from disk have no diagnostics left in the running server.
      for (const [u, diagnostics] of client.diagnostics) {
        if (!expected.has(u)) {
          assert.deepStrictEqual(diagnostics, [], `${u} is gone but keeps diagnostics`);
        }
      }
    } finally {
      await fresh.stop();
    }
  });
});

describe('ending a session', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    dir = copyToTemp(path.join(EXAMPLES, 'karlovy-vary'));
  });

  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Starts the server by hand, initializes it with `processId`, and returns what is needed to end it. */
  async function start(processId: number | null): Promise<{ proc: cp.ChildProcess; exit: Promise<number | null>; send: ReturnType<typeof createMessageConnection> }> {
    const proc = cp.spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const exit = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    const send = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    send.onRequest(() => null);
    send.listen();
    await send.sendRequest('initialize', { processId, rootUri: pathToUri(dir), capabilities: {} });
    await send.sendNotification('initialized', {});
    return { proc, exit, send };
  }

  /** Kills the process if a test failed before it ended. */
  function ensureEnded(proc: cp.ChildProcess): void {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill();
    }
  }

  it('shutdown then exit: the process ends with status 0', async () => {
    const s = await start(process.pid);
    try {
      assert.strictEqual(await s.send.sendRequest('shutdown'), null);
      await s.send.sendNotification('exit');
      assert.strictEqual(await s.exit, 0);
    } finally {
      ensureEnded(s.proc);
      s.send.dispose();
    }
  });

  it('exit without shutdown: the process ends with status 1', async () => {
    const s = await start(process.pid);
    try {
      await s.send.sendNotification('exit');
      assert.strictEqual(await s.exit, 1);
    } finally {
      ensureEnded(s.proc);
      s.send.dispose();
    }
  });

  it('standard input closed (the client is gone): the process ends', async () => {
    const s = await start(process.pid);
    try {
      s.proc.stdin!.end();
      assert.notStrictEqual(await s.exit, null);
    } finally {
      ensureEnded(s.proc);
      s.send.dispose();
    }
  });

  it('the parent process dies: the server notices and ends', async () => {
    const parent = cp.spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const parentExit = new Promise<void>((resolve) => parent.once('exit', () => resolve()));
    const s = await start(parent.pid ?? null);
    try {
      parent.kill();
      await parentExit;
      assert.strictEqual(await s.exit, 1);
    } finally {
      ensureEnded(s.proc);
      ensureEnded(parent);
      s.send.dispose();
    }
  });
});

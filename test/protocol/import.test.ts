/**
 * The `strategy/import` request against the server bundle copied away from
 * the project, so that no `node_modules` can be found from it (as in the
 * packaged .vsix): PDF (pdfjs and its worker), Word (mammoth) and workbooks
 * (exceljs) must all be inside the bundle.
 */
import * as assert from 'assert';
import * as cp from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createMessageConnection, MessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { ImportStrategyRequest } from '../../server/src/protocol';
import { makeDocx, makePdf, makeXlsx } from '../support/importFixtures';
import { SERVER_BUNDLE } from '../support/lspClient';

describe('protocol: strategy/import from a bundle with no node_modules', function () {
  this.timeout(60000);
  let dir: string;
  let proc: cp.ChildProcess;
  let connection: MessageConnection;

  before(async () => {
    assert.ok(fs.existsSync(SERVER_BUNDLE), `${SERVER_BUNDLE} is missing: run npm run build`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-import-bundle-'));
    fs.mkdirSync(path.join(dir, 'ext', 'dist', 'server'), { recursive: true });
    // The server's files the .vsix ships (`.vscodeignore`), and nothing else: what it loads on demand must be among them.
    const repo = path.resolve(SERVER_BUNDLE, '../../..');
    const shipped = fs
      .readFileSync(path.join(repo, '.vscodeignore'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('!dist/server/'))
      .map((line) => line.slice(1).trim());
    assert.ok(shipped.includes('dist/server/server.js'), '.vscodeignore ships the server');
    for (const file of shipped) {
      fs.copyFileSync(path.join(repo, file), path.join(dir, 'ext', file));
    }
    fs.cpSync(path.resolve(SERVER_BUNDLE, '../../../schemas'), path.join(dir, 'ext', 'schemas'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'ws'));
    proc = cp.spawn(process.execPath, [path.join(dir, 'ext', 'dist', 'server', 'server.js'), '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    connection = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    connection.onRequest((method: string) => (method === 'workspace/configuration' ? [null] : null));
    connection.listen();
    const rootUri = `file://${path.join(dir, 'ws')}`;
    await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'ws' }], capabilities: {} });
    await connection.sendNotification('initialized', {});
  });

  after(async () => {
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    await exited;
    connection.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const request = async (name: string, bytes: Uint8Array | string, locale = 'en'): Promise<ImportStrategyRequest.Result> => {
    const file = path.join(dir, 'ws', name);
    fs.writeFileSync(file, bytes);
    return connection.sendRequest(ImportStrategyRequest.method, { path: file, locale });
  };

  it('imports a PDF', async () => {
    const result = await request('plan.pdf', await makePdf([{ lines: ['Plán města', '1 Doprava', '1.1 Cyklostezky a přechody'] }]));
    assert.deepStrictEqual(result.files.map((f) => f.name), ['plan.strategy.yaml']);
    assert.match(result.files[0].text, /- id: 1\.1\n {8}title: Cyklostezky a přechody\n/);
    assert.match(result.report, /^# Import report\n/);
    assert.strictEqual(result.items, 2);
  });

  it('imports a Word file with automatic numbering', async () => {
    const result = await request('plan.docx', await makeDocx(['Plán', { numbered: 'Data', level: 0 }, { numbered: 'Katalog', level: 1 }]), 'cs');
    assert.match(result.files[0].text, /- id: 1\.1\n {8}title: Katalog\n/);
    assert.match(result.report, /^# Protokol importu\n/);
  });

  it('imports a workbook', async () => {
    const result = await request('plan.xlsx', await makeXlsx([{ name: 'List1', rows: [['Kód', 'Název'], ['1', 'Doprava']] }]));
    assert.match(result.files[0].text, /- id: 1\n {4}title: Doprava\n/);
  });

  it('answers bad input with an error naming the file and the problem', async () => {
    await assert.rejects(request('prazdny.txt', ''), (e: unknown) => e instanceof ResponseError && e.message === 'prazdny.txt: the file is empty.');
    await assert.rejects(request('sken.pdf', Buffer.from('%PDF-1.4 nonsense')), (e: unknown) => e instanceof ResponseError && /^sken\.pdf: the file cannot be read as PDF/.test(e.message));
  });
});

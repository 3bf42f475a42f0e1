/**
 * The language features over stdio, as an editor drives them: completion,
 * hover, definition, references and rename against the built server on a
 * copy of `examples/`. Every wait is for a signal (the index's status, a
 * response), never a fixed sleep.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CompletionList, Hover, Location, MarkupContent, PrepareRenameResult, Range, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { pathToUri } from '../../server/src/node/fileSystem';
import { copyToTemp, startClient, TestClient } from '../support/lspClient';

const EXAMPLES = path.resolve(__dirname, '../../../examples');

describe('language features over stdio', function () {
  this.timeout(60000);
  let dir: string;
  let client: TestClient;
  const uri = (rel: string): string => pathToUri(path.join(dir, rel));
  const praha = (): string => uri('praha/praha-integrace.strategy.yaml');
  const text = (rel: string): string => fs.readFileSync(path.join(dir, rel), 'utf8');
  /** The position of the first `needle` in a file, plus `delta` characters. */
  const at = (rel: string, needle: string, delta = 0): { line: number; character: number } => {
    const t = text(rel);
    const offset = t.indexOf(needle);
    assert.ok(offset >= 0, `${needle} in ${rel}`);
    const before = t.slice(0, offset + delta).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  const request = <R>(method: string, params: object): Promise<R> => client.connection.sendRequest<R>(method, params);

  before(async () => {
    dir = copyToTemp(EXAMPLES);
    client = await startClient(pathToUri(dir), {}, { workspace: { workspaceEdit: { documentChanges: true } } });
    const rel = 'praha/praha-integrace.strategy.yaml';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: praha(), languageId: 'strategy-yaml', version: 5, text: text(rel) } });
    // The open file's diagnostics are the signal that the server has taken it.
    await client.diagnosticsFor(praha(), () => true);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('completes a partly typed code with its title', async () => {
    const position = at('praha/praha-integrace.strategy.yaml', 'related: [2.B.13]', 'related: [2.B.1'.length);
    const list = await request<CompletionList>('textDocument/completion', { textDocument: { uri: praha() }, position });
    const item = list.items.find((i) => i.label === '2.B.13');
    assert.ok(item, JSON.stringify(list.items.map((i) => i.label)));
    assert.match(item.labelDetails?.detail ?? '', /Ukotvení/);
    assert.strictEqual(list.isIncomplete, true);
  });

  it('hovers, goes to the definition and finds the references of a code, Markdown included', async () => {
    const position = at('praha/praha-integrace.strategy.yaml', 'related: [2.B.13]', 'related: [2.'.length);
    const params = { textDocument: { uri: praha() }, position };
    const hover = await request<Hover>('textDocument/hover', params);
    assert.match((hover.contents as MarkupContent).value, /^\*\*`2\.B\.13`\*\* Ukotvení/);
    const [definition] = await request<Location[]>('textDocument/definition', params);
    assert.deepStrictEqual(definition.range.start, at('praha/praha-integrace.strategy.yaml', '- id: 2.B.13', '- id: '.length));
    const references = await request<Location[]>('textDocument/references', { ...params, context: { includeDeclaration: false } });
    assert.ok(references.some((l) => l.uri === uri('README.md')), 'the README refers to 2.B.13');
    assert.ok(references.every((l) => l.uri !== praha() || l.range.start.line !== definition.range.start.line), 'no declaration');
  });

  it('renames a document id in every file in one versioned edit, and refuses a taken one', async () => {
    const kv = uri('karlovy-vary/kv-integrace.strategy.yaml');
    const position = at('karlovy-vary/kv-integrace.strategy.yaml', 'goalsFrom: kv-plan', 'goalsFrom: kv'.length);
    const prepared = await request<PrepareRenameResult & { range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: kv }, position });
    assert.strictEqual(prepared.placeholder, 'kv-plan');
    const edit = await request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: kv }, position, newName: 'kv-plan-2020' });
    const changes = edit.documentChanges as TextDocumentEdit[];
    assert.deepStrictEqual(changes.map((c) => path.relative(dir, new URL(c.textDocument.uri).pathname)).sort(), [
      'README.md',
      path.join('karlovy-vary', 'kv-integrace.strategy.yaml'),
      path.join('karlovy-vary', 'kv-plan.strategy.yaml'),
    ]);
    assert.ok(changes.every((c) => c.textDocument.version === null && c.edits.every((e) => 'newText' in e && e.newText === 'kv-plan-2020')));
    await assert.rejects(
      request('textDocument/rename', { textDocument: { uri: kv }, position, newName: 'praha-integrace' }),
      (e: Error) => e.message === 'Cannot rename to `praha-integrace`: another strategy document already has this id.',
    );
  });

  it('gives the open document its version in a rename edit', async () => {
    const position = at('praha/praha-integrace.strategy.yaml', '- id: 1.B.6.I', '- id: '.length);
    const edit = await request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: praha() }, position, newName: '1.B.6.II' });
    const changes = edit.documentChanges as TextDocumentEdit[];
    assert.deepStrictEqual(changes.map((c) => [c.textDocument.uri, c.textDocument.version]), [[praha(), 5]]);
  });
});

// Every string the user sees exists in English and Czech: the manifest's %keys% in package.nls*.json,
// and every vscode.l10n.t() call of the client in l10n/bundle.l10n.json and bundle.l10n.cs.json.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..', '..');
const json = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;

suite('translations', () => {
  test('every %key% of package.json is in package.nls.json and package.nls.cs.json', () => {
    const manifest = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    const used = new Set([...manifest.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]));
    assert.ok(used.size > 20);
    for (const file of ['package.nls.json', 'package.nls.cs.json']) {
      const table = json(file);
      const missing = [...used].filter((key) => typeof table[key] !== 'string');
      assert.deepStrictEqual(missing, [], `${file} lacks keys`);
      const unused = Object.keys(table).filter((key) => !used.has(key));
      assert.deepStrictEqual(unused, [], `${file} has keys package.json does not use`);
    }
  });

  test('l10n/bundle.l10n.json lists exactly the strings of client/src', async () => {
    // Loaded at run time: the extractor ships WebAssembly files next to its code.
    const { getL10nJson } = (await import('@vscode/l10n-dev')) as typeof import('@vscode/l10n-dev');
    const dir = path.join(root, 'client', 'src');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => ({ extension: '.ts', contents: fs.readFileSync(path.join(dir, f), 'utf8') }));
    const extracted = await getL10nJson(files);
    assert.deepStrictEqual(Object.keys(json('l10n/bundle.l10n.json')).sort(), Object.keys(extracted).sort(), 'run `npx vscode-l10n-dev export --outDir l10n client/src`');
  });

  test('every client string has a Czech translation', () => {
    const english = json('l10n/bundle.l10n.json');
    const czech = json('l10n/bundle.l10n.cs.json');
    assert.deepStrictEqual(Object.keys(english).filter((key) => typeof czech[key] !== 'string'), []);
    assert.deepStrictEqual(Object.keys(czech).filter((key) => !(key in english)), []);
    // Placeholders survive translation.
    for (const [key, text] of Object.entries(czech)) {
      const placeholders = (s: string): string[] => (s.match(/\{\d+\}/g) ?? []).sort();
      assert.deepStrictEqual(placeholders(text as string), placeholders(key), key);
    }
  });
});

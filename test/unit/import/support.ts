/**
 * Helpers of the import tests: a source from text, the tree of a written
 * strategy, and the checker's diagnostics for the written files.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { importSource, ImportOptions, ImportOutput, textKind, textLines } from '../../../server/src/import/importStrategy';
import { Source, SourceKind } from '../../../server/src/import/model';
import { LanguageService } from '../../../server/src/languageService';
import { ROOT, schemas } from '../fixture';

/** The repository's root (tests run from `out/test/unit/import`). */
export const REPO = path.resolve(__dirname, '../../../..');
/** The shared seeds beside the repository. */
export const SEEDS = path.resolve(REPO, '../shared/seeds');

/** A seed's text; fails saying where the seeds are expected when they are missing. */
export function seed(prefix: string): string {
  const dir = fs.existsSync(SEEDS) ? SEEDS : '/work/shared/seeds';
  const file = fs.readdirSync(dir).find((f) => f.startsWith(prefix));
  if (!file) {
    throw new Error(`seed ${prefix}_… not found in ${dir}: the tests need ../shared/seeds beside the repository`);
  }
  return fs.readFileSync(path.join(dir, file), 'utf8');
}

/** A text source. */
export function textSource(text: string, name = 'source.txt', kind?: SourceKind): Source {
  return { kind: kind ?? textKind(text), name, lines: textLines(text), tables: [] };
}

/** Imports a text. */
export function importText(text: string, options: ImportOptions = {}, kind?: SourceKind): ImportOutput {
  return importSource(textSource(text, 'source.txt', kind), options, 'out');
}

/** One item of a written strategy, flattened: code → title, descriptors, goals … */
export interface FlatItem {
  id: string;
  title: string;
  depth: number;
  parent?: string;
  [key: string]: unknown;
}

/** The items of a strategy YAML in document order, with the code of each one's parent item (groups are transparent). */
export function flatItems(yamlText: string): FlatItem[] {
  const doc = parse(yamlText) as { items?: unknown[] };
  const out: FlatItem[] = [];
  const walk = (entries: unknown[] | undefined, depth: number, parent?: string): void => {
    for (const e of entries ?? []) {
      const m = e as Record<string, unknown>;
      if ('group' in m) {
        walk(m.items as unknown[], depth, parent);
        continue;
      }
      const id = String(m.id);
      out.push({ ...m, id, title: String(m.title), depth, parent });
      walk(m.items as unknown[], depth + 1, id);
    }
  };
  walk(doc.items, 1);
  return out;
}

/** The diagnostics the checker reports for written files, as `code message` lines, per file. */
export function checkFiles(files: readonly { name: string; text: string }[]): { file: string; code: string; message: string }[] {
  const service = new LanguageService({ schemas: schemas(), locale: 'en', roots: [ROOT] });
  for (const f of files) {
    service.update(`${ROOT}/${f.name}`, f.text);
  }
  return files.flatMap((f) => service.diagnostics(`${ROOT}/${f.name}`).map((d) => ({ file: f.name, code: d.code, message: service.messages.format(d.message, d.suggestions) })));
}


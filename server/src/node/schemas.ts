/**
 * Loads the JSON Schemas shipped in `schemas/` — the one source of truth for
 * the structure of strategy and catalog files.
 */
import * as fs from 'fs';
import * as path from 'path';
import { SchemaSources } from '../parse/schemaCheck';

/** Finds `schemas/` above this file (it sits at the package root, next to `dist/` and `out/`). */
export function loadSchemas(from: string = __dirname): SchemaSources {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'schemas', 'strategy.schema.json');
    if (fs.existsSync(candidate)) {
      const read = (name: string): object => JSON.parse(fs.readFileSync(path.join(dir, 'schemas', name), 'utf8')) as object;
      return { strategy: read('strategy.schema.json'), catalog: read('catalog.schema.json') };
    }
    dir = path.dirname(dir);
  }
  throw new Error(`schemas/strategy.schema.json not found above ${from}: the package is incomplete`);
}

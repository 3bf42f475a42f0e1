/**
 * A parse worker: receives batches of file texts from `ParsePool` and sends
 * back their `ParsedFile`s, parsed exactly as on the main thread (same
 * `parseFile`, schemas and limits).
 */
import { parentPort, workerData } from 'worker_threads';
import { parseFile } from '../parse/parseFile';
import { compileSchemas, SchemaSources } from '../parse/schemaCheck';
import { ParseBatch, ParseResults } from './parsePool';

function serve(): void {
  const port = parentPort;
  if (!port) {
    return;
  }
  const data = workerData as { schemas: SchemaSources };
  const validators = compileSchemas(data.schemas);
  port.on('message', (batch: ParseBatch) => {
    const results: ParseResults = { id: batch.id, parsed: batch.files.map((f) => parseFile(f.uri, f.text, f.kind, validators, batch.limits)) };
    port.postMessage(results);
  });
}

serve();

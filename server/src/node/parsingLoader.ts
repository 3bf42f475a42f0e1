/**
 * The scan's batch loader for a large workspace: reads a batch of files,
 * takes the parses the persistent cache holds for them, parses the rest (on
 * worker threads when there is a pool, else here) and stores the new parses
 * in the cache. The sync module indexes each file with the parse it is given
 * (`LoadedFile.parsed`), so nothing is parsed twice.
 */
import { ParsedFile } from '../model/types';
import { DEFAULT_LIMITS, FileKind, parseFile, ParseLimits } from '../parse/parseFile';
import { compileSchemas, SchemaSources } from '../parse/schemaCheck';
import { LoadedFile, Workspace } from '../sync/workspace';
import { ParseCache, textHash } from './parseCache';
import { ParsePool } from './parsePool';

export interface ParsingLoaderOptions {
  workspace: Workspace;
  schemas: SchemaSources;
  /** The kind of a file, as the service sees it; Markdown and others are read only. */
  kindOf(uri: string): FileKind | 'markdown' | undefined;
  /** The limits the service parses with now (they follow a setting). */
  limits?(): ParseLimits;
  cache?: ParseCache;
  pool?: ParsePool;
  /**
   * The record of a file taken back from it and not confirmed yet (a warm start): a text with its
   * key is not parsed, and a file with its fingerprint is not even read.
   */
  restored?(uri: string): { key: string; fingerprint?: string } | undefined;
  /** Told of every file read (or confirmed by its fingerprint) whose fingerprint may stand for its text with `key`. */
  fingerprinted?(uri: string, key: string, fingerprint: string): void;
  /**
   * A file confirmed by its fingerprint was read later, when something needed its text, with
   * another text: it changed after the scan, and is to be read again as a changed file.
   */
  changedOnDisk?(uri: string): void;
  /**
   * New parses wait here to be written to the cache (`writePending`) instead of being written
   * as they are made: a first scan then publishes its diagnostics without serializing 100 MB first.
   */
  pendingWrites?: { uri: string; key: string; parsed: ParsedFile }[];
}

/**
 * Writes the parses that wait for the cache for at most `budgetMs` at a time, with `pause` between,
 * so that a server answers requests and keystrokes meanwhile (a national document takes 2–3 ms to
 * serialize and write: a request waits no more than the budget and one write); returns how many
 * were written.
 */
export async function writePending(o: ParsingLoaderOptions, pause: () => Promise<void>, budgetMs = 6, now: () => number = () => performance.now()): Promise<number> {
  let written = 0;
  while (o.pendingWrites && o.pendingWrites.length > 0) {
    const start = now();
    do {
      const w = o.pendingWrites.shift()!;
      o.cache?.set(w.uri, w.key, w.parsed);
      written++;
    } while (o.pendingWrites.length > 0 && now() - start < budgetMs);
    await pause();
  }
  return written;
}

interface Read {
  file: LoadedFile;
  kind?: FileKind;
  key?: string;
}

/** The cache key of a text from its hash (`textHash`): the hash and the one limit that changes what a parse gives. */
export function cacheKey(hash: string, limits: ParseLimits): string {
  return `${hash}-${limits.maxFileLength}`;
}

/**
 * The text of a file confirmed by its fingerprint, read when something first needs it; a text
 * without the recorded key means the file changed after the scan (`changedOnDisk`).
 */
function readLater(uri: string, key: string, o: ParsingLoaderOptions, limits: ParseLimits): () => string {
  return () => {
    const read = o.workspace.readFile(uri);
    const text = read.text ?? '';
    if (read.text === undefined || cacheKey(read.hash ?? textHash(text), limits) !== key) {
      o.changedOnDisk?.(uri);
    }
    return text;
  };
}

function readBatch(uris: readonly string[], o: ParsingLoaderOptions, limits: ParseLimits): Read[] {
  return uris.map((uri) => {
    const record = o.restored?.(uri);
    const restored = record?.key;
    // A file taken back from its record: unchanged when its fingerprint is the recorded one, and read when something needs its text.
    if (record?.fingerprint !== undefined && o.workspace.fingerprint?.(uri) === record.fingerprint) {
      o.fingerprinted?.(uri, record.key, record.fingerprint);
      return { file: { uri, confirms: record.key, lazyText: readLater(uri, record.key, o, limits) } };
    }
    // Else its hash tells whether it is unchanged, and its text is decoded when something reads it.
    const lazy = o.workspace.readLazily?.(uri);
    const lazyKey = lazy?.hash !== undefined ? cacheKey(lazy.hash, limits) : undefined;
    if (lazyKey !== undefined && lazy?.fingerprint !== undefined) {
      o.fingerprinted?.(uri, lazyKey, lazy.fingerprint);
    }
    if (lazy?.text !== undefined && lazyKey !== undefined && lazyKey === restored) {
      return { file: { uri, confirms: lazyKey, lazyText: lazy.text } };
    }
    const read = lazy === undefined ? o.workspace.readFile(uri) : lazy.error !== undefined ? lazy : { text: lazy.text(), hash: lazy.hash };
    const kind = o.kindOf(uri);
    if (read.text === undefined || (kind !== 'strategy' && kind !== 'catalog')) {
      return { file: { uri, ...read } };
    }
    const key = o.cache || restored !== undefined ? cacheKey(read.hash ?? textHash(read.text), limits) : undefined;
    if (restored !== undefined && key === restored) {
      // Unchanged since it was recorded: the index holds it already, its parse is loaded when something reads it.
      return { file: { uri, text: read.text, confirms: key } };
    }
    const parsed = key !== undefined ? o.cache?.get(uri, key) : undefined;
    return { file: { uri, text: read.text, parsed }, kind, key };
  });
}

function store(reads: Read[], o: ParsingLoaderOptions, fresh: Set<Read>): LoadedFile[] {
  for (const r of fresh) {
    if (r.key !== undefined && r.file.parsed) {
      if (o.pendingWrites) {
        o.pendingWrites.push({ uri: r.file.uri, key: r.key, parsed: r.file.parsed });
      } else {
        o.cache?.set(r.file.uri, r.key, r.file.parsed);
      }
    }
  }
  return reads.map((r) => r.file);
}

/** A loader that parses on the calling thread: for `scanNow` (the checker without workers). */
export function parsingLoaderSync(o: ParsingLoaderOptions): (uris: readonly string[]) => LoadedFile[] {
  return (uris) => {
    const limits = o.limits?.() ?? DEFAULT_LIMITS;
    const reads = readBatch(uris, o, limits);
    const validators = compileSchemas(o.schemas);
    const fresh = new Set<Read>();
    for (const r of reads) {
      if (r.kind && r.file.text !== undefined && !r.file.parsed) {
        r.file.parsed = parseFile(r.file.uri, r.file.text, r.kind, validators, limits);
        fresh.add(r);
      }
    }
    return store(reads, o, fresh);
  };
}

/** A loader that parses on the pool's worker threads (or here, without a pool). */
export function parsingLoader(o: ParsingLoaderOptions): (uris: readonly string[]) => Promise<LoadedFile[]> {
  const sync = parsingLoaderSync(o);
  return async (uris) => {
    if (!o.pool) {
      return sync(uris);
    }
    const limits = o.limits?.() ?? DEFAULT_LIMITS;
    const reads = readBatch(uris, o, limits);
    const waiting = reads.filter((r): r is Read & { kind: FileKind; file: { text: string } } => r.kind !== undefined && r.file.text !== undefined && !r.file.parsed);
    const parsed: ParsedFile[] = await o.pool.parse(
      waiting.map((r) => ({ uri: r.file.uri, text: r.file.text, kind: r.kind })),
      limits,
    );
    waiting.forEach((r, i) => (r.file.parsed = parsed[i]));
    return store(reads, o, new Set(waiting));
  };
}

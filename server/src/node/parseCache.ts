/**
 * A persistent cache of parsed files, so that a start with nothing changed
 * reads results instead of parsing 100 MB of YAML again.
 *
 * One entry per file, in `<dir>/<engine>/<hash of the URI>.bin`: a header
 * (magic, engine, the SHA-1 of the file's text, the SHA-1 and length of the
 * payload) and the `ParsedFile` in V8's serialization format, which keeps
 * maps and shared objects as they were, so that a key the format adds needs
 * no change here. An entry is used only when everything in its header
 * matches: a file that changed while the editor was closed has another text
 * hash and is parsed again; a corrupt or truncated entry fails its payload
 * hash; an entry of another engine version lies in another folder, and those
 * folders are removed. Nothing read from the cache is trusted before these
 * checks, and no failure — unreadable, unwritable, full disk — is more than a
 * miss: the files are parsed as without a cache.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import { CodeDiagnostic, DiagnosticCode, ParsedFile, Severity } from '../model/types';
import type { FileRecord } from '../model/workspaceIndex';

const MAGIC = 'strategy-codes parse cache 1\n';

/** The SHA-1 of a text, hex: the key a cache entry is checked against. */
export function textHash(text: string): string {
  return crypto.createHash('sha1').update(text).digest('hex');
}

/**
 * The engine's identity for the cache: the parser's code (the file this
 * module was bundled into, which holds the whole engine), the package
 * version, the schemas and the parse limits. Any change gives another folder.
 */
export function engineId(parts: readonly string[]): string {
  const h = crypto.createHash('sha1');
  // In the bundle this file holds the whole engine; compiled module by module, the parser's modules lie in ../parse.
  const parseDir = path.join(__dirname, '..', 'parse');
  const files = [__filename, ...(fs.existsSync(parseDir) ? fs.readdirSync(parseDir).filter((f) => f.endsWith('.js')).map((f) => path.join(parseDir, f)) : [])];
  for (const file of files) {
    try {
      h.update(fs.readFileSync(file));
    } catch {
      // A file that cannot be read leaves the engine known by the others.
    }
  }
  for (const p of parts) {
    h.update('\0' + p);
  }
  return h.digest('hex').slice(0, 16);
}

/**
 * How an entry's payload is written: a parse in V8's format (maps and shared objects kept), the
 * records of the index as JSON (plain data; JSON reads back twice as fast as V8's format).
 */
type Format = 'v8' | 'json';

/** What the cache did, for the log and the benchmark. */
export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries found but refused (corrupt, truncated, for another text or engine). */
  refused: number;
  written: number;
  /** Why the cache could not be written, when it could not. */
  unwritable?: string;
}

/** The persistent cache of one engine version in one folder. */
export class ParseCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, refused: 0, written: 0 };
  private readonly folder: string;

  /**
   * Opens (and creates) the cache for `engine` under `dir`, removing the
   * folders of other engine versions. Never throws: a folder that cannot be
   * created makes a cache that misses and does not write.
   */
  constructor(dir: string, private readonly engine: string) {
    this.folder = path.join(dir, engine);
    try {
      fs.mkdirSync(this.folder, { recursive: true });
      for (const other of fs.readdirSync(dir)) {
        if (other !== engine && /^[0-9a-f]{16}$/.test(other)) {
          fs.rmSync(path.join(dir, other), { recursive: true, force: true });
        }
      }
    } catch (e) {
      this.stats.unwritable = describe(e);
    }
  }

  private entryPath(uri: string): string {
    return path.join(this.folder, crypto.createHash('sha1').update(uri).digest('hex') + '.bin');
  }

  /** The cached parse of `uri` when its text had hash `hash`, or undefined. */
  get(uri: string, hash: string): ParsedFile | undefined {
    let data: Buffer;
    try {
      data = fs.readFileSync(this.entryPath(uri));
    } catch {
      this.stats.misses++;
      return undefined;
    }
    const parsed = this.decode(data, uri, hash);
    if (parsed) {
      this.stats.hits++;
    } else {
      this.stats.refused++;
    }
    return parsed;
  }

  private decode(data: Buffer, uri: string, hash: string): ParsedFile | undefined {
    const value = this.payload(data, hash, 'v8') as Partial<ParsedFile> | null | undefined;
    // The payload hash matched: a wrong shape here means a bug, not damage — still a miss, never a crash.
    return value !== null && typeof value === 'object' && value.uri === uri && (value.kind === 'strategy' || value.kind === 'catalog') ? (value as ParsedFile) : undefined;
  }

  /** The value an entry holds when its header matches this engine and `key` and its payload is whole, else undefined. */
  private payload(data: Buffer, key: string, format: Format): unknown {
    const headerEnd = data.indexOf(0x0a, MAGIC.length);
    if (headerEnd < 0 || data.toString('utf8', 0, MAGIC.length) !== MAGIC) {
      return undefined;
    }
    const [engine, text, payloadHash, length] = data.toString('utf8', MAGIC.length, headerEnd).split(' ');
    const payload = data.subarray(headerEnd + 1);
    if (engine !== this.engine || text !== key || Number(length) !== payload.length || crypto.createHash('sha1').update(payload).digest('hex') !== payloadHash) {
      return undefined;
    }
    try {
      return format === 'v8' ? (v8.deserialize(payload) as unknown) : (JSON.parse(payload.toString('utf8')) as unknown);
    } catch {
      return undefined;
    }
  }

  /** Stores the parse of `uri` whose text had hash `hash`; written whole or not at all. */
  set(uri: string, hash: string, parsed: ParsedFile): void {
    if (parsed.kind !== 'strategy' && parsed.kind !== 'catalog') {
      return;
    }
    if (this.write(this.entryPath(uri), hash, parsed, 'v8')) {
      this.stats.written++;
    }
  }

  /** Writes an entry whole or not at all; false when it could not be written (the cache then writes no more). */
  private write(target: string, key: string, value: unknown, format: Format): boolean {
    if (this.stats.unwritable !== undefined) {
      return false;
    }
    const tmp = `${target}.${process.pid}.tmp`;
    try {
      const payload = format === 'v8' ? v8.serialize(value) : Buffer.from(JSON.stringify(value));
      const header = `${MAGIC}${this.engine} ${key} ${crypto.createHash('sha1').update(payload).digest('hex')} ${payload.length}\n`;
      fs.writeFileSync(tmp, Buffer.concat([Buffer.from(header), payload]));
      // A rename replaces the entry at once: a reader sees the old entry or the new one, never half of one.
      fs.renameSync(tmp, target);
      return true;
    } catch (e) {
      this.stats.unwritable = describe(e);
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // Nothing was written, or it cannot be removed either: the next start ignores a stray .tmp file.
      }
      return false;
    }
  }

  /** The records' file for a scope, named by its hash, which its header holds too. */
  private records(scope: string): { file: string; key: string } {
    const key = crypto.createHash('sha1').update(scope).digest('hex');
    return { file: path.join(this.folder, `workspace-${key}.bin`), key };
  }

  /**
   * The records of the workspace's files an earlier session left for `scope` (the workspace
   * folders and the settings the index was built with), or undefined: a warm start takes the
   * files back from them. Checked as a parse is; anything amiss is no records.
   */
  readRecords(scope: string): FileRecord[] | undefined {
    const { file, key } = this.records(scope);
    let data: Buffer;
    try {
      data = fs.readFileSync(file);
    } catch {
      return undefined;
    }
    return unpackRecords(this.payload(data, key, 'json'));
  }

  /** Stores the records of the workspace's files for `scope`, whole or not at all. */
  writeRecords(scope: string, records: readonly FileRecord[]): boolean {
    const { file, key } = this.records(scope);
    return this.write(file, key, packRecords(records), 'json');
  }
}

/**
 * The records as written: `[kinds, records]`, where a diagnostic of the usual shape (code,
 * severity, span and message, nothing more) is the tuple `[kind, start, end, ...args]` and `kind`
 * indexes `kinds`, the distinct `code severity message-id` triples. A national workspace's records
 * shrink by half and are read back faster; any other diagnostic is kept as it is.
 */
type PackedDiagnostic = [number, number, number, ...string[]];

function packRecords(records: readonly FileRecord[]): [string[][], unknown[]] {
  const kinds: string[][] = [];
  const kindIndex = new Map<string, number>();
  const pack = (d: CodeDiagnostic): CodeDiagnostic | PackedDiagnostic => {
    const plain = Object.keys(d).length === 4 && Object.keys(d.span).length === 2 && Object.keys(d.message).length === 2 && d.message.args.every((a) => typeof a === 'string');
    if (!plain) {
      return d;
    }
    const name = `${d.code}\0${d.severity}\0${d.message.id}`;
    let kind = kindIndex.get(name);
    if (kind === undefined) {
      kind = kinds.length;
      kinds.push([d.code, d.severity, d.message.id]);
      kindIndex.set(name, kind);
    }
    return [kind, d.span.start, d.span.end, ...d.message.args];
  };
  return [kinds, records.map((r) => ({ ...r, diagnostics: r.diagnostics.map(pack) }))];
}

function unpackRecords(value: unknown): FileRecord[] | undefined {
  if (!Array.isArray(value) || value.length !== 2 || !Array.isArray(value[0]) || !Array.isArray(value[1])) {
    return undefined;
  }
  const kinds = value[0] as unknown[];
  if (!kinds.every((k) => Array.isArray(k) && k.length === 3 && k.every((x) => typeof x === 'string'))) {
    return undefined;
  }
  const unpack = (d: unknown): CodeDiagnostic | undefined => {
    if (!Array.isArray(d)) {
      return d !== null && typeof d === 'object' ? (d as CodeDiagnostic) : undefined;
    }
    const [kind, start, end, ...args] = d as unknown[];
    const k = typeof kind === 'number' ? (kinds[kind] as [DiagnosticCode, Severity, string] | undefined) : undefined;
    if (!k || typeof start !== 'number' || typeof end !== 'number' || !args.every((a) => typeof a === 'string')) {
      return undefined;
    }
    return { code: k[0], severity: k[1], span: { start, end }, message: { id: k[2], args: args } };
  };
  const out: FileRecord[] = [];
  for (const r of value[1] as unknown[]) {
    const raw = r as Partial<FileRecord> | null;
    const diagnostics = Array.isArray(raw?.diagnostics) ? raw.diagnostics.map(unpack) : undefined;
    if (!diagnostics || diagnostics.some((d) => d === undefined)) {
      return undefined;
    }
    const record = { ...raw, diagnostics };
    if (!isRecord(record)) {
      return undefined;
    }
    out.push(record);
  }
  return out;
}

/** Whether a value read back has the shape of a record (its payload hash matched: a wrong shape is a bug, still refused). */
function isRecord(value: unknown): value is FileRecord {
  const r = value as Partial<FileRecord> | null;
  return (
    r !== null &&
    typeof r === 'object' &&
    typeof r.uri === 'string' &&
    typeof r.key === 'string' &&
    (r.kind === 'strategy' || r.kind === 'catalog' || r.kind === 'markdown') &&
    typeof r.codes === 'number' &&
    Array.isArray(r.used) &&
    Array.isArray(r.defined) &&
    Array.isArray(r.goals) &&
    Array.isArray(r.diagnostics) &&
    (r.fingerprint === undefined || typeof r.fingerprint === 'string')
  );
}

function describe(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
}

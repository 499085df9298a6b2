/**
 * Opens the store's database: SQLite in the data folder (embedded default) or PostgreSQL
 * when a URL is given. The rest of the code sees only Kysely<Database> and the dialect name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Database, Dialect } from './schema.js';
import { migrateToLatest } from './migrations.js';
import { ScopedPostgresDialect } from './pg-introspector.js';
import { openEncryptedSqlite, writerKeyPragmas, type SqliteHandle, type SqliteKeyOutcome } from './sqlite-encryption.js';
import { BACKSTOP_FRAMES, CHECKPOINT_FRAMES, walCheckpointerWhenNeeded } from './sqlite-checkpointer.js';

export interface OpenedDatabase {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The SQLite handle under Kysely, for bulk inserts inside a transaction (see ResourcesRepo). */
  sqlite?: SqliteHandle;
  /** SQLite: what opening did to the encrypted file (created, opened, encrypted a plaintext one, re-keyed). */
  sqliteKey?: SqliteKeyOutcome;
  close(): Promise<void>;
}

export interface OpenOptions {
  dataDir: string;
  /** The vault keyring (current key first): the embedded database's key derives from it. */
  keyring?: Buffer[];
  databaseUrl?: string;
  /** PostgreSQL schema to use (tests isolate themselves in one each). */
  pgSchema?: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

export const SQLITE_FILE_NAME = 'vessel.sqlite';

export async function openDatabase(opts: OpenOptions): Promise<OpenedDatabase> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.pgSchema, opts.poolSize);
  return openSqlite(path.join(opts.dataDir, SQLITE_FILE_NAME), opts.keyring ?? []);
}

async function openSqlite(file: string, keyring: Buffer[]): Promise<OpenedDatabase> {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const { db: raw, outcome } = openEncryptedSqlite(file, { keyring });
  fs.chmodSync(file, 0o600);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  // A CLI import and a running server may share the file: wait for the writer instead of failing.
  raw.pragma('busy_timeout = 10000');
  // A 100,000-resource record spans far more than the default 2 MB page cache: reconcile
  // writes and the read models would otherwise re-read (and decrypt) pages on every query.
  // 32 MB holds the views' working set of a 92k-resource person (the same CPU per view as 64 MB;
  // 16 MB costs 3-4x) and keeps a large import's process under 300 MB (the cache fills with
  // the pages it writes).
  raw.pragma('cache_size = -32768');
  // Checkpoint every 4,000 pages (16 MB of log) rather than SQLite's 1,000: a page written again
  // before the checkpoint is copied into the file once, and each checkpoint's fsyncs are paid a
  // quarter as often (insert benchmark: 46 -> 41 µs of CPU per stored resource). Once the
  // checkpoint thread runs (started when the log first reaches 1,000 frames), it does them and
  // this connection's own stays as a backstop (sqlite-checkpointer.ts).
  raw.pragma(`wal_autocheckpoint = ${CHECKPOINT_FRAMES}`);
  raw.pragma('temp_store = MEMORY');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(raw) }) });
  await migrateToLatest(db, 'sqlite');
  const autocheckpoint = (frames: number) => {
    try {
      if (raw.open) raw.pragma(`wal_autocheckpoint = ${frames}`);
    } catch {
      // A statement still iterating on the connection: the setting stays as it was.
    }
  };
  const checkpointer = walCheckpointerWhenNeeded(
    file,
    writerKeyPragmas(keyring),
    () => autocheckpoint(BACKSTOP_FRAMES),
    () => autocheckpoint(CHECKPOINT_FRAMES),
  );
  const close = async () => {
    // The thread's connection first: the last connection to close checkpoints and removes the log.
    await checkpointer.close();
    await db.destroy();
  };
  return { db, dialect: 'sqlite', sqlite: raw, sqliteKey: outcome, close };
}

/** How many compiled statements a connection keeps (distinct SQL texts; lists of ids make new ones). */
const STATEMENT_CACHE = 256;
/**
 * Longer SQL (multi-row inserts, long id lists) is compiled each time: its compiled program
 * grows with the text (a 400-row insert is hundreds of KB), and 256 of them would weigh on the
 * 300 MB budget of a large import.
 */
const CACHED_SQL_MAX = 2_000;

/**
 * Kysely's SQLite driver prepares (compiles) every query it runs; compiling was ~5% of an
 * import's CPU. The same SQL text reuses its compiled statement, the least recently used ones
 * beyond STATEMENT_CACHE are dropped. A statement still iterating (a stream) is never handed
 * out twice: a new one is compiled for that call.
 */
export function reusingStatements(raw: SqliteHandle, size = STATEMENT_CACHE): SqliteDatabase {
  const cache = new Map<string, ReturnType<SqliteHandle['prepare']>>();
  return {
    close: () => raw.close(),
    prepare(sqlText: string) {
      const hit = cache.get(sqlText);
      if (hit && !hit.busy) {
        cache.delete(sqlText);
        cache.set(sqlText, hit);
        return hit;
      }
      const st = raw.prepare(sqlText);
      if (!hit && sqlText.length <= CACHED_SQL_MAX) {
        cache.set(sqlText, st);
        if (cache.size > size) cache.delete(cache.keys().next().value!);
      }
      return st;
    },
  };
}

async function openPostgres(url: string, schema?: string, poolSize = 10): Promise<OpenedDatabase> {
  // jit=off: Vessel's queries are short index reads, and compiling one whose estimate passes
  // jit_above_cost cost more than running it (the home page's per-type counts on the
  // 92,000-resource bench person: 160–310 ms with JIT, 60–90 ms without, under load).
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    options: ['-c jit=off', ...(schema ? [`-c search_path=${quoteIdent(schema)}`] : [])].join(' '),
  });
  // A dropped connection must not kill the process; the pool replaces it.
  pool.on('error', () => {});
  if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  const db = new Kysely<Database>({ dialect: new ScopedPostgresDialect({ pool }) });
  await migrateToLatest(db, 'postgres', schema);
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe schema name: ${name}`);
  return `"${name}"`;
}

/**
 * The embedded SQLite database, encrypted at rest (SQLite3 Multiple Ciphers, AEGIS-256 per page).
 *
 * - One secret: the database key is derived from the vault key (HKDF-SHA256, own label) and
 *   given as a raw key (`x'…'`), so opening costs no key stretching; the vault key is already
 *   32 random bytes.
 * - AEGIS-256 (an AEAD of the CAESAR final portfolio, IETF CFRG draft; SQLite3MC's `aegis`
 *   cipher): each page is encrypted and authenticated with a fresh random 32-byte nonce and a
 *   32-byte tag, the page number bound in. It replaced SQLCipher 4 (AES-256-CBC + HMAC-SHA512)
 *   in November 2026: the HMAC-SHA512 of every page written or read was most of the cipher's
 *   cost, and AEGIS runs on the CPU's AES instructions (an insert-heavy benchmark: ~100 µs of
 *   CPU per stored resource under SQLCipher, ~50 under AEGIS, ~50 unencrypted). What was given
 *   up: SQLCipher's tools can no longer read the file (SQLite3MC builds can, with the raw key).
 * - A database from before encryption, in the SQLCipher 4 scheme (the same vault key, its own
 *   derived key), or under an older key during `vessel rotate-key`, is re-encrypted by copy:
 *   snapshot (`VACUUM INTO`) → re-key the copy → fsync → rename over the original. Killed at
 *   any moment, the folder holds either the old database or the new one, each openable with a
 *   key in the keyring; a leftover copy is removed by the next run.
 *   (`PRAGMA rekey` in place is not used: a rekey interrupted mid-way leaves a journal whose
 *   recovery depends on which key opens the file first.) Connections are made under a lock so
 *   none is being made to the old file while it is replaced (withOpenLock).
 */
import fs from 'node:fs';
import path from 'node:path';
import { hkdfSync } from 'node:crypto';
import Sqlite from 'better-sqlite3-multiple-ciphers';

/** The key of each scheme has its own label: one key is never used by two ciphers. */
const KEY_LABEL: Record<Scheme, string> = { aegis: 'vessel sqlite database key v2 aegis-256', sqlcipher: 'vessel sqlite database key v1' };
const PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const COPY_SUFFIX = '.reencrypt';
const LOCK_SUFFIX = '.open-lock';

export type SqliteHandle = Sqlite.Database;

/** How a file is encrypted: `aegis` now, `sqlcipher` (SQLCipher 4) before November 2026. */
export type Scheme = 'aegis' | 'sqlcipher';
const CURRENT: Scheme = 'aegis';
/** SQLite3MC's number for AEGIS-256 (its default today; written out so a new default cannot change the format). */
const AEGIS_256 = 4;

/**
 * What opening did to the file: nothing, made it, or re-encrypted it (from plaintext, from an
 * older key, or from the SQLCipher scheme under the same vault key).
 */
export type SqliteKeyOutcome = 'opened' | 'created' | 'encrypted-plaintext' | 'rekeyed' | 'reencrypted-aegis';

export class DatabaseKeyError extends Error {
  readonly code = 'database_key';
}

/** The database key for a vault key, as hex: HKDF-SHA256 with a label of its own per scheme. */
export function databaseKeyHex(vaultKey: Buffer, scheme: Scheme = CURRENT): string {
  return Buffer.from(hkdfSync('sha256', vaultKey, Buffer.alloc(0), KEY_LABEL[scheme], 32)).toString('hex');
}

/** A database key: which scheme it is for, and the key. */
interface SchemeKey {
  scheme: Scheme;
  hex: string;
}

/** The pragmas choosing a scheme's cipher (before its key). */
function cipherPragmas(scheme: Scheme): string[] {
  return [`cipher = '${scheme}'`, scheme === 'sqlcipher' ? 'legacy = 4' : `algorithm = ${AEGIS_256}`];
}

function useCipher(db: SqliteHandle, scheme: Scheme): void {
  for (const p of cipherPragmas(scheme)) db.pragma(p);
}

/** Must run before anything reads the file. */
function applyKey(db: SqliteHandle, key: SchemeKey): void {
  for (const p of keyPragmas(key)) db.pragma(p);
}

function keyPragmas(key: SchemeKey): string[] {
  return [...cipherPragmas(key.scheme), `key = "x'${key.hex}'"`];
}

/**
 * The pragmas that open a database `openEncryptedSqlite` opened for writing (the current
 * scheme under the current vault key), for a second connection to it (sqlite-checkpointer.ts).
 */
export function writerKeyPragmas(keyring: Buffer[]): string[] {
  if (!keyring.length) throw new DatabaseKeyError('no vault key: the embedded database is encrypted with a key derived from it');
  return keyPragmas({ scheme: CURRENT, hex: databaseKeyHex(keyring[0], CURRENT) });
}

type FileState = 'absent' | 'plaintext' | 'encrypted';

/** A plaintext SQLite file starts with its format string; an encrypted one with a random salt. */
function fileState(file: string): FileState {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw err;
  }
  try {
    const head = Buffer.alloc(PLAINTEXT_HEADER.length);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    if (n === 0) return 'absent';
    return n === head.length && head.equals(PLAINTEXT_HEADER) ? 'plaintext' : 'encrypted';
  } finally {
    fs.closeSync(fd);
  }
}

/** Opens with one key; undefined when the key does not fit (SQLite: "file is not a database"). */
function openWithKey(file: string, key: SchemeKey | null, readonly: boolean): SqliteHandle | undefined {
  // Waits as long as the store does (connect.ts) for a writer.
  const db = new Sqlite(file, { readonly, fileMustExist: readonly, timeout: 10_000 });
  try {
    if (key) applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return db;
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') return undefined;
    throw err;
  }
}

/**
 * A process killed while it wrote the file in rollback-journal mode (a re-encryption leaving WAL
 * for its copy) leaves a hot journal. SQLite rolls it back on the next read, but only through a
 * writable connection with the key its pages were written under: a read-only probe fails with
 * SQLITE_READONLY_ROLLBACK and another scheme's key with SQLITE_CORRUPT, which would end the open.
 * So, under the open lock, each key is tried read-write until one reads the file (rolling the
 * journal back); a key that does not fit reads no page and leaves the file as it was (test:
 * db-cipher-upgrade.test.ts).
 */
function rollBackHotJournal(file: string, keys: SchemeKey[]): void {
  if (!fs.existsSync(`${file}-journal`) || fileState(file) !== 'encrypted') return;
  for (const key of keys) {
    try {
      const db = openWithKey(file, key, false);
      if (db) {
        db.close();
        return;
      }
    } catch {
      // Not this key (SQLITE_CORRUPT): the next.
    }
  }
}

function wrongKey(file: string): DatabaseKeyError {
  return new DatabaseKeyError(
    `the database ${file} does not open with the vault key (VESSEL_KEY or vessel.key): it was encrypted with another key, or it is not a Vessel database. ` +
      'Give the key this data folder was made with (during a key rotation: the new key, then the old one).',
  );
}

export interface OpenEncryptedOptions {
  /** Current key first, older ones after (a key rotation in progress). */
  keyring: Buffer[];
  /** Read-only: never creates, migrates or re-keys (inspection tools and tests). */
  readonly?: boolean;
}

/**
 * Opens the database with the current key. A plaintext database or one under an older key in
 * the keyring is first re-encrypted under the current key; no key fits → DatabaseKeyError
 * (never a new empty database over the old one).
 */
export function openEncryptedSqlite(file: string, opts: OpenEncryptedOptions): { db: SqliteHandle; outcome: SqliteKeyOutcome } {
  if (!opts.keyring.length) throw new DatabaseKeyError('no vault key: the embedded database is encrypted with a key derived from it');
  // The current scheme under each key of the ring, then the SQLCipher scheme of before (current vault key first).
  const keys: SchemeKey[] = [...opts.keyring.map((k) => ({ scheme: CURRENT, hex: databaseKeyHex(k, CURRENT) })), ...opts.keyring.map((k) => ({ scheme: 'sqlcipher' as const, hex: databaseKeyHex(k, 'sqlcipher') }))];
  return withOpenLock(file, () => openUnderLock(file, keys, opts.readonly ?? false));
}

/**
 * Connections are made one process at a time. A re-encryption renames a new file over the old
 * one; a connection being made to the old file at that moment would pair it with the new file's
 * -wal and -shm (SQLite names them after the path) and could checkpoint the new file's log into
 * the old one. Once made, a connection in WAL mode holds a shared lock on its file for its whole
 * life, which makes a re-encryption elsewhere fail ("open in another process") instead.
 * The lock is SQLite's own (POSIX advisory locks on an empty side file): released by the
 * kernel when a process dies, so a kill never leaves it stale.
 */
function withOpenLock<T>(file: string, fn: () => T): T {
  // Another process may be re-encrypting a large database: wait for it.
  const lock = new Sqlite(`${file}${LOCK_SUFFIX}`, { timeout: 600_000 });
  try {
    lock.exec('BEGIN EXCLUSIVE');
    try {
      return fn();
    } finally {
      lock.exec('COMMIT');
    }
  } finally {
    lock.close();
  }
}

/** `keys[0]` is the current scheme under the current vault key; the SQLCipher keys are the second half, in keyring order. */
function openUnderLock(file: string, keys: SchemeKey[], readonly: boolean): { db: SqliteHandle; outcome: SqliteKeyOutcome } {
  if (!readonly) rollBackHotJournal(file, keys);
  let outcome: SqliteKeyOutcome | undefined;
  for (let pass = 0; pass < 2; pass++) {
    const state = fileState(file);
    if (state === 'absent' && readonly) throw new DatabaseKeyError(`no database at ${file}`);
    if (state !== 'plaintext') {
      const db = openWithKey(file, keys[0], readonly);
      if (db) {
        // WAL mode before the lock is released: from here on the connection holds its file.
        if (!readonly) db.pragma('journal_mode = WAL');
        return { db, outcome: outcome ?? (state === 'absent' ? 'created' : 'opened') };
      }
    }
    if (outcome) throw wrongKey(file);
    if (readonly && state === 'plaintext') throw new DatabaseKeyError(`the database ${file} is not encrypted yet: open it once with Vessel to encrypt it`);
    if (readonly) {
      // Inspection of a file not yet re-encrypted to the current scheme: read it as it is.
      const db = openWithKey(file, keys[keys.length / 2], true);
      if (db) return { db, outcome: 'opened' };
      throw wrongKey(file);
    }
    let from: SchemeKey | null = null;
    if (state === 'encrypted') {
      const older = keys.slice(1).find((k) => {
        const db = openWithKey(file, k, true);
        db?.close();
        return !!db;
      });
      if (!older) throw wrongKey(file);
      from = older;
    }
    reencrypt(file, from, keys[0]);
    // Same vault key, older scheme: only the cipher changed. Otherwise the key did (a rotation).
    outcome = !from ? 'encrypted-plaintext' : from === keys[keys.length / 2] ? 'reencrypted-aegis' : 'rekeyed';
  }
  throw wrongKey(file);
}

/**
 * Writes an encrypted copy of `file` under `toKey` beside it and renames it over the original.
 * `fromKey` null: the original is plaintext. Runs under the open lock.
 */
function reencrypt(file: string, fromKey: SchemeKey | null, toKey: SchemeKey): void {
  removeOrphanCopies(file);
  const copy = `${file}.${process.pid}${COPY_SUFFIX}`;
  const source = openWithKey(file, fromKey, false);
  if (!source) throw wrongKey(file);
  try {
    // Leaving WAL mode checkpoints and removes the -wal file (no plaintext left beside the new
    // file, no stale log to pair with it), and needs every other connection closed.
    const inUse = new Error(`the database ${file} must be re-encrypted but is open in another process (a Vessel server or worker): stop it and run this again`);
    let mode: unknown;
    try {
      mode = source.pragma('journal_mode = DELETE', { simple: true });
    } catch (err) {
      if (String((err as { code?: string }).code).startsWith('SQLITE_BUSY')) throw inUse;
      throw err;
    }
    if (mode !== 'delete') throw inUse;
    // Hold the file's exclusive lock until the rename (a process of a version without the open
    // lock cannot write to the old file meanwhile).
    source.pragma('locking_mode = EXCLUSIVE');
    source.exec('BEGIN EXCLUSIVE; COMMIT');
    removeCopy(copy);
    source.prepare('VACUUM INTO ?').run(copy);
    // The copy is under the source's key (or plaintext); re-key it. It is thrown away if this is
    // interrupted, so it needs no journal.
    const target = new Sqlite(copy, { fileMustExist: true });
    try {
      if (fromKey) applyKey(target, fromKey);
      target.pragma('journal_mode = OFF');
      // The cipher of the re-key is the one chosen last (SQLite3MC); the page reserve changes with it.
      useCipher(target, toKey.scheme);
      target.pragma(`rekey = "x'${toKey.hex}'"`);
      // The full-text rows share their base row's rowid, and SQLite allows a VACUUM to renumber
      // implicit rowids (it does not today): refuse a copy that differs rather than find out later.
      if (rowidFingerprint(target) !== rowidFingerprint(source)) throw new Error(`re-encrypting ${file}: the copy's rows differ from the original's; the original is kept`);
    } finally {
      target.close();
    }
    syncPath(copy);
    fs.renameSync(copy, file);
    syncPath(path.dirname(file));
  } catch (err) {
    removeCopy(copy);
    throw err;
  } finally {
    source.close();
  }
}

/** Row count and rowid sum of every ordinary table. */
function rowidFingerprint(db: SqliteHandle): string {
  const tables = (db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as Array<{ name: string; sql: string }>)
    .filter((t) => !/^CREATE VIRTUAL/i.test(t.sql) && !/WITHOUT\s+ROWID/i.test(t.sql));
  return tables.map((t) => `${t.name} ${JSON.stringify(db.prepare(`SELECT count(*) AS n, total(rowid) AS s FROM "${t.name.replaceAll('"', '""')}"`).get())}`).join('\n');
}

function removeCopy(copy: string): void {
  for (const f of [copy, `${copy}-journal`]) fs.rmSync(f, { force: true });
}

/** Copies left by a process killed mid-way are garbage: the original was never replaced by them. */
function removeOrphanCopies(file: string): void {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(prefix) || !name.includes(COPY_SUFFIX)) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (!pidAlive(pid)) fs.rmSync(path.join(dir, name), { force: true });
  }
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** fsync of a file or folder (a folder: its entry list, which makes the rename durable). */
function syncPath(p: string): void {
  const fd = fs.openSync(p, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

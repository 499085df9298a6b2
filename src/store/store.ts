/**
 * The store: small repositories over one database, picked at start-up (SQLite or PostgreSQL).
 * Nothing here knows about HTTP or the CLI.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database, Dialect } from './schema.js';
import { PeopleRepo } from './people.js';
import { DocumentsRepo } from './documents.js';
import { ResourcesRepo } from './resources.js';
import { SearchRepo } from './search.js';
import { AuditRepo } from './audit.js';
import { RecordRepo } from './record.js';
import { AccountsRepo } from './accounts.js';
import { openDatabase, type OpenOptions } from './connect.js';
import type { SqliteKeyOutcome } from './sqlite-encryption.js';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

export class Store {
  readonly people: PeopleRepo;
  readonly documents: DocumentsRepo;
  readonly resources: ResourcesRepo;
  readonly search: SearchRepo;
  readonly audit: AuditRepo;
  readonly record: RecordRepo;
  readonly accounts: AccountsRepo;
  /** SQLite: what opening did to the encrypted file (rotate-key reports a re-key). */
  sqliteKey?: SqliteKeyOutcome;
  private peopleMutex: Promise<unknown> = Promise.resolve();

  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: Dialect,
    private readonly closeFn: () => Promise<void> = async () => {},
    private readonly sqlite?: BetterSqlite3.Database,
    private readonly inTransaction = false,
  ) {
    this.people = new PeopleRepo(db, inTransaction ? sqlite : undefined);
    this.documents = new DocumentsRepo(db, inTransaction ? sqlite : undefined);
    // The raw SQLite handle is handed down only inside a transaction: there it is the
    // transaction's own connection, so bulk statements cannot interleave with other work.
    this.resources = new ResourcesRepo(db, dialect, inTransaction ? sqlite : undefined);
    this.search = new SearchRepo(db, dialect, inTransaction ? sqlite : undefined);
    this.audit = new AuditRepo(db);
    this.record = new RecordRepo(db, dialect, inTransaction ? sqlite : undefined);
    this.accounts = new AccountsRepo(db);
  }

  /**
   * SQLite: the handle under `db`, for a caller that runs its own statements only when no
   * transaction holds the connection (JobQueue). Undefined on PostgreSQL and inside a transaction's Store.
   */
  sqliteHandle(): BetterSqlite3.Database | undefined {
    return this.inTransaction ? undefined : this.sqlite;
  }

  static async open(opts: OpenOptions): Promise<Store> {
    const { db, dialect, close, sqlite, sqliteKey } = await openDatabase(opts);
    const store = new Store(db, dialect, close, sqlite);
    store.sqliteKey = sqliteKey;
    return store;
  }

  /** Runs `fn` in one transaction; the Store it gets writes inside that transaction. */
  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => fn(new Store(trx, this.dialect, async () => {}, this.sqlite, true)));
  }

  /**
   * Serialises "find or create a person" so two documents about the same new patient,
   * processed at once, create one person: an in-process mutex for SQLite's single writer,
   * a transaction-scoped advisory lock across PostgreSQL worker processes.
   */
  async withPeopleLock<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    const run = async () =>
      this.transaction(async (tx) => {
        if (this.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(742001)`.execute(tx.db);
        return fn(tx);
      });
    const next = this.peopleMutex.then(run, run);
    this.peopleMutex = next.catch(() => {});
    return next;
  }

  async close(): Promise<void> {
    await this.closeFn();
  }
}

/**
 * Accounts and households (issue 10): accounts with scrypt password hashes, sessions (only a
 * hash of the cookie token is stored), and roles that give an account access to a person's
 * record. Documents gain a `scope`, the account that brought them in ('' for the operator's
 * own imports from the command line): the same bytes uploaded by two accounts are two
 * documents, so one household never learns what another holds. SMART connections belong to
 * the account that made them.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

type AnyDb = Kysely<any>;

export const migration0005 = (dialect: Dialect) => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('password_changed_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('ip', 'text')
      .addColumn('user_agent', 'text')
      .execute();
    await db.schema.createIndex('sessions_account').on('sessions').column('account_id').execute();
    await db.schema
      .createTable('person_roles')
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('granted_at', 'text', (c) => c.notNull())
      .addColumn('granted_by', 'text')
      .addPrimaryKeyConstraint('person_roles_pk', ['account_id', 'person_id'])
      .execute();
    await db.schema.createIndex('person_roles_person').on('person_roles').column('person_id').execute();
    await db.schema.alterTable('smart_connections').addColumn('account_id', 'text').execute();
    await db.schema.alterTable('smart_authorizations').addColumn('account_id', 'text').execute();
    await db.schema.alterTable('audit_events').addColumn('account_id', 'text').execute();

    // documents: unique by (scope, sha256) instead of sha256 alone.
    if (dialect === 'postgres') {
      await db.schema.alterTable('documents').addColumn('scope', 'text', (c) => c.notNull().defaultTo('')).execute();
      await sql`ALTER TABLE documents DROP CONSTRAINT documents_sha256_key`.execute(db);
      await db.schema.createIndex('documents_scope_sha256').unique().on('documents').columns(['scope', 'sha256']).execute();
      return;
    }
    // SQLite cannot drop a column's UNIQUE: rebuild the table (the documented 12-step way).
    // Foreign keys are off meanwhile, or dropping the old table would cascade into resources.
    await sql`PRAGMA foreign_keys = OFF`.execute(db);
    try {
      await sql`BEGIN`.execute(db);
      await db.schema
        .createTable('documents_new')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
        .addColumn('parent_id', 'text', (c) => c.references('documents.id').onDelete('set null'))
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('issues_json', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('label_json', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull().defaultTo(''))
        .addUniqueConstraint('documents_scope_sha256', ['scope', 'sha256'])
        .execute();
      await sql`INSERT INTO documents_new (id, sha256, person_id, parent_id, channel, filename, format, size, state, error, issues_json, label_json, created_at, updated_at, scope)
                SELECT id, sha256, person_id, parent_id, channel, filename, format, size, state, error, issues_json, label_json, created_at, updated_at, '' FROM documents`.execute(db);
      await sql`DROP TABLE documents`.execute(db);
      await sql`ALTER TABLE documents_new RENAME TO documents`.execute(db);
      await db.schema.createIndex('documents_state').on('documents').column('state').execute();
      await db.schema.createIndex('documents_person').on('documents').column('person_id').execute();
      await db.schema.createIndex('documents_parent').on('documents').column('parent_id').execute();
      const broken = await sql`PRAGMA foreign_key_check`.execute(db);
      if (broken.rows.length) throw new Error(`documents rebuild left ${broken.rows.length} broken references`);
      await sql`COMMIT`.execute(db);
    } catch (err) {
      await sql`ROLLBACK`.execute(db).catch(() => {});
      throw err;
    } finally {
      await sql`PRAGMA foreign_keys = ON`.execute(db);
    }
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('person_roles').execute();
    await db.schema.dropTable('sessions').execute();
    await db.schema.dropTable('accounts').execute();
  },
});

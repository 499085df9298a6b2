/**
 * Sharing with a provider (src/share/) and the person's own statements on the health history
 * form (src/doctor/): SMART Health Links with their encrypted files, and form corrections.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

type AnyDb = Kysely<any>;

export const migration0004 = (_dialect: Dialect) => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('shares')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('what_json', 'text', (c) => c.notNull())
      .addColumn('key_enc', 'text', (c) => c.notNull())
      .addColumn('passcode_hash', 'text')
      .addColumn('attempts_left', 'integer', (c) => c.notNull())
      .addColumn('expires_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('disabled_at', 'text')
      .addColumn('access_count', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('shares_person').on('shares').column('person_id').execute();
    await db.schema
      .createTable('share_files')
      .addColumn('share_id', 'text', (c) => c.notNull())
      .addColumn('file_id', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('jwe', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('share_files_pk', ['share_id', 'file_id'])
      .execute();
    await db.schema
      .createTable('form_statements')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('section', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('form_statements_person').on('form_statements').columns(['person_id', 'section', 'field']).execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('form_statements').execute();
    await db.schema.dropTable('share_files').execute();
    await db.schema.dropTable('shares').execute();
  },
});

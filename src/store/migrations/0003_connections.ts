/**
 * SMART on FHIR connections: one row per authorized (FHIR server, patient), with its tokens
 * sealed by the vault key, the durable sync cursor and the state the API shows; plus pending
 * authorizations (state → PKCE verifier) between "open the authorize URL" and the callback.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

type AnyDb = Kysely<any>;

export const migration0003 = (_dialect: Dialect) => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('smart_connections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('fhir_base_url', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('patient_id', 'text')
      .addColumn('fhir_user', 'text')
      .addColumn('scope', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('tokens_enc', 'text')
      .addColumn('server_json', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('cursor_json', 'text')
      .addColumn('progress_json', 'text')
      .addColumn('since', 'text')
      .addColumn('last_sync_started_at', 'text')
      .addColumn('last_sync_at', 'text')
      .addColumn('last_counts_json', 'text')
      .addColumn('error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('smart_connections_server').on('smart_connections').columns(['fhir_base_url', 'patient_id']).execute();

    await db.schema
      .createTable('smart_authorizations')
      .addColumn('state', 'text', (c) => c.primaryKey())
      .addColumn('connection_id', 'text')
      .addColumn('fhir_base_url', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('redirect_uri', 'text', (c) => c.notNull())
      .addColumn('verifier_enc', 'text', (c) => c.notNull())
      .addColumn('server_json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('smart_authorizations').execute();
    await db.schema.dropTable('smart_connections').execute();
  },
});

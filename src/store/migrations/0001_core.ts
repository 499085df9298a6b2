/** The first schema: people, documents, resources, provenance, pages + search, jobs, audit. */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

type AnyDb = Kysely<any>;

export const migration0001 = (dialect: Dialect) => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('people')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('given', 'text')
      .addColumn('family', 'text')
      .addColumn('birth_date', 'text')
      .addColumn('gender', 'text')
      .addColumn('identifiers_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('documents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('sha256', 'text', (c) => c.notNull().unique())
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
      .execute();
    await db.schema.createIndex('documents_state').on('documents').column('state').execute();
    await db.schema.createIndex('documents_person').on('documents').column('person_id').execute();
    await db.schema.createIndex('documents_parent').on('documents').column('parent_id').execute();

    await db.schema
      .createTable('resources')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn('resource_type', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text')
      .addColumn('date', 'text')
      .addColumn('codes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('resources_person_type_date').on('resources').columns(['person_id', 'resource_type', 'date']).execute();
    await db.schema.createIndex('resources_document').on('resources').column('document_id').execute();

    await db.schema
      .createTable('provenance')
      .addColumn('resource_id', 'text', (c) => c.primaryKey().references('resources.id').onDelete('cascade'))
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn('page', 'integer')
      .addColumn('box_json', 'text')
      .addColumn('xpath', 'text')
      .addColumn('entry_id', 'text')
      .addColumn('segment', 'text')
      .addColumn('line', 'integer')
      .addColumn('path', 'text')
      .execute();
    await db.schema.createIndex('provenance_document').on('provenance').column('document_id').execute();

    await db.schema
      .createTable('pages')
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn('page_no', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('confidence', 'real')
      // Word boxes and page size (OCR / text layer), for highlighting a fact on its page.
      .addColumn('layout_json', 'text')
      .addPrimaryKeyConstraint('pages_pk', ['document_id', 'page_no'])
      .execute();

    await db.schema
      .createTable('jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('payload_json', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(3))
      .addColumn('dedupe_key', 'text')
      .addColumn('locked_by', 'text')
      .addColumn('heartbeat_at', 'text')
      .addColumn('error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('jobs_state_created').on('jobs').columns(['state', 'created_at']).execute();
    // At most one waiting or running job per dedupe key (e.g. one ingest per document).
    await sql`CREATE UNIQUE INDEX jobs_dedupe_open ON jobs (dedupe_key) WHERE state IN ('queued', 'running')`.execute(db);

    await db.schema
      .createTable('audit_events')
      .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
        dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text')
      .addColumn('target', 'text')
      .addColumn('detail_json', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('ip', 'text')
      .execute();
    await db.schema.createIndex('audit_person_at').on('audit_events').columns(['person_id', 'at']).execute();

    // Full-text search over page texts and resource texts.
    if (dialect === 'sqlite') {
      await sql`CREATE VIRTUAL TABLE pages_fts USING fts5(text, document_id UNINDEXED, page_no UNINDEXED, tokenize = 'porter unicode61')`.execute(db);
      await sql`CREATE VIRTUAL TABLE resources_fts USING fts5(text, resource_id UNINDEXED, tokenize = 'porter unicode61')`.execute(db);
    } else {
      await sql`ALTER TABLE pages ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED`.execute(db);
      await sql`CREATE INDEX pages_tsv ON pages USING gin (tsv)`.execute(db);
      await sql`ALTER TABLE resources ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED`.execute(db);
      await sql`CREATE INDEX resources_tsv ON resources USING gin (tsv)`.execute(db);
    }
  },
});

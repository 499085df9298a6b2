/**
 * The merged record: facts (one row per resource or panel component, normalized), merged
 * items (one row each, rebuilt per block), which documents the record has seen, and the
 * user's split/merge decisions keyed by stable resource ids (they survive re-imports).
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

type AnyDb = Kysely<any>;

export const migration0002 = (_dialect: Dialect) => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('record_facts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('resource_id', 'text', (c) => c.notNull())
      .addColumn('document_id', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('block', 'text', (c) => c.notNull())
      .addColumn('json', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('record_facts_block').on('record_facts').columns(['person_id', 'kind', 'block']).execute();
    await db.schema.createIndex('record_facts_document').on('record_facts').column('document_id').execute();
    await db.schema.createIndex('record_facts_resource').on('record_facts').column('resource_id').execute();

    await db.schema
      .createTable('record_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('block', 'text', (c) => c.notNull())
      .addColumn('date', 'text')
      .addColumn('display', 'text', (c) => c.notNull())
      .addColumn('conflicts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('json', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('record_items_block').on('record_items').columns(['person_id', 'kind', 'block']).execute();
    await db.schema.createIndex('record_items_list').on('record_items').columns(['person_id', 'kind', 'date']).execute();

    await db.schema
      .createTable('record_sources')
      .addColumn('document_id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text')
      .addColumn('seen', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('record_sources_person').on('record_sources').column('person_id').execute();

    await db.schema
      .createTable('record_decisions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('resource_ids_json', 'text', (c) => c.notNull())
      .addColumn('block', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('record_decisions_person').on('record_decisions').columns(['person_id', 'kind']).execute();
  },
});

/**
 * Incremental, bounded reconcile (issue 7):
 * - record_dirty: blocks whose items must be rebuilt from their facts. The job writes facts
 *   in short transactions and rebuilds blocks in others; a block is marked in the same
 *   transaction that changed its facts, so a worker killed in between leaves the mark behind
 *   and the next run finishes it.
 * - record_item_keys: each item's match keys (medications, immunizations, problems,
 *   allergies), indexed by block and key: a new fact finds the item it joins without reading
 *   the block's facts.
 * - record_items.state: per-source fields of the item (rank, dates, status, strength, codes)
 *   in the item's own order, so an item is recomputed from itself plus the new fact.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

type AnyDb = Kysely<any>;

export const migration0009 = (_dialect: Dialect) => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('record_dirty')
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('block', 'text', (c) => c.notNull())
      // Bumped by every mark: a rebuild clears only the mark it read, so facts written while it ran are rebuilt again.
      .addColumn('gen', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('record_dirty_pk', ['person_id', 'kind', 'block'])
      .execute();
    await db.schema
      .createTable('record_item_keys')
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('block', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('record_item_keys_pk', ['person_id', 'kind', 'block', 'key', 'item_id'])
      .execute();
    await db.schema.createIndex('record_item_keys_item').on('record_item_keys').column('item_id').execute();
    await db.schema.alterTable('record_items').addColumn('state', 'text').execute();
    // Items stored before have no keys or state: their blocks are rebuilt by the person's next reconcile.
    await db
      .insertInto('record_dirty')
      .columns(['person_id', 'kind', 'block'])
      .expression(db.selectFrom('record_items').select(['person_id', 'kind', 'block']).distinct().where('kind', 'in', ['medications', 'immunizations', 'problems', 'allergies']))
      .execute();
  },
});

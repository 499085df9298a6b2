/**
 * Two indexes the merged record does not need, dropped because a full reconcile writes every
 * one of their entries and each commit rewrites (and, on SQLite, encrypts) the pages it touched:
 * - record_facts (resource_id): a fact's id is its resource id, or `resourceId#n` for a panel
 *   component, so the primary key answers "facts of these resources" by a range per resource;
 * - record_items (person, kind, date): the first columns of record_items_order (migration 0006),
 *   which answers every query this one did.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

type AnyDb = Kysely<any>;

export const migration0014 = (_dialect: Dialect) => ({
  async up(db: AnyDb) {
    await db.schema.dropIndex('record_facts_resource').execute();
    await db.schema.dropIndex('record_items_list').execute();
  },
});

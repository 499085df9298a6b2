/**
 * Indexes for the read models on big records (100,000 resources a person). The views read
 * ids, dates and codes from the index alone and parse the JSON of only the rows they show:
 * - resources (person, type, date, id): a list page in date order without sorting whole rows
 *   (it replaces (person, type, date), which it covers);
 * - resources (person, type, codes, date, id): the labs and vitals overviews group results by
 *   their codes and pick the newest without reading the table;
 * - record_items (person, kind, date, display, id): merged-record lists in their order.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

type AnyDb = Kysely<any>;

export const migration0006 = (_dialect: Dialect) => ({
  async up(db: AnyDb) {
    await db.schema.createIndex('resources_person_type_date_id').on('resources').columns(['person_id', 'resource_type', 'date', 'id']).execute();
    await db.schema.dropIndex('resources_person_type_date').execute();
    await db.schema.createIndex('resources_person_type_codes').on('resources').columns(['person_id', 'resource_type', 'codes', 'date', 'id']).execute();
    await db.schema.createIndex('record_items_order').on('record_items').columns(['person_id', 'kind', 'date', 'display', 'id']).execute();
  },
});

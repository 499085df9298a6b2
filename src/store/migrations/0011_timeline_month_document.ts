/**
 * SQLite only: the timeline's per-month index also holds each resource's document, so a
 * timeline filtered to a source or facility that most documents share counts in one pass
 * over this index (checking each entry's document against the chosen ones) instead of a
 * probe per document and type followed by a sort of every entry found (measured on the
 * 92,000-resource bench person with 9 of its 10 sources from one facility: see
 * src/views/README.md). It replaces the (person, type, month) index of migration 0008, whose
 * entries it starts with, so the unfiltered counts read it as before. PostgreSQL counts from
 * (person, type, date, id) and is not changed.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

type AnyDb = Kysely<any>;

export const migration0011 = (dialect: Dialect) => ({
  async up(db: AnyDb) {
    if (dialect !== 'sqlite') return;
    await sql`CREATE INDEX resources_person_type_month_document ON resources (person_id, resource_type, substr(date, 1, 7), document_id)`.execute(db);
    await sql`DROP INDEX resources_person_type_month`.execute(db);
  },
});

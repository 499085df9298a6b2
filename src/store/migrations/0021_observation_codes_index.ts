/**
 * The (person, type, codes, date, id) index of migration 0006 becomes a partial index of
 * Observations, (person, codes, date, id) WHERE resource_type = 'Observation'.
 *
 * Every query it served reads Observations only: the labs and vitals overviews' skip scan over
 * the distinct codes (src/views/overview.ts, `resource_type = 'Observation'` written as a
 * literal, which SQLite needs to prove a partial index applies) and the lists that filter
 * Observations by a code or category (src/views/query.ts `loadSourced`, which writes the same
 * literal for them). Every other resource paid an entry in it on insert: a b-tree of ~100-byte
 * keys (two ids, the type, the codes, the date) that the FHIR import wrote for each resource.
 * Measured on the 100 MB bulk export (7% Observations): replaying its rows into a fresh store,
 * 55–57 → 46–50 µs of main-thread CPU per resource (fhir/README "Session 12").
 * Same plans for those queries (covering index), same rows; PostgreSQL proves the predicate too.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

type AnyDb = Kysely<any>;

export const migration0021 = (_dialect: Dialect) => ({
  async up(db: AnyDb) {
    await sql`CREATE INDEX resources_observation_codes ON resources (person_id, codes, date, id) WHERE resource_type = 'Observation'`.execute(db);
    await db.schema.dropIndex('resources_person_type_codes').execute();
  },
});

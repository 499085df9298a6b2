/**
 * PostgreSQL only: the social-history list's Observations of a person, in list order, from a
 * partial index. The list finds them by a category code in the `codes` column
 * (`hasCategory('social-history')` in src/views/query.ts, whose expression this predicate
 * repeats word for word: the planner uses the index only when the query's condition is the
 * same); without it every Observation of the person was read and text-matched (EXPLAIN
 * ANALYZE on the bench person: a parallel seq scan removing 92,000 rows, 72 ms, for none
 * found). The index holds only social-history Observations, so it costs other writes nothing.
 * SQLite answers the list under 50 ms from its (person, type, date, id) index and is not changed.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

type AnyDb = Kysely<any>;

export const migration0016 = (dialect: Dialect) => ({
  async up(db: AnyDb) {
    if (dialect !== 'postgres') return;
    await sql`CREATE INDEX resources_social_history ON resources (person_id, date DESC, id)
      WHERE resource_type = 'Observation' AND (' ' || codes || ' ') LIKE '%|social-history %'`.execute(db);
  },
});

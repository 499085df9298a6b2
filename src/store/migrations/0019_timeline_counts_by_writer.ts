/**
 * SQLite only: a new resource's timeline count (migration 0017) is added by the code that
 * inserts it, one upsert per (person, type, month, document) of the batch, instead of by a row
 * trigger. The trigger ran a sub-program per inserted row and was ~40% of a stored resource's
 * insert cost (the corpus's rows with provenance and search entries, CPU µs per resource,
 * median of 3: 36 with the trigger, 25 with the batched upsert, 23 with no counting at all).
 * `ResourcesRepo.insertMany` is the one writer of resource rows; a restore rebuilds the counts
 * with the other derived tables. Updates and deletes keep their triggers (few rows, and
 * cascades from documents or people reach them without the application).
 * PostgreSQL's statement triggers already count a whole statement in one grouped upsert: unchanged.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

type AnyDb = Kysely<any>;

export const migration0019 = (dialect: Dialect) => ({
  async up(db: AnyDb) {
    if (dialect !== 'sqlite') return;
    await sql`DROP TRIGGER IF EXISTS timeline_counts_ins`.execute(db);
  },
});

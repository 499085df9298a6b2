/**
 * PostgreSQL only: the timeline's resources counted per (person, type, month), kept up to date
 * by statement-level triggers on `resources` in the transaction that writes the rows (insert,
 * update, delete, and cascades from documents or people). The unfiltered timeline read and
 * grouped all of a person's index entries on every call (~92,000 on the bench person: 144/185 ms
 * p50/p95, 115 ms of it the grouped index scan); it now reads a few hundred counts. One
 * statement per write statement (transition tables), not per row, so a big import pays one
 * grouped upsert. SQLite counts in order of its (person, type, month, document) index (migration
 * 0011), which is fast there, and is not changed. Zero counts are left in place; readers skip them.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

type AnyDb = Kysely<any>;

export const migration0015 = (dialect: Dialect) => ({
  async up(db: AnyDb) {
    if (dialect !== 'postgres') return;
    await sql`CREATE TABLE timeline_month_counts (
      person_id text NOT NULL, resource_type text NOT NULL, month text NOT NULL, n bigint NOT NULL,
      PRIMARY KEY (person_id, resource_type, month))`.execute(db);
    // Net change per key from the statement's rows (a resource not yet given a person counts once
    // it is: that is an update from a NULL person); keys in order, so two writers of one person
    // take the count rows' locks in the same order. Each event has its own statement: a trigger
    // sees only the transition tables of its event (plpgsql plans a statement when it first runs).
    // `SET search_path FROM CURRENT`: the table is found in this schema whatever the writing
    // connection's path is.
    const upsert = (rows: string) => `INSERT INTO timeline_month_counts AS t (person_id, resource_type, month, n)
          SELECT person_id, resource_type, month, sum(d) FROM (${rows}) x
          GROUP BY person_id, resource_type, month HAVING sum(d) <> 0 ORDER BY person_id, resource_type, month
          ON CONFLICT (person_id, resource_type, month) DO UPDATE SET n = t.n + excluded.n;`;
    const added = `SELECT person_id, resource_type, substr(date, 1, 7) AS month, 1 AS d FROM new_rows WHERE person_id IS NOT NULL AND date IS NOT NULL`;
    const removed = `SELECT person_id, resource_type, substr(date, 1, 7) AS month, -1 AS d FROM old_rows WHERE person_id IS NOT NULL AND date IS NOT NULL`;
    await sql`CREATE FUNCTION timeline_month_counts_apply() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN ${sql.raw(upsert(added))}
        ELSIF TG_OP = 'DELETE' THEN ${sql.raw(upsert(removed))}
        ELSE ${sql.raw(upsert(`${added} UNION ALL ${removed}`))}
        END IF;
        RETURN NULL;
      END $$`.execute(db);
    await sql`CREATE TRIGGER timeline_month_counts_ins AFTER INSERT ON resources REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION timeline_month_counts_apply()`.execute(db);
    await sql`CREATE TRIGGER timeline_month_counts_del AFTER DELETE ON resources REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION timeline_month_counts_apply()`.execute(db);
    await sql`CREATE TRIGGER timeline_month_counts_upd AFTER UPDATE ON resources REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION timeline_month_counts_apply()`.execute(db);
    await sql`INSERT INTO timeline_month_counts (person_id, resource_type, month, n)
      SELECT person_id, resource_type, substr(date, 1, 7), count(*) FROM resources WHERE person_id IS NOT NULL AND date IS NOT NULL GROUP BY 1, 2, 3`.execute(db);
  },
});

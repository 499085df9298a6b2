/**
 * The timeline's resources counted per (person, type, month, document), kept by triggers on
 * `resources` in the transaction that writes the rows (insert, update, delete, and cascades from
 * documents or people), in both dialects. The timeline reads its counts from here, unfiltered or
 * filtered to chosen documents (a source, a facility, one document): a few rows per document
 * (16,000 on the 92,000-resource bench person) instead of an index entry per resource, with the
 * document in the key, so a filter that chooses most documents no longer means reading and
 * checking every resource (69 / 100 ms p95 on SQLite / PostgreSQL before, src/views/README.md).
 *
 * The document is in the key, so two transactions writing different documents of one person
 * never touch the same count row: no waits, no deadlocks between them (the per-(person, type,
 * month) rows of migration 0015, which this replaces, made two writers of a person's months wait
 * for each other's commit, and deadlock when each both deleted and inserted). Writers of one
 * document already wait for each other on the resource rows themselves.
 *
 * Only the document's label (date, facility) and channel decide whether it is chosen; they live
 * on `documents` and are read when the timeline is asked, so relabelling a document changes no
 * count. A row whose count falls to zero is removed (cleared or deleted documents leave nothing).
 *
 * SQLite: row triggers (a couple of microseconds per resource written), the table WITHOUT
 * ROWID; the (person, type, month, document) index of migration 0011 only served the counts and
 * is dropped, so a resource write maintains one b-tree entry fewer than before, plus the count.
 * PostgreSQL: statement triggers over transition tables (one grouped upsert per write
 * statement, keys in order); 0015's table, function and triggers are dropped.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

type AnyDb = Kysely<any>;

const KEY = 'person_id, resource_type, month, document_id';

async function sqliteUp(db: AnyDb) {
  await sql`CREATE TABLE timeline_counts (
    person_id text NOT NULL, resource_type text NOT NULL, month text NOT NULL, document_id text NOT NULL, n integer NOT NULL,
    PRIMARY KEY (person_id, resource_type, month, document_id)) WITHOUT ROWID`.execute(db);
  // A resource counts once it has a person and a date (record.ts gives a document's resources
  // their person by an UPDATE).
  const add = (r: 'new') => sql.raw(`INSERT INTO timeline_counts (${KEY}, n)
      SELECT ${r}.person_id, ${r}.resource_type, substr(${r}.date, 1, 7), ${r}.document_id, 1 WHERE ${r}.person_id IS NOT NULL AND ${r}.date IS NOT NULL
      ON CONFLICT (${KEY}) DO UPDATE SET n = n + 1;`);
  const keyOf = (r: 'old') => `person_id = ${r}.person_id AND resource_type = ${r}.resource_type AND month = substr(${r}.date, 1, 7) AND document_id = ${r}.document_id`;
  const remove = (r: 'old') => sql.raw(`UPDATE timeline_counts SET n = n - 1 WHERE ${keyOf(r)};
      DELETE FROM timeline_counts WHERE ${keyOf(r)} AND n <= 0;`);
  await sql`CREATE TRIGGER timeline_counts_ins AFTER INSERT ON resources BEGIN ${add('new')} END`.execute(db);
  await sql`CREATE TRIGGER timeline_counts_del AFTER DELETE ON resources BEGIN ${remove('old')} END`.execute(db);
  await sql`CREATE TRIGGER timeline_counts_upd AFTER UPDATE OF person_id, resource_type, date, document_id ON resources
    WHEN old.person_id IS NOT new.person_id OR old.resource_type IS NOT new.resource_type OR old.date IS NOT new.date OR old.document_id IS NOT new.document_id
    BEGIN ${remove('old')} ${add('new')} END`.execute(db);
  await sql`INSERT INTO timeline_counts (person_id, resource_type, month, document_id, n)
    SELECT person_id, resource_type, substr(date, 1, 7), document_id, count(*) FROM resources WHERE person_id IS NOT NULL AND date IS NOT NULL GROUP BY 1, 2, 3, 4`.execute(db);
  await sql`DROP INDEX IF EXISTS resources_person_type_month_document`.execute(db);
}

async function postgresUp(db: AnyDb) {
  for (const t of ['ins', 'del', 'upd']) await sql`DROP TRIGGER IF EXISTS ${sql.raw(`timeline_month_counts_${t}`)} ON resources`.execute(db);
  await sql`DROP FUNCTION IF EXISTS timeline_month_counts_apply()`.execute(db);
  await sql`DROP TABLE IF EXISTS timeline_month_counts`.execute(db);
  await sql`CREATE TABLE timeline_counts (
    person_id text NOT NULL, resource_type text NOT NULL, month text NOT NULL, document_id text NOT NULL, n bigint NOT NULL,
    PRIMARY KEY (person_id, resource_type, month, document_id))`.execute(db);
  const rows = (t: 'new_rows' | 'old_rows', d: 1 | -1) =>
    `SELECT person_id, resource_type, substr(date, 1, 7) AS month, document_id, ${d} AS d FROM ${t} WHERE person_id IS NOT NULL AND date IS NOT NULL`;
  // Net change per key from the statement's rows, applied in key order; then the keys that
  // lost rows and reached zero are removed. Each event has its own statements: a trigger sees
  // only the transition tables of its event (plpgsql plans a statement when it first runs).
  const apply = (changes: string, removed: boolean) => `INSERT INTO timeline_counts AS t (${KEY}, n)
      SELECT ${KEY}, sum(d) FROM (${changes}) x GROUP BY ${KEY} HAVING sum(d) <> 0 ORDER BY ${KEY}
      ON CONFLICT (${KEY}) DO UPDATE SET n = t.n + excluded.n;
    ${removed ? `DELETE FROM timeline_counts t USING (SELECT DISTINCT ${KEY} FROM (${rows('old_rows', -1)}) o) o
      WHERE t.person_id = o.person_id AND t.resource_type = o.resource_type AND t.month = o.month AND t.document_id = o.document_id AND t.n <= 0;` : ''}`;
  // `SET search_path FROM CURRENT`: the table is found in this schema whatever the writing
  // connection's path is.
  await sql`CREATE FUNCTION timeline_counts_apply() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN ${sql.raw(apply(rows('new_rows', 1), false))}
      ELSIF TG_OP = 'DELETE' THEN ${sql.raw(apply(rows('old_rows', -1), true))}
      ELSE ${sql.raw(apply(`${rows('new_rows', 1)} UNION ALL ${rows('old_rows', -1)}`, true))}
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER timeline_counts_ins AFTER INSERT ON resources REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION timeline_counts_apply()`.execute(db);
  await sql`CREATE TRIGGER timeline_counts_del AFTER DELETE ON resources REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION timeline_counts_apply()`.execute(db);
  await sql`CREATE TRIGGER timeline_counts_upd AFTER UPDATE ON resources REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION timeline_counts_apply()`.execute(db);
  await sql`INSERT INTO timeline_counts (${sql.raw(KEY)}, n)
    SELECT person_id, resource_type, substr(date, 1, 7), document_id, count(*) FROM resources WHERE person_id IS NOT NULL AND date IS NOT NULL GROUP BY 1, 2, 3, 4`.execute(db);
  // Without statistics the planner expects a handful of rows and sorts a person's 16,000 count
  // rows to group them (22 ms) rather than hashing them (5 ms): give it the backfill's figures
  // now; autovacuum keeps them as the table grows.
  await sql`ANALYZE timeline_counts`.execute(db);
}

export const migration0017 = (dialect: Dialect) => ({
  async up(db: AnyDb) {
    if (dialect === 'sqlite') await sqliteUp(db);
    else await postgresUp(db);
  },
});

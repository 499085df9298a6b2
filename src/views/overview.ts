/**
 * The labs and vitals overviews: one row per kind of result, the latest, with how many there
 * are. The database groups Observations by their `codes` column from an index (no row is
 * read for that), so a record with 80,000 results parses only the latest of each group;
 * results without a LOINC code are grouped by their name, read only for those rows.
 */
import { sql } from 'kysely';
import type { Store } from '../store/store.js';
import { loadByIds } from './query.js';
import { groupObservations, VITAL_LOINC } from './labs.js';
import { LOINC } from './fhir-text.js';
import type { LabGroup } from './types.js';

type Latest = { id: string; n: number };

/** The codes column could hold a vital sign: a vital-signs category or a vital LOINC code (the exact test runs on the row). */
export function mayBeVital(codes: string): boolean {
  const padded = ` ${codes.toLowerCase()} `;
  if (padded.includes('|vital-signs ')) return true;
  for (const c of VITAL_LOINC) if (padded.includes(` ${LOINC}|${c} `)) return true;
  return false;
}

const hasLoinc = (codes: string) => codes.includes(`${LOINC}|`);

/**
 * The distinct `codes` values of a person's Observations by a skip scan of the
 * (person, type, codes, date, id) index (one probe per value, not one row per result), with
 * the newest result of each (dated first) and, when asked, how many results it holds.
 * PostgreSQL needs this shape: asked to GROUP BY codes over a person who holds the whole
 * table it read all of it (a 60 MB sequential scan, or without statistics a bitmap scan and
 * an on-disk sort), where the index answers each count alone.
 */
async function latestPerCodes(store: Store, personId: string, withCounts: boolean): Promise<Array<Latest & { codes: string }>> {
  const obs = sql`r.person_id = ${personId} AND r.resource_type = 'Observation'`;
  const count = withCounts ? sql`(SELECT count(*) FROM resources r WHERE ${obs} AND r.codes = c.codes)` : sql`0`;
  const rows = await sql<{ codes: string; id: string; n: number | string }>`
    WITH RECURSIVE c(codes) AS (
      SELECT (SELECT r.codes FROM resources r WHERE ${obs} ORDER BY r.codes LIMIT 1)
      UNION ALL
      SELECT (SELECT r.codes FROM resources r WHERE ${obs} AND r.codes > c.codes ORDER BY r.codes LIMIT 1) FROM c WHERE c.codes IS NOT NULL
    )
    SELECT c.codes, coalesce(
      (SELECT r.id FROM resources r WHERE ${obs} AND r.codes = c.codes AND r.date IS NOT NULL ORDER BY r.date DESC, r.id DESC LIMIT 1),
      (SELECT r.id FROM resources r WHERE ${obs} AND r.codes = c.codes ORDER BY r.id LIMIT 1)) AS id,
      ${count} AS n
    FROM c WHERE c.codes IS NOT NULL`.execute(store.db);
  return rows.rows.map((r) => ({ codes: r.codes, id: r.id, n: Number(r.n) }));
}

/**
 * Newest Observation and count per distinct `codes` value in one grouped pass over the rows:
 * what PostgreSQL is left with while the table's visibility map is not set (rows just loaded,
 * no VACUUM yet), when every index entry would cost a visit to the table anyway.
 */
async function latestPerCodesGrouped(store: Store, personId: string): Promise<Array<Latest & { codes: string }>> {
  const rows = await sql<{ codes: string; id: string; n: string }>`
    SELECT g.codes, g.n, coalesce(
      (SELECT r.id FROM resources r WHERE r.person_id = ${personId} AND r.resource_type = 'Observation' AND r.codes = g.codes AND r.date IS NOT NULL ORDER BY r.date DESC, r.id DESC LIMIT 1),
      (SELECT r.id FROM resources r WHERE r.person_id = ${personId} AND r.resource_type = 'Observation' AND r.codes = g.codes ORDER BY r.id LIMIT 1)) AS id
    FROM (SELECT codes, count(*) AS n FROM resources WHERE person_id = ${personId} AND resource_type = 'Observation' GROUP BY codes) g`.execute(store.db);
  return rows.rows.map((r) => ({ codes: r.codes, id: r.id, n: Number(r.n) }));
}

/**
 * PostgreSQL counts from an index alone only where the table's visibility map says its pages
 * are all visible (VACUUM or autovacuum ran since the rows came in); SQLite always does.
 */
export async function countsFromIndex(store: Store): Promise<boolean> {
  if (store.dialect === 'sqlite') return true;
  const r = await sql<{ relpages: number; relallvisible: number }>`SELECT relpages, relallvisible FROM pg_class WHERE oid = 'resources'::regclass`.execute(store.db);
  const t = r.rows[0];
  return !!t && Number(t.relpages) > 0 && Number(t.relallvisible) >= 0.8 * Number(t.relpages);
}

/** Newest Observation and count per name, among rows whose codes hold no LOINC code. */
async function latestPerName(store: Store, personId: string, codes: string[]): Promise<Latest[]> {
  if (!codes.length) return [];
  const codeText = store.dialect === 'sqlite' ? sql`json_extract(json, '$.code.text')` : sql`(json::jsonb #>> '{code,text}')`;
  const inner = sql`SELECT id, codes, date, coalesce(${codeText}, '') AS ctext FROM resources
    WHERE person_id = ${personId} AND resource_type = 'Observation' AND codes IN (${sql.join(codes)})`;
  const rows =
    store.dialect === 'sqlite'
      ? await sql<{ id: string; n: number }>`SELECT id, max(date) AS d, count(*) AS n FROM (${inner}) x GROUP BY codes, ctext`.execute(store.db)
      : await sql<{ id: string; n: string }>`
          SELECT id, n FROM (
            SELECT id, row_number() OVER (PARTITION BY codes, ctext ORDER BY date DESC NULLS LAST, id) AS rn, count(*) OVER (PARTITION BY codes, ctext) AS n FROM (${inner}) x
          ) y WHERE rn = 1`.execute(store.db);
  return rows.rows.map((r) => ({ id: r.id, n: Number(r.n) }));
}

/**
 * `counts: false` (the home page, which shows only the latest of each) skips counting the
 * results of each group: the groups come from index probes alone.
 */
export async function observationOverview(store: Store, personId: string, kind: 'lab' | 'vital', opts: { counts?: boolean } = {}): Promise<LabGroup[]> {
  const withCounts = opts.counts ?? true;
  const grouped = withCounts && !(await countsFromIndex(store));
  const perCodes = (grouped ? await latestPerCodesGrouped(store, personId) : await latestPerCodes(store, personId, withCounts)).filter((r) => kind !== 'vital' || mayBeVital(r.codes));
  const named = await latestPerName(store, personId, perCodes.filter((r) => !hasLoinc(r.codes)).map((r) => r.codes));
  const counts = new Map<string, number>([...perCodes.filter((r) => hasLoinc(r.codes)), ...named].map((r) => [r.id, r.n]));
  const latest = await loadByIds(store, [...counts.keys()]);
  const groups = groupObservations(latest, kind);
  if (withCounts) for (const g of groups) g.count = [...new Set(g.points.map((p) => p.resourceId))].reduce((s, id) => s + (counts.get(id) ?? 0), 0);
  // Several code lists can name one test: the newest point is the group's latest.
  return groups.map((g) => ({ ...g, points: [g.latest] }));
}

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

/** Newest Observation and count per distinct `codes` value. */
async function latestPerCodes(store: Store, personId: string): Promise<Array<Latest & { codes: string }>> {
  // SQLite: a bare column beside max() comes from the row holding the max (documented), and
  // the (person, type, codes, date, id) index answers it alone. PostgreSQL: counts per codes
  // value, then the newest of each by a backward walk of the same index (no sort of all rows).
  const rows =
    store.dialect === 'sqlite'
      ? await sql<{ codes: string; id: string; n: number }>`
          SELECT codes, id, max(date) AS d, count(*) AS n FROM resources
          WHERE person_id = ${personId} AND resource_type = 'Observation' GROUP BY codes`.execute(store.db)
      : await sql<{ codes: string; id: string; n: string }>`
          SELECT g.codes, g.n, coalesce(
            (SELECT r.id FROM resources r WHERE r.person_id = ${personId} AND r.resource_type = 'Observation' AND r.codes = g.codes AND r.date IS NOT NULL ORDER BY r.date DESC, r.id DESC LIMIT 1),
            (SELECT r.id FROM resources r WHERE r.person_id = ${personId} AND r.resource_type = 'Observation' AND r.codes = g.codes ORDER BY r.id LIMIT 1)) AS id
          FROM (SELECT codes, count(*) AS n FROM resources WHERE person_id = ${personId} AND resource_type = 'Observation' GROUP BY codes) g`.execute(store.db);
  return rows.rows.map((r) => ({ codes: r.codes, id: r.id, n: Number(r.n) }));
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

export async function observationOverview(store: Store, personId: string, kind: 'lab' | 'vital'): Promise<LabGroup[]> {
  const perCodes = (await latestPerCodes(store, personId)).filter((r) => kind !== 'vital' || mayBeVital(r.codes));
  const named = await latestPerName(store, personId, perCodes.filter((r) => !hasLoinc(r.codes)).map((r) => r.codes));
  const counts = new Map<string, number>([...perCodes.filter((r) => hasLoinc(r.codes)), ...named].map((r) => [r.id, r.n]));
  const latest = await loadByIds(store, [...counts.keys()]);
  const groups = groupObservations(latest, kind);
  for (const g of groups) g.count = [...new Set(g.points.map((p) => p.resourceId))].reduce((s, id) => s + (counts.get(id) ?? 0), 0);
  // Several code lists can name one test: the newest point is the group's latest.
  return groups.map((g) => ({ ...g, points: [g.latest] }));
}

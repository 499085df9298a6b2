/**
 * The home page of one person: what needs attention, and the key figures (latest vitals,
 * active problems, current medications, allergies), each traceable to its source.
 */
import type { Store } from '../store/store.js';
import { rowToDocument } from '../store/documents.js';
import { loadSourced } from './query.js';
import { countsFromIndex, observationOverview } from './overview.js';
import { sql } from 'kysely';
import { conflictCount, mergedList } from './merged.js';
import type { ItemKind } from '../record/normalize/fact.js';
import { isActive, toFact } from './facts.js';
import { attentionOf } from './attention.js';
import { docSource } from './query.js';
import type { Fact, HomeView } from './types.js';

const byDateDesc = (a: Fact, b: Fact) => (b.date ?? '').localeCompare(a.date ?? '');

/** Keeps the newest fact per title: the same medication listed by five visits shows once. */
export function newestPerTitle(facts: Fact[]): Fact[] {
  const seen = new Map<string, Fact>();
  for (const f of [...facts].sort(byDateDesc)) {
    const k = f.title.toLowerCase();
    if (!seen.has(k)) seen.set(k, f);
  }
  return [...seen.values()];
}

/**
 * Current items of one kind: from the merged record (one per item, few rows however many
 * sources repeat them), or the newest received facts while the record is not built yet.
 */
async function currentFacts(store: Store, personId: string, kind: ItemKind, types: string[], limit: number): Promise<Fact[]> {
  const merged = await mergedList(store, personId, kind, { active: true, limit, offset: 0 });
  if (merged) return merged.items;
  return (await loadSourced(store, personId, { types, limit })).map(toFact).filter(isActive);
}

/**
 * How many resources of each type the person has. PostgreSQL, once its visibility map is set,
 * counts each type from the (person, type, date, id) index found by a skip scan over the types:
 * a GROUP BY over a person who holds most of the table reads the whole table instead (60 MB on
 * the bench person). SQLite groups that index in order already.
 */
async function resourcesByType(store: Store, personId: string): Promise<Record<string, number>> {
  if (store.dialect === 'sqlite' || !(await countsFromIndex(store))) return store.resources.countByType(personId);
  const rows = await sql<{ type: string; n: string }>`
    WITH RECURSIVE t(type) AS (
      SELECT (SELECT resource_type FROM resources WHERE person_id = ${personId} ORDER BY resource_type LIMIT 1)
      UNION ALL
      SELECT (SELECT resource_type FROM resources WHERE person_id = ${personId} AND resource_type > t.type ORDER BY resource_type LIMIT 1) FROM t WHERE t.type IS NOT NULL
    )
    SELECT t.type, (SELECT count(*) FROM resources WHERE person_id = ${personId} AND resource_type = t.type) AS n FROM t WHERE t.type IS NOT NULL`.execute(store.db);
  return Object.fromEntries(rows.rows.map((r) => [r.type, Number(r.n)]));
}

/**
 * `scope`: the account asking. Documents that belong to no one yet are shown only to the
 * account that brought them in (undefined: the command line, which sees all).
 */
export async function homeView(store: Store, personId: string, scope?: string): Promise<HomeView | undefined> {
  const person = await store.people.get(personId);
  if (!person) return undefined;
  const [byType, docCount, docRows, observations, conditions, meds, allergies, recent, conflicting] = await Promise.all([
    resourcesByType(store, personId),
    store.db.selectFrom('documents').select((eb) => eb.fn.countAll<string>().as('n')).where('person_id', '=', personId).executeTakeFirst(),
    store.db
      .selectFrom('documents')
      .selectAll()
      .where((eb) => eb.or([eb.and([eb('person_id', '=', personId), eb('state', '!=', 'done')]), eb.and([eb('person_id', 'is', null), ...(scope !== undefined ? [eb('scope', '=', scope)] : [])])]))
      .orderBy('created_at', 'desc')
      .limit(200)
      .execute(),
    observationOverview(store, personId, 'vital', { counts: false }),
    currentFacts(store, personId, 'problems', ['Condition'], 2000),
    currentFacts(store, personId, 'medications', ['MedicationStatement', 'MedicationRequest'], 2000),
    currentFacts(store, personId, 'allergies', ['AllergyIntolerance'], 500),
    store.db.selectFrom('documents').select(['id', 'filename', 'label_json', 'state', 'created_at']).where('person_id', '=', personId).orderBy('created_at', 'desc').limit(5).execute(),
    conflictCount(store, personId),
  ]);
  // A file found inside a document (an attachment, a zip entry) belongs with its parent's person.
  const parentIds = [...new Set(docRows.filter((d) => !d.person_id && d.parent_id).map((d) => d.parent_id!))];
  const parents = parentIds.length ? await store.db.selectFrom('documents').select(['id', 'person_id']).where('id', 'in', parentIds).execute() : [];
  const parentPerson = new Map(parents.map((p) => [p.id, p.person_id]));
  const attention = attentionOf(docRows.filter((d) => d.person_id || d.state !== 'done' || !(d.parent_id && parentPerson.get(d.parent_id))).map(rowToDocument));
  return {
    person: { id: person.id, displayName: person.displayName, ...(person.birthDate ? { birthDate: person.birthDate } : {}), ...(person.gender ? { gender: person.gender } : {}) },
    counts: { documents: Number(docCount?.n ?? 0), resources: Object.values(byType).reduce((a, b) => a + b, 0), byType },
    attention,
    conflicts: conflicting,
    vitals: observations,
    problems: newestPerTitle(conditions),
    medications: newestPerTitle(meds),
    allergies: newestPerTitle(allergies),
    recentDocuments: recent.map((r) => {
      const s = docSource(r.id, r.filename, r.label_json);
      return { id: r.id, filename: r.filename, ...(s.title ? { title: s.title } : {}), ...(s.date ? { date: s.date } : {}), state: r.state, createdAt: r.created_at };
    }),
  };
}

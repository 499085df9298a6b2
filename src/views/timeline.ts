/**
 * The timeline: every dated fact and document of a person, counted per year, month or day
 * (the zoom level follows the range asked for), with one page of the items in the range,
 * filterable by type, by how the documents came in (channel), by facility and by document.
 * Counting happens in the database, and only the documents of the page are read whole.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Store } from '../store/store.js';
import { docSource, loadByIds, loadSourced } from './query.js';
import { toFact } from './facts.js';
import type { TimelineBucket, TimelineItem, TimelineView } from './types.js';
import { granularityFor, KEY_LENGTH } from './zoom.js';

export { granularityFor, rangeOfKey } from './zoom.js';

export const TIMELINE_TYPES = [
  'Encounter', 'Observation', 'DiagnosticReport', 'Procedure', 'Immunization', 'ImagingStudy', 'Condition',
  'MedicationStatement', 'MedicationRequest', 'MedicationDispense', 'AllergyIntolerance', 'DocumentReference', 'CarePlan', 'FamilyMemberHistory',
];
export const DOCUMENT_TYPE = 'Document';

export interface TimelineQuery {
  from?: string;
  to?: string;
  types?: string[];
  /** Only what came from documents received this way (`upload`, `smart`, `cli`…). */
  channel?: string;
  /** Only what came from documents of this facility (the facility their label names). */
  facility?: string;
  /** Only what came from this one document. */
  document?: string;
  limit?: number;
  offset?: number;
}

type Counted = { k: string; t: string; c: number | string };

/**
 * The documents a source filter chose, and how to read their resources. `few` (under a
 * quarter of the person's documents): per document, from the (person, document, type, date)
 * index. Otherwise in date or month order, checking each entry's document: a probe per
 * document and type, then a sort of almost every entry found, cost ~500 ms on the 92,000-resource
 * bench person when most documents were chosen.
 */
interface Chosen {
  ids: string[];
  set: ReadonlySet<string>;
  few: boolean;
}

/**
 * `column IN ids` with the ids as one parameter (a JSON array / a text[]), however many there are.
 * PostgreSQL gets a set to join, not `= ANY(array)`: the planner estimated that per element
 * against the column's statistics (33 ms of planning for 3,600 documents, EXPLAIN ANALYZE) and
 * then compared each row with the array's elements in turn (85–130 ms for 16,000 count rows at
 * load 14); the set is hashed once (0.2 ms planning, one hash join).
 */
function inIds(store: Store, column: RawBuilder<unknown>, ids: string[]): RawBuilder<SqlBool> {
  return store.dialect === 'sqlite' ? sql<SqlBool>`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))` : sql<SqlBool>`${column} IN (SELECT unnest(${ids}::text[]))`;
}

/**
 * SQLite is told which index to read: without statistics it cannot tell a few chosen
 * documents (a JSON list to it) from most of them, and picks the covering (person, document …)
 * index for either, reading every entry of the person.
 */
function indexedBy(store: Store, index: string): RawBuilder<unknown> {
  return store.dialect === 'sqlite' ? sql`INDEXED BY ${sql.raw(index)}` : sql``;
}

const and = (conds: RawBuilder<SqlBool>[]) => sql.join(conds, sql` AND `);

/**
 * Counts per type and month (per day when the range asks for days: `m` is the key length).
 * By month, from the counts kept per (person, type, month, document) by migration 0017's
 * triggers, unfiltered or summed over the chosen documents' rows (16,000 rows on the
 * 92,000-resource bench person, where counting from the indexes read an entry per resource and,
 * filtered, checked each one's document). A day range (two months at most) counts its index
 * range: a few chosen documents per document, otherwise in date order.
 */
async function resourceCounts(store: Store, personId: string, q: TimelineQuery, m: number, chosen: Chosen | undefined): Promise<Counted[]> {
  if (chosen && !chosen.ids.length) return [];
  const byMonth = m === 7 && (q.from ?? '').length <= 7 && (q.to ?? '').length <= 7;
  if (byMonth) {
    const conds = [sql<SqlBool>`person_id = ${personId}`, sql<SqlBool>`resource_type IN (${sql.join(TIMELINE_TYPES)})`];
    if (q.from) conds.push(sql<SqlBool>`month >= ${q.from}`);
    if (q.to) conds.push(sql<SqlBool>`month < ${q.to}`);
    if (chosen) conds.push(inIds(store, sql.ref('document_id'), chosen.ids));
    const { rows } = await sql<Counted>`SELECT resource_type AS t, month AS k, sum(n) AS c FROM timeline_counts WHERE ${and(conds)} GROUP BY resource_type, month`.execute(store.db);
    return rows;
  }
  const key = sql<string>`substr(date, 1, ${sql.lit(m)})`;
  const conds = [sql<SqlBool>`person_id = ${personId}`, sql<SqlBool>`resource_type IN (${sql.join(TIMELINE_TYPES)})`, sql<SqlBool>`date IS NOT NULL`];
  if (q.from) conds.push(sql<SqlBool>`date >= ${q.from}`);
  if (q.to) conds.push(sql<SqlBool>`date < ${q.to}`);
  if (chosen) conds.push(inIds(store, sql.ref('document_id'), chosen.ids));
  const index = chosen?.few ? indexedBy(store, 'resources_person_document') : sql``;
  const { rows } = await sql<Counted>`SELECT resource_type AS t, ${key} AS k, count(*) AS c FROM resources ${index} WHERE ${and(conds)} GROUP BY resource_type, ${key}`.execute(store.db);
  return rows;
}

/**
 * Ids of the newest resources of the chosen documents in [from, to), at most `limit`, in the
 * timeline's order. Few documents: by document from the index. Many: the range in date order
 * (the caller narrowed it to the months holding the page), each row's document checked here.
 */
async function chosenPage(store: Store, personId: string, types: string[], from: string | undefined, to: string | undefined, limit: number, chosen: Chosen): Promise<string[]> {
  if (!types.length || !chosen.ids.length) return [];
  const conds = [sql<SqlBool>`r.person_id = ${personId}`, sql<SqlBool>`r.resource_type IN (${sql.join(types)})`];
  if (from) conds.push(sql<SqlBool>`r.date >= ${from}`);
  if (to) conds.push(sql<SqlBool>`r.date < ${to}`);
  if (chosen.few) conds.push(inIds(store, sql.ref('r.document_id'), chosen.ids));
  const index = indexedBy(store, chosen.few ? 'resources_person_document' : 'resources_person_type_date_id');
  const { rows } = await sql<{ id: string; document_id: string }>`
    SELECT r.id, r.document_id FROM resources AS r ${index} WHERE ${and(conds)} ORDER BY r.date DESC, r.id ${chosen.few ? sql`LIMIT ${limit}` : sql``}`.execute(store.db);
  return rows.filter((r) => chosen.set.has(r.document_id)).slice(0, limit).map((r) => r.id);
}

interface DatedDocument {
  id: string;
  channel: string;
  facility?: string;
  /** Its own (label) date, else when it was received. */
  date: string;
  /** A zip container: its entries are documents of their own, it is not shown itself. */
  container: boolean;
}

/**
 * The person's documents with their timeline date, channel and facility, in one pass over
 * their labels. Counts, the filter's options, the chosen documents and the page are worked
 * out from these few fields; only the documents of the page are read whole.
 */
async function datedDocuments(store: Store, personId: string): Promise<DatedDocument[]> {
  if (store.dialect === 'sqlite') {
    // One JSON parse per label: both fields in one json_extract (an array of the two).
    const rows = await sql<{ id: string; channel: string; created_at: string; format: string; fields: string | null }>`
      SELECT id, channel, created_at, format, CASE WHEN json_valid(label_json) THEN json_extract(label_json, '$.date', '$.facility') END AS fields
      FROM documents WHERE person_id = ${personId}`.execute(store.db);
    return rows.rows.map((r) => {
      const [date, facility] = r.fields ? (JSON.parse(r.fields) as unknown[]) : [];
      return { id: r.id, channel: r.channel, ...(typeof facility === 'string' && facility ? { facility } : {}), date: typeof date === 'string' ? date : r.created_at, container: r.format === 'zip' };
    });
  }
  // PostgreSQL: the labels are parsed here. Casting them to jsonb in the query cost the server
  // 13 ms for the bench person's 4,000 documents (EXPLAIN ANALYZE: 14.3 ms against 1.3 ms without),
  // on every timeline call; JSON.parse of the same small labels costs a fraction of that.
  const rows = await sql<{ id: string; channel: string; created_at: string; format: string; label_json: string | null }>`
    SELECT id, channel, created_at, format, label_json FROM documents WHERE person_id = ${personId}`.execute(store.db);
  return rows.rows.map((r) => {
    const label = parseLabel(r.label_json);
    const facility = typeof label.facility === 'string' && label.facility ? { facility: label.facility } : {};
    return { id: r.id, channel: r.channel, ...facility, date: typeof label.date === 'string' ? label.date : r.created_at, container: r.format === 'zip' };
  });
}

function parseLabel(json: string | null): Record<string, unknown> {
  try {
    const v: unknown = json ? JSON.parse(json) : null;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export async function timeline(store: Store, personId: string, q: TimelineQuery = {}): Promise<TimelineView> {
  const granularity = granularityFor(q.from, q.to);
  const n = KEY_LENGTH[granularity];
  // Counted per month at least, so the page can be read from the newest months that hold it.
  const m = Math.max(n, KEY_LENGTH.month);
  const wanted = q.types?.length ? q.types : [...TIMELINE_TYPES, DOCUMENT_TYPE];
  const resourceTypes = wanted.filter((t) => TIMELINE_TYPES.includes(t));
  const everyDoc = await datedDocuments(store, personId);
  const allDocs = everyDoc.filter((d) => !d.container);
  const matches = (d: DatedDocument) => (!q.channel || d.channel === q.channel) && (!q.facility || d.facility === q.facility) && (!q.document || d.id === q.document);
  // A filter every document passes (all came by upload, all from one clinic) filters nothing:
  // the resources are then counted and read unfiltered.
  const filtered = (q.channel || q.facility || q.document) && !(allDocs.length && allDocs.every(matches));
  const chosenIds = filtered ? everyDoc.filter(matches).map((d) => d.id) : undefined;
  const chosen: Chosen | undefined = chosenIds && { ids: chosenIds, set: new Set(chosenIds), few: chosenIds.length * 4 < everyDoc.length };

  // Counts per month (or day) and type (all types, so the filter can show what is hidden).
  const counts = await resourceCounts(store, personId, q, m, chosen);
  const channels: Record<string, number> = {};
  const facilities: Record<string, number> = {};
  for (const d of allDocs) {
    channels[d.channel] = (channels[d.channel] ?? 0) + 1;
    if (d.facility) facilities[d.facility] = (facilities[d.facility] ?? 0) + 1;
  }
  const inRange = (d: string) => (!q.from || d >= q.from) && (!q.to || d < q.to);
  const shownDocs = allDocs.filter((d) => inRange(d.date) && matches(d));

  const types: Record<string, number> = {};
  const buckets = new Map<string, TimelineBucket>();
  /** What is shown per month (or day): where the page starts. */
  const fine = new Map<string, number>();
  const add = (key: string, type: string, c: number) => {
    types[type] = (types[type] ?? 0) + c;
    if (!wanted.includes(type)) return;
    fine.set(key, (fine.get(key) ?? 0) + c);
    const k = key.slice(0, n);
    const b = buckets.get(k) ?? { key: k, count: 0, byType: {} };
    b.count += c;
    b.byType[type] = (b.byType[type] ?? 0) + c;
    buckets.set(k, b);
  };
  for (const r of counts) add(r.k, r.t, Number(r.c));
  for (const d of shownDocs) add(d.date.slice(0, m), DOCUMENT_TYPE, 1);

  const limit = Math.min(q.limit ?? 100, 1000);
  const offset = q.offset ?? 0;
  // Items: only the newest months (or days) that hold the page asked for are read, not the whole range.
  let itemsFrom = q.from;
  let seen = 0;
  for (const [key, count] of [...fine].sort((a, b) => b[0].localeCompare(a[0]))) {
    seen += count;
    if (seen >= offset + limit) {
      if (!itemsFrom || key > itemsFrom) itemsFrom = key;
      break;
    }
  }
  const pageDocs = wanted.includes(DOCUMENT_TYPE)
    ? shownDocs
        .filter((d) => !itemsFrom || d.date >= itemsFrom)
        .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))
        .slice(0, offset + limit)
    : [];
  const [resources, docRows] = await Promise.all([
    chosen
      ? chosenPage(store, personId, resourceTypes, itemsFrom, q.to, offset + limit, chosen).then((ids) => loadByIds(store, ids))
      : loadSourced(store, personId, { types: resourceTypes, from: itemsFrom, to: q.to, limit: offset + limit }),
    pageDocs.length ? store.db.selectFrom('documents').select(['id', 'filename', 'label_json']).where('id', 'in', pageDocs.map((d) => d.id)).execute() : Promise.resolve([]),
  ]);
  const resourceItems: TimelineItem[] = resources
    .filter((r) => r.date)
    .map((r) => {
      const f = toFact(r);
      return { kind: 'resource', id: r.id, type: r.resourceType, date: r.date!, title: f.title, detail: f.detail, source: r.source };
    });
  const dateOf = new Map(pageDocs.map((d) => [d.id, d.date]));
  const docItems: TimelineItem[] = docRows.map((r) => {
    const source = docSource(r.id, r.filename, r.label_json);
    return { kind: 'document', id: r.id, type: DOCUMENT_TYPE, date: dateOf.get(r.id)!, title: source.title ?? r.filename, detail: source.title ? r.filename : undefined, source };
  });
  const merged = [...resourceItems, ...docItems].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  const total = Object.entries(types).reduce((s, [t, c]) => s + (wanted.includes(t) ? c : 0), 0);
  return {
    granularity,
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    buckets: [...buckets.values()].sort((a, b) => a.key.localeCompare(b.key)),
    types,
    channels,
    facilities,
    items: merged.slice(offset, offset + limit),
    total,
  };
}

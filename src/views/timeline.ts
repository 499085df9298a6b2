/**
 * The timeline: every dated fact and document of a person, counted per year, month or day
 * (the zoom level follows the range asked for), with one page of the items in the range,
 * filterable by type, by how the documents came in (channel), by facility and by document.
 * Counting happens in the database, and only the documents of the page are read whole.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Store } from '../store/store.js';
import { docSource, labelText, loadSourced } from './query.js';
import { toFact } from './facts.js';
import type { TimelineBucket, TimelineItem, TimelineView } from './types.js';
import { granularityFor, KEY_LENGTH } from './zoom.js';

export { granularityFor, rangeOfKey } from './zoom.js';

export const TIMELINE_TYPES = [
  'Encounter', 'Observation', 'DiagnosticReport', 'Procedure', 'Immunization', 'ImagingStudy', 'Condition',
  'MedicationStatement', 'MedicationRequest', 'AllergyIntolerance', 'DocumentReference', 'CarePlan', 'FamilyMemberHistory',
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

/** Ids of the person's documents that pass the source filters; undefined when there is none. */
function documentFilter(store: Store, personId: string, q: TimelineQuery) {
  if (!q.channel && !q.facility && !q.document) return undefined;
  let d = store.db.selectFrom('documents').select('documents.id').where('documents.person_id', '=', personId);
  if (q.channel) d = d.where('documents.channel', '=', q.channel);
  if (q.facility) d = d.where(sql<SqlBool>`${labelText(store, 'facility')} = ${q.facility}`);
  if (q.document) d = d.where('documents.id', '=', q.document);
  return d;
}

/**
 * Counts per bucket and type. Without source filters and with whole-month bounds, SQLite
 * counts per month from the (person, type, month) index of migration 0008 in index order;
 * the other cases, and PostgreSQL (which cannot answer from an expression index alone),
 * count the (person, type, date, id) index range.
 */
async function resourceCounts(store: Store, personId: string, q: TimelineQuery, n: number, docs: ReturnType<typeof documentFilter>): Promise<Counted[]> {
  const monthly = store.dialect === 'sqlite' && n <= 7 && !docs && (q.from ?? '').length <= 7 && (q.to ?? '').length <= 7;
  const key = monthly ? sql<string>`substr(date, 1, 7)` : sql<string>`substr(date, 1, ${sql.lit(n)})`;
  let cq = store.db
    .selectFrom('resources')
    .select(['resource_type as t', key.as('k'), (eb) => eb.fn.countAll<string>().as('c')])
    .where('person_id', '=', personId)
    .where('resource_type', 'in', TIMELINE_TYPES)
    // The month index answers `substr(date, 1, 7) IS NOT NULL`; the date index answers `date IS NOT NULL`.
    .where(monthly ? sql<SqlBool>`${key} IS NOT NULL` : sql<SqlBool>`date IS NOT NULL`);
  if (q.from) cq = cq.where(monthly ? sql<SqlBool>`${key} >= ${q.from}` : sql<SqlBool>`date >= ${q.from}`);
  if (q.to) cq = cq.where(monthly ? sql<SqlBool>`${key} < ${q.to}` : sql<SqlBool>`date < ${q.to}`);
  if (docs) cq = cq.where('document_id', 'in', docs);
  const rows = await cq.groupBy(['resource_type', key]).execute();
  return monthly && n < 7 ? rows.map((r) => ({ ...r, k: r.k.slice(0, n) })) : rows;
}

interface DatedDocument {
  id: string;
  channel: string;
  facility?: string;
  /** Its own (label) date, else when it was received. */
  date: string;
}

/**
 * The person's documents with their timeline date, channel and facility, in one pass over
 * their labels (no zip containers: their entries are documents of their own). Counts, the
 * filter's options and the page are worked out from these few fields; only the documents of
 * the page are read whole.
 */
async function datedDocuments(store: Store, personId: string): Promise<DatedDocument[]> {
  if (store.dialect === 'sqlite') {
    // One JSON parse per label: both fields in one json_extract (an array of the two).
    const rows = await sql<{ id: string; channel: string; created_at: string; fields: string | null }>`
      SELECT id, channel, created_at, CASE WHEN json_valid(label_json) THEN json_extract(label_json, '$.date', '$.facility') END AS fields
      FROM documents WHERE person_id = ${personId} AND format != 'zip'`.execute(store.db);
    return rows.rows.map((r) => {
      const [date, facility] = r.fields ? (JSON.parse(r.fields) as unknown[]) : [];
      return { id: r.id, channel: r.channel, ...(typeof facility === 'string' && facility ? { facility } : {}), date: typeof date === 'string' ? date : r.created_at };
    });
  }
  const rows = await sql<{ id: string; channel: string; created_at: string; label_date: string | null; facility: string | null }>`
    SELECT id, channel, created_at,
      CASE WHEN jsonb_typeof(j -> 'date') = 'string' THEN j ->> 'date' END AS label_date,
      CASE WHEN jsonb_typeof(j -> 'facility') = 'string' THEN j ->> 'facility' END AS facility
    FROM (SELECT id, channel, created_at, label_json::jsonb AS j FROM documents WHERE person_id = ${personId} AND format <> 'zip') x`.execute(store.db);
  return rows.rows.map((r) => ({ id: r.id, channel: r.channel, ...(r.facility ? { facility: r.facility } : {}), date: r.label_date ?? r.created_at }));
}

export async function timeline(store: Store, personId: string, q: TimelineQuery = {}): Promise<TimelineView> {
  const granularity = granularityFor(q.from, q.to);
  const n = KEY_LENGTH[granularity];
  const wanted = q.types?.length ? q.types : [...TIMELINE_TYPES, DOCUMENT_TYPE];
  const resourceTypes = wanted.filter((t) => TIMELINE_TYPES.includes(t));
  const allDocs = await datedDocuments(store, personId);
  const matches = (d: DatedDocument) => (!q.channel || d.channel === q.channel) && (!q.facility || d.facility === q.facility) && (!q.document || d.id === q.document);
  // A filter every document passes (all came by upload, all from one clinic) filters nothing:
  // the resources are then counted from the plain indexes.
  const docs = allDocs.length && allDocs.every(matches) ? undefined : documentFilter(store, personId, q);

  // Counts per bucket and type (all types, so the filter can show what is hidden).
  const counts = await resourceCounts(store, personId, q, n, docs);
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
  const add = (key: string, type: string, c: number) => {
    types[type] = (types[type] ?? 0) + c;
    if (!wanted.includes(type)) return;
    const b = buckets.get(key) ?? { key, count: 0, byType: {} };
    b.count += c;
    b.byType[type] = (b.byType[type] ?? 0) + c;
    buckets.set(key, b);
  };
  for (const r of counts) add(r.k, r.t, Number(r.c));
  for (const d of shownDocs) add(d.date.slice(0, n), DOCUMENT_TYPE, 1);

  const limit = Math.min(q.limit ?? 100, 1000);
  const offset = q.offset ?? 0;
  // Items: only the newest buckets that hold the page asked for are read, not the whole range.
  let itemsFrom = q.from;
  let seen = 0;
  for (const b of [...buckets.values()].sort((a, b) => b.key.localeCompare(a.key))) {
    seen += b.count;
    if (seen >= offset + limit) {
      if (!itemsFrom || b.key > itemsFrom) itemsFrom = b.key;
      break;
    }
  }
  const pageDocs = wanted.includes(DOCUMENT_TYPE)
    ? shownDocs
        .filter((d) => !itemsFrom || d.date >= itemsFrom)
        .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))
        .slice(0, offset + limit)
    : [];
  const where: Expression<SqlBool> | undefined = docs ? sql<SqlBool>`r.document_id IN ${docs}` : undefined;
  const [resources, docRows] = await Promise.all([
    loadSourced(store, personId, { types: resourceTypes, from: itemsFrom, to: q.to, limit: offset + limit, where }),
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

/**
 * The timeline: every dated fact and document of a person, counted per year, month or day
 * (the zoom level follows the range asked for), with one page of the items in the range.
 * Counting happens in the database, so a 20-year record costs one grouped query.
 */
import { sql } from 'kysely';
import type { Store } from '../store/store.js';
import { docSource, loadSourced } from './query.js';
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
  limit?: number;
  offset?: number;
}

interface DatedDoc {
  item: TimelineItem;
}

async function personDocuments(store: Store, personId: string): Promise<DatedDoc[]> {
  const rows = await store.db
    .selectFrom('documents')
    .select(['id', 'filename', 'label_json', 'created_at', 'format', 'state'])
    .where('person_id', '=', personId)
    .where('format', '!=', 'zip')
    .orderBy('created_at', 'desc')
    .limit(20000)
    .execute();
  return rows.map((r) => {
    const source = docSource(r.id, r.filename, r.label_json);
    const date = source.date ?? r.created_at;
    return { item: { kind: 'document', id: r.id, type: DOCUMENT_TYPE, date, title: source.title ?? r.filename, detail: source.title ? r.filename : undefined, source } };
  });
}

export async function timeline(store: Store, personId: string, q: TimelineQuery = {}): Promise<TimelineView> {
  const granularity = granularityFor(q.from, q.to);
  const n = KEY_LENGTH[granularity];
  const wanted = q.types?.length ? q.types : [...TIMELINE_TYPES, DOCUMENT_TYPE];
  const resourceTypes = wanted.filter((t) => TIMELINE_TYPES.includes(t));
  const inRange = (d: string) => (!q.from || d >= q.from) && (!q.to || d < q.to);

  // Counts per bucket and type (all types, so the filter can show what is hidden).
  let cq = store.db
    .selectFrom('resources')
    .select([sql<string>`substr(date, 1, ${sql.lit(n)})`.as('k'), 'resource_type', (eb) => eb.fn.countAll<string>().as('c')])
    .where('person_id', '=', personId)
    .where('resource_type', 'in', TIMELINE_TYPES)
    .where('date', 'is not', null);
  if (q.from) cq = cq.where('date', '>=', q.from);
  if (q.to) cq = cq.where('date', '<', q.to);
  const counts = await cq.groupBy([sql`substr(date, 1, ${sql.lit(n)})`, 'resource_type']).execute();

  const docs = (await personDocuments(store, personId)).filter((d) => inRange(d.item.date));
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
  for (const r of counts) add(r.k, r.resource_type, Number(r.c));
  for (const d of docs) add(d.item.date.slice(0, n), DOCUMENT_TYPE, 1);

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
  const resources = await loadSourced(store, personId, { types: resourceTypes, from: itemsFrom, to: q.to, limit: offset + limit });
  const resourceItems: TimelineItem[] = resources
    .filter((r) => r.date)
    .map((r) => {
      const f = toFact(r);
      return { kind: 'resource', id: r.id, type: r.resourceType, date: r.date!, title: f.title, detail: f.detail, source: r.source };
    });
  const docItems = wanted.includes(DOCUMENT_TYPE) ? docs.map((d) => d.item) : [];
  const merged = [...resourceItems, ...docItems].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  const total = Object.entries(types).reduce((s, [t, c]) => s + (wanted.includes(t) ? c : 0), 0);
  return {
    granularity,
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    buckets: [...buckets.values()].sort((a, b) => a.key.localeCompare(b.key)),
    types,
    items: merged.slice(offset, offset + limit),
    total,
  };
}

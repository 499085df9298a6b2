/** The lists (medications, problems, allergies…) and the labs and vitals pages, for one person. */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Store } from '../store/store.js';
import { hasAnyCode, hasCategory, loadSourced } from './query.js';
import { LIST_KINDS, isActive, toFact } from './facts.js';
import { groupObservations, VITAL_LOINC } from './labs.js';
import { MERGED_KIND, mergedList } from './merged.js';
import { LOINC } from './fhir-text.js';
import type { LabGroup, ListKind, ListView } from './types.js';

import { observationOverview } from './overview.js';

export { observationOverview };
import { convertGroupUnits } from './units.js';

export interface ListQuery {
  /** `active` keeps current items only (active problems, current medications). */
  status?: 'active' | 'all';
  limit?: number;
  offset?: number;
}

const MAX_SCAN = 50000;

/** SQL pre-filters that narrow a filtered list before its exact test runs on each item. */
const PREFILTER: Partial<Record<ListKind, () => Expression<SqlBool>>> = {
  vitals: () => sql<SqlBool>`(${hasCategory('vital-signs')} OR ${hasAnyCode([...VITAL_LOINC].map((c) => `${LOINC}|${c}`))})`,
  'social-history': () => hasCategory('social-history'),
};

/**
 * One page of a list. Kinds the record merges list one line per merged item with its sources
 * (see merged.ts); the others, and a person whose record is not built yet, list the facts
 * as received.
 */
export async function listView(store: Store, personId: string, kind: ListKind, q: ListQuery = {}): Promise<ListView> {
  const spec = LIST_KINDS[kind];
  const limit = Math.min(q.limit ?? 100, 1000);
  const offset = q.offset ?? 0;
  const recordKind = MERGED_KIND[kind];
  const merged = recordKind && (await mergedList(store, personId, recordKind, { active: q.status === 'active', limit, offset }));
  if (merged) return { kind, ...merged };
  const needsScan = !!spec.keep || q.status === 'active';
  // A plain list pages in the database; a filtered one filters a bounded scan.
  const where = PREFILTER[kind]?.();
  const rows = await loadSourced(store, personId, needsScan ? { types: spec.types, limit: MAX_SCAN, where } : { types: spec.types, limit, offset });
  let facts = rows.filter((r) => !spec.keep || spec.keep(r.resource)).map(toFact);
  if (q.status === 'active') facts = facts.filter(isActive);
  if (!needsScan) {
    const row = await store.db.selectFrom('resources').select((eb) => eb.fn.countAll<string>().as('n')).where('person_id', '=', personId).where('resource_type', 'in', spec.types).executeTakeFirst();
    return { kind, items: facts, total: Number(row?.n ?? 0) };
  }
  return { kind, items: facts.slice(offset, offset + limit), total: facts.length };
}

/** Panels whose components are grouped on their own (blood pressure). */
const PANEL_OF: Record<string, string[]> = { '8480-6': ['85354-9', '55284-4', '35094-2'], '8462-4': ['85354-9', '55284-4', '35094-2'] };

/** Every result of one group (`loinc:2345-7` or `name:hemoglobin a1c`), oldest first. */
export async function observationGroup(store: Store, personId: string, key: string, kind: 'lab' | 'vital'): Promise<LabGroup | undefined> {
  const loinc = /^loinc:(.+)$/.exec(key)?.[1];
  const rows = loinc
    ? await loadSourced(store, personId, { types: ['Observation'], codes: [loinc, ...(PANEL_OF[loinc] ?? [])].map((c) => `${LOINC}|${c}`), limit: MAX_SCAN })
    : await loadSourced(store, personId, { types: ['Observation'], where: sql<SqlBool>`r.codes NOT LIKE ${`%${LOINC}|%`}`, limit: MAX_SCAN });
  const group = groupObservations(rows, kind).find((g) => g.key === key);
  return group && convertGroupUnits(group);
}

export const labsView = (store: Store, personId: string) => observationOverview(store, personId, 'lab');
export const vitalsView = (store: Store, personId: string) => observationOverview(store, personId, 'vital');

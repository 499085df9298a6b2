/** The lists (medications, problems, allergies…) and the labs page, loaded for one person. */
import type { Store } from '../store/store.js';
import { loadSourced } from './query.js';
import { LIST_KINDS, isActive, toFact } from './facts.js';
import { groupObservations } from './labs.js';
import type { LabGroup, ListKind, ListView } from './types.js';

export interface ListQuery {
  /** `active` keeps current items only (active problems, current medications). */
  status?: 'active' | 'all';
  limit?: number;
  offset?: number;
}

const MAX_SCAN = 50000;

export async function listView(store: Store, personId: string, kind: ListKind, q: ListQuery = {}): Promise<ListView> {
  const spec = LIST_KINDS[kind];
  const limit = Math.min(q.limit ?? 100, 1000);
  const offset = q.offset ?? 0;
  const needsScan = !!spec.keep || q.status === 'active';
  // A plain list pages in the database; a filtered one filters a bounded scan.
  const rows = await loadSourced(store, personId, needsScan ? { types: spec.types, limit: MAX_SCAN } : { types: spec.types, limit, offset });
  let facts = rows.filter((r) => !spec.keep || spec.keep(r.resource)).map(toFact);
  if (q.status === 'active') facts = facts.filter(isActive);
  if (!needsScan) {
    const total = (await store.resources.countByType(personId));
    return { kind, items: facts, total: spec.types.reduce((s, t) => s + (total[t] ?? 0), 0) };
  }
  return { kind, items: facts.slice(offset, offset + limit), total: facts.length };
}

export async function labsView(store: Store, personId: string): Promise<LabGroup[]> {
  return groupObservations(await loadSourced(store, personId, { types: ['Observation'], limit: MAX_SCAN * 4 }), 'lab');
}

export async function vitalsView(store: Store, personId: string): Promise<LabGroup[]> {
  return groupObservations(await loadSourced(store, personId, { types: ['Observation'], limit: MAX_SCAN * 4 }), 'vital');
}

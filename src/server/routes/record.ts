/**
 * The merged record over HTTP: merged items per person and type with their sources and
 * conflicts, the user's split/merge decisions, and attaching a document that waits for a
 * person. Handlers parse, call the record service, answer.
 */
import type { FastifyInstance } from 'fastify';
import type { Vessel } from '../../app/vessel.js';
import { actorOf } from '../auth.js';
import { ApiError } from '../errors.js';
import { ITEM_KINDS, type ItemKind } from '../../record/normalize/fact.js';
import { conflictingItems } from '../../views/merged.js';
import type { ItemSource } from '../../store/record.js';
import { decide, DecisionError, isItemKind, scheduleReconcile } from '../../record/reconcile/job.js';

export interface RecordRoutesOptions {
  vessel: Vessel;
}

const intParam = (v: unknown, d: number, max: number) => {
  const n = Number(v);
  return v !== undefined && Number.isInteger(n) && n >= 0 ? Math.min(n, max) : d;
};

function idsOf(body: unknown, field: 'resourceIds' | 'itemIds'): string[] {
  const ids = (body as Record<string, unknown> | undefined)?.[field];
  if (!Array.isArray(ids) || !ids.length || ids.length > 500 || !ids.every((x) => typeof x === 'string' && /^[A-Za-z0-9#._-]{1,100}$/.test(x))) {
    throw new ApiError('bad_request', `give ${field}: a list of ${field === 'itemIds' ? 'item' : 'resource'} ids (1 to 500)`);
  }
  return [...new Set(ids as string[])];
}

/**
 * Sources sent with each item: the first (the version shown), those a disagreement names, then
 * the others, up to this many, with their document and place; `sourceCount` says how many there
 * are and GET /api/people/:id/items/:itemId/sources pages through all of them in this order. An
 * item merged from every visit of a long record has thousands of sources: sent as ids they made
 * the Conflicts page ~3 MB and ~1 s of server CPU per request on the 92,000-resource bench
 * person, for the 6 a card draws.
 */
const PLACED_SOURCES = 24;
const SOURCES_PAGE_MAX = 200;

/** An item's resource ids in the order the Conflicts page draws them. */
function orderedSources(it: { resourceIds: string[]; conflicts: Array<{ resourceIds: string[] }> }): string[] {
  const named = new Set(it.conflicts.flatMap((c) => c.resourceIds));
  if (!named.size) return it.resourceIds;
  const [first, ...rest] = it.resourceIds;
  return [first, ...rest.filter((r) => named.has(r)), ...rest.filter((r) => !named.has(r))];
}

function sourceOf(rid: string, sources: Map<string, ItemSource>) {
  const s = sources.get(rid);
  return { resourceId: rid, documentId: s?.documentId, filename: s?.filename, location: s?.location ?? {} };
}

export async function recordRoutes(app: FastifyInstance, opts: RecordRoutesOptions): Promise<void> {
  const { store, queue } = opts.vessel;

  const person = async (id: string) => {
    const p = await store.people.get(id);
    if (!p) throw new ApiError('not_found', 'no such person');
    return p;
  };

  app.get<{ Params: { id: string }; Querystring: { type?: string; conflicts?: string; limit?: string; offset?: string } }>('/api/people/:id/items', { config: { access: 'person' } }, async (req) => {
    const p = await person(req.params.id);
    const kind = req.query.type;
    // ?conflicts=1: only items whose sources disagree, of one type or (without type) of all.
    const conflictsOnly = req.query.conflicts === '1' || req.query.conflicts === 'true';
    if (!(conflictsOnly && kind === undefined) && !isItemKind(kind)) throw new ApiError('bad_request', `type must be one of ${ITEM_KINDS.join(', ')}`);
    const page = { limit: intParam(req.query.limit, 200, 2000), offset: intParam(req.query.offset, 0, 1e9) };
    const { total, items } = conflictsOnly ? await conflictingItems(store, p.id, { kind: kind as ItemKind | undefined, ...page }) : await store.record.items(p.id, kind as ItemKind, page);
    const placed = new Map(items.map((it) => [it.id, orderedSources(it).slice(0, PLACED_SOURCES)]));
    const sources = await store.record.sources([...new Set([...placed.values()].flat())]);
    return {
      total,
      items: items.map((it) => ({
        id: it.id,
        type: it.kind,
        display: it.display,
        date: it.date,
        status: it.status,
        value: it.value,
        normalized: it.normalized,
        strength: it.strength,
        facility: it.facility,
        codes: it.codes,
        // A disagreement names the sent sources it is about (it can name thousands), and how many in all.
        conflicts: it.conflicts.map((c) => ({ ...c, resourceIds: c.resourceIds.filter((r) => placed.get(it.id)!.includes(r)), resourceCount: c.resourceIds.length })),
        sources: placed.get(it.id)!.map((rid) => sourceOf(rid, sources)),
        sourceCount: it.resourceIds.length,
      })),
    };
  });

  // Every source of one item, a page at a time, in the order the item list sends the first ones.
  app.get<{ Params: { id: string; itemId: string }; Querystring: { limit?: string; offset?: string } }>('/api/people/:id/items/:itemId/sources', { config: { access: 'person' } }, async (req) => {
    const p = await person(req.params.id);
    const [it] = await store.record.itemsById(p.id, [req.params.itemId]);
    if (!it) throw new ApiError('not_found', 'no such item');
    const limit = intParam(req.query.limit, 50, SOURCES_PAGE_MAX);
    const offset = intParam(req.query.offset, 0, 1e9);
    const ids = orderedSources(it).slice(offset, offset + limit);
    const sources = await store.record.sources(ids);
    return { total: it.resourceIds.length, offset, sources: ids.map((rid) => sourceOf(rid, sources)) };
  });

  const itemSources = async (personId: string, kind: ItemKind, itemIds: string[]) => {
    if (itemIds.length < 2) throw new ApiError('bad_request', 'a merge needs at least two items');
    const found = new Map((await store.record.itemsById(personId, itemIds)).filter((it) => it.kind === kind).map((it) => [it.id, it]));
    const missing = itemIds.filter((i) => !found.has(i));
    if (missing.length) throw new ApiError('bad_request', `not ${kind} of this person: ${missing.slice(0, 5).join(', ')}`);
    return [...new Set(itemIds.flatMap((i) => found.get(i)!.resourceIds))];
  };

  for (const action of ['merge', 'split'] as const) {
    app.post<{ Params: { id: string }; Body: { type?: string; resourceIds?: string[]; itemIds?: string[] } }>(`/api/people/:id/items/${action}`, { config: { access: 'person' } }, async (req) => {
      const p = await person(req.params.id);
      const kind = req.body?.type;
      if (!isItemKind(kind)) throw new ApiError('bad_request', `type must be one of ${ITEM_KINDS.join(', ')}`);
      // A merge may name whole items (the list sends only an item's first sources): each stands
      // for all its sources, the first item's first source first (its group is kept).
      const ids = action === 'merge' && req.body?.itemIds !== undefined ? await itemSources(p.id, kind, idsOf(req.body, 'itemIds')) : idsOf(req.body, 'resourceIds');
      try {
        const r = await decide(store, p.id, action, kind, ids);
        await store.audit.record({ ...actorOf(req), action: `record.${action}`, personId: p.id, target: r.decisionId, ip: req.ip });
        return r;
      } catch (err) {
        if (err instanceof DecisionError) throw new ApiError('bad_request', err.message);
        throw err;
      }
    });
  }

  app.post<{ Params: { id: string }; Body: { personId?: string } }>('/api/documents/:id/person', { config: { access: 'document' } }, async (req) => {
    const doc = await store.documents.get(req.params.id);
    if (!doc) throw new ApiError('not_found', 'no such document');
    const personId = req.body?.personId;
    if (typeof personId !== 'string') throw new ApiError('bad_request', 'give personId');
    // The document may be ours to move, but the person it goes to must be ours to change too.
    const role = req.auth!.roles.get(personId);
    if (!role) throw new ApiError('not_found', 'no such person');
    if (role === 'viewer') throw new ApiError('forbidden', 'you can view this person\'s record but not add to it');
    const p = await person(personId);
    const before = doc.personId;
    const resources = await store.transaction(async (tx) => {
      const n = await tx.record.attachDocument(doc.id, p.id);
      const label = { ...doc.label };
      delete label.needsPerson;
      await tx.documents.setState(doc.id, doc.state, { label });
      return n;
    });
    for (const who of new Set([p.id, before].filter((x): x is string => !!x))) await scheduleReconcile(queue, who);
    await store.audit.record({ ...actorOf(req), action: 'document.attach-person', personId: p.id, target: doc.id, ip: req.ip });
    return { documentId: doc.id, personId: p.id, resources };
  });
}

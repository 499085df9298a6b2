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
import { decide, DecisionError, isItemKind, scheduleReconcile } from '../../record/reconcile/job.js';

export interface RecordRoutesOptions {
  vessel: Vessel;
}

const intParam = (v: unknown, d: number, max: number) => {
  const n = Number(v);
  return v !== undefined && Number.isInteger(n) && n >= 0 ? Math.min(n, max) : d;
};

function resourceIdsOf(body: unknown): string[] {
  const ids = (body as { resourceIds?: unknown } | undefined)?.resourceIds;
  if (!Array.isArray(ids) || !ids.length || ids.length > 500 || !ids.every((x) => typeof x === 'string' && /^[A-Za-z0-9#._-]{1,100}$/.test(x))) {
    throw new ApiError('bad_request', 'give resourceIds: a list of resource ids (1 to 500)');
  }
  return [...new Set(ids as string[])];
}

/**
 * Sources whose document and place are looked up per item: the first (the version shown), those
 * a disagreement names, then the others, up to this many; the rest go out as ids (the Conflicts
 * page draws a few per card and reads each it draws from /api/resources/:id). An item merged from
 * every visit of a long record has thousands of sources: looking up all of them for 50 items cost
 * ~2 s CPU on the 92,000-resource bench person.
 */
const PLACED_SOURCES = 24;

function placedSources(it: { resourceIds: string[]; conflicts: Array<{ resourceIds: string[] }> }): string[] {
  if (it.resourceIds.length <= PLACED_SOURCES) return it.resourceIds;
  const named = new Set(it.conflicts.flatMap((c) => c.resourceIds));
  const [first, ...rest] = it.resourceIds;
  return [first, ...rest.filter((r) => named.has(r)), ...rest.filter((r) => !named.has(r))].slice(0, PLACED_SOURCES);
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
    const sources = await store.record.sources([...new Set(items.flatMap(placedSources))]);
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
        conflicts: it.conflicts,
        sources: it.resourceIds.map((rid) => {
          const s = sources.get(rid);
          return { resourceId: rid, documentId: s?.documentId, filename: s?.filename, location: s?.location ?? {} };
        }),
      })),
    };
  });

  for (const action of ['merge', 'split'] as const) {
    app.post<{ Params: { id: string }; Body: { type?: string; resourceIds?: string[] } }>(`/api/people/:id/items/${action}`, { config: { access: 'person' } }, async (req) => {
      const p = await person(req.params.id);
      const kind = req.body?.type;
      if (!isItemKind(kind)) throw new ApiError('bad_request', `type must be one of ${ITEM_KINDS.join(', ')}`);
      const ids = resourceIdsOf(req.body);
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

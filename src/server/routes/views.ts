/**
 * Read models for the web app: a person's home page, labs, vitals, timeline and lists.
 * Handlers parse the query, call src/views, answer. Registered by buildServer.
 */
import type { FastifyInstance } from 'fastify';
import type { Vessel } from '../../app/vessel.js';
import { ApiError } from '../errors.js';
import { homeView } from '../../views/summary.js';
import { labsView, listView, observationGroup, vitalsView } from '../../views/lists.js';
import { timeline } from '../../views/timeline.js';
import { isListKind } from '../../views/facts.js';

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function intParam(v: unknown, d: number, max: number): number {
  const n = Number(v);
  return v !== undefined && Number.isInteger(n) && n >= 0 ? Math.min(n, max) : d;
}

export async function viewRoutes(app: FastifyInstance, opts: { vessel: Vessel }): Promise<void> {
  const { store } = opts.vessel;

  async function person(id: string | undefined): Promise<string> {
    if (!id) throw new ApiError('bad_request', 'give the person as ?person=<id>');
    if (!(await store.people.get(id))) throw new ApiError('not_found', 'no such person');
    return id;
  }

  app.get<{ Querystring: { person?: string } }>('/api/views/home', { config: { access: 'person-query' } }, async (req) => {
    const view = await homeView(store, await person(req.query.person), req.auth?.account.id);
    if (!view) throw new ApiError('not_found', 'no such person');
    return view;
  });

  app.get<{ Querystring: { person?: string } }>('/api/views/labs', { config: { access: 'person-query' } }, async (req) => labsView(store, await person(req.query.person)));

  app.get<{ Querystring: { person?: string } }>('/api/views/vitals', { config: { access: 'person-query' } }, async (req) => vitalsView(store, await person(req.query.person)));

  app.get<{ Params: { kind: string; key: string }; Querystring: { person?: string } }>('/api/views/:kind(^labs|vitals$)/:key', { config: { access: 'person-query' } }, async (req) => {
    const group = await observationGroup(store, await person(req.query.person), req.params.key, req.params.kind === 'labs' ? 'lab' : 'vital');
    if (!group) throw new ApiError('not_found', 'no such test in this record');
    return group;
  });

  app.get<{ Querystring: { person?: string; from?: string; to?: string; types?: string; channel?: string; facility?: string; document?: string; limit?: string; offset?: string } }>('/api/views/timeline', { config: { access: 'person-query' } }, async (req) => {
    const q = req.query;
    for (const d of [q.from, q.to]) if (d && !DATE.test(d)) throw new ApiError('bad_request', 'from and to are dates: YYYY, YYYY-MM or YYYY-MM-DD');
    if (q.channel && !/^[a-z-]{1,32}$/.test(q.channel)) throw new ApiError('bad_request', 'channel is how documents came in, such as upload, smart or cli');
    if (q.facility && q.facility.length > 300) throw new ApiError('bad_request', 'facility is too long');
    if (q.document && !/^[A-Za-z0-9._-]{1,100}$/.test(q.document)) throw new ApiError('bad_request', 'document is a document id');
    const types = q.types ? q.types.split(',').filter((t) => /^[A-Z][A-Za-z]{1,63}$/.test(t)) : undefined;
    return timeline(store, await person(q.person), { from: q.from, to: q.to, types, channel: q.channel || undefined, facility: q.facility || undefined, document: q.document || undefined, limit: intParam(q.limit, 100, 1000), offset: intParam(q.offset, 0, 1e7) });
  });

  app.get<{ Params: { kind: string }; Querystring: { person?: string; status?: string; limit?: string; offset?: string } }>('/api/views/lists/:kind', { config: { access: 'person-query' } }, async (req) => {
    const { kind } = req.params;
    if (!isListKind(kind)) throw new ApiError('not_found', `no list called ${kind}`);
    const status = req.query.status === 'active' ? 'active' : 'all';
    return listView(store, await person(req.query.person), kind, { status, limit: intParam(req.query.limit, 100, 1000), offset: intParam(req.query.offset, 0, 1e7) });
  });
}

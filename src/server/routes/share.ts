/**
 * Sharing with a provider over HTTP: the IPS export, the visit summary PDF, and SMART
 * Health Links (create, list, revoke; the manifest and file endpoints recipients call, and
 * the recipient viewer's static files under /shl/). Handlers parse, call src/share, answer.
 * Every access to a shared link is recorded in the audit trail.
 */
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Vessel } from '../../app/vessel.js';
import { actorOf } from '../auth.js';
import { ApiError, outcome } from '../errors.js';
import { loadSnapshot } from '../../doctor/snapshot.js';
import { buildIps } from '../../share/ips.js';

export interface ShareRoutesOptions {
  vessel: Vessel;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const VIEWER_ROOT = path.resolve(here, '../../../web/static/shl');

const originOf = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

export async function shareRoutes(app: FastifyInstance, opts: ShareRoutesOptions): Promise<void> {
  const { vessel } = opts;
  const { store } = vessel;
  const shl = () => import('../../share/shl.js');

  const snapshot = async (id: string) => {
    const s = await loadSnapshot(store, id);
    if (!s) throw new ApiError('not_found', 'no such person');
    return s;
  };

  app.get<{ Params: { id: string } }>('/api/people/:id/ips', { config: { access: 'person' } }, async (req, reply) => {
    const s = await snapshot(req.params.id);
    await store.audit.record({ ...actorOf(req), action: 'ips.export', personId: s.person.id, ip: req.ip });
    reply.header('Content-Type', 'application/fhir+json; charset=utf-8');
    return JSON.stringify(buildIps(s));
  });

  /** The tests this person's record can chart in the visit summary (to choose from). */
  app.get<{ Params: { id: string } }>('/api/people/:id/summary-tests', { config: { access: 'person' } }, async (req) => {
    const { chartableTests } = await import('../../share/summary-pdf.js');
    return chartableTests(await snapshot(req.params.id));
  });

  app.get<{ Params: { id: string }; Querystring: { from?: string; to?: string; tests?: string } }>('/api/people/:id/summary.pdf', { config: { access: 'person' } }, async (req, reply) => {
    const s = await snapshot(req.params.id);
    const dateOk = (d?: string) => d === undefined || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d);
    if (!dateOk(req.query.from) || !dateOk(req.query.to)) throw new ApiError('bad_request', 'from and to are dates: YYYY[-MM[-DD]]');
    const { summaryPdf } = await import('../../share/summary-pdf.js');
    const pdf = await summaryPdf(s, { from: req.query.from, to: req.query.to, tests: req.query.tests?.split(',').filter(Boolean) });
    await store.audit.record({ ...actorOf(req), action: 'summary.export', personId: s.person.id, ip: req.ip });
    reply.header('Content-Disposition', 'inline; filename="visit-summary.pdf"');
    return reply.type('application/pdf').send(Buffer.from(pdf));
  });

  // --- SMART Health Links: the person's side ---------------------------------------------
  app.post<{ Params: { id: string }; Body: { what?: unknown; expires?: unknown; passcode?: unknown; label?: unknown; origin?: unknown; from?: unknown; to?: unknown } }>('/api/people/:id/shares', { config: { access: 'person' } }, async (req) => {
    const b = req.body ?? {};
    const m = await shl();
    const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
    try {
      if (!(typeof b.what === 'string' || (Array.isArray(b.what) && b.what.every((x) => typeof x === 'string')))) throw new m.ShareError('what: "ips", "summary", "documents:<id>" (a list or comma-separated)');
      return await m.createShare(vessel, {
        personId: req.params.id,
        what: m.parseWhat(b.what as string | string[]),
        expiresIn: str(b.expires) ?? '7d',
        passcode: str(b.passcode),
        label: str(b.label),
        origin: str(b.origin) ?? originOf(req),
        summary: { from: str(b.from), to: str(b.to) },
        ip: req.ip,
        actor: actorOf(req).actor,
      });
    } catch (err) {
      if (err instanceof m.ShareError) throw new ApiError(err.message === 'no such person' ? 'not_found' : 'bad_request', err.message);
      throw err;
    }
  });

  app.get<{ Querystring: { person?: string } }>('/api/shares', { config: { access: 'account' } }, async (req) => {
    const person = req.query.person;
    if (person && !req.auth!.roles.has(person)) throw new ApiError('not_found', 'no such person');
    const shares = await (await shl()).listShares(vessel, person);
    return shares.filter((sh) => req.auth!.roles.has(sh.personId));
  });

  app.get<{ Params: { id: string } }>('/api/shares/:id/accesses', { config: { access: 'share' } }, async (req) => {
    const list = await (await shl()).shareAccesses(vessel, req.params.id);
    if (!list) throw new ApiError('not_found', 'no share with this id');
    return list;
  });

  app.delete<{ Params: { id: string } }>('/api/shares/:id', { config: { access: 'share' } }, async (req) => {
    if (!(await (await shl()).revokeShare(vessel, req.params.id, actorOf(req).actor, req.ip))) throw new ApiError('not_found', 'no active share with this id');
    return { revoked: true };
  });

  // --- SMART Health Links: the recipient's side ------------------------------------------
  app.post<{ Params: { id: string }; Body: unknown }>('/shl/manifest/:id', async (req, reply) => {
    reply.header('Access-Control-Allow-Origin', '*');
    const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
    const r = await (await shl()).manifest(vessel, req.params.id, body, { origin: originOf(req), ip: req.ip });
    if (r.status === 200) return reply.status(200).send(r.body);
    const o = outcome(r.status === 401 ? 'bad_request' : 'not_found', r.body.error);
    o.issue[0].code = r.status === 401 ? 'security' : 'not-found';
    return reply.status(r.status).send({ ...o, ...r.body });
  });

  app.options('/shl/manifest/:id', async (_req, reply) => {
    reply.header('Access-Control-Allow-Origin', '*').header('Access-Control-Allow-Methods', 'POST').header('Access-Control-Allow-Headers', 'Content-Type');
    return reply.status(204).send();
  });

  app.get<{ Params: { id: string; fileId: string }; Querystring: { t?: string } }>('/shl/file/:id/:fileId', async (req, reply) => {
    reply.header('Access-Control-Allow-Origin', '*');
    const jwe = await (await shl()).fileByLocation(vessel, req.params.id, req.params.fileId, req.query.t ?? '', req.ip);
    if (!jwe) return reply.status(404).send(outcome('not_found', 'this file link is not valid (expired, revoked or wrong)'));
    return reply.type('application/jose').send(jwe);
  });

  // The recipient viewer: decrypts in the browser with the key from the URL fragment.
  app.get('/shl/view', async (_req, reply) => reply.type('text/html; charset=utf-8').send(fs.readFileSync(path.join(VIEWER_ROOT, 'index.html'))));
  if (fs.existsSync(VIEWER_ROOT)) await app.register(fastifyStatic, { root: VIEWER_ROOT, prefix: '/shl/', decorateReply: false, index: false });
}

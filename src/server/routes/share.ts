/**
 * Sharing with a provider over HTTP: the IPS export, and SMART Health Links (create, list,
 * revoke; the manifest and file endpoints recipients call). Handlers parse, call src/share,
 * answer. Every access to a shared link is recorded in the audit trail.
 */
import type { FastifyInstance } from 'fastify';
import type { Vessel } from '../../app/vessel.js';
import { ApiError } from '../errors.js';
import { loadSnapshot } from '../../doctor/snapshot.js';
import { buildIps } from '../../share/ips.js';

export interface ShareRoutesOptions {
  vessel: Vessel;
}

export async function shareRoutes(app: FastifyInstance, opts: ShareRoutesOptions): Promise<void> {
  const { store } = opts.vessel;

  app.get<{ Params: { id: string } }>('/api/people/:id/ips', async (req, reply) => {
    const s = await loadSnapshot(store, req.params.id);
    if (!s) throw new ApiError('not_found', 'no such person');
    await store.audit.record({ actor: 'local', action: 'ips.export', personId: s.person.id, ip: req.ip });
    reply.header('Content-Type', 'application/fhir+json; charset=utf-8');
    return JSON.stringify(buildIps(s));
  });
}

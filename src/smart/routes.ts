/**
 * /api/connections: SMART on FHIR connections. Handlers parse, call SmartService, answer.
 * Answers never hold tokens (PublicConnection has no field for one).
 *
 *   GET  /api/connections                  list with status, progress, last sync, counts, error
 *   GET  /api/connections/:id
 *   POST /api/connections {fhirBaseUrl, clientId?, redirectUri?, connectionId?} → {authorizeUrl}
 *   GET  /api/connections/callback?code&state   finishes, queues the first sync, redirects into the app
 *   POST /api/connections/:id/sync         queues a sync (one per connection at a time)
 *   DELETE /api/connections/:id            removes it: tokens deleted, imported documents kept (audited)
 */
import type { FastifyInstance } from 'fastify';
import type { Vessel } from '../app/vessel.js';
import { ApiError } from '../server/errors.js';
import { SmartError } from './http.js';
import { SmartService } from './service.js';
import { actorOf } from '../server/auth.js';

const asApiError = (err: unknown): unknown => (err instanceof SmartError ? new ApiError(err.message.startsWith('no connection') ? 'not_found' : 'bad_request', err.message) : err);

export async function smartRoutes(app: FastifyInstance, opts: { vessel: Vessel }): Promise<void> {
  const { store, keyring: key, queue } = opts.vessel;
  const service = () => new SmartService({ store, key, queue });

  app.get('/api/connections', { config: { access: 'account' } }, async (req) => service().list(req.auth!.account.id));

  app.get<{ Querystring: { code?: string; state?: string; error?: string; error_description?: string } }>('/api/connections/callback', { config: { access: 'account' } }, async (req, reply) => {
    try {
      const c = await service().complete(req.query, { accountId: req.auth!.account.id });
      return reply.redirect(`/?connected=${encodeURIComponent(c.id)}`);
    } catch (err) {
      if (err instanceof SmartError) return reply.redirect(`/?connection_error=${encodeURIComponent(err.message)}`);
      throw err;
    }
  });

  app.get<{ Params: { id: string } }>('/api/connections/:id', { config: { access: 'connection' } }, async (req) => {
    const c = await service().get(req.params.id);
    if (!c) throw new ApiError('not_found', 'no such connection');
    return c;
  });

  app.post<{ Body: { fhirBaseUrl?: unknown; clientId?: unknown; redirectUri?: unknown; connectionId?: unknown } }>('/api/connections', { config: { access: 'account' } }, async (req) => {
    const b = req.body ?? {};
    if (typeof b.fhirBaseUrl !== 'string' || !b.fhirBaseUrl.trim()) throw new ApiError('bad_request', 'give fhirBaseUrl: the FHIR base URL of the patient portal');
    if (b.clientId !== undefined && typeof b.clientId !== 'string') throw new ApiError('bad_request', 'clientId must be a string');
    if (b.redirectUri !== undefined && typeof b.redirectUri !== 'string') throw new ApiError('bad_request', 'redirectUri must be a string');
    if (b.connectionId !== undefined && typeof b.connectionId !== 'string') throw new ApiError('bad_request', 'connectionId must be a string');
    const redirectUri = (b.redirectUri as string | undefined) ?? `${req.protocol}://${req.host}/api/connections/callback`;
    try {
      const r = await service().begin({ fhirBaseUrl: b.fhirBaseUrl, clientId: b.clientId as string | undefined, redirectUri, connectionId: b.connectionId as string | undefined, accountId: req.auth!.account.id });
      return { authorizeUrl: r.authorizeUrl, scope: r.scope, redirectUri };
    } catch (err) {
      throw asApiError(err);
    }
  });

  app.post<{ Params: { id: string } }>('/api/connections/:id/sync', { config: { access: 'connection' } }, async (req) => {
    try {
      return { queued: await service().requestSync(req.params.id) };
    } catch (err) {
      throw asApiError(err);
    }
  });

  app.delete<{ Params: { id: string } }>('/api/connections/:id', { config: { access: 'connection' } }, async (req) => {
    try {
      const r = await service().remove(req.params.id);
      await store.audit.record({ ...actorOf(req), action: 'connection.remove', target: r.id, detail: { server: r.server, documentsKept: r.documentsKept }, ip: req.ip });
      return r;
    } catch (err) {
      throw asApiError(err);
    }
  });
}

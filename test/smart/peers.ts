/**
 * The SMART client's test peers on loopback: oauth2-mock-server (a real OAuth 2 authorization
 * server that auto-approves, with PKCE) and the fixture FHIR server. `connect` drives the
 * browser's part of the authorization programmatically: GET the authorize URL, read the
 * redirect's code and state.
 */
import { randomUUID } from 'node:crypto';
import { OAuth2Server } from 'oauth2-mock-server';
import { FixtureFhirServer, PATIENT_ID, type FhirServerOptions } from './fhir-server.js';
import { SmartService } from '../../src/smart/service.js';
import type { Vessel } from '../../src/app/vessel.js';
import type { PublicConnection } from '../../src/smart/repo.js';
import type { Inject } from '../helpers/api.js';

// Small pages and short waits: paging and retries show in a few hundred milliseconds.
process.env.VESSEL_SMART_PAGE_SIZE = '2';
process.env.VESSEL_SMART_BACKOFF_MS = '50';
process.env.VESSEL_SMART_MAX_BACKOFF_MS = '3000';
process.env.VESSEL_SMART_TIMEOUT_MS = '5000';
process.env.VESSEL_SMART_TOKEN_TIMEOUT_MS = '5000';

export interface Peers {
  oauth: OAuth2Server;
  fhir: FixtureFhirServer;
  /** grant_type of every token request, in order. */
  tokenRequests: string[];
  /** When true, the token endpoint refuses refresh tokens (invalid_grant), as after a revocation. */
  revokeRefresh: boolean;
  stop(): Promise<void>;
}

export async function startPeers(opts: Partial<Pick<FhirServerOptions, 'smart' | 'everything'>> & { slowToken?: boolean } = {}): Promise<Peers> {
  const oauth = new OAuth2Server();
  await oauth.issuer.keys.generate('RS256');
  await oauth.start(0, '127.0.0.1');
  // Its default issuer says "localhost", which may resolve to ::1: keep every request on 127.0.0.1.
  oauth.issuer.url = `http://127.0.0.1:${oauth.address().port}`;
  const issuer = oauth.issuer.url;
  const peers = { tokenRequests: [] as string[], revokeRefresh: false } as Peers;
  // A unique jti: two tokens issued within one second must differ (a renewed token is new).
  oauth.service.on('beforeTokenSigning', (token: { payload: Record<string, unknown> }) => {
    token.payload.jti = randomUUID();
  });
  oauth.service.on('beforeResponse', (resp: { statusCode: number; body: Record<string, unknown> }, req: { body: Record<string, string> }) => {
    peers.tokenRequests.push(req.body.grant_type);
    if (peers.revokeRefresh && req.body.grant_type === 'refresh_token') {
      resp.statusCode = 400;
      resp.body = { error: 'invalid_grant', error_description: 'the refresh token was revoked' };
      return;
    }
    if (resp.statusCode === 200) {
      resp.body.patient = PATIENT_ID;
      peers.fhir?.issuedTokens.add(String(resp.body.access_token));
    }
  });
  const fhir = await new FixtureFhirServer({
    authorizeUrl: `${issuer}/authorize`,
    tokenUrl: `${issuer}/token`,
    jwks: () => ({ keys: oauth.issuer.keys.toJSON() as never }),
    smart: opts.smart,
    everything: opts.everything,
  }).start();
  if (opts.slowToken) fhir.opts.tokenUrl = `${fhir.base}/slow-token`;
  // Token revocation (RFC 7009) is answered by the fixture server, which records what it was sent.
  fhir.opts.revokeUrl = `${fhir.base}/revoke`;
  Object.assign(peers, {
    oauth,
    fhir,
    async stop() {
      await fhir.stop();
      await oauth.stop();
    },
  });
  return peers;
}

/** What the user's browser does: open the authorize URL, come back with the redirect's query. */
export async function authorizeInBrowser(authorizeUrl: string): Promise<URLSearchParams> {
  const res = await fetch(authorizeUrl, { redirect: 'manual' });
  const location = res.headers.get('location');
  await res.body?.cancel();
  if (res.status !== 302 || !location) throw new Error(`authorize answered ${res.status}`);
  return new URL(location).searchParams;
}

/** A standalone launch through the HTTP API as a signed-in user: POST, authorize, callback; the new connection's id. */
export async function connectThroughApi(api: Inject, fhirBaseUrl: string): Promise<string> {
  const post = await api({ method: 'POST', url: '/api/connections', payload: { fhirBaseUrl, clientId: 'vessel-test' } });
  const q = await authorizeInBrowser((post.json() as { authorizeUrl: string }).authorizeUrl);
  const cb = await api({ url: `/api/connections/callback?${q}` });
  return decodeURIComponent(/connected=([^&]+)/.exec(cb.headers.location as string)![1]);
}

export const smartService = (v: Vessel) => new SmartService({ store: v.store, key: v.key, queue: v.queue });

/** A full standalone launch without the HTTP API: begin, authorize, complete. */
export async function connect(v: Vessel, peers: Peers, opts: { sync?: boolean } = {}): Promise<PublicConnection> {
  const svc = smartService(v);
  const { authorizeUrl } = await svc.begin({ fhirBaseUrl: peers.fhir.base, clientId: 'vessel-test', redirectUri: 'http://127.0.0.1:9/callback' });
  const q = await authorizeInBrowser(authorizeUrl);
  return svc.complete({ code: q.get('code') ?? undefined, state: q.get('state') ?? undefined }, opts);
}

export async function resourceCounts(v: Vessel): Promise<Record<string, number>> {
  const rows = await v.store.db.selectFrom('resources').select(['resource_type', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('resource_type').execute();
  return Object.fromEntries(rows.map((r) => [r.resource_type, Number(r.n)]));
}

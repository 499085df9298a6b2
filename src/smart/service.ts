/**
 * What the routes and the CLI call: start an authorization (discovery, PKCE, state), finish it
 * from the redirect (state checked once, code exchanged, tokens sealed), list connections and
 * queue syncs. No HTTP framework here.
 */
import type { Store } from '../store/store.js';
import type { JobQueue } from '../jobs/queue.js';
import { discover, normalizeBase, scopeFor } from './discovery.js';
import { authorizeUrl, exchangeCode, newState, pkcePair } from './oauth.js';
import { SmartError } from './http.js';
import { ConnectionsRepo, toPublic, type PublicConnection } from './repo.js';
import { enqueueSync } from './job.js';
import { smartOptions, type SmartOptions } from './options.js';

export const DEFAULT_CLIENT_ID = 'vessel';
/** A pending authorization older than this is refused: its code would have expired anyway. */
const PENDING_TTL_MS = 15 * 60_000;

export interface SmartServiceDeps {
  store: Store;
  /** The vault keyring (current key first), or one key. */
  key: Buffer | Buffer[];
  queue: JobQueue;
}

export class SmartService {
  readonly repo: ConnectionsRepo;

  constructor(
    private readonly deps: SmartServiceDeps,
    private readonly opts: SmartOptions = smartOptions(),
  ) {
    this.repo = new ConnectionsRepo(deps.store.db, deps.key);
  }

  /** `accountId`: the signed-in account making the connection (absent from the command line). */
  async begin(p: { fhirBaseUrl: string; clientId?: string; redirectUri: string; connectionId?: string; accountId?: string }): Promise<{ authorizeUrl: string; state: string; scope: string }> {
    const base = normalizeBase(p.fhirBaseUrl);
    const server = await discover(base, this.opts);
    const { verifier, challenge } = pkcePair();
    const state = newState();
    const clientId = p.clientId?.trim() || DEFAULT_CLIENT_ID;
    const scope = scopeFor(server.scopeVersion);
    if (p.connectionId) {
      const c = await this.repo.get(p.connectionId);
      if (!c || (c.accountId ?? undefined) !== p.accountId) throw new SmartError(`no connection ${p.connectionId}`, 'status');
    }
    await this.repo.addPending({ state, connectionId: p.connectionId, fhirBaseUrl: base, clientId, redirectUri: p.redirectUri, verifier, server, accountId: p.accountId });
    return { authorizeUrl: authorizeUrl({ authorizationEndpoint: server.authorizationEndpoint, clientId, redirectUri: p.redirectUri, scope, state, challenge, aud: base }), state, scope };
  }

  /** Finishes an authorization from the redirect's query; queues the first sync unless told not to. */
  async complete(q: { code?: string; state?: string; error?: string; error_description?: string }, opts: { sync?: boolean; accountId?: string } = {}): Promise<PublicConnection> {
    if (!q.state) throw new SmartError('the redirect carries no state; start the connection again', 'invalid-grant');
    const pending = await this.repo.takePending(q.state);
    if (!pending) throw new SmartError('unknown or already used state: this redirect does not belong to an authorization Vessel started (or it was finished already)', 'invalid-grant');
    // The redirect must come back to the account that started it (a link someone else sent
    // cannot attach their portal to this household, nor this portal to theirs).
    if ((pending.accountId ?? undefined) !== opts.accountId) throw new SmartError('this authorization was started by another account; start the connection again', 'invalid-grant');
    if (Date.now() - Date.parse(pending.createdAt) > PENDING_TTL_MS) throw new SmartError('the authorization took too long; start the connection again', 'invalid-grant');
    if (q.error) throw new SmartError(`the server did not authorize Vessel: ${q.error}${q.error_description ? ` (${q.error_description})` : ''}`, 'invalid-grant');
    if (!q.code) throw new SmartError('the redirect carries no authorization code', 'invalid-grant');
    const tokens = await exchangeCode({ tokenEndpoint: pending.server.tokenEndpoint, clientId: pending.clientId, code: q.code, redirectUri: pending.redirectUri, verifier: pending.verifier, timeoutMs: this.opts.tokenTimeoutMs });
    const existing = pending.connectionId ? await this.repo.get(pending.connectionId) : await this.repo.findByServerPatient(pending.fhirBaseUrl, tokens.patient, pending.accountId);
    const conn = await this.repo.saveAuthorized({ id: existing?.id, fhirBaseUrl: pending.fhirBaseUrl, clientId: pending.clientId, server: pending.server, tokens, accountId: pending.accountId });
    if (opts.sync !== false) await enqueueSync(this.deps.queue, conn.id);
    return toPublic(conn);
  }

  async list(accountId?: string): Promise<PublicConnection[]> {
    return (await this.repo.list(accountId)).map(toPublic);
  }

  async get(id: string): Promise<PublicConnection | undefined> {
    const c = await this.repo.get(id);
    return c ? toPublic(c) : undefined;
  }

  /** Queues a sync; false when one is already queued or running for this connection. */
  async requestSync(id: string): Promise<boolean> {
    if (!(await this.repo.get(id))) throw new SmartError(`no connection ${id}`, 'status');
    return enqueueSync(this.deps.queue, id);
  }
}

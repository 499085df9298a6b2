/**
 * What the routes and the CLI call: start an authorization (discovery, PKCE, state), finish it
 * from the redirect (state checked once, code exchanged, tokens sealed), list connections and
 * queue syncs. No HTTP framework here.
 */
import type { Store } from '../store/store.js';
import type { JobQueue } from '../jobs/queue.js';
import { discover, normalizeBase, scopeFor } from './discovery.js';
import { authorizeUrl, exchangeCode, newState, pkcePair, revokeTokens } from './oauth.js';
import { SmartError } from './http.js';
import { ConnectionsRepo, toPublic, type Connection, type PublicConnection } from './repo.js';
import { enqueueSync, syncJobKey } from './job.js';
import { nextSyncAt } from './schedule.js';
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

export interface RemovedConnection {
  removed: true;
  id: string;
  server: string;
  /** Documents it imported, kept in the record. */
  documentsKept: number;
  /** The portal's revocation endpoint accepted the tokens (true), refused or failed (false), or there is none (absent). */
  revokedAtPortal?: boolean;
  /** What happened, in words for the user. */
  message: string;
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
    return this.withSchedule(await this.repo.list(accountId));
  }

  async get(id: string): Promise<PublicConnection | undefined> {
    const c = await this.repo.get(id);
    return c ? (await this.withSchedule([c]))[0] : undefined;
  }

  /** Public views with when each syncs next on its own (from its last sync job). */
  private async withSchedule(cs: Connection[]): Promise<PublicConnection[]> {
    const last = await this.deps.queue.lastCreated(cs.map((c) => syncJobKey(c.id)));
    return cs.map((c) => {
      const next = nextSyncAt(c, last.get(syncJobKey(c.id)), this.opts.syncEveryMs);
      return next ? { ...toPublic(c), nextSyncAt: next } : toPublic(c);
    });
  }

  /**
   * Removes a connection: its sealed tokens are deleted (Vessel can no longer read from that
   * server), a sync still waiting is dropped, a running one stops after its current page. The
   * documents it already imported stay in the record; the answer says how many.
   */
  async remove(id: string): Promise<RemovedConnection> {
    const c = await this.repo.get(id);
    if (!c) throw new SmartError(`no connection ${id}`, 'status');
    await this.deps.queue.cancelQueued(syncJobKey(id));
    const documentsKept = await this.repo.countDocuments(c);
    // Ask the portal to end the grant too, when it offers revocation; the tokens go either way.
    const tokens = await this.repo.tokens(id).catch(() => undefined);
    const revokedAtPortal = c.server.revocationEndpoint && tokens ? await revokeTokens({ revocationEndpoint: c.server.revocationEndpoint, clientId: c.clientId, tokens, timeoutMs: this.opts.tokenTimeoutMs }) : undefined;
    await this.repo.remove(id);
    const host = new URL(c.fhirBaseUrl).host;
    return {
      removed: true,
      id,
      server: c.fhirBaseUrl,
      documentsKept,
      ...(revokedAtPortal !== undefined ? { revokedAtPortal } : {}),
      message:
        `Disconnected from ${host}: Vessel deleted its access tokens and will not sync from it again. ` +
        (documentsKept === 0 ? 'Nothing had been imported from it. ' : documentsKept === 1 ? 'The document already imported from it stays in your record. ' : `The ${documentsKept} documents already imported from it stay in your record. `) +
        (revokedAtPortal
          ? 'The portal confirmed it revoked Vessel\'s access.'
          : revokedAtPortal === false
            ? 'The portal did not confirm revoking Vessel\'s access: it may still list Vessel until its tokens expire; you can revoke it there too.'
            : 'The portal offers no way to revoke from here: it may still list Vessel until its tokens expire; you can revoke it there too.'),
    };
  }

  /** Queues a sync; false when one is already queued or running for this connection. */
  async requestSync(id: string): Promise<boolean> {
    if (!(await this.repo.get(id))) throw new SmartError(`no connection ${id}`, 'status');
    return enqueueSync(this.deps.queue, id);
  }
}

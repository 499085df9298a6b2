/**
 * Persistence of SMART connections and pending authorizations. Tokens go in and come out
 * through `seal`/`unseal` here only; `PublicConnection` (what the API and CLI show) has no
 * field that could hold one.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, SmartConnectionsTable } from '../store/schema.js';
import { nowIso } from '../core/time.js';
import { seal, unseal } from './seal.js';
import type { TokenSet } from './oauth.js';
import type { ServerInfo } from './discovery.js';

export type ConnectionStatus = 'connected' | 'syncing' | 'needs-reauthorization' | 'error';

export interface SyncCounts {
  pages: number;
  resources: number;
  attachments: number;
  /** Attachments not fetched (other host, too large, failed), with the page still imported. */
  attachmentsSkipped: number;
  /** Documents newly stored (pages and attachments); re-fetched identical bytes are not counted. */
  newDocuments: number;
}

/** The durable resume point of a sync in progress. */
export interface SyncCursor {
  startedAt: string;
  /** `_lastUpdated=gt…` / `_since` of this run; absent on the first sync. */
  since?: string;
  steps: string[];
  step: number;
  /** The next page of the current step (the server's `next` link), absent = first page. */
  next?: string;
  page: number;
  counts: SyncCounts;
}

export interface Connection {
  id: string;
  fhirBaseUrl: string;
  clientId: string;
  patientId?: string;
  fhirUser?: string;
  scope?: string;
  status: ConnectionStatus;
  server: ServerInfo;
  cursor?: SyncCursor;
  since?: string;
  lastSyncStartedAt?: string;
  lastSyncAt?: string;
  lastCounts?: SyncCounts;
  error?: string;
  createdAt: string;
  updatedAt: string;
  /** The account that made the connection; its documents are scoped to it. */
  accountId?: string;
}

/** What the API and the CLI show: never tokens. */
export interface PublicConnection {
  id: string;
  server: string;
  clientId: string;
  patient?: string;
  fhirUser?: string;
  scope?: string;
  status: ConnectionStatus;
  progress?: { step: string; stepIndex: number; steps: number; page: number; pages: number; resources: number };
  lastSyncAt?: string;
  lastSyncStartedAt?: string;
  lastCounts?: SyncCounts;
  error?: string;
  createdAt: string;
  /** When it syncs again on its own (absent: scheduled syncs off, or it needs the user to sign in again). */
  nextSyncAt?: string;
}

export const emptyCounts = (): SyncCounts => ({ pages: 0, resources: 0, attachments: 0, attachmentsSkipped: 0, newDocuments: 0 });

/** The server's host as it starts the names of the documents a sync stores (`<host>-<step>-<n>.json`). */
export const hostTag = (base: string) => new URL(base).host.replace(/[^A-Za-z0-9.-]/g, '_');

const tokenAad = (id: string) => `smart-connection:${id}`;
export const verifierAad = (state: string) => `smart-authorization:${state}`;
const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

function fromRow(r: SmartConnectionsTable): Connection {
  return {
    id: r.id,
    fhirBaseUrl: r.fhir_base_url,
    clientId: r.client_id,
    patientId: opt(r.patient_id),
    fhirUser: opt(r.fhir_user),
    scope: opt(r.scope),
    status: r.status as ConnectionStatus,
    server: JSON.parse(r.server_json) as ServerInfo,
    cursor: r.cursor_json ? (JSON.parse(r.cursor_json) as SyncCursor) : undefined,
    since: opt(r.since),
    lastSyncStartedAt: opt(r.last_sync_started_at),
    lastSyncAt: opt(r.last_sync_at),
    lastCounts: r.last_counts_json ? (JSON.parse(r.last_counts_json) as SyncCounts) : undefined,
    error: opt(r.error),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    accountId: opt(r.account_id),
  };
}

export function toPublic(c: Connection): PublicConnection {
  const cur = c.cursor;
  return {
    id: c.id,
    server: c.fhirBaseUrl,
    clientId: c.clientId,
    patient: c.patientId,
    fhirUser: c.fhirUser,
    scope: c.scope,
    status: c.status,
    progress: cur ? { step: cur.steps[cur.step] ?? 'done', stepIndex: cur.step, steps: cur.steps.length, page: cur.page, pages: cur.counts.pages, resources: cur.counts.resources } : undefined,
    lastSyncAt: c.lastSyncAt,
    lastSyncStartedAt: c.lastSyncStartedAt,
    lastCounts: c.lastCounts,
    error: c.error,
    createdAt: c.createdAt,
  };
}

export interface PendingAuthorization {
  state: string;
  connectionId?: string;
  accountId?: string;
  fhirBaseUrl: string;
  clientId: string;
  redirectUri: string;
  verifier: string;
  server: ServerInfo;
  createdAt: string;
}

export class ConnectionsRepo {
  constructor(
    private readonly db: Kysely<Database>,
    /** The keyring (current key first); a single key works too. */
    private readonly keys: Buffer | Buffer[],
  ) {}

  private get key(): Buffer {
    return Array.isArray(this.keys) ? this.keys[0] : this.keys;
  }

  /** Every connection, or (with `accountId`) that account's. */
  async list(accountId?: string): Promise<Connection[]> {
    let q = this.db.selectFrom('smart_connections').selectAll();
    if (accountId !== undefined) q = q.where('account_id', '=', accountId);
    return (await q.orderBy('created_at').execute()).map(fromRow);
  }

  async get(id: string): Promise<Connection | undefined> {
    const r = await this.db.selectFrom('smart_connections').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? fromRow(r) : undefined;
  }

  async findByServerPatient(base: string, patientId: string | undefined, accountId?: string): Promise<Connection | undefined> {
    let q = this.db.selectFrom('smart_connections').selectAll().where('fhir_base_url', '=', base);
    q = accountId ? q.where('account_id', '=', accountId) : q.where('account_id', 'is', null);
    q = patientId ? q.where('patient_id', '=', patientId) : q.where('patient_id', 'is', null);
    const r = await q.executeTakeFirst();
    return r ? fromRow(r) : undefined;
  }

  /** Creates or re-authorizes a connection with fresh tokens. */
  async saveAuthorized(p: { id?: string; fhirBaseUrl: string; clientId: string; server: ServerInfo; tokens: TokenSet; accountId?: string }): Promise<Connection> {
    const now = nowIso();
    const id = p.id ?? randomUUID();
    const values = {
      fhir_base_url: p.fhirBaseUrl,
      client_id: p.clientId,
      patient_id: p.tokens.patient ?? null,
      fhir_user: p.tokens.fhirUser ?? null,
      scope: p.tokens.scope ?? null,
      status: 'connected',
      tokens_enc: seal(this.key, JSON.stringify(p.tokens), tokenAad(id)),
      server_json: JSON.stringify(p.server),
      error: null,
      updated_at: now,
    };
    if (p.id && (await this.get(p.id))) await this.db.updateTable('smart_connections').set(values).where('id', '=', id).execute();
    else await this.db.insertInto('smart_connections').values({ id, ...values, created_at: now, account_id: p.accountId ?? null }).execute();
    return (await this.get(id))!;
  }

  async tokens(id: string): Promise<TokenSet | undefined> {
    const r = await this.db.selectFrom('smart_connections').select('tokens_enc').where('id', '=', id).executeTakeFirst();
    return r?.tokens_enc ? (JSON.parse(unseal(this.keys, r.tokens_enc, tokenAad(id))) as TokenSet) : undefined;
  }

  async saveTokens(id: string, tokens: TokenSet): Promise<void> {
    await this.db.updateTable('smart_connections').set({ tokens_enc: seal(this.key, JSON.stringify(tokens), tokenAad(id)), updated_at: nowIso() }).where('id', '=', id).execute();
  }

  async update(id: string, patch: Partial<{ status: ConnectionStatus; cursor: SyncCursor | null; since: string | null; lastSyncStartedAt: string; lastSyncAt: string; lastCounts: SyncCounts; error: string | null; dropTokens: boolean }>): Promise<void> {
    const set: Partial<SmartConnectionsTable> = { updated_at: nowIso() };
    if (patch.status) set.status = patch.status;
    if (patch.cursor !== undefined) set.cursor_json = patch.cursor ? JSON.stringify(patch.cursor) : null;
    if (patch.since !== undefined) set.since = patch.since;
    if (patch.lastSyncStartedAt) set.last_sync_started_at = patch.lastSyncStartedAt;
    if (patch.lastSyncAt) set.last_sync_at = patch.lastSyncAt;
    if (patch.lastCounts) set.last_counts_json = JSON.stringify(patch.lastCounts);
    if (patch.error !== undefined) set.error = patch.error ? patch.error.slice(0, 2000) : null;
    if (patch.dropTokens) set.tokens_enc = null;
    await this.db.updateTable('smart_connections').set(set).where('id', '=', id).execute();
  }

  /** How many documents this connection brought in (its pages and their attachments): they stay when it is removed. */
  async countDocuments(c: Connection): Promise<number> {
    const r = await this.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('channel', '=', 'smart')
      .where('scope', '=', c.accountId ?? '')
      .where('filename', 'like', `${hostTag(c.fhirBaseUrl)}-%`)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /** Deletes the connection with its sealed tokens and any authorization still pending for it. */
  async remove(id: string): Promise<boolean> {
    await this.db.deleteFrom('smart_authorizations').where('connection_id', '=', id).execute();
    const res = await this.db.deleteFrom('smart_connections').where('id', '=', id).executeTakeFirst();
    return Number(res.numDeletedRows ?? 0) > 0;
  }

  async addPending(p: Omit<PendingAuthorization, 'createdAt'>): Promise<void> {
    // Old abandoned authorizations go first: a verifier is useless after its code expired.
    await this.db.deleteFrom('smart_authorizations').where('created_at', '<', new Date(Date.now() - 3600_000).toISOString()).execute();
    await this.db
      .insertInto('smart_authorizations')
      .values({
        state: p.state,
        connection_id: p.connectionId ?? null,
        fhir_base_url: p.fhirBaseUrl,
        client_id: p.clientId,
        redirect_uri: p.redirectUri,
        verifier_enc: seal(this.key, p.verifier, verifierAad(p.state)),
        server_json: JSON.stringify(p.server),
        created_at: nowIso(),
        account_id: p.accountId ?? null,
      })
      .execute();
  }

  /** Takes (and deletes) a pending authorization: each state works once. */
  async takePending(state: string): Promise<PendingAuthorization | undefined> {
    const r = await this.db.selectFrom('smart_authorizations').selectAll().where('state', '=', state).executeTakeFirst();
    if (!r) return undefined;
    const del = await this.db.deleteFrom('smart_authorizations').where('state', '=', state).executeTakeFirst();
    if (Number(del.numDeletedRows ?? 0) === 0) return undefined;
    return {
      state: r.state,
      connectionId: opt(r.connection_id),
      fhirBaseUrl: r.fhir_base_url,
      clientId: r.client_id,
      redirectUri: r.redirect_uri,
      verifier: unseal(this.keys, r.verifier_enc, verifierAad(r.state)),
      server: JSON.parse(r.server_json) as ServerInfo,
      createdAt: r.created_at,
      accountId: opt(r.account_id),
    };
  }
}

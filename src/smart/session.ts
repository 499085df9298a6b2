/**
 * Authorized GETs against one connection's FHIR server: the token goes only to URLs under the
 * connection's base; an access token about to expire, or refused with 401, is refreshed once
 * and the request retried; a refused refresh means the user must authorize again.
 */
import { request, SmartError } from './http.js';
import { refreshTokens, type TokenSet } from './oauth.js';
import type { Connection, ConnectionsRepo } from './repo.js';
import type { SmartOptions } from './options.js';

/** True when `url` lies under `base` (same origin, path below the base path). */
export function underBase(url: string, base: string): boolean {
  let u: URL;
  let b: URL;
  try {
    u = new URL(url);
    b = new URL(base);
  } catch {
    return false;
  }
  const basePath = b.pathname.replace(/\/+$/, '');
  return u.origin === b.origin && (u.pathname === basePath || u.pathname.startsWith(`${basePath}/`));
}

export class FhirSession {
  private tokens: TokenSet | undefined;

  constructor(
    readonly conn: Connection,
    private readonly repo: ConnectionsRepo,
    private readonly opts: SmartOptions,
  ) {}

  private reauth(detail: string): SmartError {
    return new SmartError(`${detail}. Vessel can no longer read ${this.conn.fhirBaseUrl} for this patient; connect again (vessel connect ${this.conn.fhirBaseUrl}${this.conn.clientId !== 'vessel' ? ` --client-id ${this.conn.clientId}` : ''})`, 'needs-reauthorization');
  }

  private async refresh(): Promise<TokenSet> {
    const current = this.tokens ?? (await this.repo.tokens(this.conn.id));
    if (!current) throw this.reauth('no tokens are stored for this connection');
    try {
      this.tokens = await refreshTokens({ tokenEndpoint: this.conn.server.tokenEndpoint, clientId: this.conn.clientId, tokens: current, timeoutMs: this.opts.tokenTimeoutMs });
    } catch (err) {
      if (err instanceof SmartError && (err.kind === 'invalid-grant' || err.kind === 'needs-reauthorization')) throw this.reauth(`the server refused to renew access (${err.message})`);
      throw err;
    }
    // Saved at once: a server that rotates refresh tokens has just invalidated the old one.
    await this.repo.saveTokens(this.conn.id, this.tokens);
    return this.tokens;
  }

  private async accessToken(): Promise<TokenSet> {
    this.tokens ??= await this.repo.tokens(this.conn.id);
    if (!this.tokens) throw this.reauth('no tokens are stored for this connection');
    if (this.tokens.expiresAt && Date.parse(this.tokens.expiresAt) - 30_000 < Date.now()) return this.refresh();
    return this.tokens;
  }

  /** GET with the bearer token; `what` names the request in messages. */
  async get(url: string, what: string, accept = 'application/fhir+json, application/json'): Promise<Response> {
    if (!underBase(url, this.conn.fhirBaseUrl)) throw new SmartError(`${what}: refusing to send the access token to ${new URL(url).origin}, outside ${this.conn.fhirBaseUrl}`, 'unsafe-url');
    const send = (t: TokenSet) =>
      request(url, { headers: { Accept: accept, Authorization: `${/^bearer$/i.test(t.tokenType) ? 'Bearer' : t.tokenType} ${t.accessToken}` } }, { what, timeoutMs: this.opts.timeoutMs, retry: this.opts });
    let res = await send(await this.accessToken());
    if (res.status === 401) {
      await res.body?.cancel().catch(() => {});
      res = await send(await this.refresh());
      if (res.status === 401) {
        await res.body?.cancel().catch(() => {});
        throw this.reauth(`${what}: the server refused a freshly renewed access token (HTTP 401)`);
      }
    }
    return res;
  }
}

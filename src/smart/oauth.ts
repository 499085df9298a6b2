/**
 * The OAuth 2 side of a SMART standalone launch: PKCE (S256), the authorize URL, the code
 * exchange and refresh. Public client (no secret), as a patient app on the user's own machine
 * is. Written against fetch directly (about 100 lines) rather than a library: see docs/smart.md.
 */
import { createHash, randomBytes } from 'node:crypto';
import { request, readJson, SmartError } from './http.js';

export interface TokenSet {
  accessToken: string;
  tokenType: string;
  /** ISO time the access token stops working, if the server said. */
  expiresAt?: string;
  refreshToken?: string;
  scope?: string;
  patient?: string;
  fhirUser?: string;
}

const b64url = (b: Buffer) => b.toString('base64url');

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = b64url(randomBytes(32));
  return { verifier, challenge: b64url(createHash('sha256').update(verifier).digest()) };
}

export const newState = (): string => b64url(randomBytes(24));

export function authorizeUrl(p: { authorizationEndpoint: string; clientId: string; redirectUri: string; scope: string; state: string; challenge: string; aud: string }): string {
  const u = new URL(p.authorizationEndpoint);
  u.searchParams.set('response_type', 'code');
  u.searchParams.set('client_id', p.clientId);
  u.searchParams.set('redirect_uri', p.redirectUri);
  u.searchParams.set('scope', p.scope);
  u.searchParams.set('state', p.state);
  u.searchParams.set('aud', p.aud);
  u.searchParams.set('code_challenge', p.challenge);
  u.searchParams.set('code_challenge_method', 'S256');
  return u.href;
}

/** The claims of a JWT, unverified: used only to show who signed in (fhirUser), never to authorize. */
function jwtClaims(token: unknown): Record<string, unknown> {
  if (typeof token !== 'string') return {};
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

async function tokenRequest(endpoint: string, form: Record<string, string>, timeoutMs: number, previous?: TokenSet): Promise<TokenSet> {
  const res = await request(
    endpoint,
    { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body: new URLSearchParams(form).toString() },
    { what: 'token endpoint', timeoutMs },
  );
  const body = await readJson(res, 'token endpoint').catch((err: SmartError) => {
    throw res.ok ? err : new SmartError(`token endpoint: HTTP ${res.status}`, 'status', res.status);
  });
  if (!res.ok) {
    const code = String(body.error ?? '');
    const detail = body.error_description ? `: ${String(body.error_description)}` : '';
    if (code === 'invalid_grant' || code === 'invalid_client' || code === 'unauthorized_client') {
      throw new SmartError(`the authorization server refused the grant (${code}${detail})`, 'invalid-grant', res.status);
    }
    throw new SmartError(`token endpoint: HTTP ${res.status}${code ? ` ${code}` : ''}${detail}`, 'status', res.status);
  }
  if (typeof body.access_token !== 'string' || !body.access_token) throw new SmartError('token endpoint: the answer holds no access_token', 'status', res.status);
  const expiresIn = Number(body.expires_in);
  const idClaims = jwtClaims(body.id_token);
  return {
    accessToken: body.access_token,
    tokenType: typeof body.token_type === 'string' ? body.token_type : 'Bearer',
    expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? new Date(Date.now() + expiresIn * 1000).toISOString() : undefined,
    // A server may rotate the refresh token or keep the old one valid without repeating it.
    refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : previous?.refreshToken,
    scope: typeof body.scope === 'string' ? body.scope : previous?.scope,
    patient: typeof body.patient === 'string' ? body.patient : previous?.patient,
    fhirUser: typeof idClaims.fhirUser === 'string' ? idClaims.fhirUser : previous?.fhirUser,
  };
}

export function exchangeCode(p: { tokenEndpoint: string; clientId: string; code: string; redirectUri: string; verifier: string; timeoutMs: number }): Promise<TokenSet> {
  return tokenRequest(p.tokenEndpoint, { grant_type: 'authorization_code', code: p.code, redirect_uri: p.redirectUri, client_id: p.clientId, code_verifier: p.verifier }, p.timeoutMs);
}

export function refreshTokens(p: { tokenEndpoint: string; clientId: string; tokens: TokenSet; timeoutMs: number }): Promise<TokenSet> {
  if (!p.tokens.refreshToken) return Promise.reject(new SmartError('the access token expired and the server gave no refresh token', 'needs-reauthorization'));
  return tokenRequest(p.tokenEndpoint, { grant_type: 'refresh_token', refresh_token: p.tokens.refreshToken, client_id: p.clientId }, p.timeoutMs, p.tokens);
}

/**
 * Asks the authorization server to revoke Vessel's grant (RFC 7009): the refresh token (which
 * ends the grant on most servers), then the access token. Best effort: true when every token
 * sent was accepted (200), false when the server refused or did not answer.
 */
export async function revokeTokens(p: { revocationEndpoint: string; clientId: string; tokens: TokenSet; timeoutMs: number }): Promise<boolean> {
  const sent: Array<[string, string]> = [];
  if (p.tokens.refreshToken) sent.push([p.tokens.refreshToken, 'refresh_token']);
  sent.push([p.tokens.accessToken, 'access_token']);
  let ok = true;
  for (const [token, hint] of sent) {
    try {
      const res = await request(
        p.revocationEndpoint,
        { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token, token_type_hint: hint, client_id: p.clientId }).toString() },
        { what: 'revocation endpoint', timeoutMs: p.timeoutMs },
      );
      await res.body?.cancel().catch(() => {});
      if (res.status !== 200) ok = false;
    } catch {
      ok = false;
    }
  }
  return ok;
}

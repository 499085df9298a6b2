/**
 * The signed-in session as the web app sees it: the cookie is httpOnly (scripts never see
 * it); the CSRF token it pairs with comes from /api/session and rides on every change.
 */
export interface SessionInfo {
  signedIn: boolean;
  setupNeeded: boolean;
  account?: { id: string; username: string };
  csrfToken?: string;
}

let csrfToken = '';

/** Headers every state-changing request carries. */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/** Tells the shell the session ended (expired, signed out elsewhere): it shows sign-in again. */
export function sessionEnded(): void {
  csrfToken = '';
  window.dispatchEvent(new Event('vessel:signed-out'));
}

async function call(method: string, url: string, body?: unknown): Promise<SessionInfo> {
  const res = await fetch(url, { method, headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}), ...csrfHeaders() }, body: body ? JSON.stringify(body) : undefined });
  const answer = await res.json().catch(() => undefined);
  if (!res.ok) throw new Error(answer?.issue?.[0]?.diagnostics ?? `the server answered ${res.status}`);
  csrfToken = answer?.csrfToken ?? '';
  return { setupNeeded: false, ...answer } as SessionInfo;
}

/**
 * Browsers bind a passkey to a host name and refuse them on a page opened at an IP address
 * (http://127.0.0.1:4780). Undefined when this page is fine; else where to open Vessel instead
 * (localhost for loopback, '' when only the user knows the name).
 */
export function passkeyAddressHint(): string | undefined {
  const { hostname, protocol, port, pathname } = window.location;
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || hostname.includes(':') || hostname.startsWith('[');
  if (!isIp) return undefined;
  const loopback = hostname === '127.0.0.1' || hostname === '[::1]' || hostname === '::1';
  return loopback ? `${protocol}//localhost${port ? `:${port}` : ''}${pathname}` : '';
}

/** Why a passkey ceremony ended in the browser, in words (the WebAuthn errors are terse). */
function passkeyProblem(err: unknown): Error {
  const name = (err as Error)?.name;
  if (name === 'NotAllowedError' || name === 'AbortError') return new Error('No passkey was used: it was cancelled, or this device has no passkey for this account.');
  if (name === 'InvalidStateError') return new Error('This device already has a passkey for this account.');
  if (name === 'SecurityError') return new Error(`Passkeys do not work at this address (${window.location.origin}); open Vessel at its configured address.`);
  return err instanceof Error ? err : new Error(String(err));
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json', ...csrfHeaders() }, body: JSON.stringify(body) });
  const answer = await res.json().catch(() => undefined);
  if (!res.ok) throw new Error(answer?.issue?.[0]?.diagnostics ?? `the server answered ${res.status}`);
  return answer as T;
}

/**
 * Signs in with a passkey: without a username the browser offers this site's passkeys on the
 * device (discoverable credentials); with one, only that account's. The WebAuthn helper is
 * loaded on first use.
 */
export async function signInWithPasskey(username: string): Promise<SessionInfo> {
  const { startAuthentication } = await import('@simplewebauthn/browser');
  const optionsJSON = await postJson<Parameters<typeof startAuthentication>[0]['optionsJSON']>('/api/session/passkey-options', username.trim() ? { username: username.trim() } : {});
  let response;
  try {
    response = await startAuthentication({ optionsJSON });
  } catch (err) {
    throw passkeyProblem(err);
  }
  return call('POST', '/api/session/passkey', { response });
}

/** Registers a passkey on this device for the signed-in account. */
export async function addPasskey(name: string): Promise<void> {
  const { startRegistration } = await import('@simplewebauthn/browser');
  const optionsJSON = await postJson<Parameters<typeof startRegistration>[0]['optionsJSON']>('/api/passkeys/registration-options', {});
  let response;
  try {
    response = await startRegistration({ optionsJSON });
  } catch (err) {
    throw passkeyProblem(err);
  }
  await postJson('/api/passkeys', { response, name: name.trim() || undefined });
}

/** The session check main.tsx starts before anything is drawn; the first loadSession uses it. */
let early: Promise<SessionInfo> | undefined;
export function checkSessionEarly(): void {
  early = call('GET', '/api/session');
  early.catch(() => {}); // loadSession hands the failure on
}

export function loadSession(): Promise<SessionInfo> {
  const first = early;
  early = undefined;
  return first ?? call('GET', '/api/session');
}
export const signIn = (username: string, password: string) => call('POST', '/api/session', { username, password });
export const setUp = (username: string, password: string) => call('POST', '/api/setup', { username, password });
export async function signOut(): Promise<void> {
  await call('DELETE', '/api/session').catch(() => undefined);
  sessionEnded();
}

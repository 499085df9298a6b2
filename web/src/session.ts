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

export const loadSession = () => call('GET', '/api/session');
export const signIn = (username: string, password: string) => call('POST', '/api/session', { username, password });
export const setUp = (username: string, password: string) => call('POST', '/api/setup', { username, password });
export async function signOut(): Promise<void> {
  await call('DELETE', '/api/session').catch(() => undefined);
  sessionEnded();
}

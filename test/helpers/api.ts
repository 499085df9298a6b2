/**
 * Calls the HTTP API as a signed-in account. Every /api route needs a session (issue 10):
 * tests sign in through the real login route and send the session cookie and CSRF token
 * with each request. The first account of a store owns everything imported without an
 * account; later accounts get the roles given in `roles` (person id → role).
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Vessel } from '../../src/app/vessel.js';
import { createAccount } from '../../src/auth/accounts.js';
import type { Role } from '../../src/store/accounts.js';

export type Inject = (opts: InjectOptions | string) => Promise<LightMyRequestResponse>;

export interface SignInOptions {
  username?: string;
  password?: string;
  /** person id → role, given to the account before it signs in. */
  roles?: Record<string, Role>;
}

export const TEST_PASSWORD = 'correct horse battery staple';

export async function signIn(app: FastifyInstance, vessel: Vessel, opts: SignInOptions = {}): Promise<Inject & { csrfToken: string; cookie: string; accountId: string }> {
  const username = opts.username ?? 'tester';
  const password = opts.password ?? TEST_PASSWORD;
  let account = await vessel.store.accounts.byUsername(username);
  if (!account) await createAccount(vessel.store, username, password);
  account = (await vessel.store.accounts.byUsername(username))!;
  for (const [personId, role] of Object.entries(opts.roles ?? {})) await vessel.store.accounts.grant(account.id, personId, role, null);
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0];
  const csrfToken = res.json().csrfToken as string;
  const first = (await vessel.store.accounts.list()).length === 1;
  const inject = async (o: InjectOptions | string) => {
    // Tests import through the importer directly, as the command line does before any
    // account exists; the first account owns those imports (as createAccount's rule gives
    // it everything imported before it), also ones made after it signed in.
    if (first) for (const personId of await vessel.store.accounts.unclaimedPeople()) await vessel.store.accounts.grant(account!.id, personId, 'owner', null);
    const opts2: InjectOptions = typeof o === 'string' ? { method: 'GET', url: o } : { ...o };
    opts2.headers = { ...(opts2.headers ?? {}), cookie, 'x-csrf-token': csrfToken };
    return app.inject(opts2);
  };
  return Object.assign(inject, { csrfToken, cookie, accountId: account.id });
}

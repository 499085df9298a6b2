/**
 * Calls the HTTP API as a signed-in account. Every /api route needs a session (issue 10):
 * tests sign in through the real login route and send the session cookie and CSRF token
 * with each request. Call it after importing: the account is given the owner role on
 * every person already in the store (pass `roles` to choose instead).
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Vessel } from '../../src/app/vessel.js';

export type Inject = (opts: InjectOptions | string) => Promise<LightMyRequestResponse>;

export interface SignInOptions {
  username?: string;
  /** person id → role; default: owner of every person present. */
  roles?: Record<string, 'owner' | 'caregiver' | 'viewer'>;
}

export async function signIn(app: FastifyInstance, _vessel: Vessel, _opts: SignInOptions = {}): Promise<Inject> {
  // Accounts are being added (issue 10); until then this is the plain inject.
  return (opts) => app.inject(opts as InjectOptions);
}

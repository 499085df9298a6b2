/**
 * Passkey routes (issue 10), registered by the auth plugin (src/server/auth.ts) so they share
 * its sign-in rate limit and session cookie:
 *   GET    /api/passkeys                        the signed-in account's passkeys
 *   POST   /api/passkeys/registration-options   options for navigator.credentials.create
 *   POST   /api/passkeys {response, name?}      keep the passkey the browser made
 *   DELETE /api/passkeys/:id                    remove one of the account's passkeys
 *   POST   /api/session/passkey-options {username?}  options for navigator.credentials.get
 *   POST   /api/session/passkey {response}      sign in with a passkey (sets the session cookie)
 * Every sign-in failure answers 401 "passkey sign-in failed", whichever check refused it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Vessel } from '../app/vessel.js';
import { Passkeys } from '../auth/passkeys.js';
import { relyingParty } from '../auth/relying-party.js';
import type { LoginLimiter } from '../auth/rate-limit.js';
import type { NewSession } from '../auth/accounts.js';
import { outcome } from './errors.js';

export interface PasskeyRouteDeps {
  vessel: Vessel;
  secure: boolean;
  limiter: LoginLimiter;
  /** Sets the session cookie and answers like POST /api/session. */
  signedIn(reply: FastifyReply, s: NewSession): unknown;
  /** Turns an AuthError into its answer (rethrows anything else). */
  fail(reply: FastifyReply, err: unknown): unknown;
}

export function passkeyRoutes(app: FastifyInstance, deps: PasskeyRouteDeps): void {
  const { vessel } = deps;
  // The port is the one actually served (a test server listens on port 0).
  const rp = () => {
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : vessel.config.port;
    return relyingParty({ configured: vessel.config.origin, host: vessel.config.host, port, secure: deps.secure });
  };
  // A wrong VESSEL_ORIGIN stops the server at start, not the first passkey request.
  if (vessel.config.origin) relyingParty({ configured: vessel.config.origin, host: vessel.config.host, port: vessel.config.port, secure: deps.secure });
  const passkeys = new Passkeys(vessel.store, rp, vessel.key);
  const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'], origin: typeof req.headers.origin === 'string' ? req.headers.origin : undefined });
  const wait = (req: FastifyRequest, reply: FastifyReply) => {
    const ms = deps.limiter.check(req.ip);
    if (!ms) return undefined;
    reply.header('Retry-After', String(Math.ceil(ms / 1000)));
    return reply.status(429).send(outcome('too_many', `too many sign-in attempts from here; try again in ${Math.ceil(ms / 1000)} seconds`));
  };

  app.get('/api/passkeys', { config: { access: 'account' } }, async (req) => passkeys.list(req.auth!.account));

  app.post('/api/passkeys/registration-options', { config: { access: 'account' } }, async (req) => passkeys.registrationOptions(req.auth!.account, meta(req)));

  app.post<{ Body: { response?: unknown; name?: unknown } }>('/api/passkeys', { config: { access: 'account' } }, async (req, reply) => {
    try {
      return await passkeys.register(req.auth!.account, req.body?.response, req.body?.name, meta(req));
    } catch (err) {
      return deps.fail(reply, err);
    }
  });

  app.delete<{ Params: { id: string } }>('/api/passkeys/:id', { config: { access: 'account' } }, async (req, reply) => {
    try {
      await passkeys.remove(req.auth!.account, req.params.id, meta(req));
      return passkeys.list(req.auth!.account);
    } catch (err) {
      return deps.fail(reply, err);
    }
  });

  app.post<{ Body: { username?: unknown } }>('/api/session/passkey-options', { config: { access: 'public' } }, async (req, reply) => {
    return wait(req, reply) ?? passkeys.signInOptions(req.body?.username, meta(req));
  });

  app.post<{ Body: { response?: unknown } }>('/api/session/passkey', { config: { access: 'public' } }, async (req, reply) => {
    const limited = wait(req, reply);
    if (limited) return limited;
    try {
      const s = await passkeys.signIn(req.body?.response, meta(req));
      deps.limiter.succeeded(req.ip);
      return deps.signedIn(reply, s);
    } catch (err) {
      deps.limiter.failed(req.ip);
      return deps.fail(reply, err);
    }
  });
}

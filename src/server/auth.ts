/**
 * Sign-in and least access for the HTTP API (issue 10). One plugin:
 * - every /api route must declare `config.access` (src/server/access.ts) or the server does
 *   not start — a route someone forgot cannot be open by accident;
 * - the session cookie (httpOnly, SameSite=Lax, Secure over TLS) is resolved on each request;
 *   no session → 401 on everything but 'public' routes;
 * - state-changing requests must carry the session's CSRF token in `X-CSRF-Token`;
 * - person-scoped routes check the account's role on that person: no role → 404 (the same
 *   answer as for an id that does not exist), a viewer changing something → 403;
 * - views of a record are audited (once per account, record and page kind per 10 minutes).
 * Routes for the session itself, first-run setup, roles and the audit trail live here too.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, FastifyReply } from 'fastify';
import type { Vessel } from '../app/vessel.js';
import type { Account, Role } from '../store/accounts.js';
import { ROLES } from '../store/accounts.js';
import type { Access } from './access.js';
import { ApiError, outcome } from './errors.js';
import { AuthError, createAccount, pruneSessions, sessionFor, setRole, signIn, signOut, type NewSession, type Session } from '../auth/accounts.js';
import { LoginLimiter } from '../auth/rate-limit.js';
import { passkeyRoutes } from './passkeys.js';

export const SESSION_COOKIE = 'vessel_session';

/** What a signed-in request may reach; set on every request that has a valid session. */
export interface RequestAuth {
  session: Session;
  account: Account;
  roles: Map<string, Role>;
  /** People the account may read, for routes that list across the household. */
  readable(): string[];
}

declare module 'fastify' {
  interface FastifyRequest {
    auth?: RequestAuth;
  }
  interface FastifyInstance {
    /** Every /api route with its declared access, for the access tests and documentation. */
    apiRoutes: Array<{ method: string; url: string; access: Access }>;
  }
}

const WRITE_ROLES: Role[] = ['owner', 'caregiver'];
const READ_ONLY = new Set(['GET', 'HEAD']);

function cookie(req: FastifyRequest, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function authStatus(err: AuthError): number {
  return { bad_request: 400, unauthorized: 401, locked: 429, conflict: 409, not_found: 404, forbidden: 403 }[err.key];
}

export interface AuthPluginOptions {
  vessel: Vessel;
  /** Serve cookies with Secure (set when the server speaks TLS). */
  secure: boolean;
}

export async function authPlugin(app: FastifyInstance, opts: AuthPluginOptions): Promise<void> {
  const { store } = opts.vessel;
  const limiter = new LoginLimiter();
  const viewed = new Map<string, number>();

  app.decorate('apiRoutes', [] as FastifyInstance['apiRoutes']);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (!access) throw new Error(`route ${String(route.method)} ${route.url} declares no access (config.access, see src/server/access.ts)`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') app.apiRoutes.push({ method, url: route.url, access });
  });


  const sessionCookie = (value: string, maxAgeSeconds: number) =>
    `${SESSION_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${opts.secure ? '; Secure' : ''}`;

  // --- every request: who is it, and may they? -------------------------------------------
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    const access = req.routeOptions.config?.access;
    const token = cookie(req, SESSION_COOKIE);
    const session = token ? await sessionFor(store, token) : undefined;
    if (session) {
      const roles = await store.accounts.rolesOf(session.account.id);
      req.auth = { session, account: session.account, roles, readable: () => [...roles.keys()] };
    }
    if (!access || access === 'public') return;
    if (!req.auth) return deny(reply, 401, 'unauthorized', 'sign in first');
    if (!READ_ONLY.has(req.method) && !(typeof req.headers['x-csrf-token'] === 'string' && sameToken(req.headers['x-csrf-token'], req.auth.session.csrfToken))) {
      return deny(reply, 403, 'forbidden', 'missing or wrong X-CSRF-Token header (reload the page)');
    }
    if (access === 'account') return;
    const target = await ownerOf(access, req);
    const write = !READ_ONLY.has(req.method);
    const decision = decide(req.auth, target, write);
    if (decision === 'not_found') return deny(reply, 404, 'not_found', `no such ${access === 'person-query' ? 'person' : access}`);
    if (decision === 'forbidden') return deny(reply, 403, 'forbidden', 'you can view this record but not change it');
  });

  // Views of a record are audited: who looked at which record, when, from where.
  app.addHook('onResponse', async (req, reply) => {
    const a = req.auth;
    const access = req.routeOptions.config?.access;
    if (!a || !READ_ONLY.has(req.method) || reply.statusCode >= 400 || !access || access === 'public' || access === 'account') return;
    const personId = (req as FastifyRequest & { targetPerson?: string }).targetPerson;
    if (!personId) return;
    const key = `${a.account.id}|${personId}|${req.routeOptions.url}`;
    const now = Date.now();
    if ((viewed.get(key) ?? 0) > now - 10 * 60_000) return;
    viewed.set(key, now);
    if (viewed.size > 10_000) viewed.clear();
    await store.audit.record({ actor: a.account.username, accountId: a.account.id, action: 'record.view', personId, target: req.routeOptions.url, ip: req.ip }).catch((err) => req.log.error(err));
  });

  type Target = { personId?: string; scope?: string; accountId?: string } | undefined;

  /** The person (or, for documents not yet attached, the uploading account) a route's target belongs to. */
  async function ownerOf(access: Access, req: FastifyRequest): Promise<Target> {
    const params = (req.params ?? {}) as Record<string, string | undefined>;
    const query = (req.query ?? {}) as Record<string, string | undefined>;
    const id = params.id;
    let t: Target;
    switch (access) {
      case 'person':
        t = id ? { personId: id } : undefined;
        break;
      case 'person-query':
        if (!query.person) throw new ApiError('bad_request', 'give the person as ?person=<id>');
        t = { personId: query.person };
        break;
      case 'document': {
        const d = id ? await store.documents.get(id) : undefined;
        t = d ? { personId: d.personId, scope: d.scope } : undefined;
        break;
      }
      case 'resource': {
        const r = id ? await store.resources.get(id) : undefined;
        const d = r && !r.personId ? await store.documents.get(r.documentId) : undefined;
        t = r ? { personId: r.personId, scope: d?.scope } : undefined;
        break;
      }
      case 'share': {
        const s = id ? await store.db.selectFrom('shares').select('person_id').where('id', '=', id).executeTakeFirst() : undefined;
        t = s ? { personId: s.person_id } : undefined;
        break;
      }
      case 'connection': {
        const c = id ? await store.db.selectFrom('smart_connections').select('account_id').where('id', '=', id).executeTakeFirst() : undefined;
        t = c ? { accountId: c.account_id ?? undefined } : undefined;
        break;
      }
      default:
        t = undefined;
    }
    if (t?.personId) (req as FastifyRequest & { targetPerson?: string }).targetPerson = t.personId;
    return t;
  }

  function decide(a: RequestAuth, t: Target, write: boolean): 'ok' | 'not_found' | 'forbidden' {
    if (!t) return 'not_found';
    if (t.personId) {
      const role = a.roles.get(t.personId);
      if (!role) return 'not_found';
      return write && !WRITE_ROLES.includes(role) ? 'forbidden' : 'ok';
    }
    // Not attached to anyone yet: only the account that brought it in.
    if (t.scope !== undefined) return t.scope === a.account.id ? 'ok' : 'not_found';
    if (t.accountId !== undefined) return t.accountId === a.account.id ? 'ok' : 'not_found';
    return 'not_found';
  }

  function deny(reply: FastifyReply, status: number, key: 'unauthorized' | 'forbidden' | 'not_found', message: string) {
    return reply.status(status).send(outcome(key, message));
  }

  const fail = (reply: FastifyReply, err: unknown) => {
    if (err instanceof AuthError) return reply.status(authStatus(err)).send(outcome(err.key === 'locked' ? 'too_many' : err.key, err.message));
    throw err;
  };

  const signedIn = (reply: FastifyReply, s: NewSession) => {
    reply.header('Set-Cookie', sessionCookie(s.token, 30 * 24 * 3600));
    return { signedIn: true, account: { id: s.account.id, username: s.account.username }, csrfToken: s.csrfToken };
  };

  // --- the session -----------------------------------------------------------------------
  app.get('/api/session', { config: { access: 'public' } }, async (req) => {
    const a = req.auth;
    const accounts = await store.accounts.count();
    if (!a) return { signedIn: false, setupNeeded: accounts === 0 };
    return { signedIn: true, setupNeeded: false, account: { id: a.account.id, username: a.account.username }, csrfToken: a.session.csrfToken, roles: Object.fromEntries(a.roles) };
  });

  app.post<{ Body: { username?: unknown; password?: unknown } }>('/api/session', { config: { access: 'public' } }, async (req, reply) => {
    const wait = limiter.check(req.ip);
    if (wait) {
      reply.header('Retry-After', String(Math.ceil(wait / 1000)));
      return reply.status(429).send(outcome('too_many', `too many sign-in attempts from here; try again in ${Math.ceil(wait / 1000)} seconds`));
    }
    try {
      const s = await signIn(store, req.body?.username, req.body?.password, { ip: req.ip, userAgent: req.headers['user-agent'] });
      limiter.succeeded(req.ip);
      return signedIn(reply, s);
    } catch (err) {
      limiter.failed(req.ip);
      return fail(reply, err);
    }
  });

  // Passkeys: registering (signed in) and signing in with one (src/server/passkeys.ts).
  passkeyRoutes(app, { vessel: opts.vessel, secure: opts.secure, limiter, signedIn, fail });

  app.delete('/api/session', { config: { access: 'account' } }, async (req, reply) => {
    await signOut(store, req.auth!.session, req.ip);
    reply.header('Set-Cookie', sessionCookie('', 0));
    return { signedIn: false };
  });

  /** The account's own sign-ins, failed attempts and passkey changes: what a user checks after losing a device. */
  app.get('/api/account/activity', { config: { access: 'account' } }, async (req) =>
    store.audit.ofAccount(req.auth!.account.id, ['login', 'login.failed', 'login.locked', 'logout', 'passkey.add', 'passkey.remove', 'account.password'], 30),
  );

  /** First run: the first account can be made from the browser; after that only by an owner's CLI. */
  app.post<{ Body: { username?: unknown; password?: unknown } }>('/api/setup', { config: { access: 'public' } }, async (req, reply) => {
    if ((await store.accounts.count()) > 0) return reply.status(409).send(outcome('conflict', 'Vessel is set up already; sign in instead'));
    try {
      const account = await createAccount(store, req.body?.username, req.body?.password);
      await store.audit.record({ actor: account.username, accountId: account.id, action: 'account.create', detail: { first: true }, ip: req.ip });
      const s = await signIn(store, req.body?.username, req.body?.password, { ip: req.ip, userAgent: req.headers['user-agent'] });
      reply.header('Set-Cookie', sessionCookie(s.token, 30 * 24 * 3600));
      return { signedIn: true, account: { id: account.id, username: account.username }, csrfToken: s.csrfToken };
    } catch (err) {
      return fail(reply, err);
    }
  });

  // --- roles on a person's record ----------------------------------------------------------
  app.get<{ Params: { id: string } }>('/api/people/:id/roles', { config: { access: 'person' } }, async (req) => store.accounts.rolesOn(req.params.id));

  app.put<{ Params: { id: string; username: string }; Body: { role?: unknown } }>('/api/people/:id/roles/:username', { config: { access: 'person' } }, async (req, reply) => {
    const role = req.body?.role;
    if (!ROLES.includes(role as Role)) throw new ApiError('bad_request', `role is one of ${ROLES.join(', ')}`);
    try {
      await setRole(store, req.auth!.account, req.params.id, req.params.username, role as Role, req.ip);
      return store.accounts.rolesOn(req.params.id);
    } catch (err) {
      return fail(reply, err);
    }
  });

  app.delete<{ Params: { id: string; username: string } }>('/api/people/:id/roles/:username', { config: { access: 'person' } }, async (req, reply) => {
    try {
      await setRole(store, req.auth!.account, req.params.id, req.params.username, null, req.ip);
      return store.accounts.rolesOn(req.params.id);
    } catch (err) {
      return fail(reply, err);
    }
  });

  // --- the audit trail: who looked at or did what with this record ---------------------------
  app.get<{ Params: { id: string }; Querystring: { limit?: string } }>('/api/people/:id/audit', { config: { access: 'person' } }, async (req) => {
    const limit = Math.min(Math.max(Number(req.query.limit) || 200, 1), 1000);
    return store.audit.list(req.params.id, limit);
  });

  const timer = setInterval(() => void pruneSessions(store).catch(() => {}), 3600_000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}

// Its hooks must reach every route of the server, not just this plugin's own (what the
// fastify-plugin package does, by the same symbol).
(authPlugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;

/** Who did it, for the audit trail: the signed-in account. */
export function actorOf(req: FastifyRequest): { actor: string; accountId?: string } {
  return req.auth ? { actor: req.auth.account.username, accountId: req.auth.account.id } : { actor: 'anonymous' };
}

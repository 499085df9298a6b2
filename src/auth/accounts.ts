/**
 * Accounts and sign-in (issue 10): creating accounts, checking passwords with lockout,
 * sessions, and handing out roles on people's records. The HTTP layer (src/server/auth.ts)
 * and the CLI (`vessel user …`) both call these; nothing here knows about either.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../store/store.js';
import type { Account, Role } from '../store/accounts.js';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './password.js';

export const SESSION_IDLE_MS = 12 * 3600_000;
export const SESSION_MAX_MS = 30 * 24 * 3600_000;
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;

export class AuthError extends Error {
  constructor(
    readonly key: 'bad_request' | 'unauthorized' | 'locked' | 'conflict' | 'not_found' | 'forbidden',
    message: string,
  ) {
    super(message);
  }
}

export function normalizeUsername(name: unknown): string {
  if (typeof name !== 'string') throw new AuthError('bad_request', 'give a username');
  const u = name.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._@-]{1,63}$/.test(u)) throw new AuthError('bad_request', 'a username is 2–64 letters, digits or . _ @ - (starting with a letter or digit)');
  return u;
}

export const sha256Hex = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Creates an account. The first account of an install also becomes the owner of everything
 * imported before accounts existed (people no one has a role on, command-line documents).
 */
export async function createAccount(store: Store, usernameIn: unknown, password: unknown): Promise<Account> {
  const username = normalizeUsername(usernameIn);
  const problem = passwordProblem(password);
  if (problem) throw new AuthError('bad_request', `password: ${problem}`);
  const hash = await hashPassword(password as string);
  return store.withPeopleLock(async (tx) => {
    if (await tx.accounts.byUsername(username)) throw new AuthError('conflict', `there is already an account named ${username}`);
    const first = (await tx.accounts.count()) === 0;
    const account = await tx.accounts.create(username, hash);
    if (first) {
      for (const personId of await tx.accounts.unclaimedPeople()) await tx.accounts.grant(account.id, personId, 'owner', null);
      await tx.db.updateTable('documents').set({ scope: account.id }).where('scope', '=', '').execute();
      await tx.db.updateTable('smart_connections').set({ account_id: account.id }).where('account_id', 'is', null).execute();
    }
    return account;
  });
}

export async function changePassword(store: Store, usernameIn: unknown, password: unknown): Promise<Account> {
  const account = await store.accounts.byUsername(normalizeUsername(usernameIn));
  if (!account) throw new AuthError('not_found', 'no such account');
  const problem = passwordProblem(password);
  if (problem) throw new AuthError('bad_request', `password: ${problem}`);
  await store.accounts.setPassword(account.id, await hashPassword(password as string));
  return account;
}

export interface NewSession {
  token: string;
  csrfToken: string;
  account: Account;
  expiresAt: string;
}

/**
 * Checks a username and password. Five failures in a row lock the account for 15 minutes
 * (also against the right password); an unknown name costs the same time as a known one.
 */
export async function signIn(store: Store, usernameIn: unknown, password: unknown, meta: { ip?: string; userAgent?: string; now?: Date } = {}): Promise<NewSession> {
  const now = meta.now ?? new Date();
  let username: string;
  try {
    username = normalizeUsername(usernameIn);
  } catch {
    throw new AuthError('unauthorized', 'wrong username or password');
  }
  const pw = typeof password === 'string' ? password : '';
  const account = await store.accounts.byUsername(username);
  if (!account) {
    await verifyPassword(pw, await decoyHash());
    await store.audit.record({ actor: username, action: 'login.failed', detail: { reason: 'unknown account' }, ip: meta.ip });
    throw new AuthError('unauthorized', 'wrong username or password');
  }
  await refuseIfLocked(store, account, { ip: meta.ip, now });
  if (!(await verifyPassword(pw, account.passwordHash))) {
    await recordFailure(store, account, { ip: meta.ip, now });
    throw new AuthError('unauthorized', 'wrong username or password');
  }
  const { passwordHash: _omit, ...plain } = account;
  return startSession(store, plain, { ...meta, now });
}

/**
 * Refuses an account that is locked after too many failed sign-ins (password or passkey),
 * auditing the attempt.
 */
export async function refuseIfLocked(store: Store, account: Account, meta: { ip?: string; now?: Date }): Promise<void> {
  const now = meta.now ?? new Date();
  if (!account.lockedUntil || account.lockedUntil <= now.toISOString()) return;
  await store.audit.record({ actor: account.username, accountId: account.id, action: 'login.locked', ip: meta.ip });
  const minutes = Math.ceil((Date.parse(account.lockedUntil) - now.getTime()) / 60_000);
  throw new AuthError('locked', `too many failed sign-ins: this account is locked for ${minutes} more minute${minutes === 1 ? '' : 's'}`);
}

/** Counts a failed sign-in against the account; the fifth in a row locks it for 15 minutes. */
export async function recordFailure(store: Store, account: Account, meta: { ip?: string; now?: Date; detail?: Record<string, unknown> }): Promise<void> {
  const now = meta.now ?? new Date();
  const failures = account.failedLogins + 1;
  const lockedUntil = failures >= LOCK_AFTER_FAILURES ? new Date(now.getTime() + LOCK_MS).toISOString() : null;
  await store.accounts.recordFailedLogin(account.id, lockedUntil);
  await store.audit.record({ actor: account.username, accountId: account.id, action: 'login.failed', detail: { failures, ...meta.detail }, ip: meta.ip });
}

/** A successful sign-in (password or passkey): clears the failure count, opens a session, audits it. */
export async function startSession(store: Store, account: Account, meta: { ip?: string; userAgent?: string; now?: Date; detail?: Record<string, unknown> }): Promise<NewSession> {
  const now = meta.now ?? new Date();
  await store.accounts.resetFailedLogins(account.id);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS).toISOString();
  await store.accounts.createSession({ tokenHash: sha256Hex(token), accountId: account.id, csrfToken, expiresAt, ip: meta.ip, userAgent: meta.userAgent });
  await store.audit.record({ actor: account.username, accountId: account.id, action: 'login', detail: meta.detail, ip: meta.ip });
  return { token, csrfToken, account: { ...account, failedLogins: 0, lockedUntil: undefined }, expiresAt };
}

export interface Session {
  account: Account;
  csrfToken: string;
  tokenHash: string;
}

/** The session a cookie token stands for, sliding its idle expiry; undefined when expired. */
export async function sessionFor(store: Store, token: string, now = new Date()): Promise<Session | undefined> {
  if (!token || token.length > 100) return undefined;
  const tokenHash = sha256Hex(token);
  const row = await store.accounts.session(tokenHash);
  if (!row) return undefined;
  const nowIso = now.toISOString();
  if (row.expiresAt <= nowIso) {
    await store.accounts.deleteSession(tokenHash);
    return undefined;
  }
  const account = row.account;
  // Slide the idle expiry at most once a minute (a write per request would be wasteful).
  if (now.getTime() - Date.parse(row.lastSeenAt) > 60_000) {
    const expires = Math.min(now.getTime() + SESSION_IDLE_MS, Date.parse(row.createdAt) + SESSION_MAX_MS);
    await store.accounts.touchSession(tokenHash, nowIso, new Date(expires).toISOString());
  }
  return { account, csrfToken: row.csrfToken, tokenHash };
}

export async function signOut(store: Store, session: Session, ip?: string): Promise<void> {
  await store.accounts.deleteSession(session.tokenHash);
  await store.audit.record({ actor: session.account.username, accountId: session.account.id, action: 'logout', ip });
}

/**
 * Gives `username` a role on a person's record (or takes it away with role null). Only an
 * owner may; the last owner cannot be removed, so a record is never left without one.
 */
export async function setRole(store: Store, by: Account | 'local', personId: string, usernameIn: unknown, role: Role | null, ip?: string): Promise<void> {
  const target = await store.accounts.byUsername(normalizeUsername(usernameIn));
  if (!target) throw new AuthError('not_found', 'no account by that name');
  await store.withPeopleLock(async (tx) => {
    const roles = await tx.accounts.rolesOn(personId);
    if (by !== 'local' && roles.find((r) => r.accountId === by.id)?.role !== 'owner') throw new AuthError('forbidden', 'only an owner of this record can change who has access');
    const owners = roles.filter((r) => r.role === 'owner');
    if (owners.length === 1 && owners[0].accountId === target.id && role !== 'owner') throw new AuthError('conflict', 'a record needs at least one owner: make someone else owner first');
    if (role) await tx.accounts.grant(target.id, personId, role, by === 'local' ? null : by.id);
    else await tx.accounts.revoke(target.id, personId);
    await tx.audit.record({ actor: by === 'local' ? 'local' : by.username, accountId: by === 'local' ? undefined : by.id, action: 'role.change', personId, target: target.username, detail: { role }, ip });
  });
}

/** Removes sessions past their expiry (called now and then by the server). */
export async function pruneSessions(store: Store): Promise<void> {
  await store.accounts.deleteExpiredSessions(new Date().toISOString());
}

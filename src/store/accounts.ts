/**
 * Accounts, their sessions and their roles on people's records (issue 10). Storage only:
 * password hashing, lockout and the rules of who may do what live in src/auth.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AccountsTable, Database } from './schema.js';
import { nowIso } from '../core/time.js';

export type Role = 'owner' | 'caregiver' | 'viewer';
export const ROLES: readonly Role[] = ['owner', 'caregiver', 'viewer'];

export interface Account {
  id: string;
  username: string;
  failedLogins: number;
  lockedUntil?: string;
  createdAt: string;
}

export interface SessionRow {
  accountId: string;
  /** The signed-in account, read with the session (one query per request, not two). */
  account: Account;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

function rowToAccount(r: AccountsTable): Account {
  return { id: r.id, username: r.username, failedLogins: Number(r.failed_logins), lockedUntil: r.locked_until ?? undefined, createdAt: r.created_at };
}

export class AccountsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async count(): Promise<number> {
    const r = await this.db.selectFrom('accounts').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async create(username: string, passwordHash: string, db: Kysely<Database> = this.db): Promise<Account> {
    const now = nowIso();
    const row: AccountsTable = { id: randomUUID(), username, password_hash: passwordHash, failed_logins: 0, locked_until: null, created_at: now, password_changed_at: now };
    await db.insertInto('accounts').values(row).execute();
    return rowToAccount(row);
  }

  async list(): Promise<Account[]> {
    return (await this.db.selectFrom('accounts').selectAll().orderBy('username').execute()).map(rowToAccount);
  }

  async get(id: string): Promise<Account | undefined> {
    const r = await this.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? rowToAccount(r) : undefined;
  }

  /** The account and its password hash, for signing in. */
  async byUsername(username: string): Promise<(Account & { passwordHash: string }) | undefined> {
    const r = await this.db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
    return r ? { ...rowToAccount(r), passwordHash: r.password_hash } : undefined;
  }

  /** A new password ends every session of the account. */
  async setPassword(accountId: string, passwordHash: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('accounts').set({ password_hash: passwordHash, password_changed_at: nowIso(), failed_logins: 0, locked_until: null }).where('id', '=', accountId).execute();
      await trx.deleteFrom('sessions').where('account_id', '=', accountId).execute();
    });
  }

  async recordFailedLogin(accountId: string, lockedUntil: string | null): Promise<void> {
    await this.db
      .updateTable('accounts')
      .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1), locked_until: lockedUntil }))
      .where('id', '=', accountId)
      .execute();
  }

  async resetFailedLogins(accountId: string): Promise<void> {
    await this.db.updateTable('accounts').set({ failed_logins: 0, locked_until: null }).where('id', '=', accountId).execute();
  }

  // --- sessions -------------------------------------------------------------------------

  async createSession(s: { tokenHash: string; accountId: string; csrfToken: string; expiresAt: string; ip?: string; userAgent?: string }): Promise<void> {
    const now = nowIso();
    await this.db
      .insertInto('sessions')
      .values({ token_hash: s.tokenHash, account_id: s.accountId, csrf_token: s.csrfToken, created_at: now, expires_at: s.expiresAt, last_seen_at: now, ip: s.ip ?? null, user_agent: s.userAgent?.slice(0, 300) ?? null })
      .execute();
  }

  async session(tokenHash: string): Promise<SessionRow | undefined> {
    const r = await this.db
      .selectFrom('sessions')
      .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
      .select(['sessions.account_id', 'sessions.csrf_token', 'sessions.created_at as session_created_at', 'sessions.expires_at', 'sessions.last_seen_at'])
      .select(['accounts.id', 'accounts.username', 'accounts.password_hash', 'accounts.failed_logins', 'accounts.locked_until', 'accounts.created_at', 'accounts.password_changed_at'])
      .where('sessions.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!r) return undefined;
    return { accountId: r.account_id, account: rowToAccount(r), csrfToken: r.csrf_token, createdAt: r.session_created_at, expiresAt: r.expires_at, lastSeenAt: r.last_seen_at };
  }

  async touchSession(tokenHash: string, lastSeenAt: string, expiresAt: string): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteExpiredSessions(now: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  }

  // --- roles ------------------------------------------------------------------------------

  /** person id → role, for every person the account may see. */
  async rolesOf(accountId: string): Promise<Map<string, Role>> {
    const rows = await this.db.selectFrom('person_roles').select(['person_id', 'role']).where('account_id', '=', accountId).execute();
    return new Map(rows.map((r) => [r.person_id, r.role as Role]));
  }

  async roleOn(accountId: string, personId: string): Promise<Role | undefined> {
    const r = await this.db.selectFrom('person_roles').select('role').where('account_id', '=', accountId).where('person_id', '=', personId).executeTakeFirst();
    return r?.role as Role | undefined;
  }

  /** Who has which role on a person's record. */
  async rolesOn(personId: string): Promise<Array<{ accountId: string; username: string; role: Role; grantedAt: string }>> {
    const rows = await this.db
      .selectFrom('person_roles')
      .innerJoin('accounts', 'accounts.id', 'person_roles.account_id')
      .select(['person_roles.account_id', 'accounts.username', 'person_roles.role', 'person_roles.granted_at'])
      .where('person_roles.person_id', '=', personId)
      .orderBy('accounts.username')
      .execute();
    return rows.map((r) => ({ accountId: r.account_id, username: r.username, role: r.role as Role, grantedAt: r.granted_at }));
  }

  async grant(accountId: string, personId: string, role: Role, grantedBy: string | null, db: Kysely<Database> = this.db): Promise<void> {
    await db
      .insertInto('person_roles')
      .values({ account_id: accountId, person_id: personId, role, granted_at: nowIso(), granted_by: grantedBy })
      .onConflict((oc) => oc.columns(['account_id', 'person_id']).doUpdateSet({ role, granted_at: nowIso(), granted_by: grantedBy }))
      .execute();
  }

  async revoke(accountId: string, personId: string): Promise<void> {
    await this.db.deleteFrom('person_roles').where('account_id', '=', accountId).where('person_id', '=', personId).execute();
  }

  /** People no account has a role on (imported before any account existed). */
  async unclaimedPeople(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('people')
      .select('id')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('person_roles').select('person_id').whereRef('person_roles.person_id', '=', 'people.id'))))
      .execute();
    return rows.map((r) => r.id);
  }
}

/**
 * Passkeys and WebAuthn challenges (issue 10). Storage only: the ceremonies and the rules
 * (who may register, lockout, audit) live in src/auth/passkeys.ts.
 */
import type { Kysely } from 'kysely';
import type { Database, PasskeysTable } from './schema.js';
import { nowIso } from '../core/time.js';

export interface Passkey {
  /** The credential id, base64url. */
  id: string;
  accountId: string;
  name: string;
  publicKey: string;
  counter: number;
  transports: string[];
  deviceType: string;
  backedUp: boolean;
  createdAt: string;
  lastUsedAt?: string;
}

export type ChallengePurpose = 'register' | 'sign-in';

function rowToPasskey(r: PasskeysTable): Passkey {
  return {
    id: r.id,
    accountId: r.account_id,
    name: r.name,
    publicKey: r.public_key,
    counter: Number(r.counter),
    transports: JSON.parse(r.transports) as string[],
    deviceType: r.device_type,
    backedUp: Number(r.backed_up) === 1,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at ?? undefined,
  };
}

export class PasskeysRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async add(p: Omit<Passkey, 'createdAt' | 'lastUsedAt'>): Promise<Passkey> {
    const row: PasskeysTable = {
      id: p.id,
      account_id: p.accountId,
      name: p.name,
      public_key: p.publicKey,
      counter: p.counter,
      transports: JSON.stringify(p.transports),
      device_type: p.deviceType,
      backed_up: p.backedUp ? 1 : 0,
      created_at: nowIso(),
      last_used_at: null,
    };
    await this.db.insertInto('passkeys').values(row).execute();
    return rowToPasskey(row);
  }

  async get(id: string): Promise<Passkey | undefined> {
    const r = await this.db.selectFrom('passkeys').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? rowToPasskey(r) : undefined;
  }

  async ofAccount(accountId: string): Promise<Passkey[]> {
    return (await this.db.selectFrom('passkeys').selectAll().where('account_id', '=', accountId).orderBy('created_at').orderBy('id').execute()).map(rowToPasskey);
  }

  /** account id → number of passkeys, for the accounts listing. */
  async countByAccount(): Promise<Map<string, number>> {
    const rows = await this.db.selectFrom('passkeys').select(['account_id', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('account_id').execute();
    return new Map(rows.map((r) => [r.account_id, Number(r.n)]));
  }

  /** Removes one of the account's passkeys; false when it has none by that id. */
  async remove(accountId: string, id: string): Promise<boolean> {
    const res = await this.db.deleteFrom('passkeys').where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
    return Number(res.numDeletedRows ?? 0) > 0;
  }

  /**
   * Records a use: the new signature counter, only if it still is what the check was made
   * against (two sign-ins racing with the same assertion cannot both pass).
   */
  async used(id: string, expectedCounter: number, newCounter: number): Promise<boolean> {
    const res = await this.db.updateTable('passkeys').set({ counter: newCounter, last_used_at: nowIso() }).where('id', '=', id).where('counter', '=', expectedCounter).executeTakeFirst();
    return Number(res.numUpdatedRows ?? 0) > 0;
  }

  // --- challenges --------------------------------------------------------------------------

  async addChallenge(challenge: string, purpose: ChallengePurpose, accountId: string | null, expiresAt: string): Promise<void> {
    const now = nowIso();
    // Expired challenges are garbage; clear them as new ones are made.
    await this.db.deleteFrom('webauthn_challenges').where('expires_at', '<', now).execute();
    await this.db.insertInto('webauthn_challenges').values({ challenge, purpose, account_id: accountId, expires_at: expiresAt }).execute();
  }

  /**
   * Takes a challenge for one use: deleted as it is read, so a replay finds nothing. Undefined
   * when it was never given out, was used already, is for another purpose, or has expired.
   */
  async takeChallenge(challenge: string, purpose: ChallengePurpose): Promise<{ accountId: string | null } | undefined> {
    const r = await this.db.deleteFrom('webauthn_challenges').where('challenge', '=', challenge).where('purpose', '=', purpose).returning(['account_id', 'expires_at']).executeTakeFirst();
    if (!r || r.expires_at <= nowIso()) return undefined;
    return { accountId: r.account_id };
  }
}

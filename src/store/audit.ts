/** Audit trail: who did what to which record, when and from where. Append-only. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { nowIso } from '../core/time.js';

export interface AuditEvent {
  /** Who, in words: the account's username, 'local' for the command line, 'share-recipient'. */
  actor: string;
  accountId?: string;
  action: string;
  personId?: string;
  target?: string;
  detail?: Record<string, unknown>;
  ip?: string;
}

export class AuditRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async record(e: AuditEvent): Promise<void> {
    await this.db
      .insertInto('audit_events')
      .values({ at: nowIso(), actor: e.actor, action: e.action, person_id: e.personId ?? null, target: e.target ?? null, detail_json: JSON.stringify(e.detail ?? {}), ip: e.ip ?? null, account_id: e.accountId ?? null })
      .execute();
  }

  /** An account's own events of these kinds (sign-ins, passkey changes), newest first. */
  async ofAccount(accountId: string, actions: string[], limit = 50) {
    const rows = await this.db.selectFrom('audit_events').selectAll().where('account_id', '=', accountId).where('action', 'in', actions).orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => ({ id: Number(r.id), at: r.at, action: r.action, target: r.target, detail: JSON.parse(r.detail_json) as Record<string, unknown>, ip: r.ip }));
  }

  async list(personId?: string, limit = 200) {
    let q = this.db.selectFrom('audit_events').selectAll();
    if (personId) q = q.where('person_id', '=', personId);
    const rows = await q.orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => ({ id: Number(r.id), at: r.at, actor: r.actor, action: r.action, personId: r.person_id, target: r.target, detail: JSON.parse(r.detail_json), ip: r.ip }));
  }
}

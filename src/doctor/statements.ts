/** The person's own statements (corrections made on the health history form), kept in form_statements. */
import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store.js';
import { nowIso } from '../core/time.js';
import type { Statement } from './snapshot.js';

export async function listStatements(store: Store, personId: string): Promise<Statement[]> {
  const rows = await store.db.selectFrom('form_statements').selectAll().where('person_id', '=', personId).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, section: r.section, field: r.field, value: r.value, createdAt: r.created_at }));
}

/** Adds statements; a later statement on the same section and field replaces the earlier one. */
export async function addStatements(store: Store, personId: string, list: Array<{ section: string; field: string; value: string }>): Promise<Statement[]> {
  const out: Statement[] = [];
  await store.transaction(async (tx) => {
    for (const s of list) {
      await tx.db.deleteFrom('form_statements').where('person_id', '=', personId).where('section', '=', s.section).where('field', '=', s.field).execute();
      const row = { id: randomUUID(), person_id: personId, section: s.section, field: s.field, value: s.value, created_at: nowIso() };
      await tx.db.insertInto('form_statements').values(row).execute();
      out.push({ id: row.id, section: s.section, field: s.field, value: s.value, createdAt: row.created_at });
    }
  });
  return out;
}

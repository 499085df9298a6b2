/**
 * `vessel backup` / `vessel restore`: a consistent, encrypted backup taken while Vessel runs,
 * restorable on a new machine into either dialect (the dump is logical: rows as JSON).
 *
 * Consistency: all tables are read in one snapshot transaction (REPEATABLE READ on
 * PostgreSQL; one read transaction in SQLite's WAL mode), and the vault is append-only, so
 * every original the snapshot names is there to copy.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { sql, type Kysely } from 'kysely';
import type { Vessel } from '../app/vessel.js';
import type { Database } from '../store/schema.js';
import { MAGIC, frame, open, readRecords, seal } from './format.js';

const ROWS_PER_CHUNK = 1000;
/** Restore order: parents before children. Tables added later by migrations go after these. */
const TABLE_ORDER = ['people', 'documents', 'resources', 'provenance', 'pages', 'audit_events'];
/** Not data: migration bookkeeping, search indexes rebuilt on restore, and work in flight (re-queued). */
// The timeline's counts (migrations 0015, 0017) are derived: PostgreSQL's triggers rebuild them as
// the resources are restored, SQLite's are counted after (rebuildDerived), and restoring them too
// would count every resource twice.
const SKIP = (t: string) => t.startsWith('kysely_') || t.includes('_fts') || t === 'jobs' || t === 'timeline_counts' || t === 'timeline_month_counts';

export interface BackupSummary {
  tables: Record<string, number>;
  originals: number;
  bytes: number;
}

async function dataTables(db: Kysely<Database>): Promise<Array<{ name: string; columns: string[] }>> {
  const tables = await db.introspection.getTables();
  const out = tables
    .filter((t) => !t.isView && !SKIP(t.name))
    // Generated search columns (PostgreSQL tsvector) are rebuilt by the database itself.
    .map((t) => ({ name: t.name, columns: t.columns.filter((c) => c.name !== 'tsv').map((c) => c.name) }));
  const rank = (n: string) => (TABLE_ORDER.includes(n) ? TABLE_ORDER.indexOf(n) : TABLE_ORDER.length);
  return out.sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

export async function backup(v: Vessel, file: string): Promise<BackupSummary> {
  const tmp = `${file}.partial`;
  const out = await fsp.open(tmp, 'w', 0o600);
  let bytes = 0;
  const write = async (parts: Buffer[]) => {
    for (const p of parts) {
      await out.write(p);
      bytes += p.length;
    }
  };
  const summary: BackupSummary = { tables: {}, originals: 0, bytes: 0 };
  try {
    await write([MAGIC]);
    const shas: string[] = [];
    let tx = v.store.db.transaction();
    if (v.store.dialect === 'postgres') tx = tx.setIsolationLevel('repeatable read');
    await tx.execute(async (trx) => {
      const tables = await dataTables(trx);
      await write(frame('M', 'manifest', seal(v.key, Buffer.from(JSON.stringify({ createdAt: new Date().toISOString(), dialect: v.store.dialect, tables: tables.map((t) => t.name) })))));
      for (const t of tables) {
        summary.tables[t.name] = 0;
        const cols = sql.join(t.columns.map((c) => sql.ref(c)));
        for (let offset = 0; ; offset += ROWS_PER_CHUNK) {
          const res = await sql<Record<string, unknown>>`SELECT ${cols} FROM ${sql.table(t.name)} ORDER BY 1 LIMIT ${ROWS_PER_CHUNK} OFFSET ${offset}`.execute(trx);
          if (!res.rows.length) break;
          if (t.name === 'documents') for (const r of res.rows) shas.push(String(r.sha256));
          await write(frame('T', t.name, seal(v.key, Buffer.from(res.rows.map((r) => JSON.stringify(r)).join('\n')))));
          summary.tables[t.name] += res.rows.length;
          if (res.rows.length < ROWS_PER_CHUNK) break;
        }
      }
    });
    for (const sha of shas) {
      if (!(await v.vault.has(sha))) continue; // refused files (over the size limit) have no original
      await write(frame('V', sha, await v.vault.sealedBytes(sha))); // its own sealed bytes, also when it sits in a pack
      summary.originals++;
    }
    await write(frame('E', '', Buffer.alloc(0)));
    await out.sync();
  } finally {
    await out.close();
  }
  await fsp.rename(tmp, file);
  summary.bytes = bytes;
  await v.store.audit.record({ actor: 'local', action: 'backup.create', detail: { originals: summary.originals, tables: summary.tables } });
  return summary;
}

/** Restores into an empty store and vault. The key must be the one the backup was made with. */
export async function restore(v: Vessel, file: string): Promise<BackupSummary> {
  const existing = await v.store.documents.list({ limit: 1 });
  if (existing.length || (await v.store.people.list()).length) {
    throw new Error('restore needs an empty Vessel (a new data folder or database); this one already holds records');
  }
  const summary: BackupSummary = { tables: {}, originals: 0, bytes: fs.statSync(file).size };
  const fh = await fsp.open(file, 'r');
  const parents: Array<{ id: string; parent_id: string }> = [];
  let sawEnd = false;
  try {
    await v.store.transaction(async (tx) => {
      for await (const rec of readRecords(fh)) {
        if (rec.kind === 'M') JSON.parse(open(v.key, rec.payload).toString('utf8'));
        else if (rec.kind === 'T' && !SKIP(rec.name)) {
          const rows = open(v.key, rec.payload).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
          if (rec.name === 'documents') {
            // Self-references: insert without the parent, link parents once all are in.
            for (const r of rows) if (r.parent_id) parents.push({ id: String(r.id), parent_id: String(r.parent_id) });
            for (const r of rows) r.parent_id = null;
          }
          for (let i = 0; i < rows.length; i += 100) await tx.db.insertInto(rec.name as never).values(rows.slice(i, i + 100) as never).execute();
          summary.tables[rec.name] = (summary.tables[rec.name] ?? 0) + rows.length;
        } else if (rec.kind === 'V') {
          const dest = v.vault.pathOf(rec.name);
          await fsp.mkdir((await import('node:path')).dirname(dest), { recursive: true, mode: 0o700 });
          await fsp.writeFile(dest, rec.payload, { mode: 0o600 });
          summary.originals++;
        } else if (rec.kind === 'E') sawEnd = true;
      }
      if (!sawEnd) throw new Error('the backup file ends early (truncated)');
      for (const p of parents) await tx.db.updateTable('documents').set({ parent_id: p.parent_id }).where('id', '=', p.id).execute();
      await rebuildDerived(tx.db, v.store.dialect);
    });
  } finally {
    await fh.close();
  }
  // Documents caught mid-processing by the backup are read again.
  for (const d of await v.store.documents.list({ state: 'processing', limit: 1e6 })) await v.queue.enqueue('ingest', { documentId: d.id }, { dedupeKey: `ingest:${d.id}` });
  for (const d of await v.store.documents.list({ state: 'queued', limit: 1e6 })) await v.queue.enqueue('ingest', { documentId: d.id }, { dedupeKey: `ingest:${d.id}` });
  await v.store.audit.record({ actor: 'local', action: 'backup.restore', detail: { originals: summary.originals, tables: summary.tables } });
  return summary;
}

/** Search indexes and sequences are derived data: rebuilt, not restored. */
async function rebuildDerived(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`INSERT INTO pages_fts (rowid, text, document_id, page_no) SELECT rowid, text, document_id, page_no FROM pages`.execute(db);
    await sql`INSERT INTO resources_fts (rowid, text) SELECT rowid, text FROM resources WHERE text <> ''`.execute(db);
    // New resource rows are counted by their writer, not a trigger (migration 0019): count the restored ones.
    await sql`DELETE FROM timeline_counts`.execute(db);
    await sql`INSERT INTO timeline_counts (person_id, resource_type, month, document_id, n)
      SELECT person_id, resource_type, substr(date, 1, 7), document_id, count(*) FROM resources WHERE person_id IS NOT NULL AND date IS NOT NULL GROUP BY 1, 2, 3, 4`.execute(db);
  } else {
    await sql`SELECT setval(pg_get_serial_sequence('audit_events', 'id'), GREATEST((SELECT max(id) FROM audit_events), 1))`.execute(db);
  }
}

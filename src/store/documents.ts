/**
 * Received documents: one row per distinct original per scope (unique by scope + SHA-256),
 * with its state and error. The scope is the account that brought the document in ('' for
 * the command line), so two households uploading the same file never see each other's.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, DocumentsTable } from './schema.js';
import type { Channel, DocumentState, ExtractionIssue, Format } from '../core/types.js';
import { nowIso } from '../core/time.js';
import { idsOrNobody } from './visibility.js';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { prepared } from './sqlite-statements.js';

export interface DocumentRecord {
  id: string;
  sha256: string;
  personId?: string;
  parentId?: string;
  channel: Channel;
  filename: string;
  format: Format;
  size: number;
  state: DocumentState;
  error?: string;
  issues: ExtractionIssue[];
  label: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  /** The account that brought it in; '' for the operator's command-line imports. */
  scope: string;
}

export function rowToDocument(r: DocumentsTable): DocumentRecord {
  return {
    id: r.id,
    sha256: r.sha256,
    personId: r.person_id ?? undefined,
    parentId: r.parent_id ?? undefined,
    channel: r.channel as Channel,
    filename: r.filename,
    format: r.format as Format,
    size: Number(r.size),
    state: r.state as DocumentState,
    error: r.error ?? undefined,
    issues: JSON.parse(r.issues_json),
    label: JSON.parse(r.label_json),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    scope: r.scope,
  };
}

export interface NewDocument {
  sha256: string;
  channel: Channel;
  filename: string;
  format: Format;
  size: number;
  state: DocumentState;
  parentId?: string;
  personId?: string;
  error?: string;
  scope?: string;
}

export interface DocumentFilter {
  personId?: string;
  /** Only documents of these people, plus (with `orScope`) that scope's not yet attached ones. */
  personIds?: string[];
  orScope?: string;
  state?: DocumentState;
  parentId?: string;
  limit?: number;
  offset?: number;
}

/** Rows per multi-row INSERT: well under both dialects' bound-parameter limits. */
const INSERT_CHUNK = 500;

/** A new document's row; a row may arrive finished (state, issues and label known). */
function newRow(d: NewDocument & { issues?: ExtractionIssue[]; label?: Record<string, unknown> }, now: string): DocumentsTable {
  return {
    id: randomUUID(),
    sha256: d.sha256,
    person_id: d.personId ?? null,
    parent_id: d.parentId ?? null,
    channel: d.channel,
    filename: d.filename,
    format: d.format,
    size: d.size,
    state: d.state,
    error: d.error ?? null,
    issues_json: JSON.stringify(d.issues ?? []),
    label_json: JSON.stringify(d.label ?? {}),
    created_at: now,
    updated_at: now,
    scope: d.scope ?? '',
  };
}

export class DocumentsRepo {
  constructor(
    private readonly db: Kysely<Database>,
    /** Set only inside a transaction on SQLite (see Store): the children's rows through one prepared statement. */
    private readonly sqlite?: BetterSqlite3.Database,
  ) {}

  /**
   * Inserts the document unless its bytes are already known; returns the stored row and
   * whether it was new. The unique (scope, sha256) makes concurrent imports of the same bytes safe.
   */
  async insertIfNew(d: NewDocument, db: Kysely<Database> = this.db): Promise<{ doc: DocumentRecord; created: boolean }> {
    const row = newRow(d, nowIso());
    const inserted = await db
      .insertInto('documents')
      .values(row)
      .onConflict((oc) => oc.columns(['scope', 'sha256']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { doc: rowToDocument(inserted), created: true };
    const existing = await db.selectFrom('documents').selectAll().where('scope', '=', row.scope).where('sha256', '=', d.sha256).executeTakeFirstOrThrow();
    return { doc: rowToDocument(existing), created: false };
  }

  /**
   * Inserts many documents in a few statements (the files found inside one document);
   * returns the ones that were new. Bytes already stored are skipped, as in insertIfNew.
   * A row may arrive finished (state, issues and label known already).
   */
  async insertManyNew(docs: Array<NewDocument & { issues?: ExtractionIssue[]; label?: Record<string, unknown> }>, db: Kysely<Database> = this.db): Promise<DocumentRecord[]> {
    const now = nowIso();
    const created: DocumentRecord[] = [];
    if (this.sqlite && db === this.db) {
      // A bulk export's notes are thousands of child documents: one prepared insert per row instead of a
      // 500-row statement that Kysely builds and SQLite compiles anew each time (too long for the statement
      // cache). Profiles of the bench import (1,217 children): Kysely's JavaScript for these inserts 21-131 ms,
      // SQLite compiling them 10-98 ms.
      const st = insertStatement(this.sqlite);
      for (const d of docs) {
        const r = newRow(d, now);
        const row = st.get(r.id, r.sha256, r.person_id, r.parent_id, r.channel, r.filename, r.format, r.size, r.state, r.error, r.issues_json, r.label_json, r.created_at, r.updated_at, r.scope) as DocumentsTable | undefined;
        if (row) created.push(rowToDocument(row));
      }
      return created;
    }
    for (let i = 0; i < docs.length; i += INSERT_CHUNK) {
      const rows = docs.slice(i, i + INSERT_CHUNK).map((d) => newRow(d, now));
      // No conflict target: whichever uniqueness the table has (the same bytes) skips the row.
      const inserted = await db.insertInto('documents').values(rows).onConflict((oc) => oc.doNothing()).returningAll().execute();
      created.push(...inserted.map(rowToDocument));
    }
    return created;
  }

  async get(id: string): Promise<DocumentRecord | undefined> {
    const r = await this.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? rowToDocument(r) : undefined;
  }

  async list(f: DocumentFilter = {}): Promise<DocumentRecord[]> {
    let q = this.db.selectFrom('documents').selectAll();
    if (f.personId) q = q.where('person_id', '=', f.personId);
    if (f.personIds) {
      const ids = idsOrNobody(f.personIds);
      const scope = f.orScope;
      q = scope !== undefined ? q.where((eb) => eb.or([eb('person_id', 'in', ids), eb.and([eb('person_id', 'is', null), eb('scope', '=', scope)])])) : q.where('person_id', 'in', ids);
    }
    if (f.state) q = q.where('state', '=', f.state);
    if (f.parentId) q = q.where('parent_id', '=', f.parentId);
    const rows = await q
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(f.limit ?? 1000)
      .offset(f.offset ?? 0)
      .execute();
    return rows.map(rowToDocument);
  }

  async setState(
    id: string,
    state: DocumentState,
    extra: { error?: string | null; issues?: ExtractionIssue[]; label?: Record<string, unknown>; personId?: string | null } = {},
    db: Kysely<Database> = this.db,
  ): Promise<void> {
    await db
      .updateTable('documents')
      .set({
        state,
        updated_at: nowIso(),
        ...(extra.error !== undefined ? { error: extra.error } : {}),
        ...(extra.issues ? { issues_json: JSON.stringify(extra.issues) } : {}),
        ...(extra.label ? { label_json: JSON.stringify(extra.label) } : {}),
        ...(extra.personId !== undefined ? { person_id: extra.personId } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  /**
   * Points a derived document (a part split out of a fax) at new bytes: its pages were read
   * differently this time, so its file changed. Throws on a (scope, sha256) conflict.
   */
  async replaceOriginal(id: string, o: { sha256: string; size: number; filename: string }, db: Kysely<Database> = this.db): Promise<void> {
    await db.updateTable('documents').set({ sha256: o.sha256, size: o.size, filename: o.filename, updated_at: nowIso() }).where('id', '=', id).execute();
  }

  /** Removes a document row; its resources, pages and provenance go with it (foreign keys cascade). */
  async delete(id: string, db: Kysely<Database> = this.db): Promise<void> {
    await db.deleteFrom('documents').where('id', '=', id).execute();
  }

  /** Documents by state; with `scope`, only those that scope brought in. */
  async countByState(scope?: string): Promise<Record<string, number>> {
    let q = this.db.selectFrom('documents').select(['state', (eb) => eb.fn.countAll<string>().as('n')]);
    if (scope !== undefined) q = q.where('scope', '=', scope);
    const rows = await q.groupBy('state').execute();
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  }
}

/** SQLite: one new document row unless its bytes are already stored (any uniqueness: DO NOTHING), the row back when inserted. */
function insertStatement(raw: BetterSqlite3.Database): BetterSqlite3.Statement {
  return prepared(
    raw,
    'INSERT INTO documents (id, sha256, person_id, parent_id, channel, filename, format, size, state, error, issues_json, label_json, created_at, updated_at, scope) ' +
      'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING *',
  );
}

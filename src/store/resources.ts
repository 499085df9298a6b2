/** FHIR resources with their indexed columns and provenance. */
import type { Kysely } from 'kysely';
import { visibleResourceSql, type Visibility } from './visibility.js';
import type { Resource } from '@medplum/fhirtypes';
import type { Database, Dialect } from './schema.js';
import type { SourceLocation } from '../core/types.js';
import { nowIso } from '../core/time.js';
import { codesOf, searchTextOf, sortDateOf } from '../record/index-fields.js';
import { LOCATION_COLUMNS, locationColumns, locationOf } from './provenance.js';
import { sql, type RawBuilder } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

export interface NewResource {
  resource: Resource & { id: string };
  personId?: string;
  documentId: string;
  sourceId?: string;
  location: SourceLocation;
}

export interface StoredResource {
  id: string;
  personId?: string;
  documentId: string;
  resourceType: string;
  date?: string;
  resource: Resource;
}

export interface ResourceFilter {
  personId?: string;
  /** Only what one account may see (src/store/visibility.ts). */
  visible?: Visibility;
  type?: string;
  documentId?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

const BATCH = 400;

export class ResourcesRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    /** Set only inside a transaction on SQLite: prepared statements, about 5x faster for bulk. */
    private readonly sqlite?: BetterSqlite3.Database,
  ) {}

  /** Removes everything a document produced, so re-processing it is idempotent. */
  async clearDocument(documentId: string, db: Kysely<Database> = this.db): Promise<void> {
    if (this.dialect === 'sqlite') {
      // The FTS indexes read their text from these rows (external content, migration 0013):
      // their entries go first, by rowid, while the rows still hold the text that was indexed.
      // Resources without text have no entry.
      await sql`DELETE FROM resources_fts WHERE rowid IN (SELECT rowid FROM resources WHERE document_id = ${documentId} AND text <> '')`.execute(db);
      await sql`DELETE FROM pages_fts WHERE rowid IN (SELECT rowid FROM pages WHERE document_id = ${documentId})`.execute(db);
    }
    await db.deleteFrom('provenance').where('document_id', '=', documentId).execute();
    await db.deleteFrom('resources').where('document_id', '=', documentId).execute();
    await db.deleteFrom('pages').where('document_id', '=', documentId).execute();
  }

  async insertMany(items: NewResource[], db: Kysely<Database> = this.db): Promise<void> {
    if (this.sqlite && db === this.db) return this.insertManySqlite(items, this.sqlite);
    // SQLite counts the new rows on the timeline itself (migration 0019): rows and counts in one transaction.
    if (this.dialect === 'sqlite' && !db.isTransaction) return db.transaction().execute((trx) => this.insertMany(items, trx));
    const created = nowIso();
    for (let i = 0; i < items.length; i += BATCH) {
      const chunk = items.slice(i, i + BATCH);
      const rows = chunk.map((it) => ({
        id: it.resource.id,
        person_id: it.personId ?? null,
        document_id: it.documentId,
        resource_type: it.resource.resourceType,
        source_id: it.sourceId ?? null,
        date: sortDateOf(it.resource),
        codes: codesOf(it.resource).join(' '),
        text: searchTextOf(it.resource),
        json: JSON.stringify(it.resource),
        created_at: created,
      }));
      // The same resource id twice in one extraction (duplicate entries) keeps the first.
      const inserted = db.insertInto('resources').values(rows).onConflict((oc) => oc.column('id').doNothing());
      if (this.dialect === 'sqlite') {
        const ids = new Set((await inserted.returning('id').execute()).map((r) => r.id));
        const counts = new TimelineCounts();
        for (const r of rows) if (ids.has(r.id)) counts.add(r.person_id, r.resource_type, r.date, r.document_id);
        for (const [person, type, month, document, n] of counts.rows()) await sql`${sql.raw(COUNT_UPSERT)} VALUES (${person}, ${type}, ${month}, ${document}, ${n}) ${sql.raw(COUNT_ON_CONFLICT)}`.execute(db);
      } else await inserted.execute();
      await db
        .insertInto('provenance')
        .values(
          chunk.map((it) => ({
            resource_id: it.resource.id,
            document_id: it.documentId,
            ...locationColumns(it.location),
          })),
        )
        .onConflict((oc) => oc.column('resource_id').doNothing())
        .execute();
      if (this.dialect === 'sqlite') {
        const withText = rows.filter((r) => r.text);
        if (withText.length) {
          await sql`INSERT INTO resources_fts (rowid, text) SELECT rowid, text FROM resources WHERE id IN (${sql.join(withText.map((r) => r.id))})`.execute(db);
        }
      }
    }
  }

  private insertManySqlite(items: NewResource[], raw: BetterSqlite3.Database): void {
    const st = preparedFor(raw);
    const created = nowIso();
    const counts = new TimelineCounts();
    for (const it of items) {
      const r = it.resource;
      const text = searchTextOf(r);
      const date = sortDateOf(r);
      const res = st.resource.run(r.id, it.personId ?? null, it.documentId, r.resourceType, it.sourceId ?? null, date, codesOf(r).join(' '), text, JSON.stringify(r), created);
      if (res.changes === 0) continue; // the same id twice in one extraction keeps the first
      const l = locationColumns(it.location);
      st.provenance.run(r.id, it.documentId, l.page, l.box_json, l.xpath, l.entry_id, l.segment, l.line, l.path);
      if (text) st.fts.run(res.lastInsertRowid, text);
      counts.add(it.personId ?? null, r.resourceType, date, it.documentId);
    }
    for (const row of counts.rows()) st.count.run(...row);
  }

  async get(id: string): Promise<(StoredResource & { location: SourceLocation }) | undefined> {
    const r = await this.db
      .selectFrom('resources')
      .leftJoin('provenance', 'provenance.resource_id', 'resources.id')
      .selectAll('resources')
      .select(LOCATION_COLUMNS)
      .where('resources.id', '=', id)
      .executeTakeFirst();
    if (!r) return undefined;
    return { ...toStored(r), location: locationOf(r) };
  }

  async list(f: ResourceFilter = {}): Promise<StoredResource[]> {
    let q = this.db.selectFrom('resources').select(['id', 'person_id', 'document_id', 'resource_type', 'date', 'json']);
    if (f.personId) q = q.where('person_id', '=', f.personId);
    if (f.visible) q = q.where(visibleResourceSql('resources', f.visible) as RawBuilder<boolean>);
    if (f.type) q = q.where('resource_type', '=', f.type);
    if (f.documentId) q = q.where('document_id', '=', f.documentId);
    if (f.from) q = q.where('date', '>=', f.from);
    if (f.to) q = q.where('date', '<=', f.to);
    const rows = await q
      .orderBy('date', 'desc')
      .orderBy('id')
      .limit(f.limit ?? 500)
      .offset(f.offset ?? 0)
      .execute();
    return rows.map(toStored);
  }

  /** Streams every resource of a person (or all), for export; bounded memory. */
  async *iterate(personId?: string, pageSize = 2000): AsyncGenerator<StoredResource> {
    let after = '';
    for (;;) {
      let q = this.db.selectFrom('resources').select(['id', 'person_id', 'document_id', 'resource_type', 'date', 'json']).where('id', '>', after);
      if (personId) q = q.where('person_id', '=', personId);
      const rows = await q.orderBy('id').limit(pageSize).execute();
      for (const r of rows) yield toStored(r);
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1].id;
    }
  }

  async countByType(personId?: string): Promise<Record<string, number>> {
    let q = this.db.selectFrom('resources').select(['resource_type', (eb) => eb.fn.countAll<string>().as('n')]);
    if (personId) q = q.where('person_id', '=', personId);
    const rows = await q.groupBy('resource_type').execute();
    return Object.fromEntries(rows.map((r) => [r.resource_type, Number(r.n)]));
  }
}

function toStored(r: { id: string; person_id: string | null; document_id: string; resource_type: string; date: string | null; json: string }): StoredResource {
  return {
    id: r.id,
    personId: r.person_id ?? undefined,
    documentId: r.document_id,
    resourceType: r.resource_type,
    date: r.date ?? undefined,
    resource: JSON.parse(r.json),
  };
}

/**
 * SQLite: new rows' timeline counts (migration 0017's table), added by the writer in one upsert
 * per (person, type, month, document) rather than by a row trigger (migration 0019: the trigger
 * was ~40% of a row's insert cost). A row counts once it has a person and a date, as the
 * update and delete triggers count it.
 */
class TimelineCounts {
  private readonly byKey = new Map<string, [string, string, string, string, number]>();

  add(personId: string | null, resourceType: string, date: string | null | undefined, documentId: string): void {
    if (personId == null || date == null) return;
    const month = date.slice(0, 7); // substr(date, 1, 7): dates are ISO-8601, ASCII
    const key = `${personId}\t${resourceType}\t${month}\t${documentId}`;
    const row = this.byKey.get(key);
    if (row) row[4]++;
    else this.byKey.set(key, [personId, resourceType, month, documentId, 1]);
  }

  rows(): Iterable<[string, string, string, string, number]> {
    return this.byKey.values();
  }
}

const COUNT_UPSERT = 'INSERT INTO timeline_counts (person_id, resource_type, month, document_id, n)';
const COUNT_ON_CONFLICT = 'ON CONFLICT (person_id, resource_type, month, document_id) DO UPDATE SET n = n + excluded.n';

const statementCache = new WeakMap<BetterSqlite3.Database, { resource: BetterSqlite3.Statement; provenance: BetterSqlite3.Statement; fts: BetterSqlite3.Statement; count: BetterSqlite3.Statement }>();

function preparedFor(raw: BetterSqlite3.Database) {
  let st = statementCache.get(raw);
  if (!st) {
    st = {
      resource: raw.prepare(
        'INSERT INTO resources (id, person_id, document_id, resource_type, source_id, date, codes, text, json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
      ),
      provenance: raw.prepare(
        'INSERT INTO provenance (resource_id, document_id, page, box_json, xpath, entry_id, segment, line, path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (resource_id) DO NOTHING',
      ),
      fts: raw.prepare('INSERT INTO resources_fts (rowid, text) VALUES (?, ?)'),
      count: raw.prepare(`${COUNT_UPSERT} VALUES (?, ?, ?, ?, ?) ${COUNT_ON_CONFLICT}`),
    };
    statementCache.set(raw, st);
  }
  return st;
}

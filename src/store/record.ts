/** The merged record's tables: facts, items, seen documents, user decisions. Plain storage; the logic is in src/record/reconcile. */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database, Dialect } from './schema.js';
import type { SourceLocation } from '../core/types.js';
import { nowIso } from '../core/time.js';
import type { Fact, ItemKind } from '../record/normalize/fact.js';
import { NORMALIZE_VERSION } from '../record/normalize/version.js';
import type { Decision, MergedItem } from '../record/reconcile/cluster.js';
import type { ItemState } from '../record/reconcile/append.js';
import { LOCATION_COLUMNS, locationOf } from './provenance.js';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { recordStatements, resourcesOfDocument } from './record-sqlite.js';
import { listed } from './sqlite-statements.js';

const BATCH = 300;
/** PostgreSQL takes up to 65,535 parameters a statement: 1,000 rows of 8 columns. */
const PG_BATCH = 1000;

export interface BlockRef {
  personId: string;
  kind: string;
  block: string;
}

export interface DirtyBlock extends BlockRef {
  gen: number;
}

/** An item as stored: kinds that take appended facts also keep their state and match keys. */
export interface StoredItem {
  item: MergedItem;
  state?: ItemState;
  keys?: string[];
}

export interface ItemSource {
  resourceId: string;
  documentId: string;
  filename?: string;
  format?: string;
  location: SourceLocation;
}

export class RecordRepo {
  constructor(
    readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    /** Set only inside a transaction on SQLite: prepared statements for the bulk writes of a full reconcile. */
    private readonly sqlite?: BetterSqlite3.Database,
  ) {}

  /**
   * Serialises reconcile work on one person across worker processes; call first inside a
   * transaction. PostgreSQL: an advisory lock. SQLite: takes the write lock before anything is
   * read (a no-op UPDATE does): a transaction that reads first fails at once when another
   * process (an import) writes before its first write, instead of waiting its turn.
   */
  async lockPerson(personId: string): Promise<void> {
    if (this.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(hashtext(${`record:${personId}`}))`.execute(this.db);
    else if (this.sqlite) recordStatements(this.sqlite).lock.run();
    else await sql`UPDATE record_dirty SET gen = gen WHERE 0`.execute(this.db);
  }

  /**
   * Documents of the person whose facts are missing, older than the document or made by another
   * normalization version (tables or rules changed since: read again), plus seen ones that left the person. Compared in the database: a person with thousands of
   * documents and one new one costs two index joins, not two lists in memory.
   */
  async staleDocuments(personId: string, limit = 1_000_000): Promise<string[]> {
    if (this.sqlite) {
      const st = recordStatements(this.sqlite);
      const changedIds = st.staleChanged.all(personId, 'processing', 'queued', personId, NORMALIZE_VERSION, limit) as string[];
      const leftIds = st.staleLeft.all(personId, personId, limit) as string[];
      return [...new Set([...changedIds, ...leftIds])].slice(0, limit);
    }
    const changed = await this.db
      .selectFrom('documents as d')
      .leftJoin('record_sources as s', 's.document_id', 'd.id')
      .select('d.id')
      .where('d.person_id', '=', personId)
      .where('d.state', 'not in', ['processing', 'queued'])
      .where((eb) =>
        eb.or([eb('s.seen', 'is', null), eb('s.seen', '!=', eb.ref('d.updated_at')), eb('s.person_id', 'is', null), eb('s.person_id', '!=', personId), eb('s.normalized', 'is', null), eb('s.normalized', '!=', NORMALIZE_VERSION)]),
      )
      .limit(limit)
      .execute();
    const left = await this.db
      .selectFrom('record_sources as s')
      .leftJoin('documents as d', 'd.id', 's.document_id')
      .select('s.document_id')
      .where('s.person_id', '=', personId)
      .where((eb) => eb.or([eb('d.id', 'is', null), eb('d.person_id', 'is', null), eb('d.person_id', '!=', personId)]))
      .limit(limit)
      .execute();
    return [...new Set([...changed.map((r) => r.id), ...left.map((r) => r.document_id)])].slice(0, limit);
  }

  async documentsInfo(ids: string[]): Promise<Map<string, { updatedAt: string; personId: string | null; format: string; date?: string }>> {
    const out = new Map<string, { updatedAt: string; personId: string | null; format: string; date?: string }>();
    if (!ids.length) return out;
    const rows = this.sqlite
      ? (listed(this.sqlite, 'select "id", "updated_at", "person_id", "format", "label_json" from "documents" where "id" in ', ids.length).all(...ids) as Array<{ id: string; updated_at: string; person_id: string | null; format: string; label_json: string }>)
      : await this.db.selectFrom('documents').select(['id', 'updated_at', 'person_id', 'format', 'label_json']).where('id', 'in', ids).execute();
    for (const d of rows) {
      const label = JSON.parse(d.label_json) as { date?: string };
      out.set(d.id, { updatedAt: d.updated_at, personId: d.person_id, format: d.format, date: typeof label.date === 'string' ? label.date : undefined });
    }
    return out;
  }

  /** The blocks the facts of these documents sit in, then forgets those facts. */
  async removeDocumentsFacts(ids: string[]): Promise<BlockRef[]> {
    if (!ids.length) return [];
    if (this.sqlite) {
      const found = listed(this.sqlite, 'select distinct "person_id", "kind", "block" from "record_facts" where "document_id" in ', ids.length).all(...ids) as Array<{ person_id: string; kind: string; block: string }>;
      listed(this.sqlite, 'delete from "record_facts" where "document_id" in ', ids.length).run(...ids);
      return found.map((r) => ({ personId: r.person_id, kind: r.kind, block: r.block }));
    }
    const rows = await this.db.selectFrom('record_facts').select(['person_id', 'kind', 'block']).distinct().where('document_id', 'in', ids).execute();
    await this.db.deleteFrom('record_facts').where('document_id', 'in', ids).execute();
    return rows.map((r) => ({ personId: r.person_id, kind: r.kind, block: r.block }));
  }

  /**
   * The resources of these documents (of the given types), a page at a time: memory stays
   * bounded whatever the documents hold (a bulk NDJSON part has a million rows). PostgreSQL
   * reads through a cursor of the transaction; SQLite reads small documents together and
   * pages through a big one in index order (rowid), never sorting it.
   */
  async *resourcePages(ids: string[], types: string[], pageSize: number, knownSizes?: Map<string, number>): AsyncGenerator<Array<{ id: string; documentId: string; personId: string | null; json: string }>> {
    if (!ids.length) return;
    const toRow = (r: { id: string; document_id: string; person_id: string | null; json: string }) => ({ id: r.id, documentId: r.document_id, personId: r.person_id, json: r.json });
    if (this.dialect === 'postgres') {
      const cursor = `record_resources_${Math.random().toString(36).slice(2, 10)}`;
      await sql`DECLARE ${sql.raw(cursor)} NO SCROLL CURSOR FOR SELECT id, document_id, person_id, json FROM resources WHERE document_id IN (${sql.join(ids)}) AND resource_type IN (${sql.join(types)})`.execute(this.db);
      try {
        for (;;) {
          const { rows } = await sql<{ id: string; document_id: string; person_id: string | null; json: string }>`FETCH FORWARD ${sql.raw(String(pageSize))} FROM ${sql.raw(cursor)}`.execute(this.db);
          if (!rows.length) return;
          yield rows.map(toRow);
        }
      } finally {
        await sql`CLOSE ${sql.raw(cursor)}`.execute(this.db);
      }
      return;
    }
    const sizes = knownSizes ? new Map(ids.flatMap((id) => (knownSizes.has(id) ? [[id, knownSizes.get(id)!] as const] : []))) : await this.documentSizes(ids);
    let group: string[] = [];
    let inGroup = 0;
    const raw = this.sqlite;
    const byDocument = raw && types.length <= 16 ? resourcesOfDocument(raw, types.length) : undefined;
    const flush = async () => {
      if (!group.length) return [];
      let out: Array<{ id: string; documentId: string; personId: string | null; json: string }>;
      if (byDocument) {
        // One prepared index read per document, rows as arrays: no query built per page, no row objects copied.
        out = [];
        for (const documentId of group) {
          for (const [id, personId, json] of byDocument.all(documentId, ...types) as Array<[string, string | null, string]>) out.push({ id, documentId, personId, json });
        }
      } else {
        const rows = await this.db.selectFrom('resources').select(['id', 'document_id', 'person_id', 'json']).where('document_id', 'in', group).where('resource_type', 'in', types).execute();
        out = rows.map(toRow);
      }
      group = [];
      inGroup = 0;
      return out;
    };
    for (const [documentId, n] of sizes) {
      if (n > pageSize) {
        for (let after = -1; ; ) {
          const page = await this.documentPageAfter(documentId, types, after, pageSize);
          if (!page.rows.length) break;
          after = page.last;
          yield page.rows;
        }
        continue;
      }
      if (inGroup + n > pageSize) yield await flush();
      group.push(documentId);
      inGroup += n;
    }
    const last = await flush();
    if (last.length) yield last;
  }

  /** How many resources each document holds (index only). */
  async documentSizes(ids: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (let i = 0; i < ids.length; i += BATCH) {
      if (this.sqlite) {
        const part = ids.slice(i, i + BATCH);
        for (const r of listed(this.sqlite, 'select "document_id", count(*) as "n" from "resources" where "document_id" in ', part.length, ' group by "document_id"').all(...part) as Array<{ document_id: string; n: number }>) out.set(r.document_id, Number(r.n));
        continue;
      }
      const rows = await this.db.selectFrom('resources').select('document_id').select((eb) => eb.fn.countAll<number>().as('n')).where('document_id', 'in', ids.slice(i, i + BATCH)).groupBy('document_id').execute();
      for (const r of rows) out.set(r.document_id, Number(r.n));
    }
    return out;
  }

  /**
   * SQLite: the next page of one document's resources after a rowid, in the document index's
   * own order (no sort, whatever the document's size); `last` is where the next page starts.
   */
  async documentPageAfter(documentId: string, types: string[], afterRowid: number, limit: number): Promise<{ rows: Array<{ id: string; documentId: string; personId: string | null; json: string }>; last: number }> {
    const rows = this.sqlite
      ? (listed(this.sqlite, 'select rowid as "rid", "id", "document_id", "person_id", "json" from "resources" where "document_id" = ? and rowid > ? and "resource_type" in ', types.length, ' order by rowid limit ?').all(documentId, afterRowid, ...types, limit) as Array<{ rid: number; id: string; document_id: string; person_id: string | null; json: string }>)
      : await this.db
      .selectFrom('resources')
      .select([sql<number>`rowid`.as('rid'), 'id', 'document_id', 'person_id', 'json'])
      .where('document_id', '=', documentId)
      .where(sql`rowid`, '>', afterRowid)
      .where('resource_type', 'in', types)
      .orderBy(sql`rowid`)
      .limit(limit)
      .execute();
    return { rows: rows.map((r) => ({ id: r.id, documentId: r.document_id, personId: r.person_id, json: r.json })), last: rows.length ? Number(rows[rows.length - 1].rid) : afterRowid };
  }

  /**
   * Marks blocks to be rebuilt from their facts (in the transaction that changed those facts).
   * A new mark starts at generation `base`, a mark again adds one. SQLite returns each mark's
   * generation after it (in the order of `refs`; the job's fact cache checks nobody else marked).
   */
  async markDirty(refs: BlockRef[], base = 0): Promise<number[] | undefined> {
    if (this.sqlite) {
      // A first import marks every block it writes, chunk after chunk: one prepared statement, not a query built per 300 rows.
      const st = recordStatements(this.sqlite).mark;
      return refs.map((r) => st.get(r.personId, r.kind, r.block, base) as number);
    }
    const rows = refs.map((r) => ({ person_id: r.personId, kind: r.kind, block: r.block, gen: base }));
    for (let i = 0; i < rows.length; i += BATCH) {
      await this.db
        .insertInto('record_dirty')
        .values(rows.slice(i, i + BATCH))
        .onConflict((oc) => oc.columns(['person_id', 'kind', 'block']).doUpdateSet((eb) => ({ gen: eb('record_dirty.gen', '+', 1) })))
        .execute();
    }
    return undefined;
  }

  /** Whether the person has any fact stored (a first import has none). */
  async hasFacts(personId: string): Promise<boolean> {
    if (this.sqlite) return recordStatements(this.sqlite).hasFacts.get(personId, 1) !== undefined;
    return !!(await this.db.selectFrom('record_facts').select('id').where('person_id', '=', personId).limit(1).executeTakeFirst());
  }

  /** The next blocks of a person waiting to be rebuilt, by kind and block, with the mark's generation. */
  async dirtyBlocks(personId: string, limit: number): Promise<DirtyBlock[]> {
    if (this.sqlite) {
      const marks = recordStatements(this.sqlite).dirtyBlocks.all(personId, limit) as Array<[string, string, number | bigint]>;
      return marks.map(([kind, block, gen]) => ({ personId, kind, block, gen: Number(gen) }));
    }
    const rows = await this.db.selectFrom('record_dirty').select(['kind', 'block', 'gen']).where('person_id', '=', personId).orderBy('kind').orderBy('block').limit(limit).execute();
    return rows.map((r) => ({ personId, kind: r.kind, block: r.block, gen: Number(r.gen) }));
  }

  async isDirty(ref: BlockRef): Promise<boolean> {
    if (this.sqlite) return recordStatements(this.sqlite).isDirty.get(ref.personId, ref.kind, ref.block) !== undefined;
    return !!(await this.db.selectFrom('record_dirty').select('block').where('person_id', '=', ref.personId).where('kind', '=', ref.kind).where('block', '=', ref.block).executeTakeFirst());
  }

  /** Clears the marks that were read (a mark bumped since stays: its block is rebuilt again). */
  async clearDirty(personId: string, kind: string, marks: Array<{ block: string; gen: number }>): Promise<void> {
    if (this.sqlite) {
      const st = recordStatements(this.sqlite).unmark;
      for (const m of marks) st.run(personId, kind, m.block, m.gen);
      return;
    }
    for (let i = 0; i < marks.length; i += BATCH) {
      const chunk = marks.slice(i, i + BATCH);
      await this.db
        .deleteFrom('record_dirty')
        .where('person_id', '=', personId)
        .where('kind', '=', kind)
        .where((eb) => eb(eb.refTuple('block', 'gen'), 'in', chunk.map((m) => eb.tuple(m.block, m.gen))))
        .execute();
    }
  }

  /** The facts of some blocks of one kind of a person. */
  async blocksFacts(personId: string, kind: string, blocks: string[]): Promise<Fact[]> {
    const out: Fact[] = [];
    if (!blocks.length) return out;
    if (this.sqlite) {
      // A full rebuild reads every fact back: one prepared index-range read per block, rows as arrays (no row objects).
      const st = recordStatements(this.sqlite).blockFacts;
      for (const block of blocks) {
        for (const [id, resourceId, documentId, json] of st.all(personId, kind, block) as Array<[string, string, string, string]>) {
          out.push(factOfRow({ id, resource_id: resourceId, document_id: documentId, kind, block, json }));
        }
      }
      return out;
    }
    for (let i = 0; i < blocks.length; i += BATCH) {
      const rows = await this.db.selectFrom('record_facts').select(FACT_COLUMNS).where('person_id', '=', personId).where('kind', '=', kind).where('block', 'in', blocks.slice(i, i + BATCH)).execute();
      for (const r of rows) out.push(factOfRow(r));
    }
    return out;
  }

  /** Every fact of a person (the dedup eval's oracles read them). */
  async personFacts(personId: string): Promise<Fact[]> {
    const rows = await this.db.selectFrom('record_facts').select(FACT_COLUMNS).where('person_id', '=', personId).execute();
    return rows.map(factOfRow);
  }

  /** The key rows of one block (an index range): which item each match key belongs to. */
  async blockKeys(ref: BlockRef): Promise<Array<{ key: string; itemId: string }>> {
    if (this.sqlite) return (recordStatements(this.sqlite).blockKeys.all(ref.personId, ref.kind, ref.block) as Array<[string, string]>).map(([key, itemId]) => ({ key, itemId }));
    const rows = await this.db.selectFrom('record_item_keys').select(['key', 'item_id']).where('person_id', '=', ref.personId).where('kind', '=', ref.kind).where('block', '=', ref.block).execute();
    return rows.map((r) => ({ key: r.key, itemId: r.item_id }));
  }

  /** Stored items with their state (for appending to them). */
  async itemsWithState(ids: string[]): Promise<Array<{ item: MergedItem; state: ItemState | null }>> {
    if (!ids.length) return [];
    const rows = await this.db.selectFrom('record_items').select(['json', 'state']).where('id', 'in', ids).execute();
    return rows.map((r) => ({ item: JSON.parse(r.json) as MergedItem, state: r.state ? (JSON.parse(r.state) as ItemState) : null }));
  }

  /** Replaces every item (and key row) of some blocks of one kind. */
  async replaceBlocksItems(personId: string, kind: string, blocks: string[], items: StoredItem[]): Promise<void> {
    if (this.sqlite) {
      const st = recordStatements(this.sqlite);
      for (const block of blocks) {
        st.deleteBlockItems.run(personId, kind, block);
        st.deleteBlockKeys.run(personId, kind, block);
      }
      return this.insertItems(personId, kind, items);
    }
    for (let i = 0; i < blocks.length; i += BATCH) {
      const chunk = blocks.slice(i, i + BATCH);
      await this.db.deleteFrom('record_items').where('person_id', '=', personId).where('kind', '=', kind).where('block', 'in', chunk).execute();
      await this.db.deleteFrom('record_item_keys').where('person_id', '=', personId).where('kind', '=', kind).where('block', 'in', chunk).execute();
    }
    await this.insertItems(personId, kind, items);
  }

  /** Replaces some items by id (an append changed them) and adds new ones. */
  async replaceItems(personId: string, kind: string, removeIds: string[], items: StoredItem[]): Promise<void> {
    if (removeIds.length) {
      await this.db.deleteFrom('record_items').where('id', 'in', removeIds).execute();
      await this.db.deleteFrom('record_item_keys').where('item_id', 'in', removeIds).execute();
    }
    await this.insertItems(personId, kind, items);
  }

  async markSeenMany(rows: Array<{ documentId: string; personId: string | null; seen: string }>): Promise<void> {
    if (this.sqlite) {
      // One prepared statement: a 300-row upsert was compiled afresh on every chunk (its SQL is too
      // long to keep), ~8% of a corpus import's CPU.
      const st = recordStatements(this.sqlite).seen;
      for (const r of rows) st.run(r.documentId, r.personId, r.seen, NORMALIZE_VERSION);
      return;
    }
    for (let i = 0; i < rows.length; i += BATCH) {
      const chunk = rows.slice(i, i + BATCH).map((r) => ({ document_id: r.documentId, person_id: r.personId, seen: r.seen, normalized: NORMALIZE_VERSION }));
      await this.db
        .insertInto('record_sources')
        .values(chunk)
        .onConflict((oc) => oc.column('document_id').doUpdateSet((eb) => ({ person_id: eb.ref('excluded.person_id'), seen: eb.ref('excluded.seen'), normalized: eb.ref('excluded.normalized') })))
        .execute();
    }
  }

  async forgetDocuments(ids: string[]): Promise<void> {
    if (!ids.length) return;
    if (this.sqlite) listed(this.sqlite, 'delete from "record_sources" where "document_id" in ', ids.length).run(...ids);
    else await this.db.deleteFrom('record_sources').where('document_id', 'in', ids).execute();
  }

  /**
   * Stores facts. Columns are not repeated in the JSON (ids, kind, block): a person's facts are
   * ~40% of what a first import writes, and every page written is encrypted.
   */
  async insertFacts(facts: Array<Fact & { personId: string }>, keep?: (f: Fact & { personId: string }, row: StoredFactRow) => void): Promise<void> {
    const rows = facts.map((f) => ({ id: f.id, resource_id: f.resourceId, document_id: f.documentId, person_id: f.personId, kind: f.kind, block: f.block, json: factJson(f) }));
    if (keep) rows.forEach((r, i) => keep(facts[i], r));
    if (this.sqlite) {
      const st = recordStatements(this.sqlite).fact;
      for (const r of rows) st.run(r.id, r.resource_id, r.document_id, r.person_id, r.kind, r.block, r.json);
      return;
    }
    for (let i = 0; i < rows.length; i += PG_BATCH) {
      await this.db.insertInto('record_facts').values(rows.slice(i, i + PG_BATCH)).onConflict((oc) => oc.column('id').doNothing()).execute();
    }
  }

  async blockFacts(ref: BlockRef): Promise<Fact[]> {
    const rows = await this.db.selectFrom('record_facts').select(FACT_COLUMNS).where('person_id', '=', ref.personId).where('kind', '=', ref.kind).where('block', '=', ref.block).execute();
    return rows.map(factOfRow);
  }

  /**
   * Writes items, replacing a stored item of the same id: an item's id comes from its facts, so
   * facts read again into another block (a normalization change) make the same id there before
   * their old block is rebuilt (and its rows deleted); keeping the old row would lose the item.
   */
  private async insertItems(personId: string, kind: string, items: StoredItem[]): Promise<void> {
    const rows = items.map(({ item: it, state }) => ({ id: it.id, person_id: personId, kind, block: it.block, date: it.date ?? null, display: it.display, conflicts: it.conflicts.length, json: JSON.stringify(it), state: state ? JSON.stringify(state) : null }));
    const keys = items.flatMap(({ item, keys: ks }) => (ks ?? []).map((key) => ({ person_id: personId, kind, block: item.block, key, item_id: item.id })));
    if (this.sqlite) {
      const st = recordStatements(this.sqlite);
      for (const r of rows) st.item.run(r.id, r.person_id, r.kind, r.block, r.date, r.display, r.conflicts, r.json, r.state);
      for (const k of keys) st.key.run(k.person_id, k.kind, k.block, k.key, k.item_id);
      return;
    }
    for (let i = 0; i < rows.length; i += PG_BATCH) {
      await this.db
        .insertInto('record_items')
        .values(rows.slice(i, i + PG_BATCH))
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            person_id: eb.ref('excluded.person_id'),
            kind: eb.ref('excluded.kind'),
            block: eb.ref('excluded.block'),
            date: eb.ref('excluded.date'),
            display: eb.ref('excluded.display'),
            conflicts: eb.ref('excluded.conflicts'),
            json: eb.ref('excluded.json'),
            state: eb.ref('excluded.state'),
          })),
        )
        .execute();
    }
    for (let i = 0; i < keys.length; i += PG_BATCH) {
      await this.db.insertInto('record_item_keys').values(keys.slice(i, i + PG_BATCH)).onConflict((oc) => oc.doNothing()).execute();
    }
  }

  async items(personId: string, kind: ItemKind, opts: { limit?: number; offset?: number } = {}): Promise<{ total: number; items: MergedItem[] }> {
    const total = await this.db.selectFrom('record_items').select((eb) => eb.fn.countAll<string>().as('n')).where('person_id', '=', personId).where('kind', '=', kind).executeTakeFirst();
    const rows = await this.db
      .selectFrom('record_items')
      .select('json')
      .where('person_id', '=', personId)
      .where('kind', '=', kind)
      .orderBy(sql`coalesce(date, '')`, 'desc')
      .orderBy('display')
      .orderBy('id')
      .limit(opts.limit ?? 200)
      .offset(opts.offset ?? 0)
      .execute();
    return { total: Number(total?.n ?? 0), items: rows.map((r) => JSON.parse(r.json) as MergedItem) };
  }

  /** Some of a person's merged items by id (an id of someone else's item is not found). */
  async itemsById(personId: string, ids: string[]): Promise<MergedItem[]> {
    if (!ids.length) return [];
    const rows = await this.db.selectFrom('record_items').select('json').where('person_id', '=', personId).where('id', 'in', ids).execute();
    return rows.map((r) => JSON.parse(r.json) as MergedItem);
  }

  async factsByResource(personId: string, resourceIds: string[]): Promise<Array<{ id: string; resourceId: string; kind: string; block: string }>> {
    if (!resourceIds.length) return [];
    // A fact's id is its resource id or `resourceId#n` ('#' < '$'): a primary-key range per resource.
    // BATCH resources per query: SQLite refuses an OR deeper than 1,000 terms (a merge of whole
    // items names every source of each, thousands for an item merged from every visit).
    const rows = [];
    for (let i = 0; i < resourceIds.length; i += BATCH) {
      const chunk = resourceIds.slice(i, i + BATCH);
      rows.push(
        ...(await this.db
          .selectFrom('record_facts')
          .select(['id', 'resource_id', 'kind', 'block', 'person_id'])
          .where((eb) => eb.or(chunk.flatMap((r) => [eb('id', '=', r), eb.and([eb('id', '>=', `${r}#`), eb('id', '<', `${r}$`)])])))
          .execute()),
      );
    }
    const wanted = new Set(resourceIds);
    return rows.filter((r) => r.person_id === personId && wanted.has(r.resource_id)).map((r) => ({ id: r.id, resourceId: r.resource_id, kind: r.kind, block: r.block }));
  }

  async moveFacts(factIds: string[], block: string): Promise<void> {
    if (!factIds.length) return;
    await this.db.updateTable('record_facts').set({ block }).where('id', 'in', factIds).execute();
  }

  async decisions(personId: string): Promise<Array<Decision & { block?: string }>> {
    const rows = this.sqlite
      ? (recordStatements(this.sqlite).decisions.all(personId) as Array<{ id: string; kind: string; action: string; resource_ids_json: string; block: string | null }>)
      : await this.db.selectFrom('record_decisions').selectAll().where('person_id', '=', personId).orderBy('created_at').execute();
    return rows.map((r) => ({ id: r.id, kind: r.kind as ItemKind, action: r.action as Decision['action'], resourceIds: JSON.parse(r.resource_ids_json), block: r.block ?? undefined }));
  }

  async addDecision(personId: string, d: Omit<Decision, 'id'> & { block?: string }): Promise<string> {
    const id = randomUUID();
    await this.db
      .insertInto('record_decisions')
      .values({ id, person_id: personId, kind: d.kind, action: d.action, resource_ids_json: JSON.stringify(d.resourceIds), block: d.block ?? null, created_at: nowIso() })
      .execute();
    return id;
  }

  /** Document, file name and location of each resource (from the provenance table). */
  async sources(resourceIds: string[]): Promise<Map<string, ItemSource>> {
    const out = new Map<string, ItemSource>();
    for (let i = 0; i < resourceIds.length; i += BATCH) {
      const chunk = resourceIds.slice(i, i + BATCH);
      const rows = await this.db
        .selectFrom('provenance')
        .innerJoin('documents', 'documents.id', 'provenance.document_id')
        .select(['provenance.resource_id', 'provenance.document_id', 'documents.filename', 'documents.format', ...LOCATION_COLUMNS])
        .where('provenance.resource_id', 'in', chunk)
        .execute();
      for (const r of rows) {
        out.set(r.resource_id, { resourceId: r.resource_id, documentId: r.document_id, filename: r.filename, format: r.format, location: locationOf(r) });
      }
    }
    return out;
  }

  /** Attaches a document and its resources to a person (the user chose who it is about). */
  async attachDocument(documentId: string, personId: string): Promise<number> {
    await this.db.updateTable('documents').set({ person_id: personId, updated_at: nowIso() }).where('id', '=', documentId).execute();
    const res = await this.db.updateTable('resources').set({ person_id: personId }).where('document_id', '=', documentId).executeTakeFirst();
    return Number(res.numUpdatedRows ?? 0);
  }

  /** People with documents whose facts another normalization version made (their record is re-derived by a reconcile). */
  async peopleNormalizedBefore(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('record_sources')
      .select('person_id')
      .distinct()
      .where('person_id', 'is not', null)
      .where((eb) => eb.or([eb('normalized', 'is', null), eb('normalized', '!=', NORMALIZE_VERSION)]))
      .execute();
    return rows.map((r) => r.person_id!);
  }

  /** Drops the person's derived record (facts, items, seen documents) so the next reconcile rebuilds it; decisions stay. */
  async resetPerson(personId: string): Promise<void> {
    await this.db.deleteFrom('record_items').where('person_id', '=', personId).execute();
    await this.db.deleteFrom('record_item_keys').where('person_id', '=', personId).execute();
    await this.db.deleteFrom('record_dirty').where('person_id', '=', personId).execute();
    await this.db.deleteFrom('record_facts').where('person_id', '=', personId).execute();
    await this.db.deleteFrom('record_sources').where('person_id', '=', personId).execute();
  }
}

/**
 * The fact's fields that are not columns, as a JSON array in a fixed order (absent fields are
 * null, trailing ones dropped): a third shorter than an object with its property names, and
 * quicker to write and parse — a full reconcile writes and reads back every fact.
 */
function factJson(f: Fact): string {
  const a: unknown[] = [f.display, f.date ?? null, f.status ?? null, f.codes, f.keys, f.value ?? null, f.normalized ?? null, f.strength ?? null, f.facility ?? null, f.rank, f.recorded ?? null];
  while (a[a.length - 1] === null) a.pop();
  return JSON.stringify(a);
}

const orUndefined = <T>(x: T | null | undefined): T | undefined => (x === null ? undefined : x);

const FACT_COLUMNS = ['id', 'resource_id', 'document_id', 'kind', 'block', 'json'] as const;

/** A fact as its row holds it (what `factOfRow` reads). */
export interface StoredFactRow {
  id: string;
  resource_id: string;
  document_id: string;
  kind: string;
  block: string;
  json: string;
}

/**
 * A stored fact. Every fact gets the same properties in the same order: clustering reads them
 * by the thousand, and objects of one shape are several times faster to read than spread
 * copies. Facts stored as a JSON object (before the array form) are read too; columns win
 * over copies of them in that JSON.
 */
export function factOfRow(r: StoredFactRow): Fact {
  const j = JSON.parse(r.json) as unknown[] | Fact;
  const a = Array.isArray(j) ? j : [j.display, j.date, j.status, j.codes, j.keys, j.value, j.normalized, j.strength, j.facility, j.rank, j.recorded];
  return {
    id: r.id,
    resourceId: r.resource_id,
    documentId: r.document_id,
    kind: r.kind as ItemKind,
    block: r.block,
    display: a[0] as string,
    date: orUndefined(a[1] as string | undefined),
    status: orUndefined(a[2] as string | undefined),
    codes: a[3] as string[],
    keys: a[4] as string[],
    value: orUndefined(a[5] as Fact['value']),
    normalized: orUndefined(a[6] as Fact['normalized']),
    strength: orUndefined(a[7] as string | undefined),
    facility: orUndefined(a[8] as string | undefined),
    rank: a[9] as number,
    recorded: orUndefined(a[10] as string | undefined),
  };
}


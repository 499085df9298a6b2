/**
 * SQLite, inside a reconcile transaction: the record's statements prepared once per handle —
 * the row writes (facts, items, keys, dirty marks, sources) and the small per-chunk and
 * per-block queries — instead of a Kysely query built, compiled and looked up in the
 * statement cache on every call.
 *
 * Why: a reconcile job runs these dozens to hundreds of times (lock, stale documents, dirty
 * marks, decisions, key rows, the deletes of a rebuild), each a few rows, so the query
 * building was most of their cost. Kysely's own JavaScript was ~9.5% of the main thread of
 * the `ingest-fhir-sqlite` import in a profile (Nov 2026, session 7), and these calls ~2.7%.
 *
 * The SQL is what Kysely compiled for the same calls (same text, same parameters, so the same
 * plans and the same row order); only the IN-list deletes of `replaceBlocksItems` become one
 * delete per block through the same (person_id, kind, block) indexes. PostgreSQL, and SQLite
 * outside a transaction, keep the Kysely queries in record.ts: a raw statement run outside the
 * transaction that owns the connection could land inside another one (see Store).
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { listed } from './sqlite-statements.js';

/** The record's statements on one SQLite handle: the writes of facts, items, keys and marks, and the reads. */
export interface RecordStatements {
  fact: BetterSqlite3.Statement;
  item: BetterSqlite3.Statement;
  key: BetterSqlite3.Statement;
  mark: BetterSqlite3.Statement;
  unmark: BetterSqlite3.Statement;
  blockFacts: BetterSqlite3.Statement;
  seen: BetterSqlite3.Statement;
  lock: BetterSqlite3.Statement;
  hasFacts: BetterSqlite3.Statement;
  staleChanged: BetterSqlite3.Statement;
  staleLeft: BetterSqlite3.Statement;
  dirtyBlocks: BetterSqlite3.Statement;
  isDirty: BetterSqlite3.Statement;
  decisions: BetterSqlite3.Statement;
  blockKeys: BetterSqlite3.Statement;
  deleteBlockItems: BetterSqlite3.Statement;
  deleteBlockKeys: BetterSqlite3.Statement;
}

const cache = new WeakMap<BetterSqlite3.Database, RecordStatements>();

export function recordStatements(raw: BetterSqlite3.Database): RecordStatements {
  let st = cache.get(raw);
  if (!st) {
    st = {
      fact: raw.prepare('INSERT INTO record_facts (id, resource_id, document_id, person_id, kind, block, json) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING'),
      item: raw.prepare(
        'INSERT INTO record_items (id, person_id, kind, block, date, display, conflicts, json, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ' +
          'ON CONFLICT (id) DO UPDATE SET person_id = excluded.person_id, kind = excluded.kind, block = excluded.block, date = excluded.date, display = excluded.display, conflicts = excluded.conflicts, json = excluded.json, state = excluded.state',
      ),
      key: raw.prepare('INSERT INTO record_item_keys (person_id, kind, block, key, item_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING'),
      mark: raw.prepare('INSERT INTO record_dirty (person_id, kind, block, gen) VALUES (?, ?, ?, ?) ON CONFLICT (person_id, kind, block) DO UPDATE SET gen = gen + 1 RETURNING gen').pluck(),
      blockFacts: raw.prepare('SELECT id, resource_id, document_id, json FROM record_facts WHERE person_id = ? AND kind = ? AND block = ?').raw(true),
      unmark: raw.prepare('DELETE FROM record_dirty WHERE person_id = ? AND kind = ? AND block = ? AND gen = ?'),
      seen: raw.prepare(
        'INSERT INTO record_sources (document_id, person_id, seen, normalized) VALUES (?, ?, ?, ?) ' +
          'ON CONFLICT (document_id) DO UPDATE SET person_id = excluded.person_id, seen = excluded.seen, normalized = excluded.normalized',
      ),
      // Takes the write lock before anything is read (RecordRepo.lockPerson).
      lock: raw.prepare('UPDATE record_dirty SET gen = gen WHERE 0'),
      hasFacts: raw.prepare('select "id" from "record_facts" where "person_id" = ? limit ?').pluck(),
      staleChanged: raw
        .prepare(
          'select "d"."id" from "documents" as "d" left join "record_sources" as "s" on "s"."document_id" = "d"."id" where "d"."person_id" = ? and "d"."state" not in (?, ?) and ("s"."seen" is null or "s"."seen" != "d"."updated_at" or "s"."person_id" is null or "s"."person_id" != ? or "s"."normalized" is null or "s"."normalized" != ?) limit ?',
        )
        .pluck(),
      staleLeft: raw
        .prepare('select "s"."document_id" from "record_sources" as "s" left join "documents" as "d" on "d"."id" = "s"."document_id" where "s"."person_id" = ? and ("d"."id" is null or "d"."person_id" is null or "d"."person_id" != ?) limit ?')
        .pluck(),
      dirtyBlocks: raw.prepare('select "kind", "block", "gen" from "record_dirty" where "person_id" = ? order by "kind", "block" limit ?').raw(true),
      isDirty: raw.prepare('select "block" from "record_dirty" where "person_id" = ? and "kind" = ? and "block" = ?').pluck(),
      decisions: raw.prepare('select * from "record_decisions" where "person_id" = ? order by "created_at"'),
      blockKeys: raw.prepare('select "key", "item_id" from "record_item_keys" where "person_id" = ? and "kind" = ? and "block" = ?').raw(true),
      deleteBlockItems: raw.prepare('delete from "record_items" where "person_id" = ? and "kind" = ? and "block" = ?'),
      deleteBlockKeys: raw.prepare('delete from "record_item_keys" where "person_id" = ? and "kind" = ? and "block" = ?'),
    };
    cache.set(raw, st);
  }
  return st;
}

/** SQLite: the resources of one document with one of `typeCount` types (bound after the document id), as arrays. */
export function resourcesOfDocument(raw: BetterSqlite3.Database, typeCount: number): BetterSqlite3.Statement {
  return listed(raw, 'SELECT id, person_id, json FROM resources WHERE document_id = ? AND resource_type IN ', typeCount).raw(true);
}

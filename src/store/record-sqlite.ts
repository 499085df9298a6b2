/**
 * SQLite, inside a reconcile transaction: the record's small per-chunk and per-block queries
 * as prepared statements, instead of a Kysely query built, compiled and looked up in the
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

export interface RecordReads {
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

const cache = new WeakMap<BetterSqlite3.Database, RecordReads>();

export function recordReads(raw: BetterSqlite3.Database): RecordReads {
  let st = cache.get(raw);
  if (!st) {
    st = {
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

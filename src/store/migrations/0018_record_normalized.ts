/**
 * record_sources.normalized: the normalization version (src/record/normalize/version.ts) a
 * document's facts were made with. NULL for documents seen before this column: the next
 * reconcile of their person reads them again with the current tables and rules.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

type AnyDb = Kysely<any>;

export const migration0018 = (_dialect: Dialect) => ({
  async up(db: AnyDb) {
    await db.schema.alterTable('record_sources').addColumn('normalized', 'text').execute();
  },
});

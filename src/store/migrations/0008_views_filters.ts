/**
 * Indexes for the web app's read models (issue 8), measured on the 92,000-resource bench person:
 * - record_items (person, kind, date, display, id) WHERE conflicts > 0: the Conflicts page and
 *   the home page's "sources disagree" count read only the items that disagree (a partial
 *   index: a few hundred entries instead of every item of the person);
 * - documents (person, created_at): the home page's newest documents without sorting them all;
 * - SQLite only, resources (person, type, month of date): the timeline counts per month in the
 *   order of this small index instead of grouping the (person, type, date, id) entries in a
 *   temporary b-tree. PostgreSQL cannot answer from an expression index alone (it would read
 *   the table), so it keeps counting from (person, type, date, id).
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

type AnyDb = Kysely<any>;

export const migration0008 = (dialect: Dialect) => ({
  async up(db: AnyDb) {
    await db.schema
      .createIndex('record_items_conflicting')
      .on('record_items')
      .columns(['person_id', 'kind', 'date', 'display', 'id'])
      .where(sql.ref('conflicts'), '>', 0)
      .execute();
    await db.schema.createIndex('documents_person_created').on('documents').columns(['person_id', 'created_at']).execute();
    if (dialect === 'sqlite') {
      await sql`CREATE INDEX resources_person_type_month ON resources (person_id, resource_type, substr(date, 1, 7))`.execute(db);
    }
  },
});

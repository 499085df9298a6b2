/**
 * person_waits: a document whose resources name a patient only by a reference to a Patient in
 * another file (a bulk export's Condition.ndjson saying `Patient/p1`) waits for that Patient.
 * When a person gets the identifier, the document is read again and lands on them.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

type AnyDb = Kysely<any>;

export const migration0020 = (_dialect: Dialect) => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('person_waits')
      .addColumn('document_id', 'text', (c) => c.notNull())
      .addColumn('identifier', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('person_waits_pk', ['document_id', 'identifier'])
      .execute();
    await db.schema.createIndex('person_waits_identifier').on('person_waits').column('identifier').execute();
  },
});

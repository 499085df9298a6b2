// The timeline's per-month counts stay true to the stored resources as they are added, changed
// and removed (on PostgreSQL they are kept in a table by triggers, migration 0015).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DIALECTS, openTestVessel, postgresSkipReason } from '../../test/helpers/vessels.js';
import { timeline, TIMELINE_TYPES } from './timeline.js';

for (const dialect of DIALECTS) test(`timeline counts follow resources added, changed and removed (${dialect})`, { skip: dialect === 'postgres' ? await postgresSkipReason() : false }, async (t) => {
  const tv = await openTestVessel(dialect);
  t.after(() => tv.cleanup());
  const { store } = tv.vessel;
  const { seedSyntheticPerson } = await import('../record/reconcile/bench.js');
  const seeded = await seedSyntheticPerson(store, { sources: 3, visitsPerSource: 3 });
  const personId = seeded.personId;

  /** What a user would count by hand: the person's dated resources per type and year / month. */
  const counted = async (from?: string, to?: string) => {
    const rows = await store.db.selectFrom('resources').select(['resource_type', 'date']).where('person_id', '=', personId).where('resource_type', 'in', TIMELINE_TYPES).where('date', 'is not', null).execute();
    const out: Record<string, number> = {};
    for (const r of rows) if ((!from || r.date! >= from) && (!to || r.date! < to)) out[`${r.resource_type} ${r.date!.slice(0, from ? 7 : 4)}`] = (out[`${r.resource_type} ${r.date!.slice(0, from ? 7 : 4)}`] ?? 0) + 1;
    return out;
  };
  const shown = async (from?: string, to?: string) => {
    const tl = await timeline(store, personId, { types: TIMELINE_TYPES, from, to });
    const out: Record<string, number> = {};
    for (const b of tl.buckets) for (const [type, c] of Object.entries(b.byType)) out[`${type} ${b.key}`] = c;
    return out;
  };
  const check = async (when: string) => {
    assert.deepEqual(await shown(), await counted(), `${when}: every year`);
    const year = Object.keys(await counted()).map((k) => k.split(' ')[1]).sort().at(-1)!;
    assert.deepEqual(await shown(year, String(Number(year) + 1)), await counted(year, String(Number(year) + 1)), `${when}: months of ${year}`);
  };
  await check('after the import');
  assert.ok(Object.keys(await counted()).length > 2, 'the person has dated facts of several types and years');

  // A fact moved to another year, one removed with its document's facts, one document deleted.
  const some = await store.db.selectFrom('resources').select(['id', 'document_id']).where('person_id', '=', personId).where('resource_type', '=', 'Observation').orderBy('id').limit(1).executeTakeFirstOrThrow();
  await sql`UPDATE resources SET date = '1999-06-01' WHERE id = ${some.id}`.execute(store.db);
  await check('after a date changed');
  const docs = await store.db.selectFrom('documents').select('id').where('person_id', '=', personId).orderBy('id').execute();
  await store.transaction((tx) => tx.resources.clearDocument(docs[0].id));
  await check("after a document's facts were cleared");
  await store.documents.delete(docs[1].id);
  await check('after a document was deleted');
  // Facts stored before their person was known, then given to the person.
  const orphan = { resourceType: 'Condition' as const, id: 'no-person-yet', subject: {}, recordedDate: '2001-02-03', code: { text: 'Asthma' } };
  await store.transaction((tx) => tx.resources.insertMany([{ resource: orphan, documentId: docs[2].id, location: {} }]));
  await check('after a fact without a person was stored');
  await sql`UPDATE resources SET person_id = ${personId} WHERE id = 'no-person-yet'`.execute(store.db);
  assert.equal((await counted())['Condition 2001'], 1, 'the fact counts for the person');
  await check('after the fact was given to the person');
});

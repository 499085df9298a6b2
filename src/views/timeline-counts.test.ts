// The timeline's per-month counts stay true to the stored resources as they are added, changed
// and removed, unfiltered and filtered to a facility, a source (channel) or one document (they are
// kept per document in a table by triggers, migration 0017); and two writers of one person's
// months do not wait for or deadlock each other (PostgreSQL).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DIALECTS, openTestVessel, postgresSkipReason } from '../../test/helpers/vessels.js';
import type { Store } from '../store/store.js';
import { timeline, TIMELINE_TYPES, type TimelineQuery } from './timeline.js';

type Filter = Pick<TimelineQuery, 'facility' | 'channel' | 'document'>;

/** What a user would count by hand: the person's dated resources per type and year / month, of the documents the filter names. */
async function counted(store: Store, personId: string, f: Filter, from?: string, to?: string): Promise<Record<string, number>> {
  const rows = await store.db
    .selectFrom('resources as r')
    .innerJoin('documents as d', 'd.id', 'r.document_id')
    .select(['r.resource_type', 'r.date', 'd.id as doc', 'd.channel', 'd.label_json'])
    .where('r.person_id', '=', personId)
    .where('r.resource_type', 'in', TIMELINE_TYPES)
    .where('r.date', 'is not', null)
    .execute();
  const out: Record<string, number> = {};
  for (const r of rows) {
    const facility = (JSON.parse(r.label_json) as { facility?: string }).facility;
    if ((f.facility && facility !== f.facility) || (f.channel && r.channel !== f.channel) || (f.document && r.doc !== f.document)) continue;
    if ((from && r.date! < from) || (to && r.date! >= to)) continue;
    const key = `${r.resource_type} ${r.date!.slice(0, from ? 7 : 4)}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

async function shown(store: Store, personId: string, f: Filter, from?: string, to?: string): Promise<Record<string, number>> {
  const tl = await timeline(store, personId, { ...f, types: TIMELINE_TYPES, from, to });
  const out: Record<string, number> = {};
  for (const b of tl.buckets) for (const [type, c] of Object.entries(b.byType)) out[`${type} ${b.key}`] = c;
  return out;
}

for (const dialect of DIALECTS) test(`timeline counts follow resources added, changed and removed, with and without a filter (${dialect})`, { skip: dialect === 'postgres' ? await postgresSkipReason() : false }, async (t) => {
  const tv = await openTestVessel(dialect);
  t.after(() => tv.cleanup());
  const { store } = tv.vessel;
  const { seedSyntheticPerson } = await import('../record/reconcile/bench.js');
  const seeded = await seedSyntheticPerson(store, { sources: 3, visitsPerSource: 3 });
  const personId = seeded.personId;
  const docs = await store.db.selectFrom('documents').select(['id', 'label_json']).where('person_id', '=', personId).orderBy('id').execute();
  // Most documents from one hospital, one from a clinic; two came by SMART.
  const label = async (id: string, facility: string, channel?: string) => {
    const d = await store.db.selectFrom('documents').select('label_json').where('id', '=', id).executeTakeFirstOrThrow();
    await store.db.updateTable('documents').set({ label_json: JSON.stringify({ ...JSON.parse(d.label_json), facility }), ...(channel ? { channel } : {}) }).where('id', '=', id).execute();
  };
  for (const [i, d] of docs.entries()) await label(d.id, i === 4 ? 'Valley Clinic' : 'Mercy Hospital', i === 5 || i === 6 ? 'smart' : undefined);
  const filters: Filter[] = [{}, { facility: 'Mercy Hospital' }, { facility: 'Valley Clinic' }, { channel: 'cli' }, { channel: 'smart' }, { document: docs[5].id }];

  const check = async (when: string) => {
    for (const f of filters) {
      const what = `${when}, ${JSON.stringify(f)}`;
      assert.deepEqual(await shown(store, personId, f), await counted(store, personId, f), `${what}: every year`);
      const year = Object.keys(await counted(store, personId, {})).map((k) => k.split(' ')[1]).sort().at(-1)!;
      const next = String(Number(year) + 1);
      assert.deepEqual(await shown(store, personId, f, year, next), await counted(store, personId, f, year, next), `${what}: months of ${year}`);
    }
  };
  await check('after the import');
  assert.ok(Object.keys(await counted(store, personId, {})).length > 2, 'the person has dated facts of several types and years');
  assert.ok(Object.keys(await counted(store, personId, { facility: 'Valley Clinic' })).length > 0, 'the clinic has facts of its own');

  // A fact moved to another year, one removed with its document's facts, one document deleted,
  // a document relabelled to the other facility.
  const some = await store.db.selectFrom('resources').select(['id', 'document_id']).where('person_id', '=', personId).where('resource_type', '=', 'Observation').orderBy('id').limit(1).executeTakeFirstOrThrow();
  await sql`UPDATE resources SET date = '1999-06-01' WHERE id = ${some.id}`.execute(store.db);
  await check('after a date changed');
  await store.transaction((tx) => tx.resources.clearDocument(docs[0].id));
  await check("after a document's facts were cleared");
  await store.documents.delete(docs[1].id);
  await check('after a document was deleted');
  await label(docs[2].id, 'Valley Clinic');
  await check('after a document moved to another facility');
  // Facts stored before their person was known, then given to the person; a fact moved to another document.
  const orphan = { resourceType: 'Condition' as const, id: 'no-person-yet', subject: {}, recordedDate: '2001-02-03', code: { text: 'Asthma' } };
  await store.transaction((tx) => tx.resources.insertMany([{ resource: orphan, documentId: docs[4].id, location: {} }]));
  await check('after a fact without a person was stored');
  await sql`UPDATE resources SET person_id = ${personId} WHERE id = 'no-person-yet'`.execute(store.db);
  assert.equal((await counted(store, personId, {}))['Condition 2001'], 1, 'the fact counts for the person');
  assert.equal((await shown(store, personId, { facility: 'Valley Clinic' }))['Condition 2001'], 1, "the fact counts for its document's facility");
  await check('after the fact was given to the person');
  await sql`UPDATE resources SET document_id = ${docs[3].id} WHERE id = 'no-person-yet'`.execute(store.db);
  await check('after the fact moved to another document');
  // A document's facts read again (cleared, then stored anew), as re-processing does.
  const again = await store.db.selectFrom('resources').select(['id', 'json', 'date']).where('document_id', '=', docs[5].id).execute();
  await store.transaction(async (tx) => {
    await tx.resources.clearDocument(docs[5].id);
    await tx.resources.insertMany(again.map((r) => ({ resource: JSON.parse(r.json), personId, documentId: docs[5].id, location: {} })));
  });
  await check('after a document was read again');
  // A person removed: their facts lose their person (ON DELETE SET NULL) and leave the counts.
  // (A document of its own: the seeded documents' names, hence their hashes and resource ids, would be the first person's.)
  const other = await seedSyntheticPerson(store, { sources: 0 });
  await other.addDocument('another-person-visit');
  assert.ok((await timeline(store, other.personId)).total > 0);
  await sql`DELETE FROM people WHERE id = ${other.personId}`.execute(store.db);
  const otherLeft = await sql<{ c: number | string }>`SELECT count(*) AS c FROM timeline_counts WHERE person_id = ${other.personId}`.execute(store.db);
  assert.equal(Number(otherLeft.rows[0].c), 0, 'no counts are left for a removed person');
  await check('after another person was removed');
  // Nothing is left counted for documents that no longer have facts.
  const left = await sql<{ document_id: string }>`SELECT DISTINCT document_id FROM timeline_counts WHERE person_id = ${personId}`.execute(store.db);
  assert.ok(!left.rows.some((r) => r.document_id === docs[0].id || r.document_id === docs[1].id), 'cleared and deleted documents leave no count rows');
});

test('two transactions writing one person\'s months at once both commit, without waiting for each other (postgres)', { skip: await postgresSkipReason() }, async (t) => {
  const tv = await openTestVessel('postgres');
  t.after(() => tv.cleanup());
  const { store } = tv.vessel;
  const { seedSyntheticPerson } = await import('../record/reconcile/bench.js');
  const seeded = await seedSyntheticPerson(store, { sources: 2, visitsPerSource: 1 });
  const personId = seeded.personId;
  const [a, b] = await store.db.selectFrom('documents').select('id').where('person_id', '=', personId).orderBy('id').execute();
  const condition = (id: string, date: string) => ({ resourceType: 'Condition' as const, id, subject: {}, recordedDate: date, code: { text: 'Asthma' } });
  const write = (tx: Store, documentId: string, id: string, date: string) => tx.resources.insertMany([{ resource: condition(id, date), personId, documentId, location: {} }]);
  let firstDone!: () => void;
  let secondDone!: () => void;
  const first = new Promise<void>((r) => (firstDone = r));
  const second = new Promise<void>((r) => (secondDone = r));
  // Each writes one month, then the month the other wrote, in crossing order: per-(person, type,
  // month) count rows made each wait for the other's commit, a deadlock PostgreSQL ends by
  // aborting one of them.
  await Promise.all([
    store.transaction(async (tx) => {
      await write(tx, a.id, 'a-jan', '2005-01-10');
      firstDone();
      await second;
      await write(tx, a.id, 'a-feb', '2005-02-10');
    }),
    store.transaction(async (tx) => {
      await first;
      await write(tx, b.id, 'b-feb', '2005-02-20');
      secondDone();
      await write(tx, b.id, 'b-jan', '2005-01-20');
    }),
  ]);
  const tl = await timeline(store, personId, { from: '2005', to: '2006', types: ['Condition'] });
  assert.deepEqual(tl.buckets.map((x) => [x.key, x.count]), [['2005-01', 2], ['2005-02', 2]]);
  assert.equal((await timeline(store, personId, { from: '2005', to: '2006', types: ['Condition'], document: a.id })).total, 2);
});

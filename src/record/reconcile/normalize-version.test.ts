/**
 * Facts made by an older normalization (other tables or rules) are re-derived: the documents
 * are read again when a worker starts or the person's next reconcile runs, so facts leave the
 * blocks the old rules put them in. Both dialects.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Resource } from '@medplum/fhirtypes';
import { DIALECTS, openTestVessel, postgresSkipReason } from '../../../test/helpers/vessels.js';
import type { Store } from '../../store/store.js';
import { addSyntheticDocument } from './bench.js';
import { reconcilePerson, scheduleRenormalize } from './job.js';
import { NORMALIZE_VERSION } from '../normalize/version.js';

const med = (text: string, asserted: string) => ({ resourceType: 'MedicationStatement', status: 'active', medicationCodeableConcept: { text }, dateAsserted: asserted }) as Resource;
const glucose = (day: string, value: number) => ({ resourceType: 'Observation', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '2345-7' }] }, effectiveDateTime: `${day}T08:00:00`, valueQuantity: { value, unit: 'mg/dL' } }) as Resource;

async function itemsOf(store: Store, personId: string): Promise<string[]> {
  const rows = await store.db.selectFrom('record_items').select(['json']).where('person_id', '=', personId).execute();
  return rows.map((r) => r.json).sort();
}

const blocksOf = async (store: Store, personId: string) =>
  (await store.db.selectFrom('record_facts').select('block').distinct().where('person_id', '=', personId).where('kind', '=', 'medications').execute()).map((r) => r.block).sort();

for (const dialect of DIALECTS) {
  test(`facts of an older normalization version are read again and leave their old blocks (${dialect})`, async (t) => {
    if (dialect === 'postgres') {
      const skip = await postgresSkipReason();
      if (skip) return t.skip(skip);
    }
    const tv = await openTestVessel(dialect);
    try {
      const { store, queue } = tv.vessel;
      const person = await store.people.create({ family: 'Version', given: ['Olga'], birthDate: '1955-05-05' });
      await addSyntheticDocument(store, person.id, 'a', [med('metformin 500 mg tablet', '2021-03-01'), glucose('2021-03-01', 101)]);
      await addSyntheticDocument(store, person.id, 'b', [med('Metformin 500 MG', '2022-04-02'), glucose('2022-04-02', 96)]);
      await reconcilePerson(store, person.id);
      const good = await itemsOf(store, person.id);
      assert.deepEqual(await blocksOf(store, person.id), ['metformin']);
      assert.equal(good.filter((j) => j.includes('"kind":"medications"')).length, 1, 'both sources of metformin are one item');

      // As an older version would have left it: its rules put the facts in another block, and
      // its items were built from them.
      for (const table of ['record_facts', 'record_items', 'record_item_keys'] as const) {
        await store.db.updateTable(table).set({ block: 'text:metformin' }).where('person_id', '=', person.id).where('kind', '=', 'medications').execute();
      }
      assert.equal((await reconcilePerson(store, person.id)).documents, 0, 'without a version nothing would be read again');
      assert.deepEqual(await blocksOf(store, person.id), ['text:metformin']);
      await store.db.updateTable('record_sources').set({ normalized: '0.older' }).where('person_id', '=', person.id).execute();
      assert.deepEqual(await store.record.peopleNormalizedBefore(), [person.id]);

      // A worker starting queues the person; the reconcile reads both documents again.
      assert.equal(await scheduleRenormalize(store, queue), 1);
      await tv.vessel.runJobsUntilIdle();
      assert.deepEqual(await blocksOf(store, person.id), ['metformin'], 'no fact left in the old block');
      assert.deepEqual(await itemsOf(store, person.id), good, 'the same items as a record made with the current version');
      const seen = await store.db.selectFrom('record_sources').select('normalized').where('person_id', '=', person.id).execute();
      assert.deepEqual(seen.map((s) => s.normalized), [NORMALIZE_VERSION, NORMALIZE_VERSION]);
      assert.deepEqual(await store.record.peopleNormalizedBefore(), []);
      assert.equal((await reconcilePerson(store, person.id)).documents, 0, 'read once: nothing stale afterwards');
    } finally {
      await tv.cleanup();
    }
  });
}

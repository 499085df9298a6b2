// The social-history list holds exactly the person's Observations of that category, newest
// first (on PostgreSQL read from the partial index of migration 0016).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Observation } from '@medplum/fhirtypes';
import { DIALECTS, openTestVessel, postgresSkipReason } from '../../test/helpers/vessels.js';
import { listView } from './lists.js';

const CAT = 'http://terminology.hl7.org/CodeSystem/observation-category';
const obs = (id: string, date: string, category: string | undefined, code: { system: string; code: string; display: string }): Observation & { id: string } => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  ...(category ? { category: [{ coding: [{ system: CAT, code: category }] }] } : {}),
  code: { coding: [code], text: code.display },
  effectiveDateTime: date,
  valueString: 'x',
});

for (const dialect of DIALECTS) test(`social-history list: that category only, newest first (${dialect})`, { skip: dialect === 'postgres' ? await postgresSkipReason() : false }, async (t) => {
  const tv = await openTestVessel(dialect);
  t.after(() => tv.cleanup());
  const { store } = tv.vessel;
  const { seedSyntheticPerson } = await import('../record/reconcile/bench.js');
  const seeded = await seedSyntheticPerson(store, { sources: 2, visitsPerSource: 2 });
  const doc = await store.db.selectFrom('documents').select('id').where('person_id', '=', seeded.personId).orderBy('id').executeTakeFirstOrThrow();
  const smoking = { system: 'http://loinc.org', code: '72166-2', display: 'Tobacco smoking status' };
  const items = [
    obs('sh-old', '2015-04-01', 'social-history', smoking),
    obs('sh-new', '2021-09-30', 'social-history', { system: 'http://loinc.org', code: '11331-6', display: 'History of alcohol use' }),
    // Same code, another category; and a code that reads `social-history` but is no category.
    obs('lab-smoking', '2020-01-01', 'laboratory', smoking),
    obs('not-category', '2022-01-01', undefined, { system: 'urn:local', code: 'social-history', display: 'Social history note' }),
  ];
  await store.transaction((tx) => tx.resources.insertMany(items.map((resource) => ({ resource, personId: seeded.personId, documentId: doc.id, location: {} }))));
  const list = await listView(store, seeded.personId, 'social-history');
  assert.deepEqual(list.items.map((i) => i.id), ['sh-new', 'sh-old'], 'the two social-history Observations, newest first');
  assert.equal(list.total, 2);
  assert.deepEqual(list.items.map((i) => i.title), ['History of alcohol use', 'Tobacco smoking status']);
});

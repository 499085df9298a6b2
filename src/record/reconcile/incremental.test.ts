/**
 * The record built step by step (documents arriving one or a few at a time, one re-read,
 * a user split in between) is the record a full rebuild makes from the same documents:
 * facts appended to items by their keys and blocks rebuilt in batches give the same items.
 * Both dialects.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { Resource } from '@medplum/fhirtypes';
import { DIALECTS, openTestVessel, postgresSkipReason } from '../../../test/helpers/vessels.js';
import type { Store } from '../../store/store.js';
import { addSyntheticDocument } from './bench.js';
import { decide, rebuildPerson, reconcilePerson } from './job.js';
import { nowIso } from '../../core/time.js';
import { createHash } from 'node:crypto';

const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 86400000).toISOString().slice(0, 10);
const snomed = (code: string, display: string) => ({ coding: [{ system: 'http://snomed.info/sct', code, display }] });
const med = (text: string, status: string, asserted: string) => ({ resourceType: 'MedicationStatement', status, medicationCodeableConcept: { text }, dateAsserted: asserted, effectiveDateTime: asserted });

/** One source's document: the standing lists (with their variations between sources) and the day's measurements. */
function documentOf(i: number): Resource[] {
  const date = day(i * 3);
  const out: object[] = [
    med('atorvastatin 20 mg tablet', i % 3 ? 'active' : 'completed', date),
    { resourceType: 'Condition', code: i % 2 ? snomed('59621000', 'Essential hypertension') : { coding: [...snomed('59621000', 'Essential hypertension').coding, { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I10' }] }, clinicalStatus: { coding: [{ code: i % 4 ? 'active' : 'resolved' }] }, recordedDate: date },
    { resourceType: 'Observation', status: 'final', category: [{ coding: [{ code: 'laboratory' }] }], code: { coding: [{ system: 'http://loinc.org', code: '2345-7' }] }, effectiveDateTime: `${day(i)}T08:30:00`, valueQuantity: { value: 90 + (i % 4), unit: 'mg/dL' } },
    { resourceType: 'Encounter', status: 'finished', period: { start: day(i) }, location: [{ location: { display: i % 2 ? 'Valley Clinic' : 'Hill Hospital' } }] },
  ];
  if (i % 3 === 0) out.push(med('atorvastatin 40 mg', 'active', date));
  if (i % 4 === 1) out.push(med('Lipitor', 'active', date)); // no strength: joins the single strength, else the other keyless ones
  if (i % 2 === 0) out.push(med('metformin 500 mg', 'active', date));
  if (i === 5) out.push(med('lisinopril', 'active', date));
  if (i === 7) out.push(med('metformin', 'active', date)); // joins the single strength…
  if (i === 10) out.push(med('metformin 1000 mg', 'active', date)); // …until a second one arrives: the keyless one stands alone again
  if (i % 5 === 2) out.push({ resourceType: 'Condition', code: { text: 'HTN' }, recordedDate: date });
  if (i % 4 === 3) out.push({ resourceType: 'Condition', code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I10' }], text: 'High blood pressure' }, recordedDate: date });
  if (i % 3 === 1) out.push({ resourceType: 'Condition', code: snomed('44054006', 'Diabetes mellitus type 2'), recordedDate: date });
  if (i % 2 === 1) out.push({ resourceType: 'AllergyIntolerance', code: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '7980', display: 'Penicillin' }] }, recordedDate: date });
  if (i === 9) out.push({ resourceType: 'AllergyIntolerance', code: snomed('716186003', 'No known allergy'), recordedDate: date });
  if (i % 3 !== 2) out.push({ resourceType: 'Immunization', status: 'completed', vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: i % 2 ? '141' : '140' }] }, occurrenceDateTime: day(Math.floor(i / 4) * 365) });
  if (i % 4 === 0) out.push({ resourceType: 'Procedure', status: 'completed', code: { text: 'Colonoscopy' }, performedDateTime: day(i) });
  return out as Resource[];
}

/**
 * Two fresh vessels of one dialect: the store under test and a reference store, cleaned up after
 * `fn`. Skipped where PostgreSQL is not running.
 */
async function withStorePair(dialect: (typeof DIALECTS)[number], t: TestContext, fn: (store: Store, full: Store) => Promise<void>): Promise<void> {
  if (dialect === 'postgres') {
    const skip = await postgresSkipReason();
    if (skip) return t.skip(skip);
  }
  const tv = await openTestVessel(dialect);
  const ref = await openTestVessel(dialect);
  try {
    await fn(tv.vessel.store, ref.vessel.store);
  } finally {
    await tv.cleanup();
    await ref.cleanup();
  }
}

async function itemsOf(store: Store, personId: string): Promise<string[]> {
  const rows = await store.db.selectFrom('record_items').select(['json']).where('person_id', '=', personId).execute();
  return rows.map((r) => r.json).sort();
}

for (const dialect of DIALECTS) {
  test(`a record built document by document equals a full rebuild (${dialect})`, async (t) => {
    // The same documents go into two stores: one reconciles incrementally, the other is rebuilt in full each step.
    await withStorePair(dialect, t, async (store, full) => {
      const person = await store.people.create({ family: 'Steps', given: ['Ada'], birthDate: '1960-02-03' });
      const refPerson = await full.people.create({ family: 'Steps', given: ['Ada'], birthDate: '1960-02-03' });
      let appended = 0;
      const compare = async (what: string) => {
        await rebuildPerson(full, refPerson.id);
        assert.deepEqual(await itemsOf(store, person.id), await itemsOf(full, refPerson.id), `after ${what}: the same items, sources, order and conflicts`);
      };
      const add = async (from: number, to: number) => {
        for (let i = from; i < to; i++) {
          await addSyntheticDocument(store, person.id, `doc-${i}`, documentOf(i));
          await addSyntheticDocument(full, refPerson.id, `doc-${i}`, documentOf(i));
        }
        appended += (await reconcilePerson(store, person.id)).appended;
        await compare(`documents ${from}–${to - 1}`);
      };
      await add(0, 4); // a first import of a few documents
      for (let i = 4; i < 12; i++) await add(i, i + 1); // then one at a time
      // A document read again (re-processing): its facts leave their items and come back.
      for (const s of [store, full]) await s.db.updateTable('documents').set({ updated_at: nowIso() }).where('filename', '=', 'doc-6.json').execute();
      await add(12, 13);
      // A user split: later documents of that kind go through their block's re-cluster.
      const atorvastatin = (await store.record.items(person.id, 'medications')).items.find((m) => m.strength === '20 mg')!;
      await decide(store, person.id, 'split', 'medications', [atorvastatin.resourceIds[1]]);
      await decide(full, refPerson.id, 'split', 'medications', [atorvastatin.resourceIds[1]]);
      await add(13, 16);

      assert.ok(appended > 20, `facts joined their items without a re-cluster (${appended})`);
      assert.ok((await itemsOf(store, person.id)).length > 20, 'the record has items');
      const split = (await store.record.items(person.id, 'medications')).items.filter((m) => m.strength === '20 mg');
      assert.equal(split.length, 2, 'the split holds');
      const left = await store.db.selectFrom('record_dirty').select('block').where('person_id', '=', person.id).execute();
      assert.deepEqual(left, [], 'no block is left waiting');
    });
  });
}

for (const dialect of DIALECTS) {
  test(`documents read in small pages (SQLite: big ones a page per transaction) make the same record (${dialect})`, async (t) => {
    if (dialect === 'postgres') {
      const skip = await postgresSkipReason();
      if (skip) return t.skip(skip);
    }
    const tv = await openTestVessel(dialect);
    try {
      const { store } = tv.vessel;
      const person = await store.people.create({ family: 'Pages', given: ['Bo'], birthDate: '1970-04-05' });
      for (let i = 0; i < 10; i++) await addSyntheticDocument(store, person.id, `doc-${i}`, documentOf(i));
      // Every document is "big" here (more than 4 resources): 3 resources a page, a page or so per transaction.
      const stats = await reconcilePerson(store, person.id, { pageSize: 3, bigDocument: 4, txFacts: 2 });
      assert.equal(stats.documents, 10);
      const paged = await itemsOf(store, person.id);
      await rebuildPerson(store, person.id);
      assert.deepEqual(paged, await itemsOf(store, person.id), 'the same items as one read of everything');
      const seen = await store.record.staleDocuments(person.id);
      assert.deepEqual(seen, [], 'every document counts as seen');
    } finally {
      await tv.cleanup();
    }
  });
}

for (const dialect of DIALECTS) {
  test(`a file naming several people: their records as if each had their own file; SQLite reads and rebuilds them in one transaction (${dialect})`, async (t) => {
    await withStorePair(dialect, t, async (store, full) => {
      const names = ['Ann', 'Ben', 'Cy'];
      const people: Array<{ id: string }> = [];
      const refPeople: Array<{ id: string }> = [];
      for (const [i, given] of names.entries()) {
        people.push(await store.people.create({ family: 'Bulk', given: [given], birthDate: `198${i}-01-01` }));
        refPeople.push(await full.people.create({ family: 'Bulk', given: [given], birthDate: `198${i}-01-01` }));
      }
      // One bulk file (the first person's document) holding all three people's resources, with the ids
      // each person's own file would give them; the reference store gets one file per person.
      await store.transaction(async (tx) => {
        const { doc } = await tx.documents.insertIfNew({ sha256: createHash('sha256').update('bulk').digest('hex'), channel: 'cli', filename: 'bulk.ndjson', format: 'fhir-ndjson', size: 1, state: 'done', personId: people[0].id });
        const rows = names.flatMap((name, p) => {
          const sha = createHash('sha256').update(`doc-${name}`).digest('hex');
          return documentOf(p * 5 + 1).map((r, i) => ({ resource: { ...r, id: createHash('sha1').update(`${sha}/${i}`).digest('hex') } as Resource & { id: string }, personId: people[p].id, documentId: doc.id, location: { line: i + 1 } }));
        });
        await tx.resources.insertMany(rows);
      });
      for (const [p, name] of names.entries()) await addSyntheticDocument(full, refPeople[p].id, `doc-${name}`, documentOf(p * 5 + 1));
      let transactions = 0;
      const transaction = store.transaction.bind(store);
      store.transaction = (fn) => {
        transactions++;
        return transaction(fn);
      };
      await reconcilePerson(store, people[0].id);
      for (const p of refPeople) await rebuildPerson(full, p.id);
      for (const [p, name] of names.entries()) {
        const items = await itemsOf(store, people[p].id);
        assert.ok(items.length > 5, `${name} has a record`);
        assert.deepEqual(items, await itemsOf(full, refPeople[p].id), `${name}: the same items as from a file of their own`);
      }
      // Before: the documents' transaction, then per person one rebuild and one finding nothing left (7).
      if (dialect === 'sqlite') assert.equal(transactions, 1, 'the documents and all three people rebuilt in one commit');
      else assert.equal(transactions, 7, 'PostgreSQL: one person per transaction');
    });
  });
}

/**
 * Lists from the merged record: the same medication received in a FHIR bundle and a C-CDA
 * (fixtures of src/record) shows as one line naming both documents, with the stopped/active
 * disagreement flagged; before the record is built the list falls back to the received facts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIALECTS, openTestVessel, postgresSkipReason } from '../../test/helpers/vessels.js';
import { fhirAdapter } from '../sources/fhir/index.js';
import { ccdaAdapter } from '../sources/ccda/index.js';
import { listView } from './lists.js';
import { homeView } from './summary.js';
import { buildServer } from '../server/app.js';
import { signIn } from '../../test/helpers/api.js';
import { ITEM_KINDS } from '../record/normalize/fact.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../record/reconcile/fixtures');
const fixture = (n: string) => fs.readFileSync(path.join(fixtures, n));

for (const dialect of DIALECTS) test(`lists show one line per merged item with its sources (${dialect})`, { skip: dialect === 'postgres' ? await postgresSkipReason() : false }, async (t) => {
  const tv = await openTestVessel(dialect, { adapters: [fhirAdapter, ccdaAdapter] });
  t.after(() => tv.cleanup());
  const v = tv.vessel;
  await v.importer.importBytes(fixture('maria-fhir.json'), 'maria-fhir.json', { channel: 'upload' });
  await v.importer.importBytes(fixture('maria-ccda.xml'), 'maria-ccda.xml', { channel: 'upload' });
  await v.runJobsUntilIdle();
  const [person] = await v.store.people.list();

  const meds = await listView(v.store, person.id, 'medications');
  assert.equal(meds.total, 1, `one line for the medication both documents list, got ${meds.items.map((f) => f.title).join(' | ')}`);
  const [med] = meds.items;
  assert.deepEqual(med.merged?.sources.map((s) => s.filename).sort(), ['maria-ccda.xml', 'maria-fhir.json']);
  assert.equal(med.merged?.sources[0].documentId, med.source.documentId, 'the display source comes first');
  assert.equal(med.merged?.conflicts.length, 1);
  assert.match(med.merged!.conflicts[0], /active.*stopped|stopped.*active/, 'the status disagreement is named');
  assert.ok(await v.store.resources.get(med.id), 'the line opens a stored resource');

  const home = (await homeView(v.store, person.id))!;
  assert.ok(home.problems.every((p) => p.merged), 'home key figures come from the merged record too');

  // The Conflicts page asks the server for the items that disagree only, of every kind.
  const app = await buildServer(v);
  const api = await signIn(app, v);
  try {
    const all = await Promise.all(ITEM_KINDS.map(async (k) => (await api(`/api/people/${person.id}/items?type=${k}&limit=2000`)).json().items as Array<{ id: string; conflicts: unknown[] }>));
    const expected = all.flat().filter((i) => i.conflicts.length).map((i) => i.id).sort();
    const only = (await api(`/api/people/${person.id}/items?conflicts=1`)).json() as { total: number; items: Array<{ id: string; type: string; conflicts: unknown[]; sources: unknown[] }> };
    assert.ok(expected.length >= 1, 'the fixtures disagree about the medication');
    assert.deepEqual(only.items.map((i) => i.id).sort(), expected, 'exactly the items whose sources disagree');
    assert.equal(only.total, expected.length);
    assert.ok(only.items.every((i) => i.sources.length >= 2), 'each with its sources, to compare side by side');
    const meds = (await api(`/api/people/${person.id}/items?conflicts=1&type=medications`)).json();
    assert.deepEqual(meds.items.map((i: { type: string }) => i.type), ['medications']);
    assert.equal((await api(`/api/people/${person.id}/items?conflicts=1&type=results`)).json().total, all[ITEM_KINDS.indexOf('results')].filter((i) => i.conflicts.length).length);
    assert.equal((await api(`/api/people/${person.id}/items`)).statusCode, 400, 'without conflicts=1 a type is still required');
    assert.equal(home.conflicts, expected.length, 'the home page counts the same items');
  } finally {
    await app.close();
  }

  // Without the record (never reconciled), the received facts are listed: nothing disappears.
  await v.store.record.resetPerson(person.id);
  const raw = await listView(v.store, person.id, 'medications');
  assert.equal(raw.total, 2, 'one fact per document');
  assert.ok(raw.items.every((f) => !f.merged));
});

for (const dialect of DIALECTS) test(`a medication line carries its dose history: the items of the same ingredient, oldest first (${dialect})`, { skip: dialect === 'postgres' ? await postgresSkipReason() : false }, async (t) => {
  const tv = await openTestVessel(dialect, { adapters: [fhirAdapter] });
  t.after(() => tv.cleanup());
  const med = (id: string, text: string, start: string, status: string) => ({
    resource: { resourceType: 'MedicationStatement', id, status, subject: { reference: 'urn:uuid:p1' }, medicationCodeableConcept: { text }, effectivePeriod: { start } },
  });
  const bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { fullUrl: 'urn:uuid:p1', resource: { resourceType: 'Patient', id: 'p1', name: [{ given: ['Dora'], family: 'Doses' }], birthDate: '1955-04-04' } },
      med('m1', 'Metformin 500 MG Oral Tablet', '2015-03-02', 'stopped'),
      med('m2', 'Metformin 1000 MG Oral Tablet', '2018-06-10', 'active'),
      med('m3', 'Lisinopril 10 MG Oral Tablet', '2016-01-05', 'active'),
    ],
  };
  await tv.vessel.importer.importBytes(Buffer.from(JSON.stringify(bundle)), 'doses.json', { channel: 'upload' });
  await tv.vessel.runJobsUntilIdle();
  const [person] = await tv.vessel.store.people.list();
  const meds = await listView(tv.vessel.store, person.id, 'medications');
  const line = (word: string) => meds.items.find((f) => f.title.includes(word))!;
  for (const strength of ['500', '1000']) {
    const doses = line(`Metformin ${strength}`).merged?.doses;
    assert.deepEqual(
      doses?.map((d) => [d.date, d.display]),
      [
        ['2015-03-02', 'Metformin 500 MG Oral Tablet'],
        ['2018-06-10', 'Metformin 1000 MG Oral Tablet'],
      ],
      'both metformin lines show the same history',
    );
  }
  assert.equal(line('Lisinopril').merged?.doses, undefined, 'one dose is no history');
});

/** A payer's patient-access export: a Patient, a pharmacy claim and a professional claim (written for this test). */
const payerBundle = {
  resourceType: 'Bundle',
  type: 'searchset',
  entry: [
    { fullUrl: 'https://payer.example/fhir/Patient/m1', resource: { resourceType: 'Patient', id: 'm1', identifier: [{ system: 'https://payer.example/member', value: 'M-1' }], name: [{ family: 'Payerson', given: ['Pat'] }], birthDate: '1950-04-02' } },
    {
      fullUrl: 'https://payer.example/fhir/ExplanationOfBenefit/rx1',
      resource: {
        resourceType: 'ExplanationOfBenefit', id: 'rx1', status: 'active', use: 'claim', outcome: 'complete', created: '2024-03-02',
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'pharmacy', display: 'Pharmacy' }] },
        patient: { reference: 'Patient/m1' }, insurer: { display: 'Payer' }, provider: { display: 'Corner Pharmacy' },
        insurance: [{ focal: true, coverage: { display: 'Part D' } }],
        item: [{ sequence: 1, productOrService: { coding: [{ system: 'http://hl7.org/fhir/sid/ndc', code: '00093715698', display: 'Atorvastatin 20 MG Oral Tablet' }] }, servicedDate: '2024-03-01' }],
      },
    },
    {
      fullUrl: 'https://payer.example/fhir/ExplanationOfBenefit/pro1',
      resource: {
        resourceType: 'ExplanationOfBenefit', id: 'pro1', status: 'active', use: 'claim', outcome: 'complete', created: '2024-01-20',
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional', display: 'Professional' }] },
        patient: { reference: 'Patient/m1' }, insurer: { display: 'Payer' }, provider: { display: 'Dr. Bone' },
        insurance: [{ focal: true, coverage: { display: 'Part B' } }],
        item: [{ sequence: 1, productOrService: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '77080' }] }, servicedDate: '2024-01-18' }],
      },
    },
  ],
};

for (const dialect of DIALECTS) test(`a payer's claims list the medicines filled and services billed, none of them current (${dialect})`, { skip: dialect === 'postgres' ? await postgresSkipReason() : false }, async (t) => {
  const tv = await openTestVessel(dialect, { adapters: [fhirAdapter] });
  t.after(() => tv.cleanup());
  const v = tv.vessel;
  await v.importer.importBytes(Buffer.from(JSON.stringify(payerBundle)), 'payer.json', { channel: 'upload' });
  await v.runJobsUntilIdle();
  const [person] = await v.store.people.list();

  const meds = await listView(v.store, person.id, 'medications');
  assert.deepEqual(meds.items.map((m) => [m.title, m.detail, m.status, m.date]), [['Atorvastatin 20 MG Oral Tablet', 'Pharmacy claim', 'completed', '2024-03-01']]);
  const procedures = await listView(v.store, person.id, 'procedures');
  assert.deepEqual(procedures.items.map((p) => [p.title, p.detail, p.status, p.date]), [['CPT 77080', 'Professional claim', 'completed', '2024-01-18']]);
  const home = (await homeView(v.store, person.id))!;
  assert.deepEqual(home.medications, [], 'a fill is no statement that the medicine is taken now');
});

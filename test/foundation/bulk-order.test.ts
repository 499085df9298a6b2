// A bulk export's files are separate documents, read by several workers in any order: a file
// that only refers to its patients (Condition.ndjson: `subject: Patient/p1`) may be read before
// the Patient file. Its resources must still end on that person, with their facts, once the
// Patient arrives — not stay with no person, and no nameless person made from the reference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestVessel, postgresSkipReason } from '../helpers/vessels.js';

const patients = [
  { resourceType: 'Patient', id: 'p1', name: [{ family: 'Quillfeather', given: ['Odile'] }], birthDate: '1961-04-09', gender: 'female' },
  { resourceType: 'Patient', id: 'p2', name: [{ family: 'Marchbanks', given: ['Teo'] }], birthDate: '1990-12-01', gender: 'male' },
];
const conditions = [
  { resourceType: 'Condition', id: 'c1', subject: { reference: 'Patient/p1' }, code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'E11.9', display: 'Type 2 diabetes mellitus without complications' }] }, onsetDateTime: '2015-03-02' },
  { resourceType: 'Condition', id: 'c2', subject: { reference: 'Patient/p2' }, code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'J45.909', display: 'Unspecified asthma, uncomplicated' }] }, onsetDateTime: '2001-06-10' },
];
const ndjson = (rs: object[]) => Buffer.from(rs.map((r) => JSON.stringify(r)).join('\n') + '\n');

for (const dialect of DIALECTS) {
  test(`a bulk file read before its Patient file ends on the right people (${dialect})`, { skip: dialect === 'postgres' ? await postgresSkipReason() : false }, async (t) => {
    const tv = await openTestVessel(dialect);
    t.after(() => tv.cleanup());
    const v = tv.vessel;
    await v.importer.importBytes(ndjson(conditions), 'Condition.000.ndjson', { channel: 'cli' });
    await v.runJobsUntilIdle({ pollMs: 5 });
    assert.deepEqual(await v.store.people.list(), [], 'a reference alone makes no person');
    await v.importer.importBytes(ndjson(patients), 'Patient.000.ndjson', { channel: 'cli' });
    await v.runJobsUntilIdle({ pollMs: 5 });
    const people = await v.store.people.list();
    assert.deepEqual(people.map((p) => p.family).sort(), ['Marchbanks', 'Quillfeather']);
    for (const [family, code] of [['Quillfeather', 'E11.9'], ['Marchbanks', 'J45.909']] as const) {
      const person = people.find((p) => p.family === family)!;
      const stored = await v.store.resources.list({ personId: person.id });
      const cond = stored.filter((r) => r.resourceType === 'Condition');
      assert.equal(cond.length, 1, `${family}'s condition is on ${family}`);
      assert.match(JSON.stringify(cond[0].resource), new RegExp(code.replace('.', '\\.')));
      const { items } = await v.store.record.items(person.id, 'problems');
      assert.ok(items.some((i) => JSON.stringify(i).includes(code)), `${family}'s problem list holds ${code}`);
    }
    const docs = await v.store.documents.list();
    const condDoc = docs.find((d) => d.filename === 'Condition.000.ndjson')!;
    assert.equal(condDoc.state, 'done');
    assert.ok(!condDoc.label.needsPerson, 'the file no longer waits for the user to choose a person');
  });
}

test('a bulk export folder: the Patient file is queued before the files that refer to it', async (t) => {
  const { patientFilesFirst } = await import('../../src/ingest/importer.js');
  assert.deepEqual(['AllergyIntolerance.ndjson', 'Condition.000.ndjson', 'Patient.000.ndjson', 'Patient.001.ndjson', 'Observation.ndjson'].sort(patientFilesFirst), [
    'Patient.000.ndjson',
    'Patient.001.ndjson',
    'AllergyIntolerance.ndjson',
    'Condition.000.ndjson',
    'Observation.ndjson',
  ]);
  const fs = await import('node:fs');
  const path = await import('node:path');
  const { tempDir } = await import('../helpers/vessels.js');
  const dir = tempDir('bulk-folder-');
  fs.writeFileSync(path.join(dir, 'Condition.000.ndjson'), ndjson(conditions));
  fs.writeFileSync(path.join(dir, 'Patient.000.ndjson'), ndjson(patients));
  const tv = await openTestVessel('sqlite');
  t.after(async () => {
    await tv.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  await tv.vessel.importer.importPaths([dir]);
  await tv.vessel.runJobsUntilIdle({ pollMs: 5 });
  const people = await tv.vessel.store.people.list();
  assert.deepEqual(people.map((p) => p.family).sort(), ['Marchbanks', 'Quillfeather']);
  for (const p of people) assert.equal((await tv.vessel.store.resources.list({ personId: p.id })).filter((r) => r.resourceType === 'Condition').length, 1);
});

test('a bulk part naming many patients decides them over one listing of the people, and a patient named twice is one person', async (t) => {
  const { PeopleRepo } = await import('../../src/store/people.js');
  const many = Array.from({ length: 30 }, (_, i) => ({ resourceType: 'Patient', id: `m${i}`, name: [{ family: `Family${i}`, given: ['Ada'] }], birthDate: `1950-01-${String((i % 28) + 1).padStart(2, '0')}` }));
  // The same patient again under another id in the same part (another server's copy): the person made for m0 above.
  const again = { ...many[0], id: 'm0-copy' };
  const conds = many.map((p, i) => ({ resourceType: 'Condition', id: `k${i}`, subject: { reference: `Patient/${p.id}` }, code: { text: `Condition ${i}` }, onsetDateTime: '2020-01-01' }));
  const tv = await openTestVessel('sqlite');
  t.after(() => tv.cleanup());
  const v = tv.vessel;
  const list = PeopleRepo.prototype.list;
  let listings = 0;
  PeopleRepo.prototype.list = function (this: InstanceType<typeof PeopleRepo>, ...a: Parameters<typeof list>) {
    listings++;
    return list.apply(this, a);
  };
  t.after(() => (PeopleRepo.prototype.list = list));
  await v.importer.importBytes(ndjson([...many, again]), 'Patient.000.ndjson', { channel: 'cli' });
  await v.runJobsUntilIdle({ pollMs: 5 });
  // One listing for the part's 31 subjects (31 before: one per subject).
  assert.equal(listings, 1);
  const people = await v.store.people.list();
  assert.equal(people.length, 30);
  await v.importer.importBytes(ndjson(conds), 'Condition.000.ndjson', { channel: 'cli' });
  await v.runJobsUntilIdle({ pollMs: 5 });
  for (const [i, p] of many.entries()) {
    const person = people.find((x) => x.family === p.name[0].family)!;
    const stored = (await v.store.resources.list({ personId: person.id })).filter((r) => r.resourceType === 'Condition');
    assert.deepEqual(stored.map((r) => (r.resource as { code?: { text?: string } }).code?.text), [`Condition ${i}`], `${p.name[0].family}'s condition is on them`);
  }
});

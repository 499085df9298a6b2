// Importing a mixed folder end to end (vault → documents → jobs → adapter → store), on both dialects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIALECTS, openTestVessel, postgresSkipReason, tempDir } from '../helpers/vessels.js';
import { textFixtureAdapter } from '../helpers/text-adapter.js';
import { makeZip } from '../helpers/zip.js';

function mixedFolder(): string {
  const dir = tempDir('vessel-import-');
  fs.writeFileSync(path.join(dir, 'labs.txt'), 'Patient: Ada Testbury, 1950-02-03, MRN 77\nGlucose 99 mg/dL 2020-01-02\nPage\nPotassium 4.1 mmol/L 2020-01-02\n');
  fs.writeFileSync(path.join(dir, 'copy-of-labs.txt'), fs.readFileSync(path.join(dir, 'labs.txt')));
  fs.writeFileSync(path.join(dir, 'empty.pdf'), '');
  fs.writeFileSync(path.join(dir, 'mystery.bin'), Buffer.from([0, 1, 2, 3, 250, 0, 9, 9]));
  fs.writeFileSync(path.join(dir, 'crash.txt'), 'CRASH');
  fs.writeFileSync(path.join(dir, 'scan.pdf'), '%PDF-1.4\n%%EOF\n');
  const inner = makeZip([{ name: 'note.txt', data: Buffer.from('Patient: Ada Testbury, 1950-02-03\nSodium 140 mmol/L 2021-05-06\n') }]);
  fs.writeFileSync(
    path.join(dir, 'download-my-record.zip'),
    makeZip([
      { name: 'IHE_XDM/SUBSET01/DOC0001.txt', data: Buffer.from('Patient: Bo Sample, 1980-07-08\nTSH 2.1 mIU/L 2022-03-04\n') },
      { name: '../../escape.txt', data: Buffer.from('zip slip') },
      { name: 'nested.zip', data: inner },
    ]),
  );
  return dir;
}

for (const dialect of DIALECTS) {
  test(`import pipeline on ${dialect}`, { skip: dialect === 'postgres' ? await postgresSkipReason() : false }, async (t) => {
    const tv = await openTestVessel(dialect, { adapters: [textFixtureAdapter] });
    const v = tv.vessel;
    t.after(() => tv.cleanup());
    const dir = mixedFolder();

    const events = await v.importer.importPaths([dir]);
    await v.runJobsUntilIdle({ pollMs: 10 });

    await t.test('every file shows the right state with a clear reason', async () => {
      const byName = new Map((await v.store.documents.list()).map((d) => [d.filename, d]));
      // Two files with the same bytes: whichever arrived first is the document, the other a duplicate.
      const labs = [byName.get('copy-of-labs.txt'), byName.get('labs.txt')].filter(Boolean);
      assert.equal(labs.length, 1);
      assert.equal(labs[0]!.state, 'done');
      assert.equal(byName.get('empty.pdf')?.state, 'failed');
      assert.match(byName.get('empty.pdf')!.error!, /empty/);
      assert.equal(byName.get('mystery.bin')?.state, 'unsupported');
      assert.match(byName.get('mystery.bin')!.error!, /not recognised/);
      assert.equal(byName.get('crash.txt')?.state, 'failed');
      assert.match(byName.get('crash.txt')!.error!, /crashed on purpose/);
      assert.equal(byName.get('scan.pdf')?.state, 'unsupported', 'no PDF reader in this test: kept, re-processable');
      const zip = byName.get('download-my-record.zip')!;
      assert.equal(zip.state, 'done');
      assert.match(JSON.stringify(zip.issues), /zip slip/);
      assert.equal(byName.get('DOC0001.txt')?.parentId, zip.id);
      assert.equal(byName.get('note.txt')?.state, 'done', 'a zip inside a zip is expanded');
      assert.equal(byName.has('escape.txt'), false);
    });

    await t.test('the same bytes twice are one document, and the import says so', async () => {
      const pair = events.filter((e) => e.path.endsWith('labs.txt'));
      assert.deepEqual(pair.map((e) => e.status).sort(), ['duplicate', 'stored']);
      const dup = pair.find((e) => e.status === 'duplicate');
      assert.match(dup!.message!, /already stored/);
    });

    await t.test('people are attached by identity: one person per patient, across documents', async () => {
      const people = await v.store.people.list();
      assert.deepEqual(people.map((p) => p.displayName).sort(), ['Ada Testbury', 'Bo Sample']);
      const ada = people.find((p) => p.family === 'Testbury')!;
      const obs = await v.store.resources.list({ personId: ada.id, type: 'Observation' });
      assert.deepEqual(obs.map((o) => (o.resource as { code: { text: string } }).code.text).sort(), ['Glucose', 'Potassium', 'Sodium']);
      const potassium = obs.find((o) => o.date === '2020-01-02' && JSON.stringify(o.resource).includes('Potassium'))!;
      assert.equal((await v.store.resources.get(potassium.id))?.location.page, 2, 'provenance keeps the page');
    });

    await t.test('importing again and re-processing change nothing', async () => {
      const before = await v.store.resources.countByType();
      const again = await v.importer.importPaths([dir]);
      assert.ok(again.filter((e) => e.documentId).every((e) => e.status === 'duplicate' || e.path.includes('!/')));
      const labs = (await v.store.documents.list()).find((d) => d.filename.endsWith('labs.txt'))!;
      await v.queue.enqueue('ingest', { documentId: labs.id });
      await v.runJobsUntilIdle({ pollMs: 10 });
      assert.deepEqual(await v.store.resources.countByType(), before);
      assert.equal((await v.store.people.list()).length, 2);
    });

    await t.test('page text is searchable', async () => {
      const hits = await v.store.search.search('potassium');
      assert.ok(hits.some((h) => h.kind === 'page' && h.page === 2));
    });
  });
}

test('a file over the size limit is refused with a clear error and not stored', async (t) => {
  const tv = await openTestVessel('sqlite', { limits: { maxFileBytes: 1000 } });
  t.after(() => tv.cleanup());
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'huge.txt'), 'x'.repeat(5000));
  const [ev] = await tv.vessel.importer.importPaths([dir]);
  assert.equal(ev.status, 'failed');
  assert.match(ev.message!, /over the limit/);
  const doc = await tv.vessel.store.documents.get(ev.documentId!);
  assert.equal(doc?.state, 'failed');
  assert.equal(await tv.vessel.vault.has(doc!.sha256), false);
});

test('a file found inside a document belongs to the same person', async (t) => {
  const { fhirAdapter } = await import('../../src/sources/fhir/index.js');
  const { textAdapter } = await import('../../src/sources/text/index.js');
  const tv = await openTestVessel('sqlite', { adapters: [fhirAdapter, textAdapter] });
  t.after(() => tv.cleanup());
  const dir = tempDir();
  const note = Buffer.from('Visit note: knee pain improving.').toString('base64');
  fs.writeFileSync(
    path.join(dir, 'bundle.json'),
    JSON.stringify({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { fullUrl: 'urn:uuid:p1', resource: { resourceType: 'Patient', id: 'p1', name: [{ family: 'Testbury', given: ['Ada'] }], birthDate: '1950-02-03' } },
        { fullUrl: 'urn:uuid:d1', resource: { resourceType: 'DocumentReference', id: 'd1', status: 'current', subject: { reference: 'urn:uuid:p1' }, content: [{ attachment: { contentType: 'text/plain', data: note } }] } },
      ],
    }),
  );
  await tv.vessel.importer.importPaths([dir]);
  await tv.vessel.runJobsUntilIdle({ pollMs: 5 });
  const docs = await tv.vessel.store.documents.list();
  const parent = docs.find((d) => d.filename === 'bundle.json')!;
  const child = docs.find((d) => d.parentId === parent.id);
  assert.ok(parent.personId, 'the bundle is attached to its patient');
  assert.equal(child?.state, 'done');
  assert.equal(child?.personId, parent.personId);
  assert.ok((await tv.vessel.store.search.search('knee', { personId: parent.personId })).some((h) => h.documentId === child!.id));
});

for (const dialect of DIALECTS) {
  test(`a note inside a file about several patients belongs to the patient of the resource holding it, on ${dialect}`, { skip: dialect === 'postgres' ? await postgresSkipReason() : false }, async (t) => {
    const { fhirAdapter } = await import('../../src/sources/fhir/index.js');
    const { textAdapter } = await import('../../src/sources/text/index.js');
    const tv = await openTestVessel(dialect, { adapters: [fhirAdapter, textAdapter] });
    t.after(() => tv.cleanup());
    const dir = tempDir();
    const note = (text: string) => ({ contentType: 'text/plain', data: Buffer.from(text).toString('base64') });
    // A bulk export: one file per type, each naming several patients.
    const lines = [
      { resourceType: 'Patient', id: 'ada', name: [{ family: 'Testbury', given: ['Ada'] }], birthDate: '1950-02-03' },
      { resourceType: 'Patient', id: 'bo', name: [{ family: 'Sample', given: ['Bo'] }], birthDate: '1980-07-08' },
      { resourceType: 'DocumentReference', id: 'n1', status: 'current', subject: { reference: 'Patient/ada' }, content: [{ attachment: note('Ada: knee pain improving.') }] },
      { resourceType: 'DocumentReference', id: 'n2', status: 'current', subject: { reference: 'Patient/bo' }, content: [{ attachment: note('Bo: wrist sprain, splint for two weeks.') }] },
    ];
    fs.writeFileSync(path.join(dir, 'export.ndjson'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    await tv.vessel.importer.importPaths([dir]);
    await tv.vessel.runJobsUntilIdle({ pollMs: 5 });
    const people = await tv.vessel.store.people.list();
    const ada = people.find((p) => p.family === 'Testbury')!;
    const bo = people.find((p) => p.family === 'Sample')!;
    const docs = await tv.vessel.store.documents.list();
    const parent = docs.find((d) => d.filename === 'export.ndjson')!;
    const notes = docs.filter((d) => d.parentId === parent.id);
    assert.equal(notes.length, 2);
    assert.ok(notes.every((d) => d.state === 'done' && d.channel === 'embedded'));
    const kneeHits = (await tv.vessel.store.search.search('knee', { personId: ada.id })).filter((h) => h.kind === 'page');
    const wristHits = (await tv.vessel.store.search.search('wrist', { personId: bo.id })).filter((h) => h.kind === 'page');
    assert.ok(kneeHits.some((h) => notes.some((n) => n.id === h.documentId && n.personId === ada.id)), "Ada's note is Ada's");
    assert.ok(wristHits.some((h) => notes.some((n) => n.id === h.documentId && n.personId === bo.id)), "Bo's note is Bo's");
    const original = await tv.vessel.vault.get(notes.find((n) => n.personId === bo.id)!.sha256);
    assert.equal(original.toString(), 'Bo: wrist sprain, splint for two weeks.', 'the note keeps its original bytes');
  });
}

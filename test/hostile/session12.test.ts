// Hostile input found by mutation fuzzing in session 12, end to end through the real import
// pipeline (the readers' own tests hold the details). Each file ends in a clear state, and the
// ordinary file beside it is read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openTestVessel, tempDir } from '../helpers/vessels.js';

const deep = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;

test('an NDJSON export with one line nested 100,000 deep keeps its other lines; the document is done with the line refused', async (t) => {
  const tv = await openTestVessel('sqlite');
  t.after(() => tv.cleanup());
  const dir = tempDir('vessel-hostile12-');
  const patient = JSON.stringify({ resourceType: 'Patient', id: 'p1', name: [{ family: 'Deepfile' }], birthDate: '1970-01-02' });
  const obs = JSON.stringify({ resourceType: 'Observation', id: 'o2', status: 'final', code: { text: 'Glucose' }, subject: { reference: 'Patient/p1' } });
  const hostileLine = `{"resourceType":"Observation","id":"o1","status":"final","code":{"text":"x"},"subject":{"reference":"Patient/p1"},"note":[{"text":"a"}],"extension":${deep(100_000)}}`;
  fs.writeFileSync(path.join(dir, 'export.ndjson'), `${patient}\n${hostileLine}\n${obs}\n`);
  fs.writeFileSync(path.join(dir, 'zz-ordinary.txt'), 'Ordinary visit note: blood pressure 120/80.');

  await tv.vessel.importer.importPaths([dir]);
  await tv.vessel.runJobsUntilIdle({ pollMs: 5 });
  const docs = await tv.vessel.store.documents.list({ limit: 100 });
  const byName = new Map(docs.map((d) => [d.filename, d]));
  const exp = byName.get('export.ndjson')!;
  assert.equal(exp.state, 'done', `${exp.state}: ${exp.error}`);
  assert.match(JSON.stringify(exp.issues), /line 2: JSON nested more than 256 levels deep/);
  const types = (await tv.vessel.store.resources.list({ documentId: exp.id })).map((r) => r.resourceType);
  assert.deepEqual(types.sort(), ['Observation', 'Patient']);
  assert.equal(byName.get('zz-ordinary.txt')?.state, 'done');
});

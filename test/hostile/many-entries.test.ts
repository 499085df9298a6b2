// Hostile sizes found by a crafted-input probe (session 14), end to end: a reader's list of
// issues handed to the ingest job was appended with `push(...list)`, which throws "Maximum call
// stack size exceeded" past ~125,000 items: a FHIR Bundle of 150,000 entries each with a problem
// failed as a whole ("could not read this fhir-json file: Maximum call stack size exceeded").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openTestVessel, tempDir } from '../helpers/vessels.js';

test('a FHIR Bundle of 150,000 entries each with a problem is done, its issues kept, its good entry stored', async (t) => {
  const tv = await openTestVessel('sqlite');
  t.after(() => tv.cleanup());
  const dir = tempDir('vessel-s14-');
  const n = 150_000;
  const entry = Array.from({ length: n }, (_, i) => ({ resource: { resourceType: 'Observation', id: `o${i}`, code: { text: 'Glucose' }, valueQuantity: { value: 95, unit: 'mg/dL' } } }));
  entry.push({ resource: { resourceType: 'Observation', id: 'good', status: 'final', code: { text: 'Glucose' }, valueQuantity: { value: 95, unit: 'mg/dL' } } as never });
  fs.writeFileSync(path.join(dir, 'bundle.json'), JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry }));
  const [ev] = await tv.vessel.importer.importPaths([path.join(dir, 'bundle.json')]);
  await tv.vessel.runJobsUntilIdle({ pollMs: 5 });
  const doc = (await tv.vessel.store.documents.get(ev!.documentId!))!;
  assert.equal(doc.state, 'done', doc.error ?? '');
  assert.equal(doc.issues.length, 500, 'the first 500 issues are kept (the document\'s cap)');
  assert.match(doc.issues[0]!.message, /missing status/);
  const stored = await tv.vessel.store.resources.list({ documentId: doc.id });
  assert.equal(stored.length, 1, 'the one entry with a status is stored');
});

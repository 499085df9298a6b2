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

  // Without the record (never reconciled), the received facts are listed: nothing disappears.
  await v.store.record.resetPerson(person.id);
  const raw = await listView(v.store, person.id, 'medications');
  assert.equal(raw.total, 2, 'one fact per document');
  assert.ok(raw.items.every((f) => !f.merged));
});

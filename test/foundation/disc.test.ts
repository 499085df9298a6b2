// Importing an imaging CD whose index names files that are not on the disc.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openTestVessel } from '../helpers/vessels.js';
import { SHARED_CORPUS, corpusSkip } from '../helpers/corpus.js';

const DISC = path.join(SHARED_CORPUS, 'dicom/dcm_qa_ct-philips-cd-partial');

test('a partial CD: what is missing is reported, the rest imported', { skip: corpusSkip('dicom/dcm_qa_ct-philips-cd-partial') }, async (t) => {
  const tv = await openTestVessel('sqlite');
  t.after(() => tv.cleanup());
  const events = await tv.vessel.importer.importPaths([DISC]);
  await tv.vessel.runJobsUntilIdle({ pollMs: 5 });
  const root = events.find((e) => /\/DICOMDIR$/.test(e.path))!;
  assert.match(root.message!, /61 files the disc index lists are missing/);
  const doc = await tv.vessel.store.documents.get(root.documentId!);
  const disc = (doc!.label.receipt as { disc: { missingCount: number; present: number } }).disc;
  assert.equal(disc.missingCount, 61, 'the report survives the document being read');
  assert.ok(disc.present >= 5);
  const studies = await tv.vessel.store.resources.list({ type: 'ImagingStudy', limit: 1000 });
  assert.ok(studies.length >= 5, 'the images that are there are indexed');
});

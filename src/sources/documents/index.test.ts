import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Extraction, SourceInput } from '../../core/types.js';
import { closeSharedOcrPool, documentsAdapter } from './index.js';
import { passwordPdf, textPdf } from './pages/test-fixtures.js';

after(() => closeSharedOcrPool());

const input = (bytes: Uint8Array, format: SourceInput['format'], filename = 'fax.pdf'): SourceInput => ({
  filename,
  format,
  size: bytes.length,
  bytes: async () => Buffer.from(bytes),
  stream: () => {
    throw new Error('not used');
  },
});

test('the documents adapter returns pages and the structured lab results of a text-layer PDF', async () => {
  const pdf = await textPdf([[
    '03/14/2024 10:32  2175550146  NORTHSTAR DIAGNOSTICS  PAGE 01/01',
    'LABORATORY REPORT',
    'Patient: TESTBURY, HAROLD   DOB: 07/02/1961   MRN: 00482913',
    'Collected: 03/01/2024',
    'Test            Result   Flag   Units    Reference Interval',
    'Glucose         105      H      mg/dL    65-99',
    'Sodium          140             mmol/L   135-146',
  ]]);
  const ex = (await documentsAdapter.extract(input(pdf, 'pdf'))) as Extraction;
  assert.equal(ex.pages?.length, 1);
  assert.equal(ex.pages?.[0].method, 'text-layer');
  assert.match(ex.pages![0].text, /Glucose\s+105/);
  assert.ok(ex.segments?.length, 'the structuring half found a document');
  const obs = ex.resources.filter((r) => r.resource.resourceType === 'Observation');
  assert.ok(obs.length >= 1, `observations: ${JSON.stringify(ex.resources.map((r) => r.resource.resourceType))}`);
  assert.equal(obs[0].location.page, 1);
});

test('the documents adapter reports a locked PDF as an issue, with no pages', async () => {
  const ex = (await documentsAdapter.extract(input(passwordPdf('pw', 'Secret'), 'pdf'))) as Extraction;
  assert.deepEqual(ex.pages, []);
  assert.equal(ex.issues[0].code, 'pdf-password');
  assert.deepEqual(ex.resources, []);
});

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Extraction, SourceInput } from '../../core/types.js';
import { closeSharedOcrPool, documentsAdapter, extractDocument } from './index.js';
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

/** The adapter's stream of extractions, in order. */
async function pieces(x: ReturnType<typeof documentsAdapter.extract>): Promise<Extraction[]> {
  const out: Extraction[] = [];
  if (Symbol.asyncIterator in x) for await (const e of x) out.push(e);
  else out.push(await x);
  return out;
}

/** The pieces put back together, as the store sees them. */
async function whole(x: ReturnType<typeof documentsAdapter.extract>): Promise<Extraction> {
  const ex: Extraction = { resources: [], pages: [], issues: [] };
  for (const p of await pieces(x)) {
    ex.pages!.push(...(p.pages ?? []));
    ex.resources.push(...p.resources);
    ex.issues.push(...p.issues);
    if (p.segments) ex.segments = p.segments;
  }
  return ex;
}

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
  const ex = await whole(documentsAdapter.extract(input(pdf, 'pdf')));
  assert.equal(ex.pages?.length, 1);
  assert.equal(ex.pages?.[0].method, 'text-layer');
  assert.match(ex.pages![0].text, /Glucose\s+105/);
  assert.ok(ex.segments?.length, 'the structuring half found a document');
  const obs = ex.resources.filter((r) => r.resource.resourceType === 'Observation');
  assert.ok(obs.length >= 1, `observations: ${JSON.stringify(ex.resources.map((r) => r.resource.resourceType))}`);
  assert.equal(obs[0].location.page, 1);
});

test('the documents adapter reports a locked PDF as an issue, with no pages', async () => {
  const ex = await whole(documentsAdapter.extract(input(passwordPdf('pw', 'Secret'), 'pdf')));
  assert.deepEqual(ex.pages, []);
  assert.equal(ex.issues[0].code, 'pdf-password');
  assert.deepEqual(ex.resources, []);
});

test('a multi-document fax streams out: pages as read, then one part (with its own PDF) at a time, then the transmission', async () => {
  const fixtures = path.join(import.meta.dirname, 'structure/fixtures');
  const pdf = await textPdf([1, 2, 3, 4].map((n) => fs.readFileSync(path.join(fixtures, `three-docs-p${n}.txt`), 'utf8').split('\n')));
  const out = await pieces(documentsAdapter.extract(input(pdf, 'pdf', 'fax-0314.pdf')));
  const kinds = out.map((x) => (x.pages?.length ? 'pages' : x.children?.length ? 'part' : 'transmission'));
  assert.deepEqual(kinds, ['pages', 'part', 'part', 'part', 'transmission']);
  assert.deepEqual(out.flatMap((x) => x.pages ?? []).map((p) => p.page), [1, 2, 3, 4], 'every page once');
  assert.ok(out.every((x) => (x.children?.length ?? 0) <= 1), 'one part file at a time');
  const parts = out.flatMap((x) => x.children ?? []);
  assert.deepEqual(parts.map((c) => [c.pages, c.read?.label?.type]), [[[1, 1], 'fax_cover_sheet'], [[2, 3], 'lab_report'], [[4, 4], 'office_visit_note']]);
  assert.ok(parts.every((c) => Buffer.from(c.bytes.subarray(0, 5)).toString() === '%PDF-'));
  const last = out.at(-1)!;
  assert.deepEqual(last.segments?.map((s) => [s.firstPage, s.lastPage]), [[1, 1], [2, 3], [4, 4]]);
  assert.equal(last.resources.length, 0, 'the facts went with the parts');
  // The same reading as one value (tests, bench): the same parts and pages.
  const one = await extractDocument(pdf, 'pdf', { filename: 'fax-0314.pdf' });
  assert.deepEqual(one.pages?.map((p) => p.text), out.flatMap((x) => x.pages ?? []).map((p) => p.text));
  assert.deepEqual(one.children?.map((c) => c.name), parts.map((c) => c.name));
});

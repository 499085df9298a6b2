import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { emptyTally, runFaxEval, scoreTransmission, storedDocuments, tallyMetrics, type GtTransmission } from './fax.js';

const CORPUS = process.env.VESSEL_CORPUS ?? join(process.cwd(), '..', 'shared', 'corpus');
const SAMPLE = join(CORPUS, 'fax', 'generated');

test('the scorer counts boundaries, types, identity, dates and lab results', () => {
  const gt: GtTransmission = {
    id: 'tx-t',
    files: [],
    pages: [
      { page: 1, text: '' },
      { page: 2, text: '' },
      { page: 3, text: '' },
    ],
    documents: [
      { index: 0, type: 'fax_cover_sheet', pages: [1, 1], date_of_service: '2024-01-05' },
      {
        index: 1,
        type: 'lab_report',
        pages: [2, 3],
        date_of_service: '2024-01-02',
        patient: { first: 'Ada', last: 'Stone', dob: '1950-01-01' },
        content: { lab_results: [{ test_name_printed: 'Glucose', loinc: '2345-7', value: '112', unit: 'mg/dL', unit_ucum: 'mg/dL', flag: 'H' }] },
      },
    ],
  };
  const t = emptyTally();
  scoreTransmission(
    gt,
    {
      segments: [
        { firstPage: 1, lastPage: 1, type: 'fax_cover_sheet', date: '2024-01-05' },
        { firstPage: 2, lastPage: 2, type: 'lab_report', date: '2024-01-02', subject: 'p' },
        { firstPage: 3, lastPage: 3, type: 'other' },
      ],
      subjects: { p: { given: ['Ada'], family: 'Stone', birthDate: '1950-01-01' } },
      resources: [
        {
          resource: {
            resourceType: 'Observation',
            status: 'final',
            category: [{ coding: [{ code: 'laboratory' }] }],
            code: { text: 'GLUCOSE' },
            valueQuantity: { value: 112, unit: 'mg/dL', code: 'mg/dL' },
            interpretation: [{ coding: [{ code: 'H' }] }],
          },
          location: { page: 2 },
        },
        {
          resource: { resourceType: 'Observation', status: 'final', category: [{ coding: [{ code: 'laboratory' }] }], code: { text: 'Sodium' }, valueQuantity: { value: 140 } },
          location: { page: 3 },
        },
      ],
    },
    t,
  );
  const m = tallyMetrics(t);
  assert.equal(m.split_f1, 0.8); // 2 of 3 predicted boundaries are true, both true ones found
  assert.equal(m.classification_accuracy, 1);
  assert.equal(m.identity_accuracy, 1);
  assert.equal(m.date_accuracy, 1);
  assert.equal(m.lab_recall, 1);
  assert.equal(m.lab_precision, 0.5);
});

test('a dipstick result printed as one text with its unit matches the value and unit read apart, and no other value', () => {
  const gt: GtTransmission = {
    id: 'tx-u',
    files: [],
    pages: [{ page: 1, text: '' }],
    documents: [{ index: 0, type: 'lab_report', pages: [1, 1], content: { lab_results: [{ test_name_printed: 'Protein', loinc: '20454-5', value: '30 mg/dL', unit: null, flag: 'A' }] } }],
  };
  const scored = (value: number) => {
    const t = emptyTally();
    const obs = { resourceType: 'Observation', status: 'final', category: [{ coding: [{ code: 'laboratory' }] }], code: { text: 'Protein' }, valueQuantity: { value, unit: 'mg/dL', code: 'mg/dL' }, interpretation: [{ coding: [{ code: 'A' }] }] };
    scoreTransmission(gt, { segments: [{ firstPage: 1, lastPage: 1, type: 'lab_report' }], resources: [{ resource: obs as never, location: { page: 1 } }] }, t);
    return t.labOk;
  };
  assert.equal(scored(30), 1);
  assert.equal(scored(100), 0);
});

test('the eval scores the documents as stored: each part carries its own type, date, patient and results', () => {
  const lab = (page: number, name: string, value: number) => ({
    resource: { resourceType: 'Observation' as const, status: 'final' as const, category: [{ coding: [{ code: 'laboratory' }] }], code: { text: name }, valueQuantity: { value } },
    location: { page },
    subject: 'p',
  });
  const gt: GtTransmission = {
    id: 'tx-s',
    files: [],
    pages: [1, 2, 3].map((page) => ({ page, text: '' })),
    documents: [
      { index: 0, type: 'fax_cover_sheet', pages: [1, 1] },
      { index: 1, type: 'lab_report', pages: [2, 2], date_of_service: '2024-01-02', patient: { first: 'Ada', last: 'Stone', dob: '1950-01-01' }, content: { lab_results: [{ test_name_printed: 'Glucose', value: '112' }] } },
      { index: 2, type: 'lab_report', pages: [3, 3], date_of_service: '2024-02-02', patient: { first: 'Ada', last: 'Stone', dob: '1950-01-01' }, content: { lab_results: [{ test_name_printed: 'Sodium', value: '140' }] } },
    ],
  };
  const ext = {
    resources: [lab(2, 'Glucose', 112), lab(3, 'Sodium', 140)],
    issues: [],
    segments: [
      { firstPage: 1, lastPage: 1, type: 'fax_cover_sheet' },
      { firstPage: 2, lastPage: 2, type: 'lab_report', date: '2024-01-02', subject: 'p' },
      { firstPage: 3, lastPage: 3, type: 'lab_report', date: '2024-02-02', subject: 'p' },
    ],
    subjects: { p: { given: ['Ada'], family: 'Stone', birthDate: '1950-01-01' } },
  };
  const stored = storedDocuments(ext);
  assert.deepEqual(stored.segments?.map((s) => [s.firstPage, s.type, s.date, s.subject]), [[1, 'fax_cover_sheet', undefined, undefined], [2, 'lab_report', '2024-01-02', 'p'], [3, 'lab_report', '2024-02-02', 'p']]);
  const t = emptyTally();
  scoreTransmission(gt, stored, t);
  assert.deepEqual(tallyMetrics(t), { split_f1: 1, split_f1_internal: 1, classification_accuracy: 1, identity_accuracy: 1, date_accuracy: 1, lab_precision: 1, lab_recall: 1, lab_f1: 1 });
  // One document: nothing is split, the transmission is scored as it is.
  const one = { ...ext, segments: [ext.segments[1]!] };
  assert.equal(storedDocuments(one), one);
});

test('ground-truth text of the sample corpus scores above the goals', { skip: !existsSync(SAMPLE) && `no fax sample at ${SAMPLE} (set VESSEL_CORPUS)` }, async () => {
  const before = process.env.VESSEL_EVAL_FAX_TEXT;
  process.env.VESSEL_EVAL_FAX_TEXT = 'gt';
  try {
    const r = await runFaxEval(CORPUS, {});
    const m = r.metrics as Record<string, number>;
    assert.equal(r.crashes, 0);
    assert.equal(r.metrics.text_source, 'ground_truth');
    assert.ok(r.documents >= 10, `only ${r.documents} transmissions`);
    assert.ok(m.split_f1! >= 0.95, `split F1 ${m.split_f1}`);
    assert.ok(m.classification_accuracy! >= 0.95, `classification ${m.classification_accuracy}`);
    assert.ok(m.lab_f1! >= 0.95, `lab F1 ${m.lab_f1}`);
    assert.ok(m.identity_accuracy! >= 0.9, `identity ${m.identity_accuracy}`);
    assert.ok(m.date_accuracy! >= 0.9, `dates ${m.date_accuracy}`);
    assert.match(r.table ?? '', /lab F1/);
  } finally {
    if (before === undefined) delete process.env.VESSEL_EVAL_FAX_TEXT;
    else process.env.VESSEL_EVAL_FAX_TEXT = before;
  }
});

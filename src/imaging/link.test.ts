import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DiagnosticReport } from '@medplum/fhirtypes';
import { isRadiologyReport, linkReports, reportFromDocument, reportFromResource, type ReportCandidate } from './link.js';
import type { StudySummary } from './model.js';

function study(o: Partial<StudySummary> & { studyUid: string }): StudySummary {
  return { modalities: [], bodySites: [], numberOfSeries: 1, numberOfInstances: 1, numberOfImages: 1, directories: [], fileCount: 1, reports: [], ...o };
}

const headCt = study({ studyUid: '1.1', accession: 'A100200', started: '2024-03-05', modalities: ['CT'], bodySites: ['HEAD'], description: 'CT HEAD W/O CONTRAST' });
const chestXr = study({ studyUid: '2.2', accession: 'A100300', started: '2024-03-05', modalities: ['CR'], bodySites: ['CHEST'], description: 'XR CHEST 2 VIEWS' });
const oldCt = study({ studyUid: '3.3', started: '2019-06-01', modalities: ['CT'], bodySites: ['HEAD'] });
const studies = [headCt, chestXr, oldCt];

const ids = { id: 'r1', documentId: 'doc1', filename: 'report.hl7' };
const rad = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'RAD' }] }];

function fromResource(r: Omit<DiagnosticReport, 'resourceType' | 'status'>, id = 'r1'): ReportCandidate {
  const c = reportFromResource({ resourceType: 'DiagnosticReport', status: 'final', ...r }, { ...ids, id });
  assert.ok(c, 'a radiology report');
  return c;
}

test('an accession number in the identifiers links the report to that study even with the wrong date', () => {
  const r = fromResource({ category: rad, code: { text: 'Imaging result' }, identifier: [{ value: 'A100300' }], effectiveDateTime: '2024-04-01' });
  assert.deepEqual(linkReports(studies, [r]), [{ reportId: 'r1', studyUid: '2.2', reason: 'accession' }]);
});

test('an accession number written in the report text links it', () => {
  const doc = reportFromDocument({ id: 'fax1', filename: 'fax.pdf', label: { type: 'fax_transmission', segments: [{ type: 'radiology_report', date: '2024-03-20', title: 'Radiology report' }] } }, 'RADIOLOGY REPORT\nAccession #: A100200\nFINDINGS: No acute intracranial abnormality.\nIMPRESSION: Normal.');
  assert.deepEqual(linkReports(studies, [doc]), [{ reportId: 'fax1', studyUid: '1.1', reason: 'accession' }]);
  assert.equal(doc.date, '2024-03-20', 'the date of the radiology segment, not of the fax');
  assert.match(doc.excerpt ?? '', /^FINDINGS: No acute/);
});

test('without an accession: the study within a day whose modality or body part the report names', () => {
  const ct = fromResource({ category: rad, code: { text: 'CT head without contrast' }, effectiveDateTime: '2024-03-06T09:00:00Z' }, 'ct');
  const xr = fromResource({ category: rad, code: { text: 'Chest radiograph, 2 views' }, effectiveDateTime: '2024-03-04' }, 'xr');
  assert.deepEqual(linkReports(studies, [ct, xr]), [
    { reportId: 'ct', studyUid: '1.1', reason: 'date-and-words' },
    { reportId: 'xr', studyUid: '2.2', reason: 'date-and-words' },
  ]);
});

test('no link two days apart, nor on the same day when no word fits, nor with another accession', () => {
  const late = fromResource({ category: rad, code: { text: 'CT head' }, effectiveDateTime: '2024-03-07T12:00:00Z' }, 'late');
  const words = fromResource({ category: rad, code: { text: 'Bone density' }, effectiveDateTime: '2024-03-05' }, 'words');
  const other = fromResource(
    { category: rad, code: { text: 'CT head' }, effectiveDateTime: '2024-03-05', identifier: [{ type: { coding: [{ code: 'ACSN' }] }, value: 'Z999' }] },
    'other',
  );
  assert.deepEqual(linkReports(studies, [late, words, other]), []);
});

test('a Study Instance UID reference (DICOM SR, FHIR imagingStudy) wins over everything', () => {
  const sr = fromResource({ category: rad, code: { text: 'XR chest' }, effectiveDateTime: '2024-03-05', imagingStudy: [{ identifier: { system: 'urn:dicom:uid', value: 'urn:oid:3.3' } }] });
  assert.deepEqual(linkReports(studies, [sr]), [{ reportId: 'r1', studyUid: '3.3', reason: 'study-uid' }]);
});

test('laboratory reports are not radiology reports; imaging codes and categories are', () => {
  assert.equal(isRadiologyReport({ resourceType: 'DiagnosticReport', status: 'final', category: [{ coding: [{ code: 'LAB' }] }], code: { text: 'Comprehensive metabolic panel' } }), false);
  assert.equal(isRadiologyReport({ resourceType: 'DiagnosticReport', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '18748-4' }] } }), true);
  assert.equal(isRadiologyReport({ resourceType: 'DiagnosticReport', status: 'final', category: [{ text: 'Radiology' }], code: { text: 'Report' } }), true);
  // HL7 v2 without a section (OBR-24) defaults to LAB; the procedure name still says imaging.
  assert.equal(isRadiologyReport({ resourceType: 'DiagnosticReport', status: 'final', category: [{ coding: [{ code: 'LAB' }] }], code: { text: 'MRI lumbar spine' } }), true);
});

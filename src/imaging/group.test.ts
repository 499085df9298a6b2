import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ImagingStudy } from '@medplum/fhirtypes';
import { extractDicom } from '../sources/dicom/index.js';
import { dicomdir, el } from '../sources/dicom/fixtures/build.js';
import { groupStudies, type StudyRow } from './group.js';
import { ctSeries, ctSlice } from './fixtures.js';

const STUDY = '1.2.826.0.1.3680043.9.7001.1';

/** The ImagingStudy the DICOM adapter makes of these bytes, as a stored row. */
function row(bytes: Uint8Array, documentId: string, format = 'dicom'): StudyRow {
  const resource = extractDicom(bytes).resources.find((r) => r.resource.resourceType === 'ImagingStudy')!.resource as ImagingStudy;
  return { resourceId: `r-${documentId}`, documentId, filename: `${documentId}.dcm`, format, resource };
}

test('per-file ImagingStudies of one Study Instance UID become one study with series and ordered instances', () => {
  const axial = ctSeries(3, { seriesUid: `${STUDY}.2`, seriesNumber: 2 });
  const scout = ctSlice({ seriesUid: `${STUDY}.1`, seriesNumber: 1, sopUid: `${STUDY}.1.1`, instanceNumber: 1, seriesDescription: 'SCOUT' });
  // Files arrive in any order: instance 3 first.
  const rows = [row(axial[2], 'd3'), row(scout, 'd0'), row(axial[0], 'd1'), row(axial[1], 'd2')];
  const [study, ...others] = groupStudies(rows);
  assert.equal(others.length, 0);
  assert.equal(study.studyUid, STUDY);
  assert.equal(study.accession, 'ACC123');
  assert.equal(study.description, 'CT HEAD W/O CONTRAST');
  assert.equal(study.started, '2024-03-05');
  assert.deepEqual(study.modalities, ['CT']);
  assert.deepEqual(study.bodySites, ['HEAD']);
  assert.equal(study.referrer, 'Marcus Welby');
  assert.equal(study.numberOfSeries, 2);
  assert.equal(study.numberOfInstances, 4);
  assert.equal(study.numberOfImages, 4);
  assert.equal(study.fileCount, 4);
  assert.deepEqual(
    study.series.map((s) => [s.number, s.description, s.instances.length]),
    [
      [1, 'SCOUT', 1],
      [2, 'AXIAL 5mm', 3],
    ],
  );
  assert.deepEqual(
    study.series[1].instances.map((i) => [i.number, i.documentId]),
    [
      [1, 'd1'],
      [2, 'd2'],
      [3, 'd3'],
    ],
  );
});

test('a DICOMDIR and the files it lists merge: listed but missing files count as instances, not images', () => {
  const dir = dicomdir([
    {
      type: 'PATIENT',
      attrs: [el(0x0010, 0x0010, 'PN', 'Doe^Jane'), el(0x0010, 0x0020, 'LO', 'PID42')],
      children: [
        {
          type: 'STUDY',
          attrs: [el(0x0008, 0x0020, 'DA', '20240305'), el(0x0008, 0x0050, 'SH', 'ACC123'), el(0x0020, 0x000d, 'UI', STUDY)],
          children: [
            {
              type: 'SERIES',
              attrs: [el(0x0008, 0x0060, 'CS', 'CT'), el(0x0020, 0x000e, 'UI', `${STUDY}.2`), el(0x0020, 0x0011, 'IS', '2')],
              children: [1, 2, 3].map((n) => ({ type: 'IMAGE', fileId: `IMG\\I${n}`, attrs: [el(0x0004, 0x1510, 'UI', '1.2.840.10008.5.1.4.1.1.2'), el(0x0004, 0x1511, 'UI', `${STUDY}.2.1.${n}`), el(0x0020, 0x0013, 'IS', String(n))] })),
            },
          ],
        },
      ],
    },
  ]);
  const files = ctSeries(2, { seriesUid: `${STUDY}.2` });
  const [study] = groupStudies([row(dir, 'dir', 'dicomdir'), row(files[0], 'f1'), row(files[1], 'f2')]);
  assert.equal(study.numberOfInstances, 3);
  assert.equal(study.numberOfImages, 2);
  assert.deepEqual(study.directories, [{ documentId: 'dir', filename: 'dir.dcm' }]);
  const missing = study.series[0].instances.filter((i) => !i.documentId).map((i) => i.sopInstanceUid);
  assert.deepEqual(missing, [`${STUDY}.2.1.3`]);
  // The file's full description wins over the directory's missing one.
  assert.equal(study.description, 'CT HEAD W/O CONTRAST');
});

test('studies are listed newest first; an SR in the study is an instance but not an image', () => {
  const older = ctSlice({ studyUid: '1.9.1', seriesUid: '1.9.1.1', sopUid: '1.9.1.1.1', instanceNumber: 1, date: '20200101' });
  const newer = ctSlice({ studyUid: '1.9.2', seriesUid: '1.9.2.1', sopUid: '1.9.2.1.1', instanceNumber: 1, date: '20230101' });
  const sr = ctSlice({ studyUid: '1.9.2', seriesUid: '1.9.2.9', sopUid: '1.9.2.9.1', instanceNumber: 1, date: '20230101', sopClassUid: '1.2.840.10008.5.1.4.1.1.88.11' });
  const studies = groupStudies([row(older, 'a'), row(newer, 'b'), row(sr, 'c')]);
  assert.deepEqual(studies.map((s) => s.studyUid), ['1.9.2', '1.9.1']);
  assert.equal(studies[0].numberOfInstances, 2);
  assert.equal(studies[0].numberOfImages, 1);
  assert.equal(studies[0].series.find((s) => s.uid === '1.9.2.9')!.instances[0].image, false);
});

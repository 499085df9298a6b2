// Real discs from ../shared/corpus/dicom (skipped where it is absent): the studies the read
// model builds from a DICOMDIR and its files agree with what the disc declares, and the
// series thumbnails render (or say why not).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImagingStudy } from '@medplum/fhirtypes';
import { SHARED_CORPUS } from '../../test/helpers/corpus.js';
import { checkDisc, extractDicom } from '../sources/dicom/index.js';
import { groupStudies, type StudyRow } from './group.js';
import { FrameError, FrameService } from './frames.js';

const corpus = join(SHARED_CORPUS, 'dicom');
const discs = {
  pydicom: join(corpus, 'pydicom-test-files', 'dicomdirtests'),
  philips: join(corpus, 'dcm_qa_ct-philips-cd-partial', 'Philips'),
};
const absent = (dir: string) => !existsSync(dir) && `shared corpus not present at ${dir}`;

/** The rows the importer would store for a disc: the DICOMDIR's studies and one per present file. */
function discRows(folder: string) {
  const disc = checkDisc(folder);
  const rows: StudyRow[] = [];
  const bytes = new Map<string, Buffer>();
  const add = (path: string, format: string) => {
    const b = readFileSync(path);
    bytes.set(path, b);
    for (const r of extractDicom(b).resources) if (r.resource.resourceType === 'ImagingStudy') rows.push({ resourceId: path, documentId: path, filename: path, format, resource: r.resource as ImagingStudy });
  };
  add(join(folder, 'DICOMDIR'), 'dicomdir');
  for (const p of disc.present) add(p.path, 'dicom');
  return { disc, rows, bytes };
}

test('pydicom DICOMDIR disc: every study the directory declares, with its series and instance counts', { skip: absent(discs.pydicom) }, async (t) => {
  const { disc, rows, bytes } = discRows(discs.pydicom);
  const studies = groupStudies(rows);
  const declared = disc.tree.studies.filter((s) => s.studyUid);
  assert.equal(studies.length, new Set(declared.map((s) => s.studyUid)).size);
  for (const st of declared) {
    const study = studies.find((s) => s.studyUid === st.studyUid)!;
    const series = disc.tree.series.filter((s) => s.studyKey === st.key);
    const instances = disc.tree.instances.filter((i) => series.some((s) => s.key === i.seriesKey));
    assert.equal(study.numberOfSeries, series.length, `series of ${st.studyUid}`);
    assert.equal(study.numberOfInstances, instances.length, `instances of ${st.studyUid}`);
    const present = disc.present.filter((p) => instances.some((i) => i.sopInstanceUid === p.sopInstanceUid)).length;
    assert.equal(study.fileCount, present, `files of ${st.studyUid}`);
  }
  // Every series thumbnail renders as a PNG, or fails with a stated reason (never a crash).
  const frames = new FrameService(async (path) => bytes.get(path)!);
  t.after(() => frames.close());
  for (const s of studies) {
    for (const se of s.series) {
      const inst = se.instances.find((i) => i.documentId && i.image);
      if (!inst) continue;
      const doc = { sha256: inst.documentId!, size: bytes.get(inst.documentId!)!.length };
      try {
        const png = await frames.png(doc, { frame: 0, size: 64 });
        assert.equal(png.subarray(1, 4).toString(), 'PNG');
      } catch (e) {
        assert.ok(e instanceof FrameError && e.message.length > 10, `${inst.documentId}: ${String(e)}`);
      }
    }
  }
});

test('Philips partial CD (DIRFILE chain, files missing): the study shows the images that are present', { skip: absent(discs.philips) }, () => {
  const { disc, rows } = discRows(discs.philips);
  const studies = groupStudies(rows);
  const withFiles = studies.filter((s) => s.fileCount > 0);
  assert.ok(withFiles.length >= 1);
  assert.equal(
    withFiles.reduce((n, s) => n + s.numberOfImages, 0),
    disc.present.length,
    'each present image file is one image of its study',
  );
  assert.ok(disc.missing.length > 0, 'the disc is partial');
  for (const s of withFiles) assert.ok(s.series.every((se) => se.instances.every((i, k, all) => k === 0 || (all[k - 1].number ?? 0) <= (i.number ?? Infinity))), 'instances in order');
});

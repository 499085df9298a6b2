// The imaging API on both store dialects: DICOM files and radiology reports from HL7 v2 and
// FHIR go through the real importer and jobs; the study list, one study, frames as PNG with
// window/level, the key tags, clear errors, and the report's side of the link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { DIALECTS, openTestVessel, postgresSkipReason } from '../../test/helpers/vessels.js';
import { signIn } from '../../test/helpers/api.js';
import { buildServer } from '../server/app.js';
import { concat, el, encapsulatedPixelData, imageElements, part10 } from '../sources/dicom/fixtures/build.js';
import type { StudyDetail, StudyListItem, DicomTags, LinkedStudy } from './model.js';
import { ctSeries, ctSlice } from './fixtures.js';

const STUDY = '1.2.826.0.1.3680043.9.7001.1';
const OTHER = '1.2.826.0.1.3680043.9.7001.5';

const oru = [
  'MSH|^~\\&|RIS|RAD|EHR|FAC|20240305160000||ORU^R01^ORU_R01|M1|P|2.5.1',
  'PID|1||PID42^^^HOSP^MR||DOE^JANE||19700102|F',
  'OBR|1|P77|ACC123|70450^CT HEAD W/O CONTRAST^CPT|||20240305143000|||||||||||||||20240305160000|RAD|F',
  'OBX|1|TX|18782-3^Study observation^LN||No acute intracranial abnormality.||||||F',
].join('\r');

const fhirReport = JSON.stringify({
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    { fullUrl: 'urn:uuid:p1', resource: { resourceType: 'Patient', id: 'p1', name: [{ family: 'Doe', given: ['Jane'] }], birthDate: '1970-01-02', gender: 'female' } },
    {
      fullUrl: 'urn:uuid:dr1',
      resource: {
        resourceType: 'DiagnosticReport',
        id: 'dr1',
        status: 'final',
        category: [{ coding: [{ system: 'http://loinc.org', code: 'LP29684-5', display: 'Radiology' }] }],
        code: { text: 'Chest X-ray, 2 views' },
        subject: { reference: 'urn:uuid:p1' },
        effectiveDateTime: '2023-11-02',
        conclusion: 'Lungs are clear.',
      },
    },
  ],
});

for (const dialect of DIALECTS) {
  test(`imaging API (${dialect})`, async (t) => {
    if (dialect === 'postgres') {
      const skip = await postgresSkipReason();
      if (skip) return t.skip(skip);
    }
    const tv = await openTestVessel(dialect);
    const app = await buildServer(tv.vessel);
    t.after(async () => {
      await app.close();
      await tv.cleanup();
    });
    const { importer } = tv.vessel;
    for (const [i, bytes] of ctSeries(5, { seriesUid: `${STUDY}.2` }).entries()) await importer.importBytes(bytes, `IM${i}.dcm`, { channel: 'upload' });
    // A chest radiograph on another day, with no accession: linked by date and words.
    await importer.importBytes(ctSlice({ studyUid: OTHER, seriesUid: `${OTHER}.1`, sopUid: `${OTHER}.1.1`, instanceNumber: 1, modality: 'CR', bodyPart: 'CHEST', description: 'CHEST PA LAT', date: '20231102', accession: '' }), 'cr.dcm', { channel: 'upload' });
    // An MPEG-2 video object: listed, but its pixels cannot be decoded here.
    const mpeg = concat(part10(imageElements({ studyUid: OTHER, seriesUid: `${OTHER}.9`, sopUid: `${OTHER}.9.1`, extra: [el(0x0020, 0x0011, 'IS', '9')] }), { transferSyntax: '1.2.840.10008.1.2.4.100' }), encapsulatedPixelData([Uint8Array.of(0, 0, 1, 0xb3)]));
    await importer.importBytes(mpeg, 'video.dcm', { channel: 'upload' });
    const hl7 = await importer.importBytes(Buffer.from(oru), 'ct-head-report.hl7', { channel: 'upload' });
    const fhir = await importer.importBytes(Buffer.from(fhirReport), 'chest-report.json', { channel: 'upload' });
    await tv.vessel.runJobsUntilIdle({ pollMs: 5 });
    const inject = await signIn(app, tv.vessel);
    const people = (await inject('/api/people')).json() as Array<{ id: string }>;
    assert.equal(people.length, 1, 'the DICOM patient and both reports are one person');
    const personId = people[0].id;

    let ct: StudyListItem | undefined;
    await t.test('the study list has one study per Study Instance UID, thumbnails and linked reports', async () => {
      const res = await inject(`/api/people/${personId}/imaging`);
      assert.equal(res.statusCode, 200);
      const { studies } = res.json() as { studies: StudyListItem[] };
      assert.deepEqual(studies.map((s) => s.studyUid), [STUDY, OTHER], 'newest first');
      ct = studies[0];
      assert.equal(ct.numberOfImages, 5);
      assert.equal(ct.fileCount, 5);
      assert.equal(ct.series.length, 1);
      assert.match(ct.series[0].thumbnailUrl ?? '', /^\/api\/documents\/[^/]+\/frames\/0\.png\?size=\d+$/);
      assert.deepEqual(ct.reports.map((r) => [r.title, r.reason, r.filename, r.excerpt]), [['CT HEAD W/O CONTRAST', 'accession', 'ct-head-report.hl7', 'No acute intracranial abnormality.']]);
      assert.deepEqual(studies[1].reports.map((r) => [r.reason, r.excerpt]), [['date-and-words', 'Lungs are clear.']]);
      const thumb = await inject(ct.series[0].thumbnailUrl!);
      assert.equal(thumb.statusCode, 200);
      assert.equal(thumb.headers['content-type'], 'image/png');
    });

    let detail: StudyDetail | undefined;
    await t.test('one study lists its series and instances in order, each with its file', async () => {
      const res = await inject(`/api/people/${personId}/imaging/${STUDY}`);
      assert.equal(res.statusCode, 200);
      detail = res.json() as StudyDetail;
      assert.deepEqual(detail.series[0].instances.map((i) => i.number), [1, 2, 3, 4, 5]);
      assert.ok(detail.series[0].instances.every((i) => i.documentId && i.image));
      assert.equal((await inject(`/api/people/${personId}/imaging/1.2.3.999`)).statusCode, 404);
      assert.equal((await inject(`/api/people/${personId}/imaging/not-a-uid`)).statusCode, 400);
      assert.equal((await inject(`/api/people/nobody/imaging`)).statusCode, 404);
    });

    await t.test('a frame is a PNG; another window gives other pixels; the browser may keep it privately', async () => {
      const doc = detail!.series[0].instances[2].documentId!;
      const soft = await inject(`/api/documents/${doc}/frames/0.png?wc=40&ww=400`);
      assert.equal(soft.statusCode, 200);
      assert.equal(soft.headers['cache-control'], 'private, max-age=3600');
      const bone = await inject(`/api/documents/${doc}/frames/0.png?wc=500&ww=2000`);
      const a = await sharp(soft.rawPayload).raw().toBuffer({ resolveWithObject: true });
      const b = await sharp(bone.rawPayload).raw().toBuffer({ resolveWithObject: true });
      assert.equal(a.info.width, 16);
      assert.notDeepEqual(a.data, b.data, 'bone window differs from soft tissue');
      // Air (−1000 HU) is black in both windows; the left half of the slice is air.
      assert.equal(a.data[0], 0);
      const small = await sharp((await inject(`/api/documents/${doc}/frames/0.png?size=16`)).rawPayload).metadata();
      assert.equal(small.width, 16);
    });

    await t.test('bad frame requests and undecodable images are answered with clear OperationOutcomes', async () => {
      const doc = detail!.series[0].instances[0].documentId!;
      const missing = await inject(`/api/documents/${doc}/frames/3.png`);
      assert.equal(missing.statusCode, 404);
      assert.match(missing.json().issue[0].diagnostics, /has 1 frame/);
      assert.equal((await inject(`/api/documents/${doc}/frames/0.png?wc=40`)).statusCode, 400);
      assert.equal((await inject(`/api/documents/${doc}/frames/0.png?size=99999`)).statusCode, 400);
      const other = (await inject(`/api/people/${personId}/imaging/${OTHER}`)).json() as StudyDetail;
      const video = other.series.find((s) => s.number === 9)!.instances[0].documentId!;
      const res = await inject(`/api/documents/${video}/frames/0.png`);
      assert.equal(res.statusCode, 415);
      assert.equal(res.json().resourceType, 'OperationOutcome');
      assert.equal(res.json().issue[0].code, 'not-supported');
      assert.match(res.json().issue[0].diagnostics, /MPEG2/);
      assert.notEqual(res.headers['cache-control'], 'private, max-age=3600');
      const tags = (await inject(`/api/documents/${video}/dicom`)).json() as DicomTags;
      assert.equal(tags.decodable, false);
      assert.match(tags.reason ?? '', /MPEG2 Main Profile .* cannot be shown yet/);
      const notDicom = await inject(`/api/documents/${hl7.documentId}/frames/0.png`);
      assert.equal(notDicom.statusCode, 400);
    });

    await t.test('the key tags of an image', async () => {
      const doc = detail!.series[0].instances[0].documentId!;
      const tags = (await inject(`/api/documents/${doc}/dicom`)).json() as DicomTags;
      assert.equal(tags.frames, 1);
      assert.equal(tags.decodable, true);
      assert.deepEqual([tags.windowCenter, tags.windowWidth], [40, 80]);
      const byName = Object.fromEntries(tags.tags.map((x) => [x.name, x.value]));
      assert.equal(byName['Modality'], 'CT');
      assert.equal(byName['Slice thickness (mm)'], '5');
      assert.equal(byName['Study date'], '2024-03-05');
    });

    await t.test("the report's document shows the study it belongs to", async () => {
      const res = await inject(`/api/documents/${hl7.documentId}/imaging`);
      assert.equal(res.statusCode, 200);
      const { studies } = res.json() as { studies: LinkedStudy[] };
      assert.deepEqual(studies.map((s) => [s.studyUid, s.personId, s.reason]), [[STUDY, personId, 'accession']]);
      const chest = (await inject(`/api/documents/${fhir.documentId}/imaging`)).json() as { studies: LinkedStudy[] };
      assert.deepEqual(chest.studies.map((s) => s.studyUid), [OTHER]);
      // A DICOM file's page leads to the study it is part of.
      const file = (await inject(`/api/documents/${detail!.series[0].instances[1].documentId}/imaging`)).json() as { studies: LinkedStudy[] };
      assert.deepEqual(file.studies.map((s) => [s.studyUid, s.reason]), [[STUDY, 'contains']]);
    });
  });
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import type { DiagnosticReport, ImagingStudy } from '@medplum/fhirtypes';
import type { SourceInput } from '../../core/types.js';
import { detectFormat } from '../../detect/detect.js';
import { parseDicomBytes } from './parse.js';
import { decodeDicomText } from './charset.js';
import { decodeFrame } from './decode.js';
import { readDicomdirTree } from './dicomdir.js';
import { checkDisc, scanFolder } from './disc.js';
import { dicomAdapter, extractDicom, renderPng } from './index.js';
import { dicomDateTime } from './values.js';
import {
  concat,
  dicomdir,
  el,
  encapsulatedPixelData,
  EXPLICIT_LE,
  imageElements,
  IMPLICIT_LE,
  part10,
  RLE,
  rleEncodeFrame,
} from './fixtures/build.js';

const study = (x: ReturnType<typeof extractDicom>) => x.resources.find((r) => r.resource.resourceType === 'ImagingStudy')?.resource as ImagingStudy | undefined;

const pixels16 = (values: number[]) => {
  const b = Buffer.alloc(values.length * 2);
  values.forEach((v, i) => b.writeUInt16LE(v & 0xffff, i * 2));
  return new Uint8Array(b);
};
const RAMP = Array.from({ length: 16 }, (_, i) => i * 100);

test('an explicit VR file with preamble becomes an ImagingStudy of its one series and instance', () => {
  const x = extractDicom(part10(imageElements({ pixelData: pixels16(RAMP) })));
  const s = study(x)!;
  assert.ok(s, 'ImagingStudy produced');
  assert.deepEqual(s.identifier?.[0], { system: 'urn:dicom:uid', value: 'urn:oid:1.2.3.4' });
  assert.equal(s.identifier?.[1]?.value, 'ACC123');
  assert.equal(s.identifier?.[1]?.type?.coding?.[0]?.code, 'ACSN');
  assert.equal(s.modality?.[0]?.code, 'CT');
  assert.equal(s.description, 'CT HEAD');
  assert.equal(s.started, '2024-03-05', 'no time zone in the file: date only, none invented');
  assert.equal(s.extension?.[0]?.valueTime, '14:30:00', 'local time kept apart');
  assert.equal(s.referrer?.display, 'Marcus Welby');
  assert.equal(s.numberOfSeries, 1);
  assert.equal(s.numberOfInstances, 1);
  const series = s.series![0];
  assert.equal(series.uid, '1.2.3.4.5');
  assert.equal(series.number, 3);
  assert.equal(series.description, 'AXIAL 5mm');
  assert.equal(series.bodySite?.display, 'HEAD');
  assert.equal(series.instance?.[0]?.uid, '1.2.3.4.5.6.7');
  assert.equal(series.instance?.[0]?.number, 7);
  assert.equal(series.instance?.[0]?.sopClass.code, 'urn:oid:1.2.840.10008.5.1.4.1.1.2');
  assert.equal(x.resources[0].location.path, '1.2.3.4.5.6.7');
  assert.deepEqual(x.subjects?.patient, { name: 'Jane Q Doe', family: 'Doe', given: ['Jane', 'Q'], birthDate: '1970-01-02', gender: 'female', identifiers: [{ value: 'PID42' }] });
  assert.equal(x.issues.filter((i) => i.severity !== 'information').length, 0);
});

test('a time zone offset in the file gives a full dateTime', () => {
  const x = extractDicom(part10(imageElements({ extra: [el(0x0008, 0x0201, 'SH', '+0100')] })));
  assert.equal(study(x)?.started, '2024-03-05T14:30:00+01:00');
  assert.equal(dicomDateTime('20240305', '1430', '-0500'), '2024-03-05T14:30:00-05:00');
  assert.equal(dicomDateTime('202403'), '2024-03');
  assert.equal(dicomDateTime('20241341'), '2024', 'invalid month: year only, never an invalid date');
});

test('files without preamble or without file meta (implicit VR) are read and detected', () => {
  const bare = part10(imageElements({}), { preamble: false, meta: false, transferSyntax: IMPLICIT_LE });
  assert.equal(detectFormat(bare), 'dicom');
  assert.equal(study(extractDicom(bare))?.series?.[0]?.instance?.[0]?.uid, '1.2.3.4.5.6.7');
  const explicitBare = part10(imageElements({}), { preamble: false, meta: false, transferSyntax: EXPLICIT_LE });
  assert.equal(study(extractDicom(explicitBare))?.modality?.[0]?.code, 'CT');
  const metaNoPreamble = part10(imageElements({}), { preamble: false, meta: true, transferSyntax: IMPLICIT_LE });
  const x = extractDicom(metaNoPreamble);
  assert.equal(study(x)?.identifier?.[0]?.value, 'urn:oid:1.2.3.4');
  assert.ok(x.issues.some((i) => i.code === 'no-preamble'));
});

test('patient names decode with their Specific Character Set', () => {
  const latin = extractDicom(part10(imageElements({ extra: [el(0x0008, 0x0005, 'CS', 'ISO_IR 100'), el(0x0010, 0x0010, 'PN', 'Buc^J\xe9r\xf4me')] })));
  assert.equal(latin.subjects?.patient.family, 'Buc');
  assert.deepEqual(latin.subjects?.patient.given, ['Jérôme']);
  const bytes = (s: string) => Buffer.from(s, 'latin1');
  const jp = 'Yamada^Tarou=\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B=\x1b$B$d$^$@\x1b(B^\x1b$B$?$m$&\x1b(B';
  assert.equal(decodeDicomText(bytes(jp), ['', 'ISO 2022 IR 87'], true), 'Yamada^Tarou=山田^太郎=やまだ^たろう');
  const ko = 'Hong^Gildong=\x1b$)C\xfb\xf3^\x1b$)C\xd1\xce\xd4\xd7=\x1b$)C\xc8\xab^\x1b$)C\xb1\xe6\xb5\xbf';
  assert.equal(decodeDicomText(bytes(ko), ['', 'ISO 2022 IR 149'], true), 'Hong^Gildong=洪^吉洞=홍^길동');
  assert.equal(decodeDicomText(bytes('Wang^XiaoDong=\xcd\xf5^\xd0\xa1\xb6\xab='), ['GB18030'], true), 'Wang^XiaoDong=王^小东=');
  assert.equal(decodeDicomText(Buffer.from('Wang^XiaoDong=王^小東=', 'utf8'), ['ISO_IR 192'], true), 'Wang^XiaoDong=王^小東=');
  assert.equal(decodeDicomText(bytes('\xbb\xee\xdace\xdc\xd1yp\xd3'), ['ISO_IR 144']), 'Люкceмбypг');
  assert.equal(decodeDicomText(bytes('\xc4\xe9\xef\xed\xf5\xf3\xe9\xef\xf2'), ['ISO_IR 126']), 'Διονυσιος');
  // A Japanese name in the file gives the alphabetic group as family/given.
  const x = extractDicom(part10(imageElements({ extra: [el(0x0008, 0x0005, 'CS', '\\ISO 2022 IR 87'), el(0x0010, 0x0010, 'PN', jp)] })));
  assert.equal(x.subjects?.patient.family, 'Yamada');
});

test('a truncated or garbage file gives issues, never an exception', () => {
  const full = part10(imageElements({ pixelData: pixels16(RAMP) }));
  const cut = full.subarray(0, full.length - 10);
  const x = extractDicom(cut);
  assert.ok(x.issues.some((i) => i.severity === 'error' && i.code === 'truncated'), 'truncation reported');
  assert.equal(study(x)?.identifier?.[0]?.value, 'urn:oid:1.2.3.4', 'header read before the break is kept');
  fc.assert(
    fc.property(fc.integer({ min: 0, max: full.length }), (n) => {
      const r = extractDicom(full.subarray(0, n));
      return Array.isArray(r.issues) && Array.isArray(r.resources);
    }),
    { numRuns: 200 },
  );
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 600 }), fc.boolean(), (junk, withPreamble) => {
      const bytes = withPreamble ? concat(new Uint8Array(128), Buffer.from('DICM'), junk) : junk;
      const r = extractDicom(bytes);
      return Array.isArray(r.issues);
    }),
    { numRuns: 300 },
  );
});

test('the adapter reads its input through SourceInput', async () => {
  const bytes = Buffer.from(part10(imageElements({})));
  const input: SourceInput = { filename: 'x.dcm', format: 'dicom', size: bytes.length, bytes: async () => bytes, stream: () => { throw new Error('unused'); } };
  const x = await (dicomAdapter.extract(input) as Promise<ReturnType<typeof extractDicom>>);
  assert.equal(study(x)?.numberOfInstances, 1);
  assert.deepEqual(dicomAdapter.formats, ['dicom', 'dicomdir']);
});

test('a Structured Report becomes readable text and a DiagnosticReport', () => {
  const code = (value: string, meaning: string) => [[el(0x0008, 0x0100, 'SH', value), el(0x0008, 0x0102, 'SH', 'DCM'), el(0x0008, 0x0104, 'LO', meaning)]];
  const sr = imageElements({
    extra: [
      el(0x0008, 0x0016, 'UI', '1.2.840.10008.5.1.4.1.1.88.11'),
      el(0x0008, 0x0060, 'CS', 'SR'),
      el(0x0040, 0xa040, 'CS', 'CONTAINER'),
      el(0x0040, 0xa043, 'SQ', code('18748-4', 'Diagnostic Imaging Report')),
      el(0x0040, 0xa491, 'CS', 'COMPLETE'),
      el(0x0040, 0xa493, 'CS', 'VERIFIED'),
      el(0x0040, 0xa730, 'SQ', [
        [el(0x0040, 0xa040, 'CS', 'TEXT'), el(0x0040, 0xa043, 'SQ', code('121071', 'Finding')), el(0x0040, 0xa160, 'UT', 'No acute intracranial abnormality.')],
        [
          el(0x0040, 0xa040, 'CS', 'NUM'),
          el(0x0040, 0xa043, 'SQ', code('121206', 'Distance')),
          el(0x0040, 0xa300, 'SQ', [[el(0x0040, 0xa30a, 'DS', '12.5'), el(0x0040, 0x08ea, 'SQ', [[el(0x0008, 0x0100, 'SH', 'mm'), el(0x0008, 0x0104, 'LO', 'mm')]])]]),
        ],
      ]),
    ],
  });
  const x = extractDicom(part10(sr));
  assert.match(x.pages?.[0]?.text ?? '', /Finding: No acute intracranial abnormality\./);
  assert.match(x.pages?.[0]?.text ?? '', /Distance: 12\.5 mm/);
  assert.equal(x.pages?.[0]?.method, 'plain');
  const dr = x.resources.find((r) => r.resource.resourceType === 'DiagnosticReport')?.resource as DiagnosticReport;
  assert.equal(dr.status, 'final');
  assert.equal(dr.code.coding?.[0]?.display, 'Diagnostic Imaging Report');
  assert.match(dr.conclusion ?? '', /No acute intracranial abnormality/);
  assert.equal(Buffer.from(dr.presentedForm?.[0]?.data ?? '', 'base64').toString('utf8'), x.pages?.[0]?.text);
});

test('an encapsulated PDF is handed on as an embedded child', () => {
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
  const x = extractDicom(
    part10(imageElements({ extra: [el(0x0008, 0x0016, 'UI', '1.2.840.10008.5.1.4.1.1.104.1'), el(0x0008, 0x0060, 'CS', 'DOC'), el(0x0042, 0x0011, 'OB', pdf), el(0x0042, 0x0012, 'LO', 'application/pdf')] })),
  );
  assert.equal(x.children?.length, 1);
  assert.equal(x.children![0].name, '1.2.3.4.5.6.7.pdf');
  assert.equal(x.children![0].relation, 'embedded');
  assert.equal(Buffer.from(x.children![0].bytes).toString('latin1'), pdf.toString('latin1'));
});

test('pixel data that cannot be decoded is flagged decode-unsupported', async () => {
  const els = imageElements({});
  const bytes = concat(part10(els, { transferSyntax: '1.2.840.10008.1.2.4.100' }), encapsulatedPixelData([Uint8Array.of(0, 0, 1, 0xb3)]));
  const x = extractDicom(bytes);
  assert.ok(x.issues.some((i) => i.code === 'decode-unsupported' && i.severity === 'warning'));
  await assert.rejects(decodeFrame(bytes), (e: Error & { code?: string }) => e.code === 'decode-unsupported');
});

test('decodeFrame returns stored values; signed 12-bit values are sign-extended', async () => {
  const values = [-2048, -1, 0, 1, 2047, 100, -100, 5, 6, 7, 8, 9, 10, 11, 12, 13];
  // Stored in 12 of 16 bits with garbage in the top 4 bits of positive values.
  const stored = values.map((v, i) => (v & 0x0fff) | (i % 2 ? 0xa000 : 0));
  const f = await decodeFrame(part10(imageElements({ pixelData: pixels16(stored), bitsStored: 12, signed: true })));
  assert.equal(f.width, 4);
  assert.equal(f.height, 4);
  assert.ok(f.data instanceof Int16Array);
  assert.deepEqual(Array.from(f.data), values);
});

test('RLE decodes to exactly the uncompressed values, frame by frame', async () => {
  const frames = [Uint16Array.from(RAMP), Uint16Array.from(RAMP.map((v) => 4000 - v))];
  const raw = concat(...frames.map((f) => new Uint8Array(f.buffer)));
  const plain = part10(imageElements({ pixelData: raw, frames: 2 }));
  const rle = concat(part10(imageElements({ frames: 2 }), { transferSyntax: RLE }), encapsulatedPixelData(frames.map((f) => rleEncodeFrame(f, 2))));
  for (const k of [0, 1]) {
    const [a, b] = [await decodeFrame(plain, k), await decodeFrame(rle, k)];
    assert.deepEqual(Array.from(b.data), Array.from(a.data));
    assert.deepEqual(Array.from(a.data), Array.from(frames[k]));
  }
  await assert.rejects(decodeFrame(plain, 2), /out of range/);
});

test('renderPng makes a PNG thumbnail of the frame', async () => {
  const png = await renderPng(part10(imageElements({ pixelData: pixels16(RAMP) })), { maxSize: 2 });
  const meta = await sharp(png).metadata();
  assert.equal(meta.format, 'png');
  assert.equal(meta.width, 2);
  const full = await sharp(await renderPng(part10(imageElements({ pixelData: pixels16(RAMP) })), { center: 750, width: 1500 })).raw().toBuffer({ resolveWithObject: true });
  assert.equal(full.info.width, 4);
  assert.equal(full.data[0], 0, 'lowest value is black');
  assert.equal(full.data[(full.info.width * full.info.height - 1) * full.info.channels], 255, 'highest value is white');
});

const patientRec = (name: string, id: string, children: Parameters<typeof dicomdir>[0]) => ({ type: 'PATIENT', attrs: [el(0x0010, 0x0010, 'PN', name), el(0x0010, 0x0020, 'LO', id)], children });
const studyRec = (uid: string, children: Parameters<typeof dicomdir>[0]) => ({
  type: 'STUDY',
  attrs: [el(0x0008, 0x0020, 'DA', '20240305'), el(0x0008, 0x0050, 'SH', 'ACC9'), el(0x0008, 0x1030, 'LO', 'CT HEAD'), el(0x0020, 0x000d, 'UI', uid)],
  children,
});
const seriesRec = (uid: string, children: Parameters<typeof dicomdir>[0]) => ({ type: 'SERIES', attrs: [el(0x0008, 0x0060, 'CS', 'CT'), el(0x0020, 0x000e, 'UI', uid), el(0x0020, 0x0011, 'IS', '2')], children });
const imageRec = (fileId: string, sop: string) => ({ type: 'IMAGE', fileId, attrs: [el(0x0004, 0x1510, 'UI', '1.2.840.10008.5.1.4.1.1.2'), el(0x0004, 0x1511, 'UI', sop), el(0x0020, 0x0013, 'IS', '1')] });

test('a DICOMDIR lists patients, studies, series and images; a missing file and a ".." path are reported', () => {
  const dir = dicomdir([patientRec('Doe^Jane', 'PID42', [studyRec('1.2.3.4', [seriesRec('1.2.3.4.5', [imageRec('IMG\\A1', '1.9.1'), imageRec('IMG\\A2', '1.9.2'), imageRec('..\\..\\etc\\passwd', '1.9.3')])])])]);
  assert.equal(detectFormat(dir), 'dicomdir');
  const tree = readDicomdirTree(dir);
  assert.equal(tree.patients.length, 1);
  assert.equal(tree.studies[0].studyUid, '1.2.3.4');
  assert.equal(tree.series[0].seriesUid, '1.2.3.4.5');
  assert.deepEqual(tree.instances.map((i) => i.referencedFileId.join('/')), ['IMG/A1', 'IMG/A2', '../../etc/passwd']);
  assert.equal(tree.instances[2].unsafe, true);
  assert.ok(tree.issues.some((i) => i.code === 'unsafe-path'));

  const x = extractDicom(dir);
  const s = study(x)!;
  assert.equal(s.numberOfSeries, 1);
  assert.equal(s.series?.[0]?.instance?.length, 3);
  assert.equal(s.identifier?.[1]?.value, 'ACC9');
  assert.equal(x.subjects?.[x.resources[0].subject!]?.family, 'Doe');
  assert.deepEqual(x.issues.filter((i) => i.code === 'referenced-file').map((i) => i.location?.path), ['IMG/A1', 'IMG/A2']);

  const folder = mkdtempSync(join(tmpdir(), 'vessel-disc-'));
  try {
    mkdirSync(join(folder, 'IMG'));
    writeFileSync(join(folder, 'DICOMDIR'), dir);
    writeFileSync(join(folder, 'IMG', 'a1'), part10(imageElements({ sopUid: '1.9.1' }))); // lower case on disk
    const disc = checkDisc(folder);
    assert.deepEqual(disc.present.map((p) => p.sopInstanceUid), ['1.9.1']);
    assert.deepEqual(disc.missing, ['IMG/A2']);
    assert.deepEqual(disc.refused, ['../../etc/passwd']);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('checkDisc follows chained directory files (Philips DIRFILE layout without offsets)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'vessel-dirfile-'));
  try {
    mkdirSync(join(folder, 'S1', 'SE1'), { recursive: true });
    const rootDir = dicomdir(
      [
        { type: 'STUDY', fileId: 'S1\\DIRFILE', attrs: [el(0x0010, 0x0010, 'PN', 'PHANTOM^HEAD'), el(0x0010, 0x0020, 'LO', 'P1'), el(0x0020, 0x000d, 'UI', '1.5.1')] },
        { type: 'STUDY', fileId: 'S2\\DIRFILE', attrs: [el(0x0010, 0x0010, 'PN', 'PHANTOM^HEAD'), el(0x0020, 0x000d, 'UI', '1.5.2')] },
      ],
      false,
    );
    const studyDir = dicomdir([{ type: 'SERIES', fileId: 'S1\\SE1\\DIRFILE', attrs: [el(0x0008, 0x0060, 'CS', 'CT'), el(0x0020, 0x000e, 'UI', '1.5.1.1')] }], false);
    const seriesDir = dicomdir([imageRec('S1\\SE1\\I10', '1.5.1.1.1'), imageRec('S1\\SE1\\I20', '1.5.1.1.2')], false);
    writeFileSync(join(folder, 'DICOMDIR'), rootDir);
    writeFileSync(join(folder, 'S1', 'DIRFILE'), studyDir);
    writeFileSync(join(folder, 'S1', 'SE1', 'DIRFILE'), seriesDir);
    writeFileSync(join(folder, 'S1', 'SE1', 'I10'), part10(imageElements({ sopUid: '1.5.1.1.1' })));
    const disc = checkDisc(folder);
    assert.equal(disc.directoryFiles.length, 3);
    assert.deepEqual(disc.missing.sort(), ['S1/SE1/I20', 'S2/DIRFILE']);
    assert.equal(disc.present.length, 1);
    const inst = disc.tree.instances[0];
    const series = disc.tree.series.find((s) => s.key === inst.seriesKey);
    const st = disc.tree.studies.find((s) => s.key === series?.studyKey);
    assert.equal(st?.studyUid, '1.5.1', 'images of a chained file belong to the study that referenced it');
    assert.equal(disc.tree.patients.find((p) => p.key === st?.patientKey)?.name, 'PHANTOM^HEAD');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('scanFolder finds DICOMDIR discs and loose DICOM files by content', () => {
  const folder = mkdtempSync(join(tmpdir(), 'vessel-scan-'));
  try {
    mkdirSync(join(folder, 'IMG'));
    mkdirSync(join(folder, 'extra', 'deeper'), { recursive: true });
    writeFileSync(join(folder, 'DICOMDIR'), dicomdir([patientRec('Doe^Jane', 'PID42', [studyRec('1.2.3.4', [seriesRec('1.2.3.4.5', [imageRec('IMG\\A1', '1.9.1')])])])]));
    writeFileSync(join(folder, 'IMG', 'A1'), part10(imageElements({ sopUid: '1.9.1' })));
    writeFileSync(join(folder, 'extra', 'deeper', 'scan.bin'), part10(imageElements({ sopUid: '1.9.9' }), { preamble: false, meta: false }));
    writeFileSync(join(folder, 'README.TXT'), 'Viewer on this disc');
    const scan = scanFolder(folder);
    assert.equal(scan.discs.length, 1);
    assert.equal(scan.dicomFiles.length, 2);
    assert.deepEqual(scan.unreferenced, [join(folder, 'extra', 'deeper', 'scan.bin')]);
    assert.deepEqual(scan.other, [join(folder, 'README.TXT')]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a dataset that starts below group 0002 (private group 0001, nested sequences in implicit VR) is read, not swallowed by the meta header', () => {
  const le16 = (n: number) => Buffer.from([n & 0xff, n >> 8]);
  const le32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(n >>> 0); return b; };
  const explicit = (g: number, e: number, vr: string, value: Buffer) =>
    vr === 'OB' ? Buffer.concat([le16(g), le16(e), Buffer.from(vr), Buffer.alloc(2), le32(value.length), value]) : Buffer.concat([le16(g), le16(e), Buffer.from(vr), le16(value.length), value]);
  const implicit = (g: number, e: number, value: Buffer | null) => Buffer.concat([le16(g), le16(e), le32(value ? value.length : 0xffffffff), value ?? Buffer.alloc(0)]);
  const item = (body: Buffer) => Buffer.concat([le16(0xfffe), le16(0xe000), le32(0xffffffff), body, le16(0xfffe), le16(0xe00d), le32(0)]);
  const seqEnd = Buffer.concat([le16(0xfffe), le16(0xe0dd), le32(0)]);
  const uid = (s: string) => Buffer.from(s.length % 2 ? s + '\0' : s);
  const metaBody = Buffer.concat([explicit(2, 1, 'OB', Buffer.from([0, 1])), explicit(2, 0x10, 'UI', uid('1.2.840.10008.1.2')), explicit(2, 0x12, 'UI', uid('1.2.3.4'))]);
  const meta = Buffer.concat([explicit(2, 0, 'UL', le32(metaBody.length)), metaBody]);
  const inner = Buffer.concat([implicit(1, 1, null), item(implicit(1, 1, Buffer.from('Double Nested SQ'))), seqEnd, implicit(1, 2, Buffer.from('Nested SQ '))]);
  const dataset = Buffer.concat([implicit(1, 1, null), item(inner), seqEnd, implicit(0x0010, 0x0010, Buffer.from('Doe^Jane'))]);
  const file = Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), meta, dataset]);
  const r = parseDicomBytes(file);
  assert.ok(r.file, JSON.stringify(r.issues));
  assert.equal(r.file.ds.string('x00100010'), 'Doe^Jane');
  assert.ok(!r.issues.some((i) => i.severity === 'error'));
});

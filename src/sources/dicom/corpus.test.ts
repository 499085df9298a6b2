import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeFrame } from './decode.js';
import { checkDisc } from './disc.js';
import { readDicomdirTree } from './dicomdir.js';
import { extractDicom } from './index.js';
import { parseDicomBytes, textString } from './parse.js';
import { SHARED_CORPUS } from '../../../test/helpers/corpus.js';

const corpus = join(SHARED_CORPUS, 'dicom');
const files = join(corpus, 'pydicom-test-files');
const philips = join(corpus, 'dcm_qa_ct-philips-cd-partial', 'Philips');
const absent = (dir: string) => !existsSync(dir) && 'shared corpus not present';

test('charset_files: patient names decode to the names pydicom expects', { skip: absent(join(files, 'charset_files')) }, () => {
  const expected: Record<string, string> = {
    'chrArab.dcm': 'قباني^لنزار',
    'chrFren.dcm': 'Buc^Jérôme',
    'chrGerm.dcm': 'Äneas^Rüdiger',
    'chrGreek.dcm': 'Διονυσιος',
    'chrH31.dcm': 'Yamada^Tarou=山田^太郎=やまだ^たろう',
    'chrH32.dcm': 'ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう',
    'chrHbrw.dcm': 'שרון^דבורה',
    'chrI2.dcm': 'Hong^Gildong=洪^吉洞=홍^길동',
    'chrRuss.dcm': 'Люкceмбypг',
    'chrX1.dcm': 'Wang^XiaoDong=王^小東=',
    'chrX2.dcm': 'Wang^XiaoDong=王^小东=',
    'chrJapMulti.dcm': 'やまだ^たろう',
    'chrKoreanMulti.dcm': '김희중',
  };
  for (const [name, want] of Object.entries(expected)) {
    const f = parseDicomBytes(readFileSync(join(files, 'charset_files', name))).file!;
    assert.equal(textString(f.ds, 'x00100010', f.charsets, true), want, name);
  }
});

test('lossless MR_small pairs decode to exactly the uncompressed pixels', { skip: absent(files) }, async () => {
  const ref = await decodeFrame(readFileSync(join(files, 'MR_small.dcm')));
  assert.equal(ref.data.length, 64 * 64);
  for (const name of ['MR_small_RLE.dcm', 'MR_small_jpeg_ls_lossless.dcm', 'MR_small_jp2klossless.dcm', 'MR_small_bigendian.dcm', 'MR_small_implicit.dcm']) {
    const f = await decodeFrame(readFileSync(join(files, name)));
    assert.deepEqual(Array.from(f.data), Array.from(ref.data), name);
  }
});

test('deliberately broken files give issues, not exceptions', { skip: absent(files) }, () => {
  for (const rel of ['MR_truncated.dcm', 'badVR.dcm', 'nested_priv_SQ.dcm', 'meta_missing_tsyntax.dcm', 'no_meta.dcm', '../pydicom-data/bad_sequence.dcm', 'dicomdirtests/DICOMDIR-nooffset', 'dicomdirtests/DICOMDIR-empty.dcm']) {
    const path = join(files, rel);
    if (!existsSync(path)) continue;
    const x = extractDicom(readFileSync(path));
    assert.ok(Array.isArray(x.issues), rel);
  }
  const truncated = extractDicom(readFileSync(join(files, 'MR_truncated.dcm')));
  assert.ok(truncated.issues.some((i) => i.code === 'truncated'));
  assert.equal(truncated.resources[0]?.resource.resourceType, 'ImagingStudy', 'the header of a truncated file is still indexed');
});

test('dicomdirtests: every readable variant gives 2 patients, 6 studies, 13 series, 31 images', { skip: absent(join(files, 'dicomdirtests')) }, () => {
  for (const name of ['DICOMDIR', 'DICOMDIR-bigEnd', 'DICOMDIR-implicit', 'DICOMDIR-reordered', 'DICOMDIR-nopatient', 'DICOMDIR-nooffset']) {
    const t = readDicomdirTree(readFileSync(join(files, 'dicomdirtests', name)));
    assert.deepEqual([t.patients.length, t.studies.length, t.series.length, t.instances.length], [2, 6, 13, 31], name);
    assert.ok(t.instances.every((i) => i.seriesKey && i.studyKey && i.patientKey), `${name}: every image is placed in the tree`);
  }
  const disc = checkDisc(join(files, 'dicomdirtests'));
  assert.equal(disc.missing.length, 0);
  assert.equal(disc.present.length, 31);
});

test('Philips CD: the DIRFILE chain is followed and the missing files are reported', { skip: absent(philips) }, () => {
  const disc = checkDisc(philips);
  assert.equal(disc.directoryFiles.length, 5, 'DICOMDIR + study DIRFILE + 3 series DIRFILEs on the disc');
  assert.equal(disc.present.length, 5);
  assert.ok(disc.missing.includes('S21570/DIRFILE'), 'the absent second study is reported');
  assert.ok(disc.missing.includes('S21610/S4010/I30'), 'trimmed images are reported');
  assert.equal(disc.refused.length, 0);
  const present = disc.present.map((p) => p.referencedFileId.join('/')).sort();
  assert.deepEqual(present, ['S21610/S1000/I10', 'S21610/S3010/I10', 'S21610/S3010/I100', 'S21610/S4010/I10', 'S21610/S4010/I20']);
  for (const p of disc.present) {
    const series = disc.tree.series.find((s) => s.key === p.seriesKey);
    const study = disc.tree.studies.find((s) => s.key === series?.studyKey);
    const x = extractDicom(readFileSync(p.path));
    const st = x.resources[0].resource as { identifier?: Array<{ value?: string }> };
    assert.equal(st.identifier?.[0]?.value, `urn:oid:${study?.studyUid}`, `${p.referencedFileId.join('/')} is in the study that lists it`);
  }
});

/** Paths of empty objects/arrays/strings and of dates that are not FHIR date/dateTime. */
function shapeProblems(v: unknown, path = ''): string[] {
  const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00)))?)?)?$/;
  if (v === '' || v === null) return [path];
  if (Array.isArray(v)) return v.length ? v.flatMap((x, i) => shapeProblems(x, `${path}[${i}]`)) : [path];
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    if (!entries.length) return [path];
    return entries.flatMap(([k, x]) => {
      const p = `${path}.${k}`;
      if (/^(started|effectiveDateTime|birthDate|date)$/.test(k) && (typeof x !== 'string' || !DATE.test(x))) return [`${p}=${String(x)}`];
      return shapeProblems(x, p);
    });
  }
  return [];
}

test('every resource and subject from the corpus has no empty values and only valid FHIR dates', { skip: absent(corpus) }, () => {
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  let checked = 0;
  for (const path of walk(corpus)) {
    if (/\.(md|txt)$/.test(path)) continue;
    const x = extractDicom(readFileSync(path));
    for (const r of x.resources) {
      assert.deepEqual(shapeProblems(r.resource), [], `${path}: ${r.resource.resourceType}`);
      checked++;
    }
    assert.deepEqual(shapeProblems(x.subjects ?? { ok: 1 }), [], `${path}: subjects`);
  }
  assert.ok(checked > 100);
});

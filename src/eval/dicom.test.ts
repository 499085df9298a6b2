import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from './dicom.js';
import { concat, dicomdir, el, encapsulatedPixelData, imageElements, part10, RLE, rleEncodeFrame } from '../sources/dicom/fixtures/build.js';
import { SHARED_CORPUS } from '../../test/helpers/corpus.js';

const RAMP = Uint16Array.from({ length: 16 }, (_, i) => i * 100);

test('eval dicom: counts files, discs, decodes and lossless pairs on a tiny corpus', async () => {
  const root = mkdtempSync(join(tmpdir(), 'vessel-eval-dicom-'));
  try {
    const src = join(root, 'dicom', 'tiny');
    mkdirSync(join(src, 'IMG'), { recursive: true });
    const plain = (sop: string, px: Uint16Array) => part10(imageElements({ sopUid: sop, pixelData: new Uint8Array(px.buffer) }));
    const rle = (sop: string, px: Uint16Array) => concat(part10(imageElements({ sopUid: sop }), { transferSyntax: RLE }), encapsulatedPixelData([rleEncodeFrame(px, 2)]));
    writeFileSync(join(src, 'ramp.dcm'), plain('1.7.1', RAMP));
    writeFileSync(join(src, 'ramp_RLE.dcm'), rle('1.7.1', RAMP));
    // A "lossless" twin whose pixels differ: must be counted as a pair that is not exact.
    writeFileSync(join(src, 'other.dcm'), plain('1.7.2', RAMP));
    writeFileSync(join(src, 'other_RLE.dcm'), rle('1.7.2', RAMP.map((v, i) => (i === 5 ? v + 1 : v))));
    const full = plain('1.7.3', RAMP);
    writeFileSync(join(src, 'cut.dcm'), full.subarray(0, full.length - 7));
    writeFileSync(join(src, 'notes.txt'), 'not dicom');
    const image = (fileId: string, sop: string) => ({ type: 'IMAGE', fileId, attrs: [el(0x0004, 0x1511, 'UI', sop)] });
    writeFileSync(
      join(src, 'DICOMDIR'),
      dicomdir([
        {
          type: 'PATIENT',
          attrs: [el(0x0010, 0x0010, 'PN', 'Doe^Jane')],
          children: [{ type: 'STUDY', attrs: [el(0x0020, 0x000d, 'UI', '1.2.3.4')], children: [{ type: 'SERIES', attrs: [el(0x0020, 0x000e, 'UI', '1.2.3.4.5')], children: [image('IMG\\I1', '1.8.1'), image('IMG\\I2', '1.8.2'), image('..\\X', '1.8.3')] }] }],
        },
      ]),
    );
    writeFileSync(join(src, 'IMG', 'I1'), plain('1.8.1', RAMP));

    const r = await suite.run(root, {});
    const m = r.metrics as Record<string, unknown>;
    assert.equal(r.crashes, 0);
    assert.equal(m.files, 7, '6 DICOM files and the DICOMDIR; notes.txt is not DICOM');
    assert.equal(m.files_readable, 7, 'the truncated file still has a readable header');
    assert.equal(m.missing_referenced_files, 1);
    assert.equal(m.refused_paths, 1);
    assert.equal(m.dicomdir_files_present, 1);
    assert.equal(m.dicomdir_files_present_indexed, 1, 'the file the DICOMDIR lists is indexed from its own bytes');
    assert.equal(m.studies, 1);
    assert.equal(m.series, 1);
    assert.equal(m.instances_indexed, 6);
    assert.deepEqual((m.decode_ok as Record<string, unknown>)['1.2.840.10008.1.2.5'], { ok: 2, total: 2 });
    assert.deepEqual((m.decode_ok as Record<string, unknown>)['1.2.840.10008.1.2.1'], { ok: 3, total: 4 }, 'the truncated file fails to decode');
    assert.equal(m.lossless_pairs, 2);
    assert.equal(m.lossless_exact, 1);
    assert.match(r.table ?? '', /lossless pairs: 1\/2 exact/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('eval dicom: the shared corpus has 0 crashes and exact lossless pairs', { skip: !existsSync(join(SHARED_CORPUS, 'dicom')) && 'shared corpus not present' }, async () => {
  const r = await suite.run(SHARED_CORPUS, {});
  const m = r.metrics as Record<string, number>;
  assert.equal(r.crashes, 0);
  assert.ok(m.lossless_pairs >= 4, 'MR_small ×3 and emri_small pairs found');
  assert.equal(m.lossless_exact, m.lossless_pairs);
  assert.ok(m.missing_referenced_files > 0, 'the partial Philips CD misses files');
});

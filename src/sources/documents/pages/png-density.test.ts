import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { withPngDensity } from './png-density.js';
import { toPng } from './preprocess.js';
import { wordCropPng } from './reread.js';
import type { Raster } from './raster.js';

const page = (xdpi: number): Raster => ({ data: Uint8Array.from({ length: 120 * 50 }, (_, i) => (i % 7 ? 255 : (i * 13) % 256)), width: 120, height: 50, xdpi, ydpi: xdpi });

test('a page goes to tesseract as a grey PNG with its resolution and its pixels unchanged', async () => {
  const r = page(204);
  const png = await toPng(r);
  const meta = await sharp(png).metadata();
  assert.equal(meta.channels, 1, 'one grey channel, not RGB (three times the bytes for the OCR worker)');
  assert.equal(meta.density, 204);
  const back = await sharp(png).toColourspace('b-w').raw().toBuffer();
  assert.deepEqual(new Uint8Array(back), r.data);
});

test('a number crop for the re-read is grey too, at its enlarged resolution', async () => {
  const png = await wordCropPng(page(204), [10, 10, 40, 30], { scale: 3 });
  const meta = await sharp(png).metadata();
  assert.equal(meta.channels, 1);
  assert.equal(meta.density, 612);
});

test('the resolution is replaced where the PNG has one and inserted after IHDR where it has none', async () => {
  const withOne = await sharp(Buffer.alloc(16, 128), { raw: { width: 4, height: 4, channels: 1 } }).png().toBuffer();
  assert.equal((await sharp(withPngDensity(withOne, 300)).metadata()).density, 300);
  // Drop the pHYs chunk sharp wrote, then set one.
  const chunks: Buffer[] = [withOne.subarray(0, 8)];
  for (let p = 8; p < withOne.length;) {
    const len = withOne.readUInt32BE(p);
    if (withOne.toString('latin1', p + 4, p + 8) !== 'pHYs') chunks.push(withOne.subarray(p, p + 12 + len));
    p += 12 + len;
  }
  const without = Buffer.concat(chunks);
  assert.equal(without.includes('pHYs'), false);
  const set = withPngDensity(without, 196);
  assert.equal((await sharp(set).metadata()).density, 196);
  assert.deepEqual(await sharp(set).toColourspace('b-w').raw().toBuffer(), await sharp(withOne).toColourspace('b-w').raw().toBuffer());
  assert.throws(() => withPngDensity(Buffer.from('not a png at all, long enough to look'), 200), /not a PNG/);
});

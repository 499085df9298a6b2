import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { concat, encapsulatedPixelData, imageElements, part10, rleEncodeFrame, RLE } from '../sources/dicom/fixtures/build.js';
import { FrameError, FrameService } from './frames.js';

const SIZE = 32;
const values = Uint16Array.from({ length: SIZE * SIZE }, (_, i) => (i * 37) % 4096);
const native = part10(imageElements({ rows: SIZE, columns: SIZE, pixelData: new Uint8Array(values.buffer), bitsStored: 12 }));
const rle = concat(part10(imageElements({ rows: SIZE, columns: SIZE, bitsStored: 12 }), { transferSyntax: RLE }), encapsulatedPixelData([rleEncodeFrame(values, 2)]));
const files = new Map<string, Uint8Array>([
  ['native', native],
  ['rle', rle],
]);
const doc = (name: string) => ({ sha256: name, size: files.get(name)!.length });
const raw = async (png: Buffer) => (await sharp(png).raw().toBuffer()).toString('hex');

test('a compressed frame (rendered in the worker) gives the same pixels as the uncompressed one (rendered here)', async (t) => {
  const frames = new FrameService(async (sha) => Buffer.from(files.get(sha)!));
  t.after(() => frames.close());
  const req = { frame: 0, center: 2000, width: 4000, size: 64 };
  const a = await frames.png(doc('native'), req);
  const b = await frames.png(doc('rle'), req);
  assert.equal(await raw(a), await raw(b));
  // Again with another window: the worker has the decoded frame and needs no bytes.
  const c = await frames.png(doc('rle'), { ...req, center: 100, width: 200 });
  assert.notEqual(await raw(c), await raw(b));
  assert.equal(await raw(c), await raw(await frames.png(doc('native'), { ...req, center: 100, width: 200 })));
});

test('past the queue the caller is told to retry; files over the limit are refused', async (t) => {
  const slow = new FrameService(
    async (sha) => {
      await new Promise((r) => setTimeout(r, 50));
      return Buffer.from(files.get(sha)!);
    },
    { concurrency: 1, maxQueue: 0, inProcess: true, maxFileBytes: 1_000_000 },
  );
  t.after(() => slow.close());
  const first = slow.png(doc('native'), { frame: 0, size: 64 });
  await assert.rejects(slow.png(doc('native'), { frame: 0, size: 32 }), (e: unknown) => e instanceof FrameError && e.status === 503 && e.key === 'busy');
  await first;
  await assert.rejects(slow.png({ sha256: 'native', size: 2_000_000 }, { frame: 0, size: 64 }), (e: unknown) => e instanceof FrameError && e.status === 413);
});

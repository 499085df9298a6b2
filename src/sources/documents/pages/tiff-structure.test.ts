// TIFF structures from strangers (session 12): a directory chain that loops and an entry that
// claims billions of values each used to run utif2 until the heap was gone (a 29 KB file took
// the process down). Fixtures are built here from a generated two-page fax.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPages } from './read.js';
import sharp from 'sharp';
import { g4Tiff } from './test-fixtures.js';
import { checkTiffStructure } from './tiff-structure.js';
import type { ExtractionIssue } from '../../../core/types.js';

const twoPages = () => g4Tiff([{ blank: { width: 1728, height: 1100 }, xdpi: 204, ydpi: 196 }, { blank: { width: 1728, height: 1100 }, xdpi: 204, ydpi: 196 }]);

/** Offsets of the top-level directories of a little-endian TIFF. */
function directories(b: Buffer): number[] {
  const out: number[] = [];
  for (let at = b.readUInt32LE(4); at; at = b.readUInt32LE(at + 2 + b.readUInt16LE(at) * 12)) out.push(at);
  return out;
}

/** Where the entry of `tag` sits in the directory at `ifd`. */
function entry(b: Buffer, ifd: number, tag: number): number {
  for (let i = 0; i < b.readUInt16LE(ifd); i++) if (b.readUInt16LE(ifd + 2 + i * 12) === tag) return ifd + 2 + i * 12;
  throw new Error(`no tag ${tag}`);
}

async function read(bytes: Buffer) {
  let pages = 0;
  const issues: ExtractionIssue[] = [];
  for await (const r of readPages(bytes, 'tiff', { maxPages: 10 })) {
    if (r.page) pages++;
    issues.push(...r.issues);
  }
  return { pages, issues };
}

test('a well-formed TIFF passes the structure check untouched', async () => {
  const tif = await twoPages();
  const checked = checkTiffStructure(tif);
  assert.equal(checked.bytes, tif);
  assert.deepEqual(checked.repairs, []);
});

test('a chain of directories that loops back is cut there: both pages read, the damage said', async () => {
  const tif = await twoPages();
  const [first, second] = directories(tif);
  tif.writeUInt32LE(first, second + 2 + tif.readUInt16LE(second) * 12); // page 2's "next" is page 1
  const { pages, issues } = await read(tif);
  assert.equal(pages, 2);
  const repaired = issues.find((i) => i.code === 'tiff-repaired');
  assert.match(repaired?.message ?? '', /loop/);
});

test('an entry claiming 2^31 values is ignored, not read: the page is still read', async () => {
  const tif = await twoPages();
  const e = entry(tif, directories(tif)[1], 282); // XResolution of page 2
  tif.writeUInt32LE(0x80000000, e + 4);
  const { pages, issues } = await read(tif);
  assert.equal(pages, 2);
  assert.match(issues.find((i) => i.code === 'tiff-repaired')?.message ?? '', /tag 282 claims 2147483648 values/);
});

test('a first directory outside the file is a corrupt TIFF, with its reason', async () => {
  const tif = await twoPages();
  tif.writeUInt32LE(0x7fffffff, 4);
  const { pages, issues } = await read(tif);
  assert.equal(pages, 0);
  assert.match(issues.find((i) => i.code === 'tiff-corrupt')?.message ?? '', /first directory points outside the file/);
});

test('a dithered fax page whose strip claims 2^28 bytes is read in bounded time: cut at the end of the file, decoded by libvips', async () => {
  // A checkerboard (a dithered grey, as some faxes send photos): every row changes colour at every
  // pixel, the worst case for utif2's CCITT decoders, which scan the row above for every bit.
  const w = 1728;
  const h = 400;
  const px = Buffer.from(Array.from({ length: w * h }, (_, i) => (((i % w) + Math.floor(i / w)) % 2 ? 255 : 0)));
  const page = { png: await sharp(px, { raw: { width: w, height: h, channels: 1 } }).png().toBuffer(), xdpi: 204, ydpi: 196 };
  const tif = await g4Tiff([page, page, page]);
  const dirs = directories(tif);
  const counts = entry(tif, dirs[0], 279); // StripByteCounts of page 1: its first strip's count, inline or at its offset
  tif.writeUInt32LE(0x10000000, tif.readUInt32LE(counts + 4) > 1 ? tif.readUInt32LE(counts + 8) : counts + 8);
  // Page 2 loses its height: utif2 lists 2 pages, libvips stops at that directory, so the pages are
  // not handed to libvips's fax path together and page 1 falls back to a per-page decoder.
  tif.writeUInt32LE(0, entry(tif, dirs[1], 257) + 4);
  const t0 = performance.now();
  const { pages, issues } = await read(tif);
  const ms = performance.now() - t0;
  assert.ok(ms < 10_000, `took ${Math.round(ms)} ms`);
  assert.equal(pages, 2);
  assert.match(issues.find((i) => i.code === 'tiff-repaired')?.message ?? '', /strip ran past the end of the file/);
});

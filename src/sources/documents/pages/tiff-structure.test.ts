// TIFF structures from strangers (session 12): a directory chain that loops and an entry that
// claims billions of values each used to run utif2 until the heap was gone (a 29 KB file took
// the process down). Fixtures are built here from a generated two-page fax.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPages } from './read.js';
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

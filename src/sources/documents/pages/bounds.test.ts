// Bad input with bounded work: a page count beyond the limit, pages of 20,000×20,000 pixels.
// Inputs are generated here (a blank G4 page of any size costs a few KB; a PNG is deflated row by row).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createDeflate } from 'node:zlib';
import { OcrPool } from './ocr-pool.js';
import { DEFAULT_MAX_PAGES, MAX_DECODE_PIXELS, readPages } from './read.js';
import { OCR_MAX_PIXELS } from './ocr-page.js';
import { g4Tiff, textPdf, textPng } from './test-fixtures.js';
import type { ExtractedPage, ExtractionIssue } from '../../../core/types.js';

const pool = new OcrPool({ size: 2 });
after(() => pool.terminate());

async function readAll(bytes: Uint8Array, format: 'pdf' | 'tiff' | 'png') {
  const pages: ExtractedPage[] = [];
  const issues: ExtractionIssue[] = [];
  for await (const r of readPages(bytes, format, { ocr: pool })) {
    if (r.page) pages.push(r.page);
    issues.push(...r.issues);
  }
  return { pages, issues };
}

/** A grey PNG of width×height, white, deflated row by row (never the whole picture in memory). */
async function whitePng(width: number, height: number): Promise<Buffer> {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const row = Buffer.alloc(width + 1, 0xff);
  row[0] = 0; // filter: none
  const z = createDeflate({ level: 6 });
  const out: Buffer[] = [];
  z.on('data', (d: Buffer) => out.push(d));
  const done = new Promise((resolve) => z.on('end', resolve));
  for (let y = 0; y < height; y++) if (!z.write(row)) await new Promise((r) => z.once('drain', r));
  z.end();
  await done;
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', Buffer.concat(out)), chunk('IEND', Buffer.alloc(0))]);
}

test(`a PDF of ${DEFAULT_MAX_PAGES + 1} pages: the first ${DEFAULT_MAX_PAGES} are read, in order, and an issue says the rest were not`, async () => {
  const pdf = await textPdf(Array.from({ length: DEFAULT_MAX_PAGES + 1 }, (_, i) => [`Progress note, page ${i + 1}`, 'Patient: TESTBURY, HAROLD']));
  const { pages, issues } = await readAll(pdf, 'pdf');
  assert.equal(pages.length, DEFAULT_MAX_PAGES);
  assert.deepEqual(pages.map((p) => p.page), Array.from({ length: DEFAULT_MAX_PAGES }, (_, i) => i + 1));
  assert.match(pages.at(-1)!.text, new RegExp(`page ${DEFAULT_MAX_PAGES}\\b`));
  const limit = issues.find((i) => i.code === 'page-limit');
  assert.ok(limit, JSON.stringify(issues.slice(0, 5)));
  assert.equal(limit.message, `Only the first ${DEFAULT_MAX_PAGES} of ${DEFAULT_MAX_PAGES + 1} pages were read.`);
  assert.ok(!issues.some((i) => i.severity === 'error'));
});

test('a 20,000×20,000-pixel fax page is read shrunk (not decoded whole), and the pages around it are read as usual', async () => {
  const words = (s: string) => textPng([s], {});
  const tif = await g4Tiff([
    { png: await words('Hemoglobin 13.5 g/dL'), xdpi: 200, ydpi: 200 },
    { blank: { width: 20_000, height: 20_000 }, xdpi: 200, ydpi: 200 },
    { png: await words('Glucose 105 mg/dL'), xdpi: 200, ydpi: 200 },
  ]);
  assert.ok(tif.length < 100_000, 'the input itself is small');
  const { pages, issues } = await readAll(tif, 'tiff');
  assert.deepEqual(pages.map((p) => p.page), [1, 2, 3]);
  assert.match(pages[0]!.text, /Hemoglobin 13\.5/);
  assert.match(pages[2]!.text, /Glucose 105/);
  const big = issues.filter((i) => i.location?.page === 2);
  // Read shrunk by libvips as it decodes, not decoded whole (2 GB) and shrunk after.
  assert.ok(big.some((i) => i.code === 'page-downscaled' && /20000×20000 pixels; it was read downscaled/.test(i.message)), JSON.stringify(big));
  assert.ok(big.some((i) => i.code === 'page-blank'), JSON.stringify(big));
  assert.ok((pages[1]!.width ?? 0) * (pages[1]!.height ?? 0) <= MAX_DECODE_PIXELS);
  assert.ok(!issues.some((i) => i.severity === 'error'), JSON.stringify(issues));
});

test('a 20,000×20,000-pixel PNG is read downscaled, with no error', async () => {
  const png = await whitePng(20_000, 20_000);
  const { pages, issues } = await readAll(png, 'png');
  assert.equal(pages.length, 1);
  assert.ok((pages[0]!.width ?? 0) * (pages[0]!.height ?? 0) <= OCR_MAX_PIXELS, `${pages[0]!.width}×${pages[0]!.height}`);
  assert.ok(issues.some((i) => i.code === 'page-blank'), JSON.stringify(issues));
  assert.ok(!issues.some((i) => i.severity === 'error'), JSON.stringify(issues));
});

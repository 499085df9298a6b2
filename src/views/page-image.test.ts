// Pages of originals drawn for the viewer: PDF and fax TIFF pages as PNGs at screen size, with
// the word boxes in the same space, over HTTP with the document's access rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { g4Tiff, textPdf, textPng } from '../sources/documents/pages/test-fixtures.js';
import { PageImageError, renderPageImage } from './page-image.js';
import { openTestVessel } from '../../test/helpers/vessels.js';
import { signIn } from '../../test/helpers/api.js';
import { buildServer } from '../server/app.js';
import { closeSharedOcrPool } from '../sources/documents/index.js';

/** Share of dark pixels in a rectangle of a grey PNG (0..1). */
async function ink(png: Buffer, box?: { left: number; top: number; width: number; height: number }): Promise<number> {
  let img = sharp(png).greyscale();
  if (box) img = img.extract(box);
  const { data } = await img.raw().toBuffer({ resolveWithObject: true });
  let dark = 0;
  for (const v of data) if (v < 128) dark++;
  return dark / data.length;
}

test('a PDF page is drawn at the width asked, in the page’s proportions, with its text', async () => {
  const pdf = await textPdf([['Glucose 131 mg/dL (70-99) H', 'Hemoglobin A1c 6.1 %']]);
  const png = (await renderPageImage(pdf, 'pdf', 1, { width: 600 }))!;
  const meta = await sharp(png).metadata();
  assert.equal(meta.format, 'png');
  assert.equal(meta.width, 600);
  assert.ok(Math.abs(meta.height! - Math.round((600 * 792) / 612)) <= 2, `US Letter proportions, got ${meta.width}×${meta.height}`);
  // The first line is drawn at 72 pt from the left, 72 pt from the top (pdf-lib y = 720 of 792).
  const s = 600 / 612;
  assert.ok((await ink(png, { left: Math.round(70 * s), top: Math.round(60 * s), width: Math.round(200 * s), height: Math.round(20 * s) })) > 0.02, 'the first line has ink where it was written');
  assert.ok((await ink(png, { left: 0, top: Math.round(400 * s), width: 600, height: Math.round(300 * s) })) < 0.001, 'the empty lower page is white');
  assert.equal(await renderPageImage(pdf, 'pdf', 2), undefined, 'no page 2');
  await assert.rejects(renderPageImage(new TextEncoder().encode('%PDF-1.4 nonsense'), 'pdf', 1), PageImageError);
});

test('a standard-resolution fax page (204×98 dpi) is drawn with square pixels, as the OCR read it', async () => {
  const page = await textPng(['LAB REPORT', 'Glucose 131 mg/dL'], { width: 1200, height: 1500, fontSize: 48 });
  const tiff = await g4Tiff([{ png: page, xdpi: 204, ydpi: 98 }, { png: page, xdpi: 204, ydpi: 204 }]);
  for (const n of [1, 2]) {
    const meta = await sharp((await renderPageImage(tiff, 'tiff', n))!).metadata();
    assert.equal(meta.width, 1200);
    assert.ok(Math.abs(meta.height! - 1500) <= 4, `page ${n}: upright proportions, got ${meta.width}×${meta.height}`);
  }
  assert.equal(await renderPageImage(tiff, 'tiff', 3), undefined);
});

test('page images and word boxes over HTTP', async (t) => {
  const tv = await openTestVessel('sqlite');
  const app = await buildServer(tv.vessel);
  t.after(async () => {
    await app.close();
    await tv.cleanup();
    await closeSharedOcrPool();
  });
  const pdf = await textPdf([['Patient: Mara Lindqvist', 'Glucose 131 mg/dL'], ['Page two says hello']]);
  const { documentId } = await tv.vessel.importer.importBytes(pdf, 'lab-report.pdf', { channel: 'upload' });
  const { documentId: jsonId } = await tv.vessel.importer.importBytes(Buffer.from('{"resourceType":"Basic","id":"b"}'), 'basic.json', { channel: 'upload' });
  await tv.vessel.runJobsUntilIdle({ pollMs: 10 });
  const api = await signIn(app, tv.vessel);
  await api('/api/people'); // the first account takes what was imported before it

  const img = await api(`/api/documents/${documentId}/pages/2.png?width=400`);
  assert.equal(img.statusCode, 200, img.body.slice(0, 200));
  assert.equal(img.headers['content-type'], 'image/png');
  assert.equal((await sharp(img.rawPayload).metadata()).width, 400);

  const words = (await api(`/api/documents/${documentId}/pages/1/words`)).json() as { width: number; height: number; words: Array<{ text: string; box: number[] }> };
  const glucose = words.words.find((w) => w.text === 'Glucose');
  assert.ok(glucose, `the word boxes of page 1: ${words.words.map((w) => w.text).join(' ')}`);
  const [x0, y0, x1, y1] = glucose.box;
  assert.ok(x0 >= 0 && x1 <= words.width && y0 >= 0 && y1 <= words.height && x1 > x0 && y1 > y0, 'the box lies on the page');
  // The box marks ink on the drawn page (same proportions: scale the box to the image).
  const png = (await api(`/api/documents/${documentId}/pages/1.png?width=612`)).rawPayload;
  const f = 612 / words.width;
  assert.ok((await ink(png, { left: Math.floor(x0 * f), top: Math.floor(y0 * f), width: Math.ceil((x1 - x0) * f), height: Math.ceil((y1 - y0) * f) })) > 0.05, 'the word is where its box says');

  assert.equal((await api(`/api/documents/${documentId}/pages/3.png`)).statusCode, 404);
  assert.equal((await api(`/api/documents/${documentId}/pages/0.png`)).statusCode, 400);
  assert.equal((await api(`/api/documents/${jsonId}/pages/1.png`)).statusCode, 404, 'a FHIR file has no pages to draw');
  assert.equal((await api(`/api/documents/nope/pages/1.png`)).statusCode, 404);
});

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { OcrPool } from './ocr-pool.js';
import { openPdf } from './pdf.js';
import { readAllPages } from './read.js';
import { makeSearchablePdf } from './searchable-pdf.js';
import { g4Tiff, imagePdf, textPng } from './test-fixtures.js';

const pool = new OcrPool({ size: 2 });
after(() => pool.terminate());

/** Text a PDF viewer would find: pdfjs text content of every page. */
async function pdfText(bytes: Uint8Array): Promise<{ texts: string[]; items: Array<{ str: string; x: number; y: number }[]> }> {
  const o = await openPdf(bytes);
  assert.ok(o.ok, 'the searchable PDF opens');
  const texts: string[] = [];
  const items: Array<{ str: string; x: number; y: number }[]> = [];
  for (let n = 1; n <= o.doc.numPages; n++) {
    const c = await (await o.doc.getPage(n)).getTextContent();
    const its = (c.items as Array<{ str: string; transform: number[] }>).map((i) => ({ str: i.str, x: i.transform[4], y: i.transform[5] }));
    items.push(its);
    texts.push(its.map((i) => i.str).join(' '));
  }
  await o.doc.destroy();
  return { texts, items };
}

test('a searchable PDF made from a fax TIFF holds the OCR words where they are printed', async () => {
  const tif = await g4Tiff([
    { png: await textPng(['Hemoglobin 6.8 g/dL', 'Collected 03/14/2024'], { width: 1200, height: 500 }), xdpi: 200, ydpi: 200 },
    { png: await textPng(['Second page Cholesterol 212 mg/dL'], { width: 1200, height: 500 }), xdpi: 200, ydpi: 200 },
  ]);
  const { pages } = await readAllPages(tif, 'tiff', { ocr: pool });
  const pdf = await makeSearchablePdf(tif, 'tiff', pages);
  const { texts, items } = await pdfText(pdf);
  assert.equal(texts.length, 2);
  for (const w of ['Hemoglobin', '6.8', 'g/dL', '03/14/2024']) assert.ok(texts[0].includes(w), `page 1 lacks ${w}: ${texts[0]}`);
  assert.ok(texts[1].includes('Cholesterol') && texts[1].includes('212'));
  // Page is 1200×500 px at 200 dpi = 432×180 pt; "Hemoglobin" starts at x = 60 px = 21.6 pt, first line near the top.
  const hb = items[0].find((i) => i.str === 'Hemoglobin')!;
  assert.ok(Math.abs(hb.x - 21.6) < 4, `x ${hb.x}`);
  assert.ok(hb.y > 130 && hb.y < 170, `y ${hb.y}`);
});

test('an image-only PDF gets an invisible text layer; a PNG becomes a one-page searchable PDF', async () => {
  const png = await textPng(['Referral to cardiology', 'Reason: chest pain'], { width: 1200, height: 500 });
  const scanned = await imagePdf([png]);
  const read = await readAllPages(scanned, 'pdf', { ocr: pool });
  const out = await makeSearchablePdf(scanned, 'pdf', read.pages);
  const { texts } = await pdfText(out);
  assert.match(texts[0], /Referral/);
  assert.match(texts[0], /cardiology/);
  // Reading the searchable PDF back now takes its text layer, no OCR needed.
  const again = await readAllPages(out, 'pdf');
  assert.equal(again.pages[0].method, 'text-layer');
  assert.match(again.pages[0].text, /chest pain/);

  const fromPng = await pdfText(await makeSearchablePdf(png, 'png', (await readAllPages(png, 'png', { ocr: pool })).pages));
  assert.match(fromPng.texts[0], /chest/);
});

test('a part of a fax (pages 2-3 of a TIFF or an image-only PDF) becomes a searchable PDF of just those pages', async () => {
  const sheets = await Promise.all(['Cover sheet to Dr Raman', 'Glucose 112 mg/dL', 'Sodium 139 mmol/L'].map((l) => textPng([l], { width: 1200, height: 400 })));
  const tif = await g4Tiff(sheets.map((png) => ({ png, xdpi: 200, ydpi: 200 })));
  const { pages } = await readAllPages(tif, 'tiff', { ocr: pool });
  const part = pages.filter((p) => p.page >= 2);
  const fromTiff = await makeSearchablePdf(tif, 'tiff', part, { only: [2, 3] });
  assert.deepEqual((await pdfText(fromTiff)).texts.map((t) => /Glucose/.test(t) ? 'glucose' : /Sodium/.test(t) ? 'sodium' : t), ['glucose', 'sodium']);
  assert.deepEqual(await makeSearchablePdf(tif, 'tiff', part, { only: [2, 3] }), fromTiff, 'the same part gives the same bytes (re-reading finds it again)');

  const scanned = await imagePdf(sheets);
  const read = await readAllPages(scanned, 'pdf', { ocr: pool });
  const fromPdf = await pdfText(await makeSearchablePdf(scanned, 'pdf', read.pages.filter((p) => p.page >= 2), { only: [2, 3] }));
  assert.equal(fromPdf.texts.length, 2);
  assert.match(fromPdf.texts[0]!, /Glucose/);
  assert.match(fromPdf.texts[1]!, /Sodium/);
});

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';
import { findPatient } from '../structure/identity.js';
import { OcrPool } from './ocr-pool.js';
import { openPdf, pageImageDpi } from './pdf.js';
import { readAllPages } from './read.js';
import { bilevelPdf, blankPng, g4Tiff, imagePdf, passwordPdf, textPdf, textPng, withSpecks } from './test-fixtures.js';

const pool = new OcrPool({ size: 2 });
after(() => pool.terminate());

const LINES = ['Patient: Harold Testbury', 'Hemoglobin 13.5 g/dL', 'Glucose 105 mg/dL High'];
const norm = (s: string) => s.replace(/\s+/g, ' ');

test('OCR of a rendered PNG recovers the words, with boxes on the page', async () => {
  const png = await textPng(LINES);
  const { pages, issues } = await readAllPages(png, 'png', { ocr: pool });
  assert.equal(pages.length, 1);
  const p = pages[0];
  assert.equal(p.method, 'ocr');
  for (const l of LINES) assert.ok(norm(p.text).includes(l), `missing "${l}" in ${JSON.stringify(p.text)}`);
  assert.ok((p.confidence ?? 0) > 70);
  const hb = p.words!.find((w) => w.text === 'Hemoglobin');
  assert.ok(hb, 'word Hemoglobin has a box');
  // Second line baseline is at y = 80 + 36*1.6 ≈ 138 px; x starts at 60 px.
  assert.ok(hb.box[0] > 50 && hb.box[0] < 75 && hb.box[1] > 100 && hb.box[3] < 150, `box ${hb.box}`);
  assert.equal(issues.filter((i) => i.severity === 'error').length, 0);
});

test('a two-page CCITT G4 TIFF reads as two pages in order', async () => {
  const tif = await g4Tiff([
    { png: await textPng(['First page Sodium 140 mmol/L']), xdpi: 200, ydpi: 200 },
    { png: await textPng(['Second page Potassium 4.1 mmol/L']), xdpi: 200, ydpi: 200 },
  ]);
  const { pages } = await readAllPages(tif, 'tiff', { ocr: pool });
  assert.deepEqual(pages.map((p) => p.page), [1, 2]);
  assert.match(norm(pages[0].text), /First page Sodium 140 mmol\/L/);
  assert.match(norm(pages[1].text), /Second page Potassium 4\.1 mmol\/L/);
});

test('scanned TIFFs in other compressions read their words: JPEG (scanners), Deflate, 16-bit grey, LZW colour', async () => {
  const png = await textPng(LINES);
  const tiffs = {
    // One grey sample per pixel, JPEG strips sharing tables: what scanners and ImageMagick write.
    jpeg: await sharp(png).toColourspace('b-w').tiff({ compression: 'jpeg', quality: 85 }).toBuffer(),
    deflate16: await sharp(png).greyscale().toColourspace('grey16').tiff({ compression: 'deflate' }).toBuffer(),
    lzwColour: await sharp(png).ensureAlpha().tiff({ compression: 'lzw' }).toBuffer(),
  };
  for (const [kind, tif] of Object.entries(tiffs)) {
    const { pages, issues } = await readAllPages(tif, 'tiff', { ocr: pool });
    assert.equal(pages.length, 1, kind);
    for (const l of LINES) assert.ok(norm(pages[0].text).includes(l), `${kind}: missing "${l}" in ${JSON.stringify(pages[0].text)} (issues: ${issues.map((i) => i.code).join(', ')})`);
  }
});

test('a 204x98 dpi standard-fax TIFF is stretched to square pixels before OCR', async () => {
  const png = await textPng(['Standard resolution fax', 'Creatinine 0.91 mg/dL'], { width: 1000, height: 400 });
  const tif = await g4Tiff([{ png, xdpi: 204, ydpi: 98 }]);
  const { pages } = await readAllPages(tif, 'tiff', { ocr: pool });
  // Stored 1000×192 pixels; square pixels give back about 1000×400.
  assert.equal(pages[0].width, 1000);
  assert.ok(Math.abs(pages[0].height! - 400) <= 2, `height ${pages[0].height}`);
  assert.match(norm(pages[0].text), /Creatinine 0\.91 mg\/dL/);
});

test('a speckled standard-fax page is denoised as a fax, not flattened as a photo, after stretching', async () => {
  // Stretching 204x98 to square pixels adds grey edges; the page is still a bilevel fax.
  const lines = ['Standard resolution fax', 'Creatinine 0.91 mg/dL', 'Potassium 4.1 mmol/L', 'Sodium 140 mmol/L', 'Chloride 101 mmol/L'];
  const png = await withSpecks(await textPng(lines, { width: 1400, height: 700, fontSize: 40 }), 3000, 2);
  const tif = await g4Tiff([{ png, xdpi: 204, ydpi: 98 }]);
  const { pages, reads } = await readAllPages(tif, 'tiff', { ocr: pool });
  assert.equal(reads[0].ocr?.flattened, false);
  assert.equal(reads[0].ocr?.denoised, true);
  assert.match(norm(pages[0].text), /Creatinine 0\.91 mg\/dL/);
});

test('a PDF page image is known bilevel when it is 1-bit, not when it is 8-bit grey', async () => {
  const png = await textPng(['Fax'], { width: 400, height: 200 });
  for (const [pdf, bilevel] of [[await bilevelPdf([png], 204, 98), true], [await imagePdf([png]), false]] as const) {
    const opened = await openPdf(pdf);
    assert.ok('doc' in opened);
    const native = await pageImageDpi(await opened.doc.getPage(1));
    assert.equal(native?.bilevel, bilevel);
    if (bilevel) assert.deepEqual([Math.round(native!.xdpi), Math.round(native!.ydpi)], [204, 98]);
    await opened.doc.destroy();
  }
});

test('a speckled, partly dithered 1-bit fine-fax PDF is denoised as a fax, not flattened as a photo, though its render is grey', async () => {
  // 204×196 dpi drawn at 204 dpi: pdfjs smooths the 4 % vertical stretch, and a dithered band
  // ("photo mode") turns into many grey levels.
  const lines = ['Fine resolution fax', 'Creatinine 0.91 mg/dL', 'Potassium 4.1 mmol/L', 'Sodium 140 mmol/L', 'Chloride 101 mmol/L'];
  const text = await withSpecks(await textPng(lines, { width: 1400, height: 1000, fontSize: 40 }), 3000, 2);
  const { data, info } = await sharp(text).greyscale().raw().toBuffer({ resolveWithObject: true });
  for (let y = 700; y < 950; y++) for (let x = 60; x < 1340; x++) if (((x >> 1) + (y >> 1)) % 2) data[y * info.width + x] = 0;
  const png = await sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } }).png().toBuffer();
  const pdf = await bilevelPdf([png], 204, 196);
  const { pages, reads } = await readAllPages(pdf, 'pdf', { ocr: pool });
  assert.equal(reads[0].ocr?.flattened, false);
  assert.equal(reads[0].ocr?.denoised, true);
  assert.match(norm(pages[0].text), /Creatinine 0\.91 mg\/dL/);
});

test('a text-layer PDF uses the text layer, without OCR', async () => {
  const pdf = await textPdf([['Discharge Summary', 'Metformin 500 mg twice daily'], ['Page two of the summary text']]);
  // No pool: any attempt to OCR would show as an ocr-unavailable issue.
  const { pages, issues } = await readAllPages(pdf, 'pdf');
  assert.deepEqual(pages.map((p) => p.method), ['text-layer', 'text-layer']);
  assert.equal(pages[0].text, 'Discharge Summary\nMetformin 500 mg twice daily');
  assert.deepEqual(issues, []);
  const w = pages[0].words!.find((x) => x.text === 'Metformin')!;
  // Drawn at x = 72 pt, baseline y = 700 pt from the bottom of a 792 pt page → top ≈ 92 pt.
  assert.ok(Math.abs(w.box[0] - 72) < 1 && w.box[1] > 80 && w.box[3] < 100, `box ${w.box}`);
});

test('a text layer keeps the gap between columns: cells stay apart, words keep one space', async () => {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  const row = (y: number, cells: Array<[number, string]>) => cells.forEach(([x, t]) => page.drawText(t, { x, y, size: 10, font }));
  row(720, [[72, 'Specimen Details'], [230, 'Patient Details'], [400, 'Physician Details']]);
  row(706, [[72, 'Specimen ID: 1095119418'], [230, 'Synthberg, Eric H'], [400, 'TRIALERS, GABRIEL']]);
  row(692, [[72, 'Control ID: 52380442'], [230, 'DOB: 08/12/1984'], [400, 'Maple Grove Health']]);
  const { pages } = await readAllPages(await doc.save(), 'pdf', { ocr: pool });
  assert.equal(pages[0].method, 'text-layer');
  const lines = pages[0].text.split('\n');
  assert.match(lines[1], /^Specimen ID: 1095119418 {2,}Synthberg, Eric H {2,}TRIALERS, GABRIEL$/);
  const who = findPatient(lines.map((text, index) => ({ page: 1, index, text })), 1);
  assert.deepEqual([who.given?.[0], who.family, who.birthDate], ['Eric', 'Synthberg', '1984-08-12']);
});

test("a text layer keeps a table's cells under their headings: a row of narrow digits lines up with a row of capitals", async () => {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([792, 612]);
  const row = (y: number, cells: string[]) => cells.forEach((t, k) => page.drawText(t, { x: 40 + 70 * k, y, size: 10, font }));
  const tests = ['Test', 'WBC', 'RBC', 'HGB', 'HCT', 'MCV', 'MCH', 'MCHC', 'RDW-CV'];
  const results = ['Result', '6.8', '4.83', '14.5', '44.4', '92.0', '30.0', '32.7', '12.7'];
  row(560, tests);
  row(546, results);
  const { pages } = await readAllPages(await doc.save(), 'pdf', { ocr: pool });
  const [heads, values] = pages[0].text.split('\n');
  for (let k = 1; k < tests.length; k++) {
    const at = heads!.indexOf(` ${tests[k]}`) + 1;
    const under = values!.indexOf(` ${results[k]}`) + 1;
    assert.ok(Math.abs(at - under) <= 1, `${tests[k]} at column ${at}, ${results[k]} at ${under}:\n${heads}\n${values}`);
  }
});

test('a stamp laid over a line at a slant is read on a line of its own, not into the captions it crosses', async () => {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  const row = (y: number, cells: Array<[number, string]>) => cells.forEach(([x, t]) => page.drawText(t, { x, y, size: 8.5, font }));
  row(700, [[72, 'Patient Name'], [250, 'DOB'], [330, 'MRN'], [425, 'Collection Date/Time']]);
  row(688, [[72, 'DRAFTBURY, ANDREW'], [250, '01/29/1969'], [330, 'MR-043099'], [425, '12/01/2022 0655']]);
  page.drawText('MEDICAL RECORDS', { x: 363, y: 696, size: 12, font, rotate: degrees(1.2) });
  const { pages } = await readAllPages(await doc.save(), 'pdf', { ocr: pool });
  const lines = pages[0].text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
  assert.ok(lines.includes('Patient Name DOB MRN Collection Date/Time'), lines.join('\n'));
  assert.ok(lines.includes('MEDICAL RECORDS'), lines.join('\n'));
});

test('a mixed PDF is read page by page: text layer, then OCR of the scanned page', async () => {
  const scanned = await imagePdf([await textPng(['Scanned page Ferritin 85 ng/mL'])]);
  const digital = await textPdf([['Digital page with a real text layer']]);
  const { PDFDocument } = await import('pdf-lib');
  const mixed = await PDFDocument.create();
  for (const src of [digital, scanned]) {
    const d = await PDFDocument.load(src);
    for (const p of await mixed.copyPages(d, d.getPageIndices())) mixed.addPage(p);
  }
  const { pages } = await readAllPages(await mixed.save(), 'pdf', { ocr: pool });
  assert.deepEqual(pages.map((p) => p.method), ['text-layer', 'ocr']);
  assert.match(norm(pages[1].text), /Scanned page Ferritin 85 ng\/mL/);
});

test('a password-protected PDF gives a clear issue, and opens with the right password', async () => {
  const pdf = passwordPdf('s3cret', 'Confidential TSH 2.1 mIU/L');
  const locked = await readAllPages(pdf, 'pdf');
  assert.equal(locked.pages.length, 0);
  assert.equal(locked.issues[0].code, 'pdf-password');
  assert.match(locked.issues[0].message, /password/i);
  const wrong = await readAllPages(pdf, 'pdf', { password: 'nope' });
  assert.equal(wrong.issues[0].code, 'pdf-password-wrong');
  const open = await readAllPages(pdf, 'pdf', { password: 's3cret' });
  assert.equal(open.pages[0].method, 'text-layer');
  assert.equal(open.pages[0].text, 'Confidential TSH 2.1 mIU/L');
});

test('corrupt PDF, TIFF and images give issues, not exceptions', async () => {
  const bad = await readAllPages(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog garbage'), 'pdf', { ocr: pool });
  assert.equal(bad.issues[0].code, 'pdf-corrupt');
  const tif = await g4Tiff([{ png: await textPng(['x']), xdpi: 200, ydpi: 200 }]);
  const cut = await readAllPages(tif.subarray(0, 6), 'tiff', { ocr: pool });
  assert.ok(cut.issues.some((i) => i.severity === 'error' && /^tiff-/.test(i.code)), JSON.stringify(cut.issues));
  const jpg = await readAllPages(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]), 'jpeg', { ocr: pool });
  assert.equal(jpg.issues[0].code, 'image-corrupt');
  assert.equal(jpg.pages[0].text, '');
});

test('a blank page is marked blank without OCR', async () => {
  const t0 = Date.now();
  const { pages, issues, reads } = await readAllPages(await blankPng(), 'png', { ocr: pool });
  assert.equal(pages[0].text, '');
  assert.ok(issues.some((i) => i.code === 'page-blank' && i.severity === 'information'));
  assert.equal(reads[0].ocr?.blank, true);
  assert.ok(Date.now() - t0 < 15000);
});

test('an upside-down page is detected and read the right way up', async () => {
  const png = await textPng(LINES, { rotate: 180 });
  const { pages, issues } = await readAllPages(png, 'png', { ocr: pool });
  assert.ok(issues.some((i) => i.code === 'page-upside-down'));
  assert.match(norm(pages[0].text), /Hemoglobin 13\.5 g\/dL/);
});

test('a slightly rotated photo-like page is deskewed and boxes stay on the original page', async () => {
  const straight = await readAllPages(await textPng(LINES, { height: 600 }), 'png', { ocr: pool });
  const tilted = await readAllPages(await textPng(LINES, { height: 600, rotate: 2 }), 'png', { ocr: pool });
  assert.match(norm(tilted.pages[0].text), /Glucose 105 mg\/dL High/);
  // sharp grew the canvas by rotating; boxes are in that (tilted) image's space, near where the word is drawn.
  const meta = await sharp(await textPng(LINES, { height: 600, rotate: 2 })).metadata();
  assert.equal(tilted.pages[0].width, meta.width);
  const a = straight.pages[0].words!.find((w) => w.text === 'Glucose')!;
  const b = tilted.pages[0].words!.find((w) => w.text === 'Glucose')!;
  // The word's centre rotated by 2° about the page centre.
  const t = (2 * Math.PI) / 180;
  const [cx, cy] = [(a.box[0] + a.box[2]) / 2 - 600, (a.box[1] + a.box[3]) / 2 - 300];
  const ex = cx * Math.cos(t) - cy * Math.sin(t) + meta.width! / 2;
  const ey = cx * Math.sin(t) + cy * Math.cos(t) + meta.height! / 2;
  const [bx, by] = [(b.box[0] + b.box[2]) / 2, (b.box[1] + b.box[3]) / 2];
  assert.ok(Math.hypot(bx - ex, by - ey) < 12, `centre ${bx},${by} expected ${ex.toFixed(0)},${ey.toFixed(0)}`);
});

// A photo cut short in its upload was an error page with nothing read ("premature end of JPEG image").
test('a JPEG cut short is read as far as its data goes, with a warning that says so', async () => {
  const png = await textPng(['LIPID PANEL  collected 03/02/2024', 'Cholesterol 182 mg/dL', '', '', '', '', '', '', 'Triglycerides 140 mg/dL'], { fontSize: 40 });
  const jpg = await sharp(png).jpeg({ quality: 90 }).withMetadata({ density: 200 }).toBuffer();
  const r = await readAllPages(jpg.subarray(0, Math.round(jpg.length * 0.75)), 'jpeg', { ocr: pool });
  assert.ok(r.issues.some((i) => i.code === 'image-truncated' && i.severity === 'warning'), JSON.stringify(r.issues));
  assert.match(r.pages[0]!.text, /Cholesterol 182 mg\/dL/);
  assert.doesNotMatch(r.pages[0]!.text, /Triglycerides/, 'nothing read past the cut');
});

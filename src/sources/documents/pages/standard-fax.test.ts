import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { characterErrorRate } from './cer.js';
import { OcrPool } from './ocr-pool.js';
import { isQuietBilevel, squarePixels, toRaster } from './preprocess.js';
import { readAllPages } from './read.js';
import { bilevelPdf } from './test-fixtures.js';

const pool = new OcrPool({ size: 1 });
after(() => pool.terminate());

// Session 14: a hospital LIS print-out in small monospace sent as a standard fax (204×98 dpi). The
// fax averages two print rows into one and thresholds light (49 %), so thin crossbars are lost
// or kept as one-row stubs. A PDF of such a fax was drawn square by pdfjs's canvas, whose stretch
// tesseract read as garbage (sample tx-0012: `NEUT 99,7 (4b.@ /5.0)`); it is now drawn at the
// image's own grid (its stored pixels) and stretched by a cubic interpolation.
const ROWS = [
  'TEST          RESULT F REF RANGE      UNITS',
  'WBC              8.1   (3.8-10.8)     K/uL',
  'RBC             4.08   (3.80-5.10)    M/uL',
  'HGB             12.4   (11.7-15.5)    g/dL',
  'HCT             36.9   (35.0-45.0)    %',
  'MCV             90.5   (80.0-100.0)   fL',
  'MCHC            33.6   (32.0-36.0)    g/dL',
  'PLT              245   (140-400)      K/uL',
  'NEUT            59.7   (40.0-75.0)    %',
  'CREAT           0.82   (0.50-1.10)    mg/dL',
  'CHOL             182   (<200)         mg/dL',
  'ALKP              64   (36-130)       U/L',
];

/** The rows printed at 300 dpi in 8 pt Liberation Mono, faxed as faxgen does in standard mode. */
async function standardFaxPng(): Promise<Buffer> {
  const w300 = 2550;
  const h300 = 200 + ROWS.length * 50;
  const body = ROWS.map((l, i) => `<text x="150" y="${150 + i * 50}" font-family="Liberation Mono" font-size="33" fill="black" xml:space="preserve">${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</text>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w300}" height="${h300}"><rect width="100%" height="100%" fill="white"/>${body}</svg>`;
  const k = 204 / 300;
  const fine = await sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).greyscale().resize({ width: 1728, height: Math.round(h300 * (196 / 300)), fit: 'fill', kernel: 'linear' }).blur(0.87 * k).png().toBuffer();
  const std = sharp(fine).resize({ width: 1728, height: Math.round(h300 * (98 / 300)), fit: 'fill', kernel: 'linear' });
  // Threshold 49 %: a pixel is ink only when darker than 0.49 of white.
  const { data, info } = await std.greyscale().raw().toBuffer({ resolveWithObject: true });
  for (let i = 0; i < data.length; i++) data[i] = data[i] <= 125 ? 0 : 255;
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } }).png().toBuffer();
}

test('a quiet standard-fax PDF page reaches tesseract as its stored pixels stretched, and its small print reads', async () => {
  const png = await standardFaxPng();
  const pdf = await bilevelPdf([png], 204, 98);
  const seen: Buffer[] = [];
  const spy = Object.assign(Object.create(pool), { recognize: (image: Buffer, o?: object) => (seen.push(image), pool.recognize(image, o)) });
  const { pages } = await readAllPages(pdf, 'pdf', { ocr: spy });
  const stored = await toRaster(sharp(png).greyscale(), 204, 98);
  assert.ok(isQuietBilevel(stored), 'the stored page is quiet and bilevel');
  // What tesseract got first is the stored page stretched by squarePixels, as a TIFF of the same fax is.
  const expected = await squarePixels(stored);
  const first = await sharp(seen[0]).greyscale().raw().toBuffer({ resolveWithObject: true });
  assert.deepEqual([first.info.width, first.info.height], [expected.width, expected.height]);
  let differ = 0;
  for (let i = 0; i < expected.data.length; i++) if (Math.abs(first.data[i] - expected.data[i]) > 2) differ++;
  assert.ok(differ < expected.data.length * 0.001, `${differ} pixels differ from the stored page stretched`);
  const cer = characterErrorRate(ROWS.join('\n'), pages[0].text);
  // Measured: 27.4 % drawn square by the canvas (base), 19.4 % from the stored pixels.
  assert.ok(cer < 0.235, `CER ${(cer * 100).toFixed(1)} %:\n${pages[0].text}`);
});

test('a noisy standard-fax raster is not quiet; a resampled one is not bilevel', async () => {
  const png = await standardFaxPng();
  const stored = await toRaster(sharp(png).greyscale(), 204, 98);
  const noisy = { ...stored, data: new Uint8Array(stored.data) };
  for (let i = 0, x = 99; i < 2000; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    noisy.data[x % noisy.data.length] = 0;
  }
  assert.equal(isQuietBilevel(noisy), false);
  const resampled = await toRaster(sharp(png).greyscale().resize({ width: 1728, height: 2 * stored.height, fit: 'fill' }), 204, 196);
  assert.equal(isQuietBilevel(resampled), false);
});

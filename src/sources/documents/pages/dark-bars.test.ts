import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { invertDarkBars } from './dark-bars.js';
import { OcrPool } from './ocr-pool.js';
import { readAllPages } from './read.js';
import type { Raster } from './raster.js';

const pool = new OcrPool({ size: 1 });
after(() => pool.terminate());

/** A white 204 dpi page; `fill(x0, y0, x1, y1, v)` paints a rectangle. */
function page(width = 1700, height = 600) {
  const data = new Uint8Array(width * height).fill(255);
  const fill = (x0: number, y0: number, x1: number, y1: number, v = 0) => {
    for (let y = y0; y < y1; y++) data.fill(v, y * width + x0, y * width + x1);
  };
  return { r: { data, width, height, xdpi: 204, ydpi: 204 } as Raster, fill };
}

test('a white-on-black bar is inverted; rules, black text and dithered shading are left alone', () => {
  const { r, fill } = page();
  // The bar (1400 × 60 px) with white "letters" (3 px strokes) inside.
  fill(100, 50, 1500, 110);
  for (let x = 130; x < 900; x += 24) fill(x, 65, x + 3, 95, 255);
  // Black text strokes on paper, a 4 px table rule, and a 50 % dithered band (a shaded row).
  for (let x = 130; x < 900; x += 24) fill(x, 200, x + 3, 230);
  fill(100, 300, 1500, 304);
  for (let y = 400; y < 460; y++) for (let x = 100; x < 1500; x++) if ((x + y) % 2 === 0) r.data[y * r.width + x] = 0;
  const before = new Uint8Array(r.data);
  const { raster, bars } = invertDarkBars(r);
  assert.equal(bars, 1);
  const at = (x: number, y: number) => raster.data[y * raster.width + x];
  assert.equal(at(200, 80), 255, 'bar background made paper');
  assert.equal(at(131, 80), 0, 'white letter stroke made ink');
  assert.equal(at(99, 80), 255, 'paper beside the bar untouched');
  for (let i = 0; i < before.length; i++) {
    const y = Math.floor(i / r.width);
    if (y >= 50 && y < 110) continue;
    if (raster.data[i] !== before[i]) assert.fail(`pixel outside the bar changed at row ${y}`);
  }
  assert.equal(r.data[80 * r.width + 200], 0, 'input not modified');
});

test('a page without dark bars comes back as is', () => {
  const { r, fill } = page();
  fill(100, 300, 1500, 306);
  assert.equal(invertDarkBars(r).raster, r);
});

// tesseract's per-line inversion check is off (tessedit_do_invert 0: session 13); this bar is
// read only because the page inverts it first. Without either the header reads as garbage.
test('a reverse-video report header on a fax page is read', async () => {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1700" height="700"><rect width="100%" height="100%" fill="white"/>
<rect x="100" y="100" width="1500" height="70" fill="black"/><text x="130" y="150" font-family="DejaVu Sans" font-weight="bold" font-size="36" fill="white">LABORATORY REPORT - FINAL RESULTS</text>
<text x="130" y="260" font-family="DejaVu Sans" font-size="30">Hemoglobin 15.2 g/dL 13.2-17.1</text>
<text x="130" y="320" font-family="DejaVu Sans" font-size="30">Glucose 105 mg/dL 65-99 H</text>
<rect x="100" y="400" width="1500" height="60" fill="black"/><text x="130" y="443" font-family="DejaVu Sans" font-weight="bold" font-size="32" fill="white">CHEMISTRY PANEL</text>
</svg>`;
  const png = await sharp(Buffer.from(svg)).flatten({ background: '#fff' }).greyscale().threshold(128).png().withMetadata({ density: 204 }).toBuffer();
  const { pages } = await readAllPages(png, 'png', { ocr: pool });
  const text = pages[0].text.replace(/\s+/g, ' ');
  for (const s of ['LABORATORY REPORT - FINAL RESULTS', 'CHEMISTRY PANEL', 'Hemoglobin 15.2 g/dL 13.2-17.1']) assert.ok(text.includes(s), `missing ${s}: ${JSON.stringify(pages[0].text)}`);
});

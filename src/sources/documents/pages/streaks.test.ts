import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { OcrPool } from './ocr-pool.js';
import { readAllPages } from './read.js';
import { findStreaks, removeStreaks } from './streaks.js';
import type { Raster } from './raster.js';

/** A white page at fine-fax resolution; `fill(x0, y0, x1, y1, v)` paints a rectangle. */
function page(width = 1728, height = 2156, ydpi = 196) {
  const data = new Uint8Array(width * height).fill(255);
  const fill = (x0: number, y0: number, x1: number, y1: number, v = 0) => {
    for (let y = y0; y < y1; y++) data.fill(v, y * width + x0, y * width + x1);
  };
  return { r: { data, width, height, xdpi: 204, ydpi } as Raster, fill };
}

test('a scanner streak down the whole page is painted out; a stroke it cut is joined again', () => {
  const { r, fill } = page();
  // Text-like ink: rows of 3 px stems with a crossbar every fourth row of letters.
  for (let row = 0; row < 20; row++) {
    const y = 200 + row * 80;
    for (let x = 300; x < 1400; x += 22) fill(x, y, x + 3, y + 30);
    if (row % 4 === 0) fill(300, y + 14, 1400, y + 17);
  }
  // The streak: 4 px wide, top to bottom, through the text at x 850.
  fill(850, 0, 854, r.height, 0);
  const { raster, streaks } = removeStreaks(r);
  assert.equal(streaks.length, 1);
  assert.ok(streaks[0]!.x0 >= 849 && streaks[0]!.x1 <= 855, `streak columns ${streaks[0]!.x0}-${streaks[0]!.x1}`);
  const at = (x: number, y: number) => raster.data[y * raster.width + x];
  assert.equal(at(851, 100), 255, 'streak above the text is paper again');
  assert.equal(at(851, 200 + 5 * 80 + 5), 255, 'streak between stems is paper again');
  assert.equal(at(851, 200 + 4 * 80 + 15), 0, 'the crossbar it cut is joined');
  assert.equal(at(300, 205), 0, 'text elsewhere untouched');
});

test('table rules and a column divider are not streaks, nor is a streak on a page without one', () => {
  const { r, fill } = page();
  // A boxed table 1,100 px tall (half the page), exactly upright: its verticals meet rules at both ends.
  fill(200, 400, 1500, 403);
  fill(200, 1500, 1500, 1503);
  for (const x of [200, 600, 1000, 1497]) fill(x, 400, x + 3, 1503);
  // A free-standing divider between two columns of a print-out, 45 % of the page, inside the margins.
  fill(1600, 300, 1602, 300 + Math.round(0.45 * r.height));
  assert.deepEqual(findStreaks(r), []);
  assert.deepEqual(findStreaks(page().r), []);
});

test('a streak that starts part-way down and runs off the bottom is found; a wide bar is not', () => {
  const { r, fill } = page();
  fill(400, 900, 403, r.height);
  fill(1200, 0, 1240, r.height); // 40 px: a dark margin or a fold, not dirt on the glass
  const found = findStreaks(r);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.y0, 900);
});

const pool = new OcrPool({ size: 1 });
after(() => pool.terminate());

/** A fine-fax page (204×196 dpi, bilevel) of lab rows, with a 4 px streak down through the results column. */
async function streakedLabPage(): Promise<Buffer> {
  const rows = [
    ['Glucose', '128', 'mg/dL', '65-99'],
    ['Sodium', '141', 'mmol/L', '135-146'],
    ['Potassium', '4.3', 'mmol/L', '3.5-5.3'],
    ['Creatinine', '0.91', 'mg/dL', '0.60-1.30'],
    ['Calcium', '9.8', 'mg/dL', '8.6-10.3'],
    ['Albumin', '4.4', 'g/dL', '3.6-5.1'],
  ];
  let body = '';
  rows.forEach((cells, i) => {
    const y = 200 + i * 52;
    [80, 420, 640, 900].forEach((x, c) => (body += `<text x="${x}" y="${y}" font-family="DejaVu Sans" font-size="30">${cells[c]}</text>`));
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="700"><rect width="100%" height="100%" fill="white"/>${body}<rect x="443" y="0" width="4" height="700"/></svg>`;
  return sharp(Buffer.from(svg)).flatten({ background: '#fff' }).greyscale().threshold(150).png().withMetadata({ density: 204 }).toBuffer();
}

test('results crossed by a streak read as printed', async () => {
  const { pages, reads } = await readAllPages(await streakedLabPage(), 'png', { ocr: pool });
  const text = pages[0]!.text ?? '';
  assert.equal(reads.find((r) => r.page)?.ocr?.streaks, 1);
  for (const line of ['Glucose 128 mg/dL 65-99', 'Sodium 141 mmol/L 135-146', 'Potassium 4.3 mmol/L 3.5-5.3', 'Calcium 9.8 mg/dL 8.6-10.3']) {
    assert.ok(text.replace(/[ \t]+/g, ' ').includes(line), `"${line}" in:\n${text}`);
  }
});

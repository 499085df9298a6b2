import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { OcrPool } from './ocr-pool.js';
import { readAllPages } from './read.js';
import { eraseRules, findLattices, layoutLine } from './ruled-grid.js';
import type { Raster } from './raster.js';

const pool = new OcrPool({ size: 1 });
after(() => pool.terminate());

const ROWS = ['Test', 'Result', 'Flag', 'Units', 'Ref Range'];
const GRID = [
  ['WBC', '8.1', '', 'K/uL', '3.8-10.8'],
  ['RBC', '4.86', '', 'M/uL', '3.80-5.10'],
  ['HGB', '11.2', 'LOW', 'g/dL', '11.7-15.5'],
  ['HCT', '42.3', '', '%', '35.0-45.0'],
  ['MCV', '87.1', '', 'fL', '80.0-100.0'],
  ['PLT', '310', '', 'K/uL', '140-400'],
  ['GLU', '126', 'HIGH', 'mg/dL', '65-99'],
  ['NA', '137', '', 'mEq/L', '135-146'],
];

/**
 * A lab "results summary" page as an EHR prints it and a fine fax carries it (204 dpi, bilevel):
 * a title and patient lines, then a grid with the tests across, every cell boxed by 2 px rules,
 * slanted by `slant` degrees (what deskew leaves).
 */
async function boxedGridPage(slant = 0.25): Promise<Buffer> {
  const x0 = 80;
  const first = 230;
  const col = 150;
  const y0 = 300;
  const row = 44;
  const right = x0 + first + col * GRID.length;
  let body = `<text x="80" y="90" font-family="DejaVu Sans" font-size="30" font-weight="bold">LAB RESULTS SUMMARY</text>
<text x="80" y="150" font-family="DejaVu Sans" font-size="24">Patient: Testperson, Alma   DOB: 03/04/1950</text>
<text x="80" y="200" font-family="DejaVu Sans" font-size="24">Collected: 09/20/2024   Ordering: Dr. Lee</text>
<text x="80" y="270" font-family="DejaVu Sans" font-size="24" font-weight="bold">COMPLETE BLOOD COUNT</text>`;
  for (let r = 0; r <= ROWS.length; r++) body += `<rect x="${x0}" y="${y0 + r * row - 1}" width="${right - x0}" height="2"/>`;
  for (let c = 0; c <= GRID.length + 1; c++) {
    const x = c === 0 ? x0 : x0 + first + (c - 1) * col;
    body += `<rect x="${x - 1}" y="${y0}" width="2" height="${ROWS.length * row}"/>`;
  }
  ROWS.forEach((label, r) => {
    const y = y0 + r * row + 32;
    body += `<text x="${x0 + 10}" y="${y}" font-family="DejaVu Sans" font-size="24">${label}</text>`;
    GRID.forEach((cells, c) => {
      const t = cells[r];
      if (!t) return;
      const bold = r === 1 ? ' font-weight="bold"' : '';
      body += `<text x="${x0 + first + c * col + col / 2}" y="${y}" text-anchor="middle" font-family="DejaVu Sans" font-size="24"${bold}>${t}</text>`;
    });
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1700" height="700"><rect width="100%" height="100%" fill="white"/><g transform="rotate(${slant} 850 350)">${body}</g></svg>`;
  return sharp(Buffer.from(svg)).flatten({ background: '#fff' }).greyscale().threshold(150).png().withMetadata({ density: 204 }).toBuffer();
}

// The grid's every cell is boxed: read as one block, its rows came out as garbage
// (`Ger maw | we I ams I wi I ms`); found as a lattice, its rules erased and read again, each row
// holds its cells, laid out so that structuring puts each under its test (README, session 14).
test('a boxed lab grid reads cell by cell, its rows aligned by column', async () => {
  const png = await boxedGridPage();
  const { pages, reads } = await readAllPages(png, 'png', { ocr: pool });
  const text = pages[0].text;
  const lines = text.split('\n');
  assert.equal(reads.find((r) => r.page)?.ocr?.grids?.replaced, 1, JSON.stringify(reads.find((r) => r.page)?.ocr));
  // Cells read right (case aside: small capitals are read either way, `LOW` / `Low`, grid or not).
  let right = 0;
  let cellsTotal = 0;
  ROWS.forEach((label, r) => {
    const line = lines.find((l) => l.replace(/\s+/g, ' ').trim().startsWith(label));
    assert.ok(line, `no ${label} row: ${JSON.stringify(text)}`);
    const got = new Set(line.trim().slice(label.length).trim().toUpperCase().split(/\s+/));
    for (const cells of GRID) {
      if (!cells[r]) continue;
      cellsTotal++;
      if (got.has(cells[r].toUpperCase())) right++;
    }
  });
  assert.ok(right >= 0.9 * cellsTotal, `${right} of ${cellsTotal} cells read right: ${JSON.stringify(text)}`);
  // Each value stands under its test: the cells' offsets in the Test and Result rows agree.
  const testRow = lines.find((l) => l.trim().startsWith('Test'))!;
  const resultRow = lines.find((l) => l.trim().startsWith('Result'))!;
  for (const [name, value] of GRID.map((c) => [c[0], c[1]])) {
    const a = testRow.indexOf(` ${name}`) + 1 + name.length / 2;
    const b = resultRow.indexOf(` ${value}`) + 1 + value.length / 2;
    assert.ok(Math.abs(a - b) <= 3, `${name} at ${a}, ${value} at ${b}`);
  }
  for (const s of ['LAB RESULTS SUMMARY', 'COMPLETE BLOOD COUNT']) assert.ok(text.includes(s), `missing ${s}`);
});

function raster(width: number, height: number) {
  const data = new Uint8Array(width * height).fill(255);
  const fill = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = y0; y < y1; y++) data.fill(0, y * width + x0, y * width + x1);
  };
  return { r: { data, width, height, xdpi: 204, ydpi: 204 } as Raster, fill };
}

test('a lattice is found where rules cross at 3 rows and 3 columns; rules alone or a box are not one', () => {
  const { r, fill } = raster(1600, 700);
  // A 4 × 3 lattice of 2 px rules …
  for (let i = 0; i < 4; i++) fill(100, 100 + i * 40, 700, 102 + i * 40);
  for (const x of [100, 300, 500, 698]) fill(x, 100, x + 2, 222);
  // … a box (two rows, two columns: a cover sheet's field) and long underlines.
  fill(1200, 100, 1500, 102);
  fill(1200, 160, 1500, 162);
  fill(1200, 100, 1202, 162);
  fill(1498, 100, 1500, 162);
  for (let i = 0; i < 5; i++) fill(100, 400 + i * 40, 1100, 402 + i * 40);
  const found = findLattices(r);
  assert.equal(found.length, 1, JSON.stringify(found));
  const [x0, y0, x1, y1] = found[0].box;
  assert.ok(x0 <= 100 && y0 <= 100 && x1 >= 700 && y1 >= 220 && x1 < 1200, JSON.stringify(found[0]));
});

test('erasing rules keeps a stroke that crosses or touches them', () => {
  const { r, fill } = raster(800, 400);
  for (let i = 0; i < 4; i++) fill(100, 100 + i * 40, 700, 102 + i * 40);
  for (const x of [100, 300, 500, 698]) fill(x, 100, x + 2, 222);
  // A letter's stem (3 px wide, 30 px tall) crossing the second rule, and one standing on the third.
  fill(200, 125, 203, 155);
  fill(400, 190, 403, 220);
  const out = eraseRules(r, findLattices(r).map((l) => l.box)).data;
  const at = (x: number, y: number) => out[y * 800 + x];
  assert.equal(at(150, 100), 255, 'horizontal rule erased');
  assert.equal(at(100, 200), 255, 'vertical rule erased');
  assert.equal(at(300, 140), 255, 'crossing erased');
  assert.equal(at(201, 141), 0, 'stem kept where it crosses the rule');
  assert.equal(at(201, 130), 0, 'stem kept above the rule');
  assert.equal(at(401, 200), 0, 'stem kept on the rule');
});

test('a grid line is laid out by pixel position: cells line up across rows, words of a cell stay together', () => {
  const w = (text: string, x0: number, x1: number) => ({ text, box: [x0, 0, x1, 20] as [number, number, number, number], confidence: 90 });
  const pitch = 5;
  const a = layoutLine([w('Ref', 10, 40), w('Range', 46, 100), w('3.8-10.8', 300, 380)], 0, pitch, 15);
  const b = layoutLine([w('Test', 10, 50), w('WBC', 310, 350)], 0, pitch, 15);
  assert.equal(a.replace(/\s+/g, ' ').trim(), 'Ref Range 3.8-10.8');
  assert.equal(a.indexOf('3.8'), 60);
  assert.equal(b.indexOf('WBC'), 62);
});

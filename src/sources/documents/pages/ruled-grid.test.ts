import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { OcrPool } from './ocr-pool.js';
import { readAllPages } from './read.js';
import { eraseRules, findLattices, gridInkLevel, gridReadingWins, layoutLine, putInPlace, ruleMasks } from './ruled-grid.js';
import type { OcrLine, OcrWord } from './ocr-pool.js';
import type { Raster } from './raster.js';
import { blur, flattenLighting } from './preprocess.js';
import { GREY_DENOISE_SIGMA } from './ocr-page.js';

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

const FLOW_ROWS = ['test', 'units', 'reference', '09/09/2021', '01/29/2022', '05/22/2022'];
const FLOW = [
  ['White Blood Cell Count', '10*3/uL', 'ref 3.8 - 10.8', '7.0', '8.6', '7.9'],
  ['Red Blood Cell Count', '10*6/uL', 'ref 3.80 - 5.10', '4.93', '4.51', '4.70'],
  ['Hemoglobin', 'g/dL', 'ref 11.7 - 15.5', '13.6', '12.9', '13.9'],
  ['Hematocrit', '%', 'ref 35.0 - 45.0', '39.7', '46.6', '41.7'],
];

/**
 * A clinic's lab flowsheet (tests across, draws down) on a 200 dpi grey office scan: three ruled
 * tables, four tests each in columns 1.5 in wide, shaded header and newest-draw rows, the
 * scanner's grain.
 */
async function scannedFlowsheetPage(): Promise<Buffer> {
  const x0 = 70;
  const first = 230;
  const col = 300;
  const row = 36;
  const right = x0 + first + col * FLOW.length;
  let body = '<text x="70" y="80" font-family="Liberation Sans" font-size="26" font-weight="bold">LAB FLOWSHEET</text>';
  for (let t = 0; t < 3; t++) {
    const y0 = 130 + t * 300;
    body += `<text x="70" y="${y0 - 12}" font-family="Liberation Sans" font-size="20" font-weight="bold">CBC (continued)</text>`;
    for (const r of [0, 5]) body += `<rect x="${x0}" y="${y0 + r * row}" width="${right - x0}" height="${row}" fill="#e4e4e4"/>`;
    for (let r = 0; r <= FLOW_ROWS.length; r++) body += `<rect x="${x0}" y="${y0 + r * row}" width="${right - x0}" height="1" fill="#303030"/>`;
    for (let c = 0; c <= FLOW.length + 1; c++) body += `<rect x="${c === 0 ? x0 : x0 + first + (c - 1) * col}" y="${y0}" width="1" height="${FLOW_ROWS.length * row}" fill="#303030"/>`;
    FLOW_ROWS.forEach((label, r) => {
      const y = y0 + r * row + 25;
      const bold = r === 0 || r === 5 ? ' font-weight="bold"' : '';
      body += `<text x="${x0 + 8}" y="${y}" font-family="Liberation Sans" font-size="18">${label}</text>`;
      FLOW.forEach((cells, c) => (body += `<text x="${x0 + first + c * col + col / 2}" y="${y}" text-anchor="middle" font-family="Liberation Sans" font-size="18"${bold}>${cells[r]}</text>`));
    });
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1700" height="1000"><rect width="100%" height="100%" fill="#f2f2f2"/>${body}</svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer({ resolveWithObject: true });
  let seed = 7;
  const grain = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff - 0.5) * 40;
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, Math.round(data[i] + grain())));
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } }).blur(0.7).jpeg({ quality: 80 }).withMetadata({ density: 200 }).toBuffer();
}

// Read as one block, every ruled table of this page came out as garbage (`en I whseodcotcmm I
// meiboodceicoms | Memgbn`, confidence 23): no lattice was found, its columns being wider than the
// crossings' linking distance (README, session 20).
test('a ruled flowsheet on a grey scan is found as a lattice and read cell by cell', async () => {
  const { pages, reads } = await readAllPages(await scannedFlowsheetPage(), 'jpeg', { ocr: pool });
  const info = reads.find((r) => r.page)?.ocr;
  assert.equal(info?.grids?.found, 1, JSON.stringify(info));
  assert.equal(info?.grids?.replaced, 1, JSON.stringify(info));
  const text = pages[0].text;
  const count = (s: string) => text.split(s).length - 1;
  for (const s of ['White Blood Cell Count', 'Red Blood Cell Count', '01/29/2022', 'units', 'reference']) assert.equal(count(s), 3, `${s} in ${JSON.stringify(text)}`);
  // Each table's header row and its draws keep their cells apart, one per column.
  const header = text.split('\n').find((l) => l.includes('White Blood Cell Count'))!;
  assert.match(header, /^\s*test\s{2,}White Blood Cell Count\s{2,}Red Blood Cell Count\s{2,}\S/);
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

test('a lattice with columns wider than the linking distance is one lattice: its rules run between the crossings', () => {
  // A flowsheet of four tests across a page: columns 2 in wide at 200 dpi.
  const { r, fill } = raster(2000, 500);
  for (let i = 0; i < 5; i++) fill(100, 100 + i * 40, 1700, 102 + i * 40);
  for (const x of [100, 500, 900, 1300, 1698]) fill(x, 100, x + 2, 262);
  const found = findLattices(r);
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].cols, 5);
  const [x0, , x1] = found[0].box;
  assert.ok(x0 <= 100 && x1 >= 1700, JSON.stringify(found[0]));
});

// A lab report's patient / physician / specimen panel: a header row ruled off, then cells of four
// lines each, the bottom rule more than the linking distance below the others. Not found, its
// rows lay under tesseract's page reading, which dropped the row under the rule (the header and
// `DOB: …`, `Ordering: …`, `Date collected: …`: set-a sample tx-0031 p2).
test('a panel of tall boxed cells is one lattice: its crossings are joined down the vertical rules between them', () => {
  const { r, fill } = raster(2000, 900);
  for (const y of [100, 150, 330]) fill(100, y, 1600, y + 2);
  for (const x of [100, 600, 1100, 1598]) fill(x, 100, x + 2, 332);
  // Two boxes of one row each, stacked with a gap and no rule between them: not one lattice.
  for (const y of [500, 560, 760, 820]) fill(100, y, 1600, y + 2);
  for (const x of [100, 600, 1100, 1598]) {
    fill(x, 500, x + 2, 562);
    fill(x, 760, x + 2, 822);
  }
  const found = findLattices(r);
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].rows, 3);
  const [, y0, , y1] = found[0].box;
  assert.ok(y0 <= 100 && y1 >= 330 && y1 < 500, JSON.stringify(found[0]));
});

// The same panel printed with each header cell underlined inside its padding: the rule under the
// headers stops a few pixels short of the column rules, so it crossed none of them and the panel
// had two rows of crossings (set-o seed 2303, a grey scan: the patient's name, first under the
// header, was dropped by the page reading).
test("a rule stopping just short of the column rules still crosses them: the panel's header row counts", () => {
  const { r, fill } = raster(2000, 600);
  fill(100, 100, 1600, 102);
  fill(100, 330, 1600, 332);
  for (const [a, b] of [[100, 600], [600, 1100], [1100, 1600]]) fill(a + 8, 150, b - 8, 152);
  for (const x of [100, 600, 1100, 1598]) fill(x, 100, x + 2, 332);
  const found = findLattices(r);
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].rows, 3);
  // Text underlines well away from any column rule make no crossing.
  const { r: r2, fill: fill2 } = raster(2000, 600);
  fill2(100, 100, 1600, 102);
  fill2(100, 330, 1600, 332);
  for (const [a, b] of [[100, 600], [600, 1100], [1100, 1600]]) fill2(a + 60, 150, b - 60, 152);
  for (const x of [100, 600, 1100, 1598]) fill2(x, 100, x + 2, 332);
  assert.equal(findLattices(r2).length, 0);
});

test('crossings far apart with no rule between them stay apart', () => {
  // Two small boxed grids side by side with a wide gap: two lattices, not one.
  const { r, fill } = raster(2000, 500);
  for (const x0 of [100, 1200]) {
    for (let i = 0; i < 4; i++) fill(x0, 100 + i * 40, x0 + 400, 102 + i * 40);
    for (const x of [x0, x0 + 200, x0 + 398]) fill(x, 100, x + 2, 222);
  }
  assert.equal(findLattices(r).length, 2);
});

test("on a grey page, thin rules the denoising blur lightened count as ink at the page's Otsu level", async () => {
  // A 200 dpi grey scan of a ruled table (one-pixel rules, a shaded header row, the sensor's
  // grain) taken through the grey path's own steps (flattened, blurred): the rules come out
  // lighter than 128 but darker than Otsu's split, where tesseract binarizes — it reads them as ink.
  let body = '<rect x="100" y="100" width="800" height="36" fill="#e4e4e4"/>';
  for (let r = 0; r < 6; r++) for (let c = 0; c < 4; c++) body += `<text x="${130 + c * 200}" y="${128 + r * 36}" font-family="Liberation Sans" font-size="18">${r ? (4.2 + r + c).toFixed(1) : `Test ${c}`}</text>`;
  for (let r = 0; r <= 6; r++) body += `<rect x="100" y="${100 + r * 36}" width="800" height="1" fill="#777"/>`;
  for (let c = 0; c <= 4; c++) body += `<rect x="${100 + c * 200}" y="100" width="1" height="216" fill="#777"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="400"><rect width="100%" height="100%" fill="#f0f0f0"/>${body}</svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer({ resolveWithObject: true });
  let seed = 7;
  const grain = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff - 0.5) * 30;
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, Math.round(data[i] + grain())));
  const scan: Raster = { data: new Uint8Array(data), width: info.width, height: info.height, xdpi: 200, ydpi: 200 };
  const page = await blur(await flattenLighting(scan), GREY_DENOISE_SIGMA);
  assert.equal(findLattices(page).length, 0, "at the fax path's fixed level (128) the rules are broken up");
  const ink = gridInkLevel(page);
  assert.ok(ink > 128 && ink <= 192, `ink level ${ink}`);
  assert.equal(findLattices(page, ruleMasks(page, ink)).length, 1);
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

const word = (text: string, x0: number, y0: number, confidence = 90): OcrWord => ({ text, box: [x0, y0, x0 + 12 * text.length, y0 + 24], confidence });
const line = (words: OcrWord[]): OcrLine => ({
  text: words.map((wd) => wd.text).join('   '),
  box: [Math.min(...words.map((wd) => wd.box[0])), Math.min(...words.map((wd) => wd.box[1])), Math.max(...words.map((wd) => wd.box[2])), Math.max(...words.map((wd) => wd.box[3]))],
  confidence: 90,
  words,
});

// A lab grid whose wide name column's crossings lie too far apart to link: only the lattice of
// its narrow value columns is read again. The page reading's rows ran across names and values;
// the names (and the code column right of the lattice) were dropped with the garbled values, so
// the rows came out as bare values that no test name could be put to (set-l seed 2604, a ruled
// LIS grid on a fine fax: 23 results read without their names).
test('a part of a grid read again replaces only the words inside it: names left of it and codes right of it stay on their rows', () => {
  const page = [
    line([word('Results', 20, 10)]),
    line([word('Calcium', 20, 100), word('9.A', 600, 100, 40), word('mg/dl', 760, 100, 45), word('X83742', 1500, 100)]),
    line([word('Albumin', 20, 140), word('A.6', 600, 140, 40), word('g/dL', 760, 140, 50), word('A62385', 1500, 140)]),
    line([word('Reviewed', 20, 300)]),
  ];
  const box: [number, number, number, number] = [550, 90, 1400, 180];
  const fresh = [line([word('9.4', 600, 101), word('mg/dL', 760, 101)]), line([word('4.6', 600, 141), word('g/dL', 760, 141)])];
  const out = putInPlace(page, fresh, box).map((l) => l.text.replace(/\s+/g, ' '));
  assert.deepEqual(out, ['Results', 'Calcium 9.4 mg/dL X83742', 'Albumin 4.6 g/dL A62385', 'Reviewed']);
});

// A whole grid read again, a panel's caption row among its rows read only by the page reading (its
// words reach past the box): the caption stays between the rows above and below it, not after
// the whole grid (set-l seed 2604: `Comp. Metabolic Panel (14)` had gone below the panel's rows).
test("a grid's rows read again go in by height among the lines kept from the region", () => {
  const page = [
    line([word('Results', 20, 10)]),
    line([word('WBC', 120, 100, 40), word('6.7', 600, 100, 40)]),
    line([word('Comp.', 60, 140), word('Metabolic', 140, 140), word('Panel', 1500, 140)]),
    line([word('Glucose', 120, 180, 40), word('89', 600, 180, 40)]),
    line([word('Reviewed', 20, 300)]),
  ];
  const box: [number, number, number, number] = [100, 90, 1400, 220];
  const fresh = [line([word('WBC', 120, 101), word('6.7', 600, 101)]), line([word('Glucose', 120, 181), word('89', 600, 181)])];
  const out = putInPlace(page, fresh, box).map((l) => l.text.replace(/\s+/g, ' '));
  assert.deepEqual(out, ['Results', 'WBC 6.7', 'Comp. Panel', 'Glucose 89', 'Reviewed']);
});

// The page reading of a ruled lab grid kept only its panel captions (`Lipid Panel`, read at 82)
// and dropped every result row; the grid read alone held all 24 rows at 76. The captions' higher
// mean said nothing of the rows they left out.
test("a grid's new reading wins when it reads far more confident words, though its mean confidence is a little lower", () => {
  const old = [word('Lipid', 20, 10, 84), word('Panel', 90, 10, 82), word('TSH', 20, 50, 80), word('Calcium', 20, 90, 88)];
  const rows = Array.from({ length: 24 }, (_, i) => [word('Test', 20, 30 * i, 80), word('5.1', 300, 30 * i, 72), word('mg/dL', 400, 30 * i, 76)]).flat();
  assert.equal(gridReadingWins(old, rows), true);
  // Not when the new reading is much less sure, nor when it reads no more than the page did.
  assert.equal(gridReadingWins(old, rows.map((wd) => ({ ...wd, confidence: 60 }))), false);
  assert.equal(gridReadingWins(rows, rows.map((wd) => ({ ...wd, confidence: wd.confidence - 5 }))), false);
  // As sure, with the row under the panel's header rule the page reading dropped (a dozen words more).
  const panel = Array.from({ length: 40 }, (_, i) => word('Gender', 20, 30 * i, 94));
  const dropped = Array.from({ length: 12 }, (_, i) => word('DOB:', 20, 2000 + 30 * i, 94));
  assert.equal(gridReadingWins(panel, [...panel, ...dropped]), true);
  assert.equal(gridReadingWins(panel, [...panel, ...dropped.slice(0, 3)]), false);
});

// A part of a table read again whose box cuts through a wide cell (a service description ending
// `chest;` 10 px inside it): the page reading's words left of the box stay, the crop reads the
// cut-off end (`;`) as a word of its own. The part's row joins the kept words, the fragment
// dropped (sample tx-0026 p2, a photographed EOB: the service line's amounts had gone on a line
// of their own above their date and service).
test("a part of a grid whose box cuts through a kept word joins that word's row; the cut-off end it read again goes", () => {
  const page = [
    line([word('Claim', 20, 10)]),
    line([word('10/01/2021', 20, 100), word('Radiologic', 160, 100), word('chest;', 300, 100), word('$I08.66', 700, 100)]),
    line([word('Your', 20, 200), word('total', 80, 200), word('for', 330, 200), word('this', 380, 200), word('claim:', 440, 200)]),
  ];
  // `chest;` spans 300–372 and `for` 330–366: their middles left of the box, their ends inside it.
  const box: [number, number, number, number] = [352, 90, 900, 240];
  const fresh = [line([word(';', 362, 101), word('$108.66', 700, 101)]), line([word('r', 354, 201), word('this', 380, 201), word('claim:', 440, 201)])];
  const out = putInPlace(page, fresh, box).map((l) => l.text.replace(/\s+/g, ' '));
  assert.deepEqual(out, ['Claim', '10/01/2021 Radiologic chest; $108.66', 'Your total for this claim:']);
});

// A photographed page's frame, filled dark around the paper for tesseract's threshold, is a mass
// of long dark runs in both directions: a table within the linking distance of it joined that
// mass and no lattice was found (sample tx-0026 p2: an EOB's ruled service table 0.3 in from the
// paper's edge was read by the page reading alone, its header row dropped). Found on the paper
// alone — the frame made white, as ocr-page.ts passes it — the table is a lattice again.
test('a table near a dark frame around the paper is found as a lattice on the paper alone', () => {
  const { r, fill } = raster(1600, 700);
  const table = () => {
    for (let i = 0; i < 4; i++) fill(160, 100 + i * 40, 900, 102 + i * 40);
    for (const x of [160, 400, 650, 898]) fill(x, 100, x + 2, 222);
  };
  table();
  const framed: Raster = { ...r, data: new Uint8Array(r.data) };
  for (let y = 0; y < framed.height; y++) framed.data.fill(90, y * framed.width, y * framed.width + 100);
  for (let y = 0; y < 40; y++) framed.data.fill(90, y * framed.width, (y + 1) * framed.width);
  assert.equal(findLattices(framed, ruleMasks(framed)).length, 0, 'the frame swallows the table');
  const found = findLattices(r, ruleMasks(r));
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.ok(found[0]!.box[0] >= 100 && found[0]!.box[2] <= 950, JSON.stringify(found[0]));
});

/** A phone photo of a page: a dark table around the paper, a ruled service table 0.3 in from the paper's left edge. */
async function photographedTablePage(): Promise<Buffer> {
  const x0 = 140;
  const widths = [230, 420, 200, 200, 200];
  const row = 44;
  const y0 = 420;
  const cells = [
    ['Date', 'Service', 'Billed', 'Allowed', 'You Owe'],
    ['10/01/2021', 'Radiologic exam, chest', '$108.66', '$62.24', '$62.24'],
    ['10/08/2021', 'Office visit, est.', '$145.00', '$98.10', '$20.00'],
    ['CLAIM TOTALS', '', '$253.66', '$160.34', '$82.24'],
  ];
  const right = x0 + widths.reduce((a, b) => a + b, 0);
  let body = `<rect x="80" y="80" width="1540" height="2040" fill="#d4d4d4"/>
<text x="${x0}" y="200" font-family="DejaVu Sans" font-size="34" font-weight="bold" fill="#2a2a2a">Evergreen Mutual Health Plan</text>
<text x="${x0}" y="300" font-family="DejaVu Sans" font-size="24" fill="#2a2a2a">Member: SUSAN PROTOSON   Claim #: 9462D37422140</text>`;
  for (let r = 0; r <= cells.length; r++) body += `<rect x="${x0}" y="${y0 + r * row}" width="${right - x0}" height="2" fill="#2a2a2a"/>`;
  let x = x0;
  for (let c = 0; c <= widths.length; c++) {
    body += `<rect x="${x}" y="${y0}" width="2" height="${cells.length * row}" fill="#2a2a2a"/>`;
    x += widths[c] ?? 0;
  }
  cells.forEach((cols, r) => {
    let cx = x0;
    cols.forEach((t, c) => {
      body += `<text x="${cx + 10}" y="${y0 + r * row + 31}" font-family="DejaVu Sans" font-size="22" fill="#2a2a2a">${t}</text>`;
      cx += widths[c]!;
    });
  });
  body += `<text x="${x0}" y="${y0 + cells.length * row + 90}" font-family="DejaVu Sans" font-size="22" fill="#2a2a2a">Messages: amounts not covered reflect the negotiated rate.</text>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1700" height="2200"><rect width="100%" height="100%" fill="#383838"/>${body}</svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer({ resolveWithObject: true });
  let seed = 11;
  const grain = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff - 0.5) * 30;
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, Math.round(data[i] + grain())));
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } }).blur(1.2).jpeg({ quality: 80 }).withMetadata({ density: 194 }).toBuffer();
}

test('on a phone photo, a ruled table near the paper edge is found as a lattice and read cell by cell', async () => {
  const { pages, reads } = await readAllPages(await photographedTablePage(), 'jpeg', { ocr: pool });
  const info = reads.find((r) => r.page)?.ocr;
  assert.ok(info?.paperFound, JSON.stringify(info));
  assert.equal(info?.grids?.found, 1, JSON.stringify(info));
  const text = pages[0]!.text;
  assert.match(text, /10\/01\/2021\s+Radiologic exam, chest\s+\$108\.66\s+\$62\.24\s+\$62\.24/, text);
  assert.match(text, /CLAIM TOTALS\s+\$253\.66\s+\$160\.34\s+\$82\.24/, text);
});

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { findDotLeaders, withLeaders, eraseLeaders } from './dot-leaders.js';
import type { OcrLine, OcrResult, OcrWord } from './ocr-pool.js';
import { OcrPool } from './ocr-pool.js';
import { readAllPages } from './read.js';
import type { Raster } from './raster.js';

function page(width: number, height: number, dpi = 300) {
  const data = new Uint8Array(width * height).fill(255);
  const fill = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = y0; y < y1; y++) data.fill(0, y * width + x0, y * width + x1);
  };
  return { r: { data, width, height, xdpi: dpi, ydpi: dpi } as Raster, fill };
}

test('a row of evenly spaced dots on one baseline is a leader, its dots counted', () => {
  const { r, fill } = page(1600, 400);
  fill(100, 80, 300, 110); // a word's ink, too large to be a dot
  for (let i = 0; i < 40; i++) fill(320 + i * 11, 106, 324 + i * 11, 110);
  fill(780, 80, 860, 110);
  const found = findDotLeaders(r);
  assert.equal(found.length, 1, JSON.stringify(found.map((l) => l.box)));
  assert.equal(found[0]!.dots.length, 40);
  assert.deepEqual(found[0]!.box, [320, 106, 753, 110]);
});

test('colons, a dither pattern and scattered specks are not leaders', () => {
  const { r, fill } = page(1600, 900);
  // Colons in a row (`::::::::`): each dot has another straight above it.
  for (let i = 0; i < 10; i++) {
    fill(100 + i * 12, 90, 104 + i * 12, 94);
    fill(100 + i * 12, 106, 104 + i * 12, 110);
  }
  // An ordered dither: rows of dots stacked a pitch apart.
  for (let row = 0; row < 8; row++) for (let i = 0; i < 30; i++) fill(300 + i * 10, 300 + row * 10, 303 + i * 10, 303 + row * 10);
  // Specks in a row at uneven spacing and of uneven sizes.
  let x = 100;
  for (let i = 0; i < 12; i++) {
    const s = 1 + (i % 4);
    fill(x, 700, x + s, 700 + s);
    x += 6 + ((i * 7) % 19);
  }
  assert.deepEqual(findDotLeaders(r), []);
});

const word = (text: string, x0: number, x1: number, y0 = 100, y1 = 130): OcrWord => ({ text, box: [x0, y0, x1, y1], confidence: 90 });
const line = (words: OcrWord[]): OcrLine => ({ text: words.map((w) => w.text).join(' '), box: [words[0]!.box[0], 100, words[words.length - 1]!.box[2], 130], confidence: 90, words });

test('a leader goes back into the reading as its dots, between the name and the value on its row; a dot read as a letter gives way', () => {
  const res: OcrResult = { text: '', confidence: 90, words: [], lines: [line([word('Hematocrit', 100, 300), word('ee', 400, 430), word('36.7', 780, 840)])] };
  const leader = { box: [320, 122, 753, 127] as [number, number, number, number], dots: Array.from({ length: 40 }, (_, i) => [320 + i * 11, 122, 324 + i * 11, 127] as [number, number, number, number]), pitch: 11 };
  const out = withLeaders(res, [leader]);
  assert.equal(out.lines.length, 1);
  assert.equal(out.lines[0]!.text.replace(/\s+/g, ' '), `Hematocrit ${'.'.repeat(40)} 36.7`);
  assert.deepEqual(out.lines[0]!.words.map((w) => w.text), ['Hematocrit', '.'.repeat(40), '36.7']);
});

test('erasing leaves the page but the dots', () => {
  const { r, fill } = page(800, 200);
  fill(100, 80, 300, 110);
  for (let i = 0; i < 10; i++) fill(320 + i * 11, 106, 324 + i * 11, 110);
  const out = eraseLeaders(r, findDotLeaders(r));
  let ink = 0;
  for (let i = 0; i < out.data.length; i++) if (out.data[i]! < 128) ink++;
  assert.equal(ink, 200 * 30);
});

const pool = new OcrPool({ size: 1 });
after(() => pool.terminate());

const TESTS = [
  ['White Blood Cell Count', '5.1', 'K/uL'],
  ['Hematocrit', '36.7', '%'],
  ['Platelet Count', '274', 'K/uL'],
  ['Eosinophils', '0.7', '%'],
  ['Basophils', '0.8', '%'],
  ['Lymphocytes', '45.7', '%'],
];

/** A dot-leader lab print-out as a 300 dpi black-and-white scan carries it: small type, slightly blurred, thresholded. */
async function leaderReport(): Promise<Buffer> {
  let body = '<text x="80" y="90" font-family="Liberation Sans" font-size="40" font-weight="bold">PRAIRIE VALLEY LABORATORY</text>';
  TESTS.forEach(([name, value, unit], i) => {
    const y = 200 + i * 48;
    body += `<text x="110" y="${y}" font-family="Liberation Sans" font-size="30">${name} ${'.'.repeat(64 - name!.length)}</text>`;
    body += `<text x="1150" y="${y}" font-family="Liberation Sans" font-size="30">${value}</text><text x="1300" y="${y}" font-family="Liberation Sans" font-size="30">${unit}</text>`;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1700" height="600"><rect width="100%" height="100%" fill="white"/>${body}</svg>`;
  return sharp(Buffer.from(svg)).flatten({ background: '#fff' }).greyscale().blur(0.9).threshold(140).png().withMetadata({ density: 300 }).toBuffer();
}

test('a dot-leader lab print-out reads each test name and value, the leader kept as dots', async () => {
  const { pages, reads } = await readAllPages(await leaderReport(), 'png', { ocr: pool });
  const text = pages[0]!.text;
  assert.equal(reads.find((r) => r.page)?.ocr?.leaders, TESTS.length, text);
  for (const [name, value] of TESTS) assert.match(text, new RegExp(`${name} \\.{10,} +${value.replace('.', '\\.')}\\b`), text);
});

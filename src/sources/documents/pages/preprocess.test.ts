import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bridgeThinStrokes, isQuietBilevel, squarePixels } from './preprocess.js';
import type { Raster } from './raster.js';

/** A white standard-fax raster (204×98 dpi) with black rows [from, to). */
function faxRows(width: number, height: number, from: number, to: number): Raster {
  const data = new Uint8Array(width * height).fill(255);
  for (let y = from; y < to; y++) data.fill(0, y * width, (y + 1) * width);
  return { data, width, height, xdpi: 204, ydpi: 98 };
}

test('a standard fax gets square pixels: rows repeated, ink edges softened by a pixel or two, no ringing', async () => {
  const sq = await squarePixels(faxRows(40, 20, 8, 11));
  assert.equal(sq.width, 40);
  assert.equal(sq.height, 42);
  assert.deepEqual([sq.xdpi, sq.ydpi], [204, 204]);
  const column = Array.from({ length: sq.height }, (_, y) => sq.data[y * sq.width + 20]);
  // 3 source rows of ink at 8..10 → about rows 17..22 of the stretched page.
  for (let y = 18; y <= 21; y++) assert.ok(column[y] < 60, `row ${y} dark: ${column[y]}`);
  for (const y of [0, 5, 12, 28, 35, 41]) assert.equal(column[y], 255, `row ${y} paper`);
  // Soft edges: grey just outside the bar, paper beyond; never lighter-than-paper or darker-than-ink artefacts.
  const grey = column.filter((v) => v > 0 && v < 255).length;
  assert.ok(grey >= 2 && grey <= 6, `grey rows ${grey}`);
  // Rows are repeated, not resampled off-centre: the bar's profile is the same from either side
  // (a cubic stretch leaves one edge darker than the other).
  const inked = column.slice(column.findIndex((v) => v < 255), column.findLastIndex((v) => v < 255) + 1);
  assert.deepEqual(inked, [...inked].reverse());
});

test('square pixels are left alone', async () => {
  const r: Raster = { ...faxRows(10, 10, 2, 4), ydpi: 204 };
  assert.equal(await squarePixels(r), r);
});

/** A stored standard-fax raster (204×98 dpi) drawn from rows of `#` (ink) and `.` (paper). */
function glyphs(rows: string[]): Raster {
  const width = rows[0].length;
  const data = new Uint8Array(width * rows.length);
  rows.forEach((row, y) => [...row].forEach((c, x) => (data[y * width + x] = c === '#' ? 0 : 255)));
  return { data, width, height: rows.length, xdpi: 204, ydpi: 98 };
}
/** Rows as `#` (ink), `+` (grey: a stroke drawn again) and `.` (paper). */
const drawn = (r: Raster) => Array.from({ length: r.height }, (_, y) => Array.from(r.data.subarray(y * r.width, (y + 1) * r.width), (v) => (v < 128 ? '#' : v < 255 ? '+' : '.')).join(''));

test('thin horizontal strokes a standard fax lost between two stubs are drawn again, grey; dots, serifs, gaps between uprights and far stubs stay open', () => {
  // An H whose crossbar survived as one pixel beside each upright; an n-like pair of uprights
  // (no stubs); a decimal point beside a stub; a stub with no partner (the arm of an E); two
  // 1s whose foot serifs face each other on their last row (no stroke passes through that row).
  const page = glyphs([
    '...........................................',
    '.#.....#...#...#....#.....#.....#.....#....',
    '.#.....#...#...#....#.....#.....#.....#....',
    '.##...##...#...#....##.#..##....#.....#....',
    '.#.....#...#...#....#.....#.....#.....#....',
    '.#.....#...#...#....#.....#.....##...##....',
    '...........................................',
  ]);
  const out = drawn(bridgeThinStrokes(page));
  assert.equal(out[3], '.##+++##...#...#....##.#..##....#.....#....');
  for (const y of [0, 1, 2, 4, 5, 6]) assert.equal(out[y], drawn(page)[y], `row ${y} unchanged`);
  // A gap wider than the largest bridge stays open.
  const wide = glyphs(['..............', '.#..........#.', '.##........##.', '.#..........#.', '..............']);
  assert.deepEqual(drawn(bridgeThinStrokes(wide, 6)), drawn(wide));
});

test('with VESSEL_FAX_THIN_STROKES=on a quiet standard fax keeps the crossbar it lost through the square-pixel stretch; a noisy one is only stretched', async (t) => {
  const was = process.env.VESSEL_FAX_THIN_STROKES;
  process.env.VESSEL_FAX_THIN_STROKES = 'on';
  t.after(() => (was === undefined ? delete process.env.VESSEL_FAX_THIN_STROKES : (process.env.VESSEL_FAX_THIN_STROKES = was)));
  const rows = [
    '............',
    '..#......#..',
    '..#......#..',
    '..##....##..',
    '..#......#..',
    '..#......#..',
    '............',
  ];
  const sq = await squarePixels(glyphs(rows));
  assert.equal(sq.height, Math.round((7 * 204) / 98));
  // Stored row 3 is stretched rows ~6–7; the middle of the crossbar is ink, not paper.
  const middle = Math.min(sq.data[6 * sq.width + 6], sq.data[7 * sq.width + 6]);
  assert.ok(middle < 200, `crossbar middle ${middle}`);
  // The same glyph on a speckled page (dither, line noise) is stretched as it is.
  const speckled = rows.map((r) => r + '.#.#.#.#.#.#'.repeat(2));
  const noisy = glyphs([...speckled, ...Array.from({ length: 8 }, (_, y) => '............' + (y % 2 ? '#.#.#.#.#.#.#.#.#.#.#.#.' : '........................'))]);
  assert.equal(isQuietBilevel(noisy), false);
  const sqNoisy = await squarePixels(noisy);
  const noisyMiddle = Math.min(sqNoisy.data[6 * sqNoisy.width + 6], sqNoisy.data[7 * sqNoisy.width + 6]);
  assert.ok(noisyMiddle > 240, `no crossbar drawn on a noisy page: ${noisyMiddle}`);
});

test('noisy or dithered bilevel pages are not quiet; grey pages are not bilevel', () => {
  const noisy = glyphs(Array.from({ length: 40 }, (_, y) => Array.from({ length: 40 }, (_, x) => ((x * 7 + y * 13) % 11 === 0 ? '#' : '.')).join('')));
  assert.equal(isQuietBilevel(noisy), false);
  const grey: Raster = { data: new Uint8Array(100).fill(200), width: 10, height: 10, xdpi: 204, ydpi: 98 };
  assert.equal(isQuietBilevel(grey), false);
});

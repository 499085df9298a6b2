import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isQuietBilevel, squarePixels } from './preprocess.js';
import type { Raster } from './raster.js';

/** A white standard-fax raster (204×98 dpi) with black rows [from, to). */
function faxRows(width: number, height: number, from: number, to: number): Raster {
  const data = new Uint8Array(width * height).fill(255);
  for (let y = from; y < to; y++) data.fill(0, y * width, (y + 1) * width);
  return { data, width, height, xdpi: 204, ydpi: 98 };
}

test('a noisy standard fax gets square pixels: rows repeated, ink edges softened by a pixel or two, no ringing', async () => {
  // One speck in 800 pixels (1,250 per megapixel): not a quiet page.
  const r = faxRows(40, 20, 8, 11);
  r.data[2 * 40 + 2] = 0;
  assert.equal(isQuietBilevel(r), false);
  const sq = await squarePixels(r);
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

// Session 14: a quiet bilevel page (no specks, no dithering) is stretched by a cubic
// interpolation, not by repeating rows: thin print reads better (README).
test('a quiet standard fax is stretched smoothly: a dark core, grey edges, paper beyond', async () => {
  const r = faxRows(40, 20, 8, 11);
  assert.equal(isQuietBilevel(r), true);
  const sq = await squarePixels(r);
  assert.deepEqual([sq.width, sq.height, sq.xdpi, sq.ydpi], [40, 42, 204, 204]);
  const column = Array.from({ length: sq.height }, (_, y) => sq.data[y * sq.width + 20]);
  for (let y = 18; y <= 21; y++) assert.ok(column[y] < 60, `row ${y} dark: ${column[y]}`);
  for (const y of [0, 5, 12, 28, 35, 41]) assert.equal(column[y], 255, `row ${y} paper`);
  const grey = column.filter((v) => v > 0 && v < 255).length;
  assert.ok(grey >= 2 && grey <= 6, `grey rows ${grey}`);
});

test('square pixels are left alone', async () => {
  const r: Raster = { ...faxRows(10, 10, 2, 4), ydpi: 204 };
  assert.equal(await squarePixels(r), r);
});

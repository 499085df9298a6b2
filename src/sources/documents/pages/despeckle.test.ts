import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { OcrPool } from './ocr-pool.js';
import { despeckle } from './preprocess.js';
import { readAllPages } from './read.js';
import type { Raster } from './raster.js';
import { g4Tiff, textPng, withSpecks } from './test-fixtures.js';

const pool = new OcrPool({ size: 1 });
after(() => pool.terminate());

/** A white 204 dpi raster with single-pixel specks every 37 px on a diagonal walk (fax line noise). */
function lineNoise(width = 800, height = 800): Raster {
  const data = new Uint8Array(width * height).fill(255);
  for (let i = 0, x = 7; i < 400; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    data[x % data.length] = 0;
  }
  return { data, width, height, xdpi: 204, ydpi: 204 };
}

test('fax line noise is told from dithering: single pixels spread evenly vs dots crowded in a picture', () => {
  const noise = despeckle(lineNoise(), 2);
  assert.ok(noise.single > 0.9, `single ${noise.single}`);
  assert.ok(noise.clustered < 0.05, `clustered ${noise.clustered}`);
  // A light ordered-dither band (one dot in four) over a quarter of the page: its dots crowd.
  const r = lineNoise();
  for (let y = 0; y < 200; y++) for (let x = 0; x < 800; x++) if (x % 2 === 0 && y % 2 === 0) r.data[y * 800 + x] = 0;
  const dithered = despeckle(r, 2);
  assert.ok(dithered.clustered > 0.5, `clustered ${dithered.clustered}`);
});

test('removing specks of at most 2 pixels keeps a 2×2 decimal point', () => {
  const r = lineNoise();
  for (const [x, y] of [[400, 400], [401, 400], [400, 401], [401, 401]]) r.data[y * 800 + x] = 0;
  const out = despeckle(r, 2).raster;
  assert.equal(out.data[400 * 800 + 400], 0, 'the point stays');
  assert.equal(out.data.filter((v) => v === 0).length, 4, 'every single-pixel speck is gone');
});

// Session 13: a speckled fine fax (single-pixel line noise) used to get a 3×3 median before OCR,
// which also erased its decimal points and the thin strokes of slashes (dev pages read `33 7` for
// `33.7`, `08 0) 2023` for `08/01/2023`). Its specks are now removed as what they are; what reaches
// tesseract still holds a 2×2 point and a one-pixel stroke.
test('a fine-fax page with line noise reaches tesseract with its points and thin strokes', async () => {
  const rows = ['MCHC 33.7 08/01/2023 g/dL 32.0-36.0', 'MPV 10.3 08/01/2023 fL 7.5-12.5', 'Monocytes 4.6 08/01/2023 % 2.0-12.0', 'Eos 2.1 08/01/2023 % 0.0-6.0', 'RBC 4.65 08/01/2023 x10E6/uL 4.20-5.80'];
  const text = await sharp(await textPng(rows, { width: 1400, height: 1000, fontSize: 22 })).threshold(128).raw().toBuffer({ resolveWithObject: true });
  const { data, info } = text;
  // A 2×2 point and a one-pixel stroke (a slash's width at 200 dpi) in the free right margin.
  for (const [x, y] of [[1300, 900], [1301, 900], [1300, 901], [1301, 901]]) data[y * info.width + x] = 0;
  for (let k = 0; k < 30; k++) data[(940 - k) * info.width + 1250] = 0;
  const png = await withSpecks(await sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } }).png().toBuffer(), 3000, 1);
  // Stored at 204×204 dpi (not 196): the fixture squashes 196-dpi pages, which would move the drawn marks.
  const tif = await g4Tiff([{ png, xdpi: 204, ydpi: 204 }]);
  const seen: Buffer[] = [];
  const spy = Object.assign(Object.create(pool), { recognize: (image: Buffer, o?: object) => (seen.push(image), pool.recognize(image, o)) });
  const { pages, reads } = await readAllPages(tif, 'tiff', { ocr: spy });
  assert.equal(reads[0].ocr?.denoised, true, 'the page counts as noisy');
  const first = await sharp(seen[0]).greyscale().raw().toBuffer({ resolveWithObject: true });
  assert.deepEqual([first.info.width, first.info.height], [info.width, info.height]);
  const at = (x: number, y: number) => first.data[y * first.info.width + x];
  assert.ok(at(1300, 900) < 128 && at(1301, 901) < 128, 'the 2×2 point reaches tesseract');
  const stroke = Array.from({ length: 30 }, (_, k) => at(1250, 940 - k)).filter((v) => v < 128).length;
  assert.ok(stroke >= 28, `the thin stroke reaches tesseract: ${stroke}/30 pixels`);
  // The rows themselves are read (the figures of the reading are the dev sets', README session 13).
  assert.match(pages[0].text, /MCHC 33\.7 08\/01\/2023/);
});

/**
 * Page image preprocessing before OCR, as pure functions over grey rasters (sharp for the
 * resampling and filters): square pixels, lighting, noise, skew, blank detection.
 * Each step is measured on the faxgen corpus (see README.md beside this file).
 */
import sharp from 'sharp';
import { withPngDensity } from './png-density.js';
import type { Raster } from './raster.js';

/** sharp refuses inputs above this (decompression bombs). */
export const SHARP_LIMIT_PIXELS = 300_000_000;

export const rawSharp = (r: Raster) =>
  sharp(Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength), { raw: { width: r.width, height: r.height, channels: 1 }, limitInputPixels: SHARP_LIMIT_PIXELS });

/** Runs a sharp pipeline and returns a grey raster with the given dpi. */
export async function toRaster(img: sharp.Sharp, xdpi?: number, ydpi?: number): Promise<Raster> {
  const { data, info } = await img.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  let d = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (info.channels !== 1) {
    const g = new Uint8Array(info.width * info.height);
    for (let i = 0; i < g.length; i++) g[i] = d[i * info.channels];
    d = g;
  }
  return { data: d, width: info.width, height: info.height, xdpi, ydpi };
}

/** Gaussian sigma (pixels of the square page) smoothing the pixel-repeating stretch of a standard fax. */
export const STRETCH_SMOOTH_SIGMA = 0.8;

/**
 * Specks (dark components of ≤ 4 px) per megapixel up to which a bilevel page counts as quiet
 * (no fax line noise, no dithering). Session 7 measured noise-free stored standard pages at
 * 10–410, noisy or dithered ones at 750–4,200.
 */
export const QUIET_SPECKS_PER_MP = 600;

/**
 * Share of dark pixels at the corner of a 2×2 checker (dark on one diagonal, light on the other)
 * above which a bilevel page counts as dithered. Measured on stored standard pages (session 14):
 * threshold-binarised 0.001–0.022 (thin monospace the highest), Floyd–Steinberg 0.022–0.050,
 * ordered dither 0.21–0.35.
 */
export const DITHER_CHECKER_SHARE = 0.1;

/**
 * True when the raster is bilevel as it lies (≤ 0.05 % of its pixels grey: a fax image at its
 * own grid, not one resampled), quiet (see QUIET_SPECKS_PER_MP) and not ordered-dithered
 * (see DITHER_CHECKER_SHARE).
 */
export function isQuietBilevel(r: Raster): boolean {
  const { data, width: w, height: h } = r;
  let grey = 0;
  for (let i = 0; i < data.length; i++) if (data[i] !== 0 && data[i] !== 255) grey++;
  if (grey > data.length * 0.0005) return false;
  let dark = 0;
  let checker = 0;
  for (let y = 0; y + 1 < h; y++) {
    for (let x = 0, i = y * w; x + 1 < w; x++, i++) {
      const a = data[i] < 128;
      if (a) dark++;
      const b = data[i + 1] < 128;
      if (a !== b && a === data[i + w + 1] < 128 && b === data[i + w] < 128) checker++;
    }
  }
  if (checker > dark * DITHER_CHECKER_SHARE) return false;
  return despeckle(r, 4).specksPerMp <= QUIET_SPECKS_PER_MP;
}

/**
 * Stretches non-square pixels (204×98 dpi standard fax) to square ones by upsampling the
 * coarser axis. Returns the raster unchanged when the resolutions agree within 10 %.
 * A quiet bilevel page (no line noise, no dithering) is stretched by a smooth (cubic)
 * interpolation and handed to tesseract grey: thin print whose crossbars the standard fax
 * thinned to one-row stubs keeps them as grey strokes (session 14: the monospace LIS page of
 * sample tx-0012 read 758 → 652 edits). A noisy or dithered page has its rows repeated (nearest)
 * and then smoothed by a small Gaussian, which tesseract reads better than a cubic stretch of
 * such pages (session 6, standard TIFF/PNG pages: sample 10.97 → 10.57 % CER, dev set 17.53 →
 * 15.49 %; cubic then thresholded, or nearest alone, were worse; session 14: noisy sample
 * tx-0019 p1 91 edits repeated, 137 cubic).
 */
export async function squarePixels(r: Raster): Promise<Raster> {
  const { xdpi, ydpi } = r;
  if (!xdpi || !ydpi || Math.abs(xdpi / ydpi - 1) < 0.1) return r;
  const dpi = Math.max(xdpi, ydpi);
  const width = Math.round((r.width * dpi) / xdpi);
  const height = Math.round((r.height * dpi) / ydpi);
  if (isQuietBilevel(r)) return toRaster(rawSharp(r).resize({ width, height, fit: 'fill', kernel: 'cubic' }), dpi, dpi);
  return toRaster(rawSharp(r).resize({ width, height, fit: 'fill', kernel: 'nearest' }).blur(STRETCH_SMOOTH_SIGMA), dpi, dpi);
}

/** Downscales a raster over `maxPixels` (keeping aspect); returns the factor applied (≤ 1). */
export async function boundSize(r: Raster, maxPixels: number): Promise<{ raster: Raster; factor: number }> {
  const px = r.width * r.height;
  if (px <= maxPixels) return { raster: r, factor: 1 };
  const f = Math.sqrt(maxPixels / px);
  const width = Math.max(1, Math.floor(r.width * f));
  const height = Math.max(1, Math.floor(r.height * f));
  const out = await toRaster(rawSharp(r).resize({ width, height, fit: 'fill' }), r.xdpi && r.xdpi * f, r.ydpi && r.ydpi * f);
  return { raster: out, factor: f };
}

export interface PageStats {
  /** Share of pixels darker than the threshold. */
  dark: number;
  /** Share of dark pixels with no dark 8-neighbour (salt noise, dithering). */
  isolated: number;
  /** Dark pixels that belong to strokes (≥ 2 dark neighbours), outside margins and streak columns. */
  ink: number;
  /** True when the page holds (almost) nothing but noise, streaks and borders. */
  blank: boolean;
  /** Distinct grey levels used (2 = bilevel). */
  levels: number;
}

/** Measures ink, noise and blankness on a grey raster (threshold 128). */
export function pageStats(r: Raster): PageStats {
  const { data, width: w, height: h } = r;
  const hist = new Uint32Array(256);
  for (let i = 0; i < data.length; i++) hist[data[i]]++;
  let levels = 0;
  for (let i = 0; i < 256; i++) if (hist[i] > data.length * 0.0005) levels++;
  // Adaptive threshold halfway between the ink (darkest 0.05 %) and the paper (median).
  let acc = 0;
  let p01 = -1;
  let p50 = 255;
  for (let i = 0; i < 256; i++) {
    acc += hist[i];
    if (p01 < 0 && acc >= data.length * 0.0005) p01 = i;
    if (acc >= data.length * 0.5) {
      p50 = i;
      break;
    }
  }
  const thr = Math.max(40, Math.min(200, (p01 + p50) / 2));
  const colDark = new Uint32Array(w);
  let dark = 0;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) if (data[row + x] < thr) {
      dark++;
      colDark[x]++;
    }
  }
  const streak = new Uint8Array(w);
  for (let x = 0; x < w; x++) streak[x] = colDark[x] > h * 0.5 ? 1 : 0;
  const mx = Math.floor(w * 0.03);
  const my = Math.floor(h * 0.03);
  let isolated = 0;
  let ink = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      if (data[i] >= thr) continue;
      let n = 0;
      if (data[i - w - 1] < thr) n++;
      if (data[i - w] < thr) n++;
      if (data[i - w + 1] < thr) n++;
      if (data[i - 1] < thr) n++;
      if (data[i + 1] < thr) n++;
      if (data[i + w - 1] < thr) n++;
      if (data[i + w] < thr) n++;
      if (data[i + w + 1] < thr) n++;
      if (n === 0) isolated++;
      else if (n >= 2 && x >= mx && x < w - mx && y >= my && y < h - my && !streak[x] && !streak[x - 1] && !streak[x + 1]) ink++;
    }
  }
  const total = w * h;
  // A single short line of text at 200 dpi is ~1500 stroke pixels; a blank page has less than that.
  const blank = p50 - p01 < 25 || ink < Math.max(300, total * 0.0002);
  return { dark: dark / total, isolated: dark ? isolated / dark : 0, ink: ink / total, blank, levels };
}

/** Otsu's threshold of a grey raster: the grey level that best splits its histogram into ink and paper. */
export function otsuThreshold(r: Raster): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < r.data.length; i++) hist[r.data[i]]++;
  const total = r.data.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i];
  let below = 0;
  let sumBelow = 0;
  let best = -1;
  let threshold = 128;
  for (let t = 0; t < 255; t++) {
    below += hist[t];
    sumBelow += t * hist[t];
    const above = total - below;
    if (!below || !above) continue;
    const between = below * above * (sumBelow / below - (sum - sumBelow) / above) ** 2;
    if (between > best) {
      best = between;
      // Pixels at or below t are ink: the level "darker than" is t + 1.
      threshold = t + 1;
    }
  }
  return threshold;
}

/**
 * Skew angle in degrees (positive = text rises to the right… as seen in the image, rotate by
 * −angle to fix) by maximising the variance of the row profile of dark pixels over ±maxDeg.
 */
export function estimateSkew(r: Raster, maxDeg = 4): number {
  // Sample dark pixels on a coarse grid to keep this cheap on 2000×2500 pages.
  const step = Math.max(1, Math.round(Math.min(r.width, r.height) / 700));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < r.height; y += step) {
    for (let x = 0; x < r.width; x += step) if (r.data[y * r.width + x] < 128) {
      xs.push(x);
      ys.push(y);
    }
  }
  if (xs.length < 200) return 0;
  const cx = r.width / 2;
  const score = (deg: number) => {
    const t = (deg * Math.PI) / 180;
    const s = Math.sin(t);
    const c = Math.cos(t);
    const bins = new Map<number, number>();
    for (let i = 0; i < xs.length; i++) {
      const b = Math.round(((ys[i] * c - (xs[i] - cx) * s) / step));
      bins.set(b, (bins.get(b) ?? 0) + 1);
    }
    let ss = 0;
    for (const v of bins.values()) ss += v * v;
    return ss;
  };
  let best = 0;
  let bestScore = score(0);
  for (let d = -maxDeg; d <= maxDeg + 1e-9; d += 0.25) {
    const sc = score(d);
    if (sc > bestScore) [best, bestScore] = [d, sc];
  }
  for (let d = best - 0.2; d <= best + 0.2 + 1e-9; d += 0.05) {
    const sc = score(d);
    if (sc > bestScore) [best, bestScore] = [d, sc];
  }
  return Math.round(best * 100) / 100;
}

/** Rotates by `deg` degrees (clockwise) on white; the canvas grows to hold the corners. */
export async function rotate(r: Raster, deg: number): Promise<Raster> {
  if (!deg) return r;
  return toRaster(rawSharp(r).rotate(deg, { background: { r: 255, g: 255, b: 255 } }), r.xdpi, r.ydpi);
}

/**
 * Evens out lighting on photos and grey scans: divides by a smooth background estimate
 * (downscaled, max-filtered paper level) and stretches contrast, so shadows become paper.
 */
export async function flattenLighting(r: Raster): Promise<Raster> {
  const sw = Math.max(8, Math.round(r.width / 16));
  const sh = Math.max(8, Math.round(r.height / 16));
  // Paper level: small image, dilate (max) to remove text, then blur and scale back up.
  const small = await toRaster(rawSharp(r).resize({ width: sw, height: sh, fit: 'fill', kernel: 'cubic' }));
  const dil = new Uint8Array(small.data.length);
  const k = 2;
  for (let y = 0; y < sh; y++) {
    for (let x = 0; x < sw; x++) {
      let m = 0;
      for (let dy = -k; dy <= k; dy++) {
        const yy = Math.min(sh - 1, Math.max(0, y + dy));
        for (let dx = -k; dx <= k; dx++) {
          const v = small.data[yy * sw + Math.min(sw - 1, Math.max(0, x + dx))];
          if (v > m) m = v;
        }
      }
      dil[y * sw + x] = m;
    }
  }
  const bg = await toRaster(rawSharp({ data: dil, width: sw, height: sh }).blur(2).resize({ width: r.width, height: r.height, fit: 'fill', kernel: 'cubic' }));
  const out = new Uint8Array(r.data.length);
  for (let i = 0; i < out.length; i++) {
    const b = Math.max(16, bg.data[i]);
    out[i] = Math.min(255, Math.round((r.data[i] * 255) / b));
  }
  return toRaster(rawSharp({ data: out, width: r.width, height: r.height }).normalise({ lower: 1, upper: 99 }), r.xdpi, r.ydpi);
}

/** Where the paper lies on a photo: per row its left and right edge, per column its top and bottom (pixels). */
export interface PaperBounds {
  /** Per row: first paper column from the left, and first from the right (distance from the right edge). */
  left: Int32Array;
  right: Int32Array;
  /** Per column: first paper row from the top, and from the bottom (distance from the bottom edge). */
  top: Int32Array;
  bottom: Int32Array;
  /** Sides on which a frame (table, background) was found around the page. */
  sides: number;
  /** Share of the picture outside the paper. */
  outside: number;
}

/** The paper must be this many times brighter than the background where the scan from the picture's edge meets it. */
export const PAPER_RISE = 1.3;
/** Pixels of the page's edge (its blurred step and shadow) taken as outside with the frame. */
export const PAPER_EDGE_MARGIN = 8;

/**
 * Finds the page on a phone photo (session 10), on the photo as received (before flattening):
 * the paper is the large bright region, the table or background around it darker. On a 4×
 * box-shrunk picture (noise averaged) each row is scanned inward from the left and from the
 * right, each column from the top and from the bottom: the paper begins where the level rises
 * to `PAPER_RISE` × the level at the picture's edge and stays there for 4 cells (16 px). Lighting
 * multiplies paper and background alike, so the ratio holds in shadows too. A side counts as
 * framed when most of its rows (columns) find such a rise within the outer quarter; the side's
 * edge is then the straight line through those rises (outliers refitted away; rows beyond the
 * page's corners, which find no rise, take the line too). Returns undefined when fewer than two sides are framed or the paper would be under half
 * the picture (a scan, a photo cropped to the page, or something this rule should not touch).
 */
export function findPaper(r: Raster): PaperBounds | undefined {
  const f = 4;
  const w = Math.floor(r.width / f);
  const h = Math.floor(r.height / f);
  if (w < 40 || h < 40) return undefined;
  const s = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let dy = 0; dy < f; dy++) {
      const row = (y * f + dy) * r.width;
      for (let x = 0; x < w; x++) {
        let acc = 0;
        for (let dx = 0; dx < f; dx++) acc += r.data[row + x * f + dx];
        s[y * w + x] += acc;
      }
    }
  }
  for (let i = 0; i < s.length; i++) s[i] /= f * f;
  const scan = (n: number, len: number, at: (i: number, t: number) => number): Int32Array | undefined => {
    const edge = new Int32Array(n);
    const lim = Math.floor(len * 0.25);
    let found = 0;
    for (let i = 0; i < n; i++) {
      const rise = Math.max(8, (at(i, 0) + at(i, 1) + at(i, 2)) / 3) * PAPER_RISE;
      for (let t = 1; t < lim; t++) {
        if (at(i, t) > rise && at(i, t + 1) > rise && at(i, t + 2) > rise && at(i, t + 3) > rise) {
          edge[i] = t;
          found++;
          break;
        }
      }
    }
    if (found <= n / 2) return undefined;
    // A page's edge is straight (perspective keeps it so): a line through the cells that found a
    // rise, refitted without those more than 3 cells off (text, a shadow, a notch of light).
    let keep = Array.from(edge, (e) => e > 0);
    let a = 0;
    let b = 0;
    for (let round = 0; round < 3; round++) {
      let sn = 0, si = 0, se = 0, sii = 0, sie = 0;
      for (let i = 0; i < n; i++) if (keep[i]) {
        sn++;
        si += i;
        se += edge[i];
        sii += i * i;
        sie += i * edge[i];
      }
      if (sn < n / 4) return undefined;
      const den = sn * sii - si * si;
      b = den ? (sn * sie - si * se) / den : 0;
      a = (se - b * si) / sn;
      keep = keep.map((k, i) => edge[i] > 0 && Math.abs(edge[i] - (a + b * i)) <= 3);
    }
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = Math.max(0, Math.round(a + b * i));
    return out;
  };
  const sides = [
    scan(h, w, (y, t) => s[y * w + t]),
    scan(h, w, (y, t) => s[y * w + (w - 1 - t)]),
    scan(w, h, (x, t) => s[t * w + x]),
    scan(w, h, (x, t) => s[(h - 1 - t) * w + x]),
  ];
  const framed = sides.filter(Boolean).length;
  if (framed < 2) return undefined;
  // Back to full pixels, the page's edge margin taken with the frame.
  const full = (a: Int32Array | undefined, n: number, cell: (i: number) => number) => {
    const out = new Int32Array(n);
    if (a) for (let i = 0; i < n; i++) out[i] = a[Math.min(a.length - 1, cell(i))] * f + PAPER_EDGE_MARGIN;
    return out;
  };
  const [l, rr, t, b] = sides;
  const bounds: PaperBounds = {
    left: full(l, r.height, (y) => Math.floor(y / f)),
    right: full(rr, r.height, (y) => Math.floor(y / f)),
    top: full(t, r.width, (x) => Math.floor(x / f)),
    bottom: full(b, r.width, (x) => Math.floor(x / f)),
    sides: framed,
    outside: 0,
  };
  let out = 0;
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) if (outsidePaper(bounds, x, y, r.width, r.height)) out++;
  }
  bounds.outside = out / (r.width * r.height);
  return bounds.outside < 0.5 ? bounds : undefined;
}

const outsidePaper = (p: PaperBounds, x: number, y: number, w: number, h: number) => x < p.left[y] || x >= w - p.right[y] || y < p.top[x] || y >= h - p.bottom[x];

/** The frame is filled no lighter than this grey: it must stay on the dark side of tesseract's threshold. */
export const FRAME_FILL_MAX = 128;

/**
 * The raster with everything outside the paper one even grey: the median the frame had (after
 * flattening), at most `FRAME_FILL_MAX`. The frame's texture and the page's edge, read as text,
 * go; the frame stays a mass of dark pixels, so the threshold tesseract picks from the whole
 * picture's histogram stays near where it was (made white instead, nearly empty pages had their
 * paper noise thresholded into garbage: set-a tx-0001 p4 70 → 865 % CER; a light frame's own
 * median, 150–200 on lit tables, did the same more mildly: set-v tx-0007 p2 10 → 45 %).
 * `fill` sets the grey instead (255: the paper alone, to measure its skew; session 18).
 */
export function fillOutsidePaper(r: Raster, p: PaperBounds, fill?: number): Raster {
  const hist = new Uint32Array(256);
  let n = 0;
  for (let y = 0; y < r.height; y++) {
    const row = y * r.width;
    for (let x = 0; x < r.width; x++) if (outsidePaper(p, x, y, r.width, r.height)) {
      hist[r.data[row + x]]++;
      n++;
    }
  }
  let level = 0;
  for (let acc = 0; level < 256; level++) if ((acc += hist[level]) >= n / 2) break;
  level = fill ?? Math.min(level, FRAME_FILL_MAX);
  const data = new Uint8Array(r.data);
  for (let y = 0; y < r.height; y++) {
    const row = y * r.width;
    for (let x = 0; x < r.width; x++) if (outsidePaper(p, x, y, r.width, r.height)) data[row + x] = level;
  }
  return { ...r, data };
}

/** 3×3 median (salt-and-pepper noise, dithering dots). */
export async function median3(r: Raster): Promise<Raster> {
  return toRaster(rawSharp(r).median(3), r.xdpi, r.ydpi);
}

/** Gaussian blur (descreening dithered or speckled bilevel pages before tesseract thresholds them). */
export async function blur(r: Raster, sigma: number): Promise<Raster> {
  return toRaster(rawSharp(r).blur(sigma), r.xdpi, r.ydpi);
}

/**
 * Encodes a sharp pipeline's picture as an 8-bit grey PNG with its resolution (tesseract reads the
 * pHYs chunk). Grey, not RGB as `withMetadata({ density })` made it: the same readings (session 11)
 * for a tenth of the encoding CPU and less work in the OCR worker (inflate, threshold).
 */
export async function greyPng(img: sharp.Sharp, dpi: number): Promise<Buffer> {
  return withPngDensity(await img.toColourspace('b-w').png({ compressionLevel: 1 }).toBuffer(), dpi);
}

/** Encodes a raster as a grey PNG with its resolution, for tesseract. */
export async function toPng(r: Raster): Promise<Buffer> {
  return greyPng(rawSharp(r), r.xdpi ?? 300);
}

/** Specks in one 32×32 block (~16,000 per megapixel) from which they count as crowded: a dithered picture's dots, not line noise. */
export const CROWDED_BLOCK_SPECKS = 16;

export interface Despeckled {
  raster: Raster;
  /** Specks (dark components of at most `maxArea` pixels) per megapixel: a noise measure. */
  specksPerMp: number;
  /** Share of the specks lying in crowded 32×32 blocks (dithering crowds its dots; fax line noise is spread evenly). */
  clustered: number;
  /** Share of the specks that are single pixels (a fine fax's line noise; stretched or rendered pages make them 2 px or more). */
  single: number;
}

/**
 * Removes dark connected components (8-connected) of at most `maxArea` pixels: fax specks
 * and lost dither dots go, thin strokes stay (a median filter erodes them). Returns the
 * cleaned raster, the number of specks per megapixel (a noise measure) and how they lie.
 */
export function despeckle(r: Raster, maxArea = 4, thr = 128): Despeckled {
  const { width: w, height: h, data } = r;
  const out = new Uint8Array(data);
  const seen = new Uint8Array(w * h);
  const stack = new Int32Array(Math.max(16, maxArea + 9));
  const comp = new Int32Array(maxArea + 1);
  let specks = 0;
  let singles = 0;
  const bw = Math.ceil(w / 32);
  const perBlock = new Uint16Array(bw * Math.ceil(h / 32));
  for (let start = 0; start < data.length; start++) {
    if (seen[start] || data[start] >= thr) continue;
    // Flood fill, but stop collecting once the component is larger than maxArea.
    let sp = 0;
    let n = 0;
    let big = false;
    stack[sp++] = start;
    seen[start] = 1;
    const q: number[] = [];
    while (sp > 0 || q.length) {
      const i = sp > 0 ? stack[--sp] : q.pop()!;
      if (n <= maxArea) comp[n] = i;
      n++;
      if (n > maxArea) big = true;
      const x = i % w;
      const y = (i - x) / w;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w || (dx === 0 && dy === 0)) continue;
          const j = yy * w + xx;
          if (seen[j] || data[j] >= thr) continue;
          seen[j] = 1;
          if (sp < stack.length) stack[sp++] = j;
          else q.push(j);
        }
      }
    }
    if (!big) {
      specks++;
      if (n === 1) singles++;
      const sx = start % w;
      const b = (((start - sx) / w) >> 5) * bw + (sx >> 5);
      if (perBlock[b] < 65535) perBlock[b]++;
      for (let k = 0; k < n; k++) out[comp[k]] = 255;
    }
  }
  let crowded = 0;
  for (const c of perBlock) if (c >= CROWDED_BLOCK_SPECKS) crowded += c;
  return { raster: { ...r, data: out }, specksPerMp: (specks * 1e6) / (w * h), clustered: specks ? crowded / specks : 0, single: specks ? singles / specks : 0 };
}


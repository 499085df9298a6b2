/**
 * Vertical streaks (dirt on a sending fax machine's scanner glass) found and painted out before
 * OCR. A speck of dirt under the fixed scan line draws a straight, exactly vertical dark line down
 * the page, 1–5 pixels wide at fax resolution, through whatever text it crosses: tesseract then
 * reads a letter beside it as `l`, `|` or `I`, glues words, or loses a digit of a result column
 * (README, session 15). Pure functions over a grey raster.
 *
 * A printed rule is told apart by its ends: dirt under the scan line marks every line scanned
 * after it, so a streak reaches the top or the bottom of the page, where a rule (a table's, a
 * column divider) stops inside the margins. Only the streak's own columns change: a row
 * where ink touches the streak on both sides (a horizontal stroke it cut) is bridged, every other
 * pixel of the streak becomes paper.
 */
import type { Raster } from './raster.js';

/** One streak: columns x0..x1-1, rows y0..y1-1. */
export interface Streak {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Pixels darker than this are ink. */
const INK = 128;
/** Light rows inside a streak that do not end it (fax line dropouts, dither, impulse noise), in inches. */
const MAX_GAP_IN = 0.02;
/** Shortest streak, as a share of the page's height. */
const MIN_LENGTH_SHARE = 0.3;
/** Widest streak in inches (a speck of dirt; 7 px at 300 dpi is 0.023 in; blur widens it). */
const MAX_WIDTH_IN = 0.04;
/** A streak reaches within this share of the page's height of its top or bottom edge. */
const EDGE_SHARE = 0.01;
/** Pixels lighter than ink but darker than this beside a streak are its blurred edge. */
const HALO = 200;

/**
 * The exactly vertical dark lines of a page that look like scanner streaks: at least 30 % of the
 * page tall, reaching its top or bottom edge, at most 0.04 in wide, paper on both sides along most
 * of their length.
 */
export function findStreaks(r: Raster): Streak[] {
  const { width: w, height: h, data } = r;
  const xdpi = r.xdpi ?? 204;
  const ydpi = r.ydpi ?? xdpi;
  const gap = Math.max(2, Math.round(MAX_GAP_IN * ydpi));
  const minLength = Math.round(MIN_LENGTH_SHARE * h);
  // Longest dark run of every column, light gaps of up to `gap` rows bridged; one pass in row order.
  const lastDark = new Int32Array(w).fill(-1_000_000);
  const runStart = new Int32Array(w);
  const bestStart = new Int32Array(w);
  const bestEnd = new Int32Array(w).fill(-1);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      if (data[row + x]! >= INK) continue;
      if (y - lastDark[x]! > gap + 1) runStart[x] = y;
      lastDark[x] = y;
      if (y - runStart[x]! > bestEnd[x]! - bestStart[x]!) {
        bestStart[x] = runStart[x]!;
        bestEnd[x] = y;
      }
    }
  }
  const long = (x: number) => bestEnd[x]! - bestStart[x]! + 1 >= minLength;
  const maxWidth = Math.max(3, Math.round(MAX_WIDTH_IN * xdpi));
  const streaks: Streak[] = [];
  for (let x = 0; x < w; x++) {
    if (!long(x)) continue;
    let x1 = x + 1;
    while (x1 < w && long(x1)) x1++;
    const band = { x0: x, x1 };
    x = x1;
    if (band.x1 - band.x0 > maxWidth || band.x0 < 2 || band.x1 > w - 2) continue;
    let y0 = h;
    let y1 = 0;
    for (let c = band.x0; c < band.x1; c++) {
      y0 = Math.min(y0, bestStart[c]!);
      y1 = Math.max(y1, bestEnd[c]! + 1);
    }
    const s: Streak = { ...band, y0, y1 };
    // Dirt on the glass is under every scan line of the sheet: its line reaches the top or the
    // bottom of the page. A printed rule (a column divider, a box) ends inside the margins.
    const edge = Math.round(EDGE_SHARE * h);
    if (s.y0 > edge && s.y1 < h - edge) continue;
    widenOverHalo(r, s, maxWidth + 2);
    if (!paperBeside(r, s)) continue;
    streaks.push(s);
  }
  return streaks;
}

/** Takes in the streak's blurred edge: neighbouring columns grey (not paper) along most of it. */
function widenOverHalo(r: Raster, s: Streak, maxWidth: number): void {
  const { width: w, data } = r;
  const grey = (x: number) => {
    let n = 0;
    for (let y = s.y0; y < s.y1; y++) if (data[y * w + x]! < HALO) n++;
    return n >= 0.6 * (s.y1 - s.y0);
  };
  while (s.x0 > 2 && s.x1 - s.x0 < maxWidth && grey(s.x0 - 1)) s.x0--;
  while (s.x1 < w - 2 && s.x1 - s.x0 < maxWidth && grey(s.x1)) s.x1++;
}

/** Most rows of the streak have paper just left and just right of it (not the edge of a dark area). */
function paperBeside(r: Raster, s: Streak): boolean {
  const { width: w, data } = r;
  let light = 0;
  for (let y = s.y0; y < s.y1; y++) if (data[y * w + s.x0 - 2]! >= INK && data[y * w + s.x1 + 1]! >= INK) light++;
  return light >= 0.6 * (s.y1 - s.y0);
}

/**
 * The page with its streaks painted out: along each streak a row whose pixels just left and just
 * right of it are both ink (a stroke the streak cut) is filled with ink, every other row with paper.
 * Returns the same raster object when there is nothing to remove.
 */
export function removeStreaks(r: Raster): { raster: Raster; streaks: Streak[] } {
  const streaks = findStreaks(r);
  if (!streaks.length) return { raster: r, streaks };
  const { width: w } = r;
  const data = new Uint8Array(r.data);
  for (const s of streaks) {
    for (let y = s.y0; y < s.y1; y++) {
      const row = y * w;
      const bridge = r.data[row + s.x0 - 1]! < INK && r.data[row + s.x1]! < INK;
      data.fill(bridge ? 0 : 255, row + s.x0, row + s.x1);
    }
  }
  return { raster: { ...r, data }, streaks };
}

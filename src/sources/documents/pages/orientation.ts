/**
 * Pages turned a quarter turn (sideways scans and faxes, PDF pages whose /Rotate shows their
 * text sideways): which way the text runs, and reading it upright.
 *
 * Text layers: the direction most characters run in on the page as displayed; the page is
 * then read in a view turned so that direction is left to right (pdf.ts).
 *
 * Images: tesseract.js ships no OSD data with the best_int models, and row/column gap
 * profiles were measured useless (tables give columns as many gaps as rows). So the page is
 * read at 90° and 270° too — the middle of the page only, and only when the upright reading is
 * poor and garbled (hardly a real word in it) — and a turn is taken when its reading is clearly
 * surer; the page is then read again in that direction. Upright pages pay nothing: those that
 * read poorly still read as words.
 */
import type { ExtractedPage, ExtractionIssue } from '../../../core/types.js';
import type { OcrPool, OcrResult } from './ocr-pool.js';
import type { Raster } from './raster.js';
import { rawSharp, squarePixels, toPng, toRaster } from './preprocess.js';

export type QuarterTurn = 0 | 90 | 180 | 270;

/** Below this confidence of the upright reading, the quarter turns are tried. */
export const QUARTER_TURN_RETRY_CONFIDENCE = 60;
/**
 * Share of each side of the page kept for trying the quarter turns: the middle of the page at
 * full resolution (a third of the pixels). Half-size copies were tried first and read too
 * poorly at fax resolution (10 pt text at ~100 dpi) to tell a turn from no turn.
 */
export const QUARTER_TURN_PROBE_SHARE = 0.6;
/** Points the better quarter turn must beat the upright reading by (on its smaller copy). */
export const QUARTER_TURN_MIN_GAIN = 15;
/** Fewest words the turned reading must find: a few confident words are not a page. */
export const QUARTER_TURN_MIN_WORDS = 8;
/**
 * A reading where fewer than this share of the words are real words (4+ letters with a vowel)
 * is garble, as sideways text reads. Measured: sideways fax and scan pages 0.00–0.03; poor
 * upright pages (re-faxed, dithered, confidence 40–57) 0.20–0.43. Only garble is tried
 * sideways, so poor upright pages pay nothing either (README.md beside this file).
 */
export const GARBLE_MAX_REAL_WORDS = 0.07;

/** Share of the words that are real words (4+ letters, a vowel): low for a page read sideways. */
export function realWordShare(words: Array<{ text: string }>): number {
  if (!words.length) return 0;
  return words.filter((w) => /^[A-Za-z]{4,}[.,:;]?$/.test(w.text) && /[aeiouy]/i.test(w.text)).length / words.length;
}

/**
 * The direction most characters of a page run in, in degrees clockwise from left-to-right
 * (y pointing down), when more than half of them agree; 0 otherwise.
 */
export function dominantDirection(runs: Array<{ dx: number; dy: number; chars: number }>): QuarterTurn {
  const votes: Record<QuarterTurn, number> = { 0: 0, 90: 0, 180: 0, 270: 0 };
  let total = 0;
  for (const r of runs) {
    if (!r.chars || (!r.dx && !r.dy)) continue;
    const deg = ((Math.round((Math.atan2(r.dy, r.dx) * 180) / Math.PI / 90) * 90) % 360 + 360) % 360;
    votes[deg as QuarterTurn] += r.chars;
    total += r.chars;
  }
  const best = ([90, 180, 270] as const).reduce<QuarterTurn>((b, d) => (votes[d] > votes[b] ? d : b), 0);
  return best !== 0 && votes[best] > total / 2 ? best : 0;
}

/** An information issue saying a page was read turned. */
export function turnedIssue(pageNumber: number, deg: QuarterTurn, how: 'text' | 'image'): ExtractionIssue {
  const way = deg === 180 ? 'upside down' : 'sideways';
  return {
    severity: 'information',
    code: 'page-turned',
    message: `Page ${pageNumber} ${how === 'text' ? 'shows its text' : 'was'} ${way}; it was read turned ${deg}° so its text runs left to right.`,
    location: { page: pageNumber },
  };
}

/** Turns a raster clockwise by a quarter turn (exact, no resampling). */
export async function turn(r: Raster, deg: QuarterTurn): Promise<Raster> {
  if (!deg) return r;
  const swap = deg % 180 !== 0;
  const out = await toRaster(rawSharp(r).rotate(deg), swap ? r.ydpi : r.xdpi, swap ? r.xdpi : r.ydpi);
  return r.bilevelSource ? { ...out, bilevelSource: true } : out;
}

/** The middle of a raster: `share` of its width and of its height. */
async function middle(r: Raster, share: number): Promise<Raster> {
  const width = Math.max(1, Math.round(r.width * share));
  const height = Math.max(1, Math.round(r.height * share));
  return toRaster(rawSharp(r).extract({ left: Math.floor((r.width - width) / 2), top: Math.floor((r.height - height) / 2), width, height }), r.xdpi, r.ydpi);
}

export interface TurnChoice {
  deg: QuarterTurn;
  /** Confidence of each reading tried (0 = the full upright reading, others on the middle of the page). */
  tried: Partial<Record<QuarterTurn, number>>;
}

/**
 * Whether a page that read poorly upright (`uprightConfidence`) reads clearly better a quarter
 * turn round (90° or 270° clockwise), judged on the middle of the page (square pixels).
 */
export async function chooseQuarterTurn(input: Raster, uprightConfidence: number, pool: OcrPool): Promise<TurnChoice> {
  const tried: TurnChoice['tried'] = { 0: uprightConfidence };
  if (uprightConfidence >= QUARTER_TURN_RETRY_CONFIDENCE) return { deg: 0, tried };
  const probe = await middle(await squarePixels(input), QUARTER_TURN_PROBE_SHARE);
  const probes = await Promise.all(([90, 270] as const).map(async (deg) => ({ deg, res: await pool.recognize(await toPng(await turn(probe, deg))) })));
  let best: { deg: QuarterTurn; res: OcrResult } | undefined;
  for (const p of probes) {
    tried[p.deg] = Math.round(p.res.confidence);
    if (p.res.words.length < QUARTER_TURN_MIN_WORDS) continue;
    if (!best || p.res.confidence > best.res.confidence) best = p;
  }
  return best && best.res.confidence >= uprightConfidence + QUARTER_TURN_MIN_GAIN ? { deg: best.deg, tried } : { deg: 0, tried };
}

interface PageReading {
  page: ExtractedPage;
  issues: ExtractionIssue[];
  info: { blank: boolean; ms: number };
}

/**
 * The reading of a page, or — when it read poorly and a quarter turn reads clearly better —
 * the reading of the page turned upright (`read` runs the whole page pipeline again on the
 * turned page: square pixels, denoise and deskew all work on the upright page). Words and
 * size are then those of the upright page, and `page.turned` says how it was turned.
 */
export async function readTurnedIfBetter<T extends PageReading>(first: T, input: Raster, pool: OcrPool, read: (turned: Raster) => Promise<T>): Promise<T> {
  if (first.info.blank || first.page.confidence === undefined || first.page.confidence >= QUARTER_TURN_RETRY_CONFIDENCE) return first;
  if (realWordShare(first.page.words ?? []) >= GARBLE_MAX_REAL_WORDS) return first; // poor, but text read the right way round
  const t0 = Date.now();
  const choice = await chooseQuarterTurn(input, first.page.confidence, pool);
  if (!choice.deg) {
    first.info.ms += Date.now() - t0;
    return first;
  }
  const second = await read(await turn(input, choice.deg));
  if ((second.page.confidence ?? 0) <= first.page.confidence) {
    first.info.ms += Date.now() - t0;
    return first;
  }
  second.info.ms = first.info.ms + (Date.now() - t0);
  return { ...second, page: { ...second.page, turned: choice.deg }, issues: [...second.issues, turnedIssue(first.page.page, choice.deg, 'image')] };
}

/**
 * Maps a box from a page turned clockwise by `deg` (size `turned`) back onto the page as
 * received (size `src`): a word found on the upright copy, placed on the sideways original.
 */
export function unturnBox(box: [number, number, number, number], deg: QuarterTurn, src: { width: number; height: number }): [number, number, number, number] {
  const [x0, y0, x1, y1] = box;
  if (deg === 90) return [y0, src.height - x1, y1, src.height - x0];
  if (deg === 270) return [src.width - y1, x0, src.width - y0, x1];
  if (deg === 180) return [src.width - x1, src.height - y1, src.width - x0, src.height - y0];
  return box;
}

/**
 * The PDF matrix from a page's upright view (origin bottom left, in points) to its user space,
 * for a view turned `deg` clockwise from user space (a page's /Rotate plus any turn made to
 * read it): where a word found upright is written so that it sits on the printed word.
 * Returns the matrix and the upright view's size.
 */
export function uprightToUser(deg: number, crop: { x: number; y: number; width: number; height: number }): { matrix: [number, number, number, number, number, number]; width: number; height: number } {
  const { x, y, width: w, height: h } = crop;
  switch (((deg % 360) + 360) % 360) {
    case 90:
      return { matrix: [0, 1, -1, 0, x + w, y], width: h, height: w };
    case 180:
      return { matrix: [-1, 0, 0, -1, x + w, y + h], width: w, height: h };
    case 270:
      return { matrix: [0, -1, 1, 0, x, y + h], width: h, height: w };
    default:
      return { matrix: [1, 0, 0, 1, x, y], width: w, height: h };
  }
}

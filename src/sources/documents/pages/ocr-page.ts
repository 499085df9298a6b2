/**
 * OCR of one page raster: square pixels, blank check, lighting, denoise, deskew, OCR,
 * upside-down retry; word boxes mapped back to the square-pixel page.
 */
import type { ExtractedPage, ExtractionIssue, PageWord } from '../../../core/types.js';
import type { OcrPool, OcrResult } from './ocr-pool.js';
import type { Raster } from './raster.js';
import { rereadNumbers, type RereadInfo } from './reread.js';
import { readTurnedIfBetter } from './orientation.js';
import { addMissingLines } from './line-union.js';
import { dropRuleGlyphs } from './rule-glyphs.js';
import { invertDarkBars } from './dark-bars.js';
import { gridInkLevel, readGrids, type GridInfo } from './ruled-grid.js';
import { readUnreadInk, type UnreadInfo } from './unread-ink.js';
import { eraseLeaders, findDotLeaders, withLeaders } from './dot-leaders.js';
import { removeStreaks } from './streaks.js';
import { blur, boundSize, despeckle, estimateSkew, findPaper, flattenLighting, median3, pageStats, rotate, squarePixels, toPng, fillOutsidePaper, type PaperBounds } from './preprocess.js';
import { layoutOcrLines } from './ocr-layout.js';

/** Pages above this many pixels (after square pixels) are downscaled before OCR. */
export const OCR_MAX_PIXELS = 25_000_000;
/** Specks per megapixel above which a page counts as noisy and gets a 3×3 median (measured: clean fax < 120, noisy > 380). */
export const NOISY_SPECKS_PER_MP = 200;
/**
 * A noisy page whose specks are fax line noise (single pixels spread evenly over a page read at
 * its own square pixels) has its specks of at most this many pixels removed instead of the 3×3
 * median, which also erased decimal points and the thin strokes of slashes (`33.7` → `33 7`,
 * `08/01` → `08 0`). Measured in session 13 (README): dev fine fax 6.54 → 5.94 % and 11.59 → 9.12 % CER.
 */
export const LINE_NOISE_SPECK_PIXELS = 2;
/** Line noise: at least this share of the specks are single pixels … */
export const LINE_NOISE_MIN_SINGLE = 0.5;
/** … and less than this share lies in crowded blocks (dithering). */
export const LINE_NOISE_MAX_CLUSTERED = 0.05;
/** Skew below this (degrees) is left alone. */
export const MIN_DESKEW_DEG = 0.3;
/** OCR confidence below which the page is also read upside down, keeping the better reading. */
export const UPSIDE_DOWN_RETRY_CONFIDENCE = 55;
/** Gaussian sigma (pixels at ~200 dpi) of the descreened alternative for noisy or dithered bilevel pages. */
export const DESCREEN_SIGMA = 1.5;
/**
 * Gaussian sigma (pixels) smoothing grey pages (photos, grey scans) after the lighting is
 * flattened, before tesseract thresholds them (measured on 150–200 dpi phone photos, session 9).
 */
export const GREY_DENOISE_SIGMA = 1.0;
/** Below this confidence a noisy bilevel page is also read descreened. */
export const DESCREEN_RETRY_CONFIDENCE = 90;
/** Points of confidence the descreened reading must gain to replace the median one (1–2 points are noise). */
export const DESCREEN_MIN_GAIN = 3;

export interface OcrPageInfo {
  blank: boolean;
  skewDeg: number;
  denoised: boolean;
  /** Vertical scanner streaks painted out (streaks.ts). */
  streaks?: number;
  /** Denoised by removing fax line noise's specks (≤ 2 px) rather than by the 3×3 median. */
  despeckled?: boolean;
  /** Reverse-video bars inverted before OCR (dark-bars.ts). */
  darkBars?: number;
  /** The descreened (blurred) reading was kept over the median one. */
  descreened: boolean;
  flattened: boolean;
  /** A photo's page was found and the table around it made one even grey (findPaper, fillOutsidePaper). */
  paperFound: boolean;
  rotated180: boolean;
  downscaled: number;
  /** Words dropped or trimmed as table rules and box edges read as text (rule-glyphs.ts). */
  ruleGlyphs: number;
  /** Lines of the other reading of a speckled page added where the chosen one had no row (line-union.ts). */
  linesAdded?: number;
  /** Boxed grids (ruled lattices) found, and read again with their rules erased (ruled-grid.ts); absent when none. */
  grids?: GridInfo;
  /** Second reading of lab-row numbers on enlarged crops (reread.ts); absent when off. */
  reread?: RereadInfo;
  /** Rows of print the page reading left out, and how many were read again and put in. */
  unread?: UnreadInfo;
  /** Dot leaders made paper before reading and put back as dots after (dot-leaders.ts); absent when none. */
  leaders?: number;
  ms: number;
}

/** `VESSEL_OCR_REREAD=off` skips the second reading of numbers (to measure its effect and cost). */
const rereadEnabled = () => process.env.VESSEL_OCR_REREAD !== 'off';
/** `VESSEL_OCR_GRIDS=off` skips the second reading of boxed grids (to measure its effect and cost). */
const gridsEnabled = () => process.env.VESSEL_OCR_GRIDS !== 'off';
/** `VESSEL_OCR_STREAKS=off` keeps scanner streaks on the page (to measure what removing them gives). */
const streaksEnabled = () => process.env.VESSEL_OCR_STREAKS !== 'off';
/** `VESSEL_OCR_UNREAD=off` skips the second reading of print the page reading left out. */
const unreadEnabled = () => process.env.VESSEL_OCR_UNREAD !== 'off';
/** `VESSEL_OCR_LEADERS=off` reads dot leaders as printed (for measuring). */
const leadersEnabled = () => process.env.VESSEL_OCR_LEADERS !== 'off';

type Box = [number, number, number, number];

/** Maps a box from a canvas rotated clockwise by `deg` (grown to hold the corners) back to the source. */
export function unrotateBox(box: Box, deg: number, src: { width: number; height: number }, rot: { width: number; height: number }): Box {
  const t = (deg * Math.PI) / 180;
  const c = Math.cos(t);
  const s = Math.sin(t);
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of [[box[0], box[1]], [box[2], box[1]], [box[0], box[3]], [box[2], box[3]]]) {
    const dx = x - rot.width / 2;
    const dy = y - rot.height / 2;
    xs.push(dx * c + dy * s + src.width / 2);
    ys.push(-dx * s + dy * c + src.height / 2);
  }
  const clamp = (v: number, hi: number) => Math.round(Math.max(0, Math.min(hi, v)));
  return [clamp(Math.min(...xs), src.width), clamp(Math.min(...ys), src.height), clamp(Math.max(...xs), src.width), clamp(Math.max(...ys), src.height)];
}

/** Text from OCR lines, one line per row on the page's column grid (ocr-layout.ts), blank lines dropped. */
function linesText(r: OcrResult): string {
  const t = layoutOcrLines(r.lines).map((l) => l.replace(/\s+$/, '')).filter((l) => l.trim()).join('\n');
  return t || r.text.trim();
}

/**
 * OCRs one page; a page that reads poorly is also tried sideways (orientation.ts). Never
 * throws for bad pixels: OCR failures become an issue and an empty page.
 */
export async function ocrRaster(input: Raster, pageNumber: number, pool: OcrPool): Promise<{ page: ExtractedPage; issues: ExtractionIssue[]; info: OcrPageInfo }> {
  const upright = await ocrUpright(input, pageNumber, pool);
  return readTurnedIfBetter(upright, input, pool, (turned) => ocrUpright(turned, pageNumber, pool));
}

/** OCRs one page as it lies (upside-down pages are still caught). */
async function ocrUpright(input: Raster, pageNumber: number, pool: OcrPool): Promise<{ page: ExtractedPage; issues: ExtractionIssue[]; info: OcrPageInfo }> {
  const t0 = Date.now();
  const issues: ExtractionIssue[] = [];
  const info: OcrPageInfo = { blank: false, skewDeg: 0, denoised: false, descreened: false, flattened: false, paperFound: false, rotated180: false, downscaled: 1, ruleGlyphs: 0, ms: 0 };
  // Grey levels of the page as received (see below); bilevel pages are the fax path.
  const inputStats = input.bilevelSource ? undefined : pageStats(input);
  const inputLevels = inputStats ? inputStats.levels : 2;
  let source = input;
  if (inputLevels <= 16 && streaksEnabled()) {
    // Scanner-glass streaks painted out on the page's own pixels, where they are still crisp and
    // exactly vertical: before the square-pixel stretch, the denoising and the deskew (README,
    // session 15).
    const cleaned = removeStreaks(input);
    source = cleaned.raster;
    if (cleaned.streaks.length) info.streaks = cleaned.streaks.length;
  }
  let sq = await squarePixels(source);
  const bounded = await boundSize(sq, OCR_MAX_PIXELS);
  if (bounded.factor < 1) {
    sq = bounded.raster;
    info.downscaled = bounded.factor;
    issues.push({ severity: 'information', code: 'page-downscaled', message: `Page ${pageNumber} is ${input.width}×${input.height} pixels; it was downscaled by ${bounded.factor.toFixed(3)} for OCR.`, location: { page: pageNumber } });
  }
  const base: ExtractedPage = { page: pageNumber, text: '', method: 'ocr', width: sq.width, height: sq.height, words: [] };
  // A page read at its own pixels, untouched by the streak removal, was measured above already.
  const stats = sq === input && inputStats ? inputStats : pageStats(sq);
  // Grey levels of the page as received: resampling a bilevel standard fax to square pixels adds
  // grey edges, which must not send it down the photo path (no median on a noisy fax). The same
  // holds for a 1-bit PDF image rendered at another scale (a 204×196 dpi fax drawn at 204 dpi).
  const sourceLevels = inputLevels;
  if (stats.blank) {
    info.blank = true;
    info.ms = Date.now() - t0;
    issues.push({ severity: 'information', code: 'page-blank', message: `Page ${pageNumber} is blank.`, location: { page: pageNumber } });
    return { page: { ...base, confidence: 100 }, issues, info };
  }
  let work = sq;
  let paper: PaperBounds | undefined;
  if (sourceLevels > 16) {
    // The page on a photo, found before flattening (the paper estimate does not reach into the
    // dark table around it). Its frame, left dark, is read as a column of `3`, `E`, `:` at line
    // ends and as lines of garbage; after flattening (the contrast stretch unchanged) it is made
    // one even grey, its own median, so tesseract's threshold stays that of the whole photo
    // (README, session 10).
    paper = findPaper(work);
    work = await flattenLighting(work);
    info.flattened = true;
    if (paper) {
      work = fillOutsidePaper(work, paper);
      info.paperFound = true;
    }
    // Sensor noise and JPEG blocks, stretched with the contrast, break thin strokes where
    // tesseract thresholds the page, garble the grey line images its recogniser reads, and turn
    // the dark edge around a photographed page into a column of `3`, `E`, `:`. A small blur
    // first (README, session 9: photo CER 32.3 → 26.5 % and 26.4 → 20.0 % on two dev sets).
    work = await blur(work, GREY_DENOISE_SIGMA);
  }
  // Median only on bilevel pages (fax, bilevel scans): on grey photos it blurs text that is already soft (measured: photo CER 11 % → 27 %).
  const { specksPerMp, single, clustered } = info.flattened ? { specksPerMp: 0, single: 0, clustered: 0 } : despeckle(work, 4);
  if (specksPerMp > NOISY_SPECKS_PER_MP) {
    // Line noise of a fine fax (single pixels, spread evenly) goes by itself; the median stays for
    // dithered pages and for pages stretched to square pixels (by us or by the PDF canvas), whose
    // specks are 2 px tall and blurred: there the median reads better (session 13).
    if (sq === source && single >= LINE_NOISE_MIN_SINGLE && clustered < LINE_NOISE_MAX_CLUSTERED) {
      work = despeckle(work, LINE_NOISE_SPECK_PIXELS).raster;
      info.despeckled = true;
    } else work = await median3(work);
    info.denoised = true;
  }
  // The skew is measured on the paper alone: the frame's grey fill (≤ 128) counts as ink to the
  // projection profile and its mass, the same under every small angle, hid a photo's skew of
  // 1.5–2.3° on a third of the dev pages (README, session 18).
  const skew = estimateSkew(paper ? fillOutsidePaper(work, paper, 255) : work);
  if (Math.abs(skew) >= MIN_DESKEW_DEG) info.skewDeg = skew;
  const straighten = (r: Raster) => (info.skewDeg ? rotate(r, -skew) : Promise.resolve(r));
  const denoisedFrom = info.denoised ? sq : undefined;
  // White-on-black bars made black on white: tesseract's own per-line inversion check is off
  // (ocr-pool.ts), which read faint or ruled lines better (session 13).
  const upright = (r: Raster) => {
    const inv = invertDarkBars(r);
    info.darkBars = inv.bars;
    return inv.raster;
  };
  // Rules are looked for on the paper alone: the frame around a photographed page, filled dark for
  // tesseract's threshold, is a mass of long dark runs that swallowed a table near the paper's
  // edge into one lattice-less cluster (ruled-grid.ts `readGrids`).
  const paperOnly = paper && gridsEnabled() ? invertDarkBars(await straighten(fillOutsidePaper(work, paper, 255))).raster : undefined;
  work = upright(await straighten(work));
  // Dot leaders are made paper before any reading and put back as dots after it (dot-leaders.ts):
  // read as printed, they came out as letters and garbled the names beside them.
  const leaders = leadersEnabled() ? findDotLeaders(work, info.flattened ? gridInkLevel(work) : undefined) : [];
  if (leaders.length) {
    work = eraseLeaders(work, leaders);
    info.leaders = leaders.length;
  }
  const plain = work;
  try {
    let res = await pool.recognize(await toPng(work));
    if (denoisedFrom && res.confidence < DESCREEN_RETRY_CONFIDENCE) {
      // Dithered ("photo mode") and speckled faxes: a Gaussian blur averages dots into grey that
      // tesseract's own thresholding drops, where the median leaves dither clumps. Neither wins
      // on every page (measured both ways), so keep the reading tesseract is surer of.
      // The blur spreads a dot over a few pixels more: its leaders are erased that much wider.
      const soft = eraseLeaders(upright(await straighten(await blur(denoisedFrom, DESCREEN_SIGMA))), leaders, 3);
      const alt = await pool.recognize(await toPng(soft));
      const takeAlt = alt.confidence >= res.confidence + DESCREEN_MIN_GAIN;
      const other = takeAlt ? res : alt;
      if (takeAlt) {
        res = alt;
        work = soft;
        info.descreened = true;
      }
      // Rows the surer reading dropped (a boxed form's rows) that the other one read (line-union.ts).
      const union = addMissingLines(res, other);
      res = union.result;
      info.linesAdded = union.added;
    }
    let flipped = false;
    let readImage = work;
    if (res.confidence < UPSIDE_DOWN_RETRY_CONFIDENCE && res.words.length >= 3) {
      const turned = await rotate(work, 180);
      const upside = await pool.recognize(await toPng(turned));
      if (upside.confidence > res.confidence + 10) {
        res = upside;
        readImage = turned;
        flipped = true;
        info.rotated180 = true;
        issues.push({ severity: 'information', code: 'page-upside-down', message: `Page ${pageNumber} was upside down; it was read rotated 180°.`, location: { page: pageNumber } });
      }
    }
    if (!flipped && gridsEnabled()) {
      // Boxed grids read again with their rules erased (README, session 14), from the page before
      // any descreening blur (a blurred grid, cropped, reads worse).
      const grid = await readGrids(plain, res, pool, info.flattened ? gridInkLevel(plain) : undefined, paperOnly);
      res = grid.result;
      readImage = grid.image;
      if (grid.info.found) info.grids = grid.info;
    }
    if (!flipped && unreadEnabled()) {
      // Print of another size than the block's (a large title, small print beside a large name)
      // that the page reading dropped or garbled, read again alone (unread-ink.ts).
      const unread = await readUnreadInk(readImage, res, pool, info.flattened ? gridInkLevel(plain) : undefined);
      res = unread.result;
      if (unread.info.rows) info.unread = unread.info;
    }
    if (rereadEnabled()) {
      // Boxes of the second reading are those of the image read, so they map back below like the rest.
      const second = await rereadNumbers(readImage, res, pool);
      res = second.result;
      info.reread = second.info;
    }
    // Table rules and box edges read as `|`, `——`, `[`: not printed text (measured in README, session 6).
    const ruled = dropRuleGlyphs(res);
    res = ruled.result;
    info.ruleGlyphs = ruled.dropped;
    if (!flipped) res = withLeaders(res, leaders);
    const words: PageWord[] = res.words.map((w) => {
      let box: Box = w.box;
      if (flipped) box = [work.width - box[2], work.height - box[3], work.width - box[0], work.height - box[1]];
      if (info.skewDeg) box = unrotateBox(box, -info.skewDeg, sq, work);
      return { text: w.text, box, confidence: Math.round(w.confidence) };
    });
    info.ms = Date.now() - t0;
    return { page: { ...base, text: linesText(res), confidence: Math.round(res.confidence), words }, issues, info };
  } catch (e) {
    info.ms = Date.now() - t0;
    issues.push({ severity: 'error', code: 'ocr-failed', message: `OCR of page ${pageNumber} failed: ${(e as Error)?.message ?? String(e)}`, location: { page: pageNumber } });
    return { page: base, issues, info };
  }
}

/**
 * Second reading of the numbers in lab-table rows on an enlarged crop of the page.
 *
 * At fax resolution (~200 dpi) a decimal point is one or two pixels, and tesseract reading
 * the whole page drops it ("7.3" → "73") or breaks ranges ("6599", "0.21.2"). Number words
 * of rows that look like lab results, when some rule could change them, are cropped from the
 * image the page was read from, upscaled 3×, read again as one line restricted to digits and
 * number punctuation, and replaced only when the second reading is confident and the row
 * supports it (the reference range's own decimals, its magnitude, the printed flag) — never
 * on confidence alone (measured wrong more often than right). Selection and acceptance are
 * pure functions; only `rereadNumbers` touches images and the OCR pool.
 */
import sharp from 'sharp';
import { PSM } from 'tesseract.js';
import type { OcrLine, OcrPool, OcrResult, OcrWord } from './ocr-pool.js';
import type { Raster } from './raster.js';
import { greyPng, rawSharp } from './preprocess.js';

type Box = [number, number, number, number];

/** Upscaling factor of the crop (3× puts a 200 dpi decimal point at 3–6 pixels). */
export const REREAD_SCALE = 3;
/** Padding around the word box, as a share of the box height (keeps neighbours out, the point in). */
export const REREAD_PAD = 0.3;
/** Characters the second reading may produce. */
export const REREAD_WHITELIST = '0123456789.,-<>()HL';
/** Most words re-read on one page (bounds the cost on pages of numbers). */
export const REREAD_MAX_WORDS = 160;
/** Second readings below this word confidence are never used. */
export const REREAD_MIN_CONFIDENCE = 70;
/** A dash found by the second reading (a range whose dash was lost) needs this confidence. */
export const REREAD_DASH_CONFIDENCE = 85;
/** Points of confidence a reading must gain to drop a point, or to change a digit along with a found point. */
export const REREAD_DIGIT_GAIN = 10;

/** A word whose characters could all be a number as OCR reads one (O for 0, l for 1 …). */
const NUMBERISH = /^[<>≤≥]?=?[([]?[\dOoIl|.,-]*\d[\dOoIl|.,-]*[)\]]?(?:HH|LL|H|L)?$/;
/** Letters OCR reads in place of digits. */
const DIGIT_LOOKALIKE: Record<string, string> = { O: '0', o: '0', I: '1', l: '1', '|': '1' };

/** Normalised number shape of a word: look-alike letters as digits. */
export function digitsOf(text: string): string {
  return text.replace(/[OoIl|]/g, (c) => DIGIT_LOOKALIKE[c] ?? c);
}

/** A word that could be a lab value or a reference range ("7.3", "73", "(3.5-5.0)", "<0.5", "1O.2", "73H" with its flag). */
export function isNumberWord(text: string): boolean {
  if (!NUMBERISH.test(text)) return false;
  // Dates, times, phone numbers and fax counters are not results: "01/02/2024", "555-0133".
  if (/^\d{3}-\d{4}$/.test(text) || /\d{4,}-/.test(text)) return false;
  return true;
}

const LETTERS = /[A-Za-z]{2,}/;

/**
 * A line that reads like a lab-table row: a name (a word with two letters or more) and at
 * least one number-shaped word after it, and no date or time (headers, collection lines).
 */
export function isLabRowLine(line: OcrLine): boolean {
  const ws = line.words;
  const firstNumber = ws.findIndex((w) => isNumberWord(w.text));
  if (firstNumber < 1) return false;
  if (!ws.slice(0, firstNumber).some((w) => LETTERS.test(w.text))) return false;
  if (ws.some((w) => /\d{1,2}[/:]\d{2}/.test(w.text))) return false;
  // Page markers ("Page 1 of 2") are not results.
  if (/\bpage\s+\d+\s*(?:of|\/)\s*\d+/i.test(line.text)) return false;
  return true;
}

export interface RereadCandidate {
  line: number;
  word: number;
}

/** The words of a page reading worth a second look: number-shaped words of lab-table rows. */
export function selectRereadWords(res: OcrResult, max = REREAD_MAX_WORDS): RereadCandidate[] {
  const out: RereadCandidate[] = [];
  res.lines.forEach((line, li) => {
    if (!isLabRowLine(line)) return;
    line.words.forEach((w, wi) => {
      if (isNumberWord(w.text) && mayChange(line, wi)) out.push({ line: li, word: wi });
    });
  });
  // On a page with more numbers than the budget, the least confident ones first.
  if (out.length > max) {
    const conf = (c: RereadCandidate) => res.lines[c.line]!.words[c.word]!.confidence;
    return out.sort((a, b) => conf(a) - conf(b)).slice(0, max).sort((a, b) => a.line - b.line || a.word - b.word);
  }
  return out;
}

/**
 * Could any acceptance rule of judgeReread change this word, whatever the second reading says?
 * Words that no rule could touch (a well-formed "7.3" beside "4.0-10.5", a "99" with no range)
 * are not re-read: the crop readings cost time.
 */
export function mayChange(line: OcrLine, index: number): boolean {
  const text = line.words[index]!.text;
  const a = splitNumberWord(text);
  if (!a) return false;
  if (digitsOf(text) !== text || !WELL_FORMED.test(a.body)) return true; // look-alike letters, broken punctuation
  const evidence = evidenceNear(line, index);
  const want = evidence !== undefined ? decimalsOf(evidence) : undefined;
  const have = decimalsOf(a.body) ?? 0;
  const isRange = /-/.test(a.body);
  if (isRange && evenRange(a.body) === false) return true;
  if (!isRange && followsResult(line, index)) return true; // a range whose dash was lost
  if (want === undefined) return false;
  if (have < want || (want === 0 && have > 0 && !isRange)) return true; // a point lost or a speck read as one
  return !isRange && flagAgrees(a.body, a.flag, evidence) === false;
}

/** Decimals printed in a range or number ("3.5-5.0" → 1, "70-99" → 0), undefined if none. */
export function decimalsOf(text: string): number | undefined {
  const ms = [...digitsOf(text).matchAll(/\d+(?:\.(\d+))?/g)];
  if (!ms.length) return undefined;
  return Math.max(...ms.map((m) => m[1]?.length ?? 0));
}

const RANGE_SHAPE = /^\d+(?:\.\d+)?-\d+(?:\.\d+)?$/;

/**
 * The printed number beside a word that says how many decimals it should carry: for a result,
 * the reference range after it ("3.5-5.0", "<5.0", or the first half of a split "(11.7 15.9)");
 * for a range, the result before it. Up to three words away (a flag or unit may sit between).
 */
export function evidenceNear(line: OcrLine, index: number): string | undefined {
  return evidenceWord(line, index)?.text;
}

/** A printed number inside a word ("(3.5-5.0)", "<5.0", "0.0-6.0%", "{11.7"), without brackets or unit. */
function numberIn(text: string): string | undefined {
  const m = /^[([{]?((?:[<>]=?)?\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?)(?:[)\]}]|%|[A-Za-z/]+)?$/.exec(digitsOf(text));
  return m?.[1];
}

/** evidenceNear with the index of the word it came from. */
export function evidenceWord(line: OcrLine, index: number): { index: number; text: string } | undefined {
  const self = digitsOf(line.words[index]!.text);
  const isRange = /\d-\d/.test(self);
  const order = isRange ? [index - 1, index - 2, index - 3] : [index + 1, index + 2, index + 3];
  for (const i of order) {
    const w = line.words[i];
    if (!w) continue;
    const t = numberIn(w.text);
    if (t) return { index: i, text: t };
  }
  return undefined;
}

/**
 * Does the word sit in a range column: right after a result on its row (at most one word
 * between, e.g. a flag)? Only there may a second reading turn "6599" into "65-99".
 */
export function followsResult(line: OcrLine, index: number): boolean {
  for (const i of [index - 1, index - 2]) {
    const w = line.words[i];
    if (!w) continue;
    const t = numberIn(w.text);
    if (t) return !/-/.test(t) && !/^[<>]/.test(t);
  }
  return false;
}

export interface RereadContext {
  /** A neighbouring printed number (the row's range for a result, the result for a range). */
  evidence?: string;
  /** The word follows a result on its row (a range column): a dash may be found again. */
  rangeColumn?: boolean;
}

/** A number as printed: "7.3", "<0.5", "(3.5-5.0)", "4,500" (thousands); not "12,4" or "0.21.2". */
const WELL_FORMED = /^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?$/;
/** What a second reading must look like: comparator, bracket, number or range, bracket, flag. */
const READING = /^((?:[<>]=?)?[([]?)([\d.,-]*\d[\d.,-]*)([)\]]?)(HH|LL|H|L)?$/;
const SECOND_BODY = /^\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?$/;
const points = (s: string) => (s.match(/\./g) ?? []).length;
const shape = (s: string) => s.replace(/\d/g, '9');

/** Splits a number word into what surrounds the number and the number itself. */
export function splitNumberWord(text: string): { before: string; body: string; after: string; flag?: string } | null {
  const m = READING.exec(digitsOf(text));
  if (!m) return null;
  return { before: m[1]!, body: m[2]!, after: m[3]!, ...(m[4] ? { flag: m[4] } : {}) };
}

/** Both ends of a range print the same decimals ("7.5-12.5" yes, "7.5-125" no). */
function evenRange(s: string): boolean | undefined {
  if (!RANGE_SHAPE.test(s)) return undefined;
  const [lo, hi] = s.split('-');
  return decimalsOf(lo!) === decimalsOf(hi!) && Number(lo) < Number(hi);
}

/** Does a printed flag (H/L) agree with the value's place against a "low-high" range? undefined = cannot tell. */
function flagAgrees(value: string, flag: string | undefined, range: string | undefined): boolean | undefined {
  if (!flag || !range || !RANGE_SHAPE.test(range) || !/^\d+(?:\.\d+)?$/.test(value)) return undefined;
  const [lo, hi] = range.split('-').map(Number) as [number, number];
  const v = Number(value);
  return flag.startsWith('H') ? v > hi : v < lo;
}

/**
 * Orders of magnitude between a value and a reference range ("3.5-5.0") or limit ("<5.7");
 * 0 inside. A bare number (a garbled range, a neighbouring result) gives undefined: no guide.
 */
export function magnitudeGap(value: number, evidence: string): number | undefined {
  const range = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(evidence);
  const limit = /^([<>])=?(\d+(?:\.\d+)?)$/.exec(evidence);
  if (!(value > 0) || (!range && !limit)) return undefined;
  const lo = range ? Number(range[1]) : limit![1] === '>' ? Number(limit![2]) : 0;
  const hi = range ? Number(range[2]) : limit![1] === '<' ? Number(limit![2]) : Infinity;
  // "385-50.0" (a point lost in one end) guides nothing.
  if (lo > hi) return undefined;
  if (value >= lo && value <= hi) return 0;
  const near = value < lo ? lo : hi;
  return near > 0 ? Math.abs(Math.log10(value / near)) : undefined;
}

/** Would the new reading of a result sit farther (in magnitude) from its range than the old one? */
function fartherFrom(evidence: string, before: string, after: string): boolean {
  if (/-/.test(after)) return false;
  const a = magnitudeGap(Number(before), evidence);
  const b = magnitudeGap(Number(after), evidence);
  return a !== undefined && b !== undefined && b > a;
}

/**
 * Decides whether a second reading replaces the first. Returns the replacement text or null.
 * The first reading's brackets, comparator and flag stay; only the number inside changes.
 * - The second reading must be a complete number shape and reasonably confident.
 * - Look-alike letters ("1O.2") and broken punctuation ("12,4", "0.21.2") with the same digits are fixed.
 * - A decimal point the first reading lost ("73" → "7.3") needs evidence: the neighbouring range
 *   (or result) prints decimals, or a range's two ends come to print the same decimals.
 *   Removing a point needs a neighbour without decimals and a surer reading.
 * - Changing digits needs a printed flag that disagrees with the range for the first reading
 *   and agrees for the second, or a lost point found with it (range evidence, surer reading).
 */
export function acceptReread(first: Pick<OcrWord, 'text' | 'confidence'>, second: Pick<OcrWord, 'text' | 'confidence'>, ctx: RereadContext = {}): string | null {
  return judgeReread(first, second, ctx).text;
}

/** Names of the acceptance rules (traces say which one replaced a word). */
export type RereadRule = 'look-alike' | 'flag' | 'punctuation' | 'dash-found' | 'even-range' | 'point-found' | 'point-dropped' | 'digits-and-point';

const dashes = (s: string) => (s.match(/-/g) ?? []).length;
const separators = (s: string) => (s.match(/[.,-]/g) ?? []).length;

/** acceptReread with the rule that decided. */
export function judgeReread(first: Pick<OcrWord, 'text' | 'confidence'>, second: Pick<OcrWord, 'text' | 'confidence'>, ctx: RereadContext = {}): { text: string | null; rule?: RereadRule } {
  const no = { text: null };
  const a = splitNumberWord(first.text);
  const b = splitNumberWord(second.text.trim());
  if (!a || !b || !SECOND_BODY.test(b.body) || second.confidence < REREAD_MIN_CONFIDENCE) return no;
  const ca = a.body;
  const cb = b.body;
  const out = (body: string, rule: RereadRule) => {
    const t = `${a.before}${body}${a.after}${a.flag ?? ''}`;
    return t === first.text ? no : { text: t, rule };
  };
  if (ca === cb) return out(ca, 'look-alike');
  const surer = second.confidence >= first.confidence + REREAD_DIGIT_GAIN;
  const evidence = ctx.evidence !== undefined ? decimalsOf(ctx.evidence) : undefined;
  const sameDigits = ca.replace(/\D/g, '') === cb.replace(/\D/g, '');
  // Broken punctuation ("12,4", "0.21.2"): the same digits, no separator lost, now well formed.
  if (!WELL_FORMED.test(ca)) return sameDigits && separators(cb) >= separators(ca) ? out(cb, 'punctuation') : no;
  // A dash is never dropped, and found only in a range column where it makes a sound range
  // ("6599" → "65-99", "9.46" → "9-46"; not "555-0167").
  if (dashes(ca) !== dashes(cb)) {
    const found = ctx.rangeColumn && sameDigits && dashes(ca) === 0 && dashes(cb) === 1 && evenRange(cb) && second.confidence >= REREAD_DASH_CONFIDENCE;
    return found ? out(cb, 'dash-found') : no;
  }
  const isRange = dashes(ca) > 0;
  if (!isRange && flagAgrees(ca, a.flag, ctx.evidence) === false && flagAgrees(cb, a.flag, ctx.evidence) === true) return out(cb, 'flag');
  if (sameDigits) {
    if (points(cb) > points(ca)) {
      if (isRange) return evenRange(cb) && (evenRange(ca) === false || !!evidence) ? out(cb, 'even-range') : no;
      if (evidence && (decimalsOf(cb) ?? 0) <= evidence + 1 && !fartherFrom(ctx.evidence!, ca, cb)) return out(cb, 'point-found');
      return no;
    }
    if (points(cb) < points(ca)) return !isRange && evidence === 0 && surer ? out(cb, 'point-dropped') : no;
    return no;
  }
  // Other digits on confidence alone: measured wrong more often than right (dev set), so never.
  // A lost point and a misread digit at once ("77" for "7.1").
  if (!isRange && ca.replace(/\D/g, '').length === cb.replace(/\D/g, '').length && points(cb) > points(ca) && evidence && surer && !fartherFrom(ctx.evidence!, ca, cb)) return out(cb, 'digits-and-point');
  return no;
}

/** Crop rectangle around a word box, padded and clamped to the image. */
export function paddedCrop(box: Box, width: number, height: number, pad = REREAD_PAD): { left: number; top: number; width: number; height: number } {
  const h = Math.max(1, box[3] - box[1]);
  const px = Math.ceil(h * pad);
  const left = Math.max(0, box[0] - px);
  const top = Math.max(0, box[1] - px);
  const right = Math.min(width, box[2] + px);
  const bottom = Math.min(height, box[3] + px);
  return { left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}

/** The word box cropped, upscaled and framed in white, as PNG for tesseract. */
export async function wordCropPng(image: Raster, box: Box, look: CropLook = { scale: REREAD_SCALE }): Promise<Buffer> {
  const { scale } = look;
  const c = paddedCrop(box, image.width, image.height);
  const border = Math.round(c.height * 0.5 * scale);
  let img = rawSharp(image)
    .extract(c)
    .resize({ width: c.width * scale, height: c.height * scale, kernel: 'lanczos3' });
  if (look.threshold) img = sharp(await img.threshold(look.threshold).png().toBuffer());
  return greyPng(
    img.extend({ top: border, bottom: border, left: border, right: border, background: { r: 255, g: 255, b: 255 } }),
    (image.xdpi ?? 200) * scale,
  );
}

/** Replaces the `index`-th word of a line in its printed text (spacing kept), or null when not found. */
export function replaceWordInLine(line: OcrLine, index: number, text: string): string | null {
  let at = 0;
  for (let i = 0; i < line.words.length; i++) {
    const found = line.text.indexOf(line.words[i]!.text, at);
    if (found < 0) return null;
    if (i === index) return line.text.slice(0, found) + text + line.text.slice(found + line.words[i]!.text.length);
    at = found + line.words[i]!.text.length;
  }
  return null;
}

export interface RereadInfo {
  /** Words read a second time. */
  reread: number;
  /** Crop readings made (a word may get two looks). */
  reads: number;
  /** Words replaced by their second reading. */
  replaced: number;
  ms: number;
  /** Each second reading and what became of it (when asked for: tuning, debugging). */
  trace?: Array<{ first: string; firstConfidence: number; second: string; secondConfidence: number; evidence?: string; kept: string | null; rule?: RereadRule }>;
}

/** How a crop is prepared: upscaling factor, and whether it is thresholded after resampling. */
export interface CropLook {
  scale: number;
  threshold?: number;
}
/** The first look; the second only for a whole number whose neighbour prints decimals (a lost point is likely). */
export const FIRST_LOOK: CropLook = { scale: REREAD_SCALE };
export const SECOND_LOOK: CropLook = { scale: 4, threshold: 128 };

/**
 * Worth a second look: a whole number (no point, not a range) whose neighbour prints decimals,
 * and the first look found no point either.
 */
export function needsSecondLook(first: string, firstLook: string, evidence: string | undefined): boolean {
  const a = splitNumberWord(first);
  if (!a || /[.-]/.test(a.body) || !evidence || !decimalsOf(evidence)) return false;
  const b = splitNumberWord(firstLook);
  return !b || !b.body.includes('.');
}

/** One crop read: the words joined, and the least sure word's confidence. */
async function readCrop(image: Raster, box: Box, look: CropLook, pool: OcrPool): Promise<{ text: string; confidence: number } | null> {
  try {
    const png = await wordCropPng(image, box, look);
    const r = await pool.recognize(png, { psm: PSM.SINGLE_LINE, whitelist: REREAD_WHITELIST });
    return { text: r.words.map((x) => x.text).join(''), confidence: r.words.length ? Math.min(...r.words.map((x) => x.confidence)) : 0 };
  } catch {
    return null;
  }
}

/**
 * Re-reads the number words of lab-table rows on `image` (the exact image `res` was read
 * from, so boxes agree) and returns the reading with accepted replacements; boxes stay those
 * of the first reading. OCR failures of a crop keep the first reading.
 */
export async function rereadNumbers(image: Raster, res: OcrResult, pool: OcrPool, opts: { trace?: boolean } = {}): Promise<{ result: OcrResult; info: RereadInfo }> {
  const t0 = Date.now();
  const picks = selectRereadWords(res);
  const lines = res.lines.map((l) => ({ ...l, words: [...l.words] }));
  let replaced = 0;
  let reads = 0;
  const trace: NonNullable<RereadInfo['trace']> = [];
  const readings = await Promise.all(
    picks.map(async (p) => {
      const line = res.lines[p.line]!;
      const w = line.words[p.word]!;
      const ctx = { evidence: evidenceNear(line, p.word), rangeColumn: followsResult(line, p.word) };
      const one = await readCrop(image, w.box, FIRST_LOOK, pool);
      reads++;
      if (!one || acceptReread(w, one, ctx) !== null || !needsSecondLook(w.text, one.text, ctx.evidence)) return one;
      // A thresholded, larger crop separates a point that touches its digit in the first look.
      const two = await readCrop(image, w.box, SECOND_LOOK, pool);
      reads++;
      return two && acceptReread(w, two, ctx) !== null ? two : one;
    }),
  );
  const secondOf = new Map(picks.map((p, i) => [`${p.line}:${p.word}`, readings[i]]));
  picks.forEach((p, i) => {
    const second = readings[i];
    if (!second) return;
    const original = res.lines[p.line]!;
    const line = lines[p.line]!;
    const first = line.words[p.word]!;
    const rangeColumn = followsResult(original, p.word);
    const near = evidenceWord(original, p.word);
    let evidence = near?.text;
    let verdict = judgeReread(first, second, { evidence, rangeColumn });
    // A result and its range that both lost their points ("130" against "110-150"): the
    // range's own second reading, when it only adds points, is the evidence.
    const nearSecond = near && secondOf.get(`${p.line}:${near.index}`);
    const alt = nearSecond ? numberIn(nearSecond.text) : undefined;
    if (verdict.text === null && near && alt && nearSecond!.confidence >= REREAD_MIN_CONFIDENCE && alt.replace(/\D/g, '') === near.text.replace(/\D/g, '') && points(alt) > points(near.text)) {
      const joint = judgeReread(first, second, { evidence: alt, rangeColumn });
      if (joint.text !== null) [verdict, evidence] = [joint, alt];
    }
    const { text, rule } = verdict;
    if (opts.trace) trace.push({ first: first.text, firstConfidence: first.confidence, second: second.text, secondConfidence: second.confidence, evidence, kept: text, ...(rule ? { rule } : {}) });
    if (text === null) return;
    const lineText = replaceWordInLine(line, p.word, text);
    if (lineText === null) return;
    line.text = lineText;
    line.words[p.word] = { ...first, text, confidence: second.confidence };
    replaced++;
  });
  const result: OcrResult = { ...res, lines, words: lines.flatMap((l) => l.words) };
  // Words outside lines (none in practice) are kept as they were.
  if (result.words.length !== res.words.length) result.words = res.words;
  return { result, info: { reread: picks.length, reads, replaced, ms: Date.now() - t0, ...(opts.trace ? { trace } : {}) } };
}

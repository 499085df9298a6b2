/**
 * Lines one reading of a page lost that another reading of the same image geometry kept.
 *
 * On a speckled fax the median-filtered page reads surer than the descreened one, yet tesseract
 * may drop whole rows from it: the rows of a boxed form grid ("Patient | Frank Doe | DOB ...")
 * vanish once the median has made the box rules solid, and dropping them raises the page's mean
 * confidence. The other reading, made anyway to choose between the two, often holds those rows.
 * A line of the other reading is added where the chosen reading has no line at that height, when
 * it reads like text (two words or more, one of three letters or more, confident enough). Pure.
 */
import type { OcrLine, OcrResult } from './ocr-pool.js';

/** Line confidence an added line needs (tesseract's 0..100). */
export const UNION_MIN_LINE_CONFIDENCE = 60;

/** Share of the smaller line height two lines must overlap vertically to be the same row. */
const SAME_ROW_OVERLAP = 0.3;

function overlapsRow(a: OcrLine, b: OcrLine): boolean {
  const top = Math.max(a.box[1], b.box[1]);
  const bottom = Math.min(a.box[3], b.box[3]);
  const h = Math.min(a.box[3] - a.box[1], b.box[3] - b.box[1]);
  return h > 0 && bottom - top >= SAME_ROW_OVERLAP * h;
}

function readsLikeText(l: OcrLine): boolean {
  return l.confidence >= UNION_MIN_LINE_CONFIDENCE && l.words.length >= 2 && l.words.some((w) => /[A-Za-z]{3,}/.test(w.text));
}

/** `chosen` with the lines of `other` it has no row for, in reading order (top to bottom). */
export function addMissingLines(chosen: OcrResult, other: OcrResult): { result: OcrResult; added: number } {
  const extra = other.lines.filter((l) => readsLikeText(l) && !chosen.lines.some((c) => overlapsRow(c, l)));
  if (!extra.length) return { result: chosen, added: 0 };
  const lines = [...chosen.lines, ...extra].sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
  return { result: { ...chosen, lines, words: lines.flatMap((l) => l.words) }, added: extra.length };
}

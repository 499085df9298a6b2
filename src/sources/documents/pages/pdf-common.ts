/**
 * What both sides of the PDF thread share, without pdfjs: limits, the text layer's shape and
 * the test of a real text layer. The main thread imports this (not pdf.ts), so pdfjs is loaded
 * only in the PDF thread (pdf-thread.ts).
 */
import type { PageWord } from '../../../core/types.js';
import type { QuarterTurn } from './orientation.js';

/** Render budget per page: beyond it the scale is lowered (a 200-inch poster page stays bounded). */
export const MAX_RENDER_PIXELS = 40_000_000;
/**
 * Largest image pdfjs decodes (pixels). Its default is no limit: a 389 KB PDF holding one
 * 20,000×20,000 image of zeros (Flate, ~1000:1) took 3.2 GB and 38 s, and a larger one takes the
 * process down. A page scanned at 600 dpi (letter: 34 Mpx) stays under it; a larger image is
 * left out of the page (pdfjs drops it), the rest of the page and document are read.
 */
export const MAX_PDF_IMAGE_PIXELS = 50_000_000;
/** Default render resolution for OCR when the page holds no image of known resolution. */
export const DEFAULT_RENDER_DPI = 300;

export interface TextLayer {
  text: string;
  words: PageWord[];
  /** Page size in PDF points (the pixel space of `words`). */
  width: number;
  height: number;
  /** Non-space characters. */
  chars: number;
  /** The text runs sideways or upside down as displayed: it was read turned this far clockwise. */
  turned?: QuarterTurn;
}

/**
 * Share of characters that look like real text (letters, digits, common punctuation) and of
 * words that contain a vowel or digit: a broken ToUnicode map gives symbols or consonant soup.
 */
export function textLayerQuality(text: string): number {
  const chars = [...text.replace(/\s+/g, '')];
  if (!chars.length) return 0;
  const good = chars.filter((c) => /[\p{L}\p{N}.,:;()\/#%'"\-+&*@$<>=?!\[\]_°µ·]/u.test(c) && !/[\u0000-\u001f\ue000-\uf8ff\ufffd]/u.test(c)).length;
  // Mixed-case alphabetic words of 4+ letters (abbreviations such as TSH or BMP are skipped).
  const words = text.split(/\s+/).filter((w) => /^[A-Za-z]{4,}$/.test(w) && /[a-z]/.test(w));
  const voweled = words.filter((w) => /[aeiouyAEIOUY]/.test(w)).length;
  const wordScore = words.length >= 3 ? voweled / words.length : 1;
  return (good / chars.length) * wordScore;
}

/** A text layer is "real" with at least this many characters and this quality. */
export const TEXT_LAYER_MIN_CHARS = 20;
export const TEXT_LAYER_MIN_QUALITY = 0.75;


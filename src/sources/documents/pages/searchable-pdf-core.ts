/**
 * The PDF-input half of searchable PDFs, without images or OCR: pdf-lib opens the original and
 * invisible words are added on its OCR'd pages. Loaded both by searchable-pdf.ts (calling thread)
 * and by searchable-pdf-worker.ts, where the documents source runs it bounded
 * (searchable-pdf-thread.ts): pdf-lib trusts the file (README, session 14).
 */
import {
  beginText, concatTransformationMatrix, endText, PDFDocument, PDFName, PDFPage, popGraphicsState, pushGraphicsState,
  setFontAndSize, setTextMatrix, setTextRenderingMode, showText, StandardFonts, TextRenderingMode, type PDFFont,
} from 'pdf-lib';
import type { ExtractedPage } from '../../../core/types.js';
import { uprightToUser } from './orientation.js';

/** Helvetica's WinAnsi encoding cannot carry every character: others become '?'. */
function winAnsi(s: string): string {
  return s.normalize('NFC').replace(/[^\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/g, '?');
}

/**
 * Adds invisible words to a page whose visible area is `crop` (PDF user space) and whose OCR
 * pixel space is page.width×height. `rotation` (the page's /Rotate plus the turn made to read
 * it, clockwise) says how the upright reading lies on the page: the words are written turned
 * with it, so they sit on the printed words.
 */
export function addTextLayer(pdfPage: PDFPage, font: PDFFont, fontName: PDFName, page: ExtractedPage, crop: { x: number; y: number; width: number; height: number }, rotation = 0): void {
  if (!page.words?.length || !page.width || !page.height) return;
  const upright = uprightToUser(rotation + (page.turned ?? 0), crop);
  const view = { x: 0, y: 0, width: upright.width, height: upright.height };
  const sx = view.width / page.width;
  const sy = view.height / page.height;
  const ops = [pushGraphicsState(), concatTransformationMatrix(...upright.matrix), beginText(), setTextRenderingMode(TextRenderingMode.Invisible)];
  for (const w of page.words) {
    const text = winAnsi(w.text);
    if (!text.trim()) continue;
    const [x0, y0, x1, y1] = w.box;
    const h = Math.max(1, (y1 - y0) * sy);
    const size = h;
    const natural = font.widthOfTextAtSize(text, size);
    const wantW = Math.max(0.5, (x1 - x0) * sx);
    const hs = natural > 0 ? wantW / natural : 1;
    const x = view.x + x0 * sx;
    // Baseline about a fifth of the box above its bottom (descenders).
    const y = view.y + view.height - y1 * sy + h * 0.2;
    ops.push(setFontAndSize(fontName, size), setTextMatrix(hs, 0, 0, 1, x, y), showText(font.encodeText(text)));
  }
  ops.push(endText(), popGraphicsState());
  pdfPage.pushOperators(...ops);
}

/** Opens a PDF original once for several parts (`searchablePdfOfPdf`, makeSearchablePdf's `opts.source`). */
export function openPdfSource(originalBytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(originalBytes, { updateMetadata: false });
}

/**
 * The original's pages with text added on OCR'd pages (text-layer pages untouched); with
 * `only`, a new document holding copies of just those pages (1-based, the original's numbers),
 * and `source` is only read. Without `only`, `source` itself is written to.
 */
export async function searchablePdfOfPdf(source: PDFDocument, pages: ExtractedPage[], only?: number[]): Promise<Uint8Array> {
  const byNo = new Map(pages.map((p) => [p.page, p]));
  let doc = source;
  let numbers = source.getPages().map((_, i) => i + 1);
  if (only) {
    // A new document holding copies of just those pages (their resources come along).
    numbers = only.filter((n) => n >= 1 && n <= source.getPageCount());
    doc = await PDFDocument.create({ updateMetadata: false });
    for (const copied of await doc.copyPages(source, numbers.map((n) => n - 1))) doc.addPage(copied);
  }
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.getPages().forEach((pdfPage, i) => {
    const p = byNo.get(numbers[i]!);
    if (!p || p.method !== 'ocr') return;
    const fontName = pdfPage.node.newFontDictionary('VesselOcr', font.ref);
    // The page was rendered for OCR as displayed (its /Rotate applied).
    addTextLayer(pdfPage, font, fontName, p, pdfPage.getCropBox(), pdfPage.getRotation().angle);
  });
  return doc.save();
}

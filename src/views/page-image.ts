/**
 * One page of an original (PDF, TIFF, JPEG, PNG) drawn as a PNG for the document viewer, at a
 * width a screen needs (not the 300 dpi the OCR reads), with the page's word boxes read back
 * from the store in the same coordinate space: OCR boxes are in the page's square-pixel space,
 * text-layer boxes in PDF points, so both scale with the page. Uses the page decoders of
 * src/sources/documents/pages; bytes in, PNG out, no HTTP here.
 */
import type { PageWord } from '../core/types.js';
import type { Store } from '../store/store.js';
import type { PageLayout } from './types.js';
import { sharedPdfThread } from '../sources/documents/pages/pdf-thread.js';
import { decodeTiffPageSafely, tiffDirectories, type Raster } from '../sources/documents/pages/raster.js';
import { rawSharp, rotate, squarePixels } from '../sources/documents/pages/preprocess.js';
import { decodeImage, MAX_INPUT_PIXELS } from '../sources/documents/pages/read.js';

export const PAGE_FORMATS = new Set(['pdf', 'tiff', 'png', 'jpeg']);
/** Default and largest widths drawn (pixels): sharp on a desktop screen, small enough to send. */
export const PAGE_WIDTH = 1200;
export const MAX_PAGE_WIDTH = 2400;

/** The original cannot be drawn (corrupt, password): said in plain words. */
export class PageImageError extends Error {}

/** Word boxes of one stored page (none for pages read without boxes). */
export async function pageLayout(store: Store, documentId: string, page: number): Promise<PageLayout | undefined> {
  const row = await store.db.selectFrom('pages').select(['page_no', 'layout_json']).where('document_id', '=', documentId).where('page_no', '=', page).executeTakeFirst();
  if (!row) return undefined;
  let layout: { width?: unknown; height?: unknown; words?: unknown; turned?: unknown } = {};
  try {
    layout = row.layout_json ? JSON.parse(row.layout_json) : {};
  } catch {
    // A damaged layout leaves the page without boxes; the text is still shown.
  }
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : undefined);
  const words = Array.isArray(layout.words) ? (layout.words as PageWord[]).filter((w) => typeof w?.text === 'string' && Array.isArray(w.box) && w.box.length === 4) : [];
  const turned = [90, 180, 270].includes(layout.turned as number) ? (layout.turned as number) : undefined;
  return { page: row.page_no, width: num(layout.width), height: num(layout.height), words, ...(turned ? { turned } : {}) };
}

/** A PDF page drawn by pdfjs in the PDF thread (bounded memory and time, pdf-thread.ts). */
async function pdfPage(bytes: Uint8Array, n: number, width: number): Promise<Raster | undefined> {
  const opened = await sharedPdfThread().open(bytes);
  if (!opened.ok) throw new PageImageError(opened.message);
  const doc = opened.doc;
  try {
    if (n > doc.numPages) return undefined;
    const points = (await doc.size(n)).width;
    // A little over the width (pdfjs rounds the canvas down), then scaled to it exactly.
    const dpi = Math.min(300, Math.max(36, ((width + 2) / points) * 72));
    return (await doc.render(n, dpi)).value;
  } catch (e) {
    throw new PageImageError(`Page ${n} of the PDF could not be drawn: ${(e as Error).message}`);
  } finally {
    await doc.close();
  }
}

async function tiffPage(bytes: Uint8Array, n: number): Promise<Raster | undefined> {
  let dirs: ReturnType<typeof tiffDirectories>;
  try {
    dirs = tiffDirectories(bytes);
  } catch (e) {
    throw new PageImageError(`The TIFF could not be read: ${(e as Error).message}`);
  }
  const dir = dirs.pages[n - 1];
  if (!dir) return undefined;
  if (dir.width * dir.height > MAX_INPUT_PIXELS) throw new PageImageError(`Page ${n} is too large to draw (${dir.width}×${dir.height} pixels).`);
  try {
    return await decodeTiffPageSafely(bytes, dirs.ifds, dir);
  } catch (e) {
    throw new PageImageError(`Page ${n} of the TIFF could not be decoded: ${(e as Error).message}`);
  }
}

/**
 * Page `n` (1-based, of this file) as a grey PNG `width` pixels wide at most; undefined when
 * the file has no such page. Fax pixels (204×98 dpi) are made square first, as the OCR did,
 * so word boxes line up; a page read turned is drawn upright.
 */
export async function renderPageImage(bytes: Uint8Array, format: string, n: number, opts: { width?: number; turned?: number } = {}): Promise<Buffer | undefined> {
  const width = Math.min(MAX_PAGE_WIDTH, Math.max(100, opts.width ?? PAGE_WIDTH));
  let raster: Raster | undefined;
  if (format === 'pdf') raster = await pdfPage(bytes, n, width);
  else if (format === 'tiff') raster = await tiffPage(bytes, n);
  else if (format === 'png' || format === 'jpeg') {
    if (n !== 1) return undefined;
    const d = await decodeImage(bytes);
    if ('error' in d) throw new PageImageError(d.error.message);
    raster = d.raster;
  } else throw new PageImageError(`a ${format} document has no pages to draw`);
  if (!raster) return undefined;
  raster = await squarePixels(raster);
  if (opts.turned) raster = await rotate(raster, opts.turned);
  const img = raster.width > width ? rawSharp(raster).resize({ width }) : rawSharp(raster);
  return img.png({ compressionLevel: 6 }).toBuffer();
}

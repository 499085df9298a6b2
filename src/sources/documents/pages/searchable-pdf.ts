/**
 * Searchable PDF: the original page images with an invisible text layer (render mode 3)
 * placed at the OCR word boxes, so a viewer can search and select. The original file in the
 * vault is never changed; this builds a new PDF. The PDF-input half (pdf-lib parsing a stranger's
 * file) is in searchable-pdf-core.ts, which the documents source runs in a bounded thread
 * (searchable-pdf-thread.ts); called here it runs on the calling thread.
 */
import { deflateSync } from 'node:zlib';
import { concatTransformationMatrix, drawObject, PDFDocument, PDFPage, popGraphicsState, pushGraphicsState, StandardFonts } from 'pdf-lib';
import type { ExtractedPage } from '../../../core/types.js';
import { decodeImage, type PageFormat } from './read.js';
import { addTextLayer, openPdfSource, searchablePdfOfPdf } from './searchable-pdf-core.js';
import { decodeTiffPageSafely, tiffDirectories, type Raster } from './raster.js';

/** Adds a grey raster as a full-page image (1-bit when it is bilevel), Flate-compressed. */
function drawRaster(doc: PDFDocument, pdfPage: PDFPage, r: Raster, name: string): void {
  let bilevel = true;
  for (let i = 0; i < r.data.length; i++) {
    const v = r.data[i];
    if (v !== 0 && v !== 255) {
      bilevel = false;
      break;
    }
  }
  let bytes: Uint8Array;
  let bpc: number;
  if (bilevel) {
    const stride = Math.ceil(r.width / 8);
    bytes = new Uint8Array(stride * r.height);
    for (let y = 0; y < r.height; y++) {
      for (let x = 0; x < r.width; x++) if (r.data[y * r.width + x]) bytes[y * stride + (x >> 3)] |= 0x80 >> (x & 7);
    }
    bpc = 1;
  } else {
    bytes = r.data;
    bpc = 8;
  }
  const stream = doc.context.stream(deflateSync(bytes), {
    Type: 'XObject', Subtype: 'Image', Width: r.width, Height: r.height, ColorSpace: 'DeviceGray', BitsPerComponent: bpc, Filter: 'FlateDecode',
  });
  const ref = doc.context.register(stream);
  const key = pdfPage.node.newXObject(name, ref);
  const { width, height } = pdfPage.getSize();
  pdfPage.pushOperators(pushGraphicsState(), concatTransformationMatrix(width, 0, 0, height, 0, 0), drawObject(key), popGraphicsState());
}

const pageSizePts = (w: number, h: number, xdpi?: number, ydpi?: number): [number, number] => {
  const xd = xdpi && xdpi >= 50 ? xdpi : 200;
  const yd = ydpi && ydpi >= 50 ? ydpi : xd;
  return [(w / xd) * 72, (h / yd) * 72];
};

export interface SearchablePdfOptions {
  /**
   * Only these pages of the original, in this order (1-based, the original's numbers): the
   * file of one document split out of a fax transmission. Default: every page.
   */
  only?: number[];
  /**
   * The original already opened by pdf-lib (PDF input), when several parts of one file are
   * made one after another: opening a 2,000-page file once per part would cost its size each time.
   */
  source?: PDFDocument;
}

/**
 * Builds a searchable PDF from the original bytes and the pages readPages produced (numbered
 * as in the original). PDF input: the original's pages with text added on OCR'd pages
 * (text-layer pages untouched). TIFF/JPEG/PNG: one PDF page per image page at its true size.
 * The same input gives the same bytes (no dates or producer written). Throws on unreadable input.
 */
export async function makeSearchablePdf(originalBytes: Uint8Array, format: PageFormat, pages: ExtractedPage[], opts: SearchablePdfOptions = {}): Promise<Uint8Array> {
  const byNo = new Map(pages.map((p) => [p.page, p]));
  const wanted = opts.only ? new Set(opts.only) : undefined;
  if (format === 'pdf') {
    if (opts.source && !opts.only) throw new Error('a shared source is only read, never written: pass `only`');
    return searchablePdfOfPdf(opts.source ?? (await openPdfSource(originalBytes)), pages, opts.only);
  }
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  if (format === 'jpeg') {
    const d = await decodeImage(originalBytes);
    const img = await doc.embedJpg(originalBytes);
    const r = 'raster' in d ? d.raster : undefined;
    const [w, h] = pageSizePts(img.width, img.height, r?.xdpi, r?.ydpi);
    const pdfPage = doc.addPage([w, h]);
    // EXIF-rotated photos: draw the decoded (upright) raster instead of the original JPEG.
    if (r && (r.width !== img.width || r.height !== img.height)) drawRaster(doc, pdfPage, r, 'Im1');
    else pdfPage.drawImage(img, { x: 0, y: 0, width: w, height: h });
    const p = byNo.get(1);
    if (p) addTextLayer(pdfPage, font, pdfPage.node.newFontDictionary('VesselOcr', font.ref), p, { x: 0, y: 0, width: w, height: h });
    return doc.save();
  }
  const rasters: AsyncGenerator<{ raster: Raster; pageNo: number }> = (async function* () {
    if (format === 'png') {
      const d = await decodeImage(originalBytes);
      if ('error' in d) throw new Error(d.error.message);
      yield { raster: d.raster, pageNo: 1 };
      return;
    }
    const dirs = tiffDirectories(originalBytes);
    const list = dirs.pages.filter((pg) => !(((dirs.ifds[pg.index].t254 as number[] | undefined)?.[0] ?? 0) & 1));
    const numbers = opts.only ?? list.slice(0, pages.length || list.length).map((_, i) => i + 1);
    // Only the pages asked for are decoded.
    for (const n of numbers) if (list[n - 1]) yield { raster: await decodeTiffPageSafely(originalBytes, dirs.ifds, list[n - 1]!), pageNo: n };
  })();
  let n = 0;
  for await (const { raster: r, pageNo } of rasters) {
    if (wanted && !wanted.has(pageNo)) continue;
    n++;
    const [w, h] = pageSizePts(r.width, r.height, r.xdpi, r.ydpi);
    const pdfPage = doc.addPage([w, h]);
    drawRaster(doc, pdfPage, r, `Im${n}`);
    const p = byNo.get(pageNo);
    if (p) addTextLayer(pdfPage, font, pdfPage.node.newFontDictionary('VesselOcr', font.ref), p, { x: 0, y: 0, width: w, height: h });
  }
  return doc.save();
}

export { openPdfSource };

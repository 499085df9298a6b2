/**
 * readPages: a PDF, TIFF, JPEG or PNG becomes page texts with word boxes, one page at a time
 * (a 200-page fax stays in bounded memory: at most `lookahead` pages are decoded at once).
 * Never throws for bad input: problems come back as issues.
 */
import sharp from 'sharp';
import type { ExtractedPage, ExtractionIssue } from '../../../core/types.js';
import type { OcrPool } from './ocr-pool.js';
import { ocrRaster, type OcrPageInfo } from './ocr-page.js';
import { DEFAULT_RENDER_DPI, MAX_PDF_IMAGE_PIXELS, TEXT_LAYER_MIN_CHARS, TEXT_LAYER_MIN_QUALITY, textLayerQuality } from './pdf-common.js';
import { PdfLimitError, pdfWarningIssue, sharedPdfThread, type PdfThread } from './pdf-thread.js';
import { turnedIssue } from './orientation.js';
import { decodeTiffPageSafely, tiffDirectories, type Raster, type TiffDirectory } from './raster.js';
import { isQuietBilevel, toRaster } from './preprocess.js';

export type PageFormat = 'pdf' | 'tiff' | 'jpeg' | 'png';

/** Images larger than this are refused (a decompression bomb or a poster, not a page). */
export const MAX_INPUT_PIXELS = 1_000_000_000;
/**
 * Images (and TIFF pages) above this many pixels are decoded downscaled to it. A TIFF page
 * below it is decoded whole (bilevel fax pages by libvips, others by utif2 at 5 bytes a pixel
 * while decoding); above it, libvips
 * reads the page strip by strip while shrinking it (a 20,000×20,000 fax page: ~170 MB
 * instead of 2 GB).
 */
export const MAX_DECODE_PIXELS = 40_000_000;
/** Pages read when the caller sets no maxPages. */
export const DEFAULT_MAX_PAGES = 2000;

export interface ReadOptions {
  /** OCR pool; without one, pages that need OCR come back empty with an 'ocr-unavailable' issue. */
  ocr?: OcrPool;
  /** Password of an encrypted PDF. */
  password?: string;
  /** Stop after this many pages (an information issue says so). */
  maxPages?: number;
  /** Pages prepared/OCR'd concurrently; default = pool size. */
  lookahead?: number;
  /** Thread pdfjs runs in (bounded memory and time); default: the process's `sharedPdfThread()`. */
  pdf?: PdfThread;
}

/**
 * Pages in a row that exceed the PDF thread's limits before the rest of the document is given
 * up (a hostile object shared by every page would otherwise cost a budget per page).
 */
export const MAX_PDF_LIMIT_PAGES = 3;

/**
 * One step of reading. `pageNumber` 0 carries document-level issues (password, corrupt file,
 * page limit); otherwise `page` is the page's text (possibly '' for blank or unreadable pages).
 */
export interface PageRead {
  pageNumber: number;
  /** Pages in the document, when known. */
  pageCount?: number;
  page?: ExtractedPage;
  issues: ExtractionIssue[];
  /** OCR details (blank, skew, denoise…) for OCR'd pages. */
  ocr?: OcrPageInfo;
}

const docIssue = (severity: ExtractionIssue['severity'], code: string, message: string): PageRead => ({ pageNumber: 0, issues: [{ severity, code, message }] });

/** A unit of work producing one PageRead; started lazily so only `lookahead` run at once. */
type Task = () => Promise<PageRead>;

/** Runs tasks with at most `n` in flight, yielding results in order. */
async function* ordered(tasks: AsyncIterable<Task>, n: number): AsyncGenerator<PageRead> {
  const inflight: Promise<PageRead>[] = [];
  for await (const t of tasks) {
    inflight.push(t());
    if (inflight.length >= n) yield await inflight.shift()!;
  }
  while (inflight.length) yield await inflight.shift()!;
}

async function ocrOrEmpty(r: Raster, pageNumber: number, pageCount: number | undefined, opts: ReadOptions): Promise<PageRead> {
  if (!opts.ocr) {
    return {
      pageNumber,
      pageCount,
      page: { page: pageNumber, text: '', method: 'ocr', width: r.width, height: r.height, words: [] },
      issues: [{ severity: 'warning', code: 'ocr-unavailable', message: `Page ${pageNumber} is an image and no OCR was available.`, location: { page: pageNumber } }],
    };
  }
  const { page, issues, info } = await ocrRaster(r, pageNumber, opts.ocr);
  return { pageNumber, pageCount, page, issues, ocr: info };
}

const errorRead = (pageNumber: number, code: string, message: string, pageCount?: number): PageRead => ({
  pageNumber,
  pageCount,
  page: { page: pageNumber, text: '', method: 'ocr', words: [] },
  issues: [{ severity: 'error', code, message, location: { page: pageNumber } }],
});

async function* pdfTasks(bytes: Uint8Array, opts: ReadOptions, out: PageRead[]): AsyncGenerator<Task> {
  // pdfjs runs in a worker thread with a heap limit and a time budget per operation
  // (pdf-thread.ts): a page that exceeds them is an error page, and the next page is read in a
  // new thread.
  const opened = await (opts.pdf ?? sharedPdfThread()).open(bytes, opts.password);
  if (!opened.ok) {
    out.push(docIssue('error', opened.code, opened.message));
    return;
  }
  const doc = opened.doc;
  if (opened.repaired) out.push(docIssue('warning', 'pdf-repaired', 'The PDF is damaged: it ends before its index (cut short in a download or a transfer). The pages found in it were read; pages after the cut are missing. The original file is kept.'));
  try {
    const count = doc.numPages;
    const max = Math.min(count, opts.maxPages ?? DEFAULT_MAX_PAGES);
    if (max < count) out.push(docIssue('information', 'page-limit', `Only the first ${max} of ${count} pages were read.`));
    let limitsInARow = 0;
    for (let n = 1; n <= max; n++) {
      // Text layer and rendering happen here, in order (one pdfjs thread); OCR runs in the task.
      let ready: Promise<PageRead>;
      try {
        const warned = new Set<string>();
        const tl = await doc.textLayer(n);
        tl.warnings.forEach((w) => warned.add(w));
        const text = tl.value;
        if (text.chars >= TEXT_LAYER_MIN_CHARS && textLayerQuality(text.text) >= TEXT_LAYER_MIN_QUALITY) {
          const turned = text.turned ? { turned: text.turned } : {};
          ready = Promise.resolve({ pageNumber: n, pageCount: count, page: { page: n, text: text.text, method: 'text-layer', width: text.width, height: text.height, words: text.words, ...turned }, issues: text.turned ? [turnedIssue(n, text.turned, 'text')] : [] });
        } else {
          const probe = await doc.imageDpi(n);
          probe.warnings.forEach((w) => warned.add(w));
          const native = probe.value;
          const dpi = native ? Math.min(400, Math.max(150, native.xdpi, native.ydpi)) : DEFAULT_RENDER_DPI;
          // A quiet standard-fax image (204×98 dpi, 1 bit) is drawn at its own grid, i.e. its stored
          // pixels, and stretched to square pixels by the OCR pipeline as a TIFF fax is; the canvas's
          // stretch to 204 dpi read thin print worse (README, session 14). Noisy, dithered or
          // resampled ones (not bilevel at that grid) are drawn square as before.
          let rendered: Awaited<ReturnType<typeof doc.render>> | undefined;
          if (native?.bilevel && Math.abs(native.xdpi / native.ydpi - 1) >= 0.1 && Math.min(native.xdpi, native.ydpi) >= 50) {
            const stored = await doc.render(n, native.xdpi, native.ydpi);
            if (isQuietBilevel(stored.value)) rendered = stored;
          }
          rendered ??= await doc.render(n, dpi);
          rendered.warnings.forEach((w) => warned.add(w));
          // A 1-bit fax image rendered at another scale gains grey edges: still a fax, not a photo.
          const raster = native?.bilevel ? { ...rendered.value, bilevelSource: true } : rendered.value;
          const issues: ExtractionIssue[] = text.chars > 0 ? [{ severity: 'information', code: 'text-layer-unusable', message: `Page ${n} has a text layer that does not look like real text; it was OCR'd.`, location: { page: n } }] : [];
          for (const w of warned) {
            const issue = pdfWarningIssue(w, n, MAX_PDF_IMAGE_PIXELS);
            if (issue && !issues.some((i) => i.code === issue.code)) issues.push(issue);
          }
          ready = ocrOrEmpty(raster, n, count, opts).then((r) => ({ ...r, issues: [...issues, ...r.issues] }));
        }
        limitsInARow = 0;
      } catch (e) {
        if (e instanceof PdfLimitError) {
          ready = Promise.resolve(errorRead(n, 'pdf-page-too-costly', `Page ${n} of the PDF was not read: ${e.message} The original file is kept.`, count));
          if (++limitsInARow >= MAX_PDF_LIMIT_PAGES && n < max) {
            out.push(docIssue('error', 'pdf-too-costly', `Pages ${n - limitsInARow + 1}–${n} of the PDF exceeded the reader's limits in a row; pages ${n + 1}–${max} were not read. The original file is kept.`));
            ready.catch(() => undefined);
            yield () => ready;
            return;
          }
        } else ready = Promise.resolve(errorRead(n, 'pdf-page-unreadable', `Page ${n} of the PDF could not be read: ${(e as Error)?.message ?? String(e)}`, count));
      }
      ready.catch(() => undefined);
      yield () => ready;
    }
  } finally {
    // Closed once every task has been handed out; rasters were moved out of the thread.
    await doc.close();
  }
}

async function* tiffTasks(bytes: Uint8Array, opts: ReadOptions, out: PageRead[]): AsyncGenerator<Task> {
  let dirs: ReturnType<typeof tiffDirectories>;
  try {
    dirs = tiffDirectories(bytes);
  } catch (e) {
    out.push(docIssue('error', 'tiff-corrupt', `The TIFF could not be read: ${(e as Error)?.message ?? String(e)}`));
    return;
  }
  if (dirs.repairs.length) out.push(docIssue('warning', 'tiff-repaired', `The TIFF's structure is damaged; what could not be trusted was ignored: ${dirs.repairs.slice(0, 3).join('; ')}${dirs.repairs.length > 3 ? ` (and ${dirs.repairs.length - 3} more)` : ''}.`));
  // Skip reduced-resolution copies (thumbnails: NewSubfileType bit 0).
  const pages = dirs.pages.filter((p) => !(((dirs.ifds[p.index].t254 as number[] | undefined)?.[0] ?? 0) & 1));
  if (!pages.length) {
    out.push(docIssue('error', 'tiff-corrupt', 'The TIFF holds no readable image.'));
    return;
  }
  const max = Math.min(pages.length, opts.maxPages ?? DEFAULT_MAX_PAGES);
  if (max < pages.length) out.push(docIssue('information', 'page-limit', `Only the first ${max} of ${pages.length} pages were read.`));
  for (let i = 0; i < max; i++) {
    const n = i + 1;
    const dir = pages[i];
    yield async () => {
      if (dir.width * dir.height > MAX_INPUT_PIXELS) return errorRead(n, 'image-too-large', `Page ${n} is ${dir.width}×${dir.height} pixels, beyond the ${MAX_INPUT_PIXELS / 1e6} megapixel limit.`, max);
      let raster: Raster;
      const issues: ExtractionIssue[] = [];
      try {
        if (dir.width * dir.height > MAX_DECODE_PIXELS) {
          raster = await decodeLargeTiffPage(bytes, dirs.pages.indexOf(dir), dir);
          issues.push({ severity: 'information', code: 'page-downscaled', message: `Page ${n} is ${dir.width}×${dir.height} pixels; it was read downscaled to ${raster.width}×${raster.height}.`, location: { page: n } });
        } else raster = await decodeTiffPageSafely(bytes, dirs.ifds, dir);
      } catch (e) {
        return errorRead(n, 'tiff-page-corrupt', `Page ${n} of the TIFF could not be decoded: ${(e as Error)?.message ?? String(e)}`, pages.length);
      }
      const r = await ocrOrEmpty(raster, n, pages.length, opts);
      return issues.length ? { ...r, issues: [...issues, ...r.issues] } : r;
    };
  }
}

/**
 * A TIFF page too large to decode whole, read by libvips (libtiff: G3/G4, LZW, …) shrinking
 * as it goes. `page` is the directory's place in the file's chain of directories.
 */
async function decodeLargeTiffPage(bytes: Uint8Array, page: number, dir: { width: number; height: number; xdpi?: number; ydpi?: number }): Promise<Raster> {
  const img = sharp(bytes, { page, limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated' });
  const meta = await img.metadata();
  if (meta.width !== dir.width || meta.height !== dir.height) throw new Error(`directory ${page + 1} is ${meta.width}×${meta.height} for libvips, ${dir.width}×${dir.height} for utif2`);
  const f = Math.sqrt(MAX_DECODE_PIXELS / (dir.width * dir.height));
  const width = Math.max(1, Math.floor(dir.width * f));
  const height = Math.max(1, Math.floor(dir.height * f));
  return toRaster(img.resize({ width, height, fit: 'fill' }).flatten({ background: '#ffffff' }), dir.xdpi && dir.xdpi * f, dir.ydpi && dir.ydpi * f);
}

/**
 * Resolution stored in a PNG pHYs chunk or a JPEG JFIF header, per axis (sharp reports one
 * density only, and a 204×98 dpi fax PNG needs both).
 */
export function imageResolution(b: Uint8Array): { xdpi: number; ydpi: number } | undefined {
  const u32 = (i: number) => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
  if (b[0] === 0x89 && b[1] === 0x50) {
    for (let i = 8; i + 12 <= b.length && i < 1 << 20; ) {
      const len = u32(i);
      const type = String.fromCharCode(b[i + 4], b[i + 5], b[i + 6], b[i + 7]);
      if (type === 'pHYs' && len >= 9) {
        const x = u32(i + 8);
        const y = u32(i + 12);
        return b[i + 16] === 1 && x && y ? { xdpi: x * 0.0254, ydpi: y * 0.0254 } : undefined;
      }
      if (type === 'IDAT' || type === 'IEND') return undefined;
      i += 12 + len;
    }
    return undefined;
  }
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff && b[3] === 0xe0 && String.fromCharCode(b[6], b[7], b[8], b[9]) === 'JFIF') {
    const unit = b[13];
    const x = (b[14] << 8) | b[15];
    const y = (b[16] << 8) | b[17];
    if (!x || !y || unit === 0) return undefined;
    return unit === 2 ? { xdpi: x * 2.54, ydpi: y * 2.54 } : { xdpi: x, ydpi: y };
  }
  return undefined;
}

/**
 * Decodes a JPEG/PNG (EXIF orientation applied, downscaled when huge) to grey. An image cut
 * short (an upload or a transfer that stopped part way) is decoded as far as its data goes, the
 * rest of the page left blank, with a warning (`truncated`): its top part is still a page to read.
 */
export async function decodeImage(bytes: Uint8Array): Promise<{ raster: Raster; truncated?: ExtractionIssue } | { error: ExtractionIssue }> {
  const whole = await decodeImageAs(bytes, 'truncated');
  if (!('error' in whole) || !/premature end|truncated|unexpected end|end of stream|not enough data/i.test(whole.error.message)) return whole;
  const part = await decodeImageAs(bytes, 'none');
  if ('error' in part) return whole;
  return { ...part, truncated: { severity: 'warning', code: 'image-truncated', message: `The image file ends early (${whole.error.message.replace(/^The image could not be decoded: /, '')}): the part of the page it holds was read; the rest of the page is missing. The original file is kept.` } };
}

async function decodeImageAs(bytes: Uint8Array, failOn: 'truncated' | 'none'): Promise<{ raster: Raster } | { error: ExtractionIssue }> {
  try {
    const img = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn });
    const meta = await img.metadata();
    const w = meta.width ?? 0;
    const h = meta.height ?? 0;
    if (!w || !h) return { error: { severity: 'error', code: 'image-corrupt', message: 'The image has no size; it could not be read.' } };
    // Orientation 5–8 swaps width and height.
    const [ow, oh] = (meta.orientation ?? 1) >= 5 ? [h, w] : [w, h];
    // Unknown or screen density: assume the image spans a US Letter page width.
    const res = imageResolution(bytes);
    const swapped = (meta.orientation ?? 1) >= 5;
    const fallback = Math.max(72, Math.round(ow / 8.5));
    let xd = res && res.xdpi >= 50 ? (swapped ? res.ydpi : res.xdpi) : fallback;
    let yd = res && res.ydpi >= 50 ? (swapped ? res.xdpi : res.ydpi) : fallback;
    // A "72 dpi" camera photo says nothing about the page: estimate from the width instead.
    if (Math.max(xd, yd) < 100) xd = yd = fallback;
    let pipeline = img.rotate();
    const px = ow * oh;
    let f = 1;
    if (px > MAX_DECODE_PIXELS) {
      f = Math.sqrt(MAX_DECODE_PIXELS / px);
      pipeline = pipeline.resize({ width: Math.floor(ow * f), height: Math.floor(oh * f), fit: 'fill' });
    }
    const raster = await toRaster(pipeline.flatten({ background: '#ffffff' }), xd * f, yd * f);
    return { raster };
  } catch (e) {
    const msg = (e as Error)?.message ?? String(e);
    if (/pixel limit/i.test(msg)) return { error: { severity: 'error', code: 'image-too-large', message: `The image exceeds the ${MAX_INPUT_PIXELS / 1e6} megapixel limit.` } };
    return { error: { severity: 'error', code: 'image-corrupt', message: `The image could not be decoded: ${msg}` } };
  }
}

async function* imageTasks(bytes: Uint8Array, opts: ReadOptions): AsyncGenerator<Task> {
  yield async () => {
    const d = await decodeImage(bytes);
    if ('error' in d) return { pageNumber: 1, pageCount: 1, page: { page: 1, text: '', method: 'ocr', words: [] }, issues: [{ ...d.error, location: { page: 1 } }] };
    const read = await ocrOrEmpty(d.raster, 1, 1, opts);
    return d.truncated ? { ...read, issues: [{ ...d.truncated, location: { page: 1 } }, ...read.issues] } : read;
  };
}

/**
 * Reads a document page by page. Yields one PageRead per page in order, plus PageReads with
 * pageNumber 0 for document-level issues (an encrypted PDF yields only that).
 */
export async function* readPages(bytes: Uint8Array, format: PageFormat, opts: ReadOptions = {}): AsyncGenerator<PageRead> {
  const docIssues: PageRead[] = [];
  const n = Math.max(1, opts.lookahead ?? opts.ocr?.size ?? 1);
  let tasks: AsyncGenerator<Task>;
  if (format === 'pdf') tasks = pdfTasks(bytes, opts, docIssues);
  else if (format === 'tiff') tasks = tiffTasks(bytes, opts, docIssues);
  else if (format === 'jpeg' || format === 'png') tasks = imageTasks(bytes, opts);
  else {
    yield docIssue('error', 'unsupported-format', `Format ${String(format)} is not a page format.`);
    return;
  }
  try {
    for await (const r of ordered(tasks, n)) yield r;
  } catch (e) {
    yield docIssue('error', 'read-failed', `Reading stopped: ${(e as Error)?.message ?? String(e)}`);
  }
  for (const d of docIssues.splice(0)) yield d;
}

/** Collects every page and issue (small documents, tests). */
export async function readAllPages(bytes: Uint8Array, format: PageFormat, opts: ReadOptions = {}): Promise<{ pages: ExtractedPage[]; issues: ExtractionIssue[]; reads: PageRead[] }> {
  const pages: ExtractedPage[] = [];
  const issues: ExtractionIssue[] = [];
  const reads: PageRead[] = [];
  for await (const r of readPages(bytes, format, opts)) {
    reads.push(r);
    if (r.page) pages.push(r.page);
    issues.push(...r.issues);
  }
  return { pages, issues, reads };
}

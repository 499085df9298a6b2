/**
 * PDF pages through pdfjs-dist (legacy build, no eval, no scripting, local fonts/cmaps/wasm):
 * the text layer with word boxes when it is real, else a grey raster for OCR. Documents are
 * read through pdf-thread.ts, which runs these functions in a worker thread (pdf-worker.ts)
 * with a heap limit and a time budget; called directly they run on the calling thread.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PageWord } from '../../../core/types.js';
import { dominantDirection, type QuarterTurn } from './orientation.js';
import { withRecoveredTrailer } from './pdf-repair.js';
import { MAX_PDF_IMAGE_PIXELS, MAX_RENDER_PIXELS, type TextLayer } from './pdf-common.js';
import type { Raster } from './raster.js';

export * from './pdf-common.js';

const require = createRequire(import.meta.url);
const PDFJS_ROOT = dirname(require.resolve('pdfjs-dist/package.json'));
const dir = (name: string) => join(PDFJS_ROOT, name) + '/';

export type PdfOpenResult =
  /** `repaired`: the file was cut short and opened with a trailer added (pdf-repair.ts). */
  | { ok: true; doc: PDFDocumentProxy; repaired?: boolean }
  | { ok: false; code: 'pdf-password' | 'pdf-password-wrong' | 'pdf-corrupt'; message: string };

/**
 * Opens a PDF; password problems and corrupt files come back as codes, never thrown.
 * `verbosity` 1 makes pdfjs report its warnings through console.warn (pdf-worker.ts collects
 * them); 0 (the default) only errors.
 */
export async function openPdf(bytes: Uint8Array, password?: string, opts: { verbosity?: number } = {}): Promise<PdfOpenResult> {
  const first = await openPdfAsIs(bytes, password, opts);
  if (first.ok || first.code !== 'pdf-corrupt') return first;
  // Cut short? The pages before the cut are still in the file.
  const mended = withRecoveredTrailer(bytes);
  if (!mended) return first;
  const second = await openPdfAsIs(mended, password, opts);
  return second.ok && second.doc.numPages > 0 ? { ...second, repaired: true } : first;
}

async function openPdfAsIs(bytes: Uint8Array, password: string | undefined, opts: { verbosity?: number }): Promise<PdfOpenResult> {
  try {
    const task = getDocument({
      data: new Uint8Array(bytes), // pdfjs transfers (detaches) the buffer it is given: pass a copy
      password,
      isEvalSupported: false,
      enableXfa: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      maxImageSize: MAX_PDF_IMAGE_PIXELS,
      wasmUrl: dir('wasm'),
      standardFontDataUrl: dir('standard_fonts'),
      cMapUrl: dir('cmaps'),
      cMapPacked: true,
      iccUrl: dir('iccs'),
      verbosity: opts.verbosity ?? 0,
    });
    const doc = await task.promise;
    return { ok: true, doc };
  } catch (e) {
    const err = e as { name?: string; code?: number; message?: string };
    if (err?.name === 'PasswordException') {
      // code 1 = NEED_PASSWORD, 2 = INCORRECT_PASSWORD
      return err.code === 2 && password !== undefined
        ? { ok: false, code: 'pdf-password-wrong', message: 'The password given for this PDF is not correct.' }
        : { ok: false, code: 'pdf-password', message: 'This PDF is protected by a password. Supply the password to read it.' };
    }
    return { ok: false, code: 'pdf-corrupt', message: `The PDF could not be opened: ${err?.message ?? String(e)}` };
  }
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

/**
 * The spaces standing for a gap between two runs of text on a line: one for a word space, and
 * for a gap wider than two average characters (about a type size), one per average character
 * it spans (half the type size), so columns stay apart as they are in OCR readings (tesseract
 * keeps wide gaps) and in `pdftotext -layout`: the structuring reads table cells, captions and
 * their values by those gaps. A single space had put "Specimen ID: 1095119418 Synthberg, Eric H"
 * on one cell.
 */
export function spacesFor(gap: number, size: number): string {
  if (gap < size * 0.9) return ' ';
  return ' '.repeat(Math.min(60, Math.max(2, Math.round(gap / (size * 0.5)))));
}

/**
 * Reads a page's text layer: items grouped into lines top to bottom, words with boxes in
 * points. A page whose text runs sideways as displayed (a /Rotate that turns horizontal text,
 * or text drawn sideways) is read in a view turned so the text runs left to right; `turned`
 * says by how much, and the boxes and size are those of that view.
 */
export async function pageTextLayer(page: PDFPageProxy): Promise<TextLayer> {
  const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
  const items = (content.items as TextItemLike[]).filter((it) => 'str' in it && !!it.str);
  const shown = page.getViewport({ scale: 1 });
  const turned = ((360 - textDirection(items, shown)) % 360) as QuarterTurn;
  const vp = turned ? page.getViewport({ scale: 1, rotation: (page.rotate + turned) % 360 }) : shown;
  type Placed = { str: string; x0: number; x1: number; y0: number; y1: number; h: number; tilted: boolean };
  const placed: Placed[] = [];
  for (const it of items) {
    if (!('str' in it) || !it.str) continue;
    // Item origin (baseline start) and end in viewport pixels (top-left origin).
    const [a, b, , , e, f] = it.transform;
    const h = Math.hypot(it.transform[2], it.transform[3]) || it.height || 1;
    const p0 = vp.convertToViewportPoint(e, f);
    const angle = Math.atan2(b, a);
    const p1 = vp.convertToViewportPoint(e + it.width * Math.cos(angle), f + it.width * Math.sin(angle));
    const x0 = Math.min(p0[0], p1[0]);
    const x1 = Math.max(p0[0], p1[0]);
    const yb = Math.max(p0[1], p1[1]);
    // A stamp or watermark drawn at a slant is not part of the lines it crosses.
    const tilted = Math.abs(p1[1] - p0[1]) > Math.abs(p1[0] - p0[0]) * TILT;
    placed.push({ str: it.str, x0, x1, y0: yb - h * 0.85, y1: yb + h * 0.2, h, tilted });
  }
  // Group into lines by vertical overlap, then order lines top to bottom and items left to right.
  placed.sort((p, q) => p.y1 - q.y1 || p.x0 - q.x0);
  const lines: Placed[][] = [];
  for (const p of placed) {
    const mid = (p.y0 + p.y1) / 2;
    const line = lines.find((l) => {
      const ref = l[0];
      return ref.tilted === p.tilted && mid > ref.y0 && mid < ref.y1 && Math.abs(p.h - ref.h) < Math.max(p.h, ref.h) * 0.6;
    });
    if (line) line.push(p);
    else lines.push([p]);
  }
  lines.sort((l, m) => l[0].y1 - m[0].y1);
  const grid = columnGrid(placed);
  const words: PageWord[] = [];
  const textLines: string[] = [];
  for (const l of lines) {
    l.sort((p, q) => p.x0 - q.x0);
    let s = '';
    let lastX1: number | undefined;
    // pdf.js stands a wide gap in for a whitespace item spanning it: the gap is measured from the
    // text before it instead, and the item only says that some space is due.
    let spaceDue = false;
    for (const p of l) {
      if (!p.str.trim()) {
        spaceDue = true;
        continue;
      }
      if (lastX1 !== undefined) {
        const gap = p.x0 - lastX1;
        let want = gap > p.h * 0.12 ? spacesFor(gap, p.h).length : spaceDue ? 1 : 0;
        // A cell after a wide gap starts at its column on the page's grid, so the cells of a
        // table's rows line up in the text as they do on the page (see columnGrid).
        if (want >= 2) want = Math.max(want, grid.column(p.x0) - s.trimEnd().length);
        const have = s.length - s.trimEnd().length + (p.str.length - p.str.trimStart().length);
        if (want > have) s += ' '.repeat(want - have);
      } else s = ' '.repeat(grid.column(p.x0));
      spaceDue = false;
      s += p.str;
      lastX1 = p.x1;
      // Split the item into words, dividing its width by character count.
      const n = p.str.length || 1;
      const cw = (p.x1 - p.x0) / n;
      const re = /\S+/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(p.str))) {
        words.push({ text: m[0], box: [round(p.x0 + m.index * cw), round(p.y0), round(p.x0 + (m.index + m[0].length) * cw), round(p.y1)] });
      }
    }
    textLines.push(s.replace(/\s+$/, ''));
  }
  const text = textLines.join('\n');
  return { text, words, width: Math.round(vp.width), height: Math.round(vp.height), chars: text.replace(/\s+/g, '').length, ...(turned ? { turned } : {}) };
}

/**
 * The page's character grid: columns an average character wide from the leftmost text, as
 * `pdftotext -layout` lays a page out. Spacing each gap by its own width alone shifts every cell by
 * the widths of the characters before it (digits are narrower than capitals), so a table printed
 * with its tests across and rows of results, units and ranges under them lost the column each
 * value belongs to; cells placed on one grid stay under their heading.
 */
function columnGrid(items: Array<{ str: string; x0: number; x1: number }>): { column: (x: number) => number } {
  const printed = items.filter((it) => it.str.trim().length >= 2);
  if (!printed.length) return { column: () => 0 };
  const left = Math.min(...printed.map((it) => it.x0));
  const perChar = printed.map((it) => (it.x1 - it.x0) / it.str.length).sort((a, b) => a - b);
  const pitch = Math.max(1, perChar[perChar.length >> 1]!);
  return { column: (x) => Math.max(0, Math.round((x - left) / pitch)) };
}

/** The way most characters of the text layer run on the page as displayed (orientation.ts). */
function textDirection(items: TextItemLike[], vp: ReturnType<PDFPageProxy['getViewport']>): QuarterTurn {
  return dominantDirection(
    items.map((it) => {
      const [a, b, , , e, f] = it.transform;
      const p0 = vp.convertToViewportPoint(e, f);
      const p1 = vp.convertToViewportPoint(e + a, f + b);
      return { dx: p1[0] - p0[0], dy: p1[1] - p0[1], chars: it.str.replace(/\s+/g, '').length };
    }),
  );
}

const round = (x: number) => Math.round(x * 10) / 10;

/**
 * The slope (rise over run) past which a text item counts as drawn at a slant: a half degree.
 * Text set on a line has none; a RECEIVED or MEDICAL RECORDS stamp turned a degree or two, or a
 * diagonal watermark, laid over a line had been read into it ("MRN MEDICAL RECORDSCollection
 * Date/Time"), hiding the caption row the report's date is read from.
 */
const TILT = Math.tan((0.5 * Math.PI) / 180);

/** pdfjs ImageKind.GRAYSCALE_1BPP: a 1-bit image (CCITT fax, bilevel scan). */
const IMAGE_KIND_1BPP = 1;

/**
 * Native resolution of the largest image painted on the page, assuming it spans the page
 * (true of scans and faxes), and whether that image is bilevel (1 bit per pixel, or a stencil
 * mask); undefined when the page has no image.
 */
export async function pageImageDpi(page: PDFPageProxy): Promise<{ xdpi: number; ydpi: number; bilevel: boolean } | undefined> {
  const vp = page.getViewport({ scale: 1 });
  const ops = await page.getOperatorList();
  let best: { w: number; h: number; bilevel: boolean } | undefined;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    if (fn !== OPS.paintImageXObject && fn !== OPS.paintInlineImageXObject && fn !== OPS.paintImageMaskXObject) continue;
    const arg = ops.argsArray[i]?.[0];
    let w: number | undefined;
    let h: number | undefined;
    let bilevel = fn === OPS.paintImageMaskXObject;
    if (arg && typeof arg === 'object' && 'width' in arg) {
      w = arg.width;
      h = arg.height;
      bilevel ||= (arg as { kind?: number }).kind === IMAGE_KIND_1BPP;
    } else if (typeof arg === 'string') {
      const obj = await new Promise<{ width?: number; height?: number; kind?: number } | undefined>((resolve) => {
        try {
          const objs = arg.startsWith('g_') ? page.commonObjs : page.objs;
          objs.get(arg, (o: { width?: number; height?: number; kind?: number }) => resolve(o));
        } catch {
          resolve(undefined);
        }
        setTimeout(() => resolve(undefined), 2000).unref();
      });
      w = obj?.width;
      h = obj?.height;
      bilevel ||= obj?.kind === IMAGE_KIND_1BPP;
    }
    if (w && h && (!best || w * h > best.w * best.h)) best = { w, h, bilevel };
  }
  if (!best) return undefined;
  return { xdpi: (best.w / vp.width) * 72, ydpi: (best.h / vp.height) * 72, bilevel: best.bilevel };
}

/**
 * Renders a page to grey at `dpi` (capped by MAX_RENDER_PIXELS). With `ydpi` the rows are drawn
 * at that resolution instead: a standard fax image (204×98 dpi) drawn at its own grid gives its
 * stored pixels, which `squarePixels` then stretches (README, session 14).
 */
export async function renderPage(doc: PDFDocumentProxy, page: PDFPageProxy, dpi: number, ydpi = dpi): Promise<Raster> {
  const base = page.getViewport({ scale: 1 });
  let scale = dpi / 72;
  const sy = ydpi / dpi;
  const px = base.width * base.height * scale * scale * sy;
  if (px > MAX_RENDER_PIXELS) scale *= Math.sqrt(MAX_RENDER_PIXELS / px);
  const vp = page.getViewport({ scale });
  // At an image's own grid (`ydpi` given) the page is a whole number of its pixels, give or take rounding.
  const eps = sy === 1 ? 0 : 1e-3;
  const width = Math.max(1, Math.floor(vp.width + eps));
  const height = Math.max(1, Math.floor(vp.height * sy + eps));
  type Ctx2d = { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
  const factory = (doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: unknown; context: Ctx2d }; destroy(c: unknown): void } }).canvasFactory;
  const cc = factory.create(width, height);
  try {
    const ctx = cc.context;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    const transform = sy === 1 ? {} : { transform: [1, 0, 0, sy, 0, 0] };
    await page.render({ canvasContext: ctx, canvas: cc.canvas, viewport: vp, background: '#ffffff', ...transform } as never).promise;
    const rgba = ctx.getImageData(0, 0, width, height).data;
    const data = new Uint8Array(width * height);
    for (let i = 0, j = 0; i < data.length; i++, j += 4) data[i] = (rgba[j] * 77 + rgba[j + 1] * 150 + rgba[j + 2] * 29) >> 8;
    const eff = scale * 72;
    return { data, width, height, xdpi: eff, ydpi: eff * sy };
  } finally {
    factory.destroy(cc);
  }
}

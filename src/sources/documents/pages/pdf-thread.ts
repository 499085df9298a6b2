/**
 * pdfjs off the main thread, bounded. pdfjs-dist's legacy build runs under Node as a "fake
 * worker" on the calling thread: a hostile file (session 12: a 930-byte PDF whose ToUnicode
 * range makes pdfjs build a 16.7 M-entry map) held the main thread for 17–24 s and took 2.2 GB,
 * and a few such ranges take the process down. Here pdfjs runs in one worker thread
 * (pdf-worker.ts) with a heap limit (`resourceLimits`) and a time budget per operation (open,
 * text layer, image probe, render). On excess the thread is terminated and the operation fails
 * with a `PdfLimitError`; the next operation starts a new thread, and a document that was open
 * in the old one is opened again there from its bytes (kept by the caller), so the reading goes
 * on with the next page. The thread's bounds, stops and restarts are bounded-worker.ts's, shared
 * with searchable-pdf-thread.ts; documents and their reopening are this file's.
 *
 * One thread per `PdfThread`, reused across pages and documents; operations (of any document)
 * run one at a time in order of arrival, and the budget counts from the moment an operation is
 * handed to the thread, not while it waits. `sharedPdfThread()` is the process's default (readPages,
 * page images). The thread is unref'd while idle and stopped after `idleMs` with no document open.
 */
import { BoundedWorker, type WithoutId } from './bounded-worker.js';
import type { Raster } from './raster.js';
import type { TextLayer } from './pdf-common.js';
import type { PdfReply, PdfRequest } from './pdf-worker.js';

/**
 * Heap of the PDF thread (V8 old generation, MB). Measured (session 13, README): reading the
 * sample's PDFs (6 fax PDFs, 9 text PDFs up to the 1 MB, 88-page VA Blue Button report), the
 * thread's committed heap peaked at 39–61 MB, and all of them read with a 64 MB limit; the
 * crafted ToUnicode range needs > 1.5 GB. 256 MB leaves 4× the largest seen: the crafted file
 * then fails in ~8–18 s (its map fills the heap at ~1 M entries a second on a loaded machine).
 * Image pixels and the canvas are outside this heap (typed arrays, native memory), bounded by
 * MAX_PDF_IMAGE_PIXELS and MAX_RENDER_PIXELS.
 */
export const PDF_HEAP_MB = 256;
/** Wall-clock budget of one operation (open, one page's text layer, probe or render). */
export const PDF_OP_BUDGET_MS = 30_000;
/** Time the thread has to start (tsx and pdfjs load: ~0.3 s on a quiet machine). */
const START_BUDGET_MS = 60_000;
/** A thread with no document open and nothing to do stops after this long. */
const IDLE_MS = 10_000;

export interface PdfThreadOptions {
  heapMb?: number;
  budgetMs?: number;
  idleMs?: number;
}

/** An operation exceeded the thread's memory or time, or the thread died: it was stopped. */
export class PdfLimitError extends Error {
  constructor(
    readonly kind: 'memory' | 'time' | 'crash',
    message: string,
  ) {
    super(message);
    this.name = 'PdfLimitError';
  }
}

export type PdfThreadOpen =
  | { ok: true; doc: PdfDoc; repaired?: boolean }
  | { ok: false; code: 'pdf-password' | 'pdf-password-wrong' | 'pdf-corrupt' | 'pdf-too-costly'; message: string };

type Req = WithoutId<PdfRequest>;

export class PdfThread {
  readonly heapMb: number;
  readonly budgetMs: number;
  private readonly thread: BoundedWorker<PdfRequest, PdfReply>;
  private nextDoc = 1;
  private openDocs = 0;

  constructor(opts: PdfThreadOptions = {}) {
    this.heapMb = opts.heapMb ?? PDF_HEAP_MB;
    this.budgetMs = opts.budgetMs ?? PDF_OP_BUDGET_MS;
    this.thread = new BoundedWorker({
      url: new URL('./pdf-worker.mjs', import.meta.url),
      heapMb: this.heapMb,
      budgetMs: this.budgetMs,
      startBudgetMs: START_BUDGET_MS,
      idleMs: opts.idleMs ?? IDLE_MS,
      limitError: (kind, message) => new PdfLimitError(kind, message),
      messages: {
        notStarted: (ms) => `the PDF reader did not start within ${ms / 1000} s.`,
        outOfHeap: (mb) => `reading it needed more than ${mb} MB of memory (the file may be damaged, or made to exhaust the reader).`,
        failed: (message) => `the PDF reader failed (${message}).`,
        exited: (code) => `the PDF reader stopped (exit code ${code}).`,
        tooSlow: (ms) => `it took more than ${Math.round(ms / 1000)} s (the file may be damaged, or made to stall the reader).`,
      },
      inUse: () => this.openDocs > 0,
    });
  }

  /** Threads started so far (tests, figures); also the generation documents are open in. */
  get starts(): number {
    return this.thread.starts;
  }

  /** Largest committed heap of the thread seen after an operation, MB (figures for PDF_HEAP_MB). */
  get peakHeapMb(): number {
    return this.thread.peakHeapMb;
  }

  /** Opens a PDF in the thread; problems come back as codes, never thrown. */
  async open(bytes: Uint8Array, password?: string): Promise<PdfThreadOpen> {
    const doc = new PdfDoc(this, this.nextDoc++, bytes, password);
    try {
      const r = (await this.run({ op: 'open', doc: doc.id, bytes, password }, doc)) as { ok: true; numPages: number; repaired?: boolean } | { ok: false; code: 'pdf-password' | 'pdf-password-wrong' | 'pdf-corrupt'; message: string };
      if (!r.ok) return r;
      doc.numPages = r.numPages;
      this.openDocs++;
      return { ok: true, doc, ...(r.repaired ? { repaired: true } : {}) };
    } catch (e) {
      return { ok: false, code: 'pdf-too-costly', message: `The PDF could not be opened: ${(e as Error).message} The original file is kept.` };
    }
  }

  /** Queues one operation; `doc` is opened again first if the thread was restarted since. */
  run(req: Req, doc?: PdfDoc): Promise<unknown> {
    return this.runWithWarnings(req, doc).then((r) => r.value);
  }

  runWithWarnings(req: Req, doc?: PdfDoc): Promise<{ value: unknown; warnings: string[] }> {
    return this.thread.schedule(async () => {
      if (doc && req.op !== 'open' && !this.isOpen(doc)) {
        // The thread was restarted (or stopped) since this document was opened: open it again.
        const r = (await this.exec({ op: 'open', doc: doc.id, bytes: doc.bytes, password: doc.password })).value as { ok: boolean; message?: string };
        if (!r.ok) throw new Error(`the PDF could not be opened again: ${r.message}`);
        doc.loadedIn = this.thread.starts;
      }
      const r = await this.exec(req);
      if (doc && req.op === 'open') doc.loadedIn = this.thread.starts;
      return r;
    });
  }

  /** Whether `doc` is open in the running thread. */
  isOpen(doc: PdfDoc): boolean {
    return this.thread.running && doc.loadedIn === this.thread.starts;
  }

  /** @internal Closes `doc` in the thread, if it is open there (a restarted thread never had it). */
  async closeDoc(doc: PdfDoc): Promise<void> {
    this.openDocs = Math.max(0, this.openDocs - 1);
    if (this.isOpen(doc)) await this.run({ op: 'close', doc: doc.id }).catch(() => undefined);
    else void this.thread.pump();
  }

  /** Stops the thread now (pending operations fail). */
  close(): Promise<void> {
    return this.thread.close();
  }

  private async exec(req: Req): Promise<{ value: unknown; warnings: string[] }> {
    const transfer: ArrayBuffer[] = [];
    if (req.op === 'open') {
      // pdfjs keeps (and detaches) the bytes it is given: the thread gets a copy of its own.
      const copy = new Uint8Array(req.bytes);
      req = { ...req, bytes: copy };
      transfer.push(copy.buffer);
    }
    const reply = await this.thread.exec(req, transfer);
    return { value: reply.value, warnings: reply.warnings };
  }
}

/** A PDF open in a PdfThread. Its bytes are kept (not copied) to open it again after a restart. */
export class PdfDoc {
  numPages = 0;
  /** Thread generation the document is open in. */
  loadedIn = -1;
  private done = false;

  constructor(
    private readonly thread: PdfThread,
    readonly id: number,
    readonly bytes: Uint8Array,
    readonly password: string | undefined,
  ) {}

  /** The page's text layer (pdf.ts `pageTextLayer`). */
  textLayer(page: number): Promise<{ value: TextLayer; warnings: string[] }> {
    return this.thread.runWithWarnings({ op: 'text', doc: this.id, page }, this) as Promise<{ value: TextLayer; warnings: string[] }>;
  }

  /** Resolution of the page's largest image (pdf.ts `pageImageDpi`). */
  imageDpi(page: number): Promise<{ value: { xdpi: number; ydpi: number; bilevel: boolean } | undefined; warnings: string[] }> {
    return this.thread.runWithWarnings({ op: 'dpi', doc: this.id, page }, this) as Promise<{ value: { xdpi: number; ydpi: number; bilevel: boolean } | undefined; warnings: string[] }>;
  }

  /** Page size in points as displayed. */
  async size(page: number): Promise<{ width: number; height: number }> {
    return (await this.thread.run({ op: 'size', doc: this.id, page }, this)) as { width: number; height: number };
  }

  /** The page rendered to grey at `dpi` (rows at `ydpi` when given; pdf.ts `renderPage`); the pixels are moved, not copied. */
  render(page: number, dpi: number, ydpi?: number): Promise<{ value: Raster; warnings: string[] }> {
    return this.thread.runWithWarnings({ op: 'render', doc: this.id, page, dpi, ...(ydpi ? { ydpi } : {}) }, this) as Promise<{ value: Raster; warnings: string[] }>;
  }

  /** Closes the document in the thread (never throws). */
  async close(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.thread.closeDoc(this);
  }
}

let shared: PdfThread | undefined;
/** The process's PDF thread (started on first use, stopped when idle). */
export function sharedPdfThread(): PdfThread {
  return (shared ??= new PdfThread());
}

/** What a pdfjs warning means for the reader of a page, when it matters to them. */
export function pdfWarningIssue(warning: string, page: number, maxImagePixels: number) {
  if (/Image exceeded maximum allowed size/i.test(warning)) {
    return {
      severity: 'warning' as const,
      code: 'pdf-image-too-large',
      message: `Page ${page} holds an image larger than ${maxImagePixels / 1e6} megapixels; it was left out, so the page may read as blank or incomplete.`,
      location: { page },
    };
  }
  return undefined;
}

/**
 * Searchable PDFs of PDF originals, made off the main thread and bounded. pdf-lib trusts the file
 * it opens: it parses every object of it, decodes every object stream, and walks the page tree
 * without checking for shared nodes. Measured (README, session 14): a 2.5 KB PDF whose page tree
 * shares one node per level (26 levels, 67 M page visits) held the main thread 47 s and took
 * 672 MB; a 1.4 KB object stream of two Flate layers (512 MB decoded) 7 s and 579 MB; a 520 KB
 * object stream of 2 M objects 41 s and 664 MB. Here pdf-lib runs in a worker thread
 * (searchable-pdf-worker.ts) with a heap limit, a time budget per operation (open, one part) and a
 * watch on the process's memory (decoded streams are outside the heap limit); on excess the
 * thread is terminated and the operation fails with a `SearchablePdfLimitError` whose message
 * says why. A source that failed so stays failed (every part of it would cost the same again).
 * The thread's bounds, stops and restarts are bounded-worker.ts's, shared with pdf-thread.ts.
 *
 * One thread per `SearchablePdfThread`, reused across documents, operations one at a time in
 * order of arrival; the budget counts from the moment the thread gets the operation.
 * `sharedSearchablePdfThread()` is the process's. The thread is unref'd while idle and stops after
 * `idleMs` with no source open.
 */
import { BoundedWorker, type WithoutId } from './bounded-worker.js';
import type { ExtractedPage } from '../../../core/types.js';
import type { SearchablePdfReply, SearchablePdfRequest } from './searchable-pdf-worker.js';

/**
 * Heap of the thread (V8 old generation, MB). pdf-lib keeps an object per PDF object and the
 * original's bytes outside the heap; the sample's PDFs (README, session 14) left the thread's heap
 * at 20–60 MB. 256 MB, as for pdfjs (pdf-thread.ts).
 */
export const SEARCHABLE_PDF_HEAP_MB = 256;
/** Wall-clock budget of one operation (opening the original, making one part). */
export const SEARCHABLE_PDF_BUDGET_MS = 30_000;
/**
 * Growth of the process's resident memory allowed during one operation (MB), watched every
 * 50 ms: decoded object streams are typed arrays, outside the heap limit. Three times the
 * original's size is allowed on top (its copy in the thread, the part made, a decoded stream of
 * that size). The thread's heap counts here too (up to SEARCHABLE_PDF_HEAP_MB).
 */
export const SEARCHABLE_PDF_RSS_GROWTH_MB = 512;
const WATCH_MS = 50;
const START_BUDGET_MS = 60_000;
const IDLE_MS = 10_000;

export interface SearchablePdfThreadOptions {
  heapMb?: number;
  budgetMs?: number;
  rssGrowthMb?: number;
  idleMs?: number;
}

/** An operation exceeded the thread's memory or time, or the thread died: it was stopped. */
export class SearchablePdfLimitError extends Error {
  constructor(
    readonly kind: 'memory' | 'time' | 'crash',
    message: string,
  ) {
    super(message);
    this.name = 'SearchablePdfLimitError';
  }
}

type Req = WithoutId<SearchablePdfRequest>;

export class SearchablePdfThread {
  readonly heapMb: number;
  readonly budgetMs: number;
  readonly rssGrowthMb: number;
  private readonly thread: BoundedWorker<SearchablePdfRequest, SearchablePdfReply>;
  private nextSrc = 1;
  private openSources = 0;

  constructor(opts: SearchablePdfThreadOptions = {}) {
    this.heapMb = opts.heapMb ?? SEARCHABLE_PDF_HEAP_MB;
    this.budgetMs = opts.budgetMs ?? SEARCHABLE_PDF_BUDGET_MS;
    this.rssGrowthMb = opts.rssGrowthMb ?? SEARCHABLE_PDF_RSS_GROWTH_MB;
    this.thread = new BoundedWorker({
      url: new URL('./searchable-pdf-worker.mjs', import.meta.url),
      heapMb: this.heapMb,
      budgetMs: this.budgetMs,
      startBudgetMs: START_BUDGET_MS,
      idleMs: opts.idleMs ?? IDLE_MS,
      watchMs: WATCH_MS,
      limitError: (kind, message) => new SearchablePdfLimitError(kind, message),
      messages: {
        notStarted: (ms) => `the PDF writer did not start within ${ms / 1000} s`,
        outOfHeap: (mb) => `the PDF writer needed more than ${mb} MB of memory for this file, which may be damaged or made to exhaust it`,
        failed: (message) => `the PDF writer failed (${message})`,
        exited: (code) => `the PDF writer stopped (exit code ${code})`,
        tooSlow: (ms) => `the PDF writer took more than ${Math.round(ms / 1000)} s on this file, which may be damaged or made to stall it`,
        tooMuchMemory: (mb) => `the PDF writer needed more than ${mb} MB of memory for this file, which may be damaged or made to exhaust it`,
      },
      inUse: () => this.openSources > 0,
    });
  }

  /** Threads started so far (tests, figures). */
  get starts(): number {
    return this.thread.starts;
  }

  /** Largest committed heap of the thread seen after an operation, MB. */
  get peakHeapMb(): number {
    return this.thread.peakHeapMb;
  }

  /**
   * Opens a PDF original in the thread (pdf-lib, its whole page tree walked) for one or more
   * parts. Throws what pdf-lib throws, or a SearchablePdfLimitError; `bytes` is not detached.
   */
  async open(bytes: Uint8Array): Promise<SearchablePdfSource> {
    const id = this.nextSrc++;
    // pdf-lib keeps views of the bytes it is given: the thread gets a copy of its own.
    await this.run({ op: 'open', src: id, bytes: new Uint8Array(bytes) }, bytes.length);
    this.openSources++;
    return new SearchablePdfSource(this, id, this.starts, bytes);
  }

  /** @internal `size`: the original's size, for the memory allowed (SEARCHABLE_PDF_RSS_GROWTH_MB). */
  run(req: Req, size = 0): Promise<unknown> {
    return this.thread.schedule(async () => {
      const transfer = req.op === 'open' ? [req.bytes.buffer as ArrayBuffer] : [];
      const allowedMb = this.rssGrowthMb + Math.round((3 * size) / 1048576);
      return (await this.thread.exec(req, transfer, allowedMb)).value;
    });
  }

  /** @internal */
  async closeSource(src: SearchablePdfSource): Promise<void> {
    this.openSources = Math.max(0, this.openSources - 1);
    if (this.running && src.generation === this.starts) await this.run({ op: 'close', src: src.id }).catch(() => undefined);
    else void this.thread.pump();
  }

  /** @internal The thread generation operations now run in. */
  get generation(): number {
    return this.starts;
  }

  /** @internal Whether a thread is running (a stopped one is started again by the next operation). */
  get running(): boolean {
    return this.thread.running;
  }

  /** Stops the thread now (sources open in it fail their next part). */
  close(): Promise<void> {
    return this.thread.close();
  }
}

/** A PDF original open in a SearchablePdfThread, for making searchable PDFs of its parts. */
export class SearchablePdfSource {
  private failed?: Error;
  private done = false;

  constructor(
    private readonly thread: SearchablePdfThread,
    readonly id: number,
    /** Thread generation the source is open in. */
    public generation: number,
    /** The original (the caller's, not copied), to open it again in a restarted thread. */
    private readonly bytes: Uint8Array,
  ) {}

  /**
   * The searchable PDF of pages `only` (1-based, the original's numbers) with invisible words on
   * the OCR'd ones among `pages`. After a limit error (here or in an earlier part) it throws that
   * error again without trying: the next part would cost as much. When the thread was stopped
   * since (another document's limit), the original is opened again in the new thread first.
   */
  async part(pages: ExtractedPage[], only: number[]): Promise<Uint8Array> {
    if (this.failed) throw this.failed;
    try {
      if (this.thread.generation !== this.generation || !this.thread.running) {
        await this.thread.run({ op: 'open', src: this.id, bytes: new Uint8Array(this.bytes) }, this.bytes.length);
        this.generation = this.thread.generation;
      }
      return (await this.thread.run({ op: 'part', src: this.id, pages, only }, this.bytes.length)) as Uint8Array;
    } catch (e) {
      if (e instanceof SearchablePdfLimitError) this.failed = e;
      throw e;
    }
  }

  /** Closes the source in the thread (never throws). */
  async close(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.thread.closeSource(this);
  }
}

let shared: SearchablePdfThread | undefined;
/** The process's searchable-PDF thread (started on first use, stopped when idle). */
export function sharedSearchablePdfThread(): SearchablePdfThread {
  return (shared ??= new SearchablePdfThread());
}

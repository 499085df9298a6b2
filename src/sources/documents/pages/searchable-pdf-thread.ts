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
 *
 * One thread per `SearchablePdfThread`, reused across documents, operations one at a time in
 * order of arrival; the budget counts from the moment the thread gets the operation.
 * `sharedSearchablePdfThread()` is the process's. The thread is unref'd while idle and stops after
 * `idleMs` with no source open.
 */
import { Worker } from 'node:worker_threads';
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

type Req = SearchablePdfRequest extends infer T ? (T extends unknown ? Omit<T, 'id'> : never) : never;
interface Job {
  req: Req;
  size: number;
  resolve(v: unknown): void;
  reject(e: Error): void;
}

export class SearchablePdfThread {
  readonly heapMb: number;
  readonly budgetMs: number;
  readonly rssGrowthMb: number;
  private readonly idleMs: number;
  private worker?: Worker;
  private ready?: Promise<void>;
  private queue: Job[] = [];
  private busy = false;
  private nextId = 1;
  private nextSrc = 1;
  private openSources = 0;
  private idleTimer?: NodeJS.Timeout;
  /** Why each stopped thread stopped (the first cause seen: a limit, then its exit). */
  private readonly failures = new WeakMap<Worker, Error>();
  private waiting?: { worker: Worker; id: number; resolve(r: SearchablePdfReply): void; reject(e: Error): void };
  /** Threads started so far (tests, figures). */
  starts = 0;
  /** Largest committed heap of the thread seen after an operation, MB. */
  peakHeapMb = 0;

  constructor(opts: SearchablePdfThreadOptions = {}) {
    this.heapMb = opts.heapMb ?? SEARCHABLE_PDF_HEAP_MB;
    this.budgetMs = opts.budgetMs ?? SEARCHABLE_PDF_BUDGET_MS;
    this.rssGrowthMb = opts.rssGrowthMb ?? SEARCHABLE_PDF_RSS_GROWTH_MB;
    this.idleMs = opts.idleMs ?? IDLE_MS;
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
    return new Promise((resolve, reject) => {
      this.queue.push({ req, size, resolve, reject });
      clearTimeout(this.idleTimer);
      void this.pump();
    });
  }

  /** @internal */
  async closeSource(src: SearchablePdfSource): Promise<void> {
    this.openSources = Math.max(0, this.openSources - 1);
    if (this.worker && src.generation === this.starts) await this.run({ op: 'close', src: src.id }).catch(() => undefined);
    else void this.pump();
  }

  /** @internal The thread generation operations now run in. */
  get generation(): number {
    return this.starts;
  }

  /** @internal Whether a thread is running (a stopped one is started again by the next operation). */
  get running(): boolean {
    return !!this.worker;
  }

  /** Stops the thread now (sources open in it fail their next part). */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const w = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    await w?.terminate();
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    const job = this.queue.shift();
    if (!job) {
      this.worker?.unref();
      if (this.worker && this.openSources === 0) {
        clearTimeout(this.idleTimer);
        this.idleTimer = setTimeout(() => {
          if (!this.busy && !this.queue.length && this.openSources === 0) void this.close();
        }, this.idleMs);
        this.idleTimer.unref();
      }
      return;
    }
    this.busy = true;
    try {
      job.resolve(await this.exec(job.req, job.size));
    } catch (e) {
      job.reject(e as Error);
    } finally {
      this.busy = false;
      void this.pump();
    }
  }

  private start(): Promise<void> {
    clearTimeout(this.idleTimer);
    const w = new Worker(new URL('./searchable-pdf-worker.mjs', import.meta.url), {
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
      stdout: false,
      stderr: false,
    });
    this.worker = w;
    this.starts++;
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        const e = new SearchablePdfLimitError('time', `the PDF writer did not start within ${START_BUDGET_MS / 1000} s`);
        this.failures.set(w, e);
        reject(e);
        void w.terminate();
      }, START_BUDGET_MS);
      w.on('message', (m: SearchablePdfReply | { ready: true }) => {
        if ('ready' in m) {
          clearTimeout(timer);
          resolve();
          return;
        }
        if (this.waiting?.worker === w && this.waiting.id === m.id) this.waiting.resolve(m);
      });
      w.on('error', (e: Error & { code?: string }) => {
        if (this.failures.has(w)) return;
        this.failures.set(
          w,
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new SearchablePdfLimitError('memory', `the PDF writer needed more than ${this.heapMb} MB of memory for this file, which may be damaged or made to exhaust it`)
            : new SearchablePdfLimitError('crash', `the PDF writer failed (${e.message})`),
        );
      });
      w.on('exit', (code) => {
        clearTimeout(timer);
        const e = this.failures.get(w) ?? new SearchablePdfLimitError('crash', `the PDF writer stopped (exit code ${code})`);
        reject(e);
        if (this.waiting?.worker === w) this.waiting.reject(e);
        if (this.worker === w) {
          this.worker = undefined;
          this.ready = undefined;
        }
      });
    });
    ready.catch(() => undefined);
    return ready;
  }

  /** Sends one request to the thread (starting it if needed) and waits within the budgets. */
  private async exec(req: Req, size: number): Promise<unknown> {
    if (!this.worker) this.ready = this.start();
    const w = this.worker!;
    await this.ready;
    w.ref();
    const id = this.nextId++;
    const msg = { ...req, id } as SearchablePdfRequest;
    const transfer = msg.op === 'open' ? [msg.bytes.buffer as ArrayBuffer] : [];
    const rss0 = process.memoryUsage.rss();
    const allowedMb = this.rssGrowthMb + Math.round((3 * size) / 1048576);
    let timer: NodeJS.Timeout | undefined;
    let watch: NodeJS.Timeout | undefined;
    const stop = (e: SearchablePdfLimitError) => {
      if (!this.failures.has(w)) this.failures.set(w, e);
      this.waiting?.reject(e);
      if (this.worker === w) {
        this.worker = undefined;
        this.ready = undefined;
      }
      void w.terminate();
    };
    try {
      const reply = await new Promise<SearchablePdfReply>((resolve, reject) => {
        this.waiting = { worker: w, id, resolve, reject };
        timer = setTimeout(() => stop(new SearchablePdfLimitError('time', `the PDF writer took more than ${Math.round(this.budgetMs / 1000)} s on this file, which may be damaged or made to stall it`)), this.budgetMs);
        watch = setInterval(() => {
          if (process.memoryUsage.rss() - rss0 > allowedMb * 1048576) stop(new SearchablePdfLimitError('memory', `the PDF writer needed more than ${allowedMb} MB of memory for this file, which may be damaged or made to exhaust it`));
        }, WATCH_MS);
        w.postMessage(msg, transfer);
      });
      this.peakHeapMb = Math.max(this.peakHeapMb, reply.heapMb);
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    } finally {
      clearTimeout(timer);
      clearInterval(watch);
      this.waiting = undefined;
    }
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

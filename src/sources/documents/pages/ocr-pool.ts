/**
 * A pool of tesseract.js workers, offline: language data from the npm package
 * @tesseract.js-data/eng (best_int, LSTM only), no cache written (`cacheMethod: 'none'`),
 * never a network fetch (langPath is a local folder; images are passed as bytes).
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';

const require = createRequire(import.meta.url);

/** Folder holding eng.traineddata.gz (best_int). */
export const ENG_LANG_PATH = join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');

export interface OcrWord {
  text: string;
  /** [x0, y0, x1, y1] in the recognised image's pixels. */
  box: [number, number, number, number];
  confidence: number;
}

export interface OcrLine {
  text: string;
  box: [number, number, number, number];
  confidence: number;
  words: OcrWord[];
}

export interface OcrResult {
  text: string;
  /** Mean word confidence 0..100 (tesseract's page confidence). */
  confidence: number;
  words: OcrWord[];
  lines: OcrLine[];
}

export interface OcrPoolOptions {
  /** Workers; default = available cores. */
  size?: number;
  /** Page segmentation mode; default SINGLE_BLOCK (keeps table rows in reading order). */
  psm?: PSM;
  /**
   * Stop the workers after this long without work (they restart on the next job). Worker
   * threads keep Node alive, so a long-lived shared pool needs this to let the process exit.
   * Default: never (call terminate()).
   */
  idleTimeoutMs?: number;
  /**
   * Replace a worker after this many recognitions. A tesseract.js worker's memory (its wasm
   * heap) only grows as it reads (naptha/tesseract.js#977: maintainers advise recycling
   * workers), so a long fax read by long-lived workers grows the process page after page.
   * Default: never.
   */
  maxJobsPerWorker?: number;
}

/**
 * Glyphs no health record prints, which tesseract reads from fax noise and small print
 * (`Triglycerides®`, `©`, `{` for a bracket or a box edge): excluded from every reading.
 * Measured in session 6 (README): sample 4,442 → 4,403 edits, every changed page better;
 * dev set 7,382 → 7,265 edits.
 */
export const NEVER_PRINTED = '©®™€¥£¢«»{}§¶¤';

type Bbox = { x0: number; y0: number; x1: number; y1: number };
const toBox = (b: Bbox): [number, number, number, number] => [b.x0, b.y0, b.x1, b.y1];

interface Job {
  image: Buffer;
  params: Record<string, string>;
  resolve: (r: OcrResult) => void;
  reject: (e: unknown) => void;
}

/** Converts tesseract.js blocks output to words and lines. */
export function flattenBlocks(data: { text?: string; confidence?: number; blocks?: unknown }): OcrResult {
  const lines: OcrLine[] = [];
  const words: OcrWord[] = [];
  const blocks = (data.blocks ?? []) as Array<{ paragraphs: Array<{ lines: Array<{ text: string; confidence: number; bbox: Bbox; words: Array<{ text: string; confidence: number; bbox: Bbox }> }> }> }>;
  for (const b of blocks) {
    for (const p of b.paragraphs ?? []) {
      for (const l of p.lines ?? []) {
        const lw: OcrWord[] = [];
        for (const w of l.words ?? []) {
          const t = w.text.trim();
          if (!t) continue;
          lw.push({ text: t, box: toBox(w.bbox), confidence: w.confidence });
        }
        words.push(...lw);
        lines.push({ text: l.text.replace(/\n$/, ''), box: toBox(l.bbox), confidence: l.confidence, words: lw });
      }
    }
  }
  return { text: data.text ?? '', confidence: data.confidence ?? 0, words, lines };
}

export class OcrPool {
  readonly size: number;
  private readonly psm: PSM;
  private workers: Promise<Worker>[] = [];
  private idle: Worker[] = [];
  private queue: Job[] = [];
  private started = false;
  private closed = false;
  private active = 0;
  private holds = 0;
  private gen = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly idleTimeoutMs: number | undefined;
  private readonly maxJobsPerWorker: number;
  private readonly jobsDone = new WeakMap<Worker, number>();
  private readonly promiseOf = new WeakMap<Worker, Promise<Worker>>();
  /** Workers replaced so far (their replacement started), for tests and the bench. */
  recycled = 0;
  /** Times the workers were stopped after idleTimeoutMs without work. */
  idleStops = 0;

  constructor(opts: OcrPoolOptions = {}) {
    this.size = Math.max(1, opts.size ?? availableParallelism());
    this.psm = opts.psm ?? PSM.SINGLE_BLOCK;
    this.idleTimeoutMs = opts.idleTimeoutMs;
    this.maxJobsPerWorker = opts.maxJobsPerWorker && opts.maxJobsPerWorker > 0 ? opts.maxJobsPerWorker : Infinity;
  }

  /**
   * Keeps the workers while a document is being read: between two of its pages (decoding,
   * preprocessing, a busy machine) the pool may have no work for longer than the idle timeout,
   * and restarting a worker costs its model load. Call the returned function when done.
   */
  hold(): () => void {
    this.holds++;
    clearTimeout(this.idleTimer);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      this.armIdle();
    };
  }

  private armIdle(): void {
    if (this.idleTimeoutMs === undefined || this.active || this.queue.length || this.holds || !this.started) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.stopWorkers(), this.idleTimeoutMs);
    this.idleTimer.unref();
  }

  private async stopWorkers(): Promise<void> {
    if (this.active || this.queue.length || this.holds) return;
    const ws = this.workers;
    this.idleStops++;
    this.gen++;
    this.workers = [];
    this.idle = [];
    this.started = false;
    const settled = await Promise.allSettled(ws);
    await Promise.all(settled.map((w) => (w.status === 'fulfilled' ? w.value.terminate() : undefined)));
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    for (let i = 0; i < this.size; i++) this.spawn();
  }

  /** Starts one worker; it joins the idle list when ready (unless the pool stopped meanwhile). */
  private spawn(): void {
    const gen = this.gen;
    const w = (async () => {
      const worker = await createWorker('eng', OEM.LSTM_ONLY, {
        langPath: ENG_LANG_PATH,
        cacheMethod: 'none',
        gzip: true,
        // No cache path in the working folder: nothing is written (cacheMethod none); data lives in the wasm FS.
        cachePath: '/nonexistent-vessel-ocr-cache',
      });
      // tessedit_do_invert 0: no inverted-text check per line; reverse-video bars are inverted by
      // the page pipeline instead (dark-bars.ts). Measured in session 13 (README).
      await worker.setParameters({ tessedit_pageseg_mode: this.psm, preserve_interword_spaces: '1', tessedit_char_blacklist: NEVER_PRINTED, tessedit_do_invert: '0' });
      if (this.closed || gen !== this.gen) {
        await worker.terminate();
        return worker;
      }
      this.idle.push(worker);
      this.pump();
      return worker;
    })();
    void w.then((worker) => this.promiseOf.set(worker, w), () => undefined);
    w.catch((e) => {
      // A worker that cannot start fails every waiting job rather than hanging it.
      for (const j of this.queue.splice(0)) j.reject(e);
    });
    this.workers.push(w);
  }

  /** Retires a worker that has read its share: a fresh one takes its place (same generation). */
  private recycle(worker: Worker): void {
    this.recycled++;
    const p = this.promiseOf.get(worker);
    this.workers = this.workers.filter((x) => x !== p);
    this.spawn();
    void worker.terminate().catch(() => undefined);
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.active++;
      clearTimeout(this.idleTimer);
      worker
        .recognize(job.image, job.params, { text: true, blocks: true })
        .then((r) => job.resolve(flattenBlocks(r.data)), job.reject)
        .finally(() => {
          this.active--;
          const done = (this.jobsDone.get(worker) ?? 0) + 1;
          this.jobsDone.set(worker, done);
          if (this.workers.length && !this.closed) {
            if (done >= this.maxJobsPerWorker) this.recycle(worker);
            else this.idle.push(worker);
          }
          this.pump();
          this.armIdle();
        });
    }
  }

  /**
   * Recognises one image (PNG/JPEG/BMP bytes). Jobs queue when every worker is busy.
   * `psm` and `whitelist` (tessedit_char_whitelist) apply to this job only.
   */
  recognize(image: Buffer, opts: { psm?: PSM | `${PSM}`; whitelist?: string } = {}): Promise<OcrResult> {
    if (this.closed) return Promise.reject(new Error('OcrPool terminated'));
    this.start();
    const params: Record<string, string> = opts.psm ? { tessedit_pageseg_mode: opts.psm } : {};
    if (opts.whitelist) params.tessedit_char_whitelist = opts.whitelist;
    return new Promise((resolve, reject) => {
      this.queue.push({ image, params, resolve, reject });
      this.pump();
    });
  }

  /** Jobs waiting for a worker. */
  get pending(): number {
    return this.queue.length;
  }

  /** Stops every worker; pending jobs are rejected. Safe to call twice. */
  async terminate(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.idleTimer);
    for (const j of this.queue.splice(0)) j.reject(new Error('OcrPool terminated'));
    const ws = await Promise.allSettled(this.workers);
    await Promise.all(ws.map((w) => (w.status === 'fulfilled' ? w.value.terminate() : undefined)));
    this.workers = [];
    this.idle = [];
  }
}

/**
 * One worker thread bounded in memory and time, shared by pdf-thread.ts (pdfjs) and
 * searchable-pdf-thread.ts (pdf-lib): both run a library that trusts hostile files, so a file may
 * cost any memory or time, and only terminating the thread gets either back. The owner keeps its
 * own errors and messages (callers match on them) and its own documents; this keeps the thread.
 *
 * Operations run one at a time in order of arrival, so that the budget measures one operation and
 * a limit error names the one that caused it; the budget counts from the moment the thread gets a
 * request, not while it waits. A stopped thread is started again by the next request: owners keep
 * what they opened in it (`starts` tells them it was lost). While idle the thread is unref'd, so
 * it never keeps the process alive, and it stops after `idleMs` unless the owner still has
 * something open in it.
 */
import { Worker } from 'node:worker_threads';

export type LimitKind = 'memory' | 'time' | 'crash';

/** What the thread's replies carry besides the owner's own fields. */
export type BoundedReply = { id: number; heapMb: number } & ({ ok: true; value: unknown } | { ok: false; error: string });

export type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** The owner's words for each way the thread is stopped (they reach the user). */
export interface LimitMessages {
  notStarted(startBudgetMs: number): string;
  outOfHeap(heapMb: number): string;
  failed(message: string): string;
  exited(code: number): string;
  tooSlow(budgetMs: number): string;
  tooMuchMemory?(allowedMb: number): string;
}

export interface BoundedWorkerOptions {
  /** The thread's entry (an .mjs that registers tsx: it is started with execArgv []). */
  url: URL;
  heapMb: number;
  budgetMs: number;
  startBudgetMs: number;
  idleMs: number;
  /** How often the process's RSS is read when a request has a memory allowance (`exec`'s `rssAllowedMb`). */
  watchMs?: number;
  limitError(kind: LimitKind, message: string): Error;
  messages: LimitMessages;
  /** Whether the owner has something open in the thread, which an idle stop would lose. */
  inUse(): boolean;
}

interface Task {
  run(): Promise<unknown>;
  resolve(v: unknown): void;
  reject(e: Error): void;
}

export class BoundedWorker<Req extends { id: number }, Reply extends BoundedReply> {
  private worker?: Worker;
  private ready?: Promise<void>;
  private queue: Task[] = [];
  private busy = false;
  private nextId = 1;
  private idleTimer?: NodeJS.Timeout;
  /**
   * Why each stopped thread stopped: the first cause seen, since a limit's terminate then ends
   * in an exit (or an error) that would otherwise hide it.
   */
  private readonly failures = new WeakMap<Worker, Error>();
  /** The reply awaited from the thread, and how the thread's end fails it. */
  private waiting?: { worker: Worker; id: number; resolve(r: Reply): void; reject(e: Error): void };
  /** Threads started so far: also the generation requests now run in. */
  starts = 0;
  /** Largest committed heap of the thread seen after a request, MB. */
  peakHeapMb = 0;

  constructor(private readonly opts: BoundedWorkerOptions) {}

  get running(): boolean {
    return !!this.worker;
  }

  /** Queues `task`, which runs when every earlier one has ended; it sends its requests by `exec`. */
  schedule<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run: task, resolve: resolve as (v: unknown) => void, reject });
      clearTimeout(this.idleTimer);
      void this.pump();
    });
  }

  /** Runs the next task, or, with none, lets the thread go idle (call it when `inUse` may have changed). */
  async pump(): Promise<void> {
    if (this.busy) return;
    const task = this.queue.shift();
    if (!task) {
      this.worker?.unref();
      if (this.worker && !this.opts.inUse()) {
        clearTimeout(this.idleTimer);
        this.idleTimer = setTimeout(() => {
          if (!this.busy && !this.queue.length && !this.opts.inUse()) void this.close();
        }, this.opts.idleMs);
        this.idleTimer.unref();
      }
      return;
    }
    this.busy = true;
    try {
      task.resolve(await task.run());
    } catch (e) {
      task.reject(e as Error);
    } finally {
      this.busy = false;
      void this.pump();
    }
  }

  /** Stops the thread now. */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const w = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    await w?.terminate();
  }

  /**
   * Sends one request to the thread (starting it if needed) and waits within the budget and, when
   * `rssAllowedMb` is given, within that growth of the process's resident memory (what the thread
   * allocates outside its heap, such as typed arrays, escapes `resourceLimits`). Call it only from a
   * scheduled task: one request at a time is what lets a limit error name the request that caused it.
   */
  async exec(req: WithoutId<Req>, transfer: ArrayBuffer[] = [], rssAllowedMb?: number): Promise<Extract<Reply, { ok: true }>> {
    const { limitError, messages } = this.opts;
    if (!this.worker) this.ready = this.start();
    const w = this.worker!;
    await this.ready;
    w.ref();
    const id = this.nextId++;
    const msg = { ...req, id } as unknown as Req;
    let timer: NodeJS.Timeout | undefined;
    let watch: NodeJS.Timeout | undefined;
    const stop = (e: Error) => {
      if (!this.failures.has(w)) this.failures.set(w, e);
      this.waiting?.reject(e);
      if (this.worker === w) {
        this.worker = undefined;
        this.ready = undefined;
      }
      void w.terminate();
    };
    try {
      const reply = await new Promise<Reply>((resolve, reject) => {
        this.waiting = { worker: w, id, resolve, reject };
        timer = setTimeout(() => stop(limitError('time', messages.tooSlow(this.opts.budgetMs))), this.opts.budgetMs);
        if (rssAllowedMb !== undefined) {
          const rss0 = process.memoryUsage.rss();
          watch = setInterval(() => {
            if (process.memoryUsage.rss() - rss0 > rssAllowedMb * 1048576) stop(limitError('memory', messages.tooMuchMemory!(rssAllowedMb)));
          }, this.opts.watchMs);
        }
        w.postMessage(msg, transfer);
      });
      this.peakHeapMb = Math.max(this.peakHeapMb, reply.heapMb);
      if (!reply.ok) throw new Error(reply.error);
      return reply as Extract<Reply, { ok: true }>;
    } finally {
      clearTimeout(timer);
      clearInterval(watch);
      this.waiting = undefined;
    }
  }

  private start(): Promise<void> {
    const { url, heapMb, startBudgetMs, limitError, messages } = this.opts;
    clearTimeout(this.idleTimer);
    const w = new Worker(url, {
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
      stdout: false,
      stderr: false,
    });
    this.worker = w;
    this.starts++;
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        const e = limitError('time', messages.notStarted(startBudgetMs));
        this.failures.set(w, e);
        reject(e);
        void w.terminate();
      }, startBudgetMs);
      w.on('message', (m: Reply | { ready: true }) => {
        if ('ready' in m) {
          clearTimeout(timer);
          resolve();
          return;
        }
        if (this.waiting?.worker === w && this.waiting.id === m.id) this.waiting.resolve(m);
      });
      w.on('error', (e: Error & { code?: string }) => {
        if (this.failures.has(w)) return;
        this.failures.set(w, e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? limitError('memory', messages.outOfHeap(heapMb)) : limitError('crash', messages.failed(e.message)));
      });
      w.on('exit', (code) => {
        clearTimeout(timer);
        const e = this.failures.get(w) ?? limitError('crash', messages.exited(code));
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
}

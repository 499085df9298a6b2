/**
 * Runs jobs from the queue with bounded concurrency. Used by `vessel worker` (forever), by
 * `vessel serve` (embedded: the server is also the worker) and by `vessel import` (until idle).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Job, JobQueue } from './queue.js';
import { relieveHeap } from '../core/heap.js';

/** How often a running worker checks its heap against the budget (src/core/heap.ts). */
const RELIEF_EVERY_MS = 200;

export type JobHandler = (job: Job) => Promise<void>;

export interface WorkerOptions {
  concurrency?: number;
  /** Return once the queue holds nothing for these kinds (CLI import); default: run until stopped. */
  untilIdle?: boolean;
  pollMs?: number;
  heartbeatMs?: number;
  signal?: AbortSignal;
  onError?: (job: Job, err: unknown) => void;
  /** Housekeeping run at start and then every `everyMs` while the worker runs (not in untilIdle mode), e.g. scheduling due syncs. */
  periodic?: Array<{ everyMs: number; run: () => Promise<unknown> }>;
}

export async function runWorker(queue: JobQueue, handlers: Record<string, JobHandler>, opts: WorkerOptions = {}): Promise<void> {
  const kinds = Object.keys(handlers);
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const pollMs = opts.pollMs ?? 250;
  const held = new Set<string>();
  await queue.recoverAbandoned();
  const beat = setInterval(() => {
    queue.heartbeat([...held]).catch(() => {});
    queue.recoverAbandoned().catch(() => {});
  }, opts.heartbeatMs ?? 10_000);
  beat.unref();
  // A long job (a part of thousands of resources and their attachments) piles up garbage between
  // the points where it could be collected: look at the heap while the job waits on I/O too.
  const relief = setInterval(() => held.size && relieveHeap(), RELIEF_EVERY_MS);
  relief.unref();
  const periodic = opts.untilIdle
    ? []
    : (opts.periodic ?? []).map((p) => {
      const tick = () => void p.run().catch(() => {});
      tick();
      const timer = setInterval(tick, p.everyMs);
      timer.unref();
      return timer;
    });

  const lane = async () => {
    while (!opts.signal?.aborted) {
      const job = await queue.claim(kinds);
      if (!job) {
        // Other lanes may still be running jobs that enqueue children: wait for them.
        if (opts.untilIdle && held.size === 0 && !(await queue.hasQueued(kinds))) return;
        await sleep(pollMs, undefined, { signal: opts.signal }).catch(() => {});
        continue;
      }
      held.add(job.id);
      try {
        await handlers[job.kind](job);
        await queue.complete(job.id);
      } catch (err) {
        opts.onError?.(job, err);
        await queue.fail(job, err instanceof Error ? err.message : String(err));
      } finally {
        held.delete(job.id);
        // A finished job's garbage (a document's parts, a reconcile's facts) goes before the next job's piles on.
        relieveHeap();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, lane));
  } finally {
    clearInterval(beat);
    clearInterval(relief);
    for (const t of periodic) clearInterval(t);
  }
}

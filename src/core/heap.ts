/**
 * Keeps a long import's JavaScript heap near what it really holds.
 *
 * Why: V8 sizes its heap against a limit of several GB on a machine with a lot of memory and
 * lets garbage pile up that long before a full collection. Streaming a 100 MB NDJSON file holds
 * ~35 MB live, yet its heap grew to ~150 MB between collections. A heap limit
 * (--max-old-space-size) cannot be set once Node runs, and a hard one would crash a large
 * legitimate job (a big reconcile). Instead, the code that finishes a unit of work (a streamed
 * part, a job) and a running worker every 200 ms call `relieveHeap()`: past the budget it runs
 * one full collection, which costs about as much as the live heap is large (tens of ms) and
 * never fails. Below the budget it does nothing.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/** Heap in use (MB, live + garbage) above which a finished unit of work triggers a full collection. */
export const HEAP_BUDGET_MB = 96;

let collect: (() => void) | null | undefined;

/** Collections run by relieveHeap in this process and the time they took (for tests and measurements). */
export const relieved = { collections: 0, ms: 0 };

/** The engine's collector, exposed once without putting `gc` on globalThis (null where the engine refuses). */
function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    collect = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    collect = null;
  }
  return collect;
}

/** Heap in use (bytes) past which the next collection runs: the budget, or more when the live heap itself is larger. */
let threshold = 0;

/**
 * Runs a full collection when the heap in use passes `budgetMb`; returns whether it did. When
 * the live heap after a collection is itself near the budget (a large record being reconciled),
 * the next one waits for another half budget of garbage: collections never run back to back.
 */
export function relieveHeap(budgetMb: number = HEAP_BUDGET_MB): boolean {
  const budget = budgetMb * 1048576;
  if (v8.getHeapStatistics().used_heap_size < Math.max(budget, threshold)) return false;
  const gc = collector();
  if (!gc) return false;
  const t0 = performance.now();
  gc();
  relieved.collections++;
  relieved.ms += performance.now() - t0;
  threshold = v8.getHeapStatistics().used_heap_size + budget / 2;
  return true;
}

let lastDue = 0;

/**
 * `relieveHeap` at most once per `everyMs`: for a long loop of awaits that never lets the
 * worker's relief timer run (a SQLite transaction's awaits resolve without yielding to timers).
 * It does what that timer would have done, no more: calling it per step of a short job costs nothing.
 */
export function relieveHeapWhenDue(everyMs = 200): boolean {
  const now = performance.now();
  if (now - lastDue < everyMs) return false;
  lastDue = now;
  return relieveHeap();
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import { relieveHeap, relieved } from './heap.js';

test('relieveHeap collects garbage once the heap in use passes the budget, and does nothing below it', () => {
  assert.equal(relieveHeap(1e6), false, 'far below the budget: nothing done');
  assert.equal(relieved.collections, 0);
  let garbage: unknown[] | null = Array.from({ length: 300_000 }, (_, i) => ({ i, s: `row ${i}` }));
  const before = v8.getHeapStatistics().used_heap_size;
  garbage = null;
  assert.equal(relieveHeap(1), true, 'past a 1 MB budget: one full collection');
  assert.equal(relieved.collections, 1);
  assert.ok(v8.getHeapStatistics().used_heap_size < before - 10 * 1048576, 'the dropped rows are gone from the heap');
  assert.equal(garbage, null);
  assert.equal(relieveHeap(16), false, 'right after a collection, the next waits for half a budget of new garbage');
  assert.equal(relieved.collections, 1);
  assert.equal(typeof (globalThis as { gc?: unknown }).gc, 'undefined', 'gc is not put on globalThis');
});

/**
 * Times the read models the web app calls for one person (home, labs, vitals, timeline,
 * each list), for `npm run bench`: call `benchViews(vessel.store, personId)` and print.
 */
import type { Store } from '../store/store.js';
import { homeView } from './summary.js';
import { labsView, listView, vitalsView } from './lists.js';
import { timeline } from './timeline.js';
import { LIST_KINDS } from './facts.js';
import { conflictingItems } from './merged.js';
import type { ListKind } from './types.js';

export interface ViewTiming {
  query: string;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function benchViews(store: Store, personId: string, opts: { runs?: number; only?: string[] } = {}): Promise<ViewTiming[]> {
  const runs = opts.runs ?? 20;
  const queries: Array<[string, () => Promise<unknown>]> = [
    ['home', () => homeView(store, personId)],
    ['labs', () => labsView(store, personId)],
    ['vitals', () => vitalsView(store, personId)],
    ['timeline (all years)', () => timeline(store, personId)],
    ['timeline (one year)', () => timeline(store, personId, { from: '2019', to: '2020' })],
    ['timeline (one source)', () => timeline(store, personId, { channel: 'cli' })],
    ['conflicts', () => conflictingItems(store, personId, { limit: 200, offset: 0 })],
    ...(Object.keys(LIST_KINDS) as ListKind[]).map((k): [string, () => Promise<unknown>] => [`list ${k}`, () => listView(store, personId, k)]),
    ['list problems (active)', () => listView(store, personId, 'problems', { status: 'active' })],
  ];
  const out: ViewTiming[] = [];
  for (const [query, fn] of queries) {
    if (opts.only && !opts.only.some((o) => query.includes(o))) continue;
    await fn(); // warm-up
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const r = (x: number) => Math.round(x * 10) / 10;
    out.push({ query, runs, p50Ms: r(percentile(times, 50)), p95Ms: r(percentile(times, 95)), maxMs: r(times[times.length - 1]) });
  }
  return out;
}

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

/**
 * Gives the bench person's documents a facility: sources 0–8 `Mercy Hospital` (9 in 10
 * documents), source 9 `Valley Clinic`, so the timeline's facility filter is timed on a
 * facility most documents share and on one a tenth of them name. Source 9 also came in by
 * `smart` (the others by `cli`), so the source (channel) filter chooses documents too.
 */
export async function labelBenchFacilities(store: Store, personId: string): Promise<void> {
  const docs = await store.db.selectFrom('documents').select(['id', 'filename', 'label_json']).where('person_id', '=', personId).execute();
  await store.transaction(async (tx) => {
    for (const d of docs) {
      const source = Number(/^s(\d+)v/.exec(d.filename)?.[1] ?? -1);
      const facility = source === 9 ? 'Valley Clinic' : 'Mercy Hospital';
      const channel = source === 9 ? 'smart' : 'cli';
      await tx.db.updateTable('documents').set({ channel, label_json: JSON.stringify({ ...JSON.parse(d.label_json), facility }) }).where('id', '=', d.id).execute();
    }
  });
}

export interface ViewTiming {
  query: string;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** CPU time of this process per call (user + system); PostgreSQL's own work is not in it. */
  cpuMs: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function benchViews(store: Store, personId: string, opts: { runs?: number; only?: string[] } = {}): Promise<ViewTiming[]> {
  const runs = opts.runs ?? 20;
  const oneDocument = await store.db.selectFrom('documents').select('id').where('person_id', '=', personId).orderBy('id').limit(1).executeTakeFirst();
  const queries: Array<[string, () => Promise<unknown>]> = [
    ['home', () => homeView(store, personId)],
    ['labs', () => labsView(store, personId)],
    ['vitals', () => vitalsView(store, personId)],
    ['timeline (all years)', () => timeline(store, personId)],
    ['timeline (one year)', () => timeline(store, personId, { from: '2019', to: '2020' })],
    ['timeline (one source)', () => timeline(store, personId, { channel: 'cli' })],
    ['timeline (one source, one year)', () => timeline(store, personId, { channel: 'cli', from: '2019', to: '2020' })],
    ['timeline (source of a tenth)', () => timeline(store, personId, { channel: 'smart' })],
    ['timeline (facility on most documents)', () => timeline(store, personId, { facility: 'Mercy Hospital' })],
    ['timeline (facility on most documents, one year)', () => timeline(store, personId, { facility: 'Mercy Hospital', from: '2019', to: '2020' })],
    ['timeline (facility on a tenth)', () => timeline(store, personId, { facility: 'Valley Clinic' })],
    ['timeline (facility on a tenth, one year)', () => timeline(store, personId, { facility: 'Valley Clinic', from: '2019', to: '2020' })],
    ['timeline (one document)', () => timeline(store, personId, { document: oneDocument?.id ?? '' })],
    ['timeline (one document, one year)', () => timeline(store, personId, { document: oneDocument?.id ?? '', from: '2019', to: '2020' })],
    ['conflicts', () => conflictingItems(store, personId, { limit: 200, offset: 0 })],
    // The search page's two requests for a word thousands of records hold, and one narrowed to one kind.
    ['search (common word)', () => store.search.search('hypertension', { personId, limit: 100 })],
    ['search facets (common word)', () => store.search.facets('hypertension', { personId })],
    ['search (narrowed to problems)', () => store.search.search('hypertension', { personId, limit: 100, only: { resourceType: 'Condition' } })],
    ...(Object.keys(LIST_KINDS) as ListKind[]).map((k): [string, () => Promise<unknown>] => [`list ${k}`, () => listView(store, personId, k)]),
    ['list problems (active)', () => listView(store, personId, 'problems', { status: 'active' })],
  ];
  const out: ViewTiming[] = [];
  for (const [query, fn] of queries) {
    if (opts.only && !opts.only.some((o) => query.includes(o))) continue;
    await fn(); // warm-up
    const times: number[] = [];
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
    }
    const cpu = process.cpuUsage(cpu0);
    times.sort((a, b) => a - b);
    const r = (x: number) => Math.round(x * 10) / 10;
    out.push({ query, runs, p50Ms: r(percentile(times, 50)), p95Ms: r(percentile(times, 95)), maxMs: r(times[times.length - 1]), cpuMs: r((cpu.user + cpu.system) / 1000 / runs) });
  }
  return out;
}

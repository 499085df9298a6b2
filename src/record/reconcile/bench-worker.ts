/**
 * The reconcile job of benchReconcileStore() in a process of its own: full reconcile of the
 * seeded person, then one new document. Prints one JSON line per phase (wall ms, CPU ms of
 * this process, peak RSS so far). Configured by BENCH_* variables set by the parent.
 */
import { Store } from '../../store/store.js';
import { reconcilePerson } from './job.js';
import { addSyntheticDocument } from './bench.js';

const env = (k: string) => process.env[k] || undefined;
const keyring = (env('BENCH_KEYRING') ?? '').split(',').filter(Boolean).map((k) => Buffer.from(k, 'base64'));
const store = await Store.open({ dataDir: env('BENCH_DATA_DIR')!, keyring, databaseUrl: env('BENCH_DATABASE_URL'), pgSchema: env('BENCH_PG_SCHEMA') });
const personId = env('BENCH_PERSON')!;

async function timed(phase: string, fn: () => Promise<unknown>): Promise<void> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const c = process.cpuUsage(c0);
  console.log(JSON.stringify({ phase, ms: Math.round(performance.now() - t0), cpuMs: Math.round((c.user + c.system) / 1000), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

try {
  await timed('full', () => reconcilePerson(store, personId));
  await addSyntheticDocument(store, personId, 'new-document');
  await timed('incremental', () => reconcilePerson(store, personId));
} finally {
  await store.close();
}

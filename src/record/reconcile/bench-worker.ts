/**
 * The reconcile job of benchReconcileStore() in a process of its own: full reconcile of the
 * seeded person, then one new document. Prints one JSON line per phase (wall ms, CPU ms of
 * this process, peak RSS so far). Configured by BENCH_* variables set by the parent.
 */
import { createHash } from 'node:crypto';
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

/**
 * BENCH_ITEMS_HASH=1: a SHA-256 over every stored item (id, JSON, append state, match keys) after
 * each phase, so a change to the job can be checked to give the same record as the code before it.
 */
async function itemsHash(phase: string): Promise<void> {
  if (!process.env.BENCH_ITEMS_HASH) return;
  const h = createHash('sha256');
  const items = await store.db.selectFrom('record_items').select(['id', 'json', 'state']).orderBy('id').execute();
  for (const r of items) h.update(`${r.id}\u0000${r.json}\u0000${r.state ?? ''}\n`);
  const keys = await store.db.selectFrom('record_item_keys').select(['kind', 'block', 'key', 'item_id']).orderBy('kind').orderBy('block').orderBy('key').orderBy('item_id').execute();
  for (const k of keys) h.update(`${k.kind}\u0000${k.block}\u0000${k.key}\u0000${k.item_id}\n`);
  console.error(`items ${phase}: ${items.length} items, ${keys.length} keys, sha256 ${h.digest('hex')}`);
}

try {
  await timed('full', async () => {
    const s = await reconcilePerson(store, personId);
    if (process.env.BENCH_ITEMS_HASH) console.error(`blocks rebuilt ${s.blocks}, from memory ${s.blocksFromMemory ?? '-'}`);
  });
  await itemsHash('full');
  await addSyntheticDocument(store, personId, 'new-document');
  await timed('incremental', () => reconcilePerson(store, personId));
  await itemsHash('incremental');
} finally {
  await store.close();
}

/**
 * Composition root: wires config → vault, store, queue, importer and the job handlers.
 * The CLI, the server, tests and evals all start Vessel through `openVessel`.
 */
import os from 'node:os';
import path from 'node:path';
import { configFromEnv, defaultLimits, type VesselConfig } from '../core/config.js';
import { loadKeyring } from '../vault/key.js';
import { Vault } from '../vault/vault.js';
import { Store } from '../store/store.js';
import { JobQueue } from '../jobs/queue.js';
import { runWorker, type WorkerOptions } from '../jobs/worker.js';
import { Importer, INGEST_JOB } from '../ingest/importer.js';
import { processDocument } from '../ingest/process-document.js';
import { adapterFor } from '../sources/registry.js';
import type { Format, SourceAdapter } from '../core/types.js';
import { reconcilePerson, RECONCILE_JOB, scheduleReconcile, scheduleRenormalize } from '../record/reconcile/job.js';

/** How often a running worker looks for SMART connections due for their scheduled sync. */
const SCHEDULE_CHECK_MS = 60_000;

export interface Vessel {
  config: VesselConfig;
  /** The vault key (backups are sealed with it). */
  key: Buffer;
  /** Every key that may have sealed something: `key` first, older ones during a rotation. */
  keyring: Buffer[];
  store: Store;
  vault: Vault;
  queue: JobQueue;
  importer: Importer;
  /** Processes queued jobs until none is left (CLI import, tests, evals). */
  runJobsUntilIdle(opts?: Omit<WorkerOptions, 'untilIdle'>): Promise<void>;
  /** Processes jobs until the signal aborts (server, `vessel worker`). */
  runWorker(signal: AbortSignal, opts?: Omit<WorkerOptions, 'signal'>): Promise<void>;
  close(): Promise<void>;
}

export interface OpenVesselOptions extends Partial<Omit<VesselConfig, 'limits'>> {
  limits?: Partial<VesselConfig['limits']>;
  /** Adapters to use instead of the registry's (tests of the pipeline itself). */
  adapters?: SourceAdapter[];
}

export async function openVessel(overrides: OpenVesselOptions = {}): Promise<Vessel> {
  const base = configFromEnv();
  const config: VesselConfig = {
    ...base,
    ...Object.fromEntries(Object.entries(overrides).filter(([k, v]) => v !== undefined && k !== 'adapters')),
    limits: { ...defaultLimits, ...base.limits, ...overrides.limits },
  } as VesselConfig;
  const keyring = loadKeyring(config.dataDir, config.key);
  const key = keyring[0];
  const vault = new Vault(path.join(config.dataDir, 'vault'), keyring);
  const store = await Store.open({ dataDir: config.dataDir, keyring, databaseUrl: config.databaseUrl, pgSchema: config.pgSchema });
  const queue = new JobQueue(store.db, store.dialect, { sqlite: store.sqliteHandle() });
  const importer = new Importer(store, vault, queue, config.limits);
  const readerFor = overrides.adapters ? (f: Format) => overrides.adapters!.find((a) => a.formats.includes(f)) : undefined;
  const handlers = {
    [INGEST_JOB]: async (job: { payload: unknown }) => {
      const { documentId } = job.payload as { documentId: string };
      await processDocument(
        {
          store,
          vault,
          adapterFor: readerFor,
          requeue: async (id, db) => {
            await queue.enqueue(INGEST_JOB, { documentId: id }, { dedupeKey: `reingest:${id}` }, db);
          },
          onProcessed: async (_doc, people) => {
            for (const personId of people) await scheduleReconcile(queue, personId);
          },
          children: {
            importChildren: (parent, children) => importer.importChildren(parent, children, { channel: 'embedded', personId: parent.personId, scope: parent.scope, readInline: readerFor ?? adapterFor }),
          },
        },
        documentId,
      );
    },
    [RECONCILE_JOB]: async (job: { id: string; payload: unknown }) => {
      await reconcilePerson(store, (job.payload as { personId: string }).personId, { onProgress: () => queue.checkpoint(job.id) });
    },
    // SMART on FHIR pulls (src/smart/job.ts), loaded on first use.
    'smart-sync': async (job: { id: string; payload: unknown }) => {
      await (await import('../smart/job.js')).runSmartSyncJob({ store, key: keyring, importer, onProgress: () => queue.checkpoint(job.id) }, job.payload);
    },
  };
  queue.onFailed('smart-sync', async (payload, error) => (await import('../smart/job.js')).markSyncFailed({ store, key: keyring }, payload, error));
  const concurrency = Math.max(1, os.availableParallelism());
  const scheduledSyncs = {
    everyMs: SCHEDULE_CHECK_MS,
    run: async () => (await import('../smart/schedule.js')).scheduleDueSyncs({ store, queue, key: keyring }),
  };
  return {
    config,
    key,
    keyring,
    store,
    vault,
    queue,
    importer,
    runJobsUntilIdle: (opts = {}) => runWorker(queue, handlers, { concurrency, ...opts, untilIdle: true }),
    // A running worker (serve, vessel worker) also queues the SMART syncs that are due (src/smart/schedule.ts).
    // It first queues a reconcile of every person whose facts older tables or rules made (re-derived, not left in old blocks).
    runWorker: async (signal, opts = {}) => {
      await scheduleRenormalize(store, queue);
      return runWorker(queue, handlers, { concurrency, periodic: [scheduledSyncs], ...opts, signal });
    },
    close: () => store.close(),
  };
}

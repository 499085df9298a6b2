/**
 * The durable 'smart-sync' job: one open job per connection (dedupe key), so asking twice
 * syncs once, and a worker that dies mid-sync leaves the job to be re-run from the saved cursor.
 */
import type { JobQueue } from '../jobs/queue.js';
import { syncConnection, type SyncDeps } from './sync.js';
import { ConnectionsRepo } from './repo.js';

export const SMART_SYNC_JOB = 'smart-sync';

export const syncJobKey = (connectionId: string) => `${SMART_SYNC_JOB}:${connectionId}`;

export async function enqueueSync(queue: JobQueue, connectionId: string): Promise<boolean> {
  return (await queue.enqueue(SMART_SYNC_JOB, { connectionId }, { dedupeKey: syncJobKey(connectionId) })) !== undefined;
}

/** Server and network trouble ends as the connection's status (resumed by the next sync); only internal errors throw. */
export async function runSmartSyncJob(deps: SyncDeps, payload: unknown): Promise<void> {
  const { connectionId } = payload as { connectionId: string };
  // A connection removed after its sync was queued has nothing left to sync.
  if (!(await new ConnectionsRepo(deps.store.db, deps.key).get(connectionId))) return;
  await syncConnection(deps, connectionId);
}

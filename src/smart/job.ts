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

/**
 * A sync job that ended failed for good (an internal error on its last attempt, or a worker that
 * died under it every time) would leave its connection showing "syncing" forever: it shows the
 * error instead. The last successful sync and the saved cursor stay, so the next sync resumes.
 */
export async function markSyncFailed(deps: Pick<SyncDeps, 'store' | 'key'>, payload: unknown, reason: string): Promise<void> {
  const { connectionId } = payload as { connectionId: string };
  const repo = new ConnectionsRepo(deps.store.db, deps.key);
  const conn = await repo.get(connectionId);
  if (!conn || conn.status === 'needs-reauthorization') return;
  await repo.update(conn.id, { status: 'error', error: `the sync failed: ${reason}. It resumes from the last page on the next sync.` });
}

/** Server and network trouble ends as the connection's status (resumed by the next sync); only internal errors throw. */
export async function runSmartSyncJob(deps: SyncDeps, payload: unknown): Promise<void> {
  const { connectionId } = payload as { connectionId: string };
  // A connection removed after its sync was queued has nothing left to sync.
  if (!(await new ConnectionsRepo(deps.store.db, deps.key).get(connectionId))) return;
  await syncConnection(deps, connectionId);
}

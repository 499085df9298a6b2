/**
 * Scheduled syncs: a connection re-syncs on its own `syncEveryMs` after its last sync was asked
 * for (by the user, by connecting, or by the schedule). No timer state lives in a process: the
 * jobs table says when each connection's last `smart-sync` job was created, so any number of
 * workers can check, and `enqueueUnlessSince` makes the decision and the insert one statement
 * (two workers due at the same moment queue one job).
 */
import type { JobQueue } from '../jobs/queue.js';
import type { Store } from '../store/store.js';
import { ConnectionsRepo, type Connection } from './repo.js';
import { SMART_SYNC_JOB, syncJobKey } from './job.js';
import { smartOptions, type SmartOptions } from './options.js';

/**
 * When the connection syncs next on its own: its last sync request (or its creation) plus the
 * interval. Undefined when scheduled syncs are off or it cannot sync without the user.
 */
export function nextSyncAt(c: Pick<Connection, 'status' | 'createdAt'>, lastRequestedAt: string | undefined, everyMs: number): string | undefined {
  if (!everyMs || c.status === 'needs-reauthorization') return undefined;
  // Connecting queues the first sync, so the last request is normally known; the creation time covers a store without it.
  const base = Date.parse(lastRequestedAt ?? c.createdAt) || 0;
  return new Date(base + everyMs).toISOString();
}

/** Queues a sync for every connection that is due; returns the ids queued. */
export async function scheduleDueSyncs(deps: { store: Store; queue: JobQueue; key: Buffer | Buffer[] }, now = new Date(), opts: SmartOptions = smartOptions()): Promise<string[]> {
  if (!opts.syncEveryMs) return [];
  const connections = (await new ConnectionsRepo(deps.store.db, deps.key).list()).filter((c) => c.status !== 'needs-reauthorization');
  const last = await deps.queue.lastCreated(connections.map((c) => syncJobKey(c.id)));
  const queued: string[] = [];
  for (const c of connections) {
    const next = nextSyncAt(c, last.get(syncJobKey(c.id)), opts.syncEveryMs);
    if (!next || Date.parse(next) > now.getTime()) continue;
    // "No job for this connection created within the last interval", checked in the insert itself.
    const since = new Date(now.getTime() - opts.syncEveryMs).toISOString();
    if (await deps.queue.enqueueUnlessSince(SMART_SYNC_JOB, { connectionId: c.id, scheduled: true }, syncJobKey(c.id), since)) queued.push(c.id);
  }
  return queued;
}

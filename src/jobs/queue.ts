/**
 * A durable job queue in the store's own database, one implementation for both dialects.
 *
 * Why not pg-boss: the embedded SQLite default needs a queue too, and one job model for both
 * dialects keeps the crash semantics identical and tested once. On PostgreSQL, claiming uses
 * `FOR UPDATE SKIP LOCKED`, so many worker processes take each job exactly once; on SQLite the
 * claiming UPDATE is atomic under the single writer lock.
 *
 * Crash safety: a claimed job names its worker (`host/pid/nonce`) and beats a heartbeat. A job
 * whose worker is gone (dead pid on this host, or heartbeat older than `staleMs`) is put back
 * in the queue. Handlers must be idempotent (the ingest handler replaces what a document
 * produced in one transaction), so a re-run never doubles anything.
 */
import os from 'node:os';
import { randomUUID, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database, Dialect, JobsTable } from '../store/schema.js';
import { nowIso } from '../core/time.js';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { listed, prepared } from '../store/sqlite-statements.js';

export interface Job<P = unknown> {
  id: string;
  kind: string;
  payload: P;
  attempts: number;
  maxAttempts: number;
}

export interface JobCounts {
  queued: number;
  running: number;
  done: number;
  failed: number;
}

export interface EnqueueOptions {
  /** At most one open (queued or running) job per key. */
  dedupeKey?: string;
  maxAttempts?: number;
}

/**
 * How many times a job may be found under a dead worker before it is taken for one that kills
 * its worker (and failed). More than the attempts a job gets for thrown errors: a kill -9, an
 * out-of-memory kill or a power cut hits whatever was running, and a restarted worker takes the
 * same oldest job first, so a healthy job can be caught several times in a row.
 */
export const DEATHS_BEFORE_FAILED = 10;

/** Told when a job of its kind ends failed for good (its last attempt threw, or it kept killing its worker). */
export type FailedJobListener = (payload: unknown, error: string) => Promise<void>;

export function makeWorkerId(): string {
  return `${os.hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class JobQueue {
  readonly workerId: string;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    opts: { workerId?: string; staleMs?: number; sqlite?: BetterSqlite3.Database } = {},
  ) {
    this.workerId = opts.workerId ?? makeWorkerId();
    this.staleMs = opts.staleMs ?? 60_000;
    this.sqlite = opts.sqlite;
  }

  /** SQLite: the handle under `db` (Store.sqliteHandle), for the worker's own statements (see rawNow). */
  private readonly sqlite?: BetterSqlite3.Database;

  /**
   * SQLite: the handle, when a statement of the queue's own can run on it right now as a
   * statement of its own (autocommit): called with the store's own Kysely (not a transaction's)
   * and no transaction open on the connection. better-sqlite3 runs a statement synchronously,
   * so nothing can interleave with it; with a transaction open (another job's, between its
   * awaits) the statement would join it, so then the Kysely query waits for the connection.
   *
   * Why: the worker's claim, complete and checkpoint and the reconcile's enqueues run a few times
   * per job, and Kysely building and compiling them (and V8 optimizing that code) was ~1% of
   * the bench import's main thread (src/sources/fhir/README.md, session 8). The SQL is what
   * Kysely compiled for the same calls.
   */
  private rawNow(db: Kysely<Database>): BetterSqlite3.Database | undefined {
    const raw = this.sqlite;
    return !raw || db !== this.db || raw.inTransaction ? undefined : raw;
  }

  private readonly staleMs: number;
  private readonly failedListeners = new Map<string, FailedJobListener>();

  /**
   * What a kind does when one of its jobs ends failed for good: the state the job was keeping
   * (a connection showing "syncing") must not stay as the dead job left it.
   */
  onFailed(kind: string, listener: FailedJobListener): void {
    this.failedListeners.set(kind, listener);
  }

  private async failedForGood(kind: string, payloadJson: string, error: string): Promise<void> {
    const listener = this.failedListeners.get(kind);
    if (listener) await listener(JSON.parse(payloadJson), error).catch(() => {});
  }

  async enqueue(kind: string, payload: unknown, opts: EnqueueOptions = {}, db: Kysely<Database> = this.db): Promise<string | undefined> {
    const now = nowIso();
    const id = randomUUID();
    const raw = this.rawNow(db);
    if (raw) {
      const res = prepared(raw, ENQUEUE_SQL).run(id, kind, JSON.stringify(payload), 'queued', 0, opts.maxAttempts ?? 3, opts.dedupeKey ?? null, null, null, null, now, now);
      return res.changes > 0 ? id : undefined;
    }
    const res = await db
      .insertInto('jobs')
      .values({
        id,
        kind,
        payload_json: JSON.stringify(payload),
        state: 'queued',
        attempts: 0,
        max_attempts: opts.maxAttempts ?? 3,
        dedupe_key: opts.dedupeKey ?? null,
        locked_by: null,
        heartbeat_at: null,
        error: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0 ? id : undefined;
  }

  /**
   * Enqueues unless a job with this dedupe key was created after `since` (done, failed, queued
   * or running): one statement, so several workers deciding at once schedule it once. Those
   * that read the state before a quick job finished see its row here; those racing an open
   * job hit the open-key index. Returns the new job's id, or undefined when not enqueued.
   */
  async enqueueUnlessSince(kind: string, payload: unknown, dedupeKey: string, since: string, opts: { maxAttempts?: number } = {}): Promise<string | undefined> {
    const now = nowIso();
    const id = randomUUID();
    const res = await sql`
      INSERT INTO jobs (id, kind, payload_json, state, attempts, max_attempts, dedupe_key, locked_by, heartbeat_at, error, created_at, updated_at)
      SELECT ${id}, ${kind}, ${JSON.stringify(payload)}, 'queued', 0, ${opts.maxAttempts ?? 3}, ${dedupeKey}, NULL, NULL, NULL, ${now}, ${now}
      WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE dedupe_key = ${dedupeKey} AND created_at > ${since})
      ON CONFLICT DO NOTHING`.execute(this.db);
    return Number(res.numAffectedRows ?? 0) > 0 ? id : undefined;
  }

  /** When each key last had a job created (any state): the last time that work was asked for. */
  async lastCreated(dedupeKeys: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (!dedupeKeys.length) return out;
    const rows = await this.db
      .selectFrom('jobs')
      .select(['dedupe_key', (eb) => eb.fn.max('created_at').as('at')])
      .where('dedupe_key', 'in', dedupeKeys)
      .groupBy('dedupe_key')
      .execute();
    for (const r of rows) if (r.dedupe_key && r.at) out.set(r.dedupe_key, String(r.at));
    return out;
  }

  /** Drops a job still waiting under this key (a running one finishes on its own). */
  async cancelQueued(dedupeKey: string): Promise<number> {
    const res = await this.db.deleteFrom('jobs').where('dedupe_key', '=', dedupeKey).where('state', '=', 'queued').executeTakeFirst();
    return Number(res.numDeletedRows ?? 0);
  }

  /** Takes the oldest queued job of the given kinds, or undefined when there is none. */
  async claim(kinds: string[]): Promise<Job | undefined> {
    if (!kinds.length) return undefined;
    const now = nowIso();
    const raw = this.rawNow(this.db);
    if (raw) {
      const [r] = listed(raw, CLAIM_SQL[0], kinds.length, CLAIM_SQL[1]).all(this.workerId, now, now, ...kinds) as JobsTable[];
      return r ? { id: r.id, kind: r.kind, payload: JSON.parse(r.payload_json), attempts: Number(r.attempts), maxAttempts: Number(r.max_attempts) } : undefined;
    }
    const lock = this.dialect === 'postgres' ? sql`FOR UPDATE SKIP LOCKED` : sql``;
    const res = await sql<JobsTable>`
      UPDATE jobs SET state = 'running', locked_by = ${this.workerId}, heartbeat_at = ${now},
        attempts = attempts + 1, updated_at = ${now}
      WHERE id = (
        SELECT id FROM jobs WHERE state = 'queued' AND kind IN (${sql.join(kinds)})
        ORDER BY created_at, id LIMIT 1 ${lock}
      )
      RETURNING *`.execute(this.db);
    const r = res.rows[0];
    if (!r) return undefined;
    return { id: r.id, kind: r.kind, payload: JSON.parse(r.payload_json), attempts: Number(r.attempts), maxAttempts: Number(r.max_attempts) };
  }

  async complete(id: string, db: Kysely<Database> = this.db): Promise<void> {
    const raw = this.rawNow(db);
    if (raw) {
      prepared(raw, COMPLETE_SQL).run('done', null, nowIso(), id, this.workerId);
      return;
    }
    await db.updateTable('jobs').set({ state: 'done', error: null, updated_at: nowIso() }).where('id', '=', id).where('locked_by', '=', this.workerId).execute();
  }

  /** A failed attempt goes back to the queue until max_attempts, then stays failed with its error. */
  async fail(job: Job, error: string): Promise<void> {
    const state = job.attempts >= job.maxAttempts ? 'failed' : 'queued';
    const res = await this.db
      .updateTable('jobs')
      .set({ state, error: error.slice(0, 4000), locked_by: null, updated_at: nowIso() })
      .where('id', '=', job.id)
      .where('locked_by', '=', this.workerId)
      .executeTakeFirst();
    if (state === 'failed' && Number(res.numUpdatedRows ?? 0) > 0) await this.failedForGood(job.kind, JSON.stringify(job.payload), error);
  }

  /**
   * The running job saved durable progress (a long SMART sync stored a page): attempts lost to
   * dead workers before now are forgiven, so a job killed several times while it still moves
   * forward is not taken for one that kills its worker. One that dies at the same place on every
   * attempt still ends failed.
   */
  async checkpoint(id: string): Promise<void> {
    const raw = this.rawNow(this.db);
    if (raw) {
      prepared(raw, CHECKPOINT_SQL).run(1, nowIso(), id, this.workerId, 'running');
      return;
    }
    await this.db.updateTable('jobs').set({ attempts: 1, heartbeat_at: nowIso() }).where('id', '=', id).where('locked_by', '=', this.workerId).where('state', '=', 'running').execute();
  }

  async heartbeat(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.db.updateTable('jobs').set({ heartbeat_at: nowIso() }).where('id', 'in', ids).where('locked_by', '=', this.workerId).execute();
  }

  /**
   * Puts back jobs whose worker died (kill -9, power loss). A job found this way
   * DEATHS_BEFORE_FAILED times (with no checkpoint between) is marked failed: it probably
   * kills its worker.
   */
  async recoverAbandoned(): Promise<number> {
    const running = await this.db.selectFrom('jobs').select(['id', 'kind', 'payload_json', 'locked_by', 'heartbeat_at', 'attempts', 'max_attempts']).where('state', '=', 'running').execute();
    const host = os.hostname();
    const staleBefore = new Date(Date.now() - this.staleMs).toISOString();
    let recovered = 0;
    for (const j of running) {
      const [h, pid] = (j.locked_by ?? '').split('/');
      const deadHere = h === host && pid !== String(process.pid) && !pidAlive(Number(pid));
      const stale = !j.heartbeat_at || j.heartbeat_at < staleBefore;
      if (!deadHere && !stale) continue;
      const exhausted = Number(j.attempts) >= Math.max(Number(j.max_attempts), DEATHS_BEFORE_FAILED);
      const error = exhausted ? 'the worker stopped while running this job on every attempt' : 'the worker stopped while running this job; retried';
      const res = await this.db
        .updateTable('jobs')
        .set({ state: exhausted ? 'failed' : 'queued', locked_by: null, error, updated_at: nowIso() })
        .where('id', '=', j.id)
        .where('state', '=', 'running')
        .where('locked_by', '=', j.locked_by)
        .executeTakeFirst();
      const took = Number(res.numUpdatedRows ?? 0);
      recovered += took;
      if (exhausted && took) await this.failedForGood(j.kind, j.payload_json, error);
    }
    return recovered;
  }

  /** True while a job of these kinds waits (an index lookup; cheap enough to poll). */
  async hasQueued(kinds: string[]): Promise<boolean> {
    const r = await this.db.selectFrom('jobs').select('id').where('state', '=', 'queued').where('kind', 'in', kinds).limit(1).executeTakeFirst();
    return !!r;
  }

  async counts(): Promise<JobCounts> {
    const rows = await this.db.selectFrom('jobs').select(['state', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('state').execute();
    const c: JobCounts = { queued: 0, running: 0, done: 0, failed: 0 };
    for (const r of rows) if (r.state in c) c[r.state as keyof JobCounts] = Number(r.n);
    return c;
  }
}

/** The SQL Kysely compiled for the queue's calls, run as prepared statements on SQLite (see rawNow). */
const ENQUEUE_SQL =
  'insert into "jobs" ("id", "kind", "payload_json", "state", "attempts", "max_attempts", "dedupe_key", "locked_by", "heartbeat_at", "error", "created_at", "updated_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing';
const COMPLETE_SQL = 'update "jobs" set "state" = ?, "error" = ?, "updated_at" = ? where "id" = ? and "locked_by" = ?';
const CHECKPOINT_SQL = 'update "jobs" set "attempts" = ?, "heartbeat_at" = ? where "id" = ? and "locked_by" = ? and "state" = ?';
/** claim's SQL around the IN list of kinds. */
const CLAIM_SQL = [
  "UPDATE jobs SET state = 'running', locked_by = ?, heartbeat_at = ?, attempts = attempts + 1, updated_at = ? WHERE id = (SELECT id FROM jobs WHERE state = 'queued' AND kind IN ",
  ' ORDER BY created_at, id LIMIT 1) RETURNING *',
] as const;

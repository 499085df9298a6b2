// The job queue on both dialects: each job taken once, retries, and recovery after a dead worker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { DEATHS_BEFORE_FAILED, JobQueue } from '../../src/jobs/queue.js';
import { runWorker } from '../../src/jobs/worker.js';
import { Store } from '../../src/store/store.js';
import { DATABASE_URL, DIALECTS, openTestVessel, postgresSkipReason } from '../helpers/vessels.js';

for (const dialect of DIALECTS) {
  test(`job queue on ${dialect}`, { skip: dialect === 'postgres' ? await postgresSkipReason() : false }, async (t) => {
    const tv = await openTestVessel(dialect);
    const { store } = tv.vessel;
    t.after(() => tv.cleanup());

    await t.test('an open job per dedupe key; the same key may be queued again once done', async () => {
      const q = new JobQueue(store.db, store.dialect);
      assert.ok(await q.enqueue('k1', { n: 1 }, { dedupeKey: 'doc-1' }));
      assert.equal(await q.enqueue('k1', { n: 2 }, { dedupeKey: 'doc-1' }), undefined);
      const job = await q.claim(['k1']);
      assert.deepEqual(job?.payload, { n: 1 });
      await q.complete(job!.id);
      assert.ok(await q.enqueue('k1', { n: 3 }, { dedupeKey: 'doc-1' }));
      await q.complete((await q.claim(['k1']))!.id);
    });

    await t.test("the worker's statements (SQLite: prepared on the handle) never join a transaction another job holds open", async () => {
      const q = new JobQueue(store.db, store.dialect, { sqlite: store.sqliteHandle() });
      let enqueued: Promise<string | undefined> | undefined;
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.documents.insertIfNew({ sha256: 'f'.repeat(64), channel: 'cli', filename: 'x.txt', format: 'text', size: 1, state: 'queued' });
          enqueued = q.enqueue('iso', { n: 1 }, { dedupeKey: 'iso-1' }); // asked while the transaction is open
          await new Promise((r) => setTimeout(r, 20));
          throw new Error('rolled back');
        }),
        /rolled back/,
      );
      assert.ok(await enqueued, 'the job was queued');
      assert.equal(await store.db.selectFrom('documents').select('id').where('sha256', '=', 'f'.repeat(64)).executeTakeFirst(), undefined, 'the transaction rolled back');
      const job = await q.claim(['iso']);
      assert.deepEqual(job?.payload, { n: 1 }, 'the job outlived the rolled-back transaction');
      assert.equal(await q.enqueue('iso', { n: 2 }, { dedupeKey: 'iso-1' }), undefined, 'one open job per key');
      await q.checkpoint(job!.id);
      await q.complete(job!.id);
      const row = await store.db.selectFrom('jobs').select(['state', 'attempts', 'locked_by']).where('id', '=', job!.id).executeTakeFirst();
      assert.deepEqual({ ...row, attempts: Number(row!.attempts) }, { state: 'done', attempts: 1, locked_by: q.workerId });
    });

    await t.test('a failing job is retried up to its limit, then stays failed with its error', async () => {
      const q = new JobQueue(store.db, store.dialect);
      await q.enqueue('flaky', {}, { maxAttempts: 2 });
      let calls = 0;
      await runWorker(q, { flaky: async () => void (calls++, assert.fail('boom')) }, { untilIdle: true, pollMs: 5 });
      assert.equal(calls, 2);
      const c = await q.counts();
      assert.equal(c.failed, 1);
      const row = await store.db.selectFrom('jobs').select('error').where('kind', '=', 'flaky').executeTakeFirst();
      assert.match(row!.error!, /boom/);
    });

    await t.test('several workers take each job exactly once', async () => {
      const producer = new JobQueue(store.db, store.dialect);
      for (let i = 0; i < 60; i++) await producer.enqueue('count', { i });
      // Separate connections (PostgreSQL) or lanes (SQLite) compete for the same jobs.
      const extra = dialect === 'postgres' ? await Store.open({ dataDir: tv.dataDir, databaseUrl: DATABASE_URL, pgSchema: tv.pgSchema }) : store;
      const seen: number[] = [];
      const handler = async (job: { payload: unknown }) => void seen.push((job.payload as { i: number }).i);
      await Promise.all([
        runWorker(new JobQueue(store.db, store.dialect), { count: handler }, { untilIdle: true, concurrency: 3, pollMs: 5 }),
        runWorker(new JobQueue(extra.db, extra.dialect), { count: handler }, { untilIdle: true, concurrency: 3, pollMs: 5 }),
      ]);
      if (extra !== store) await extra.close();
      assert.equal(seen.length, 60);
      assert.equal(new Set(seen).size, 60);
    });

    await t.test('a job held by a dead process is recovered; one held by a live worker is not', async () => {
      const q = new JobQueue(store.db, store.dialect);
      await q.enqueue('orphan', { x: 1 });
      const deadPid = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
      const ghost = new JobQueue(store.db, store.dialect, { workerId: `${os.hostname()}/${deadPid}/dead` });
      assert.ok(await ghost.claim(['orphan']));
      await q.enqueue('held', {});
      const live = new JobQueue(store.db, store.dialect);
      assert.ok(await live.claim(['held']));
      assert.equal(await q.recoverAbandoned(), 1);
      const again = await q.claim(['orphan']);
      assert.deepEqual(again?.payload, { x: 1 });
      assert.equal(again?.attempts, 2);
      assert.equal(await q.claim(['held']), undefined);
    });

    await t.test('a job whose worker dies each time fails after ten deaths, unless it saved progress in between', async () => {
      const q = new JobQueue(store.db, store.dialect);
      const deadPid = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
      const ghost = new JobQueue(store.db, store.dialect, { workerId: `${os.hostname()}/${deadPid}/dead` });
      const dieTimes = async (kind: string, times: number, checkpoint: boolean) => {
        for (let i = 0; i < times; i++) {
          const job = await ghost.claim([kind]);
          if (!job) return;
          if (checkpoint) await ghost.checkpoint(job.id);
          await q.recoverAbandoned();
        }
      };
      const state = async (kind: string) => (await store.db.selectFrom('jobs').select('state').where('kind', '=', kind).executeTakeFirstOrThrow()).state;
      await q.enqueue('poison', {});
      await dieTimes('poison', DEATHS_BEFORE_FAILED - 1, false);
      assert.equal(await state('poison'), 'queued', 'a few kills from outside do not fail a job');
      await dieTimes('poison', 1, false);
      assert.equal(await state('poison'), 'failed', 'dies at the same place every time');
      await q.enqueue('long-sync', {});
      await dieTimes('long-sync', DEATHS_BEFORE_FAILED + 5, true);
      assert.equal(await state('long-sync'), 'queued', 'moved forward before each crash: still to be resumed');
      assert.equal((await q.claim(['long-sync']))?.attempts, 2);
    });
  });
}

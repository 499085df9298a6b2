/**
 * A SMART sync job that ends failed for good must not leave its connection showing "syncing":
 * the user sees the error with its reason, and the last successful sync is still shown. Two
 * ways a job fails for good: the worker running it died on every attempt (out-of-memory kill,
 * kill -9), and an error on its last attempt that is not the server's (a full disk).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { signIn } from '../helpers/api.js';
import { openTestVessel } from '../helpers/vessels.js';
import { buildServer } from '../../src/server/app.js';
import { connectThroughApi, startPeers } from './peers.js';
import { DEATHS_BEFORE_FAILED } from '../../src/jobs/queue.js';
import { enqueueSync, syncJobKey } from '../../src/smart/job.js';

interface Shown {
  status: string;
  error?: string;
  lastSyncAt?: string;
}

test('a SMART sync that fails for good shows error with its reason, keeping the last successful sync', async (t) => {
  delete process.env.VESSEL_SMART_SYNC_HOURS;
  const tv = await openTestVessel('sqlite');
  const peers = await startPeers();
  const app = await buildServer(tv.vessel);
  t.after(async () => {
    await app.close();
    await peers.stop();
    await tv.cleanup();
  });
  const v = tv.vessel;
  const api = await signIn(app, v);
  const id = await connectThroughApi(api, peers.fhir.base);
  await v.runJobsUntilIdle();
  const shown = async () => (await api({ url: `/api/connections/${id}` })).json() as Shown;
  const first = await shown();
  assert.equal(first.status, 'connected', first.error);
  assert.ok(first.lastSyncAt, 'the first sync finished');

  await t.test('the worker running it died on every attempt', async () => {
    assert.ok(await enqueueSync(v.queue, id));
    // What a worker leaves behind when the kernel kills it mid-sync: the job running under its
    // (now dead) pid, the connection showing "syncing". This was its last allowed death.
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    await v.store.db.updateTable('jobs').set({ state: 'running', locked_by: `${os.hostname()}/${dead}/gone`, heartbeat_at: new Date().toISOString(), attempts: DEATHS_BEFORE_FAILED }).where('dedupe_key', '=', syncJobKey(id)).where('state', '=', 'queued').execute();
    await v.store.db.updateTable('smart_connections').set({ status: 'syncing' }).where('id', '=', id).execute();
    assert.equal((await shown()).status, 'syncing');

    await v.runJobsUntilIdle(); // a worker starting takes back what dead workers held
    const c = await shown();
    assert.equal(c.status, 'error');
    assert.match(c.error ?? '', /the sync failed: the worker stopped while running this job on every attempt/);
    assert.match(c.error ?? '', /resumes from the last page on the next sync/);
    assert.equal(c.lastSyncAt, first.lastSyncAt, 'the last successful sync is still shown');
    const job = await v.store.db.selectFrom('jobs').select(['state']).where('dedupe_key', '=', syncJobKey(id)).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    assert.equal(job.state, 'failed');
  });

  await t.test('an error that is not the server\'s, on every attempt (a full disk)', async () => {
    peers.fhir.add({ resourceType: 'Observation', id: 'o-new', status: 'final', subject: { reference: 'Patient/p1' }, effectiveDateTime: '2024-03-01', code: { text: 'Weight' }, valueQuantity: { value: 70, unit: 'kg' } });
    const importBytes = v.importer.importBytes;
    v.importer.importBytes = async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    try {
      assert.ok(await enqueueSync(v.queue, id));
      await v.runJobsUntilIdle();
    } finally {
      v.importer.importBytes = importBytes;
    }
    const c = await shown();
    assert.equal(c.status, 'error');
    assert.match(c.error ?? '', /^the sync failed: ENOSPC: no space left on device, write\. It resumes from the last page on the next sync\.$/);
    assert.equal(c.lastSyncAt, first.lastSyncAt);
    const job = await v.store.db.selectFrom('jobs').select(['state', 'attempts']).where('dedupe_key', '=', syncJobKey(id)).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual([job.state, Number(job.attempts)], ['failed', 3], 'tried three times, then failed');
  });
});

/**
 * A SMART connection re-syncs on its own (the schedule lives in the jobs table, so several
 * workers deciding at once queue one sync) and can be removed: tokens gone, imported
 * documents kept, audited. Both dialects, on loopback peers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { signIn } from '../helpers/api.js';
import { DIALECTS, openTestVessel, postgresSkipReason } from '../helpers/vessels.js';
import { buildServer } from '../../src/server/app.js';
import { connectThroughApi, resourceCounts, startPeers } from './peers.js';
import { scheduleDueSyncs } from '../../src/smart/schedule.js';
import { smartOptions } from '../../src/smart/options.js';
import type { Vessel } from '../../src/app/vessel.js';

const DAY = 24 * 3_600_000;

async function syncJobs(v: Vessel, connectionId: string) {
  return v.store.db.selectFrom('jobs').select(['state', 'created_at']).where('dedupe_key', '=', `smart-sync:${connectionId}`).orderBy('created_at').execute();
}

for (const dialect of DIALECTS) {
  test(`SMART connections: scheduled re-sync and removal (${dialect})`, async (t) => {
    if (dialect === 'postgres') {
      const skip = await postgresSkipReason();
      if (skip) return t.skip(skip);
    }
    delete process.env.VESSEL_SMART_SYNC_HOURS;
    const tv = await openTestVessel(dialect);
    const peers = await startPeers();
    const app = await buildServer(tv.vessel);
    t.after(async () => {
      delete process.env.VESSEL_SMART_SYNC_HOURS;
      await app.close();
      await peers.stop();
      await tv.cleanup();
    });
    const v = tv.vessel;
    const api = await signIn(app, v);
    const id = await connectThroughApi(api, peers.fhir.base);
    await v.runJobsUntilIdle();
    const deps = { store: v.store, queue: v.queue, key: v.keyring };

    await t.test('the connection shows when it syncs next: its last sync request + 24 h by default', async () => {
      assert.equal(smartOptions().syncEveryMs, DAY);
      const c = (await api({ url: `/api/connections/${id}` })).json() as { status: string; nextSyncAt?: string };
      assert.equal(c.status, 'connected');
      const [first] = await syncJobs(v, id);
      assert.equal(c.nextSyncAt, new Date(Date.parse(first.created_at) + DAY).toISOString());
    });

    await t.test('nothing is queued before it is due; when due, workers checking at once queue one sync', async () => {
      // A day passing is simulated by moving the last sync request back in time.
      const backdate = (ms: number) => v.store.db.updateTable('jobs').set({ created_at: new Date(Date.now() - ms).toISOString() }).where('dedupe_key', '=', `smart-sync:${id}`).execute();
      await backdate(DAY - 3_600_000);
      assert.deepEqual(await scheduleDueSyncs(deps), [], '23 hours after the last sync: not due');
      assert.equal((await syncJobs(v, id)).length, 1);
      await backdate(DAY + 60_000);
      const results = await Promise.all(Array.from({ length: 6 }, () => scheduleDueSyncs(deps)));
      assert.equal(results.flat().length, 1, 'six schedulers, one sync queued');
      assert.deepEqual((await syncJobs(v, id)).map((j) => j.state), ['done', 'queued']);
      // The queued one finishes before another scheduler looks: it must not queue a second.
      peers.fhir.add({ resourceType: 'Observation', id: 'o-sched', status: 'final', subject: { reference: 'Patient/p1' }, effectiveDateTime: '2024-03-01', code: { text: 'Weight' }, valueQuantity: { value: 70, unit: 'kg' } });
      const before = (await resourceCounts(v)).Observation;
      await v.runJobsUntilIdle();
      assert.deepEqual(await scheduleDueSyncs(deps), [], 'once it ran, the next scheduler check queues nothing');
      assert.equal((await resourceCounts(v)).Observation, before + 1, 'the scheduled sync fetched the new observation');
      const c = (await api({ url: `/api/connections/${id}` })).json() as { nextSyncAt: string };
      const jobs = await syncJobs(v, id);
      assert.equal(jobs.length, 2);
      assert.equal(c.nextSyncAt, new Date(Date.parse(jobs[1].created_at) + DAY).toISOString(), 'the next one is counted from this sync');
    });

    await t.test('a running worker queues due syncs on its own (VESSEL_SMART_SYNC_HOURS sets the interval)', async () => {
      process.env.VESSEL_SMART_SYNC_HOURS = String(0.2 / 3600); // 0.2 s
      await sleep(300);
      const stop = new AbortController();
      const worker = v.runWorker(stop.signal, { pollMs: 20 });
      try {
        for (let i = 0; i < 200 && (await syncJobs(v, id)).length < 3; i++) await sleep(50);
      } finally {
        stop.abort();
        await worker;
      }
      assert.ok((await syncJobs(v, id)).length >= 3, 'the worker queued a scheduled sync');
      process.env.VESSEL_SMART_SYNC_HOURS = 'off';
      const off = (await api({ url: `/api/connections/${id}` })).json() as { nextSyncAt?: string };
      assert.equal(off.nextSyncAt, undefined, 'scheduled syncs turned off: no next sync shown');
      assert.deepEqual(await scheduleDueSyncs(deps, new Date(Date.now() + 365 * DAY)), []);
      delete process.env.VESSEL_SMART_SYNC_HOURS;
    });

    await t.test('removing a connection revokes it at the portal, deletes its tokens and waiting sync, keeps what it imported, and is audited', async () => {
      await v.runJobsUntilIdle();
      const docsBefore = await v.store.documents.list({ limit: 1000 });
      const countsBefore = await resourceCounts(v);
      assert.ok(docsBefore.length > 5);
      assert.deepEqual((await api({ method: 'POST', url: `/api/connections/${id}/sync` })).json(), { queued: true });

      const del = await api({ method: 'DELETE', url: `/api/connections/${id}` });
      assert.equal(del.statusCode, 200, del.body);
      const body = del.json() as { removed: boolean; documentsKept: number; message: string };
      assert.equal(body.removed, true);
      assert.equal(body.documentsKept, docsBefore.length);
      assert.equal((body as { revokedAtPortal?: boolean }).revokedAtPortal, true);
      assert.match(body.message, /The portal confirmed it revoked Vessel's access/);
      assert.deepEqual(peers.fhir.revocations.map((r) => [r.hint, r.clientId]), [['refresh_token', 'vessel-test'], ['access_token', 'vessel-test']], 'the refresh token (the grant), then the access token');
      assert.ok(peers.fhir.revocations.every((r) => r.token.length > 10));
      assert.match(body.message, new RegExp(`deleted its access tokens.*The ${docsBefore.length} documents already imported from it stay in your record`));

      assert.equal(await v.store.db.selectFrom('smart_connections').select('id').where('id', '=', id).executeTakeFirst(), undefined, 'the row with the sealed tokens is gone');
      assert.deepEqual((await syncJobs(v, id)).filter((j) => j.state === 'queued'), [], 'the waiting sync was dropped');
      assert.deepEqual((await api({ url: '/api/connections' })).json(), []);
      assert.equal((await v.store.documents.list({ limit: 1000 })).length, docsBefore.length);
      assert.deepEqual(await resourceCounts(v), countsBefore);
      const audit = await v.store.audit.list(undefined, 20);
      assert.ok(audit.some((e) => e.action === 'connection.remove' && e.target === id), JSON.stringify(audit.slice(0, 3)));

      assert.equal((await api({ method: 'DELETE', url: `/api/connections/${id}` })).statusCode, 404);
      assert.equal((await api({ method: 'POST', url: `/api/connections/${id}/sync` })).statusCode, 404);
      const requests = peers.fhir.requests.length;
      await v.runJobsUntilIdle();
      assert.equal(peers.fhir.requests.length, requests, 'nothing more is fetched from that server');
    });
  });
}

test('revocation at the portal is best effort: a refusal or no answer is reported as not confirmed, never thrown', async (t) => {
  const { revokeTokens } = await import('../../src/smart/oauth.js');
  const statuses: number[] = [];
  const server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(statuses.shift() ?? 200).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  t.after(() => new Promise<void>((r) => server.close(() => r())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/revoke`;
  const tokens = { accessToken: 'access-xyz', tokenType: 'Bearer', refreshToken: 'refresh-xyz' };
  assert.equal(await revokeTokens({ revocationEndpoint: url, clientId: 'c', tokens, timeoutMs: 2000 }), true);
  statuses.push(400);
  assert.equal(await revokeTokens({ revocationEndpoint: url, clientId: 'c', tokens, timeoutMs: 2000 }), false, 'the refresh token was refused');
  assert.equal(await revokeTokens({ revocationEndpoint: 'http://127.0.0.1:9/revoke', clientId: 'c', tokens, timeoutMs: 2000 }), false, 'nobody answers');
});

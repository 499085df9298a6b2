/**
 * The SMART client against misbehaving peers (SQLite; the sync logic is dialect-free and the
 * happy path runs on both in sync.test.ts): HTML instead of JSON, 429/503 with Retry-After, an
 * expired access token, a revoked refresh token, a token endpoint that never answers, a server
 * failing mid-sync (resume, nothing doubled) and a worker that died mid-sync.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { openTestVessel, type TestVessel } from '../helpers/vessels.js';
import { connect, resourceCounts, smartService, startPeers, type Peers } from './peers.js';
import { syncConnection } from '../../src/smart/sync.js';
import { ConnectionsRepo } from '../../src/smart/repo.js';
import { SmartError } from '../../src/smart/http.js';
import type { Vessel } from '../../src/app/vessel.js';

const deps = (v: Vessel) => ({ store: v.store, key: v.key, importer: v.importer });

async function withPeers(opts: Parameters<typeof startPeers>[0], fn: (v: Vessel, peers: Peers, tv: TestVessel) => Promise<void>): Promise<void> {
  const tv = await openTestVessel('sqlite');
  const peers = await startPeers(opts);
  try {
    await fn(tv.vessel, peers, tv);
  } finally {
    await peers.stop();
    await tv.cleanup();
  }
}

/** 13 resources, 9 page documents + 1 attachment: what one clean sync of the fixture stores. */
async function assertCompleteOnce(v: Vessel): Promise<void> {
  await v.runJobsUntilIdle();
  const counts = await resourceCounts(v);
  assert.deepEqual([counts.Patient, counts.Observation, counts.Condition, counts.MedicationRequest, counts.DocumentReference], [1, 5, 3, 3, 1]);
  assert.equal((await v.store.documents.list({ limit: 100 })).length, 10);
}

test('HTML instead of JSON: at discovery a clear refusal; mid-sync an error status, then a resume', async () => {
  await withPeers({}, async (v, peers) => {
    peers.fhir.faults.push({ match: /well-known|metadata/, respond: 'html', times: 2 });
    await assert.rejects(smartService(v).begin({ fhirBaseUrl: peers.fhir.base, redirectUri: 'http://127.0.0.1:9/cb' }), /HTML page instead of FHIR JSON/);

    const c = await connect(v, peers, { sync: false });
    peers.fhir.faults.push({ match: /^\/Observation\?patient=p1&_count=2$/, respond: 'html', times: 1 });
    const first = await syncConnection(deps(v), c.id);
    assert.equal(first.status, 'error');
    assert.match(first.error!, /Observation page 1: the server answered with an HTML page instead of FHIR JSON/);
    const shown = (await smartService(v).get(c.id))!;
    assert.equal(shown.status, 'error');
    assert.equal(shown.progress?.step, 'Observation');
    const second = await syncConnection(deps(v), c.id);
    assert.equal(second.status, 'connected', second.error);
    await assertCompleteOnce(v);
  });
});

test('429 and 503 are retried with backoff, honouring Retry-After', async () => {
  await withPeers({}, async (v, peers) => {
    const c = await connect(v, peers, { sync: false });
    peers.fhir.faults.push({ match: /^\/Condition\?patient=p1&_count=2$/, respond: 429, times: 1, retryAfter: '1' }, { match: /^\/Condition\?patient=p1&_count=2$/, respond: 503, times: 1 });
    const t0 = performance.now();
    const r = await syncConnection(deps(v), c.id);
    const ms = performance.now() - t0;
    assert.equal(r.status, 'connected', r.error);
    const statuses = peers.fhir.requests.filter((q) => q.path === '/Condition?patient=p1&_count=2').map((q) => q.status);
    assert.deepEqual(statuses, [429, 503, 200]);
    assert.ok(ms >= 1000, `waited ${ms} ms for Retry-After: 1`);
    await assertCompleteOnce(v);
  });
});

test('an expired access token is refreshed and the request retried; a near-expiry one is refreshed first', async () => {
  await withPeers({}, async (v, peers) => {
    const c = await connect(v, peers, { sync: false });
    peers.fhir.expireTokens();
    const r = await syncConnection(deps(v), c.id);
    assert.equal(r.status, 'connected', r.error);
    assert.deepEqual(peers.tokenRequests, ['authorization_code', 'refresh_token']);
    assert.equal(peers.fhir.requests.filter((q) => q.status === 401).length, 1, 'one 401, then the renewed token works');

    const repo = new ConnectionsRepo(v.store.db, v.key);
    const t = (await repo.tokens(c.id))!;
    await repo.saveTokens(c.id, { ...t, expiresAt: new Date(Date.now() + 5_000).toISOString() });
    const before401 = peers.fhir.requests.filter((q) => q.status === 401).length;
    assert.equal((await syncConnection(deps(v), c.id)).status, 'connected');
    assert.equal(peers.tokenRequests.at(-1), 'refresh_token');
    assert.equal(peers.fhir.requests.filter((q) => q.status === 401).length, before401, 'refreshed before asking, no 401');
  });
});

test('a revoked refresh token: needs-reauthorization with a clear message; connecting again resumes', async () => {
  await withPeers({}, async (v, peers) => {
    const c = await connect(v, peers, { sync: false });
    peers.fhir.faults.push({ match: /^\/Condition/, respond: 401, times: 1 });
    peers.revokeRefresh = true;
    const r = await syncConnection(deps(v), c.id);
    assert.equal(r.status, 'needs-reauthorization');
    assert.match(r.error!, /refused to renew access .*invalid_grant.*connect again \(vessel connect http:\/\/127\.0\.0\.1:\d+\/fhir --client-id vessel-test\)/);
    const shown = (await smartService(v).get(c.id))!;
    assert.equal(shown.status, 'needs-reauthorization');
    assert.equal(shown.progress?.step, 'Condition', 'the cursor is kept for after re-authorization');
    const n = peers.fhir.requests.length;
    assert.equal((await syncConnection(deps(v), c.id)).status, 'needs-reauthorization', 'no use asking the server again');
    assert.equal(peers.fhir.requests.length, n);

    peers.revokeRefresh = false;
    const again = await connect(v, peers, { sync: false });
    assert.equal(again.id, c.id, 're-authorizing the same server and patient keeps the connection');
    assert.equal(again.status, 'connected');
    const resumed = await syncConnection(deps(v), c.id);
    assert.equal(resumed.status, 'connected', resumed.error);
    assert.ok(!peers.fhir.requests.slice(n).some((q) => /^\/(Patient|AllergyIntolerance)\?/.test(q.path)), 'resumed at Condition');
    await assertCompleteOnce(v);
  });
});

test('a token endpoint that does not answer: a timeout with a clear error, at connect and at refresh', async () => {
  process.env.VESSEL_SMART_TOKEN_TIMEOUT_MS = '300';
  try {
    await withPeers({ slowToken: true }, async (v, peers) => {
      const t0 = performance.now();
      await assert.rejects(connect(v, peers), (err: unknown) => err instanceof SmartError && err.kind === 'timeout' && /token endpoint: no answer from 127\.0\.0\.1:\d+ within 0\.3 s/.test(err.message));
      assert.ok(performance.now() - t0 < 3000);
      assert.deepEqual(await smartService(v).list(), []);
    });
    await withPeers({}, async (v, peers) => {
      const c = await connect(v, peers, { sync: false });
      const row = await v.store.db.selectFrom('smart_connections').select('server_json').where('id', '=', c.id).executeTakeFirstOrThrow();
      await v.store.db.updateTable('smart_connections').set({ server_json: JSON.stringify({ ...JSON.parse(row.server_json), tokenEndpoint: `${peers.fhir.base}/slow-token` }) }).where('id', '=', c.id).execute();
      peers.fhir.expireTokens();
      const r = await syncConnection(deps(v), c.id);
      assert.equal(r.status, 'error', 'a slow server is not a revoked grant');
      assert.match(r.error!, /token endpoint: no answer .* within 0\.3 s\. The sync resumes from here on the next sync/);
    });
  } finally {
    process.env.VESSEL_SMART_TOKEN_TIMEOUT_MS = '5000';
  }
});

test('a server failing mid-sync: the next sync resumes from the failed page; re-fetched pages are not doubled', async () => {
  await withPeers({}, async (v, peers) => {
    const c = await connect(v, peers, { sync: false });
    peers.fhir.faults.push({ match: /^\/Condition\?patient=p1&_count=2&_offset=2$/, respond: 500, times: 1 });
    const first = await syncConnection(deps(v), c.id);
    assert.equal(first.status, 'error');
    assert.match(first.error!, /Condition page 2: HTTP 500 \(injected 500\)\. The sync resumes from here/);
    const n = peers.fhir.requests.length;
    const second = await syncConnection(deps(v), c.id);
    assert.equal(second.status, 'connected', second.error);
    assert.equal(peers.fhir.requests[n].path, '/Condition?patient=p1&_count=2&_offset=2', 'resumed at the failed page');
    assert.equal(second.counts!.resources, 13);
    await assertCompleteOnce(v);

    // A crash between storing a page and saving the cursor means fetching pages again: rewind
    // the cursor to the start and run; the same results are the same bytes, stored once.
    const repo = new ConnectionsRepo(v.store.db, v.key);
    const conn = (await repo.get(c.id))!;
    await repo.update(c.id, { cursor: { startedAt: new Date().toISOString(), steps: conn.server.types, step: 0, page: 0, counts: { pages: 0, resources: 0, attachments: 0, attachmentsSkipped: 0, newDocuments: 0 } } });
    const third = await syncConnection(deps(v), c.id);
    assert.equal(third.status, 'connected');
    assert.equal(third.counts!.resources, 13);
    assert.equal(third.counts!.newDocuments, 0);
    await assertCompleteOnce(v);
  });
});

test('a worker that died mid-sync: the queue hands the job back and it resumes from the saved cursor', async () => {
  await withPeers({}, async (v, peers) => {
    const c = await connect(v, peers, { sync: false });
    peers.fhir.faults.push({ match: /^\/MedicationRequest/, respond: 500, times: 1 });
    await syncConnection(deps(v), c.id); // stops at MedicationRequest with its cursor saved
    const now = new Date().toISOString();
    await v.store.db
      .insertInto('jobs')
      .values({ id: randomUUID(), kind: 'smart-sync', payload_json: JSON.stringify({ connectionId: c.id }), state: 'running', attempts: 1, max_attempts: 3, dedupe_key: `smart-sync:${c.id}`, locked_by: `${os.hostname()}/999999/dead`, heartbeat_at: now, error: null, created_at: now, updated_at: now })
      .execute();
    const n = peers.fhir.requests.length;
    await v.runJobsUntilIdle();
    assert.equal((await smartService(v).get(c.id))!.status, 'connected');
    assert.ok(peers.fhir.requests[n].path.startsWith('/MedicationRequest'), peers.fhir.requests[n].path);
    await assertCompleteOnce(v);
  });
});

test('discovery: SMART v1 scopes, the CapabilityStatement fallback, and Patient/$everything', async () => {
  await withPeers({ smart: 'v1' }, async (v, peers) => {
    const r = await smartService(v).begin({ fhirBaseUrl: peers.fhir.base, redirectUri: 'http://127.0.0.1:9/cb' });
    assert.equal(new URL(r.authorizeUrl).searchParams.get('scope'), 'launch/patient openid fhirUser offline_access patient/*.read');
  });
  await withPeers({ smart: 'none' }, async (v, peers) => {
    const c = await connect(v, peers, { sync: false });
    const conn = (await new ConnectionsRepo(v.store.db, v.key).get(c.id))!;
    assert.equal(conn.server.discoveredBy, 'capability-statement');
    assert.equal(conn.server.scopeVersion, 'v1');
    assert.deepEqual(conn.server.types, ['Patient', 'AllergyIntolerance', 'Condition', 'DocumentReference', 'MedicationRequest', 'Observation']);
  });
  await withPeers({ everything: true }, async (v, peers) => {
    const c = await connect(v, peers);
    await v.runJobsUntilIdle();
    const shown = (await smartService(v).get(c.id))!;
    assert.equal(shown.status, 'connected', shown.error);
    assert.equal(shown.lastCounts!.resources, 13);
    assert.equal(shown.lastCounts!.pages, 7);
    assert.ok(peers.fhir.requests.every((q) => /metadata|well-known|\$everything\?_count=2|Binary/.test(q.path)), JSON.stringify(peers.fhir.requests.map((q) => q.path)));
    const counts = await resourceCounts(v);
    assert.deepEqual([counts.Patient, counts.Observation, counts.Condition, counts.MedicationRequest, counts.DocumentReference], [1, 5, 3, 3, 1]);
  });
});

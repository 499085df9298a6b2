/**
 * The SMART client end to end on loopback, on both store dialects: connect through the HTTP
 * API (PKCE, state), sync as a job through the real importer and FHIR adapter, paging with
 * _count=2, an attachment, tokens sealed and never shown, an incremental re-sync that adds
 * only what changed.
 */
import { test } from 'node:test';
import { signIn } from '../helpers/api.js';
import assert from 'node:assert/strict';
import { DIALECTS, openTestVessel, postgresSkipReason } from '../helpers/vessels.js';
import { buildServer } from '../../src/server/app.js';
import { authorizeInBrowser, resourceCounts, startPeers } from './peers.js';
import { NOTE_TEXT } from './fhir-server.js';
import { ConnectionsRepo } from '../../src/smart/repo.js';

for (const dialect of DIALECTS) {
  test(`SMART standalone launch, paged sync, incremental re-sync (${dialect})`, async (t) => {
    if (dialect === 'postgres') {
      const skip = await postgresSkipReason();
      if (skip) return t.skip(skip);
    }
    const tv = await openTestVessel(dialect);
    const peers = await startPeers();
    const app = await buildServer(tv.vessel);
    const api = await signIn(app, tv.vessel);
    try {
      const v = tv.vessel;
      // 1. The app asks for an authorize URL.
      const post = await api({ method: 'POST', url: '/api/connections', headers: { host: '127.0.0.1:4000' }, payload: { fhirBaseUrl: `${peers.fhir.base}/`, clientId: 'vessel-test' } });
      assert.equal(post.statusCode, 200, post.body);
      const { authorizeUrl, redirectUri } = post.json() as { authorizeUrl: string; redirectUri: string };
      assert.equal(redirectUri, 'http://127.0.0.1:4000/api/connections/callback');
      const au = new URL(authorizeUrl);
      assert.equal(au.searchParams.get('code_challenge_method'), 'S256');
      assert.match(au.searchParams.get('code_challenge')!, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(au.searchParams.get('scope'), 'launch/patient openid fhirUser offline_access patient/*.rs');
      assert.equal(au.searchParams.get('aud'), peers.fhir.base);

      // 2. The browser authorizes and comes back; a wrong state is refused.
      const q = await authorizeInBrowser(authorizeUrl);
      const bad = await api({ url: `/api/connections/callback?code=${q.get('code')}&state=forged` });
      assert.equal(bad.statusCode, 302);
      assert.match(decodeURIComponent(bad.headers.location as string), /connection_error=.*unknown/);
      const cb = await api({ url: `/api/connections/callback?${q}` });
      assert.equal(cb.statusCode, 302);
      const id = decodeURIComponent(/connected=([^&]+)/.exec(cb.headers.location as string)![1]);
      const replay = await api({ url: `/api/connections/callback?${q}` });
      assert.match(decodeURIComponent(replay.headers.location as string), /connection_error=.*already used/, 'a state works once');

      // 3. The first sync runs as a job (queued by the callback) with the ingest jobs it creates.
      const t0 = performance.now();
      await v.runJobsUntilIdle();
      const ms = performance.now() - t0;
      const list = (await api({ url: '/api/connections' })).json() as Array<Record<string, any>>;
      assert.equal(list.length, 1);
      const c = list[0];
      assert.equal(c.id, id);
      assert.equal(c.status, 'connected', c.error);
      assert.equal(c.patient, 'p1');
      assert.deepEqual({ pages: c.lastCounts.pages, resources: c.lastCounts.resources, attachments: c.lastCounts.attachments }, { pages: 9, resources: 13, attachments: 1 });
      console.log(`# ${dialect}: first sync + ingest of 13 resources in 9 pages + 1 attachment: ${ms.toFixed(0)} ms, ${peers.fhir.requests.length} FHIR requests`);

      // Paging followed with _count=2; every data request carried the token.
      const paths = peers.fhir.requests.map((r) => r.path);
      assert.ok(paths.includes('/Observation?patient=p1&_count=2'));
      assert.ok(paths.includes('/Observation?patient=p1&_count=2&_offset=4'));
      assert.ok(peers.fhir.requests.filter((r) => !/metadata|well-known/.test(r.path)).every((r) => r.authorized));

      // The record holds what the server had; the attachment is a document of its own.
      const counts = await resourceCounts(v);
      assert.equal(counts.Observation, 5);
      assert.equal(counts.Condition, 3);
      assert.equal(counts.MedicationRequest, 3);
      assert.equal(counts.DocumentReference, 1);
      const docs = await v.store.documents.list({ limit: 100 });
      assert.equal(docs.length, 10);
      assert.ok(docs.every((d) => d.channel === 'smart' && d.state === 'done'), JSON.stringify(docs.map((d) => [d.filename, d.state, d.error])));
      const note = docs.find((d) => d.filename.endsWith('-DocumentReference-d1-1.txt'))!;
      assert.ok(note?.parentId, 'attachment is a child of its page');
      assert.equal((await v.vault.get(note.sha256)).toString(), NOTE_TEXT);

      // Tokens: sealed at rest, never in API answers.
      const tokens = (await new ConnectionsRepo(v.store.db, v.key).tokens(id))!;
      assert.ok(tokens.accessToken && tokens.refreshToken);
      const row = await v.store.db.selectFrom('smart_connections').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.ok(!JSON.stringify(row).includes(tokens.accessToken) && !JSON.stringify(row).includes(tokens.refreshToken));
      const one = await api({ url: `/api/connections/${id}` });
      for (const body of [JSON.stringify(list), one.body]) assert.ok(!body.includes(tokens.refreshToken) && !body.includes(tokens.accessToken.slice(0, 40)));

      // 4. Incremental: one new Observation; the second sync fetches and stores only it.
      peers.fhir.add({ resourceType: 'Observation', id: 'o6', status: 'final', subject: { reference: 'Patient/p1' }, effectiveDateTime: '2024-02-01', code: { coding: [{ system: 'http://loinc.org', code: '2345-7', display: 'Glucose' }] }, valueQuantity: { value: 101, unit: 'mg/dL' } });
      const before = peers.fhir.requests.length;
      const sync = await api({ method: 'POST', url: `/api/connections/${id}/sync` });
      assert.deepEqual(sync.json(), { queued: true });
      assert.deepEqual((await api({ method: 'POST', url: `/api/connections/${id}/sync` })).json(), { queued: false }, 'one open sync per connection');
      await v.runJobsUntilIdle();
      const again = (await api({ url: `/api/connections/${id}` })).json() as Record<string, any>;
      assert.equal(again.status, 'connected', again.error);
      assert.equal(again.lastCounts.resources, 1);
      assert.equal(again.lastCounts.newDocuments, 1);
      assert.ok(peers.fhir.requests.slice(before).every((r) => /_lastUpdated=gt|metadata/.test(r.path)), 'every search of the re-sync is incremental');
      assert.equal((await resourceCounts(v)).Observation, 6);
      assert.equal((await v.store.documents.list({ limit: 100 })).length, 11);
    } finally {
      await app.close();
      await peers.stop();
      await tv.cleanup();
    }
  });
}

// Accounts, households and least access (issue 10), through the real HTTP routes: every /api
// route answers 401 without a session; an account with no role on a record gets 404 for
// anything of it and never sees it in lists; a viewer cannot change it; CSRF, lockout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestVessel, postgresSkipReason } from '../helpers/vessels.js';
import { textFixtureAdapter } from '../helpers/text-adapter.js';
import { signIn, TEST_PASSWORD } from '../helpers/api.js';
import { buildServer } from '../../src/server/app.js';
import { ConnectionsRepo } from '../../src/smart/repo.js';
import { PasskeysRepo } from '../../src/store/passkeys.js';

function multipart(name: string, data: string) {
  const boundary = '----vesselaccess' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n${data}\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const FIXTURE = 'Patient: Ada Testbury, 1950-02-03, MRN 77\nGlucose 99 mg/dL 2020-01-02\n';

const pgSkip = await postgresSkipReason();

for (const dialect of ['sqlite', 'postgres'] as const) {
  test(`access control on every API route (${dialect})`, { skip: dialect === 'postgres' && pgSkip }, async (t) => {
    const tv = await openTestVessel(dialect, { adapters: [textFixtureAdapter] });
    const app = await buildServer(tv.vessel);
    t.after(async () => {
      await app.close();
      await tv.cleanup();
    });
    const { store } = tv.vessel;

    // Household A: Ada's record, uploaded by alice, with a share and a SMART connection.
    const alice = await signIn(app, tv.vessel, { username: 'alice' });
    const up = await alice({ method: 'POST', url: '/api/documents', ...multipart('ada.txt', FIXTURE) });
    assert.equal(up.statusCode, 200);
    await tv.vessel.runJobsUntilIdle({ pollMs: 10 });
    const [ada] = (await alice('/api/people')).json();
    assert.equal(ada.displayName, 'Ada Testbury');
    assert.equal(ada.role, 'owner', 'the uploader owns the person the upload created');
    const [doc] = (await alice(`/api/documents?person=${ada.id}`)).json();
    const [res] = (await alice(`/api/resources?person=${ada.id}`)).json();
    const share = await alice({ method: 'POST', url: `/api/people/${ada.id}/shares`, payload: { what: 'ips', expires: '1d' } });
    assert.equal(share.statusCode, 200, share.body);
    const shareId = share.json().id as string;
    const conn = await new ConnectionsRepo(store.db, tv.vessel.key).saveAuthorized({
      fhirBaseUrl: 'https://fhir.example/r4',
      clientId: 'vessel',
      server: { authorizationEndpoint: 'https://fhir.example/auth', tokenEndpoint: 'https://fhir.example/token', scopeVersion: 'v2' } as never,
      tokens: { accessToken: 'x', tokenType: 'Bearer' } as never,
      accountId: alice.accountId,
    });

    // Household B: bob, with nothing of Ada's. Carol: a viewer of Ada's record.
    const bob = await signIn(app, tv.vessel, { username: 'bob' });
    const carol = await signIn(app, tv.vessel, { username: 'carol', roles: { [ada.id]: 'viewer' } });

    // alice's passkey: account routes under /api/passkeys/:id get its id in the sweep.
    const passkeys = new PasskeysRepo(store.db);
    const passkey = await passkeys.add({ id: 'alices-passkey-credential-id', accountId: alice.accountId, name: 'Laptop', publicKey: 'AAAA', counter: 0, transports: ['internal'], deviceType: 'multiDevice', backedUp: true });

    const idFor: Record<string, string> = { person: ada.id, document: doc.id, resource: res.id, share: shareId, connection: conn.id, 'person-query': ada.id };
    const urlOf = (r: { url: string; access: string }) =>
      r.url
        .replace(':id', r.url.startsWith('/api/passkeys/') ? passkey.id : (idFor[r.access] ?? 'x'))
        .replace(/:kind\([^)]*\)/, 'labs')
        .replace(/:(\w+)/g, (_m, name) => (name === 'username' ? 'bob' : '1'))
        .concat(r.access === 'person-query' || r.url === '/api/shares' ? `?person=${ada.id}` : r.url.startsWith('/api/search') ? '?q=glucose' : '');
    // (Signing out is left to its own test: the sweep would end its own session.)
    const routes = app.apiRoutes.filter((r) => r.access !== 'public' && r.url !== '/api/session');
    assert.ok(routes.length >= 40, `every API route is listed (${routes.length})`);
    for (const url of ['/api/documents/:id/pages/:n.png', '/api/documents/:id/pages/:n/words']) assert.ok(routes.some((r) => r.url === url && r.access === 'document'), `${url} is swept as a document route`);

    await t.test('without a session every non-public route answers 401', async () => {
      for (const r of routes) {
        const res = await app.inject({ method: r.method as 'GET', url: urlOf(r), payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
        assert.equal(res.statusCode, 401, `${r.method} ${r.url} → ${res.statusCode}`);
      }
    });

    await t.test("an account without a role on Ada gets 404 for each of her things and sees none of them in lists", async () => {
      const secrets = [ada.id, doc.id, res.id, shareId, conn.id, passkey.id];
      for (const r of routes) {
        const res = await bob({ method: r.method as 'GET', url: urlOf(r), payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
        if (r.access === 'account') {
          assert.ok(res.statusCode !== 401 && res.statusCode !== 403 && res.statusCode < 500, `${r.method} ${r.url} → ${res.statusCode} ${res.body.slice(0, 160)}`);
          for (const s of secrets) assert.ok(!res.body.includes(s), `${r.method} ${r.url} leaks ${s}: ${res.body.slice(0, 200)}`);
        } else if (r.url === '/api/people/:id/roles/:username' && r.method !== 'GET') {
          assert.equal(res.statusCode, 404, `${r.method} ${r.url} → ${res.statusCode}`);
        } else {
          assert.equal(res.statusCode, 404, `${r.method} ${urlOf(r)} → ${res.statusCode} ${res.body.slice(0, 120)}`);
          assert.ok(!res.body.includes('Testbury'), `${r.method} ${r.url} leaks the name`);
        }
      }
      // Counts leak too: bob's search facets count nothing of Ada's, alice's count her record.
      assert.deepEqual((await bob('/api/search/facets?q=glucose')).json(), { resources: [], documents: [] });
      assert.ok((await alice('/api/search/facets?q=glucose')).json().resources.length > 0, "alice's facets count Ada's glucose");
      assert.ok(await passkeys.get(passkey.id), "bob's sweep removed none of alice's passkeys");
      assert.ok(await new ConnectionsRepo(store.db, tv.vessel.key).get(conn.id), "bob's sweep (DELETE /api/connections/:id included) removed none of alice's connections");
      // The same 404 as for an id that does not exist: nothing to learn by probing.
      const missing = await bob('/api/people/00000000-0000-4000-8000-000000000000');
      const hidden = await bob(`/api/people/${ada.id}`);
      assert.equal(missing.statusCode, hidden.statusCode);
      assert.equal(missing.json().issue[0].diagnostics, hidden.json().issue[0].diagnostics);
    });

    await t.test('a viewer can read the record but every change is refused with 403', async () => {
      assert.equal((await carol(`/api/people/${ada.id}`)).statusCode, 200);
      assert.equal((await carol(`/api/documents/${doc.id}/original`)).statusCode, 200);
      const writes = routes.filter((r) => r.method !== 'GET' && ['person', 'document', 'resource', 'share'].includes(r.access));
      assert.ok(writes.length >= 5);
      for (const r of writes) {
        const res = await carol({ method: r.method as 'POST', url: urlOf(r), payload: r.method === 'DELETE' ? undefined : {} });
        assert.equal(res.statusCode, 403, `${r.method} ${r.url} → ${res.statusCode}`);
      }
      const people = (await carol('/api/people')).json();
      assert.deepEqual(people.map((p: { id: string; role: string }) => [p.id, p.role]), [[ada.id, 'viewer']]);
    });

    await t.test('the same file uploaded by another household is their own document, attached to their own person', async () => {
      const again = await bob({ method: 'POST', url: '/api/documents', ...multipart('mine.txt', FIXTURE) });
      assert.equal(again.json().files[0].status, 'stored', 'not "already stored": that would tell bob alice has it');
      await tv.vessel.runJobsUntilIdle({ pollMs: 10 });
      const bobs = (await bob('/api/people')).json();
      assert.equal(bobs.length, 1);
      assert.notEqual(bobs[0].id, ada.id, 'matched only among bob\'s own people');
      assert.equal((await alice('/api/people')).json().length, 1);
    });

    await t.test("a document that names no one is shown only to the household that brought it in", async () => {
      const up = await bob({ method: 'POST', url: '/api/documents', ...multipart('bobs-loose-note.txt', 'call the clinic about the knee brace\n') });
      assert.equal(up.json().files[0].status, 'stored');
      await tv.vessel.runJobsUntilIdle({ pollMs: 10 });
      const bobsPerson = (await bob('/api/people')).json()[0].id as string;
      assert.match((await bob(`/api/views/home?person=${bobsPerson}`)).body, /bobs-loose-note/, 'bob is asked whose it is');
      assert.doesNotMatch((await alice(`/api/views/home?person=${ada.id}`)).body, /bobs-loose-note/, 'alice never sees it');
      assert.doesNotMatch((await alice('/api/documents')).body, /bobs-loose-note/);
    });

    await t.test('state-changing requests need the CSRF token', async () => {
      const noToken = await app.inject({ method: 'POST', url: `/api/documents/${doc.id}/reprocess`, headers: { cookie: alice.cookie } });
      assert.equal(noToken.statusCode, 403);
      const wrong = await app.inject({ method: 'POST', url: `/api/documents/${doc.id}/reprocess`, headers: { cookie: alice.cookie, 'x-csrf-token': 'nope' } });
      assert.equal(wrong.statusCode, 403);
      assert.equal((await alice({ method: 'POST', url: `/api/documents/${doc.id}/reprocess` })).statusCode, 200);
    });

    await t.test('only an owner hands out roles; the last owner cannot be removed', async () => {
      assert.equal((await carol({ method: 'PUT', url: `/api/people/${ada.id}/roles/carol`, payload: { role: 'owner' } })).statusCode, 403);
      const granted = await alice({ method: 'PUT', url: `/api/people/${ada.id}/roles/bob`, payload: { role: 'caregiver' } });
      assert.equal(granted.statusCode, 200, granted.body);
      assert.equal((await bob(`/api/people/${ada.id}`)).statusCode, 200, 'a caregiver now reaches the record');
      assert.equal((await alice({ method: 'DELETE', url: `/api/people/${ada.id}/roles/alice` })).statusCode, 409);
      assert.equal((await alice({ method: 'DELETE', url: `/api/people/${ada.id}/roles/bob` })).statusCode, 200);
      assert.equal((await bob(`/api/people/${ada.id}`)).statusCode, 404);
    });

    await t.test('the audit trail shows who viewed and changed the record, to the people on it', async () => {
      const trail = (await alice(`/api/people/${ada.id}/audit`)).json() as Array<{ actor: string; action: string }>;
      assert.ok(trail.some((e) => e.actor === 'carol' && e.action === 'record.view'), 'carol\'s view is recorded');
      assert.ok(trail.some((e) => e.actor === 'alice' && e.action === 'role.change'));
      assert.ok(trail.some((e) => e.actor === 'carol' && e.action === 'document.download'));
      assert.equal((await bob(`/api/people/${ada.id}/audit`)).statusCode, 404);
    });

    await t.test('five wrong passwords lock the account, also against the right one; logout ends the session', async () => {
      const login = (password: string) => app.inject({ method: 'POST', url: '/api/session', payload: { username: 'carol', password }, remoteAddress: '10.0.0.9' });
      for (let i = 0; i < 5; i++) assert.equal((await login('wrong password!')).statusCode, 401);
      const locked = await login(TEST_PASSWORD);
      assert.equal(locked.statusCode, 429);
      assert.match(locked.json().issue[0].diagnostics, /locked/);
      const out = await alice({ method: 'DELETE', url: '/api/session' });
      assert.equal(out.statusCode, 200);
      assert.equal((await alice('/api/people')).statusCode, 401);
      const events = await store.audit.list(undefined, 500);
      assert.ok(events.some((e) => e.action === 'login.failed' && e.actor === 'carol'));
      assert.ok(events.some((e) => e.action === 'logout' && e.actor === 'alice'));
    });

    await t.test('the public passkey sign-in routes start no session for a made-up answer', async () => {
      const opts = await app.inject({ method: 'POST', url: '/api/session/passkey-options', payload: {}, remoteAddress: '10.0.0.20' });
      assert.equal(opts.statusCode, 200);
      assert.ok(opts.json().challenge);
      const res = await app.inject({ method: 'POST', url: '/api/session/passkey', payload: { response: { id: passkey.id } }, remoteAddress: '10.0.0.20' });
      assert.equal(res.statusCode, 401);
      assert.equal(res.headers['set-cookie'], undefined);
    });

    await t.test('the session cookie is httpOnly and SameSite', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'bob', password: TEST_PASSWORD } });
      assert.match(String(res.headers['set-cookie']), /HttpOnly; SameSite=Lax/);
    });
  });
}

// Passkeys through the real HTTP routes with a software authenticator (the browser test,
// test/e2e/passkeys.test.ts, uses Chromium's virtual one): register, sign in with and without
// a username, and every way a sign-in must fail — replayed or expired challenge, wrong
// origin, unknown passkey, wrong key, a counter that does not move — each the same 401.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { openTestVessel, postgresSkipReason } from '../helpers/vessels.js';
import { signIn, TEST_PASSWORD } from '../helpers/api.js';
import { SoftAuthenticator } from '../helpers/soft-authenticator.js';
import { buildServer } from '../../src/server/app.js';
import { changePassword } from '../../src/auth/accounts.js';

const ORIGIN = 'http://localhost:4780';
const pgSkip = await postgresSkipReason();

/** Public sign-in calls as a browser on ORIGIN makes them, from its own address. */
const anonymous = (app: FastifyInstance, ip: string) => (url: string, payload: unknown, origin = ORIGIN) =>
  app.inject({ method: 'POST', url, payload: payload as InjectOptions['payload'], headers: { origin }, remoteAddress: ip });

for (const dialect of ['sqlite', 'postgres'] as const) {
  test(`passkeys (${dialect})`, { skip: dialect === 'postgres' && pgSkip }, async (t) => {
    const tv = await openTestVessel(dialect, { origin: ORIGIN });
    const app = await buildServer(tv.vessel);
    t.after(async () => {
      await app.close();
      await tv.cleanup();
    });
    const { store } = tv.vessel;
    const alice = await signIn(app, tv.vessel, { username: 'alice' });
    const bob = await signIn(app, tv.vessel, { username: 'bob' });
    const key = new SoftAuthenticator(ORIGIN);

    const register = async (who: typeof alice, auth: SoftAuthenticator, name?: string) => {
      const opts = await who({ method: 'POST', url: '/api/passkeys/registration-options', headers: { origin: ORIGIN } });
      assert.equal(opts.statusCode, 200, opts.body);
      const options = opts.json();
      const response = auth.register(options);
      return { options, response, res: await who({ method: 'POST', url: '/api/passkeys', headers: { origin: ORIGIN }, payload: { response, name } }) };
    };
    const options = async (post: ReturnType<typeof anonymous>, username?: string) => {
      const res = await post('/api/session/passkey-options', username ? { username } : {});
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { challenge: string; rpId: string; allowCredentials?: Array<{ id: string }>; userVerification: string };
    };

    await t.test('a signed-in account registers a discoverable passkey bound to the configured origin', async () => {
      const { options: o, res } = await register(alice, key, 'Laptop');
      assert.equal(o.rp.id, 'localhost');
      assert.equal(o.authenticatorSelection.residentKey, 'required');
      assert.equal(o.authenticatorSelection.userVerification, 'required');
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().name, 'Laptop');
      const list = (await alice('/api/passkeys')).json();
      assert.deepEqual(list.map((p: { id: string; name: string }) => [p.id, p.name]), [[key.id, 'Laptop']]);
      assert.doesNotMatch(JSON.stringify(list), /publicKey|public_key/, 'the key itself is not shown');
      assert.deepEqual((await bob('/api/passkeys')).json(), [], "bob does not see alice's passkeys");
      const next = await alice({ method: 'POST', url: '/api/passkeys/registration-options', headers: { origin: ORIGIN } });
      assert.deepEqual(next.json().excludeCredentials.map((c: { id: string }) => c.id), [key.id], 'the same authenticator is not registered twice');
    });

    await t.test('a registration answer works once, only for the account that asked, only from our origin', async () => {
      const other = new SoftAuthenticator(ORIGIN);
      const { response, res } = await register(alice, other);
      assert.equal(res.statusCode, 200);
      const replay = await alice({ method: 'POST', url: '/api/passkeys', payload: { response } });
      assert.equal(replay.statusCode, 400, 'the challenge was used');
      const o = (await alice({ method: 'POST', url: '/api/passkeys/registration-options', headers: { origin: ORIGIN } })).json();
      const stolen = await bob({ method: 'POST', url: '/api/passkeys', payload: { response: new SoftAuthenticator(ORIGIN).register(o) } });
      assert.equal(stolen.statusCode, 400, "bob cannot answer alice's challenge");
      const o2 = (await alice({ method: 'POST', url: '/api/passkeys/registration-options', headers: { origin: ORIGIN } })).json();
      const elsewhere = await alice({ method: 'POST', url: '/api/passkeys', payload: { response: new SoftAuthenticator('http://evil.example').register(o2) } });
      assert.equal(elsewhere.statusCode, 400, 'a page elsewhere cannot register a passkey for Vessel');
      await alice({ method: 'DELETE', url: `/api/passkeys/${other.id}` });
    });

    await t.test('sign-in without a username: the browser offers the passkey, a session starts', async () => {
      const post = anonymous(app, '10.1.0.1');
      const o = await options(post);
      assert.equal(o.rpId, 'localhost');
      assert.equal(o.userVerification, 'required');
      assert.ok(!o.allowCredentials?.length, 'any discoverable passkey of this site');
      const res = await post('/api/session/passkey', { response: key.signIn(o) });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().account.username, 'alice');
      const cookie = String(res.headers['set-cookie']);
      assert.match(cookie, /vessel_session=.+; Path=\/; HttpOnly; SameSite=Lax/);
      const session = await app.inject({ url: '/api/session', headers: { cookie: cookie.split(';')[0] } });
      assert.equal(session.json().account.username, 'alice');
      const events = await store.audit.list(undefined, 100);
      assert.ok(events.some((e) => e.action === 'login' && e.actor === 'alice' && (e.detail as { method?: string }).method === 'passkey'));
      assert.ok(events.some((e) => e.action === 'passkey.add' && e.actor === 'alice'));
    });

    await t.test('sign-in with a username lists that account\'s passkeys; a name without any gets the same decoy each time', async () => {
      const post = anonymous(app, '10.1.0.2');
      const o = await options(post, 'alice');
      assert.deepEqual(o.allowCredentials?.map((c) => c.id), [key.id]);
      assert.equal((await post('/api/session/passkey', { response: key.signIn(o) })).statusCode, 200);
      const nobody1 = await options(post, 'nobody');
      const nobody2 = await options(post, 'nobody');
      const bobs = await options(post, 'bob');
      assert.equal(nobody1.allowCredentials?.length, 1, 'an unknown name looks like one with a passkey');
      assert.deepEqual(nobody1.allowCredentials, nobody2.allowCredentials);
      assert.equal(bobs.allowCredentials?.length, 1);
      assert.notDeepEqual(bobs.allowCredentials, nobody1.allowCredentials);
      // alice's passkey answering a ceremony started for bob is refused.
      assert.equal((await post('/api/session/passkey', { response: key.signIn(bobs) })).statusCode, 401);
    });

    await t.test('every failed sign-in is the same 401, whichever part failed', async () => {
      const post = anonymous(app, '10.1.0.3');
      const good = key.signIn(await options(post));
      assert.equal((await post('/api/session/passkey', { response: good })).statusCode, 200);
      const failures: Record<string, Awaited<ReturnType<typeof post>>> = {};
      failures['replayed challenge'] = await post('/api/session/passkey', { response: good });
      failures['wrong origin'] = await post('/api/session/passkey', { response: key.signIn(await options(post), { origin: 'http://evil.example' }) });
      failures['wrong RP ID'] = await post('/api/session/passkey', { response: key.signIn(await options(post), { rpId: 'evil.example' }) });
      failures['unknown passkey'] = await post('/api/session/passkey', { response: new SoftAuthenticator(ORIGIN).signIn(await options(post)) });
      failures['wrong key'] = await post('/api/session/passkey', { response: key.signIn(await options(post), { wrongKey: true }) });
      failures['counter did not move'] = await post('/api/session/passkey', { response: key.signIn(await options(post), { counter: 1 }) });
      failures['no user verification'] = await post('/api/session/passkey', { response: key.signIn(await options(post), { userVerified: false }) });
      failures['made-up challenge'] = await post('/api/session/passkey', { response: key.signIn({ challenge: 'bm90LWdpdmVuLW91dA', rpId: 'localhost' }) });
      const expired = await options(post);
      await store.db.updateTable('webauthn_challenges').set({ expires_at: '2000-01-01T00:00:00.000Z' }).where('challenge', '=', expired.challenge).execute();
      failures['expired challenge'] = await post('/api/session/passkey', { response: key.signIn(expired) });
      failures['garbage'] = await post('/api/session/passkey', { response: { id: key.id, response: { clientDataJSON: 'x' } } });
      for (const [what, res] of Object.entries(failures)) {
        assert.equal(res.statusCode, 401, `${what} → ${res.statusCode} ${res.body}`);
        assert.equal(res.json().issue[0].diagnostics, 'passkey sign-in failed', what);
        assert.equal(res.headers['set-cookie'], undefined, `${what}: no session`);
      }
      // The ones made with alice's real passkey id count towards her lockout; reset for what follows.
      await store.accounts.resetFailedLogins(alice.accountId);
    });

    await t.test('five failed passkey sign-ins lock the account (passkey and password alike); ten from one address make it wait', async () => {
      const dave = await signIn(app, tv.vessel, { username: 'dave' });
      const daves = new SoftAuthenticator(ORIGIN);
      assert.equal((await register(dave, daves)).res.statusCode, 200);
      const post = anonymous(app, '10.1.0.4');
      for (let i = 0; i < 5; i++) assert.equal((await post('/api/session/passkey', { response: daves.signIn(await options(post), { wrongKey: true }) })).statusCode, 401);
      const locked = await post('/api/session/passkey', { response: daves.signIn(await options(post)) });
      assert.equal(locked.statusCode, 429);
      assert.match(locked.json().issue[0].diagnostics, /locked/);
      const pw = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'dave', password: TEST_PASSWORD }, remoteAddress: '10.1.0.5' });
      assert.equal(pw.statusCode, 429, 'the password is locked out too');
      const events = await store.audit.list(undefined, 500);
      assert.ok(events.filter((e) => e.action === 'login.failed' && e.actor === 'dave').length >= 5);

      const flood = anonymous(app, '10.1.0.6');
      for (let i = 0; i < 10; i++) await flood('/api/session/passkey', { response: new SoftAuthenticator(ORIGIN).signIn(await options(flood)) });
      const waiting = await flood('/api/session/passkey-options', {});
      assert.equal(waiting.statusCode, 429);
      assert.ok(Number(waiting.headers['retry-after']) > 0);
    });

    await t.test('a new password keeps the passkeys', async () => {
      await changePassword(store, 'alice', 'a brand new passphrase');
      const post = anonymous(app, '10.1.0.7');
      assert.equal((await post('/api/session/passkey', { response: key.signIn(await options(post)) })).statusCode, 200);
    });

    if (dialect === 'sqlite') {
      await t.test('vessel user list shows how many passkeys each account has', async () => {
        const out = spawnSync(process.execPath, [path.resolve('bin/vessel.js'), 'user', 'list', '--json'], { env: { ...process.env, VESSEL_DATA: tv.dataDir, VESSEL_KEY: tv.vessel.key.toString('base64'), VESSEL_DATABASE_URL: '' }, encoding: 'utf8' });
        assert.equal(out.status, 0, out.stderr);
        const list = JSON.parse(out.stdout) as Array<{ username: string; passkeys: number }>;
        assert.deepEqual(Object.fromEntries(list.map((a) => [a.username, a.passkeys])), { alice: 1, bob: 0, dave: 1 });
      });
    }

    await t.test("only the owner removes a passkey; once removed it signs no one in", async () => {
      const alice2 = await signIn(app, tv.vessel, { username: 'alice', password: 'a brand new passphrase' });
      assert.equal((await bob({ method: 'DELETE', url: `/api/passkeys/${key.id}` })).statusCode, 404, "bob cannot remove alice's");
      const removed = await alice2({ method: 'DELETE', url: `/api/passkeys/${key.id}` });
      assert.equal(removed.statusCode, 200, removed.body);
      assert.deepEqual(removed.json(), []);
      assert.equal((await alice2({ method: 'DELETE', url: `/api/passkeys/${key.id}` })).statusCode, 404);
      const post = anonymous(app, '10.1.0.8');
      const res = await post('/api/session/passkey', { response: key.signIn(await options(post)) });
      assert.equal(res.statusCode, 401);
      const events = await store.audit.list(undefined, 500);
      assert.ok(events.some((e) => e.action === 'passkey.remove' && e.actor === 'alice'));
    });
  });
}

import { after, before, describe, test } from 'node:test';
import { signIn, type Inject } from '../helpers/api.js';
import assert from 'node:assert/strict';
import { compactDecrypt, decodeProtectedHeader } from 'jose';
import type { FastifyInstance } from 'fastify';
import type { Bundle, DocumentReference } from '@medplum/fhirtypes';
import { FAX_NAME, openFixtureVessel } from '../doctor/fixture.js';
import { DIALECTS, postgresSkipReason } from '../helpers/vessels.js';
import { buildServer } from '../../src/server/app.js';
import { MAX_PASSCODE_ATTEMPTS, parseDuration, parseWhat, type ShlPayload } from '../../src/share/shl.js';

export function payloadOfLink(link: string): ShlPayload {
  const m = /#shlink:\/([A-Za-z0-9_-]+)$/.exec(link);
  assert.ok(m, `link ${link} carries a shlink`);
  return JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8'));
}

for (const dialect of DIALECTS) describe(`SMART Health Links (API, ${dialect})`, async () => {
  const skip = dialect === 'postgres' ? await postgresSkipReason() : false;
  if (skip) return void test(`skipped: ${skip}`, { skip }, () => {});
  let fx: Awaited<ReturnType<typeof openFixtureVessel>>;
  let app: FastifyInstance;
  let api: Inject;
  let faxId: string;
  before(async () => {
    fx = await openFixtureVessel(dialect);
    app = await buildServer(fx.vessel);
    api = await signIn(app, fx.vessel);
    faxId = (await fx.vessel.store.documents.list({ personId: fx.personId })).find((d) => d.filename === FAX_NAME)!.id;
  });
  after(async () => {
    await app?.close();
    await fx?.cleanup();
  });

  const create = async (body: Record<string, unknown>) => {
    const r = await api({ method: 'POST', url: `/api/people/${fx.personId}/shares`, payload: body });
    assert.equal(r.statusCode, 200, r.body);
    return r.json() as { id: string; link: string; shlink: string; qr: string; expiresAt: string };
  };
  const manifestPath = (p: ShlPayload) => new URL(p.url).pathname;

  test('parsing what and durations', () => {
    assert.deepEqual(parseWhat('ips,documents:a1,b2'), [{ kind: 'ips' }, { kind: 'document', id: 'a1' }, { kind: 'document', id: 'b2' }]);
    assert.throws(() => parseWhat('everything'));
    assert.equal(parseDuration('7d'), 7 * 864e5);
    assert.throws(() => parseDuration('forever'));
  });

  test('create: link, shlink payload (32-byte key, exp, P flag, label), QR; open with right and wrong passcodes; files decrypt', async () => {
    const c = await create({ what: ['ips', `documents:${faxId}`], expires: '7d', passcode: 'open-sesame', label: 'For Dr. Patel' });
    assert.match(c.link, /^http:\/\/localhost(:\d+)?\/shl\/view#shlink:\//);
    assert.match(c.qr, /^data:image\/png;base64,/);
    const p = payloadOfLink(c.link);
    assert.equal(Buffer.from(p.key, 'base64url').length, 32);
    assert.equal(p.flag, 'P');
    assert.equal(p.label, 'For Dr. Patel');
    assert.ok(p.exp! > Date.now() / 1000 + 6 * 86400);
    assert.equal(c.shlink, `shlink:/${c.link.split('#shlink:/')[1]}`);

    const noName = await app.inject({ method: 'POST', url: manifestPath(p), payload: { passcode: 'open-sesame' } });
    assert.equal(noName.statusCode, 404);
    const wrong = await app.inject({ method: 'POST', url: manifestPath(p), payload: { recipient: 'Dr. Patel', passcode: 'nope' } });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().remainingAttempts, MAX_PASSCODE_ATTEMPTS - 1);
    const ok = await app.inject({ method: 'POST', url: manifestPath(p), payload: { recipient: 'Dr. Patel', passcode: 'open-sesame' } });
    assert.equal(ok.statusCode, 200, ok.body);
    const files = ok.json().files as Array<{ contentType: string; embedded: string }>;
    assert.equal(files.length, 2);
    const key = Buffer.from(p.key, 'base64url');
    for (const f of files) {
      const h = decodeProtectedHeader(f.embedded);
      assert.equal(h.alg, 'dir');
      assert.equal(h.enc, 'A256GCM');
      assert.equal(f.embedded.split('.').length, 5);
    }
    const ips = JSON.parse(new TextDecoder().decode((await compactDecrypt(files[0].embedded, key)).plaintext)) as Bundle;
    assert.equal(ips.type, 'document');
    const doc = JSON.parse(new TextDecoder().decode((await compactDecrypt(files[1].embedded, key)).plaintext)) as DocumentReference;
    assert.match(Buffer.from(doc.content[0].attachment.data!, 'base64').toString(), /mammogram/);

    // Location instead of embedded when asked; a tampered token is refused.
    const loc = await app.inject({ method: 'POST', url: manifestPath(p), payload: { recipient: 'Dr. Patel', passcode: 'open-sesame', embeddedLengthMax: 0 } });
    const url = new URL((loc.json().files[0] as { location: string }).location);
    const file = await app.inject({ method: 'GET', url: url.pathname + url.search });
    assert.equal(file.statusCode, 200);
    assert.equal(file.body, files[0].embedded);
    const bad = await app.inject({ method: 'GET', url: url.pathname + url.search.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A')) });
    assert.equal(bad.statusCode, 404);

    // Listed, then revoked: the manifest answers 404.
    const list = (await api({ method: 'GET', url: `/api/shares?person=${fx.personId}` })).json() as Array<{ id: string; accessCount: number; link: string }>;
    const mine = list.find((x) => x.id === c.id)!;
    assert.equal(mine.accessCount, 2);
    assert.equal(mine.link, c.link, 'the link can be shown again');
    assert.equal((await api({ method: 'DELETE', url: `/api/shares/${c.id}` })).statusCode, 200);
    const gone = await app.inject({ method: 'POST', url: manifestPath(p), payload: { recipient: 'Dr. Patel', passcode: 'open-sesame' } });
    assert.equal(gone.statusCode, 404);
    assert.ok(!((await api({ method: 'GET', url: '/api/shares' })).json() as Array<{ id: string }>).some((x) => x.id === c.id));

    const audit = await fx.vessel.store.audit.list(fx.personId, 100);
    const actions = audit.filter((a) => a.target === c.id).map((a) => a.action);
    for (const a of ['share.create', 'share.access', 'share.access.denied', 'share.file', 'share.revoke']) assert.ok(actions.includes(a), `audit has ${a}`);
    assert.ok(!JSON.stringify(audit).includes(p.key), 'the key is never in the audit trail');
    const acc = (await api({ method: 'GET', url: `/api/shares/${c.id}/accesses` })).json() as Array<{ action: string; actor: string }>;
    assert.equal(acc[0].action, 'share.access.denied', 'newest first: the refused access after revoking');
    assert.ok(acc.some((a) => a.action === 'share.access' && a.actor === 'recipient:Dr. Patel'));
    assert.equal((await api({ method: 'GET', url: '/api/shares/nope/accesses' })).statusCode, 404);
  });

  test('too many wrong passcodes disable the link', async () => {
    const c = await create({ what: 'ips', expires: '1d', passcode: 'right-one' });
    const p = payloadOfLink(c.link);
    for (let i = MAX_PASSCODE_ATTEMPTS - 1; i >= 0; i--) {
      const r = await app.inject({ method: 'POST', url: manifestPath(p), payload: { recipient: 'x', passcode: 'wrong' } });
      assert.equal(r.statusCode, 401);
      assert.equal(r.json().remainingAttempts, i);
    }
    const r = await app.inject({ method: 'POST', url: manifestPath(p), payload: { recipient: 'x', passcode: 'right-one' } });
    assert.equal(r.statusCode, 404);
  });

  test('an expired link answers 404', async () => {
    const c = await create({ what: 'ips', expires: '1h' });
    const p = payloadOfLink(c.link);
    assert.equal(p.flag, undefined);
    assert.equal((await app.inject({ method: 'POST', url: manifestPath(p), payload: { recipient: 'x' } })).statusCode, 200);
    await fx.vessel.store.db.updateTable('shares').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', c.id).execute();
    assert.equal((await app.inject({ method: 'POST', url: manifestPath(p), payload: { recipient: 'x' } })).statusCode, 404);
  });

  test('bad requests', async () => {
    const r = await api({ method: 'POST', url: `/api/people/${fx.personId}/shares`, payload: { what: 'documents:not-mine' } });
    assert.equal(r.statusCode, 400);
    assert.equal(r.json().resourceType, 'OperationOutcome');
    assert.equal((await api({ method: 'POST', url: '/api/people/nobody/shares', payload: { what: 'ips' } })).statusCode, 404);
    assert.equal((await app.inject({ method: 'POST', url: '/shl/manifest/short', payload: { recipient: 'x' } })).statusCode, 404);
  });

  test('viewer files are served, without inline script or style', async () => {
    const page = await app.inject({ method: 'GET', url: '/shl/view' });
    assert.equal(page.statusCode, 200);
    assert.ok(!/<script>|<style|style=/.test(page.body));
    assert.match(page.body, /src="\/shl\/viewer.js"/);
    const js = await app.inject({ method: 'GET', url: '/shl/viewer.js' });
    assert.equal(js.statusCode, 200);
    assert.match(String(js.headers['content-type']), /javascript/);
    assert.equal((await app.inject({ method: 'GET', url: '/shl/viewer.css' })).statusCode, 200);
  });
});

// The HTTP API, called without a network through fastify's inject().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestVessel } from '../helpers/vessels.js';
import { textFixtureAdapter } from '../helpers/text-adapter.js';
import { buildServer } from '../../src/server/app.js';
import { signIn } from '../helpers/api.js';
import { spawnSync } from 'node:child_process';

function multipart(files: Array<{ name: string; data: Buffer }>) {
  const boundary = '----vesseltest' + Math.random().toString(16).slice(2);
  const parts = files.map((f) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      f.data,
      Buffer.from('\r\n'),
    ]),
  );
  return { payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

test('HTTP API', async (t) => {
  const tv = await openTestVessel('sqlite', { adapters: [textFixtureAdapter] });
  const app = await buildServer(tv.vessel);
  t.after(async () => {
    await app.close();
    await tv.cleanup();
  });
  const original = Buffer.from('Patient: Ada Testbury, 1950-02-03\nGlucose 99 mg/dL 2020-01-02\n<script>alert(1)</script>\n');
  const inject = await signIn(app, tv.vessel);

  const up = await inject({ method: 'POST', url: '/api/documents', ...multipart([{ name: 'labs.txt', data: original }, { name: '../../etc/passwd', data: Buffer.from('') }]) });
  assert.equal(up.statusCode, 200);
  const files = up.json().files;
  assert.equal(files[0].status, 'stored');
  await tv.vessel.runJobsUntilIdle({ pollMs: 10 });

  await t.test('documents list with state, and the original downloads byte-exact', async () => {
    const docs = (await inject('/api/documents')).json();
    const labs = docs.find((d: { filename: string }) => d.filename === 'labs.txt');
    assert.equal(labs.state, 'done');
    const evil = docs.find((d: { filename: string }) => d.filename === 'passwd');
    assert.ok(evil, 'an uploaded name with path separators is reduced to its last part');
    assert.equal(evil.state, 'failed');
    const res = await inject(`/api/documents/${labs.id}/original`);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.rawPayload, original);
    assert.match(res.headers['content-disposition'] as string, /attachment; filename="labs.txt"/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  });

  await t.test('people and their resources', async () => {
    const people = (await inject('/api/people')).json();
    assert.equal(people.length, 1);
    assert.equal(people[0].displayName, 'Ada Testbury');
    assert.equal(people[0].counts.resources, 1);
    const res = (await inject(`/api/resources?person=${people[0].id}&type=Observation`)).json();
    assert.equal(res[0].resource.valueQuantity.value, 99);
    const one = (await inject(`/api/resources/${res[0].id}`)).json();
    assert.equal(one.source.filename, 'labs.txt');
    assert.equal(one.location.line, 2);
  });

  await t.test('search finds page text', async () => {
    const hits = (await inject('/api/search?q=glucose')).json();
    assert.ok(hits.length >= 1);
    assert.equal((await inject('/api/search?q=')).statusCode, 400);
  });

  await t.test('search facets count the matches and narrow the hits', async () => {
    const facets = (await inject('/api/search/facets?q=glucose')).json();
    const observations = facets.resources.find((f: { resourceType: string }) => f.resourceType === 'Observation');
    assert.ok(observations?.count >= 1, 'the glucose result is counted');
    const narrowed = (await inject('/api/search?q=glucose&type=Observation')).json();
    assert.equal(narrowed.length, observations.count);
    assert.ok(narrowed.every((h: { kind: string; resourceType: string }) => h.kind === 'resource' && h.resourceType === 'Observation'));
    assert.equal((await inject('/api/search?q=glucose&type=Condition')).json().length, 0);
    assert.equal((await inject('/api/search?q=glucose&type=../x')).statusCode, 400);
    assert.equal((await inject('/api/search?q=glucose&type=Observation&document=pdf')).statusCode, 400);
    assert.equal((await inject('/api/search/facets?q=')).statusCode, 400);
  });

  await t.test('errors are OperationOutcomes with stable codes', async () => {
    const r = await inject('/api/documents/nope');
    assert.equal(r.statusCode, 404);
    assert.equal(r.json().resourceType, 'OperationOutcome');
    assert.equal(r.json().error, 'not_found');
    assert.equal((await inject('/api/resources?type=../x')).statusCode, 400);
    assert.equal((await inject('/api/nothing-here')).statusCode, 404);
  });

  await t.test('the web page is served with a Content-Security-Policy forbidding inline script', async () => {
    const r = await app.inject('/');
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /<title>Vessel<\/title>/);
    assert.match(r.headers['content-security-policy'] as string, /script-src 'self'/);
    assert.doesNotMatch(r.headers['content-security-policy'] as string, /unsafe-inline/);
  });

  await t.test('downloads are audited', async () => {
    const events = await tv.vessel.store.audit.list();
    assert.ok(events.some((e) => e.action === 'document.download'));
  });
});

test('HTTPS with a given certificate', { skip: !hasOpenssl() && 'openssl not installed' }, async (t) => {
  const { execFileSync } = await import('node:child_process');
  const fs = await import('node:fs');
  const https = await import('node:https');
  const path = await import('node:path');
  const tv = await openTestVessel('sqlite');
  const cert = path.join(tv.dataDir, 'cert.pem');
  const key = path.join(tv.dataDir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const app = await buildServer(tv.vessel, { https: { cert: fs.readFileSync(cert), key: fs.readFileSync(key) } });
  t.after(async () => {
    await app.close();
    await tv.cleanup();
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  const res = await new Promise<{ status: number; hsts: string; body: string }>((resolve, reject) => {
    https
      .get({ host: '127.0.0.1', port, path: '/api/health', ca: fs.readFileSync(cert) }, (r) => {
        let body = '';
        r.on('data', (c) => (body += c));
        r.on('end', () => resolve({ status: r.statusCode!, hsts: String(r.headers['strict-transport-security']), body }));
      })
      .on('error', reject);
  });
  assert.equal(res.status, 200);
  assert.match(res.hsts, /max-age/);
  assert.equal(JSON.parse(res.body).ok, true);
});

function hasOpenssl(): boolean {
  return spawnSync('openssl', ['version']).status === 0;
}

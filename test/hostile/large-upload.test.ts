// A 1 GB upload over real HTTP: streamed into the vault (bounded memory, no plaintext on
// disk), the server keeps answering meanwhile, and a file over the limit gets a clear 413.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { openTestVessel } from '../helpers/vessels.js';
import { signIn } from '../helpers/api.js';
import { buildServer } from '../../src/server/app.js';

const GiB = 1024 ** 3;

/** A multipart body of `size` bytes of file content, generated as it is sent. */
function multipartStream(name: string, size: number, boundary: string): Readable {
  const block = Buffer.alloc(1024 * 1024, 'Vessel large upload test line. ');
  return Readable.from(
    (async function* () {
      yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
      for (let sent = 0; sent < size; sent += block.length) yield sent + block.length <= size ? block : block.subarray(0, size - sent);
      yield Buffer.from(`\r\n--${boundary}--\r\n`);
    })(),
  );
}

function post(port: number, headers: Record<string, string>, body: Readable): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/documents', headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('error', reject);
    body.pipe(req);
  });
}

test('a 1 GB upload streams into the vault while the server keeps answering', async (t) => {
  const tv = await openTestVessel('sqlite', { limits: { maxFileBytes: 2 * GiB } });
  const app = await buildServer(tv.vessel, { maxUploadBytes: 1.5 * GiB });
  t.after(async () => {
    await app.close();
    await tv.cleanup();
  });
  const api = await signIn(app, tv.vessel);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  const boundary = 'vesselbig' + Date.now();
  const headers = { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: api.cookie, 'x-csrf-token': api.csrfToken };

  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
  const upload = post(port, headers, multipartStream('scan-archive.bin', GiB, boundary));
  // Meanwhile, another user's request is answered.
  await new Promise((r) => setTimeout(r, 300));
  const health = await fetch(`http://127.0.0.1:${port}/api/health`);
  assert.equal(health.status, 200);
  const res = await upload;
  clearInterval(sampler);
  assert.equal(res.status, 200, res.body);
  const ev = JSON.parse(res.body).files[0];
  assert.equal(ev.status, 'stored');
  assert.equal(ev.size, GiB);
  const doc = await tv.vessel.store.documents.get(ev.documentId);
  assert.equal(doc?.size, GiB);
  assert.ok(rssPeak - rssBefore < 300 * 1024 ** 2, `memory grew by ${Math.round((rssPeak - rssBefore) / 1024 ** 2)} MB for a 1 GB upload`);
  // Only the encrypted object is on disk: no plaintext temp file of the upload.
  const tmp = path.join(tv.dataDir, 'vault', 'tmp');
  assert.deepEqual(fs.existsSync(tmp) ? fs.readdirSync(tmp) : [], []);

  await t.test('a file over the upload limit gets a clear 413 and the server stays up', async () => {
    const small = await buildServer(tv.vessel, { maxUploadBytes: 64 * 1024 ** 2 });
    t.after(() => small.close());
    await small.listen({ host: '127.0.0.1', port: 0 });
    const p2 = (small.server.address() as { port: number }).port;
    const login = await fetch(`http://127.0.0.1:${p2}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tester', password: 'correct horse battery staple' }) });
    const cookie = String(login.headers.get('set-cookie')).split(';')[0];
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    const r = await post(p2, { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie, 'x-csrf-token': csrf }, multipartStream('too-big.bin', 100 * 1024 ** 2, boundary)).catch((err: Error) => ({ status: 0, body: err.message }));
    assert.equal(r.status, 413, r.body);
    assert.match(JSON.parse(r.body).issue[0].diagnostics, /larger than/);
    assert.equal((await fetch(`http://127.0.0.1:${p2}/api/health`)).status, 200);
  });
});

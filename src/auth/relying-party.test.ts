import { test } from 'node:test';
import assert from 'node:assert/strict';
import { relyingParty, rpIdFor } from './relying-party.js';

test('loopback: 127.0.0.1, localhost and [::1] on the port served', () => {
  const rp = relyingParty({ host: '127.0.0.1', port: 4780, secure: false });
  assert.deepEqual(rp.origins, ['http://127.0.0.1:4780', 'http://localhost:4780', 'http://[::1]:4780']);
  assert.deepEqual(rp.rpIds, ['127.0.0.1', 'localhost', '::1']);
  assert.equal(rpIdFor(rp, 'http://localhost:4780'), 'localhost');
  assert.equal(rpIdFor(rp, 'https://evil.example'), '127.0.0.1', 'a foreign origin gets ours, and the browser refuses');
});

test('TLS on a host name: that name with https and its port (443 implied)', () => {
  assert.deepEqual(relyingParty({ host: 'vessel.home.arpa', port: 8443, secure: true }).origins, ['https://vessel.home.arpa:8443']);
  assert.deepEqual(relyingParty({ host: 'vessel.home.arpa', port: 443, secure: true }), { origins: ['https://vessel.home.arpa'], rpIds: ['vessel.home.arpa'] });
});

test('VESSEL_ORIGIN wins (behind a proxy); plain http is refused off loopback', () => {
  const rp = relyingParty({ configured: 'https://vessel.example/, https://health.example:8443', host: '0.0.0.0', port: 4780, secure: false });
  assert.deepEqual(rp.origins, ['https://vessel.example', 'https://health.example:8443']);
  assert.deepEqual(rp.rpIds, ['vessel.example', 'health.example']);
  assert.throws(() => relyingParty({ configured: 'http://vessel.example', host: '0.0.0.0', port: 4780, secure: false }), /need https/);
  assert.deepEqual(relyingParty({ configured: 'http://localhost:9000', host: '0.0.0.0', port: 4780, secure: false }).origins, ['http://localhost:9000']);
});

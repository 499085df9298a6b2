/** Pure parts of the SMART client: sealing, Retry-After, scope choice, URL fences, page bytes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { seal, unseal } from './seal.js';
import { retryAfterMs } from './http.js';
import { chooseScopeVersion, normalizeBase, scopeFor } from './discovery.js';
import { underBase } from './session.js';
import { pageBytes } from './sync.js';
import { pkcePair } from './oauth.js';
import { createHash } from 'node:crypto';

test('seal: AES-256-GCM round trip, bound to its row, tamper-evident', () => {
  const key = randomBytes(32);
  const s = seal(key, '{"accessToken":"secret"}', 'smart-connection:a');
  assert.ok(!s.includes('secret'));
  assert.equal(unseal(key, s, 'smart-connection:a'), '{"accessToken":"secret"}');
  assert.throws(() => unseal(key, s, 'smart-connection:b'));
  assert.throws(() => unseal(randomBytes(32), s, 'smart-connection:a'));
  const raw = Buffer.from(s.slice(3), 'base64');
  raw[14] ^= 1;
  assert.throws(() => unseal(key, `v1.${raw.toString('base64')}`, 'smart-connection:a'));
  assert.notEqual(seal(key, 'x', 'a'), seal(key, 'x', 'a'), 'fresh IV each time');
});

test('PKCE: S256 challenge of a 43-character verifier', () => {
  const { verifier, challenge } = pkcePair();
  assert.match(verifier, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(challenge, createHash('sha256').update(verifier).digest('base64url'));
});

test('Retry-After: seconds or an HTTP date', () => {
  assert.equal(retryAfterMs('3'), 3000);
  assert.equal(retryAfterMs(new Date(10_000).toUTCString(), 4_000), 6000);
  assert.equal(retryAfterMs('soon'), undefined);
  assert.equal(retryAfterMs(null), undefined);
});

test('scopes: v2 when advertised, else v1', () => {
  assert.equal(chooseScopeVersion({ capabilities: ['permission-v2', 'permission-v1'] }), 'v2');
  assert.equal(chooseScopeVersion({ scopes_supported: ['patient/Observation.rs'] }), 'v2');
  assert.equal(chooseScopeVersion({ scopes_supported: ['patient/*.read'] }), 'v1');
  assert.equal(chooseScopeVersion(undefined), 'v1');
  assert.equal(scopeFor('v2'), 'launch/patient openid fhirUser offline_access patient/*.rs');
});

test('the token goes only to URLs under the FHIR base', () => {
  const base = 'https://ehr.example/fhir/r4';
  assert.ok(underBase('https://ehr.example/fhir/r4/Observation?x=1', base));
  assert.ok(!underBase('https://ehr.example/fhir/r4x/Observation', base));
  assert.ok(!underBase('https://evil.example/fhir/r4/Observation', base));
  assert.ok(!underBase('http://ehr.example/fhir/r4/Observation', base));
  assert.equal(normalizeBase(' https://ehr.example/fhir/r4/?a=1#x '), base);
  assert.throws(() => normalizeBase('file:///etc/passwd'), /not an http/);
});

test('page bytes ignore the per-request envelope', () => {
  const entry = [{ fullUrl: 'x/Observation/1', resource: { resourceType: 'Observation', id: '1' } }];
  const a = pageBytes({ resourceType: 'Bundle', id: 'a1', meta: { lastUpdated: '2024-01-01' }, type: 'searchset', link: [{ relation: 'next', url: 'p?page=abc' }], entry });
  const b = pageBytes({ resourceType: 'Bundle', id: 'b2', timestamp: '2025-01-01', type: 'searchset', link: [{ relation: 'next', url: 'p?page=xyz' }], entry });
  assert.deepEqual(a, b);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { Vault, VaultError } from './vault.js';
import { loadOrCreateKey, parseKey } from './key.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'vault-'));

test('an original comes back byte-exact and is not readable on disk', async () => {
  const v = new Vault(tmp(), randomBytes(32));
  const original = Buffer.concat([Buffer.from('%PDF-1.4 Patient: Jane Testbury, DOB 1950-01-01\n'), randomBytes(300_000)]);
  const put = await v.putBytes(original);
  assert.equal(put.sha256, createHash('sha256').update(original).digest('hex'));
  assert.equal(put.created, true);
  assert.deepEqual(await v.get(put.sha256), original);
  const onDisk = fs.readFileSync(v.pathOf(put.sha256));
  assert.equal(onDisk.includes(Buffer.from('Jane Testbury')), false, 'plaintext must not be on disk');
});

test('the same bytes twice are stored once', async () => {
  const root = tmp();
  const v = new Vault(root, randomBytes(32));
  const a = await v.putBytes(Buffer.from('same'));
  const b = await v.putBytes(Buffer.from('same'));
  assert.equal(b.created, false);
  assert.equal(a.sha256, b.sha256);
  const objects = [];
  for await (const s of v.list()) objects.push(s);
  assert.deepEqual(objects, [a.sha256]);
  assert.deepEqual(fs.readdirSync(path.join(root, 'tmp')), [], 'no temp files left behind');
});

test('an empty file round-trips', async () => {
  const v = new Vault(tmp(), randomBytes(32));
  const put = await v.putBytes(new Uint8Array(0));
  assert.equal((await v.get(put.sha256)).length, 0);
});

test('a tampered object or a wrong key is refused, not returned as garbage', async () => {
  const root = tmp();
  const v = new Vault(root, randomBytes(32));
  const put = await v.putBytes(Buffer.from('lab result: potassium 4.1 mmol/L'));
  const file = v.pathOf(put.sha256);
  const bytes = fs.readFileSync(file);
  bytes[20] ^= 0xff;
  fs.writeFileSync(file, bytes);
  await assert.rejects(v.get(put.sha256));
  const other = new Vault(root, randomBytes(32));
  const put2 = await v.putBytes(Buffer.from('another'));
  await assert.rejects(other.get(put2.sha256));
});

test('a file over the size limit is refused and leaves nothing', async () => {
  const root = tmp();
  const v = new Vault(root, randomBytes(32));
  const f = path.join(root, 'big.bin');
  fs.writeFileSync(f, randomBytes(10_000));
  await assert.rejects(v.putFile(f, 1000), (e: unknown) => e instanceof VaultError && e.code === 'too_large');
  const objects = [];
  for await (const s of v.list()) objects.push(s);
  assert.equal(objects.length, 0);
});

test('a missing original says so', async () => {
  const v = new Vault(tmp(), randomBytes(32));
  assert.throws(() => v.openStream('a'.repeat(64)), (e: unknown) => e instanceof VaultError && e.code === 'not_found');
});

test('the key file is created once with mode 0600 and reused', () => {
  const dir = tmp();
  const k1 = loadOrCreateKey(dir);
  const k2 = loadOrCreateKey(dir);
  assert.deepEqual(k1, k2);
  assert.equal(k1.length, 32);
  assert.equal(fs.statSync(path.join(dir, 'vessel.key')).mode & 0o777, 0o600);
});

test('VESSEL_KEY is accepted as hex or base64 and must be 32 bytes', () => {
  const raw = randomBytes(32);
  assert.deepEqual(parseKey(raw.toString('hex')), raw);
  assert.deepEqual(parseKey(raw.toString('base64')), raw);
  assert.throws(() => parseKey('short'), /32 bytes/);
});

test('putMany stores a batch byte-exact, once per distinct content, and leaves no temp files', async () => {
  for (const n of [3, 40]) {
    // 3: each file flushed on its own; 40: the batch flushes the file system once per step.
    const root = tmp();
    const v = new Vault(root, randomBytes(32));
    const before = await v.putBytes(Buffer.from('already here'));
    const items = [...Array.from({ length: n }, (_, i) => Buffer.from(`note ${i}: knee pain improving`)), Buffer.from('note 0: knee pain improving'), Buffer.from('already here')];
    const puts = await v.putMany(items);
    assert.equal(puts.length, items.length);
    puts.forEach((p, i) => assert.equal(p.sha256, createHash('sha256').update(items[i]).digest('hex')));
    assert.deepEqual(puts.filter((p) => p.created).length, n, 'the repeat and the stored one are not new');
    assert.equal(puts[puts.length - 1].sha256, before.sha256);
    for (let i = 0; i < items.length; i++) assert.deepEqual(await v.get(puts[i].sha256), items[i]);
    assert.equal(fs.readFileSync(v.pathOf(puts[0].sha256)).includes(Buffer.from('knee')), false, 'plaintext must not be on disk');
    assert.deepEqual(fs.readdirSync(path.join(root, 'tmp')), []);
  }
});

test('a batch is one pack file: every object reads back (whole, streamed, as sealed bytes for a backup), survives a key rotation one by one, and a tampered pack is refused', async () => {
  const root = tmp();
  const oldKey = randomBytes(32);
  const v = new Vault(root, oldKey);
  const items = [Buffer.alloc(0), ...Array.from({ length: 20 }, (_, i) => Buffer.from(`note ${i}: ${'x'.repeat(i * 300)}`))];
  const puts = await v.putMany(items);
  // One file for the batch (each name a link to it), not a file each.
  assert.equal(new Set(puts.map((p) => fs.statSync(v.pathOf(p.sha256)).ino)).size, 1);
  const listed = [];
  for await (const sha of v.list()) listed.push(sha);
  assert.deepEqual(listed.sort(), [...new Set(puts.map((p) => p.sha256))].sort());
  for (let i = 0; i < items.length; i++) {
    assert.deepEqual(await v.get(puts[i].sha256), items[i]);
    const chunks: Buffer[] = [];
    for await (const c of v.openStream(puts[i].sha256)) chunks.push(c as Buffer);
    assert.deepEqual(Buffer.concat(chunks), items[i]);
  }
  // A backup carries each object's own sealed bytes; written back as a file, they open with the key.
  const restored = tmp();
  const r = new Vault(restored, oldKey);
  for (const p of puts.slice(0, 3)) {
    fs.mkdirSync(path.dirname(r.pathOf(p.sha256)), { recursive: true });
    fs.writeFileSync(r.pathOf(p.sha256), await v.sealedBytes(p.sha256));
  }
  for (let i = 0; i < 3; i++) assert.deepEqual(await r.get(puts[i].sha256), items[i]);
  // Rotation reseals one name at a time: the resealed object is a file of its own, the rest still read from the pack.
  const rotated = new Vault(root, [randomBytes(32), oldKey]);
  assert.equal(await rotated.reseal(puts[5].sha256), true);
  assert.equal(rotated.sealedWithCurrentKey(puts[5].sha256), true);
  assert.equal(rotated.sealedWithCurrentKey(puts[6].sha256), false);
  for (let i = 0; i < items.length; i++) assert.deepEqual(await rotated.get(puts[i].sha256), items[i]);
  // Tampering with one object's bytes inside the pack is caught by its tag.
  const file = v.pathOf(puts[7].sha256);
  const bytes = fs.readFileSync(file);
  bytes[bytes.length - 40] ^= 1;
  fs.writeFileSync(file, bytes); // writes through the link: the pack's inode
  await assert.rejects(async () => {
    for (const p of puts.slice(1)) await v.get(p.sha256);
  });
  assert.deepEqual(fs.readdirSync(path.join(root, 'tmp')), []);
});

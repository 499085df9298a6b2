import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { unsafeEntryName, walkZip } from './zip.js';
import { defaultLimits } from '../core/config.js';
import { makeZip } from '../../test/helpers/zip.js';

test('zip slip and absolute names are refused', () => {
  assert.match(unsafeEntryName('../../etc/passwd')!, /zip slip/);
  assert.match(unsafeEntryName('records/../../x')!, /zip slip/);
  assert.match(unsafeEntryName('/etc/passwd')!, /absolute/);
  assert.match(unsafeEntryName('C:\\Windows\\x')!, /absolute/);
  assert.equal(unsafeEntryName('IHE_XDM/SUBSET01/DOC0001.XML'), undefined);
});

test('safe entries are read, a slipping entry is skipped with a reason, the rest goes on', async () => {
  const zip = makeZip([
    { name: 'a/one.txt', data: Buffer.from('first') },
    { name: '../evil.txt', data: Buffer.from('evil') },
    { name: 'two.txt', data: Buffer.from('second') },
    { name: '__MACOSX/._two.txt', data: Buffer.from('junk') },
  ]);
  const seen: Record<string, string> = {};
  const problems = await walkZip(zip, defaultLimits, async (e, open) => {
    const chunks: Buffer[] = [];
    for await (const c of await open()) chunks.push(c as Buffer);
    seen[e.name] = Buffer.concat(chunks).toString();
  });
  assert.deepEqual(seen, { 'a/one.txt': 'first', 'two.txt': 'second' });
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /zip slip/);
});

test('a zip bomb entry (huge expansion ratio) is skipped', async () => {
  const zeros = Buffer.alloc(20 * 1024 * 1024);
  const zip = makeZip([
    { name: 'bomb.bin', data: zeros, compress: true },
    { name: 'ok.txt', data: Buffer.from('fine') },
  ]);
  assert.ok(deflateRawSync(zeros).length < 100_000);
  const names: string[] = [];
  const problems = await walkZip(zip, defaultLimits, async (e) => void names.push(e.name));
  assert.deepEqual(names, ['ok.txt']);
  assert.match(problems[0].message, /zip bomb/);
});

test('a total expansion over the limit stops further entries', async () => {
  const zip = makeZip(Array.from({ length: 5 }, (_, i) => ({ name: `f${i}.bin`, data: Buffer.alloc(1000, i) })));
  const names: string[] = [];
  const problems = await walkZip(zip, { ...defaultLimits, maxZipTotalBytes: 2500 }, async (e) => void names.push(e.name));
  assert.deepEqual(names, ['f0.bin', 'f1.bin']);
  assert.equal(problems.length, 3);
});

test('not a zip at all is an error for the archive', async () => {
  await assert.rejects(walkZip(Buffer.from('PK\x03\x04 truncated'), defaultLimits, async () => {}));
});

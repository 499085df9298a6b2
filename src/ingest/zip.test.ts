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

test('an entry whose declared size does not match its data is skipped with its reason; the entries after it are read', async () => {
  const text = Buffer.from('second entry, its size lied about');
  const zip = makeZip([
    { name: 'one.txt', data: Buffer.from('first') },
    // Stored: the two sizes in its headers disagree (yauzl ended the whole archive on this one).
    { name: 'stored-lie.txt', data: text, declaredSize: text.length + 7 },
    { name: 'two.txt', data: Buffer.from('second') },
    // Deflated: the data inflates to more, or fewer, bytes than declared.
    { name: 'deflated-more.txt', data: text, compress: true, declaredSize: text.length - 7 },
    { name: 'deflated-fewer.txt', data: text, compress: true, declaredSize: text.length + 7 },
    { name: 'three.txt', data: Buffer.from('third') },
  ]);
  const seen: Record<string, string> = {};
  const problems = await walkZip(zip, defaultLimits, async (e, open) => {
    const chunks: Buffer[] = [];
    for await (const c of await open()) chunks.push(c as Buffer);
    seen[e.name] = Buffer.concat(chunks).toString();
  });
  assert.deepEqual(seen, { 'one.txt': 'first', 'two.txt': 'second', 'three.txt': 'third' });
  assert.deepEqual(
    problems.map((p) => p.entry),
    ['stored-lie.txt', 'deflated-more.txt', 'deflated-fewer.txt'],
  );
  assert.match(problems[0]!.message, /stored uncompressed but declares 33 bytes stored and 40 bytes of content .*entry skipped/);
  assert.match(problems[1]!.message, /too many bytes/);
  assert.match(problems[2]!.message, /not enough bytes/);
});

test('not a zip at all is an error for the archive', async () => {
  await assert.rejects(walkZip(Buffer.from('PK\x03\x04 truncated'), defaultLimits, async () => {}));
});

// Hostile input, end to end: files from strangers go through the real import pipeline with
// every registered reader. Each must end with a clear state (read, or failed/unsupported with
// a reason), the process must stay up, and the ordinary file imported alongside must be read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import { openTestVessel, tempDir } from '../helpers/vessels.js';
import { makeZip } from '../helpers/zip.js';

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}

/** A PNG that claims 60,000 x 60,000 pixels (a decompression bomb if anyone believed it). */
function pngBomb(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(60000, 0);
  ihdr.writeUInt32BE(60000, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.alloc(60001 * 4))), pngChunk('IEND', Buffer.alloc(0))]);
}

const CDA_HEAD = '<?xml version="1.0"?>';
const hostile: Record<string, Buffer | string> = {
  'xxe.xml': `${CDA_HEAD}<!DOCTYPE ClinicalDocument [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><ClinicalDocument xmlns="urn:hl7-org:v3"><title>&xxe;</title></ClinicalDocument>`,
  'billion-laughs.xml': `${CDA_HEAD}<!DOCTYPE ClinicalDocument [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]><ClinicalDocument xmlns="urn:hl7-org:v3"><title>&f;&f;&f;&f;</title></ClinicalDocument>`,
  'deep.xml': `${CDA_HEAD}<ClinicalDocument xmlns="urn:hl7-org:v3">${'<component>'.repeat(20000)}${'</component>'.repeat(20000)}</ClinicalDocument>`,
  'truncated.json': '{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","id":"p1","name":[{"family":"Tes',
  'cycle.json': JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:a', resource: { resourceType: 'Observation', id: 'a', status: 'final', code: { text: 'x' }, hasMember: [{ reference: 'urn:uuid:b' }] } }, { fullUrl: 'urn:uuid:b', resource: { resourceType: 'Observation', id: 'b', status: 'final', code: { text: 'y' }, hasMember: [{ reference: 'urn:uuid:a' }] } }] }),
  'not-hl7.hl7': 'MSH|garbage without delimiters\r\rPID',
  'bad.dcm': Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), Buffer.from([0x02, 0x00, 0x10, 0x00, 0x55, 0x49, 0xff, 0xff]), Buffer.alloc(20, 0xff)]),
  'corrupt.pdf': '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF',
  'js.pdf': '%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> /Pages 2 0 R >>\nendobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF',
  'bomb.png': pngBomb(),
  'corrupt.tif': Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0x00, 0xff, 0xff, 0xff, 0x7f]), Buffer.alloc(64, 0xab)]),
  'script\u0007name<script>.txt': '<script>alert(1)</script> visit note',
  'slip.zip': makeZip([{ name: '../../../../tmp/evil.txt', data: Buffer.from('x') }, { name: 'fine.txt', data: Buffer.from('fine entry') }]),
  'bomb.zip': makeZip([{ name: 'zeros.bin', data: Buffer.alloc(30 * 1024 * 1024), compress: true }]),
  // An entry whose headers disagree about its size (stored: 10 bytes kept, 99 declared).
  'size-lie.zip': makeZip([
    { name: 'before-lie.txt', data: Buffer.from('entry before the lie') },
    { name: 'lie.txt', data: Buffer.from('0123456789'), declaredSize: 99 },
    { name: 'after-lie.txt', data: Buffer.from('entry after the lie') },
  ]),
};

test('hostile files get a clear state, the process stays up, and ordinary files are still read', async (t) => {
  const tv = await openTestVessel('sqlite');
  t.after(() => tv.cleanup());
  const dir = tempDir('vessel-hostile-');
  for (const [name, data] of Object.entries(hostile)) fs.writeFileSync(path.join(dir, name.replace(/[\u0000-\u001f]/g, '_')), data);
  fs.writeFileSync(path.join(dir, 'zz-ordinary.txt'), 'Ordinary visit note: blood pressure 120/80.');

  const events = await tv.vessel.importer.importPaths([dir]);
  await tv.vessel.runJobsUntilIdle({ pollMs: 5 });
  const docs = await tv.vessel.store.documents.list({ limit: 1000 });
  for (const d of docs) {
    assert.ok(['done', 'failed', 'unsupported'].includes(d.state), `${d.filename} ended in state ${d.state}`);
    if (d.state !== 'done') assert.ok(d.error && d.error.length > 10, `${d.filename} (${d.state}) explains why: ${d.error}`);
  }
  const byName = new Map(docs.map((d) => [d.filename, d]));
  assert.equal(byName.get('zz-ordinary.txt')?.state, 'done');
  assert.ok((await tv.vessel.store.search.search('ordinary')).length >= 1);

  // XML attacks: never expanded into anything readable.
  for (const name of ['xxe.xml', 'billion-laughs.xml']) {
    const d = byName.get(name)!;
    const res = await tv.vessel.store.resources.list({ documentId: d.id });
    assert.equal(JSON.stringify(res).includes('root:'), false, `${name}: no file contents leaked`);
    assert.equal(JSON.stringify(res).includes('aaaaaaaaaaaaaaaaaaaa'), false, `${name}: no entity expansion`);
  }
  // Zips: the slip entry refused with its reason, the bomb not expanded.
  assert.match(JSON.stringify(byName.get('slip.zip')!.issues), /zip slip/);
  assert.equal(byName.get('fine.txt')?.state, 'done');
  assert.match(JSON.stringify(byName.get('bomb.zip')!.issues), /zip bomb/);
  assert.equal(fs.existsSync('/tmp/evil.txt'), false);
  // The entry whose sizes disagree is skipped with its reason; the entries on both sides of it are read.
  assert.equal(byName.get('size-lie.zip')?.state, 'done');
  assert.match(JSON.stringify(byName.get('size-lie.zip')!.issues), /lie\.txt: entry is stored uncompressed but declares 10 bytes stored and 99 bytes of content/);
  assert.equal(byName.get('before-lie.txt')?.state, 'done');
  assert.equal(byName.get('after-lie.txt')?.state, 'done');
  assert.equal(byName.get('lie.txt'), undefined);
  // A control character in a name never reaches the stored file name.
  assert.ok(docs.every((d) => !/[\u0000-\u001f]/.test(d.filename)));
  assert.ok(events.length >= Object.keys(hostile).length);
});

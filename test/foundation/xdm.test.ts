// IHE XDM zips: METADATA.XML labels the files it describes (title, date, author) and links
// them; the zip's label lists each subset's documents; a described file that is missing is
// said. Both dialects. Also any XDM zip in the shared corpus (skipped when there is none).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIALECTS, openTestVessel, postgresSkipReason } from '../helpers/vessels.js';
import { makeZip } from '../helpers/zip.js';
import { xdmMetadata } from '../helpers/xdm.js';
import { corpusSkip, SHARED_CORPUS } from '../helpers/corpus.js';
import { walkZip } from '../../src/ingest/zip.js';
import { defaultLimits } from '../../src/core/config.js';

const note = 'Follow-up visit. Blood pressure fine. Continue lisinopril 10 mg daily.\n';
const bundle = JSON.stringify({
  resourceType: 'Bundle', type: 'collection',
  entry: [{ fullUrl: 'urn:uuid:x1', resource: { resourceType: 'Patient', id: 'x1', name: [{ family: 'Doe', given: ['Jane'] }], birthDate: '1970-01-01' } }],
});

function xdmZip(): Buffer {
  return makeZip([
    { name: 'README.TXT', data: Buffer.from('This media holds health records (IHE XDM).\n') },
    { name: 'INDEX.HTM', data: Buffer.from('<html><body><a href="IHE_XDM/SUBSET01/DOC0001.TXT">note</a></body></html>') },
    { name: 'IHE_XDM/SUBSET01/DOC0001.TXT', data: Buffer.from(note) },
    { name: 'IHE_XDM/SUBSET01/DOC0002.JSON', data: Buffer.from(bundle) },
    {
      name: 'IHE_XDM/SUBSET01/METADATA.XML',
      data: Buffer.from(xdmMetadata([
        { id: 'Document01', uri: 'DOC0001.TXT', title: 'Visit note, cardiology', created: '20240310143000', mime: 'text/plain' },
        { id: 'Document02', uri: 'doc0002.json', title: 'Patient summary', created: '20240309', author: '^House^Gregory^^^Dr', institution: 'Princeton Plainsboro' },
        { id: 'Document03', uri: 'DOC0003.PDF', title: 'Scan that was not copied', created: '20240301', mime: 'application/pdf' },
      ])),
    },
  ]);
}

for (const dialect of DIALECTS) {
  test(`an XDM zip: METADATA.XML labels and links the documents inside (${dialect})`, { skip: dialect === 'postgres' ? await postgresSkipReason() : false }, async (t) => {
    const tv = await openTestVessel(dialect);
    t.after(() => tv.cleanup());
    const v = tv.vessel;
    await v.importer.importBytes(xdmZip(), 'records-from-clinic.zip', { channel: 'upload' });
    await v.runJobsUntilIdle({ pollMs: 5 });
    const byName = new Map((await v.store.documents.list({ limit: 100 })).map((d) => [d.filename, d]));
    const zip = byName.get('records-from-clinic.zip')!;
    const noteDoc = byName.get('DOC0001.TXT')!;
    const fhirDoc = byName.get('DOC0002.JSON')!;
    const meta = byName.get('METADATA.XML')!;
    assert.equal(noteDoc.state, 'done');
    assert.equal(fhirDoc.state, 'done');

    // Each described document shows the metadata's title, date and author after its own reader ran.
    assert.equal(noteDoc.label.title, 'Visit note, cardiology');
    assert.equal(noteDoc.label.date, '2024-03-10T14:30:00+00:00');
    assert.equal(noteDoc.label.author, 'Dr Marcus Welby, Good Health Clinic');
    assert.equal(fhirDoc.label.title, 'Patient summary');
    assert.equal(fhirDoc.label.date, '2024-03-09');
    assert.equal(fhirDoc.label.author, 'Dr Gregory House, Princeton Plainsboro');
    // The whole entry is kept (codes, patient id, unique id) and points at its METADATA.XML.
    const receipt = noteDoc.label.receipt as { xdm: Record<string, unknown> };
    assert.deepEqual(receipt.xdm.classCode, { code: '34133-9', system: '2.16.840.1.113883.6.1', display: 'Summary of episode note' });
    assert.equal(receipt.xdm.patientId, 'MRN-1^^^&1.2.3.4&ISO');
    assert.equal(receipt.xdm.metadataDocumentId, meta.id);
    assert.equal(meta.label.title, 'Records for Jane Doe');

    // Files the metadata does not describe are imported as before, unlabelled.
    assert.equal(byName.get('README.TXT')?.label.title, undefined);
    assert.equal(byName.get('README.TXT')?.parentId, zip.id);

    // The zip links each described file to its document, and says what is missing.
    const [subset] = zip.label.xdm as Array<{ folder: string; metadataDocumentId: string; documents: Array<{ uri: string; documentId: string; title: string }>; missing: string[] }>;
    assert.equal(subset.folder, 'IHE_XDM/SUBSET01/');
    assert.equal(subset.metadataDocumentId, meta.id);
    assert.deepEqual(subset.documents.map((d) => [d.uri, d.documentId, d.title]).sort(), [['DOC0001.TXT', noteDoc.id, 'Visit note, cardiology'], ['doc0002.json', fhirDoc.id, 'Patient summary']]);
    assert.deepEqual(subset.missing, ['DOC0003.PDF']);
    assert.ok(zip.issues.some((i) => i.code === 'xdm-missing' && i.message.includes('DOC0003.PDF')));

    // Reading a document again keeps what the metadata said.
    await v.store.documents.setState(noteDoc.id, 'queued');
    await v.queue.enqueue('ingest', { documentId: noteDoc.id }, { dedupeKey: `ingest:${noteDoc.id}` });
    await v.runJobsUntilIdle({ pollMs: 5 });
    assert.equal((await v.store.documents.get(noteDoc.id))!.label.title, 'Visit note, cardiology');
  });
}

/** XDM zips in the shared corpus: zips with a METADATA.XML entry. */
async function corpusXdmZips(): Promise<string[]> {
  if (corpusSkip()) return [];
  const zips: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.zip$/i.test(e.name)) zips.push(p);
    }
  };
  walk(SHARED_CORPUS);
  const xdm: string[] = [];
  for (const z of zips) {
    let has = false;
    await walkZip(fs.readFileSync(z), defaultLimits, async (entry) => void (has ||= /(^|\/)METADATA\.XML$/i.test(entry.name))).catch(() => []);
    if (has) xdm.push(z);
  }
  return xdm;
}

const corpusZips = await corpusXdmZips();
test('XDM zips of the shared corpus: every described file found is labelled with its title', { skip: corpusSkip() || (corpusZips.length ? false : `no XDM zip (a zip with METADATA.XML) in ${SHARED_CORPUS}`) }, async (t) => {
  const tv = await openTestVessel('sqlite');
  t.after(() => tv.cleanup());
  for (const z of corpusZips) await tv.vessel.importer.importBytes(fs.readFileSync(z), path.basename(z), { channel: 'cli' });
  await tv.vessel.runJobsUntilIdle({ pollMs: 5 });
  const docs = await tv.vessel.store.documents.list({ limit: 10000 });
  for (const zip of docs.filter((d) => d.format === 'zip' && Array.isArray(d.label.xdm))) {
    for (const subset of zip.label.xdm as Array<{ documents?: Array<{ documentId: string; title?: string }> }>) {
      for (const linked of subset.documents ?? []) {
        const d = docs.find((x) => x.id === linked.documentId)!;
        if (linked.title) assert.ok(typeof d.label.title === 'string', `${d.filename} has a title`);
      }
    }
  }
});

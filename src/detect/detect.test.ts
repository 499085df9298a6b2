import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectFormat } from './detect.js';
import { utf16 } from '../../test/helpers/encodings.js';

const b = (s: string) => Buffer.from(s, 'utf8');

test('C-CDA is recognised by content, with or without XML declaration, BOM or namespace prefix', () => {
  assert.equal(detectFormat(b('<?xml version="1.0"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3">')), 'cda-xml');
  assert.equal(detectFormat(b('<ClinicalDocument xmlns="urn:hl7-org:v3"><realmCode/>')), 'cda-xml');
  assert.equal(detectFormat(b('\ufeff<?xml version="1.0"?><!-- exported --><?xml-stylesheet href="cda.xsl"?><ClinicalDocument>')), 'cda-xml');
  assert.equal(detectFormat(b('<v3:ClinicalDocument xmlns:v3="urn:hl7-org:v3">')), 'cda-xml');
  assert.equal(detectFormat(b('<?xml version="1.0"?><Submission/>')), 'xml');
});

test('FHIR JSON and NDJSON', () => {
  assert.equal(detectFormat(b('{"resourceType":"Bundle","type":"collection"}')), 'fhir-json');
  assert.equal(detectFormat(b('{\n  "id": "x",\n  "resourceType": "Patient"\n}')), 'fhir-json');
  assert.equal(detectFormat(b('{"resourceType":"Patient","id":"1"}\n{"resourceType":"Patient","id":"2"}\n')), 'fhir-ndjson');
  assert.equal(detectFormat(b('{"name":"not fhir"}')), 'unknown');
});

test('FHIR JSON that names its resourceType last, after data longer than the head, is told by its tail', async () => {
  const { HEAD_BYTES, TAIL_BYTES } = await import('./detect.js');
  // Keys sorted (or a Ruby/Inferno fixture): a Binary's base64 fills the head before "resourceType".
  const binary = b(JSON.stringify({ contentType: 'application/pdf', data: 'QUJD'.repeat(40_000), id: 'b1', resourceType: 'Binary' }, null, 2));
  assert.ok(binary.length > HEAD_BYTES);
  const head = binary.subarray(0, HEAD_BYTES);
  assert.equal(detectFormat(head, binary.length, binary.subarray(-TAIL_BYTES)), 'fhir-json');
  assert.equal(detectFormat(head, binary.length), 'unknown', 'without the tail nothing says FHIR');
  const other = b(JSON.stringify({ data: 'QUJD'.repeat(40_000), kind: 'not fhir' }));
  assert.equal(detectFormat(other.subarray(0, HEAD_BYTES), other.length, other.subarray(-TAIL_BYTES)), 'unknown');
});

test('a file on disk (eval, bench) is told the same way: a DocumentReference with resourceType last after its note', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { detectFile } = await import('../sources/fhir/file-input.js');
  const dir = mkdtempSync(join(tmpdir(), 'rt-last-'));
  const file = join(dir, 'docref.json');
  const note = Buffer.from('Seen today for follow-up. '.repeat(4000)).toString('base64');
  writeFileSync(file, JSON.stringify({ content: [{ attachment: { contentType: 'text/plain', data: note } }], id: 'd1', status: 'current', subject: { reference: 'Patient/p1' }, resourceType: 'DocumentReference' }));
  assert.equal(detectFile(file), 'fhir-json');
});

test('HL7 v2 messages and batches', () => {
  assert.equal(detectFormat(b('MSH|^~\\&|LAB|HOSP|||20200101||ORU^R01|1|P|2.5.1\rPID|1||123')), 'hl7v2');
  assert.equal(detectFormat(b('FHS|^~\\&|X\rBHS|^~\\&\rMSH|^~\\&|')), 'hl7v2');
});

test('binary signatures: PDF (also after junk), TIFF both byte orders, JPEG, PNG, ZIP', () => {
  assert.equal(detectFormat(b('%PDF-1.7\n')), 'pdf');
  assert.equal(detectFormat(b('garbage\r\n%PDF-1.4\n')), 'pdf');
  assert.equal(detectFormat(Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0])), 'tiff');
  assert.equal(detectFormat(Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8])), 'tiff');
  assert.equal(detectFormat(Buffer.from([0xff, 0xd8, 0xff, 0xe0])), 'jpeg');
  assert.equal(detectFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'png');
  assert.equal(detectFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0])), 'zip');
});

test('DICOM with preamble, a DICOMDIR, and a raw dataset without preamble', () => {
  const part10 = Buffer.alloc(200);
  part10.write('DICM', 128, 'latin1');
  assert.equal(detectFormat(part10), 'dicom');
  const dir = Buffer.alloc(300);
  dir.write('DICM', 128, 'latin1');
  dir.write('1.2.840.10008.1.3.10\0', 160, 'latin1');
  assert.equal(detectFormat(dir), 'dicomdir');
  // (0008,0005) CS "ISO_IR 100" in explicit VR little endian, no preamble
  const raw = Buffer.from([0x08, 0x00, 0x05, 0x00, 0x43, 0x53, 0x0a, 0x00, ...Buffer.from('ISO_IR 100')]);
  assert.equal(detectFormat(raw), 'dicom');
});

test('empty, text and unknown binary', () => {
  assert.equal(detectFormat(new Uint8Array(0)), 'empty');
  assert.equal(detectFormat(b('Patient visited on 3/4/2020.')), 'text');
  assert.equal(detectFormat(Buffer.from([0x00, 0x01, 0x02, 0x03, 0xfe, 0x00, 0x00, 0x10])), 'unknown');
});

test('FHIR XML: a resource type as root element in the FHIR namespace (prefix, declaration, DOCTYPE allowed); other XML is not', () => {
  assert.equal(detectFormat(b('<?xml version="1.0"?>\n<Bundle xmlns="http://hl7.org/fhir"><type value="collection"/>')), 'fhir-xml');
  assert.equal(detectFormat(b('<Patient xmlns="http://hl7.org/fhir"/>')), 'fhir-xml');
  assert.equal(detectFormat(b("<fhir:Observation xmlns:fhir='http://hl7.org/fhir'>")), 'fhir-xml');
  assert.equal(detectFormat(b('<!DOCTYPE Patient><Patient xmlns="http://hl7.org/fhir">')), 'fhir-xml');
  assert.equal(detectFormat(b('<Patient xmlns="urn:example"><name/></Patient>')), 'xml');
  assert.equal(detectFormat(b('<Submission><x xmlns="http://hl7.org/fhir"/></Submission>')), 'xml');
});

test('FHIR JSON, NDJSON and XML saved as UTF-16 (with BOM) or with a UTF-8 BOM are recognised; UTF-16 text that is not JSON/XML stays unknown', () => {
  const ndjson = '{"resourceType":"Patient","id":"1"}\n{"resourceType":"Patient","id":"2"}\n';
  for (const order of ['le', 'be'] as const) {
    assert.equal(detectFormat(utf16(ndjson, order)), 'fhir-ndjson');
    assert.equal(detectFormat(utf16('{"resourceType":"Bundle","type":"collection"}', order)), 'fhir-json');
    assert.equal(detectFormat(utf16('<?xml version="1.0" encoding="UTF-16"?><Patient xmlns="http://hl7.org/fhir"/>', order)), 'fhir-xml');
    // Without a BOM it is still recognised, so the reader can say which encoding it refuses.
    assert.equal(detectFormat(utf16(ndjson, order, false)), 'fhir-ndjson');
  }
  assert.equal(detectFormat(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b(ndjson)])), 'fhir-ndjson');
  assert.equal(detectFormat(utf16('just some words', 'le')), 'unknown');
});

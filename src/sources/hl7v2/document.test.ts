import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentReference } from '@medplum/fhirtypes';
import { extractHl7 } from './index.js';
import { checkResource } from './validate.js';

const MSH = 'MSH|^~\\&|DOC|H|R|H|20260322153000||MDM^T02^MDM_T02|D1|P|2.5.1';

test('MDM^T02 with TX OBX → a plain text page and a DocumentReference', () => {
  const e = extractHl7([
    MSH,
    'EVN|T02|20260322153000',
    'PID|1||55667^^^MRN||WILLIAMS^SARAH||19650410|F',
    'TXA|1|HP^History and Physical^HL70270|TX|20260322150000-0400||20260322153000|||8901^AUTHOR^DOC^M^^^MD|||UID-1|||||AU',
    'OBX|1|TX|HP^History and Physical||Patient presents with headaches.||||||F',
    'OBX|2|TX|HP^History and Physical||Plan: MRI \\T\\ follow-up.\\.br\\Return in 2 weeks.||||||F',
  ].join('\r'));
  assert.deepEqual(e.pages, [{ page: 1, text: 'Patient presents with headaches.\nPlan: MRI & follow-up.\nReturn in 2 weeks.', method: 'plain' }]);
  const doc = e.resources.find((r) => r.resource.resourceType === 'DocumentReference')!;
  assert.deepEqual(doc.location, { segment: 'TXA[1]', line: 4 });
  const r = doc.resource as DocumentReference;
  assert.equal(r.docStatus, 'final');
  assert.equal(r.date, '2026-03-22T15:00:00-04:00');
  assert.equal(r.type?.coding?.[0].code, 'HP');
  assert.equal(r.author?.[0].display, 'DOC M AUTHOR MD');
  assert.equal(r.masterIdentifier?.value, 'UID-1');
  assert.equal(e.children, undefined);
  assert.deepEqual(checkResource(r), []);
});

test('MDM with a base64 PDF in an ED OBX → child file, no inline data', () => {
  const pdf = Buffer.from('%PDF-1.7\n%%EOF').toString('base64');
  const e = extractHl7([MSH, 'PID|1||1', 'TXA|1|DS|AP', `OBX|1|ED|DS^Discharge summary||^application^pdf^Base64^${pdf}||||||F`].join('\n'));
  assert.equal(e.children?.length, 1);
  assert.equal(e.children![0].name, 'm1-obx1.pdf');
  assert.equal(e.children![0].relation, 'embedded');
  assert.equal(Buffer.from(e.children![0].bytes).toString(), '%PDF-1.7\n%%EOF');
  const r = e.resources.find((x) => x.resource.resourceType === 'DocumentReference')!.resource as DocumentReference;
  assert.deepEqual(r.content, [{ attachment: { contentType: 'application/pdf', title: 'm1-obx1.pdf' } }]);
  assert.equal(e.pages, undefined);
});

test('an MDM without a body is reported, not dropped', () => {
  const e = extractHl7([MSH, 'PID|1||1', 'TXA|1|DS|AP', 'OBX|1|ED|DS||^application^pdf^Base64^||||||F'].join('\r'));
  assert.ok(e.issues.some((i) => i.code === 'empty-document'));
  assert.equal(e.resources.filter((r) => r.resource.resourceType === 'DocumentReference').length, 1);
});

test('only text OBX types make the page; HD and other metadata OBX do not', () => {
  const e = extractHl7([MSH, 'PID|1||1', 'TXA|1|DI|TX', 'OBX|1|HD|113014^DICOM Study^DCM||1.2.840.1||||||O', 'OBX|2|TX|X||Body text||||||F'].join('\r'));
  assert.deepEqual(e.pages?.map((p) => p.text), ['Body text']);
});

test('ED type/subtype → MIME type; mislabelled bytes get the extension of what they are', async () => {
  const { edMime } = await import('./obx.js');
  assert.equal(edMime('AP', 'PDF'), 'application/pdf');
  assert.equal(edMime('IM', 'JPEG'), 'image/jpeg');
  assert.equal(edMime('NS', 'Octet-stream'), 'application/octet-stream');
  assert.equal(edMime('', ''), 'application/octet-stream');
  const text = Buffer.from('This is a Base64 string').toString('base64');
  const e = extractHl7([MSH, 'PID|1||1', 'TXA|1|DI|TX', `OBX|1|ED|X||^IM^JPEG^Base64^${text}||||||F`].join('\r'));
  assert.equal(e.children?.[0].name, 'm1-obx1.txt');
});

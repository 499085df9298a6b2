import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entryFor, folderOf, labelFrom, parseXdmMetadata, xcnName, xdsTime } from './xdm.js';
import { xdmMetadata } from '../../test/helpers/xdm.js';

test('METADATA.XML: each XDS document entry with title, creation time, author, codes, patient id and URI', () => {
  const xml = xdmMetadata([
    { id: 'Document01', uri: 'DOC0001.XML', title: 'Discharge summary', created: '20240310143000', classCode: ['18842-5', 'Discharge summary'] },
    { id: 'Document02', uri: ['1|very/long/', '2|name.pdf'], title: 'Lab report', created: '20240301', author: 'Nurse Jackie', mime: 'application/pdf' },
  ]);
  const m = parseXdmMetadata(xml);
  assert.ok(m.ok);
  const [a, b] = m.documents;
  assert.equal(a.entryUuid, 'Document01');
  assert.equal(a.uri, 'DOC0001.XML');
  assert.equal(a.title, 'Discharge summary');
  assert.equal(a.date, '2024-03-10T14:30:00+00:00');
  assert.deepEqual(a.authors, [{ person: 'Dr Marcus Welby', institution: 'Good Health Clinic' }]);
  assert.deepEqual(a.classCode, { code: '18842-5', system: '2.16.840.1.113883.6.1', display: 'Discharge summary' });
  assert.deepEqual(a.formatCode, { code: 'urn:ihe:pcc:xphr:2007', system: '1.3.6.1.4.1.19376.1.2.3' });
  assert.equal(a.patientId, 'MRN-1^^^&1.2.3.4&ISO');
  assert.equal(a.sourcePatientId, 'MRN-1^^^&1.2.3.4&ISO');
  assert.equal(a.size, 1234);
  assert.equal(a.mimeType, 'text/xml');
  assert.equal(b.uri, 'very/long/name.pdf', 'a URI split over numbered values is joined');
  assert.equal(b.date, '2024-03-01');
  assert.deepEqual(labelFrom(b), { title: 'Lab report', date: '2024-03-01', author: 'Nurse Jackie, Good Health Clinic' });
  assert.deepEqual(m.submission, { title: 'Records for Jane Doe', date: '2024-03-12T10:15:00+00:00', authors: [{ institution: 'Good Health Clinic' }], patientId: 'MRN-1^^^&1.2.3.4&ISO' });
});

test('an entry is found by its URI relative to the METADATA.XML folder, case-insensitively', () => {
  const m = parseXdmMetadata(xdmMetadata([{ id: 'd1', uri: 'DOC0001.XML', title: 'A', created: '2024' }, { id: 'd2', uri: 'sub/Scan.PDF', title: 'B', created: '2024' }]));
  assert.ok(m.ok);
  const folder = folderOf('IHE_XDM/SUBSET01/METADATA.XML');
  assert.equal(folder, 'IHE_XDM/SUBSET01/');
  assert.equal(entryFor('IHE_XDM/SUBSET01/doc0001.xml', folder, m.documents)?.title, 'A');
  assert.equal(entryFor('IHE_XDM/SUBSET01/sub/scan.pdf', folder, m.documents)?.title, 'B');
  assert.equal(entryFor('IHE_XDM/SUBSET02/DOC0001.XML', folder, m.documents), undefined, 'another subset is not this one');
});

test('names and times in HL7 v2 shapes; bad metadata is a message, never a throw', () => {
  assert.equal(xcnName('12345^Smith^John^Q^Jr^Dr'), 'Dr John Q Smith Jr');
  assert.equal(xcnName('Dr. Plain Name'), 'Dr. Plain Name');
  assert.equal(xcnName('99^^^'), '99');
  assert.equal(xdsTime('2024031014'), '2024-03-10T14:00:00+00:00');
  assert.equal(xdsTime('202403'), '2024-03');
  assert.equal(xdsTime('yesterday'), undefined);
  assert.equal(parseXdmMetadata('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>').ok, false);
  const empty = parseXdmMetadata('<html><body>not metadata</body></html>');
  assert.ok(!empty.ok && /no XDS document entries/.test(empty.message));
  assert.equal(parseXdmMetadata('<<<').ok, false);
});

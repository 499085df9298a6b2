import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeable, hl7Date, hl7DateTime, humanName, identifier, practitionerRef } from './datatypes.js';

test('HL7 TS → FHIR keeps precision and never invents a zone', () => {
  assert.equal(hl7DateTime('20200304123000-0500'), '2020-03-04T12:30:00-05:00');
  assert.equal(hl7DateTime('202003041230+0215'), '2020-03-04T12:30:00+02:15');
  assert.equal(hl7DateTime('20200304123000.1234-0500'), '2020-03-04T12:30:00.1234-05:00');
  assert.equal(hl7DateTime('20200304'), '2020-03-04');
  assert.equal(hl7DateTime('202003'), '2020-03');
  assert.equal(hl7DateTime('2020'), '2020');
  assert.equal(hl7DateTime('20200304123000'), '2020-03-04', 'time without zone → date only');
  assert.equal(hl7DateTime('20200304-0500'), '2020-03-04');
  assert.equal(hl7DateTime('2020-03-04'), '2020-03-04');
});

test('invalid HL7 dates give undefined', () => {
  for (const bad of ['', '2020130', '20201301', '20200230', 'yesterday', '04/24/2007', '0000']) assert.equal(hl7DateTime(bad), undefined, bad);
  assert.equal(hl7Date('198808181126+0215'), '1988-08-18');
});

test('XPN → HumanName', () => {
  assert.deepEqual(humanName([['DOE'], ['JOHN'], ['Q'], ['JR'], ['DR'], [''], ['L']]), { use: 'official', family: 'DOE', given: ['JOHN', 'Q'], prefix: ['DR'], suffix: ['JR'], text: 'DR JOHN Q DOE JR' });
  assert.equal(humanName([[''], ['']]), undefined);
});

test('CX → Identifier with the assigning authority as system', () => {
  assert.deepEqual(identifier([['123'], [''], [''], ['HOSP', '2.16.840.1.1', 'ISO'], ['MR']]), { value: '123', system: 'urn:oid:2.16.840.1.1', type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] } });
  assert.equal(identifier([['123'], [''], [''], ['MRN']])?.system, 'MRN');
  assert.deepEqual(identifier([['9'], [''], [''], ['Good Hospital']])?.assigner, { display: 'Good Hospital' });
  assert.equal(identifier([['']]), undefined);
});

test('CE/CWE → CodeableConcept with LOINC and alternate codings', () => {
  assert.deepEqual(codeable([['2345-7'], ['Glucose'], ['LN'], ['GLU'], ['Glucose, serum'], ['L']]), {
    coding: [
      { code: '2345-7', system: 'http://loinc.org', display: 'Glucose' },
      { code: 'GLU', system: 'urn:hl7v2:coding-system:L', display: 'Glucose, serum' },
    ],
    text: 'Glucose',
  });
  assert.deepEqual(codeable([[''], ['free text only']]), { text: 'free text only' });
  assert.equal(codeable([]), undefined);
});

test('XCN → practitioner reference', () => {
  assert.deepEqual(practitionerRef([['1234'], ['SMITH'], ['JANE'], [''], [''], ['DR']]), { display: 'DR JANE SMITH', identifier: { value: '1234' } });
});

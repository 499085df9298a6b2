import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapPatient } from './patient.js';
import { parseHl7, segments } from './parse.js';

const pidOf = (pid: string) => segments(parseHl7(`MSH|^~\\&|A|B|C|D|20200101||ADT^A08|1|P|2.5\r${pid}`).messages[0])[1];

test('PID → Patient and person hints (name, birth date, sex, identifiers with authority)', () => {
  const { key, hints, patient } = mapPatient(pidOf('PID|1||12345^^^HOSP&2.16.840.1.113883.19.5&ISO^MR~999-99-9999^^^SSA^SS||DOE^JANE^Q^^^^L~SMITH^JANE^^^^^M||19800315|F|||1 Main St^^Springfield^IL^62701^USA||^PRN^PH^^1^217^5551234|||||||||||||||||Y'), 'm1-pid1');
  assert.equal(key, 'urn:oid:2.16.840.1.113883.19.5|12345');
  assert.deepEqual(hints, {
    name: 'JANE Q DOE',
    given: ['JANE', 'Q'],
    family: 'DOE',
    birthDate: '1980-03-15',
    gender: 'female',
    identifiers: [
      { system: 'urn:oid:2.16.840.1.113883.19.5', value: '12345' },
      { system: 'SSA', value: '999-99-9999' },
    ],
  });
  assert.equal(patient.id, 'm1-pid1');
  assert.equal(patient.name?.length, 2);
  assert.equal(patient.name?.[1].use, 'maiden');
  assert.deepEqual(patient.address, [{ line: ['1 Main St'], city: 'Springfield', state: 'IL', postalCode: '62701', country: 'USA' }]);
  assert.deepEqual(patient.telecom, [{ system: 'phone', value: '+1 217 5551234', use: 'home' }]);
  assert.equal(patient.deceasedBoolean, true);
});

test('a birth time with a zone still gives a date; no identifiers → no key', () => {
  const { key, hints } = mapPatient(pidOf('PID|1||||DOE^JOHN||198808181126+0215|M'), 'p');
  assert.equal(key, undefined);
  assert.equal(hints.birthDate, '1988-08-18');
  assert.equal(hints.gender, 'male');
});

test('an empty PID gives an empty Patient, no crash', () => {
  const { patient, hints } = mapPatient(pidOf('PID|1||||||||||||||'), 'p');
  assert.deepEqual(patient, { resourceType: 'Patient', id: 'p' });
  assert.deepEqual(hints, {});
});

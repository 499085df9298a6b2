import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Immunization, Observation } from '@medplum/fhirtypes';
import { extractHl7 } from './index.js';
import { checkResource } from './validate.js';

const run = (...segs: string[]) => extractHl7(['MSH|^~\\&|EHR|FAC|IIS|IIS|20150624084727-0500||VXU^V04^VXU_V04|X1|P|2.5.1', 'PID|1||90012^^^NIST-MPI-1^MR||Wong^Elise||19830615|F', ...segs].join('\r'));
const imms = (e: ReturnType<typeof run>) => e.resources.filter((r) => r.resource.resourceType === 'Immunization');

test('VXU: RXA → Immunization (CVX, date, lot, dose, manufacturer, route/site)', () => {
  const e = run(
    'ORC|RE||197027^DCS|||||||^Clerk^Myron',
    'RXA|0|1|20150624|20150624|115^Tdap^CVX|0.5|mL^mL^UCUM||00^New immunization record^NIP001|7832^Jackson^Lily^^^^^^NIST-PI-1^L|^^^NIST-Clinic-1||||Z4352T49|20151216|PMC^sanofi^MVX|||CP|A',
    'RXR|C28161^Intramuscular^NCIT|RD^Right Deltoid^HL70163',
    'OBX|1|CE|64994-7^Vaccine funding program eligibility category^LN|1|V01^Not VFC eligible^HL70064||||||F|||20150624',
  );
  const [imm] = imms(e);
  assert.deepEqual(imm.location, { segment: 'RXA[1]', line: 4 });
  const r = imm.resource as Immunization;
  assert.equal(r.status, 'completed');
  assert.deepEqual(r.vaccineCode.coding?.[0], { code: '115', system: 'http://hl7.org/fhir/sid/cvx', display: 'Tdap' });
  assert.equal(r.occurrenceDateTime, '2015-06-24');
  assert.equal(r.lotNumber, 'Z4352T49');
  assert.equal(r.expirationDate, '2015-12-16');
  assert.equal(r.primarySource, true);
  assert.deepEqual(r.doseQuantity, { value: 0.5, unit: 'mL', system: 'http://unitsofmeasure.org', code: 'mL' });
  assert.equal(r.manufacturer?.display, 'sanofi');
  assert.equal(r.route?.coding?.[0].code, 'C28161');
  assert.equal(r.site?.coding?.[0].code, 'RD');
  assert.equal(r.patient.reference, 'Patient/m1-pid1');
  const o = e.resources.find((x) => x.resource.resourceType === 'Observation')!.resource as Observation;
  assert.deepEqual(o.partOf, [{ reference: 'Immunization/m1-rxa1' }]);
  for (const x of e.resources) assert.deepEqual(checkResource(x.resource), [], x.resource.id);
});

test('refused (RE) and not administered (NA) → not-done with the refusal reason; D → entered-in-error', () => {
  const e = run(
    'RXA|0|1|20150624|20150624|998^No vaccine administered^CVX|999||||||||||||00^Parental decision^NIP002||RE',
    'RXA|0|1|20150624|20150624|03^MMR^CVX|999||||||||||||||NA',
    'RXA|0|1|2015|2015|08^HepB^CVX|999|||01^Historical^NIP001|||||||||||CP|D',
  );
  const [re, na, del] = imms(e).map((x) => x.resource as Immunization);
  assert.equal(re.status, 'not-done');
  assert.equal(re.statusReason?.coding?.[0].code, '00');
  assert.equal(re.statusReason?.text, 'Parental decision');
  assert.equal(re.doseQuantity, undefined, '999 = unknown amount');
  assert.equal(na.status, 'not-done');
  assert.equal(del.status, 'entered-in-error');
  assert.equal(del.primarySource, false);
  assert.equal(del.occurrenceDateTime, '2015');
});

test('an RXA without a date keeps the immunization and says so', () => {
  const e = run('RXA|0|1|||20^DTaP^CVX');
  const [imm] = imms(e);
  assert.equal((imm.resource as Immunization).occurrenceString, 'unknown');
  assert.deepEqual(e.issues.map((i) => i.code), ['missing-date']);
});

test('a patient-level OBX before any RXA is still an Observation', () => {
  const e = run('OBX|1|NM|8302-2^Body height^LN||170|cm||||||F', 'RXA|0|1|20150624|20150624|20^DTaP^CVX|0.5|mL');
  const o = e.resources.filter((r) => r.resource.resourceType === 'Observation');
  assert.equal(o.length, 1);
  assert.equal((o[0].resource as Observation).partOf, undefined);
});

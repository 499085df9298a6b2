import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AllergyIntolerance, Condition, Patient } from '@medplum/fhirtypes';
import { extractHl7 } from './index.js';
import { checkResource } from './validate.js';

const run = (...segs: string[]) => extractHl7(['MSH|^~\\&|ADT|FAC|EHR|FAC|20200101||ADT^A01^ADT_A01|M1|P|2.5', 'EVN|A01|20200101', 'PID|1||7^^^H||DOE^JOHN||19600101|M', 'PV1|1|E|ER^1', ...segs].join('\r'));
const of = <T,>(e: ReturnType<typeof run>, t: string) => e.resources.filter((r) => r.resource.resourceType === t).map((r) => r.resource as T);

test('ADT^A01 → Patient update, Encounter, AL1 → AllergyIntolerance, DG1 → Condition', () => {
  const e = run(
    'AL1|1|DA|70618^Penicillin^RXNORM|SV|Hives~Anaphylaxis|20190101',
    'AL1|2|FA|^Peanuts|MO|Rash',
    'DG1|1|I10|J18.9^Pneumonia, unspecified organism^I10|||A||||||||||1234^HOUSE^GREGORY',
  );
  assert.equal(of<Patient>(e, 'Patient').length, 1);
  assert.equal(e.resources.filter((r) => r.resource.resourceType === 'Encounter').length, 1);
  const [pen, peanut] = of<AllergyIntolerance>(e, 'AllergyIntolerance');
  assert.deepEqual(pen.category, ['medication']);
  assert.equal(pen.criticality, 'high');
  assert.deepEqual(pen.reaction?.[0].manifestation.map((m) => m.text), ['Hives', 'Anaphylaxis']);
  assert.equal(pen.recordedDate, '2019-01-01');
  assert.equal(pen.patient.reference, 'Patient/m1-pid1');
  assert.equal(pen.encounter?.reference, 'Encounter/m1-pv11');
  assert.equal(peanut.code?.text, 'Peanuts');
  assert.deepEqual(peanut.category, ['food']);
  const [dx] = of<Condition>(e, 'Condition');
  assert.deepEqual(dx.code?.coding?.[0], { code: 'J18.9', system: 'http://hl7.org/fhir/sid/icd-10-cm', display: 'Pneumonia, unspecified organism' });
  assert.equal(dx.verificationStatus?.coding?.[0].code, 'provisional');
  assert.equal(dx.asserter?.display, 'GREGORY HOUSE');
  assert.deepEqual(e.resources.find((r) => r.resource.resourceType === 'Condition')?.location, { segment: 'DG1[1]', line: 7 });
  for (const x of e.resources) assert.deepEqual(checkResource(x.resource), [], x.resource.id);
});

test('"No known allergies" stays a negation, never a positive allergy', () => {
  const e = run('AL1|1|DA|^NKDA', 'AL1|2||NKA^No Known Allergies^L');
  const [a, b] = of<AllergyIntolerance>(e, 'AllergyIntolerance');
  assert.equal(a.code?.coding?.[0].code, '409137002');
  assert.equal(a.clinicalStatus, undefined);
  assert.equal(b.code?.coding?.[0].code, '716186003');
  assert.equal(b.criticality, undefined);
});

test('PRB (problem) → problem-list Condition; DE → entered-in-error', () => {
  const e = extractHl7(['MSH|^~\\&|A|B|C|D|20040629||PPR^PC1|1|P|2.3.1', 'PID|1||1^^^H', 'PRB|AD|20040629|38341003^Hypertension^SCT|P1|||20040629', 'PRB|DE|20040629|44054006^Diabetes^SCT|P2'].join('\r'));
  const [ad, de] = e.resources.filter((r) => r.resource.resourceType === 'Condition').map((r) => r.resource as Condition);
  assert.equal(ad.category?.[0].coding?.[0].code, 'problem-list-item');
  assert.equal(ad.clinicalStatus?.coding?.[0].code, 'active');
  assert.equal(ad.recordedDate, '2004-06-29');
  assert.equal(de.verificationStatus?.coding?.[0].code, 'entered-in-error');
});

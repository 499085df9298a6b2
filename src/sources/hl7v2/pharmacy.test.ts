import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MedicationRequest } from '@medplum/fhirtypes';
import { extractHl7 } from './index.js';
import { checkResource } from './validate.js';

const run = (type: string, ...segs: string[]) => extractHl7([`MSH|^~\\&|PHARM|FAC|EHR|FAC|20200101||${type}|M1|P|2.5`, 'PID|1||7^^^H', ...segs].join('\r'));
const meds = (e: ReturnType<typeof run>) => e.resources.filter((r) => r.resource.resourceType === 'MedicationRequest');

test('RDE^O11: ORC + RXE + RXR → MedicationRequest', () => {
  const e = run(
    'RDE^O11^RDE_O11',
    'ORC|NW|ORD1^EHR|FIL1^PHARM|||||||||1234^WELBY^MARCUS^^^DR|||||||||||||||||||||20200101093000-0500',
    'RXE|^BID&twice a day^HL70335|197361^Amlodipine 5 MG Oral Tablet^RXNORM|5||mg^mg^UCUM|TAB^Tablet^HL70292|^Take with water|||30|TAB^Tablet|3',
    'RXR|PO^Oral^HL70162',
  );
  const [m] = meds(e);
  assert.deepEqual(m.location, { segment: 'RXE[1]', line: 4 });
  const r = m.resource as MedicationRequest;
  assert.equal(r.status, 'active');
  assert.equal(r.intent, 'order');
  assert.deepEqual(r.medicationCodeableConcept?.coding?.[0], { code: '197361', system: 'http://www.nlm.nih.gov/research/umls/rxnorm', display: 'Amlodipine 5 MG Oral Tablet' });
  assert.deepEqual(r.dosageInstruction?.[0].doseAndRate?.[0].doseQuantity, { value: 5, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' });
  assert.equal(r.dosageInstruction?.[0].route?.coding?.[0].code, 'PO');
  assert.match(r.dosageInstruction?.[0].text ?? '', /Take with water/);
  assert.deepEqual(r.dispenseRequest?.quantity?.value, 30);
  assert.equal(r.dispenseRequest?.numberOfRepeatsAllowed, 3);
  assert.equal(r.requester?.display, 'DR MARCUS WELBY');
  assert.deepEqual(r.identifier?.map((i) => i.value), ['ORD1', 'FIL1']);
  for (const x of e.resources) assert.deepEqual(checkResource(x.resource), [], x.resource.id);
});

test('ORM^O01 with RXO, and a cancelled order; two ORC groups → two requests', () => {
  const e = run(
    'ORM^O01',
    'ORC|NW|A1',
    'RXO|00047040230^Ampicillin 250 mg caps^NDC|2||caps^capsule',
    'ORC|CA|A2',
    'RXO|^Ibuprofen 400 mg',
  );
  const [a, b] = meds(e).map((x) => x.resource as MedicationRequest);
  assert.equal(a.medicationCodeableConcept?.coding?.[0].system, 'http://hl7.org/fhir/sid/ndc');
  assert.equal(a.status, 'active');
  assert.equal(b.status, 'cancelled');
  assert.equal(b.medicationCodeableConcept?.text, 'Ibuprofen 400 mg');
});

/**
 * Argonaut DSTU2 shapes other than Apple Health's (Epic's DSTU2 API: goals, care plans,
 * administrations) are mapped to R4 and kept, not rejected for R4's required elements.
 * Fixtures written for this test, in the shapes those servers send.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesInput, collectParts } from './file-input.js';
import { fhirAdapter } from './index.js';
import { r4Validator } from './r4-structure.js';

async function one(resource: Record<string, unknown>) {
  const [e] = await collectParts(fhirAdapter.extract(bytesInput(`${resource.resourceType}.json`, JSON.stringify(resource))));
  assert.deepEqual(e.issues.filter((i) => i.severity === 'error').map((i) => i.message), [], 'no resource rejected');
  assert.equal(e.resources.length, 1);
  const r = e.resources[0].resource as unknown as Record<string, any>;
  const validate = await r4Validator();
  assert.equal(validate(r as never), undefined, 'valid R4');
  return r;
}

test('a DSTU2 Goal (string description, one status) becomes an R4 Goal with lifecycle and achievement', async () => {
  const g = await one({
    resourceType: 'Goal', id: 'g1', subject: { reference: 'Patient/p1' }, status: 'in-progress', startDate: '2016-03-26',
    description: 'Reduce the need for your rescue inhaler to less than once a week', author: { display: 'Dr. Lung' }, targetDate: '2016-09-01',
    addresses: [{ reference: 'Condition/c1', display: 'Asthma' }], note: [{ text: 'Remove pet dander from your life.' }],
  });
  assert.deepEqual(g.description, { text: 'Reduce the need for your rescue inhaler to less than once a week' });
  assert.equal(g.lifecycleStatus, 'active');
  assert.equal(g.achievementStatus.coding[0].code, 'in-progress');
  assert.equal(g.status, undefined);
  assert.deepEqual(g.expressedBy, { display: 'Dr. Lung' });
  assert.deepEqual(g.target, [{ dueDate: '2016-09-01' }]);
});

test('a DSTU2 CarePlan without intent, with prohibited activities, is an R4 plan', async () => {
  const c = await one({
    resourceType: 'CarePlan', id: 'cp1', subject: { reference: 'Patient/p1' }, status: 'active',
    activity: [{ detail: { category: { coding: [{ system: 'http://hl7.org/fhir/care-plan-activity-category', code: 'procedure' }] }, prohibited: false, code: { text: 'ADULT DIET' } } }],
  });
  assert.equal(c.intent, 'plan');
  assert.deepEqual(c.activity[0].detail, { code: { text: 'ADULT DIET' }, doNotPerform: false, status: 'unknown' });
});

test('a DSTU2 MedicationAdministration (patient, effectiveTime[x], practitioner, dosage.quantity) is an R4 one', async () => {
  const a = await one({
    resourceType: 'MedicationAdministration', id: 'ma1', status: 'completed', patient: { reference: 'Patient/p1' },
    practitioner: { reference: 'Practitioner/n1' }, prescription: { reference: 'MedicationRequest/rx1' },
    effectiveTimePeriod: { start: '2015-01-15T14:30:00+01:00', end: '2015-01-15T14:30:00+01:00' },
    medicationCodeableConcept: { text: 'Vancomycin 1 g IV' }, dosage: { quantity: { value: 80, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } },
  });
  assert.deepEqual(a.subject, { reference: 'Patient/p1' });
  assert.deepEqual(a.performer, [{ actor: { reference: 'Practitioner/n1' } }]);
  assert.deepEqual(a.request, { reference: 'MedicationRequest/rx1' });
  assert.equal(a.effectivePeriod.start, '2015-01-15T14:30:00+01:00');
  assert.equal(a.dosage.dose.value, 80);
});

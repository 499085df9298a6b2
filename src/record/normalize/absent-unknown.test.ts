/**
 * "No information" and "no known …" placeholders (IPS absent/unknown codes, data-absent-reason,
 * a plain "No Known Allergies") are no medication, allergy, problem, procedure or vaccine.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Resource } from '@medplum/fhirtypes';
import { factsOf } from './fact.js';

const IPS = 'http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips';
const ctx = { documentId: 'd', structured: true };
const facts = (r: Record<string, unknown>) => factsOf(r as unknown as Resource, 'x', ctx).map((f) => [f.kind, f.display, f.status]);

test('"no information" placeholders give no fact of any kind', () => {
  assert.deepEqual(facts({ resourceType: 'MedicationStatement', status: 'active', medicationCodeableConcept: { coding: [{ system: IPS, code: 'no-medication-info', display: 'No information about medications' }] } }), []);
  assert.deepEqual(facts({ resourceType: 'AllergyIntolerance', code: { coding: [{ system: IPS, code: 'no-allergy-info', display: 'No information about allergies' }] } }), []);
  assert.deepEqual(facts({ resourceType: 'Condition', code: { coding: [{ system: IPS, code: 'no-problem-info', display: 'No information about problems' }] } }), []);
  assert.deepEqual(facts({ resourceType: 'Procedure', status: 'completed', code: { coding: [{ system: IPS, code: 'no-procedure-info' }] } }), []);
  assert.deepEqual(facts({ resourceType: 'Immunization', status: 'completed', vaccineCode: { coding: [{ system: IPS, code: 'no-immunization-info' }] }, occurrenceDateTime: '2020' }), []);
  assert.deepEqual(facts({ resourceType: 'Condition', code: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'unknown' }] } }), []);
});

test('"no known" allergies and problems are the none-known statements, whether coded or written', () => {
  assert.deepEqual(facts({ resourceType: 'AllergyIntolerance', code: { coding: [{ system: IPS, code: 'no-known-allergies', display: 'No known allergies' }] } }), [['allergies', 'No known allergies', 'none-known']]);
  assert.deepEqual(facts({ resourceType: 'AllergyIntolerance', code: { text: 'No Known Allergies' } }), [['allergies', 'No known allergies', 'none-known']]);
  assert.deepEqual(facts({ resourceType: 'AllergyIntolerance', code: { text: 'No known drug allergies' } }), [['allergies', 'No known allergies', 'none-known']]);
  assert.deepEqual(facts({ resourceType: 'Condition', code: { coding: [{ system: IPS, code: 'no-known-problems', display: 'No known problems' }] } }), [['problems', 'No known problems', 'none-known']]);
  assert.deepEqual(facts({ resourceType: 'Procedure', status: 'completed', code: { coding: [{ system: IPS, code: 'no-known-procedures' }] } }), []);
  assert.deepEqual(facts({ resourceType: 'AllergyIntolerance', code: { text: 'Peanut' } }), [['allergies', 'Peanut', 'active']], 'a real allergy is untouched');
});

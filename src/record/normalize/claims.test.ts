/**
 * Payer and pharmacy data as evidence: a person whose only source is their insurer (CARIN Blue
 * Button / CMS Blue Button ExplanationOfBenefit) or a pharmacy (MedicationDispense) still gets
 * the medicines filled and the services billed in their record, below what an EHR stated.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Resource } from '@medplum/fhirtypes';
import { factsOf, FACT_RESOURCE_TYPES } from './fact.js';
import { reconcileFacts } from '../reconcile/cluster.js';

const ctx = { documentId: 'doc-1', structured: true };
const NDC = 'http://hl7.org/fhir/sid/ndc';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

const pharmacyClaim = {
  resourceType: 'ExplanationOfBenefit',
  id: 'pde-1',
  status: 'active',
  type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'pharmacy', display: 'Pharmacy' }] },
  use: 'claim',
  patient: { reference: 'Patient/p1' },
  created: '2023-02-03',
  outcome: 'complete',
  item: [
    { sequence: 1, productOrService: { coding: [{ system: NDC, code: '00093715698', display: 'Atorvastatin Calcium 20 MG Oral Tablet' }] }, servicedDate: '2023-02-01' },
    // A line with only a package code, as many payers send it.
    { sequence: 2, productOrService: { coding: [{ system: NDC, code: '00378180110' }] }, servicedDate: '2023-02-01' },
  ],
} as unknown as Resource;

const professionalClaim = {
  resourceType: 'ExplanationOfBenefit',
  id: 'carrier-1',
  status: 'active',
  type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
  use: 'claim',
  patient: { reference: 'Patient/p1' },
  billablePeriod: { start: '2022-11-09', end: '2022-11-09' },
  outcome: 'complete',
  item: [
    { sequence: 1, productOrService: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '99214' }] } },
    { sequence: 2, productOrService: { coding: [{ system: 'https://bluebutton.cms.gov/resources/codesystem/hcpcs', code: '77080' }] }, servicedPeriod: { start: '2022-11-10' } },
    // An EHR's own claim names the visit's type in SNOMED CT: not a service of its own.
    { sequence: 3, productOrService: { coding: [{ system: 'http://snomed.info/sct', code: '185349003', display: 'Encounter for check up' }] } },
  ],
  procedure: [{ sequence: 1, date: '2022-11-09', procedureCodeableConcept: { coding: [{ system: 'http://www.cms.gov/Medicare/Coding/ICD10', code: '0DTJ4ZZ', display: 'Resection of Appendix' }] } }],
} as unknown as Resource;

test('a pharmacy claim line is a medication filled that day, named by its NDC when it has no name', () => {
  const facts = factsOf(pharmacyClaim, 'eob', ctx);
  assert.equal(facts.length, 2);
  const [named, bare] = facts;
  assert.deepEqual([named.id, named.kind, named.block, named.date, named.status, named.strength], ['eob#0', 'medications', 'atorvastatin', '2023-02-01', 'completed', '20 mg']);
  assert.deepEqual([bare.id, bare.kind, bare.block, bare.display], ['eob#1', 'medications', 'ndc:00378180110', 'NDC 00378180110']);
  assert.ok(facts.every((f) => f.resourceId === 'eob'));
});

test('billed services are procedures; visits (E/M codes) and an EHR claim\'s SNOMED visit type are not', () => {
  const facts = factsOf(professionalClaim, 'eob', ctx);
  assert.deepEqual(
    facts.map((f) => [f.id, f.kind, f.display, f.date]),
    [
      ['eob#1', 'procedures', 'HCPCS 77080', '2022-11-10'],
      ['eob#p0', 'procedures', 'Resection of Appendix', '2022-11-09'],
    ],
  );
});

test('a claim in error gives nothing; claims and dispenses are read by the reconcile job', () => {
  assert.deepEqual(factsOf({ ...pharmacyClaim, status: 'entered-in-error' } as Resource, 'eob', ctx), []);
  assert.ok(FACT_RESOURCE_TYPES.includes('ExplanationOfBenefit'));
  assert.ok(FACT_RESOURCE_TYPES.includes('MedicationDispense'));
});

test('a dispense of a contained Medication is a medication fact; an active order stays the display source and active', () => {
  const dispense = {
    resourceType: 'MedicationDispense',
    id: 'd1',
    contained: [{ resourceType: 'Medication', id: 'med1', code: { coding: [{ system: RXNORM, code: '617310', display: 'atorvastatin 20 MG Oral Tablet' }] } }],
    status: 'completed',
    medicationReference: { reference: '#med1' },
    subject: { reference: 'Patient/p1' },
    whenHandedOver: '2023-02-01T15:00:00Z',
  } as unknown as Resource;
  const [fill] = factsOf(dispense, 'disp', { documentId: 'doc-2', structured: true });
  assert.deepEqual([fill.kind, fill.block, fill.status, fill.strength, fill.date], ['medications', 'atorvastatin', 'completed', '20 mg', '2023-02-01T15:00:00Z']);

  const order = {
    resourceType: 'MedicationRequest',
    id: 'o1',
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: { coding: [{ system: RXNORM, code: '617310', display: 'atorvastatin 20 MG Oral Tablet' }] },
    subject: { reference: 'Patient/p1' },
    authoredOn: '2023-01-15',
  } as unknown as Resource;
  const items = reconcileFacts([...factsOf(order, 'ord', ctx), fill, ...factsOf(pharmacyClaim, 'eob', { documentId: 'doc-3', structured: true })]);
  const atorvastatin = items.filter((i) => i.kind === 'medications' && i.block === 'atorvastatin');
  assert.equal(atorvastatin.length, 1, 'the order, its fill and the pharmacy claim are one medication');
  assert.equal(atorvastatin[0].resourceIds[0], 'ord');
  assert.equal(atorvastatin[0].status, 'active');
  assert.deepEqual(atorvastatin[0].conflicts, []);
});

test('a statement naming a contained Medication by reference is named by it', () => {
  const statement = {
    resourceType: 'MedicationStatement',
    id: 's1',
    contained: [{ resourceType: 'Medication', id: 'm', code: { text: 'Metformin 500 mg tablet' } }],
    status: 'active',
    medicationReference: { reference: '#m' },
    subject: { reference: 'Patient/p1' },
  } as unknown as Resource;
  const [f] = factsOf(statement, 's1', ctx);
  assert.deepEqual([f.display, f.block, f.strength], ['Metformin 500 mg tablet', 'metformin', '500 mg']);
});

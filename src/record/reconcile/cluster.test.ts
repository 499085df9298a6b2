/** Merging rules as a user sees them: one item per fact, every source listed, disagreements shown. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Resource } from '@medplum/fhirtypes';
import { factsOf, type Fact } from '../normalize/fact.js';
import { reconcileFacts, clusterBlock } from './cluster.js';

const facts = (doc: string, structured: boolean, rs: object[]): Fact[] => rs.flatMap((r, i) => factsOf(r as Resource, `${doc}-${i}`, { documentId: doc, structured }));
const obs = (code: string, date: string, value: number, unit: string) => ({ resourceType: 'Observation', status: 'final', category: [{ coding: [{ code: 'laboratory' }] }], code: { coding: [{ system: 'http://loinc.org', code }] }, effectiveDateTime: date, valueQuantity: { value, unit } });

test('the same medication from three sources is one item listing all three', () => {
  const items = reconcileFacts([
    ...facts('fhir', true, [{ resourceType: 'MedicationRequest', status: 'active', intent: 'order', medicationCodeableConcept: { text: 'Lipitor 20 mg' } }]),
    ...facts('ccda', true, [{ resourceType: 'MedicationStatement', status: 'active', medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '617310', display: 'atorvastatin 20 MG Oral Tablet' }] } }]),
    ...facts('fax', false, [{ resourceType: 'MedicationStatement', status: 'completed', medicationCodeableConcept: { text: 'Atorvastatin 20mg daily' } }]),
  ]);
  assert.equal(items.length, 1);
  assert.deepEqual(items[0].resourceIds.sort(), ['ccda-0', 'fax-0', 'fhir-0']);
  assert.notEqual(items[0].resourceIds[0], 'fax-0', 'structured sources are shown before OCR');
  assert.equal(items[0].conflicts[0].type, 'status', 'stopped in the fax, active elsewhere');
});

test('a different strength is a different item', () => {
  const items = reconcileFacts(facts('a', true, [
    { resourceType: 'MedicationStatement', status: 'active', medicationCodeableConcept: { text: 'atorvastatin 10 mg' } },
    { resourceType: 'MedicationStatement', status: 'active', medicationCodeableConcept: { text: 'atorvastatin 40 mg' } },
  ]));
  assert.equal(items.length, 2);
});

test('glucose in mg/dL and mmol/L at the same time is one result; a different value at that time is a conflict', () => {
  const same = reconcileFacts([...facts('a', true, [obs('2345-7', '2024-01-02T08:00:00', 99, 'mg/dL')]), ...facts('b', true, [obs('14749-6', '2024-01-02T08:00:00', 5.5, 'mmol/L')])]);
  assert.equal(same.length, 1);
  assert.deepEqual(same[0].conflicts, []);
  const diff = reconcileFacts([...facts('a', true, [obs('2345-7', '2024-01-02T08:00:00', 99, 'mg/dL')]), ...facts('b', true, [obs('2345-7', '2024-01-02T08:00:00', 130, 'mg/dL')])]);
  assert.equal(diff.length, 1);
  assert.equal(diff[0].conflicts[0].type, 'value');
  const twice = reconcileFacts(facts('a', true, [obs('2345-7', '2024-01-02T08:00:00', 99, 'mg/dL'), obs('2345-7', '2024-01-02T20:00:00', 140, 'mg/dL')]));
  assert.equal(twice.length, 2, 'two measurements of one day at different times stay two');
});

test('Td and Tdap on the same day are one tetanus immunization; another day is another', () => {
  const imm = (code: string, date: string) => ({ resourceType: 'Immunization', status: 'completed', vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code }] }, occurrenceDateTime: date });
  const items = reconcileFacts(facts('a', true, [imm('115', '2020-05-01'), imm('09', '2020-05-01T10:00:00'), imm('115', '2010-05-01')]));
  assert.equal(items.length, 2);
});

test('user decisions: split separates, merge joins, keyed by resource ids', () => {
  const fs = facts('a', true, [
    { resourceType: 'Condition', code: { coding: [{ system: 'http://snomed.info/sct', code: '59621000' }], text: 'Essential hypertension' } },
    { resourceType: 'Condition', code: { text: 'HTN' } },
    { resourceType: 'Condition', code: { coding: [{ system: 'http://snomed.info/sct', code: '59621000' }], text: 'Hypertension' } },
  ]);
  assert.equal(clusterBlock('problems', fs).length, 2, 'HTN is not recognised on its own');
  assert.equal(clusterBlock('problems', fs, [{ id: 'd1', action: 'merge', kind: 'problems', resourceIds: ['a-0', 'a-1'] }]).length, 1);
  assert.equal(clusterBlock('problems', fs, [{ id: 'd2', action: 'split', kind: 'problems', resourceIds: ['a-2'] }]).length, 3);
});

test('a result without a date joins the dated copy of its document day only when the value matches and one measurement has it', () => {
  const undated = (code: string, value: number, unit: string) => ({ resourceType: 'Observation', status: 'final', category: [{ coding: [{ code: 'laboratory' }] }], code: { coding: [{ system: 'http://loinc.org', code }] }, valueQuantity: { value, unit } });
  const narrative = (rs: object[], documentDate?: string) => rs.flatMap((r, i) => factsOf(r as Resource, `fax-${i}`, { documentId: 'fax', structured: false, documentDate }));
  const lab = facts('lab', true, [obs('2345-7', '2024-01-02T08:00:00', 99, 'mg/dL')]);

  const merged = reconcileFacts([...lab, ...narrative([undated('14749-6', 5.5, 'mmol/L')], '2024-01-02')]);
  assert.equal(merged.length, 1, 'same test, same value after mmol/L → mg/dL, same day: one result');
  assert.deepEqual(merged[0].resourceIds, ['lab-0', 'fax-0'], 'the dated structured source is shown first');
  assert.equal(merged[0].date, '2024-01-02T08:00:00');

  assert.equal(reconcileFacts([...lab, ...narrative([undated('2345-7', 130, 'mg/dL')], '2024-01-02')]).length, 2, 'another value is never taken for the same result');
  assert.equal(reconcileFacts([...lab, ...narrative([undated('2345-7', 99, 'mg/dL')], '2024-01-09')]).length, 2, 'a document of another day: kept apart');
  assert.equal(reconcileFacts([...lab, ...narrative([undated('2345-7', 99, 'mg/dL')])]).length, 2, 'a document without a date: kept apart');
  assert.equal(reconcileFacts([...lab, ...narrative([undated('718-7', 99, 'mg/dL')], '2024-01-02')]).length, 2, 'another test: kept apart');

  const twoTimes = facts('lab', true, [obs('2345-7', '2024-01-02T08:00:00', 99, 'mg/dL'), obs('2345-7', '2024-01-02T20:00:00', 140, 'mg/dL')]);
  const withCopy = reconcileFacts([...twoTimes, ...narrative([undated('2345-7', 140, 'mg/dL')], '2024-01-02')]);
  assert.equal(withCopy.length, 2, 'two measurements that day: the undated copy joins the one with its value');
  assert.deepEqual(withCopy.find((it) => it.resourceIds.includes('fax-0'))?.resourceIds, ['lab-1', 'fax-0']);
});

test("a block's pairwise comparisons fold each name once, not once per pair, and group as before", () => {
  const day = '2024-03-04';
  const procedures = facts('p', true, [
    { resourceType: 'Procedure', status: 'completed', code: { coding: [{ system: 'http://snomed.info/sct', code: '73761001', display: 'Colonoscopy' }] }, performedDateTime: day },
    { resourceType: 'Procedure', status: 'completed', code: { text: 'Colonoscopy, flexible; diagnostic' }, performedDateTime: day },
    ...Array.from({ length: 38 }, (_, i) => ({ resourceType: 'Procedure', status: 'completed', code: { coding: [{ system: 'http://snomed.info/sct', code: `9000${i}`, display: `Distinct procedure number${i} kind${i}` }] }, performedDateTime: day })),
  ]);
  const visits = facts('e', true, Array.from({ length: 30 }, (_, i) => ({ resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, period: { start: `${day}T0${i % 10}:00:00Z` }, serviceProvider: { display: i < 2 ? 'Springfield Clinic' : `Facility${i} Center${i}` } })));
  assert.equal(procedures.filter((f) => f.kind === 'procedures').length, 40);
  assert.equal(visits.filter((f) => f.kind === 'encounters' && f.facility).length, 30);
  // Every fold of a name starts with String.prototype.normalize (normalize/text.ts): count them while grouping.
  const normalize = String.prototype.normalize;
  let folds = 0;
  String.prototype.normalize = function (this: string, form?: string) {
    folds++;
    return normalize.call(this, form);
  };
  let byProcedure: ReturnType<typeof clusterBlock>, byVisit: ReturnType<typeof clusterBlock>;
  try {
    byProcedure = clusterBlock('procedures', procedures.filter((f) => f.kind === 'procedures'));
    const procedureFolds = folds;
    folds = 0;
    byVisit = clusterBlock('encounters', visits.filter((f) => f.kind === 'encounters'));
    assert.ok(procedureFolds <= 40 + 40, `40 procedures compared pairwise: ${procedureFolds} folds (780 pairs folded two names each before)`);
    assert.ok(folds <= 30 + 30, `30 visits of one day: ${folds} folds (435 pairs before)`);
  } finally {
    String.prototype.normalize = normalize;
  }
  assert.equal(byProcedure.length, 39, 'the two colonoscopies are one (one name inside the other), the rest apart');
  assert.ok(byProcedure.some((it) => it.resourceIds.length === 2 && it.resourceIds.includes('p-0') && it.resourceIds.includes('p-1')));
  assert.equal(byVisit.length, 29, 'the two visits at Springfield Clinic are one');
});

/** What a user checks of normalization: one test name for many spellings, one unit for trends, vaccine and drug groups. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testGroupOf, vaccineGroupOf, ingredientsOf, SYSTEMS } from './codes.js';
import { toTrendUnit, toUcum } from './units.js';
import { factsOf, strengthOf } from './fact.js';
import { dayOf, minuteOf } from './dates.js';
import { withoutSemanticTag } from './text.js';
import type { Resource } from '@medplum/fhirtypes';

test('free-text lab names from faxes map to one LOINC group', () => {
  for (const name of ['Hgb A1c', 'HbA1c', 'Glycohemoglobin', 'Hemoglobin A1c']) assert.equal(testGroupOf([], name).group, 'hba1c', name);
  assert.equal(testGroupOf([], 'Glucose, fasting').group, 'glucose-fasting');
  assert.equal(testGroupOf([], 'LDL-C').group, 'ldl');
  assert.equal(testGroupOf([], 'eGFR').group, 'egfr');
  assert.equal(testGroupOf([], 'Creatinine, Serum').group, 'creatinine');
  assert.equal(testGroupOf([{ system: SYSTEMS.loinc, code: '14749-6' }]).group, 'glucose', 'molar glucose is the same test');
  assert.equal(testGroupOf([{ system: 'urn:oid:2.16.840.1.113883.6.1', code: '4548-4' }]).group, 'hba1c', 'LOINC by OID');
});

test('values convert into the trend unit, mass and molar alike', () => {
  assert.deepEqual(toTrendUnit(5.5, 'mmol/L', 'glucose'), { value: 99.0858, unit: 'mg/dL' });
  assert.ok(Math.abs(toTrendUnit(5.2, 'mmol/L', 'cholesterol')!.value - 201.06) < 0.5, 'cholesterol 5.2 mmol/L ≈ 201 mg/dL');
  assert.ok(Math.abs(toTrendUnit(1.7, 'mmol/L', 'triglycerides')!.value - 150.6) < 0.5);
  assert.ok(Math.abs(toTrendUnit(88.4, 'umol/L', 'creatinine')!.value - 1.0) < 0.01, 'creatinine 88.4 µmol/L = 1.0 mg/dL');
  assert.ok(Math.abs(toTrendUnit(2.5, 'mmol/L', 'calcium')!.value - 10.02) < 0.05);
  assert.ok(Math.abs(toTrendUnit(75, 'nmol/L', 'vitamin-d')!.value - 30.05) < 0.1, 'vitamin D 75 nmol/L ≈ 30 ng/mL');
  assert.ok(Math.abs(toTrendUnit(5, 'mmol/L', 'urea')!.value - 14.0) < 0.1, 'urea 5 mmol/L ≈ BUN 14 mg/dL');
  assert.deepEqual(toTrendUnit(100.4, '°F', 'temperature'), { value: 38, unit: 'Cel' });
  assert.ok(Math.abs(toTrendUnit(154.3, 'lbs', 'weight')!.value - 69.99) < 0.01);
  assert.equal(toTrendUnit(5, 'mmol/L', 'hemoglobin'), undefined, 'no molecular weight: no conversion invented');
  assert.equal(toUcum('mmHg'), 'mm[Hg]');
  assert.equal(toUcum('K/uL'), '10*3/uL');
  assert.equal(toUcum('µg/dL'), 'ug/dL');
  assert.equal(toUcum('mL/min/1.73m2'), 'mL/min/{1.73_m2}');
});

test('vaccines group by what they protect against; brands become ingredients', () => {
  for (const code of ['09', '20', '115', '113', '106']) assert.equal(vaccineGroupOf([{ system: SYSTEMS.cvx, code }]), 'tetanus', code);
  assert.equal(vaccineGroupOf([], 'Tdap (Boostrix)'), 'tetanus');
  assert.equal(vaccineGroupOf([{ system: 'urn:oid:2.16.840.1.113883.12.292', code: '88' }]), 'influenza');
  assert.deepEqual(ingredientsOf([], 'Lipitor 20 mg tablet'), ['atorvastatin']);
  assert.deepEqual(ingredientsOf([], 'Augmentin 875 mg'), ['amoxicillin', 'clavulanate']);
  assert.deepEqual(ingredientsOf([{ system: SYSTEMS.rxnorm, code: '731241', display: '1 ML darbepoetin alfa 0.5 MG/ML Prefilled Syringe [Aranesp]' }]), ['darbepoetin alfa']);
  assert.equal(strengthOf(['Aranesp 500 mcg/mL injection']), '0.5 mg/mL');
  assert.equal(strengthOf(['1 ML darbepoetin alfa 0.5 MG/ML Prefilled Syringe']), '0.5 mg/mL');
});

test('medication strengths: one spelling per strength, masses in mg and concentrations per mL', () => {
  const cases: Array<[string, string | undefined]> = [
    ['metformin 500 mg tablet', '500 mg'],
    ['Metformin 500MG', '500 mg'],
    ['levothyroxine 50 mcg', '0.05 mg'],
    ['ceftriaxone 1 GM injection', '1000 mg'],
    ['ceftriaxone 1 g', '1000 mg'],
    ['ondansetron 4 mg/5 mL oral solution', '0.8 mg/mL'],
    ['heparin 10 MG/ML', '10 mg/mL'],
    ['dextrose 50 g/L', '50 mg/mL'],
    ['fluticasone 0.05 MG/ACTUAT nasal spray', '0.05 mg/actuat'],
    ['albuterol 90 mcg per actuation', '0.09 mg/actuat'],
    ['fentanyl 25 mcg/hr patch', '0.025 mg/hr'],
    ['hydrocortisone 1 % topical cream', '1 %'],
    ['insulin glargine 100 units/mL', '100 unit/mL'],
    ['potassium chloride 20 mEq', '20 meq'],
    ['amoxicillin 0,5 g', '500 mg'],
    ['aspirin', undefined],
    ['take 2 tablets daily', undefined],
    ['O2 % BldC Oximetry', undefined],
  ];
  for (const [text, want] of cases) assert.equal(strengthOf([text]), want, text);
  assert.equal(strengthOf([undefined, 'no strength here', 'atorvastatin 20 MG Oral Tablet']), '20 mg', 'the first text that names one');
});

test('dates keep their precision and no time zone is invented', () => {
  assert.equal(dayOf('2015'), undefined);
  assert.equal(dayOf('2015-06-22T10:05:00-05:00'), '2015-06-22');
  assert.equal(minuteOf('2015-06-22T10:05:00-05:00'), '2015-06-22T10:05');
  const [f] = factsOf({ resourceType: 'Condition', code: { text: 'Asthma' }, onsetDateTime: '2015' } as Resource, 'r1', { documentId: 'd', structured: true });
  assert.equal(f.date, '2015', 'a year stays a year');
});

test('each value keeps its own unit and range; the normalized value is added beside it', () => {
  const [f] = factsOf(
    {
      resourceType: 'Observation',
      status: 'final',
      code: { text: 'Glucose, fasting' },
      effectiveDateTime: '2024-03-01',
      valueQuantity: { value: 5.6, unit: 'mmol/L' },
      referenceRange: [{ low: { value: 3.9, unit: 'mmol/L' }, high: { value: 5.5, unit: 'mmol/L' } }],
    } as Resource,
    'r1',
    { documentId: 'd', structured: false },
  );
  assert.equal(f.kind, 'results');
  assert.deepEqual(f.value, { value: 5.6, unit: 'mmol/L', range: { low: 3.9, high: 5.5, unit: 'mmol/L' } });
  assert.equal(f.normalized?.unit, 'mg/dL');
  assert.ok(Math.abs(f.normalized!.value - 100.9) < 0.1);
});

test("names are shown without SNOMED's semantic tag; a bracket that is no tag stays", () => {
  assert.equal(withoutSemanticTag('Acute bronchitis (disorder)'), 'Acute bronchitis');
  assert.equal(withoutSemanticTag('Encounter for check up (procedure)'), 'Encounter for check up');
  assert.equal(withoutSemanticTag('Body mass index 30+ - obesity (finding)'), 'Body mass index 30+ - obesity');
  assert.equal(withoutSemanticTag('Hepatitis B (chronic)'), 'Hepatitis B (chronic)', 'a bracket that is no tag stays');
});

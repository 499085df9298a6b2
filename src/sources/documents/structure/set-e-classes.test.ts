/**
 * Session 23: the classes set-e (e-3401, ground-truth text) showed. Each layout here is written for the class, not
 * copied from the set's templates; every test fails on the code before (be18289).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify } from './classify.js';
import { parseDate } from './dates.js';
import { findPatient } from './identity.js';
import { labResultRows } from './lab-results.js';
import { type Line } from './lines.js';
import { findServiceDate } from './service-date.js';

const lines = (rows: string[]): Line[] => rows.map((text, index) => ({ page: 1, index, text }));
const show = (rows: ReturnType<typeof labResultRows>) => rows.map((r) => `${r.name}|${r.value}|${r.unit ?? ''}|${r.flag ?? ''}`);

test('session 23 (set-e): a method / specimen column of words between the name and the value is not part of the name', () => {
  const page = [
    '  Analyte                    Specimen         Value     Units      Expected',
    '  Sodium                     Serum            131       mmol/L     136-145',
    '  Hemoglobin                 Whole blood      12.9      g/dL       13.5-17.5',
    '  Ferritin                   Chemiluminescent 44        ng/mL      30-400',
    '  Hemoglobin A1c             HPLC             6.1       %          <5.7',
    // An order cell before a test's name is no method: the test is the last cell.
    '  Hemoglobin A1c             Estimated Average Glucose   126   mg/dL',
  ];
  assert.deepEqual(show(labResultRows(lines(page))), ['Sodium|131|mmol/L|L', 'Hemoglobin|12.9|g/dL|L', 'Ferritin|44|ng/mL|', 'Hemoglobin A1c|6.1|%|H', 'Estimated Average Glucose|126|mg/dL|']);
});

test('session 23 (set-e): single-spaced (as OCR prints it), a method word after the name, a code before it', () => {
  const page = [
    'Code Analyte Method Value Units Expected',
    '2951-2 Sodium Potentiometric 131 mmol/L 136-145',
    '718-7 Hemoglobin Spectrophotometry 12.9 g/dL 13.5-17.5',
    'Ferritin Chemiluminescent 44 ng/mL 30-400',
    'Hemoglobin A1c 6.1 % <5.7',
  ];
  assert.deepEqual(show(labResultRows(lines(page))), ['Sodium|131|mmol/L|L', 'Hemoglobin|12.9|g/dL|L', 'Ferritin|44|ng/mL|', 'Hemoglobin A1c|6.1|%|H']);
});

test('session 23 (set-e): a flag with its meaning in brackets after it ("H (High)", "L (bajo)") leaves the unit and range on the row', () => {
  const page = [
    '  Test              Result     Flag          Units       Range',
    '  Potassium         5.9        H (High)      mmol/L      3.5-5.1',
    '  Creatinina        0.41       L (bajo)      mg/dL       0.50-1.05',
    '  Chloride          101                      mmol/L      98-107',
  ];
  assert.deepEqual(show(labResultRows(lines(page))).map((r) => r.replace('Creatinina', 'Creatinine')), ['Potassium|5.9|mmol/L|H', 'Creatinine|0.41|mg/dL|L', 'Chloride|101|mmol/L|']);
});

test('session 23 (set-e): Spanish dates, day first ("3 de julio de 2023", "21/ago/2022"), and no month inside a word', () => {
  assert.equal(parseDate('3 de julio de 2023'), '2023-07-03');
  assert.equal(parseDate('21/ago/2022 08:15'), '2022-08-21');
  assert.equal(parseDate('02-dic-2021'), '2021-12-02');
  assert.equal(parseDate('Gene 12, 2024'), null);
  const page = ['  Centro Médico del Valle', '  Lista de medicamentos / Medication list', '  Paciente / Patient: Rosa Mockaldo      Fecha / Date: 3 de julio de 2023', '  Metformin 500 mg tablet    Take 1 tablet by mouth twice daily'];
  assert.equal(findServiceDate(lines(page), 'medication_list', '1960-01-01', '2023-07-20'), '2023-07-03');
});

test('session 23 (set-e): a "Discharge / transfer" label dates and types the summary of a stay that ends in a transfer', () => {
  const page = [
    '  County Detention Center — Medical Unit',
    '  MEDICAL UNIT DISCHARGE / TRANSFER SUMMARY',
    '  Name            FAUXMAN, Eric J              Booking #       5521873',
    '  Admitted        04/02/2023                   Discharge / transfer     04/06/2023',
    '  Reason for admission: chest pain, observation. Course: troponins negative; stress test deferred to outpatient.',
    '  Medications at transfer',
    '  Lisinopril 10 mg tablet     Take 1 tablet by mouth daily     KOP',
    '  Atorvastatin 40 mg tablet   Take 1 tablet by mouth nightly   KOP',
    '  Metoprolol 25 mg tablet     Take 1 tablet by mouth twice daily   DOT',
  ];
  assert.equal(findServiceDate(lines(page), 'discharge_summary', '1970-01-01', '2023-04-20'), '2023-04-06');
  assert.equal(classify(lines(page)).type, 'discharge_summary');
});

test('session 23 (set-e): a patient sheet whose columns say what each medicine is for and how to take it is a medication list', () => {
  const page = [
    '  Riverside Community Clinic',
    '  Your Medicines',
    '  Name: Ana Proxyvez        Date of birth: 02/03/1981',
    '  Medicine                      What it is for        How to take it',
    '  Amlodipine 5 mg tablet        blood pressure        1 tablet every morning',
    '  Allergies: none known',
  ];
  assert.equal(classify(lines(page)).type, 'medication_list');
});

test('session 23 (set-e): institutional role captions name the patient (Student / Veteran / Inmate), also without a colon', () => {
  for (const [label, sep] of [['Student', '   '], ['Veteran', ': '], ['INMATE', '   ']] as const) {
    const page = ['  Health Services Summary', `  ${label}${sep}Mockwell, Dana      ID 88213`, '  DOB 04/09/1990   Sex F'];
    const p = findPatient(lines(page), 1);
    assert.equal(p.family, 'Mockwell', label);
    assert.equal(p.given?.[0], 'Dana', label);
  }
});

test('session 23 (set-e): a bilingual Name caption ("Nombre / Name") and a masked SSN between the name and the birth date', () => {
  let p = findPatient(lines([
    '  Laboratorio Regional',
    'RESULTADOS / RESULTS',
    '  Nombre / Name                 Luis R Fauxmonte              Médico / Physician            Ana Testa, MD',
    '  Fecha de nacimiento / Date of birth 02/jun/1971                Fecha de toma / Collected     11/abr/2023 08:05',
  ]), 1);
  assert.equal(p.family, 'Fauxmonte');
  assert.equal(p.given?.[0], 'Luis');
  p = findPatient(lines([
    '  CT REPORT',
    '  SAMPLEFORD,JOAN                            XXX-XX-4410   DOB-JUN 2,1948',
    '  Exam Date: JUN 14, 2023@09:10',
    '  Ordered by: MOCKLIN,PETER                  Location: CLINIC',
  ]), 1);
  assert.equal(p.family, 'Sampleford');
  assert.equal(p.given?.[0], 'Joan');
});

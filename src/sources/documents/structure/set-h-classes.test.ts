/**
 * Session 22: the classes set-h (h-3101 and template-check seed 5, ground-truth text) showed. Each layout here is
 * written for the class, not copied from the set's templates; every test fails on the code before (e2a6789).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify } from './classify.js';
import { findPatient } from './identity.js';
import { labResultRows } from './lab-results.js';
import { findServiceDate } from './service-date.js';
import { type Line } from './lines.js';

const lines = (rows: string[]): Line[] => rows.map((text, index) => ({ page: 1, index, text }));
const show = (rows: ReturnType<typeof labResultRows>) => rows.map((r) => `${r.name}|${r.value}|${r.unit ?? ''}|${r.flag ?? ''}`);

test('session 22 (set-h): a trend grid flagging every column with bracketed flags after the values reads the newest column, its own flag only', () => {
  const page = [
    '  Chemistry                            01/05/2023        06/18/2023        11/02/2023',
    '  Test               Reference         0612              0745              0801',
    '  Sodium             136-145 mmol/L    131 (L)           139               140',
    '  Potassium          3.5-5.1 mmol/L                      5.8 (H)           5.4 (H)',
    '  Calcium            8.5-10.2 mg/dL    8.1 (L)           9.0               7.9 (L)',
    '  Phosphorus         2.5-4.5 mg/dL     3.1               3.3',
  ];
  assert.deepEqual(show(labResultRows(lines(page))), ['Sodium|140|mmol/L|', 'Potassium|5.4|mmol/L|H', 'Calcium|7.9|mg/dL|L']);
});

test('session 22 (set-h): a letter sentence naming "normal range" before "results" is no column header, and a "Your result" head still orders the columns', () => {
  const page = [
    '  Your tests are mostly within the normal range. The results outside it are marked; please call us with questions.',
    '      Test                  Your result               Normal range',
    '      Glucose               104 mg/dL (high)          65 - 99',
    '      Urine color           AMBER                     Yellow',
    '      Clarity               HAZY                      Clear',
  ];
  assert.deepEqual(show(labResultRows(lines(page))), ['Glucose|104|mg/dL|H', 'Urine color|AMBER||', 'Clarity|HAZY||']);
});

test('session 22 (set-h): an interpretation column in words (Elevated / Decreased) after the units is the flag', () => {
  const page = [
    '  Analyte                 Result     Reference Interval     Units      Interpretation',
    '  Sodium                  150        135-145                mmol/L     Elevated',
    '  Albumin                 2.9        3.5-5.0                g/dL       Decreased',
    '  Chloride                101        98-107                 mmol/L',
  ];
  assert.deepEqual(show(labResultRows(lines(page))), ['Sodium|150|mmol/L|H', 'Albumin|2.9|g/dL|L', 'Chloride|101|mmol/L|']);
});

test('session 22 (set-h): a specimen after a comma ("pH, Arterial") and blood-gas / drug-level names are tests; a word before a known one stays in the name', () => {
  const page = [
    '  BLOOD GAS                      RESULT    FLAG   UNITS      REF RANGE',
    '  pH, Arterial                   7.29      L                 7.35-7.45',
    '  Potassium, Whole Blood         4.0              mmol/L     3.5-5.1',
    '  O2 Saturation, Arterial        93.0      L      %          95.0-99.0',
    '  Tacrolimus                     11.2             ng/mL      5.0-15.0',
  ];
  const rows = labResultRows(lines(page));
  assert.deepEqual(show(rows), ['pH, Arterial|7.29||L', 'Potassium, Whole Blood|4.0|mmol/L|', 'O2 Saturation, Arterial|93.0|%|L', 'Tacrolimus|11.2|ng/mL|']);
  assert.equal(rows[0]!.loinc, '2744-1');
  assert.equal(rows[2]!.loinc, '2708-6');
});

test('session 22 (set-h): a payer letter dated above its address names the day of service in a sentence', () => {
  const page = [
    '  Prairie Mutual Health',
    '  September 30, 2023',
    '  Ana Q. Sampleton',
    '  12 Elm Road, Dayton, OH 45402',
    '  Dear Ana Q. Sampleton:',
    '  We reviewed the claim submitted for services provided on September 2, 2023 by your physician.',
    '  Service                     Code      Billed       Allowed      Plan paid     You owe',
    '  Office visit                99213     $150.00      $92.00       $72.00        $20.00',
  ];
  assert.equal(findServiceDate(lines(page), 'insurance_billing', '1970-02-02', '2023-10-04'), '2023-09-02');
});

test('session 22 (set-h): "Last, First M (51 y.o. F)" opening a banner names the patient', () => {
  const page = [
    '  Northside Primary Care                                   Requested 5/2/2024',
    '  Mockrell, Dana L (51 y.o. F) · DOB 2/11/1973 · MRN 4471902',
    '  Question for the specialist',
  ];
  const p = findPatient(lines(page), 1);
  assert.equal(p.family, 'Mockrell');
  assert.deepEqual(p.given?.[0], 'Dana');
});

test('session 22 (set-h): an eConsult request is a referral, though it prints fax numbers, To: and Attached and no "referral" word', () => {
  const page = [
    '  Lakeview Family Practice                     Internal Medicine · 555-0142 · fax 555-0143',
    '  eConsult Request — Endocrinology',
    '  Samplewright, Ora (63 y.o. F) · DOB 1/4/1960 · MRN 220931',
    '  Sent 5/2/2024 9:10 AM by Rita Testman, MD · To: Ivan Fauxley, MD, Northside Endocrine',
    '  CLINICAL QUESTION',
    '  Rising TSH on levothyroxine 100 mcg daily. Dose change, or does she need to be seen? Urgent if possible.',
    '  Attached',
    '  Last two TSH results',
    '  SPECIALIST RESPONSE',
  ];
  assert.equal(classify(lines(page)).type, 'referral_letter');
});

test('session 22 (set-h): single-spaced (as OCR prints them), a trend row flagging after its values keeps the newest value\'s own flag', () => {
  const page = [
    'Chemistry',
    '01/05/2023 06/18/2023 11/02/2023',
    'Test Reference 0612 0745 0801',
    'Sodium 136-145 mmol/L 131 (L) 139 140',
    'Potassium 3.5-5.1 mmol/L 4.0 5.8 (H) 5.4 (H)',
    'Calcium 8.5-10.2 mg/dL 8.1 (L) 9.0 7.9 (L)',
    'Albumin 3.5-5.0 g/dL 3.1 (L) 3.3 (L) 3.9',
  ];
  assert.deepEqual(show(labResultRows(lines(page))), ['Sodium|140|mmol/L|', 'Potassium|5.4|mmol/L|H', 'Calcium|7.9|mg/dL|L', 'Albumin|3.9|g/dL|']);
});

test('session 22 (set-h): single-spaced, an interpretation word after a unit or range is the flag', () => {
  const page = ['Analyte Result Reference Interval Units Interpretation', 'Sodium 150 135-145 mmol/L Elevated', 'Albumin 2.9 3.5-5.0 g/dL Decreased', 'Anion Gap 21 3-11 Elevated'];
  assert.deepEqual(show(labResultRows(lines(page))), ['Sodium|150|mmol/L|H', 'Albumin|2.9|g/dL|L', 'Anion Gap|21||H']);
});

test('session 22 (set-h): single-spaced, a caption strip over "Last, First M  date  age" gives the birth date the age agrees with', () => {
  const page = [
    'Outpatient Consultation Note',
    'PATIENT DOB AGE MRN VISIT DATE PROVIDER',
    'Fauxley, Marta J 07/19/1961 62 yrs 40177213 03/02/2024 Lee Mockwell, MD',
    'REASON FOR VISIT',
    'Fauxley, Marta J · MRN 40177213 · consultation 03/02/2024 Page 1 of 2',
  ];
  const p = findPatient(lines(page), 1);
  assert.equal(p.family, 'Fauxley');
  assert.equal(p.birthDate, '1961-07-19');
});

test('session 22 (set-h): single-spaced, no row of the trend table ending in a flag, bracketed flags still follow their values', () => {
  const page = [
    '02/01/2023 07/10/2023 12/04/2023',
    'Test Reference 0700 0712 0655',
    'Calcium 8.5-10.2 mg/dL 7.9 (L) 8.1 (L) 9.3',
    'Sodium 136-145 mmol/L 131 (L) 139 140',
  ];
  assert.deepEqual(show(labResultRows(lines(page))), ['Calcium|9.3|mg/dL|', 'Sodium|140|mmol/L|']);
});

test('session 22 (set-h): single-spaced, "Last, First M" then a month-name birth date and the sex under a caption row name the patient', () => {
  const page = [
    'Regional Reference Laboratory',
    'PATIENT DATE OF BIRTH SEX MEDICAL RECORD #',
    'Mockingham, Tess R March 3, 1958 Female 0042817',
    'ORDERING PHYSICIAN ACCOUNT STATUS',
    'Glucose 91 mg/dL 65-99',
  ];
  const p = findPatient(lines(page), 1);
  assert.equal(p.family, 'Mockingham');
  assert.equal(p.birthDate, '1958-03-03');
});

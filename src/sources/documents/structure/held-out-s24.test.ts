/**
 * Session 24: classes a fresh seed of every template set (seed 7800, ground-truth text) still missed. Each layout here
 * is written for the class, not copied from a template.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify } from './classify.js';
import { findPatient } from './identity.js';
import type { Line } from './lines.js';

const lines = (rows: string[]): Line[] => rows.map((text, index) => ({ page: 1, index, text }));

test('a patient portal\'s printed result names its patient with the birth date in brackets ("Results for Jane Doe (DOB 3/4/1950)")', () => {
  const p = findPatient(
    lines([
      'Test Details | Patient Portal                                              3/15/2024, 9:02 AM',
      'Results for Maria Q. Testcase (DOB 7/1/1961)',
      '  MRI LUMBAR SPINE WITHOUT CONTRAST',
      '  Final result · Collected on Mar 14, 2024 10:32 AM',
      'Impression',
      'Mild degenerative disc disease at L4-L5.',
    ]),
    1,
  );
  assert.equal(p.family, 'Testcase');
  assert.equal(p.given?.[0], 'Maria');
  assert.equal(p.birthDate, '1961-07-01');
});

test('a "Clinical Summary" of a visit (the summary a practice hands out after it) is an office visit note, though its medication table is long', () => {
  const text = [
    '   Clinical Summary',
    '    Patient        Robert Sampleton            Date of birth     January 2, 1958',
    '    Provider       Ana Demoe, MD               Practice          Riverbend Internal Medicine',
    '   Visit: Annual follow-up — Feb 2, 2024',
    '   Reason for Visit',
    '   Diabetes follow-up',
    '   Medications',
    '    Medication                          Instructions                                   Start Date     Status',
    '    metformin 500 mg tablet             Take 1 tablet by mouth twice daily              Jan 3, 2020    Active',
    '    atorvastatin 20 mg tablet           Take 1 tablet by mouth at bedtime               May 9, 2021    Active',
    '    lisinopril 5 mg tablet              Take 1 tablet by mouth daily                    Feb 1, 2019    Active',
    '   Allergies',
    '   Penicillin (rash)',
    '   Vital Signs',
    '    Blood Pressure  128/76 mmHg     Pulse  72 /min     Weight  181 lb',
  ].join('\n');
  assert.equal(classify(lines(text.split('\n'))).type, 'office_visit_note');
});

test('under a "Code" head, a row whose code cell was told by the column is not cut again: one-word names keep their word results', async () => {
  const { parseLabRows } = await import('./labs.js');
  const rows = parseLabRows(
    lines([
      ' CODE  TEST                       RESULT            UNITS      REFERENCE',
      ' HGB   HEMOGLOBIN                 13.9              g/dL       12.0-16.0',
      ' PLT   PLATELETS                  254               10*3/uL    150-400',
      ' UPRO  PROTEIN                    NEGATIVE                     Negative',
      ' UBIL  BILIRUBIN                  NEGATIVE                     Negative',
      ' UNIT  NITRITE                    POSITIVE                     Negative',
    ]),
  );
  assert.deepEqual(
    rows.map((r) => [r.name, r.value]),
    [
      ['HEMOGLOBIN', '13.9'],
      ['PLATELETS', '254'],
      ['PROTEIN', 'NEGATIVE'],
      ['BILIRUBIN', 'NEGATIVE'],
      ['NITRITE', 'POSITIVE'],
    ],
  );
});

test('a word result\'s reference in brackets with its caption ("Cloudy (normal Clear) Abn") is its range, and the flag after it is read', async () => {
  const { labResultRows } = await import('./lab-results.js');
  const rows = labResultRows(
    lines([
      'Urine dipstick (in office)',
      '   Clarity: Turbid (normal Clear) Abn',
      '   Nitrite: Positive (ref: Negative) Abn',
      '   Color: Yellow (normal Yellow)',
      '   Specific Gravity: 1.020 (normal 1.005-1.030)',
    ]),
  );
  assert.deepEqual(
    rows.map((r) => [r.name, r.value, r.flag, r.range?.text]),
    [
      ['Clarity', 'Turbid', 'A', 'Clear'],
      ['Nitrite', 'Positive', 'A', 'Negative'],
      ['Color', 'Yellow', undefined, 'Yellow'],
      ['Specific Gravity', '1.020', undefined, '1.005-1.030'],
    ],
  );
});

test('a mainframe discharge abstract\'s stay printed as "ADM DT: ... DSCH DT: ..." makes a discharge summary dated at the discharge', async () => {
  const { findServiceDate } = await import('./service-date.js');
  const page = lines([
    '   COUNTY GENERAL HOSPITAL                                             RPT 114  PG 1',
    '   DISCHARGE ABSTRACT                                                  PRT 06/02/21 0915',
    '   NAME: SAMPLEMAN, GEORGE T     MR#: 5512340   DOB: 04/09/47 SEX: M',
    '   ADM DT: 05/24/21 0810 DSCH DT: 05/29/21 1400 LOS: 005 DISP: 06-HOME HEALTH',
    '   DSCH MEDS                  DIRECTIONS                          ACTION',
    '     01. metoprolol 25 mg tablet    Take 1 tablet by mouth twice daily   CONTINUE',
    '     02. furosemide 40 mg tablet    Take 1 tablet by mouth once daily    NEW',
    '     03. potassium chloride 20 mEq  Take 1 tablet by mouth once daily    NEW',
    '     04. aspirin 81 mg tablet       Take 1 tablet by mouth once daily    CONTINUE',
  ]);
  assert.equal(classify(page).type, 'discharge_summary');
  assert.equal(findServiceDate(page, 'discharge_summary'), '2021-05-29');
});

test('name boxes whose values lie under a row of a date box\'s part captions ("MO  DAY  YR") still name the patient', () => {
  const p = findPatient(
    lines([
      '                LIFETIME IMMUNIZATION RECORD',
      '   LAST NAME                  FIRST            MIDDLE          BIRTHDATE          SEX',
      '                                                               MO   DAY   YR',
      '   SAMPLEFORD                 ROSA             M                                  F',
      '   VACCINE            1st           2nd           3rd',
      '   MMR                05/02/12      06/01/16',
    ]),
    1,
  );
  assert.equal(p.family, 'Sampleford');
  assert.equal(p.given?.[0], 'Rosa');
});

test('a unit wrapped in a narrow units column around its row ("mL/min/1.73" above, "m2" below) is the row\'s unit', async () => {
  const { parseLabRows } = await import('./labs.js');
  const rows = parseLabRows(
    lines([
      '  Test                         Result        Units          Reference',
      '  Creatinine                     1.02        mg/dL          0.60-1.20',
      '                                             mL/min/1.73',
      '  eGFR (CKD-EPI 2021)              74                       >60',
      '                                             m2',
      '  Sodium                          139        mmol/L         136-145',
    ]),
  );
  assert.deepEqual(
    rows.map((r) => [r.name, r.value, r.ucum]),
    [
      ['Creatinine', '1.02', 'mg/dL'],
      ['eGFR (CKD-EPI 2021)', '74', 'mL/min/{1.73_m2}'],
      ['Sodium', '139', 'mmol/L'],
    ],
  );
});

test('a running footer numbering pages without a total ("Page 1", then "Page 2") keeps a document\'s last page with it', async () => {
  const { structureTransmission } = await import('./index.js');
  const footer = (k: number) => `    SAMPLEFIELD,ROSE M   DOB: JAN 02, 1941   Page ${k}      FORM 10-1000`;
  const page1 = [
    '    RIVERSIDE MEDICAL CENTER',
    '    Progress Notes / Discharge Summaries            Printed APR 03, 2023@10:15',
    '    SAMPLEFIELD,ROSE M   DOB: JAN 02, 1941',
    '    LOCAL TITLE: DISCHARGE SUMMARY',
    '    DATE OF ADMISSION: MAR 28, 2023',
    '    DATE OF DISCHARGE: APR 02, 2023',
    '    REASON FOR ADMISSION: Community-acquired pneumonia.',
    '    HOSPITAL COURSE: Treated with IV antibiotics, improved, weaned to room air.',
    '    DISCHARGE MEDICATIONS:',
    '     1) amoxicillin-clavulanate 875-125 mg tablet   SIG: Take 1 tablet by mouth twice daily',
    '',
    footer(1),
  ].join('\n');
  const page2 = [
    '    CONDITION ON DISCHARGE: Improved.',
    '    FOLLOW-UP:',
    '      - Repeat chest x-ray in 6 weeks to document resolution.',
    '      - Chest CT if the infiltrate persists.',
    '    /es/ JOHN DEMOTON, MD',
    '    Signed: 04/03/2023 10:15',
    '',
    footer(2),
  ].join('\n');
  const ext = structureTransmission([
    { page: 1, text: page1, method: 'plain' },
    { page: 2, text: page2, method: 'plain' },
  ]);
  assert.deepEqual(ext.segments?.map((s) => [s.firstPage, s.lastPage, s.type]), [[1, 2, 'discharge_summary']]);
});

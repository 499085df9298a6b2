/**
 * Session 21: the classes set-j (j-2901, ground-truth text) showed. Each layout here is written for the class, not
 * copied from the set's templates; every test fails on the code before (31b108d).
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

test('session 21 (set-j): a caption between the test name and its value ("Your value") and status words for in / out of range', () => {
  const page = [
    '  Wellness screening results                                    Member copy',
    '  Hemoglobin A1c                  Your value   6.1 %                          Outside reference range',
    '                                  Normal range 4.0-5.6 %',
    '  Ferritin                        Your value   88 ng/mL                       Within normal range',
    '                                  Normal range 20-300 ng/mL',
    '  Potassium                       Your value:  3.2 mmol/L                     Below standard range',
    '  Urine Protein                   Result:      Negative                       Within normal limits',
  ];
  assert.deepEqual(show(labResultRows(lines(page))), ['Hemoglobin A1c|6.1|%|H', 'Ferritin|88|ng/mL|', 'Potassium|3.2|mmol/L|L', 'Urine Protein|Negative||']);
});

test('session 21 (set-j): under a code column, the code cell is not the name, a name starting with a colour word stays a name, and arrow / ABN flag cells before the result are flags', () => {
  const page = [
    '  Code     Component                          Flag    Result     Units       Reference',
    '  RBC      Red Blood Cell Count                       4.41       10*6/uL     4.20-5.80',
    '  K        Potassium                          ↑       5.9        mmol/L      3.5-5.1',
    '  ALB      Albumin                            ↓       3.1        g/dL        3.6-5.1',
    '  Urinalysis',
    '  APP      Appearance                         ABN     Cloudy                 Clear',
  ];
  assert.deepEqual(show(labResultRows(lines(page))), ['Red Blood Cell Count|4.41|10*6/uL|', 'Potassium|5.9|mmol/L|H', 'Albumin|3.1|g/dL|L', 'Appearance|Cloudy||A']);
});

test('session 21 (set-j): a hospital stay printed as a range with its course told, sent on as a referral to post-acute care, is a discharge summary of the stay\'s end', () => {
  const page = [
    '   Riverside General Hospital                                   SKILLED NURSING REFERRAL PACKET',
    '   Case Management · 12 Elm St, Salem, OR 97301',
    '   Resident-to-be:  Jane Q. Doe          DOB 04/11/1948          MRN 5521904',
    '   Dates of stay:  Mar 10, 2024 - Mar 14, 2024        Referring physician: Alan Roe, MD',
    '   Receiving facility: Oak Hill Care Center           Priority: routine',
    '',
    '   Reason for admission',
    '   Fall at home with a left hip fracture.',
    '   Course in hospital',
    '   Underwent hemiarthroplasty on day 1. Pain controlled; working with therapy.',
    '   Diagnoses: S72.002A Fracture of left femoral neck; I10 Essential hypertension',
    '   Medications: metoprolol tartrate 25 mg tablet, take 1 tablet twice daily',
    '   Please do not hesitate to call with questions. Enclosed: therapy notes.',
  ];
  assert.equal(classify(lines(page)).type, 'discharge_summary');
  assert.equal(findServiceDate(lines(page), 'discharge_summary', '1948-04-11'), '2024-03-14');
});

test('session 21 (set-j): a spending account\'s holder is the patient of a claim printed "Patient: Self"', () => {
  const page = [
    '  Summit Benefits FSA                                              Reimbursement statement',
    '  Cardholder: Maria T. Samplewood            Patient: Self            Account no. FSA-2290417',
    '  Date processed 06/02/2024                  Plan year 2024',
    '  Service date   Provider               Amount claimed   Approved   Paid to you',
    '  05/20/2024     Elm Street Dental          $180.00        $180.00     $180.00',
  ];
  const p = findPatient(lines(page), 1);
  assert.equal(p.family, 'Samplewood');
  assert.deepEqual(p.given?.[0], 'Maria');
});

test('session 21 (set-j): name boxes captioned inside, one word before each value ("Family … Given …"), name the patient', () => {
  const page = [
    '  Riverside Youth Soccer League — Player Medical Form',
    '  Player            Family  Okonkwo-Test          Given  Adaeze              M.I.  N',
    '  Date of birth     09/14/2012        Team  U12 Girls',
    '  Immunizations     DTaP  05/01/2013, 07/02/2013, 09/03/2013',
  ];
  const p = findPatient(lines(page), 1);
  assert.equal(p.family, 'Okonkwo-Test');
  assert.deepEqual(p.given?.[0], 'Adaeze');
  assert.equal(p.birthDate, '2012-09-14');
});

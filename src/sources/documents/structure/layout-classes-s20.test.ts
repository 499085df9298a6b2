/**
 * Session 20: classes of layout a blind stand-in set showed (scripts/faxgen-set-m), each pinned by a small layout
 * of its own (other captions, names and numbers than the set prints). Every test fails on the code before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ageOnLine } from './demographics.js';
import { findPatient } from './identity.js';
import { parseLabRows } from './labs.js';
import type { Line } from './lines.js';
import { findServiceDate } from './service-date.js';

const lines = (text: string, page = 1): Line[] => text.split('\n').map((t, index) => ({ page, index, text: t }));
const pick = (text: string) => parseLabRows(lines(text)).map((r) => [r.name, r.value, r.flag ?? null]);

test('a payer\'s member caption (Insured, Subscriber) names the patient when no Patient caption does', () => {
  const eob = (caption: string) =>
    lines(`  Prairie Mutual Health Plan                                        Explanation of Benefits
  ${caption} MARGARET L EXAMPLEDALE                Date of Birth: 1947/02/11                 Member ID: QXW2201983
  Provider: Thomas Placeholder, MD                  Claim #: 88123A77                         Date Processed: May 2, 2024`);
  for (const caption of ['Insured:', 'Subscriber:', 'Subscriber Name:', 'Beneficiary:']) {
    const p = findPatient(eob(caption), 1);
    assert.equal(p.family?.toLowerCase(), 'exampledale', caption);
    assert.equal(p.given?.[0]?.toLowerCase(), 'margaret', caption);
    assert.equal(p.birthDate, '1947-02-11');
  }
  // A claim form that prints both: the Patient caption's name, not the insured's.
  const both = findPatient(lines(`  Patient Name: Kevin Exampledale          Date of Birth: 05/06/2010
  Insured: MARGARET L EXAMPLEDALE           Member ID: QXW2201983`), 1);
  assert.equal(both.given?.[0], 'Kevin');
});

test('an age band in a service\'s description is no age of the patient (its birth date is kept as printed)', () => {
  assert.equal(ageOnLine('  02-Dec-     99397 Preventive visit, established, age 65-   $310.00   $182.40'), undefined);
  assert.equal(ageOnLine('Annual wellness visit, age 18 to 39'), undefined);
  assert.equal(ageOnLine('Screening, age 65+'), undefined);
  assert.equal(ageOnLine('Age: 64'), 64);
  assert.equal(ageOnLine('Age 64-year-old'), 64);
  const p = findPatient(lines(`  Insured: WALTER B SAMPLEFORD              Date of Birth: 1939/05/30
  Svc Date    Proc   Description                           Charges
  02-Dec-     99397 Preventive visit, established, age 65-  $310.00
  2023              and older`), 1);
  assert.equal(p.age, undefined);
  assert.equal(p.birthDate, '1939-05-30');
});

test('a claim line\'s service date wrapped in its narrow cell, the year on the next line, is the claim\'s date', () => {
  const eob = (head: string) =>
    lines(`  Prairie Mutual Health Plan                            Date Processed: January 9, 2024
  Svc Date    Proc   Description                           Charges    Approved    Plan Paid
  ${head}     99397 Preventive visit, established, age 65-   $310.00    $182.40     $145.92
  2023              and older
  ${head}     36415 Routine venipuncture                     $18.00     $9.10       $7.28
  2023`);
  assert.equal(findServiceDate(eob('02-Dec-'), 'insurance_billing'), '2023-12-02');
  assert.equal(findServiceDate(eob('12/02/ '), 'insurance_billing'), '2023-12-02');
});

test('a cumulative table with the newest draw in its FIRST column is of that draw, not of the oldest', () => {
  const table = `  Lakeshore Hospital Laboratory                                                   RESULTS REVIEW
  SAMPLEVILLE, Rosa M        DOB 1961/09/03    MRN 4471120
  Results from 2021/02/14 through 2022/11/30

                                         2022/11/30      2022/05/02      2021/02/14
   Test                                  06:40           07:15           08:02         Units        Ref Range
   Sodium                                139             141             137           mmol/L       135-145
   Potassium                             4.1             3.9             4.4           mmol/L       3.5-5.1
   Creatinine                            0.92            0.88                          mg/dL        0.60-1.10`;
  assert.equal(findServiceDate(lines(table), 'lab_report', '1961-09-03'), '2022-11-30');
  // Its rows read the first column's values, their units and ranges after the dates.
  assert.deepEqual(
    parseLabRows(lines(table)).map((r) => [r.name, r.value, r.unit]),
    [
      ['Sodium', '139', 'mmol/L'],
      ['Potassium', '4.1', 'mmol/L'],
      ['Creatinine', '0.92', 'mg/dL'],
    ],
  );
  // Newest last: the last column's date.
  const oldestFirst = `                                         02/14/2021      05/02/2022      11/30/2022
   Sodium                                137             141             139           mmol/L       135-145
   Potassium                             4.4             3.9             4.1           mmol/L       3.5-5.1`;
  assert.equal(findServiceDate(lines(oldestFirst), 'lab_report'), '2022-11-30');
});

test('a flag mark glued after the value (2.9<, 44>, Trace*) is the low / high / abnormal flag; comparators before values stay', () => {
  assert.deepEqual(
    pick(`   Test                         Result      Units      Ref Range
   Hemoglobin                   10.9<       g/dL       11.7-15.5
   ALT (SGPT)                   61>         U/L        9-46
   Glucose                      88          mg/dL      65-99
   Nitrite                      Positive*              Negative
   Troponin I                   <0.01       ng/mL      <0.04
   eGFR                         >60         mL/min/1.73m2   >=60`),
    [
      ['Hemoglobin', '10.9', 'L'],
      ['ALT (SGPT)', '61', 'H'],
      ['Glucose', '88', null],
      ['Nitrite', 'Positive', 'A'],
      ['Troponin I', '<0.01', null],
      ['eGFR', '>60', null],
    ],
  );
  // In a cumulative grid, the newest column's glued flag, the older columns after it.
  assert.deepEqual(
    pick(`                                         2022/11/30      2022/05/02      2021/02/14
   Test                                  06:40           07:15           08:02         Units        Ref Range
   Potassium                             3.2<            3.9             4.4           mmol/L       3.5-5.1
   Sodium                                139             141             137           mmol/L       135-145`),
    [
      ['Potassium', '3.2', 'L'],
      ['Sodium', '139', null],
    ],
  );
});

test('a short code column at the rows\' right edge (performing-site codes) is no start of the next row\'s name', () => {
  assert.deepEqual(
    parseLabRows(
      lines(`  Test                                Result    Flag    Units        Reference Value     Site
  Platelet Count                      251               x10E3/uL     140-400             NWL
  Red Blood Cell Count                4.51              x10E6/uL     3.80-5.10           NWL
  Hematocrit                          39.9              %            35.0-45.0           NWL
  Iron, Total                         31        LO      ug/dL        45-160              NWL`),
    ).map((r) => [r.name, r.value, r.unit, r.flag ?? null]),
    [
      ['Platelet Count', '251', 'x10E3/uL', null],
      ['Red Blood Cell Count', '4.51', 'x10E6/uL', null],
      ['Hematocrit', '39.9', '%', null],
      ['Iron, Total', '31', 'ug/dL', 'L'],
    ],
  );
});

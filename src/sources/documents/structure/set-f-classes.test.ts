/**
 * Session 23: the classes set-f (post-acute and long-term care; f-3301, ground-truth text) showed. Each layout here is
 * written for the class, not copied from the set's templates; every test fails on the code before (be18289).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify } from './classify.js';
import { labResultRows } from './lab-results.js';
import { findServiceDate } from './service-date.js';
import { findPatient } from './identity.js';
import { type Line } from './lines.js';

const lines = (rows: string[]): Line[] => rows.map((text, index) => ({ page: 1, index, text }));
const show = (rows: ReturnType<typeof labResultRows>) => rows.map((r) => `${r.name}|${r.value}|${r.unit ?? ''}|${r.flag ?? ''}`);

test('session 23 (set-f): column heads putting the result and its flag before the test name read each row name-first', () => {
  const page = [
    '  Result      Flag    Test Name                     Units       Reference Range',
    '  BASIC METABOLIC',
    '     138              Sodium                        mmol/L      136-145',
    '     5.8      H       Potassium                     mmol/L      3.5-5.1',
    '     61 L             Glucose                       mg/dL       70-99',
    '  URINALYSIS',
    '  CLEAR               Appearance                                Clear',
    '  SMALL       A       Occult Blood                              Negative',
  ];
  assert.deepEqual(show(labResultRows(lines(page))), ['Sodium|138|mmol/L|', 'Potassium|5.8|mmol/L|H', 'Glucose|61|mg/dL|L', 'Appearance|CLEAR||', 'Occult Blood|SMALL||A']);
  // Single-spaced, as OCR prints the lines; a unit-shaped name ("BUN/CREATININE RATIO") stays whole.
  const flat = ['Result Flag Test Name Units Reference Range', '138 Sodium mmol/L 136-145', '5.8 H Potassium mmol/L 3.5-5.1', '24 H BUN/CREATININE RATIO 6-22', 'LIGHT YELLOW Color Yellow'];
  assert.deepEqual(show(labResultRows(lines(flat))), ['Sodium|138|mmol/L|', 'Potassium|5.8|mmol/L|H', 'BUN/CREATININE RATIO|24||H', 'Color|LIGHT YELLOW||']);
  // A unit OCR garbled past knowing ("Krull" for K/uL) ends the name where the test's name ends.
  const garbled = show(labResultRows(lines(['RESULT FLAG TEST UNITS REFERENCE RANGE', '259 PLATELET COUNT Krull 140-400', '7.2 WHITE BLOOD CELL COUNT Krull 3.8-10.8'])));
  assert.deepEqual(garbled.map((r) => r.split('|').slice(0, 2).join('|')), ['PLATELET COUNT|259', 'WHITE BLOOD CELL COUNT|7.2']);
});

test('session 23 (set-f): triangles after a value (also glued) and ABV / BLW are above / below flags', () => {
  const page = [
    '  Test               Result     Units     Target',
    '  Hemoglobin         9.4 ▼      g/dL      10.0-11.5',
    '  Phosphorus         6.8▲       mg/dL     3.5-5.5',
    '  Albumin            3.1  BLW   g/dL      3.5-5.0',
    '  Ferritin           1410 ABV   ng/mL     200-1200',
  ];
  assert.deepEqual(show(labResultRows(lines(page))), ['Hemoglobin|9.4|g/dL|L', 'Phosphorus|6.8|mg/dL|H', 'Albumin|3.1|g/dL|L', 'Ferritin|1410|ng/mL|H']);
});

test('session 23 (set-f): dialysis adequacy / bone tests and a urine drug screen are tests with their LOINC codes', () => {
  const page = [
    '  Test                          Result     Units      Reference',
    '  Pre-Dialysis BUN              64         mg/dL      7-25',
    '  Post-Dialysis BUN             19         mg/dL      7-25',
    '  Kt/V (single pool)            1.38                  >=1.2',
    '  Intact PTH                    712        pg/mL      150-600',
    '  Opiates, Urine Screen         Negative              Negative',
    '  Benzodiazepines Screen        Positive              Negative',
  ];
  const rows = labResultRows(lines(page));
  assert.deepEqual(rows.map((r) => `${r.loinc}|${r.value}|${r.flag ?? ''}`), ['11064-3|64|H', '11065-0|19|', '70966-7|1.38|', '2731-8|712|H', '19295-5|Negative|', '14316-4|Positive|A']);
});

test('session 23 (set-f): a cover dated with an ordinal day before the month ("3rd of October 2023") has that date', () => {
  const page = [
    '  Rivermead Home Care                                    FACSIMILE',
    '  To:     Dr. Olsen                  From:   Orders desk',
    '  Date:   3rd of October 2023        Pages:  4 (including this one)',
    '  Please sign the enclosed plan of care and fax it back.',
  ];
  assert.equal(findServiceDate(lines(page), 'fax_cover_sheet', undefined, '2023-10-05'), '2023-10-03');
});

test('session 23 (set-f): a nursing home\'s transfer form is a discharge paper dated by its date of transfer', () => {
  const page = [
    '  Oakview Skilled Nursing Center',
    '  RESIDENT TRANSFER FORM',
    '  Name                 DOB            Admitted to this facility     Date of transfer     Sent to',
    '  Doe, Jane            02/11/1941     08/02/2023                    08/19/2023           Mercy ED',
    '  Reason: fall with hip pain. Vital signs: BP 142/80, pulse 88, SpO2 95%, temp 98.9.',
    '  Medications: see attached list. Code status: DNR. Allergies: PCN.',
  ];
  assert.equal(classify(lines(page)).type, 'discharge_summary');
  assert.equal(findServiceDate(lines(page), 'discharge_summary', '1941-02-11', '2023-08-21'), '2023-08-19');
  const labelled = ['  Transfer date: 11/02/2023   Admitted: 10/20/2023   Resident: Jane Doe'];
  assert.equal(findServiceDate(lines(labelled), 'discharge_summary', '1941-02-11', '2023-11-03'), '2023-11-02');
});

test('session 23 (set-f): an eMAR print is a medication list of the day its dashed administration period ends, not its print day', () => {
  const page = [
    '  Brookside Care Center',
    '  eMAR  -  Administration History',
    '  Resident: Doe, Jane   Room 12B',
    '  Period: 06/01/2024 - 06/07/2024',
    '  Metoprolol tartrate 25 mg tablet   Give 1 tablet by mouth twice daily   0800 AB  2000 CD',
    '  Printed 06/10/2024 by nursing',
  ];
  assert.equal(classify(lines(page)).type, 'medication_list');
  assert.equal(findServiceDate(lines(page), 'medication_list', '1941-02-11', '2024-06-10'), '2024-06-07');
});

test('session 23 (set-f): a DICOM person name with carets (a teleradiology worklist line) names the patient', () => {
  const page = [
    '  NORTHSIDE TELERADIOLOGY · FINAL REPORT',
    '  Patient DOE^JANE^Q | DOB 19600102 | Sex F | Acc 55102',
    '  EXAM: XR CHEST 1 VIEW (portable)',
  ];
  const p = findPatient(lines(page), 1);
  assert.deepEqual([p.given?.[0], p.family], ['Jane', 'Doe']);
});

test('session 23 (set-f): a monthly trend table headed by month and year, newest column first, arrows in every column, dashes for no result', () => {
  const page = [
    '  Lab                      Target          Units       JUN 2024      MAY 2024      APR 2024',
    '  Albumin                  >=4.0           g/dL        4.1           3.7 ▼         3.8 ▼',
    '  Kt/V (single pool)       >=1.2                       1.31          1.12 ▼        1.25',
    '  Phosphorus               3.5-5.5         mg/dL       6.2 ▲         5.1           4.9',
    '  Urea Reduction Ratio     >=65            %           61 ▼          —             70',
    '  PTH, Intact              150-600         pg/mL       —             488           512',
  ];
  assert.deepEqual(show(labResultRows(lines(page))), ['Albumin|4.1|g/dL|', 'Kt/V (single pool)|1.31||', 'Phosphorus|6.2|mg/dL|H', 'Urea Reduction Ratio|61|%|L']);
});

test('session 23 (set-f): whole-number results before the names are no test-code column, and the result head stays', () => {
  const page = [
    '   RESULT      FLAG     TEST                       UNITS      REFERENCE RANGE',
    '      141               SODIUM                     mmol/L     135-145',
    '      104               CHLORIDE                   mmol/L     98-107',
    '       27               CARBON DIOXIDE             mmol/L     22-29',
    '      212      H        CHOLESTEROL, TOTAL         mg/dL      <200',
    '      4.4               POTASSIUM                  mmol/L     3.5-5.1',
  ];
  assert.deepEqual(show(labResultRows(lines(page))), ['SODIUM|141|mmol/L|', 'CHLORIDE|104|mmol/L|', 'CARBON DIOXIDE|27|mmol/L|', 'CHOLESTEROL, TOTAL|212|mg/dL|H', 'POTASSIUM|4.4|mmol/L|']);
});

test('session 23 (set-f): a text layer printing trend values a few characters left of their month heads reads the newest column', () => {
  const page = [
    '    Test                        Goal         Units                DEC 2022       NOV 2022       OCT 2022',
    '    Hemoglobin                  10.0-11.5    g/dL         9.6 ▼          12.4 ▲         11.7 ▲',
    '    Ferritin                    200-1200     ng/mL        523            519            464',
  ];
  assert.deepEqual(show(labResultRows(lines(page))), ['Hemoglobin|9.6|g/dL|L', 'Ferritin|523|ng/mL|']);
});

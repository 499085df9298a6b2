/**
 * Session 21: lab results lost through OCR on fresh seeds (m-2504, l-2604, k-2803, n-2404, o-2303, p-2104), each class
 * mended by a general rule. Layouts here are written for the class (other names, numbers and captions than the sets
 * print), single-spaced or column-spaced as OCR prints them; every test fails on the code before (31b108d).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabRows } from './labs.js';
import { labResultRows } from './lab-results.js';
import type { Line } from './lines.js';

const lines = (rows: string[]): Line[] => rows.map((text, index) => ({ page: 1, index, text }));
const brief = (rows: ReturnType<typeof parseLabRows>) => rows.map((r) => `${r.loinc ?? r.name} ${r.value} ${r.ucum ?? ''} ${r.flag ?? ''}`.trim());

test('session 21: a consumer print whose "Your Value / Standard Range" caption row OCR garbled keeps each test name over its value line', () => {
  const page = [
    'Lab Results',
    '  Potassium',
    '               Yo Vaile                              Stardand Rnge',
    '  4.9 mmol/L                             3.5 - 5.3 mmol/L',
    '  Albumin',
    '               10 Va                                 Sta tat Rane',
    '  3.1 g/dL                               3.6 - 5.1 g/dL',
    '  Hemoglobin A1c',
    '               Your Value                            Standard Range',
    '  6.1 %                                  4.0 - 5.6 %',
  ];
  const rows = parseLabRows(lines(page));
  assert.deepEqual(
    rows.map((r) => [r.name, r.value, r.ucum]),
    [['Potassium', '4.9', 'mmol/L'], ['Albumin', '3.1', 'g/dL'], ['Hemoglobin A1c', '6.1', '%']],
  );
  // A line of words under a name that is followed by no value line is not skipped over: nothing is read.
  assert.deepEqual(parseLabRows(lines(['  Potassium', '    Yo Vaile     Stardand Rnge', '  see comment below'])), []);
});

test('session 21: a per-result detail print whose part captions OCR garbled ("RESLY  LAO  UNITS  REFERENCE RANGE  STATUS") reads each test over its values', () => {
  const page = [
    'Result Detail',
    '  Magnesium',
    '  RESLY            LAO             UNITS            REFERENCE RANGE         STATUS',
    '  2.7              High            mg/dL            1.6-2.4                 Final',
    '  Phosphorus',
    '  REBT             FLAG            nas              REF ERENCE RANGE        STATUS',
    '  3.1                              mg/dL            2.5-4.5                 Final',
    '  Urine Color',
    '  Yellow           Yellow',
  ];
  const rows = parseLabRows(lines(page));
  assert.deepEqual(brief(rows).slice(0, 2), ['19123-9 2.7 mg/dL H', '2777-1 3.1 mg/dL']);
});

test('session 21: under headers printing the units column before the result, a unit cell OCR garbled is read through the test\'s units', () => {
  const page = [
    '  Analyte                          Units          Resuit        Flag     Reference range',
    '  Hematocrit                       Yo             36.2                   38.5 - 50.0',
    '  Glucose                          mg/d.          212           HI       65 - 99',
    '  Sodium                           mmol.          133                    135 - 146',
    '  Platelet Count                   10*34t         451           HI       140 - 400',
    '  Anion Gap                                       9                      3 - 11',
  ];
  const rows = parseLabRows(lines(page));
  assert.deepEqual(
    rows.map((r) => [r.name, r.value, r.ucum ?? '']),
    [['Hematocrit', '36.2', '%'], ['Glucose', '212', 'mg/dL'], ['Sodium', '133', 'mmol/L'], ['Platelet Count', '451', '10*3/uL'], ['Anion Gap', '9', '']],
  );
});

test('session 21: a cell count\'s unit with its power mark and "/uL" garbled ("10°6aL", "10"3/L", "10°31L") is the test\'s unit of that power', () => {
  const page = [
    'Test                      Result     Units          Reference',
    'RBC                       4.61       10°6aL         4.20-5.80',
    'Absolute Lymphocytes      1.9        10"3/L         0.8-3.9',
    'Absolute Eosinophils      0.2        10°31L         0.0-0.5',
  ];
  assert.deepEqual(parseLabRows(lines(page)).map((r) => r.ucum), ['10*6/uL', '10*3/uL', '10*3/uL']);
});

test('session 21: flag cells OCR garbled — "Hl" for HI, a small mark in the flag column beside a value outside its range', () => {
  const page = [
    'Test                     Result    Units     Flag    Reference',
    'LDL Cholesterol          162       mg/dL     Hl      <100',
    'Glucose                  141       mg/dL     i       65-99',
    'Urea Nitrogen (BUN)      5         mg/dL     t       7-25',
    'Sodium                   139       mmol/L    i       135-146',
    'Potassium                4.1       mmol/L            3.5-5.3',
  ];
  assert.deepEqual(brief(parseLabRows(lines(page))), ['13457-7 162 mg/dL H', '2345-7 141 mg/dL H', '3094-0 5 mg/dL L', '2951-2 139 mmol/L', '2823-3 4.1 mmol/L']);
});

test('session 21: a yes/no out-of-range column whose caption OCR lost: "y" after the range flags the row, "A" (a checkbox read beside N) past a one-ended range calls nothing abnormal', () => {
  const page = [
    'Test                    Result    Units      Expected       ae YIN     Tech',
    'Creatinine              1.52      mg/dL      0.60-1.20      y          JS',
    'Sodium                  140       mmol/L     135-146        N          JS',
    'Potassium               3.1       mmol/L     3.5-5.3        Y          JS',
    'Chloride                104       mmol/L     98-110         N          JS',
    'Calcium                 9.4       mg/dL      8.6-10.3       N          JS',
    'HDL Cholesterol         52        mg/dL      >39            A          JS',
    'Triglycerides           96        mg/dL      <150           A          JS',
  ];
  assert.deepEqual(brief(parseLabRows(lines(page))), ['2160-0 1.52 mg/dL H', '2951-2 140 mmol/L', '2823-3 3.1 mmol/L L', '2075-0 104 mmol/L', '17861-6 9.4 mg/dL', '2085-9 52 mg/dL', '2571-8 96 mg/dL']);
});

test('session 21: an interpretation word in brackets after the value ("170 (Above)", "2.9 (Below)") is the row\'s flag, its unit and range still read', () => {
  const page = [
    'Component                     Your Value            Units            Standard Range',
    'Glucose                       170 (Above)           mg/dL            65 - 99',
    'Absolute Lymphocytes          0.5 (Below)           10*3/uL          0.8 - 3.9',
    'Sodium                        139                   mmol/L           135 - 146',
  ];
  assert.deepEqual(brief(parseLabRows(lines(page))), ['2345-7 170 mg/dL H', '731-0 0.5 10*3/uL L', '2951-2 139 mmol/L']);
});

test('session 21: a count unit whose slash OCR read as a 7 and a space ("10°37 ul.") is the test\'s count unit', () => {
  const page = ['Test                  Result     Units         Range', 'Absolute Monocytes    1.3        10°37 ul.     0.2-1.0'];
  assert.deepEqual(brief(parseLabRows(lines(page))), ['742-7 1.3 10*3/uL']);
});

test('session 21: the result caption read and the range caption garbled ("Your Value   Stan dard Range"), or a speck beside the garbled row, still leave the name over its value and label no block', () => {
  const page = [
    '  Chloride',
    '                  Your Value                             Stan dard Rnge',
    '  101 mmol/L                             98 - 110 mmol/L',
    '  Calcium',
    '                  10a Virds                              Sanaa Ran                .',
    '  9.9 mg/dL                              8.6 - 10.3 mg/dL',
  ];
  assert.deepEqual(labResultRows(lines(page)).map((r) => `${r.name} ${r.value}`), ['Chloride 101', 'Calcium 9.9']);
});

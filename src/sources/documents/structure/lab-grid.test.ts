import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labResultRows } from './lab-results.js';
import type { Line } from './lines.js';

const lines = (text: string, page = 1): Line[] => text.split('\n').map((t, index) => ({ page, index, text: t }));
const rows = (text: string) => labResultRows(lines(text)).map((r) => [r.name, r.value, r.ucum ?? r.unit ?? '', r.range?.text ?? '', r.flag ?? '']);

test('a results grid with the tests across: each column is one result, cells centred, empty cells left empty', () => {
  const page = `  COMPREHENSIVE METABOLIC PANEL

    Test                      GLU                     BUN                  CREAT          NA              K                 A/G

    Result                    72                      21                    0.25          137             4.5               1.6

    Flag                                                                    LOW

    Units                   mg/dL                 mg/dL                    mg/dL        mEq/ L          mEq/ L

    Ref Range                65-99                    7-25             0.50-1.05       135-146         3.5-5.3           1.0-2.5`;
  assert.deepEqual(rows(page), [
    ['GLU', '72', 'mg/dL', '65-99', ''],
    ['BUN', '21', 'mg/dL', '7-25', ''],
    ['CREAT', '0.25', 'mg/dL', '0.50-1.05', 'L'],
    ['NA', '137', 'meq/L', '135-146', ''],
    ['K', '4.5', 'meq/L', '3.5-5.3', ''],
    ['A/G', '1.6', '', '1.0-2.5', ''],
  ]);
});

test('a grid read through OCR: a row label one letter off, cells a little out of their columns', () => {
  const page = `Test          WBC          HGB          PLT
Resu1t        8.1          14.0        310
Flag                       L
Units        K/uL         g/dL         K/uL
Ret Range   3.8-10.8    11.7-15.5    140-400`;
  assert.deepEqual(rows(page), [
    ['WBC', '8.1', '10*3/uL', '3.8-10.8', ''],
    ['HGB', '14.0', 'g/dL', '11.7-15.5', 'L'],
    ['PLT', '310', '10*3/uL', '140-400', ''],
  ]);
});

test('a grid of ONE test (a panel of one result printed the same way as its wider neighbours) keeps its units and range', () => {
  const page = `    TSH

     Test                        TSH

     Result                      2.65

     Flag

     Units                      uIU/mL

     Ref Range                 0.40-4.50`;
  assert.deepEqual(rows(page), [['TSH', '2.65', 'u[IU]/mL', '0.40-4.50', '']]);
});

test('a flowsheet: tests across, units and reference rows, then one row per draw opening with its date; the newest draw is the result', () => {
  const page = ` CBC (includes Diff/Plt)

  test                             White Blood Cell Count                               Hemoglobin

           units                               10*3/uL                                   g/dL

         reference                           ref 3.8 - 10.8                         ref 13.2 - 17.1

  04/10/2024                                        6.5                                    14.9

  05/15/2025 09:36                                  6.7                                    12.8

  12/05/2024                                        6.1                                    13.6`;
  assert.deepEqual(rows(page).map((r) => [r[0], r[1], r[2]]), [
    ['White Blood Cell Count', '6.7', '10*3/uL'],
    ['Hemoglobin', '12.8', 'g/dL'],
  ]);
});

test('a flowsheet through OCR: a part row whose label is garbled is passed over, and the newest draw gets back the points OCR lost', () => {
  // What OCR made of a ruled flowsheet on a 200 dpi scan: the "reference" label garbled past
  // reading, the newest draw's values without their points (79 for 7.9; 04 for 0.4).
  const page = ` CBC (includes Diff/Plt)
   test                         White Blood Cell Count            Basophils               Hemoglobin
           units                      10*3/uL                          %                     g/dL
          alae yo                    ref38- Ng                     wiON.2N                  rof   -88
   09/09/2021                           7.0                           0.5                   13.6
   01/29/2022                           8.6                                                 12.9
   05/22/2022 09:43                     79                            04                    13.9`;
  assert.deepEqual(rows(page).map((r) => [r[0], r[1], r[2]]), [
    ['White Blood Cell Count', '7.9', '10*3/uL'],
    ['Basophils', '0.4', '%'],
    ['Hemoglobin', '13.9', 'g/dL'],
  ]);
});

test('a flowsheet whose newest draw prints a whole number like its earlier draws keeps it (no point put where none was lost)', () => {
  const page = ` Lipids
   test                         Cholesterol, Total           Triglycerides
           units                     mg/dL                        mg/dL
   09/09/2021                         231                          150
   05/22/2022 09:43                   214                          142`;
  assert.deepEqual(rows(page).map((r) => [r[0], r[1]]), [
    ['Cholesterol, Total', '214'],
    ['Triglycerides', '142'],
  ]);
});

test('a results table whose header names the parts (Test / Result / Units / Range) is read row by row, not as a grid', () => {
  const page = `Test                 Result     Units      Reference Range
Glucose              72         mg/dL      65-99
Sodium               137        mEq/L      135-146`;
  assert.deepEqual(rows(page), [
    ['Glucose', '72', 'mg/dL', '65-99', ''],
    ['Sodium', '137', 'meq/L', '135-146', ''],
  ]);
});

test('result tiles side by side (a patient portal): names over values, flags and labelled ranges, matched in order', () => {
  const page = `    Lipid Panel
       Cholesterol, Total                                                            HDL Cholesterol

       228 mg/dL         High
                                                                                     58 mg/dL
       Normal range: <200 mg/dL                                                      Normal range: >39 mg/dL

       Triglycerides                                                                 LDL-Cholesterol (calc)
       266 mg/dL         High                                                        117 mg/dL         High
       Normal range: <150 mg/dL                                                      Normal range: <100 mg/dL`;
  assert.deepEqual(rows(page), [
    ['Cholesterol, Total', '228', 'mg/dL', '<200', 'H'],
    ['HDL Cholesterol', '58', 'mg/dL', '>39', ''],
    ['Triglycerides', '266', 'mg/dL', '<150', 'H'],
    ['LDL-Cholesterol (calc)', '117', 'mg/dL', '<100', 'H'],
  ]);
  // Read by OCR, a value line closed up: still one value per name, in order.
  const ocr = `Cholesterol, Total                                   HDL Cholesterol
228 mg/dL                       58 mg/dL
Normal range: <200 mg/dL                             Normal range: >39 mg/dL`;
  assert.deepEqual(rows(ocr).map((r) => r.slice(0, 2)), [['Cholesterol, Total', '228'], ['HDL Cholesterol', '58']]);
});

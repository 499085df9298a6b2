/**
 * Reports that print no flag (abnormal values shown only by type) but print ranges: the flag is
 * read from the value against its range (lab-range-flags.ts). Reports that flag keep their flags.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labResultRows } from './lab-results.js';

const lines = (text: string) => text.split('\n').map((t, index) => ({ page: 1, index, text: t }));
const shown = (text: string) => labResultRows(lines(text)).map((r) => `${r.name} ${r.value} ${r.flag ?? '-'}`);

const UNFLAGGED = `Lab Result - Example Laboratory
Abnormal values are highlighted.
Test                         Result     Units      Reference
Hemoglobin                   11.1       g/dL       11.7 - 15.5
Glucose                      84         mg/dL      65 - 99
Creatinine                   1.22       mg/dL      0.50 - 1.05
eGFR                         52         mL/min/1.73 m2    >=60
LDL Cholesterol              142        mg/dL      <100
Nitrite                      Positive              Negative
Color                        Yellow                Normal`;

test('a report that prints no flag at all, only ranges, is flagged from its ranges; one with a flag column or a flagged row keeps its printed flags; a garbled range gives no flag', () => {
  assert.deepEqual(shown(UNFLAGGED), ['Hemoglobin 11.1 L', 'Glucose 84 -', 'Creatinine 1.22 H', 'eGFR 52 L', 'LDL Cholesterol 142 H', 'Nitrite Positive A', 'Color Yellow -']);
  const withColumn = UNFLAGGED.replace('Result     Units', 'Result  Flag  Units');
  assert.deepEqual(shown(withColumn), ['Hemoglobin 11.1 -', 'Glucose 84 -', 'Creatinine 1.22 -', 'eGFR 52 -', 'LDL Cholesterol 142 -', 'Nitrite Positive -', 'Color Yellow -']);
  const flagsOne = UNFLAGGED.replace('142        mg/dL', '142   H    mg/dL');
  assert.deepEqual(shown(flagsOne), ['Hemoglobin 11.1 -', 'Glucose 84 -', 'Creatinine 1.22 -', 'eGFR 52 -', 'LDL Cholesterol 142 H', 'Nitrite Positive -', 'Color Yellow -']);
  const garbled = UNFLAGGED.replace('65 - 99', '665-99').replace('84   ', '93   ');
  assert.equal(shown(garbled)[1], 'Glucose 93 -');
});

/**
 * Lab results written as sentences of a results letter (lab-prose.ts), read through the whole
 * structuring: values with units, ranges and flag words, word results, sentences over lines.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Observation } from '@medplum/fhirtypes';
import { structureTransmission } from './index.js';
import { parseLabProse } from './lab-prose.js';

const LETTER = `Harborview Family Health Center
February 10, 2022
Patient: Paul H. Mockstein · Date of birth August 11, 1965 · Chart 0016762002
Dear Mr. Mockstein,
Thank you for having your blood tests done on February 9, 2022. One result was outside the normal range.
CBC without Differential. Your White Blood Cell Count was 7.0 x10E3/uL (normal
range 3.8-10.8). Your Hemoglobin was 15.0 g/dL (normal range 13.2-17.1). Your
Urea Nitrogen (BUN) was 17 mg/dL (normal range 7-25). Your LDL-Cholesterol (calc) was
136 mg/dL (normal range <100), which is higher than normal. Your Estimated Average Glucose was 171 mg/dL.
Urinalysis, Complete. Your Color was Light Yellow (normal range Yellow). Your Nitrite was Positive (normal range Negative), which is abnormal.
Your next appointment is in 3 weeks. Your copay was 20 dollars.
Sincerely,`;

test('a results letter\'s sentences become observations with value, unit, range and flag; other sentences with numbers do not', () => {
  const r = structureTransmission([{ page: 1, text: LETTER, method: 'plain' }]);
  assert.equal(r.segments?.[0]?.type, 'lab_report');
  const obs = (r.resources ?? []).map((x) => x.resource).filter((x): x is Observation => x.resourceType === 'Observation');
  const shown = obs.map((o) => [o.code?.text, o.valueQuantity ? `${o.valueQuantity.value} ${o.valueQuantity.unit ?? ''}`.trim() : o.valueString, o.interpretation?.[0]?.coding?.[0]?.code ?? ''].join(' | '));
  assert.deepEqual(shown, [
    'White Blood Cell Count | 7 x10E3/uL | ',
    'Hemoglobin | 15 g/dL | ',
    'Urea Nitrogen (BUN) | 17 mg/dL | ',
    'LDL-Cholesterol (calc) | 136 mg/dL | H',
    'Estimated Average Glucose | 171 mg/dL | ',
    'Color | Light Yellow | ',
    'Nitrite | Positive | A',
  ]);
});

test('a results letter\'s sentence that runs over a page break, past the footer and the next page\'s fax header, is read', () => {
  const lines = [
    { page: 3, index: 0, text: 'Your Albumin was 4.3 g/dL (normal range 3.6-5.1). Your Globulin was 2.4 g/dL (normal range 1.9-3.7). Your' },
    { page: 3, index: 1, text: '' },
    { page: 3, index: 2, text: 'Jennifer J. Trialski – lab results letter                                 Page 1 of 2' },
    { page: 4, index: 0, text: 'CloudLine Fax | Wed 14 Dec 2022 12:39:23     | From +1 (845) 555-0124 |    Silver Lake Medical Gr    | pg [4/4]' },
    { page: 4, index: 1, text: '' },
    { page: 4, index: 2, text: '          Albumin/Globulin Ratio was 1.8 (normal range 1.0-2.5). Your Bilirubin, Total was' },
    { page: 4, index: 3, text: '          1.0 mg/dL (normal range 0.2-1.2).' },
  ];
  assert.deepEqual(parseLabProse(lines).map((r) => [r.name, r.value]), [
    ['Albumin', '4.3'],
    ['Globulin', '2.4'],
    ['Albumin/Globulin Ratio', '1.8'],
    ['Bilirubin, Total', '1.0'],
  ]);
});

// Session 17: a progress note's pasted results, run on with semicolons and wrapped anywhere.
const NOTE = `Hospitalist Progress Note
Patient: Mockley, Ann     DOB: 02/03/1950
Date of Service: 01/04/2023
Subjective: Feels better; BP 128/76, HR 72 bpm. Metformin 500 mg twice daily for 3 days.
Recent Labs (collected 1/4/2023 0604):
CBC: WBC Count 16.6 10*3/uL (3.8-10.8) [H]; Platelet Count 233
  10*3/uL (140-400); Creatinine 1.04
  mg/dL (0.70-1.33); Sodium 139 mmol/L (135-
  146); Triglycerides 176 mg/dL (0-
  149) [H]; LDL-Cholesterol (calc) 130 mg/dL (0-99) [H]; Chol/HDLC Ratio 4.7 (0-4.9).
Urinalysis: Color Straw (Yellow); Appearance Slightly Cloudy (Clear) [A]; Ketones Negative (Negative); pH 5.5 (5.0-8.0).
Assessment/Plan: Labs reviewed. Potassium 3.1 today, will replace; repeat in 2 days.
Her potassium was 3.1 mmol/L yesterday; sodium 131 and glucose 212 after the steroid dose.`;

test('results run on in a note\'s paragraph are read whole: flag after the range, wrapped results, word results and ratios; the note\'s other numbers and a table\'s rows are not', () => {
  const r = structureTransmission([{ page: 1, text: NOTE, method: 'plain' }]);
  const obs = (r.resources ?? []).map((x) => x.resource).filter((x): x is Observation => x.resourceType === 'Observation');
  const shown = obs.map((o) => [o.code?.text, o.valueQuantity ? `${o.valueQuantity.value} ${o.valueQuantity.unit ?? ''}`.trim() : o.valueString, o.referenceRange?.[0]?.text ?? '', o.interpretation?.[0]?.coding?.[0]?.code ?? ''].join(' | '));
  assert.deepEqual(shown, [
    'WBC Count | 16.6 10*3/uL | 3.8-10.8 | H',
    'Platelet Count | 233 10*3/uL | 140-400 | ',
    'Creatinine | 1.04 mg/dL | 0.70-1.33 | ',
    'Sodium | 139 mmol/L | 135-146 | ',
    'Triglycerides | 176 mg/dL | 0-149 | H',
    'LDL-Cholesterol (calc) | 130 mg/dL | 0-99 | H',
    'Chol/HDLC Ratio | 4.7 | 0-4.9 | ',
    'Color | Straw | Yellow | ',
    'Appearance | Slightly Cloudy | Clear | A',
    'Ketones | Negative | Negative | ',
    'pH | 5.5 | 5.0-8.0 | ',
  ]);
  // A table row whose cells stand apart (OCR keeps the column gaps) is no run-on result.
  const lines = [
    'Cholesterol. Total                 204 H+      <200          mg/dl,',
    'HDL Cholesterol                  n          249            mg/dl.',
  ].map((text, index) => ({ page: 1, index, text }));
  assert.deepEqual(parseLabProse(lines), []);
});

test('a run-on list as OCR reads it: a semicolon read as a colon, flag brackets misread', () => {
  const lines = [
    'Recent Labs: Glucose 184 mg/dL (65-99) [H}: Sodium 139 mmol/L (135-146), Potassium 3.1 mmol/L',
    '(3.5-5.3) (L]; Chloride 100 mmol/L (98-110).',
  ].map((text, index) => ({ page: 1, index, text }));
  assert.deepEqual(parseLabProse(lines).map((r) => [r.name, r.value, r.unit, r.range?.text, r.flag ?? '']), [
    ['Glucose', '184', 'mg/dL', '65-99', 'H'],
    ['Sodium', '139', 'mmol/L', '135-146', ''],
    ['Potassium', '3.1', 'mmol/L', '3.5-5.3', 'L'],
    ['Chloride', '100', 'mmol/L', '98-110', ''],
  ]);
});

/** Session 24 (OCR slips): lab rows through OCR (fresh caches d-3504, e-3404, f-3304, g-3207, h-3106). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labResultRows } from './lab-results.js';
import type { Line } from './lines.js';

const lines = (rows: string[]): Line[] => rows.map((text, index) => ({ page: 1, index, text }));
const show = (rows: ReturnType<typeof labResultRows>) => rows.map((r) => [r.name, r.value, r.ucum ?? r.unit ?? '', r.range?.text ?? '', r.flag ?? ''].join(' | '));

test('a bracketed flag word whose opening bracket OCR read as a letter ("Chigh)", "tlow)") is that flag', () => {
  const rows = show(labResultRows(lines([
    'Test                          Result                       Reference',
    'Urea Nitrogen                 31 mg/dL. Chigh)             7 - 25',
    'Triglycerides                 212 mg/dL thigh)             <150',
    'Albumin                       3.1 g/dL tlow)               3.6 - 5.1',
    'Sodium                        140 mmol/L                   135 - 146',
  ])));
  assert.ok(rows.some((r) => /^Urea Nitrogen \| 31 \|.*\| H$/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^Triglycerides \| 212 \|.*\| H$/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^Albumin \| 3\.1 \|.*\| L$/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^Sodium \| 140 \|.*\| $/.test(r)), rows.join('\n'));
});

test('triangle flags read as letters ("9.8 a", "2.9v") are arrows where the row\'s range puts the value on that side', () => {
  const page = [
    'Test                                  Goal           Units        JAN 2024        DEC 2023',
    'Hemoglobin                            13.2-17.1      g/dL         9.8 v           10.4 v',
    'Potassium                             3.5-5.3        mmol/L       5.9 a           5.1',
    'Phosphorus                            2.5-4.5        mg/dL        2.1v            2.4v',
    'Hemoglobin A1c                        <5.7           %            7.2 a',
    // A letter the range does not bear out is no arrow.
    'Calcium                               8.6-10.3       mg/dL        9.4 v           9.0',
  ];
  const rows = show(labResultRows(lines(page)));
  assert.ok(rows.some((r) => /^Hemoglobin \| 9\.8 \|.*\| L$/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^Potassium \| 5\.9 \|.*\| H$/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^Phosphorus \| 2\.1 \|.*\| L$/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^Hemoglobin A1c \| 7\.2 \|.*\| H$/.test(r)), rows.join('\n'));
  assert.ok(!rows.some((r) => /^Calcium \| 9\.4 \|.*\| L$/.test(r)), rows.join('\n'));
});

test('a line opening with a word result that is a test\'s name ("Red Blood Cell Count") is no value of the name waiting over it', () => {
  const rows = show(labResultRows(lines([
    'Test                                  Goal           Units        JAN 2024',
    'White Blood Cell Count',
    'Red Blood Cell Count                  3.80-5.10      10*6/uL      5.13 a',
    'Hematocrit                            35.0-45.0      %            42.5',
  ])));
  assert.ok(rows.some((r) => /^Red Blood Cell Count \| 5\.13 \|.*\| H$/.test(r)), rows.join('\n'));
  assert.ok(!rows.some((r) => /\| Red \|/.test(r)), rows.join('\n'));
});

test('a value\'s leading 4 read as A before its point ("A.7 mmol/L") is 4', () => {
  const rows = show(labResultRows(lines([
    'Test                          Result                       Reference',
    'Potassium                     A.7 mmol/L                   3.5 - 5.3',
  ])));
  assert.ok(rows.some((r) => /^Potassium \| 4\.7 \| mmol\/L/.test(r)), rows.join('\n'));
});

test('a name\'s code read as digits ("Free 74" for Free T4) is the name; the number after the gap is the value, not 0.74', () => {
  const rows = show(labResultRows(lines([
    'Test                          Result                       Reference',
    'Free 74                       1.04 ng/dL                   0.82 - 1.77',
    'Glucose 88                    65-99',
  ])));
  assert.ok(rows.some((r) => /^Free T4 \| 1\.04 \| ng\/dL/.test(r)), rows.join('\n'));
  assert.ok(!rows.some((r) => /\| 0\.74 \|/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^Glucose \| 88 \|/.test(r)), rows.join('\n'));
});

/** Session 25 (OCR slips): lab rows through OCR (fresh caches a-4452, m-2509, h-3107, g-3208, d-3505, c-3604). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labResultRows } from './lab-results.js';
import type { Line } from './lines.js';

const lines = (rows: string[]): Line[] => rows.map((text, index) => ({ page: 1, index, text }));
const show = (rows: ReturnType<typeof labResultRows>) => rows.map((r) => [r.name, r.value, r.ucum ?? r.unit ?? '', r.range?.text ?? '', r.flag ?? ''].join(' | '));

test('a flagged value whose point OCR read as a space ("34 2 pg (high)") is one number beyond the range on the flag\'s side', () => {
  const rows = show(labResultRows(lines([
    '       Test                           Your result                   Normal range',
    '       MCH                            34 2 pg (high)                270-330',
    '       Free T4                        0 64 ng/dL (low)              0.82-1.77',
    '       Hemoglobin                     14 4 g/dL                     132-171',
    // A trend row's current and previous results stay apart, flag or none.
    '       Glucose                        77 78 mg/dL H                 65-99',
  ])));
  assert.ok(rows.some((r) => /^MCH \| 34\.2 \| pg \|.*\| H$/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^Free T4 \| 0\.64 \| ng\/dL \|.*\| L$/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^Hemoglobin \| 14\.4 \| g\/dL/.test(r)), rows.join('\n'));
  assert.ok(!rows.some((r) => /^Glucose \| 77\.78/.test(r)), rows.join('\n'));
});

test('a value\'s leading 4 read as "a" with a flag or a unit before the range ("a2   High mg/dL   7-25") is 4 where the range bears it out', () => {
  const rows = show(labResultRows(lines([
    'Tests                                  RESULT FLAG UNITS REFERENCE INTERVAL LAB',
    'BUN"                                 a2         High mg/dL                7-25                          01',
    'ALT                                  a1                U/L                9-46                          01',
    'Non-HDL Cholesterol                  a4                mg/dL              0-129                         01',
    // The range does not bear the 4 out (43 is no AST inside 10-40, and no flag says above): the cell stays unread.
    'AST                                  a3                U/L                10-40                         01',
    'Sodium                               140               mmol/L             135-146                       01',
  ])));
  assert.ok(rows.some((r) => /^BUN \| 42 \| mg\/dL \|.*\| H$/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^ALT \| 41 \| U\/L \|/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^Non-HDL Cholesterol \| 44 \| mg\/dL/.test(r)), rows.join('\n'));
  assert.ok(!rows.some((r) => /^AST \| 43/.test(r)), rows.join('\n'));
});

test('a cell count\'s unit whose slash OCR read as a colon ("10°3:uL") is the test\'s 10*3/uL', () => {
  const rows = show(labResultRows(lines([
    'Test                      Result                     Reference                    Units',
    'Absolute Eosinophils        0.5                       0.0-0.5                      10°3:ul',
    'Absolute Basophils          0.1                       0.0-0.2                      10*3:uL',
  ])));
  assert.ok(rows.some((r) => /^Absolute Eosinophils \| 0\.5 \| 10\*3\/uL/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^Absolute Basophils \| 0\.1 \| 10\*3\/uL/.test(r)), rows.join('\n'));
});

test('a short name whose trailing % OCR lost ("NEUT   58.0   \\   (40.0-75.0)") is the % test its range or unit names', () => {
  const rows = show(labResultRows(lines([
    '   Lab Test                Result      Units        Flag Ref Range',
    '   NEUT                    58.0        \\                   (40.0-75.0)',
    '   MONO                    7.5         %                   (2.0-12.0)',
    '   NEUT #                  5.5         10*3/uL             (1.5-7.8)',
  ])));
  assert.ok(rows.some((r) => /^NEUT \| 58\.0 \| % \|/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^NEUT # \| 5\.5 \| 10\*3\/uL/.test(r)), rows.join('\n'));
  // No unit read and a range that is the typical interval of neither: no guess.
  const none = show(labResultRows(lines([
    '   Lab Test                Result      Units        Flag Ref Range',
    '   NEUT                    58.0        \\                   (3.0-9.0)',
  ])));
  assert.ok(!none.some((r) => /^NEUT \| 58/.test(r)), none.join('\n'));
});

test('a value\'s trailing 5 read as "s" ("Glucose   8s   65-99") is 5 where the range bears it out', () => {
  const rows = show(labResultRows(lines([
    'Test             Result                 Reference                          Units',
    'Glucose         8s                     65-99                                    mg/dL',
    'Sodium         14s                    135-146                                   mmol/L',
    // 35 is no Potassium inside 3.5-5.3: the cell stays unread.
    'Potassium         3s                   3.5-5.3                                   mmol/L',
  ])));
  assert.ok(rows.some((r) => /^Glucose \| 85 \| mg\/dL/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^Sodium \| 145 \| mmol\/L/.test(r)), rows.join('\n'));
  assert.ok(!rows.some((r) => /^Potassium \| 35/.test(r)), rows.join('\n'));
});

test('under "TEST (UNITS)" heads a value with its flag glued ("81H", "8.1H") is no unit cell: the comparator range after it stays the range', () => {
  const rows = show(labResultRows(lines([
    '     TEST (UNITS)                                           RESULT                REFERENCE                     PREVIOUS',
    '     Hemoglobin A1c (%)                                     8.1H                  <5.7',
    '     Vitamin D, 25-Hydroxy, Total (ng/mL)                   22L                   >30',
  ])));
  assert.ok(rows.some((r) => /^Hemoglobin A1c \| 8\.1 \| % \| <5\.7 \| H$/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^Vitamin D, 25-Hydroxy, Total \| 22 \| ng\/mL \| >30 \| L$/.test(r)), rows.join('\n'));
});

/** Session 22 (h3): lab rows through OCR (fresh caches o-2304, n-2405, m-2505, p-2105). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labResultRows } from './lab-results.js';
import type { Line } from './lines.js';

const lines = (rows: string[]): Line[] => rows.map((text, index) => ({ page: 1, index, text }));
const show = (rows: ReturnType<typeof labResultRows>) => rows.map((r) => [r.name, r.value, r.ucum ?? r.unit ?? '', r.range?.text ?? '', r.flag ?? ''].join(' | '));

test('a value below half its range, printed without a flag, lost digits to OCR and is no result', () => {
  const rows = show(labResultRows(lines([
    'Test                         Result        Flag    Units        Reference Range',
    'Glucose                      2                     mg/dL        65-99',
    'Aspartate Aminotransferase   4                     U/L          10-40',
    'Sodium                       128           L       mmol/L       135-146',
    'Potassium                    3.0                   mmol/L       3.5-5.3',
    'Calcium                      9.4                   mg/dL        8.6-10.3',
  ])));
  assert.equal(rows.some((r) => r.startsWith('Glucose')), false);
  assert.equal(rows.some((r) => r.startsWith('Aspartate')), false);
  // A flagged value, one near its range and one inside it stay.
  assert.ok(rows.some((r) => r.startsWith('Sodium | 128') && r.endsWith('| L')), rows.join('\n'));
  assert.ok(rows.some((r) => r.startsWith('Potassium | 3.0')), rows.join('\n'));
  assert.ok(rows.some((r) => r.startsWith('Calcium | 9.4')), rows.join('\n'));
});

// A report that prints no flags at all says nothing by leaving one out: a value far below its range there is real.
test('in a report printing no flags, a value far below its range stays and takes its flag from the range', () => {
  const rows = show(labResultRows(lines([
    'Test                         Result        Units        Reference Range',
    'Vitamin D, 25-Hydroxy        8             ng/mL        30-100',
    'Ferritin                     5             ng/mL        16-232',
    'Calcium                      9.4           mg/dL        8.6-10.3',
  ])));
  assert.ok(rows.includes('Vitamin D, 25-Hydroxy | 8 | ng/mL | 30-100 | L'), rows.join('\n'));
  assert.ok(rows.includes('Ferritin | 5 | ng/mL | 16-232 | L'), rows.join('\n'));
});

test("a % sign read as a lone 3 or 5 in the unit's place, between the value and its range, is %", () => {
  const rows = show(labResultRows(lines([
    'TEST                     RESULT      UNITS                REFERENCE',
    'RDW-CV                   12.4        3                    (11.0-15.0)',
    'LYMPH %                  38.4        5                    (20.0-45.0)',
    'Glucose                  88          mg/dL                (65-99)',
  ])));
  assert.ok(rows.includes('RDW-CV | 12.4 | % | 11.0-15.0 | '), rows.join('\n'));
  assert.ok(rows.includes('LYMPH % | 38.4 | % | 20.0-45.0 | '), rows.join('\n'));
  // A test never reported in % gets no % from a digit there.
  const other = show(labResultRows(lines(['TEST      RESULT   UNITS   REFERENCE', 'Sodium    140      5       (135-145)', 'Glucose   88       mg/dL   (65-99)'])));
  assert.ok(!other.some((r) => r.includes('| % |')), other.join('\n'));
});

test('a leading 5 read as a dollar sign before a value with one decimal ("$1.9") is 5', () => {
  const rows = show(labResultRows(lines([
    'TEST                     RESULT      UNITS                REFERENCE',
    'NEUT %                   $1.9        %                    (40.0-75.0)',
    'Glucose                  88          mg/dL                (65-99)',
  ])));
  assert.ok(rows.includes('NEUT % | 51.9 | % | 40.0-75.0 | '), rows.join('\n'));
});

test("a range's low end whose point OCR lost after its leading 0 (\"070-1.33\") and the value that lost its point with it", () => {
  const rows = show(labResultRows(lines([
    'Test                  Result        Flag    Units        Reference Range',
    'Creatinine            119                   mg/dL        070-1.33',
    'Bilirubin, Total      0.6                   mg/dL        020-1.20',
    'Sodium                140                   mmol/L       135-146',
  ])));
  assert.ok(rows.includes('Creatinine | 1.19 | mg/dL | 0.70-1.33 | '), rows.join('\n'));
  assert.ok(rows.includes('Bilirubin, Total | 0.6 | mg/dL | 0.20-1.20 | '), rows.join('\n'));
});

test('the range read where the value stands, the value lost ("Globulin   Loar   1937   g/dL"), is no result', () => {
  const rows = show(labResultRows(lines([
    'Test                     Result         Reference               Units',
    'Globulin                 Loar           1937                    g/dL',
    'Albumin/Globulin Ratio   CU             1.025',
    'Albumin                  4.1            3.6-5.1                 g/dL',
    'Specific Gravity         1.025          1.005-1.030',
  ])));
  assert.ok(!rows.some((r) => r.startsWith('Globulin |')), rows.join('\n'));
  assert.ok(!rows.some((r) => r.startsWith('Albumin/Globulin')), rows.join('\n'));
  assert.ok(rows.some((r) => r.startsWith('Albumin | 4.1')), rows.join('\n'));
});

test("a bill's service line naming a test and a count between dollar amounts is no lab row", () => {
  const rows = show(labResultRows(lines([
    ' DOS          Proc   Description                          Units  Charge     Fee Sched   Reduction   Pay',
    ' 2021/12/09   85025  Complete CBC w/ auto diff WBC        1      $37.85     $17.90      $19.95      $14.32',
    ' 2021/12/09   80061  Lipid panel                          1      $56.13     $35.27      $20.86      $28.22',
  ])));
  assert.deepEqual(rows, []);
  // A result line with one price-like mark stays ("$1.9" is a misread 51.9).
  const one = show(labResultRows(lines(['TEST      RESULT   UNITS   REFERENCE', 'NEUT %    $1.9     %       (40.0-75.0)', 'Glucose   88       mg/dL   (65-99)'])));
  assert.ok(one.some((r) => r.startsWith('NEUT % | 51.9')), one.join('\n'));
});

test('the 1 of a test name read as a letter ("HGBALC", "Hemoglobin Alc") is the test', () => {
  const rows = show(labResultRows(lines([
    'TEST                 RESULT   UNITS    REFERENCE',
    '>>   HGBALC          7.9      %        <5.7',
    'Hemoglobin Alc       5.4      %        <5.7',
    'Glucose              88       mg/dL    65-99',
  ])));
  assert.ok(rows.some((r) => r.includes('| 7.9 | % | <5.7 | H')), rows.join('\n'));
  const loincs = labResultRows(lines(['TEST                 RESULT   UNITS    REFERENCE', '>>   HGBALC          7.9      %        <5.7', 'Hemoglobin Alc       5.4      %        <5.7'])).map((r) => r.loinc);
  assert.deepEqual(loincs, ['4548-4', '4548-4']);
});

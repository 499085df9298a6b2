/** Session 23 (OCR slips): lab rows through OCR (fresh caches h-3104, g-3205, m-2506, l-2606, i-3005, j-2905). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labResultRows } from './lab-results.js';
import type { Line } from './lines.js';

const lines = (rows: string[]): Line[] => rows.map((text, index) => ({ page: 1, index, text }));
const show = (rows: ReturnType<typeof labResultRows>) => rows.map((r) => [r.name, r.value, r.ucum ?? r.unit ?? '', r.range?.text ?? '', r.flag ?? ''].join(' | '));

test('dot leaders read as letters after a mixed-case name are no part of it; a real lower-case name word stays', () => {
  const rows = show(labResultRows(lines([
    'Test                                              Result   Units     Reference Range',
    'Red Blood Cell Count ......ccoovvericiinieecerieen. 4.71  M/uL       4.20-5.80',
    'Magnesium o.oo ceeesss                             2.1      mg/dL     1.5-2.5',
    'SodIUm oie                                         139      mmol/L    135-146',
    'Phosphorus ........c.ccovvevvemeeiee cessive sre   3.4      mg/dL     2.5-4.5',
    'Glucose fasting                                    88       mg/dL     65-99',
  ])));
  assert.ok(rows.some((r) => /^Red Blood Cell Count \| 4\.71 \|/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^Magnesium \| 2\.1 \|/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^SodIUm \| 139 \|/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^Phosphorus \| 3\.4 \|/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^Glucose fasting \| 88 \|/.test(r)), rows.join('\n'));
});

test('a test-code column whose heads OCR lost is told by its rows: the code, garbled or not, is no part of the name', () => {
  const rows = show(labResultRows(lines([
    'EMPLOYEE RESULTS',
    'WBC         WHITE BLOOD CELL COUNT                    6.1       x10E3/uL      3.8-10.8',
    'RBC         RED BLOOD CELL COUNT                      4.58      x10E6/uL      3.80-5.10',
    'ROW         RDW                                       12.9      %             11.0-15.0',
    'Mev         MCV                                       91.0      fL            80.0-100.0',
    'c02         CARBON DIOXIDE                            26        mmol/L        20-32',
    'BTL         BILIRUBIN, TOTAL                          0.6       mg/dL         0.2-1.2',
  ])));
  for (const want of [/^WHITE BLOOD CELL COUNT \| 6\.1 \|/, /^RED BLOOD CELL COUNT \| 4\.58 \|/, /^RDW \| 12\.9 \|/, /^MCV \| 91\.0 \|/, /^CARBON DIOXIDE \| 26 \|/, /^BILIRUBIN, TOTAL \| 0\.6 \|/]) {
    assert.ok(rows.some((r) => want.test(r)), `${want}\n${rows.join('\n')}`);
  }
  assert.equal(rows.length, 6, rows.join('\n'));
});

test('a flag column\'s arrow read as a point or colon before the value flags a value outside its range by the range; inside it, no flag', () => {
  const rows = show(labResultRows(lines([
    'TEST                                   FLAG   RESULT    UNITS       REF RANGE',
    'HEMOGLOBIN                             :      17.2      g/dL        11.7-15.5',
    'ALBUMIN                                .      3.1       g/dL        3.6-5.1',
    'UREA NITROGEN (BUN)                    . 31             mg/dL       7-25',
    'GLUCOSE                                .      84        mg/dL       65-99',
    'SODIUM                                        140       mmol/L      135-146',
  ])));
  assert.ok(rows.some((r) => /^HEMOGLOBIN \| 17\.2 \|.*\| H$/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^ALBUMIN \| 3\.1 \|.*\| L$/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^UREA NITROGEN \(BUN\) \| 31 \|.*\| H$/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^GLUCOSE \| 84 \|.*\| $/.test(r)), rows.join('\n'));
});

test('a trend grid\'s bracketed flag glued to its value ("21.9(L)") or its L read as a 1 ("29 (1)") is a cell: the newest column is read, with its flag', () => {
  const page = [
    '  Chemistry                            01/05/2023        06/18/2023        11/02/2023',
    '  Test               Reference         0612              0745              0801',
    '  Sodium             136-145 mmol/L    131(L)            139               133(L)',
    '  Calcium            8.5-10.2 mg/dL    8.1(L)            9.0               7.9 (1)',
    '  Albumin            3.5-5.0 g/dL      3.1 (L)           3.3(L)            4.0',
  ];
  const rows = labResultRows(lines(page)).map((r) => `${r.name}|${r.value}|${r.unit ?? ''}|${r.flag ?? ''}`);
  assert.deepEqual(rows, ['Sodium|133|mmol/L|L', 'Calcium|7.9|mg/dL|L', 'Albumin|4.0|g/dL|']);
});

test('a unit in brackets inside the name\'s cell, garbled by OCR ("(x10E3/ulL)", "(ulu/mL)"), is the row\'s unit, not part of its name', () => {
  const rows = show(labResultRows(lines([
    'TEST (UNITS)                                      RESULT             REFERENCE',
    'Absolute Monocytes (x10E3/ulL)                    0.5                0.2-1.0',
    'Absolute Neutrophils (x 10E3/ulL)                 4.1                1.5-7.8',
    'TSH (ulu/mL)                                      1.92               0.40-4.50',
    'Glucose (mg/dL)                                   91                 65-99',
  ])));
  assert.ok(rows.some((r) => /^Absolute Monocytes \| 0\.5 \| 10\*3\/uL/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^Absolute Neutrophils \| 4\.1 \| 10\*3\/uL/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^TSH \| 1\.92 \| u\[IU\]\/mL|^TSH \| 1\.92 \| uIU\/mL|^TSH \| 1\.92 \| m\[IU\]\/L/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^Glucose \| 91 \| mg\/dL/.test(r)), rows.join('\n'));
});

test('a value\'s point read as a space before its unit ("9 1 mg/dL", "2 79 mIU/L") is one number when its range speaks for the point; two results of a single-spaced trend row stay apart', () => {
  const rows = show(labResultRows(lines([
    'Test                             Result                         Reference',
    'Magnesium                        2 1 mg/dL                      1.5-2.5',
    'Albumin                          4 3 g/dL                       3.6-5.1',
    'Free T4                          1 32 ng/dL                     0.82-1.77',
    'Calcium                          9 4 mg/dL                      86-103',
    'Sodium                           140 mmol/L                     135-146',
  ])));
  assert.ok(rows.some((r) => /^Calcium \| 9\.4 \|/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^Magnesium \| 2\.1 \|/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^Albumin \| 4\.3 \|/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^Free T4 \| 1\.32 \|/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^Sodium \| 140 \|/.test(r)), rows.join('\n'));
  // A single-spaced trend row, the previous result after the current one, its range holding the whole value: no point.
  const flat = show(labResultRows(lines(['Test Result Previous Units Reference', 'Glucose 77 78 mg/dL 65-99', 'AST (SGOT) 20 20 U/L 10-40'])));
  assert.ok(!flat.some((r) => /77\.78|20\.2/.test(r)), flat.join('\n'));
});

test('in a urine panel a misread name is a urine test ("GIUCOSE   Negative"), and a urine test\'s leader read as letters is dropped ("Nitrite o.oo")', () => {
  const rows = labResultRows(lines([
    'Test                                              Result        Units     Reference',
    'Urinalysis, Complete',
    '  GIUCOSE viii cee                                Negative                Negative',
    '  Nitrite o.oo                                    Negative                Negative',
    '  Bilirubin .....oeiiiiiie cece                   Negative                Negative',
  ]));
  const loincs = rows.map((r) => `${r.value}|${r.loinc}`);
  // Urine glucose, urine nitrite and urine bilirubin (test strip), each as printed.
  assert.deepEqual(loincs, ['Negative|25428-4', 'Negative|5802-4', 'Negative|5770-3']);
});

test('a trend grid\'s head date whose slashes OCR lost or read as 1 / 7 ("10117722") still heads its column: the newest column is read', () => {
  const page = [
    '  Lipid Panel                                         6/8/22               10117722              11/28/22',
    '  Component                 Ref Range & Units         0754                 0749                  0853',
    '  Triglycerides             <150 mg/dL                151 (H)              166 (H)               172 (H)',
    '  Chol/HDLC Ratio           <5.0                      3.7                  4.1                   4.4',
  ];
  const rows = labResultRows(lines(page)).map((r) => `${r.name}|${r.value}|${r.flag ?? ''}`);
  assert.deepEqual(rows, ['Triglycerides|172|H', 'Chol/HDLC Ratio|4.4|']);
});

test('a result or a flag printed before the name is no code column: rows printing the value first, or a flag column first, are read as before', () => {
  const first = show(labResultRows(lines([
    'RESULT            FLAG        TEST                                   UNITS       REFERENCE RANGE',
    '        343                   PLATELET COUNT                         K/uL        140-400',
    '        141                   SODIUM                                 mmol/L      135-146',
    '         99                   CHLORIDE                               mmol/L      98-110',
    '        4.2                   POTASSIUM                              mmol/L      3.5-5.3',
  ])));
  assert.ok(first.some((r) => /^PLATELET COUNT \| 343 \|/.test(r)), first.join('\n'));
  assert.ok(first.some((r) => /^SODIUM \| 141 \|/.test(r)), first.join('\n'));
  const flagged = show(labResultRows(lines([
    'H        GLUCOSE                  105       mg/dL       65-99',
    'L        SODIUM                   131       mmol/L      135-146',
    'H        POTASSIUM                5.6       mmol/L      3.5-5.3',
    '         CHLORIDE                 101       mmol/L      98-110',
  ])));
  assert.ok(flagged.some((r) => /^GLUCOSE \| 105 \|.*\| H$/.test(r)), flagged.join('\n'));
  assert.ok(flagged.some((r) => /^SODIUM \| 131 \|.*\| L$/.test(r)), flagged.join('\n'));
});

/**
 * Session 21: the classes set-j (j-2901, ground-truth text) showed. Each layout here is written for the class, not
 * copied from the set's templates; every test fails on the code before (31b108d).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labResultRows } from './lab-results.js';
import { type Line } from './lines.js';

const lines = (rows: string[]): Line[] => rows.map((text, index) => ({ page: 1, index, text }));
const show = (rows: ReturnType<typeof labResultRows>) => rows.map((r) => `${r.name}|${r.value}|${r.unit ?? ''}|${r.flag ?? ''}`);

test('session 21 (set-j): a caption between the test name and its value ("Your value") and status words for in / out of range', () => {
  const page = [
    '  Wellness screening results                                    Member copy',
    '  Hemoglobin A1c                  Your value   6.1 %                          Outside reference range',
    '                                  Normal range 4.0-5.6 %',
    '  Ferritin                        Your value   88 ng/mL                       Within normal range',
    '                                  Normal range 20-300 ng/mL',
    '  Potassium                       Your value:  3.2 mmol/L                     Below standard range',
    '  Urine Protein                   Result:      Negative                       Within normal limits',
  ];
  assert.deepEqual(show(labResultRows(lines(page))), ['Hemoglobin A1c|6.1|%|H', 'Ferritin|88|ng/mL|', 'Potassium|3.2|mmol/L|L', 'Urine Protein|Negative||']);
});

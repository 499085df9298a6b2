/**
 * Session 23: the classes set-f (post-acute and long-term care; f-3301, ground-truth text) showed. Each layout here is
 * written for the class, not copied from the set's templates; every test fails on the code before (be18289).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labResultRows } from './lab-results.js';
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

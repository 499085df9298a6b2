/**
 * Session 21: the classes set-i (i-3001, ground-truth text: legacy and dense print technologies) showed. Each layout here
 * is written for the class, not copied from the set's templates (other captions, codes, names and numbers); every test
 * fails on the code before (492b9d6).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabRows } from './labs.js';
import { type Line } from './lines.js';

const lines = (rows: string[]): Line[] => rows.map((text, index) => ({ page: 1, index, text }));
const got = (page: string[]) => parseLabRows(lines(page)).map((r) => `${r.name}|${r.value}|${r.unit ?? ''}|${r.range?.text ?? ''}|${r.flag ?? ''}`);

test('session 21 (set-i): a short specimen / source code cell between the name and the value is not part of the name', () => {
  const page = [
    'TEST NAME                  SRC     RESULT   FLG  UNITS       NORMAL RANGE       DRAWN',
    '---------------------------------------------------------------------------------------',
    '== BASIC METABOLIC ==',
    'SODIUM                     SER        138        mmol/L      136-145            0612 0705',
    'POTASSIUM                  SER        5.6   H    mmol/L      3.5-5.1            0612 0705',
    'GLUCOSE                    SER         64   L    mg/dL       70-99              0612 0705',
    'EGFR                       SER         88        mL/min/1.73 >60                0612 0705',
    'HEMOGLOBIN A1C             WB         6.1   H    %           4.0-5.6            0612 0705',
    'PROTEIN                    UR         NEG                    NEG                0612 0705',
  ];
  assert.deepEqual(got(page), [
    'SODIUM|138|mmol/L|136-145|',
    'POTASSIUM|5.6|mmol/L|3.5-5.1|H',
    'GLUCOSE|64|mg/dL|70-99|L',
    'EGFR|88|mL/min/1.73|>60|',
    'HEMOGLOBIN A1C|6.1|%|4.0-5.6|H',
    'PROTEIN|NEG||NEG|',
  ]);
});

test('session 21 (set-i): a flag printed in a leading column before the name as arrows or stars (>> / << / **)', () => {
  const page = [
    'FL  ANALYTE                 VALUE    UNITS        REF',
    '--  ------------------------------------------------------',
    '    LIPID PROFILE',
    '>>      CHOLESTEROL          242      mg/dL        (0-199)',
    '    HDL                       48      mg/dL        (>39)',
    '<<  POTASSIUM                3.1      mmol/L       (3.5-5.3)',
    '**  NITRITE                  POSITIVE              (NEGATIVE)',
    '>   TSH                      6.20     uIU/mL       (0.40-4.50)',
  ];
  assert.deepEqual(got(page), [
    'CHOLESTEROL|242|mg/dL|0-199|H',
    'HDL|48|mg/dL|>39|',
    'POTASSIUM|3.1|mmol/L|3.5-5.3|L',
    'NITRITE|POSITIVE||NEGATIVE|A',
    'TSH|6.20|uIU/mL|0.40-4.50|H',
  ]);
});

test('session 21 (set-i): a ratio whose name begins with a slashed word, printed in the second column after a complete row, is read', () => {
  const page = [
    'Component                Result   Units     Normal           Component              Result   Units    Normal',
    'Hematocrit               41.2     %         35.0-45.0        Chol/HDLC Ratio        4.1               0.0-5.0',
    'Platelets                233      K/uL      140-400          Albumin/Globulin Ratio 1.6               1.1-2.5',
  ];
  assert.deepEqual(got(page), [
    'Hematocrit|41.2|%|35.0-45.0|',
    'Chol/HDLC Ratio|4.1||0.0-5.0|',
    'Platelets|233|K/uL|140-400|',
    'Albumin/Globulin Ratio|1.6||1.1-2.5|',
  ]);
});

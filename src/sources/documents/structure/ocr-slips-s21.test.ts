/**
 * Session 21: lab results lost through OCR on fresh seeds (m-2504, l-2604, k-2803, n-2404, o-2303, p-2104), each class
 * mended by a general rule. Layouts here are written for the class (other names, numbers and captions than the sets
 * print), single-spaced or column-spaced as OCR prints them; every test fails on the code before (31b108d).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabRows } from './labs.js';
import type { Line } from './lines.js';

const lines = (rows: string[]): Line[] => rows.map((text, index) => ({ page: 1, index, text }));
const brief = (rows: ReturnType<typeof parseLabRows>) => rows.map((r) => `${r.loinc ?? r.name} ${r.value} ${r.ucum ?? ''} ${r.flag ?? ''}`.trim());

test('session 21: a consumer print whose "Your Value / Standard Range" caption row OCR garbled keeps each test name over its value line', () => {
  const page = [
    'Lab Results',
    '  Potassium',
    '               Yo Vaile                              Stardand Rnge',
    '  4.9 mmol/L                             3.5 - 5.3 mmol/L',
    '  Albumin',
    '               10 Va                                 Sta tat Rane',
    '  3.1 g/dL                               3.6 - 5.1 g/dL',
    '  Hemoglobin A1c',
    '               Your Value                            Standard Range',
    '  6.1 %                                  4.0 - 5.6 %',
  ];
  const rows = parseLabRows(lines(page));
  assert.deepEqual(
    rows.map((r) => [r.name, r.value, r.ucum]),
    [['Potassium', '4.9', 'mmol/L'], ['Albumin', '3.1', 'g/dL'], ['Hemoglobin A1c', '6.1', '%']],
  );
  // A line of words under a name that is followed by no value line is not skipped over: nothing is read.
  assert.deepEqual(parseLabRows(lines(['  Potassium', '    Yo Vaile     Stardand Rnge', '  see comment below'])), []);
});

test('session 21: a per-result detail print whose part captions OCR garbled ("RESLY  LAO  UNITS  REFERENCE RANGE  STATUS") reads each test over its values', () => {
  const page = [
    'Result Detail',
    '  Magnesium',
    '  RESLY            LAO             UNITS            REFERENCE RANGE         STATUS',
    '  2.7              High            mg/dL            1.6-2.4                 Final',
    '  Phosphorus',
    '  REBT             FLAG            nas              REF ERENCE RANGE        STATUS',
    '  3.1                              mg/dL            2.5-4.5                 Final',
    '  Urine Color',
    '  Yellow           Yellow',
  ];
  const rows = parseLabRows(lines(page));
  assert.deepEqual(brief(rows).slice(0, 2), ['19123-9 2.7 mg/dL H', '2777-1 3.1 mg/dL']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabRows } from './labs.js';
import type { Line } from './lines.js';

const lines = (text: string, page = 1): Line[] => text.split('\n').map((t, index) => ({ page, index, text: t }));
const pick = (text: string) => parseLabRows(lines(text)).map((r) => [r.name, r.value, r.flag ?? null]);

test('a flag word between stars on a slip (value line under its name line) is the flag', () => {
  assert.deepEqual(
    pick(`GLUCOSE
  151 mg/dL            *HI*
  Ref: 65 - 99
SODIUM
  142 mmol/L
  Ref: 135 - 146
POTASSIUM
  3.1 mmol/L           *LO*
  Ref: 3.5 - 5.3
CALCIUM
  11.2 mg/dL           *HI
  Ref: 8.6 - 10.3`),
    [
      ['GLUCOSE', '151', 'H'],
      ['SODIUM', '142', null],
      ['POTASSIUM', '3.1', 'L'],
      ['CALCIUM', '11.2', 'H'],
    ],
  );
});

test('a +/- flag column between the units and the range reads H / L from the side the value lies on', () => {
  assert.deepEqual(
    pick(`Lab                         Result     Units        Flag     Goal
Hemoglobin                  14.6       g/dL                  13.2-17.1
Iron, Total                 223        ug/dL         +       45-160
Ferritin                    19         ng/mL         -       38-380
Albumin                     3.1        g/dL          –       3.5-5.0
Triglycerides               210        mg/dL         +       <150`),
    [
      ['Hemoglobin', '14.6', null],
      ['Iron, Total', '223', 'H'],
      ['Ferritin', '19', 'L'],
      ['Albumin', '3.1', 'L'],
      ['Triglycerides', '210', 'H'],
    ],
  );
});

test('a lone dash beside a value inside its range is an empty cell, not a flag', () => {
  assert.deepEqual(pick(`Lab                         Result     Units        Flag     Goal
Sodium                      140        mmol/L        -       135-145
Ferritin                    90         ng/mL         -       38-380`), [
    ['Sodium', '140', null],
    ['Ferritin', '90', null],
  ]);
});

test("a slip's labelled reference on the line under the value line is the row's range", () => {
  assert.deepEqual(
    parseLabRows(lines(`GLUCOSE
  151 mg/dL            *HI*
  Ref: 65 - 99
EGFR
  91 mL/min/1.73 m2
  Ref: >=60
HEMOGLOBIN A1c
  8.1 %                *HI*
  Ref: <5.7`)).map((r) => [r.name, r.range?.text ?? null, r.range?.low ?? null, r.range?.high ?? null]),
    [
      ['GLUCOSE', '65-99', 65, 99],
      ['EGFR', '>=60', 60, null],
      ['HEMOGLOBIN A1c', '<5.7', null, 5.7],
    ],
  );
});

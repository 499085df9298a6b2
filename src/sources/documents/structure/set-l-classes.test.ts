/**
 * Classes of layout set-l (scripts/faxgen-set-l) showed we did not read (session 20), each as a
 * small layout of its own, not set-l's strings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Line } from './lines.js';
import { dayFirstDotted, dottedOrder } from './dotted-dates.js';
import { labResultRows } from './lab-results.js';
import { findServiceDate } from './service-date.js';

const toLines = (texts: string[], page = 1): Line[] => texts.map((text, index) => ({ page, index, text }));
const show = (rows: ReturnType<typeof labResultRows>) => rows.map((r) => [r.name, r.value, r.unit ?? '', r.range?.text ?? '', r.flag ?? ''].join(' | '));

test('a unit with its reference range glued after it in brackets: unit, range and the flag after them read', () => {
  const rows = labResultRows(toLines([
    'TEST                        RESULT    UNITS(REF RANGE)          FLAG',
    'SODIUM                      141       mmol/L(136-145)',
    'MAGNESIUM                   2.9       mg/dL(1.6-2.6)            (H)',
    'HEMOGLOBIN A1c              6.1       %(<5.7)                   (H)',
    'EGFR                        92        mL/min/1.73(>=60)',
    'PLATELET COUNT              131       x10E3/uL(150-400)         (L)',
    'FERRITIN                    88        ng/mL[30-400]',
  ]));
  assert.deepEqual(show(rows), [
    'SODIUM | 141 | mmol/L | 136-145 | ',
    'MAGNESIUM | 2.9 | mg/dL | 1.6-2.6 | H',
    'HEMOGLOBIN A1c | 6.1 | % | <5.7 | H',
    'EGFR | 92 | mL/min/1.73 | >=60 | ',
    'PLATELET COUNT | 131 | x10E3/uL | 150-400 | L',
    'FERRITIN | 88 | ng/mL | 30-400 | ',
  ]);
});

test('brackets that are no range stay with the unit or name they close', () => {
  const rows = labResultRows(toLines([
    'Test                      Result    Units        Range',
    'Vitamin D(25-OH)          31        ng/mL        30-100',
    'BUN/Creatinine Ratio      18        (calc)       6-22',
  ]));
  assert.deepEqual(rows.map((r) => [r.name, r.value, r.range?.text]), [['Vitamin D(25-OH)', '31', '30-100'], ['BUN/Creatinine Ratio', '18', '6-22']]);
  assert.equal(rows[0]?.unit, 'ng/mL');
});

test('an out-of-range Y/N column: Y flags the row (a word result A, a number its side of the range), N none', () => {
  const rows = labResultRows(toLines([
    '                                                                              Out of',
    'Test                      Result            Units      Reference              range? Y/N   Tech',
    '',
    'Potassium                 5.9               mmol/L     3.5-5.3                Y            AB',
    'Sodium                    139               mmol/L     135-146                N            AB',
    'Clarity                   Turbid                       Clear                  Y            AB',
    'Color                     Yellow                       Yellow                 N            AB',
  ]));
  assert.deepEqual(show(rows), [
    'Potassium | 5.9 | mmol/L | 3.5-5.3 | H',
    'Sodium | 139 | mmol/L | 135-146 | ',
    'Clarity | Turbid |  | Clear | A',
    'Color | Yellow |  | Yellow | ',
  ]);
});

test('a value below zero in its own cell is a result', () => {
  const rows = labResultRows(toLines([
    'Test                         Result      Units       Reference',
    'Anion Gap                    -1          mmol/L      3-11',
    'Sodium                       140         mmol/L      135-145',
  ]));
  assert.deepEqual(show(rows), ['Anion Gap | -1 | mmol/L | 3-11 | L', 'Sodium | 140 | mmol/L | 135-145 | ']);
  assert.equal(rows[0]?.numeric, -1);
});

test('a payer EOB: the service lines\' compact MMDDYY date, not the header\'s processed date', () => {
  const text = toLines([
    'EXPLANATION OF BENEFITS                         DATE: 030524',
    'MEMBER: DOE JANE                                ID: XYZ123456',
    'SERVICE DATES PROC       CHARGE   ALLOWED   DEDUCT   PLAN PAYS',
    'FROM   TO',
    '021224 021224 99213      150.00    95.00     20.00     75.00',
    '021224 021224 80053       60.00    30.00      0.00     30.00',
    'TOTALS                   210.00   125.00     20.00    105.00',
  ]);
  assert.equal(findServiceDate(text, 'insurance_billing', undefined, '2024-03-10'), '2024-02-12');
});

test('all-ambiguous dotted dates on a page read day first when the transmission\'s other pages write day first', () => {
  const other = 'Name: DOE Jane   Born: 29.02.1956\nCollected 22.03.2022 10:48';
  const page = 'Name: ROE Walter   Born: 04.05.1962\nCollected 11.10.2022 11:37';
  assert.match(dayFirstDotted(page, new Set(), dottedOrder(other)), /Born: 1962-05-04[\s\S]*Collected 2022-10-11/);
  // A transmission that also prints a month-first dotted date, or none that decides, leaves the page month first.
  assert.equal(dayFirstDotted(page, new Set(), dottedOrder(`${other}\nReported 03.23.2022`)), page);
  assert.equal(dayFirstDotted(page, new Set(), dottedOrder('Seen 03.04.2022')), page);
});

/**
 * Classes of layout set-p (scripts/faxgen-set-p) showed we did not read (session 19), each as a
 * small layout of its own, not set-p's strings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Line } from './lines.js';
import { labResultRows } from './lab-results.js';

const toLines = (texts: string[], page = 1): Line[] => texts.map((text, index) => ({ page, index, text }));
const show = (rows: ReturnType<typeof labResultRows>) => rows.map((r) => [r.name, r.value, r.unit ?? '', r.range?.text ?? '', r.flag ?? ''].join(' | '));

test('a result block: the test name alone, a row of part captions, the values under the captions', () => {
  const rows = labResultRows(toLines([
    'Complete Blood Count',
    '',
    '  Leukocytes',
    '  VALUE            ABN             UNITS            NORMAL RANGE          STATUS',
    '',
    '  11.9             HI              K/uL             4.0 - 11.0            Final',
    '',
    '  Hemoglobin',
    '  VALUE            ABN             UNITS            NORMAL RANGE          STATUS',
    '',
    '  13.1                             g/dL             12.0 - 15.5           Final',
    '',
    '  Sodium',
    '  Result    Flag    Units    Reference Range',
    '  139               mmol/L   135 - 145',
    '  Nitrite',
    '  Result    Flag    Units    Reference Range',
    '  POSITIVE  Abnl             Negative',
  ]));
  assert.deepEqual(show(rows).map((s) => s.split(' | ').slice(1, 4).join(' | ')), ['11.9 | K/uL | 4.0-11.0', '13.1 | g/dL | 12.0-15.5', '139 | mmol/L | 135-145', 'POSITIVE |  | Negative']);
  assert.equal(rows[0]!.flag, 'H');
  // "Abnl", the abnormal flag's short spelling.
  assert.equal(rows[3]!.flag, 'A');
});

test('a summary box of out-of-range results, then the full table: each result once', () => {
  const rows = labResultRows(toLines([
    'CRITICAL / ABNORMAL VALUES',
    '  Glucose            212 mg/dL        H      70-99',
    '  Hemoglobin         9.8 g/dL         L      12.0-15.5',
    '',
    'Test                 Result   Flag   Units    Reference',
    'Glucose              212      H      mg/dL    70-99',
    'Sodium               140             mmol/L   135-145',
    'Hemoglobin           9.8      L      g/dL     12.0-15.5',
  ]));
  assert.deepEqual(show(rows).map((s) => s.split(' | ').slice(1).join(' | ')), ['212 | mg/dL | 70-99 | H', '140 | mmol/L | 135-145 | ', '9.8 | g/dL | 12.0-15.5 | L']);
  assert.deepEqual(rows.map((r) => r.lineIndex), [5, 6, 7]);
});

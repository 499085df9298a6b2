/**
 * Classes the held-out seeds of sets l and m showed (session 20), each as a small layout of its own,
 * not the templates' strings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Line } from './lines.js';
import { labResultRows } from './lab-results.js';

const toLines = (texts: string[], page = 1): Line[] => texts.map((text, index) => ({ page, index, text }));
const show = (rows: ReturnType<typeof labResultRows>) => rows.map((r) => [r.name, r.value, r.unit ?? '', r.range?.text ?? '', r.flag ?? ''].join(' | '));

test('an interpretation column printing the side as a word before the value: Above -> H, Below -> L; unflagged rows stay so', () => {
  const rows = labResultRows(toLines([
    'Analyte                      Interpretation   Value      Units        Reference',
    'Thyroid Stimulating Hormone  Above            6.81       mIU/L        0.45-4.50',
    'Ferritin                     Below            9          ng/mL        30-400',
    'Sodium                                        140        mmol/L       136-145',
    'Hematocrit                                    37.2       %            38.3-48.6',
    'Occult Blood                 Abnormal         Positive                Negative',
  ]));
  assert.deepEqual(show(rows), [
    'Thyroid Stimulating Hormone | 6.81 | mIU/L | 0.45-4.50 | H',
    'Ferritin | 9 | ng/mL | 30-400 | L',
    'Sodium | 140 | mmol/L | 136-145 | ',
    'Hematocrit | 37.2 | % | 38.3-48.6 | ',
    'Occult Blood | Positive |  | Negative | A',
  ]);
});

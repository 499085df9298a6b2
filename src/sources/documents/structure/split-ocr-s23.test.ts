/** Session 23 (OCR slips): splitting through OCR (fresh cache j-2905). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExtractedPage } from '../../../core/types.js';
import { structureTransmission } from './index.js';

const page = (n: number, text: string): ExtractedPage => ({ page: n, text, method: 'ocr' });
const ranges = (pages: ExtractedPage[]) => (structureTransmission(pages).segments ?? []).map((s) => [s.firstPage, s.lastPage]);

const slip = (coll: string, rows: string[], foot: string) =>
  [
    'Lakeshore Works Clinic - EMPLOYEE HEALTH',
    'EMPLOYEE LAB RESULTS',
    'EMPLOYEE: DOE, JANE Q                                          DOB: 04121979   SEX: F',
    `COLL: ${coll} 08:10   REC: ${coll}                          ORDERED BY: TESTER, ANN`,
    'TEST                                     RESULT      UNITS       REF RANGE',
    ...rows,
    `DOE, JANE Q 04121979                                                          ${foot}`,
  ].join('\n');

test('two lab slips of one patient in a row, each dated by its `COLL:` label, are two documents (their footers\' page counts lost)', () => {
  const p1 = slip('03/02/2023', ['GLUCOSE                                  92          mg/dL       65-99', 'SODIUM                                   139         mmol/L      135-146'], '1');
  const p2 = slip('09/14/2022', ['GLUCOSE                                  88          mg/dL       65-99', 'POTASSIUM                                4.1         mmol/L      3.5-5.3'], '1');
  assert.deepEqual(ranges([page(1, p1), page(2, p2)]), [[1, 1], [2, 2]]);
});

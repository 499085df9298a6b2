/**
 * Session 23: the classes set-d (d-3501, ground-truth text, scored blind) showed. Each layout here is written for the
 * class, not copied from a set-d template.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify } from './classify.js';
import type { Line } from './lines.js';

const lines = (text: string): Line[] => text.split('\n').map((t, index) => ({ page: 1, index, text: t }));

test('session 23 (set-d): a delivery page with From / To cards, fax numbers printed "(area) exchange-line" and a page count is a cover sheet, whatever it says is enclosed', () => {
  const text = [
    'Encrypted Transmission                                  relayed by an online fax service',
    'SENDER                                                  RECIPIENT',
    'Lakeside Family Medicine                                Dr. Carol Testwood',
    'Jo Samplewright',
    'Tel (312) 555-0199                                      Fax (312) 555-0123',
    'Fax (312) 555-0188',
    'Submitted 2023-08-02 14:05 · 3 pages total · Ref AB12345678',
    'Enclosed items',
    'Carol Patientson - lab results / medication list',
    'Comments',
    'Lab results for your review.',
  ].join('\n');
  assert.equal(classify(lines(text)).type, 'fax_cover_sheet');
});

test('session 23 (set-d): column heads under a section titled by a test name are no block: the test gets no result "Units"', async () => {
  const { parseLabBlocks, columnHeadRow, lineFields } = await import('./lab-blocks.js');
  const page = ['LIPID PANEL', 'Analyte          Result     Units     Reference Range', 'HDL Cholesterol   52   mg/dL   >39', '', 'Hemoglobin A1c', 'Name             Result     Units     Ref Range', 'Hemoglobin A1c    6.1 H    %    <5.7'];
  const rows = parseLabBlocks(lines(page.join('\n')));
  assert.deepEqual(rows.map((r) => r.value), []);
  assert.equal(columnHeadRow('Result     Units     Ref Range', lineFields('Result     Units     Ref Range')), true);
  // A block's colon-less line printing values stays a block line.
  assert.equal(columnHeadRow('Result   6.1 %   Range   4.0-5.6', lineFields('Result   6.1 %   Range   4.0-5.6')), false);
  const block = parseLabBlocks(lines(['Hemoglobin A1c', 'Result: 6.1 %   Reference Range: 4.0-5.6'].join('\n')));
  assert.deepEqual(block.map((r) => [r.name, r.value]), [['Hemoglobin A1c', '6.1']]);
});

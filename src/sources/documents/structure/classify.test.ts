/** Document type from keyword evidence (classify.ts): cases session 17 showed through OCR. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify } from './classify.js';
import type { Line } from './lines.js';

const lines = (text: string): Line[] => text.split('\n').map((t, index) => ({ page: 1, index, text: t }));

test('session 17: a routing sheet from a radiology practice, its field labels lost, is a cover sheet: the letterhead names the sender, not the page', () => {
  const text = [
    'Bluebell Radiology Associates',
    '9495 Hillcrest Way, Clinton, IA 52732',
    'OUTGOING FAX - ROUTING SHEET                 (ATEN',
    'Reciplent Fax                        (563) 555-0132',
    'Sent                                   Mon 11/07/2022 7:20 AM',
    '3 (including this routing sheet)',
    'Bryan Trialelli - imaging report',
    'STAT - please deliver immediately',
    'Results attached for. your review. Thank you.',
    'prohibited. If received in error, call (563) 555-0156 and destroy all pages',
  ].join('\n');
  assert.equal(classify(lines(text)).type, 'fax_cover_sheet');
  // The practice's own report under the same letterhead stays a radiology report.
  const report = ['Bluebell Radiology Associates                        DIAGNOSTIC IMAGING REPORT', 'EXAM DATE:         2022/10/24 08:01', 'EXAMINATION:       XR CHEST 2 VIEWS', 'FINDINGS:', 'IMPRESSION:'].join('\n');
  assert.equal(classify(lines(report)).type, 'radiology_report');
});

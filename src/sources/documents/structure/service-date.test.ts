/** Date of service by document type (service-date.ts): layouts and OCR slips session 17 showed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Line } from './lines.js';
import { findServiceDate } from './service-date.js';

const lines = (text: string): Line[] => text.split('\n').map((t, index) => ({ page: 1, index, text: t }));

test('session 17: a discharge summary whose stay is an encounter\'s range ("from Sep 18, 2022 to Sep 19. 2022") is of its end', () => {
  const text = [
    'Discharge Summary',
    'Patient                  Randy Mockcoft                    Date of birth          Mar 16. 1932',
    'Encounter            Inpatient. Willow Creek Community Hospital, from Sep 18, 2022 to Sep 19. 2022',
    'Author                Andrew Fouxova, MD (Attending)        Document           Sep 19. 2022 15:28',
    'Reason for Admission',
    'Substernal chest pressure at rest.',
  ].join('\n');
  assert.equal(findServiceDate(lines(text), 'discharge_summary', '1932-03-16'), '2022-09-19');
  // A range opening with no date is no stay ("from home to rehab").
  assert.equal(findServiceDate(lines('Discharge Summary\nTransferred from home to rehab on 03/02/2023\nSeen 03/01/2023'), 'discharge_summary'), '2023-03-02');
});

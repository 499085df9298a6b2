/** Session 19 (set-o classes): a fixed-width remittance's service line, its amounts printed without a dollar sign. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Line } from './lines.js';
import { findServiceDate } from './service-date.js';

const lines = (text: string): Line[] => text.split('\n').map((t, index) => ({ page: 1, index, text: t }));

test('a remittance advice is of its service line\'s date (a line opening with a date, money amounts after it), not its print date', () => {
  const text = [
    'REMITTANCE ADVICE      PROVIDER NO. 684830123      RA NO. 8529009      DATE 02/11/25',
    'RECIP NAME: FAKESFORD RAYMOND   RECIP ID: XYG813729098   DOB: 04/03/62',
    'SVC DATE PROC       BILLED ALLOWED       DED    COPAY     PAID EOB',
    '------------------------------------------------------------------',
    '12/17/24 71046      119.63    80.28    80.28     0.00    80.28 0045',
    'CLAIM TOT           119.63    80.28    80.28     0.00    80.28',
    '  RA 02/11/25                                               PAGE 1',
  ].join('\n');
  assert.equal(findServiceDate(lines(text), 'insurance_billing', '1962-04-03'), '2024-12-17');
  // One number after a date is no service line (a check number, a count).
  assert.equal(findServiceDate(lines('Statement date: 03/01/2025\n02/11/25 CHECK 2254.00'), 'insurance_billing'), '2025-03-01');
});

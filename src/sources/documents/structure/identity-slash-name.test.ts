/** Session 19 (set-o classes): LAST/FIRST (slash form) after a name label. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPatient } from './identity.js';
import type { Line } from './lines.js';

const lines = (text: string, page = 1): Line[] => text.split('\n').map((t, index) => ({ page, index, text: t }));

test('a name label before LAST/FIRST (slash form of analyzer slips and tickets) names the patient', () => {
  const p = findPatient(lines(`EXPRESS POINT-OF-CARE
==========================
PT: TESTWELL/DENNIS
DOB 14SEP1965 SEX M
Run 14MAR24 08:15`), 1);
  assert.equal(p.family, 'Testwell');
  assert.equal(p.given?.[0], 'Dennis');
  const q = findPatient(lines(`Name: DOE/JANE M     Sex: F`), 1);
  assert.equal(q.family, 'Doe');
  assert.equal(q.given?.[0], 'Jane');
});

/** Session 15 (issue 5): identity labels printed with dot leaders (identity.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPatient } from './identity.js';
import type { Line } from './lines.js';

const lines = (text: string, page = 1): Line[] => text.split('\n').map((t, index) => ({ page, index, text: t }));

test('a label\'s dot leader before its colon ("PATIENT....: SPECIMENFORD, KWAME A") is the label', () => {
  const p = findPatient(lines(`                                  JUNIPER HILLS PRIMARY CARE ASSOCIATES
                                              PATIENT RESULT REPORT - FINAL
  PATIENT....: SPECIMENFORD, KWAME A                ACCT #.....: 59047515
  BIRTHDATE..: 15-JUN-1992 SEX: M AGE: 29              CHART #....: E1442130
  PHYSICIAN..: PROXYMORE, KYLE MD                   ACCESSION..: FD171730`), 1);
  assert.equal(p.family?.toLowerCase(), 'specimenford');
  assert.equal(p.birthDate, '1992-06-15');
});

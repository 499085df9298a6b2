/** Session 24 (OCR slips): identity through OCR (fresh caches d-3504, e-3404, f-3304, g-3207, h-3106). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPatient } from './identity.js';
import type { Line } from './lines.js';

const lines = (rows: string[]): Line[] => rows.map((text, index) => ({ page: 1, index, text }));

test('a masked SSN read with a space beside a dash, on a row OCR indented, still parts the name from the birth date', () => {
  const p = findPatient(lines([
    '        RIVERSIDE VA MEDICAL CENTER - RADIOLOGY',
    '                          Radiology Report',
    '          DOE, JANE                             XXX -XX-1234   DOB-MAR 04,1950',
    '          Exm Date: MAY 26, 2023 08:54',
  ]), 1);
  assert.equal(p.family, 'Doe');
  assert.deepEqual(p.given, ['Jane']);
  assert.equal(p.birthDate, '1950-03-04');
});

test('"born" read as "bom" after a dot read as a colon ("Re: Your results - Jane Roe : bom 3/26/1968") names the patient and her birth date', () => {
  const p = findPatient(lines([
    '       May 11, 2022',
    '       Dear patient,',
    '       Re: Your laboratory results - Jane Roe : bom 3/26/1968',
  ]), 1);
  assert.equal(p.family, 'Roe');
  assert.deepEqual(p.given, ['Jane']);
  assert.equal(p.birthDate, '1968-03-26');
  // "bom" with no date after it is no birth label.
  const q = findPatient(lines(['       Re: Your laboratory results - Jane Roe : bom again']), 1);
  assert.equal(q.birthDate, undefined);
});

test('the MRN caption a letter off in capitals before the number ("MAN 2234492") ends the name', () => {
  const p = findPatient(lines(['  Nephrology Return Visit', '  Patient: Jane Roe MAN 2234492 Sex: F   DOB: 09/22/1931']), 1);
  assert.equal(p.family, 'Roe');
  assert.deepEqual(p.given, ['Jane']);
});

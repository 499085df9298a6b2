/** Session 17 (issue 5): patient identity through OCR and on text layers (identity.ts, birth-date.ts, patient-name.ts, name-spelling.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPatient } from './identity.js';
import type { Line } from './lines.js';

const lines = (text: string, page = 1): Line[] => text.split('\n').map((t, index) => ({ page, index, text: t }));

test('a birth date padded far from its label by a wide caption column ("D.O.B.:" and 30 spaces) is read whole, not cut after its month', () => {
  const p = findPatient(lines(`Name (Last, First, MI):               DOE, JANE                                               Accession:                 TN101447P
D.O.B.:                               2022/11/19           Sex: F                                     Collected:                 2024/07/28 09:15`), 1);
  assert.equal(p.birthDate, '2022-11-19');
});

test('a caps Patient label whose colon OCR lost, before a "LAST, FIRST" name ("PATIENT SMITH, JOHN | MR# ...") names the patient', () => {
  const p = findPatient(lines(`A Stonebridge Imaging Center                                        DIAGNOSTIC IMAGING REPORT
PATIENT PSEUDOVALE, JOSHUA | MR# E9050031 DOB 19920511 | AGE 29 | SEXM
EXAM DATE:         202111251138                                                         ACCESSION:         473094065`), 1);
  assert.equal(p.family, 'Pseudovale');
  assert.equal(p.given?.[0], 'Joshua');
  assert.equal(p.birthDate, '1992-05-11');
});

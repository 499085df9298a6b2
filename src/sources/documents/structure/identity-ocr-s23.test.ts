/** Session 23 (OCR slips): identity and dates through OCR (fresh caches h-3104, g-3205, m-2506, l-2606, i-3005, j-2905). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { birthDatesOnLine } from './birth-date.js';
import { findPatient } from './identity.js';
import { findServiceDate } from './service-date.js';
import type { Line } from './lines.js';

const lines = (rows: string[]): Line[] => rows.map((text, index) => ({ page: 1, index, text }));

test('a birth date\'s slash read as a bracket or a bar ("DOB: 02[14/1976", "09/12|1945") is a slash', () => {
  assert.deepEqual(birthDatesOnLine('  Jane Q. Doe DOB: 03[21/1968 Sex: F Acct # E1', undefined).map((d) => d.date), ['1968-03-21']);
  assert.deepEqual(birthDatesOnLine('  Jane Q. Doe DOB: 11/05|1950 Sex: F', undefined).map((d) => d.date), ['1950-11-05']);
  // No date is made of a day no month has.
  assert.deepEqual(birthDatesOnLine('  Jane Q. Doe DOB: 02[31/1968 Sex: F', undefined), []);
});

test('a Name caption\'s order words a letter off ("Name (First Lost):") still caption the name', () => {
  const p = findPatient(lines(['  PATIENT', '  Name (First Lost): Olumide Trialsen DOB. 14-Mar-1987 Sex: M Chart: E1']), 1);
  assert.equal(p.family, 'Trialsen');
  assert.deepEqual(p.given, ['Olumide']);
});

test('a person caption\'s colon read as a point ("Insured. CHRISTOPHER P") is no family name', () => {
  const p = findPatient(lines(['EXPLANATION OF BENEFITS', '    Insured. WANJIRU K                Date of Birth: 1971/02/09              Member ID: X1']), 1);
  assert.notEqual(p.family, 'Insured');
  const q = findPatient(lines(['EXPLANATION OF BENEFITS', '    Subscriber. WANJIRU K DEMOSON      Date of Birth: 1971/02/09']), 1);
  assert.equal(q.family, 'Demoson');
});

test('a claim form\'s birth date in split boxes under its caption, read as three cells ("10  29  1964"), is the birth date', () => {
  const p = findPatient(lines([
    'HEALTH INSURANCE CLAIM FORM',
    ' 2 PATENTS NAME (Last Name, First Name)                                  PATIENTS BIRTHDATE  MM  DD YY  SEX',
    ' DOE,   JANE                                                             03  17  1958     F    X',
  ]), 1);
  assert.equal(p.birthDate, '1958-03-17');
  // Not three numbers far apart: a row of quantities is no date.
  const q = findPatient(lines([' 2 PATENTS NAME (Last Name, First Name)                                  PATIENTS BIRTHDATE  MM  DD YY  SEX', ' DOE,   JANE                                                             03            17            1958']), 1);
  assert.equal(q.birthDate, undefined);
});

test('a claim line\'s date cut before its year in its narrow cell, OCR closing the gap after it ("10-Aug- 99214 Office visit"), dates the claim with the year under it', () => {
  const page = [
    'Explanation of Benefits',
    'Insured: JANE Q DOE              Date of Birth: 1971/02/09',
    'Date Processed: September 14, 2023',
    'Svc Date Proc Description                        Charges  Approved  Paid     Owes',
    '    12-Jul- 99213 Office/outpatient  . established,  $185.00 $112.40   $80.00   $32.40',
    '    2023           low MDM',
  ].map((text, index) => ({ page: 1, index, text }));
  assert.equal(findServiceDate(page, 'insurance_billing'), '2023-07-12');
});

/** Session 22 (h3): birth dates, dates and a cover's patient through OCR (fresh caches o-2304, p-2105, m-2505). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { birthDatesOnLine } from './birth-date.js';
import { findDates } from './dates.js';
import { structureTransmission } from './index.js';
import { pageMarker } from './lines.js';

const page = (n: number, text: string) => ({ page: n, text, method: 'ocr' as const });

test('a month name with the day glued to it ("Nov9 1975", "Mar14, 2024") is a date; a word ending so is none', () => {
  assert.deepEqual(findDates('Patient: Mr. Ivan Q. Doe     DOB: Nov9 1975     Hosp. no.: MR-1').map((d) => d.date), ['1975-11-09']);
  assert.deepEqual(findDates('Collected Mar14, 2024').map((d) => d.date), ['2024-03-14']);
  assert.deepEqual(findDates('Summar9 2022'), []);
});

test('a day 1 read as a bar or an l between the month and the year ("Jun | 2022") is the first', () => {
  assert.deepEqual(findDates('DATE:        Wed, Jun | 2022').map((d) => d.date), ['2022-06-01']);
  assert.deepEqual(findDates('Sent Aug l, 2023').map((d) => d.date), ['2023-08-01']);
  // A month and a year alone stay no date.
  assert.deepEqual(findDates('Statement for May 2024'), []);
});

test("a birth date whose slashes OCR read as spaces around a one-digit part (\"DOB: 11 8 1978\") is read after its label", () => {
  assert.deepEqual(birthDatesOnLine('  Resident: Doe, Jane      DOB: 11 8 1978        Room: 12A', undefined), [{ date: '1978-11-08', weight: 1 }]);
  assert.deepEqual(birthDatesOnLine('DOB: 3 14 1961   Sex: F', undefined), [{ date: '1961-03-14', weight: 1 }]);
  // Not without the label: two numbers and a year elsewhere are no birth date.
  assert.deepEqual(birthDatesOnLine('Qty 11 8 1978', undefined), []);
});

test('a birth year whose first digit OCR misread into none a year has ("07/10/3982") is the one year a digit away', () => {
  assert.deepEqual(birthDatesOnLine('   DOB: 07/10/3982          Date Received: 05/22/2022', undefined), [{ date: '1982-07-10', weight: 1 }]);
});

test('a cover naming its patient in a sentence wrapped between the given and the family name names the patient', () => {
  const cover = [
    'FAX COVER SHEET',
    'TO:        RECORDS DEPT',
    'DATE:      2024-NOV-08 16:36',
    'Please find attached the medical records you requested for Ivana',
    'Exampleton, DOB 11/29/1988. 2 pages including this cover sheet.',
  ].join('\n');
  // The remittance itself OCR garbled past reading: its patient comes from the cover.
  const remittance = 'ACME HEALTH PLAN   REMITTANCE ADVICE\n   Pest IRL FEALME as\n*** PAID CLAIMS ***\n  ATH   ie,  Sah\nEOB CODE DESCRIPTIONS\n 0045 CHARGE EXCEEDS FEE SCHEDULE';
  const ext = structureTransmission([page(1, cover), page(2, remittance)]);
  assert.equal(ext.segments?.[1]?.type, 'insurance_billing');
  const who = ext.subjects?.[ext.segments?.[1]?.subject ?? ''];
  assert.equal(who?.family, 'Exampleton');
  assert.equal(who?.given?.[0], 'Ivana');
  assert.equal(who?.birthDate, '1988-11-29');
});

test('a footer page marker OCR garbled ("Poge 1 of I", "Page Lof 1", "Page tof 1  .") is still the marker', () => {
  assert.deepEqual(pageMarker('   Doe, Jane E. 3-4-1965                                             Poge 1 of I'), { k: 1, n: 1 });
  assert.deepEqual(pageMarker('    JANE E DOE 4 MAR 1965                                            Page Lof 1'), { k: 1, n: 1 });
  assert.deepEqual(pageMarker('   Jane Doe DOB 1965.03.04                                           Page tof 2  .'), { k: 1, n: 2 });
  // Prose mentioning a page stays no marker.
  assert.equal(pageMarker('the results are on the next page of the report'), undefined);
});

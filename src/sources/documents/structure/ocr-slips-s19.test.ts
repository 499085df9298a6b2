/** Session 19 (fresh sets a-1951..z-1961, p-2003 through OCR): classes of OCR slips in dates and captions. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates } from './dates.js';
import { birthDatesOnLine } from './birth-date.js';
import { findPatient } from './identity.js';
import { findServiceDate } from './service-date.js';
import type { Line } from './lines.js';

const lines = (text: string, page = 1): Line[] => text.split('\n').map((t, index) => ({ page, index, text: t }));

test('a year-first date with one dash read as a point is a date ("1958.08-21", "2027-01.26")', () => {
  assert.deepEqual(findDates('IM       2018.09-01    KM RN').map((d) => d.date), ['2018-09-01']);
  assert.deepEqual(findDates('Resulted 2027-01.26 04:01').map((d) => d.date), ['2027-01-26']);
  // A run of more digits is no such date.
  assert.deepEqual(findDates('value 1958.081-21').map((d) => d.date), []);
});

test('a birth caption whose "Birth" OCR garbled to B, an i or r, and an h ("Binh date:", "Date of Buh")', () => {
  assert.deepEqual(birthDatesOnLine('Name: Gregory Drafters          Binh date: 1963-05-24          Patient # E3394952', undefined).map((b) => b.date), ['1963-05-24']);
  assert.deepEqual(birthDatesOnLine('    3 Date of Buh                                                         a Sor', '    02:25:2020                                                            OM REF').map((b) => b.date), ['2020-02-25']);
  assert.deepEqual(birthDatesOnLine('     Resident                                 Room / Bed        Binthdare         Sex      Reswdent #', '     EXAMPLEBERG, Dorothy C                   156A               1958-08-21       F       0025699576').map((b) => b.date), ['1958-08-21']);
  // A name is no caption ("Beth Davis 03/04/2020").
  assert.deepEqual(birthDatesOnLine('Seen by Beth Davis 03/04/2020', undefined).filter((b) => b.weight === 1), []);
});

test('a "LAST, First M" row under a caption row naming the resident beside the attending is the patient', () => {
  // Its captions without colons, the birth date's OCR'd as in the transmission (u-1956 tx-0003).
  const p = findPatient(lines(`     Resident                                 Room / Bed        Binthdare         Sex      Reswdent #        Attending                       Code slatus
     EXAMPLEBERG, Dorothy C                   156A               1958.08-21       F       0025699576          Virgmia Triaindge. MD          ONR/ONI
      ALLERGIES: Bee venom (Swelling)`), 1);
  assert.deepEqual([p.family?.toLowerCase(), p.birthDate], ['exampleberg', '1958-08-21']);
});

test('a name before a birth label whose "Birth" OCR garbled ("Susan Testington Date of bith 12.26.1951 - Female")', () => {
  const p = findPatient(lines(`  Susan Testington Date of bith 12.26.1951 - Female - Kit iD LW2379068Y Member # 8379100`), 1);
  assert.deepEqual([p.given?.[0], p.family, p.birthDate], ['Susan', 'Testington', '1951-12-26']);
});

test('a Collected caption OCR slipped a letter of or a space into ("CO LECTED") still captions the date under it', () => {
  const page = `Date: May 12th, 2023          Time: 18:00 00          From: Prairie Gate Laborator        Fax: 859-565-0180           Page 2 (of 4)
                   Prairie Gate Laboratories                                                                    Laboratory Report
      PATIENT                          BIRTH DATE                               GENDEF                      TIENT ID
      Karen Psoudoby                   Feor sary 22nd, 1970                     Femde                      0097366893
      ORDERING PROVIDER                CO LECTED                                REPORTED                  REQUISITION
      Jean Draftmore, MD               April 20th, 2023 11:55 AM                April 21st, 2023          0957266764
      No abnormal results.`;
  assert.equal(findServiceDate(lines(page), 'lab_report', '1970-02-22', '2023-05-12'), '2023-04-20');
});

/** Session 20 (h5): patient identity and date of service through OCR (o-2302, s-2701, n-2403, p-2103, a-2701 caches). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { birthDatesOnLine } from './birth-date.js';
import { findPatient } from './identity.js';
import type { Line } from './lines.js';
import { orderAsTransmissionPrints } from './name-spelling.js';
import { findServiceDate } from './service-date.js';

const lines = (text: string, page = 1): Line[] => text.split('\n').map((t, index) => ({ page, index, text: t }));

test('a birth date whose slashes OCR lost or read as a 1 is read when one reading alone is a date ("DOB: 92111976", "821/1954")', () => {
  assert.deepEqual(birthDatesOnLine('   Resident: Demomore, Ralph                       DOB: 92111976                Room: 208A', undefined).map((d) => d.date), ['1976-09-21']);
  assert.deepEqual(birthDatesOnLine('    Stubstrom, Dmitri T. Bath date. 821/1954 Male MAN: MR-673534', undefined).map((d) => d.date), ['1954-08-21']);
  // Two readings (9/2 with the slash read as a 1, or 9/21 with it lost): no date.
  assert.deepEqual(birthDatesOnLine('DOB: 9211976', undefined), []);
});

test('a capitals name without a comma printed nowhere else reads LAST FIRST when only the second word is a common given name', () => {
  const ra = findPatient(lines(' RECIP NAME: SYNTHINGTON VIRGINIA    RECIP ID: YYM668995476    DOB: 07/28/71'), 1);
  const fax = lines(' TO:           JOAN DRAFTFORD\n RECIP NAME: SYNTHINGTON VIRGINIA    RECIP ID: YYM668995476    DOB: 07/28/71');
  const p = orderAsTransmissionPrints(ra, fax);
  assert.deepEqual([p.given?.[0], p.family], ['Virginia', 'Synthington']);
  const slip = findPatient(lines('    TO: Christian Dummywood, MD                           PATIENT: MADEUPEZ FATIMA'), 1);
  const q = orderAsTransmissionPrints(slip, lines('    TO: Christian Dummywood, MD                           PATIENT: MADEUPEZ FATIMA'));
  assert.deepEqual([q.given?.[0], q.family], ['Fatima', 'Madeupez']);
  // Given-first as read, the first word a common given name: unchanged.
  const asRead = findPatient(lines('PATIENT: FATIMA MADEUPEZ   DOB 02/09/1977'), 1);
  assert.deepEqual([orderAsTransmissionPrints(asRead, lines('PATIENT: FATIMA MADEUPEZ   DOB 02/09/1977')).given?.[0]], ['Fatima']);
});

test('a demographics row under captions OCR garbled: name, a date whose second dash OCR read as a space, the record number ("6-25 1963 cian MR-799956")', () => {
  assert.deepEqual(birthDatesOnLine('   Demoberg, Brandon G.                                        6-25 1963 cian MR-799956', undefined).map((d) => d.date), ['1963-06-25']);
  // A signature's name and date print no record number nor sex after them.
  assert.deepEqual(birthDatesOnLine('   Cheryl Notrealbrook, MD                                     6-10 2023', undefined), []);
});

test('a cover sheet without a labelled date of its own is of the day its fax header prints, not of a log row in its body', () => {
  const cover = lines(`         Fees Pant Sorvces. 01 Speci                                          Fmd              Sia 20250529
         03/19/2025 State Dept. of Health                       Public health reporting  On file                 6      DL
         05052025 Dr. Sean Fakescombe / Harbor Health Records Records request #340940 Continuity of care (TPO) 1 this fax`);
  assert.equal(findServiceDate(cover, 'fax_cover_sheet', undefined, '2025-05-05'), '2025-05-05');
  // Its own labelled date stands.
  assert.equal(findServiceDate(lines('DATE:   05/02/2025\n03/19/2025 State Dept. of Health'), 'fax_cover_sheet', undefined, '2025-05-05'), '2025-05-02');
});

test('a year-first date ending its cell, its points read as spaces ("Visit 2022 08 14"), dates a note', () => {
  const note = lines(`      Stonebridge Primary Care Associates                                                          Preventive / Well Visit
      7150 Highland PI Bristol TN 37620 323 5550150                                                                Visit 2022 08 14
      Chief complaint: annual physical`);
  assert.equal(findServiceDate(note, 'office_visit_note', '1995-01-11', '2023-01-09'), '2022-08-14');
});

test('name captions over their values, one caption a letter off as OCR read it ("Last Name   Furst Name   Mi" over "Trialdale   Richard   C")', () => {
  const p = findPatient(lines(`              cDC              Vaccination Record Card
            Last Name                  Furst Name                                                                   Mi
            Trialdale                  Richard                                                                      C
            Date of birth              Patient number (medical record or IIS record number)
             02/10/75                  E6262974`), 1);
  assert.deepEqual([p.given?.[0], p.family], ['Richard', 'Trialdale']);
});

test('a doubled colon after the DOB label that OCR split with a space ("DOB: :   1955-10-02") is one label', () => {
  assert.deepEqual(birthDatesOnLine('    DOB: :             1955-10-02', undefined).map((d) => d.date), ['1955-10-02']);
});

test('a capitals "LAST, FIRST M" whose comma OCR read as a point, a birth-date label with its colon after it ("SPECIMENSKI. BOBBY A. Bath Date: ...")', () => {
  const p = findPatient(lines('       SPECIMENSKI. BOBBY A. Bath Date: 07/07/1938                                        Requisiton FPE00T77R Harbor Point Reference Lab'), 1);
  assert.deepEqual([p.given?.[0], p.family], ['Bobby', 'Specimenski']);
});

/** Session 18 (issue 5): birth dates in demographics rows OCR printed single-spaced (birth-date.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { birthDatesOnLine } from './birth-date.js';

test('a single-spaced demographics row with a room cell before the birth date ("SPECIMENMAN, Amber E 145-B 1949-02-28 F MR-560839") gives the birth date', () => {
  assert.deepEqual(birthDatesOnLine('SPECIMENMAN, Amber E 145-B 1949-02-28 F MR-560839 Janet Specimenez, MD DNR/DNI', undefined), [{ date: '1949-02-28', weight: 0.5 }]);
});

test('"DOB" read as "008" before a date with dashes or a month name ("008: 05-14-1960", "008 May-14-1960") is still the birth-date label', () => {
  assert.deepEqual(birthDatesOnLine('Patient Name MOCKEZ, Alexander                            008: 05-14-1960               ID: 9963764', undefined).map((d) => d.date), ['1960-05-14']);
  assert.deepEqual(birthDatesOnLine('Pasere Alexander Mockez                   008 May-14-1960                Sex M', undefined).map((d) => d.date), ['1960-05-14']);
  // A count of 008 before an ordinary number is no label.
  assert.deepEqual(birthDatesOnLine('Item 008 12 boxes of gauze', undefined), []);
});

test('a demographics row whose caption line OCR lost: a full date followed by an age cell that agrees with it ("08/09/2016   5Y   F") is the birth date; a visit date with an age beside it is not', () => {
  assert.deepEqual(birthDatesOnLine('08/09/2016          5Y         F          Divorced', undefined), [{ date: '2016-08-09', weight: 0.5 }]);
  assert.deepEqual(birthDatesOnLine('03/14/2024          46Y/M', undefined), []);
});

test('a birth date whose separators OCR read as a point and a colon with a space ("DOB: 03.08: 1982") is read', () => {
  assert.deepEqual(birthDatesOnLine('DOB: 03.08: 1982 Sex: Female   Admitted: 04:07.2024', undefined).map((d) => d.date), ['1982-03-08']);
});

test('a combined caption whose slash OCR read as a star ("Patient ID * DOB.   0097824652 / 1937-Nov-05") gives the date after the value\'s slash', () => {
  assert.deepEqual(birthDatesOnLine('Patient ID * DOB.   0097824652 / 1937-Nov-05   Collected.   15 JAN 2022 10:58', undefined).map((d) => d.date), ['1937-11-05']);
});

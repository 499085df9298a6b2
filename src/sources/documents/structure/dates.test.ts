/** Date forms of printed documents (dates.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates } from './dates.js';

test('line-printer and memo dates: "14MAR2024" glued, "Mar-14-24", "3.14.24"; a range like "1.3.70" stays no date', () => {
  assert.deepEqual(findDates('COLL: 14MAR2024 0815').map((d) => d.date), ['2024-03-14']);
  assert.deepEqual(findDates('Sent By: X; 2175550146; Mar-14-24 10:32AM; Page 2/5').map((d) => d.date), ['2024-03-14']);
  assert.deepEqual(findDates('DATE: 3.14.24').map((d) => d.date), ['2024-03-14']);
  assert.deepEqual(findDates('Ratio 1.3.70 range').map((d) => d.date), []);
});

test('a dotted date with a one-digit day is a date before a time of day ("11.7.24 10:06 AM"), not alone', () => {
  assert.deepEqual(findDates('11.7.24 10:06 AM Acc ZV477500P').map((d) => d.date), ['2024-11-07']);
  assert.deepEqual(findDates('Ratio 11.7.24 units').map((d) => d.date), []);
});

test('a year-first date with points ("Collected 2025.09.23 08:47") is a date; a decimal like 2025.5 is not', () => {
  assert.deepEqual(findDates('Collected 2025.09.23 08:47').map((d) => d.date), ['2025-09-23']);
  assert.deepEqual(findDates('Total 2025.50 USD').map((d) => d.date), []);
});

test('year-first dates with slashes ("1989/04/18") and with the month\'s name ("1962-May-04", "2024 Mar 14")', () => {
  assert.deepEqual(findDates('DOB 1989/04/18   EXAM DATE: 2022/09/12 19:39').map((d) => d.date), ['1989-04-18', '2022-09-12']);
  assert.deepEqual(findDates('Patient ID / DOB:   02653241 / 1962-May-04   printed 2024 Mar 14').map((d) => d.date), ['1962-05-04', '2024-03-14']);
  // Not a date: a year and a month with no day, or an impossible day.
  assert.deepEqual(findDates('FY 2022/5 budget, 2023/13/40').map((d) => d.date), []);
});

test('a year-first date with one slash read as a point ("1989.04/18"); a dotted version stays no date', () => {
  assert.deepEqual(findDates('DOB 1989.04/18 | AGE 33').map((d) => d.date), ['1989-04-18']);
  assert.deepEqual(findDates('release 2022.1.3').map((d) => d.date), []);
});

test('a date whose second slash OCR read as a comma ("03/10,1955")', () => {
  assert.deepEqual(findDates('DOB: 03/10,1955   Sex: F').map((d) => d.date), ['1955-03-10']);
});

test('after a birth-date label, a year-first date with one dash read as a digit ("1984307-31", "1940-05129")', async () => {
  const { slashlessDate } = await import('./dates.js');
  assert.equal(slashlessDate('1984307-31 SEX: M'), '1984-07-31');
  assert.equal(slashlessDate('1940-05129 SEX: F'), '1940-05-29');
  // An account number of that length is no date.
  assert.equal(slashlessDate('1984307731'), undefined);
});

test('a fax machine header with the month\'s name and slashes ("APR/17/2023/MON 4:56 PM")', () => {
  assert.deepEqual(findDates('APR/17/2023/MON 4:56 PM      COPPER MILL COMMUNITY HO      #0554 P.001/005').map((d) => d.date), ['2023-04-17']);
  assert.deepEqual(findDates('SEP/30/24 9:27').map((d) => d.date), ['2024-09-30']);
});

test('a fax server\'s C time stamp ("Mon May 23 14:56:28 2022"), also with its colons read as spaces', () => {
  assert.deepEqual(findDates('From +1 845 555 0165        Mon May 23 14:56:28 2022        Page 1 of 4').map((d) => d.date), ['2022-05-23']);
  assert.deepEqual(findDates('Fri Sep 15 14 37 43 2023').map((d) => d.date), ['2023-09-15']);
});

test('session 16: both slashes read as colons ("Monday 03:27:2023") is a date; a time with seconds is not', () => {
  assert.deepEqual(findDates('Date   Monday 03:27:2023').map((d) => d.date), ['2023-03-27']);
  assert.deepEqual(findDates('Sent 14:45:00 and 09:12:33').map((d) => d.date), []);
});

test('session 17: after a date label, a year-first date with a slash lost or read as a 1, or its time glued to the day', async () => {
  const { dateAfter } = await import('./dates.js');
  const label = /\bexam\s+date\s*:?/i;
  assert.equal(dateAfter('EXAM DATE:         2022/0712 18:05          ACCESSION:   908845637', label), '2022-07-12');
  assert.equal(dateAfter('EXAM DATE:            2024111/06 14:24        ACCESSION:  8881453730', label), '2024-11-06');
  assert.equal(dateAfter('EXAM DATE:             2024/11/1413 55        ACCESSION:  8002349819', label), '2024-11-14');
  assert.equal(dateAfter('EXAM DATE:         202111251138            ACCESSION:         473094065', label), '2021-11-25');
  // An accession-like run of digits is no date.
  assert.equal(dateAfter('EXAM DATE:   20211125113899', label), null);
});

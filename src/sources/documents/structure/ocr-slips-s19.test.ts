/** Session 19 (fresh sets a-1951..z-1961, p-2003 through OCR): classes of OCR slips in dates and captions. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates } from './dates.js';

test('a year-first date with one dash read as a point is a date ("1958.08-21", "2027-01.26")', () => {
  assert.deepEqual(findDates('IM       2018.09-01    KM RN').map((d) => d.date), ['2018-09-01']);
  assert.deepEqual(findDates('Resulted 2027-01.26 04:01').map((d) => d.date), ['2027-01-26']);
  // A run of more digits is no such date.
  assert.deepEqual(findDates('value 1958.081-21').map((d) => d.date), []);
});

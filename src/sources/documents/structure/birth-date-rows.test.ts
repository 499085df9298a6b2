/** Session 18 (issue 5): birth dates in demographics rows OCR printed single-spaced (birth-date.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { birthDatesOnLine } from './birth-date.js';

test('a single-spaced demographics row with a room cell before the birth date ("SPECIMENMAN, Amber E 145-B 1949-02-28 F MR-560839") gives the birth date', () => {
  assert.deepEqual(birthDatesOnLine('SPECIMENMAN, Amber E 145-B 1949-02-28 F MR-560839 Janet Specimenez, MD DNR/DNI', undefined), [{ date: '1949-02-28', weight: 0.5 }]);
});

/** Session 20 (h5): patient identity and date of service through OCR (o-2302, s-2701, n-2403, p-2103, a-2701 caches). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { birthDatesOnLine } from './birth-date.js';

test('a birth date whose slashes OCR lost or read as a 1 is read when one reading alone is a date ("DOB: 92111976", "821/1954")', () => {
  assert.deepEqual(birthDatesOnLine('   Resident: Demomore, Ralph                       DOB: 92111976                Room: 208A', undefined).map((d) => d.date), ['1976-09-21']);
  assert.deepEqual(birthDatesOnLine('    Stubstrom, Dmitri T. Bath date. 821/1954 Male MAN: MR-673534', undefined).map((d) => d.date), ['1954-08-21']);
  // Two readings (9/2 with the slash read as a 1, or 9/21 with it lost): no date.
  assert.deepEqual(birthDatesOnLine('DOB: 9211976', undefined), []);
});

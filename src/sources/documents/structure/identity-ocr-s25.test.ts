/** Session 25 (OCR slips): identity through OCR (fresh caches a-4452, m-2509, h-3107, g-3208, d-3505, c-3604). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPatient } from './identity.js';
import type { Line } from './lines.js';

const lines = (rows: string[]): Line[] => rows.map((text, index) => ({ page: 1, index, text }));

test('a role caption whose colon OCR lost before "First Last" and a birth-date caption ("Traveler Mary Roe   Date of birth") is no given name', () => {
  const p = findPatient(lines([
    'Juniper Hills Primary Care Associates                                     Travel Health Consultation',
    ' Traveler Mary Roe                  Date of birth  5 May 1932                   Record no.  E0975878',
    ' Itinerary Kenya. Vietnam   departs  23 Dec 2024                             Consult date 8 Nov 2024',
  ]), 1);
  assert.equal(p.family, 'Roe');
  assert.deepEqual(p.given, ['Mary']);
  assert.equal(p.birthDate, '1932-05-05');
  const q = findPatient(lines(['  DONOR JOHN Q DOE   DOB 01/02/1960   Collection site: Main St']), 1);
  assert.equal(q.family, 'Doe');
  assert.equal(q.given?.[0], 'John');
});

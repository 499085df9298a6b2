/**
 * Session 23: the classes set-d (d-3501, ground-truth text, scored blind) showed. Each layout here is written for the
 * class, not copied from a set-d template.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify } from './classify.js';
import type { Line } from './lines.js';

const lines = (text: string): Line[] => text.split('\n').map((t, index) => ({ page: 1, index, text: t }));

test('session 23 (set-d): a delivery page with From / To cards, fax numbers printed "(area) exchange-line" and a page count is a cover sheet, whatever it says is enclosed', () => {
  const text = [
    'Encrypted Transmission                                  relayed by an online fax service',
    'SENDER                                                  RECIPIENT',
    'Lakeside Family Medicine                                Dr. Carol Testwood',
    'Jo Samplewright',
    'Tel (312) 555-0199                                      Fax (312) 555-0123',
    'Fax (312) 555-0188',
    'Submitted 2023-08-02 14:05 · 3 pages total · Ref AB12345678',
    'Enclosed items',
    'Carol Patientson - lab results / medication list',
    'Comments',
    'Lab results for your review.',
  ].join('\n');
  assert.equal(classify(lines(text)).type, 'fax_cover_sheet');
});

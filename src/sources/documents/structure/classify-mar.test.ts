/** Session 19 (set-o classes): a medication administration record (MAR) grid is a medication list, dated by its print date. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify } from './classify.js';
import type { Line } from './lines.js';
import { findServiceDate } from './service-date.js';

const lines = (text: string): Line[] => text.split('\n').map((t, index) => ({ page: 1, index, text: t }));

const MAR = [
  '  Harborview Family Medicine                                            MEDICATION ADMINISTRATION RECORD',
  '  3475 Birch Ln, Marion, IN 46952                                                      Month/Year: APR 2022',
  '   Resident: Notrealbury, Rajesh              DOB: 7/13/2019           Room: 236A          Allergies: NKA',
  '                    Medication / Directions             Hour      1   2   3   4    5   6      7   8   9   10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31',
  '  albuterol HFA 90 mcg/actuation inhaler',
  '  Inhale 2 puffs every 4 to 6 hours as needed for wheezing',
  '                                                         PRN',
  '  Start 8/22/2019',
  '  fluticasone nasal 50 mcg/actuation nasal spray',
  '  Use 2 sprays in each nostril once daily                0900        MK JT JT',
  '  Start 9/16/2020',
  '  Initials: JT, MK, RS, AL = licensed nurses. Circled initials = not given, see back. Printed 4/3/2022.',
].join('\n');

test('a nursing-home medication administration record (medications down, days across) is a medication list of its print date', () => {
  assert.equal(classify(lines(MAR)).type, 'medication_list');
  assert.equal(findServiceDate(lines(MAR), 'medication_list', '2019-07-13'), '2022-04-03');
});

test('a medication administration grid whose title OCR lost is still a medication list: days of the month across, the medications down', () => {
  const untitled = MAR.split('\n').slice(1).join('\n');
  assert.equal(classify(lines(untitled)).type, 'medication_list');
  // Days across without a medications column (a vitals flowsheet) are no such evidence.
  assert.notEqual(classify(lines(untitled.replace('Medication / Directions', 'Vital sign / Time'))).type, 'medication_list');
});

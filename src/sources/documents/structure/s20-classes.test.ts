/**
 * Session 20: the classes set-n (n-2401) and set-o (o-2205) still lost on ground-truth text. Each layout here is
 * written for the class, not copied from the set's template; every test fails on the code before (4d5115f).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify } from './classify.js';
import { parseLabRows } from './labs.js';
import { cleanPage, type Line } from './lines.js';
import { lineNameCands } from './patient-name.js';
import { cutName, parseName } from './person-name.js';
import { findServiceDate } from './service-date.js';

const lines = (rows: string[]): Line[] => rows.map((text, index) => ({ page: 1, index, text }));

test('session 20: discharge papers that are mostly a medication grid (admission and discharge dates, a discharge title) are a discharge summary of the discharge day', () => {
  const page = [
    'Lakeview Community Hospital',
    'Inpatient Pharmacy · 12 Shore Rd, Lakeview, MN 55101',
    '                 Discharge Medication Record',
    ' Patient: Doe, Jane            DOB: 02/03/1961            Account: 44120',
    ' Admission date: 01/04/2023    Discharge date: 01/07/2023   Disposition: Home with family',
    'Diagnoses: Community-acquired pneumonia; Type 2 diabetes',
    'Medication                        Directions                          Continue   Stop   New   Changed',
    'metformin 500 mg tablet           Take 1 tablet by mouth twice daily     X',
    'lisinopril 10 mg tablet           Take 1 tablet by mouth daily                  X',
    'amoxicillin 875 mg tablet         Take 1 tablet by mouth twice daily                   X',
    'atorvastatin 20 mg tablet         Take 1 tablet by mouth at bedtime      X',
    'Allergies: penicillin (rash)   Prescriber: R. Fauxman, MD   Status: active',
    'Reviewed with patient by K. Testley, PharmD',
  ];
  assert.equal(classify(lines(page)).type, 'discharge_summary');
  assert.equal(findServiceDate(lines(page), 'discharge_summary', '1961-02-03'), '2023-01-07');
  // The same grid without the stay's dates stays a medication list; so does a medication list whose only
  // discharge word is a label's.
  const noStay = page.filter((l) => !/Admission date/.test(l));
  assert.equal(classify(lines(noStay)).type, 'medication_list');
  const listTitle = page.map((l) => l.replace('Discharge Medication Record', 'Medication Record'));
  assert.equal(classify(lines(listTitle)).type, 'medication_list');
});

test("session 20: a portal's brand word before the patient's name in its banner is no part of the name", () => {
  const read = (line: string) => lineNameCands(line, undefined, undefined).map((c) => parseName(cutName(c.raw))).filter((p) => !!p);
  // Fields one space apart: the name read with the brand word before.
  for (const banner of ['  FollowMyHealth Harold Testbury · DOB: 3/4/1950 · MRN: 00451', '  MyUPMC Harold Testbury | DOB 03/04/1950 | MRN 00451']) {
    const names = read(banner);
    assert.ok(names.length, banner);
    for (const n of names) assert.deepEqual([n!.given, n!.family], [['Harold'], 'Testbury'], banner);
  }
  // Fields in cells of their own, the middle dots between them standing alone: the name was not read at all.
  const wide = read('   MyChart        Harold Testbury       ·   DOB: 3/4/1950   ·   MRN: 00451');
  assert.ok(wide.length);
  for (const n of wide) assert.deepEqual([n!.given, n!.family], [['Harold'], 'Testbury']);
  // Given names with one capital inside keep it ("JoAnn Marie Testbury").
  assert.deepEqual(parseName('JoAnn Marie Testbury')?.given[0], 'JoAnn');
});

test("session 20: a received stamp printed over the page's head, broken into pieces, does not date the visit", () => {
  const page = [
    'Westfield Rehabilitation · Physical Therapy                      Daily Note',
    '                                                                  RECEI  Treatment',
    '                                                                    VED',
    '                                                                  AUG 02 2023',
    ' Patient: Roe, Sam       DOB: 05-06-1970      Visit 3 of 10      Date of Service:',
    '                                                          HIM    07-18-2023',
    '                                                                  DEPT',
    'S: Knee pain improving.',
  ];
  const clean = cleanPage(1, page.join('\n'));
  assert.equal(findServiceDate(clean.lines, 'office_visit_note', '1970-05-06', '2023-08-03'), '2023-07-18');
  // The same date not near a stamp's words is the visit's.
  const plain = ['Westfield Rehabilitation · Physical Therapy', '  Visit                                                            AUG 02 2023', ' Patient: Roe, Sam       DOB: 05-06-1970', 'S: Knee pain improving.'];
  assert.equal(findServiceDate(cleanPage(1, plain.join('\n')).lines, 'office_visit_note', '1970-05-06', '2023-08-03'), '2023-08-02');
});

test('session 20: a current result wrapped in its cell around the name line (value above, flag below) is the row, not the previous result beside it', () => {
  const page = [
    'Test                          Current Result and Flag    Previous Result and Date    Units      Reference',
    'Ketones                       Negative                   Negative  03/02/2022                   Negative',
    '                              250 mg/dL',
    'Glucose, Urine                                           50 mg/dL  03/02/2022                   Negative',
    '                              Abnormal',
    'Protein                       Negative                                                          Negative',
  ];
  const rows = parseLabRows(lines(page));
  const glucose = rows.find((r) => /glucose/i.test(r.name));
  assert.ok(glucose, JSON.stringify(rows.map((r) => r.name)));
  assert.equal(glucose.value, '250');
  assert.equal(glucose.flag, 'A');
  assert.equal(rows.filter((r) => /glucose/i.test(r.name)).length, 1);
});

/**
 * Session 24: the classes set-c (c-3601 and the template-check seed 5, ground-truth text, scored blind) showed outside
 * the lab rows (specialty and procedural care). Each text here is written for the class, not copied from a set-c
 * template.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify } from './classify.js';
import { findPatient } from './identity.js';
import { type Line } from './lines.js';
import { findServiceDate } from './service-date.js';

const lines = (page: string[]): Line[] => page.map((text, index) => ({ page: 1, index, text }));

test('session 24 (set-c): a form with numbered fields, "Sent by" and "Sheets in this transmission" is a cover sheet, whatever its subject cell names', () => {
  const page = [
    '   Brookside Women\'s Health',
    '   22 Elm St, Salem, MA 01970       Fax 978.555.0112',
    '',
    '   Care Team Transmission Record',
    '',
    '   A)     Recipient                       Dr. Nora Samplewick',
    '   B)     Recipient fax                   978.555.0187',
    '   C)     Sent by                         Front desk',
    '   D)     Regarding                       Nora Mockley - medication list / imaging report',
    '   E)     Sheets in this transmission     4 (cover counted)',
    '',
    '   Please see the attached prenatal records.',
  ];
  assert.equal(classify(lines(page)).type, 'fax_cover_sheet');
});

test('session 24 (set-c): a caption grid with "No. of sheets" over its count in its own column is a cover sheet even when no fax word titles it', () => {
  const page = [
    '   Harbor Occupational Medicine                                   RESULT NOTICE',
    '',
    '   ATTN           Pat Mockley                         COMPANY FAX      503-555-0133',
    '   FROM           Clinic Services                     CALLBACK         503-555-0134',
    '                                                      NO. OF SHEETS',
    '   SENT           03/02/2024                                              2',
    '',
    '   Fitness-for-duty result enclosed for your employee.',
  ];
  assert.equal(classify(lines(page)).type, 'fax_cover_sheet');
});

test('session 24 (set-c): a specialty examination titled by its organ ("EYE EXAMINATION", "Dental exam") is an office visit note', () => {
  const page = [
    '  Lakeview Vision Care                                             EYE EXAMINATION',
    '  Patient Doe, Jan     DOB 01/02/1960     Exam date 03/04/2024',
    '  Chief complaint: blurred vision at distance; knee x-ray reviewed last month.',
    '  VISUAL ACUITY    OD 20/40    OS 20/25',
    '  TONOMETRY        OD 16 mmHg  OS 17 mmHg',
    '  Findings: clear lens OU, cup/disc 0.3.   Impression: myopia, both eyes.',
  ];
  assert.equal(classify(lines(page)).type, 'office_visit_note');
});

test('session 24 (set-c): a travel clinic names its patient "Traveler"', () => {
  const p = findPatient(lines(['  Vaccines for Travel', '  Traveler: Dana Examplewood        Born 12 Jun 1987', '  Chart 55120']), 1);
  assert.equal(p.family, 'Examplewood');
  assert.equal(p.given?.[0], 'Dana');
});

test('session 24 (set-c): a vaccination record written at a consultation is of its consultation date, not of a later trip date', () => {
  const page = [
    '  Travel Vaccination Record',
    '  Traveler: Dana Examplewood    DOB 06/12/1987',
    '  Trip: Ghana, departing 04/29/2024           Consultation date: 03/18/2024',
    '  Typhoid Vi     03/18/2024     Lot T1234',
    '  Hep A          03/18/2024     Lot H5678',
  ];
  assert.equal(findServiceDate(lines(page), 'immunization_record', '1987-06-12', '2024-05-20'), '2024-03-18');
});

test('session 24 (set-c): four cover fields name a cover sheet even when no cover phrase is printed', () => {
  const page = [
    '   Cedar Works Occupational Health                                 FITNESS NOTICE',
    '                          Dr. Lee Mockridge',
    '   ATTN                                                COMPANY FAX      503-555-0133',
    '                          Safety Office',
    '   FROM                   Results Desk                 CALLBACK         503-555-0134',
    '                                                       NO. OF SHEETS',
    '   SENT                   Tue 02 Apr 2024 09:10                          3',
    '   Fit for duty without restriction.',
  ];
  assert.equal(classify(lines(page)).type, 'fax_cover_sheet');
});

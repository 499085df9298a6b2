/**
 * Session 20: the classes set-k (k-2801, ground-truth text) showed. Each layout here is written for the class, not
 * copied from the set's templates; every test fails on the code before (bea8d53).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { birthDatesOnLine } from './birth-date.js';
import { classify } from './classify.js';
import { parseDate } from './dates.js';
import { dayFirstSlashed } from './dotted-dates.js';
import { parseLabRows } from './labs.js';
import { type Line } from './lines.js';
import { findServiceDate } from './service-date.js';

const lines = (rows: string[]): Line[] => rows.map((text, index) => ({ page: 1, index, text }));

test('session 20 (set-k): a visit date day/MON/year with slashes, in a caption-over-value strip, dates the visit', () => {
  assert.equal(parseDate('22/AUG/2024'), '2024-08-22');
  assert.equal(parseDate('3/Feb/23'), '2023-02-03');
  const page = [
    '   Lakeside Regional Medical Center',
    '   Urgent Care · 40 Mill Rd, Dover, DE 19901                                    PHYSICIAN CHART',
    '   NAME                               BIRTH DATE      VISIT DATE          TIME IN    ACUITY   ROOM',
    '   DOE, JANE M                        04/11/1971      22/AUG/2024         09:14      Level 3  B-12',
    '',
    '   CHIEF COMPLAINT',
    '   Cough for five days',
  ];
  assert.equal(findServiceDate(lines(page), 'office_visit_note', '1971-04-11'), '2024-08-22');
});

test('session 20 (set-k): a lone - / + between the value and a complete range is the flag, not a third end of the range (two tests per row)', () => {
  const page = [
    'Analyte            Value    Flag  Normal           Units       Analyte            Value    Flag  Normal         Units',
    'Sodium             131      - 135 - 145           mmol/L      Potassium          4.1            3.5 - 5.1      mmol/L',
    'Chloride           99             98 - 107          mmol/L      Glucose            182      + 70 - 99       mg/dL',
    'Calcium            8.1      -  8.6 - 10.3         mg/dL       Albumin            3.9            3.5 - 5.0      g/dL',
  ];
  const rows = parseLabRows(lines(page));
  const got = rows.map((r) => `${r.name}|${r.value}|${r.range?.text}|${r.flag ?? ''}`);
  assert.deepEqual(got, [
    'Sodium|131|135-145|L',
    'Potassium|4.1|3.5-5.1|',
    'Chloride|99|98-107|',
    'Glucose|182|70-99|H',
    'Calcium|8.1|8.6-10.3|L',
    'Albumin|3.9|3.5-5.0|',
  ]);
});

test('session 20 (set-k): a slashed birth date that can only be day first is read day first; ambiguous ones follow the page', () => {
  assert.deepEqual(birthDatesOnLine('  Re: Mr Peter DOE          d.o.b. 23/04/1948', undefined).map((d) => d.date), ['1948-04-23']);
  assert.deepEqual(birthDatesOnLine('  Patient: Jane Doe   DOB: 13/11/1962   NHS no. 400 221 9081', undefined).map((d) => d.date), ['1962-11-13']);
  // Ambiguous stays month first on its own; a two-digit year is not read day first.
  assert.equal(parseDate('03/01/1978'), '1978-03-01');
  assert.equal(parseDate('17/09/59'), null);
  // A page printing an unambiguous day-first slashed date reads its ambiguous ones day first ...
  const letter = ['12/05/2024 10:31 FROM: CLINIC  P.1', 'Clinic letter, typed 21/06/2024', 'Re: Mrs Ann Doe   DOB 03/01/1978'].join('\n');
  assert.match(dayFirstSlashed(letter), /DOB 1978-01-03/);
  assert.match(dayFirstSlashed(letter), /^12\/05\/2024 10:31/); // the fax header line is left alone
  // ... not when it also prints one that can only be month first, nor from the header line alone.
  const us = ['Seen 06/21/2024', 'Re: Mrs Ann Doe   DOB 03/01/1978', 'Typed 21/06/2024'].join('\n');
  assert.equal(dayFirstSlashed(us), us);
  const headerOnly = ['21/06/2024 10:31 FROM: CLINIC  P.1', 'Re: Mrs Ann Doe   DOB 03/01/1978'].join('\n');
  assert.equal(dayFirstSlashed(headerOnly), headerOnly);
});

test('session 20 (set-k): AB after a word result is its abnormal flag where the report flags HI / LO', () => {
  const page = [
    'Investigation               Result       Flag    Ref. range       Units',
    'Potassium                   5.9          HI      3.5 - 5.1        mmol/L',
    'Urine Protein               Trace        AB      Negative',
    'Urine Ketones               2+           AB      Negative',
    'Ferritin                    9            LO      15 - 150         ng/mL',
  ];
  const got = parseLabRows(lines(page)).map((r) => `${r.name}|${r.value}|${r.flag ?? ''}|${r.flagPrinted ?? ''}`);
  assert.deepEqual(got, ['Potassium|5.9|H|HI', 'Urine Protein|Trace|A|AB', 'Urine Ketones|2+|A|AB', 'Ferritin|9|L|LO']);
});

test("session 20 (set-k): an e-fax delivery page is dated by its submitted time stamp and stays a cover whatever its subject names", () => {
  const page = [
    '   Northwind Health Exchange                                  ELECTRONIC DELIVERY NOTICE',
    '   Delivery reference     QX-4411-0923',
    '   Submitted              2022-05-17T08:02:55+01:00',
    '   Pages                  3',
    '',
    '   From                                                 To',
    '   Harbour Point Radiology Associates                   Medical Records',
    '   Imaging Department                                   Riverside Clinic',
    '   Tel +1 410 555 0192 · Fax +1 410 555 0193            Fax +1 410 555 0177',
    '',
    '   SUBJECT',
    '   Ultrasound report for Jane Doe, DOB 04/11/1971',
    '   Radiology report attached, impression and findings enclosed.',
  ];
  assert.equal(classify(lines(page)).type, 'fax_cover_sheet');
  // The fax header's later date (a page after it printed another) does not date it.
  assert.equal(findServiceDate(lines(page), 'fax_cover_sheet', undefined, '2022-05-20'), '2022-05-17');
  // Without the cover's fields (no To, no page count), the page is what its words say.
  const report = page.filter((l) => !/^\s*(?:Pages|From)\b/.test(l));
  assert.notEqual(classify(lines(report)).type, 'fax_cover_sheet');
});

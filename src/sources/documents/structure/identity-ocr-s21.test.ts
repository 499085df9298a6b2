/** Session 21 (h4): patient identity, dates of service and titles through OCR (fresh caches k/l/m/n/o/p). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates } from './dates.js';
import { structureTransmission } from './index.js';
import { parseName } from './person-name.js';

const page = (n: number, text: string) => ({ page: n, text, method: 'ocr' as const });

/** Each segment's type, date and its subject's given, family and birth date. */
function documents(pages: Array<{ page: number; text: string; method: 'ocr' }>) {
  const ext = structureTransmission(pages);
  return (ext.segments ?? []).map((s) => {
    const who = s.subject ? ext.subjects?.[s.subject] : undefined;
    return { type: s.type, date: s.date, who: who ? `${who.given?.[0]} ${who.family} ${who.birthDate}` : undefined };
  });
}

test('a month name, then the day with the space before its year lost ("Dec 102023", "Dec 12022"), is a date', () => {
  assert.deepEqual(findDates('Performed: Sun, Dec 102023 Requested by: Daniel').map((d) => d.date), ['2023-12-10']);
  assert.deepEqual(findDates('Performed: Thu, Dec 12022 1135').map((d) => d.date), ['2022-12-01']);
  // A month and a year alone, or a number after them, are none.
  assert.deepEqual(findDates('Statement for May 2024 12345'), []);
});

test('a dash read as a tilde inside a date ("2022~JUN-17") is still the date', () => {
  assert.deepEqual(findDates('DATE:         2022~JUN-17 17:43').map((d) => d.date), ['2022-06-17']);
  assert.deepEqual(findDates('Date 03~14-2024').map((d) => d.date), ['2024-03-14']);
  // A tilde meaning "about" before a number is no dash.
  assert.deepEqual(findDates('Pain ~6/10 since 2019'), []);
});

test("a caption's abbreviation OCR misread before a comma name's family name is no part of it (\"Pr. Sampledate, James\")", () => {
  assert.deepEqual(parseName('Pr. Sampledate, James'), { name: 'James Sampledate', given: ['James'], family: 'Sampledate' });
  // A family name's own prefix stays.
  assert.equal(parseName('St. John, Mary')?.family, 'St. John');
});

test('the same patient printed on several documents: a footer garbling the family name does not name a second person', () => {
  // A cover and two visit notes; the second note's row prints the family name as "Pr. Sampledate" (its "Pt." caption
  // misread) and a birth-date digit another way: the same patient as the first note's, named as the fax prints it most.
  const docs = documents([
    page(1, `          To: Records Desk Fax: 5045550142
          From: Stonebridge Family Health Center Fax: 5035550134
          Date: Feb 6 2023 Time: 7:18 AM # Pages incl. cover: 3
          Re: Medical records - SAMPLEDALE, JAMES M`),
    page(2, `       Stonebridge Family Health Center                 Chiropractic & Wellness
        Pt Sampledale, James DOB 6/22/80 Acct MR-000580 DOS: 1/05/23 Visit 8
       DAILY NOTE
       S: Low back pain. James is a 42-year-old man who reports low back pain for 6 days.
       A: M54.50 Low back pain, unspecified. Responding as expected.
       P: Home exercise program; referral to physical therapy if not improved in 2-3 weeks.`),
    page(3, `       Stonebridge Family Health Center                Chiropractic & Wellness
        Pr. Sampledate, James DOB 8/22/80 Acct MR-000580 DOS: 1/11/22 Visit 3
       DAILY NOTE
       S: Low back pain. James is a 42-year-old man who reports low back pain for 5 days.
       A: M54.50 Low back pain, unspecified. Responding as expected.
       P: Home exercise program; referral to physical therapy if not improved in 2-3 weeks.`),
  ]);
  assert.deepEqual(
    docs.map((d) => d.who),
    ['James Sampledale 1980-06-22', 'James Sampledale 1980-06-22', 'James Sampledale 1980-06-22'],
  );
});

test('one given name and one whole birth date in two documents are one person, named by the family name printed most', () => {
  // A summary whose name caption OCR garbled: only its footer names the patient, garbled past one slip ("Traibold");
  // the cover and the next report print "Trialfield" with the same given name and birth date.
  const docs = documents([
    page(1, `        TO:             RECORDS DESK
        FROM:           GRANITE PEAK REGIONAL MEDICAL CENTER
        DATE:           2022-01-10 09:05
        PAGE(S) :       004
        Please find attached the medical records you requested for Dennis
        Trialfield, DOB 06/14/1997. 4 pages including this cover sheet.`),
    page(2, `                  DISCHARGE SUMMARY AND POST-DISCHARGE PLAN OF CARE
     A Rescdent name (last, fest)   6. Date of beth                 C. Aamsson date                 D. Dscharge cate
     Trialfeld Dennis               14 JUN 1997                    27 DEC 2021                     31 DEC 2021
     Hospital course: admitted with pneumonia, treated with antibiotics, discharged home.
    Traibold, Dennis DOB 14 JUN 1997 2058986                                                     Page 1 of 1`),
    page(3, `     Granite Peak Regional Medical Center Laboratory
     Name: TRIALFIELD, Dennis N.                    Med Rec No: 2058986                          Room: 481-B
     DOB: 06/14/1997          Collected: 02/27/2021
     Sodium              139      mmol/L     136-145
     Potassium           4.1      mmol/L     3.5-5.1
     Chloride            101      mmol/L     98-107
    TRIALFIELD, Dennis N. - MRN 2058986                                                      Page 1 of 1`),
  ]);
  assert.deepEqual(docs.map((d) => d.who).slice(1), ['Dennis Trialfield 1997-06-14', 'Dennis Trialfield 1997-06-14']);
});

test('a family name cut by two letters in one document ("Synthel" of "Synthelli") is the same person as the whole one', () => {
  const docs = documents([
    page(1, `       TO: Records Desk                                      FAX (480) 555-0101
       DATE: 08/14/2023
       RE: Medical records - SYNTHELLI, JEAN M
        Please find attached the medical records you requested for Jean Synthelli, DOB 02/21/1960. 3 pages`),
    page(2, `  Desert Ridge Laboratory                                  Final Report
  Synthel, Jean M | DOB 1960/02/21 | Female | Chart ID 1477988
  Collected: 07/10/2023
  Sodium              139      mmol/L     136-145
  Potassium           4.1      mmol/L     3.5-5.1
  Chloride            101      mmol/L     98-107
   Synthel, Jean M - DOB 1960/02/21                                                   Page 1 of 1`),
  ]);
  assert.deepEqual(docs.map((d) => d.who), ['Jean Synthelli 1960-02-21', 'Jean Synthelli 1960-02-21']);
});

/** Session 21 (h4): patient identity, dates of service and titles through OCR (fresh caches k/l/m/n/o/p). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { birthDatesOnLine } from './birth-date.js';
import { classify } from './classify.js';
import { findDates, oneSlashLost } from './dates.js';
import { findPatient } from './identity.js';
import { structureTransmission } from './index.js';
import type { Line } from './lines.js';
import { parseName } from './person-name.js';
import { findServiceDate } from './service-date.js';

const lines = (text: string, page = 1): Line[] => text.split('\n').map((t, index) => ({ page, index, text: t }));
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

test("a birth-date caption over its value, OCR having squeezed the columns apart: the cell in the caption's place", () => {
  const caps = '     8 PATIENT NAME                                                       10 BIRTHDATE                    11 SEX            50 PAYER NAME';
  const row = '     DUMMYMORE, DANIELLE L                          09171962              F             Bluestone Health Insurance Co.';
  assert.deepEqual(birthDatesOnLine(caps, row).map((d) => d.date), ['1962-09-17']);
  // Aligned, the cell under the caption as before.
  assert.deepEqual(birthDatesOnLine('   NAME               BIRTH DATE      SEX', '   DOE, JANE          03/04/1950      F').map((d) => d.date), ['1950-03-04']);
});

test('a capitals title whose words OCR set far apart ("DISCHARGE           LETTER") still titles the page', () => {
  const letter = lines(`     Riverbend General Hospital
     8873 Valley Ct, Burlington, VT 05401                                               DISCHARGE           LETTER
     Switchboard (802) 555-0112                                                      Ward Cedar - Consultant Keith Mockwood. MD
      Patient              Mr Randy PLACEHOLDERSTEIN                            Hospital no.         MR-438875
      Date of birth        19.04.1968                                           Admitted             19.06.2023
      GP                   Timothy Samplewright, DO                             Discharged           20.06.2023
     Dear Dr Samplewright,
    Your patient was admitted under our care with chest pressure and was discharged on 20.06.2023.
     Clinical summary
     55-year-old man who presented with substernal chest pressure at rest. Serial troponins were negative.
     Information for GP
     Outpatient cardiology follow up if symptoms recur. Condition on discharge: Improved.`);
  assert.equal(classify(letter).type, 'discharge_summary');
  assert.equal(findServiceDate(letter, 'discharge_summary', '1968-04-19', '2023-07-18'), '2023-06-20');
});

test('a collection label whose colon OCR read as a point dates a lab report ("Coll. 20250605 0700")', () => {
  const report = lines(`         PATIENT. Pseudoworth, Tyler M (M)                DOB 1965-07-02                                           MRN MR-473743
         ORDERED BY Fictley, Grace                        Coll. 20250605 0700 Recv: 20250605 0950                  Accr RH266104
          Test                                           Result             Reference                 Units
          Sodium                                         139                136-145                   mmol/L`);
  assert.equal(findServiceDate(report, 'lab_report', '1965-07-02', '2025-06-16'), '2025-06-05');
});

test('a date of service with one of its slashes lost ("DOS: 1/523") is read when only one reading is a date', () => {
  const note = lines(`       Stonebridge Family Health Center                 Chiropractic & Wellness
        Pt Sampledale, James DOB 6/22/80 Acct MR-000680 DOS: 1/523 Visit 8
       DAILY NOTE`);
  assert.equal(findServiceDate(note, 'office_visit_note', '1980-06-22', '2023-02-06'), '2023-01-05');
  assert.equal(oneSlashLost('12/12023'), '2023-12-01');
  // A month and a year, or two readings ("122/23": 1/22 or 12/2), give none.
  assert.equal(oneSlashLost('9/2023'), undefined);
  assert.equal(oneSlashLost('122/23'), undefined);
});

test("a bare NAME caption opening a row OCR indented deeper, its colon lost, names the patient", () => {
  const p = findPatient(lines(`                        @ Maple Grove Imaging Center Imaging Center
        NAME                 Judith Fakesdale           DOB:      03/01/1963
        DATE OF SERVICE: 06-04-2025                     MRN       81745736
        REFERRING            Wayne Sampleshaw, NP       ACC #: 3218247328`), 1);
  assert.deepEqual([p.given?.[0], p.family, p.birthDate], ['Judith', 'Fakesdale', '1963-03-01']);
});

test("a name read once, with no birth date, in a document printing another document's patient: that patient", () => {
  const docs = documents([
    page(1, `         Lakeside Medical Group Medication Therapy Management Program
         Personal Medication List For Abigail J. Stubson, D(                               : 0548496022
          Medication:                 losartan 100 mg tablet
          How I use it:               Take 1 tablet by mouth daily
          Medication:                 amlodipine 5 mg tablet
          How I use it:               Take 1 tablet by mouth once daily
         Date printed: 06/10/2022
       Feromal Medication Tit for Xbcal TS DOB OS 1197                                              ase Todt`),
    page(2, `        Lakeside Imaging
         Patient: STUBSON, ABIGAIL J          DOB: 05/19/1971          MRN: 63285027
         Exam date: 07/13/2021
         EXAM: XR CHEST 2 VIEWS
         FINDINGS: The lungs are clear.
         IMPRESSION: No acute cardiopulmonary process.`),
  ]);
  assert.deepEqual(docs.map((d) => d.who), ['Abigail Stubson 1971-05-19', 'Abigail Stubson 1971-05-19']);
});

test('a RE: line naming the patient, the next caption one space after the name ("RE: TRIALBROOK, OLUMIDE CHART #: 3991699")', () => {
  const p = findPatient(lines(`FOX RUN FAMILY MEDICINE
OFFICE NOTE
RE: TRIALBROOK, OLUMIDE CHART #: 3991699
DOB: 9/10/1971 DATE OF SERVICE: 04-05-22`), 1);
  assert.deepEqual([p.given?.[0], p.family, p.birthDate], ['Olumide', 'Trialbrook', '1971-09-10']);
  // A cover's subject that names no one stays none.
  assert.equal(findPatient(lines('RE: Records request #053158\nDATE: 2022-06-17'), 1).family, undefined);
});

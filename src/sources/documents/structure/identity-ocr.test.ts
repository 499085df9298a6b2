/** Session 15: identity and date of service through OCR slips (identity.ts, split.ts, index.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExtractedPage } from '../../../core/types.js';
import { findServiceDate } from './service-date.js';
import { structureTransmission } from './index.js';
import type { Line } from './lines.js';

const lines = (text: string, page = 1): Line[] => text.split('\n').map((t, index) => ({ page, index, text: t }));
const page = (n: number, text: string): ExtractedPage => ({ page: n, text, method: 'plain' });

test('a year after a month\'s name garbled in one character ("As of: May 22, 2p23") is the one year it can be, not after the fax', () => {
  assert.equal(findServiceDate(lines('Primary Provider: Bobby Mockworth, MD        As of: May 22, 2p23'), 'medication_list', undefined, '2024-02-02'), '2023-05-22');
  // Several years fit ("202p" on a fax of 2024 that is not the fax's own year's digits): no date is made up.
  assert.notEqual(findServiceDate(lines('As of: May 22, 20p3'), 'medication_list', undefined, '2024-02-02'), '2023-05-22');
});

test('a date whose four-digit year lost its last two digits ("Exam Date: 04/26/20") takes the year the document prints for that day', () => {
  const text = 'Patient Name:   MOCKSTEIN, CARL S     Exam Date:        04/26/20\nMRN: 67258096\nCOMPARISON: MRI LUMBAR SPINE dated 2023-11-20.\nSigned: 04/26/2025 05:27 PM';
  assert.equal(findServiceDate(lines(text), 'radiology_report', undefined, '2025-05-15'), '2025-04-26');
  // A two-digit year printed as such stays ("05/29/24" beside "05/29/2024" is the same day).
  assert.equal(findServiceDate(lines('COLLECTED: 05/29/24 0707\nPRINTED 05/29/2024'), 'lab_report', undefined, '2024-07-01'), '2024-05-29');
  // Nor is the birth date's year taken for it (a visit on the birthday).
  assert.equal(findServiceDate(lines('DOB: 04/26/1985\nExam Date: 04/26/19'), 'radiology_report', '1985-04-26', '2019-05-01'), '2019-04-26');
});

const note = (date: string, dobLine: string, complaint: string) =>
  `Willow Creek Primary Care Associates           Rebecca Specimenstein\n201 Park Pl, Bristol, TN 37620        ${dobLine}\nProgress Notes\nHarold Protowright, MD + ${date} Office Visit\nChief Complaint\n${complaint}\nHistory of Present Illness\nRebecca is a 17-year-old girl.\nAssessment & Plan\nReturn as needed`;

test('two visit notes of one patient: a report\'s opening heading alone on its line ("Chief Complaint") starts the second', () => {
  const r = structureTransmission([page(1, note('04/05/2023', 'DOB: 03/16/2006 (17 yo F)', 'Sinus pressure')), page(2, note('03/08/2023', 'DOB: 03/16/2006 (17 yo F)', 'Itchy rash'))]);
  assert.deepEqual(r.segments?.map((s) => [s.firstPage, s.lastPage, s.date]), [
    [1, 1, '2023-04-05'],
    [2, 2, '2023-03-08'],
  ]);
});

test('the patient\'s birth date as another document reads it is no date of service where this one\'s label OCR garbled ("0OOB 03/16/2006")', () => {
  const first = `Patient: Specimenstein, Rebecca   DOB: 03/16/2006\nProgress Notes\nDate of Service: 04/05/2023\nChief Complaint\nSinus pressure\nPage 1 of 1`;
  const second = `Rebecca Specimenstein\n0OOB 03/16/2006 (17 yo F)\nProgress Notes\nHarold Protowright, MD + 0308/2023 Office Visit\nChief Complaint\nItchy rash\nPage 1 of 1`;
  const r = structureTransmission([page(1, first), page(2, second)]);
  assert.deepEqual(r.segments?.map((s) => [s.firstPage, s.lastPage, s.date]), [
    [1, 1, '2023-04-05'],
    [2, 2, '2023-03-08'],
  ]);
});

test('a birth date OCR misread in the first document is outvoted by the copies the fax\'s other documents print', () => {
  const doc = (dob: string, date: string) => `Patient: Demoton, Jordan     DOB: ${dob}     Sex: M\nMEDICATION LIST\nAs of: ${date}\nlisinopril 10 mg tablet   Take 1 tablet daily\nPage 1 of 1`;
  const r = structureTransmission([page(1, doc('09/27/1998', 'Aug 27, 2023')), page(2, doc('09/27/1993', 'Dec 12, 2022')), page(3, doc('09/27/1993', 'May 22, 2023'))]);
  const keys = new Set(r.segments?.map((s) => s.subject));
  assert.equal(keys.size, 1);
  assert.equal(r.subjects?.[[...keys][0]!]?.birthDate, '1993-09-27');
});

test('a family name garbled differently in every copy ("Stubfieid", "Stuhfield", "Sfubfield") is read letter by letter across the copies', () => {
  const doc = (name: string, date: string) => `Patient: ${name}, Catherine     DOB: 04/11/1950\nProgress Notes\nDate of Service: ${date}\nChief Complaint\nCough\nPage 1 of 1`;
  const r = structureTransmission([page(1, doc('Stubfieid', '03/01/2023')), page(2, doc('Stuhfield', '03/02/2023')), page(3, doc('Sfubfield', '03/03/2023'))]);
  const names = new Set(r.segments?.map((s) => r.subjects?.[s.subject!]?.family));
  assert.deepEqual([...names], ['Stubfield']);
});

test('a short given name OCR misread in one copy ("for Nei Pseudomore") is spelled as the fax prints it beside the family name most often; the birth date as most copies print it', () => {
  const cover = 'FAX\nTo: Henry Fakesridge   From: Emily Fauxson\nDate sent: Mar. 10, 2025   Total pages (with cover): 2\nRegarding: Lab results for Nei Pseudomore, DOB 06/27/2008\nPlease find attached the medical records you requested for Mei Pseudomore, DOB 06/27/2005. 2 pages including this cover sheet.';
  const lab = 'Bluebell Family Medicine\nMei Pseudomore DOB: Jun 27, 2005 Female MRN: 12207556\nTest Results\nSpecimen Collected Feb 19, 2025 11:34 AM\nGlucose   100 mg/dL   65-99 mg/dL   High\nSodium   139 mmol/L   135-146 mmol/L';
  const r = structureTransmission([page(1, cover), page(2, lab)]);
  const lastSeg = r.segments?.at(-1);
  const who = r.subjects?.[lastSeg!.subject!];
  assert.deepEqual([who?.given?.[0], who?.family, who?.birthDate], ['Mei', 'Pseudomore', '2005-06-27']);
});

test('a speck beside a name\'s comma ("NAME: STUBFORD,. STEPHANIE") and a quote OCR read before a form grid\'s caption ("\\"Patient   Tyler Specimenstein")', async () => {
  const { findPatient } = await import('./identity.js');
  const a = findPatient(lines("'   .. NAME: STUBFORD,. STEPHANIE            MRN: 36983163 .          :\nDOB: 1992-02-19\". SEX: F   ACCESSION: 1988138103"), 1);
  assert.deepEqual([a.given?.[0], a.family, a.birthDate], ['Stephanie', 'Stubford', '1992-02-19']);
  const b = findPatient(lines('Riverbend General Hospital      Discharge Summary\n"Patient                       Tyler Specimenstein                   "MAN                         73844395\nDate of Birth               Aug 13, 1995 (26 y.0.)          Sex     Male\nTyler Spacimenstein. MRN 73844395 DOB Aug 13; 1995'), 1);
  assert.deepEqual([b.given?.[0], b.family], ['Tyler', 'Specimenstein']);
});

test('with fax headers OCR could not read, the cover sheet\'s sending date bounds the other documents\' dates (a birth date whose label was garbled is no date of service)', () => {
  const cover = 'CONFIDENTIAL FAX\nTo: Summit Health Records   From: Oak Meadow Primary Care\nDate sent: Nov 21, 2022   Total pages (with cover): 2\nRe: Medical records';
  const profile = 'Kestrel Bay Apothecary      PATIENT MEDICATION PROFILE\nPasert EXAMPLESON, JESSE         Bethan: 0125/1947       Gender M\nLOSARTAN 25 MG TABLET   Take 1 tablet by mouth daily   ACTIVE\nMETFORMIN 1000 MG TABLET   Take 1 tablet twice daily   ACTIVE';
  const r = structureTransmission([page(1, cover), page(2, profile)]);
  assert.equal(r.segments?.length, 2);
  assert.notEqual(r.segments?.[1]?.date, '1947-01-25');
});

test('a collection date repeated on every page head, OCR misreading a digit in the first copy, is the date most copies print', () => {
  const head = (d: string) => `EXAMPLEWELL, CAROL J   MRN 0029912936\nCOLLECTED: ${d} 0707   RECEIVED: 05/29/2024 1051\nGlucose   99   70-99 mg/dL`;
  const text = [head('05/28/2024'), head('05/29/2024'), head('05/29/2024')].join('\n');
  assert.equal(findServiceDate(lines(text), 'lab_report', undefined, '2024-07-01'), '2024-05-29');
  // Two copies that disagree: the first stays.
  assert.equal(findServiceDate(lines([head('05/28/2024'), head('05/29/2024')].join('\n')), 'lab_report', undefined, '2024-07-01'), '2024-05-28');
});

test('a given name printed twice beside the family name is no slip, whoever else of that family the fax names more often', async () => {
  const { givenAsPrintedBeside } = await import('./name-spelling.js');
  const p = { name: 'Jan Smith', given: ['Jan'], family: 'Smith', score: 1 };
  const text = 'Patient: Jan Smith   DOB: 01/02/1990\nRe: Jan Smith\nDr. Dan Smith\nDan Smith, MD\nDan Smith, MD';
  assert.equal(givenAsPrintedBeside(p, text).given?.[0], 'Jan');
  // Printed once, it is taken for a slip (what the rule is for: "Nei" once, "Mei" twice).
  assert.equal(givenAsPrintedBeside(p, text.replace('Re: Jan Smith', 'Re: records')).given?.[0], 'Dan');
});

test('two copies of a given name that disagree ("Svetlana" on the label line, "Svetiana" in the exam line) keep the label\'s, whatever heading ends the line above', async () => {
  const { givenAsPrintedBeside } = await import('./name-spelling.js');
  const p = { name: 'Svetlana D Sampleworth', given: ['Svetlana', 'D'], family: 'Sampleworth', score: 1 };
  // The heading's last word before the line break must not be taken for a given name, nor hide the label's copy.
  const text = 'DIAGNOSTIC IMAGING REPORT\nSampleworth, Svetlana D. Birth date: 3/9/1985 MRN: 0059548381\nSampleworth, Svetiana D. - XR KNEE RIGHT 3 VIEWS';
  assert.equal(givenAsPrintedBeside(p, text).given?.[0], 'Svetlana');
});

test('a letter vote never turns a name into another person\'s printed several times ("Mockford" beside Dr. "Mockwood")', async () => {
  const { lettersVoted } = await import('./name-spelling.js');
  assert.equal(lettersVoted('mockford', new Map([['mockford', 1], ['mockwood', 4], ['mockfood', 1]])), undefined);
  assert.equal(lettersVoted('stubfieid', new Map([['stubfieid', 1], ['stuhfield', 1], ['sfubfield', 1]])), 'stubfield');
});

test('a birth date misread alike in one document\'s repeated page heads is one reading: it does not outvote the cover sheet\'s right copy', () => {
  const cover = 'FAX\nTo: Summit Health Records   From: Riverbend Lab\nDate: 03/20/2024\nRE: TRIALBERG, KATHERINE   DOB: 07/17/1937';
  const head = 'TRIALBERG,KATHERINE C   ID 0049406258   DOB: 07/17/1957\nCollected: 03/14/2024\nGLUCOSE   99   70-99 mg/dL\nSODIUM   139   135-146 mmol/L';
  const r = structureTransmission([page(1, cover), page(2, `${head}\nPage 1 of 3`), page(3, `${head}\nPage 2 of 3`), page(4, `${head}\nPage 3 of 3`)]);
  const lab = r.segments?.find((s) => s.type === 'lab_report');
  assert.equal(r.subjects?.[lab!.subject!]?.birthDate, '1937-07-17');
});

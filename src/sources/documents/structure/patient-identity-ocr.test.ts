/** Session 17 (issue 5): patient identity through OCR and on text layers (identity.ts, birth-date.ts, patient-name.ts, name-spelling.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExtractedPage } from '../../../core/types.js';
import { findPatient } from './identity.js';
import { structureTransmission } from './index.js';
import { centreOfCopies } from './name-spelling.js';
import type { Line } from './lines.js';

const lines = (text: string, page = 1): Line[] => text.split('\n').map((t, index) => ({ page, index, text: t }));
const page = (n: number, text: string): ExtractedPage => ({ page: n, text, method: 'plain' });

test('a birth date padded far from its label by a wide caption column ("D.O.B.:" and 30 spaces) is read whole, not cut after its month', () => {
  const p = findPatient(lines(`Name (Last, First, MI):               DOE, JANE                                               Accession:                 TN101447P
D.O.B.:                               2022/11/19           Sex: F                                     Collected:                 2024/07/28 09:15`), 1);
  assert.equal(p.birthDate, '2022-11-19');
});

test('a caps Patient label whose colon OCR lost, before a "LAST, FIRST" name ("PATIENT SMITH, JOHN | MR# ...") names the patient', () => {
  const p = findPatient(lines(`A Stonebridge Imaging Center                                        DIAGNOSTIC IMAGING REPORT
PATIENT PSEUDOVALE, JOSHUA | MR# E9050031 DOB 19920511 | AGE 29 | SEXM
EXAM DATE:         202111251138                                                         ACCESSION:         473094065`), 1);
  assert.equal(p.family, 'Pseudovale');
  assert.equal(p.given?.[0], 'Joshua');
  assert.equal(p.birthDate, '1992-05-11');
});

test('a family name OCR garbled the same way twice on the cover ("FauXxcott") but otherwise once each ("Fauxcoft", "Fauxcott", "Fauxoott") is the spelling every copy is a slip from', () => {
  const cover = `Valley Community Hospital
Date:                            9/28/22
To:                                   Randy FauXxcott
Fax #:                                 334-555-0118
From:                         Health Information Management
Re:                                   Randy FauXxcott - discharge summary
No. of pages (incl. cover): 3
Comments:
Per the authorization received, enclosed are records for the above patient.`;
  const summary = (name: string, footer: string, n: number) => `Discharge Summary
Patient                  Randy ${name}                                                      Date of birth          Mar 16, 1932
Sex                     Male
Encounter            Inpatient. Valley Community Hospital, from Sep 18, 2022 to Sep 19, 2022
Hospital Course
Serial troponins were negative.
Generated from a document received from Valley Community Hospital - Randy ${footer}, DOB Mar 16, 1932   Page ${n} of 2`;
  const r = structureTransmission([page(1, cover), page(2, summary('Fauxcoft', 'Fauxcott', 1)), page(3, summary('Fauxcott', 'Fauxoott', 2))]);
  const doc = r.segments?.find((s) => s.firstPage === 2);
  assert.equal(r.subjects?.[doc!.subject!]?.family, 'Fauxcott');
});

test('a demographics row whose captions OCR garbled ("PATTY DIAM   fw   x   MN") still names the patient and birth date: name, full date, sex', () => {
  const p = findPatient(lines(`Fox Run Diagnostic Imaging                                       Imaging Report
PATTY DIAM                                   fw                    x                                          MN
Xiomara T. Fauxwood                           03/15/1960             F                                                        MR-419523
Team oan TT   Aeon  een   oer
05/25/2024 5:25 PM                          091138320             Olivia Sampleski, MD                   71048
XR CHEST 2 VIEWS PA AND LATERAL`), 1);
  assert.equal(p.family, 'Fauxwood');
  assert.equal(p.given?.[0], 'Xiomara');
  assert.equal(p.birthDate, '1960-03-15');
  // A signature's name and date, no sex after them: no birth date.
  assert.equal(findPatient(lines('Signed by   Olivia Sampleski   05/25/2024   7:29 PM'), 1).birthDate, undefined);
});

test('a cover\'s subject caption whose colon OCR lost ("SUBJECT          Medical records - DOE, JANE T") names the patient for a report that names none', () => {
  const cover = `Jn. 3: 2024 3370M                                    Fox  un Dagnostics Imex ging                                    No 8114
Processing on behalt of
Fox Run Diagnostic Imaging
RECORDS DELIVERY = FAX TRANSMITTAL
REQUEST #      5734 8046552                                          DELIVERED      6/3/2024 3:37 PM
DLLUVLR IO Xiomara Fauxwood                                     FAX                608-555-0111
RELEASED BY Health Information Management               CAIBACK     608-555-0107
SUBJECT          Medical records - FAUXWOOD, XIOMARA T
SHLLIS        3 (this page is 1)                             I"RIORITY      Standard
Comments
Per the authorization received. enclosed are records tor the above patient. Please confirm receipt`;
  const report = (who: string, date: string, exam: string) => `Fox Run Diagnostic Imaging                                       Imaging Report
PATTY DIAM                                   fw                    x                                          MN
${who}
${date} 5:25 PM                          091138320             Olivia Sampleski, MD                   71048
${exam}
Findings:
No acute abnormality.
Impression:
Normal study.
Page 1 of 1`;
  const r = structureTransmission([
    page(1, cover),
    page(2, report('Xiomara T. Fauxwood                           03/15/1960             F                                                        MR-419523', '05/25/2024', 'XR CHEST 2 VIEWS PA AND LATERAL')),
    page(3, report('Nomen | Provost 000 G', '10/24/2023', 'XR KNEE RIGHT 3 VIEWS')),
  ]);
  const last = r.segments?.find((s) => s.firstPage === 3);
  assert.equal(r.subjects?.[last?.subject ?? '']?.family, 'Fauxwood');
  assert.equal(r.subjects?.[last?.subject ?? '']?.birthDate, '1960-03-15');
});

test('a name printed many times is not respelled after a garble that happens to lie between two others ("Fauxbrook" 14 times, "Fauxtrook", "Fauxtvook" once)', () => {
  assert.equal(centreOfCopies('fauxbrook', new Map([['fauxbrook', 14], ['fauxtrook', 1], ['fauxtvook', 1]]), 2), undefined);
  assert.equal(centreOfCopies('mockkcott', new Map([['mockkcott', 2], ['mockcoft', 1], ['mockcott', 1], ['mockoott', 1]]), 2), 'mockcott');
});

test('a printed age OCR misread ("87 yo" for 67) does not move the birth year the cover prints too ("DOB 07/06/1954" on the cover, "DOB: 07/08/1954 (87 yo M)" in the note)', () => {
  const cover = `A Copper Mill Internal Medicine
8374 Highland Blvd. Durham, NC 27701 - Tel 919-555-0145 . Fax 919-555-0165
NUMBER OF PAGES
01/31/2022 09:28 AM           (including this cover)
RE                 Records request #625343
MESSAGE
Please find attached the medical records you requested for Carl Fauxmore, DOB 07/06/1954. 3
pages including this cover sheet.
The documents accompanying this facsimile transmission contain confidential health information that is legally privileged.`;
  const note = `Copper Mill Internal Medicine                                  Carl Fauxmore
6374 Highland Blvd. Durham. NC 27701                                                                              - DOB: 07/08/1954 (87 yo M)
Phone (919) 555-0145 Fax (919) 555-0165              MRN: E7764417
Progress Notes
Zachary Dummyworth, DO 12/28/2021 + Follow-Up
Chief Complaint
Recurrent headaches
History of Present Illness
Carl is a 87-year-old man who reports unilateral throbbing headaches.
Page 1 of 1`;
  const r = structureTransmission([page(1, cover), page(2, note)]);
  const doc = r.segments?.find((s) => s.firstPage === 2);
  assert.equal(r.subjects?.[doc?.subject ?? '']?.birthDate?.slice(0, 4), '1954');
});

test('a reference lab\'s caps page-head name whose middle initial OCR read as a symbol ("FAUXSHAW, TIMOTHY &") names the patient', () => {
  const p = findPatient(lines(`Bayside Reference Laboratory          FAUXSHAW, TIMOTHY &
4978 Lakeview Way. Modo, IN 4962                                                      DOB: 11/26/1994
Physician: DRAFTSTEIN, GLORIA                                                                      Specimen collected: 1/15/2022`), 1);
  assert.equal(p.family, 'Fauxshaw');
  assert.equal(p.given?.[0], 'Timothy');
});

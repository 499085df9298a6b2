/** Session 18 (issue 5): patient identity and dates of service through OCR (patient-name.ts, person-name.ts, birth-date.ts, demographics.ts, name-spelling.ts, dates.ts, keywords.json). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExtractedPage } from '../../../core/types.js';
import { birthDatesOnLine } from './birth-date.js';
import { classify } from './classify.js';
import { findDates, slashlessDate } from './dates.js';
import { ageOnLine } from './demographics.js';
import { findPatient } from './identity.js';
import { structureTransmission } from './index.js';
import type { Line } from './lines.js';
import { spellAsPrinted } from './name-spelling.js';
import { findServiceDate } from './service-date.js';
import { parseName } from './person-name.js';

const lines = (text: string, page = 1): Line[] => text.split('\n').map((t, index) => ({ page, index, text: t }));
const page = (n: number, text: string): ExtractedPage => ({ page: n, text, method: 'plain' });

test('a numbered item before a "Mon DD, YYYY" date ("Service 1 - Jul 19, 2025") is no day-month-year date (1 Jul 2019)', () => {
  assert.deepEqual(findDates('Service 1 - Jul 19, 2025 - Office/outpatient visit').map((d) => d.date), ['2025-07-19']);
  assert.deepEqual(findDates('Service 5 - Jan 31, 2025 - Lipid panel').map((d) => d.date), ['2025-01-31']);
  // A day-month-year date with a two-digit year still reads.
  assert.deepEqual(findDates('Collected 12 Mar 24 0930').map((d) => d.date), ['2024-03-12']);
});

test('a generational suffix whose I\'s OCR read as l\'s ("Proxyz Il, Steven") is no part of the family name', () => {
  assert.equal(parseName('Proxyz Il, Steven')?.family, 'Proxyz');
  assert.equal(parseName('Steven Proxyz Il')?.family, 'Proxyz');
  // A family name of two letters stays one.
  assert.equal(parseName('Li, Wei')?.family, 'Li');
});

test('a city and state before a ZIP code in the address block over the birth date ("Peoria, IL 61602") is no patient name', () => {
  const p = findPatient(lines(`January 17, 2024
Ms. Cynthia Doe
4884 Sycamore Cir Ste 25
Peoria, IL 61602
Patient Cynthia Doe - Date of birth April 13, 1945 - Chart 58107
Dear Ms. Doe,`), 1);
  assert.equal(p.family, 'Doe');
  assert.equal(p.given?.[0], 'Cynthia');
  assert.equal(p.birthDate, '1945-04-13');
});

test('a space OCR put inside the birth year ("DOB 04/13/1 945") is read', () => {
  assert.deepEqual(birthDatesOnLine('Please find attached the medical records you requested for Cynthia Doe, DOB 04/13/1 945.5', undefined), [{ date: '1945-04-13', weight: 1 }]);
});

test('a payer\'s running footer ("Plan Member Harold Doe Claim 1418R51739897   Page 2 of 2") names the member of a claim whose name row OCR lost', () => {
  const p = findPatient(lines(`Service 5 Jul 19, 2025 - Lipid panel (80061)
Provider billed                                        $55.22
Claim total   billed $447.69 - allowed $246.85 - plan paid $0.00                          Your share: $246.85
Evergreen Mutual Health Plan Member Harold Doe Claim 1418R51739897                                               Page 2 of 2`), 1);
  assert.equal(p.family, 'Doe');
  assert.equal(p.given?.[0], 'Harold');
  // The claim word OCR garbled ("Clam").
  assert.equal(findPatient(lines('Prairie Shield Health Plans Member Christian Stubby Clam 1453735566088                                 Page 1 of 2'), 1).family, 'Stubby');
});

test('headings over as many cells ("Specimen Details   Patient Details   Physician Details") take the cell in the heading\'s place, though OCR moved the physician\'s name nearer the heading', () => {
  const p = findPatient(lines(`Keystone Clinical Reference Laboratory
Specimen Details                                                          Patient Details                                                               Physician Details
Specimen 10° 2076584410                  Demoberg, Charles                     TESTINGTON. NGOC F
Control 1D: 02058169                     DOB. 04/05/1956                       Elm Valley Family Health Center`), 1);
  assert.equal(p.family, 'Demoberg');
  assert.equal(p.given?.[0], 'Charles');
});

test('a demographics line opening with "Last, First M" whose labels OCR garbled ("Birth Dace:", "MAN:") names the patient', () => {
  const a = findPatient(lines(`Brookstone Medical Center - Laboratory Summary
MADEUPINGTON, DORIS N Birth Dace: 041137? Age: Adyears Sex Female MAN. 20143558 Fin 90:
Encounter Date: 00/08/2021                Location: TELEMETRY`), 1);
  assert.equal(a.family, 'Madeupington');
  assert.equal(a.given?.[0], 'Doris');
  const b = findPatient(lines(`Copper Mill Community Health Clinic
Triaimore, Christine MAN: 5473066 DOB: 9/27/1979 (45 y.0.F) Phone: (423) 555-0101
Ambulatory referral to Dermatology`), 1);
  assert.equal(b.family, 'Triaimore');
  assert.equal(b.birthDate, '1979-09-27');
});

test('an age whose o OCR read as a zero ("(45 y.0.F)") is read', () => {
  assert.equal(ageOnLine('DOB: 9/27/1978 (45 y.0.F) Phone: (423) 555-0101'), 45);
});

test('a name label with its hint in brackets and a point for the comma ("Name (Last. First) Mockwell, Betty") names the patient', () => {
  const p = findPatient(lines('Name (Last. First) Mockwell, Betty                                                         DOB (Age) 10/16/1932 (91 y.0.)                 Sex F'), 1);
  assert.equal(p.family, 'Mockwell');
  assert.equal(p.given?.[0], 'Betty');
});

test('a given name is not respelled as another patient\'s of the fax ("Christine Trialmore" beside "CHRISTIAN" printed often with another family name)', () => {
  const text = `Trialmore, Christine          MRN: 5473066            DOB: 9/27/1979
${Array.from({ length: 4 }, () => 'FAKESSON, CHRISTIAN R        DOB: 05/21/1941').join('\n')}`;
  const counts = new Map<string, number>();
  for (const w of text.toLowerCase().match(/[a-z][a-z'’-]{2,}/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  const p = spellAsPrinted({ name: 'Christine Trialmore', given: ['Christine'], family: 'Trialmore', score: 1 }, counts, counts, text);
  assert.equal(p.given?.[0], 'Christine');
});

test('a page titled "Laboratory Summary" is a lab report though OCR left few rows readable', () => {
  assert.equal(classify(lines(`Brookstone Medical Center - Laboratory Summary
WADEUPWGTON, DORIS N Gein Dale: 90S1077 Age: ddyoars Sex Semis
Test                               .      Resutt-      Unis           Normal Low    Nore) High    Inter pretation
TSH w/Reflex to Free TA`), 1).type, 'lab_report');
});

test('a remittance batch: each claim dated by its service line, its member named by the running footer when OCR lost the name row', () => {
  const eob = (id: string, name: string, born: string, served: string) => `Evergreen Mutual Health Plan                                 Your Claim Statement
Member Services 1-608-555-0190 - TTY 711                                                    Explanation of Benefits   this is not a bill
MEMBER                                   PATIENT                                      CLAIM
ID ${id}                      Born ${born}                       Processed Aug 7, 2025
Service 1 - ${served} - Office/outpatient visit, established, moderate
Provider billed                                               $240.48
Evergreen Mutual Health Plan Member ${name} Claim 1418R5173${id.slice(-4)}                                               Page 1 of 1`;
  const out = structureTransmission([page(1, eob('XMW507077201', 'Harold Doe', 'Apr 12, 1958', 'Jul 19, 2025')), page(2, eob('VDV838890869', 'Joan Roe', 'Jun 22, 1953', 'Jan 31, 2025'))]);
  assert.deepEqual(out.segments?.map((s) => s.date), ['2025-07-19', '2025-01-31']);
  assert.deepEqual(out.segments?.map((s) => out.subjects?.[s.subject!]?.family), ['Doe', 'Roe']);
});

test('a birth date whose month\'s O OCR read as a zero after a point ("Birth Date: 12.0ct 1993") is read', () => {
  assert.deepEqual(birthDatesOnLine('A                                Birth Date:      12.0ct 1993 (30 yrs)', undefined), [{ date: '1993-10-12', weight: 1 }]);
});

test('a year-first date after its label with both dashes read as spaces ("Collected 2024 02 22 10 41") is read', () => {
  assert.equal(slashlessDate('2024 02 22 10 41'), '2024-02-22');
  assert.equal(slashlessDate('2024 13 22'), undefined);
});

test('a DOB label whose D OCR read as an n ("noB- 07/13/1957") and a Patient label with a speck glued before it ("Mpatient:") are read', () => {
  const p = findPatient(lines('Mpatient: Proxyberg, Gary              noB- 07/13/1957          Sex. M      MRN. E1590871'), 1);
  assert.equal(p.birthDate, '1957-07-13');
  assert.equal(p.family, 'Proxyberg');
  assert.equal(p.given?.[0], 'Gary');
});

test('a given name two letters off in one document ("SPECIMENMORE, WIROSMI N"), family name and middle initial the same, is the patient the fax names elsewhere', () => {
  const out = structureTransmission([
    page(1, `Discharge Summary
Patient: Specimenmore, Hiroshi N       MRN: 11998207
DOB: 10/07/1994
Admitted: 01/18/2025     Discharged: 01/22/2025
Hospital course: uneventful.`),
    page(2, `Lab Report
PATIENT: SPECIMENMORE, WIROSMI N     MRN: 11998267
Collected: 10/09/2024
Glucose   90   mg/dL   65-99`),
  ]);
  assert.equal(out.segments?.length, 2);
  const [a, b] = out.segments!.map((s) => s.subject);
  assert.equal(a, b);
  assert.equal(out.subjects?.[a!]?.given?.[0], 'Hiroshi');
});

test('a patient copy\'s stay whose "to" OCR read as "10" ("from September 3, 2023 10 September 7, 2023") is of its end', () => {
  assert.equal(findServiceDate(lines(`Discharge Instructions
You were in the hospital from September 3, 2023 10 September 7, 2023 because of redness, warmth and
swelling of the left lower leg.`), 'discharge_summary'), '2023-09-07');
});

test('a memo date whose slashes OCR lost ("DATE:   111123") is 11/11/23', () => {
  assert.equal(findServiceDate(lines(`MEMORANDUM   SPECIALTY REFERRAL
TO:                  Samuel Demoshaw, MD
:            DATE:       111123
SUBJECT:         Dermatology referral`), 'referral_letter'), '2023-11-11');
});

test('a page greeting someone again after a page of the document that greeted someone starts another letter', () => {
  const letter = (date: string, what: string) => `Brookstone Internal Medicine
2607 Willow Ct, Peoria, IL 61602
${date}
Re: Doe, Cynthia (DOB 04-13-1945)
Dear Colleague,
Thank you for asking me to see Cynthia Doe about ${what}.
With kind regards,
Gloria Testberg, MD`;
  const out = structureTransmission([page(1, letter('January 17, 2024', 'her results')), page(2, letter('November 24, 2023', 'her cough'))]);
  assert.deepEqual(out.segments?.map((s) => [s.firstPage, s.lastPage]), [[1, 1], [2, 2]]);
});

test('an encounter\'s stay whose "to" OCR read as "1" ("from Jun 24, 2023 1 Jun 26, 2023") is of its end', () => {
  assert.equal(findServiceDate(lines(`Discharge Summary
Encounter        Inpatient, Juniper Hills Medical Center, from Jun 24, 2023 1 Jun 26, 2023
Author           Albert Draftski, MD (Attending)`), 'discharge_summary'), '2023-06-26');
});

test('a plan of care whose "Certification Period" caption OCR garbled ("3 Certiheastion Pend") is of the period\'s first day', () => {
  assert.equal(findServiceDate(lines(`1 Pavent's H) Cinm No     2 Slant OF Care Date     3 Certiheastion Pend     4 Mochi al Record No
62G4-TAB-VT70     09/27/2022     From: 01/25/2023 To: 03/25/2023     0075813628`), 'medication_list'), '2023-01-25');
});

test('a page opening "Visit type:" again after a page of the document that did starts another visit summary', () => {
  const visit = (date: string) => `Elm Valley Primary Care Associates
DRAFTLEY, FATIMA N      09/05/1991      F
Visit type: Office Visit. Chief complaint: Low back pain.
Next visit: 3 months
Signed ${date} 12:46 PM`;
  const out = structureTransmission([page(1, visit('07/14/2022')), page(2, visit('03/17/2022'))]);
  assert.deepEqual(out.segments?.map((s) => [s.firstPage, s.lastPage]), [[1, 1], [2, 2]]);
});

test('a note titled at its head that prints its day\'s results as lab rows stays a lab report: its rows outweigh the title', () => {
  const note = `  Granite Peak Regional Medical Center
  Trialington, Alice D                            DOB: 02/07/1954                           MRN: E5054124                  Rm 344-A
  Hospitalist Progress Note – Hospital Day 6
  Date of service: 03/21/2025 Author: Kelly Fictby, MD
  Subjective
  No acute events overnight. Tolerating diet.
  Objective
  Afebrile, vital signs stable on room air. Exam unchanged from prior.
  Labs
  CBC With Differential/Platelet (03/21/25 1155):
    WBC 5.4 10*3/uL                                         RBC 3.84 10*6/uL                           Hemoglobin 9.8 L g/dL
    Hematocrit 28.5 L %                                     MCV 74.3 L fL                              MCH 25.5 L pg
     MCHC 34.4 g/dL                                         RDW 15.5 H %                               Platelets 214 10*3/uL
     MPV 10.1 fL                                            Neutrophils 62.9 %                         Lymphs 28.4 %
     Monocytes 5.6 %                                        Eos 2.4 %                                  Basos 0.7 %
     Neutrophils (Absolute) 3.4 10*3/uL                     Lymphs (Absolute) 1.5 10*3/uL              Monocytes(Absolute) 0.3 10*3/uL
     Eos (Absolute) 0.1 10*3/uL                             Baso (Absolute) 0.0 10*3/uL
  Vitamin D, 25-Hydroxy (03/21/25 1155):
     Vitamin D, 25-Hydroxy 14 L ng/mL
  Assessment / Plan
  Trend labs; adjust therapy as above.
  Electronically signed: Kelly Fictby, MD 03/22/2025 0608
  Trialington, Alice D MRN E5054124                                                                                                       Page 1 of 1`;
  assert.equal(classify(lines(note), 12).type, 'lab_report');
});

test('a page whose head titles it ("VISIT SUMMARY") is of that type though the body\'s medication table scores as much', () => {
  const t = classify(lines(`Elm Valley Primary Care Associates                                                              VISIT SUMMARY AND
upational Health Services
2184 | akoview PL. Saiem, MA 01970 (978) 555-0133 Fax (9/8) 5550109                                               WORK STATUS REPORT
Ee ee ee ee ee ee ee ee eee eee eee eee eee eee eee elitr
1 Patient Employer information     —
Name (hast Fad KE                                                 2 Date of Bates mn: od yyy              4 Ger
DRAFTLEY, FATIMA N                                                               09/05/1991                                 F
4 rant No                          Ny Employer                          On Clim Ne                          Date of Exam
0075813628                               Riverside Builders LLC                  WC-30-863998                           03/17/2022
U.Subjecte        — — — —         = = 7
Visit type: Follow-Up. Chief complaint: Burning with urination.
Fatima 1s a 31-year-old woman who reports dysuria, urinary frequency and urgency for 6 days. Denies fever, flank pain, nausea or vaginal discharge
w.cojctve    — —
fe                       Pyne                   Tore 1b                  Hep                  Spl.                      Hoaght (im                        Weight (ity                      3h
115/88                   74                    97.7                    16                    97                          66                             182                      29.4
General: Alert, oriented, in no acute distress. HEENT: Normocephalic. Oropharynx clear TMs normal. Neck: Supple. no lymphadenopathy or
thyromegaly. Lungs: Clear to auscultation bilaterally, No wheezes, rales or rhonchi. Heart: Regular rate and rhythm. No murmurs. rubs or gallops
Abdomen: Soft, non-tender, non-distended. Normal bowel sounds. Extremities: No edema. Distal pulses intact,
IV. Assessment oCD-t0.-CM)
1. N39.0             Urinary tract infection, site not specified
V.Treatment Pan
+ Urinalysis in office consistent with UTI; urine culture sent,
Nilrofurantoin for 5 days.
Increase fluid intake. Return if fever or flank pain develops
Tests ordered: UA
Next visit: 4 weeks
Vi. Current Medications / Allergies: Shellfish, Latex, Lisinoprit
Medication                                      Strength Directions                                    Status
atorvastatin tablet                                          10mg     Take 1 tablet by mouth daily                             Active
nitrofurantoin monohydrale/macrocrystals capsule                  100 mg Take 1 capsule by mouth twice daily for 5 days                New today
vhworkStaws =
Released to FULL DUTY without reslrictions as of 03/24/2022
X) MODIFIED DUTY: no lifting over 10 1b. no repetitive bending until next visit
[0] Temporarily unable to work through 03/24/2022
ANNAN                                            Sapo`), 0);
  assert.equal(t.type, 'office_visit_note');
});

test('without a sending date, a date twenty years before the latest the document prints is no date of service (a birth date under a garbled label)', () => {
  assert.equal(findServiceDate(lines(`Tidewater Medical Laboratories
DATE OF BIRYTY              6-Dec- 1932 (90 yrs) Female
RECEIVED,                      15-Sep-2023 1138
Glucose   90   mg/dL   65-99`), 'lab_report'), '2023-09-15');
});

test('a page printing another specimen\'s ID, its I read as a 1 ("Specimen 1D: 7550328388"), is another report of the same patient', () => {
  const report = (id: string, received: string) => `Fauxson, Anna C DOB: 11/04/1959        Patient Report        Specimen 1D: ${id} Acct #: 45378774
Age(y/m/d): 063/00/13        Referring:        Date received: ${received}
Gender: F        ID: F78179
WBC        5.8        x10E3/uL        3.8-10.8        01
RBC        4.39        x10E6/uL        3.80-5.10        01`;
  const out = structureTransmission([page(1, report('499482112', '02/23/2024')), page(2, report('7550328388', '08/28/2023'))]);
  assert.deepEqual(out.segments?.map((s) => [s.firstPage, s.lastPage]), [[1, 1], [2, 2]]);
});

test('a demographics row whose date cell opens with a box edge OCR read as marks (\'"| 20 AUG 1999\') gives the birth date', () => {
  const p = findPatient(lines(`CERTIFICATE OF VACCINATION OR PROPHYLAXIS
Nai: Noms                                            Date of bart (300 che sco:                       Sn Seve
Marie K. Madeupmore               "| 20 AUG 1999                          F`), 1);
  assert.equal(p.birthDate, '1999-08-20');
  assert.equal(p.family, 'Madeupmore');
});

test('single-spaced lines (OCR\'s spacing): a claim\'s "Patient DUMMYRS Barbara Claim #" names its patient', () => {
  const claim = findPatient(lines(`Patient DUMMYRS Barbara Claim # 9155X65768050
Patient DOB 2005-03-05 Claim status Finalized - Paid`), 1);
  assert.equal(claim.family, 'Dummyrs');
  assert.equal(claim.given?.[0], 'Barbara');
});

test('single-spaced lines: a running footer\'s "Proxyz II, Steven Specimen ID: ... Page 1 of 2" names the patient', () => {
  const footer = findPatient(lines(`Specimen Details Patient Details Physician Details
Control ID: 06827298 DOB: 01/30/1938 Granite Peak Family Health Center
Proxyz II, Steven Specimen ID: 2163281450 Page 1 of 2 FINAL`), 1);
  assert.equal(footer.family, 'Proxyz');
});

test('single-spaced lines: a form footer\'s caps "FAKESHOLT, WALTER A MR E3134841" names the patient', () => {
  const form = findPatient(lines(`HOME HEALTH CERTIFICATION AND PLAN OF CARE
Form CMS -485 (C-3) (02-94) FAKESHOLT, WALTER A MR E3134841 Page 1 of 1`), 1);
  assert.equal(form.family, 'Fakesholt');
});

test('single-spaced lines: a running footer\'s "Terry D. Fakesington 23 AUG 1947 Page 1 of 1" gives name and birth date', () => {
  const running = findPatient(lines(`Immunization Record
Terry D. Fakesington 23 AUG 1947 Page 1 of 1`), 1);
  assert.equal(running.family, 'Fakesington');
  assert.equal(running.birthDate, '1947-08-23');
});

test('an exam date year first, a slash read as a 1 and its time glued by a dash ("EXAM DATE:  2023/01116-12:19"), is read', () => {
  assert.equal(slashlessDate('2023/01116-12:19'), '2023-01-16');
  assert.equal(findServiceDate(lines(`PATIENT: DOE, DENNIS | MR# MR-774670 | DOB 1931/03/13 | AGE 91 | SEXM
EXAM DATE:        2023/01116-12:19        ACCESSION:        312077736
US ABDOMEN LIMITED (RUQ) dated 2021-09-17.`), 'radiology_report'), '2023-01-16');
});

test('a cover whose subject counts its patients ("medication list (3 patients)") is a cover sheet, not a medication list', () => {
  assert.equal(classify(lines(`Dr. Olumide Pseudoberg                          Pat ent Services
Summit Health Records                           Silver Lake Drug & Weliness
+1978 5550177                             +1 378 555 0140
Monday, January 9. 2023 2.07 PM                5
medication list (3 patients)
Results attached for your review. Thank you`), 0).type, 'fax_cover_sheet');
});

test('a pharmacy\'s columns ("Fill Date   Rx #   Drug & Strength   Directions   Qty Days   Prescriber   Status") make a medication list of a page OCR garbled otherwise', () => {
  assert.equal(classify(lines(`4 Silver Lake Drug & Wellness                      Parse ppt bon
CHARLES PSEUDOBEZRG                     :
Fill Date Rx #    Drug & Strength              Directions          Qty Days Presciiber           Status
levothyroxine 112 mcg                                        .
simvastatin 40 mg                                              .`), 0).type, 'medication_list');
});

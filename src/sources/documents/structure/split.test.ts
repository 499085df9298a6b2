/** Splitting a transmission into documents (split.ts): cases session 17 showed through OCR. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExtractedPage } from '../../../core/types.js';
import { structureTransmission } from './index.js';

const page = (n: number, text: string): ExtractedPage => ({ page: n, text, method: 'ocr' });
const ranges = (pages: ExtractedPage[]) => (structureTransmission(pages).segments ?? []).map((s) => [s.firstPage, s.lastPage, s.type]);

test('session 17: a discharge summary\'s second page opening on its medication table is no new medication list', () => {
  const p1 = [
    'Discharge Summary',
    'Patient                  Randy Mockcoft                    Date of birth          Mar 16. 1932',
    'Encounter            Inpatient. Willow Creek Community Hospital, from Sep 18, 2022 to Sep 19. 2022',
    'Reason for Admission',
    'Substernal chest pressure at rest.',
    'Hospital Course',
    'Serial troponins were negative and ECG showed no acute ischemic changes.',
    'Discharge Diagnosis',
    'Other chest pain                         R07.89       Principal diagnosis     Active',
    'Hospital Discharge Medications',
    'Medication                                Instructions                                  Status',
    'lisinopril 20 mg tablet           Take 1 tablet by mouth once daily                     Continued',
  ].join('\n');
  const p2 = [
    'Medication                            Instructions                                    Status',
    'levothyroxine 25 mcg tablet Take 1 tablet by mouth every morning on an empty stomach  Continued',
    'pantoprazole 40 mg tablet Take 1 tablet by mouth twice daily                          Started',
    'aspirin 81 mg tablet EC         Take 1 tablet by mouth daily                          Started',
    'Allergies and Intolerances',
    'Substance                                Reaction                  Status',
    'Peanuts                                  Anaphylaxis               Active',
    'Plan of Treatment',
    'Discharge disposition: Home. Condition at discharge: Stable.',
  ].join('\n');
  assert.deepEqual(ranges([page(1, p1), page(2, p2)]), [[1, 2, 'discharge_summary']]);
});

const labPage = (lab: string, collected: string, rows: string[], end: string) =>
  [
    'Western Pathology Reference Laboratories                        FINAL REPORT',
    `Patient                   Lawrence B. Mockstein                 Lab No.                  ${lab}`,
    `Patient ID / DOB:      9927878 / 1974-Nov-07                    ${collected}`,
    'Result                     Flag           Units                 Reference Interval',
    ...rows,
    end,
  ].join('\n');
const rows = ['Glucose', '76                 mg/dL                    65-99', 'Sodium', '140                mmol/L                   135-146', 'Potassium', '4.3                mmol/L                   3.5-5.3', 'Chloride', '105                mmol/L                   98-110', 'Calcium', '9.2                mg/dL                    8.6-10.3'];

test('session 17: a page after one that closes its report ("End of report", OCR slips too) starts another report', () => {
  // The second report's collection date garbled past reading: only the closing line tells.
  const pages = [
    page(1, labPage('SH247952', 'Collected:   03 OCT 2024 08:34', rows, 'Pago 1 ot 2')),
    page(2, 'Reference intervals are age and sex specific.\nLaboratory Director: Billy Mockez, MD      End of report\nLob No. 8H247952 Lawrence B. Mockstein   Pago 20f2'),
    page(3, labPage('KBO27681', 'Colleated    0? J!N 2O24 07:37', rows, 'Pago 1 ot 2')),
    page(4, 'Reference intervals are age and sex specific.\nLaboratory Director: Emily Exampleman, MD   Fnd of roport\nPago 2 0f 2'),
  ];
  assert.deepEqual(ranges(pages).map((r) => r.slice(0, 2)), [[1, 2], [3, 4]]);
});

test('session 17: a collection label OCR misread a letter off ("Colloctod:") still tells two reports apart by their dates', () => {
  const pages = [
    page(1, labPage('SH247952', 'Collected:   09 JUN 2024 07:37', rows, '')),
    page(2, labPage('SH247952', 'Colloctod:   22 NOV 2023 08:12', rows, '')),
  ];
  assert.deepEqual(ranges(pages).map((r) => r.slice(0, 2)), [[1, 1], [2, 2]]);
});

test('session 17: a letter greeting its reader after a medication list of the same patient is another document; a letter\'s own second page is not', () => {
  const list = [
    'Oak Meadow Medical Group                                    MEDICATION RECONCILIATION',
    'Patient: PSEUDOVA, ZACHARY T           DOB: 06/03/51         MRN: E0533702',
    'Reconciled on: 06/24/2023 by Bobby Dummyridge, MD',
    'Medication                 Dose        Sig                                   Status',
    'omeprazole capsule DR      40 mg       Take 1 capsule by mouth daily          Active',
    'albuterol HFA inhaler      90 mcg      Inhale 2 puffs every 4 to 6 hours      Active',
  ].join('\n');
  const letter = [
    'Oak Meadow             July 17, 2022',
    'Medical Group          Megan Protoson, MD',
    '1350 Elm Rd Apt 15     Brookstone Pulmonology Specialists',
    'Lexington, KY 40507    5847 Chestnut Blvd',
    'Tel 859.555.0193       Mesa, AZ 85201',
    'Fax 859.555.0184',
    '                       RE:   Zachary Pseudova',
    '                             D.O.B. 6/3/1951',
    'Bobby Dummyridge, MD         Insurance Auth.: XR69120914',
    'M. Testa, NP                 Request: Pulmonology consultation',
    'R. Dummond, MD',
    '                       Dear Dr. Megan Protoson,',
    '                       I would appreciate your evaluation of Zachary for suspected obstructive sleep apnea.',
    '                       Please send your consultation note to my office by fax.',
    '                       Sincerely,',
  ].join('\n');
  assert.deepEqual(ranges([page(1, list), page(2, letter)]).map((r) => r.slice(0, 2)), [[1, 1], [2, 2]]);
  const second = 'The patient has been asked to call your office to schedule.\nThank you for seeing him.\nSincerely,\nBobby Dummyridge, MD\ncc: patient chart';
  assert.deepEqual(ranges([page(1, letter), page(2, second)]).map((r) => r.slice(0, 2)), [[1, 2]]);
});

test('session 18: a first page OCR garbled past classification is a cover by the fax service\'s name or its URGENT mark', () => {
  // Field labels (To, From, Pages, Subject) lost; the service's name glued to "Fax" at the head survives.
  const byName = [
    'oie Fok TH ye HT 8 TERE  pie SE ARES',
    'li CioudlineFax                            els Cr ei',
    'Moros Min bpaca:h                       Aol, ab Manteage be Helped',
    'There Rv hg tn bape a fata ce',
    'eat, Manca ye 00d O07 PM        .',
  ].join('\n');
  // Its URGENT mark a letter off, the rest garbled.
  const byMark = [
    'Peas, trey co Can Paco     boave (Covi',
    'Cede AE nd',
    'Cebu, be  iLike     Ca  Lo  ct    ses JRGENT +++',
    'Tht Le a i   cea',
  ].join('\n');
  const report = page(2, labPage('SH247952', 'Collected:   09 JUN 2024 07:37', rows, ''));
  assert.deepEqual(ranges([page(1, byName), report]), [[1, 1, 'fax_cover_sheet'], [2, 2, 'lab_report']]);
  assert.deepEqual(ranges([page(1, byMark), report]), [[1, 1, 'fax_cover_sheet'], [2, 2, 'lab_report']]);
  // Not a later page, nor a first page that reads as a report (its letterhead the clinic's "MedFax" line).
  assert.deepEqual(ranges([page(1, labPage('SH247952', 'Collected:   09 JUN 2024 07:37', rows, '')), page(2, byName)]).map((r) => r[2]), ['lab_report']);
  const note = ['Valley MedFax Clinic', 'Discharge Summary', 'Reason for Admission', 'Chest pain. URGENT follow-up with cardiology.', 'Hospital Course', 'Uneventful.'].join('\n');
  assert.deepEqual(ranges([page(1, note), page(2, 'Discharge Medications\naspirin 81 mg daily')]).map((r) => r[2]), ['discharge_summary']);
});

test('session 18: a page of another type without result rows after a lab report whose every page printed results starts a document', () => {
  // Its patient line OCR garbled past reading: no patient to tell the two apart.
  const report = page(1, labPage('SH247952', 'Collected:   09 JUN 2024 07:37', rows, '').replace(/^Patient .*\n/m, 'pnt 8 OWLEER4 7     Paow sais PINAL\n').replace(/^Patient ID .*\n/m, ''));
  // A referral form whose head OCR garbled: its phrases read as a medication list's, no result row.
  const referral = [
    'May 31 2024 4 50pm          From Brookstone torial Medic          Fax 662 55501 78',
    'Ethan Madcupwright, MIT or',
    'Brook   I Ey  Cl   REC\'D',
    'rookstone Interna  clin',
    'SHES Coda Biv Ovlond. MS 68  MAY 31 2024',
    '161 bt) SSS OIKE 1x thi) S38 1X DEA pw (HM DEPT',
    'Nme Rndy Proxytield',
    'Address S057 Quh PJ. Oxford. MS IB06SS',
    'Date 5/6/2024',
    'Reter to: Dermatology Jessica Protoley. MD.',
    'Dermatology Consultants',
    'Reason: chronic eczema not responding to topical steroids',
    'Dx: Z71 89 Other speciied counseling',
    'Priory: Soon (within 2 weeks)',
    'Signature Substitution permitted M',
    'Attachment to referral = Randy Proxyticld',
    'Current medications: none',
    'Allergies: NKDA',
    'Enclosed: Medication list, Insurance information. Recent office notes.',
  ].join('\n');
  assert.deepEqual(ranges([report, page(2, referral)]).map((r) => r.slice(0, 2)), [[1, 1], [2, 2]]);
  // The report's own last page (its comments, no type's phrases) stays with it.
  const last = 'Reference intervals are age and sex specific.\nResults reviewed by the laboratory director.\nPage 2 of 2';
  assert.deepEqual(ranges([report, page(2, last)]).map((r) => r.slice(0, 2)), [[1, 2]]);
});

test('session 18: a birth date a digit off with no name beside it, or a name read in the other order, is no other patient', () => {
  const summary = [
    'Discharge Summary',
    'Patient                  William W. Draftwright                    Date of birth          Aug 13, 1995',
    'Encounter            Inpatient. Juniper Hills Medical Center, from Jul 27, 2023 to Jul 30, 2023',
    'Reason for Admission',
    'Palpitations.',
    'Allergies and Intolerances',
    'Substance                                Reaction                  Status',
  ].join('\n');
  // The last page's footer: the name garbled past reading, the birth date's day a digit off.
  const last = [
    'Bee venom                          Swelling                     Active',
    'Plan of Treatment',
    'Discharge disposition. Home with home health services. Condition at discharge: Good.',
    'Georges by Pravse Commas Health Comat from & C-COA RY   doxumen served from Susser Hills Medal Center Wilfiam W Deaftwvight. DOB Aug 11 1995            Page dol ?',
  ].join('\n');
  assert.deepEqual(ranges([page(1, summary), page(2, last)]).map((r) => r.slice(0, 2)), [[1, 2]]);
  // A lab report's later page heads its patient 'LAST FIRST' with the given name garbled ('CHRISTINA' for CHRISTIAN).
  const first = labPage('RY068802', 'Collected:   14 MAR 2024 06:50', rows, '').replace(/^Patient .*$/m, 'FAKESSON, CHRISTIAN R        Age: 82 years');
  const second = ['FAKESSON CHRISTINA | DOB 0521108   TR eR RCT eT', 'Lipid Panel', 'Cholesterol, Total            208 (H)        mg/dL        <200', 'HDL Cholesterol               51             mg/dL        >39'].join('\n');
  assert.deepEqual(ranges([page(1, first), page(2, second)]).map((r) => r.slice(0, 2)), [[1, 2]]);
});

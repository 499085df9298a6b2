import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DiagnosticReport, Immunization, MedicationStatement, Observation } from '@medplum/fhirtypes';
import type { ExtractedPage } from '../../../core/types.js';
import { ageCheckedBirthDate } from './birth-date.js';
import { classify } from './classify.js';
import { findDates, parseDate } from './dates.js';
import { findPatient } from './identity.js';
import { structureTransmission } from './index.js';
import { cleanPage, isFaxHeaderLine, pageMarker, type Line } from './lines.js';
import { orderAsTransmissionPrints } from './name-spelling.js';
import { parseName } from './person-name.js';
import { findServiceDate } from './service-date.js';
import { pageFacts } from './split.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (n: string) => readFileSync(join(here, 'fixtures', n), 'utf8');
const lines = (text: string, page = 1): Line[] => text.split('\n').map((t, index) => ({ page, index, text: t }));
const page = (n: number, text: string): ExtractedPage => ({ page: n, text, method: 'plain' });
/** Given name, family name and birth date found in a text. */
const who = (t: string) => {
  const p = findPatient(lines(t), 1);
  return [p.given?.[0], p.family, p.birthDate];
};

test('a cover sheet, a two-page lab report and a visit note become three documents', () => {
  const pages = [1, 2, 3, 4].map((n) => page(n, fixture(`three-docs-p${n}.txt`)));
  const r = structureTransmission(pages);
  assert.deepEqual(
    r.segments?.map((s) => [s.firstPage, s.lastPage, s.type, s.date]),
    [
      [1, 1, 'fax_cover_sheet', '2024-03-14'],
      [2, 3, 'lab_report', '2024-03-01'],
      [4, 4, 'office_visit_note', '2024-03-08'],
    ],
  );
  // One patient for both documents, with MRN.
  const keys = new Set(r.segments?.slice(1).map((s) => s.subject));
  assert.equal(keys.size, 1);
  const who = r.subjects?.[[...keys][0]!];
  assert.equal(who?.family, 'Quillfeather');
  assert.deepEqual(who?.given, ['Maren', 'J']);
  assert.equal(who?.birthDate, '1975-02-11');
  assert.equal(who?.identifiers?.[0]?.value, '77120455');
  assert.match(who?.identifiers?.[0]?.system ?? '', /^urn:vessel:mrn/);
  // Lab results with LOINC, UCUM, flags, the collection date and page; a DiagnosticReport that lists them.
  const obs = r.resources!.filter((x) => x.resource.resourceType === 'Observation');
  assert.equal(obs.length, 9);
  const k = obs.find((x) => (x.resource as Observation).code.text === 'Potassium')!;
  const ko = k.resource as Observation;
  assert.equal(ko.code.coding?.[0]?.code, '2823-3');
  assert.deepEqual(ko.valueQuantity, { value: 3.3, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' });
  assert.equal(ko.interpretation?.[0]?.coding?.[0]?.code, 'L');
  assert.equal(ko.referenceRange?.[0]?.low?.value, 3.5);
  assert.equal(ko.effectiveDateTime, '2024-03-01');
  assert.equal(k.location.page, 2);
  assert.equal(obs.find((x) => (x.resource as Observation).code.text === 'TSH')!.location.page, 3);
  const dr = r.resources!.find((x) => x.resource.resourceType === 'DiagnosticReport')!.resource as DiagnosticReport;
  assert.equal(dr.result?.length, 9);
  // The note's medications and coded diagnoses.
  const meds = r.resources!.filter((x) => x.resource.resourceType === 'MedicationStatement').map((x) => x.resource as MedicationStatement);
  assert.deepEqual(meds.map((m) => [m.medicationCodeableConcept?.text, m.dosage?.[0]?.text]), [
    ['atorvastatin 20 mg tablet', 'Take 1 tablet by mouth nightly'],
    ['potassium chloride 10 mEq tablet', 'Take 1 tablet by mouth daily'],
  ]);
  const conds = r.resources!.filter((x) => x.resource.resourceType === 'Condition');
  assert.deepEqual(conds.map((c) => (c.resource as { code: { coding: Array<{ code: string }> } }).code.coding[0]!.code), ['E78.5', 'E87.6']);
  assert.ok(r.resources!.every((x) => x.subject === [...keys][0]));
  assert.equal(r.label?.date, '2024-03-14');
});

test('fax header lines (TTI) never become patient names or values', () => {
  const headers = [
    '03/14/2024 10:32 FROM: JOHN SMITH MD   (608) 555-0144   P. 2/4',
    'MAR-14-2024 10:32A   FROM-DAVID LEE CLINIC   +1 608 555 0144   T-118 P.002/004 F-221',
    '2024-03-14 10:32:07   Fax Server   To: Records   Page 2 of 4',
    'Received: 3/14/2024 10:32 AM; From: 6085550144; Page: 002 of 004',
  ];
  for (const h of headers) assert.ok(isFaxHeaderLine(h), h);
  assert.ok(!isFaxHeaderLine('Collected: 03/01/2024 08:15   Reported: 03/02/2024 11:00'));
  const body = `${headers[0]}\n\n  Name: Orla Brightwater    DOB: 07/30/1982\n  Glucose 99 70-99 mg/dL`;
  const p = findPatient(cleanPage(1, body).lines, 1);
  assert.equal(p.name, 'Orla Brightwater');
  const r = structureTransmission([page(1, `${headers[1]}\n\nLAB REPORT\n  Collected: 01/05/2024\n  Glucose 99 70-99 mg/dL\n`)]);
  assert.equal(r.subjects, undefined, 'no patient may come from the fax header');
  assert.ok(r.issues?.some((i) => i.code === 'no-patient'));
});

test('RECEIVED stamps are removed from the text', () => {
  const c = cleanPage(1, 'Patient Name:  DOE, JANE          RECEIVED\nDOB: 01/02/1950                 MAR 13 2024\n                                MEDICAL RECORDS\n');
  assert.deepEqual(c.lines.map((l) => l.text.trim()).filter(Boolean), ['Patient Name:  DOE, JANE', 'DOB: 01/02/1950']);
});

test('each document type is recognised from a short realistic text', () => {
  const cases: Record<string, string> = {
    fax_cover_sheet: 'FAX\nTo: Records Dept           From: Dr. Lee\nPages: 3 (including cover)\nRe: records request\nCONFIDENTIALITY NOTICE: if you have received this fax in error please notify the sender.',
    lab_report: 'LABORATORY REPORT\nSpecimen collected: 02/02/2024\nTest        Result   Flag   Reference Range   Units\nHemoglobin  13.1            12.0-15.5         g/dL\nWBC         7.2             3.4-10.8          x10E3/uL',
    discharge_summary: 'DISCHARGE SUMMARY\nAdmitted: 01/02/2024   Discharged: 01/05/2024\nHospital Course: treated with IV antibiotics.\nDischarge Diagnoses: community acquired pneumonia.\nDischarge Medications: amoxicillin.',
    office_visit_note: 'PROGRESS NOTE\nChief Complaint: cough for 3 days\nHistory of Present Illness: ...\nReview of Systems: negative\nPhysical Exam: lungs clear\nAssessment and Plan: viral URI',
    medication_list: 'CURRENT MEDICATIONS\nMedication              Instructions                    Status\nlisinopril 10 mg tablet Take 1 tablet by mouth daily   Active\nmetformin 500 mg tablet Take 1 tablet by mouth twice daily Active',
    immunization_record: 'IMMUNIZATION HISTORY\nVaccine         Date Given    Dose   CVX   Lot #\nTdap            06/15/2018    1      115   HT3319\nInfluenza       10/01/2023    1      158   FL2231',
    radiology_report: 'DIAGNOSTIC IMAGING REPORT\nEXAM: CT CHEST WITHOUT CONTRAST\nCLINICAL HISTORY: cough\nTECHNIQUE: axial images\nFINDINGS: no nodules.\nIMPRESSION: No acute process.\nRadiologist: A. Chen, MD',
    referral_letter: 'March 2, 2024\nDear Dr. Patel:\nThank you for seeing my patient for evaluation of palpitations.\nReason for referral: palpitations\nSincerely,\nMaria Gomez, MD',
    insurance_billing: 'EXPLANATION OF BENEFITS\nTHIS IS NOT A BILL\nMember ID: XJ22   Claim #: 12345\nService Date   Billed   Allowed   Deductible   Copay   Plan Paid   You Owe\n01/02/2024    $120.00  $80.00    $0.00        $20.00  $60.00      $20.00',
  };
  for (const [type, text] of Object.entries(cases)) assert.equal(classify(lines(text)).type, type, type);
});

test('a statement whose charges name an immunization is billing, not an immunization record', () => {
  const text = [
    'Springfield Family Practice                              PAST DUE - FINAL NOTICE',
    'Business Office - 12 Main St, Springfield',
    'Responsible party / Patient                              Account No. 5428651',
    'DOE, JANE A                                              Notice Date 05/05/2024',
    'Current        31-60 days      61-90 days      Over 90 days      Total Due',
    '$0.00          $109.78         $0.00           $0.00             $109.78',
    'Date         Code    Description                                Charge    Ins Paid   Adj      You Owe',
    '04/20/2024   99213   Office visit, established                  $190.85   $0.00      $86.28   $104.57',
    '04/20/2024   90686   Influenza vaccine, quadrivalent            $39.46    $30.76     $8.27    $0.43',
    '04/20/2024   90471   Immunization administration                $31.07    $19.13     $7.16    $4.78',
    'Previous balance carried forward: $0.00. Amount due now: $109.78, by 06/04/2024.',
  ].join('\n');
  assert.equal(classify(lines(text)).type, 'insurance_billing');
});

test('names in "LAST, FIRST M" and "First Last" forms', () => {
  assert.deepEqual(parseName('MOCKWOOD, JANE A'), { name: 'Jane A Mockwood', given: ['Jane', 'A'], family: 'Mockwood' });
  assert.deepEqual(parseName('Jane A. Mockwood'), { name: 'Jane A. Mockwood', given: ['Jane', 'A.'], family: 'Mockwood' });
  assert.equal(parseName('Patient Information'), null);
  assert.equal(parseName('Dr. Willie Specimenstrom'), null);
});

test('a suffix after the family name of "LAST SUFFIX, FIRST" is not part of the family name', () => {
  assert.deepEqual(parseName('TESTBURY JR, HAROLD J'), { name: 'Harold J Testbury', given: ['Harold', 'J'], family: 'Testbury' });
  assert.deepEqual(parseName('Mockwood III, Jane'), { name: 'Jane Mockwood', given: ['Jane'], family: 'Mockwood' });
  assert.deepEqual(parseName('Testbury Sr., Harold'), { name: 'Harold Testbury', given: ['Harold'], family: 'Testbury' });
  assert.deepEqual(parseName('DO, MINH'), { name: 'Minh Do', given: ['Minh'], family: 'Do' });
});

test('identity and date labels in their common variants', () => {
  const variants: Array<[string, string, string, string | undefined]> = [
    ['Patient: PIKE, ROSALIND M     DOB: 4/9/1958     MRN: 00123456', 'Pike', '1958-04-09', '00123456'],
    ['Pt Name: Rosalind Pike\nDate of Birth: April 9, 1958\nMR#: A-77881', 'Pike', '1958-04-09', 'A-77881'],
    ['Name: Rosalind Pike          Birth Date: 1958-04-09       Chart #: MR-642492', 'Pike', '1958-04-09', 'MR-642492'],
    ['RE: Rosalind Pike DOB: 04/09/58', 'Pike', '1958-04-09', undefined],
    ['Patient Information          Specimen Information\nPIKE, ROSALIND               Specimen: KU798731\nD.O.B. 04-09-1958            Patient ID: E3365182', 'Pike', '1958-04-09', 'E3365182'],
  ];
  for (const [text, family, dob, mrn] of variants) {
    const p = findPatient(lines(text), 1);
    assert.equal(p.family, family, text);
    assert.equal(p.given?.[0], 'Rosalind', text);
    assert.equal(p.birthDate, dob, text);
    assert.equal(p.mrn, mrn, text);
  }
  const when = (t: string, type: string) => findServiceDate(lines(t), type, '1958-04-09');
  assert.equal(when('DOB: 04/09/1958\nDate Collected: 3/1/24 0803', 'lab_report'), '2024-03-01');
  assert.equal(when('Exam Date: 2024-02-10 09:15', 'radiology_report'), '2024-02-10');
  assert.equal(when('Admitted: 02/06/2023   Discharged: 02/08/2023', 'discharge_summary'), '2023-02-08');
  assert.equal(when('Date of Service: Feb 3, 2024', 'office_visit_note'), '2024-02-03');
  assert.equal(when('As of: Sep 16, 2025', 'medication_list'), '2025-09-16');
  assert.equal(parseDate('14-MAR-2024'), '2024-03-14');
  assert.equal(parseDate('02/30/2024'), null);
  // OCR slips: a bar for the space after a month; a range that lost its separator is no date.
  assert.equal(when('As of: Sep|16, 2025', 'medication_list'), '2025-09-16');
  assert.equal(parseDate('03.14.2024'), '2024-03-14');
  assert.equal(parseDate('1.3.70'), null);
  // A birth date under a garbled label is not the date of service of a document faxed 75 years later.
  assert.equal(findServiceDate(lines('Naw: James Samplebury   Biel Date: 06/16/1947\nTdap  06/15/2018'), 'immunization_record', undefined, '2022-06-17'), '2018-06-15');
  assert.equal(findServiceDate(lines('Biel Date: 06/16/1947'), 'immunization_record', undefined, undefined), '1947-06-16');
  assert.equal(parseDate('Jan 10. 2024'), '2024-01-10');
  // One slash lost between two-digit parts; four digits that are no month and day stay a number.
  assert.equal(parseDate('0327/2025'), '2025-03-27');
  assert.equal(parseDate('03/272025'), '2025-03-27');
  assert.equal(parseDate('1234/2025'), null);
  // A slash read as a bracket.
  assert.equal(parseDate('02/10]2023'), '2023-02-10');
  // A speck between the digits of a day; a fax header date misread months early does not reject it.
  assert.equal(findServiceDate(lines('DOB: 05/20/1962   Admitted: 11/20/2022   Discharged:|11/2:3/2022\nD: 1/23/22 13:00'), 'discharge_summary', '1962-05-20', '2022-02-19'), '2022-11-23');
  // A collection date after the fax was sent is a misread year: the next date is taken.
  assert.equal(findServiceDate(lines('Collected: 01/03/2072 06:12 AM\nReceived: 01/03/2022 07:42 AM'), 'lab_report', undefined, '2022-01-07'), '2022-01-03');
  // A stamp whose RECEIVED OCR garbled prints the fax's own day: the visit's date printed after it is taken.
  assert.equal(findServiceDate(lines('Silver Lake Family Medicine   Ann Fauxby\nRECEIVE   D 18609929\nFEB 07 2024\nProgress Notes\nRussell Testez, MD • 01/17/2024 • Follow-Up'), 'office_visit_note', '1956-05-20', '2024-02-07'), '2024-01-17');
  // Alone, such a date takes the latest year one digit away that is not after the fax.
  assert.equal(findServiceDate(lines('Patient Name: TRIALOVA, CARL G   Exam Date: 10/19/2043\nCOMPARISON: XR dated 09/27/2022.'), 'radiology_report', undefined, '2024-12-04'), '2023-10-19');
});

test('a patient change splits documents even without page markers', () => {
  const a = 'LAB REPORT\nPatient: Ada Stone   DOB: 01/01/1950\nCollected: 01/02/2024\nGlucose 99 70-99 mg/dL';
  const b = 'LAB REPORT\nPatient: Ben Stone   DOB: 02/02/1952\nCollected: 01/02/2024\nGlucose 101 70-99 mg/dL H';
  const r = structureTransmission([page(1, a), page(2, b)]);
  assert.deepEqual(r.segments?.map((s) => [s.firstPage, s.lastPage]), [[1, 1], [2, 2]]);
  assert.equal(Object.keys(r.subjects ?? {}).length, 2);
  assert.notEqual(r.segments?.[0]?.subject, r.segments?.[1]?.subject);
});

test('immunization rows become Immunizations with CVX, date and lot', () => {
  const text = 'OFFICIAL IMMUNIZATION RECORD\nName: Ada Stone     Birth Date: 01/01/1950\nVaccine        Date Given   Dose   CVX   Trade Name    Lot #\nTdap           06/15/2018   1      115   Boostrix      HT3319\nZoster (RZV)   11/09/2021   2      187   Shingrix      P291633T';
  const r = structureTransmission([page(1, text)]);
  const imm = r.resources!.filter((x) => x.resource.resourceType === 'Immunization').map((x) => x.resource as Immunization);
  assert.deepEqual(imm.map((i) => [i.vaccineCode.coding?.[0]?.code, i.occurrenceDateTime, i.lotNumber, i.protocolApplied?.[0]?.doseNumberPositiveInt]), [
    ['115', '2018-06-15', 'HT3319', 1],
    ['187', '2021-11-09', 'P291633T', 2],
  ]);
});

test('boxes come from the words of the row when the page has words', () => {
  const text = 'LAB REPORT\nPatient: Ada Stone DOB: 01/01/1950\nCollected: 01/02/2024\nGlucose 112 H 70-99 mg/dL\nSodium 139 135-145 mmol/L';
  const words = [
    { text: 'Glucose', box: [100, 400, 220, 430] as [number, number, number, number] },
    { text: '112', box: [400, 402, 450, 430] as [number, number, number, number] },
    { text: 'H', box: [480, 402, 495, 430] as [number, number, number, number] },
    { text: '70-99', box: [600, 401, 690, 431] as [number, number, number, number] },
    { text: 'mg/dL', box: [720, 400, 800, 430] as [number, number, number, number] },
    { text: 'Sodium', box: [100, 450, 210, 480] as [number, number, number, number] },
    { text: '139', box: [400, 450, 450, 480] as [number, number, number, number] },
  ];
  const r = structureTransmission([{ page: 1, text, method: 'ocr', words }]);
  const glu = r.resources!.find((x) => (x.resource as Observation).code?.text === 'Glucose')!;
  assert.deepEqual(glu.location, { page: 1, box: [100, 400, 800, 431] });
  const na = r.resources!.find((x) => (x.resource as Observation).code?.text === 'Sodium')!;
  assert.deepEqual(na.location, { page: 1, box: [100, 450, 450, 480] });
});

test('odd input does not throw', () => {
  assert.deepEqual(structureTransmission([]).resources, []);
  const r = structureTransmission([page(1, ''), page(2, '\u0000\u0001 ### 12/99/9999 ::: ')]);
  assert.ok(Array.isArray(r.resources));
  // @ts-expect-error deliberately wrong input
  assert.ok(Array.isArray(structureTransmission(null).resources));
});

test('a batch fax in another house style: transmittal cover, two patients, portal-style lab tables', () => {
  const cover = `Fax Server   1/9/2024 4:05:11 PM   PAGE 1/3   Fax Server

FAX TRANSMITTAL
Date: January 9, 2024          # of pages (incl. cover): 3
To: Riverbend Pediatrics       From: Summit Reference Laboratory
Fax: 555-0111                  Phone: 555-0122
Message: Results for two of your patients are attached.
This message contains confidential information intended only for the named recipient.`;
  const labA = `Fax Server   1/9/2024 4:05:11 PM   PAGE 2/3   Fax Server
Summit Reference Laboratory
Patient: Tobias Wren            Date of Birth: 05/17/2012        MRN 4410932
Lipid Panel
Collected on Jan 5, 2024 8:02 AM
Component          Your Value     Standard Range     Flag
Cholesterol        212 mg/dL      <170 mg/dL         High
HDL Cholesterol    51 mg/dL       >45 mg/dL
Triglycerides      88 mg/dL       <90 mg/dL`;
  const labB = `Fax Server   1/9/2024 4:05:11 PM   PAGE 3/3   Fax Server
Summit Reference Laboratory
Patient: Ivy Wren               Date of Birth: 11/02/2015        MRN 4410957
Hemoglobin A1c
Collected on Jan 6, 2024 9:40 AM
Component          Your Value     Standard Range     Flag
Hemoglobin A1C     5.4 %          4.0 - 5.6 %`;
  const r = structureTransmission([page(1, cover), page(2, labA), page(3, labB)]);
  assert.deepEqual(
    r.segments?.map((s) => [s.firstPage, s.lastPage, s.type, s.date]),
    [
      [1, 1, 'fax_cover_sheet', '2024-01-09'],
      [2, 2, 'lab_report', '2024-01-05'],
      [3, 3, 'lab_report', '2024-01-06'],
    ],
  );
  const [a, b] = [r.segments![1]!.subject!, r.segments![2]!.subject!];
  assert.notEqual(a, b);
  assert.equal(r.subjects?.[a]?.given?.[0], 'Tobias');
  assert.equal(r.subjects?.[b]?.birthDate, '2015-11-02');
  const obs = r.resources!.filter((x) => x.resource.resourceType === 'Observation');
  assert.deepEqual(
    obs.map((x) => {
      const o = x.resource as Observation;
      return [o.code.text, o.valueQuantity?.value, o.valueQuantity?.code, o.interpretation?.[0]?.coding?.[0]?.code ?? null, x.subject === a ? 'a' : 'b'];
    }),
    [
      ['Cholesterol', 212, 'mg/dL', 'H', 'a'],
      ['HDL Cholesterol', 51, 'mg/dL', null, 'a'],
      ['Triglycerides', 88, 'mg/dL', null, 'a'],
      ['Hemoglobin A1C', 5.4, '%', null, 'b'],
    ],
  );
});

test('a medication list table with wrapped instructions and statuses', () => {
  const text = `Medication List
 Patient: Wren, Tobias          DOB: 05/17/2012        As of: Jan 3, 2024
 Medication                     Instructions                          Status
 albuterol 90 mcg/actuation     Inhale 2 puffs every 4 hours          Active
                                as needed for wheeze
 cetirizine 10 mg tablet        Take 1 tablet by mouth daily          Discontinued`;
  const r = structureTransmission([page(1, text)]);
  assert.equal(r.segments?.[0]?.type, 'medication_list');
  assert.equal(r.segments?.[0]?.date, '2024-01-03');
  const meds = r.resources!.map((x) => x.resource as MedicationStatement);
  assert.deepEqual(meds.map((m) => [m.medicationCodeableConcept?.text, m.dosage?.[0]?.text, m.status]), [
    ['albuterol 90 mcg/actuation', 'Inhale 2 puffs every 4 hours as needed for wheeze', 'active'],
    ['cetirizine 10 mg tablet', 'Take 1 tablet by mouth daily', 'stopped'],
  ]);
});

test('patient names through OCR slips in their labels, and words that are no name', () => {
  const name = (t: string) => findPatient(lines(t), 1).name;
  assert.equal(name('Patient Name;          DRAFTEZ, ROBERT              Exam Date;   07/31/2025'), 'Robert Draftez');
  assert.equal(name('Patient Sampleridge, Mary B              DOB’ 12/04/1942         Sex F'), 'Mary B Sampleridge');
  assert.equal(name('Dummylli, Maria P_DOB: 08/21/1953                    Patient Report'), 'Maria P Dummylli');
  assert.equal(name('Dear Dr. Mockshaw:\nThank you for seeing my patient, Madison Samplewright, a 75-year-old woman\nwhom I am referring for uncontrolled type 2 diabetes.'), 'Madison Samplewright');
  assert.equal(name('Specimenholt. Ruth   DOB: 07/07/2016'), 'Ruth Specimenholt');
  assert.equal(name('Proxyworth, Jacob N                           Patient Report\nSpecimen ID 414701949P     Acct # 07454814'), 'Jacob N Proxyworth');
  // A left margin shifted over the labels' first letters.
  assert.equal(findPatient(lines('atient Name:         MOCKDALE, JEREMY K            Exam Date:   07/13/2025\nOB / Sex:            04/12/1960 / M'), 1).birthDate, '1960-04-12');
  // A "City, State" cell is no name: the shape needs a middle initial.
  assert.equal(name('Springfield, Illinois                Phone (217) 555-0143'), undefined);
  // "Patient 1D." is an ID label, not a heading over a name; prose under "my patient" is no name either.
  assert.equal(name('Patient 1D. 0012361237                       Reported 11/14/2021\nFASTING YES'), undefined);
  assert.equal(name('Thank you for seeing my patient, a 75-year-old woman\nwhom I am referring for uncontrolled type 2 diabetes'), undefined);
});

test('a re-faxed page carries the older header too: the fax was sent on the latest header date', () => {
  // Page 1's own header is garbled; page 2 carries the older header of its first sending.
  const cover = page(1, '0G/17/2022 11:42   2035550111   JUNIPER HILLS   PAGE 01/03\nFAX COVER SHEET\nDate: 06/17/2022\nTo: Records   From: Juniper Hills\nPages: 3');
  const visit = page(2, 'WG/1//2022 11:42   2035550111   JUNIPER HILLS   PAGE 02/03\n05/26/2022 10:35   NORTH HOSP HIM   #11 P.1\nOFFICE VISIT NOTE\nPatient: Ada Stone   DOB: 01/01/1950\nDate of Service: 05/20/2022\nAssessment: well.');
  const letter = page(3, '06/17/2022 11:43   2035550111   JUNIPER HILLS   PAGE 03/03\nREFERRAL LETTER\nDate: 06/15/2022\nRE: Ada Stone DOB: 01/01/1950\nDear Dr. Poe, thank you.');
  const r = structureTransmission([cover, visit, letter]);
  assert.equal(r.segments?.[0]?.date, '2022-06-17');
  assert.equal(r.segments?.[1]?.date, '2022-05-20');
});

test('a re-faxed page\'s older header with a year OCR garbled into the past does not pull its document\'s date back', () => {
  const cover = page(1, 'AUG-21-2025 01:08P   FROM-RIVERBEND GENERAL HOSPITAL   +1 203 555 0104   P.001/002\nFAX COVER SHEET\nTo: Records   From: Riverbend\nPages: 2');
  const summary = page(2, 'AUG 25-202% 01:08P   FROM RIVERBEND GENERAL HOSPITAL   +1 203 555 0104\nIY 07/27/20 15:35 1007220025 20:00 RIVERBEND HIM #11 P.1\nDISCHARGE SUMMARY\nPatient: Protoworth, Dorothy M   DOB: 09/11/1995\nAdmitted: 07/25/2025   Discharged: (07/27:2025\nHospital course: observed overnight.');
  const r = structureTransmission([cover, summary]);
  assert.deepEqual(r.segments?.map((s) => [s.type, s.date]), [
    ['fax_cover_sheet', '2025-08-21'],
    ['discharge_summary', '2025-07-27'],
  ]);
});

test('a two-digit year followed by a letter is a four-digit year OCR garbled, not a year', () => {
  assert.deepEqual(findDates('Exam Date: 09/27/20p4 07:10 PM').map((d) => d.date), []);
  assert.deepEqual(findDates('Collected 03/04/20 1430').map((d) => d.date), ['2020-03-04']);
});

test('a patient name garbled in one copy is spelled as the fax prints it most often', () => {
  const header = (n: number) => `FAKESINGTON, FRANK   MRN 884213   Page ${n} of 3`;
  const r = structureTransmission([
    page(1, `LAB REPORT\nPatient: Fukesington, Frank   DOB: 08/24/1966\nCollected: 01/02/2024\nGlucose 99 70-99 mg/dL\n${header(1)}`),
    page(2, `Sodium 140 135-145 mmol/L\n${header(2)}`),
    page(3, `Potassium 4.1 3.5-5.1 mmol/L\n${header(3)}\nReviewed by Dr. Fakesen`),
  ]);
  const people = Object.values(r.subjects ?? {});
  assert.equal(people.length, 1);
  assert.equal(people[0]?.family, 'Fakesington');
  assert.equal(people[0]?.given?.[0], 'Frank');
  // Printed once each, no spelling outvotes the one read: kept as read.
  const once = structureTransmission([page(1, 'LAB REPORT\nPatient: Fukesington, Frank   DOB: 08/24/1966\nGlucose 99 70-99 mg/dL\nFakesington')]);
  assert.equal(Object.values(once.subjects ?? {})[0]?.family, 'Fukesington');
  // A word two letters shorter is another word, however often printed ("Specimen ID", "Specimen Information").
  const word = structureTransmission([
    page(1, 'LAB REPORT\nPatient: SPECIMENBY, NATHAN   DOB: 02/14/1929\nSpecimen ID: 88123   Specimen Information\nGlucose 99 70-99 mg/dL\nSpecimen: serum'),
  ]);
  assert.equal(Object.values(word.subjects ?? {})[0]?.family, 'Specimenby');
});

test('a birth date printed in full outweighs one whose year the margin cut to two digits', () => {
  const p = findPatient(lines('Madeupford, Jonathan   DOB: 05/28/19   Patient Report\nMadeupford, Jonathan\nDOB: 05/28/1943   Ordering: SMITH, LORI'), 1);
  assert.equal(p.birthDate, '1943-05-28');
});

test('page markers through OCR slips in "of"; a two-page note whose names OCR garbled differently stays one document', () => {
  assert.deepEqual(['Page 1 af 2', 'Page 2 ol 2', 'PAGE 3 0F 4', 'Page 2 of 3', 'Pg 2/3'].map(pageMarker), [
    { k: 1, n: 2 },
    { k: 2, n: 2 },
    { k: 3, n: 4 },
    { k: 2, n: 3 },
    { k: 2, n: 3 },
  ]);
  assert.equal(pageMarker('Page 2 or 3'), undefined);
  const r = structureTransmission([
    page(1, 'FAX COVER SHEET\nTo: Dr. Lee   From: Juniper Hills Primary Care\nPages: 3 (including cover)\nCONFIDENTIALITY NOTICE: this facsimile contains protected health information.'),
    page(2, 'Progress Notes\nChief Complaint\nAnnual physical exam\nAssessment and plan: continue current medications.\nFrank Traleott (MRN 807408)    Printed on 09/02/2024    Page 1 af 2'),
    page(3, 'Electronically signed by Christina Fictford, MD at 05/15/2024 01:09 PM\nFrank Tratlcott (MRN 807408)    Printed on 09/02/2024    Page 2 ol 2'),
  ]);
  assert.deepEqual(r.segments?.map((s) => [s.firstPage, s.lastPage]), [[1, 1], [2, 3]]);
});

test('identity in other house styles: "Results for:", a label without its colon before First Last, a name then its DOB between dots, a header row over its values', () => {
  assert.deepEqual(who('Laboratory Results\nResults for: Jason H. Demolli        DOB: 09/24/1958        Chart No.: MR-246127'), ['Jason', 'Demolli', '1958-09-24']);
  assert.deepEqual(who('Discharge Summary\nPatient Austin Placeholderstrom   MRN 9298578\nDOB 05/15/1970   Sex: M'), ['Austin', 'Placeholderstrom', '1970-05-15']);
  assert.deepEqual(who('Immunization History\nAlan Proxyson · DOB Jun 24, 1941 · Male · MRN 6761360 · State registry ID 681524229'), ['Alan', 'Proxyson', '1941-06-24']);
  assert.deepEqual(
    who('Patient Name          Date of Birth     Sex     Patient ID     Specimen Number\nDEMOMORE, RONALD K    10/05/2019        M       0093208066     3487705607'),
    ['Ronald', 'Demomore', '2019-10-05'],
  );
  // "Patient Services" after a name on a cover sheet is no label before a name.
  assert.equal(findPatient(lines('Alexander Placeholderstein   Patient Services'), 1).family, undefined);
  const when = (t: string, type: string) => findServiceDate(cleanPage(1, t).lines, type);
  // The collection date from a header row over its values, not the birth date.
  assert.equal(
    when('Patient Name     Date of Birth   Sex\nDOE, JANE        11/03/2007      F\nOrdering Physician     Collection Date    Received     Reported\nSMITH, ANN           09/07/2022 09:19   09/07/2022   09/08/2022', 'lab_report'),
    '2022-09-07',
  );
});

test('dates of service in other house styles: a pharmacy profile\'s run date beside a letterhead fax number, "Printed Mar 6, 2024.", claim lines with amounts', () => {
  const when = (t: string, type: string) => findServiceDate(cleanPage(1, t).lines, type);
  const profile = `2022-11-28 10:03:19   From: 218.555.0106   To: 218.555.0199   Page 2 of 2
Stonebridge Apothecary      PATIENT MEDICATION PROFILE
1881 Hillcrest Pl, Duluth, MN 55802 · Ph (218) 555-0199 · Fax (218) 555-0155      Run date 11/03/2022
Patient: PSEUDOHURST, RACHEL    Birthdate: 01/01/1973
4470012   LEVOTHYROXINE 25 MCG TABLET    60   4   09/17/22   FAKESHOLT, PAUL L   ACTIVE`;
  assert.equal(when(profile, 'medication_list'), '2022-11-03');
  // An immunization history whose printed-date label OCR garbled past reading: its latest date.
  assert.equal(when('Immunization History\nRobert Trialby - DOB Dec 25, 1971 - Male\nDec 30. 2016   Dose 1   Boostrix   Lot MA39999H\nSep 25, 2024   Dose 1   Flucelvax   Lot VARISS\nPuntod May 1.2025 History includes doses administered at this clinic', 'immunization_record'), '2025-05-01');
  // A year garbled in one character takes the fax's year when its other digits are that year's.
  assert.equal(findServiceDate(cleanPage(1, 'Patient Name:  DOE, JANE   Exam Date:   BY: 09/27/20p4 07:10 PM').lines, 'radiology_report', undefined, '2024-10-31'), '2024-09-27');
  // Other digits than the fax's year: no date is made up (and none read as 2020).
  assert.equal(findServiceDate(cleanPage(1, 'Patient Name:  DOE, JANE   Exam Date:   09/27/20p3 07:10 PM').lines, 'radiology_report', undefined, '2024-10-31'), undefined);
  // A received stamp's date is the day the paper came; the visit line's date is the visit's.
  const stamped = `    Silver Lake Medical Group                                              Jeffrey Proxywood
    Phone (512) 555-0149 Fax (512) 555-0130                             REC'D         MRN: MR-510610
                                                                    DEC 18 2023
    Progress Notes                                                   BY: ____
    Julie Mockova, NP • 11/26/2023 • Office Visit`;
  assert.equal(when(stamped, 'office_visit_note'), '2023-11-26');
  // A lab's "Date received:" label is not a stamp.
  assert.equal(when('Patient Report\nDate received: 08/31/2022\nDate reported: 09/01/2022', 'lab_report'), '2022-08-31');
  // Slashes read as 7s.
  assert.equal(when('DISCHARGE SUMMARY\nDOB: 08/12/1977   Admitted: 01/19/2022   Discharged: 0172172022', 'discharge_summary'), '2022-01-21');
  // A date label OCR misread by a letter.
  assert.equal(when('Immunization History\nJun 3, 2019   Dose 1   Fluzone   Lot Z812588\nPrnted Mar 6, 2024. History includes doses reconciled from the state registry.', 'immunization_record'), '2024-03-06');
  assert.equal(when('DISCHARGE SUMMARY\nAdmitted: 01/02/2024\nDischarqed: 01/05/2024', 'discharge_summary'), '2024-01-05');
  // The run date's slashes lost to OCR, or read as spaces.
  assert.equal(when(profile.replace('11/03/2022', '11032022'), 'medication_list'), '2022-11-03');
  assert.equal(when(profile.replace('11/03/2022', '11 03 2022'), 'medication_list'), '2022-11-03');
  // "Run" with its R read as H.
  assert.equal(when(profile.replace('Run date 11/03/2022', 'Hun date 11 03 2022'), 'medication_list'), '2022-11-03');
  // The letterhead line stays in the body; the transmission's own header line does not.
  assert.deepEqual(cleanPage(1, profile).faxHeaders.length, 1);
  assert.equal(when('Immunization History\nJun 3, 2019   Dose 1   Fluzone   Lot Z812588\nPrinted Mar 6, 2024. History includes doses reconciled from the state registry.', 'immunization_record'), '2024-03-06');
  assert.equal(
    when('Claim Detail — Explanation of Benefits\nDate processed: Mar 21, 2022\nService Provided      Date     Amount Charged   Plan Paid\nRoutine venipuncture (36415)    Feb 2, 2022    $23.47    $16.12', 'insurance_billing'),
    '2022-02-02',
  );
  // A date wrapped in its narrow cell: "Apr 9," ends one line, its year stands before the next line's amounts.
  assert.equal(
    when('Date processed: May 12, 2021\nService Provided     Date     Charged\nOffice/outpatient visit, established,     Apr 9,\nmoderate MDM (99214)     2021     $267.99     $144.57', 'insurance_billing'),
    '2021-04-09',
  );
  // ... or "Mar 14," ends the description's line and its year sits below it, under the amounts' line.
  assert.equal(
    when('Date processed: Apr 1, 2022\nService Provided          Date\nChest x-ray, 2 views       Mar 14,\n                                   $88.10     $61.02\n(71046)                    2022', 'insurance_billing'),
    '2022-03-14',
  );
  // A text layer that kept no columns: the processed date beside an amount is no service date, the wrapped date's year ends the line below.
  assert.equal(
    when('Jesse Proxyva Claim number: 1337U02243687\nMember ID BPK896193620 · Group 938407 Date processed: Jun 2, 2023 $47.88\nService Provided Date\nOffice/outpatient visit, established, low MDM May 22,\n$142.49 $69.57 $23.66 $45.91 B\n(99213) 2023', 'insurance_billing'),
    '2023-05-22',
  );
  // The same statement from a text layer, its columns one space apart.
  assert.equal(
    when('Copper Mill Billing Office Statement Date Account No. Amount Due\n2600 Sycamore Cir, Durham, NC 27701 06/24/2023 2705376 $50.96\nDate Code Description Charges Insurance Paid\n05/21/2023 99214 Office visit $246.03 -$82.91', 'insurance_billing'),
    '2023-05-21',
  );
  // A patient statement: the amount due beside the statement date is above the claim table's header.
  assert.equal(
    when('Statement Date     Account No.     Amount Due\n11/02/2023         4471902         $18.40\nDate         Code     Description            Charges\n09/28/2023   85025    Blood count, complete   $31.00', 'insurance_billing'),
    '2023-09-28',
  );
});

test('a batch of explanations of benefits splits at each new claim number', () => {
  const eob = (claim: string, name: string, date: string) =>
    `Evergreen Mutual Health Plan      Claim Detail — Explanation of Benefits\n${name}      Claim number: ${claim}\nService Provided     Date     Amount Charged\nOffice visit (99214)    ${date}    $283.82`;
  const r = structureTransmission([page(1, eob('5976K30899463', 'Dmitri Madeupcott', 'Feb 2, 2022')), page(2, eob('1852U95567821', 'Billy Mockcombe', 'Jun 11, 2021'))]);
  assert.deepEqual(r.segments?.map((s) => [s.firstPage, s.lastPage, s.type, s.date]), [
    [1, 1, 'insurance_billing', '2022-02-02'],
    [2, 2, 'insurance_billing', '2021-06-11'],
  ]);
  // Each claim's member, printed beside the claim number, is its person.
  assert.deepEqual(r.segments?.map((s) => r.subjects?.[s.subject!]?.family), ['Madeupcott', 'Mockcombe']);
});

test('a cover sheet with a letter-spaced title and recipient/sender fields is a cover sheet, whatever its subject line names', () => {
  const text = `FA X      Fox Run Medical Group
6039 Elm Pkwy, Tacoma, WA 98402
Date/Time:        March 11, 2024 4:06 PM
To:               Olumide Placeholderberg
Recipient Fax:    253.555.0171
Recipient Phone:  253.555.0117
From:             Medical Records Department
Sender Fax:       253.555.0126
Sender Phone:     253.555.0143
Pages:            4 page(s) including cover
                  Immunization record for Olumide Placeholderberg, DOB
Subject:
                  08/13/1950
Priority:         Normal
Notes
Results attached for your review. Thank you.
NOTICE: The information contained in this transmission is confidential and may include protected health information. It is intended solely for
the addressee. If you are not the intended recipient, you are notified that any use, dissemination or copying of this transmission is strictly
prohibited. If you received this fax in error, call (253) 555-0143 and destroy the pages received.`;
  assert.equal(classify(lines(text)).type, 'fax_cover_sheet');
});

test('two reports whose names OCR lost apart are split by their accession numbers ("Accession #:")', () => {
  const report = (head: string, acc: string) =>
    `Brookstone Imaging Center\n${head}\nAccession #:   ${acc}\nEXAM: CT HEAD WITHOUT CONTRAST\nFINDINGS: No acute intracranial abnormality.\nIMPRESSION: Normal study.`;
  const r = structureTransmission([
    page(1, report('Patient Name: DUMMYZ, JULIE   Exam Date: 05/13/2023', '29910570')),
    page(2, report('BE RTE Em Gre ga', '170694879')),
  ]);
  assert.deepEqual(r.segments?.map((s) => [s.firstPage, s.lastPage]), [[1, 1], [2, 2]]);
});

test('a DOB label through OCR slips: the slash before Sex misread, DOB read as 008 before a date', () => {
  const a = findPatient(lines('Patient Name: TRIALOVA, CARL G   Exam Date: 09/16/2024 08:05 AM\nDOB /|Sex: 07/24/1978 / M   Accession #: 5985840308'), 1);
  assert.equal(a.birthDate, '1978-07-24');
  assert.equal(findPatient(lines('DOB f Sex: 07/24/1978 | M'), 1).birthDate, '1978-07-24');
  const b = findPatient(lines('Madeupworth, Roy 008 07/19/1964   Patent Report   Specimen 10. 8967995418'), 1);
  assert.equal(b.family, 'Madeupworth');
});

test('identity through OCR slips of other house styles: "Results tor:", a dot read as a dash, "Aug 13,1950", a garbled "Date of Birth" column label', () => {
  assert.deepEqual(who('Results tor: Jason H. Demolli   DOB: 9/24/1958   Chart No.: MR-246127'), ['Jason', 'Demolli', '1958-09-24']);
  assert.deepEqual(who(':   Olumide Placeholderberg - DOB Aug 13,1950 - Male - MRN 0012401928'), ['Olumide', 'Placeholderberg', '1950-08-13']);
  assert.deepEqual(
    who('Patient Name   Jf Birth   Sex   Patient ID   Specimen Number\nDEMOMORE, RONALD K   10/05/2019   M   0093208066   3487705607'),
    ['Ronald', 'Demomore', '2019-10-05'],
  );
  assert.equal(parseDate('Aug 13,1950'), '1950-08-13');
  // The label's colon read as a point before a LAST, FIRST name.
  assert.deepEqual(who('Patient. EXAMPLEBURY, MICHAEL W   Birthdate: 11/28/1988   Gender: M'), ['Michael', 'Examplebury', '1988-11-28']);
});

test('header rows over their values through OCR slips in the labels: a letter or two off, one label garbled past reading', () => {
  const text = `Panent Name        Date of Birth   Sex   Pauert ID     Specimen Number
DEMOWOOD, CAROL R  05/03/1944      F     0049182960    4363028101
Ordenng Physician          Collection Date     Recewved     Reported     Account
PSEUDOBROOK, KATHERINE B   03/03/2024 06:00    03/03/2024   03/04/2024   78791258`;
  const p = findPatient(lines(text), 1);
  assert.deepEqual([p.given?.[0], p.family, p.birthDate], ['Carol', 'Demowood', '1944-05-03']);
  assert.equal(findServiceDate(lines(text), 'lab_report', p.birthDate), '2024-03-03');
});

test('a form grid of label and value cells names the patient; a birth year over 120 years back is a digit misread', () => {
  const p = findPatient(lines('Patient   Ethan Stubers   MAN   26038001\nDate of Birth   Nov 26, 1961 (60 y.0.)   Sex   Male'), 1);
  assert.deepEqual([p.given?.[0], p.family, p.birthDate], ['Ethan', 'Stubers', '1961-11-26']);
  // 1888 on a 2024 record: 1988 is the one year a digit away that a living patient can have.
  assert.equal(ageCheckedBirthDate('1888-08-24', undefined, '2024-12-25'), '1988-08-24');
  assert.equal(ageCheckedBirthDate('1950-08-24', undefined, '2024-12-25'), '1950-08-24');
});

test('a cover sheet whose own date and header line OCR garbled is dated by the headers of the pages after it', () => {
  const r = structureTransmission([
    page(1, 'Ce mem ewe   rHOUM 3805550187   TO 4805550199   JOB 653   PO1\nFAX COVER SHEET\nTo: Dr. Lee   From: Fox Run Internal Medicine\nDate/Time:   ERE   .   :   so   hl\nPages: 2 (including cover)'),
    page(2, '24-JUN-2024 1230   FROM 4805550187   TO 4805550199   JOB 653   P02\nPROGRESS NOTE\nPATIENT: TESTDALE, DEBRA R   DATE OF SERVICE: May 27, 2024\nDATE OF BIRTH: June 18, 1965'),
  ]);
  assert.deepEqual(r.segments?.map((s) => [s.type, s.date]), [
    ['fax_cover_sheet', '2024-06-24'],
    ['office_visit_note', '2024-05-27'],
  ]);
});

test('a Name label OCR misread (Naw:, Narne:) still labels the patient name', () => {
  assert.equal(findPatient(lines('Official Immunization Record\nNaw: James Samplebury   Biel Date: 06/16/1947   Gender: M'), 1).family, 'Samplebury');
  assert.equal(findPatient(lines('Patient Narne: DOE, JANE   DOB: 01/02/1960'), 1).family, 'Doe');
});

test('"Name." before a First M. Last name, and a Birth Date label with its B misread', () => {
  const p = findPatient(lines('Official Immunization Record\nName. Ruth K. Placeholdersen        Hirth Date: 03/17/2016        Gender: F'), 1);
  assert.deepEqual([p.family, p.given?.[0], p.birthDate], ['Placeholdersen', 'Ruth', '2016-03-17']);
});

test('"Patient." or "Patient" before a First Last name that a birth-date label or a date follows', () => {
  assert.equal(findPatient(lines('PATIENT STATEMENT\nGuarantor: DOE, JOHN          Patient. Mary Doe             DOB: 10/13/1987'), 1).given?.[0], 'Mary');
  const referral = findPatient(lines('REFERRAL REQUEST\n(Patient   Tomas Fakerly 10/12/1984 Sex: M\nReferred to    Amber Notreal, MD'), 1);
  // The date between the name and the sex is the birth date.
  assert.deepEqual([referral.family, referral.birthDate], ['Fakerly', '1984-10-12']);
});

test('a Patient label and a DOB label each misread by a letter ("Patent", "DOR") still name the patient, and part a batch of statements', () => {
  const p = findPatient(lines('EXPLANATION OF BENEFITS\nPatent Thomas Specimenman DOR 02/13/1942      Claim 2 G320R30151293'), 1);
  assert.deepEqual([p.given?.[0], p.family, p.birthDate], ['Thomas', 'Specimenman', '1942-02-13']);
  const eob = (who: string) => `Evergreen Mutual Health Plan      EXPLANATION OF BENEFITS\n${who}\nService Date    Service    Amount Billed\n01/16/2024   Office visit   $147.74`;
  const r = structureTransmission([page(1, eob('Patient: Gary Fauxski DOB 09/08/1992')), page(2, eob('Patent Thomas Specimenman DOR 02/13/1942'))]);
  assert.deepEqual(r.segments?.map((s) => [s.firstPage, s.lastPage]), [[1, 1], [2, 2]]);
});

test('a transmission page counter on a garbled header line is no document page marker', () => {
  const report = (top: string, date: string, acc: string) =>
    `${top}\nHarborview Diagnostic Imaging\nPatient Name:   MADEUPBY, LAUREN     Exam Date:   ${date} 04:41 PM\nDOB / Sex:   05/23/1977 | F     Accession #:   ${acc}\nEXAM: CT ABDOMEN\nIMPRESSION: No acute findings.`;
  const r = structureTransmission([page(1, report('Harborview Diagnostic Imaging   Radiology', '09/27/2024', '826410472')), page(2, report('ce mae) www vAUT        Harborview Diagnostic Imaging        P. 2/2', '03/04/2024', '378453378'))]);
  assert.deepEqual(r.segments?.map((s) => [s.firstPage, s.lastPage, s.date]), [
    [1, 1, '2024-09-27'],
    [2, 2, '2024-03-04'],
  ]);
});

test('a birth date no living patient has (a misread year) does not part a document', () => {
  const r = structureTransmission([
    page(1, 'DISCHARGE SUMMARY\nPatient: Austin Notrealelli   DOB: 01/14/1964\nHospital course: admitted for chest pain.'),
    page(2, 'Follow-up with cardiology in two weeks.\nMRN 20766   DOB: 01/14/1904'),
  ]);
  assert.deepEqual(r.segments?.map((s) => [s.firstPage, s.lastPage]), [[1, 2]]);
});

test('identity labels OCR misread: "Nome:", "Beth Date:", "PATIENT -", "008:", "DDB:"', () => {
  const facts = (t: string) => {
    const p = findPatient(lines(t), 1);
    return [p.given?.[0], p.family, p.birthDate];
  };
  assert.deepEqual(facts('Official Immunization Record\nNome: Sara F. Madeupstrom        Beth Date: 02/19/1980        Gender: F'), ['Sara', 'Madeupstrom', '1980-02-19']);
  assert.deepEqual(facts('*** FINAL RESULTS REPORT ***\nPATIENT - MADEUPSTROM, SARA F        HRN 2567995\n008: 02/19/1980 (42Y) SEX: F'), ['Sara', 'Madeupstrom', '1980-02-19']);
  assert.deepEqual(facts('PATIENT: MADEUPSTROM, SARA F        MRN: 2567995\nDDB: 02/19/1980 (43Y) SEX: F'), ['Sara', 'Madeupstrom', '1980-02-19']);
  // A month's 0 read as an 8.
  assert.deepEqual(facts('PATIENT: TRIALRIDGE, MARIE N        MRN: HR-358083\nDOB: 82/21/1975 (47Y) SEX: F'), ['Marie', 'Trialridge', '1975-02-21']);
});

test('a Last First name whose comma OCR lost takes the order the document prints with the comma elsewhere', () => {
  const p = findPatient(lines('Pseudohursi James DOB 08/28/1987    Patient Report    Specimen ID 7537720188\nPseudohurst, James                                      Patient Report'), 1);
  assert.deepEqual([p.given?.[0], p.family, p.birthDate], ['James', 'Pseudohurst', '1987-08-28']);
  // A First Last name with no comma form printed stays as read.
  const q = findPatient(lines('Patient: Thomas James   DOB: 01/02/1960\nJames, Thomas J is seen today'), 1);
  assert.deepEqual([q.given?.[0], q.family], ['Thomas', 'James']);
});

test('a name under the ordering physician\'s column header is not the patient', () => {
  const p = findPatient(lines('Keystone Reference Laboratory            Patient Report\nOrdering Physician          Collection Date       Received\nDRAFTSON, JEFFREY G         12/25/2024 07:46      12/26/2024'), 1);
  assert.equal(p.family, undefined);
  // The same line under no header is a report's patient line.
  assert.equal(findPatient(lines('Keystone Reference Laboratory            Patient Report\nDRAFTSON, JEFFREY G         12/25/2024 07:46      12/26/2024'), 1).family, 'Draftson');
});

test('a name label and the name\'s comma both lost to OCR, and a year-first birth date with its dashes lost', () => {
  const p = findPatient(lines('LABORATORY REPORT\nName ROWANFIELD. PETRA   Med Rec # 2206417   Acct 5581930\nDOB 195711 24 Age 66 Sex F   Location ED 12'), 1);
  assert.deepEqual([p.family, p.given?.[0], p.birthDate], ['Rowanfield', 'Petra', '1957-11-24']);
  assert.equal(findPatient(lines('Patient: Doe, Jane   DOB: 0870771931   Sex: F'), 1).birthDate, '1931-08-07');
  assert.equal(findPatient(lines('Patient: STUBLEY, JAMES G        Birthdate 08:26 1964       Gender: M'), 1).birthDate, '1964-08-26');
});

test('a letter-spaced FACSIMILE title makes a cover sheet of a page whose subject names a report', () => {
  const text = `Silver Lake Radiology Associates
6449 Maple Dr, Fairview, OR 97024 • Telephone 503-555-0117 • Facsimile 503-555-0163
CONFIDENTIAL   FAC S I M I L E
TO   FROM
Jonathan Notrealhurst   Emma Placeholderington
Date sent: Jun 13, 2022   Total pages (with cover): 2
Regarding: Jonathan Notrealhurst - imaging report
Urgent   X   Please review   Please call   For your records   X   As requested
Sending imaging report as requested. If any pages are missing or illegible please call (503) 555-0117.
This facsimile contains confidential health information protected by federal and state law. Re-disclosure
without the patient's written consent is prohibited. If you have received this transmission in error, please notify Health Information Management
immediately by telephone and return or destroy the documents.`;
  assert.equal(classify(lines(text)).type, 'fax_cover_sheet');
});

test('a patient header row with a stamp printed over it: a stamp line between labels and values, stamp cells after the labels', () => {
  // A RECEIVED stamp's second line sits between the header row and its values.
  const stampBetween = `Patient Name                    Date of Birth        Sex       Patient ID
                                                               MEDICAL RECORD
DEMORS, ZACHARY A               06/10/1971           M         35484235`;
  assert.deepEqual(who(stampBetween), ['Zachary', 'Demors', '1971-06-10']);
  // The stamp's garble read as cells of the header after its first labels; OCR spaced the values closer.
  const stampOver = `Patient Name                                    Date of Birth                   Sex                 ga -    AL     U24 Specimef Number
DEMORS, ZACHARY A               06/10/1971                M           vediedicrecontas 708`;
  assert.deepEqual(who(stampOver), ['Zachary', 'Demors', '1971-06-10']);
});

test('a birth year misread into a century no one alive was born in is mended by its one plausible digit', () => {
  assert.equal(findPatient(lines('Patient Name: PROTOMORE, OLIVIA\nDate of Birth: 09/27/1847'), 1).birthDate, '1947-09-27');
  // No year a digit away gives a plausible age (1803: 1903 is over 120 years back): no date rather than a guess.
  assert.equal(findPatient(lines('Patient Name: PROTOMORE, OLIVIA\nDate of Birth: 09/27/1803'), 1).birthDate, undefined);
});

test('a referral form listing the current medications is a referral: the topmost title decides a tie', () => {
  // As OCR read it: the title letter-spaced and split ("REFERRAL REQU EST"), the medication list within the head lines.
  const text = `Elm Valley Primary Care Associates
4834 Testing Pl, Arlington, VA 22201 - P 703-555-0190 - F 703-555-0112             REFERRAL REQU EST
Date  07/23/2024 [X] Routine    Urgent    Soon (within 2 weeks)
Patient   Walter Sampleshaw 02/22/1950 Sex: M
Referred to           Joseph Fauxmore, MD                 Specialty              Cardiology
Bluebell Cardiology Consultants
6378 Spring Cir, Clinton, IA 52732
Reason for             Evaluation of exertional chest discomfort and abnormal ECG
referral
Diagnoses
ICD-10                            Description
I10                              Essential (primary) hypertension
Current Medications
losartan 50 mg                                                     1 tab PO QD
hydrochlorothiazide 25 mg                                      1 tab PO QAM
Allergies
NKDA`;
  assert.equal(classify(lines(text)).type, 'referral_letter');
});

test('a birth year OCR misread by a digit is mended by the age the note\'s narrative gives ("a 14-year-old boy")', () => {
  const note = `GRANITE PEAK INTERNAL MEDICINE
CLINIC NOTE
PATIENT: TESTCOTT, EDWARD T                 DATE OF SERVICE: March 13, 2023
DATE OF BIRTH: March 5, 2000                CHART #: E6435636
CHIEF COMPLAINT: Itchy rash on arms
SUBJECTIVE:
Edward is a 14-year-old boy who noticed an itchy red rash on both forearms 3 days after gardening.
ASSESSMENT AND PLAN: Contact dermatitis. Topical steroid.`;
  const r = structureTransmission([page(1, note)]);
  const subject = r.segments?.[0]?.subject;
  assert.equal(subject && r.subjects?.[subject]?.birthDate, '2009-03-05');
});

test('a phone photo\'s garbled patient header row is still read as labels over values ("Pate Name   Date of Bem   Ser")', () => {
  const header = `Keystone Reference Laboratory
Pate Name                     Date of Bem        Ser       Pavent iO     Specimen Nurter
SAMPLELEY, CHRISTOPHER                 0511/1945                 M                  MR-359017       7671726399
Ordering Pryscan                   Cofecton Date      Fro orved     Reponed     Account
DRAFTSON, JEFFREY G             12252024 07:46    12/25:2024   122672024   53768484`;
  assert.deepEqual(who(header), ['Christopher', 'Sampleley', '1945-05-11']);
  // Only a row of labels is read loosely: a billing row's "Date of Bill" beside cells that are no labels is no birth date.
  assert.equal(findPatient(lines('Account        Date of Bill     Amount Due\n53768484       12/25/2024       $40.00'), 1).birthDate, undefined);
});

test('caption grids: a name caption with its format hint ("Name (Last, First, MI)") and a letter-spaced caption ("PAT I E N T N A M E")', () => {
  assert.deepEqual(who(`Name (Last, First, MI)                          Birthdate             Sex       Registry ID
TRIALOVA, FATIMA                                12/10/1964            F         512866339`), ['Fatima', 'Trialova', '1964-12-10']);
  assert.deepEqual(who(`PAT I E N T N A M E                              DOB                     SEX                                MRN

Joyce Draftton                                   10/18/1976              F                                  28098596`), ['Joyce', 'Draftton', '1976-10-18']);
});

test('a payer\'s summary notice: the member named in its title, the claim\'s own "Dates of Service:" rather than the heading over the processing period', () => {
  const notice = `Summary Notice                                                                          THIS IS NOT A BILL
for JEREMY PLACEHOLDERCOTT                                                              Notice for Jeremy Placeholdercott
The Official Summary of Your Evergreen Mutual Health Plan Claims                        Member Number: XXX-XX-5602A
 Dates of Service                                   Your Deductible Status                             Did the plan approve all services?
 Claims Processed Between March 4, 2023 and         Your deductible is what you must pay each          YES. The plan approved all services in this
 May 30, 2023                                       year before the plan pays. You have now met        notice. See the claim below for details.
                                                    $149.65 of your deductible for this year.
 Claim for Diana Protomore, MD, Mesa
 Dates of Service: 4/5/2023   Claim Number: 8619J71530083        Group: 340482 (HMO Select)   Date processed: 5/30/2023
 Office/outpatient visit, established, low MDM (99213)     Yes     $152.73     $122.44     $0.00     $122.44     A`;
  const p = findPatient(lines(notice), 1);
  assert.deepEqual([p.given?.[0], p.family], ['Jeremy', 'Placeholdercott']);
  assert.equal(findServiceDate(lines(notice), 'insurance_billing'), '2023-04-05');
});

test('date labels in a typeface whose e OCR reads as o ("Spociman colloctod:")', () => {
  const head = `Bayside Reference Laboratory                   FAKESLEY, BRITTANY E
Chont Services | 802 555 0199                        Ropertod: 12/27/2022     Sex/Age: F/43
Physician: NOTREALDALE, REBECCA                                            Spociman colloctod: 12/26/2022 9:08 AM`;
  assert.equal(findServiceDate(lines(head), 'lab_report'), '2022-12-26');
});

test('a medication reconciliation is dated the day it was reconciled, not by a scan stamp above it', () => {
  const text = `Juniper Hills Community Health Clinic                         MEDICATION RECONCILIATION
                                                                  SCANNED
                                                                OCT 18 2023
Patient: Julia Specimenman   DOB: 04/16/1951                      HIM DEPT
Reconciled on: 11/13/2022 by Rebecca Notrealdale, RN
Medication            Sig                     Status
lisinopril 10 mg      1 tab PO daily          Continue`;
  assert.equal(findServiceDate(lines(text), 'medication_list'), '2022-11-13');
});

test('a name above the birth date keeps no speck OCR read after it as a bracket ("DRAFTFIELD, SANTIAGO )")', () => {
  assert.deepEqual(who(`Crossroads Diagnostic Laboratories        DRAFTFIELD, SANTIAGO )
8511 Maple Ave, Springfield, IL 62704      DOB 1/14/1973`), ['Santiago', 'Draftfield', '1973-01-14']);
});

const imagingCover = `Fox Run Diagnostic Imaging
2794 Forest Dr, Duluth, MN 55802
ph 218.555.0195    fx 218.555.0129
TO:                Anthony Madeupcott                   FROM:            Zainab Draftstrom
COMPANY:                                                                DATE:                 3/15/2023
FAX #:             (218) 555-0198                                # PAGES:         2 incl. cover
PHONE #:           (218) 555-0180                            SENDER FAX: (218) 555-0129
RE:                Imaging report for Anthony Madeupcott, DOB 01/05/1948
Per the authorization received, enclosed are records for the above patient. Please confirm receipt.`;

test('an imaging center\'s cover whose title OCR lost: its letterhead counts once, its "RE:" line names what is enclosed', () => {
  assert.equal(classify(lines(imagingCover)).type, 'fax_cover_sheet');
});

test('a document whose patient OCR could not read is given to the patient the cover sheet names, with a warning', () => {
  const report = `Fox Run Diagnostic Imaging                                             Imaging Report
FALIENT NAM)                               Don                   SEN
AnthonyJ. Madeupcolt                   01/05/1948          M
EXAM DATE: 02/10/2023
CT ABDOMEN AND PELVIS WITH IV CONTRAST
Findings: No acute abnormality. Impression: Normal CT of the abdomen and pelvis.`;
  const r = structureTransmission([page(1, imagingCover), page(2, report)]);
  const [cover, doc] = r.segments ?? [];
  assert.equal(cover?.type, 'fax_cover_sheet');
  assert.equal(doc?.type, 'radiology_report');
  assert.ok(doc?.subject);
  assert.equal(doc?.subject, cover?.subject);
  assert.equal(r.subjects?.[doc!.subject!]?.birthDate, '1948-01-05');
  assert.ok(r.issues?.some((i) => i.code === 'patient-from-cover'));
});

test('without a cover sheet, a document whose patient OCR could not read goes to the patient another document names when it prints that family name, with a warning', () => {
  const labs = `Lakeside Medical Center Laboratory
Patient: PROTONGTON, THERESA          DOB: 06/30/1988          Sex: F
Collected: 10/12/2023 08:15
Test                Result     Units      Reference Range
Sodium              141        mEq/L      136-145
Potassium           4.5        mEq/L      3.5-5.1`;
  // The same patient's imaging report: its header strip too faint to read, the name in its footer
  // read with one slip and no label.
  const imaging = `Lakeside Medical Center Imaging
son TONGTON, THEKESA     0G/30/2O88
EXAM DATE: 10/14/2023
CHEST X-RAY, 2 VIEWS
Findings: Lungs are clear. Impression: No acute cardiopulmonary process.`;
  const footer = '\nPROTONGTUN, THERESA     MRE 6823041013                      PAGE 2';
  const r = structureTransmission([page(1, labs), page(2, imaging + footer)]);
  const [lab, rad] = r.segments ?? [];
  assert.equal(lab?.type, 'lab_report');
  assert.equal(rad?.type, 'radiology_report');
  assert.ok(lab?.subject);
  assert.equal(rad?.subject, lab?.subject);
  assert.ok(r.issues?.some((i) => i.code === 'patient-from-transmission' && i.location?.page === 2));
  // A document that prints no name of the fax's patients: no guess, the user chooses.
  const unnamed = structureTransmission([page(1, labs), page(2, imaging)]);
  assert.equal(unnamed.segments?.[1]?.subject, undefined);
  assert.ok(unnamed.issues?.some((i) => i.code === 'no-patient' && i.location?.page === 2));
  // Two patients of the fax print that family name: no guess either.
  const sister = labs.replace('THERESA', 'ROSA').replace('06/30/1988', '02/11/1991');
  const two = structureTransmission([page(1, labs), page(2, imaging + footer), page(3, sister)]);
  assert.equal(two.segments?.length, 3);
  assert.equal(two.segments?.[1]?.subject, undefined);
});

test('a caption grid through OCR: a garbled format hint ("(Last. Furst, M()") and specks read as cells of their own', () => {
  assert.deepEqual(who(`.     Name (Last. Furst, M()                                                  Birthdate                  Sex      Registry 1D
PLACEHOLDERCOTT, JEREMY D           )                    05/31/1992             M       345778979`), ['Jeremy', 'Placeholdercott', '1992-05-31']);
});

test('a birth date with a digit OCR read as a look-alike letter ("1963-06-C1", "O3/l4/1950")', () => {
  assert.equal(findPatient(lines('NAME: MADEUPWOOD, JANE          MRN: 7952543\nDOB: 1963-06-C1   SEX: F'), 1).birthDate, '1963-06-01');
  assert.equal(findPatient(lines('Patient: Doe, Jane   DOB: O3/l4/1950'), 1).birthDate, '1950-03-14');
  // A word, not a date: nothing taken.
  assert.equal(findPatient(lines('Patient: Doe, Jane   DOB: ON FILE'), 1).birthDate, undefined);
});

test('the Patient label with its "ti" read as one "u" ("Pauent Heather Protobury DOB ...") is no part of the name', () => {
  assert.deepEqual(who('Pauent Heather Protobury DOB 07/04/1954                             Claim #: 2413E94931307'), ['Heather', 'Protobury', '1954-07-04']);
});

test('an EOB\'s member beside the claim number in a text layer with single spaces between cells', () => {
  assert.deepEqual(who('Bluestone Health Insurance Co. Claim Detail — Explanation of Benefits\nJesse Proxyva Claim number: 1337U02243687 You may be billed'), ['Jesse', 'Proxyva', undefined]);
});

test('a labelled date OCR garbled: a month name letters off ("Majeh 13.2023", "Janvar 23, 2023"), a digit read as a letter ("S/10/2024")', () => {
  assert.equal(findServiceDate(lines('CLINIC NOTE\nPATIENT TESTCOTT EDWARD      DATE OF SERVICE Majeh  13.2023\nDATE OF BIRTH March 5, 2009'), 'office_visit_note'), '2023-03-13');
  assert.equal(findServiceDate(lines('CLINIC NOTE\nPATIENT IESTCORL EDWARD      DATE OF SERVICE Janvar  23, 2023'), 'office_visit_note'), '2023-01-23');
  assert.equal(findServiceDate(lines('Physician: TRIALTON, LINDA C        Specimen collected: S/10/2024 11:18 AM\nReported: 05/11/2024'), 'lab_report'), '2024-05-10');
  // A word no month's name is near: no date made up from it.
  assert.equal(findServiceDate(lines('CLINIC NOTE\nDATE OF SERVICE Jones 12 2023'), 'office_visit_note'), undefined);
});

test('imaging caption grids: EXAM DATE / ACCESSION / REFERRING over their values date the report, and two reports of one fax part by them', () => {
  const report = (cap: string, name: string, dob: string, exam: string, acc: string) =>
    `Cedar Imaging Associates                                   Imaging Report\n${cap}\n${name}                    ${dob}              F                 MR-1234\nEXAM DATE                     ACCESSION               REFERRING                    CPT\n${exam} 10:26 AM          ${acc}            Andrew Demowell, MD          71046\nXR CHEST 2 VIEWS\nFindings: The lungs are clear.\nImpression: No acute process.`;
  const r = structureTransmission([
    page(1, report('PATIENT NAME                DOB                 SEX                MRN', 'Dana Q. Fauxley', '05/14/1946', '01/08/2022', '289161024')),
    // The second report's name OCR could not read and its DOB caption read as "008".
    page(2, report('PATIENT NAME                008                 SEX                MRN', 'Rxwl Tyqz', '03/26/2008', '12/27/2021', '4379464205')),
  ]);
  assert.deepEqual(r.segments?.map((s) => [s.firstPage, s.lastPage, s.date]), [[1, 1, '2022-01-08'], [2, 2, '2021-12-27']]);
  // An accession label whose value OCR put elsewhere: the caption beside it is no accession number.
  assert.deepEqual(pageFacts(cleanPage(1, 'ACCESSION   REFERRING PHYSICIAN   CPT\nXR CHEST 2 VIEWS')).serviceDates, []);
  const second = r.segments?.[1]?.subject;
  assert.equal(second ? r.subjects?.[second]?.birthDate : undefined, '2008-03-26');
});

test('a name printed beside the patient\'s own birth date in a running footer names the patient when the labelled copy lost its first letter', () => {
  assert.deepEqual(who('Patient Name: heryl Madeupshaw\nDOB: 03/26/2008\nFindings: normal.\nCheryl Madeupshaw 03/26/2008                                   Page 1 of 1'), ['Cheryl', 'Madeupshaw', '2008-03-26']);
  // A name beside another date (an exam date, a signature) is not taken for the patient's.
  assert.deepEqual(who('Patient Name: heryl Madeupshaw\nDOB: 03/26/2008\nMark Exampleby 12/27/2021'), [undefined, undefined, '2008-03-26']);
});

test('one patient across a fax\'s documents through OCR slips: a name split in two ("DUMMY LEY"), a point after the name in a sentence, a copy that cut the given name short', () => {
  const cover = 'FACSIMILE COVER SHEET\nTO: Medical Records        FROM: Bluebell Radiology\nRegarding: Imaging report for Dorothy Dummyley. DOB 10/27/1976\nPages: 2 including this cover';
  const report = 'Bluebell Radiology Associates   IMAGING REPORT\nNAME: DUMMY LEY, DOROTHY       MRN: WH0R228\nEXAM: XR CHEST 2 VIEWS\nFindings: The lungs are clear.\nImpression: No acute process.';
  const r = structureTransmission([page(1, cover), page(2, report)]);
  assert.equal(new Set(r.segments?.map((s) => s.subject)).size, 1);
  const p = r.subjects?.[r.segments![1]!.subject!];
  assert.deepEqual([p?.family?.replace(/ /g, '').toLowerCase(), p?.birthDate], ['dummyley', '1976-10-27']);

  const lab = 'LABORATORY REPORT\nName: DUMMYTON, CHRISTOPHER F        Med Rec #: 0410139\nDOB: 06/16/1991  Age: 33  Sex: M   Coll Date/Time: 02/16/2025 10:13\nGLUCOSE      65-99     106   H   mg/dL\nSODIUM      135-146    141       mEq/L\nPOTASSIUM    3.5-5.3   4.1       mEq/L\nCHLORIDE     98-110    107       mEq/L';
  const profile = 'PATIENT MEDICATION PROFILE     Run 11/23/2024\nPatient: DUMMYTON, CHRISTO     F      Birthdate: 06/16/1991   Gender: M   Profile #: MR-599892\nRx #   Drug   Qty   Refills   Last Fill\n6985464  FLUTICASONE 50 MCG NASAL SPRAY  1  4  09/08/24\nUse 2 sprays in each nostril once daily';
  const two = structureTransmission([page(1, lab), page(2, profile)]);
  assert.equal(two.segments?.length, 2);
  const who2 = two.subjects?.[two.segments![1]!.subject!];
  assert.deepEqual([who2?.given?.[0], who2?.family, who2?.birthDate], ['Christopher', 'Dummyton', '1991-06-16']);
});

test('a batch of imaging reports whose headers OCR garbled parts where a page states its indication again; a prior study\'s date is not the exam date', () => {
  const report = (exam: string, proc: string) =>
    `BLUEBELL RADIOLOGY ASSOCIATES\nNAME: DUMMYLEY, DOROTHY      MRN: WH0R228\nORDERING: SYNTHSTROM, JACQUELINE A      EXAM DATE ${exam}\nPROCEDURE: ${proc}\nINDICATION: Pain.\nTECHNIQUE: Three views.\nCOMPARISON: XR KNEE RIGHT 3 VIEWS dated 2023-01-04\nFINDINGS: Mild degenerative change.\nIMPRESSION: No fracture.`;
  const r = structureTransmission([page(1, report('2023-12 10 19:35', 'XR KNEE RIGHT 3 VIEWS')), page(2, report('S004 O04 04 14:41', 'XR CHEST 2 VIEWS'))]);
  assert.deepEqual(r.segments?.map((s) => [s.firstPage, s.lastPage, s.date]), [[1, 1, '2023-12-10'], [2, 2, undefined]]);
  // A report running over two pages does not state its indication twice: one document.
  const long = structureTransmission([page(1, report('2023-12-10', 'XR KNEE RIGHT 3 VIEWS')), page(2, 'BLUEBELL RADIOLOGY ASSOCIATES\nFINDINGS (continued): Small joint effusion.\nIMPRESSION: Degenerative change.')]);
  assert.deepEqual(long.segments?.map((s) => [s.firstPage, s.lastPage]), [[1, 2]]);
});

test('a pharmacy profile\'s "Run date" through OCR slips ("Hun gate", "Ru date") dates the medication list', () => {
  for (const label of ['Hun gate', 'Ru date', 'RUN DATE'])
    assert.equal(findServiceDate(lines(`Maple Grove Pharmacy                PATIENT MEDICATION PROFILE\n1847 Harbor Cir, Springfield IL 62704  Ph 217 555 0129            ${label} 07 09 2024\nPatient STUBBROOK, TERESA S     Birthdate 04/23/1955`), 'medication_list', '1955-04-23'), '2024-07-09', label);
});

test('a dotted D.O.B. label read as "0.0.8." labels the birth date, which then dates nothing', () => {
  const t = 'Willow Creek General Hospital          LAB FLOWSHEET\nPt Name: TRIALINGTON, JOAN P 0.0.8. 01/25/2007 17Y Female MRN 0090941248\nAttending: PROTOWOOD, DENISE   Unit: 4 WEST';
  assert.deepEqual(who(t), ['Joan', 'Trialington', '2007-01-25']);
  assert.notEqual(findServiceDate(lines(t), 'lab_report', '2007-01-25'), '2007-01-25');
});

test('a running footer ("Jane Doe 05/15/1936   Page 1 of 1") gives the birth date its garbled caption hid, and the patient when nothing else could be read', () => {
  assert.deepEqual(who('PATIENT NAME          [18] J)          SEX          MRN\nAngela Examplefield          09/27/1949          F          E6955037\nFindings: normal.\nAngela Exampiefield 09/27/1949                                   Page 1 of 1'), ['Angela', 'Examplefield', '1949-09-27']);
  assert.deepEqual(who('PATIENT NAME          oo          SEX\njosica Samplcot     csnsass  r  eoousss\nFindings: normal.\nJessica Samplecott 05/15/1936                                   Page 1 of 1'), ['Jessica', 'Samplecott', '1936-05-15']);
  // A signature's name and date, without a page marker, names no patient.
  assert.deepEqual(who('Findings: normal.\nMark Exampleby 12/27/2021'), [undefined, undefined, undefined]);
});

test('a caps "PATIENT LAST FIRST" whose colon and comma OCR lost names the patient; the narrative tells the given name', () => {
  assert.deepEqual(who('CLINIC NOTE\nPATIENT TESTCOTT EDWARD      Lo        DATE OF SERVICE 3/13/2023\nDATE OF BIRTH March 5, 2009\nEdward is a 14-year-old boy who noticed a rash.'), ['Edward', 'Testcott', '2009-03-05']);
  assert.deepEqual(who('CLINIC NOTE\nPATIENT EDWARD TESTCOTT      DATE OF SERVICE 3/13/2023\nEdward is a 14-year-old boy.'), ['Edward', 'Testcott', undefined]);
  assert.deepEqual(who('PATIENT CHART REVIEW\nFindings: none.'), [undefined, undefined, undefined]);
});

test('a Patient label two letters off ("Patont") before a LAST, FIRST cell still names the patient', () => {
  assert.deepEqual(who('Maple Grove Pharmacy     PATIENT MEDICATION PROFILE\nPatont STUBBROOK, TERESA S               Buthdate 04/23/1955          Gender. F'), ['Teresa', 'Stubbrook', '1955-04-23']);
  // Another word before a comma form is no label ("Reviewed SMITH, JOHN" is a reviewer).
  assert.deepEqual(who('Reviewed SMITH, JOHN               01/02/2024'), [undefined, undefined, undefined]);
});

test('"Results for:" with its R read as H ("Hesults for: Zainab Dummyngton") labels the patient', () => {
  assert.deepEqual(who('Laboratory Results\nHesults for: Zainab Dummyngton            DOB: 01/18/1996                            Chart No.: 0028671492'), ['Zainab', 'Dummyngton', '1996-01-18']);
});

test('a Birth label garbled past its Date ("Bicth Otr. 0817/1961") still marks the birth date, which then dates no record', () => {
  const t = 'KY IMMUNIZATION INFORMATION SYSTEM\nNate. Dusitrt K. Samplefield                      Bicth Otr. 0817/1961       on) ER\nVaccine Group Date Given Dose';
  assert.equal(findPatient(lines(t), 1).birthDate, '1961-08-17');
  assert.notEqual(findServiceDate(lines(t), 'immunization_record', '1961-08-17'), '1961-08-17');
  // Not a word that only ends like it ("Booth 12/01/2023").
  assert.equal(findPatient(lines('Booth 12/01/2023'), 1).birthDate, undefined);
});

test('an unlabelled date cell whose slashes OCR lost ("09 16 2024" in a form\'s corner) dates the form; a phone number does not', () => {
  assert.equal(findServiceDate(lines('Brookstone Medical Group\n4809 Summit Cv Mesa AZ 85201 P 480.555.0173        REFERRAL REQUEST\n09 16 2024                                         Routine   Urgent\nSara Samplewell, MD       Cardiology'), 'referral_letter'), '2024-09-16');
  assert.equal(findServiceDate(lines('REFERRAL REQUEST\nPhone   480 555 0173\nReason: chest pain'), 'referral_letter'), undefined);
});

test('a results export is dated by the date under its Collected column, also with the slashes read as 1s, not by a re-faxed header above it', () => {
  const page = 'ASPEN PARK MEDICAL GROUP                                   Results Review\nName: Gabriel Pseudoz (Age 60 yrs) | DOB 7/2/1964 | Sex Male\nCollected       Order                  Component               Value     Units        Ref Range     Abn   Status\n0211512025      CBC (includes Diff/Plt)      Red Blood Cell Count      5.03 x10E6/uL        4.20-5.80        Final';
  assert.equal(findServiceDate(lines(`02/22/2025 13:54          SUMMIT CLINIC        #66 P.2\n${page}`), 'lab_report', '1964-07-02'), '2025-02-15');
  assert.equal(findServiceDate(lines(page.replace('0211512025', '02/15/2025')), 'lab_report', '1964-07-02'), '2025-02-15');
});

test('a labelled date whose first slash OCR read as a 0 ("Date of Collection: 10025/2022")', () => {
  assert.equal(findServiceDate(lines('Laboratory Results\nOrdering Provider: Beverly Fictmore, MD      Date of Collection: 10025/2022 6:32 AM'), 'lab_report'), '2022-10-25');
});

test('a demographics row whose captions OCR garbled ("Date ct Bee") gives the birth date beside the caps LAST, FIRST name; a collection date beside it does not', () => {
  const head = 'Palent Name          Date ct Bee          Sea          Panear (3          Sperurer Numoe:';
  assert.deepEqual(who(`${head}\nSYNTHMORE, ANN F          11-03-1971          F          MR-785944          5872017213\nPatient: Ann F Synthmore\nCollected 07/31/2025`), ['Ann', 'Synthmore', '1971-11-03']);
  // The only other date is the one beside the name: a results header's collection date, no birth date.
  assert.deepEqual(who(`Patient: Ann F Synthmore\nSYNTHMORE, ANN F          07/31/2025          Final`), ['Ann', 'Synthmore', undefined]);
});

test('a slash read as a degree sign or a 7 ("07 31°2025", "3716/2006.") still reads as a date', () => {
  assert.equal(findServiceDate(lines('Ordering Physician: DEMORS, GREGORY B\nCollection Date: 07 31°2025 09:33'), 'lab_report'), '2025-07-31');
  assert.deepEqual(who('Pt Name Rebecca Specimenstein              DOB 3716/2006. 17 yo F          Acct # O26526724'), ['Rebecca', 'Specimenstein', '2006-03-16']);
});

test('a month abbreviation with one letter misread ("Date sent; Tul 24, 2023") dates a cover sheet; an ambiguous one does not', () => {
  assert.equal(findServiceDate(lines('CONFIDENTIAL FACSIMILE\nDate sent; Tul 24, 2023 Total pages (with cover): 3'), 'fax_cover_sheet'), '2023-07-24');
  // "Mat" is one letter from both May and Mar.
  assert.equal(findServiceDate(lines('CONFIDENTIAL FACSIMILE\nDate sent; Mat 24, 2023 Total pages (with cover): 3'), 'fax_cover_sheet'), undefined);
});

test('a letterhead whose date lost its second slash to a colon ("Run date 10/08:2024") is no fax header line and dates the profile', () => {
  const profile = 'wf Granite Peak Apothecary                     PATIENT MEDICATION PROFILE\n8209 Hillcrest Ave. Madison, WI 53703 - Ph (608) 555-0168 - Fax (608) 555-0174          Run date 10/08:2024\nRx #      Drug / Directions          Qty Refills Left Last Fill\n5342149 LISINOPRIL 10 MG TABLET    60    5    08/08/24';
  assert.equal(cleanPage(1, profile).faxHeaders.length, 0);
  assert.equal(findServiceDate(cleanPage(1, profile).lines, 'medication_list'), '2024-10-08');
});

test('a claim line whose date wrapped ("Mar 12," alone above) and whose first amount lost its dollar sign takes the year from its line', () => {
  const eob = 'Claim number: 3500M25790805   Date processed: May 5, 2023\nService Provided            Date        Charged     Approved\nMar 12,\nRoutine vempuncture (36415)          2023        S234        S989     SO.     $9.89     A';
  assert.equal(findServiceDate(lines(eob), 'insurance_billing'), '2023-03-12');
});

test('a middle dot read as a plus ("Sharon Protoby + DOB Jun 27, 2009") still separates the name from the birth date', () => {
  assert.deepEqual(who('Immunization History\nSharon Protoby + DOB Jun 27, 2009 - Female + MRN MR-370293 + State registry 1D 919402452'), ['Sharon', 'Protoby', '2009-06-27']);
});

test('a birth-date label ending its line takes the date that opens the next', () => {
  assert.deepEqual(who('Comments\nPlease find attached the medical records you requested for Rebecca Specimenstein, DOB\n03/16/2006. 3 pages including this cover sheet'), ['Rebecca', 'Specimenstein', '2006-03-16']);
});

test('a cover sheet is dated by its own date, its year misread years after the fax ("DELIVERED 5/15/2073"), not by the birth date it quotes', () => {
  const cover = '05/15/2023 MON 08:04                FAX 423 555 0184                WILLOW CREEK PRIMARY CARE                 001/003\nRECORDS DELIVERY - FAX TRANSMITTAL\nREQUEST     865) 985114          DELIVERED    5/15/2073 804 AM\nPlease find attached the medical records you requested for Rebecca Specimenstein, DOB\n03/16/2006. 3 pages including this cover sheet';
  const r = structureTransmission([page(1, cover)]);
  assert.equal(r.segments?.[0]?.type, 'fax_cover_sheet');
  assert.equal(r.segments?.[0]?.date, '2023-05-15');
});

test('a flowsheet page printing another encounter number starts another report of the same patient', () => {
  const sheet = (enc: string, date: string) =>
    `Harborview Memorial Hospital                    LAB FLOWSHEET\nPt Name: SYNTHSTEIN, RICHARD DOB 03/27/1936  88Y Male   MRN 19607928 Enc ${enc}\n${date}\nTest                 Result     Ref Range   Units\nGlucose              86         65-99       mg/dL\nBUN                  24         7-25        mg/dL\nSodium               137        135-146     mEq/L\nPotassium            4.4        3.5-5.3     mEq/L\nChloride             101        98-110      mEq/L`;
  const r = structureTransmission([page(1, sheet('30401166', '06/13/25')), page(2, sheet('94089045', '08/23/24'))]);
  assert.deepEqual(r.segments?.map((s) => [s.firstPage, s.lastPage]), [[1, 1], [2, 2]]);
  // The same encounter on both pages: one report.
  const same = structureTransmission([page(1, sheet('30401166', '06/13/25')), page(2, sheet('30401166', '06/13/25'))]);
  assert.deepEqual(same.segments?.map((s) => [s.firstPage, s.lastPage]), [[1, 2]]);
});

test('a consultant\'s letter back about a visit is a visit note, a letter asking for one a referral; an e-fax "Fax Message" page a cover sheet', () => {
  const consult = 'Fox Run Medical Group\nMay 21, 2023\nRe: Specimenwell, Joshua (DOB 07-31-2010)\nDear Colleague,\nThank you for asking me to see Joshua Specimenwell, whom I saw in the office on May 21, 2023 for sinus pressure.\nOn examination his blood pressure was 114/70, pulse 93, temperature 99.8 F, respirations 18, oxygen saturation 96% on room air.\nImpression:\n1. Acute sinusitis, unspecified [J01.90]\nRecommendations: Amoxicillin-clavulanate for 7 days.\nWith kind regards,\nGuadalupe Samplengton, MD';
  assert.equal(classify(lines(consult)).type, 'office_visit_note');
  const referral = 'Fox Run Medical Group\nMay 21, 2023\nRe: Specimenwell, Joshua (DOB 07-31-2010)\nDear Dr. Samplengton,\nI am referring Joshua Specimenwell for evaluation of recurrent sinusitis.\nReason for referral: four episodes this year despite treatment.\nThank you for seeing him. Please do not hesitate to call.\nSincerely,\nAnn Provyva, MD';
  assert.equal(classify(lines(referral)).type, 'referral_letter');
  const cover = 'CloudLineFax                         secure cloud fax\nFax Message\nTO                                   FROM\nElizabeth Samplestein                Results Desk\nDAT E                                PAG E S ( I N C LU D I N G C OV E R )\nTuesday, August 22, 2023 8:00 AM     3\nSUBJECT\nElizabeth Samplestein - discharge summary / imaging report';
  assert.equal(classify(lines(cover)).type, 'fax_cover_sheet');
});

test('a results letter is dated by the day the tests were done, a line-printer report by its COLL: date', () => {
  assert.equal(findServiceDate(lines('February 10, 2022\nDear Mr. Mockstein,\nThank you for having your blood tests done on February 9, 2022. The tests were run by Tri-County Reference Laboratory.'), 'lab_report'), '2022-02-09');
  assert.equal(findServiceDate(lines('NAME: TESTBURY,HAROLD J     CBC ......  6.9   (3.8-10.8)\nCOLL: 14MAR2024 0815        PRINTED 15MAR2024'), 'lab_report'), '2024-03-14');
});

test('a nursing home\'s "Resident" grid and a statement\'s "Patient: TESTBURY Harold" name the patient in the right order', () => {
  const mar = 'Pine Ridge General Hospital          MEDICATION ADMINISTRATION RECORD\nResident:                Room / Bed:       Birthdate:       Sex:     Resident #:      Attending:              Code status:\nFAUXCOMBE, Keith E       238-A             1968-11-05       M        0039771538       Joan Proxyberg, MD      DNR/DNI\nALLERGIES: NKDA';
  assert.deepEqual(who(mar), ['Keith', 'Fauxcombe', '1968-11-05']);
  assert.deepEqual(who('Customer: Jesse Specimenson      DOB 03/06/1967'), ['Jesse', 'Specimenson', '1967-03-06']);
  assert.deepEqual(who('ENCOUNTER FORM / STATEMENT\nPatient: TRIALEZ Elizabeth          DOB: 04/23/1987'), ['Elizabeth', 'Trialez', '1987-04-23']);
  // A name all in capitals keeps its printed order.
  assert.deepEqual(who('Patient: ELIZABETH TRIALEZ          DOB: 04/23/1987'), ['Elizabeth', 'Trialez', '1987-04-23']);
});

test('a memo\'s "DATE: 7.4.25" dates a referral; a patient copy of discharge instructions is dated by the end of the stay', () => {
  assert.equal(findServiceDate(lines('MEMORANDUM — SPECIALTY REFERRAL\nTO:      Christina Notrealington, MD\nDATE:    7.4.25\nSUBJECT: Dermatology referral'), 'referral_letter'), '2025-07-04');
  assert.equal(findServiceDate(lines('Discharge Instructions\nPatient copy — please keep this paper\nYou were in the hospital from September 22, 2022 to September 25, 2022 because of fever.'), 'discharge_summary'), '2022-09-25');
});

test('without a fax header date, a year after today is a misread one ("January 26, 2074"): the latest year one digit away', () => {
  assert.equal(findServiceDate(lines('F A X                Keystone Reference Laboratory\nDate/Time:              January 26, 2074 8:35 am\nTo:                     Henry Specimenholt'), 'fax_cover_sheet'), '2024-01-26');
});

test('"Customer DYLAN SPECIMENRIDGE" without its colon names the patient, not "Customer Dylan"; "09.12.19%6" is no birth date in 2019', () => {
  assert.deepEqual(who('RIVERBEND PHARMACY     PRESCRIPTION FILL HISTORY\nCustomer DYLAN SPECIMENRIDGE                Date of Birth 09.12.19%6      Customer iD E8254255'), ['Dylan', 'Specimenridge', undefined]);
});

test('without a header date, a date after today is no date of service; with one, a year of slack is left for the header\'s own misreading', () => {
  const nextYear = new Date().getUTCFullYear() + 1;
  assert.equal(findServiceDate(lines(`REFERRAL\nDate: 05/02/${nextYear}\nReason: rash`), 'referral_letter') === `${nextYear}-05-02`, false);
  assert.equal(findServiceDate(lines('REFERRAL\nDate: 05/02/2023\nReason: rash'), 'referral_letter', undefined, '2022-12-30'), '2023-05-02');
});

test('a DOB label that lost its D after a middle dot ("Madison Fictridge - OB Aug 9, 1964") still gives the name and birth date', () => {
  assert.deepEqual(who('Immunization History\nMadison Fictridge - OB Aug 9, 1964 - Female - MRN E1192615 State registry 1D 408833468'), ['Madison', 'Fictridge', '1964-08-09']);
  // An obstetrics "OB" is no birth-date label.
  assert.notDeepEqual(who('Referral to OB Aug 9, 1964 clinic')?.[2], '1964-08-09');
});

test('a form row whose Patient caption carries its box edge and whose DOB caption is garbled still names the patient and birth date', () => {
  // "(Patient" is the caption cell; "os" what is left of "DOB"; the date's slashes read as colons.
  assert.deepEqual(who('Date                 08/02/2025                Priority   Routine\n(Patient   Fatima Proxyfield               os   10:20:1987 Sex: f\nReferred to          Minh Samplecombe, MD'), ['Fatima', 'Proxyfield', '1987-10-20']);
  // A time of day is no birth date.
  assert.equal(who('Patient   Fatima Proxyfield   at   10:20:19 Sex: f')?.[2], undefined);
});

test('a letter-spaced title of several words with a dash ("R E C O R D S D E L I V E RY – FA X T R A N S M I T TA L") titles a cover sheet, not the billing it encloses', () => {
  const text = `ChartBridge Release Services                                  Silver Lake Physicians Billing Services
R E C O R D S D E L I V E RY – FA X T R A N S M I T TA L
REQUEST #             2625-807912                           DELIVERED              8/23/2023 1:34 PM
DELIVER TO            Dr. Randy Proxywood                   FA X                   540-555-0154
SUBJECT               Daniel Notrealman - billing statement
SHEETS                2 (this page is 1)                    PRIORITY               STAT
Per the authorization received, enclosed are records for the above patient. Please confirm receipt.
An invoice for copy and handling fees, where permitted by state law, is mailed separately.`;
  assert.equal(classify(text.split('\n').map((t, i) => ({ text: t, page: 1, index: i }))).type, 'fax_cover_sheet');
  // Closed up, a spaced title's phrases are found without word boundaries; plain text keeps them.
  assert.notEqual(classify('Transmittals of billing statements\nStatement date 8/23/2023  Amount due $40.00  Balance due $40.00'.split('\n').map((t, i) => ({ text: t, page: 1, index: i }))).type, 'fax_cover_sheet');
});

test('a reference lab page head with its patient top right in caps ("Bayside Reference Laboratory   FAUXCOMBE, MARILYN H") names the patient, and two patients\' reports are split', () => {
  assert.deepEqual(who('Bayside Reference Laboratory                FAUXCOMBE, MARILYN H\nPhysician: PSEUDOMAN, AMY                    Specimen collected 6/2022\nFINAL REPORT')?.slice(0, 2), ['Marilyn', 'Fauxcombe']);
  // After a label cell the caps name is that label's (a physician, a recipient), not the patient.
  assert.equal(who('Some Clinic Name Here                Physician:   PSEUDOMAN, AMY\nFINAL REPORT')[1], undefined);
  const page = (name: string) => `Bayside Reference Laboratory                ${name}\nClient # 52266864\nFINAL REPORT\nAnalyte                     Result      Reference Range     Units\nGLUCOSE                     73          65-99               mg/dL\nSODIUM                      140         135-146             mmol/L\nPOTASSIUM                   4.1         3.5-5.3             mmol/L\nCHLORIDE                    101         98-110              mmol/L\nCALCIUM                     9.4         8.6-10.3            mg/dL`;
  const r = structureTransmission([page('FAUXCOMBE, MARILYN H'), page('EXAMPLELEY, BILLY B'), page('FAUXCOMBE, MARILYN H')].map((text, i) => ({ page: i + 1, text, method: 'ocr' as const })));
  assert.deepEqual(r.segments?.map((s) => [s.firstPage, s.lastPage]), [[1, 1], [2, 2], [3, 3]]);
});

test('"Sex/Age M25" (its slash lost) gives the age that mends a birth year misread by a digit', () => {
  const p = findPatient(lines('Bayside Reference Laboratory            EXAMPLELEY, BILLY B\nClient Services 1.415.585.0143           DOB: 7/23/1906\nSex/Age M25\nSpecimen collected 12/27/2021'), 1);
  assert.equal(p.age, 25);
  assert.equal(ageCheckedBirthDate(p.birthDate, p.age, '2021-12-27'), '1996-07-23');
  assert.equal(findPatient(lines('Patient: DOE, JANE   DOB: 3/4/1950   Sex/Age: F/67'), 1).age, 67);
});

test('a combined caption "Patient ID / DOB:" with its values in order ("02653241 / 1962-May-04") gives the birth date', () => {
  assert.deepEqual(who('Patient:                     Walter Examplebrook                    Lab No.:    TE940920Z\nPatient ID / DOB:            02653241 / 1962-May-04                 Collected:  11 OCT 2022 11:37'), ['Walter', 'Examplebrook', '1962-05-04']);
});

test('an EHR\'s "OUTGOING FAX – ROUTING SHEET" is a cover sheet, whatever its subject line encloses', () => {
  const text = `Riverbend Memorial Hospital
OUTGOING FAX – ROUTING SHEET                                       Fax ID F738748765
Recipient                                  Dr. Frank Fauxhurst
Organization                               Summit Health Records
Sender                                     Judith Stubfield, Release of Information
Sent                                       Fri 05/03/2024 9:31 AM
Total Pages                                7 (including this routing sheet)
Subject                                    lab results, imaging report (2 patients)`;
  assert.equal(classify(lines(text)).type, 'fax_cover_sheet');
});

test('a visit summary with numbered SOAP sections ("II. Subjective", "III. Objective") is a visit note, though its plan lists medicines', () => {
  const text = `Brookstone Family Medicine                                       VISIT SUMMARY AND
Occupational Health Services                                     WORK STATUS REPORT
I. Patient / Employer Information
1. Name (Last, First, MI):                  2. Date of Birth (mm/dd/yyyy):   3. Sex:
FICTERS, BENJAMIN                           10/11/2002                       M
II. Subjective
Visit type: Follow-Up. Cough and congestion x 2 days.
III. Objective
General: Alert, oriented, in no acute distress.
IV. Assessment (ICD-10-CM)
1.   J06.9    Acute upper respiratory infection, unspecified
V. Treatment Plan
Medications: benzonatate 100 mg capsule, take 1 capsule by mouth three times daily as needed; fluticasone 50 mcg nasal spray, 2 sprays daily
Medication list reviewed. Continue current medications. Refills: none. Pharmacy: on file. Dispense: 30 capsules.`;
  assert.equal(classify(lines(text)).type, 'office_visit_note');
});

test('a government form\'s numbered captions over their values ("6. Patient\'s Name and Address", "8. Date of Birth") give the patient, not the town of an address below', () => {
  const text = `     6. Patient's Name and Address                                   7. Provider's Name, Address and Telephone Number

     NOTREALHURST, CATHERINE                                         Granite Peak Family Medicine

     4178 Magnolia St                                                3333 Chestnut Dr, Clinton, IA 52732

     Clinton, IA 52732                                               (563) 555-0167

     8. Date of Birth                                                9. Sex

     05/11/1998                                                            M     X     F`;
  assert.deepEqual(who(text), ['Catherine', 'Notrealhurst', '1998-05-11']);
});

test('a letter-spaced title whose words stand three spaces apart ("A F T E R   V I S I T   S U M M A RY") titles the page', () => {
  const avs = `      A F T E R   V I S I T   S U M M A RY                                         1/13/2022 · Acute Visit
      Jeremy K. Testson                                                        Elm Valley Community Health Clinic
      MRN: 0044801 · DOB: 01/21/1995                                           7938 River Pkwy, Springfield, IL 62704
      You saw Larry Demoshaw, MD on Thursday, January 13, 2022.
      Low back pain                                                  Pulse                    72
      Diagnoses                                                      Temperature              98.4 °F
      Low back pain, unspecified - M54.50                            Respiration              14
      Allergies as of 1/13/2022                                      Height                   5' 8"
      No Known Allergies                                             Weight                   196 lb
      What's Next
      Return in 2 weeks with Larry Demoshaw, MD.
      Instructions from Larry Demoshaw, MD
      • NSAID with food and muscle relaxant at bedtime as needed.
      • Home exercise program; referral to physical therapy if not improved in 2-3 weeks.
      Your Medication List
        START taking these medications
         ibuprofen 800 mg tablet
         Take 1 tablet by mouth every 8 hours as needed for pain with food
        CONTINUE these medications which have NOT CHANGED
         metformin 500 mg tablet
         Take 1 tablet by mouth once daily with breakfast`;
  assert.equal(classify(lines(avs)).type, 'office_visit_note');
});

test('a consult request (consultation sheet, reason for request, requesting provider) is a referral, whatever medicines it lists', () => {
  const consult = `                            MEDICAL RECORD -- CONSULTATION SHEET
 NOTREALBERG,TYLER A                ID 2641029        DOB: OCT 30,1964   AGE: 59
 Current Pat. Status: Outpatient
 To Service: ENDOCRINOLOGY OUTPT
 Requesting Provider: SYNTHWRIGHT,DONALD
 Reason For Request:
   Consult requested for evaluation of thyroid nodule.
 Active Outpatient Medications (including Supplies):
   levothyroxine 88 mcg 1 tab PO QAM on empty stomach
 Allergies: NO KNOWN ALLERGIES`;
  assert.equal(classify(lines(consult)).type, 'referral_letter');
});

test('a birth-date label with slashes between its letters ("D/O/ B:")', () => {
  assert.equal(findPatient(lines('Patient:                Examplez, Tiffany S.\nD/O/ B:                 Apr 23 1942       (82 y)'), 1).birthDate, '1942-04-23');
});

test('a product\'s "Trade name:" is no patient name, however often it is printed', () => {
  const record = `     Patient                      Dummystrom, Madison R.                                    Registry ID                361987840
     Birth Date                   1940-06-06
                            Trade name: Fluzone High-Dose Quadrivalent
                            Trade name: Fluzone High-Dose Quadrivalent
                            Trade name: Fluzone High-Dose Quadrivalent`;
  assert.deepEqual(who(record), ['Madison', 'Dummystrom', '1940-06-06']);
});

test('an immunization history is dated by its "Report run" date, never by the due dates of its forecast', () => {
  const history = `                     Patient Immunization History and Forecast
                          Report run 2023-04-28 by Bluebell Medical Group
     Birth Date                   1940-06-06
     2019-02-23        Influenza, high-dose, quadrivalent        197
    RECOMMENDED VACCINES (FORECAST)
    Influenza            Recommended           2023-08-09`;
  assert.equal(findServiceDate(lines(history), 'immunization_record', '1940-06-06', '2023-05-05'), '2023-04-28');
  // Without the report's own date: the latest dose, not a due date.
  assert.equal(findServiceDate(lines(history.replace('Report run 2023-04-28 by', 'Printed for')), 'immunization_record', '1940-06-06', '2023-05-05'), '2019-02-23');
});

test('a name opening the line before its "Birth date:" label ("Fakesworth, Sharon Birth date: 5/5/1968")', () => {
  assert.deepEqual(who('     Fakesworth, Sharon Birth date: 5/5/1968 Female MRN: 0001693144'), ['Sharon', 'Fakesworth', '1968-05-05']);
});

test('a birth date on a running header is never taken for the day the fax was sent (the fax header\'s own date garbled)', () => {
  const header = 'APR/I7/2O23/MON 4:56 PM             COPPER MILL COMMUNITY HO        FAX No. :603 555 0133             #0554 P.00';
  const running = 'TRIALBERG,KATHERINE C ID 0049406258 JUL 17,1937 (85)                                    Printed: Oct 08, 2022@07:28';
  const labs = `${header}4/005
${running}
                            LABORATORY RESULTS -- CHEM & HEMATOLOGY
   Patient: TRIALBERG,KATHERINE C   ID: 0049406258   DOB: JUL 17,1937   SEX: FEMALE
       Specimen Collection Date: Oct 07, 2022@11:53
         Test name              Result    units          Ref.   range
   HEMOGLOBIN                     11.7    g/dL           11.7 - 15.5
   HEMATOCRIT                     35.3    %              35.0 - 45.0`;
  const r = structureTransmission([page(1, labs), page(2, labs.replace('4/005', '5/005'))]);
  assert.equal(r.segments?.[0]?.type, 'lab_report');
  assert.equal(r.segments?.[0]?.date, '2022-10-07');
});

test('a name alone on the line above the one whose first cell holds the birth date, indent lost by OCR ("Michael Mockhurst" over "MRN: ... - DOB: ...")', () => {
  assert.deepEqual(who('AFTER VISIT SUMMARY                                               3/18/2024 + Preventive\nMichael Mockhurst                                              FEY Ei 5t, Peoria, 1 61602\nMRN: E7949167 - DOB: 11/11/1992                                                   (30%) 555-0104'), ['Michael', 'Mockhurst', '1992-11-11']);
  assert.deepEqual(who('My  Health  Portal                                                  Stonebridge Medical Group\nRussell Demoman\nDate of Birth: November 15, 1976 - Male - Medical Record #: E7691242'), ['Russell', 'Demoman', '1976-11-15']);
});

test('the same patient read on a standard fax with crossbars lost ("I XAMPIEWELL, CAROL" for EXAMPLEWELL) is the same person', () => {
  const report = (who: string, dob: string, n: number) => `07/01/24 18:08 FAX (423) 555-0153        Elm Valley Internal Medicine        P. ${n}/3
JUNIPER HILLS COMMUNITY HOSPITAL
*** FINAL RESULTS REPORT ***
PATIENT: ${who}              MRN: 0029912936
DOB: ${dob} (19Y) SEX: F
COLLECTED: 0${n}/2${n}/2024
TEST            RESULT   FLAG   REF RANGE     UNITS
SODIUM          141             136-145       mmol/L`;
  const r = structureTransmission([page(1, report('EXAMPLEWELL, CAROL J', '11/04/2004', 1)), page(2, report('I XAMPIEWELL, CAROL', '11/764/72004', 2))]);
  assert.equal(r.segments?.length, 2);
  assert.equal(r.segments?.[1]?.subject, r.segments?.[0]?.subject);
  assert.equal(r.subjects?.[r.segments![1]!.subject!]?.birthDate, '2004-11-04');
  // Two letters off that are not crossbars lost: another patient.
  const other = structureTransmission([page(1, report('EXAMPLEWELL, CAROL J', '11/04/2004', 1)), page(2, report('EXAMPLEWOOD, CAROL', '11/764/72004', 2))]);
  assert.notEqual(other.segments?.[1]?.subject, other.segments?.[0]?.subject);
});

test('a laboratory system\'s compact collection date after its capitals label ("COLL 20250626 0926")', () => {
  const report = `   ACC# AC971743                        COLL 20250626 0926                                RECV 20250626 1246                               RPTD 20250627 1356
  BRIAN NOTREALFORD
  DOB: 07/31/1989 AGE/SEX: 35Y/M
                  WHITE BLOOD CELL COUNT                                                           7.5                     x10E3/uL                    3.8-10.8`;
  assert.equal(findServiceDate(lines(report), 'lab_report', '1989-07-31', '2025-07-21'), '2025-06-26');
});

test('a report\'s second page whose patient name OCR garbled by two letters ("Preucoworth") goes on with the same document', () => {
  const p1 = `Aspen Park Family Medicine                                  LAB RESULTS
Patient: Alon Pseudoworth      DOB: 05/07/1943      MRN: 0018590352
Collected: 04/05/2025
Test                Result     Units      Reference Range
Sodium              141        mmol/L     135-146
Potassium           4.5        mmol/L     3.5-5.3`;
  const p2 = `Patient: Alon Preucoworth
Test                Result     Units      Reference Range
Chloride            103        mmol/L     98-110
Calcium             9.6        mg/dL      8.6-10.3`;
  const r = structureTransmission([page(1, p1), page(2, p2)]);
  assert.deepEqual(r.segments?.map((s) => [s.firstPage, s.lastPage]), [[1, 2]]);
});

test('a release-of-information cover from a radiology group is a cover sheet (letterhead cells parted by a middle dot, "this cover included")', () => {
  const roi = `Riverbend Radiology Associates RECORDS RELEASE
Health Information Management · Release of Information Fax Transmittal
1661 Hillcrest St, Bristol, TN 37620 Request No. ROI-1750292
Attn Dmitri Synthwell Specialist Kayla Synthdale
Date November 14 2022
Total pages 5 (this cover included)
Regarding imaging report (3 patients)
X Abstract X Lab results X Imaging reports Progress notes Discharge summary Billing records
Per the authorization received, enclosed are records for the above patient. Please confirm receipt.`;
  assert.equal(classify(lines(roi)).type, 'fax_cover_sheet');
});

test('a patient\'s medicine schedule card and a physical evaluation form are titled by what they are', () => {
  assert.equal(classify(lines(`MY MEDICINE SCHEDULE
Lakeside Family Medicine - 8938 Willow Ct Kingston, NY 12401
Patient Name: SAMPLEWORTH, Ronald                               DOB: 03.22.1958
Prescriber: Philip Draftwright, MD                                       Updated: 05-12-2022
Bring this schedule to every appointment.`)).type, 'medication_list');
  assert.equal(classify(lines(`PHYSICAL EVALUATION FORM
Lakeside Family Medicine - 8938 Willow Ct, Kingston, NY 12401
EXAMINER                                   DATE OF EXAM
Philip Draftwright, MD                     March 19 2022
Reason for visit: Acute visit, low back pain
Ronald is a 64-year-old man who reports low back pain for 9 days after lifting boxes.
Medications: ibuprofen 800 mg tablet, take 1 tablet by mouth every 8 hours as needed`)).type, 'office_visit_note');
});

test('a name printed last name first without a comma ("STUBFIELD CATHERINE") takes the order the fax\'s other documents print', () => {
  const refill = findPatient(lines('TO: Ingrid Draftworth, DO                     PATIENT: STUBFIELD CATHERINE\nDOB: 07/09/1997   SEX: F'), 1);
  const rest = lines('RE: Lab results for Catherine Stubfield\nPatient: Stubfield, Catherine     DOB: 07/09/1997');
  const ordered = orderAsTransmissionPrints(refill, rest);
  assert.deepEqual([ordered.given?.[0], ordered.family], ['Catherine', 'Stubfield']);
  // More of the fax prints it the way it was read: unchanged.
  const asRead = findPatient(lines('Patient: Draftstein, Nicole     DOB: 08/07/1932'), 1);
  const others = lines('Draftstein, Nicole  MRN 123\nDraftstein, Nicole  DOB 08/07/1932\nNicole Draftstein');
  assert.deepEqual([orderAsTransmissionPrints(asRead, others).given?.[0], orderAsTransmissionPrints(asRead, others).family], ['Nicole', 'Draftstein']);
});

test('every header date OCR garbled into the past ("8 SEP 2001" for 18-SEP-2023) does not push the cover\'s own date and the documents\' dates out of bounds', () => {
  const cover = page(1, 'evr SINIIIVEETY   TO 334555019   108 28s   Pol\nF A X   Copper Mill Community Health Clinic\nDate/Time:   September 18, 2023 4:06 PM\nTo:   Attn: Records\nPages:   2 page(s) including cover');
  const record = page(2, '8 SEP 2001 1696   FRM $3430500.9   To 1145552199   JCB Yb   POL\nCopper Mill Community Health Clinic\nImmunization History\nSantiago Mockton - DOB May 1, 1986 . Male - MRN 2480114\nTdap (CVX 115)\nMay 10,2017   Dose 1   Boostrix   GlaxoSmithKline   Lot ER8042V\nPrinted Sep 2. 2023 History includes doses administered at this clinic');
  const r = structureTransmission([cover, record]);
  assert.deepEqual(r.segments?.map((s) => [s.type, s.date]), [
    ['fax_cover_sheet', '2023-09-18'],
    ['immunization_record', '2023-09-02'],
  ]);
});

test('two lab reports of one patient part where their "Date of Collection:" differs', () => {
  const report = (collected: string, rows: string) =>
    `Juniper Hills Community Health Clinic\nLaboratory Results\nResults for: Abigail Fictelli   DOB: 07/04/1972   Chart No.: 08167731\nOrdering Provider: Virginia Dummystein, MD   Date of Collection: ${collected} 9:35 AM\nTest   Result   Units   Normal Range\n${rows}`;
  const r = structureTransmission([
    page(1, report('11/23/2022', 'WBC   9.9   10*3/uL   3.8-10.8\nHemoglobin   13.8   g/dL   11.7-15.5')),
    page(2, report('12/19/2021', 'Glucose   232   mg/dL   65-99\nSodium   138   mmol/L   135-146')),
  ]);
  assert.deepEqual(r.segments?.map((s) => [s.firstPage, s.lastPage, s.date]), [[1, 1, '2022-11-23'], [2, 2, '2021-12-19']]);
});

test('session 16: each type is dated as its kind of document is: print date of a history, discharge of a stay, exam of a study, sent date of a cover', () => {
  // A pharmacy's history: its letterhead line with a phone, a store number and the print date is the body's, not a fax header.
  const history = '12:55 10/11/2024      KESTREL BAY PRIMARY CARE      (517)555-0154      P5/5\nKestrel Bay Pharmacy                           Vaccination History\nStore #2071 · 4784 Magnolia Blvd, Jackson, MI 49201 · Rx (517) 555-0130        Printed Sep 4, 2023\n Name: William Draftdale        Birth date: 1976-02-21\nDec 6, 2022      Fluarix Quadrivalent     1   SKB X77703';
  assert.equal(findServiceDate(cleanPage(1, history).lines, 'immunization_record', '1976-02-21', '2024-10-11'), '2023-09-04');
  // A banner's "Adm ... | D/C ...": the discharge date, also wrapped onto the next line.
  assert.equal(findServiceDate(lines('Discharge Summary\nDRAFTBERG, Albert | MRN 8730164 | DOB 24-Jun-1991 | 30 y.o. M | Adm 1/27/2022 | D/C 1/30/2022\nAttending: G. Stubhurst, MD, 1/31/2022 13:29'), 'discharge_summary', '1991-06-24', '2022-02-02'), '2022-01-30');
  assert.equal(findServiceDate(lines('MADEUPWOOD, Rajesh | MRN E2788472 | DOB 8-Jan-1982 | Adm 2/3/2023 | D/C\n\n2/5/2023'), 'discharge_summary', '1982-01-08', '2023-02-08'), '2023-02-05');
  // A radiology letter: dated the day it was signed, the exam's date on the line naming the exam.
  assert.equal(findServiceDate(lines('Brookstone Imaging Center\n   18 February 2023\nRe: Logan Testby   DOB 3-May-2015\nExamination: CT HEAD WITHOUT CONTRAST – 17 February 2023\nComparison: None.'), 'radiology_report', '2015-05-03', '2023-02-18'), '2023-02-17');
  assert.equal(findServiceDate(lines('Examination: XR KNEE RIGHT 3 VIEWS\nComparison: XR KNEE RIGHT 3 VIEWS dated 2018-04-09.\nElectronically verified 15 May 2022 16:30'), 'radiology_report', undefined, '2022-05-20'), '2022-05-15');
  // An autofax report's "13OCT22", its O also read as a zero.
  assert.equal(findServiceDate(lines('AUTOFAX REPORT DELIVERY\nDATE SENT....: 13OCT22 1630\nPAGES........: 4'), 'fax_cover_sheet'), '2022-10-13');
  assert.equal(findServiceDate(lines('AUTOFAX REPORT DELIVERY\nDATE SENT....: 130CT22 1630\nPAGES........: 4'), 'fax_cover_sheet'), '2022-10-13');
});

test('session 16: a footer marker through worse OCR slips ("Page | or 2", "Page 2 01 2") and a cover sheet whose title and notice OCR garbled', () => {
  assert.deepEqual(['Re: Proxydale, Samantha (DOB 10-03-1945)        Page | or 2', 'Re Proxvdale (DOB 10 03 1945)      Page 2 01 2', 'Jane Doe   Page 1 of I'].map(pageMarker), [
    { k: 1, n: 2 },
    { k: 2, n: 2 },
    { k: 1, n: 1 },
  ]);
  // Prose is no footer.
  assert.equal(pageMarker('the result on page 2 or 3 of the report'), undefined);
  const cover = 'fl CloudLineFax                     or\nSamantha Proxydale                 Medical Records Department\n+1 307 555 0160                    +1307 555 0126\nFriday, September 2, 2022 9:37 AM     4\nRecords request #191789\nSending office notes as requested. If any pages are missing or illegible please call (307) 555-0197.';
  assert.equal(classify(lines(cover)).type, 'fax_cover_sheet');
  const cover2 = 'fl CloudLineFax      rn\nBeverly Demoberg        Jacqueline Stubford\nFriday, May 23, 2025 12:05 PM     3\nRecords request #832662\nResults attached for your review. Thank you';
  assert.equal(classify(lines(cover2)).type, 'fax_cover_sheet');
});

test('session 16: a copied record, a history over a period and a patient copy of discharge instructions', () => {
  // An immunization record is of the day it was copied, after its newest dose.
  assert.equal(findServiceDate(lines('VACCINE ADMINISTRATION RECORD\nClient Name: Beverly M. Demoberg     Date of Birth: May 22, 2019\n2025-03-10     Influenza, injectable, quadrivalent   1   GlaxoSmithKline (SKB)   TJ99304\nI have read the Vaccine Information Statement(s).   Record copied for transfer on\n2025-05-16 by Rajesh Dummyfield, MD.'), 'immunization_record', '2019-05-22', '2025-05-23'), '2025-05-16');
  // A prescription history is of the day its period ends, also with a dash read as a space.
  const history = (end: string) => `Stonebridge Pharmacy      Prescription History\nCustomer: BRANDON TRIALCOMBE     Date of Birth: 02-26-1976\n446 Sunset Ct, Kingston, NY 12401     Period: 11-25-22 to ${end}\nFill Date   Rx #   Drug & Strength\n10-20-23 2856083 hydrochlorothiazide 12.5 mg tablet   1 tab PO QAM   30  30 FAUXBROOK, FRANK  Active`;
  assert.equal(findServiceDate(lines(history('11-01-23')), 'medication_list', '1976-02-26', '2023-11-23'), '2023-11-01');
  assert.equal(findServiceDate(lines(history('11 01-23')), 'medication_list', '1976-02-26', '2023-11-23'), '2023-11-01');
  // A patient copy whose title OCR garbled is still a discharge: the stay it tells of, who discharged.
  const copy = 'Oak Meadow Memorial Hospital            DRAFTFORD, TIFFANY B\nDischarge insirucions\nPatient copy - please keep this paper\nYou were in the hospital from August 29, 2023 to August 31, 2023 because of abdominal pain.\nWhy you were in the hospital (your diagnoses)\nUnspecified acute appendicitis (K35.80)\nProcedures done\nLaparoscopic appendectomy\nYour medicines\noxycodone 5 mg tablet       Take 1 tablet by mouth every 6 hours as needed\nAllergies\nNo known allergies\nFollow-up appointments\nPCP Frank Fakesmore within 7-10 days\nGoing to: Home. Condition: Good. Discharging physician: Lauren Stubberg, MD.';
  assert.equal(classify(lines(copy)).type, 'discharge_summary');
});

test('a birth date after a stamp word OCR read into its field ("Birth Date:SCANNED 13-Dec-1972"), and after "Born" with its month garbled ("Born Nav 22 1942")', () => {
  assert.deepEqual(who('Patient: FAUXDALE, ROBERT E\nBirth Date:SCANNED 13-Dec-1972 (51 yrs)\nCollected: 05-Mar-2024'), ['Robert', 'Fauxdale', '1972-12-13']);
  assert.deepEqual(who('Member: David Mockelli\nID VRCO94046677      Born Nav 22 1942      Processed Jun 6 2025'), ['David', 'Mockelli', '1942-11-22']);
});

test('session 16: a claim is of its service date, not of the day the payer processed it', () => {
  const eob = 'Evergreen Mutual Health Plan         Your Claim Statement\nExplanation of Benefits — this is not a bill\n MEMBER             PATIENT              CLAIM\n David Mockelli     David Mockelli       No. 1969Y22717555\n ID VRC094046677    Born Nov 22, 1942    Processed Jun 6, 2025\n Service 1 · Apr 9, 2025 · Screening mammography, bilateral (77067)\n Provider billed          $325.02\n Plan paid                $208.96';
  assert.equal(findServiceDate(lines(eob), 'insurance_billing', '1942-11-22', '2025-06-20'), '2025-04-09');
});

test('session 16: a title whose first letter the margin cut, and a physician order sheet whose rows OCR lost', () => {
  const note = 'Harborview Internal Medicine\nRaymond Stubstein                     Account Number: 0027555707\nDOB: 10.02.1982 Age: 41Y Sex: Male    Provider: Joseph Mockman, MD\nrogress Notes\nReason for Appointment\n1. Itchy rash on arms\nCurrent Medications\nTaking pantoprazole 40 mg tablet DR Take 1 tablet by mouth twice daily\nStarted triamcinolone 0.1% cream Apply a thin layer to affected area twice daily\nAllergies\nCodeine: Nausea/vomiting\nReview of Systems\nConstitutional: No fatigue.\nVital Signs\nTemp 98.6 F, HR 84 /min, BP 108/80 mm Hg\nAssessments\n1. Contact dermatitis - L25.9';
  assert.equal(classify(lines(note)).type, 'office_visit_note');
  const pos = "PHYSICIAN'S ORDERS\nCedar Hollow Medical Group      Monthly recapitulation - orders reviewed for the month of JANUARY\nResident: PAUL TESTSHAW     Room/Bed: 213-B\nDOB 1977-07-15  Sex M      Admit date: 2021-06-19\nALLERGIES: NO KNOWN ALLERGIES   CODE STATUS: DNR\nStatus     Nurse init.\nCONT\nCONT\nI have reviewed the above orders and they are to be continued unless noted otherwise.";
  assert.equal(classify(lines(pos)).type, 'medication_list');
});

test('session 16: a page marked "Page 2 of 2" after a page whose marker OCR lost continues it, the name garbled otherwise', () => {
  const r = structureTransmission([
    page(1, 'FAX COVER SHEET\nTo: Olumide Trialbury    From: Release of Information\nPages: 3 (including cover)   Date: 09/02/2024\nCONFIDENTIALITY NOTICE: If you have received this fax in error, please notify the sender.'),
    page(2, 'Granite Peak Regional Medical Center\nDISCHARGE SUMMARY\nPatient: Irialbury, Olumide          MRN: 9081339\nAdmitted: 07/21/2024     Discharged: 07/25/2024\nHISTORY OF PRESENT ILLNESS:\n70-year-old man who presented with polyuria.\nHOSPITAL COURSE:\nThe patient was treated with IV fluids and insulin.\nDISCHARGE MEDICATIONS:\n+ metformin 850 mg tablet\nTake 1 tablet by mouth twice daily with meals\nTrialbuiy, Olumide MRN: 9081 339          DISCHARGE SUMMARY          Page Tot 2'),
    page(3, '+ clopidogrel 75 mg tablet\nTake 1 tablet by mouth daily\nCONDITION AT DISCHARGE:\nGood. Disposition: Home.\nFOLLOW-UP:\nPCP within 5-7 days\nTratbuny, Olumide MRN: 9081339          DISCHARGE SUMMARY          Page 2 of 2'),
  ]);
  assert.deepEqual(r.segments?.map((s) => [s.firstPage, s.lastPage]), [[1, 1], [2, 3]]);
});

test('session 16: label variants of each type\'s own date — performed, Disch, Adm/Disch range, date reviewed, sent', () => {
  assert.equal(findServiceDate(lines('Report signed 03/06/2024 09:12\nDate performed: 03/04/2024\nCT CHEST WITHOUT CONTRAST'), 'radiology_report', undefined, '2024-03-08'), '2024-03-04');
  assert.equal(findServiceDate(lines('Hospital Course Summary\nAdm: 2/3/2023   Disch: 2/5/2023   Attending: J. Testova, MD'), 'discharge_summary', undefined, '2023-02-08'), '2023-02-05');
  assert.equal(findServiceDate(lines('Inpatient Summary\nAdm/Disch: 2/3/2023 - 2/5/2023   LOS 2 days'), 'discharge_summary', undefined, '2023-02-08'), '2023-02-05');
  assert.equal(findServiceDate(lines('Vaccination History\nTdap   06/15/2018   Boostrix\nDate reviewed: 09/04/2023'), 'immunization_record', undefined, '2023-09-10'), '2023-09-04');
  assert.equal(findServiceDate(lines('FACSIMILE\nTo: Dr. Lee\nSent: 03/04/2024 10:32 AM\nRe: John Doe DOB 01/02/1960'), 'fax_cover_sheet'), '2024-03-04');
});

test('session 16: a title OCR misspelled is still a title; a near title of another meaning is not', () => {
  const copy = 'Oak Meadow Memorial Hospital\nDischarge insirucions\nPatient copy - please keep this paper\nYour medicines\noxycodone 5 mg tablet     Take 1 tablet by mouth every 6 hours as needed\nAllergies\nNo known allergies';
  assert.equal(classify(lines(copy)).type, 'discharge_summary');
  assert.equal(classify(lines('Patient Record\nName: John Doe\nPhone: 555-0100')).type, 'other');
});

test('session 16: the labels of this session through one-letter OCR slips ("Examinatlon:", "Perod:")', () => {
  assert.equal(findServiceDate(lines('Brookstone Imaging Center\n   18 February 2023\nExaminatlon: CT HEAD WITHOUT CONTRAST – 17 February 2023'), 'radiology_report', undefined, '2023-02-20'), '2023-02-17');
  assert.equal(findServiceDate(lines('Prescription History\nCustomer: BRANDON TRIALCOMBE     Perod: 11-25-22 to 11-01-23\n10-20-23 2856083 hydrochlorothiazide 12.5 mg tablet'), 'medication_list', undefined, '2023-11-23'), '2023-11-01');
});

test('identity through OCR slips of report grids: a bare "Name" caption (with an accent OCR added), a birth date after its format hint, "Date of Beth", a relationship after the name, "LAST FIRST M" without its comma', () => {
  assert.deepEqual(who('Namé                           Adam TESTSTROM                   Ordering Practitioner           Frances Protowell, MD\nDate of Birth (YYYY-MM-0D) 1953-10-15                               Copy to                           Willow Creek Family Medicine'), ['Adam', 'Teststrom', '1953-10-15']);
  assert.deepEqual(who('i      Member Alexander Madeupstrom       Patent Alexander Madeupstrom (Sef)      Provider. Mason Testbury, MD\nMember (0: RUKB43367860          Date of Beth: Jan 10, 1997          Fox Run Community Health Clinic'), ['Alexander', 'Madeupstrom', '1997-01-10']);
  assert.deepEqual(who('TO: Olivia Drafthurst, MD                      PATIENT: SAMPLEBROOK RANDY T\nPlease fax response to (517) 555-0106         DOB: 01/29/1988 SEX: M PT ID: E6451163'), ['Randy', 'Samplebrook', '1988-01-29']);
  // A doctor's name after a bare Name caption is no patient.
  assert.notEqual(who('Name   Dr. Frances Protowell   Phone 302-555-0138')[1], 'Protowell');
});

test('session 16, set-t identity: a bilingual caption ("Name / Nom", "Date of birth. | Date de naissance") over its values; "Patient First M. Last Date of birth ..." as OCR flattens a grid', () => {
  assert.deepEqual(who('CERTIFICATE OF VACCINATION OR PROPHYLAXIS\nName | Nom                       Date of birth. | Date de naissance            Sex / Sexe\nMegan Pseudocombe                23 DEC 2007                                    F'), ['Megan', 'Pseudocombe', '2007-12-23']);
  assert.deepEqual(who('Discharge Summary\nPatient Betty D. Proxywright Date of birth Jun 15, 1960\nSex Female Patient-IDs 4516605'), ['Betty', 'Proxywright', '1960-06-15']);
});

test('session 16, set-t identity: a birth date under its caption with its slashes lost; "First M, Last" whose initial\'s point read as a comma', () => {
  assert.deepEqual(who('6 Patients Name and Address\nSPECIMENBERG, SHIRLEY R\n8 Date of Birth                                   9 Sex\n12 26 1978                                        OM KF'), ['Shirley', 'Specimenberg', '1978-12-26']);
  assert.deepEqual(who('Patient                    Jean J, Pseudoton                         Lab No            ZR778368S\nPatient ID / DOB:     3357613 / 1931-May-08'), ['Jean', 'Pseudoton', '1931-05-08']);
  // Capitals keep the "LAST M, FIRST" reading undecided: the comma form as printed.
  assert.equal(who('Patient:   DOE J, JANE')[0], 'Jane');
});

test('session 16, set-t dates: a fax machine header with the year first ("2025 10/22 15:52") dates the transmission', () => {
  assert.equal(findDates('2025 10/22 15:52           FAX 5125550147           HIGHLAND FALLS PRIMARY C   #0291 P.002/003')[0]?.date, '2025-10-22');
  // No time after it: a value and a fraction, no date.
  assert.equal(findDates('Result 2025 10/22 mg').length, 0);
});

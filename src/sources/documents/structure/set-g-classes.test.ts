/**
 * Session 22: the classes set-g (g-3201 and template-check seed 5, ground-truth text) showed. Each layout here is
 * written for the class, not copied from the set's templates; every test fails on the code before (ecf888b).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify } from './classify.js';
import { dateAfter, garbledMonthDate } from './dates.js';
import { findPatient } from './identity.js';
import { labResultRows } from './lab-results.js';
import { findServiceDate } from './service-date.js';
import { type Line } from './lines.js';

const lines = (rows: string[]): Line[] => rows.map((text, index) => ({ page: 1, index, text }));
const show = (rows: ReturnType<typeof labResultRows>) => rows.map((r) => `${r.name}|${r.value}|${r.unit ?? ''}|${r.flag ?? ''}`);

test('session 22 (set-g): a clean month name or abbreviation far after its label is that month (May is no Mar, Mar no May, Jun no Jan / Jul)', () => {
  assert.equal(garbledMonthDate('May 26, 2022'), '2022-05-26');
  assert.equal(garbledMonthDate('Mar 3, 2025'), '2025-03-03');
  assert.equal(garbledMonthDate('Jun 9 2023'), '2023-06-09');
  assert.equal(garbledMonthDate('Sept 14, 2024'), '2024-09-14');
  // Garbled names still read as before.
  assert.equal(garbledMonthDate('Majeh 13.2023'), '2023-03-13');
  const form = ['  DATE:' + ' '.repeat(34) + 'May 26, 2022', '  # PAGES (INCLUDING COVER):       5'];
  assert.equal(dateAfter(form.join('\n'), /\bdate\s*:?/i, 30), '2022-05-26');
  assert.equal(findServiceDate(lines(['  TO:' + ' '.repeat(30) + 'Records Dept', ...form]), 'fax_cover_sheet', undefined, '2022-05-26'), '2022-05-26');
});

test('session 22 (set-g): under "Test (Units)" heads, the unit printed inside the name cell and a flag after the value ("Hemoglobin A1c (%)   6.0 H   <5.7")', () => {
  const page = [
    '  TEST (UNITS)                                  RESULT              REFERENCE            PREVIOUS',
    '  Hemoglobin A1c (%)                            6.8 H               <5.7',
    '  Cholesterol, Total (mg/dL)                    231 H               <200',
    '  Sodium (mmol/L)                               139                 135-146',
  ];
  assert.deepEqual(show(labResultRows(lines(page))), ['Hemoglobin A1c|6.8|%|H', 'Cholesterol, Total|231|mg/dL|H', 'Sodium|139|mmol/L|']);
});

test('session 22 (set-g): name boxes captioned LAST / FIRST without the word "name", over their values, name the patient', () => {
  const page = [
    '   COUNTY HEALTH DEPARTMENT — CERTIFICATE OF IMMUNIZATION',
    '   LAST                      FIRST              MI      DATE OF BIRTH       SEX',
    '   OKAFOR-TEST               BLESSING           A       03-02-15            F',
    '   PARENT / GUARDIAN                                    CLIENT #',
    '   VACCINE                   DATE GIVEN         DOSE #',
    '   DTaP                      05-04-2015         1',
  ];
  const p = findPatient(lines(page), 1);
  assert.equal(p.family?.toUpperCase(), 'OKAFOR-TEST');
  assert.equal(p.given?.[0]?.toUpperCase(), 'BLESSING');
});

test('session 22 (set-g): a therapist\'s letter thanking the doctor for the referral and reporting the visit is a visit note, not a referral', () => {
  const page = [
    '                         Bayview Physical Therapy',
    '  June 3, 2024',
    '  Ana Testwell, MD',
    '  RE: Jonah Mockery     DOB 4/5/61     Date of visit: 06/03/24',
    '  Dear Dr. Testwell:',
    '  Thank you for referring Mr. Mockery, who was seen in our office today for low back pain.',
    '  On examination blood pressure was 128/78, pulse 70. Lumbar flexion limited to 50%.',
    '  Assessment: Low back pain (M54.50).',
    '  Plan: therapeutic exercise twice weekly for 6 weeks; home exercise program.',
    '  Please do not hesitate to call with any questions.',
    '  Sincerely,',
    '  Lee Fauxman, PT, DPT',
  ];
  assert.equal(classify(lines(page)).type, 'office_visit_note');
  // A referral letter asking the reader to see the patient stays a referral.
  const referral = [
    '  June 3, 2024',
    '  Dear Dr. Fauxman:',
    '  Thank you for seeing my patient, Jonah Mockery, for low back pain. I am referring him for physical therapy.',
    '  Reason for referral: chronic low back pain. Please do not hesitate to call.',
    '  Sincerely,',
  ];
  assert.equal(classify(lines(referral)).type, 'referral_letter');
});

test('session 22 (set-g): a date in words wrapped after its day ("... Public Health Nurse · 5" / "September 2024") dates a record', () => {
  const page = [
    '  VACCINE              DATE GIVEN      DOSE #',
    '  Influenza            01-03-2024      1',
    '  TUBERCULIN SKIN TEST   Placed: 08-27-2024   Read: 08-29-2024   Result: NEGATIVE',
    '  I certify that the above immunizations were administered or verified from official records. Jo Test, RN · 5',
    '  September 2024',
  ];
  assert.equal(findServiceDate(lines(page), 'immunization_record', '1990-01-01', '2024-10-21'), '2024-09-05');
});

/** Date of service by document type (service-date.ts): layouts and OCR slips session 17 showed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Line } from './lines.js';
import { findServiceDate } from './service-date.js';

const lines = (text: string): Line[] => text.split('\n').map((t, index) => ({ page: 1, index, text: t }));

test('session 17: a discharge summary whose stay is an encounter\'s range ("from Sep 18, 2022 to Sep 19. 2022") is of its end', () => {
  const text = [
    'Discharge Summary',
    'Patient                  Randy Mockcoft                    Date of birth          Mar 16. 1932',
    'Encounter            Inpatient. Willow Creek Community Hospital, from Sep 18, 2022 to Sep 19. 2022',
    'Author                Andrew Fouxova, MD (Attending)        Document           Sep 19. 2022 15:28',
    'Reason for Admission',
    'Substernal chest pressure at rest.',
  ].join('\n');
  assert.equal(findServiceDate(lines(text), 'discharge_summary', '1932-03-16'), '2022-09-19');
  // A range opening with no date is no stay ("from home to rehab").
  assert.equal(findServiceDate(lines('Discharge Summary\nTransferred from home to rehab on 03/02/2023\nSeen 03/01/2023'), 'discharge_summary'), '2023-03-02');
});

test('session 17: a home health plan of care is of the first day of its certification period, not of the start of care', () => {
  const text = [
    'HOME HEALTH CERTIFICATION AND PLAN OF CARE',
    "1. Patient's HI Claim No.         2. Start Of Care Date        3. Certification Period                          4. Medical Record No.",
    '5UWB8-DS6-XW07                     01/17/2025                         From: 03/18/2025 To: 05/16/2025                                    0040078222',
    "6. Patient's Name and Address",
    'SAMPLEDALE, HANNAH C',
    '10. Medications: Dose/Frequency/Route (N)ew (C)hanged',
    'metformin 500 mg tablet - 1 tab PO BID with meals',
  ].join('\n');
  assert.equal(findServiceDate(lines(text), 'medication_list', '1935-09-24'), '2025-03-18');
});

test('session 17: a remittance\'s service-date column in the payer\'s compact form ("0713 071325"), not the notice\'s date', () => {
  const text = [
    'PROVIDER REMITTANCE ADVICE',
    'PAYEE: BLUEBELL COMMUNITY HEALTH CLINIC                  DATE: 08/20/2025',
    'NAME MOCKSON, BRIAN  HIC PTT085139853  ACNT 7481928 ICN 9857200440335 ASG Y',
    'PERF PROV        SERV DATE         POS NOS PROC     BILLED     ALLOWED    DEDUCT',
    '3950929712      0713 071325       11   1     99396       341.56     157.79      0.00',
    'PREVENTIVE VISIT, ESTABLISHED, AGE 40-64',
  ].join('\n');
  assert.equal(findServiceDate(lines(text), 'insurance_billing', undefined, '2025-09-29'), '2025-07-13');
  // A span over the new year: its first day is in the year before.
  assert.equal(findServiceDate(lines(text.replace('0713 071325', '1230 010225')), 'insurance_billing', undefined, '2025-09-29'), '2024-12-30');
});

test("a lab report's collection date a digit away from its received date and weeks before it is that date misread", () => {
  const report = (collected: string, received: string) =>
    findServiceDate(
      [`PATIENT: DOE, JANE     MRN: 12345`, `COLLECTED: ${collected} 0707   RECEIVED: ${received} 1051   ACC#: AA1`, 'TEST   RESULT   REF RANGE   UNITS', 'WBC    8.1      (3.8-10.8)  K/uL'].map((text, index) => ({ page: 1, index, text })),
      'lab_report',
    );
  assert.equal(report('04/29/24', '05/29/24'), '2024-05-29');
  // Drawn one day, received the next: both as printed.
  assert.equal(report('05/28/24', '05/29/24'), '2024-05-28');
  // Weeks apart but more than one digit: as printed (a send-out test, a stored specimen).
  assert.equal(report('04/12/24', '05/29/24'), '2024-04-12');
});

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

/**
 * Classes the held-out seeds of sets l and m showed (session 20), each as a small layout of its own,
 * not the templates' strings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Line } from './lines.js';
import { classify } from './classify.js';
import { labResultRows } from './lab-results.js';
import { findServiceDate } from './service-date.js';

const toLines = (texts: string[], page = 1): Line[] => texts.map((text, index) => ({ page, index, text }));
const show = (rows: ReturnType<typeof labResultRows>) => rows.map((r) => [r.name, r.value, r.unit ?? '', r.range?.text ?? '', r.flag ?? ''].join(' | '));

test('an interpretation column printing the side as a word before the value: Above -> H, Below -> L; unflagged rows stay so', () => {
  const rows = labResultRows(toLines([
    'Analyte                      Interpretation   Value      Units        Reference',
    'Thyroid Stimulating Hormone  Above            6.81       mIU/L        0.45-4.50',
    'Ferritin                     Below            9          ng/mL        30-400',
    'Sodium                                        140        mmol/L       136-145',
    'Hematocrit                                    37.2       %            38.3-48.6',
    'Occult Blood                 Abnormal         Positive                Negative',
  ]));
  assert.deepEqual(show(rows), [
    'Thyroid Stimulating Hormone | 6.81 | mIU/L | 0.45-4.50 | H',
    'Ferritin | 9 | ng/mL | 30-400 | L',
    'Sodium | 140 | mmol/L | 136-145 | ',
    'Hematocrit | 37.2 | % | 38.3-48.6 | ',
    'Occult Blood | Positive |  | Negative | A',
  ]);
});

test('a discharge paper printing its stay as captions over their values (a hospice election, a start of care) is a discharge summary of its discharge day', () => {
  const page = [
    'Pinecrest Home Health & Hospice                                       Transfer / Discharge Record',
    ' Patient                          Birth date             Agency ID            Episode',
    ' Roe, Samuel T                    03/14/1941             HH-20931             2',
    ' Start of Care                    Discharge Date         Clinician',
    ' 02/03/2024                       02/19/2024             Maria Fauxley, RN',
    'Reason for discharge: goals met',
    'Medications at discharge',
    'Medication                        Directions                          Frequency   Status',
    'metformin 500 mg tablet           Take 1 tablet by mouth twice daily  BID         Continue',
    'lisinopril 10 mg tablet           Take 1 tablet by mouth daily        QD          Continue',
    'furosemide 20 mg tablet           Take 1 tablet by mouth daily        QD          New',
    'atorvastatin 20 mg tablet         Take 1 tablet by mouth at bedtime   QHS         Continue',
  ];
  assert.equal(classify(toLines(page)).type, 'discharge_summary');
  assert.equal(findServiceDate(toLines(page), 'discharge_summary', '1941-03-14'), '2024-02-19');
  // The same in a text that kept no columns (one space between cells): the captions' dates by their order.
  const flat = page.map((l) => l.trim().replace(/\s+/g, ' '));
  assert.equal(classify(toLines(flat)).type, 'discharge_summary');
  assert.equal(findServiceDate(toLines(flat), 'discharge_summary', '1941-03-14'), '2024-02-19');
  // Without the stay's start the grid stays a medication list.
  const noStart = page.map((l) => l.replace('Start of Care', '             ').replace('02/03/2024', '          '));
  assert.equal(classify(toLines(noStart)).type, 'medication_list');
});

test("a lab report printing only a span of its results' dates (from the oldest through the newest), no date heads: the newest", () => {
  const page = [
    'Northgate Hospital Laboratory                                   RESULTS SUMMARY',
    'ROE, SAMUEL T     DOB 03/14/1941 (82Y M)     MR# 2209314',
    'Results shown from 02/11/2023 thru 01/09/2024 · Acc L55120 · Status Final',
    'Test                 Result     Units       Ref Range',
    'Sodium               139        mmol/L      136-145',
    'Potassium            4.1        mmol/L      3.5-5.1',
    'Creatinine           1.02       mg/dL       0.70-1.30',
  ];
  assert.equal(findServiceDate(toLines(page), 'lab_report', '1941-03-14'), '2024-01-09');
  // Written "from ... to ..." with ISO dates, the same; a collection date the report labels still dates it.
  const iso = page.map((l) => l.replace('Results shown from 02/11/2023 thru 01/09/2024', 'Results from 2023-02-11 to 2024-01-09'));
  assert.equal(findServiceDate(toLines(iso), 'lab_report', '1941-03-14'), '2024-01-09');
  const labelled = [...page.slice(0, 3), 'Collected: 12/05/2023 08:10', ...page.slice(3)];
  assert.equal(findServiceDate(toLines(labelled), 'lab_report', '1941-03-14'), '2023-12-05');
});

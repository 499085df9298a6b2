/**
 * Classes of layout set-p (scripts/faxgen-set-p) showed we did not read (session 19), each as a
 * small layout of its own, not set-p's strings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanPage, type Line } from './lines.js';
import { birthDatesOnLine } from './birth-date.js';
import { classify } from './classify.js';
import { findDates } from './dates.js';
import { dayFirstDotted } from './dotted-dates.js';
import { labResultRows } from './lab-results.js';
import { lineNameCands } from './patient-name.js';
import { orderAsTransmissionPrints } from './name-spelling.js';
import { parseName } from './person-name.js';
import { findServiceDate } from './service-date.js';

const toLines = (texts: string[], page = 1): Line[] => texts.map((text, index) => ({ page, index, text }));
const show = (rows: ReturnType<typeof labResultRows>) => rows.map((r) => [r.name, r.value, r.unit ?? '', r.range?.text ?? '', r.flag ?? ''].join(' | '));

test('a result block: the test name alone, a row of part captions, the values under the captions', () => {
  const rows = labResultRows(toLines([
    'Complete Blood Count',
    '',
    '  Leukocytes',
    '  VALUE            ABN             UNITS            NORMAL RANGE          STATUS',
    '',
    '  11.9             HI              K/uL             4.0 - 11.0            Final',
    '',
    '  Hemoglobin',
    '  VALUE            ABN             UNITS            NORMAL RANGE          STATUS',
    '',
    '  13.1                             g/dL             12.0 - 15.5           Final',
    '',
    '  Sodium',
    '  Result    Flag    Units    Reference Range',
    '  139               mmol/L   135 - 145',
    '  Nitrite',
    '  Result    Flag    Units    Reference Range',
    '  POSITIVE  Abnl             Negative',
  ]));
  assert.deepEqual(show(rows).map((s) => s.split(' | ').slice(1, 4).join(' | ')), ['11.9 | K/uL | 4.0-11.0', '13.1 | g/dL | 12.0-15.5', '139 | mmol/L | 135-145', 'POSITIVE |  | Negative']);
  assert.equal(rows[0]!.flag, 'H');
  // "Abnl", the abnormal flag's short spelling.
  assert.equal(rows[3]!.flag, 'A');
});

test('a summary box of out-of-range results, then the full table: each result once', () => {
  const rows = labResultRows(toLines([
    'CRITICAL / ABNORMAL VALUES',
    '  Glucose            212 mg/dL        H      70-99',
    '  Hemoglobin         9.8 g/dL         L      12.0-15.5',
    '',
    'Test                 Result   Flag   Units    Reference',
    'Glucose              212      H      mg/dL    70-99',
    'Sodium               140             mmol/L   135-145',
    'Hemoglobin           9.8      L      g/dL     12.0-15.5',
  ]));
  assert.deepEqual(show(rows).map((s) => s.split(' | ').slice(1).join(' | ')), ['212 | mg/dL | 70-99 | H', '140 | mmol/L | 135-145 | ', '9.8 | g/dL | 12.0-15.5 | L']);
  assert.deepEqual(rows.map((r) => r.lineIndex), [5, 6, 7]);
});

test('results written inline: a ratio with no unit in the list, a one-result paragraph headed by its date, an abbreviated name', () => {
  const rows = labResultRows(toLines([
    'Review of recent labs.',
    'Renal Function Panel (2/03/2021): Urea Nitrogen 18 mg/dL, Creatinine 0.9 mg/dL, BUN/Creatinine Ratio 20, Albumin 4.0 g/dL.',
    'Thyroid (2/03/2021): TSH 2.10 mIU/L.',
    'Lipids (2/03/2021): Cholesterol, Total 190 mg/dL, HDL Cholesterol 50 mg/dL, T. Chol/HDL Ratio 3.8 (H), Triglycerides 120 mg/dL.',
    'She takes metformin 500 mg twice daily. Follow up in 3 weeks.',
    // A speck OCR read as a point after the unit, before the flag.
    'CBC (2/03/2021): WBC 12.1 10*3/ul. (H), RBC 4.10 10*6/uL, Hemoglobin 12.5 g/dL,',
    'Hematocrit 38.0 %, Platelets 250 10*3/uL.',
  ]));
  const got = rows.map((r) => `${r.loinc}=${r.value}${r.flag ? ` ${r.flag}` : ''}`);
  for (const want of ['3097-3=20', '3016-3=2.10', '9830-1=3.8 H', '2571-8=120', '6690-2=12.1 H', '789-8=4.10', '4544-3=38.0']) assert.ok(got.includes(want), `${want} in ${got.join(', ')}`);
  assert.equal(rows.length, 14);
});

test('a discharge summary written as a letter to the GP is a discharge summary, not a referral', () => {
  const text = [
    'Riverside Infirmary                                   DISCHARGE LETTER',
    'Ward 3                                                 Consultant Jane Roe',
    'Patient    Mr John DOE          Hospital no.   H123456',
    'Admitted   02.05.2023           Discharged     06.05.2023',
    'Dear Dr Smith,',
    'Your patient was admitted with chest pain and was discharged on 06.05.2023.',
    'Primary diagnosis',
    'I20.0 Unstable angina',
    'Medications on discharge',
    'aspirin 75 mg tablet     once daily     New',
    'Yours sincerely,',
    'Jane Roe, MD',
  ].map((t, index) => ({ page: 1, index, text: t }));
  assert.equal(classify(text).type, 'discharge_summary');
});

test('a claim form: the period under its numbered caption, its dates MMDDYY, not the statement date', () => {
  const text = [
    '                 HOSPITAL STATEMENT',
    '1                                   3 PATIENT CONTROL NO.      7 STATEMENT COVERS PERIOD      9 TYPE OF BILL',
    'Northside Hospital                  A1234                      021522 THROUGH 021722          0131',
    '12 PATIENT NAME                     14 BIRTHDATE               STATEMENT DATE',
    'DOE, JANE                           07041960                   03/20/2022',
    'REV. CD.  DESCRIPTION               SERV. DATE   UNITS   TOTAL CHARGES',
    '0450      EMERGENCY ROOM            021522       1       1200.00',
    'AMOUNT DUE   $120.00      Due by 04/20/2022',
  ].map((t, index) => ({ page: 1, index, text: t }));
  assert.equal(findServiceDate(text, 'insurance_billing', '1960-07-04', '2022-03-22'), '2022-02-15');
});

test('a courtesy title before a whole name is no part of it; before a family name alone no name is read', () => {
  assert.equal(parseName('Mrs Kelly PSEUDOCOMBE')?.name, 'Kelly Pseudocombe');
  assert.equal(parseName('Mr John A. Doe')?.family, 'Doe');
  assert.equal(parseName('Mr Smith'), null);
  assert.equal(parseName('Dr Jane Roe'), null);
});

test('dotted dates: a page that writes them day first reads its ambiguous ones so; a US page keeps month first', () => {
  const eu = dayFirstDotted('14.03.2024 10:32  +1 217 555 0146   Pg.002/005\nPatient  DOE Jane\nDate of birth  07.03.1975\nSample taken  21.02.2024 08:15');
  assert.match(eu, /Date of birth {2}1975-03-07/);
  // The fax header's day-first date is the machine's setting, no evidence for the page.
  const us = dayFirstDotted('14.03.2024 10:32  +1 217 555 0146   Pg.002/005\nPatient  Jane Doe\nDOB 07.03.1975\nCollected 03.14.2024');
  assert.match(us, /DOB 07\.03\.1975/);
  assert.equal(dayFirstDotted('DOB 07.03.1975  seen 11.02.2024'), 'DOB 07.03.1975  seen 11.02.2024');
  // A dotted date that can only be day first is read so.
  assert.equal(findDates('Discharged 17.06.2024')[0]?.date, '2024-06-17');
  // Only ambiguous dotted dates: the order that makes one a date the transmission prints otherwise ("January 11th, 2005").
  assert.match(dayFirstDotted('Date of birth  11.01.2005\nAdmitted  04.04.2023', new Set(['2005-01-11'])), /Date of birth {2}2005-01-11/);
  assert.match(dayFirstDotted('DOB  11.01.2005', new Set(['2005-11-01'])), /DOB {2}11\.01\.2005/);
});

test('the patient under billing captions: a claimant, a numbered form caption over its value', () => {
  assert.deepEqual(lineNameCands('   Claimant: ROE, PAT Q                     Claimant DOB: 1970/01/02', undefined, undefined).map((c) => c.raw).filter((r) => parseName(r)), ['ROE, PAT Q']);
  const head = '  8 PATIENT NAME                      10 BIRTHDATE        11 SEX      50 PAYER NAME';
  const vals = '  ROE, PAT Q                          01021970            F           Acme Health Plan';
  assert.ok(lineNameCands(head, vals, undefined).some((c) => c.raw === 'ROE, PAT Q'));
  // A cover's notice: "named" is a word, no slip of the Name caption.
  assert.deepEqual(lineNameCands('INTENDED ONLY FOR THE USE OF THE ADDRESSEE NAMED ABOVE. IF YOU ARE NOT THE INTENDED', undefined, undefined), []);
});

test('a printed e-mail (From / Sent / To / Subject) is what its subject says, not a fax cover', () => {
  const text = [
    'Jane Sender',
    'From:      Jane Sender <jane.sender@example.org>',
    'Sent:      Monday, May 6, 2024 10:12 AM',
    'To:        Intake <intake@example.org>',
    'Subject:   Referral - ROE, PAT (DOB 1/2/1970) - Neurology',
    'Hello,',
    'Please see this patient for migraine. Reason for referral: headaches not controlled.',
    'Attached: office notes. Please call us with questions.',
    'Thanks,',
    'Jane Sender',
  ].map((t, index) => ({ page: 1, index, text: t }));
  assert.equal(classify(text).type, 'referral_letter');
});

test('the Patient label its colon lost or read as a quote is no part of the name', () => {
  for (const line of ['Patient’ Peter S. Demoson              DOB: 5/21/1999        Gender: Male', 'Patient Peter S. Demoson               Date of birth: May 21, 1999   Chart: 3192449']) {
    const names = lineNameCands(line, undefined, undefined).map((c) => parseName(c.raw)?.name).filter(Boolean);
    assert.deepEqual([...new Set(names)], ['Peter S. Demoson'], line);
  }
});

test('a urinalysis pasted in a note as a list: word results without ranges and a pH without a unit are results; a lone "Glucose negative" in a sentence is none', () => {
  const rows = labResultRows(toLines([
    'Urinalysis, Routine (6/17/2021): Color Yellow, Appearance Clear, Specific Gravity 1.026, pH 7.0,',
    'Glucose Negative, Bilirubin Negative, Ketones Negative, Protein 1+ (abn), Nitrite Negative.',
  ]));
  assert.deepEqual(show(rows), [
    'Color | Yellow |  |  | ',
    'Appearance | Clear |  |  | ',
    'Specific Gravity | 1.026 |  |  | ',
    'pH | 7.0 |  |  | ',
    'Glucose | Negative |  |  | ',
    'Bilirubin | Negative |  |  | ',
    'Ketones | Negative |  |  | ',
    'Protein | 1+ |  |  | A',
    'Nitrite | Negative |  |  | ',
  ]);
  assert.deepEqual(show(labResultRows(toLines(['Her glucose negative on the dipstick was reassuring.']))), []);
});

test('an after-visit summary\'s word results under their test\'s heading, fields parted by a middle dot ("Color" / "Your value: Yellow   ·   Standard range: Yellow"), a two-letter "pH" heading too', () => {
  const rows = labResultRows(toLines([
    '   Urinalysis, Complete (collected Apr 8, 2023)',
    '',
    '     Color',
    '        Your value: Yellow        ·       Standard range: Yellow',
    '',
    '     pH',
    '        Your value: 7.0   ·   Standard range: 5.0 - 8.0',
    '',
    '     Bilirubin',
    '        Your value: Negative   ·   Standard range: Negative',
  ]));
  assert.deepEqual(show(rows).sort(), ['Bilirubin | Negative |  | Negative | ', 'Color | Yellow |  | Yellow | ', 'pH | 7.0 |  | 5.0-8.0 | ']);
});

test('a result card with two part captions between the test\'s name and its values ("Glucose" / "Your Value   Standard Range" / "86 mg/dL   65 - 99 mg/dL") is read; the past results under it are not the result', () => {
  const rows = labResultRows(toLines([
    '    Glucose',
    '                         Your Value                                        Standard Range',
    '',
    '    86 mg/dL                                             65 - 99 mg/dL',
    '',
    '    Past Results   Apr 12, 2024   Aug 28, 2023',
    '',
    '                   85             85',
    '',
    '    Sodium                                                                                                                                High',
    '',
    '                         Your Value                                        Standard Range',
    '',
    '    149 mmol/L                                           135 - 146 mmol/L',
  ]));
  assert.deepEqual(rows.map((r) => [r.name, r.value, r.flag ?? '']), [['Glucose', '86', ''], ['Sodium', '149', 'H']]);
});

test('labels printed with a doubled colon ("PATIENT::  PROTOZ, PATRICK D", "DOB::  1959-12-13") name the patient and the birth date', () => {
  const lines = cleanPage(1, ['Teleradiology report', '', '', '      PATIENT::        PROTOZ, PATRICK D', '      DOB::            1959-12-13'].join('\n')).lines.slice(3);
  assert.deepEqual(lineNameCands(lines[0]!.text, lines[1]!.text, undefined).map((c) => c.raw.trim())[0], 'PROTOZ, PATRICK D');
  assert.deepEqual(birthDatesOnLine(lines[1]!.text, undefined).map((d) => d.date), ['1959-12-13']);
});

test('name captions over their values without colons ("Last Name   First Name   MI" over "Draftwell   Eric   A") name the patient, and those two cells are no "First Last" order', () => {
  const caption = '          Last Name                         First Name                                  MI';
  const values = '          Draftwell                         Eric                                        A';
  assert.deepEqual(lineNameCands(caption, values, undefined).map((c) => c.raw), ['Draftwell, Eric']);
  const asRead = { given: ['Eric'], family: 'Draftwell', name: 'Eric Draftwell', score: 1 } as Parameters<typeof orderAsTransmissionPrints>[0];
  assert.equal(orderAsTransmissionPrints(asRead, toLines([caption, values])).family, 'Draftwell');
});

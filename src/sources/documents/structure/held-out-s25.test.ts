/**
 * Session 25: classes a fresh seed of every template set (seed 7900, ground-truth text) still missed. Each layout here
 * is written for the class, not copied from a template.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify } from './classify.js';
import { findPatient } from './identity.js';
import type { Line } from './lines.js';

const lines = (rows: string[]): Line[] => rows.map((text, index) => ({ page: 1, index, text }));

test('a title of several words letter-spaced one space apart (tracked capitals) is read closed up, whatever the sender\'s name says', () => {
  const page = [
    '                       U N C L A S S I F I E D',
    '          REGIONAL MEDICAL COMMAND',
    '          Patient Referral Center',
    '                       F A X C O V E R S H E E T',
    '    SENDER                                   ADDRESSEE',
    '        Records Desk                             Dr. Omar Samplefield',
    '    DATE   04JAN2024            PAGES   3',
    '    Enclosed are the records you asked for. Please confirm receipt.',
  ];
  assert.equal(classify(lines(page)).type, 'fax_cover_sheet');
});

test('a banner naming the patient before "· Born DATE" (no name caption) names the patient, not only the birth date', () => {
  for (const banner of ['   Maria Exampleton · Born 11 Apr 1987 · Female · Chart 00553311', '  EXAMPLETON, MARIA — born 04/11/1987 — F — Acct 553311']) {
    const p = findPatient(
      lines([
        '  Lakeview Family Health                                  12 Elm St, Troy, NY 12180',
        banner,
        '  Ordering clinician Paul Testman, MD',
        '  Results summary    Collected 2 Feb 2024 08:10',
        '   Component                 Value        Standard Range       Units',
        '   Sodium                    139          135 - 145            mmol/L',
      ]),
      1,
    );
    assert.equal(p.family, 'Exampleton');
    assert.equal(p.given?.[0], 'Maria');
    assert.equal(p.birthDate, '1987-04-11');
  }
});

test('a letter\'s "Re:" line parting its subject from the patient\'s name by a middle dot names the patient', () => {
  const p = findPatient(
    lines([
      '        Brookside Internal Medicine · 40 Main St, Salem, OR 97301',
      '        March 3, 2024',
      '        Re: Results of your recent blood tests · Helen Mockford · born 9/14/1958',
      '        Dear Ms. Mockford,',
      '        Your cholesterol was a little high. We will recheck it in three months.',
    ]),
    1,
  );
  assert.equal(p.family, 'Mockford');
  assert.equal(p.given?.[0], 'Helen');
  assert.equal(p.birthDate, '1958-09-14');
});

test('a patient row whose birth-date cell is captioned "Birth" or "Birthdate" (no DOB label, no name caption) names the patient', () => {
  for (const row of ['  SAMPLEMAN, RITA            Birth 11.02.1949        Sex F        Acct 445566', '   Sampleman, Rita      Birthdate 11-02-1949                         Results · 02-02-2024']) {
    const p = findPatient(
      lines([
        '  Greenfield Medical Associates · 9 Oak Rd, Akron, OH 44301',
        row,
        '  RESULTS FLOWSHEET — latest draw 01/30/2024',
        '   test            Sodium      Potassium     Chloride',
      ]),
      1,
    );
    assert.equal(p.family, 'Sampleman', row);
    assert.equal(p.given?.[0], 'Rita');
    assert.equal(p.birthDate, '1949-11-02');
  }
});

test('a name followed by a bracket holding an identifier and then the birth date names the patient', () => {
  const p = findPatient(
    lines([
      '    Summit Pathology Group                                    CLINICAL LAB REPORT',
      '',
      '    collected: 02/01/2024 7:40 am          reported: 02/02/2024 1:15 pm',
      '    ordering provider:   Lena Fakeman, MD',
      '',
      '    MARCUS DEMOWITZ (acct 8830021; dob: 10/30/1971)',
      '     Observation                      Value      Units        Range',
      '     GLUCOSE                          101        mg/dL        65-99',
    ]),
    1,
  );
  assert.equal(p.family, 'Demowitz');
  assert.equal(p.given?.[0], 'Marcus');
  assert.equal(p.birthDate, '1971-10-30');
});

test('a form\'s "Name" caption alone on its line names the patient written on the line below, right of it; a table\'s "Name" head does not', () => {
  const form = findPatient(
    lines([
      '   Riverside Clinic                                        HEALTH HISTORY FORM',
      '   Please complete both sides before your visit',
      '   Patient name',
      '                    Louis Fakerton                       Date of birth',
      '                                                           02/17/1966',
      '   Current concerns      knee pain',
    ]),
    1,
  );
  assert.equal(form.family, 'Fakerton');
  assert.equal(form.given?.[0], 'Louis');
  const table = findPatient(
    lines([
      '   MEDICATIONS',
      '   Name',
      '   Lisinopril Tablet            10 mg      daily',
      '   Metformin Hcl                500 mg     twice daily',
    ]),
    1,
  );
  assert.equal(table.family, undefined);
});

test('a role caption without its colon before a "LAST, First" name ("RESIDENT DOE, Jane", "CLIENT …") names the patient', () => {
  for (const [row, family] of [
    ['  RESIDENT TESTMORE, Agnes            UNIT 3 WEST       SEX F        RECORD 771203', 'Testmore'],
    ['  Client Mockley, Dale               Program   Outpatient Counseling', 'Mockley'],
  ] as const) {
    const p = findPatient(
      lines([
        ' Pinecrest Nursing & Rehabilitation',
        ' 12 Hill Rd, Bangor, ME 04401',
        '',
        row,
        '  ATTENDING Gail Prototon, MD             PERIOD 03/01/24 - 03/31/24',
        '  ALLERGIES: NKDA',
      ]),
      1,
    );
    assert.equal(p.family, family, row);
  }
  // The same words opening a sentence in capitals name no one.
  const notice = findPatient(lines(['  RESULTS ARE SENT TO THE EMPLOYEE ONLY. EMPLOYER GETS THE FITNESS STATUS.']), 1);
  assert.equal(notice.family, undefined);
});

test('a received stamp whose top word the text broke: the date above its lower word ("MEDICAL RECORDS") is no date of the letter', async () => {
  const { structureTransmission } = await import('./index.js');
  const text = [
    '',
    '      Lakeside Neurology                                                   22 Birch Ave',
    '                                                                     RECEISuite 4,',
    '                                                                       IVED Albany, NY 12203',
    '                                                                    JAN 22 2025',
    '                                                                 T 518.555.0101',
    '                                                                    MEDICAL RECORDS',
    '      November 12, 2024',
    '      Re: Fakeson, Irene (DOB 06-02-1961)',
    '      Dear Colleague,',
    '      Thank you for asking me to see Irene Fakeson, whom I saw in the office on November 12, 2024 for headaches.',
    '      Assessment and plan: tension-type headache. Follow up in three months.',
    '      Sincerely,',
    '      Mark Testwell, MD',
  ].join('\n');
  const x = structureTransmission([{ page: 1, text, method: 'plain' }]);
  assert.equal(x.label?.date ?? x.segments?.[0]?.date, '2024-11-12');
});

test('a two-word word result wrapped in its narrow column under its row ("Pale" on the row, "Yellow" under it) is read whole', async () => {
  const { parseLabRows } = await import('./labs.js');
  const rows = parseLabRows(
    lines([
      ' URINALYSIS, COMPLETE',
      '   Component          Result       Reference        Flag',
      '   Color, Urine       Pale         Yellow',
      '                      Yellow',
      '   Clarity            Clear        Clear',
      '   pH                 6.0          5.0-8.0',
      '   Protein, Urine     Negative     Negative',
    ]),
  );
  const color = rows.find((r) => /color/i.test(r.name));
  assert.equal(color?.value, 'Pale Yellow');
  assert.equal(color?.range?.text, 'Yellow');
  assert.equal(rows.length, 4);
});

test('under heads printing the result before the test, a two-word word result opening the row whose first word is a result word too ("DARK AMBER   COLOR") is the result', async () => {
  const { parseLabRows } = await import('./labs.js');
  const rows = parseLabRows(
    lines([
      '  VALUE          TEST                         UNITS        NORMAL RANGE',
      '  URINALYSIS',
      '  DARK AMBER     COLOR                                     Yellow',
      '      HAZY       APPEARANCE                                Clear',
      '     1.021       SPECIFIC GRAVITY                          1.005-1.030',
      '   NEGATIVE      NITRITE                                   Negative',
    ]),
  );
  assert.deepEqual(
    rows.map((r) => [r.name, r.value]),
    [
      ['COLOR', 'DARK AMBER'],
      ['APPEARANCE', 'HAZY'],
      ['SPECIFIC GRAVITY', '1.021'],
      ['NITRITE', 'NEGATIVE'],
    ],
  );
});

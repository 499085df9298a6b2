/**
 * Lab reports in layouts the shared fax sample does not use (fixtures/lab-layouts.ts), read as
 * text lines: every result must come out with its test, value, unit, range and flag, and the
 * dates, page markers and comments around the table must not become results.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LabRow } from './lab-row.js';
import { parseLabRows } from './labs.js';
import type { Line } from './lines.js';
import { structureTransmission } from './index.js';
import { BLOOD, HEADERS, LAYOUTS, PERSON, URINE, flat, reportPage, type Result } from './fixtures/lab-layouts.js';

const toLines = (texts: string[]): Line[] => texts.map((text, index) => ({ page: 1, index, text }));
const num = (v: string) => v.replace(/,/g, '');
const flagOf = (f: LabRow['flag']) => (f === 'HH' ? 'H' : f === 'LL' ? 'L' : f);

/** What a user would find wrong, one line per result (empty when every result reads right). */
function problems(rows: LabRow[], expected: Result[], ranges: boolean): string[] {
  const out: string[] = [];
  const left = [...rows];
  for (const x of expected) {
    const i = left.findIndex((row) => row.loinc === x.loinc);
    if (i < 0) {
      out.push(`${x.name}: not found`);
      continue;
    }
    const row = left.splice(i, 1)[0]!;
    const got = {
      value: num(row.value),
      ucum: row.ucum ?? null,
      flag: flagOf(row.flag) ?? null,
      ...(ranges ? { low: row.range?.low ?? null, high: row.range?.high ?? null } : {}),
    };
    const want = { value: num(x.value), ucum: x.ucum ?? null, flag: x.flag ?? null, ...(ranges ? { low: x.low ?? null, high: x.high ?? null } : {}) };
    if (JSON.stringify(got) !== JSON.stringify(want)) out.push(`${x.name}: got ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
  }
  for (const row of left) out.push(`extra row: ${row.name} ${row.value} ${row.unit ?? ''}`);
  return out;
}

for (const layout of LAYOUTS) {
  for (const [label, panels] of [
    ['blood', BLOOD],
    ['urinalysis', [URINE]],
  ] as Array<[string, Array<{ panel: string; rows: Result[] }>]>) {
    test(`${layout.id} (${label}): ${layout.what}`, () => {
      const printed = layout.render(panels);
      const expected = layout.expected?.(panels) ?? panels.flatMap((p) => p.rows);
      assert.deepEqual(problems(parseLabRows(toLines(printed)), expected, layout.ranges), [], printed.join('\n'));
      // The same page as OCR prints it: single spaces between columns.
      assert.deepEqual(problems(parseLabRows(toLines(flat(printed))), expected, layout.ranges), [], `${layout.id} with single spaces`);
    });
  }
}

for (const h of HEADERS) {
  test(`patient and date of service: ${h.id}`, () => {
    const out = structureTransmission([{ page: 1, text: reportPage(h.lines), method: 'plain' }]);
    const seg = out.segments?.[0];
    const who = seg?.subject ? out.subjects?.[seg.subject] : undefined;
    assert.deepEqual(
      {
        type: seg?.type,
        given: who?.given?.[0],
        family: who?.family,
        birthDate: who?.birthDate,
        ...(h.mrn ? { mrn: who?.identifiers?.[0]?.value } : {}),
        date: seg?.date,
        results: out.resources?.filter((r) => r.resource.resourceType === 'Observation').length,
      },
      {
        type: 'lab_report',
        given: PERSON.given,
        family: PERSON.family,
        birthDate: PERSON.birthDate,
        ...(h.mrn ? { mrn: PERSON.mrn } : {}),
        date: PERSON.collected,
        results: 5,
      },
      h.lines.join('\n'),
    );
  });
}

test('OCR slips in result rows: misread High, S for 5, colon for point, garbled units of one-unit tests, dotted ranges, C02', () => {
  const rows = parseLabRows(
    toLines([
      'Carbon Dioxide, Total     33        igh    mmol/L        20-32          01',
      'Hemoglobin A1c            S9H              <5.7 % of total Hgb',
      'RDW                       13:1             11.0-15.0 %                  ND',
      'HCT            46.5 (38.5-50.0) ©',
      'EOS %          2.6 (0.0.6.0)    .',
      'C02            24   (20-32)      mEq/L',
      'Estimated Average Glucose          mg/dL          128',
      'BUN/CREATININE RATIO               SL             6-22 (calc)          cc',
      'Hemoglobin                12.7              11.7-15.5                  wl.',
      'AST (SGOT)                27                10-40                      un.',
    ]),
  );
  assert.deepEqual(
    rows.map((r) => [r.loinc, r.value, r.ucum ?? null, flagOf(r.flag) ?? null, r.range?.low ?? null, r.range?.high ?? null]),
    [
      ['2028-9', '33', 'mmol/L', 'H', 20, 32],
      ['4548-4', '5.9', '%', 'H', null, 5.7],
      ['788-0', '13.1', '%', null, 11, 15],
      ['4544-3', '46.5', '%', null, 38.5, 50],
      ['713-8', '2.6', '%', null, 0, 6],
      ['2028-9', '24', 'meq/L', null, 20, 32],
      ['27353-2', '128', 'mg/dL', null, null, null],
      ['3097-3', '5', '{ratio}', 'L', 6, 22],
      ['718-7', '12.7', 'g/dL', null, 11.7, 15.5],
      ['1920-8', '27', 'U/L', null, 10, 40],
    ],
  );
});

test('OCR slips in rows whose range comes first: garbled units, lost points, dirt, a garbled range', () => {
  const rows = parseLabRows(
    toLines([
      'Component                 Latest Ref Rng & Units          9/2/2022',
      'Sodium                    135 - 146 mmolL                 140',
      'Platelet Count            140 - 400 10*3/uL     :         254',
      'Bilirubin, Total          0.2-1.2 mg/dL.                  04',
      'Lymphocytes               20.0- 450%                      19.1 (L)',
      'Absolute Neutrophils      1.5-7.8103/uL                   6.3',
      'MCH                       27.0-33.0pg                     269 (1)',
      'Calcium                   8610.3 mg/dL                    9.0',
      'eGFR                      >=60 mL/mjn/1.73 m2             51(L)',
      'Potassium                 3.5 + 5.3 mol/L                 4.6',
      'Vitamin 812               200 - 1100 pg/mL                697',
      'eGFR                      »>=60 mU/min/1.73 m2            102',
    ]),
  );
  assert.deepEqual(
    rows.map((r) => [r.loinc, r.value, r.ucum ?? null, flagOf(r.flag) ?? null]),
    [
      ['2951-2', '140', 'mmol/L', null],
      ['777-3', '254', '10*3/uL', null],
      ['1975-2', '0.4', 'mg/dL', null],
      ['736-9', '19.1', '%', 'L'],
      ['751-8', '6.3', '10*3/uL', null],
      ['785-6', '26.9', 'pg', 'L'],
      ['17861-6', '9.0', 'mg/dL', null],
      ['98979-8', '51', 'mL/min/{1.73_m2}', 'L'],
      ['2823-3', '4.6', 'mmol/L', null],
      ['2132-9', '697', 'pg/mL', null],
      ['98979-8', '102', 'mL/min/{1.73_m2}', null],
    ],
  );
});

test('OCR slips in values: the point read as a digit, flags with a star or quote glued, dirt around a unit', () => {
  const rows = parseLabRows(
    toLines([
      'Component              Latest Ref Rng & Units      9/2/2022',
      'Potassium              3.5 - 5.3 mmol/L            456',
      'MCH                    27.0-33.0 pg                2986',
      'Component              Value      Flag     Ref Range       Units',
      'Hemoglobin             95L*                13.2-17.1       g/dL',
      'RBC                    4.13L*              4.20-5.80       M/uL.',
      'RDW                    16.2H"              11.0-15.0       %',
      'Hematocrit             28.6       L*       35.0-45.0       “%',
    ]),
  );
  assert.deepEqual(
    rows.map((r) => [r.loinc, r.value, r.ucum ?? null, flagOf(r.flag) ?? null]),
    [
      ['2823-3', '4.6', 'mmol/L', null],
      ['785-6', '29.6', 'pg', null],
      ['718-7', '9.5', 'g/dL', 'L'],
      ['789-8', '4.13', '10*6/uL', 'L'],
      ['788-0', '16.2', '%', 'H'],
      ['4544-3', '28.6', '%', 'L'],
    ],
  );
});

test('a lab report without a title after a letter starts a document of its own', () => {
  const letter = ['Dear Dr. Mockington,', 'I saw Harriet Samplewood (DOB 01/02/1960) today for follow-up of her diabetes.', 'Her A1c was 7.2 % last month. Please see the enclosed results.', 'Sincerely,', 'Carol Trialova, MD'].join('\n');
  // No title, a column header no title rule knows, the patient and date in a block of labels over values.
  const lab = [...HEADERS[2]!.lines, '', ...LAYOUTS.find((l) => l.id === 'latest-ref-rng')!.render([BLOOD[1]!])].join('\n');
  const out = structureTransmission([
    { page: 1, text: letter, method: 'plain' },
    { page: 2, text: lab, method: 'plain' },
  ]);
  assert.deepEqual(
    out.segments?.map((s) => [s.firstPage, s.lastPage, s.type]),
    [
      [1, 1, 'referral_letter'],
      [2, 2, 'lab_report'],
    ],
  );
});

test('one person in two documents: the name is taken from the document that reads it more surely', () => {
  const first = reportPage(['Patient: Harriet Sampiewood', 'Collected: 02/01/2024']);
  const second = reportPage(['Patient Name: SAMPLEWOOD, HARRIET Q     MRN: 00123456', 'DOB: 01/02/1960   Sex: F', 'Collected: 03/14/2024']);
  const out = structureTransmission([
    { page: 1, text: first, method: 'plain' },
    { page: 2, text: second, method: 'plain' },
  ]);
  assert.equal(out.segments?.length, 2);
  assert.deepEqual(Object.values(out.subjects ?? {}).map((p) => [p.given?.[0], p.family, p.birthDate]), [['Harriet', 'Samplewood', '1960-01-02']]);
});

test('unit spellings of other labs: K/mcL, x10(6)/uL, x10(3)/uL, cells/mcL, mmol/mol', () => {
  const rows = parseLabRows(
    toLines([
      'WBC                7.2      K/mcL          3.4-10.8',
      'RBC                4.12  L  x10(6)/uL      4.14-5.80',
      'Platelets          212      x10(3)/uL      150-450',
      'Absolute Neutrophils  4100  cells/mcL     1500-7800',
      'Hemoglobin A1c     51    H  mmol/mol       20-42',
    ]),
  );
  assert.deepEqual(
    rows.map((r) => [r.loinc, r.value, r.ucum ?? null, flagOf(r.flag) ?? null]),
    [
      ['6690-2', '7.2', '10*3/uL', null],
      ['789-8', '4.12', '10*6/uL', 'L'],
      ['777-3', '212', '10*3/uL', null],
      ['751-8', '4100', '/uL', null],
      ['4548-4', '51', 'mmol/mol', 'H'],
    ],
  );
});

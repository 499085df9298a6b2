/**
 * Lab results printed as blocks of labelled lines (lab-blocks.ts): several label styles, blocks
 * side by side, two pairs on a line, OCR slips in labels, blocks without units or with a word
 * result, a collection date per block; prose with "Result:" gives no rows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Line } from './lines.js';
import { parseLabBlocks, type LabBlockRow } from './lab-blocks.js';
import { structureTransmission } from './index.js';

const toLines = (texts: string[], page = 1): Line[] => texts.map((text, index) => ({ page, index, text }));

/** name | value | ucum | range | flag, one string per row (easy to read in a failure). */
const show = (rows: LabBlockRow[]) => rows.map((r) => [r.loinc ?? r.name, r.value, r.ucum ?? '', r.range?.text ?? '', r.flag ?? ''].join(' | '));

test('blocks side by side: a flag line on one side only, units on one side only, word results', () => {
  const page = [
    'Northfield Pathology Group',
    '  Patient: DOE, JANE            Birthdate: Mar 4, 1950',
    '',
    '  -- COMPLETE BLOOD COUNT --',
    '   Test:   Hemoglobin                           Test:   Platelet Count',
    '   Result: 11.2                                 Result: 262',
    '   Units:  g/dL                                 Units:  x10E3/uL',
    '   Range:  12.0 - 15.5                          Range:  150 - 400',
    '   Flag:   LOW',
    '   Test:   Color                                Test:   Urobilinogen',
    '   Result: Straw                                Result: 1.0',
    '   Range:  Yellow                               Units:  mg/dL',
    '                                                Range:  0.2 - 1.0',
    '',
    '  *** END OF REPORT ***',
  ];
  const rows = parseLabBlocks(toLines(page));
  assert.deepEqual(show(rows), [
    '718-7 | 11.2 | g/dL | 12.0-15.5 | L',
    '777-3 | 262 | 10*3/uL | 150-400 | ',
    '5778-6 | Straw |  | Yellow | ',
    '5818-0 | 1.0 | mg/dL | 0.2-1.0 | ',
  ]);
  // Each row keeps its page, the line of its result and its printed tokens (for the box).
  assert.equal(rows[0]!.page, 1);
  assert.equal(rows[0]!.lineIndex, 5);
  assert.ok(rows[0]!.tokens.includes('Hemoglobin') && rows[0]!.tokens.includes('11.2'));
  assert.ok(!rows[0]!.tokens.includes('Platelet'));
  assert.deepEqual(rows[3]!.blockLines, [9, 10, 11, 12]);
});

test('portal style: Test Name / Value / Reference Interval / Abnormal Flag / Collected, one block per test', () => {
  const page = [
    'My Health Portal - Test Results',
    'Test Name: Hemoglobin A1c',
    'Value: 6.1 %',
    'Reference Interval: 4.0-5.6',
    'Abnormal Flag: H',
    'Collected: 03/14/2024 08:10',
    '',
    'Test Name: TSH',
    'Value: 2.41',
    'Unit: mIU/L',
    'Reference Interval: 0.45-4.50',
    'Abnormal Flag: N',
    'Collected: 02/01/2024',
  ];
  const rows = parseLabBlocks(toLines(page));
  assert.deepEqual(show(rows), ['4548-4 | 6.1 | % | 4.0-5.6 | H', '3016-3 | 2.41 | m[IU]/L | 0.45-4.50 | ']);
  assert.deepEqual(rows.map((r) => r.effective), ['2024-03-14', '2024-02-01']);
});

test('two label:value pairs per line, Analyte / Component / Normal Range / Interpretation, flag glued to the value', () => {
  const page = [
    'CHEMISTRY DETAIL',
    'Analyte: Glucose                 Result: 112H',
    'Units: mg/dL                     Normal Range: 65 - 99',
    '',
    'Component: Sodium                Value: 139',
    'Unit: mmol/L                     Ref Range: 135-146',
    'Interpretation: Normal',
    '',
    'Component: Creatinine            Value: 1.42 H',
    'Units: mg/dL                     Reference Range: 0.50-1.10',
  ];
  assert.deepEqual(show(parseLabBlocks(toLines(page))), [
    '2345-7 | 112 | mg/dL | 65-99 | H',
    '2951-2 | 139 | mmol/L | 135-146 | ',
    '2160-0 | 1.42 | mg/dL | 0.50-1.10 | H',
  ]);
});

test('OCR slips in labels: a letter off, the colon read as a semicolon or lost, single spaces', () => {
  const page = [
    'Tesl: Potassium Test; Chloride',
    'Resu1t: 5.9 H Result; 101',
    'Unlts: mmol/L Units mmol/L',
    'Range; 3.5-5.3 Ref Range 98-110',
    'Test: Calcium',
    'Resutt: 9.6',
    'Units: mg/dL',
    'Referance Range: 8.6-10.3',
  ];
  assert.deepEqual(show(parseLabBlocks(toLines(page))), [
    '2823-3 | 5.9 | mmol/L | 3.5-5.3 | H',
    '2075-0 | 101 | mmol/L | 98-110 | ',
    '17861-6 | 9.6 | mg/dL | 8.6-10.3 | ',
  ]);
});

test('blocks without units: word results and dimensionless values', () => {
  const page = [
    'URINALYSIS',
    'Test: Color',
    'Result: Dark Yellow',
    'Reference Range: Yellow',
    'Test: Appearance',
    'Result: Cloudy',
    'Reference Range: Clear',
    'Flag: A',
    'Test: Specific Gravity',
    'Result: 1.020',
    'Reference Range: 1.005-1.030',
    'Test: Nitrite',
    'Result: Negative',
    'Reference Range: Negative',
  ];
  assert.deepEqual(show(parseLabBlocks(toLines(page))), ['5778-6 | Dark Yellow |  | Yellow | ', '5767-9 | Cloudy |  | Clear | A', '5811-5 | 1.020 |  | 1.005-1.030 | ', '5802-4 | Negative |  | Negative | ']);
});

test('a test named by a heading line, its result, range and flag labelled on the line under it; a rule read as a bar', () => {
  const page = [
    'CHEMISTRY',
    'HEMOGLOBIN A1C',
    '| Result: 6.1 %    Reference Range: 4.0-5.6    Flag: H',
    '',
    'Vitamin D, 25-Hydroxy',
    '| Result: 18    Units: ng/mL    Reference Range: 30-100    Flag: L',
    'Comment: drawn fasting',
  ];
  assert.deepEqual(show(parseLabBlocks(toLines(page))), ['4548-4 | 6.1 | % | 4.0-5.6 | H', '62292-8 | 18 | ng/mL | 30-100 | L']);
});

test('a letter with "Result:" and "Test:" in its prose gives no rows', () => {
  const page = [
    'Dear Dr. Samplewood,',
    'Thank you for seeing Ms. Doe. Test: we repeated her blood work last week as you asked.',
    'Result: her hemoglobin was stable and we will follow up in three months.',
    'Test: Hemoglobin was drawn at the visit.',
    'Result: stable, no change from the last value; she feels well.',
    'Sincerely,',
    'Anna Example, MD',
  ];
  assert.deepEqual(parseLabBlocks(toLines(page)), []);
});

test('structureTransmission reads a block report as lab results with boxes and the block collection date', () => {
  const text = [
    'Pinecrest Pathology Associates',
    'LABORATORY REPORT',
    'Patient: DOE, JANE        Birthdate: 03/04/1950',
    'Collected on: 03/14/2024',
    '',
    '== CHEMISTRY ==',
    '  Test:   Glucose                       Test:   Sodium',
    '  Result: 112                           Result: 139',
    '  Units:  mg/dL                         Units:  mmol/L',
    '  Range:  65 - 99                       Range:  135 - 146',
    '  Flag:   HIGH',
    '  Test:   Potassium                     Test:   Chloride',
    '  Result: 4.1                           Result: 101',
    '  Units:  mmol/L                        Units:  mmol/L',
    '  Range:  3.5 - 5.3                     Range:  98 - 110',
    '  Collected: 03/12/2024',
  ].join('\n');
  const words = text.split('\n').flatMap((line, y) => [...line.matchAll(/\S+/g)].map((m) => ({ text: m[0], box: [m.index! * 10, y * 20, (m.index! + m[0].length) * 10, y * 20 + 15] as [number, number, number, number] })));
  const out = structureTransmission([{ page: 1, text, method: 'plain', words }]);
  const obs = (out.resources ?? []).filter((r) => r.resource.resourceType === 'Observation');
  const got = obs.map((r) => {
    const o = r.resource as { code: { text: string }; valueQuantity?: { value: number }; effectiveDateTime?: string; interpretation?: Array<{ coding: Array<{ code: string }> }> };
    return `${o.code.text} ${o.valueQuantity?.value} ${o.effectiveDateTime} ${o.interpretation?.[0]?.coding[0]?.code ?? ''}`.trim();
  });
  assert.deepEqual(got, ['Glucose 112 2024-03-14 H', 'Sodium 139 2024-03-14', 'Potassium 4.1 2024-03-12', 'Chloride 101 2024-03-14']);
  // The box lies on the block's own lines, in its own column.
  const glucose = obs[0]!.location!;
  assert.equal(glucose.page, 1);
  assert.ok(glucose.box && glucose.box[0] < 300, JSON.stringify(glucose.box));
});

test('a page of result blocks after an immunization record is a document of its own', () => {
  const shots = [
    'CERTIFICATE OF IMMUNIZATION',
    'Name: DOE, JANE        Birthdate: 03/04/1950',
    'Vaccine                     Date given     Lot',
    'Tdap                        08/09/2018     AB123',
    'Influenza, injectable       10/01/2023     FL998',
  ].join('\n');
  const block = (name: string, value: string, unit: string, range: string) => [`  Test:   ${name}`, `  Result: ${value}`, `  Units:  ${unit}`, `  Range:  ${range}`];
  const results = [
    'Patient: DOE, JANE        Birthdate: 03/04/1950',
    'Collected on: 03/14/2024',
    ...block('Glucose', '92', 'mg/dL', '65 - 99'),
    ...block('Sodium', '139', 'mmol/L', '135 - 146'),
    ...block('Potassium', '4.1', 'mmol/L', '3.5 - 5.3'),
    ...block('Chloride', '101', 'mmol/L', '98 - 110'),
    ...block('Calcium', '9.4', 'mg/dL', '8.6 - 10.3'),
    ...block('Albumin', '4.2', 'g/dL', '3.6 - 5.1'),
  ].join('\n');
  const out = structureTransmission([{ page: 1, text: shots, method: 'plain' }, { page: 2, text: results, method: 'plain' }]);
  assert.deepEqual(out.segments?.map((s) => [s.firstPage, s.lastPage, s.type]), [[1, 1, 'immunization_record'], [2, 2, 'lab_report']]);
});

test('OCR slips in blocks: a 0 read as @ ("<15@", "@.2") and a speck glued before a label ("jlest:"); the lone flag goes to the value it describes', () => {
  const page = [
    'Test:  Triglycerides                    Test:  LDL-Cholesterol (calc)',
    'Result: 138                                  Result: 132',
    'Units: mg/dL                                Units: mg/dL',
    'Range: <15@                                 Range: <10@',
    'Flag:   HIGH',
    'j lest: Platelet Count                      jlest: Mpv',
    'Result: 292                               Result: 10.5',
    'Units: 10*3/ul                            Units: fL',
    'Range: 140 - 400                         Range: 7.5 - 12.5',
    'Test:   Basophils',
    'Result: @.2',
    'Units: %',
    'Range: @.2 - 2.0',
  ];
  const rows = show(parseLabBlocks(toLines(page)));
  assert.ok(rows.includes('2571-8 | 138 | mg/dL | <150 | '), rows.join('\n'));
  // "<10@" may be <100 or <10 with its 0 read twice: either way 132 is high, and the flag is its.
  assert.ok(rows.some((r) => /^13457-7 \| 132 \| mg\/dL \| <100? \| H$/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^777-3 \| 292 \|/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^32623-1 \| 10\.5 \| fL/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /\| 0\.2 \| % \| 0\.2-2\.0 \|/.test(r)), rows.join('\n'));
});

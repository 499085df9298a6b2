/**
 * Session 24: the lab-row classes set-c (c-3601 and the template-check seed 5, ground-truth text, scored blind) showed:
 * urine microscopy, pathology ancillary tests, drug screens, one test's history. Each text here is written for the
 * class, not copied from a set-c template.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labResultRows } from './lab-results.js';
import { type Line } from './lines.js';

const lines = (page: string[]): Line[] => page.map((text, index) => ({ page: 1, index, text }));
const show = (rows: ReturnType<typeof labResultRows>) => rows.map((r) => `${r.name}|${r.value}|${r.unit ?? ''}|${r.flag ?? ''}`);

test('session 24 (set-c): urine sediment counts printed as ranges per field, the reference first under range-first heads', () => {
  const page = [
    '  MICROSCOPIC EXAMINATION, URINE',
    '  Analyte                 Ref Range        Result          Units',
    '  WBC, Urine              0-5              11-20  H        /hpf',
    '  RBC, Urine              0-2              0-2             /hpf',
    '  Bacteria                None seen        Many  A         /hpf',
    '  Hyaline Casts           0-2              None seen       /lpf',
  ];
  assert.deepEqual(show(labResultRows(lines(page))), ['WBC, Urine|11-20|/hpf|H', 'RBC, Urine|0-2|/hpf|', 'Bacteria|Many|/hpf|A', 'Hyaline Casts|None seen|/lpf|']);
  // Value first, no heads: the first range is the count.
  assert.deepEqual(show(labResultRows(lines(['  Urine sediment', '  RBC, Urine     3-5   /HPF     0-2']))), ['RBC, Urine|3-5|/HPF|']);
});

test('session 24 (set-c): a type number ends the name of a test reported in words; drug-screen analytes with their abbreviation in brackets', () => {
  const page = [
    '  Test                           Result           Reference',
    '  HPV 16                         Negative         Negative',
    '  HPV 18/45                      Positive         Negative',
    '  Phencyclidine (PCP)            Negative         Negative',
    '  Marijuana Metabolite           Negative         Negative',
  ];
  assert.deepEqual(show(labResultRows(lines(page))).map((r) => r.split('|').slice(0, 2).join('|')), ['HPV 16|Negative', 'HPV 18/45|Positive', 'Phencyclidine (PCP)|Negative', 'Marijuana Metabolite|Negative']);
});

test('session 24 (set-c): a word result with a two-word reference and an interpretation flag after it keeps the flag', () => {
  const page = ['  Test                      Result          Expected          Interpretation', '  Amphetamines              Detected        Not Detected      Abnormal', '  Opiates                   Not Detected    Not Detected'];
  assert.deepEqual(show(labResultRows(lines(page))), ['Amphetamines|Detected||A', 'Opiates|Not Detected||']);
});

test('session 24 (set-c): a urine sediment count with its unit is an Observation range that keeps the unit', async () => {
  const { toObservation } = await import('./observations.js');
  const [row] = labResultRows(lines(['  Microscopic', '  Analyte        Ref Range    Result    Units', '  RBC, Urine     0-2          3-5  H    /hpf']));
  const obs = toObservation(row!, undefined, undefined);
  assert.deepEqual([obs.valueRange?.low?.value, obs.valueRange?.high?.value, obs.valueRange?.low?.unit, obs.valueString], [3, 5, '/hpf', undefined]);
});

test('session 24 (set-c): one test\'s draws printed as dated rows under a heading naming it: the newest draw is the result', () => {
  const page = [
    '  hCG, Quantitative trend (mIU/mL; reference <5)',
    '  Collected            Days since retrieval     Result        Comment',
    '  2023-11-02 07:40     12                       96 H',
    '  2023-11-06 08:05     16                       410 H         doubling 48 h',
    '  2023-11-04 07:55     14                       201 H',
    '',
    '  Glucose            88   mg/dL     65-99',
  ];
  const rows = labResultRows(lines(page));
  assert.deepEqual(show(rows), ['hCG, Quantitative|410|mIU/mL|H', 'Glucose|88|mg/dL|']);
  assert.equal((rows[0] as { effective?: string }).effective, '2023-11-06');
});

test('session 24 (set-c): under result / reference heads, a test no table knows with a word result and its word reference is a row', () => {
  const page = [
    '  ANCILLARY STUDIES',
    '  Study                              Result           Expected        Comment',
    '  H. pylori antigen, stool           Positive         Negative        Abnormal',
    '  Giardia antigen, stool             Not Detected     Not Detected',
    '  Specimen adequacy                  Satisfactory',
  ];
  assert.deepEqual(show(labResultRows(lines(page))), ['H. pylori antigen, stool|Positive||A', 'Giardia antigen, stool|Not Detected||']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitDigitRange } from './lab-number-slips.js';
import { ucumFor, unitFromPrior } from './lab-units.js';
import { parseLabRows } from './labs.js';
import type { Line } from './lines.js';

const lines = (text: string, page = 1): Line[] => text.split('\n').map((t, index) => ({ page, index, text: t }));
const rows = (text: string) => parseLabRows(lines(text));
const pick = (text: string) => rows(text).map((r) => [r.name, r.value, r.unit ?? null, r.flag ?? null, r.range?.text ?? null]);

test('EHR layout: value, flag, spaced range, units', () => {
  assert.deepEqual(
    pick(`Component            Value   Flag   Ref Range      Units
Glucose              112     H      70 - 99        mg/dL
Potassium            3.3     L      3.5 - 5.1      mmol/L
Sodium               139            135 - 145      mmol/L`),
    [
      ['Glucose', '112', 'mg/dL', 'H', '70-99'],
      ['Potassium', '3.3', 'mmol/L', 'L', '3.5-5.1'],
      ['Sodium', '139', 'mmol/L', null, '135-145'],
    ],
  );
});

test('units before the range and flags spelled High/Low at the end', () => {
  assert.deepEqual(
    pick(`TEST                 RESULT   UNITS     REFERENCE RANGE   FLAG
TSH                  5.82     uIU/mL    0.45-4.50         High
Free T4              0.71     ng/dL     0.82-1.77         Low
Vitamin D, 25-Hydroxy 41      ng/mL     30-100`),
    [
      ['TSH', '5.82', 'uIU/mL', 'H', '0.45-4.50'],
      ['Free T4', '0.71', 'ng/dL', 'L', '0.82-1.77'],
      ['Vitamin D, 25-Hydroxy', '41', 'ng/mL', null, '30-100'],
    ],
  );
});

test('units inside the range column, flags glued to the value or in parentheses', () => {
  const r = rows(`HEMOGLOBIN A1c                    6.9 H          <5.7 % of total Hgb
UREA NITROGEN (BUN)                         5L     7-25 mg/dL
EGFR                              58 (L)         > OR = 60 mL/min/1.73m2
PLATELET COUNT                    201            140-400 Thousand/uL`);
  assert.deepEqual(
    r.map((x) => [x.name, x.value, x.ucum ?? null, x.flag ?? null, x.range?.low ?? null, x.range?.high ?? null]),
    [
      ['HEMOGLOBIN A1c', '6.9', '%', 'H', null, 5.7],
      ['UREA NITROGEN (BUN)', '5', 'mg/dL', 'L', 7, 25],
      ['EGFR', '58', 'mL/min/{1.73_m2}', 'L', 60, null],
      ['PLATELET COUNT', '201', '10*3/uL', null, 140, 400],
    ],
  );
});

test('star flags take their direction from the range; flag column before the value', () => {
  const r = rows(`LDL Cholesterol      *     162     mg/dL    0-99
HDL Cholesterol            38 *    mg/dL    >=40
Triglycerides        H     201     mg/dL    <150`);
  assert.deepEqual(r.map((x) => [x.name, x.value, x.flag]), [
    ['LDL Cholesterol', '162', 'H'],
    ['HDL Cholesterol', '38', 'L'],
    ['Triglycerides', '201', 'H'],
  ]);
});

test('two result columns on one line, LIS style with ranges in parentheses', () => {
  const r = rows(`WBC            12.9 H (3.8-10.8)        K/uL                   GLU                73   (65-99)       mg/dL
PLT             111 L (140-400)         K/uL                   CO2                28   (20-32)       mEq/L`);
  assert.deepEqual(r.map((x) => [x.name, x.value, x.flag ?? null, x.ucum ?? null, x.loinc ?? null]), [
    ['WBC', '12.9', 'H', '10*3/uL', '6690-2'],
    ['GLU', '73', null, 'mg/dL', '2345-7'],
    ['PLT', '111', 'L', '10*3/uL', '777-3'],
    ['CO2', '28', null, 'meq/L', '2028-9'],
  ]);
});

test('a name and its value on two lines, lab footnote codes stripped', () => {
  const r = rows(`Hemoglobin01                   15.6           g/dL        13.2-17.1      01
BUN    01
                               17             mg/dL       7-25           01`);
  assert.deepEqual(r.map((x) => [x.name, x.value, x.unit]), [
    ['Hemoglobin', '15.6', 'g/dL'],
    ['BUN', '17', 'mg/dL'],
  ]);
});

test('demographic and header lines are not results', () => {
  const r = rows(`DOB: 03/24/1961 AGE: 63            Phone: 480.555.0121
Collected: 11/04/2024 / 11:08 AM      Client #: 00543767
Page 1 of 2
Glucose 89 65-99 mg/dL`);
  assert.deepEqual(r.map((x) => x.name), ['Glucose']);
});

test('qualitative urinalysis values and comparator values', () => {
  const r = rows(`URINALYSIS, ROUTINE
Color                 Yellow           Yellow
Protein               Trace   A        Negative
pH                    6.0              5.0-8.0
CRP                   <0.5             0.0-4.9 mg/L`);
  assert.deepEqual(r.map((x) => [x.name, x.value, x.loinc ?? null, x.flag ?? null]), [
    ['Color', 'Yellow', '5778-6', null],
    ['Protein', 'Trace', '20454-5', 'A'],
    ['pH', '6.0', '5803-2', null],
    ['CRP', '<0.5', '1988-5', null],
  ]);
  const crp = r[3]!;
  assert.equal(crp.comparator, '<');
  assert.equal(crp.numeric, 0.5);
});

test('printed units map to UCUM', () => {
  assert.equal(ucumFor('x10E3/uL'), '10*3/uL');
  assert.equal(ucumFor('10^3/µL'), '10*3/uL');
  assert.equal(ucumFor('mIU/L'), 'm[IU]/L');
  assert.equal(ucumFor('mEq/L'), 'meq/L');
  assert.equal(ucumFor('%'), '%');
  assert.equal(ucumFor('furlongs'), undefined);
});

test('OCR slips: garbled names, a lost decimal point, a comma for a point, a trailing dot on the unit', () => {
  const r = rows(`FOSINOPHILS                  2.6            0.0-6.0 %
MCHC                         331            32.0-36.0 g/dL
RED BLOOD CELL COUNT         5.52           4,20-5.80 Million/uL
PLATELET COUNT               201            140-400 Thousand/ul.
HEMATOCRIT                             S0.1H           38.5-50.0 %`);
  assert.deepEqual(r.map((x) => [x.loinc, x.value, x.ucum ?? null, x.flag ?? null, x.range?.low ?? null]), [
    ['713-8', '2.6', '%', null, 0],
    ['786-4', '33.1', 'g/dL', null, 32],
    ['789-8', '5.52', '10*6/uL', null, 4.2],
    ['777-3', '201', '10*3/uL', null, 140],
    ['4544-3', '50.1', '%', 'H', 38.5],
  ]);
});

test('names that are only near a known test are left uncoded', () => {
  const r = rows('Widget Index                 12             10-20 mg/dL');
  assert.equal(r.length, 1);
  assert.equal(r[0]!.loinc, undefined);
  assert.equal(r[0]!.name, 'Widget Index');
});

test('a slash-named test in the second column is a test, not a unit', () => {
  const r = rows('MCV            90.5   (80.0-100.0)      fL                     BUN/CREAT          18   (6-22)');
  assert.deepEqual(r.map((x) => [x.name, x.value, x.unit ?? null]), [
    ['MCV', '90.5', 'fL'],
    ['BUN/CREAT', '18', null],
  ]);
});

test('OCR slips in bracketed ranges: a space for the dash, a brace, a comma', () => {
  const r = rows(`WBC           8.1   (3.8 10,8)   K/ul
HGB           12.4 {11.7 15.5) g/dl`);
  assert.deepEqual(r.map((x) => [x.name, x.value, x.range?.low ?? null, x.range?.high ?? null, x.ucum ?? null]), [
    ['WBC', '8.1', 3.8, 10.8, '10*3/uL'],
    ['HGB', '12.4', 11.7, 15.5, 'g/dL'],
  ]);
});

test('garbled units are read through the units the test is reported in', () => {
  const r = rows(`Glucose                 95       mgldt        65-99
C-Reactive Protein      5.6      m/l          0-7.9
Alkaline Phosphatase    80       uiL          36-130
TSH                     3.30     ulU/mL       0.40-4.50`);
  assert.deepEqual(r.map((x) => [x.name, x.unit ?? null, x.ucum ?? null]), [
    ['Glucose', 'mg/dL', 'mg/dL'],
    ['C-Reactive Protein', 'mg/L', 'mg/L'],
    ['Alkaline Phosphatase', 'U/L', 'U/L'],
    ['TSH', 'uIU/mL', 'u[IU]/mL'],
  ]);
});

test('a garbled unit is not taken from a second-column test name', () => {
  const r = rows('MCV            90.5   (80.0-100.0)      FE            60   (50-170)  ug/dL');
  assert.deepEqual(r.map((x) => [x.name, x.value, x.unit ?? null]), [
    ['MCV', '90.5', null],
    ['FE', '60', 'ug/dL'],
  ]);
});

test('short misread names are coded only when the printed unit fits one test', () => {
  const r = rows(`ROW            14.3     11.0-15.0 %
WHC            8.1      (3.8-10.8)   K/uL
ROW            14.3     11.0-15.0 mg/dL`);
  assert.deepEqual(r.map((x) => [x.name, x.loinc ?? null]), [
    ['ROW', '788-0'],
    ['WHC', '6690-2'],
    ['ROW', null],
  ]);
});

test('OCR dirt around names, a glued unit, a lost comparator, a lost point beside an upper limit', () => {
  const r = rows(`"HDL Cholesterot™          :        74        mg/dL      >49
Magnesium’    )         1.6          mg/dL      1.5-2.5
MPV                     10.2         7.5-12.5fL
EGFR                    123          = OR = 60 mL/min/1.73m2
HEMOGLOBIN A1c          73H          <5.7 % of total Hgb`);
  assert.deepEqual(r.map((x) => [x.name, x.loinc ?? null, x.value, x.ucum ?? null, x.flag ?? null]), [
    ['HDL Cholesterot', '2085-9', '74', 'mg/dL', null],
    ['Magnesium', '19123-9', '1.6', 'mg/dL', null],
    ['MPV', '32623-1', '10.2', 'fL', null],
    ['EGFR', '98979-8', '123', 'mL/min/{1.73_m2}', null],
    ['HEMOGLOBIN A1c', '4548-4', '7.3', '%', 'H'],
  ]);
});

test('a lost decimal point is put back only when the value is impossible as read and one placement fits', () => {
  const r = rows(`HEMOGLOBIN              154          132171 g/dL
RED BLOOD CELL COUNT    524          4205.80 Million/uL
MCV                     830          800-1000
MONOCYTES               85           %
MONOCYTES               85           20120%
HEMOGLOBIN              154          g/L
PLATELET COUNT          260          140-400 Thousand/uL`);
  assert.deepEqual(r.map((x) => [x.name, x.value]), [
    ['HEMOGLOBIN', '15.4'],
    ['RED BLOOD CELL COUNT', '5.24'],
    // fL is the only unit of MCV: no printed unit needed.
    ['MCV', '83.0'],
    // 85 % is possible: left as read.
    ['MONOCYTES', '85'],
    // Unless its range, its points lost too, is the test's typical interval printing decimals (2.0-12.0).
    ['MONOCYTES', '8.5'],
    // 154 g/L is possible.
    ['HEMOGLOBIN', '154'],
    ['PLATELET COUNT', '260'],
  ]);
});

test('a star beside an in-range value is a footnote, a flag word after the value wins over a star before it', () => {
  const r = rows(`Platelets *          214          x10E3/uL     140-400
Cholesterol, Total * 222   High   mg/dL        0-199
MPV                  9.2          lL           7.5-12.5`);
  assert.deepEqual(r.map((x) => [x.name, x.value, x.ucum ?? null, x.flag ?? null]), [
    ['Platelets', '214', '10*3/uL', null],
    ['Cholesterol, Total', '222', 'mg/dL', 'H'],
    // "lL" is MPV's unit misread, not a flag.
    ['MPV', '9.2', 'fL', null],
  ]);
});

test('longer misread names are matched among the tests of the printed unit; a lost point takes the fewest decimals that fit', () => {
  const r = rows(`Creaunine            1.06         mg/dL        0.70-1.33
Chlonde              105          mmol/L       98-110
Lymphs               230          %            200-450`);
  assert.deepEqual(r.map((x) => [x.loinc ?? null, x.value]), [
    ['2160-0', '1.06'],
    ['2075-0', '105'],
    ['736-9', '23.0'],
  ]);
});

test('braces read for brackets in a name; a clean unit the test is not reported in, one letter from one it is', () => {
  const r = rows(`LDI. Chol Cale {NiH)         30         mg/dL       0-99
TSH                          2.24       mU/L        0.40-4.50
Glucose                      95         mg/dL       65-99`);
  assert.deepEqual(r.map((x) => [x.loinc ?? null, x.unit ?? null, x.ucum ?? null]), [
    ['13457-7', 'mg/dL', 'mg/dL'],
    ['3016-3', 'mIU/L', 'm[IU]/L'],
    ['2345-7', 'mg/dL', 'mg/dL'],
  ]);
});

test('digits read for letters in short names; ties broken by length; a unit read with one slip still helps', () => {
  const r = rows(`w8C            6.7     (3.8-10.8)    K/ul
HG8            16.1    (11.7-15.5)   g/dL
HOL            65      >49           mg/dL
PLY            283     (140-400)     K/ut
B12            658     (200-1100)    pg/mL`);
  assert.deepEqual(r.map((x) => [x.name, x.loinc ?? null]), [
    ['w8C', '6690-2'],
    ['HG8', '718-7'],
    ['HOL', '2085-9'],
    ['PLY', '777-3'],
    ['B12', '2132-9'],
  ]);
});

test('points lost from values: a leading zero before a decimal range, an unflagged value ten times its range where the report flags others', () => {
  const r = rows(`WBC                      12.9    H    4.0-10.5     Thousand/uL
ABSOLUTE LYMPHOCYTES     19           0.8-3.9      Thousand/uL
ABSOLUTE EOSINOPHILS     02           0.0-0.5      Thousand/uL
ABSOLUTE BASOPHILS       00           0.0-0.2      Thousand/uL
PLATELETS                376          140-400      Thousand/uL
CHOL/HDLC RATIO          25           <5.0         (calc)`);
  assert.deepEqual(r.map((x) => [x.name, x.value]), [
    ['WBC', '12.9'],
    ['ABSOLUTE LYMPHOCYTES', '1.9'],
    ['ABSOLUTE EOSINOPHILS', '0.2'],
    ['ABSOLUTE BASOPHILS', '0.0'],
    ['PLATELETS', '376'],
    // An upper limit alone reaches down to 0.
    ['CHOL/HDLC RATIO', '2.5'],
  ]);
  // A report that flags nothing gives no such evidence: the value stays as read.
  assert.equal(rows('ABSOLUTE LYMPHOCYTES     19           0.8-3.9      Thousand/uL')[0]?.value, '19');
  // A flagged value far out of range is a result, not a lost point.
  assert.equal(rows(`WBC   12.9  H  4.0-10.5  Thousand/uL\nABSOLUTE LYMPHOCYTES  19  H  0.8-3.9  Thousand/uL`)[1]?.value, '19');
});

test('two result columns: a garbled unit before the column gap stays with its row; a short name with two slips placed by its unit and numbers', () => {
  const r = rows(`MOH         30.4 (27.0 33.0) py                  NA              143 (134 146)     mEq/L
HOH         12.4 (11.7 15.9) g/dl                CL              105   (98 110)    mEq/L
Mey         90.5 (80.0 100.0) fl                 CA              8.6 (8.6 10.3)    mg/dL`);
  // MOH with its unit garbled is MCH by its printed range (27.0-33.0 is MCH's typical interval, no other test a letter away has it).
  assert.deepEqual(r.map((x) => [x.name, x.value, x.loinc ?? null]), [
    ['MOH', '30.4', '785-6'],
    ['NA', '143', '2951-2'],
    ['HOH', '12.4', '718-7'],
    ['CL', '105', '2075-0'],
    ['Mey', '90.5', '787-2'],
    ['CA', '8.6', '17861-6'],
  ]);
  // Numbers impossible for the test in that unit: no name is guessed.
  assert.equal(rows('HOH         92.4 (81.7 95.9) g/dl')[0]?.loinc, undefined);
});

test('a unit garbled past reading in the cell after the range, a lab-code cell after it: the one unit the test is reported in', () => {
  const r = rows(`LYMPHOCYTES              28.3        20.0-45.0 Ya                 cc
ALKALINE PHOSPHATASE     97          36-130 UN                    cc
SODIUM                   141         135-146 mmol/L               cc`);
  assert.deepEqual(r.map((x) => [x.name, x.value, x.ucum ?? null]), [
    ['LYMPHOCYTES', '28.3', '%'],
    ['ALKALINE PHOSPHATASE', '97', 'U/L'],
    ['SODIUM', '141', 'mmol/L'],
  ]);
  // A short word alone at the end of the line may be the lab's code: no unit is made up from it.
  assert.equal(rows('ALKALINE PHOSPHATASE     97          36-130 ND')[0]?.ucum, undefined);
});

test('a table rule read as a leading 1: dropped only when the printed L flag contradicts the value and agrees without it', () => {
  assert.equal(rows('VITAMIN D,25-OH,TOTAL,IA        118L        30-100 ng/mL')[0]?.value, '18');
  // Above its range and flagged high, or low without the contradiction: left as read.
  assert.equal(rows('VITAMIN D,25-OH,TOTAL,IA        118H        30-100 ng/mL')[0]?.value, '118');
  assert.equal(rows('GLUCOSE        118L        130-200 mg/dL')[0]?.value, '118');
});

test('photo and fax dirt around rows: marks after the lab-code column, margin specks before a name, a unit without its slash, a range without its dash', () => {
  const r = rows(`TESTS                    RESULT   FLAG  UNITS        REFERENCE INTERVAL    LAB
i     MCH"               28.7           pg           27.0-33.0             01        Lo
:     Hematocrit         44.5           %            38.5-50.0             01        a
4     AST (SGOT)         21             ui           10-40                 01
Alkaline Phosphatase     73             un           36-130                01
HEMATOCRIT               45.9     H     35.045.0 %`);
  assert.deepEqual(r.map((x) => [x.name, x.value, x.ucum ?? null, x.flag ?? null, x.range?.text ?? null]), [
    ['MCH', '28.7', 'pg', null, '27.0-33.0'],
    ['Hematocrit', '44.5', '%', null, '38.5-50.0'],
    ['AST (SGOT)', '21', 'U/L', null, '10-40'],
    ['Alkaline Phosphatase', '73', 'U/L', null, '36-130'],
    ['HEMATOCRIT', '45.9', '%', 'H', '35.0-45.0'],
  ]);
  // A flag before the lab code is still the row's flag; a lone unknown letter is no test.
  assert.equal(rows('Glucose     112    H    mg/dL    65-99    01')[0]?.flag, 'H');
  assert.equal(rows('T°           7.4 (6.18.1)    g/dL').length, 0);
});

test('points lost beside ranges OCR also garbled: B for 8, a lost leading 0, hundredths, a zero-led value before its unit', () => {
  const r = rows(`WBC                 12.9  H    4.0-10.5 K/uL
CALCIUM             89         B.6-10.3 mg/dL
CREATININE          143 H      (.50-1.05 mg/dL
Basos               03         %      0.0-2.0
T. Chol/HDL Ratio   23         ratio  0-4.9`);
  assert.deepEqual(r.map((x) => [x.loinc ?? x.name, x.value, x.range?.text ?? null]), [
    ['6690-2', '12.9', '4.0-10.5'],
    ['17861-6', '8.9', '8.6-10.3'],
    ['2160-0', '1.43', '0.50-1.05'],
    [r[3]!.loinc ?? 'Basos', '0.3', '0.0-2.0'],
    [r[4]!.loinc ?? 'T. Chol/HDL Ratio', '2.3', '0-4.9'],
  ]);
});

test('a unit word that ends the test name stays in the name', () => {
  const r = rows(`Microalb/Creat Ratio     86     High mg/g creat     0-29     01
T. Chol/HDL Ratio        2.3         ratio           0-4.9    01`);
  assert.deepEqual(r.map((x) => [x.name, x.value, x.unit ?? null]), [
    ['Microalb/Creat Ratio', '86', 'mg/g creat'],
    ['T. Chol/HDL Ratio', '2.3', 'ratio'],
  ]);
});

test('a unit in lower case in prose is no test it abbreviates', () => {
  assert.deepEqual(rows('Current medications: metformin 1000 mg 1 tab PO BID with meals; aspirin 81 mg 1 tab PO daily').map((x) => x.loinc ?? null).filter(Boolean), []);
  assert.equal(rows('Mg   2.1   1.6-2.6 mg/dL')[0]?.loinc, '19123-9');
});

test('a range whose first digit became a letter, or a garbled flag before a range, starts no new test: the unit after it stays with its row', () => {
  const r = rows(`CREAT        1.14    p.70-1.33) mg/dL
GLU          174 MH (B5-99)      mg/dL`);
  assert.deepEqual(r.map((x) => [x.name, x.value, x.ucum ?? null]), [
    ['CREAT', '1.14', 'mg/dL'],
    ['GLU', '174', 'mg/dL'],
  ]);
});

test('a row whose value and range both lost their points: a zero-led range and value take them back', () => {
  const r = rows(`Creatinine          094       mg/dL      070-133      01
Baso (Absolute)     01        x10E3/uL   00-02        01`);
  assert.deepEqual(r.map((x) => [x.name, x.value, x.range?.text ?? null]), [
    ['Creatinine', '0.94', '0.70-1.33'],
    ['Baso (Absolute)', '0.1', '0.0-0.2'],
  ]);
  // A whole-number range is left alone.
  assert.equal(rows('Glucose   72   mg/dL   65-99   01')[0]?.range?.text, '65-99');
});

test('a range no value of its test can reach lost its points with the value: both take them back', () => {
  const r = rows(`Potassium *        48       mmol/L     35-53       01
Calcium            96       mg/dL      86-103      01
MONOCYTES          55                  20-120%     ND
BASOPHILS          11                  00-20%      ND
Sodium             141      mmol/L     135-146     01
MONOCYTES          25   H              20-120%     ND`);
  assert.deepEqual(r.map((x) => [x.name, x.value, x.range?.text ?? null, x.flag ?? null]), [
    // 35 and 53 mmol/L of potassium cannot be; 3.5-5.3 can, and 4.8 lies inside it (the star is a footnote).
    ['Potassium', '4.8', '3.5-5.3', null],
    ['Calcium', '9.6', '8.6-10.3', null],
    // 120 % cannot be.
    ['MONOCYTES', '5.5', '2.0-12.0', null],
    ['BASOPHILS', '1.1', '0.0-2.0', null],
    // Possible as read: left alone.
    ['Sodium', '141', '135-146', null],
    // Flagged high: 2.5 would lie inside 2.0-12.0, against the flag; the value stays as read.
    ['MONOCYTES', '25', '2.0-12.0', 'H'],
  ]);
});

test('a flag glued to its value and read as a 1 is a flag, in reports that flag', () => {
  const r = rows(`HEMATOCRIT       45.91        35.0-45.0 %
HEMOGLOBIN       12.41        11.7-15.5 g/dL
WBC              11.2   H     3.8-10.8 Thousand/uL`);
  assert.deepEqual(r.map((x) => [x.name, x.value, x.flag ?? null]), [
    // 45.9 lies above its range: the 1 was the H the report prints beside such values.
    ['HEMATOCRIT', '45.9', 'H'],
    // Inside its range without the 1: no flag was lost, the hundredth stays as printed.
    ['HEMOGLOBIN', '12.41', null],
    ['WBC', '11.2', 'H'],
  ]);
  // A report that flags nothing gives no evidence: left as read.
  assert.deepEqual(rows('HEMATOCRIT       45.91        35.0-45.0 %').map((x) => [x.value, x.flag ?? null]), [['45.91', null]]);
});

test('a footnote mark read as dirt between a misread name and its colon', () => {
  assert.deepEqual(rows('MpY°:        10.4       fL       7.5-12.5      01').map((x) => [x.name, x.loinc ?? null, x.value]), [['MpY', '32623-1', '10.4']]);
});

test('a method in brackets between a name and its value belongs to the name; after the value "(calc)" is a ratio unit', () => {
  assert.deepEqual(pick(`LDL-Cholesterol (calc)        154 mg/dL       <100 mg/dL       High
CHOL/HDLC RATIO               2.5             <5.0 (calc)`), [
    ['LDL-Cholesterol (calc)', '154', 'mg/dL', 'H', '<100'],
    ['CHOL/HDLC RATIO', '2.5', '(calc)', null, '<5.0'],
  ]);
});

test('a garbled unit one edit from two of its test\'s units is the one of its length (a letter misread, not one added)', () => {
  // MCHC is reported in g/dL and g/L: "g/oL" is one edit from both.
  assert.equal(unitFromPrior('g/oL', '786-4'), 'g/dL');
  assert.deepEqual(pick('MCHC          33.3 (32.0-36.0) g/oL').map((r) => r[2]), ['g/dL']);
});

test('a "Reference" column before "Result": word ranges come first, and a dipstick reading after a word range is the result', () => {
  const r = rows(`Test                     Reference        Result        Flag   Units
MAGNESIUM                1.5-2.5          1.8                  mg/dL
COLOR                    Yellow           LIGHT YELLOW
APPEARANCE               Clear            CLEAR
PROTEIN                  Negative         30 MG/DL      A`);
  assert.deepEqual(r.map((x) => [x.name, x.value, x.range?.text ?? null, x.flag ?? null]), [
    ['MAGNESIUM', '1.8', '1.5-2.5', null],
    ['COLOR', 'LIGHT YELLOW', 'Yellow', null],
    ['APPEARANCE', 'CLEAR', 'Clear', null],
    ['PROTEIN', '30', 'Negative', 'A'],
  ]);
  assert.equal(r[3]?.loinc, '20454-5');
});

test('under a range-first header, two numbers after a known name are a garbled range and the result', () => {
  const r = rows(`Test                     Reference Range        Result        Flag   Units
NEUTROPHILS              200750                 472                  %
ALBUMIN                  365.1                  47                   g/dL
GLUCOSE                  65-99                  82                   mg/dL`);
  assert.deepEqual(r.map((x) => [x.name, x.value, x.unit ?? null]), [
    // 20.0-75.0 lost its dash and points; 472 % cannot be: 47.2.
    ['NEUTROPHILS', '47.2', '%'],
    ['ALBUMIN', '4.7', 'g/dL'],
    ['GLUCOSE', '82', 'mg/dL'],
  ]);
});

test('a flag-like mark at the line end, past the range, that calls a value inside its range abnormal is dirt', () => {
  assert.deepEqual(pick(`Sodium          138 mmol/L        135 - 146 mmol/L        :        Lo
Calcium         8.9 mg/dL         8.6 - 10.3 mg/dL        a
Glucose         163 mg/dL         65 - 99 mg/dL           High`), [
    ['Sodium', '138', 'mmol/L', null, '135-146'],
    ['Calcium', '8.9', 'mg/dL', null, '8.6-10.3'],
    // A flag column after the range still flags a value outside it.
    ['Glucose', '163', 'mg/dL', 'H', '65-99'],
  ]);
});

test('a short garbled word between a value and its range is the unit cell: the one unit the value is possible in', () => {
  assert.deepEqual(pick(`Hemoglobin          15.9        wdl,          13.2-17.1
Hematocrit          46.9        ie            38.5-50.0
MCH                 32.4        ne            27.0-33.0`), [
    // 15.9 is a possible hemoglobin in g/dL, not in g/L.
    ['Hemoglobin', '15.9', 'g/dL', null, '13.2-17.1'],
    ['Hematocrit', '46.9', '%', null, '38.5-50.0'],
    ['MCH', '32.4', 'pg', null, '27.0-33.0'],
  ]);
});

test('a zero-led value that lost its point, with a dated previous result between it and its decimal range', () => {
  assert.deepEqual(pick('Creatinine          088         092 08/13/2024        mg/dL        0.50-1.05'), [['Creatinine', '0.88', 'mg/dL', null, '0.50-1.05']]);
});

test('a cumulative report\'s previous result says where a current value lost its point', () => {
  assert.deepEqual(pick(`WBC                71          6.9 07/31/2024        x10E3/uL       38-108
Glucose            163 High    159 08/13/2024        mg/dL          65-99`), [
    // 71 is ten times the previous 6.9: 7.1 (the range's lost points put back by WBC's typical interval).
    ['WBC', '7.1', 'x10E3/uL', null, '3.8-10.8'],
    // Near its previous value: as read.
    ['Glucose', '163', 'mg/dL', 'H', '65-99'],
  ]);
});

test('letters OCR reads for digits after a comparator make a range again (<i50, <joo)', () => {
  assert.deepEqual(pick(`TRIGLYCERIDES       <i50       198       H       my/dL
LDL-CHOLESTEROL     <joo       170       H       mg/dL`), [
    ['TRIGLYCERIDES', '198', 'mg/dL', 'H', '<150'],
    ['LDL-CHOLESTEROL', '170', 'mg/dL', 'H', '<100'],
  ]);
});

test('a low flag printed beside a value above its range: the value lost its point', () => {
  assert.deepEqual(pick(`WHITE BLOOD CELL COUNT        21L          3.8-10.8 Thousand/uL
PLATELET COUNT                120 L        140-400 Thousand/uL`), [
    ['WHITE BLOOD CELL COUNT', '2.1', 'Thousand/uL', 'L', '3.8-10.8'],
    // Below its whole-number range as read: nothing to put back.
    ['PLATELET COUNT', '120', 'Thousand/uL', 'L', '140-400'],
  ]);
});

test('urine specific gravity and pH that lost their points read as the values they can be, with no unit made up', () => {
  assert.deepEqual(pick(`Specific Gravity         1023          1001-1.035
pH                       65            50-80
UA PH          6.0   (".0 4.0)`), [
    ['Specific Gravity', '1.023', null, null, '1001-1.035'],
    ['pH', '6.5', null, null, '5.0-8.0'],
    ['UA PH', '6.0', null, null, null],
  ]);
});

test('an eGFR unit whose body-surface point OCR lost or whose 1 it read as l', () => {
  assert.deepEqual(pick('eGFR        78         mL/min/l 73        >59'), [['eGFR', '78', 'mL/min/1.73', null, '>59']]);
});

test('a previous result whose date lost its slashes still marks the cumulative columns', () => {
  assert.deepEqual(pick(`Creatinine”        088          0.84 057282024       mg/dL        0.70-1.33
WBC                71           6.9 07312024         x10E3/uL     3.4-10.8`), [
    ['Creatinine', '0.88', 'mg/dL', null, '0.70-1.33'],
    ['WBC', '7.1', 'x10E3/uL', null, '3.4-10.8'],
  ]);
});

test('a garbled power-of-ten unit keeps the exponent it printed', () => {
  assert.equal(unitFromPrior('x10E30L', '777-3'), '10*3/uL');
  assert.equal(unitFromPrior('x10E3AL', '6690-2'), '10*3/uL');
});

test('a unit garbled past reading is the one unit its printed decimal range is possible in, even when the value lost its point', () => {
  // 76 is a possible total protein in g/L, but 6.1-8.1 is not: g/dL, and the value is 7.6.
  assert.deepEqual(pick('Protein, Total        76        80 05/28/2024       aL       6.1-8.1'), [['Protein, Total', '7.6', 'g/dL', null, '6.1-8.1']]);
});

test('OCR dirt around numbers and units: quotes and points before them, a colon for a point, a quote in a unit, a unit glued to its value', () => {
  assert.deepEqual(pick(`Test   Reference   Result   Flag   Units
HEMOGLOBIN        13:2-17.1        15.9         g/dL
CREATININE      .0.70-1.33     1.37     H     mg/dL
EGFR       .>=60       54      L      mL/min/1.73m2
MCH        27.0-33.0        ‘27.0        pg`), [
    ['HEMOGLOBIN', '15.9', 'g/dL', null, '13.2-17.1'],
    ['CREATININE', '1.37', 'mg/dL', 'H', '0.70-1.33'],
    ['EGFR', '54', 'mL/min/1.73m2', 'L', '>=60'],
    ['MCH', '27.0', 'pg', null, '27.0-33.0'],
  ]);
  assert.deepEqual(pick(`Ferritin     15 ng/mL      38 - 380 ng'/mL      Low
Absolute Neutrophils      4410°3/uL       1.5-7.810°3/uL`), [
    ['Ferritin', '15', 'ng/mL', 'L', '38-380'],
    ['Absolute Neutrophils', '4.4', '10*3/uL', null, '1.5-7.8'],
  ]);
});

test('a range whose high end lost the point its low end prints, and a ten-fold value keeps its decimal', () => {
  assert.deepEqual(pick(`RDW       19.4 %        11.0-150%      High
MCH       270     pg    27.0-330
Platelets   250   x10E3/uL   150-450
CRP         0.4   mg/L       0.0-10`), [
    ['RDW', '19.4', '%', 'H', '11.0-15.0'],
    ['MCH', '27.0', 'pg', null, '27.0-33.0'],
    // Whole-number ranges, and a low end under 1, stay as printed.
    ['Platelets', '250', 'x10E3/uL', null, '150-450'],
    ['CRP', '0.4', 'mg/L', null, '0.0-10'],
  ]);
});

test('a thin typeface thinned by the fax: C read as "(" and H as "11" in names, points read as spaces', () => {
  const got = rows(`TEST        RESULT F REF RANGE    UNITS
M(H          29.6   (27.0 33.0)   pg
RB(         5 00 (3.80-5.10) M/uL
11GB          14.8  (11.7-15.5)  g/dL
WBC           8.1   (3.8 10 8)   K/uL
GLU   85   92   (65-99)  mg/dL`);
  assert.deepEqual(
    got.map((r) => [r.name, r.loinc ?? null, r.value, r.range?.text ?? null]),
    [
      ['M(H', '785-6', '29.6', '27.0-33.0'],
      ['RB(', '789-8', '5.00', '3.80-5.10'],
      ['11GB', '718-7', '14.8', '11.7-15.5'],
      ['WBC', '6690-2', '8.1', '3.8-10.8'],
      // A previous result beside a whole-number range stays apart.
      ['GLU', '2345-7', '85', '65-99'],
    ],
  );
});

test('specks at a photo\'s edge read as short words around a name are dropped when the rest is a test', () => {
  assert.deepEqual(pick(`SB CHLORIDE    ey          112 H     98-110 mmol/L
Ee     POTASSIUM      :               4.5                   3.5-5.3 mmol/L
CHOL              1h   Al 610           mg/l`), [
    ['CHLORIDE', '112', 'mmol/L', 'H', '98-110'],
    ['POTASSIUM', '4.5', 'mmol/L', null, '3.5-5.3'],
    // Garbled words between a name and its value are not dirt: no row is made up.
  ]);
});

test('a unit whose slash OCR read as a space or a colon: its L is no low flag', () => {
  assert.deepEqual(pick(`Chloride            105        108 11/23/2023      mmol L       98-110
Sodium              138        139 11/23/2023      mmo: L       135-146
Albumin             4.2  L     3.6-5.1  g dL`), [
    ['Chloride', '105', 'mmol/L', null, '98-110'],
    ['Sodium', '138', 'mmol/L', null, '135-146'],
    ['Albumin', '4.2', 'g/dL', 'L', '3.6-5.1'],
  ]);
});

test('a range that lost its dash and points splits the way closest to its test\'s typical interval', () => {
  assert.equal(splitDigitRange('38108', '6690-2', '10*3/uL'), '3.8-10.8');
  assert.equal(splitDigitRange('6599', '2345-7', 'mg/dL'), '65-99');
  assert.equal(splitDigitRange('380510', '789-8', undefined), '3.80-5.10');
  assert.equal(splitDigitRange('0020', '706-2', '%'), '0.0-2.0');
  // Another unit's numbers, an unknown test, or no split near the typical interval: left alone.
  assert.equal(splitDigitRange('3553', '2823-3', 'mg/dL'), undefined);
  assert.equal(splitDigitRange('38108', undefined, undefined), undefined);
  assert.equal(splitDigitRange('9999', '2345-7', 'mg/dL'), undefined);
  // In a row: the value then loses the point the range says it lost.
  assert.deepEqual(pick('WBC          73          71 11/23/2023        x10E3/uL     38108'), [['WBC', '7.3', 'x10E3/uL', null, '3.8-10.8']]);
});

test('fL whose f OCR read as 1, i or l: glued to a range, a value or standing alone', () => {
  assert.deepEqual(pick(`MPV             10.7              7.5-12.51L
MPV             8.7L              75-1251L
MPV             951L              75-125iL
MCV             725 1L            80.0-100.0fL         Low
MCV             83.2              80.0 100.01L
Glucose         61L               70-99 mg/dL`), [
    ['MPV', '10.7', 'fL', null, '7.5-12.5'],
    // The L left of fL on an in-range value is no low flag; "951L" is 95 with fL glued, its point lost.
    ['MPV', '8.7', 'fL', null, '7.5-12.5'],
    ['MPV', '9.5', 'fL', null, '7.5-12.5'],
    ['MCV', '72.5', 'fL', 'L', '80.0-100.0'],
    // The range's dash read as a space too: MCV's typical interval says it is one.
    ['MCV', '83.2', 'fL', null, '80.0-100.0'],
    // A glued L on a test not counted in fL stays a low flag.
    ['Glucose', '61', 'mg/dL', 'L', '70-99'],
  ]);
});

test('a zero-led value before a range that lost its dash and points, past a dated previous result and a garbled unit', () => {
  assert.deepEqual(pick(`Basos              02          02 05282024        *        00-20
Eos (Absolute)     01          01 11232023        x10E3 uL        0005
Eos                04                   %         0060`).map((r) => r.slice(0, 2)), [
    ['Basos', '0.2'],
    ['Eos (Absolute)', '0.1'],
    ['Eos', '0.4'],
  ]);
});

test('a unit that lost what stood before its slash takes the one unit of the test with that denominator', () => {
  assert.equal(unitFromPrior('dL', '718-7'), 'g/dL');
  assert.deepEqual(pick(`Hemoglobin          166          18.0 04/07/2023      dL        132-171
Albumin             42           42 04/07/2023        dL        3.6-5.1`), [
    ['Hemoglobin', '16.6', 'g/dL', null, '13.2-17.1'],
    ['Albumin', '4.2', 'g/dL', null, '3.6-5.1'],
  ]);
});

test('a range that lost its dash and one of its points splits with the printed point in one of its ends', () => {
  assert.equal(splitDigitRange('3.8108', '6690-2', '10*3/uL'), '3.8-10.8');
  // The printed point rules out a split the digits alone would take: no end of 38-108 prints a point there.
  assert.equal(splitDigitRange('38.108', '6690-2', '10*3/uL'), undefined);
  assert.deepEqual(pick('WBC          55          56 11/20/2023        x10E3/uL     3.8108'), [['WBC', '5.5', 'x10E3/uL', null, '3.8-10.8']]);
});

test('a number that ends a test name split by a space ("Vitamin B 12") is the name\'s, the value follows', () => {
  assert.deepEqual(pick(`Vitamin B 12        500      pg/mL     200-900
Vitamin B 12        L 150    pg/mL     200-900
Vitamin D           25       ng/mL     30-100`), [
    ['Vitamin B12', '500', 'pg/mL', null, '200-900'],
    ['Vitamin B12', '150', 'pg/mL', 'L', '200-900'],
    ['Vitamin D', '25', 'ng/mL', null, '30-100'],
  ]);
});

test('a % in the unit column after the range read as a star: the unit of a test reported in %, no flag', () => {
  assert.deepEqual(pick(`BASO        0.6  (0.0-2.0)    *
MONO %      5.9  (2.0-12.0)   *
Glucose     85   70-99        *`), [
    ['BASO', '0.6', '%', null, '0.0-2.0'],
    ['MONO %', '5.9', '%', null, '2.0-12.0'],
    // A test not reported in % gets no unit made up.
    ['Glucose', '85', null, null, '70-99'],
  ]);
});

test('a zero-led value before a dated previous result that carries a mark OCR glued to it', () => {
  assert.deepEqual(pick('Eos (Absolute)      03          0.3° 04/07/2023     x10E3/uL   0.0-0.5'), [['Eos (Absolute)', '0.3', 'x10E3/uL', null, '0.0-0.5']]);
});

test('a range whose dash was read as a colon before a high end that lost its point', () => {
  assert.deepEqual(pick('MCH         298         29.0 11/20/2023      pg      27.0:330'), [['MCH', '29.8', 'pg', null, '27.0-33.0']]);
});

test('a % read as a star in the unit cell before the range, past a dated previous result', () => {
  assert.deepEqual(pick(`Neutrophils     577       67.8 07/20/2023     *       400-750
Glucose         112       *       70-99`), [
    ['Neutrophils', '57.7', '%', null, '40.0-75.0'],
    // A star before the range of a value outside it stays a flag.
    ['Glucose', '112', null, 'H', '70-99'],
  ]);
});

test('a range whose points OCR lost lands on the test\'s typical interval with them put back, and so does its value', () => {
  assert.deepEqual(pick(`WBC              69          10*3/uL           38-108
RBC              545 H       10*6/uL           420-580
Platelets        250         10*3/uL           140-400
Glucose          163 H       mg/dL             65-99`), [
    ['WBC', '6.9', '10*3/uL', null, '3.8-10.8'],
    ['RBC', '5.45', '10*6/uL', 'H', '4.20-5.80'],
    // Ranges as printed: whole numbers where the typical interval has them.
    ['Platelets', '250', '10*3/uL', null, '140-400'],
    ['Glucose', '163', 'mg/dL', 'H', '65-99'],
  ]);
});

test('a wide results export: an Order / Panel cell before the test name is no part of it', () => {
  const r = rows(`Collected       Order                     Component                Value         Units       Ref Range         Abn   Status      Site
06/20/2024
                CBC (includes Diff/Plt)   White Blood Cell Count            7.5 x10E3/uL     3.8-10.8                Final       LOL
10:17
                CBC (includes Diff/Plt)   Hemoglobin                       14.9 g/dL         13.2-17.1               Final       LOL
                Lipid Panel               Chol/HDLC Ratio                   5.2 ratio        0-4.9              HI   Final       LOL
                Hemoglobin A1c            Hemoglobin A1c                    6.0 %            0-5.6              HI   Final       LOL
                TSH w/Reflex to Free T4   T4, Free                         1.25 ng/dL        0.82-1.77               Final       LOL
                Urinalysis, Complete      Specific Gravity                1.027              1.001-1.035             Final       LOL
                Urinalysis, Complete      Glucose                      Negative              Negative                Final       LOL`);
  assert.deepEqual(
    r.map((x) => [x.name, x.value, x.unit ?? null, x.flag ?? null, x.range?.text ?? null]),
    [
      ['White Blood Cell Count', '7.5', 'x10E3/uL', null, '3.8-10.8'],
      ['Hemoglobin', '14.9', 'g/dL', null, '13.2-17.1'],
      ['Chol/HDLC Ratio', '5.2', 'ratio', 'H', '0-4.9'],
      ['Hemoglobin A1c', '6.0', '%', 'H', '0-5.6'],
      ['T4, Free', '1.25', 'ng/dL', null, '0.82-1.77'],
      ['Specific Gravity', '1.027', null, null, '1.001-1.035'],
      ['Glucose', 'Negative', null, null, 'Negative'],
    ],
  );
  // The urinalysis cell makes the word result a urine test.
  assert.equal(r[6]!.loinc, '25428-4');
  // A row of a column before, misread, is no order cell: its short mark and range stay in the name.
  assert.deepEqual(pick('HEE                1.0 (Hh7- 18.0) gal                      CREAT             0.00 (whee 1uh) mg/dl'), []);
});

test('a two-word word result whose first word is a result itself ("Dark Yellow") is not cut to it', () => {
  assert.deepEqual(
    pick(`Color            Dark Yellow          Dark Yellow       Yellow
Appearance       Cloudy               Clear`).map((r) => r.slice(0, 2)),
    [
      ['Color', 'Dark Yellow'],
      ['Appearance', 'Cloudy'],
    ],
  );
});

test('a garbled unit after a row whose name follows an order cell is read against the test in its own cell', () => {
  assert.deepEqual(
    pick(`Q8ra0ia02e      Lip! Panel                HDL Cholesterol                          46 mgigL           >39                 final      LOL.
06 26         Pane                 Sodium                         139 mmoliL        135-146           Final     LoL`),
    [
      ['HDL Cholesterol', '46', 'mg/dL', null, '>39'],
      ['Sodium', '139', 'mmol/L', null, '135-146'],
    ],
  );
});

test('a misread name in its own cell after an order cell is placed by its unit', () => {
  const r = rows('6 26          Pane                   Cregtitnne                          1.01 mg/dL          0.70-1.33           Final      LoL');
  assert.deepEqual(r.map((x) => [x.name, x.value, x.loinc ?? null]), [['Cregtitnne', '1.01', '2160-0']]);
});

test('a word result OCR garbled ("Negat ve", "Ncgatve", "Negat-ve") is read as the word; other words are left alone', () => {
  assert.deepEqual(
    pick(`Glucose              Negat ve            Negative
Nitrite              Negat-ve            Negative
Leukocyte Esterase   Ncgatve             Negative
Ketones              NEQATIVE            NEGATIVE`).map((r) => r.slice(0, 2)),
    [
      ['Glucose', 'Negative'],
      ['Nitrite', 'Negative'],
      ['Leukocyte Esterase', 'Negative'],
      ['Ketones', 'NEGATIVE'],
    ],
  );
  assert.deepEqual(pick('Nitrite              Positive            Native').map((r) => r.slice(0, 2)), [['Nitrite', 'Positive']]);
});

test('an order cell before the test name with the gap between them lost (single-spaced OCR)', () => {
  assert.deepEqual(
    pick(`Collected Order Component Value Units Ref Range Abn Status Site
CBC (includes Diff/Plt) White Blood Cell Count 6.4 x10E3/uL 3.8-10.8 Final LOL
verz0i2024 CBC bincludes DIRT MCV 98.1 fL 80.0-100.0 Final LOL
Comprehensive Metabolic Panel Sodium 139 mmol/L 135-146 Final LOL
Hemoglobin A1c Estimated Average Glucose 97 mg/dL Final LOL
TSH TSH 1.90 uIU/mL 0.40-4.50 Final LOL`).map((r) => r.slice(0, 3)),
    [
      ['White Blood Cell Count', '6.4', 'x10E3/uL'],
      ['MCV', '98.1', 'fL'],
      ['Sodium', '139', 'mmol/L'],
      ['Estimated Average Glucose', '97', 'mg/dL'],
      ['TSH', '1.90', 'uIU/mL'],
    ],
  );
});

test('a word result wrapped in its narrow cell onto the lines above and below the row', () => {
  assert.deepEqual(
    pick(`06/09/2024                                                   Light
             Urinalysis, Complete         Color                                      Yellow         Final     LOL
06:04                                                        Yellow
   Color                     Dark Yellow          Dark Yellow       Yellow
                             Slightly Cloudy Slightly
   Appearance                                                       Clear
                             (A)             Cloudy
   Specific Gravity          1.011                1.000             1.001-1.035`).map((r) => [r[0], r[1], r[3], r[0] === 'Color' && r[1] === 'Dark Yellow' ? '(previous column)' : r[4]]),
    [
      ['Color', 'Light Yellow', null, 'Yellow'],
      ['Color', 'Dark Yellow', null, '(previous column)'],
      ['Appearance', 'Slightly Cloudy', 'A', 'Clear'],
      ['Specific Gravity', '1.011', null, '1.001-1.035'],
    ],
  );
});

test('under headers with an order column before the test column, a test the table does not know is the last cell of the name', () => {
  assert.deepEqual(
    pick(`Collected       Order                     Component                Value         Units       Ref Range         Abn   Status
06/20/2024
                CBC (includes Diff/Plt)   Immature Granulocytes             0.3 %            0.0-0.5                 Final
10:17`),
    [['Immature Granulocytes', '0.3', '%', null, '0.0-0.5']],
  );
  // Without such headers the name is left whole.
  assert.deepEqual(pick('CBC (includes Diff/Plt)   Immature Granulocytes             0.3 %            0.0-0.5').map((r) => r[0]), ['CBC (includes Diff/Plt) Immature Granulocytes']);
});

test('the same order words before the test name on several rows of single-spaced text are an order column', () => {
  assert.deepEqual(
    pick(`Iron and Ferritin Iron, Total 62 ug/dL 45-160 Final LOL
Iron and Ferritin Ferritin 75 ng/mL 16-232 Final LOL
Additional Chemistry Magnesium 2.1 mg/dL 1.5-2.5 Final LOL
Additional Chemistry Uric Acid 5.3 mg/dL 2.5-7.0 Final LOL`).map((r) => r.slice(0, 3)),
    [
      ['Iron, Total', '62', 'ug/dL'],
      ['Ferritin', '75', 'ng/mL'],
      ['Magnesium', '2.1', 'mg/dL'],
      ['Uric Acid', '5.3', 'mg/dL'],
    ],
  );
  // Once only, the words stay in the name (no evidence they are a column).
  assert.deepEqual(pick('Additional Chemistry Magnesium 2.1 mg/dL 1.5-2.5 Final LOL').map((r) => r[0]), ['Additional Chemistry Magnesium']);
  // A specimen repeated before the names is part of them.
  assert.deepEqual(pick(`Urine Sodium 40 mmol/L 20-220
Urine Potassium 30 mmol/L 25-125`).map((r) => r[0]), ['Urine Sodium', 'Urine Potassium']);
});

test('the order cell dropped from before a test name is the row\'s panel; a wrapped collected date is no part of a panel', () => {
  const r = rows(`Collected       Order                     Component                Value         Units       Ref Range
06/20/2024      Comprehensive Metabolic
                                          Glucose                             91 mg/dL         65-99
10:17           Panel
06/20/2024
                CBC (includes Diff/Plt)   Hemoglobin                       14.9 g/dL         13.2-17.1
10:17`);
  assert.deepEqual(r.map((x) => [x.name, x.panel ?? null]), [
    ['Glucose', 'Comprehensive Metabolic'],
    ['Hemoglobin', 'CBC (includes Diff/Plt)'],
  ]);
});

test('a word result wrapped onto the lines above and below a single-spaced row: a lone modifier ends the line above, a result word the line below', () => {
  assert.deepEqual(
    pick(`06/09/2024 Light
Urinalysis, Complete Color Yellow Final LOL
06:04 Yellow
06/09/2024
Urinalysis, Complete Appearance Clear Clear Final LOL
06:04`).map((r) => [r[0], r[1], r[4]]),
    [
      ['Color', 'Light Yellow', 'Yellow'],
      ['Appearance', 'Clear', 'Clear'],
    ],
  );
});

test('a range with an end no value can have puts back its value\'s point too, before the typical interval is consulted', () => {
  assert.deepEqual(pick(`Monocytes              47          %              20-120`), [['Monocytes', '4.7', '%', null, '2.0-12.0']]);
});

test('a flag printed one space after its value, the space read as a 1 ("551L", "26.81L", "261L")', () => {
  assert.deepEqual(pick(`EGFR                         551L              > OR = 60            mL/min/1.73m2
MCH                          26.81L            27.0-33.0            pg
GLUCOSE                      261L              65-99                mg/dL
GLUCOSE                      101H              65-99                mg/dL
POTASSIUM                    3.1L              3.5-5.3              mmol/L`), [
    ['EGFR', '55', 'mL/min/1.73m2', 'L', '>=60'],
    ['MCH', '26.8', 'pg', 'L', '27.0-33.0'],
    ['GLUCOSE', '26', 'mg/dL', 'L', '65-99'],
    // As printed: 101 is above the range its H flag says, and 3.1 is as printed.
    ['GLUCOSE', '101', 'mg/dL', 'H', '65-99'],
    ['POTASSIUM', '3.1', 'mmol/L', 'L', '3.5-5.3'],
  ]);
});

test('typical intervals of more tests put back the points OCR lost from a range and its value (CRP "56 mg/L 0-79")', () => {
  assert.deepEqual(pick(`C-Reactive Protein, Quant                      56                             mg/L          0-79`), [['C-Reactive Protein, Quant', '5.6', 'mg/L', null, '0.0-7.9']]);
});

test('a range whose dash OCR read as a space ("135 146"), and no range made of a previous result', () => {
  assert.deepEqual(pick(`SODIUM                     1341L               135 146                    mmol/L
GLUCOSE                    92                  65 99                      mg/dL
POTASSIUM                  4.2                 4.1 4.3                    mmol/L`), [
    ['SODIUM', '134', 'mmol/L', 'L', '135-146'],
    ['GLUCOSE', '92', 'mg/dL', null, '65-99'],
    // 4.1 and 4.3 are no potassium interval (3.5-5.3 give or take a quarter of its width).
    ['POTASSIUM', '4.2', 'mmol/L', null, null],
  ]);
});

test('values and ranges glued to their units, the units\' slashes lost or misread ("14.3gadL", "7-25mgdL", "88UL", "3110°3uL", "mL min 1.73 m2")', () => {
  assert.deepEqual(
    pick(`Component                     Your Value            Standard Range          Flag
Hemoglobin                    14.3gadL              13.2-17.1gdL
Urea Nitrogen (BUN)           13mg dL               7-25mgdL
Alkaline Phosphatase          88UL                  36-130UL
Absolute Neutrophils          3.110°3uL             1.5-7.810°3uL
Platelet Count                31710°3 uL            140-400 10°3 ul
eGFR                          71 mL min 1.73 m2     >=60 mL min 1.73 m2`),
    [
      ['Hemoglobin', '14.3', 'g/dL', null, '13.2-17.1'],
      ['Urea Nitrogen (BUN)', '13', 'mg/dL', null, '7-25'],
      ['Alkaline Phosphatase', '88', 'U/L', null, '36-130'],
      ['Absolute Neutrophils', '3.1', '10*3/uL', null, '1.5-7.8'],
      ['Platelet Count', '317', '10*3/uL', null, '140-400'],
      ['eGFR', '71', 'mL/min/1.73m2', null, '>=60'],
    ],
  );
  // A flag glued to a value is no unit.
  assert.deepEqual(pick('Glucose                       112H                  70-99 mg/dL'), [['Glucose', '112', 'mg/dL', 'H', '70-99']]);
});

test('a footnote mark read as dirt after a test name, before a speck read as a letter ("Hematocrit”!  i")', () => {
  assert.deepEqual(
    pick('Test               Current Result and Flag    Previous Result and Date    Units    Reference Interval\nHematocrit”!       i                           51.9 High                  47.9 09/28/2023           %                 38.5-50.0'),
    [['Hematocrit', '51.9', '%', 'H', '38.5-50.0']],
  );
});

test('a results export\'s cells before the test\'s, garbled by OCR (a collection time "11.57", the order\'s name wrapped to "panel"), are no part of the test name', () => {
  assert.deepEqual(
    pick('Collected  Order  Component  Value  Units  RefRange  Abn  Status\n11.57          panel                   Glucose                              88 mg/dL          65-99              Final\n157               panel                           Sodium                                           140 mmol/L             135-146                  Final'),
    [
      ['Glucose', '88', 'mg/dL', null, '65-99'],
      ['Sodium', '140', 'mmol/L', null, '135-146'],
    ],
  );
});

test('a range whose dash OCR read as a point ("10.40" beside AST, "36.130") and U/L whose slash was lost before it ("24 UL 10.40")', () => {
  assert.deepEqual(
    pick('AST                              24 UL           10.40             Final\nAlkaline Phosphatase             79 U/L          36.130            Final\nALT                              31 UL           9-46'),
    [
      ['AST', '24', 'U/L', null, '10-40'],
      ['Alkaline Phosphatase', '79', 'U/L', null, '36-130'],
      ['ALT', '31', 'U/L', null, '9-46'],
    ],
  );
  // A real decimal beside a test whose interval it is not stays a value, not a range.
  assert.deepEqual(pick('Creatinine    0.79 mg/dL    0.70-1.33'), [['Creatinine', '0.79', 'mg/dL', null, '0.70-1.33']]);
});

test('two results per line: a unit after the second column\'s value and range is not the first\'s; a short name a letter off is placed by its printed range', () => {
  const r = rows('MPY          9.3 (7.5.12.5)   tL              [)          10.3 (8.6-10.3)   mg/dL\nMC           89.6 (80.0-100.0) fL');
  assert.deepEqual(r.map((x) => [x.loinc ?? null, x.value, x.ucum ?? null, x.range?.text ?? null]), [
    // MPV (7.5-12.5 is its interval; MCV's is 80-100), its fL read as "tL"; mg/dL is the second column's.
    ['32623-1', '9.3', 'fL', '7.5-12.5'],
    ['787-2', '89.6', 'fL', '80.0-100.0'],
  ]);
  // A value far from the range it is placed by is misread too: no test guessed.
  assert.deepEqual(rows('HET           6.9 (35.0 45.0) 4').map((x) => x.loinc ?? null), []);
});

test('a range-first header whose "Result" OCR garbled ("Resun") still puts the range before the value', () => {
  assert.deepEqual(
    pick('Test         Reference  Resun Flag Units\nHEMOGLOBIN                                              13.2171                         14.7                                 g/dL\nPOTASSIUM                                            3553                        3.0                   L          mEq/L'),
    [
      ['HEMOGLOBIN', '14.7', 'g/dL', null, '13.2-17.1'],
      ['POTASSIUM', '3.0', 'mEq/L', 'L', '3.5-5.3'],
    ],
  );
});

test('a bar inside a test name is an I or l OCR read as a rule ("NEUTROPH|LS")', () => {
  assert.deepEqual(pick('ABSOLUTE NEUTROPH|LS      4.3      1.5-7.8      K/uL').map((r) => r[0]), ['ABSOLUTE NEUTROPHILS']);
  assert.equal(rows('A|bumin      4.1      3.5-5.0      g/dL')[0]?.loinc, '1751-7');
});

test('an export\'s order cell ending on "Panel" with a letter lost ("Pane") and a collection time read with a dash ("06-26") are no part of the test name', () => {
  assert.deepEqual(
    pick('Collected  Order  Component  Value  Units  Ref Range  Abn  Status\n06-26         Pane                 Glucose                          85 mg/dL         65-99            Final'),
    [['Glucose', '85', 'mg/dL', null, '65-99']],
  );
});

test('a thin typeface\'s 0 read as 6 or 8 at the front of a range and its value ("8.6 (6.2-1.2)" beside total bilirubin is 0.6 (0.2-1.2))', () => {
  assert.deepEqual(pick('TBIL            8.6   (6.2-1.2)     mg/dL'), [['TBIL', '0.6', 'mg/dL', null, '0.2-1.2']]);
  // A value near its range keeps its digits; a sound range is left alone.
  assert.deepEqual(pick('TBIL            0.9   (6.2-1.2)     mg/dL'), [['TBIL', '0.9', 'mg/dL', null, '0.2-1.2']]);
  assert.deepEqual(pick('GLUCOSE         86    (65-99)       mg/dL'), [['GLUCOSE', '86', 'mg/dL', null, '65-99']]);
});

test('the row\'s unit printed again beside its range and garbled ("98 - 110 mmoVlL  High") opens no new test; a lone "!" before a name is dirt', () => {
  assert.deepEqual(pick('Chloride          113 mmol/L          98 - 110 mmoVlL          High'), [['Chloride', '113', 'mmol/L', 'H', '98-110']]);
  assert.deepEqual(rows('Urinalysis\n! Bilirubin                   Negative         Negative').map((r) => [r.name, r.loinc]), [['Bilirubin', '5770-3']]);
  // Two tests on one line still part.
  assert.equal(rows('SODIUM 140 mmol/L 135-146 POTASSIUM 4.1 mmol/L 3.5-5.3').length, 2);
});

test('a unit\'s slash read as a dash or a point ("mg-dL", "mg. dL")', () => {
  assert.deepEqual(
    pick("Test    Result   Flag   Previous   Units   Reference\nCreatinine*'          085            mg-dL          050-105\nCalcium               9.7            10.3 02.28.2023        mg. dL         86-103"),
    [
      ['Creatinine', '0.85', 'mg/dL', null, '0.50-1.05'],
      ['Calcium', '9.7', 'mg/dL', null, '8.6-10.3'],
    ],
  );
});

test('fL glued to a value that kept its point, its f read as 1 ("10.11L" beside 7.5-12.5 is 10.1 fL, no flag); a real low flag stays', () => {
  assert.deepEqual(pick('MPV                                    10.11L                 75-1251L'), [['MPV', '10.1', 'fL', null, '7.5-12.5']]);
  assert.deepEqual(pick('MPV      5.1L    7.5-12.5 fL'), [['MPV', '5.1', 'fL', 'L', '7.5-12.5']]);
});

test('a value whose leading 0 OCR read as a 9 ("9.75" beside 0.50-1.05, no flag printed) is 0.75; a flagged high value stays', () => {
  assert.deepEqual(pick('Creatinine     9.75     mg/dL     0.50-1.05'), [['Creatinine', '0.75', 'mg/dL', null, '0.50-1.05']]);
  assert.deepEqual(pick('Creatinine     9.75  H     mg/dL     0.50-1.05'), [['Creatinine', '9.75', 'mg/dL', 'H', '0.50-1.05']]);
});

test('a line printer\'s rows: the flag column before the test, a sidebar\'s collection date and identifiers in the cells before it', () => {
  assert.deepEqual(pick('HI     GLU ........................     170    mg/dL       (65-99)'), [['GLU', '170', 'mg/dL', 'H', '65-99']]);
  assert.deepEqual(pick('66154558                   LO     CL .........................             96    mmol/L      (98-110)'), [['CL', '96', 'mmol/L', 'L', '98-110']]);
  assert.deepEqual(pick('26MAR2025 0857                    ALT ........................             19    U/L         (9-46)'), [['ALT', '19', 'U/L', null, '9-46']]);
});

test('a unit cut or garbled after its slash is read only as a unit the value is possible in', () => {
  // "g/" and "g/d" are nearer g/L by letters, but a total protein of 6.8 g/L or a globulin of 2.6 g/L cannot be.
  assert.equal(unitFromPrior('g/', '2885-2', 3, '6.8'), 'g/dL');
  assert.deepEqual(pick(`PROTEIN, TOTAL          6.8         6.1-8.1 g/          cc
GLOBULIN                2.6         1.9-3.7 g/d         cc
POTASSIUM               43          35-53 mmoliL        cc`).map((r) => [r[0], r[1], r[2]]), [
    ['PROTEIN, TOTAL', '6.8', 'g/dL'],
    ['GLOBULIN', '2.6', 'g/dL'],
    ['POTASSIUM', '4.3', 'mmol/L'],
  ]);
});

test('a line printer\'s dot leaders read as small letters ("MCH oie", "GLU ttt ie ieee", "NEUT % .oiinirie") are no part of the name; sidebar cells before it are dropped', () => {
  assert.deepEqual(pick(`9087666176            MCH oie     28.4 pg       (27.0-33.0)
ACCT#:               MCHC oie.     33.3 g/dL     (32.0-36.0)
A .   ANE      GLU ttt ie ieee      81 mg/dL    (65-99)
ND388960            NA Li      140 mmol/L    (135-146)
ATTN DR:       NEUT % .oiinirieneniiennn   61.3 %    (40.0-75.0)
CREAT _...\\viinieaiininnnn   0.77 mg/dL   (0.50-1.05)
RECD:              C02 otto ie      25 mmol/L    (20-32)`).map((r) => [r[0], r[1], r[2]]), [
    ['MCH', '28.4', 'pg'],
    ['MCHC', '33.3', 'g/dL'],
    ['GLU', '81', 'mg/dL'],
    ['NA', '140', 'mmol/L'],
    ['NEUT %', '61.3', '%'],
    ['CREAT', '0.77', 'mg/dL'],
    ['C02', '25', 'mmol/L'],
  ]);
  // A lower-case word of a real name stays ("Glucose fasting" is not a leader).
  assert.deepEqual(pick('Vitamin B12          500 pg/mL     (200-900)').map((r) => r[0]), ['Vitamin B12']);
});

test('a collection date-time cell before the test, the month\'s O read as 0 ("150CT2022 1128   CL ....  104"): the time is no value', () => {
  assert.deepEqual(pick('150CT2022 1128         CL teenie eae     104 mmol/L    (98-110)').map((r) => [r[0], r[1], r[2]]), [['CL', '104', 'mmol/L']]);
});

test('a line printer\'s flag column garbled before the name ("HL CHOL", "BI TRIG") flags a value outside its range; inside its range it is dirt', () => {
  assert.deepEqual(pick(`HL CHOL ...ooiivniiineniininns   245 mg/dL  <200
BI TRIG .,oooniiiiinonnnaanss   218 mg/dL  <150
NB HDL ...................   52 mg/dL  >39
K tee   4.4 mmol/L  (3.5-5.3)`).map((r) => [r[0], r[1], r[3]]), [
    ['CHOL', '245', 'H'],
    ['TRIG', '218', 'H'],
    ['HDL', '52', null],
    ['K', '4.4', null],
  ]);
});

test('a flag in square brackets ("10.5 [H]", PowerChart) and a unit with a space after its slash ("mEq/ L")', () => {
  assert.deepEqual(pick(` Calcium                     10.5 [H]             mg/dL             8.6 - 10.3
 Sodium                      139                  mEq/ L            135 - 146
 Glucose                     61 [L]               mg/dL             65 - 99`), [
    ['Calcium', '10.5', 'mg/dL', 'H', '8.6-10.3'],
    ['Sodium', '139', 'mEq/L', null, '135-146'],
    ['Glucose', '61', 'mg/dL', 'L', '65-99'],
  ]);
});

test('a two-line layout (name on one line, results indented on the next) also for word results ("YELLOW   YELLOW", "TRACE   ABN   NEGATIVE")', () => {
  assert.deepEqual(pick(`       Color
               YELLOW                                                     YELLOW
       Specific Gravity
               1.024                                                      1.001-1.035
       Protein
               TRACE               ABN                                    NEGATIVE`), [
    ['Color', 'YELLOW', null, null, 'YELLOW'],
    ['Specific Gravity', '1.024', null, null, '1.001-1.035'],
    ['Protein', 'TRACE', null, 'A', 'NEGATIVE'],
  ]);
});

test('a ">" or "<" right after the value flags it high or low (LIS call logs); before a number it is a comparator', () => {
  assert.deepEqual(pick(`     GLU                    114 >          mg/dL        2022/12/17 17:48
     K                      3.1 <          mmol/L       2022/12/17 17:48
     HDL                    74 mg/dL                    (>39)
     EGFR                   > 60           mL/min/1.73m2`).map((r) => [r[0], r[1], r[3]]), [
    ['GLU', '114', 'H'],
    ['K', '3.1', 'L'],
    ['HDL', '74', null],
    ['EGFR', '>60', null],
  ]);
});

test('HL7 interpretation names printed as flags ("above high normal", "below low normal", "above upper panic limits")', () => {
  assert.deepEqual(pick(`GLUCOSE            225        mg/dL        65-99        above high normal       final
SODIUM             134        mmol/L       135-146      below low normal        final
POTASSIUM          6.9        mmol/L       3.5-5.3      above upper panic limits   final`).map((r) => [r[0], r[1], r[3]]), [
    ['GLUCOSE', '225', 'H'],
    ['SODIUM', '134', 'L'],
    ['POTASSIUM', '6.9', 'HH'],
  ]);
});

test('a screening report\'s status words as flags ("Above range", "Below range"; "Within range" is no flag)', () => {
  assert.deepEqual(pick(`Glucose                 100    mg/dL        65 - 99         Above range
Vitamin D, 25-OH         18    ng/mL        30 - 100        Below range
Sodium                  140    mmol/L      135 - 146        Within range`).map((r) => [r[0], r[1], r[3]]), [
    ['Glucose', '100', 'H'],
    ['Vitamin D, 25-OH', '18', 'L'],
    ['Sodium', '140', null],
  ]);
});

test('a power-of-ten unit whose "/u" OCR read as a 4 or a 0 ("10°34", "10"60L")', () => {
  assert.deepEqual(pick(`White Blood Cell Count                     9.6         3.8-10.8 10°34
Red Blood Cell Count                     5.24        4.20 - 5.80 10"60L`).map((r) => [r[0], r[1], r[2]]), [
    ['White Blood Cell Count', '9.6', '10*3/uL'],
    ['Red Blood Cell Count', '5.24', '10*6/uL'],
  ]);
});

test('a flag in brackets in a margin column before the name ("(L)   GLUCOSE   58 ...")', () => {
  assert.deepEqual(pick(`(L)   GLUCOSE                 58          mg/dL       65-99
      SODIUM                  140         mmol/L      135-146
(H)   POTASSIUM               5.6         mmol/L      3.5-5.3`).map((r) => [r[0], r[1], r[3]]), [
    ['GLUCOSE', '58', 'L'],
    ['SODIUM', '140', null],
    ['POTASSIUM', '5.6', 'H'],
  ]);
});

test('a margin flag that lost one bracket to OCR ("H)   GLUCOSE", "(L   CALCIUM") is still the flag', () => {
  assert.deepEqual(pick(`H)       GLUCOSE                  162          mg/dl       65-99
         SODIUM                   140          mmol/L      135-146
(L       CALCIUM                  8.0          mg/dL       8.6-10.3`).map((r) => [r[0], r[1], r[3]]), [
    ['GLUCOSE', '162', 'H'],
    ['SODIUM', '140', null],
    ['CALCIUM', '8.0', 'L'],
  ]);
});

test('a space before a unit\'s slash or on both sides ("mg /dt", "mq /dl", "ma / dl"); a ratio name around a slash stays a name', () => {
  assert.deepEqual(pick(`TRIG              93   <150          mg /dt
CHOL              161   <200          mq /dl
CA                8.6   (8.6-10.3)    ma / dl
BUN / Creat       18    (6-22)`).map((r) => [r[0], r[1], r[2]]), [
    ['TRIG', '93', 'mg/dL'],
    ['CHOL', '161', 'mg/dL'],
    ['CA', '8.6', 'mg/dL'],
    ['BUN / Creat', '18', null],
  ]);
});

test('a % in the unit column read as a lone 4, 5 or 9 after the range; not for a test never reported in %', () => {
  assert.deepEqual(pick(`EOS            2.4 (0.0-6.0)     4                    A/G              1.3 (1.0-2.9)
GLU          121 H (65-99)     mg/dL            HGBA1C        5.6 <5.7       5
GLU          121 H (65-99)   5`).map((r) => [r[0], r[1], r[2]]), [
    ['EOS', '2.4', '%'],
    ['A/G', '1.3', null],
    ['GLU', '121', 'mg/dL'],
    ['HGBA1C', '5.6', '%'],
    ['GLU', '121', null],
  ]);
});

test('digit look-alike letters inside a bracketed range ("(D.B.3.9)", "(G.1-8.1)") and an absolute count\'s # read as 4 ("LYMPH 4  2.6")', () => {
  assert.deepEqual(pick(`LYMPH 4        2.6 (D.B.3.9)    K/ul               AST             18 (10 40)      U/L
TP                7.0 (G.1-8.1)  g/dL
Hemoglobin        13.5 g/dL (Sl)`).map((r) => [r[0], r[1], r[2], r[4]]), [
    ['LYMPH #', '2.6', 'K/ul', '0.8-3.9'],
    ['AST', '18', 'U/L', '10-40'],
    ['TP', '7.0', 'g/dL', '6.1-8.1'],
    ['Hemoglobin', '13.5', 'g/dL', null],
  ]);
});

test('a zero-led value that lost its point before a comparator range with decimals ("023  < OR = 4.00") or a range that lost its dash and a point ("06  0.020%")', () => {
  assert.deepEqual(pick(`PSA, TOTAL                                  023                          < OR = 4.00 ng/mL                        ND
BASOPHILS                                      06                                  0.020%                                            ND`).map((r) => [r[0], r[1], r[2], r[4]]), [
    ['PSA, TOTAL', '0.23', 'ng/mL', '<=4.00'],
    ['BASOPHILS', '0.6', '%', '0.0-2.0'],
  ]);
});

test('fL after a range whose high end lost its point ("7.5-1251L"), a comma for a high end\'s point ("1.9-3,7"), a unit\'s slash read as i ("gid")', () => {
  assert.deepEqual(pick(`MPV                                          9.6                             7.5-1251L                                    ND
GLOBULIN                                                2.4                                         1.9-3,7 gid`).map((r) => [r[0], r[1], r[2], r[4]]), [
    ['MPV', '9.6', 'fL', '7.5-12.5'],
    ['GLOBULIN', '2.4', 'g/dL', '1.9-3.7'],
  ]);
});

test('a unit whose "/L" a thin print read as "st" ("ust" beside ALKP is U/L); a value with a speck read as a digit before its point ("92.0" calcium beside 8.6-10.3 is 9.0, one way only)', () => {
  assert.deepEqual(pick(`ALKP          64 (36-130)    ust
CALCIUM                                    92.0                             8.6-10.3 mg/dL                               ND
HEMOGLOBIN  143.5  13.2-17.1 g/dL`).map((r) => [r[0], r[1], r[2]]), [
    ['ALKP', '64', 'U/L'],
    ['CALCIUM', '9.0', 'mg/dL'],
    ['HEMOGLOBIN', '143.5', 'g/dL'],
  ]);
});

test('a range that lost its dash and points with fL glued, its f read as 1 and its L lost ("751251" beside MPV is 7.5-12.5 fL)', () => {
  assert.deepEqual(pick(`MPV                                                10.1                                 751251                                           NO`).map((r) => [r[0], r[1], r[2], r[4]]), [
    ['MPV', '10.1', 'fL', '7.5-12.5'],
  ]);
});

test('no result under a name the table does not know that holds another cell\'s range or unit, or is a short misread of two tests of its unit ("AGT" U/L)', () => {
  assert.deepEqual(pick(`PLT                 ILL (140 400)      K/ul                     CO?                  28    (20 32)        meq/1
AGT             18 (10 40)      U/L
Lipase          35 (13-60)      U/L
Zinc            88 (60-120)     ug/dL`).map((r) => [r[0], r[1]]), [
    ['Lipase', '35'],
    ['Zinc', '88'],
  ]);
});

test('a mark past a range that lost its dash ("98.110   !") is no flag for a value inside it; "gil" beside 16.3 hemoglobin stays g/dL', () => {
  assert.deepEqual(pick(`Chloride                                      104       mmol/L            98.110                       !
Hemoglobin                                  163       gil               112171                    ;`).map((r) => [r[0], r[1], r[2], r[3]]), [
    ['Chloride', '104', 'mmol/L', null],
    ['Hemoglobin', '16.3', 'g/dL', null],
  ]);
});

test('range-first rows under a header whose "Result" OCR read as "Rest"; a garbled numerator before a read denominator ("Rw/dL"); a low end\'s point read as a space ("38 3-50.0"); "my /dl."', () => {
  assert.deepEqual(pick(`Test Reference Rest Flag Uns
HEMOGLOBIN                                13.2-171                  153                        Rw/dL
HEMATOCRIT                                 38 3-50.0                  439                         %
MPV                                                75125                      10.3                           fl.
GLUCOSE                                              65-99                           62                    L          my /dl.`).map((r) => [r[0], r[1], r[2], r[3]]), [
    ['HEMOGLOBIN', '15.3', 'g/dL', null],
    ['HEMATOCRIT', '43.9', '%', null],
    ['MPV', '10.3', 'fl.', null],
    ['GLUCOSE', '62', 'mg/dL', 'L'],
  ]);
});

test('a small letter past an in-range value is no flag ("60.2   a   ."); a zero-led range with one point left ("06  06 10/13/2023  x10E3/uL  021.0"); a numerator glued to the value before the unit\'s own cell ("19mg   7:25 mgrdl")', () => {
  assert.deepEqual(pick(`Test                 Reference          Result        Flag       Units
NEUTROPHILS                                    40.0-75.0                    60.2                           a                  .`).map((r) => [r[0], r[1], r[2], r[3]]), [
    ['NEUTROPHILS', '60.2', '%', null],
  ]);
  assert.deepEqual(pick(`Monocytes(Absolute)                           06                                06 10/13/2023               x10E3/uL          021.0
Urea Nitrogen (BUN)                                   19mg                 7:25 mgrdl`).map((r) => [r[0], r[1], r[2]]), [
    ['Monocytes(Absolute)', '0.6', 'x10E3/uL'],
    ['Urea Nitrogen (BUN)', '19', 'mg/dL'],
  ]);
});

test('a garbled unit judged again once the points are back ("627  =  409-750" is 62.7 %); a number inside a name ("Vitamin D. 25 Hydroxy  58"); a leading 1 read as L ("L007" specific gravity)', () => {
  assert.deepEqual(pick(`Neutrophils                                     627        =                    409-750                       i
Vitamin D. 25 Hydroxy                         58       ng/mL             30-100                       t
Specific Gravity                             L007                           1.001-1.035`).map((r) => [r[0], r[1], r[2]]), [
    ['Neutrophils', '62.7', '%'],
    ['Vitamin D. 25 Hydroxy', '58', 'ng/mL'],
    ['Specific Gravity', '1.007', null],
  ]);
});

test('a clean unit the test is never reported in, two letters from one with the same denominator ("mg/l." beside potassium is mEq/L), its points then put back', () => {
  assert.deepEqual(pick(`Test   Reference   Result  Flag  Units
POTASSIUM                                   35-53                     41                          mg/l.`).map((r) => [r[0], r[1], r[2], r[4]]), [
    ['POTASSIUM', '4.1', 'meq/L', '3.5-5.3'],
  ]);
});

test('no result from a number with neither unit nor range for a test always printed with a unit, on a page whose rows print units', () => {
  assert.deepEqual(pick(`Hemoglobin          13.5    g/dL      13.2-17.1
Hematocrit          41.0    %         38.5-50.0
MCV                 90.1    fL        80.0-100.0
MCHC                27       wdl               320360
INR                 1.1`).map((r) => [r[0], r[1]]), [
    ['Hemoglobin', '13.5'],
    ['Hematocrit', '41.0'],
    ['MCV', '90.1'],
    ['INR', '1.1'],
  ]);
});

test('a reference lab with no units column: a known unit glued to the value of any length ("9.5Thousand/uL", "110mL/min/1.73m2", "21(calc)"), ranges in words ("60 or greater", "Less than 200") read as ranges, never results', () => {
  assert.deepEqual(pick(`Procedure                          Result                              Reference Interval                       Interpretation
White Blood Cell Count             9.5Thousand/uL                      3.8 to 10.8
Red Blood Cell Count               4.98Million/uL                      3.80 to 5.10
eGFR                               110mL/min/1.73m2                    60 or greater
BUN/Creatinine Ratio               21(calc)                            6 to 22
Cholesterol, Total                 249mg/dL                            Less than 200                                     HIGH
Hemoglobin A1c                     5.5%                                5.6 or less`), [
    ['White Blood Cell Count', '9.5', 'Thousand/uL', null, '3.8-10.8'],
    ['Red Blood Cell Count', '4.98', 'Million/uL', null, '3.80-5.10'],
    ['eGFR', '110', 'mL/min/1.73m2', null, '>=60'],
    ['BUN/Creatinine Ratio', '21', '(calc)', null, '6-22'],
    ['Cholesterol, Total', '249', 'mg/dL', 'H', '<200'],
    ['Hemoglobin A1c', '5.5', '%', null, '<=5.6'],
  ]);
});

test('a unit printed alone under its value, in the value\'s column, is that value\'s ("10.9" over "g/dL"; "Urine  mg/g": the wrapped rest of the name beside it)', () => {
  assert.deepEqual(pick(`  CBC (includes Diff/Plt)
    White Blood Cell Count                         10.0                                            Normal range: 3.8 - 10.8     In range
                                                   10*3/uL

    Hemoglobin                                     10.9                                            Normal range: 11.7 - 15.5    Below range
                                                   g/dL

    eGFR                                           128                                             Normal range: >=60           In range
                                                   mL/min/1.73 m2

    Microalbumin/Creatinine Ratio,                 19                                              Normal range: <30            In range
    Urine                                          mg/g`), [
    ['White Blood Cell Count', '10.0', '10*3/uL', null, '3.8-10.8'],
    ['Hemoglobin', '10.9', 'g/dL', 'L', '11.7-15.5'],
    ['eGFR', '128', 'mL/min/1.73m2', null, '>=60'],
    ['Microalbumin/Creatinine Ratio, Urine', '19', 'mg/g', null, '<30'],
  ]);
});

test('dot leaders from a test\'s name to its value are a separator, never part of the name ("CARBON DIOXIDE......   27", "SPECIFIC GRAVITY.... 1.025")', () => {
  assert.deepEqual(pick(`  TEST                           RESULT UNITS          [REFERENCE]               FLAG
  CARBON DIOXIDE................     27 mmol/L         [20-32]
  ALKALINE PHOSPHATASE..........    190 U/L            [36-130]                  High
  SPECIFIC GRAVITY.............. 1.025                           [1.001-1.035]
  LEUKOCYTE ESTERASE............ NEGATIVE                         [Negative]`).map((r) => [r[0], r[1], r[2], r[3]]), [
    ['CARBON DIOXIDE', '27', 'mmol/L', null],
    ['ALKALINE PHOSPHATASE', '190', 'U/L', 'H'],
    ['SPECIFIC GRAVITY', '1.025', null, null],
    ['LEUKOCYTE ESTERASE', 'NEGATIVE', null, null],
  ]);
});

test('a cumulative table: the result is the newest dated column\'s, wherever it stands, a flag printed before its value taken with it', () => {
  assert.deepEqual(pick(`                                                           12-Mar-22       2-Sep-22      1-Oct-21
 Test                          Units     Ref Range           1100           0607          1044
 WBC                       K/uL          3.8 - 10.8           8.4            7.9           8.1
 RBC                       M/uL          3.80 - 5.10         4.49         L 3.49        L 3.07
 Hemoglobin                g/dL          11.7 - 15.5       L 11.1                         12.6
 MCV                       fL            80.0 - 100.0                        93.4     H 110.9
 H = above reference range   L = below reference range    A = abnormal.`), [
    ['WBC', '7.9', 'K/uL', null, '3.8-10.8'],
    ['RBC', '3.49', 'M/uL', 'L', '3.80-5.10'],
    ['MCV', '93.4', 'fL', null, '80.0-100.0'],
  ]);
});

test('a cumulative head with one date OCR misread past being a date ("89-Jun-22") still heads its columns; the newest is placed by the others\' order', () => {
  assert.deepEqual(pick(`                                              11-Jan-22       16-Apr-22       89-Jun-22       19-Nov-22
 Test            Units        Ref Range          0629            1057            1006            1108
 Glucose         mg/dL        65 - 99          H 171           H 224           H 157           H 174
 Sodium          mEq/L        135 - 146          145           L 131           L 131             138`).map((r) => [r[0], r[1], r[3]]), [
    ['Glucose', '174', 'H'],
    ['Sodium', '138', null],
  ]);
  // Newest first: the misread date at the left end is the newest column.
  assert.deepEqual(pick(`                                              89-Nov-22       16-Apr-22       11-Jan-22
 Test            Units        Ref Range          1108            1057            0629
 Glucose         mg/dL        65 - 99          H 174           H 224           H 171`).map((r) => [r[0], r[1], r[3]]), [['Glucose', '174', 'H']]);
});

test('lines printed with single spaces (no columns): a lone unit line under a row is its value\'s; a cumulative row takes the newest column only when every column can be told apart', () => {
  assert.deepEqual(pick(`White Blood Cell Count 10.0 Normal range: 3.8 - 10.8 In range
10*3/uL
1-Apr-21 1-Oct-21 12-Mar-22 2-Sep-22
Test Units Ref Range 0522 1044 1100 0607
RBC M/uL 3.80 - 5.10 L 3.66 L 3.07 4.49 L 3.49
Hemoglobin g/dL 11.7 - 15.5 12.6 L 11.1 L 11.3
WBC K/uL 3.8 - 10.8 7.8 8.1 8.4 7.9`), [
    ['White Blood Cell Count', '10.0', '10*3/uL', null, '3.8-10.8'],
    ['RBC', '3.49', 'M/uL', 'L', '3.80-5.10'],
    ['WBC', '7.9', 'K/uL', null, '3.8-10.8'],
  ]);
});

test('more reference intervals in words: "Greater than or equal to 60", "Up to 35", "At least 40", "60 and above"', () => {
  assert.deepEqual(pick(`Procedure                          Result                              Reference Interval
eGFR                               95 mL/min/1.73m2                    Greater than or equal to 60
ALT                                22 U/L                              Up to 35
HDL Cholesterol                    52 mg/dL                            At least 40
Creatinine Clearance               88 mL/min                           60 and above`).map((r) => [r[0], r[1], r[4]]), [
    ['eGFR', '95', '>=60'],
    ['ALT', '22', '<=35'],
    ['HDL Cholesterol', '52', '>=40'],
    ['Creatinine Clearance', '88', '>=60'],
  ]);
});

test('a cumulative table\'s dates on the line of its other heads; two dates over a table of single results are no trend heads', () => {
  assert.deepEqual(pick(` Component        Units     Ref Range        03/14/2024      01/02/2024
 Sodium           mmol/L    135 - 145               139             141
 Potassium        mmol/L    3.5 - 5.1             L 3.3             4.0`), [
    ['Sodium', '139', 'mmol/L', null, '135-145'],
    ['Potassium', '3.3', 'mmol/L', 'L', '3.5-5.1'],
  ]);
  assert.deepEqual(pick(`                                  03/12/2024    03/14/2024
 Test             Reference        Result
 Glucose          65 - 99          112   H
 Sodium           135 - 145        139`).map((r) => [r[0], r[1], r[3]]), [
    ['Glucose', '112', 'H'],
    ['Sodium', '139', null],
  ]);
});

test('a cumulative cell whose flag OCR glued to its value ("L3.49", "110.9H") is read as flag and value', () => {
  assert.deepEqual(pick(`                                                           1-Apr-21        1-Oct-21      2-Sep-22
 Test                          Units     Ref Range           0522            1044          0607
 RBC                       M/uL          3.80 - 5.10         4.49          L3.07          L3.49
 MCV                       fL            80.0 - 100.0        93.4          110.9H         101.2H`), [
    ['RBC', '3.49', 'M/uL', 'L', '3.80-5.10'],
    ['MCV', '101.2', 'fL', 'H', '80.0-100.0'],
  ]);
});

test('dot leaders read as small letters after a capitals name that kept the leader\'s first point ("HEMOGLOBIN. ........covniuvunnnn", "MCV. settee eee e ee aaaennas", "POTASSIUM. . .....oivvnnn"): the name ends at its point', () => {
  assert.deepEqual(pick(`TEST                         RESULT UNITS         [REFERENCE]     FLAG
HEMOGLOBIN. ........covniuvunnnn    15.4 g/dL          (13.2-17.1
MCV. settee eee e ee aaaennas   85.6 fL        (80.0-100.0)
PLATELET COUNT. .......ovvunnns      187 10*3/uL           140-400)
POTASSIUM. . .....oivvnnnnnnnnns   4.0 mmol/L       3.5-5.3)
CHOLESTEROL, TOTAL. ovens    109 mg/dL           <200`).map((r) => [r[0], r[1], r[2]]), [
    ['HEMOGLOBIN', '15.4', 'g/dL'],
    ['MCV', '85.6', 'fL'],
    ['PLATELET COUNT', '187', '10*3/uL'],
    ['POTASSIUM', '4.0', 'mmol/L'],
    ['CHOLESTEROL, TOTAL', '109', 'mg/dL'],
  ]);
  // A mixed-case name's own lower-case words stay.
  assert.deepEqual(pick('Glucose, fasting          92 mg/dL     65-99').map((r) => r[0]), ['Glucose, fasting']);
});

test('under range-first headers, a range whose dash OCR read as a space ("3.8 10.8   13.6  H  Kul", "135 146   141") is the range: the value is the number after it', () => {
  assert.deepEqual(pick(`Test 7 7 Reference Resun Flag units.
WHITE BLOOD CELL COUNT             3.8 10.8              13.6           H      K/uL
SODIUM                            135 146             141                 meq/L         '
CHLORIDE                   .                   98 110                     107                          mEq/L
AST                                             10 40                     49          '      H        U/L
MCV                                                80.0-100.0                  94.7                           fL`).map((r) => [r[0], r[1], r[3], r[4]]), [
    ['WHITE BLOOD CELL COUNT', '13.6', 'H', '3.8-10.8'],
    ['SODIUM', '141', null, '135-146'],
    ['CHLORIDE', '107', null, '98-110'],
    ['AST', '49', 'H', '10-40'],
    ['MCV', '94.7', null, '80.0-100.0'],
  ]);
});

test('a % read as a letter pair ("Yo", "Ya", "Yi") in the unit column is % beside a test reported in %', () => {
  assert.deepEqual(pick(`Test                        Reference           Result            Flag      Units
LYMPHOCYTES                                  20.0-45.0                   35.7                           Ya
BASOPHILS                               0.0-2.0                 0.8                         Yi`).map((r) => [r[0], r[1], r[2]]), [
    ['LYMPHOCYTES', '35.7', '%'],
    ['BASOPHILS', '0.8', '%'],
  ]);
});

test('a dot leader read as letters is dropped before the unit is read ("CHOLESTEROL, TOTAL. ovens  109 mey/dl,"); an H or L glued to a leader is dots, no flag ("UREA NITROGEN (BUN) LL...  18")', () => {
  assert.deepEqual(pick(`TEST                           RESULT UNITS               [REFERENCE]      FLAG
CHOLESTEROL, TOTAL. ovens    109 mey/dl,           <200)
UREA NITROGEN (BUN) LL...     18 mg/dl        7-25`).map((r) => [r[0], r[1], r[2] && ucumFor(r[2]), r[3]]), [
    ['CHOLESTEROL, TOTAL', '109', 'mg/dL', null],
    ['UREA NITROGEN (BUN)', '18', 'mg/dL', null],
  ]);
});

test('a flag letter alone in its column read twice, capital then small ("Cc"), is that flag', () => {
  assert.deepEqual(pick(`Test                                                   Result            Units                Reference Range        Flag
Hematocrit                                         30.8             (%]                  38.5-50.0                      Cc
LDL-Cholesterol (calc)                                158               [mg/dL]               0-99                               Cc`).map((r) => [r[0], r[1], r[3]]), [
    ['Hematocrit', '30.8', 'LL'],
    ['LDL-Cholesterol (calc)', '158', 'HH'],
  ]);
});

test('a unit printed in brackets ("[mg/dL]") is the unit also for a test the unit priors do not list (urine urobilinogen)', () => {
  assert.deepEqual(pick(`Test                                                   Result            Units                Reference Range        Flag
Urobilinogen                                                       1.0                   [mg/dL]                  0.2-1.0`).map((r) => [r[0], r[1], r[2] && ucumFor(r[2])]), [
    ['Urobilinogen', '1.0', 'mg/dL'],
  ]);
});

test('a decimal value glued to a power-of-ten unit whose mark OCR garbled ("4.3010%6/uL", "0.410%3/uL") is value and unit', () => {
  assert.deepEqual(pick(`Test                 Result       Reference
RBC                       4.3010%6/uL  (3.80-5.10)     ;
Monocytes (Absolute)         0.410%3/uL (0.2-1.0)       :`).map((r) => [r[0], r[1], r[2] && ucumFor(r[2])]), [
    ['RBC', '4.30', '10*6/uL'],
    ['Monocytes (Absolute)', '0.4', '10*3/uL'],
  ]);
});

test('a value glued to its unit garbled past the unit table ("3.4mmol/1,", "26mmol’l") is the value, the rest its unit read against the test', () => {
  assert.deepEqual(pick(`Test Name                    Result                   Reference Range            Flag
Potassium                     3.4mmol/1,                      1506.8                                    LOW
Carbon Dioxide            26mmol’l                    200 32`).map((r) => [r[0], r[1], r[2] && ucumFor(r[2]), r[3]]), [
    ['Potassium', '3.4', 'mmol/L', 'L'],
    ['Carbon Dioxide', '26', 'mmol/L', null],
  ]);
});

test('through OCR (lines left-trimmed, unit garbled), a token alone on the line under a unit-less row is its unit when it reads as one of the test\'s units', () => {
  assert.deepEqual(pick(`Hemoglobin                            13.3                        *              Normal range 11.7 - 15.5        In range
goL
Absolute Neutrophils                  4.7                            @              Normal range 1.5 - 7.8           In range
10°3 ul
Absolute Monocytes                0.4                   *               Normal range 0.2-1.0          In range
*3/ul`).map((r) => [r[0], r[1], r[2] && ucumFor(r[2])]), [
    ['Hemoglobin', '13.3', 'g/dL'],
    ['Absolute Neutrophils', '4.7', '10*3/uL'],
    ['Absolute Monocytes', '0.4', null],
  ]);
});

test('a status at the line\'s end ("In range", "Below range") outranks a range bar\'s marker read as a flag and a flag from a garbled range', () => {
  assert.deepEqual(pick(`White Blood Cell Count              6.5                         *              Normal range 38 - 10.8         in range
Hemoglobin                            13.3                        *              Normal iange 11.7 - 15.5        In range
Lymphocytes                                  17.4                        *                           Normzl range. 20 0 - 45 0           Below range`).map((r) => [r[0], r[1], r[3]]), [
    ['White Blood Cell Count', '6.5', null],
    ['Hemoglobin', '13.3', null],
    ['Lymphocytes', '17.4', 'L'],
  ]);
  // "Not in range" is no in-range status.
  assert.deepEqual(pick('Glucose              250         *      Normal range 65 - 99         Not in range').map((r) => r[3]), ['H']);
});

test('OCR dirt in a value cell: a degree mark glued after the value ("29°"), a space after the point ("2. 7(calc)", "4. 7mmold"); a mark past the unit of a range-first row inside its range is no flag', () => {
  assert.deepEqual(pick(`Test                 Reference       Result        Flag      Units
CARBON DIOXIDE                             20-32                 29°                         mCa/l            ‘                CL`).map((r) => [r[0], r[1], r[2] && ucumFor(r[2]), r[3]]), [
    ['CARBON DIOXIDE', '29', 'meq/L', null],
  ]);
  assert.deepEqual(pick(`Test Name                    Result                   Reference Range            Flag
Chol HDLC Ratio           2. 7(calc)                      ess than 5.0
Potassium                    4. 7mmold                      i553`).map((r) => [r[0], r[1]]), [
    ['Chol HDLC Ratio', '2.7'],
    ['Potassium', '4.7'],
  ]);
});

test('a short name whose digit OCR read as its look-alike letter ("coz" beside mEq/L) is the test with the digit, when one test reported in the unit fits', () => {
  assert.deepEqual(rows('PLT          249 (140-400)    K/uL              coz           23 (20-32)     mEq/L').map((r) => r.loinc), ['777-3', '2028-9']);
});

test('name line over its value line through a faint scan: specks after the name and before the value', () => {
  assert.deepEqual(
    pick(`Result                Flag         Units                    Reference Interval
Red Blood Cell Count                                    .                                    .
‘               4.03                             Million/uL                 3.80-5.10
Non-HDL Cholesterol                                                    Co
63                              mg/dL                   <130`),
    [
      ['Red Blood Cell Count', '4.03', 'Million/uL', null, '3.80-5.10'],
      ['Non-HDL Cholesterol', '63', 'mg/dL', null, '<130'],
    ],
  );
});

test('value and typical range that both lost their points, value under its name', () => {
  assert.deepEqual(
    pick(`Result                Flag         Units                    Reference Interval
White Blood Cell Count
47                      Thousand/uL            38-108`),
    [['White Blood Cell Count', '4.7', 'Thousand/uL', null, '3.8-10.8']],
  );
});

test('a critical mark past the range beside a value inside it is dirt ("CL")', () => {
  assert.deepEqual(
    pick(`Result                Flag         Units                    Reference Interval
BUN/Creatinine Ratio                                     '
.     21                .    (calc)            6-22                CL`),
    [['BUN/Creatinine Ratio', '21', '(calc)', null, '6-22']],
  );
});

test('a degree mark glued to a value that opens its line under the name ("376°")', () => {
  assert.deepEqual(
    pick(`Result                Flag         Units                    Reference Interval
Hematocrit
376°           ‘       %                           350-450            ‘`),
    [['Hematocrit', '37.6', '%', null, '35.0-45.0']],
  );
});

test('a value whose point was lost beside a range garbled past reading lands in its typical interval ("38" x10E3/uL neutrophils)', () => {
  assert.deepEqual(
    pick(`Observation Value Units Range  AbnormalFlag Status
ABSOLUTE NEUTROPHILS                    38                x10E3/uL         1H78                                final`),
    [['ABSOLUTE NEUTROPHILS', '3.8', 'x10E3/uL', null, null]],
  );
});

test('a unit whose slash OCR read as a space, both halves garbled ("mg, di", "Gg dl", "x10L3 wl", "x10t 3 ut")', () => {
  assert.deepEqual(
    rows(`Observation Value Units Range  AbnormalFlag Status
CREATININE                              0.84              mg, di          0/0133                             final
MCHC                                           32.8                  Gg dl               320360                                    final
PLATELET COUNT                            274                x10L3 wl          140-400                                 final
ABSOLUTE BASOPHILS                       0.0                x10t 3 ut         0002                                  final`).map((r) => [r.name, r.value, r.ucum ?? null]),
    [
      ['CREATININE', '0.84', 'mg/dL'],
      ['MCHC', '32.8', 'g/dL'],
      ['PLATELET COUNT', '274', '10*3/uL'],
      ['ABSOLUTE BASOPHILS', '0.0', '10*3/uL'],
    ],
  );
});

test('a value beside a range read back from its run of digits lost its point with it ("23  %  0060" is 2.3)', () => {
  assert.deepEqual(
    pick(`Observation Value Units Range  AbnormalFlag Status
EOSINOPHILS                                      23                    %                   0060                                         final`),
    [['EOSINOPHILS', '2.3', '%', null, '0.0-6.0']],
  );
});

test('under headers printing the units column last, a word ending the row after its range is its garbled unit ("Qian", "gfal")', () => {
  assert.deepEqual(
    pick(`Analyte                 Result          Reference Range          Unite
HEMOGLOBIN                                             14.3                  13.2-17.1                     Qian
PROTEIN, TOTAL                                                            7.1                          6.1-8.1                                gfal`),
    [
      ['HEMOGLOBIN', '14.3', 'g/dL', null, '13.2-17.1'],
      ['PROTEIN, TOTAL', '7.1', 'g/dL', null, '6.1-8.1'],
    ],
  );
});

test('a value whose leading 4 OCR read as an "a" after a known test\'s name, its range cell after it ("a7", "a2.6")', () => {
  assert.deepEqual(
    pick(`Analyte                 Result          Reference Range          Units
POTASSIUM                                                              a7                        3.5-5.3                              mmol/l
HEMATOCRIT                                                               a2.6                        38.5-50.0                            %`),
    [
      ['POTASSIUM', '4.7', 'mmol/l', null, '3.5-5.3'],
      ['HEMATOCRIT', '42.6', '%', null, '38.5-50.0'],
    ],
  );
});

test('specks of a faint leader OCR read as short words between the name and its value are no part of the name ("Glucose  To  oo  85")', () => {
  assert.deepEqual(
    pick(`Analyte                 Result          Reference Range          Units
Glucose                   To                               oo               85                          65-99                            mg/dl`),
    [['Glucose', '85', 'mg/dl', null, '65-99']],
  );
});

test('no unit read at all between a value and its clean two-ended range: the one unit both are possible in ("HCT  40.9  (35.0-45.0)")', () => {
  assert.deepEqual(
    pick(`COMPLETE BLOOD COUNT W/ DIFF
WBC                  7.4   K/ul         (3.8-10.8)
HCT                 40.9            (35.0-45.0)`),
    [
      ['WBC', '7.4', 'K/ul', null, '3.8-10.8'],
      ['HCT', '40.9', '%', null, '35.0-45.0'],
    ],
  );
});

test('headers that print a flag column say the report flags: an unflagged whole value far above a decimal limit lost its point ("20  (calc)  <5.0")', () => {
  assert.deepEqual(
    pick(`Result                     Flag           Units                               Reference Interval
Chol/HDLC Ratio
20                                (calc)                     <5.0`),
    [['Chol/HDLC Ratio', '2.0', '(calc)', null, '<5.0']],
  );
});

test('a unit in brackets whose slash OCR read as a space keeps a bracket on a half ("mg dL)", "(mg dL"): the unit', () => {
  assert.deepEqual(
    rows(`Test                    Result          Units           Reference Range        Flag
Glucose                   90              mg dL)          65 99
Calcium                   9.0             (mg dL)         86103
Creatinine                0.72            (mg dL          0.50 105`).map((r) => [r.name, r.value, r.ucum ?? null]),
    [
      ['Glucose', '90', 'mg/dL'],
      ['Calcium', '9.0', 'mg/dL'],
      ['Creatinine', '0.72', 'mg/dL'],
    ],
  );
});

test('under headers printing the test number first, the row\'s first cell is that number whatever OCR read it as ("569432   ROW", "62 16hY   Creatinine")', () => {
  assert.deepEqual(
    pick(`Test No.          Test                          Result       Flag       Units          Reference Interval        Lab
569432       ROW                                  11.8                     %            11.0-15.0                 01
62 16hY     Creatinine                            0.71                     mg/dl        0.50-1.05                 01
112138     Chlonde                                104                      mmol/L       98-110                    01`),
    [
      ['ROW', '11.8', '%', null, '11.0-15.0'],
      ['Creatinine', '0.71', 'mg/dl', null, '0.50-1.05'],
      ['Chlonde', '104', 'mmol/L', null, '98-110'],
    ],
  );
  // Placed by their tests (RDW, chloride), the numbers no longer part of their names.
  assert.deepEqual(
    rows(`Test No.          Test                          Result       Flag       Units          Reference Interval        Lab
569432       ROW                                  11.8                     %            11.0-15.0                 01
112138     Chlonde                                104                      mmol/L       98-110                    01`).map((r) => r.loinc),
    ['788-0', '2075-0'],
  );
});

test('a range read as a run of digits before a lab code in the last column ("139  High  mg/dL  070133   01"): the run is the range', () => {
  assert.deepEqual(
    pick(`Test No.          Test                          Result       Flag       Units          Reference Interval        Lab
627665           Creatinine                       139          High       mg/dL          070133                    01`),
    [['Creatinine', '1.39', 'mg/dL', 'H', '0.70-1.33']],
  );
});

test('a % read as a star beside a range whose points were lost too ("55.7  *  400-750", "56  *  20120"): % for a test reported in % only', () => {
  assert.deepEqual(
    pick(`Test                      Result           Units          Reference Interval
Neutrophils                 55.7              *              400-750
Monocytes                   56                *              20120`),
    [
      ['Neutrophils', '55.7', '%', null, '40.0-75.0'],
      ['Monocytes', '5.6', '%', null, '2.0-12.0'],
    ],
  );
});

test('a consumer report\'s row whose unit under the value OCR lost, "Normal range: a - b" and a status agreeing with the value: the one unit both are possible in', () => {
  assert.deepEqual(
    pick(`CBC (includes Diff/Plt)
Hematocrit                                  37.3                                  Normal range: 35.0 - 45.0           In range
MCHC                                        34.9                       eg          Normal range: 32.0 - 36.0           In range
Eosinophils                                    19                          Engum—          Normal range: 0.0 - 6.0              In range
MCV                                        88.7                                    Normal range: 80.0 - 100.0         Below range`),
    [
      ['Hematocrit', '37.3', '%', null, '35.0-45.0'],
      ['MCHC', '34.9', 'g/dL', null, '32.0-36.0'],
      ['Eosinophils', '1.9', '%', null, '0.0-6.0'],
      // The status disagrees with the value: left as read.
      ['MCV', '88.7', null, 'L', '80.0-100.0'],
    ],
  );
});

test('a trend table whose date heads OCR garbled ("_zi-0ct-2z   15-3an-23") and printed apart from their columns: the rows read from their ends, the newest last', () => {
  assert.deepEqual(
    pick(`- TT TTT _zi-0ct-2z   15-3an-23    17-Feb-23
Test                    Units               Ref Range                  0754         0622         0934
wBC                K/uL            3.8 - 10.8             6.0       5.2       5.7
Hematocrit           %              35.0 - 45.0            44.3       41.3       43.6
MCV                 fL              80.0 - 100.0          H 101.5     H 112.3       93.7
RDW               %              11.0 - 15.0                              12.8`),
    [
      ['wBC', '5.7', 'K/uL', null, '3.8-10.8'],
      ['Hematocrit', '43.6', '%', null, '35.0-45.0'],
      ['MCV', '93.7', 'fL', null, '80.0-100.0'],
    ],
  );
});

test('a value whose point OCR read as a space ("14 8   [g/t]   117-155"), the range agreeing once its points are back; a garbled unit in brackets is a unit cell', () => {
  assert.deepEqual(
    pick(`Test                              Result          Units             Reference Range   Flag
Hemoglobin                        14 8           [g/t]             117-155
Hematocrit                        44 8          [%)               350-450`),
    [
      ['Hemoglobin', '14.8', 'g/dL', null, '11.7-15.5'],
      ['Hematocrit', '44.8', '%', null, '35.0-45.0'],
    ],
  );
  // A second number a column's gap away is no decimal.
  assert.deepEqual(
    rows(`Test                              Result          Units             Reference Range   Flag
Hematocrit                        44   8        %               35.0-45.0`).map((r) => r.value),
    ['44'],
  );
});

test('an arrow flag after the range OCR read as a letter, digit or sign ("(3.8-10.8)  +", "(3.5-5.3) t"): the side the value lies on, only outside the range', () => {
  assert.deepEqual(
    pick(`WBC                    13.0 10*3/uL (3.8-10.8)    +
RBC                   5.46 10*6/ul (3.80-5.10) 1
Potassium             5.6 mmol/L        (3.5-5.3) t
Sodium                139 mmol/L        (135-146) t`),
    [
      ['WBC', '13.0', '10*3/uL', 'H', '3.8-10.8'],
      ['RBC', '5.46', '10*6/ul', 'H', '3.80-5.10'],
      ['Potassium', '5.6', 'mmol/L', 'H', '3.5-5.3'],
      ['Sodium', '139', 'mmol/L', null, '135-146'],
    ],
  );
});

test('a garbled unit before a range that lost its dash and points stays in the row ("22  oo.  1937" is 2.2 g/dL beside 1.9-3.7, not 22 g/L)', () => {
  assert.deepEqual(
    pick(`Test                           Result              Flag          Units                    Reference Interval                  Lab
Globulin                         22                                oo.                     1937                                0
White Blood Cell Count           86                                x10E30L                 38108`),
    [
      ['Globulin', '2.2', 'g/dL', null, '1.9-3.7'],
      ['White Blood Cell Count', '8.6', '10*3/uL', null, '3.8-10.8'],
    ],
  );
});

test('on a page printing units, a row with no unit whose range was read back from a run of digits is as bare as one with no range: dropped', () => {
  assert.deepEqual(
    rows(`Test                           Result              Flag          Units                    Reference Interval
Glucose                          85                                mg/dL                    65-99
Sodium                           139                               mmol/L                   135-146
Potassium                        4.1                               mmol/L                   3.5-5.3
Hemoglobin                       150                                                        132171`).map((r) => r.name),
    ['Glucose', 'Sodium', 'Potassium'],
  );
});

test('a section heading ending in a colon, its collection time in brackets, names the urine panel of the cells under it (a qualitative result with a unit)', () => {
  const rows = parseLabRows(
    [
      'Comp. Metabolic Panel (06/27/22 0606):',
      '  Calcium 9.7 mg/dL                                Protein, Total 7.6 g/dL                    Albumin 4.2 g/dL',
      'Urinalysis, Routine (06/27/22 0606):',
      '  Ketones Negative                                  Occult Blood 1+ A                          Protein 30 mg/dL A',
    ].map((text, index) => ({ page: 1, index, text })),
  );
  assert.deepEqual(
    rows.map((r) => `${r.name} ${r.loinc} ${r.value} ${r.unit ?? ''} ${r.flag ?? ''}`.trim()),
    ['Calcium 17861-6 9.7 mg/dL', 'Protein, Total 2885-2 7.6 g/dL', 'Albumin 1751-7 4.2 g/dL', 'Ketones 2514-8 Negative', 'Occult Blood 5794-3 1+  A', 'Protein 20454-5 30 mg/dL A'],
  );
});

test('a range printed with "to" that OCR read as "10" is split back when the test\'s typical interval and the row\'s flag agree; a value glued to its garbled unit before it is read then (its last 1 read as i at the join put back)', () => {
  assert.deepEqual(
    pick(`Procedure                     Result                        Reference Interval              Interpretation
Neutrophils                   51.2%                         40.010 75.0
TSH                           6.72miU/L                     0.4010 4.50                     HIGH
Sodium                        139mmal                       13510 146
Sodium                        14immolid.                    13510 146
Potassium                     6.1mmal                       3.510 5.3`),
    [
      ['Neutrophils', '51.2', '%', null, '40.0-75.0'],
      ['TSH', '6.72', 'miU/L', 'H', '0.40-4.50'],
      ['Sodium', '139', 'mmol/L', null, '135-146'],
      ['Sodium', '141', 'mmol/L', null, '135-146'],
    ],
  );
});

/**
 * Raw HL7 v2 OBX segments printed on a faxed page (lab-hl7.ts): read with the HL7 v2 source's
 * parser, delimiters from a printed MSH line, through the same row repairs as other layouts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Observation } from '@medplum/fhirtypes';
import { structureTransmission } from './index.js';
import { loincCheckOk, parseLabHl7 } from './lab-hl7.js';

const PRINT = `Interface Results Inbox - Unmatched Result
Patient:   SAMPLE, JANE Q   DOB: 03/04/1950
Observation Date/Time: 2024-03-14 08:15
MSH|^~\\&|LIS|ABC|EHR|CLINIC|20240314120000||ORU^R01|123|P|2.5.1
PID|1||555^^^MRN||SAMPLE^JANE^Q||19500304|F
OBR|1|A1|B1|24323-8^Comprehensive Metabolic Panel^LN|||20240314081500
OBX|1|NM|2345-7^Glucose^LN||184|mg/dL|65-99|H|||F
OBX|2|NM|2951-2^Sodium^LN||139|mmol/L|135-146|N|||F
OBX|3|SN|2160-0^Creatinine^LN||<^0.30|mg/dL|0.50-1.05|L|||F
OBX|4|ST|5778-6^Color^LN||Straw||Yellow||||F
OBX|5|CWE|5802-4^Nitrite^LN||POS^Positive^L||Negative|A|||F
OBX|6|NM|9999-1^Made Up Analyte^LN||12|U/L|5-20||||F`;

test('OBX segments printed on a page are read as lab results: value types NM, SN, ST, CWE; units, range, flags; N is no flag', () => {
  const rows = parseLabHl7(PRINT.split('\n').map((text, index) => ({ page: 1, index, text })));
  const shown = rows.map((r) => [r.name, r.loinc ?? '', r.value, r.unit ?? '', r.range?.text ?? '', r.flag ?? ''].join(' | '));
  assert.deepEqual(shown, [
    'Glucose | 2345-7 | 184 | mg/dL | 65-99 | H',
    'Sodium | 2951-2 | 139 | mmol/L | 135-146 | ',
    'Creatinine | 2160-0 | <0.30 | mg/dL | 0.50-1.05 | L',
    'Color | 5778-6 | Straw |  | Yellow | ',
    'Nitrite | 5802-4 | Positive |  | Negative | A',
    // 9999-1 fails LOINC's check digit: no code taken from the print.
    `Made Up Analyte |  | 12 | U/L | 5-20 | `,
  ]);
  assert.ok(loincCheckOk('2345-7') && loincCheckOk('6690-2') && loincCheckOk('98979-8') && !loincCheckOk('2345-6'));
});

test('an OBX print through the whole structuring: a lab report whose observations come from the segments', () => {
  const r = structureTransmission([{ page: 1, text: PRINT, method: 'plain' }]);
  assert.equal(r.segments?.[0]?.type, 'lab_report');
  const obs = (r.resources ?? []).map((x) => x.resource).filter((x): x is Observation => x.resourceType === 'Observation');
  assert.ok(obs.some((o) => o.code?.coding?.some((c) => c.code === '2345-7') && o.valueQuantity?.value === 184 && o.interpretation?.[0]?.coding?.[0]?.code === 'H'));
  assert.equal(obs.length, 6);
});

test('delimiters declared by a printed MSH line are used; separators OCR misread in the fixed head of an OBX are mended', () => {
  const custom = ['MSH#^~\\&#LIS#ABC', 'OBX#1#NM#2345-7^Glucose^LN##184#mg/dL#65-99#H###F'].map((text, index) => ({ page: 1, index, text }));
  assert.deepEqual(parseLabHl7(custom).map((r) => [r.value, r.flag]), [['184', 'H']]);
  const ocr = ['0BXl12INM|2823-3^Potassium^LN||5.9|mmol/L|3.5-5.3|H|||F', 'OBX!3!ST|5778-6^Color^LN||Straw||Yellow||||F'].map((text, index) => ({ page: 1, index, text }));
  assert.deepEqual(parseLabHl7(ocr).map((r) => [r.name, r.value, r.flag ?? '']), [['Potassium', '5.9', 'H'], ['Color', 'Straw', '']]);
});

test('OBX lines OCR garbled past the grammar (separators as ] / ! or spaces, carets as quotes or stars) are read where OBX-3 anchors them; the code only with its check digit', () => {
  const ocr = [
    'oBX|1|NM  6650-2"White Blood Cell Count*LN||6.9/10*3/uL|3.8-10.8]|||F',
    '08%  27|NM  2823-3 Potassium LN!  4.3  mmol /L]3.5-5.3|]||F',
    'oBX|37|NM|1920-8~AsT LN!  44|U/L|10-40 H  |  F',
    'OBX|101ST|5802-4"Nitrite”LN  INegative  (Negative 1  )F',
    // No separator before the system: not read (the caret read as a letter of the name).
    'oBx|S|NM  787-2+mcvALN  93.3) f1]80.0-100.0      F',
  ].map((text, index) => ({ page: 1, index, text }));
  assert.deepEqual(
    parseLabHl7(ocr).map((r) => [r.loinc, r.value, r.unit ?? '', r.range?.text ?? '', r.flag ?? '']),
    [
      // 6650-2 fails the check digit: the name places the test.
      ['6690-2', '6.9', '10*3/uL', '3.8-10.8', ''],
      ['2823-3', '4.3', 'mmol/L', '3.5-5.3', ''],
      ['1920-8', '44', 'U/L', '10-40', 'H'],
      ['5802-4', 'Negative', '', 'Negative', ''],
    ],
  );
});

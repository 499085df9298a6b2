import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import type { OcrLine, OcrResult, OcrWord } from './ocr-pool.js';
import { OcrPool } from './ocr-pool.js';
import { acceptReread, decimalsOf, evidenceWord, followsResult, isLabRowLine, magnitudeGap, isNumberWord, paddedCrop, evidenceNear, replaceWordInLine, rereadNumbers, selectRereadWords } from './reread.js';
import { textPng } from './test-fixtures.js';

/** A line of words laid out left to right, 30 px high, as tesseract reports them. */
function line(text: string, confidences: number[] = []): OcrLine {
  const words: OcrWord[] = [];
  let x = 10;
  text.split(/\s+/).forEach((t, i) => {
    words.push({ text: t, box: [x, 100, x + t.length * 15, 130], confidence: confidences[i] ?? 90 });
    x += t.length * 15 + 20;
  });
  return { text, box: [10, 100, x, 130], confidence: 90, words };
}
const reading = (...lines: OcrLine[]): OcrResult => ({ text: lines.map((l) => l.text).join('\n'), confidence: 90, lines, words: lines.flatMap((l) => l.words) });

test('number-shaped words: values, ranges and OCR look-alikes, not dates, phones or words', () => {
  for (const t of ['7.3', '73', '(3.5-5.0)', '<0.5', '1O.2', '140', '[70-99]', '4,500']) assert.ok(isNumberWord(t), t);
  for (const t of ['01/02/2024', '10:45', 'mg/dL', 'Potassium', '555-0133', 'H', 'x10E3/uL']) assert.ok(!isNumberWord(t), t);
});

test('only numbers some rule could change, in rows that read like lab results, are re-read', () => {
  const res = reading(
    line('Potassium 41 3.5-5.1 mmol/L'),
    line('Collected: 05/14/2024 07:30 Glucose 99'),
    line('Page 1 of 2'),
    line('MCHC 33.1 32.0-36.0 g/dL H'),
    line('MPV 9.0 fL 7.5-125'),
    line('Glucose 99 mg/dL'),
    line('Chloride 10l 98-107'),
    line('HGB 12,4 (11.7-15.5) g/dL'),
    line('VITAMIN D 118L 30-100 ng/mL'),
    line('2024 annual report 3.5-5.0'),
  );
  const picked = selectRereadWords(res).map((c) => res.lines[c.line]!.words[c.word]!.text);
  // 41: a point is likely lost (its range prints decimals); 7.5-125: the range's ends disagree;
  // 10l: a look-alike letter; 12,4: a comma for a point; 118L: its flag contradicts its range.
  // Not: consistent values and ranges (33.1, 3.5-5.1), a result with no range (99), dates, a line starting with a number.
  assert.deepEqual(picked, ['41', '7.5-125', '10l', '12,4', '118L']);
  assert.ok(!isLabRowLine(line('Collected: 05/14/2024 07:30 glucose 99')));
});

test('over budget, the least confident numbers are re-read first, in page order', () => {
  const res = reading(line('WBC 77 3.8-10.8', [95, 90, 99]), line('RBC 425 3.80-5.10', [95, 50, 99]), line('HGB 125 11.7-15.5', [95, 70, 99]));
  const picked = selectRereadWords(res, 2).map((c) => res.lines[c.line]!.words[c.word]!.text);
  assert.deepEqual(picked, ['425', '125']);
});

test('decimals printed in a range are the evidence for a lost point', () => {
  assert.equal(decimalsOf('3.5-5.0'), 1);
  assert.equal(decimalsOf('70-99'), 0);
  assert.equal(decimalsOf('0.60-1.35'), 2);
  assert.equal(decimalsOf('abc'), undefined);
  // For a result, the range after it (a flag or unit may sit between); for a range, the result before it.
  assert.equal(evidenceNear(line('MCHC 331 (32.0-36.0) g/dL'), 1), '32.0-36.0');
  assert.equal(evidenceNear(line('HEMOGLOBIN A1c 73H <5.7 % of total'), 2), '<5.7');
  assert.equal(evidenceNear(line('EOSINOPHILS 37 0.0-6.0%'), 1), '0.0-6.0');
  assert.equal(evidenceNear(line('GLUCOSE 175 H 65-99 mg/dL'), 1), '65-99');
  assert.equal(evidenceNear(line('HGB 12,4 {11.7 15.9) g/dL'), 1), '11.7');
  assert.equal(evidenceNear(line('MPV 9.0 fL 7.5-125'), 3), '9.0');
  assert.equal(evidenceNear(line('Glucose 99 mg/dL'), 1), undefined);
});

test('a point found again is accepted when the range prints decimals, not otherwise', () => {
  assert.equal(acceptReread({ text: '37', confidence: 94 }, { text: '3.7', confidence: 96 }, { evidence: '<5.0' }), '3.7');
  // The flag glued to the value stays as the first reading printed it.
  assert.equal(acceptReread({ text: '73H', confidence: 94 }, { text: '7.3H', confidence: 90 }, { evidence: '<5.7' }), '7.3H');
  // The new value must not move away from the range in magnitude ("87" against 80.0-100.0 stays).
  assert.equal(acceptReread({ text: '87', confidence: 94 }, { text: '8.7', confidence: 90 }, { evidence: '80.0-100.0' }), null);
  // A range whose two ends print different decimals lost a point ("7.5-125").
  assert.equal(acceptReread({ text: '7.5-125', confidence: 82 }, { text: '7.5-12.5', confidence: 79 }), '7.5-12.5');
  assert.equal(acceptReread({ text: '(15-78)', confidence: 73 }, { text: '1.5-7.8', confidence: 92 }, { evidence: '5.2' }), '(1.5-7.8)');
  assert.equal(acceptReread({ text: '(15-78)', confidence: 73 }, { text: '1.5-7.8', confidence: 92 }, { evidence: '52' }), null);
  assert.equal(acceptReread({ text: '73', confidence: 91 }, { text: '7.3', confidence: 85 }, { evidence: '4.0-10.5' }), '7.3');
  // A range without decimals says results are whole numbers: the point is a speck.
  assert.equal(acceptReread({ text: '73', confidence: 91 }, { text: '7.3', confidence: 85 }, { evidence: '70-99' }), null);
  // No range on the row: no evidence, the first reading stays.
  assert.equal(acceptReread({ text: '73', confidence: 91 }, { text: '7.3', confidence: 85 }), null);
  // Unsure second readings are never used.
  assert.equal(acceptReread({ text: '73', confidence: 60 }, { text: '7.3', confidence: 40 }, { evidence: '4.0-10.5' }), null);
});

test('digits change only with evidence beyond confidence; punctuation and dashes are repaired', () => {
  assert.equal(acceptReread({ text: '1O.2', confidence: 50 }, { text: '10.2', confidence: 80 }), '10.2', 'look-alike letters become digits');
  assert.equal(acceptReread({ text: '12,4', confidence: 61 }, { text: '12.4', confidence: 82 }), '12.4', 'a comma read for a point');
  assert.equal(acceptReread({ text: '4,500', confidence: 61 }, { text: '4.500', confidence: 92 }), null, 'a thousands separator stays');
  assert.equal(acceptReread({ text: '(0.21.2)', confidence: 20 }, { text: '0.2-1.2', confidence: 75 }), '(0.2-1.2)', 'a dash read as a point');
  // A printed flag that contradicts the range for the first reading and agrees for the second.
  assert.equal(acceptReread({ text: '118L', confidence: 22 }, { text: '18L', confidence: 80 }, { evidence: '30-100' }), '18L');
  assert.equal(acceptReread({ text: '18L', confidence: 22 }, { text: '118L', confidence: 80 }, { evidence: '30-100' }), null);
  // A surer reading alone was wrong more often than right on the dev set.
  assert.equal(acceptReread({ text: '138', confidence: 62 }, { text: '136', confidence: 93 }), null);
  assert.equal(acceptReread({ text: '154', confidence: 70 }, { text: '15.1', confidence: 96 }, { evidence: '13.2-17.1' }), '15.1', 'a lost point and a digit');
  // A lost dash is found again only in a range column and when it makes a sound range.
  assert.equal(acceptReread({ text: '6599', confidence: 56 }, { text: '65-99', confidence: 96 }, { rangeColumn: true }), '65-99');
  assert.equal(acceptReread({ text: '6599', confidence: 56 }, { text: '65-99', confidence: 96 }), null);
  assert.equal(acceptReread({ text: '555.0167', confidence: 56 }, { text: '555-0167', confidence: 96 }, { rangeColumn: true }), null);
  assert.equal(acceptReread({ text: '3.5-5.3', confidence: 56 }, { text: '3553', confidence: 96 }), null, 'a dash is never dropped');
  assert.equal(acceptReread({ text: '3.55.3', confidence: 56 }, { text: '3553', confidence: 96 }), null, 'separators are never dropped');
  assert.equal(acceptReread({ text: '138', confidence: 40 }, { text: '1386', confidence: 96 }), null, 'another shape');
  assert.equal(acceptReread({ text: '(3.5-5.0)', confidence: 80 }, { text: '3.5-5.0', confidence: 95 }), null, 'brackets cut by the crop are not a change');
  assert.equal(acceptReread({ text: '(3.5-5.0)', confidence: 80 }, { text: '(3.5-5.6)', confidence: 95 }), null);
  assert.equal(acceptReread({ text: '7.3', confidence: 90 }, { text: 'abc', confidence: 99 }), null);
});

test('a range column follows a result; the evidence of a word is its neighbouring number', () => {
  const l = line('GLUCOSE 175 H 6599 mg/dL WBC 8.1 (3.8-10.8) 79');
  assert.equal(followsResult(l, 3), true);
  assert.equal(followsResult(l, 1), false);
  assert.equal(followsResult(l, 8), false, 'after a range comes the next result, not a range');
  assert.deepEqual(evidenceWord(l, 6), { index: 7, text: '3.8-10.8' });
  assert.deepEqual(evidenceWord(l, 7), { index: 6, text: '8.1' });
});

test('magnitude against a range or a limit; a broken range guides nothing', () => {
  assert.equal(magnitudeGap(4.2, '3.5-5.0'), 0);
  assert.ok(Math.abs(magnitudeGap(42, '3.5-5.0')! - Math.log10(42 / 5)) < 1e-9);
  assert.equal(magnitudeGap(7.3, '<5.7')! < magnitudeGap(73, '<5.7')!, true);
  assert.equal(magnitudeGap(43, '385-50.0'), undefined);
  assert.equal(magnitudeGap(43, '50.0'), undefined);
});

test('a crop is the word box padded by a share of its height, inside the image', () => {
  assert.deepEqual(paddedCrop([100, 200, 160, 220], 1000, 1000, 0.5), { left: 90, top: 190, width: 80, height: 40 });
  assert.deepEqual(paddedCrop([0, 0, 30, 20], 25, 15, 0.5), { left: 0, top: 0, width: 25, height: 15 });
});

test('a replaced word keeps the spacing of its line', () => {
  const l = line('Hemoglobin 135 13.2-17.1');
  l.text = 'Hemoglobin     135    13.2-17.1';
  assert.equal(replaceWordInLine(l, 1, '13.5'), 'Hemoglobin     13.5    13.2-17.1');
  assert.equal(replaceWordInLine(l, 5, 'x'), null);
});

const pool = new OcrPool({ size: 1 });
after(() => pool.terminate());

test('a lost decimal point is found again on the enlarged crop, box unchanged', async () => {
  const png = await textPng(['Potassium 4.1 mmol/L 3.5-5.1'], { width: 900, height: 140, fontSize: 18 });
  const first = await pool.recognize(png);
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const image = { data: new Uint8Array(data), width: info.width, height: info.height, xdpi: 200, ydpi: 200 };
  // The first reading as a fax at 200 dpi often gives it: the point dropped.
  const l = first.lines.find((x) => x.words.some((w) => w.text === '4.1'));
  assert.ok(l, `fixture reads: ${first.text}`);
  const wi = l.words.findIndex((w) => w.text === '4.1');
  l.words[wi] = { ...l.words[wi]!, text: '41' };
  l.text = l.text.replace('4.1', '41');
  const { result, info: ri } = await rereadNumbers(image, { ...first, words: first.lines.flatMap((x) => x.words) }, pool);
  const fixed = result.lines.find((x) => x.words.some((w) => w.box === l.words[wi]!.box))!;
  assert.equal(fixed.words[wi]!.text, '4.1');
  assert.match(fixed.text, /Potassium\s+4\.1\s+mmol\/L/);
  assert.equal(ri.replaced, 1);
  assert.equal(ri.reread, 1, 'the consistent range 3.5-5.1 is not re-read');
});

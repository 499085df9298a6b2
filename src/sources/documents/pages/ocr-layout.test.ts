import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layoutOcrLines } from './ocr-layout.js';
import type { OcrLine, OcrWord } from './ocr-pool.js';

/** A line as tesseract returns it: its text (own spacing, no indent) and word boxes at 10 px per character. */
function line(text: string, words: Array<[string, number]>, y: number): OcrLine {
  const ws: OcrWord[] = words.map(([t, x]) => ({ text: t, box: [x, y, x + t.length * 10, y + 20], confidence: 90 }));
  return { text, box: [ws[0]!.box[0], y, ws[ws.length - 1]!.box[2], y + 20], confidence: 90, words: ws };
}

test('a date head tesseract printed from its first word lands over its column, as the rows under it do', () => {
  const lines = [
    line('11-Jan-22   19-Nov-22', [['11-Jan-22', 400], ['19-Nov-22', 600]], 0),
    line('Glucose   mg/dL   171   174', [['Glucose', 100], ['mg/dL', 250], ['171', 400], ['174', 600]], 30),
    line('Sodium     mEq/L  145 138', [['Sodium', 100], ['mEq/L', 250], ['145', 400], ['138', 440]], 60),
  ];
  const [head, glucose, sodium] = layoutOcrLines(lines);
  // Each value starts in the column of the date over it (tesseract printed the head at column 0).
  assert.equal(head!.indexOf('19-Nov-22'), glucose!.indexOf('174'));
  assert.equal(head!.indexOf('11-Jan-22'), glucose!.indexOf('171'));
  assert.equal(glucose!.indexOf('Glucose'), 0);
  // One space stays one space (the same cell): "145 138" is not pulled apart.
  assert.match(sodium!, /145 138$/);
  // Wider gaps stay cell breaks of two spaces or more.
  assert.deepEqual(glucose!.trim().split(/\s{2,}/), ['Glucose', 'mg/dL', '171', '174']);
});

test('a speck read as a lone mark in the margin does not indent the page; a line its words do not spell is only indented', () => {
  const lines = [
    line('.', [['.', 0]], 0),
    line('Patient   Jane Doe', [['Patient', 100], ['Jane', 300], ['Doe', 350]], 30),
    line('Result: 5.0', [['Result:5.0', 200]], 60),
  ];
  const [speck, patient, result] = layoutOcrLines(lines);
  assert.equal(speck, '.');
  assert.ok(patient!.startsWith('Patient'));
  assert.equal(result, `          Result: 5.0`);
});

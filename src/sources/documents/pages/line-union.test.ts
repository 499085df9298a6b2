import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMissingLines } from './line-union.js';
import type { OcrLine, OcrResult } from './ocr-pool.js';

const line = (text: string, y: number, confidence = 85): OcrLine => {
  let x = 0;
  const words = text.split(' ').map((t) => {
    const w = { text: t, box: [x, y, x + t.length * 10, y + 20] as [number, number, number, number], confidence };
    x += t.length * 10 + 10;
    return w;
  });
  return { text, box: [0, y, x, y + 20], confidence, words };
};
const reading = (lines: OcrLine[], confidence: number): OcrResult => ({ text: lines.map((l) => l.text).join('\n'), confidence, lines, words: lines.flatMap((l) => l.words) });

test('rows a surer reading dropped are taken from the other reading, in their place on the page', () => {
  const chosen = reading([line('Granite Peak Community Health Clinic', 100), line('Referred to Brian Fakesman, MD', 400)], 85);
  const other = reading([line('Granite Peak Cornmunity Health Clinic', 102, 70), line('Patient Frank Pseudoby 04/02/1960 Sex: M', 200, 72), line('Referred to Brian Fakesman. MD', 398, 70)], 77);
  const { result, added } = addMissingLines(chosen, other);
  assert.equal(added, 1);
  assert.deepEqual(result.lines.map((l) => l.text), ['Granite Peak Community Health Clinic', 'Patient Frank Pseudoby 04/02/1960 Sex: M', 'Referred to Brian Fakesman, MD']);
  assert.equal(result.words.length, chosen.words.length + 6);
});

test('nothing is added from the other reading that is no text: one word, no word of three letters, or unsure', () => {
  const chosen = reading([line('Findings: normal chest', 100)], 88);
  const other = reading([line('Findings: normal chest', 100), line('ee', 200), line('1 2 3', 240), line('Patient Frank Doe', 300, 40)], 70);
  const { result, added } = addMissingLines(chosen, other);
  assert.equal(added, 0);
  assert.equal(result, chosen);
});

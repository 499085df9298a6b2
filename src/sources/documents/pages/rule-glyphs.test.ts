import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OcrLine, OcrResult, OcrWord } from './ocr-pool.js';
import { dropRuleGlyphs, isRuleGlyphWord, loneGlyph, medianWordHeight, stripBoxEdges } from './rule-glyphs.js';

/**
 * A line as tesseract reports it with preserve_interword_spaces: `text` keeps the blanks as
 * printed; each word is 20 px high unless given as `word@height`.
 */
function line(spaced: string): OcrLine {
  const words: OcrWord[] = [];
  let text = '';
  for (const m of spaced.matchAll(/(\s*)(\S+)/g)) {
    const [t, h] = m[2].split('@');
    text += m[1] + t;
    const x = text.length * 10;
    const height = h ? Number(h) : 20;
    words.push({ text: t, box: [x - t.length * 10, 100, x, 100 + height], confidence: 80 });
  }
  return { text, box: [0, 100, text.length * 10, 120], confidence: 80, words };
}
const reading = (...lines: OcrLine[]): OcrResult => ({ text: lines.map((l) => l.text).join('\n'), confidence: 80, lines, words: lines.flatMap((l) => l.words) });
const texts = (r: OcrResult) => r.lines.map((l) => l.text);

test('words made only of rule glyphs are rules; a hyphen, a comparison and real words are not', () => {
  for (const t of ['||', '——', '———————', '[]', '_', '_——', '~~', '=~', '--', '{', ']']) assert.ok(isRuleGlyphWord(t), t);
  for (const t of ['|', '—', '-', '=', 'I', '7.5-12.5', '(I10)', 'a', '555-0175', '>']) assert.ok(!isRuleGlyphWord(t), t);
});

test('a box edge glued to a word goes, a bracket with its partner stays', () => {
  assert.equal(stripBoxEdges('[Please'), 'Please');
  assert.equal(stripBoxEdges('|Take'), 'Take');
  assert.equal(stripBoxEdges('Urgent]'), 'Urgent');
  assert.equal(stripBoxEdges('Fax|'), 'Fax');
  assert.equal(stripBoxEdges('[sic]'), '[sic]');
  assert.equal(stripBoxEdges('(I10)'), '(I10)');
  assert.equal(stripBoxEdges('a[1]'), 'a[1]');
  assert.equal(stripBoxEdges('[70-99]'), '[70-99]');
});

test('a lone glyph: rule across the row, speck, line edge and column gap go; the pronoun I is restored; a separator stays', () => {
  assert.equal(loneGlyph('|', '1,000', 'Take', 1, 1, 1.7), '', 'taller than the words: a table rule');
  assert.equal(loneGlyph('|', 'Apt', 'Clinton', 1, 1, 0.1), '', 'a speck');
  assert.equal(loneGlyph('|', undefined, 'BP', 1, 1, 1), '', 'line start');
  assert.equal(loneGlyph('—', 'Date', 'Name', 6, 1, 1), '', 'beside a column gap');
  assert.equal(loneGlyph('|', 'whom', 'am', 1, 1, 1), 'I');
  assert.equal(loneGlyph('|', 'and', undefined, 1, 1, 1), 'I', 'the sentence goes on below');
  assert.equal(loneGlyph('|', '555-0175', 'Fax', 1, 1, 1.2), '|');
  assert.equal(loneGlyph('—', 'dizziness', 'none', 1, 1, 1), '—');
  assert.equal(loneGlyph('|', 'Name', 'DOB', 1, 1, NaN), '|', 'unknown height: place decides');
});

test('median height counts words with letters or digits only', () => {
  const l = line('Glucose 99@30 |@60 mg/dL@40');
  assert.equal(medianWordHeight(l.words), 30);
  assert.ok(Number.isNaN(medianWordHeight(line('|| —').words)));
});

test('a page reading loses its rules and box edges; columns stay apart, other words and lines untouched', () => {
  const res = reading(
    line('Medication   |@40   Instructions'),
    line('vitamin D3 1,000 |@36 Take 1 capsule'),
    line('——————'),
    line('[Please reply    [Urgent'),
    line('tablet |Take 2 tablets'),
    line('Thank you for seeing my patient whom | am'),
    line('Phone (615) 555-0175 | Fax (615) 555-0157'),
    line('EGFR      123      > OR = 60 mL/min'),
  );
  const { result, dropped } = dropRuleGlyphs(res);
  assert.deepEqual(texts(result), [
    'Medication       Instructions',
    'vitamin D3 1,000   Take 1 capsule',
    'Please reply     Urgent',
    'tablet  Take 2 tablets',
    'Thank you for seeing my patient whom I am',
    'Phone (615) 555-0175 | Fax (615) 555-0157',
    'EGFR      123      > OR = 60 mL/min',
  ]);
  assert.equal(dropped, 7);
  assert.deepEqual(result.words.map((w) => w.text).filter((t) => /^[|[\]—]/.test(t)), ['|']);
  assert.equal(result.text, texts(result).join('\n'));
  // Boxes are kept as read (they map back to the page like every other word).
  const please = result.words.find((w) => w.text === 'Please')!;
  assert.deepEqual(please.box, res.words.find((w) => w.text === '[Please')!.box);
});

test('a reading with nothing to drop is returned as is', () => {
  const res = reading(line('Potassium 4.1 3.5-5.1 mmol/L'));
  const { result, dropped } = dropRuleGlyphs(res);
  assert.equal(dropped, 0);
  assert.equal(result, res);
});

/**
 * Table rules and form boxes read as text. At fax resolution PSM 6 reads a ruled table's lines
 * and a checkbox's edges as `|`, `—`, `_`, `[`, `]`: glyphs that are not in the printed text
 * (session 6 measured ~330 of 4,718 sample edits from glyphs absent from every ground truth).
 * Erasing rules in the image was measured worse (README); this drops them from the reading
 * instead, keeping real dashes (`7.5-12.5`, `-`, `—` between words) and real brackets.
 */
import type { OcrLine, OcrResult, OcrWord } from './ocr-pool.js';

/** Glyphs a rule or a box edge is read as (never letters or digits). */
const RULE_ONLY = /^[|—–_~=[\]{}¦-]+$/;
/** One of these alone can be real text (`555-0175 | Fax`, `a — b`, `> OR = 50`, `-`); the rest alone never is. */
const MAYBE_TEXT = /^[|—–=-]$/;
/** A lowercase prose word (with trailing punctuation): the neighbours of the pronoun `I` read as `|`. */
const PROSE_WORD = /^[a-z]+[,.;:]?$/;

/** True for a word that is only rule glyphs (`||`, `——`, `[]`, `_-_`), which no record prints as a word. */
export function isRuleGlyphWord(text: string): boolean {
  return RULE_ONLY.test(text) && !MAYBE_TEXT.test(text);
}

/** A lone glyph this much taller than the line's words is a table rule crossing the row. */
export const RULE_MIN_HEIGHT_RATIO = 1.35;
/** A lone glyph under this share of the line's word height is a speck. */
export const SPECK_MAX_HEIGHT_RATIO = 0.5;

/**
 * What a lone `|`, `—` or `=` becomes, from its place in the line and its height against the
 * line's words (`heightRatio`, NaN when unknown): taller than the words (a rule crossing the
 * row), a speck, at either end of the line or beside a column gap (two or more blanks) it is
 * not text and goes (''); between two lowercase prose words a `|` is the pronoun `I` in a sans
 * font (`whom | am`, also at the end of a line); otherwise it stays (`555-0175 | Fax`, `> OR = 50`).
 */
export function loneGlyph(glyph: string, before: string | undefined, after: string | undefined, gapBefore: number, gapAfter: number, heightRatio: number): string {
  if (heightRatio >= RULE_MIN_HEIGHT_RATIO || heightRatio < SPECK_MAX_HEIGHT_RATIO) return '';
  // `… our practice and |` at the end of a line: the pronoun, the sentence goes on below.
  if (glyph === '|' && before !== undefined && PROSE_WORD.test(before) && gapBefore < 2 && (after === undefined || (PROSE_WORD.test(after) && gapAfter < 2))) return 'I';
  if (before === undefined || after === undefined || gapBefore >= 2 || gapAfter >= 2) return '';
  return glyph;
}

/** Median height of the line's words holding a letter or digit (NaN when none). */
export function medianWordHeight(words: OcrWord[]): number {
  const hs = words.filter((w) => /[\p{L}\p{N}]/u.test(w.text)).map((w) => w.box[3] - w.box[1]).sort((a, b) => a - b);
  return hs.length ? hs[Math.floor(hs.length / 2)] : NaN;
}

/**
 * A box edge glued to a word: `[Please`, `|Name`, `Urgent]`, `Fax|` → the word. A bracket
 * that has its partner in the word (`[sic]`, `(I10)`, `a[1]`) stays.
 */
export function stripBoxEdges(text: string): string {
  let t = text;
  const opens = (t.match(/\[/g) ?? []).length;
  const closes = (t.match(/]/g) ?? []).length;
  if (opens > closes) t = t.replace(/^[[|{]+(?=[\p{L}\p{N}])/u, '');
  else t = t.replace(/^[|]+(?=[\p{L}\p{N}])/u, '');
  if (closes > opens) t = t.replace(/(?<=[\p{L}\p{N}.,:;)])[\]|}]+$/u, '');
  else t = t.replace(/(?<=[\p{L}\p{N}.,:;)])[|]+$/u, '');
  return t;
}

/**
 * Removes rule-glyph words and box edges glued to words from a page reading: words, and each
 * line's text (other words keep their spacing, so column gaps stay as read). Lines left empty
 * are dropped.
 */
export function dropRuleGlyphs(res: OcrResult): { result: OcrResult; dropped: number } {
  let dropped = 0;
  const lines: OcrLine[] = [];
  for (const line of res.lines) {
    // Where each word sits in the line text, to see the blanks around it.
    const at: number[] = [];
    let from = 0;
    for (const w of line.words) {
      const i = line.text.indexOf(w.text, from);
      at.push(i);
      if (i >= 0) from = i + w.text.length;
    }
    const wordHeight = medianWordHeight(line.words);
    const clean = line.words.map((w, k) => {
      // A hyphen alone is an empty cell or a dash in prose; `=` alone a comparison (`> OR = 50`).
      if (w.text === '-' || w.text === '=') return w.text;
      if (isRuleGlyphWord(w.text)) return '';
      if (MAYBE_TEXT.test(w.text)) {
        const prev = line.words[k - 1];
        const next = line.words[k + 1];
        const gapBefore = prev && at[k] >= 0 && at[k - 1] >= 0 ? at[k] - (at[k - 1] + prev.text.length) : 1;
        const gapAfter = next && at[k] >= 0 && at[k + 1] >= 0 ? at[k + 1] - (at[k] + w.text.length) : 1;
        return loneGlyph(w.text, prev?.text, next?.text, gapBefore, gapAfter, (w.box[3] - w.box[1]) / wordHeight);
      }
      return stripBoxEdges(w.text);
    });
    const kept: OcrWord[] = [];
    let text = '';
    from = 0;
    line.words.forEach((w, k) => {
      const c = clean[k];
      if (c !== w.text) dropped++;
      if (c) kept.push(c === w.text ? w : { ...w, text: c });
      if (at[k] < 0) return; // not found in the line text as given: that text stays as read
      // Dropped glyphs leave blanks where they were: the cells a table rule or a box edge
      // separated stay apart (two blanks or more: a column gap, as structuring reads lines).
      const lead = c ? Math.max(0, w.text.indexOf(c)) : 0;
      text += line.text.slice(from, at[k]) + ' '.repeat(lead) + c.padEnd(w.text.length - lead, ' ');
      from = at[k] + w.text.length;
    });
    text += line.text.slice(from);
    if (!kept.length) continue;
    lines.push({ ...line, text: text.trim(), words: kept });
  }
  if (!dropped) return { result: res, dropped };
  const words = lines.flatMap((l) => l.words);
  return { result: { ...res, words, lines, text: lines.map((l) => l.text).join('\n') }, dropped };
}

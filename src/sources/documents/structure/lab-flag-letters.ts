/**
 * Flags OCR read as letters on a lab line, put back before the line is tokenized. Pure. Session 24 (OCR slips: h-3106,
 * f-3304).
 *
 * - A flag word in brackets whose opening bracket OCR read as a letter ("1.22 mg/dL. Chigh)", "181 mg/dL thigh)" for
 *   `(High)`): a word that ends in a closing bracket, opens with one stray character and is High or Low inside is that
 *   flag in brackets. Only after a number on the line: "(left thigh)" in a sentence stays.
 * - A triangle or arrow flag ▲ / ▼ read as a letter ("5.13 a", "19v", "19 v": OCR has no glyph for the triangles and
 *   takes the nearest letter, a for the point up, v for the point down): an up or down arrow, only when the value
 *   before it lies on that side of the one range the line prints. A letter the range does not bear out stays what it was.
 */
import { CMP_RANGE, RANGE } from './lab-tokens.js';

/** "(High)" / "(Low)" for a bracketed flag word whose opening bracket was read as a letter or mark. */
export function bracketFlagSlips(line: string): string {
  return line.replace(/(?<=\d\S*\s+(?:\S+\s+)?)([tTcClI1|{[(]?)(high|low)[)\]}](?=\s|$)/gi, (m, lead: string, word: string) => {
    const flag = /^h/i.test(word) ? '(High)' : '(Low)';
    // "(High)" as printed stays; the padding keeps the columns after it where they were.
    return lead === '(' ? m : flag.padEnd(m.length, ' ');
  });
}

/** The one range a line prints, as the values it bounds (`lo` / `hi` may be open), else undefined. */
function lineRange(line: string): { lo?: number; hi?: number } | undefined {
  const found: Array<{ lo?: number; hi?: number }> = [];
  for (const t of line.split(/\s+/)) {
    const r = RANGE.exec(t);
    if (r) {
      found.push({ lo: Number(r[1]), hi: Number(r[2]) });
      continue;
    }
    const c = CMP_RANGE.exec(t);
    if (c) found.push(/[<≤]/.test(c[1]!) ? { hi: Number(c[2]) } : { lo: Number(c[2]) });
  }
  const keys = new Set(found.map((f) => `${f.lo}|${f.hi}`));
  return keys.size === 1 ? found[0] : undefined;
}

/** ↑ / ↓ for a lone `a` / `v` `V` after a value (glued or one space apart) that the line's range puts on that side. */
export function arrowLetters(line: string): string {
  if (!/\d\s?[avV](?=\s|$)/.test(line)) return line;
  const range = lineRange(line);
  if (!range) return line;
  return line.replace(/(?<=(?:^|\s)(\d+(?:\.\d+)?))(\s?)([avV])(?=\s|$)/g, (m, value: string, sp: string, letter: string) => {
    const x = Number(value);
    const up = letter === 'a';
    const side = up ? range.hi !== undefined && x > range.hi : range.lo !== undefined && x < range.lo;
    // Glued, the arrow takes a cell of its own; one space apart it keeps its place.
    return side ? `${sp || ' '}${up ? '↑' : '↓'}` : m;
  });
}

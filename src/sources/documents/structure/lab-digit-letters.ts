/**
 * A value's digit OCR read as a letter, told by the row's other cells. Pure. Session 25 (OCR slips: a-4452, m-2509).
 *
 * - A leading 4 read as `a` ("BUN   a2   High mg/dL   7-25", "ALT   a1   U/L   9-46"): fax-resolution 4s close their
 *   top and read as the letter. Before a range cell the `a` was already the 4 (lab-line-drafts.ts); with a unit or a
 *   flag between value and range it is the 4 only when the range then holds the value, or a flag of the row puts it on
 *   that side of the range (no further than twice the bound). A test's name never holds `a` and digits after its gap.
 * - A trailing 5 read as `s` / `S` ("Glucose   8s   65-99   mg/dL"): the same, with the range straight after it too;
 *   no value or unit is digits and one s. Session 25 (c-3604).
 */
import type { Tok } from './lab-row.js';
import { CMP_RANGE, flagCode, isFlag, RANGE } from './lab-tokens.js';
import { isUnitToken } from './lab-units.js';

const A_FOUR = /^a(\d{1,2}(?:\.\d{1,2})?)$/;
const S_FIVE = /^(\d{1,2})[sS]$/;

/**
 * The value an `a`-led cell ("a2" → "42") or an `s`-ended one ("8s" → "85") stands for when the row's unit / flag and
 * range cells bear it out.
 */
export function digitReadAsLetter(toks: Tok[], i: number): string | undefined {
  const tk = toks[i]!;
  const a = A_FOUR.exec(tk.t);
  const sv = a ? null : S_FIVE.exec(tk.t);
  const prev = toks[i - 1];
  if ((!a && !sv) || !prev || tk.start - (prev.start + prev.t.length) < 2) return undefined;
  const read = a ? `4${a[1]}` : `${sv![1]}5`;
  const value = Number(read);
  let side: 'H' | 'L' | undefined;
  // At most a flag and a unit between the value and its range.
  for (let j = i + 1; j < Math.min(toks.length, i + 4); j++) {
    const t = toks[j]!.t;
    if (isFlag(t) || /^(?:high|low)$/i.test(t)) {
      const code = flagCode(t, undefined);
      side = code === 'H' || code === 'HH' ? 'H' : code === 'L' || code === 'LL' ? 'L' : side;
      continue;
    }
    if (isUnitToken(t)) continue;
    const r = RANGE.exec(t);
    const c = r ? null : CMP_RANGE.exec(t);
    if (!r && !c) return undefined;
    const lo = r ? Number(r[1]) : c && /[>≥]/.test(c[1]!) ? Number(c[2]) : undefined;
    const hi = r ? Number(r[2]) : c && /[<≤]/.test(c[1]!) ? Number(c[2]) : undefined;
    const inside = (lo === undefined || value >= lo) && (hi === undefined || value <= hi);
    const above = hi !== undefined && value > hi && value <= hi * 2;
    const below = lo !== undefined && value < lo && value >= lo / 2;
    return (side === undefined ? inside : side === 'H' ? above : below) ? read : undefined;
  }
  return undefined;
}

/**
 * A value's decimal point read as a space ("Calcium   9 1 mg/dL", "TSH   2 79 miu/L"): the value had been the whole
 * part alone, its decimals taken for dirt. Pure. Session 23 (h-3104 OCR: a dot-matrix print whose points OCR lost).
 */
import type { Draft } from './lab-row.js';
import { cleanNameTokens, flagCode, RANGE } from './lab-tokens.js';
import { lookupTest } from './lab-test-names.js';
import { possibleIn } from './lab-test-priors.js';
import { ucumFor } from './lab-units.js';

/**
 * The row's range speaks for a point: it prints the joined number's decimals and holds it, or it lost its own points
 * ("86-103" for 8.6-10.3) and holds it a tenth as large. A range the whole value fits as printed ("65-99"), a one-ended
 * one or none says nothing, and nothing is joined: a single-spaced trend row prints the previous result after the
 * current one ("Glucose 77 78 mg/dL 65-99").
 */
function rangeSaysPoint(range: string | undefined, joined: string, flag?: 'H' | 'L'): boolean {
  const r = range ? RANGE.exec(range.replace(/^[([]|[)\]]$/g, '')) : null;
  if (!r) return false;
  const [lo, hi, n] = [Number(r[1]), Number(r[2]), Number(joined)];
  const decimals = (t: string) => /\.(\d+)$/.exec(t)?.[1]!.length ?? 0;
  if (decimals(r[1]!) > 0 || decimals(r[2]!) > 0) return decimals(joined) === Math.max(decimals(r[1]!), decimals(r[2]!)) && holds(lo, hi, n, flag);
  return holds(lo / 10, hi / 10, n, flag);
}

/**
 * The value lies inside the range, or outside it on the side its printed flag names and no further than twice the
 * bound ("MCH   34 2 pg (high)   270-330": 34.2 above 33.0; "Free T4   0 64 ng/dL (low)   0.82-1.77"). Session 25.
 */
function holds(lo: number, hi: number, n: number, flag?: 'H' | 'L'): boolean {
  if (n >= lo && n <= hi) return true;
  if (flag === 'H') return n > hi && n <= hi * 2;
  if (flag === 'L') return n < lo && n >= lo / 2;
  return false;
}

/**
 * A whole value of one to three digits, then one space and one or two digits, then the row's unit: one number with
 * its point lost, when the row names a test and the joined number is possible for it in that unit.
 */
export function pointReadAsSpace(d: Draft, urine: boolean): void {
  const v = d.valueTok;
  const next = d.extra[0];
  const unit = d.extra[1];
  if (!v || !next || !unit || d.unit === undefined || unit.t !== d.unit || !/^\d{1,3}$/.test(v.t) || d.value !== v.t) return;
  if (!/^\d{1,2}$/.test(next.t) || next.start !== v.start + v.t.length + 1 || unit.start > next.start + next.t.length + 2) return;
  const syn = lookupTest(cleanNameTokens(d.name).join(' '), urine);
  const ucum = ucumFor(d.unit);
  const joined = `${v.t}.${next.t}`;
  if (!syn || !ucum || !possibleIn(syn.loinc, ucum, [Number(joined)]) || !rangeSaysPoint(d.range, joined, printedSide(d.flag))) return;
  d.value = joined;
  d.valueTok = { t: joined, start: v.start };
  d.extra = d.extra.slice(1);
}

/** The side of the range a printed flag names ("(high)", "H", "↓"), else undefined. */
function printedSide(flag: string | undefined): 'H' | 'L' | undefined {
  const code = flag ? flagCode(flag, undefined) : undefined;
  return code === 'H' || code === 'HH' ? 'H' : code === 'L' || code === 'LL' ? 'L' : undefined;
}

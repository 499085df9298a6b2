/**
 * Reports that print no flag at all (abnormal results shown only by type: bold or red on screen,
 * bold after faxing, "Abnormal values are highlighted.") but print each result's reference range:
 * the interpretation is read from the value against its printed range, as the report's reader
 * does. Reports that print a flag anywhere (on any row, or a flag column in their headers) keep
 * their printed flags only: there an unflagged result is one the lab called normal. Pure.
 */
import type { LabRow } from './lab-row.js';
import { possibleBounds, typicalInterval } from './lab-test-priors.js';
import type { Line } from './lines.js';

/**
 * A printed range end near the test's typical one (within half of it, or of a quarter of the
 * typical upper end when that end is 0) and possible for the test: a range OCR garbled (`665-99` for
 * 65-99, `>560` beside an eGFR) gives no flag. Tests without priors pass.
 */
function plausibleEnd(row: LabRow, x: number, end: 0 | 1): boolean {
  // An end no value of the test can reach (in its unit) is a misreading.
  const b = row.loinc ? possibleBounds(row.loinc, row.ucum) : undefined;
  if (b && (x < b[0] || x > b[1])) return false;
  const t = typicalInterval(row.loinc, row.ucum);
  if (!t) return true;
  return Math.abs(x - t[end]) <= 0.5 * Math.max(Math.abs(t[end]), 0.25 * t[1]);
}

/** A header naming a flag / abnormal / status column, or status columns (`LOW  NORMAL  HIGH`). */
const FLAG_HEADER = /\b(?:flags?|abn(?:ormal)?\s+flags?|h\/l|interpretation)\b/i;
const NEGATIVE_ANSWER = /^(?:negative|neg|non-?reactive|not detected|none detected|none seen|absent)$/i;
const STATUS_COLUMNS = /\blow\b.*\bnormal\b.*\bhigh\b|\bnormal\b.*\babnormal\b/i;

/** The printed interpretation of a value against its printed range, as the lab derives it; undefined when inside or unclear. */
export function flagFromRange(row: LabRow): 'H' | 'L' | 'A' | undefined {
  const r = row.range;
  if (!r) return undefined;
  const text = r.text.trim();
  if (row.numeric === undefined) {
    // A word result against a negative answer ("Positive" beside "Negative"): abnormal when it differs.
    // Only those answers: a word cell may be a label misread as the range ("Normal range:").
    if (!NEGATIVE_ANSWER.test(text) || !/^[A-Za-z][A-Za-z -]*$/.test(row.value.trim())) return undefined;
    return row.value.trim().toLowerCase() === text.toLowerCase() ? undefined : 'A';
  }
  if (row.comparator) return undefined;
  const v = row.numeric;
  if (r.low !== undefined && r.high !== undefined) {
    if (!(r.low < r.high) || !plausibleEnd(row, r.low, 0) || !plausibleEnd(row, r.high, 1)) return undefined;
    return v < r.low ? 'L' : v > r.high ? 'H' : undefined;
  }
  const one = /^(<=|≤|<\s*or\s*=|<|>=|≥|>\s*or\s*=|>)\s*(-?\d+(?:\.\d+)?)$/i.exec(text);
  if (!one) return undefined;
  const op = one[1]!.replace(/\s*or\s*/i, '').replace('≤', '<=').replace('≥', '>=');
  const x = Number(one[2]);
  if (!plausibleEnd(row, x, op.startsWith('<') ? 1 : 0)) return undefined;
  if (op === '<') return v >= x ? 'H' : undefined;
  if (op === '<=') return v > x ? 'H' : undefined;
  if (op === '>') return v <= x ? 'L' : undefined;
  return v < x ? 'L' : undefined;
}

/**
 * Flags from the printed ranges, for a report (its lines and rows) that prints no flag: no row
 * flagged, no flag or status column in its headers, and two or more rows with a printed range.
 * In a report that does print flags, rows whose value lost digits to OCR (`digitsLost`) are
 * dropped instead: there a value far below its range with no flag is not what the lab printed.
 */
export function flagsFromRanges<T extends LabRow>(rows: T[], lines: Line[]): T[] {
  const headers = lines.some((l) => {
    const t = l.text.trim();
    return t.split(/\s+/).length <= 10 && (FLAG_HEADER.test(t) || STATUS_COLUMNS.test(t));
  });
  if (headers || rows.some((r) => r.flag || r.flagPrinted)) return rows.filter((r) => !digitsLost(r));
  if (rows.filter((r) => r.range).length < 2) return rows;
  for (const row of rows) {
    const f = flagFromRange(row);
    if (f) row.flag = f;
  }
  return rows;
}

/**
 * A value below half the low end of its printed range that prints no flag: OCR lost digits of it ("2" for 82 beside
 * 65-99, "48" for 14.8 read as 4.8 beside 13.2-17.1, "2" for 29 beside 10-40); a lab that prints flags flags a value
 * so far out, so the value as read is no result. A report printing no flags at all keeps such a value (a vitamin D of 8
 * beside 30-100 is real) and gets its flag from the range. Only plausible ranges count (`flagFromRange`). Session 22 (o-2304, n-2405, m-2505 OCR:
 * 14 such rows, none the printed value).
 */
function digitsLost(row: LabRow): boolean {
  // A value below zero (an anion gap of -1) is printed so, not cut.
  if (row.flag || row.flagPrinted || row.numeric === undefined || row.numeric <= 0 || row.comparator || !row.range) return false;
  const low = row.range.low ?? /^(?:>=|≥|>)\s*(-?\d+(?:\.\d+)?)$/.exec(row.range.text.trim())?.[1];
  return flagFromRange(row) === 'L' && low !== undefined && row.numeric < Number(low) / 2;
}


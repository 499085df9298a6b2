/**
 * OCR slips in a row's numbers, put right with the test's priors and the row's own range and
 * flag: lost decimal points (value, range, both), ranges read as a run of digits or with a
 * space for a dash, 0 read as 6 or 8, a speck or a flag read as a digit.
 */
import type { Draft, LabRow } from './lab-row.js';
import { flagCode, PREVIOUS_DATE, STAR } from './lab-tokens.js';
import { nearTypical, possibleBounds, possibleIn, TEST_BOUNDS, typicalInterval } from './lab-test-priors.js';

/**
 * A whole number whose decimal point OCR lost ("154" g/dL hemoglobin): impossible as read for
 * the test in its unit (or its only unit); the point goes where the fewest digits follow it and
 * the value becomes possible. Returns the value with the point put back, else undefined.
 */
export function restorePoint(value: string, loinc: string | undefined, ucum: string | undefined): string | undefined {
  if (!loinc || !/^[1-9]\d{1,3}$/.test(value)) return undefined;
  const bounds = possibleBounds(loinc, ucum);
  if (!bounds) return undefined;
  const [lo, hi] = bounds;
  const n = Number(value);
  if (n >= lo && n <= hi) return undefined;
  // One lost point: the fewest digits after it that give a possible value ("230" % -> 23.0, "524" RBC -> 5.24).
  for (let k = 1; k < value.length; k++) {
    const v = `${value.slice(0, value.length - k)}.${value.slice(value.length - k)}`;
    if (Number(v) >= lo && Number(v) <= hi) return v;
  }
  return undefined;
}

/**
 * A reference range printed as a run of digits, its dash and points lost to OCR ("38108", "6599",
 * "0020"): the split into two ends with the same decimals, low below high, closest to the test's
 * typical interval (both ends within about a factor of two, and clearly closer than any other
 * split), else undefined. "38108" beside WBC is 3.8-10.8, not 38-108.
 */
export function splitDigitRange(printed: string, loinc: string | undefined, ucum: string | undefined): string | undefined {
  const typical = typicalInterval(loinc, ucum);
  // One point kept ("3.8108", "193.7", "20.0450"): the split must put a point of one end there.
  const dotted = /^(\d+)\.(\d+)$/.exec(printed);
  const digits = dotted ? dotted[1]! + dotted[2]! : printed;
  const pointAt = dotted ? dotted[1]!.length : undefined;
  if (!typical || !/^\d{4,6}$/.test(digits)) return undefined;
  const [tlo, thi] = typical;
  const eps = thi * 0.05;
  const end = (t: string, k: number) => (t.length <= k || (k === 0 && t.length > 1 && t[0] === '0') ? undefined : k ? `${t.slice(0, t.length - k)}.${t.slice(t.length - k)}` : t);
  const scored: Array<{ text: string; d: number }> = [];
  for (let cut = 1; cut < digits.length; cut++) {
    for (const k of [0, 1, 2, 3]) {
      const lo = end(digits.slice(0, cut), k);
      const hi = end(digits.slice(cut), k);
      if (!lo || !hi || Number(lo) >= Number(hi)) continue;
      if (pointAt !== undefined && !(k && (pointAt === cut - k || pointAt === digits.length - k))) continue;
      const d = Math.abs(Math.log((Number(lo) + eps) / (tlo + eps))) + Math.abs(Math.log((Number(hi) + eps) / (thi + eps)));
      scored.push({ text: `${lo}-${hi}`, d });
    }
  }
  // Or the point is the dash OCR read as one ("10.40" for 10-40, "36.130"): two whole ends.
  if (dotted && Number(dotted[1]) < Number(dotted[2]) && !/^0\d/.test(dotted[2]!)) {
    const [lo, hi] = [Number(dotted[1]), Number(dotted[2])];
    scored.push({ text: `${dotted[1]}-${dotted[2]}`, d: Math.abs(Math.log((lo + eps) / (tlo + eps))) + Math.abs(Math.log((hi + eps) / (thi + eps))) });
  }
  scored.sort((a, b) => a.d - b.d);
  const [best, next] = scored;
  return best && best.d <= 0.7 && (!next || next.d >= best.d + 0.3) ? best.text : undefined;
}

/**
 * A thin typeface's 0 read as 6 or 8 at the front of a range's low end ("(6.2-1.2)" beside total
 * bilirubin): a low end above the high end is no range; with that digit a 0 the range reads, when
 * it is then the test's typical interval. The value before it, starting with the same digit and
 * far above the range, had the same slip ("8.6" is 0.6) when a 0 puts it near the range.
 */
export function restoreZerosReadAsSixOrEight(row: LabRow): void {
  const r = row.range;
  const m = r && /^([68])(\.\d+)-(\d+(?:\.\d+)?)$/.exec(r.text);
  const typical = typicalInterval(row.loinc, row.ucum);
  if (!r || !m || !typical || Number(`${m[1]}${m[2]}`) <= Number(m[3])) return;
  const [lo, hi] = [Number(`0${m[2]}`), Number(m[3])];
  if (!(nearTypical(lo, typical[0]) && nearTypical(hi, typical[1]))) return;
  r.text = `0${m[2]}-${m[3]}`;
  r.low = lo;
  r.high = hi;
  const v = /^([68])(\.\d+)$/.exec(row.value);
  if (v && row.numeric !== undefined && row.numeric > hi * 4) {
    const fixed = Number(`0${v[2]}`);
    if (fixed >= lo / 3 && fixed <= hi * 3) {
      row.value = `0${v[2]}`;
      row.numeric = fixed;
    }
  }
}

/**
 * A value's leading 0 read as 6, 8 or 9 beside a range read right ("9.75" beside 0.50-1.05): a
 * value over four times its range's high end that the lab printed without a flag is no result it
 * reported; with a 0 it lands near the range (a third of its low end to three times its high end).
 */
export function restoreValueZero(row: LabRow, flag: string | undefined): void {
  const r = row.range;
  const v = /^([689])(\.\d+)$/.exec(row.value);
  if (flag || !v || !r || r.low === undefined || r.high === undefined || r.low >= 1 || row.numeric === undefined || row.numeric <= r.high * 4) return;
  const fixed = Number(`0${v[2]}`);
  if (fixed < r.low / 3 || fixed > r.high * 3) return;
  row.value = `0${v[2]}`;
  row.numeric = fixed;
}

/**
 * A range whose decimal points OCR lost, every end still a value the test can have ("38-108"
 * beside WBC, "420-580" beside RBC): when the ends as read are five times or more above the
 * test's typical reference interval and, with one or two decimals put back, both land on it
 * (within 15%), the points are put back; the value's own lost point is then found beside it.
 */
export function restoreTypicalRangePoints(row: LabRow, printedFlag: string | undefined): void {
  const r = row.range;
  const m = r && /^(\d+)-(\d+)$/.exec(r.text);
  const typical = typicalInterval(row.loinc, row.ucum);
  if (!r || !m || !typical) return;
  const [tlo, thi] = typical;
  if (Number(m[2]) < thi * 5) return;
  for (const k of [1, 2]) {
    if ([m[1]!, m[2]!].some((e) => Number(e) !== 0 && e.length <= k)) continue;
    const [lo, hi] = [Number(m[1]) / 10 ** k, Number(m[2]) / 10 ** k];
    if (nearTypical(lo, tlo) && nearTypical(hi, thi)) {
      row.range = { text: `${lo.toFixed(k)}-${hi.toFixed(k)}`, low: lo, high: hi };
      // The value on the row lost its point with the range ("47  Thousand/uL  38-108" is 4.7 beside
      // 3.8-10.8): a whole number twice or more above the range read back, inside it (or on the side a
      // printed flag says) with the same decimals put back, as restoreRangePoints does. t-8797 (Session 16).
      restoreValuePoint(row, printedFlag, lo, hi, k);
      return;
    }
  }
}

/**
 * A whole-number value whose point OCR lost on a row whose range was lost or garbled past reading, its unit read
 * ("ABSOLUTE NEUTROPHILS  38  x10t3 ut  1H78" is 3.8): with no flag printed, a value twice or more above the test's
 * typical interval that lands inside it with one decimal put back lost that point (an unflagged result is a usual
 * one; a value that far out goes with a flag). Only where a range cell was printed (`rangeCell`: digits past the value
that read as no range): a row printing no range at all ("MONOCYTES  85  %") says nothing of its value.
 */
export function restoreTypicalValuePoint(row: LabRow, printedFlag: string | undefined, rangeCell: boolean): void {
  const typical = typicalInterval(row.loinc, row.ucum);
  if (!rangeCell || row.range || !row.ucum || !typical || printedFlag || !/^\d{2,3}$/.test(row.value)) return;
  restoreValuePoint(row, undefined, typical[0], typical[1], 1);
}

/**
 * A whole-number value on a row whose range lost `k` decimals with it: when it lies twice or more
 * above the range read back and, with the same decimals put back, inside it (or on the side a
 * printed flag says), it lost them too.
 */
export function restoreValuePoint(row: LabRow, printedFlag: string | undefined, low: number, high: number, k: number): void {
  if (row.numeric === undefined || !/^\d{2,4}$/.test(row.value) || row.numeric <= high * 2) return;
  const fixed = row.numeric / 10 ** k;
  const flag = printedFlag && !STAR.test(printedFlag) ? flagCode(printedFlag, undefined) : undefined;
  const agrees = flag === 'H' || flag === 'HH' ? fixed > high : flag === 'L' || flag === 'LL' ? fixed < low : fixed >= low && fixed <= high;
  if (agrees) {
    row.numeric = fixed;
    row.value = fixed.toFixed(k);
  }
}

/**
 * A range whose dash OCR read as a space ("Sodium 139 135 146 mmol/L"): two numbers, the first the
 * lower, that are the test's typical interval give or take a quarter of its width at each end (a
 * previous result beside the value, "134 136", is not); else undefined.
 */
export function spacedRange(a: string, b: string, loinc: string, ucum: string | undefined): string | undefined {
  const typical = typicalInterval(loinc, ucum);
  if (!typical || !/^\d+(?:\.\d+)?$/.test(a) || !/^\d+(?:\.\d+)?$/.test(b)) return undefined;
  const [tlo, thi] = typical;
  const slack = (thi - tlo) / 4;
  return Number(a) < Number(b) && Math.abs(Number(a) - tlo) <= slack && Math.abs(Number(b) - thi) <= slack ? `${a}-${b}` : undefined;
}

/**
 * A range's low end whose point OCR lost after its leading 0, the high end printing its decimals ("070-1.33" beside
 * creatinine is 0.70-1.33): no number is printed with a leading 0 before more digits. The low end gets the point back
 * when it is then below the high end; a whole-number value on the row that lost its point with it (twice or more above
 * the range, inside it, or on its flag's side, with the high end's decimals put back) gets it back too ("119" is 1.19,
 * not 11.9). Session 22 (o-2304, OCR: a phone photo).
 */
export function restoreZeroLedLow(row: LabRow, printedFlag: string | undefined): void {
  const r = row.range;
  const m = r && /^0(\d+)-(\d+)\.(\d+)$/.exec(r.text);
  if (!r || !m) return;
  const low = Number(`0.${m[1]}`);
  const high = Number(`${m[2]}.${m[3]}`);
  if (!(low < high)) return;
  r.text = `0.${m[1]}-${m[2]}.${m[3]}`;
  r.low = low;
  r.high = high;
  restoreValuePoint(row, printedFlag, low, high, m[3]!.length);
}

/**
 * A range whose decimal points OCR lost together with its value ("Potassium 48 mmol/L 35-53",
 * "MONOCYTES 55 20-120%"): reference limits are values the test can have, so a range with a
 * (non-zero) end no value of the test can have in its unit, whose ends are all possible with the
 * same number of decimals put back, lost them. A whole-number value on that row then lost its
 * point too when it lies outside the range as read back (twice or more) and inside it, or on the
 * side a printed flag says, with the point put back.
 */
export function restoreRangePoints(row: LabRow, printedFlag: string | undefined): void {
  const r = row.range;
  const m = r && /^(\d+)-(\d+)$/.exec(r.text);
  if (!r || !m || !row.loinc) return;
  const bounds = possibleBounds(row.loinc, row.ucum);
  if (!bounds) return;
  const possible = (n: number) => n === 0 || (n >= bounds[0] && n <= bounds[1]);
  const ends = [m[1]!, m[2]!];
  if (ends.every((e) => possible(Number(e)))) return;
  for (const k of [1, 2]) {
    // Each non-zero end must have printed more digits than the decimals it lost ("5" was never "0.5").
    if (ends.some((e) => Number(e) !== 0 && e.length <= k)) continue;
    const scaled = ends.map((e) => Number(e) / 10 ** k);
    if (!scaled.every(possible)) continue;
    const [low, high] = scaled as [number, number];
    r.text = scaled.map((n, i) => (Number(ends[i]) === 0 ? '0' : n.toFixed(k))).join('-');
    r.low = low;
    r.high = high;
    restoreValuePoint(row, printedFlag, low, high, k);
    return;
  }
}

/**
 * A digit too many in a value that kept its point ("92.0" beside 8.6-10.3 mg/dL calcium is 9.0: a speck
 * read as a digit): the value as read is impossible for its test in its unit, and dropping one digit
 * before the point, one way only, puts it between half the range's low end and twice its high end.
 */
export function dropSpeckDigit(row: LabRow): void {
  const r = row.range;
  if (!row.loinc || !row.ucum || row.numeric === undefined || !/^\d{2,3}\.\d+$/.test(row.value) || r?.low === undefined || r.high === undefined) return;
  if (!TEST_BOUNDS[row.loinc]?.[row.ucum] || possibleIn(row.loinc, row.ucum, [row.numeric])) return;
  const [int, dec] = row.value.split('.') as [string, string];
  const fixes = new Set<string>();
  for (let i = 0; i < int.length; i++) {
    const v = `${int.slice(0, i)}${int.slice(i + 1)}.${dec}`;
    const n = Number(v);
    if (!/^0\d/.test(v) && n >= r.low / 2 && n <= r.high * 2 && possibleIn(row.loinc, row.ucum, [n])) fixes.add(v);
  }
  if (fixes.size !== 1) return;
  row.value = [...fixes][0]!;
  row.numeric = Number(row.value);
}

/**
 * The flag of a row whose flag column (before the name) OCR garbled: the side of its range the
 * value lies on, only when the value prints the range's decimals (a value that lost its point
 * would look out of range) and lies outside it.
 */
export function flagGarbledLead(row: LabRow): void {
  const r = row.range!;
  const n = row.numeric!;
  const decimals = (t: string) => /\.(\d+)/.exec(t)?.[1]!.length ?? 0;
  const rangeDecimals = Math.max(0, ...(r.text.match(/\d+(?:\.\d+)?/g) ?? []).map(decimals));
  if (decimals(row.value) !== rangeDecimals) return;
  if (r.high !== undefined && n > r.high) row.flag = 'H';
  else if (r.low !== undefined && n < r.low) row.flag = 'L';
}

/**
 * A flag printed one space after its value, the space read as a 1 ("55 L" read "551L", "26.8 L"
 * read "26.81L", "26 L" read "261L"): the 1 goes when the value as read contradicts its flag or
 * prints one decimal more than its range, and without it the value prints the range's decimals
 * and lies on the side the flag says.
 */
export function dropOneBeforeGluedFlag(row: LabRow, d: Draft): void {
  const m = d.valueTok && /^(\d+(?:\.\d+)?)1([LH])$/.exec(d.valueTok.t);
  const r = row.range;
  if (!m || !r || (r.low === undefined && r.high === undefined)) return;
  const decimals = (t: string) => /\.(\d+)/.exec(t)?.[1]!.length ?? 0;
  const k = Math.max(0, ...(r.text.match(/\d+(?:\.\d+)?/g) ?? []).map(decimals));
  const [asRead, without] = [`${m[1]}1`, m[1]!];
  const side = (n: number) => (m[2] === 'L' ? r.low !== undefined && n < r.low : r.high !== undefined && n > r.high);
  const contradicts = !side(Number(asRead)) && (m[2] === 'L' ? r.low !== undefined : r.high !== undefined);
  const extraDecimal = k >= 1 && decimals(asRead) === k + 1;
  if (decimals(without) !== k || !side(Number(without)) || !(contradicts || extraDecimal)) return;
  row.value = without;
  row.numeric = Number(without);
}

/**
 * A flag glued to its value and read as a 1 ("45.9H" read "45.91" beside 35.0-45.0): the value
 * prints one decimal more than its range, that last digit is a 1, and without it the value lies
 * outside the range. The row is given back its value and the flag for the side it lies on.
 * Only in reports that flag (see restoreUnflaggedResults): there an unflagged result outside its range is a misreading.
 */
function restoreFlagReadAsOne(row: LabRow): void {
  const r = row.range;
  const k = r ? decimalsOf(r.text) : 0;
  if (!r || !k || r.low === undefined || r.high === undefined || !new RegExp(`^\\d+\\.\\d{${k}}1$`).test(row.value)) return;
  const value = row.value.slice(0, -1);
  const n = Number(value);
  const flag = n > r.high ? 'H' : n < r.low ? 'L' : undefined;
  if (!flag) return;
  row.value = value;
  row.numeric = n;
  row.flag = flag;
}

/**
 * A table rule read as a leading 1 ("|18" -> "118"): the printed L flag says the value is below
 * its range while 118 is above 30-100; without the 1 it is below, as flagged. Only a leading 1
 * (the glyph a bar becomes), only when the flag contradicts the value as read and agrees without it.
 */
export function dropBarReadAsOne(row: LabRow, flag: string): void {
  const r = row.range;
  if (row.numeric === undefined || !r || !/^1\d{1,3}(?:\.\d+)?$/.test(row.value)) return;
  const fixed = Number(row.value.slice(1));
  const low = /^(?:L|LO|LOW|LL|CL)$/i.test(flag.replace(/[()]/g, ''));
  if (low && r.low !== undefined && r.high !== undefined && row.numeric > r.high && fixed < r.low) {
    row.value = row.value.slice(1);
    row.numeric = fixed;
  }
}

/** Decimals both ends of a range print ("3.5-5.3" -> 1), or 0 when they differ or there are none. */
export function decimalsOf(range: string): number {
  const m = /^(\d+)(?:\.(\d+))?-(\d+)(?:\.(\d+))?$/.exec(range);
  const a = m?.[2]?.length ?? 0;
  return m && a === (m[4]?.length ?? 0) ? a : 0;
}

/**
 * A cumulative report prints the previous result and its date beside the current one ("WBC  71
 * 6.9 07/31/2024  x10E3/uL"): a whole current value more than five times a previous one printing
 * decimals, that lies within a factor of three of it with as many decimals, lost its point.
 */
export function restorePointByPrevious(row: LabRow, d: Draft): void {
  if (row.numeric === undefined) return;
  const at = d.extra.findIndex((x, i) => /^\d+\.\d+$/.test(x.t) && PREVIOUS_DATE.test(d.extra[i + 1]?.t ?? ''));
  if (at < 0) return;
  const fixed = pointLostBeside(row.value, d.extra[at]!.t);
  if (fixed === undefined) return;
  row.numeric = Number(fixed);
  row.value = fixed;
}

/**
 * A whole current value ("79", "04") beside an earlier result of the same test printing decimals
 * ("8.6"): when it is more than five times the earlier one and, given as many decimals, lies
 * within a factor of three of it, OCR lost its point: the value with the point put back, else
 * undefined. Cumulative reports and flowsheets print the same test's draws alike.
 */
export function pointLostBeside(value: string, previous: string): string | undefined {
  const p = /^\d+\.(\d+)$/.exec(previous);
  if (!p || !/^\d{2,4}$/.test(value)) return undefined;
  const k = p[1]!.length;
  const prev = Number(previous);
  const fixed = Number(value) / 10 ** k;
  return Number(value) > prev * 5 && fixed >= prev / 3 && fixed <= prev * 3 ? fixed.toFixed(k) : undefined;
}

/**
 * Misreadings of results the report did not flag, where the same report flags others.
 * A point lost from a value the report did not flag ("19" beside 0.8-3.9, no H): when the same
 * report flags its results elsewhere, an unflagged result lies within its range, so a whole
 * number far outside a range printing decimals, that falls within it with the range's decimals,
 * lost its point. Reports that flag nothing are left as read (no evidence either way).
 */
export function restoreUnflaggedResults(rows: LabRow[], flagColumn = false): LabRow[] {
  // A report flags when it flags a result, or when its column headers print a flag column (`flagColumn`).
  if (!flagColumn && !rows.some((r) => r.flag === 'H' || r.flag === 'L' || r.flag === 'HH' || r.flag === 'LL')) return rows;
  for (const row of rows) {
    if (!row.flagPrinted) restoreFlagReadAsOne(row);
    const r = row.range;
    // An upper limit alone ("<5.0") reaches down to 0.
    const low = r?.low ?? (r?.high !== undefined && /^(?:<|≤)/.test(r.text) ? 0 : undefined);
    if (row.flagPrinted || row.flag || row.numeric === undefined || low === undefined || r?.high === undefined || !/^\d{2,4}$/.test(row.value)) continue;
    // The decimals both ends print, else those of the upper end ("0-4.9", "<5.0").
    const k = decimalsOf(r.text) || (/\.(\d+)$/.exec(r.text)?.[1]?.length ?? 0);
    if (!k || (row.numeric <= r.high * 2 && row.numeric >= low)) continue;
    const fixed = row.numeric / 10 ** k;
    if (fixed < low || fixed > r.high) continue;
    row.numeric = fixed;
    row.value = fixed.toFixed(k);
  }
  return rows;
}

/**
 * A range printed with the word "to" that OCR read as "10" (or "1O", "lo"), alone between the ends ("140 10 400") or
 * glued to the low end ("13510 146", "4.2010 5.80"; read before the dash too, "40.010-75.0"). Split back only
 * when both ends print the same decimals, lie near the test's typical interval (in the row's unit) and the row's value
 * agrees with its printed flag there (inside the range with none, past the side a high or low flag names); else
 * undefined. Tokens are the row's cells after its value.
 */
export function toReadAsTen(cells: string[], value: number | undefined, printedFlag: string | undefined, loinc: string | undefined, ucum: string | undefined): string | undefined {
  const typical = typicalInterval(loinc, ucum);
  if (!typical || value === undefined) return undefined;
  const TO = '(?:10|1O|lo)';
  const NUMBER = '(\\d+(?:\\.\\d+)?)';
  const shapes = [new RegExp(`^${NUMBER}${TO}-${NUMBER}$`), new RegExp(`^${NUMBER}${TO} ${NUMBER}$`), new RegExp(`^${NUMBER} ${TO} ${NUMBER}$`)];
  const found: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    for (const [n, re] of [[1, shapes[0]!], [2, shapes[1]!], [3, shapes[2]!]] as const) {
      const m = re.exec(cells.slice(i, i + n).join(' '));
      if (!m || i + n > cells.length) continue;
      const [low, high] = [m[1]!, m[2]!];
      const dec = (s: string) => s.split('.')[1]?.length ?? 0;
      if (dec(low) !== dec(high) || Number(low) >= Number(high) || /^0\d/.test(low) || /^0\d/.test(high)) continue;
      if (!nearTypical(Number(low), typical[0]) || !nearTypical(Number(high), typical[1])) continue;
      const side = printedFlag && !STAR.test(printedFlag) ? flagCode(printedFlag, undefined) : undefined;
      const agrees = side === 'H' || side === 'HH' ? value > Number(high) : side === 'L' || side === 'LL' ? value < Number(low) : !side && value >= Number(low) && value <= Number(high);
      if (agrees) found.push(`${low}-${high}`);
    }
  }
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Lab result rows from printed tables, found by token shape rather than column positions:
 * a row is a test name, then a value, then (in any order) a flag, a reference range and a
 * unit. Two result columns on one line, names and values split over two lines, units inside
 * the range column and lab footnote codes ("WBC01") are handled. Pure; never throws.
 */
import synonyms from './loinc-synonyms.json' with { type: 'json' };
import unitTable from './units.json' with { type: 'json' };
import loincUnits from './loinc-units.json' with { type: 'json' };
import referenceIntervals from './reference-intervals.json' with { type: 'json' };
import { closest, editDistance } from './fuzzy.js';
import type { Line } from './lines.js';
import { newestColumnOnly } from './lab-cumulative.js';

export interface LabRow {
  name: string;
  loinc?: string;
  loincDisplay?: string;
  /** Value as printed (comparator kept). */
  value: string;
  numeric?: number;
  comparator?: '<' | '>' | '<=' | '>=';
  unit?: string;
  ucum?: string;
  range?: { text: string; low?: number; high?: number };
  /** Printed flag and its normalised code. */
  flagPrinted?: string;
  flag?: 'H' | 'L' | 'HH' | 'LL' | 'A';
  page: number;
  lineIndex: number;
  /** Texts of the tokens that make up the row (for locating its words on the page). */
  tokens: string[];
  panel?: string;
}

interface Syn {
  loinc: string;
  display: string;
  specimen?: string;
  names: string[];
  urineNames?: string[];
}

export function normName(s: string): string {
  return s
    .toLowerCase()
    // OCR reads brackets as braces: "(NIH)" -> "{NiH)".
    .replace(/[{[]/g, '(')
    .replace(/[}\]]/g, ')')
    .replace(/[µμ]/g, 'u')
    .replace(/\s*([,/()#%-])\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/[.:;*]+/g, '')
    .trim();
}

const SYN_INDEX = new Map<string, Syn>();
const URINE_INDEX = new Map<string, Syn>();
for (const s of synonyms as Syn[]) {
  for (const n of s.names) SYN_INDEX.set(normName(n), s);
  for (const n of s.urineNames ?? []) URINE_INDEX.set(normName(n), s);
}
const UNITS = unitTable as Record<string, string>;
/** Per test: the UCUM units it is commonly reported in, each with the values possible in it (loinc-units.json). */
const TEST_BOUNDS = loincUnits as unknown as Record<string, Record<string, [number, number] | null>>;
/** Units of dimensionless tests (specific gravity, pH): they bound values but are not printed, so never read into a row. */
const UNPRINTED_UNITS = new Set(['1', '[pH]']);
const TEST_UNITS: Record<string, string[]> = Object.fromEntries(
  Object.entries(TEST_BOUNDS)
    .filter(([k]) => !k.startsWith('_'))
    .map(([k, v]) => [k, Object.keys(v).filter((u) => !UNPRINTED_UNITS.has(u))]),
);

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

/** The values possible for a test in a unit (its only unit when none is known), else undefined. */
function possibleBounds(loinc: string, ucum: string | undefined): [number, number] | undefined {
  const units = TEST_BOUNDS[loinc];
  if (!units) return undefined;
  const keys = Object.keys(units);
  return (ucum ? units[ucum] : keys.length === 1 ? units[keys[0]!] : undefined) ?? undefined;
}

/** Typical adult reference intervals by LOINC: [UCUM unit, low, high] (reference-intervals.json). */
const INTERVALS = referenceIntervals as unknown as Record<string, [string, number, number]>;
/** Units that print the same numbers for these tests. */
const SAME_NUMBERS = [['mmol/L', 'meq/L'], ['m[IU]/L', 'u[IU]/mL']];

/** The test's typical interval [low, high] when the row's unit (if read) prints its numbers, else undefined. */
function typicalInterval(loinc: string | undefined, ucum: string | undefined): [number, number] | undefined {
  const typical = loinc ? INTERVALS[loinc] : undefined;
  if (!typical) return undefined;
  const [unit, low, high] = typical;
  return !ucum || ucum === unit || SAME_NUMBERS.some((g) => g.includes(ucum) && g.includes(unit)) ? [low, high] : undefined;
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

/** A printed end of a range near a typical interval's end: within 15 % of it (0.015 around an end of 0). */
function nearTypical(x: number, t: number): boolean {
  return Math.abs(x - t) <= 0.15 * Math.max(t, 0.1);
}

/**
 * A thin typeface's 0 read as 6 or 8 at the front of a range's low end ("(6.2-1.2)" beside total
 * bilirubin): a low end above the high end is no range; with that digit a 0 the range reads, when
 * it is then the test's typical interval. The value before it, starting with the same digit and
 * far above the range, had the same slip ("8.6" is 0.6) when a 0 puts it near the range.
 */
function restoreZerosReadAsSixOrEight(row: LabRow): void {
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
function restoreValueZero(row: LabRow, flag: string | undefined): void {
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
function restoreTypicalRangePoints(row: LabRow, printedFlag: string | undefined): void {
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
 * A whole-number value on a row whose range lost `k` decimals with it: when it lies twice or more
 * above the range read back and, with the same decimals put back, inside it (or on the side a
 * printed flag says), it lost them too.
 */
function restoreValuePoint(row: LabRow, printedFlag: string | undefined, low: number, high: number, k: number): void {
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
function spacedRange(a: string, b: string, loinc: string, ucum: string | undefined): string | undefined {
  const typical = typicalInterval(loinc, ucum);
  if (!typical || !/^\d+(?:\.\d+)?$/.test(a) || !/^\d+(?:\.\d+)?$/.test(b)) return undefined;
  const [tlo, thi] = typical;
  const slack = (thi - tlo) / 4;
  return Number(a) < Number(b) && Math.abs(Number(a) - tlo) <= slack && Math.abs(Number(b) - thi) <= slack ? `${a}-${b}` : undefined;
}

/**
 * A range whose decimal points OCR lost together with its value ("Potassium 48 mmol/L 35-53",
 * "MONOCYTES 55 20-120%"): reference limits are values the test can have, so a range with a
 * (non-zero) end no value of the test can have in its unit, whose ends are all possible with the
 * same number of decimals put back, lost them. A whole-number value on that row then lost its
 * point too when it lies outside the range as read back (twice or more) and inside it, or on the
 * side a printed flag says, with the point put back.
 */
function restoreRangePoints(row: LabRow, printedFlag: string | undefined): void {
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

export function lookupTest(name: string, urine = false): Syn | undefined {
  const key = `${urine ? 'u' : 'b'}|${name}`;
  const seen = LOOKUP_CACHE.get(key);
  if (seen !== undefined) return seen ?? undefined;
  if (LOOKUP_CACHE.size > 50000) LOOKUP_CACHE.clear();
  const hit = lookupTestUncached(name, urine);
  LOOKUP_CACHE.set(key, hit ?? null);
  return hit;
}

/** lookupTest's answers by name (names repeat across lines, drafts and cells). */
const LOOKUP_CACHE = new Map<string, Syn | null>();

function lookupTestUncached(name: string, urine: boolean): Syn | undefined {
  const exact = lookupExact(name, urine);
  if (exact) return exact;
  // A name cut by a line wrap ("ALBUMIN/CREATININE RATIO, RANDOM" + "URINE"): unique long prefix.
  const k = normName(name);
  if (k.length >= 14) {
    const hits = new Set<Syn>();
    for (const [n, s] of SYN_INDEX) if (n.startsWith(k)) hits.add(s);
    if (hits.size === 1) return [...hits][0];
  }
  // OCR misreadings ("FOSINOPHILS", "ABSOLUTF LYMPHOCYTES"): one or two edits away from one name.
  const cached = FUZZY_CACHE.get(k);
  if (cached !== undefined) return cached ?? undefined;
  const hit = closest(k, SYN_INDEX);
  FUZZY_CACHE.set(k, hit ?? null);
  return hit;
}

const FUZZY_CACHE = new Map<string, Syn | null>();

function lookupExact(name: string, urine: boolean): Syn | undefined {
  const k = normName(name);
  const variants = [k, k.replace(/,/g, ' ').replace(/\s+/g, ' '), k.replace(/\s*\(.*?\)\s*/g, ' ').trim(), k.replace(/[,-]/g, '')];
  for (const v of variants) {
    if (urine && URINE_INDEX.has(v)) return URINE_INDEX.get(v);
    const s = SYN_INDEX.get(v);
    if (s && (!s.specimen || urine || s.names.length)) return s;
  }
  return undefined;
}

export function unitKey(u: string): string {
  return u.toLowerCase().replace(/[µμ]/g, 'u').replace(/[\s_]+/g, '').replace(/²/g, '2').replace(/³/g, '3');
}

/** UCUM code for a printed unit, or undefined. */
export function ucumFor(u: string): string | undefined {
  const k = unitKey(u).replace(/[.,;:]+$/, '');
  if (UNITS[k]) return UNITS[k];
  const x = k.replace(/^x/, '');
  if (UNITS[x]) return UNITS[x];
  // A units column that prints each unit in brackets ("[mg/dL]", "[K/uL]"; OCR mixes them, "(%]"): the unit inside,
  // also for a test whose units the priors do not list (urine urobilinogen's [mg/dL] had been dropped, on
  // ground-truth text too). u-8494: see README (Session 16).
  const inner = /^[[({]([^[\](){}]+)[\])}]$/.exec(k)?.[1];
  if (inner && UNITS[inner]) return UNITS[inner];
  // OCR misreadings of longer units ("thousand/ui"): one edit away from one known unit.
  if (k.length >= 6 && k.includes('/')) return closest(k, Object.entries(UNITS).filter(([key]) => key.length >= 6 && !key.startsWith('_')));
  if (k.length >= 3 && k.includes('/')) return closestShort(k);
  return undefined;
}

/** Printed form of a UCUM code, for a unit read back from a garbled print ("u[IU]/mL" -> "uIU/mL"). */
const ucumDisplay = (code: string) => code.replace(/[[\]{}]/g, '');

/**
 * A garbled printed unit read as one of the units the row's test is reported in ("mgldt" or
 * "mgd" beside Glucose -> mg/dL, "W/L." beside ALT -> U/L). The token must be closest to a
 * printed spelling of exactly one of those units, within about a third of the spelling
 * (1 edit for "u/l" or "fl", 2 for "mg/dl", 3 for "million/ul"). Tokens that already name a unit are left alone.
 */
export function unitFromPrior(token: string, loinc: string | undefined, maxEdits = 3, value?: string): string | undefined {
  // Only units the row's value is possible in: "g/" beside a total protein of 6.8 is no g/L.
  const expected = loinc ? TEST_UNITS[loinc]?.filter((u) => value === undefined || valuePossibleIn(loinc, u, value)) : undefined;
  if (!expected?.length) return undefined;
  const k = unitKey(token).replace(/^[^a-z%/]+|[^a-z0-9%/.]+$/g, '').replace(/[.,;:]+$/, '');
  // Dirt around a clean unit ("“%", "mg/dL."): the unit itself.
  if (UNITS[k] && expected.includes(UNITS[k]!)) return UNITS[k];
  // A % whose slashed circles OCR read as a letter pair ("Yo", "Ya", "Yi": the stroke and upper circle a Y, the lower
  // a small round letter), beside a test reported in %. v-8292 OCR: 3 results (Session 16).
  if (/^y[aoi]$/.test(k) && expected.includes('%')) return '%';
  if (k.length < 2 || k.length > 14 || !/[a-z%]/.test(k) || /^\d/.test(k)) return undefined;
  // A unit that lost what stood before its slash ("dL" of g/dL, the g faded at a column's edge):
  // the one unit of the test printed with that denominator.
  if (/^[a-z]{2,3}$/.test(k) && !UNITS[k]) {
    const tails = new Set(Object.entries(UNITS).filter(([printed, code]) => expected.includes(code) && printed.endsWith(`/${k}`)).map(([, code]) => code));
    if (tails.size === 1) return [...tails][0];
  }
  // A unit cut at a column's edge or faded after its slash ("g/", "g/d", "mg/"): the one unit of the
  // test printed starting so, among those the row's value is possible in.
  if (value !== undefined && /^[a-z]+\/[a-z]?$/.test(k)) {
    const cut = new Set(Object.entries(UNITS).filter(([printed, code]) => expected.includes(code) && printed.startsWith(k)).map(([, code]) => code));
    if (cut.size === 1) return [...cut][0];
  }
  const max = Math.min(maxEdits, k.length <= 2 ? 1 : k.length >= 8 ? 3 : 2);
  // A power of ten read cleanly ("x10E3AL") keeps its exponent: x10E3/uL, never 10*9/L.
  const POWER = /^x?10\D?(\d)/;
  const power = POWER.exec(k)?.[1];
  let bestD = max + 1;
  let near: Array<{ code: string; key: string }> = [];
  for (const [printed, code] of Object.entries(UNITS)) {
    if (printed.startsWith('_') || !expected.includes(code) || printed.length < 2) continue;
    const printedPower = power ? POWER.exec(printed)?.[1] : undefined;
    if (printedPower !== undefined && printedPower !== power) continue;
    // A short unit whose slash OCR lost reads as its letters ("un", "ui" for u/l): compare without
    // it, keeping the first letter (the prefix; "wl" is no g/l).
    const key = printed.length <= 4 && !k.includes('/') ? printed.replace('/', '') : printed;
    if (key.length < 2 || (key !== printed && key[0] !== k[0])) continue;
    const d = editDistance(k, key, max);
    if (d > max || d > Math.floor((key.length + 1) / 3)) continue;
    if (d < bestD) {
      bestD = d;
      near = [{ code, key }];
    } else if (d === bestD) near.push({ code, key });
  }
  const one = (xs: typeof near) => (new Set(xs.map((x) => x.code)).size === 1 ? xs[0]!.code : undefined);
  // A tie is broken by length: OCR misreads a letter far more often than it adds one ("g/oL" is g/dL, not g/L).
  const byEdits = near.length ? one(near) ?? one(near.filter((x) => x.key.length === k.length)) : undefined;
  return byEdits ?? slashReadAsLetter(k, expected, value) ?? numeratorGarbled(k, expected);
}

/**
 * A slashed unit whose numerator OCR garbled past the edits above, its denominator read ("Rw/dL" beside
 * hemoglobin): the one unit of the test (among those its value is possible in) printed with that denominator.
 */
function numeratorGarbled(k: string, expected: string[]): string | undefined {
  const m = /^[^/]{1,4}\/([a-z]{1,3})$/.exec(k);
  if (!m) return undefined;
  const codes = new Set(Object.entries(UNITS).filter(([printed, code]) => expected.includes(code) && printed.endsWith(`/${m[1]}`) && printed.split('/').length === 2).map(([, code]) => code));
  return codes.size === 1 ? [...codes][0] : undefined;
}

/**
 * A slash read as i, l, 1, a bar or s ("gid" for g/dL, its L lost too; "ust" for U/L in a thin monospace
 * print, "/L" read as "st"), when the edits above place the token nowhere: the unit as printed with the slash
 * back, or one more letter misread (the slash where the unit prints it), or cut after it as above.
 */
function slashReadAsLetter(k: string, expected: string[], value: string | undefined): string | undefined {
  if (k.includes('/')) return undefined;
  for (let i = 1; i < k.length - 1; i++) {
    if (!/[il1|s]/.test(k[i]!)) continue;
    const s = `${k.slice(0, i)}/${k.slice(i + 1)}`;
    if (UNITS[s] && expected.includes(UNITS[s]!)) return UNITS[s];
    const near = new Set(Object.entries(UNITS).filter(([printed, code]) => expected.includes(code) && printed.length === s.length && printed.indexOf('/') === i && editDistance(s, printed, 1) <= 1).map(([, code]) => code));
    if (near.size === 1) return [...near][0];
    if (value === undefined || !/^[a-z]+\/[a-z]$/.test(s)) continue;
    const cut = new Set(Object.entries(UNITS).filter(([printed, code]) => expected.includes(code) && printed.startsWith(s)).map(([, code]) => code));
    if (cut.size === 1) return [...cut][0];
  }
  return undefined;
}

/**
 * A misread test name the table alone cannot place ("ROW", "WHC", "Creaunine", "Chlonde"),
 * matched among the tests reported in the row's cleanly read unit only: 1 edit for 3-4
 * letters, 2 up to 9 characters, 3 beyond; the closest test must be the only one that close.
 */
function nameFromUnit(name: string, ucum: string | undefined, numbers: number[] = []): Syn | undefined {
  if (!ucum) return undefined;
  const k = normName(name);
  if (k.length < 3 || (k.length <= 4 && !/^[a-z]+$/.test(k))) return undefined;
  // A short name holding a digit, the digit read as its look-alike letter ("coz" for CO2 beside mEq/L): the names the
  // letters could be, read back as digits, that name one test reported in the unit. a-8191 OCR (Session 16).
  if (k.length <= 4) {
    const LOOK: Record<string, string> = { z: '2', o: '0', s: '5', l: '1', b: '8', g: '9' };
    const hits = new Set<Syn>();
    for (let mask = 1; mask < 1 << k.length; mask++) {
      let v = '';
      for (let i = 0; i < k.length; i++) v += mask & (1 << i) ? LOOK[k[i]!] ?? '\u0000' : k[i]!;
      const syn = v.includes('\u0000') ? undefined : SYN_INDEX.get(v);
      if (syn && TEST_UNITS[syn.loinc]?.includes(ucum)) hits.add(syn);
    }
    if (hits.size === 1) return [...hits][0];
  }
  const max = k.length <= 4 ? 1 : k.length < 10 ? 2 : 3;
  let bestD = max + 1;
  let near: Array<[string, Syn]> = [];
  for (const [n, syn] of SYN_INDEX) {
    if (n.length < 3 || !TEST_UNITS[syn.loinc]?.includes(ucum)) continue;
    if (k.length <= 4 && !/^[a-z]+$/.test(n)) continue;
    const d = editDistance(k, n, max);
    if (d < bestD) {
      bestD = d;
      near = [[n, syn]];
    } else if (d === bestD) near.push([n, syn]);
  }
  const one = (xs: Array<[string, Syn]>) => (new Set(xs.map(([, syn]) => syn)).size === 1 ? xs[0]![1] : undefined);
  if (bestD > max) return k.length <= 4 ? twoSlipsShortName(k, ucum, numbers) : undefined;
  // A tie is broken by length: OCR swaps letters far more often than it drops or adds one ("HOL": HDL, not CHOL).
  return one(near) ?? one(near.filter(([n]) => n.length === k.length));
}

/** A name of two to four letters one edit from names of two or more tests reported in the unit. */
function ambiguousMisread(name: string, ucum: string | undefined): boolean {
  const k = normName(name);
  if (!ucum || !/^[a-z]{2,4}$/.test(k)) return false;
  const hits = new Set<Syn>();
  for (const [n, syn] of SYN_INDEX) if (/^[a-z]{2,5}$/.test(n) && TEST_UNITS[syn.loinc]?.includes(ucum) && editDistance(k, n, 1) <= 1) hits.add(syn);
  return hits.size >= 2;
}

/** The numbers a draft row prints: its value and its range's ends. */
function rowNumbers(d: Draft): number[] {
  const r = d.range ? RANGE.exec(d.range) : null;
  return [d.value, r?.[1], r?.[2]].filter((x): x is string => !!x && /^\d+(?:\.\d+)?$/.test(x)).map(Number);
}

/**
 * A 3-4 letter name with two letters misread ("HOH" beside 12.4 g/dL is HGB): only letter
 * swaps (same length), among the tests reported in the row's unit, and only when every number
 * of the row (value, range ends) is possible for that test in that unit and one test is left.
 */
/**
 * A short name a letter off ("MPY", "MC") whose unit OCR garbled too: placed by its printed range,
 * when exactly one test a letter away has that typical reference interval (both ends within 15%)
 * and the value is within a factor of three of it.
 */
function nameFromRange(name: string, range: string | undefined, value: number, ucum: string | undefined): Syn | undefined {
  const k = normName(name);
  const r = range ? RANGE.exec(range.replace(/^[([]|[)\]]$/g, '')) : null;
  if (!r || k.length < 2 || k.length > 5 || !/^[a-z]+$/.test(k)) return undefined;
  const [lo, hi] = [Number(r[1]), Number(r[2])];
  // A value far from that range is more likely misread too: no guess made on such a row.
  if (!(value >= lo / 3 && value <= hi * 3)) return undefined;
  const hits = new Set<Syn>();
  for (const [n, syn] of SYN_INDEX) {
    if (n.length < 2 || !/^[a-z]+$/.test(n) || Math.abs(n.length - k.length) > 1 || editDistance(k, n, 1) > 1) continue;
    const typical = INTERVALS[syn.loinc];
    // A unit read as printed that the test is never reported in rules it out ("ROW 14.3 11.0-15.0 mg/dL").
    if (ucum && !TEST_UNITS[syn.loinc]?.includes(ucum)) continue;
    if (typical && nearTypical(lo, typical[1]) && nearTypical(hi, typical[2])) hits.add(syn);
  }
  return hits.size === 1 ? [...hits][0] : undefined;
}
function twoSlipsShortName(k: string, ucum: string, numbers: number[]): Syn | undefined {
  if (!numbers.length) return undefined;
  const hits = new Set<Syn>();
  for (const [n, syn] of SYN_INDEX) {
    if (n.length !== k.length || !/^[a-z]+$/.test(n) || editDistance(k, n, 2) !== 2) continue;
    const bounds = TEST_BOUNDS[syn.loinc]?.[ucum];
    if (!bounds || !numbers.every((x) => x >= bounds[0] && x <= bounds[1])) continue;
    hits.add(syn);
  }
  return hits.size === 1 ? [...hits][0] : undefined;
}

/** Digits OCR put for letters inside a name: 8 for B, 0 for O, next to letters ("w8C", "HG8"); "B12", "A1c" keep theirs. */
function undigit(name: string): string {
  // "C02" is CO2: a 0 between a letter and a final digit.
  // "Vitamin 812" is B12: an 8 opening a short number after a word.
  return name.replace(/(?<=[A-Za-z])[80](?=[A-Za-z]|\b)|[80](?=[A-Za-z])|(?<=\b[A-Za-z])0(?=\d\b)|(?<=[A-Za-z] )8(?=\d{1,2}\b)/g, (c) => (c === '8' ? 'B' : 'O'));
}

/**
 * A name in a thin typeface a fax thinned further: C loses its arms and reads "(" ("M(H", "RB(",
 * "(HOL"), H loses its bar and reads "11" ("11GB"). Only an exact table name counts after the swap.
 */
function thinGlyphs(name: string): string {
  return name.replace(/(?<=[A-Za-z])\((?![^()]*\))|\((?=[A-Za-z]+\b)(?![^()]*\))/g, 'C').replace(/\b(?:11|1I|I1)(?=[A-Z]{2})/g, 'H');
}

/** UCUM code of a unit printed exactly as a known spelling (no OCR edits). */
function exactUcum(u: string): string | undefined {
  const k = unitKey(u).replace(/[.,;:]+$/, '');
  return UNITS[k] ?? UNITS[k.replace(/^x/, '')];
}

/** Numerators the slash-as-space repair joins to their denominator ("mg dL"). */
const UNIT_NUMERATORS = new Set(['mg', 'g', 'mmol', 'umol', 'nmol', 'ng', 'pg', 'ug', 'mcg', 'meq', 'u', 'iu', 'miu', 'uiu', 'ml']);

/**
 * Letters glued after a value or range that are its unit, the unit's slash lost or misread
 * ("gdL", "gadL", "mgdL", "UL", "mg" before a "dL" of its own): a printed unit as it stands,
 * with a slash put back at one place, or one edit from a slashed unit of four characters or
 * more. A flag is never a unit ("73H", "551L").
 */
function gluedUnit(u: string): boolean {
  if (FLAG.test(u) || isFlag(u)) return false;
  const k = unitKey(u);
  if (exactUcum(k) || UNIT_NUMERATORS.has(k)) return true;
  for (let i = 1; i < k.length; i++) if (UNITS[`${k.slice(0, i)}/${k.slice(i)}`]) return true;
  let near = 0;
  for (const key of Object.keys(UNITS)) if (key.length >= 4 && key.includes('/') && Math.abs(key.length - k.length) <= 1 && editDistance(k, key, 1) <= 1) near++;
  return near > 0;
}

/** Tokens after a row's value that may be its garbled unit: not the range, flag, a number or noise. */
function unitCandidates(d: Draft): string[] {
  const out = d.unit ? [d.unit] : [];
  for (const x of d.extra) {
    const t = x.t;
    if (t === d.unit || t === d.range || t === d.flag || NUM.test(t) || RANGE.test(t) || CMP_RANGE.test(t) || NOISE.test(t)) continue;
    out.push(t);
  }
  return out;
}

/**
 * The numbers that tell which unit a row is in: the range's ends when it prints two with decimals
 * (a value may have lost its point, a range printed with its decimals is read whole), else the value.
 */
function unitEvidence(value: number | undefined, range?: string): number[] {
  const ends = range ? RANGE.exec(range.replace(/^[([]|[)\]]$/g, '')) : null;
  if (ends && /\./.test(range!)) return [Number(ends[1]), Number(ends[2])].filter((n) => n !== 0);
  return value === undefined ? [] : [value];
}

/**
 * Is a value as read possible for the test in the unit (no bounds known: yes)? A whole number may
 * have lost its point ("43" is 4.3 mmol/L), so it is possible when it or a tenth or hundredth of it is.
 * The range is not asked: OCR garbles ranges more often than values ("(7.60 43.0)").
 */
function valuePossibleIn(loinc: string, ucum: string, value: string): boolean {
  const n = Number(value);
  if (!Number.isFinite(n)) return true;
  const tries = /^\d+$/.test(value) ? [n, n / 10, n / 100] : [n];
  return tries.some((x) => possibleIn(loinc, ucum, [x]));
}

/** Are all these numbers possible for the test in the unit (no bounds known: yes)? */
function possibleIn(loinc: string, ucum: string, numbers: number[]): boolean {
  const b = TEST_BOUNDS[loinc]?.[ucum];
  return !b || numbers.every((n) => n >= b[0] && n <= b[1]);
}

/** The one unit a test is reported in that the value is possible in (U/L and [IU]/L count as one), else undefined. */
function onlyPossibleUnit(loinc: string, value: number, range?: string): string | undefined {
  const units = TEST_BOUNDS[loinc];
  if (!units) return undefined;
  const numbers = unitEvidence(value, range);
  const fits = Object.keys(units).filter((u) => !UNPRINTED_UNITS.has(u) && possibleIn(loinc, u, numbers));
  const distinct = new Set(fits.map((u) => (u === '[IU]/L' ? 'U/L' : u)));
  return distinct.size === 1 ? fits[0] : undefined;
}

/**
 * A token after a row's value that stands where a unit was printed but reads as nothing:
 * symbols and short letter/symbol mixes ("©", "&", "[elo]"), not the range, flag, a number,
 * a footnote or lab code ("01", "CC"), a range label or a word result.
 */
function garbledUnitMark(t: string, d: Draft): boolean {
  if (t === d.range || t === d.flag || NUM.test(t) || RANGE.test(t) || CMP_RANGE.test(t) || NOISE.test(t) || RANGE_LABEL.test(t) || QUAL.test(unparen(t))) return false;
  if (/^[A-Za-z0-9]{2}$/.test(t) || /^\d+$/.test(t) || t.length > 6 || isFlag(t) || flagSlip(t)) return false;
  // A word is a word; a short one with the unit's closing point ("wl.", "un.") is a garbled unit.
  if (/^[A-Za-z]{3,}$/.test(t) || (/^[A-Za-z]{2,}\.$/.test(t) && t.length > 5)) return false;
  return true;
}

/**
 * Where a unit was printed but reads as no unit: a short word between the value and its range,
 * or a short word right after the range with another cell after it (a lab code, "cc"; "Ya" for %,
 * "UN" for U/L). Alone at the line's end the same word may be a lab code, so it does not count.
 */
function garbledUnitCell(d: Draft): boolean {
  const at = d.extra.findIndex((x) => x.t === d.range);
  // A short word between the value and its range sits in the unit column ("15.9  ie  38.5-50.0").
  const shortWord = (t: string) => /^[A-Za-z%][A-Za-z%.,'’]{0,4}$/.test(t) && !isFlag(t) && !flagSlip(t) && !NOISE.test(t) && !QUAL.test(t) && t !== d.flag;
  if (at > 0 && d.extra.slice(0, at).some((x) => shortWord(x.t))) return true;
  const cell = d.extra[at + 1]?.t;
  if (at < 0 || !cell || d.extra.length !== at + 3) return false;
  return /^[A-Za-z%]{1,3}$/.test(cell) && !isFlag(cell) && !flagSlip(cell) && !NOISE.test(cell) && !QUAL.test(cell);
}

/**
 * A token that is a slashed unit as printed, or one edit from one of three to six characters
 * ("mg/dt", "mq/dl"), and names no test ("A/G").
 */
function slashedUnitNear(u: string): boolean {
  const k = unitKey(u);
  if (lookupExact(u, false)) return false;
  if (UNITS[k]) return true;
  return Object.keys(UNITS).some((key) => key.length >= 3 && key.length <= 6 && key.includes('/') && Math.abs(key.length - k.length) <= 1 && editDistance(k, key, 1) <= 1);
}

/** One edit away from exactly one short unit with a slash ("w/l" -> U/L). */
function closestShort(k: string): string | undefined {
  const hits = new Set<string>();
  for (const [key, code] of Object.entries(UNITS)) {
    if (key.length < 3 || key.length > 6 || !key.includes('/') || Math.abs(key.length - k.length) > 1) continue;
    if (editDistance(k, key, 1) <= 1) hits.add(code);
  }
  return hits.size === 1 ? [...hits][0] : undefined;
}

/** OCR repair of a decimal-number-shaped token: O/o -> 0, l/I/| -> 1, a leading S -> 5. */
export function repairNumber(t: string): string {
  // A point read as a colon ("13:1"; a time has two digits after its colon).
  const colon = /^(\d{1,3}):(\d)(HH|LL|H|L)?$/.exec(t);
  if (colon) return `${colon[1]}.${colon[2]}${colon[3] ?? ''}`;
  // A leading 5 read as S before whole digits ("S9H").
  if (/^S(?:\d{1,3}(?:HH|LL|H|L)?|HH|LL|H|L)$/.test(t)) return `5${t.slice(1)}`;
  // A leading 1 read as L, l, I or a bar before a zero and its point lost ("L007" is 1007, a specific gravity's
  // 1.007): no value is printed zero-led after a letter.
  if (/^[LlI|]0\d{1,3}$/.test(t)) return `1${t.slice(1)}`;
  if (!/\d/.test(t) || t.length < 3 || !/[.,]/.test(t)) return t;
  const m = /^([<>]?=?)(S?)([\dOolI|.,]+)(HH|LL|H|L)?$/.exec(t);
  if (!m) return t;
  const body = (m[2] === 'S' ? '5' : '') + m[3]!.replace(/[Oo]/g, '0').replace(/[lI|]/g, '1');
  return `${m[1]}${body}${m[4] ?? ''}`;
}

const NUM = /^(?:[<>]=?)?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^(?:[<>]=?)?\d+(?:\.\d+)?$|^(?:[<>]=?)?\.\d+$/;
const VALUE_FLAG = /^(\d+(?:\.\d+)?)((?:HH|LL|H|L|A)[*"”'’]?|\*|!|\((?:HH|LL|H|L|A)\))$/;
const RANGE = /^[([]?(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)[)\]]?$/;
const CMP_RANGE = /^[([]?(<=|>=|<|>|≤|≥)(\d+(?:\.\d+)?)[)\]]?$/;
// Also in square brackets, as PowerChart prints them ("10.5 [H]").
const FLAG = /^(?:\(?(?:HH|LL|H|L|A|AA|C|CH|CL|HI|LO|HIGH|LOW|ABN|ABNORMAL|CRIT|CRITICAL|POS)\)?|\[(?:HH|LL|H|L|A|C|CH|CL)\]|\*{1,2}|\*?[HLA]\*?|!{1,2}|↑|↓)$/i;
/** A flag printed in a column before the value ("LDL  H  162", "Occult Blood  ABNORMAL  Positive"). */
const FLAG_BEFORE = /^(?:H|L|HH|LL|HIGH|LOW|\*|\(H\)|\(L\))$/i;
/** Flags that may also end a test name ("Vitamin A", "Hepatitis A"): taken as a flag only when the name without it is a test and with it is not. */
const FLAG_BEFORE_AMBIGUOUS = /^(?:A|ABN|ABNORMAL|\(A\)|C|CRIT|CRITICAL)$/i;
/** A label in front of a reference range ("Ref: 65-99", "Reference Range: ...", "Normal: Negative"). */
const RANGE_LABEL = /^\(?(?:ref(?:erence)?|ref\.?range|range|normal|interval|nl|ref\.?rng|rng)[:.]?$/i;
const QUAL = /^(?:negative|neg|positive|pos|trace|yellow|clear|cloudy|hazy|turbid|amber|straw|colorless|dark|red|orange|brown|small|moderate|large|none|normal|abnormal|detected|reactive|nonreactive|non-reactive|[1-4]\+)$/i;
/** Words that begin a two-word qualitative result. */
const QUAL_MODIFIER = /^(?:light|dark|pale|deep|slightly|very|not|non)$/i;
const NOISE = /^(?:\(calc\)|calc|0[1-9])$/;
const NOT_TEST =
  /^(?:or|and|of|to|the|dob|d\.o\.b|age|sex|gender|phone|tel|fax|page|specimen|client|acct|account|mrn|date|collected|received|reported|requisition|printed|clia|patient|id|control|rte|npi|pages|lab|room|bed|loc|ht|wt|bp|pulse|temp|resp|spo2|height|weight|total|claim|amount|member|group|cpt|dose|lot|cvx|fasting|ordering|attending|verified|resulted|medical|director|dir|branch|report|status|time|visit|zip|suite|apt|po|p\.o\.|box|phone:)$/i;

const STAR = /^\*+$/;
/** A range, also with its first digit or bracket garbled into a letter or point ("(B5-99)", "p.70-1.33)", ".6-10.3)"). */
const RANGE_SHAPED = /^[([]?[A-Za-z.]?\d*\.?\d+-\d+(?:\.\d+)?[)\]]?$/;

/** A printed flag; not a lower-then-upper mix ("lL" is a misread unit, flags print "L", "Low", "LOW"). */
function isFlag(t: string): boolean {
  return FLAG.test(t) && !/^[a-z][A-Z]/.test(t);
}

/** "High" / "Low" as OCR misreads them ("igh", "Hiqh", "Iow"); never a test name or unit. */
function flagSlip(t: string): 'H' | 'L' | undefined {
  if (/^\([1lI|]\)$/.test(t)) return 'L';
  if (!/^[A-Za-z1|]{3,5}$/.test(t)) return undefined;
  const k = t.toLowerCase();
  if (k !== 'high' && editDistance(k, 'high', 1) <= 1) return 'H';
  if (/^[li1|]o[wv]$/.test(k) && k !== 'low') return 'L';
  return undefined;
}

function isUnitToken(t: string): boolean {
  if (ucumFor(t)) return true;
  return /^(?:x?10[\^*eE]\d+\/[a-zA-Zu]+|[a-zA-Zµu]{1,5}\/[a-zA-Z0-9.µu{}_]{1,12}(?:\/[a-zA-Z0-9.{}_]+)?)$/.test(t) && !/^[a-z]\/[a-z]$/i.test(t);
}

function flagCode(printed: string, numeric: number | undefined, low?: number, high?: number): LabRow['flag'] {
  const p = printed.replace(/[()[\]]/g, '').toUpperCase();
  const dir = (): 'H' | 'L' | undefined =>
    numeric === undefined ? undefined : high !== undefined && numeric > high ? 'H' : low !== undefined && numeric < low ? 'L' : undefined;
  if (/^(?:HH|CH|\*H\*?|H\*|!!)$/.test(p) && p !== 'H*') return 'HH';
  if (/^(?:LL|CL)$/.test(p)) return 'LL';
  if (/^(?:H|HI|HIGH|↑|H\*|>)$/.test(p)) return 'H';
  if (/^(?:L|LO|LOW|↓|L\*|<)$/.test(p)) return 'L';
  const slip = flagSlip(printed);
  if (slip) return slip;
  if (/^(?:C|CRIT|CRITICAL)$/.test(p)) return dir() === 'L' ? 'LL' : dir() === 'H' ? 'HH' : 'A';
  // A star beside a value inside its range is a footnote mark (OCR reads ” and ™ as *), not a flag.
  if (/^\*+$/.test(p) && numeric !== undefined && (low !== undefined || high !== undefined)) return dir();
  return dir() ?? 'A';
}

/** Normalise one printed line so shapes are single tokens: "70 - 99" -> "70-99", "> OR = 60" -> ">=60". */
/**
 * A word result OCR garbled ("Ncgatve", "Negat ve", "Negat-ve", "Neqative", "Posit ve"): a word, or a
 * word and a lowercase piece one space after it, two letters or fewer off Negative or Positive.
 */
function mendResultWords(s: string): string {
  const mend = (m: string, p: string, w: string) => {
    const k = w.toLowerCase().replace(/[^a-z]/g, '');
    if (k.length < 7 || k.length > 10) return m;
    for (const word of ['negative', 'positive']) {
      if (k !== word && k[0] === word[0] && editDistance(k, word, 2) <= 2) return `${p}${w[1] === w[1]!.toUpperCase() && /[A-Z]/.test(w[1]!) ? word.toUpperCase() : word[0]!.toUpperCase() + word.slice(1)}`;
    }
    return m;
  };
  return s
    .replace(/(^|\s)([NnPp][A-Za-z'~-]{2,7} [a-z]{1,3})(?=\s|$)/g, mend)
    .replace(/(^|\s)([NnPp][A-Za-z'~-]{5,9})(?=\s|$)/g, mend);
}

/**
 * A 0 whose inside a speck filled reads as `@` ("@.2", "<15@", "1@*3/uL"): a 0 beside a digit,
 * a point or a comparator, or before a digit or a point. Read twice, as `0@` ("<130@" for <130),
 * it is one 0.
 */
export function atAsZero(s: string): string {
  return s.replace(/0@(?![\d.])/g, '0').replace(/(?<=[\d.<>=])@|@(?=[\d.*])/g, '0');
}

export function normaliseLine(s: string): string {
  return mendResultWords(atAsZero(s))
    // Dot leaders from a test's name to its value ("GLUCOSE.........   86", "CARBON DIOXIDE.....27", ". . . ."):
    // a separator, spaces as wide (two at least), never part of the name's last word.
    // A lone H or L (or two) glued to the leader after a name word is dots OCR read as letters, no flag printed
    // before the value ("UREA NITROGEN (BUN) LL...     18 mg/dl": a flag column stands apart, never on the leader).
    .replace(/(?<=\S\s)(?:[HL]{1,2})(?=[.…]{3,}(?:\s|\d|$))/g, (m) => ' '.repeat(m.length))
    .replace(/([^\s.…])[.…]{3,}(?=\s|\d|$)/g, (m, c: string) => `${c}${' '.repeat(Math.max(2, m.length - 1))}`)
    .replace(/(^|\S)((?: \.){3,})(?= |$)/g, (_m, c: string, dots: string) => `${c}${' '.repeat(dots.length)}`)
    // A flag letter alone in its column that OCR read twice, as a capital and its small letter ("30.8  (%]
    // 38.5-50.0   Cc"): that flag. u-8494 OCR: 2 results (Session 16).
    .replace(/(?<=\S\s{2,})([CHLA])([chla])(?=\s*$|\s{2,})/g, (m, a: string, b: string) => (a.toLowerCase() === b ? `${a} ` : m))
    // HL7's interpretation names as EHR result pages print them (table 0078): the flag they stand for.
    .replace(/\b(above|below) (high|low|upper|lower) (normal|panic limits?)\b/gi, (m, side: string, _b: string, kind: string) => {
      const panic = /panic/i.test(kind);
      return /above/i.test(side) ? (panic ? 'HH' : 'H') : panic ? 'LL' : 'L';
    })
    // A screening report's status words for a result outside its range ("Above range", "Below normal range").
    .replace(/\b(above|below) (?:the )?(?:normal |reference )?range\b/gi, (_m, side: string) => (/above/i.test(side) ? 'H' : 'L'))
    .replace(/[µμ]/g, 'u')
    // Dirt OCR puts before a number: a quote ("‘270"), a point before a range or comparator (".0.70-1.33", ".>=60").
    .replace(/(^|\s)[‘’'`"]+(?=\d)/g, '$1')
    .replace(/(^|\s)[.,:]+(?=0\.\d+-|[<>])/g, '$1')
    // A value or range glued to its unit whose slash OCR lost or misread ("143gadL", "7-25mgdL", "88UL",
    // "13mg dL"): apart, so the row reads; the unit's own slips are mended where the test is known.
    // Power-of-ten units ("10E3/uL", "10*3") are not numbers glued to letters.
    .replace(/(^|\s)([<>]?=?\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?)([a-zA-Z][a-zA-Z/]{1,6})(?=\s|$)/g, (m, p: string, v: string, u: string) => (!/^10$/.test(v) && gluedUnit(u) ? `${p}${v} ${u}` : m))
    // A degree mark OCR glued after a value ("29°   mCa/l": a speck), no F or C after it: dirt.
    // Also on a value line under its name, where the value opens the line ("376°   %   350-450"). t-8797 (Session 16).
    .replace(/(?<=(?:^|\s)\d+(?:\.\d+)?)°(?=\s|$)/g, ' ')
    // A value's point followed by a space OCR put in ("2. 7(calc)", "4. 7mmold"), in a value cell (two spaces or more
    // before it, one or two digits after): one number. q-1211 OCR (Session 16).
    .replace(/(?<=\S\s{2,})(\d{1,3})\. (\d{1,2})(?=[A-Za-z(%]|\s|$)/g, '$1.$2')
    // A decimal value glued to a power-of-ten unit, its mark OCR garbled ("4.3010%6/uL", "0.410%3/uL"): the value
    // ends where "10" and the power's mark begin (the fewest decimals). u-8494 OCR: see README (Session 16).
    .replace(/(^|\s)([<>]?=?\d+\.\d+?)(x?10[*%^eE°]\d\/[A-Za-z]{1,3}\.?)(?=\s|$)/g, '$1$2 $3')
    // A value glued to a unit the unit table knows as printed, of any length ("9.5Thousand/uL", "4.98Million/uL",
    // "110mL/min/1.73m2", "21(calc)": reference labs with no units column print the unit right after the result).
    .replace(/(^|\s)([<>]?=?\d+(?:\.\d+)?)([a-zA-Z(%][^\s]{1,24})(?=\s|$)/g, (m, p: string, v: string, u: string) => (!isFlag(u) && !FLAG.test(u) && exactUcum(u) ? `${p}${v} ${u}` : m))
    // A reference interval in words: "Less than 200", "Greater than 40", "60 or greater", "5.6 or less" (a
    // range, never a result).
    .replace(/\b(less|lower|greater|more|higher) than or equal to\s+(\d+(?:\.\d+)?)(?=\s|$)/gi, (_m, w: string, n: string) => `${/less|lower/i.test(w) ? '<=' : '>='}${n}`)
    .replace(/\b(less|lower|greater|more|higher) than\s+(\d+(?:\.\d+)?)(?=\s|$)/gi, (_m, w: string, n: string) => `${/less|lower/i.test(w) ? '<' : '>'}${n}`)
    .replace(/\b(up to|at least)\s+(\d+(?:\.\d+)?)(?=\s|$)/gi, (_m, w: string, n: string) => `${/up/i.test(w) ? '<=' : '>='}${n}`)
    .replace(/(^|\s)(\d+(?:\.\d+)?)\s+(?:or|and)\s+(greater|more|higher|above|over|less|lower|below|under)\b/gi, (_m, p: string, n: string, w: string) => `${p}${/less|lower|below|under/i.test(w) ? '<=' : '>='}${n}`)
    // A unit's slash read as a space, a colon, a point or a dash ("mg dL", "mmol L", "x10E3 uL", "mmo: L", "mg. dL",
    // "mg-dL"); its L would read as a flag.
    .replace(/(^|\s)(mg|g|mmol|mmo|umol|ng|pg|ug|mcg|mL|U|IU|mIU|uIU|mEq|x10E3|x10E6)(?:[:;.]?\s|-)(dL|L|uL|mL)(?=\s|$)/gi, '$1$2/$3')
    // A space after a unit's slash ("mEq/ L", "mg/ dL": text layers of some typefaces, OCR).
    .replace(/(^|\s)(mg|g|mmol|umol|nmol|ng|pg|ug|mcg|mEq|U|IU|mIU|uIU|mL|K|M|x10E3|x10E6)\/\s(dL|L|uL|mL|min|kg|24\s?h)(?=\s|$)/gi, '$1$2/$3')
    // A space before a unit's slash, or on both sides ("mg /dt", "mq /dl", "ma / dl"; a thin monospace
    // print at standard resolution): closed up when the joined token is a slashed unit or one edit
    // from one (its own slips are then mended against the test). Names around a slash ("BUN / Creat") are not.
    .replace(/(^|\s)([a-zA-Z]{1,4})(?:\s\/\s?|\/\s)([a-zA-Z1]{1,3})(?=\.?(?:\s|$))/g, (m, p: string, a: string, b: string) => (slashedUnitNear(`${a}/${b}`) ? `${p}${a}/${b}` : m))
    // A quote inside a unit before its slash ("ng'/mL").
    .replace(/([a-zA-Z])['’‘`]+(?=\/[a-zA-Z])/g, '$1')
    // Inside a bracketed range, letters OCR reads for digits are digits ("(D.B.3.9)" is (0.8.3.9), "(G.1-8.1)"
    // (6.1-8.1)): only in brackets holding nothing but digits, points, dashes, spaces and such letters,
    // two digits at least, each letter beside a digit or point.
    .replace(/\(([\dDOoBGSlI|.,\s-]{3,13})\)/g, (m, body: string) => {
      if ((body.match(/\d/g) ?? []).length < 2 || !/[DOoBGSlI|]/.test(body) || /[DOoBGSlI|](?![\d.,])(?<![\d.,][DOoBGSlI|])/.test(body)) return m;
      return `(${body.replace(/[DOo]/g, '0').replace(/B/g, '8').replace(/G/g, '6').replace(/S/g, '5').replace(/[lI|]/g, '1')})`;
    })
    // A range's point read as a colon ("13:2-17.1").
    .replace(/(^|[\s([])(\d{1,3}):(\d{1,2})-(?=\d+\.\d)/g, '$1$2.$3-')
    // A point read as a space inside a bracketed range ("(3.8 10 8)" is 3.8-10.8), the same decimals at both ends.
    .replace(/\((\d+)\.(\d+)\s+(\d+)\s+(\d+)\)/g, (m, a: string, da: string, b: string, db: string) => (da.length === db.length ? `(${a}.${da}-${b}.${db})` : m))
    .replace(/\((\d+)\s+(\d+)\s+(\d+)\.(\d+)\)/g, (m, a: string, da: string, b: string, db: string) => (da.length === db.length ? `(${a}.${da}-${b}.${db})` : m))
    // A value whose point was read as a space, before a range printing as many decimals ("5 00 (3.80-5.10)").
    .replace(/(^|\s)(\d{1,3}) (\d{1,2})(?=\s+[([]?\d+\.(\d+))/g, (m, p: string, a: string, b: string, dec: string) => (b.length === dec.length ? `${p}${a}.${b}` : m))
    // A range's low end whose point was read as a space ("38 3-50.0" is 38.3-50.0): the digits after the space as many
    // as the high end's decimals, no point in that low end as read (ranges print both ends alike), the range then
    // increasing and its low end over a quarter of its high end.
    .replace(/(^|\s)(\d{1,3}) (\d{1,2})-(\d{1,4})\.(\d{1,2})(?=[\s)\]]|$)/g, (m, p: string, a: string, b: string, hi: string, dh: string) => {
      const low = Number(`${a}.${b}`);
      const high = Number(`${hi}.${dh}`);
      return b.length === dh.length && low < high && low > high / 4 ? `${p}${a}.${b}-${hi}.${dh}` : m;
    })
    // A power-of-ten unit whose slash OCR lost ("10°3 ul", "10°3uL", "10'3 uL"): the slash back.
    .replace(/(10[°^*'"’][36])\s?(u[lL]|m[lL]|L)(?=[\s)\]]|$)/g, '$1/$2')
    // ... or read its "/u" as a 4 or a 0 ("10°34", "10"60L", "10"34L" for 10^3/uL, 10^6/uL).
    .replace(/(10[°^*'"’][36])[40][lL]?(?=[\s)\]]|$)/g, '$1/uL')
    // A value or range glued to a power-of-ten unit ("4410°3/uL" is 44 10°3/uL, "38-10810°3/uL" 38-108 10°3/uL).
    .replace(/(^|\s)(\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?)(10[°^*'"’]?[36]\/[a-zA-Z]+)(?=\s|$)/g, '$1$2 $3')
    // An eGFR unit whose slashes OCR lost ("mL min 1.73 m2").
    .replace(/\bmL\s+min\s+(?=1\.73)/g, 'mL/min/')
    // A range's dash read as a colon before a high end that lost its point ("27.0:330").
    .replace(/(^|[\s([])(\d{1,3}\.\d{1,2}):(\d{2,5})(?=[\s)\]%]|$)/g, '$1$2-$3')
    // A range whose high end lost the point its low end prints ("11.0-150" is 11.0-15.0, "7.5-125"):
    // ends of a printed range carry the same decimals, and the high end read as printed would make
    // a range over four times its low end.
    .replace(/(^|[\s([])(\d{1,3})\.(\d{1,2})-(\d{2,5})(?=[\s)\]%]|$)/g, (m, p: string, a: string, da: string, hi: string) => {
      const low = Number(`${a}.${da}`);
      const k = da.length;
      if (low < 1 || hi.length <= k || Number(hi) <= low * 4) return m;
      const high = `${hi.slice(0, hi.length - k)}.${hi.slice(hi.length - k)}`;
      return Number(high) > low ? `${p}${a}.${da}-${high}` : m;
    })
    .replace(/(\d+\.\d+):(\d+\.\d+)/g, '$1-$2')
    // After a comparator, letters OCR reads for digits are digits ("<i50" is <150, "<joo" <100).
    .replace(/(^|\s)([<>]=?)([0-9ijlI|oO]{2,5})(?=\s|$)/g, (m, p: string, c: string, n: string) => `${p}${c}${n.replace(/[ijlI|]/g, '1').replace(/[oO]/g, '0')}`)
    // » is how OCR reads a > ("»>=60", "»60").
    .replace(/»\s*>?=/g, '>=')
    .replace(/»(?=\d)/g, '>')
    // A range whose points were lost ("070-133" is 0.70-1.33, "00-05" is 0.0-0.5, "00-20%"): a low end
    // printed with a leading zero lost its point; the high end takes as many decimals.
    .replace(/(^|[\s([{])0(\d{1,2})-(\d{2,4})(?=[\s)\]}%]|$)/g, (m, p: string, lo: string, hi: string) => {
      const k = lo.length;
      if (hi.length <= k) return hi.length === k ? `${p}0.${lo}-0.${hi}` : m;
      return `${p}0.${lo}-${hi.slice(0, hi.length - k)}.${hi.slice(hi.length - k)}`;
    })
    // Inside a range, B is an 8 ("B.6-10.3") and a leading point lost its 0 ("(.50-1.05").
    .replace(/(^|[\s([{])B(\.\d+-\d+(?:\.\d+)?)(?=[\s)\]}]|$)/g, '$18$2')
    .replace(/(^|[\s([{])(\.\d+-\d+\.\d+)(?=[\s)\]}]|$)/g, '$10$2')
    // A range whose dash OCR lost between two decimals: "35.045.0" is 35.0-45.0 (both ends with the decimals of the last).
    .replace(/(^|[\s([{])(\d+)\.(\d+)\.(\d+)(?=[\s)\]}]|$)/g, (m, p: string, a: string, mid: string, c: string) => {
      const k = c.length;
      if (mid.length <= k) return m;
      const lo = `${a}.${mid.slice(0, k)}`;
      const hi = `${mid.slice(k)}.${c}`;
      return Number(lo) < Number(hi) && !/^0\d/.test(mid.slice(k)) ? `${p}${lo}-${hi}` : m;
    })
    // A range whose dash OCR read as a point: "(80.0.100.0)", "0.0.6.0" (both ends with the same decimals).
    .replace(/(^|[\s([{])(\d+\.(\d+))\.(\d+\.(\d+))(?=[\s)\]}]|$)/g, (m, p: string, a: string, da: string, b: string, db: string) => (da.length === db.length ? `${p}${a}-${b}` : m))
    // OCR: a bracketed range whose dash became a space, braces for brackets, commas for points.
    .replace(/[{[]\s?(\d+(?:[.,]\d+)?)\s*[-\s]\s*(\d+(?:[.,]\d+)?)\s?[)}\]]/g, (_m, a: string, b: string) => `(${a.replace(',', '.')}-${b.replace(',', '.')})`)
    .replace(/\((\d+(?:[.,]\d+)?)\s+(\d+(?:[.,]\d+)?)\)/g, (_m, a: string, b: string) => `(${a.replace(',', '.')}-${b.replace(',', '.')})`)
    // A unit glued to the range or value before it: "35.0-45.0%", "<200mg/dL".
    .replace(/((?:^|\s)[<>]?=?\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?)(%|[a-zA-Z]{1,6}\/[a-zA-Z0-9.]+)(?=\s|$)/g, '$1 $2')
    // fL whose f OCR read as 1, i, l or a bar: glued to a range ("75-125iL", "7.5-12.51L", "75-1251L": a
    // range carries no flag, so a glued L is a unit's), or a token of its own after a number ("725 1L").
    .replace(/((?:^|[\s(])\d+(?:\.\d+)?-\d+(?:\.\d+)?)[1iIl|]L(?=[\s)]|$)/g, (m, a: string) => {
      const d = /(\d+)(?:\.(\d+))?-\d+(?:\.(\d+))?$/.exec(a)!;
      // "7.5-12.51L": the 1 belongs to fL only when the ends then print the same decimals.
      if (m.slice(a.length, a.length + 1) === '1' && (d[2] ?? '').length !== (d[3] ?? '').length) {
        // "7.5-1251L": the high end lost the point its low end prints, then 1L. Read as printed it would be over
        // four times the low end; its point goes back where the low end's decimals put it.
        const k = (d[2] ?? '').length;
        const hi = d[3] === undefined ? /-(\d+)$/.exec(a)![1]! : undefined;
        if (!k || !hi || hi.length <= k || Number(hi) <= Number(`${d[1]}.${d[2]}`) * 4) return m;
        return `${a.slice(0, a.length - hi.length)}${hi.slice(0, hi.length - k)}.${hi.slice(hi.length - k)} fL`;
      }
      return `${a} fL`;
    })
    // "80.0 100.01L": a decimal after another of its decimals, glued to 1L.
    .replace(/((?:^|\s)\d+\.(\d+)\s+\d+\.(\d+?))1L(?=\s|$)/g, (m, a: string, da: string, db: string) => (da.length === db.length ? `${a} fL` : m))
    .replace(/((?:^|\s)\d+(?:\.\d+)?\s+)[1iIl|]L(?=\s|$)/g, '$1fL')
    // A unit without a slash glued to a range: "7.5-12.5fL" (a flag glued to a value stays: "73H").
    .replace(/((?:^|\s)[<>]?=?\d+(?:\.\d+)?-\d+(?:\.\d+)?)([a-zA-Z]{2,4})(?=\s|$)/g, (m, a: string, u: string) => (exactUcum(u) ? `${a} ${u}` : m))
    .replace(/(?<![\d,])(\d{1,3}),(\d{1,2})(?=-\d)/g, '$1.$2')
    // A comma for the point of a range's high end whose low end prints the point ("1.9-3,7"): as many decimals.
    .replace(/(^|[\s([])(\d{1,3}\.(\d{1,2})-\d{1,3}),(\d{1,2})(?=[\s)\]]|$)/g, (m, p: string, a: string, da: string, db: string) => (da.length === db.length ? `${p}${a}.${db}` : m))
    .replace(/([<>])\s*OR\s*=\s*/gi, '$1=')
    // "> OR = 60" whose comparator OCR lost: keep it one token so "OR" does not start a test name.
    .replace(/(^|\s)=\s*OR\s*=\s*(?=\d)/g, '$1=')
    .replace(/(<=|>=|≤|≥|<|>)\s+(?=\d|\.\d)/g, '$1')
    .replace(/(\d)\s+(?:-|–|to)\s+(?=\d)/g, '$1-')
    .replace(/(\d)\s*(?:–)\s*(?=\d)/g, '$1-')
    .replace(/(\d)-\s+(?=\d)/g, '$1-')
    // A range dash OCR read as a plus ("3.5 + 5.3"; grades like "1+" have no number after them).
    .replace(/(\d)\s\+\s(?=\d)/g, '$1-')
    // A power-of-ten unit glued to a range: "1.5-7.8103/uL" is 1.5-7.8 10^3/uL (the ends have the same decimals).
    .replace(/(^|\s)(\d+\.(\d+)-\d+\.)(\d+?)(10[^\s\d/]{0,2}[36]\/\S+)/g, (m, p: string, a: string, da: string, db: string, u: string) => (da.length === db.length ? `${p}${a}${db} ${u}` : m))
    .replace(/\bx\s+10\s*([\^*eE])\s*(\d+)/g, 'x10$1$2')
    // The body-surface part of an eGFR unit with its point lost or its 1 read as l ("mL/min/l 73").
    .replace(/(\S*min\/)[1lI|]\s?[.,]?\s?73(?=\s|$|m)/g, '$11.73')
    .replace(/\b(m[A-Za-z]\/m[a-z]{1,3}\/1\.73)\s+(m2|m\^2|sq\.?\s?m)\b/gi, '$1m2')
    .replace(/%\s+of\s+total\s+Hgb/gi, '%_of_total_Hgb')
    .replace(/\bmg\/g\s+creat(?:inine)?\b/gi, 'mg/g_creat')
    .replace(/\bcells\s+\/\s*uL\b/gi, 'cells/uL');
}

interface Tok {
  t: string;
  start: number;
}

function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  const re = /\S+/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push({ t: m[0], start: m.index });
  return out;
}

function cleanNameTokens(toks: string[]): string[] {
  // Lone punctuation is OCR dirt between a name and its value ("Magnesium’ )", ": Vitamin B12").
  const out = toks.filter((t) => !/^(?:[*•·\-–]|0[1-9]|[:;.,)(|'"’‘”“`^~_!]+)$/.test(t));
  // A footnote code glued to a name ("WBC01"); not the O of a one-letter name read as 0 ("C02" is CO2).
  if (out.length && !/^[A-Za-z]0\d$/.test(out[out.length - 1]!)) out[out.length - 1] = out[out.length - 1]!.replace(/([A-Za-z)])0[1-9]$/, '$1');
  // A footnote mark read as dirt after the name, also before the cell's colon ("MpY°:"), and before
  // a speck read as a letter after it ("Hematocrit”! i").
  for (let i = 0; i < out.length; i++) out[i] = out[i]!.replace(/([A-Za-z)])[!?™®”“"'’°*¹²³]+[:.]?$/, '$1');
  if (out.length) out[0] = out[0]!.replace(/^[*•·"'“”‘’]+/, '');
  // A bar inside a word is an I or l OCR read as a rule ("NEUTROPH|LS").
  for (let i = 0; i < out.length; i++) out[i] = out[i]!.replace(/([A-Za-z])\|(?=[A-Za-z])/g, (_m, a: string) => `${a}${/[A-Z]/.test(a) ? 'I' : 'l'}`);
  // A speck in the left margin read as a letter or digit before a capitalised name ("i MCH", "4 AST (SGOT)").
  if (out.length >= 2 && /^[a-z0-9]$/.test(out[0]!) && /^[A-Z]/.test(out[1]!)) out.shift();
  return out.filter(Boolean);
}

/**
 * Specks and shadows at a photo's or scan's edge read as short words around a name ("SB CHLORIDE
 * ey", "Ee POTASSIUM"): dropped when the name as read is none of the table's and what is left is.
 */
function marginDirtDropped(toks: string[], urine: boolean): { kept: string[]; lead: string[] } {
  // A flag in a margin column before the name, which the name's lookup would read past ("(L) GLUCOSE").
  if (toks.length >= 2 && MARGIN_FLAG.test(toks[0]!) && lookupExact(toks.slice(1).join(' '), urine)) return { kept: toks.slice(1), lead: [toks[0]!] };
  if (toks.length < 2 || lookupExact(toks.join(' '), urine)) return { kept: toks, lead: [] };
  // Before the name any short word; after it only lowercase letters (a garbled value or flag
  // there, "CHOL 1h Al 610", must keep the row from being read).
  let lo = 0;
  let hi = toks.length;
  // Also what a results export prints in the cells before the test's (a collection time read as
  // "11.57" or "1157", the order's name wrapped to a word like "panel"): only when the rest is a test.
  while (lo < hi - 1 && (toks[lo]!.length <= 2 || /^[\d.:-]+$/.test(toks[lo]!) || orderWord(toks[lo]!))) lo++;
  while (hi > lo + 1 && /^[a-z]{1,2}$/.test(toks[hi - 1]!)) hi--;
  if (lo === 0 && hi === toks.length) return { kept: toks, lead: [] };
  const kept = toks.slice(lo, hi);
  return lookupExact(kept.join(' '), urine) ? { kept, lead: toks.slice(0, lo) } : { kept: toks, lead: [] };
}

/** A line printer's flag column before the test's ("HI   GLU ....   170", "LO   CL ....   96"): the flag, else undefined. */
function leadingFlag(lead: string | undefined): string | undefined {
  return lead && (/^(?:HI|LO|HH|LL|H|L)$/.test(lead) || MARGIN_FLAG.test(lead)) ? lead : undefined;
}

/** A flag in brackets in a margin column before the test's name ("(L)", "(HH)", "(A)"). */
const MARGIN_FLAG = /^\((?:HH|LL|HI|LO|H|L|A)\)$/;

/** Where the cells of a name begin: a token after two or more spaces starts a cell (wide tables print a cell per column). */
function cellStarts(toks: Tok[]): number[] {
  const out: number[] = [];
  for (let k = 1; k < toks.length; k++) if (toks[k]!.start - (toks[k - 1]!.start + toks[k - 1]!.t.length) >= 2) out.push(k);
  return out;
}

/**
 * A test name printed after other cells of its row (an Order / Panel column, a collected date:
 * "CBC (includes Diff/Plt)   Hemoglobin   14.9 g/dL", EHR result exports): when the name as read
 * is no test, the longest run of its last cells that is one. A leading cell naming a urine panel
 * ("Urinalysis, Complete   Color   Yellow") makes the row a urine test. Returns where the test's
 * cells begin, else undefined.
 */
function leadingCellsEnd(
  name: string[],
  toks: Tok[],
  urine: boolean,
  match: (name: string, urine: boolean) => Syn | undefined = (n, u) => lookupTest(n, u) ?? lookupTest(undigit(n), u),
): { at: number; urine: boolean } | undefined {
  if (name.length !== toks.length || name.length < 2) return undefined;
  const whole = cleanNameTokens(name).join(' ');
  if (!whole || lookupTest(whole, urine) || lookupTest(undigit(whole), urine) || match(whole, urine)) return undefined;
  for (const at of cellStarts(toks)) {
    // A test's name is a few words.
    if (name.length - at > 6) continue;
    const lead = name.slice(0, at).join(' ');
    if (!leadCell(name.slice(0, at), urine)) continue;
    const inUrine = urine || PANEL_URINE.test(lead);
    const rest = cleanNameTokens(name.slice(at)).join(' ');
    // Two letters also once a digit read for a letter is put back ("C02" is CO2).
    if (rest && /[A-Za-z]{2}/.test(undigit(rest)) && match(rest, inUrine)) return { at, urine: inUrine };
  }
  // The gap before the name lost to OCR ("CBC bincludes DIRT MCV   818"): after a word that names an
  // order or panel, the longest run of the last words that is a test.
  let order = -1;
  name.forEach((t, k) => {
    if (k < name.length - 1 && orderWord(t)) order = k;
  });
  if (order < 0) {
    // An order named for its one test ("TSH TSH 1.90", "Hemoglobin A1c Estimated Average Glucose 97"):
    // a test's name as printed, then another test's name as printed.
    for (let at = 1; at < name.length && name.length <= 12; at++) {
      const first = cleanNameTokens(name.slice(0, at)).join(' ');
      const rest = cleanNameTokens(name.slice(at)).join(' ');
      if (first && rest && /[A-Za-z]{2}/.test(rest) && lookupExact(first, urine) && lookupExact(rest, urine)) return { at, urine };
    }
    return undefined;
  }
  const lead = name.slice(0, order + 1).join(' ');
  if (name.slice(0, order + 1).some((t) => (NUM.test(t) && t.length <= 6) || RANGE.test(t) || CMP_RANGE.test(t) || /\d-\d/.test(t) || exactUcum(t))) return undefined;
  const inUrine = urine || PANEL_URINE.test(lead);
  for (let at = Math.max(order + 1, name.length - 6); at < name.length; at++) {
    const rest = cleanNameTokens(name.slice(at)).join(' ');
    if (rest && /[A-Za-z]{2}/.test(rest) && match(rest, inUrine)) return { at, urine: inUrine };
  }
  return undefined;
}

/**
 * An order, panel or date cell: no value, range or unit in it (those are a row of a column before,
 * misread), and a word of its own, a date or a test's name ("TSH   TSH"), not a stray short mark ("gal").
 */
/** A line printer's collection date ("26MAR2025", its month's O also read as 0: "150CT2022") or a slashed one. */
const DATE_CELL = /^(?:\d{1,2}[A-Za-z0][A-Za-z]{2}\d{4}|\d{1,2}\/\d{1,2}\/\d{2,4})$/;
/** The time after it ("0857", "08:57"). */
const TIME_CELL = /^\d{1,2}:?\d{2}$/;

function leadCell(toks: string[], urine: boolean): boolean {
  const lead = toks.join(' ');
  // A collection date and time ("26MAR2025 0857", "03/26/2025 08:57").
  if (toks.length <= 2 && DATE_CELL.test(toks[0] ?? '') && (toks.length === 1 || TIME_CELL.test(toks[1]!))) return true;
  if (toks.some((t) => (NUM.test(t) && t.length <= 6) || RANGE.test(t) || CMP_RANGE.test(t) || /\d-\d/.test(t) || exactUcum(t))) return false;
  return lead.replace(/[^A-Za-z]/g, '').length >= 4 || /\d{4}/.test(lead) || !!lookupExact(lead, urine);
}

/** An order or panel name without the dates and times printed in its cell, else undefined. */
function orderName(cell: string): string | undefined {
  const name = cell
    .split(/\s+/)
    .filter((t) => !/\d{1,2}[/:.-]\d{1,2}|\d{4,}/.test(t))
    .join(' ')
    .trim();
  return (name.match(/[A-Za-z]/g) ?? []).length >= 3 ? name : undefined;
}

/** Words of lab order and panel names ("CBC", "Comprehensive Metabolic Panel", "Lipid Panel", "includes Diff"), also a letter or two misread in the longer ones. */
const ORDER_WORDS = ['panel', 'profile', 'urinalysis', 'metabolic', 'comprehensive', 'lipid', 'hepatic', 'includes', 'differential', 'complete'];
function orderWord(t: string): boolean {
  const k = t.toLowerCase().replace(/[^a-z]/g, '');
  if (/^(?:cbc|cmp|bmp|ua|diff)$/.test(k) && /^[(A-Z]/.test(t)) return true;
  // "Panel" with a letter lost or misread ("Pane", "Pare:"), the word an order's cell ends on.
  if (k.length === 4 && k.startsWith('pa') && editDistance(k, 'panel', 1) <= 1) return true;
  return k.length >= 5 && ORDER_WORDS.some((w) => k === w || (k.length >= 7 && editDistance(k, w, 2) <= 2));
}

interface Draft {
  name: string[];
  nameToks: Tok[];
  value?: string;
  valueTok?: Tok;
  flag?: string;
  range?: string;
  unit?: string;
  /** The range was printed before the value. */
  rangeFirst?: boolean;
  /** A lab or footnote code ("01") was passed: the row's last column; a flag-like mark after it is dirt. */
  pastCode?: boolean;
  /** The flag was read after the reference range (a flag column at the end, or dirt at the line's end). */
  flagAfterRange?: boolean;
  extra: Tok[];
  /** The name's leading order / date cells were looked for (leadingCellsEnd). */
  cellsRead?: boolean;
  /** A leading cell named a urine panel. */
  urine?: boolean;
  /** The order / date cells dropped from before the name. */
  orderCell?: string;
  /** The table's headers print an order / panel / date column before the test's. */
  leadColumns?: boolean;
  /** Leading words that stand before a test's name on two or more rows of the document (repeatedLeads). */
  leads?: Set<string>;
  /** After its value and range, another value and range: a second column's result whose name OCR lost. */
  pastOtherResult?: boolean;
}

const unparen = (t: string) => t.replace(/^\((.*)\)$/, '$1');

/**
 * What may stand between a range and the value printed after it: the unit, also garbled
 * ("mmolL", "UL"), or lone OCR dirt (":").
 */
function unitSlot(t: string): boolean {
  if (unitLike(t) || /^[:;.,'‘’"|]+$/.test(t)) return true;
  return /^[A-Za-zµ%]{2,7}\.?$/.test(t) && !QUAL.test(t) && !QUAL_MODIFIER.test(t) && !isFlag(t) && !flagSlip(t) && !RANGE_LABEL.test(t) && !lookupExact(t, false);
}

/** A unit as printed or as OCR garbles it ("mg/", "fng/dL", "mmpl/L"): short, with a slash or %, not a number. */
const unitLike = (t: string) => isUnitToken(t) || (/^[A-Za-z%µ°*^"'0-9]{0,8}(?:\/[A-Za-z0-9.{}_]{0,10}){1,2}$|^%$/.test(t) && /[A-Za-z%]/.test(t) && !NUM.test(t));

/**
 * Does a value follow from toks[j] on (past at most one unit)? Used for ranges printed before
 * the value ("Sodium  135 - 145 mmol/L  139", hospital "Latest Ref Rng" columns).
 */
function valueFollows(toks: Tok[], j: number, qualRange: boolean, needUnit = false): boolean {
  let k = j;
  while (!qualRange && k < j + 2 && toks[k] && unitSlot(toks[k]!.t)) k++;
  if (needUnit && k === j) return false;
  const v = toks[k]?.t;
  if (!v) return false;
  // After a word range ("Negative"), the result is a word or a number ("PROTEIN  Negative  30 MG/DL  A").
  if (qualRange) return QUAL.test(v) || (QUAL_MODIFIER.test(v) && QUAL.test(toks[k + 1]?.t ?? '')) || (NUM.test(v) && !CMP_RANGE.test(v));
  return (NUM.test(v) && !CMP_RANGE.test(v)) || VALUE_FLAG.test(v);
}

/**
 * The date of a previous result printed beside it (cumulative reports), also with its slashes
 * lost or read as a 7 ("05282024", "052872024", "0528/2024"): digits ending in a year.
 */
const PREVIOUS_DATE = /^\d{1,2}\/\d{1,2}\/\d{2,4}$|^(?=[\d/]{8,10}$)\d[\d/]*(?:19|20)\d{2}$/;

/** Is the next token, or the one after a unit or a dated previous result, a range printing decimals ("0.0-2.0", "% 0.0-2.0")? */
function decimalRangeAhead(toks: Tok[], j: number): boolean {
  const at = toks[j] && isUnitToken(toks[j]!.t) ? j + 1 : j;
  const t = toks[at]?.t ?? '';
  if (DECIMAL_RANGE.test(t)) return true;
  // Past a previous result with its date and the unit ("088   092 08/13/2024   mg/dL   0.50-1.05").
  const dated = PREVIOUS_DATE.test(toks[at + 1]?.t ?? '');
  // The previous result may carry a mark OCR glued to it ("0.3°").
  if (!NUM.test(t.replace(/[°"'’”*]+$/, '')) || !dated) return false;
  // The unit cell also garbled to a mark or a short word ("%" read as "*", "mgd", "x10E3 uL").
  let after = at + 2;
  while (after < at + 4 && toks[after] && (isUnitToken(toks[after]!.t) || /^[A-Za-z%*°"'’.:;]{1,8}$/.test(toks[after]!.t) || unitLike(toks[after]!.t)) && !DECIMAL_RANGE.test(toks[after]!.t)) after++;
  return DECIMAL_RANGE.test(toks[after]?.t ?? '');
}

/**
 * A range printing decimals: with its point ("0.0-2.0"), or a zero-led run of digits that lost its
 * dash and points ("0020" is 0.0-2.0, "0212" 0.2-1.2): no range's low end is printed with a leading zero otherwise;
 * a comparator before a decimal ("<=4.00" of `< OR = 4.00`); one point and three or four decimals, a range that lost
 * its dash and a point ("0.020" of 0.0-2.0, "3.8108"), or zero-led with one point left ("021.0" of 0.2-1.0).
 */
const DECIMAL_RANGE = /^[([]?(?:\d+\.\d+-\d+(?:\.\d+)?|\d+-\d+\.\d+|0\d{3,5}|(?:<=|>=|<|>)\d+\.\d+|\d{1,2}\.\d{3,4}|0\d{1,3}\.\d{1,2})[)\]]?$/;

/**
 * Parse one (normalised) line into zero or more drafts; the last may be a name still waiting for its value.
 * `rangeFirst`: the column headers put the reference range before the result, so a word range
 * (a qualitative "Negative") followed by another word result is the range.
 */
function parseLineDrafts(text: string, urine: boolean, rangeFirst = false): Draft[] {
  const toks = tokenize(text);
  const drafts: Draft[] = [];
  let cur: Draft | null = null;
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i]!;
    const t = cur?.name.length && cur.value === undefined ? repairNumber(tk.t) : tk.t;
    // Once a row has its value, its name is read from its own cell (order / date cells before it dropped),
    // so its garbled unit is read against the test.
    if (cur && cur.value !== undefined && !cur.cellsRead) {
      cur.cellsRead = true;
      // A dot leader OCR read as letters is dropped now, so the unit after the value is read against the test
      // ("CHOLESTEROL, TOTAL. ovens   109 mey/dl,").
      leaderGarbleDropped(cur);
      const cells = leadingCellsEnd(cur.name, cur.nameToks, urine);
      if (cells) {
        cur.orderCell = cur.name.slice(0, cells.at).join(' ');
        cur.flag ??= leadingFlag(cur.name[cells.at - 1]);
        cur.name = cur.name.slice(cells.at);
        cur.nameToks = cur.nameToks.slice(cells.at);
        cur.urine = cells.urine;
      }
    }
    // A bare numerator split off a glued value ("19mg  7:25 mgrdl") is the unit so far, no next test's name; the
    // unit's own cell later in the row may still read as one of the test's units.
    if (cur?.value !== undefined && cur.unit === undefined && cur.valueTok && UNIT_NUMERATORS.has(unitKey(t)) && !ucumFor(t) && tk.start === cur.valueTok.start + cur.valueTok.t.length + 1) {
      cur.unit = t;
      cur.extra.push(tk);
      continue;
    }
    const bareNumerator = cur?.unit !== undefined && UNIT_NUMERATORS.has(unitKey(cur.unit)) && !ucumFor(cur.unit);
    if (cur?.value !== undefined && (cur.unit === undefined || bareNumerator) && garbledUnitOf(t, cur, toks[i + 1]?.t, urine || !!cur.urine)) {
      cur.unit = t;
      cur.extra.push(tk);
      continue;
    }
    if (!cur || (cur.value !== undefined && startsName(t, cur, toks[i + 1]?.t) && !unitBeforeColumnGap(toks, i, cur))) {
      cur = { name: [], nameToks: [], extra: [] };
      drafts.push(cur);
    }
    if (cur.value === undefined) {
      const vf = VALUE_FLAG.exec(t);
      const nameSoFar = cleanNameTokens(cur.name).join(' ');
      // Only a token the test's name decides about (a number, range, unit or word result) needs the name's own cell.
      const plainWord = /^[A-Za-z(][^\d]*$/.test(t) && !QUAL.test(unparen(t)) && !isUnitToken(t) && !(cur.rangeFirst && unitSlot(t));
      const cells = nameSoFar && !plainWord ? leadingCellsEnd(cur.name, cur.nameToks, urine) : undefined;
      const known = nameSoFar ? lookupTest(nameSoFar, urine) ?? lookupTest(undigit(nameSoFar), urine) ?? (cells && lookupTest(cleanNameTokens(cur.name.slice(cells.at)).join(' '), cells.urine)) : undefined;
      // The range printed before the value ("Sodium  135 - 145 mmol/L  139 (H)"): a range shape
      // after a known test name, with a value (past at most one unit) right after it.
      const qualRange = rangeFirst && QUAL.test(unparen(t)) && !/^(?:abnormal|none)$/i.test(t);
      // A word range names a urine test as often ("PROTEIN  Negative  30 MG/DL").
      const knownHere = known ?? (qualRange && nameSoFar ? lookupTest(nameSoFar, true) : undefined);
      if (cur.name.length && knownHere && cur.range === undefined && (RANGE.test(t) || CMP_RANGE.test(t) || qualRange) && valueFollows(toks, i + 1, qualRange)) {
        cur.range = t;
        cur.rangeFirst = true;
        cur.extra.push(tk);
        continue;
      }
      // Under range-first headers, two numbers, the first the lower, then a third: a range whose dash OCR read
      // as a space ("3.8 10.8   13.6  H", "135 146   141"); the value is the third, not the range's high end.
      // v-8292 OCR lab recall: see README (Session 16).
      const n1 = toks[i + 1]?.t ?? '';
      const n2 = toks[i + 2]?.t ?? '';
      if (rangeFirst && cur.name.length && known && !cur.rangeFirst && cur.range === undefined && /^\d+(?:\.\d+)?$/.test(t) && /^\d+(?:\.\d+)?$/.test(n1) && Number(t) < Number(n1) && toks[i + 1]!.start - (tk.start + tk.t.length) <= 3 && (NUM.test(n2) || VALUE_FLAG.test(n2)) && !CMP_RANGE.test(n2) && !RANGE.test(n2)) {
        cur.range = `${t}-${n1}`;
        cur.rangeFirst = true;
        cur.extra.push(tk, toks[i + 1]!);
        i++;
        continue;
      }
      // Under range-first headers, a number then a unit then a number, or two numbers, the first
      // is a range OCR garbled ("8610.3 mg/dL 9.0", "200750  472  %": 20.0-75.0 lost its dash and points).
      if (rangeFirst && cur.name.length && known && !cur.rangeFirst && NUM.test(t) && (valueFollows(toks, i + 1, false, true) || (NUM.test(toks[i + 1]?.t ?? '') && !CMP_RANGE.test(toks[i + 1]!.t)))) {
        cur.rangeFirst = true;
        cur.extra.push(tk);
        continue;
      }
      // A value glued to its unit garbled past the unit table's spellings ("3.4mmol/1,", "2.6(cale)", "7.0pdl"): the
      // number is the value and the rest its unit, when the rest reads as one of the test's units (the value possible
      // in it). q-1211 OCR: see README (Session 16).
      const glued = known && cur.name.length && cur.unit === undefined ? /^(\d+(?:\.\d+)?)([A-Za-z(%][^\s]{1,12})$/.exec(t) : null;
      if (glued && !VALUE_FLAG.test(t) && !flagSlip(glued[2]!) && unitFromPrior(glued[2]!, known!.loinc, 3, glued[1])) {
        cur.value = glued[1]!;
        cur.valueTok = tk;
        cur.unit = glued[2]!;
        takeFlagBefore(cur, urine);
        continue;
      }
      // A unit printed before the value, after a range or alone ("Estimated Average Glucose  mg/dL  128").
      const nextTok = toks[i + 1]?.t ?? '';
      if (cur.rangeFirst && /^[:;.,'‘’"|]+$/.test(t)) {
        cur.extra.push(tk);
        continue;
      }
      // A method in brackets between the name and its value ("LDL-Cholesterol (calc)  154 mg/dL") is
      // part of the name, though "(calc)" after a value stands for a ratio's unit; a unit in brackets is left to the unit rules.
      if (cur.name.length && /^\([A-Za-z][A-Za-z .-]{1,14}\)$/.test(t) && !ucumFor(unparen(t))) {
        cur.name.push(t);
        cur.nameToks.push(tk);
        continue;
      }
      // A word that is a unit but also ends the test's name ("Microalb/Creat Ratio", "T. Chol/HDL Ratio") stays in the name.
      const cellName = cells ? cleanNameTokens(cur.name.slice(cells.at)).join(' ') : undefined;
      const endsName = /^[A-Za-z]+$/.test(t) && (!!lookupExact(`${nameSoFar} ${t}`, urine) || (!!cellName && !!lookupExact(`${cellName} ${t}`, cells!.urine)));
      if (!endsName && cur.unit === undefined && (cur.rangeFirst ? unitSlot(t) : isUnitToken(t)) && !NUM.test(t) && (cur.rangeFirst || (known && cur.name.length && ((NUM.test(nextTok) && !CMP_RANGE.test(nextTok)) || VALUE_FLAG.test(nextTok))))) {
        cur.unit = t;
        cur.extra.push(tk);
        continue;
      }
      if (cur.name.length && DATE_CELL.test(cur.name[cur.name.length - 1]!) && TIME_CELL.test(t) && Number(t.replace(':', '')) % 100 < 60) {
        // The time of a collection date-time cell before the test ("150CT2022 1128   CL ....  104"): no value.
        cur.name.push(t);
        cur.nameToks.push(tk);
      } else if (cur.name.length && /^\d{1,3}$/.test(t) && /^[A-Za-z]{3,}$/.test(nextTok) && NUM.test(toks[i + 2]?.t ?? '') && lookupTest(`${nameSoFar} ${t} ${nextTok}`, urine)) {
        // A number inside a test's name whose comma and dash OCR lost ("Vitamin D. 25 Hydroxy  58 ng/mL"): the
        // name goes on when it and the word after it make a test, a value after them.
        cur.name.push(t);
        cur.nameToks.push(tk);
      } else if (t === '4' && cur.name.length && !/#$/.test(nameSoFar) && lookupExact(`${nameSoFar} #`, urine) && /^\d+\.\d+$/.test(nextTok)) {
        // "LYMPH 4  2.6": an absolute count's # read as a 4, a decimal value after it.
        cur.name.push('#');
        cur.nameToks.push(tk);
      } else if (!known && /^8\d{1,2}$/.test(t) && lookupExact(undigit(`${nameSoFar} ${t}`), urine)) {
        // "Vitamin 812": the B of a name read as 8, not a value.
        cur.name.push(t);
        cur.nameToks.push(tk);
      } else if (!lookupExact(nameSoFar, urine) && /^\d{1,2}$/.test(t) && /[A-Za-z]$/.test(nameSoFar) && lookupExact(`${nameSoFar}${t}`, urine) && (NUM.test(nextTok) || VALUE_FLAG.test(nextTok) || FLAG_BEFORE.test(nextTok))) {
        // "Vitamin B 12  500 pg/mL": the number ends a name that is no test without it, a value follows.
        cur.name[cur.name.length - 1] += t;
        cur.nameToks.push(tk);
      } else if ((cur.rangeFirst ? /^0\d$/.test(t) : cur.name.length && decimalRangeAhead(toks, i + 1) && /^0\d{1,2}$/.test(t))) {
        // After its range, or before a range printing decimals, "08" or "094" is a value that lost
        // its point: no value is printed with a leading zero, and no footnote code sits there.
        cur.value = `0.${t.slice(1)}`;
        cur.valueTok = tk;
      } else if (cur.name.length && (NUM.test(t) || CMP_RANGE.test(t)) && !RANGE.test(t) && !/^0\d+$/.test(t)) {
        cur.value = t;
        cur.valueTok = tk;
        takeFlagBefore(cur, urine);
      } else if (cur.name.length && vf) {
        cur.value = vf[1]!;
        cur.flag = vf[2]!;
        cur.valueTok = tk;
      } else if (cur.name.length && QUAL.test(t) && (known || urine || lookupExact(nameSoFar, true) || lookupTest(cleanNameTokens(cur.name.slice(0, -1)).join(' '), true)) && !/^(?:normal|abnormal|none)$/i.test(t)) {
        cur.value = t;
        cur.valueTok = tk;
        // Two-word results: "Light Yellow", "Not Detected", "Non Reactive".
        const prev = cur.name[cur.name.length - 1];
        const nx = toks[i + 1];
        if (cur.name.length >= 2 && prev && QUAL_MODIFIER.test(prev)) {
          cur.value = `${prev} ${t}`;
          cur.name.pop();
          cur.nameToks.pop();
        } else if (QUAL_MODIFIER.test(t) && nx && QUAL.test(nx.t) && !QUAL_MODIFIER.test(nx.t) && nx.start === tk.start + tk.t.length + 1) {
          // A modifier that is a result word itself ("Dark"), one space before another ("Dark Yellow   Yellow"): one result.
          cur.value = `${t} ${nx.t}`;
          cur.extra.push(nx);
          i++;
        }
        takeFlagBefore(cur, urine);
      } else {
        cur.name.push(t);
        cur.nameToks.push(tk);
      }
      continue;
    }
    // After the value: flag, range, unit, noise, in any order.
    // A flag word after the value outranks a star before it (a footnote mark more often than not).
    if (NOISE.test(t) && cur.range !== undefined) cur.pastCode = true;
    if (cur.pastCode && !NOISE.test(t)) {
      cur.extra.push(tk);
      continue;
    }
    // An arrow-like ">" or "<" right after the value, no number after it, flags it (LIS call logs: "114 >   mg/dL").
    if (cur.flag === undefined && (t === '>' || t === '<') && toks[i - 1] === cur.valueTok && !/^[<>]?=?\d/.test(toks[i + 1]?.t ?? '')) cur.flag = t;
    else if ((cur.flag === undefined || STAR.test(cur.flag)) && (cur.range === undefined || cur.rangeFirst) && (isFlag(t) || flagSlip(t)) && !isUnitToken(t)) cur.flag = t;
    else if (cur.range === undefined && (RANGE.test(t) || CMP_RANGE.test(t))) cur.range = t;
    else if (cur.range === undefined && QUAL.test(unparen(t)) && !NUM.test(cur.value)) cur.range = t;
    else if (cur.range === undefined && RANGE_LABEL.test(t)) {
      // "Ref:" before the range: neither a unit nor the next test's name.
    }
    // A unit after a second column's value and range is that result's ("9.3 (7.5-12.5) tL  [)  10.3 (8.6-10.3) mg/dL").
    else if (cur.unit === undefined && isUnitToken(t) && !cur.pastOtherResult) cur.unit = t;
    else if (cur.flag === undefined && isFlag(t)) {
      cur.flag = t;
      cur.flagAfterRange = cur.range !== undefined;
    }
    else {
      if (cur.range !== undefined && !cur.rangeFirst && (RANGE.test(t) || CMP_RANGE.test(t)) && cur.extra.some((x) => NUM.test(x.t) && x.start > (cur!.valueTok?.start ?? 0))) cur.pastOtherResult = true;
      cur.extra.push(tk);
      continue;
    }
    cur.extra.push(tk);
  }
  return drafts;
}

/**
 * A flag column printed before the result ("LDL Cholesterol  H  162", "Occult Blood  ABNORMAL
 * Positive"): the last name word is the flag. Words that also end test names ("Vitamin A") only
 * when the name without them is a test and with them is not.
 */
function takeFlagBefore(cur: Draft, urine: boolean): void {
  const lastTok = cur.name[cur.name.length - 1];
  if (cur.name.length < 2 || !lastTok) return;
  const ok =
    FLAG_BEFORE.test(lastTok) ||
    (FLAG_BEFORE_AMBIGUOUS.test(lastTok) && !lookupExact(cleanNameTokens(cur.name).join(' '), urine) && !!lookupExact(cleanNameTokens(cur.name.slice(0, -1)).join(' '), urine));
  if (!ok) return;
  cur.flag = lastTok;
  cur.name.pop();
  cur.nameToks.pop();
}

/**
 * Is t, after a row's value, that row's unit misread ("mgldt" after Glucose) rather than the
 * next test's name? Only for a test the table knows, a unit its test is reported in, and a
 * token that is not itself a test name (nor an upper-case abbreviation followed by a number).
 */
function garbledUnitOf(t: string, cur: Draft, next: string | undefined, urine: boolean): boolean {
  if (!/[A-Za-z%]/.test(t) || isUnitToken(t) || isFlag(t) || RANGE.test(t) || CMP_RANGE.test(t)) return false;
  if (lookupExact(t, urine)) return false;
  const syn = lookupTest(cleanNameTokens(cur.name).join(' '), urine);
  // A short word in capitals before a number opens the next test ("AST 24"), unless it is no
  // test and one edit from a unit of this row's test (U/L whose slash OCR lost: "24 UL 10.40").
  if (next && NUM.test(next) && /^[A-Z]{2,4}$/.test(t)) return !lookupTest(t, urine) && !!unitFromPrior(t, syn?.loinc, 1);
  return !!unitFromPrior(t, syn?.loinc);
}

/** Does token t begin a new test name (after a complete row)? */
function startsName(t: string, cur: Draft, next: string | undefined): boolean {
  if (!/^(?:[A-Za-z]|\([A-Za-z])/.test(t)) return false;
  // A range whose first digit OCR read as a letter ("(B5-99)", "p.70-1.33)") is no name; nor is a
  // short word right before a range (a garbled flag, "174 MH (B5-99)"): a name is followed by its value.
  if (RANGE_SHAPED.test(t) || (t.length <= 3 && next !== undefined && RANGE_SHAPED.test(next) && !NUM.test(next))) return false;
  // Nor a short unknown word between a value and its range: the unit cell, garbled ("15.9  wdl,  13.2-17.1").
  if (cur.range === undefined && !cur.rangeFirst && t.length <= 6 && next !== undefined && RANGE_SHAPED.test(next) && !NUM.test(next) && !lookupExact(t.replace(/[.,:;]+$/, ''), false)) return false;
  // Units never begin a test name, unless the token is itself a test ("BUN/CREAT", "A/G").
  if (isUnitToken(t) && (ucumFor(t) || !lookupExact(t, false))) return false;
  if ((isFlag(t) || flagSlip(t)) && (cur.flag === undefined || STAR.test(cur.flag)) && (cur.range === undefined || !next || !NUM.test(next))) return false;
  if (QUAL.test(unparen(t)) && cur.range === undefined && !NUM.test(cur.value ?? '')) return false;
  if (NOISE.test(t)) return false;
  // The row's unit printed again in the range column and garbled ("113 mmol/L  98-110 mmoVlL  High"): no new name.
  if (cur.value !== undefined && cur.unit && t.length >= 3 && !lookupExact(t, false) && editDistance(unitKey(t), unitKey(cur.unit), 2) <= 2) return false;
  // The last word of a line after a complete row, short and no test's name or abbreviation, is its garbled unit ("wl.", "un."), not a new name.
  if (!next && cur.value !== undefined && t.length <= 5 && !/^[A-Z]{2,5}$/.test(t) && !lookupExact(t, false)) return false;
  if (RANGE_LABEL.test(t) && cur.range === undefined && (!next || RANGE.test(next) || CMP_RANGE.test(next) || QUAL.test(unparen(next)) || RANGE_LABEL.test(next))) return false;
  return true;
}

/**
 * Two result columns on one line ("MCH 30.4 (27.0-33.0) py     NA 143 ..."): a short garbled
 * word right after a row's range, then a wide gap, sits in that row's unit cell; the next
 * column's test name begins after the gap. Upper-case words stay names ("K", "NA", "CL") when a
 * number follows them on the line.
 */
function unitBeforeColumnGap(toks: Tok[], i: number, cur: Draft): boolean {
  const tk = toks[i]!;
  const prev = toks[i - 1];
  const next = toks[i + 1];
  if (!prev || !next || cur.range === undefined || cur.unit !== undefined || prev.t !== cur.range) return false;
  if (tk.t.length > 4 || lookupExact(tk.t, false)) return false;
  // An upper-case word is the next column's name when a number follows it on the line.
  if (/^[A-Z]+$/.test(tk.t) && toks.slice(i + 1).some((x) => NUM.test(repairNumber(x.t)) || VALUE_FLAG.test(x.t))) return false;
  const gapBefore = tk.start - (prev.start + prev.t.length);
  const gapAfter = next.start - (tk.start + tk.t.length);
  return gapAfter >= 4 && gapAfter >= 2 * gapBefore;
}

/**
 * Dot leaders after a test's name ("CREAT ........  0.71") read by OCR at fax resolution as runs of
 * the small round letters dots become ("MCH oie", "GLU ttt ie ieee", "MOV otitis", "CREAT
 * ....c.viuunn"): lowercase words of those letters after a capitals name, or any word holding a
 * run of points. Dropped from the name's end when what is left names a test or a capitals word.
 */
const LEADER_GARBLE = /^(?:[.…,:;'`_\\(]*(?:[LIO][oietnuacvlrsw]+|[oietnuacvlrsw]{2,})[.…,:;'`]*|\S*[.…]{3,}\S*)$/;
function leaderGarbleDropped(d: Draft): void {
  let k = d.name.length;
  while (k > 1 && LEADER_GARBLE.test(d.name[k - 1]!)) k--;
  // The name's last word: capitals ("MCH", "RDW-CV"), or the % / # of a differential after them ("NEUT %").
  const end = d.name[k - 1]!;
  const capsEnd = /^[A-Z][A-Z0-9-]{0,9}$/.test(end) || (/^[%#]$/.test(end) && k >= 2 && /^[A-Z]{2,}$/.test(d.name[k - 2]!));
  if (k === d.name.length || !capsEnd) {
    leaderAfterPointDropped(d);
    return;
  }
  d.name = d.name.slice(0, k);
  d.nameToks = d.nameToks.slice(0, k);
}

/**
 * A leader whose first point OCR kept on the name's last word, or read as a comma ("HEMOGLOBIN. ........covniuvunnnn",
 * "MCV. settee eee e ee aaaennas", "POTASSIUM. . .....oivvnnn", "CHOLESTEROL, TOTAL. ovens"): that point says where
 * the name ends, so every word after it up to the value that is lower-case letters, points and dirt (any small
 * letters, single ones too: at fax resolution a run of dots reads as any of them) is the leader. Only after a
 * capitals word, where no lower-case word of the name can follow. q-1211 OCR lab recall 0.216 -> see README.
 */
const LEADER_AFTER_POINT = /^[.…,:;'`_\(]*[LIO]?[a-z]*[.…,:;'`)]*$/;
function leaderAfterPointDropped(d: Draft): void {
  const at = d.name.findIndex((w, i) => i < d.name.length - 1 && /^[A-Z][A-Z0-9()-]*[A-Z0-9)][.,]$/.test(w) && d.name.slice(i + 1).every((x) => LEADER_AFTER_POINT.test(x)));
  if (at < 0) return;
  d.name = [...d.name.slice(0, at), d.name[at]!.slice(0, -1)];
  d.nameToks = d.nameToks.slice(0, at + 1);
}

function toRow(d: Draft, page: number, lineIndex: number, urine: boolean, panel?: string): LabRow | null {
  if (d.value === undefined) return null;
  leaderGarbleDropped(d);
  // A misread name in its own cell the table alone cannot place ("Pane   Cregtitnne   101 mg/dL"): placed by its unit.
  const unitCode = d.unit ? ucumFor(d.unit) : undefined;
  const cells = leadingCellsEnd(d.name, d.nameToks, urine) ?? (unitCode && cellStarts(d.nameToks).length ? leadingCellsEnd(d.name, d.nameToks, urine, (n) => nameFromUnit(undigit(n), unitCode, rowNumbers(d))) : undefined);
  if (cells) {
    d.orderCell = d.name.slice(0, cells.at).join(' ');
    d.flag ??= leadingFlag(d.name[cells.at - 1]);
    d.name = d.name.slice(cells.at);
    d.nameToks = d.nameToks.slice(cells.at);
    urine = cells.urine;
  } else if (d.leadColumns && d.name.length === d.nameToks.length && !lookupTest(cleanNameTokens(d.name).join(' '), urine)) {
    // Under headers that print an order / date column before the test's, a name the table does not
    // know is its last cell ("CBC (includes Diff/Plt)   Immature Granulocytes   0.3 %").
    const at = cellStarts(d.nameToks).pop();
    if (at !== undefined && leadCell(d.name.slice(0, at), urine)) {
      d.orderCell = d.name.slice(0, at).join(' ');
      d.name = d.name.slice(at);
      d.nameToks = d.nameToks.slice(at);
    }
  } else if (d.leads?.size && !lookupTest(cleanNameTokens(d.name).join(' '), urine)) {
    // The same order cell before several rows of the document, single-spaced ("Additional Chemistry Magnesium 2.1").
    for (let at = 1; at < d.name.length; at++) {
      if (d.leads.has(d.name.slice(0, at).join(' ').toLowerCase()) && lookupExact(cleanNameTokens(d.name.slice(at)).join(' '), urine)) {
        d.orderCell = d.name.slice(0, at).join(' ');
        d.name = d.name.slice(at);
        d.nameToks = d.nameToks.slice(at);
        break;
      }
    }
  }
  if (d.urine) urine = true;
  const { kept: nameToks, lead: margin } = marginDirtDropped(cleanNameTokens(d.name), urine);
  // Only the two-letter forms here: a lone letter before a name is as likely a speck read as one.
  const marginLast = margin[margin.length - 1];
  d.flag ??= leadingFlag(marginLast?.length === 2 || (marginLast && MARGIN_FLAG.test(marginLast)) ? marginLast : undefined);
  // Two capitals where a flag column stands before the name that read as no flag ("HL CHOL", "BI
  // TRIG", "HE LDL CALC" for HI): the flag, if the row's value lies outside its range (below).
  const leadMark = !d.flag && [margin[margin.length - 1], d.orderCell?.split(/\s+/).pop()].some((t) => !!t && /^[A-Z]{2}$/.test(t) && !lookupExact(t, urine));
  const name = nameToks.join(' ').replace(/[:.]+$/, '').trim();
  if (!/[A-Za-z]{1,}/.test(name) || name.length > 60 || nameToks.length > 7) return null;
  // "Label: value" lines are not results, unless the label is a test's name ("Glucose: 112 mg/dL").
  const labelled = /\w:$/.test(d.name[d.name.length - 1] ?? '') && !lookupExact(name, urine);
  if (NOT_TEST.test(nameToks[0]!.replace(/[:#]+$/, '')) || labelled || /\d{1,2}\/\d{1,2}\/\d{2,4}/.test(name)) return null;
  if (/^(?:page|p\.)$/i.test(nameToks[nameToks.length - 1] ?? '')) return null;
  const qualitative = !NUM.test(d.value) && !CMP_RANGE.test(d.value);
  // A word result ("Negative") for a name both blood and urine tests carry ("Glucose", "Protein") is the urine test.
  // So is a result whose reference is a word ("PROTEIN  Negative  30 MG/DL": a dipstick reading).
  const inUrine = urine || ((qualitative || (!!d.range && QUAL.test(unparen(d.range)))) && !!URINE_INDEX.get(normName(name)));
  // A % printed in the unit column and read as a star ("BASO  0.6 (0.0-2.0)  *", "577  67.8 07/20/2023  *  400-750"): no
  // unit read, and the value inside its range as read or with a lost point put back, so no flag;
  // kept only for a test reported in %.
  const starRange = !d.unit && d.flag === '*' && d.range ? RANGE.exec(d.range) : null;
  const starValue = Number(d.value);
  const starPercent = !!starRange && Number.isFinite(starValue) && [starValue, starValue / 10].some((x) => x >= Number(starRange[1]) && x <= Number(starRange[2]));
  if (starPercent) d.unit = '%';
  // A % in the unit column read as a 4, 5 or 9 ("EOS  2.4 (0.0-6.0)  4", "HGBA1C  5.6 <5.7   5"): a lone
  // digit right after the range, ending the row, no unit read; kept only for a test reported in %
  // whose value is possible in % (below).
  const rangeAt = d.range ? d.extra.findIndex((x) => x.t === d.range) : -1;
  const digitPercent = !d.unit && !starPercent && rangeAt >= 0 && d.extra.length === rangeAt + 2 && /^[459]$/.test(d.extra[rangeAt + 1]!.t);
  let syn =
    lookupTest(name, inUrine) ??
    lookupTest(undigit(name), inUrine) ??
    (thinGlyphs(name) !== name ? lookupExact(thinGlyphs(name), inUrine) : undefined) ??
    nameFromUnit(undigit(name), d.unit ? ucumFor(d.unit) : undefined, rowNumbers(d)) ??
    nameFromRange(undigit(name), d.range, Number(d.value), d.unit ? ucumFor(d.unit) : undefined);
  if (starPercent && syn && !TEST_UNITS[syn.loinc]?.includes('%')) {
    delete d.unit;
    if (!lookupTest(name, inUrine) && !lookupTest(undigit(name), inUrine)) syn = undefined;
  } else if (starPercent) delete d.flag;
  if (digitPercent && syn && TEST_UNITS[syn.loinc]?.includes('%') && Number.isFinite(Number(d.value)) && possibleIn(syn.loinc, '%', [Number(d.value)])) {
    d.unit = '%';
    d.extra.pop();
  }
  // A name not in the table must look like a table row: a range, a unit, no sentence words.
  // Nor hold what only a row's other cells print (a range, a decimal, a unit: "PLT ILL (140-400) K/ul CO", a
  // garbled row run into the next); nor be a short name a letter from two or more tests reported in the row's
  // unit ("AGT" U/L: AST, ALT, GGT), a misread known test whose name cannot be told.
  if (!syn && (nameToks.some((t) => RANGE.test(t.replace(/^\(|\)$/g, '')) || /\d\.\d/.test(t) || (/\//.test(t) && !!ucumFor(t))) || ambiguousMisread(name, d.unit ? ucumFor(d.unit) : undefined))) return null;
  if (!syn && (!d.range || !d.unit || nameToks.length > 5 || /\b(?:a|an|the|with|for|is|are|was|to|and|or|if|than|value|patients?)\b/.test(name))) return null;
  if (!syn && qualitative) return null;
  // A dose unit in lower case is a unit, not the test it abbreviates ("metformin 1000 mg 1 tab": not magnesium 1).
  if (nameToks.length === 1 && (/^(?:mg|mcg|ug|ml|meq|units?|tabs?|caps?)$/.test(name) || (/^[a-z]+$/.test(name) && exactUcum(name)))) return null;
  // One letter that names no test is what is left of a garbled name ("T°" for TP), not a test.
  if (!syn && name.replace(/[^A-Za-z]/g, '').length < 2) return null;
  const row: LabRow = { name, value: d.value, page, lineIndex, tokens: [...d.name, ...(d.valueTok ? [d.valueTok.t] : []), ...d.extra.map((x) => x.t)] };
  if (syn) {
    row.loinc = syn.loinc;
    row.loincDisplay = syn.display;
  }
  if (!qualitative) {
    const m = /^(<=|>=|<|>)?=?(.*)$/.exec(d.value)!;
    const n = Number(m[2]!.replace(/,/g, ''));
    if (Number.isFinite(n)) row.numeric = n;
    if (m[1]) row.comparator = m[1] as LabRow['comparator'];
  }
  // A unit OCR garbled: read back through the units the test is reported in.
  const asRead = row.numeric === undefined ? undefined : String(row.numeric);
  let priorUnit = syn && (!d.unit || !ucumFor(d.unit)) ? unitCandidates(d).map((t) => unitFromPrior(t, syn.loinc, 3, asRead)).find(Boolean) : undefined;
  // A clean unit the test is not reported in, one edit from one it is ("mU/L" for TSH in mIU/L): a letter lost.
  if (!priorUnit && syn && d.unit && ucumFor(d.unit) && TEST_UNITS[syn.loinc]?.length && !TEST_UNITS[syn.loinc]!.includes(ucumFor(d.unit)!)) {
    priorUnit = unitFromPrior(d.unit, syn.loinc, 1);
    // Or two, in a slashed unit of three letters or more whose denominator is the test's own ("mg/l." beside
    // potassium is mEq/L: g read for eq), the value possible in it.
    const den = unitKey(d.unit).replace(/[.,;:]+$/, '').split('/')[1];
    if (!priorUnit && den && unitKey(d.unit).replace(/[^a-z]/g, '').length >= 3 && /^[a-z]{1,5}\/[a-z]{1,2}[.,;:]*$/.test(unitKey(d.unit))) {
      const u = unitFromPrior(d.unit, syn.loinc, 2, asRead);
      if (u && Object.entries(UNITS).some(([printed, code]) => code === u && printed.endsWith(`/${den}`))) priorUnit = u;
    }
  }
  // A unit printed but garbled past reading ("©", "&", "wl.") : the one unit of the test the value is possible in.
  if (!priorUnit && syn && row.numeric !== undefined && ((!d.unit && d.extra.some((x) => garbledUnitMark(x.t, d))) || ((!d.unit || !ucumFor(d.unit)) && garbledUnitCell(d)))) priorUnit = onlyPossibleUnit(syn.loinc, row.numeric, d.range);
  if (priorUnit) {
    row.unit = ucumDisplay(priorUnit);
    row.ucum = priorUnit;
  } else {
    if (d.unit && !ucumFor(d.unit) && !/[a-z]{2,}\/|\/[a-z]/i.test(d.unit)) delete d.unit;
    if (d.unit) {
      const u = ucumFor(d.unit);
      // A unit recognised only by an edit ("ulU/mL") is shown as the unit it was read as.
      row.unit = u && !exactUcum(d.unit) ? ucumDisplay(u) : d.unit.replace(/_/g, ' ');
      if (u) row.ucum = u;
    }
  }
  // No range read, but a run of digits where it stands: a range that lost its dash and points.
  // The last number there: a status or lab cell may follow it ("10.40   Final"), or the unit ("20120 %").
  const lastExtra = [...d.extra].reverse().find((x) => /^\d[\d.]*$/.test(x.t))?.t;
  if (!d.range && syn && lastExtra && (/^\d{4,6}$/.test(lastExtra) || (/^\d+\.\d+$/.test(lastExtra) && lastExtra.length >= 5 && lastExtra !== d.value))) {
    const split = splitDigitRange(lastExtra, syn.loinc, row.ucum ?? (d.unit ? ucumFor(d.unit) : undefined));
    if (split) {
      d.range = split;
      // A mark read as a flag past that run stands past the range ("104 mmol/L 98.110   !"): judged as one there (below).
      const flagAt = d.flag ? d.extra.map((x) => x.t).lastIndexOf(d.flag) : -1;
      if (flagAt > d.extra.map((x) => x.t).lastIndexOf(lastExtra)) d.flagAfterRange = true;
    }
  }
  // The same run with fL glued, its f read as 1 and its L lost ("751251" is 7.5-12.5 fL): for a test counted in fL
  // with no unit read, when the digits before that 1 split as the test's typical interval.
  if (!d.range && syn && !row.ucum && lastExtra && /^\d{4,6}1$/.test(lastExtra) && TEST_UNITS[syn.loinc]?.length === 1 && TEST_UNITS[syn.loinc]![0] === 'fL') {
    const split = splitDigitRange(lastExtra.slice(0, -1), syn.loinc, 'fL');
    if (split) {
      d.range = split;
      row.unit = 'fL';
      row.ucum = 'fL';
    }
  }
  // Or two numbers where it stands, the dash read as a space ("135 146").
  const numbers = d.extra.filter((x) => /^\d+(?:\.\d+)?$/.test(x.t));
  if (!d.range && syn && numbers.length === 2) d.range = spacedRange(numbers[0]!.t, numbers[1]!.t, syn.loinc, row.ucum ?? (d.unit ? ucumFor(d.unit) : undefined));
  if (d.range) {
    const text = d.range.replace(/^[([]|[)\]]$/g, '');
    const r = RANGE.exec(text);
    const c = CMP_RANGE.exec(text);
    row.range = { text };
    if (r) {
      row.range.low = Number(r[1]);
      row.range.high = Number(r[2]);
    } else if (c) {
      if (/[<≤]/.test(c[1]!)) row.range.high = Number(c[2]);
      else row.range.low = Number(c[2]);
    }
  }
  // A range with an end no value can have puts back its points and its value's first; one whose
  // ends are all possible values is judged by the test's typical interval.
  restoreRangePoints(row, d.flag);
  restoreTypicalRangePoints(row, d.flag);
  restoreZerosReadAsSixOrEight(row);
  restoreValueZero(row, d.flag);
  // fL glued to a value that lost its point, its f read as 1 ("951L" beside 7.5-12.5 fL is 9.5 fL):
  // only when the value as read is out of all reach of its range and the 1 is followed by the L.
  if (d.flag === 'L' && row.ucum === 'fL' && d.valueTok && /^\d{2,4}1L$/.test(d.valueTok.t) && row.numeric !== undefined && row.range?.high !== undefined && row.numeric > row.range.high * 5) {
    row.value = row.value.slice(0, -1);
    row.numeric = Number(row.value);
  }
  // Or a value that kept its point: the 1 is one decimal more than its range prints ("10.11L" beside
  // 7.5-12.5 is 10.1 fL), and the L no flag.
  const fl = d.flag === 'L' && row.ucum === 'fL' && d.valueTok ? /^(\d+\.\d+)1L$/.exec(d.valueTok.t) : null;
  if (fl && row.range?.text && fl[1]!.split('.')[1]!.length === decimalsOf(row.range.text) && decimalsOf(row.range.text) > 0) {
    row.value = fl[1]!;
    row.numeric = Number(row.value);
    delete row.flag;
  }
  dropOneBeforeGluedFlag(row, d);
  // A decimal point lost by OCR: "331" against "32.0-36.0" is 33.1 (only for a ten-fold miss).
  // The same beside an upper limit ("73" H beside "<5.7" is 7.3).
  const r = row.range;
  if (row.numeric !== undefined && r?.high !== undefined && /^\d{2,4}$/.test(row.value) && /\./.test(r.text)) {
    const tenth = row.numeric / 10;
    const hundredths = decimalsOf(r.text) >= 2 ? row.numeric / 10 ** decimalsOf(r.text) : undefined;
    if (row.numeric > r.high * 5 && tenth >= (r.low ?? r.high / 4) / 2 && tenth <= r.high * 2) {
      row.numeric = tenth;
      row.value = tenth.toFixed(1);
    } else if (row.numeric > r.high * 5 && hundredths !== undefined && hundredths >= (r.low ?? 0) / 2 && hundredths <= r.high * 2) {
      // A range printing hundredths: the point was lost before two digits ("143" H beside 0.50-1.05 is 1.43).
      row.numeric = hundredths;
      row.value = hundredths.toFixed(decimalsOf(r.text));
    } else if (row.numeric > r.high * 5) {
      // The point read as a digit ("456" beside 3.5-5.3 is 4.6, "2986" beside 27.0-33.0 is 29.6): one
      // digit more than the range's decimals allow; that digit was the point.
      const k = decimalsOf(r.text);
      const v = row.value;
      if (k && v.length - k - 1 >= 1) {
        const fixed = Number(`${v.slice(0, v.length - k - 1)}.${v.slice(v.length - k)}`);
        if (fixed >= (r.low ?? 0) / 2 && fixed <= r.high * 2) {
          row.numeric = fixed;
          row.value = fixed.toFixed(k);
        }
      }
    }
  }
  // A low flag printed beside a value above its range: the value lost its point ("21L" beside
  // 3.8-10.8 is 2.1, low as printed), put back where the range prints its decimals.
  const low = row.range?.low;
  const lowFlag = d.flag && !STAR.test(d.flag) ? flagCode(d.flag, undefined) : undefined;
  if ((lowFlag === 'L' || lowFlag === 'LL') && row.numeric !== undefined && low !== undefined && row.range?.high !== undefined && row.numeric > row.range.high && /^\d{2,4}$/.test(row.value)) {
    const k = decimalsOf(row.range.text);
    const fixed = k ? row.numeric / 10 ** k : undefined;
    if (fixed !== undefined && fixed < low && fixed >= low / 10) {
      row.numeric = fixed;
      row.value = fixed.toFixed(k);
    }
  }
  restorePointByPrevious(row, d);
  dropSpeckDigit(row);
  // A point lost where the range cannot tell (garbled or absent): the test's possible values can.
  const restored = restorePoint(row.value, row.loinc, row.ucum);
  if (restored) {
    row.value = restored;
    row.numeric = Number(restored);
  }
  // A unit printed but garbled past reading, judged again once the value and range have their points back
  // ("627  =  409-750" is 62.7 % beside 40.9-75.0: as read, no unit of neutrophils fits 627 and 409-750).
  if (!row.ucum && syn && row.numeric !== undefined && row.value !== asRead && ((!d.unit && d.extra.some((x) => garbledUnitMark(x.t, d))) || ((!d.unit || !ucumFor(d.unit)) && garbledUnitCell(d)))) {
    const u = onlyPossibleUnit(syn.loinc, row.numeric, row.range?.text);
    if (u) {
      row.unit = ucumDisplay(u);
      row.ucum = u;
    }
  }
  if (d.flag) {
    row.flagPrinted = d.flag;
    dropBarReadAsOne(row, d.flag);
    const f = flagCode(d.flag, row.numeric, row.range?.low, row.range?.high);
    // A mark at the line's end, past the range, that says out of range for a value inside a
    // two-ended range is dirt ("Sodium 138 mmol/L  135 - 146 mmol/L   Lo", "!", "a").
    const inside = row.numeric !== undefined && row.range?.low !== undefined && row.range.high !== undefined && row.numeric >= row.range.low && row.numeric <= row.range.high;
    // An L glued to a value of a test counted in fL, the value inside its range: the L is what was
    // left of fL, its f lost with the space ("MPV  8.7L  75-125fL").
    const fLRest = f === 'L' && d.flag === 'L' && row.ucum === 'fL' && d.valueTok !== undefined && /^\d+(?:\.\d+)?L$/.test(d.valueTok.t);
    // A lone small letter calling a value inside its range abnormal ("60.2   a   ." in the units column, a % garbled)
    // is dirt too: flag columns print capitals.
    const smallMark = /^[ahl]$/.test(d.flag);
    // In a range-first row, a mark past the unit cell (the line's last column, "29  mCa/l  ‘  CL") calling a value inside
    // its range abnormal is dirt like a mark past the range. v-8292 OCR (Session 16).
    const flagTok = d.extra.find((x) => x.t === d.flag);
    const unitTok = d.unit !== undefined ? d.extra.find((x) => x.t === d.unit) : undefined;
    const pastUnit = !!d.rangeFirst && !!flagTok && !!unitTok && flagTok.start > unitTok.start;
    // So is a critical mark there ("21  (calc)  6-22   CL", a speck and an L): a value inside its range is no
    // critical result. t-8797 (Session 16).
    if ((d.flagAfterRange || fLRest || smallMark) && inside && (f === 'H' || f === 'L' || f === 'A' || (d.flagAfterRange && (f === 'HH' || f === 'LL')))) delete row.flagPrinted;
    else if (pastUnit && inside && f) delete row.flagPrinted;
    else if (f) row.flag = f;
  }
  if (leadMark && !row.flag && row.numeric !== undefined && row.range) flagGarbledLead(row);
  // The order cell dropped from before the name names the row's panel ("CBC (includes Diff/Plt)").
  const order = d.orderCell ? orderName(d.orderCell) : undefined;
  if (order ?? panel) row.panel = order ?? panel;
  return row;
}

/**
 * A digit too many in a value that kept its point ("92.0" beside 8.6-10.3 mg/dL calcium is 9.0: a speck
 * read as a digit): the value as read is impossible for its test in its unit, and dropping one digit
 * before the point, one way only, puts it between half the range's low end and twice its high end.
 */
function dropSpeckDigit(row: LabRow): void {
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
function flagGarbledLead(row: LabRow): void {
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
function dropOneBeforeGluedFlag(row: LabRow, d: Draft): void {
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
function dropBarReadAsOne(row: LabRow, flag: string): void {
  const r = row.range;
  if (row.numeric === undefined || !r || !/^1\d{1,3}(?:\.\d+)?$/.test(row.value)) return;
  const fixed = Number(row.value.slice(1));
  const low = /^(?:L|LO|LOW|LL|CL)$/i.test(flag.replace(/[()]/g, ''));
  if (low && r.low !== undefined && r.high !== undefined && row.numeric > r.high && fixed < r.low) {
    row.value = row.value.slice(1);
    row.numeric = fixed;
  }
}

/**
 * Column headers of a results table: does the reference range come before the result
 * ("Component  Latest Ref Rng & Units  3/14/2024") or after it? undefined for other lines.
 */
function headerOrder(text: string): 'range-first' | 'value-first' | undefined {
  const range = /\b(?:ref(?:erence)?\.?\s*(?:rng|range|interval)|reference|normal\s+(?:range|values?))\b/i.exec(text);
  if (!range) return undefined;
  // "Result" also through OCR slips in its last letters ("Resun", "Resuit", "Rest").
  const value = /\b(?:value|results?|current)\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/i.exec(text) ?? [...text.matchAll(/\b[A-Za-z]{4,7}\b/g)].find((m) => /^res/i.test(m[0]) && editDistance(m[0].toLowerCase(), 'result', 2) <= 2);
  if (!value) return undefined;
  return value.index! > range.index ? 'range-first' : 'value-first';
}

/** Decimals both ends of a range print ("3.5-5.3" -> 1), or 0 when they differ or there are none. */
function decimalsOf(range: string): number {
  const m = /^(\d+)(?:\.(\d+))?-(\d+)(?:\.(\d+))?$/.exec(range);
  const a = m?.[2]?.length ?? 0;
  return m && a === (m[4]?.length ?? 0) ? a : 0;
}

/**
 * An order or panel column printed before the test's name with no gap kept ("Iron and Ferritin
 * Iron, Total 62", "Additional Chemistry Uric Acid 5.3"): leading words (up to four) that stand,
 * on two or more lines of the document, before a test's name as printed and a value, where the
 * words and the name together name no test.
 */
function repeatedLeads(lines: Line[]): Set<string> {
  const count = new Map<string, number>();
  for (const l of lines) {
    const toks = normaliseLine(l.text).trim().split(/\s+/);
    const v = toks.findIndex((t) => NUM.test(t) || VALUE_FLAG.test(t) || QUAL.test(t));
    if (v < 2 || !/^[A-Za-z]/.test(toks[0]!) || lookupExact(toks.slice(0, v).join(' '), false)) continue;
    for (let k = 1; k <= 4 && k < v; k++) {
      if (!lookupExact(cleanNameTokens(toks.slice(k, v)).join(' '), false) && !lookupExact(cleanNameTokens(toks.slice(k, v)).join(' '), true)) continue;
      const lead = toks.slice(0, k).join(' ').toLowerCase();
      count.set(lead, (count.get(lead) ?? 0) + 1);
    }
  }
  // A specimen or condition before the name is part of it ("Urine Sodium", "Serum Potassium").
  const SPECIMEN = /\b(?:urine|ur|serum|plasma|blood|whole|random|fasting|csf|fluid|stool|spot|24|timed|venous|arterial)\b/i;
  return new Set([...count].filter(([lead, n]) => n >= 2 && lead.replace(/[^a-z]/g, '').length >= 3 && !SPECIMEN.test(lead)).map(([lead]) => lead));
}

/** Column headers that print an order, panel or collection date column before the test's ("Collected  Order  Component  Value ..."). */
const LEAD_COLUMNS = /\b(?:order(?:ed)?|panel|battery|collected|collection\s+date|date|specimen)\b.*?\s{2,}(?:component|test(?:\s+name)?|analyte|result\s+name)\b/i;

const PANEL_URINE = /\b(?:urinalysis|urine|ua\b|dipstick)/i;

/**
 * A unit printed alone on the line under a result, in the result's column (consumer reports print the value
 * large with its unit under it): moved onto the result's line right after the value, its own line then empty.
 * Only a token the unit table knows as printed, under a number starting, ending or centred within two
 * characters of it, on a line printing no unit after that number.
 */
function unitsUnderValues(lines: Line[]): Line[] {
  const out = lines.slice();
  for (let i = 0; i + 1 < out.length; i++) {
    const cur = out[i]!;
    const below = out[i + 1]!;
    if (below.page !== cur.page || below.index !== cur.index + 1) continue;
    // The unit alone, or after the rest of the test's name wrapped in its column ("Urine   mg/g").
    const m = /^(\s*)(?:([A-Za-z][A-Za-z,()-]*(?: [A-Za-z][A-Za-z,()-]*){0,2})\s{2,})?(\S+)\s*$/.exec(normaliseLine(below.text));
    if (!m || NUM.test(m[3]!) || RANGE.test(m[3]!) || isFlag(m[3]!) || QUAL.test(m[3]!)) continue;
    if (!exactUcum(m[3]!)) {
      // Through OCR (lines left-trimmed, so no column to align; the unit garbled: "103ul", "Rg", "10*3/ul" under
      // "White Blood Cell Count   6.5  *  Normal range ..."): a token alone on its line is the unit of the row above
      // when it reads as one of that row's test's units, the row's value possible in it, and the row prints no unit.
      const under = m[2] ? undefined : ocrUnitUnder(cur.text, m[3]!);
      if (under) {
        out[i] = { ...cur, text: under };
        out[i + 1] = { ...below, text: '' };
        i++;
      }
      continue;
    }
    const unit = m[3]!;
    const ue = m[0].trimEnd().length;
    const us = ue - unit.length;
    const toks = tokenize(cur.text);
    let at = toks.findIndex((t) => {
      if (!/^[<>]?=?\d+(?:\.\d+)?$/.test(t.t)) return false;
      const te = t.start + t.t.length;
      return Math.abs(t.start - us) <= 2 || Math.abs(te - ue) <= 2 || Math.abs(t.start + te - us - ue) <= 4;
    });
    // Lines printed with single spaces (OCR that keeps no columns): the row's first number after its name
    // that starts no range, the unit line holding the unit alone.
    if (at < 0 && !m[2] && !/\S\s{2,}\S/.test(cur.text)) {
      at = toks.findIndex((t, k) => k >= 1 && /^[<>]?=?\d+(?:\.\d+)?$/.test(t.t) && !/^(?:-|–|to)$|^-\d/i.test(toks[k + 1]?.t ?? '') && !/:$/.test(toks[k - 1]!.t));
    }
    if (at < 1) continue;
    const next = toks[at + 1]?.t;
    if (next && (exactUcum(next) || gluedUnit(next))) continue;
    let text = cur.text;
    const t = toks[at]!;
    let end = t.start + t.t.length;
    if (m[2]) {
      // The wrapped words start where the name does, and with them the name is a test.
      const name = toks.slice(0, at).map((x) => x.t).join(' ');
      if (Math.abs(m[1]!.length - toks[0]!.start) > 1 || !lookupTest(`${name} ${m[2]}`)) continue;
      const nameEnd = toks[at - 1]!.start + toks[at - 1]!.t.length;
      const room = text.slice(nameEnd, nameEnd + m[2].length + 3);
      text = /^\s+$/.test(room) && room.length === m[2].length + 3 && t.start >= nameEnd + m[2].length + 3
        ? `${text.slice(0, nameEnd)} ${m[2]}${text.slice(nameEnd + m[2].length + 1)}`
        : `${text.slice(0, nameEnd)} ${m[2]}${text.slice(nameEnd)}`;
      end += text.length - cur.text.length;
    }
    const room = text.slice(end, end + unit.length + 2);
    text = /^\s+$/.test(room) && room.length === unit.length + 2 ? `${text.slice(0, end)} ${unit} ${text.slice(end + unit.length + 2)}` : `${text.slice(0, end)} ${unit}${text.slice(end)}`;
    out[i] = { ...cur, text };
    out[i + 1] = { ...below, text: '' };
    i++;
  }
  return out;
}

/**
 * The row line with a garbled unit from the line under it put after its value (see unitsUnderValues), else
 * undefined: the row is a known test's name then its first number, with no unit token after that number.
 */
function ocrUnitUnder(row: string, token: string): string | undefined {
  if (token.length < 3 || lookupExact(token, false) || flagSlip(token) || /^\d+$/.test(token)) return undefined;
  const toks = tokenize(normaliseLine(row));
  const at = toks.findIndex((t) => NUM.test(t.t));
  if (at < 1 || !/^\d+(?:\.\d+)?$/.test(toks[at]!.t)) return undefined;
  const syn = lookupTest(cleanNameTokens(toks.slice(0, at).map((t) => t.t)).join(' '), false);
  if (!syn) return undefined;
  if (toks.slice(at + 1).some((t) => exactUcum(t.t) || isUnitToken(t.t) || unitFromPrior(t.t, syn.loinc, 1))) return undefined;
  const clean = ucumFor(token);
  const code = clean && TEST_UNITS[syn.loinc]?.includes(clean) ? clean : unitFromPrior(token, syn.loinc, 3, toks[at]!.t);
  // A power of ten's digits are no dirt: "*3/ul" is no cells/uL.
  if (!code || UNPRINTED_UNITS.has(code) || (/\d/.test(token) && !/\d/.test(code))) return undefined;
  const end = toks[at]!.start + toks[at]!.t.length;
  const text = normaliseLine(row);
  return `${text.slice(0, end)} ${ucumDisplay(code)}${text.slice(end)}`;
}

/**
 * A status printed at the line's end (a consumer report: "13.3   *   Normal range 11.7 - 15.5   In range", "Below
 * range", "Above range") outranks a mark read as a flag (the range bar's marker read as a star, "@", "e") and a flag
 * computed from a range OCR garbled ("38 - 10.8"): in range is no flag, below and above are L and H. Only a line
 * holding one row. q-1211 OCR: see README (Session 16).
 */
function statusAtLineEnd(row: LabRow, line: string): void {
  const m = /(?<!\bnot)(?:^|\s)(?:(in|within)|(below|above))\s?(?:the\s)?(?:normal\s|reference\s)?range\W{0,2}$/i.exec(line.trim());
  if (!m || row.numeric === undefined) return;
  const printed = row.flagPrinted ?? '';
  if (/^(?:H|L|HH|LL|HIGH|LOW|\(H\)|\(L\))$/i.test(printed)) return;
  if (m[1]) {
    delete row.flag;
    delete row.flagPrinted;
  } else {
    row.flag = /below/i.test(m[2]!) ? 'L' : 'H';
    row.flagPrinted = m[2]!;
  }
}

/** All lab rows in a run of lines (one document). */
export function parseLabRows(lines: Line[]): LabRow[] {
  lines = unitsUnderValues(newestColumnOnly(lines));
  const rows: LabRow[] = [];
  let urine = false;
  let panel: string | undefined;
  let pending: string[] | null = null;
  let rangeFirst = false;
  let leadColumns = false;
  const leads = repeatedLeads(lines);
  for (const [li, l] of lines.entries()) {
    const text = normaliseLine(l.text);
    if (!text.trim()) continue;
    const order = headerOrder(text);
    if (order !== undefined) {
      rangeFirst = order === 'range-first';
      leadColumns = LEAD_COLUMNS.test(text);
    }
    let drafts = parseLineDrafts(text, urine, rangeFirst);
    const waiting = pending as string[] | null;
    // The value line under its name line: a number, or a word result with its reference ("YELLOW   YELLOW",
    // "NEGATIVE   NEGATIVE", "TRACE   ABN   NEGATIVE").
    // Lone specks OCR read before the value on its line ("‘   4.03   Miffion/ul", ".   30   Thousand/ul:") are dirt.
    // t-8797 (Session 16).
    const valueText = waiting ? text.replace(/^(?:\s*[.:;,'‘’"`]+(?=\s))+\s*(?=[<>]?=?\d)/, '') : text;
    if (waiting && (/^\s*[<>]?=?\d/.test(valueText) || QUAL.test(text.trim().split(/\s+/)[0] ?? ''))) {
      const joined = parseLineDrafts(`${waiting.join(' ')} ${valueText}`, urine, rangeFirst);
      if (joined[0]?.value !== undefined && toRow(joined[0], l.page, l.index, urine, panel)) drafts = joined;
    } else if (waiting && drafts[0]?.value !== undefined && !lookupExact(cleanNameTokens(drafts[0].name).join(' '), urine)) {
      // A name wrapped in its cell with the values beside its last part ("Alkaline" / "Phosphatase  88  IU/L").
      const joined = parseLineDrafts(`${waiting.join(' ')} ${text}`, urine, rangeFirst);
      if (joined[0]?.value !== undefined && lookupExact(cleanNameTokens(joined[0].name).join(' '), urine) && toRow(joined[0], l.page, l.index, urine, panel)) drafts = joined;
    }
    pending = null;
    let anyRow = false;
    drafts.forEach((d, i) => {
      d.leadColumns = leadColumns;
      d.leads = leads;
      const row = toRow(d, l.page, l.index, urine, panel);
      if (row) {
        const near = (k: number) => (lines[k]?.page === l.page && Math.abs(lines[k]!.index - l.index) === 1 ? lines[k]!.text : undefined);
        wrappedWordResult(row, d, near(li - 1), near(li + 1));
        rows.push(row);
        anyRow = true;
      } else if (i === drafts.length - 1 && d.value === undefined && d.name.length && d.name.length <= 7) {
        const nm = cleanNameTokens(d.name).join(' ');
        pending = testNameBeforeDirt(d.name, urine) ?? (nm && !/:$/.test(nm) && /^[A-Za-z]/.test(nm) ? d.name : null);
      } else if (i === drafts.length - 1 && d.value === undefined && d.name.length) {
        pending = testNameBeforeDirt(d.name, urine) ?? null;
      }
    });
    const fromLine = rows.filter((r) => r.page === l.page && r.lineIndex === l.index);
    if (fromLine.length === 1) statusAtLineEnd(fromLine[0]!, l.text);
    if (!anyRow && drafts.length === 1 && drafts[0]!.value === undefined) {
      const head = cleanNameTokens(drafts[0]!.name).join(' ');
      const headerWords = (head.match(/\b(?:tests?|results?|value|flags?|units?|reference|ref|range|interval|component|name|lab|in range|out of range|previous|prior)\b/gi) ?? []).length;
      if (head && head.length < 60 && !lookupTest(head, urine) && !/:/.test(head) && headerWords < 2) {
        // A collected date or time wrapped onto the line is no part of a panel's name ("06/20/2024 Comprehensive Metabolic").
        panel = orderName(head);
        urine = PANEL_URINE.test(head);
      }
    }
  }
  return unitlessAmongUnitsDropped(restoreUnflaggedResults(rows));
}

/**
 * A name line over its value line, the name followed by specks a faint scan read as short words or
 * marks ("White Blood Cell Count:   :   :", "Non-HDL Cholesterol   Co", "TSH  oo  ‘  ‘  Ce"): the test's
 * name when the tokens before the dirt are exactly one (every token after it two characters or fewer),
 * its cell's colon dropped; else undefined. t-8797 (Session 16).
 */
function testNameBeforeDirt(toks: string[], urine: boolean): string[] | undefined {
  const c = cleanNameTokens(toks);
  for (let k = c.length; k >= 1; k--) {
    if (!c.slice(k).every((t) => t.length <= 2)) break;
    const name = c.slice(0, k);
    name[k - 1] = name[k - 1]!.replace(/[:.]+$/, '');
    if (/^[A-Za-z]/.test(name[0] ?? '') && lookupExact(name.join(' '), urine)) return name;
  }
  return undefined;
}

/**
 * A number read with neither unit nor range, for a test always printed with a unit, on a page whose table
 * prints units (three rows or more read with one): what is left of a row OCR garbled ("MCHC  27  wdl
 * 320360", "Fe 5" in a line of specks), never a result as printed there; it could only be a wrong one.
 */
function unitlessAmongUnitsDropped(rows: LabRow[]): LabRow[] {
  const withUnits = new Map<number, number>();
  for (const r of rows) if (r.ucum) withUnits.set(r.page, (withUnits.get(r.page) ?? 0) + 1);
  return rows.filter((r) => {
    if (r.unit || r.range || r.numeric === undefined || !r.loinc || (withUnits.get(r.page) ?? 0) < 3) return true;
    const units = TEST_UNITS[r.loinc] ?? [];
    const always = units.length > 0 && Object.keys(TEST_BOUNDS[r.loinc] ?? {}).every((u) => !UNPRINTED_UNITS.has(u) && !u.startsWith('{'));
    return !always;
  });
}

/**
 * A word result wrapped in a narrow result cell ("Light" on the line above the row, "Yellow" on
 * the line below, "Slightly Cloudy" / "(A)"): the row's line holds nothing in that column, so the
 * word read as its result is its reference range. When a wide empty column lies between the name
 * and that word, and the lines above and below both print words starting in it at the same place
 * that together read as a word result (modifiers then a result word, a bracketed flag last), they
 * are the result.
 */
function wrappedWordResult(row: LabRow, d: Draft, above: string | undefined, below: string | undefined): void {
  if (row.numeric !== undefined || row.range || !above || !below || !d.valueTok || !d.nameToks.length) return;
  // Single spaces between cells (OCR, text layers): the wrapped cell's words end the lines above and
  // below, a lone modifier above ("06/09/2024 Light") and a result word below ("06:04 Yellow").
  const upLast = /(\S+)\s*$/.exec(above)?.[1];
  const downLast = /(\S+)\s*$/.exec(below)?.[1];
  if (!/\S {2,}\S/.test(above + below) && upLast && downLast && QUAL_MODIFIER.test(upLast) && QUAL.test(downLast) && !QUAL_MODIFIER.test(downLast)) {
    row.range = { text: row.value };
    row.value = `${upLast} ${downLast}`;
    return;
  }
  const last = d.nameToks[d.nameToks.length - 1]!;
  const from = last.start + last.t.length + 2;
  const to = d.valueTok.start - 2;
  if (to - from < 8) return;
  const up = tokenize(above);
  const down = tokenize(below);
  const a = up.findIndex((x) => x.start >= from && x.start <= to);
  if (a < 0) return;
  const b = down.findIndex((x) => Math.abs(x.start - up[a]!.start) <= 2);
  if (b < 0) return;
  // The cell's words: consecutive (one space apart), modifiers and result words, at most a flag after them.
  const words: string[] = [];
  let flag: string | undefined;
  const take = (toks: Tok[], k: number) => {
    for (let j = k; j < toks.length; j++) {
      const x = toks[j]!;
      if (j > k && x.start !== toks[j - 1]!.start + toks[j - 1]!.t.length + 1) return;
      if (/^\((?:A|H|L|AA|ABN)\)$/i.test(x.t)) {
        flag = x.t;
        return;
      }
      if (flag !== undefined || !(QUAL.test(x.t) || QUAL_MODIFIER.test(x.t))) return;
      words.push(x.t);
      if (QUAL.test(x.t) && !QUAL_MODIFIER.test(x.t)) return;
    }
  };
  take(up, a);
  if (!words.length) return;
  // An upper line that already holds a whole result ("Slightly Cloudy") leaves only a flag below.
  const whole = QUAL.test(words[words.length - 1]!) && !QUAL_MODIFIER.test(words[words.length - 1]!);
  if (!whole || /^\(/.test(down[b]!.t)) take(down, b);
  const end = words[words.length - 1];
  if (words.length < 2 && !flag) return;
  if (!end || !QUAL.test(end) || (QUAL_MODIFIER.test(end) && words.length === 1)) return;
  row.range = { text: row.value };
  row.value = words.join(' ');
  if (flag) {
    row.flagPrinted = flag;
    row.flag = flagCode(flag, undefined);
  }
}

/**
 * A cumulative report prints the previous result and its date beside the current one ("WBC  71
 * 6.9 07/31/2024  x10E3/uL"): a whole current value more than five times a previous one printing
 * decimals, that lies within a factor of three of it with as many decimals, lost its point.
 */
function restorePointByPrevious(row: LabRow, d: Draft): void {
  if (row.numeric === undefined || !/^\d{2,4}$/.test(row.value)) return;
  const at = d.extra.findIndex((x, i) => /^\d+\.\d+$/.test(x.t) && PREVIOUS_DATE.test(d.extra[i + 1]?.t ?? ''));
  if (at < 0) return;
  const previous = d.extra[at]!.t;
  const k = previous.split('.')[1]!.length;
  const prev = Number(previous);
  const fixed = row.numeric / 10 ** k;
  if (row.numeric > prev * 5 && fixed >= prev / 3 && fixed <= prev * 3) {
    row.numeric = fixed;
    row.value = fixed.toFixed(k);
  }
}

/**
 * Misreadings of results the report did not flag, where the same report flags others.
 * A point lost from a value the report did not flag ("19" beside 0.8-3.9, no H): when the same
 * report flags its results elsewhere, an unflagged result lies within its range, so a whole
 * number far outside a range printing decimals, that falls within it with the range's decimals,
 * lost its point. Reports that flag nothing are left as read (no evidence either way).
 */
function restoreUnflaggedResults(rows: LabRow[]): LabRow[] {
  if (!rows.some((r) => r.flag === 'H' || r.flag === 'L' || r.flag === 'HH' || r.flag === 'LL')) return rows;
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

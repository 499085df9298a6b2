/**
 * Test names to LOINC: the synonym index (loinc-synonyms.json), lookups exact, by prefix and
 * fuzzy (cached), and the repairs of misread names placed by the row's unit or range, digits
 * read for letters and glyphs a thin typeface lost.
 */
import synonyms from './loinc-synonyms.json' with { type: 'json' };
import { closest, editDistance } from './fuzzy.js';
import { RANGE } from './lab-tokens.js';
import { INTERVALS, nearTypical, TEST_BOUNDS, TEST_UNITS } from './lab-test-priors.js';

export interface Syn {
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

export const URINE_INDEX = new Map<string, Syn>();
for (const s of synonyms as Syn[]) {
  for (const n of s.names) SYN_INDEX.set(normName(n), s);
  for (const n of s.urineNames ?? []) URINE_INDEX.set(normName(n), s);
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
  // In a urine panel a misread name is first looked for among the urine tests' names ("GIUCOSE   Negative" is urine
  // glucose, not the serum test). Session 23 (l-2606 OCR).
  const fk = `${urine ? 'u' : 'b'}|${k}`;
  const cached = FUZZY_CACHE.get(fk);
  if (cached !== undefined) return cached ?? undefined;
  const hit = (urine ? closest(k, URINE_INDEX) : undefined) ?? closest(k, SYN_INDEX);
  FUZZY_CACHE.set(fk, hit ?? null);
  return hit;
}

const FUZZY_CACHE = new Map<string, Syn | null>();

export function lookupExact(name: string, urine: boolean): Syn | undefined {
  const k = normName(name);
  const variants = [k, k.replace(/,/g, ' ').replace(/\s+/g, ' '), k.replace(/\s*\(.*?\)\s*/g, ' ').trim(), k.replace(/[,-]/g, '')];
  // A specimen named after a comma ("pH, Arterial", "Lactate, Venous", "Potassium, Whole Blood"): the test without it.
  // Session 22 (set-h).
  const bare = k.replace(/,\s*(?:arterial|venous|capillary|cord|serum|plasma|whole blood|blood|art|ven|cap|wb)\.?$/, '').trim();
  if (bare !== k && bare.length >= 2) variants.push(bare);
  for (const v of variants) {
    if (urine && URINE_INDEX.has(v)) return URINE_INDEX.get(v);
    const s = SYN_INDEX.get(v);
    if (s && (!s.specimen || urine || s.names.length)) return s;
  }
  return undefined;
}

/**
 * A misread test name the table alone cannot place ("ROW", "WHC", "Creaunine", "Chlonde"),
 * matched among the tests reported in the row's cleanly read unit only: 1 edit for 3-4
 * letters, 2 up to 9 characters, 3 beyond; the closest test must be the only one that close.
 */
export function nameFromUnit(name: string, ucum: string | undefined, numbers: number[] = []): Syn | undefined {
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
export function ambiguousMisread(name: string, ucum: string | undefined): boolean {
  const k = normName(name);
  if (!ucum || !/^[a-z]{2,4}$/.test(k)) return false;
  const hits = new Set<Syn>();
  for (const [n, syn] of SYN_INDEX) if (/^[a-z]{2,5}$/.test(n) && TEST_UNITS[syn.loinc]?.includes(ucum) && editDistance(k, n, 1) <= 1) hits.add(syn);
  return hits.size >= 2;
}

/**
 * A short name a letter off ("MPY", "MC") whose unit OCR garbled too: placed by its printed range,
 * when exactly one test a letter away has that typical reference interval (both ends within 15%)
 * and the value is within a factor of three of it.
 */
export function nameFromRange(name: string, range: string | undefined, value: number, ucum: string | undefined): Syn | undefined {
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

/**
 * A 3-4 letter name with two letters misread ("HOH" beside 12.4 g/dL is HGB): only letter
 * swaps (same length), among the tests reported in the row's unit, and only when every number
 * of the row (value, range ends) is possible for that test in that unit and one test is left.
 */
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
export function undigit(name: string): string {
  // "C02" is CO2: a 0 between a letter and a final digit.
  // "Vitamin 812" is B12: an 8 opening a short number after a word.
  return name.replace(/(?<=[A-Za-z])[80](?=[A-Za-z]|\b)|[80](?=[A-Za-z])|(?<=\b[A-Za-z])0(?=\d\b)|(?<=[A-Za-z] )8(?=\d{1,2}\b)/g, (c) => (c === '8' ? 'B' : 'O'));
}

/**
 * A digit of a test's name read as a letter: the 1 of "A1c" as an l, I or L ("HGBALC", "Hemoglobin Alc"), a 0 as an O:
 * the names with one such letter turned back into its digit, when exactly one of them is a test's name exactly.
 * Session 22 (i-3004, o-2304 OCR).
 */
export function letterAsDigit(printed: string, urine: boolean): Syn | undefined {
  const hits = new Map<string, Syn>();
  // A flag column's arrows or stars before the name (">>   HGBALC") are no part of it.
  const name = printed.replace(/^[^A-Za-z0-9]+\s*/, '');
  for (let i = 1; i < name.length; i++) {
    const digit = /[lI|L]/.test(name[i]!) ? '1' : /[Oo]/.test(name[i]!) ? '0' : undefined;
    if (!digit || !/[A-Za-z]/.test(name[i - 1]!)) continue;
    const hit = lookupExact(`${name.slice(0, i)}${digit}${name.slice(i + 1)}`, urine);
    if (hit) hits.set(hit.loinc, hit);
  }
  return hits.size === 1 ? [...hits.values()][0] : undefined;
}

/**
 * A name in a thin typeface a fax thinned further: C loses its arms and reads "(" ("M(H", "RB(",
 * "(HOL"), H loses its bar and reads "11" ("11GB"). Only an exact table name counts after the swap.
 */
export function thinGlyphs(name: string): string {
  return name.replace(/(?<=[A-Za-z])\((?![^()]*\))|\((?=[A-Za-z]+\b)(?![^()]*\))/g, 'C').replace(/\b(?:11|1I|I1)(?=[A-Z]{2})/g, 'H');
}

/** Letters a digit of a name's short code may be read from ("74" for T4, "8I2" for B12): OCR reads T as 7, B as 8, O as 0, S as 5, I as 1. */
const DIGIT_LOOKALIKE: Record<string, string> = { '7': 'T', '8': 'B', '0': 'O', '5': 'S', '1': 'I' };

/**
 * A test's name whose last word is a short code OCR read with a letter as a digit ("Free 74" for Free T4): the name with
 * one or more such digits read back as letters, when exactly one such reading is a test's name exactly and the name as
 * read is none. The code must keep a digit or a letter of its own ("74" → T4); a bare number after a name word stays a
 * number. Session 24 (h-3106 OCR: "Free 74   1.04 ng/dL" had stored 0.74 for Free T4).
 */
export function digitAsLetter(printed: string, urine: boolean): string | undefined {
  const m = /^(.*[A-Za-z].*\s)(\d{2,3})$/.exec(printed.trim());
  if (!m || lookupExact(printed, urine)) return undefined;
  const code = m[2]!;
  const hits = new Map<string, string>();
  for (let mask = 1; mask < (1 << code.length) - 1; mask++) {
    let v = '';
    for (let i = 0; i < code.length; i++) v += mask & (1 << i) ? DIGIT_LOOKALIKE[code[i]!] ?? '\u0000' : code[i]!;
    if (v.includes('\u0000')) continue;
    const hit = lookupExact(`${m[1]}${v}`, urine);
    if (hit) hits.set(hit.loinc, `${m[1]}${v}`);
  }
  return hits.size === 1 ? [...hits.values()][0] : undefined;
}

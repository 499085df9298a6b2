/**
 * Printed units to UCUM (units.json): lookup, garbled units read through the test's units,
 * units glued to values or with their slash lost, the unit a value is possible in, and the
 * tokens of a row that stand where a unit was printed.
 */
import unitTable from './units.json' with { type: 'json' };
import { closest, editDistance } from './fuzzy.js';
import type { Draft } from './lab-row.js';
import { CMP_RANGE, FLAG, flagSlip, isFlag, NOISE, NUM, QUAL, RANGE, RANGE_LABEL, unparen } from './lab-tokens.js';
import { possibleIn, TEST_BOUNDS, TEST_UNITS, UNPRINTED_UNITS } from './lab-test-priors.js';
import { lookupExact } from './lab-test-names.js';

export const UNITS = unitTable as Record<string, string>;

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
export const ucumDisplay = (code: string) => code.replace(/[[\]{}]/g, '');

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
  // A cell count's power of ten, its mark and its denominator garbled ("10°6aL", "10*34t", "10°3iul,", "10"3/L",
  // "10°31L", "10°37/ul" for 10*3/uL or 10*6/uL): the one unit of the test with that power (the letters left would read as
  // another unit: "10*3/L" is no /uL). Session 21 (k-2803, l-2604). The slash read as a colon too ("10°3:uL" had been
  // read as /uL, the letters after the colon alone). Session 25 (c-3604).
  const count = /^(?:x\s?)?10\s?[*°"'^xX×E]?\s?([369])([/ia417|:]{0,2}[uµo0]?[lLtI1]?)[.,;:]*$/.exec(token.trim());
  if (count && (count[1] !== '3' || count[2] || /[*°"'^]/.test(token))) {
    const powered = expected.filter((u) => u.startsWith(`10*${count[1]}/`));
    if (powered.length === 1) return powered[0];
  }
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

/** UCUM code of a unit printed exactly as a known spelling (no OCR edits). */
export function exactUcum(u: string): string | undefined {
  const k = unitKey(u).replace(/[.,;:]+$/, '');
  return UNITS[k] ?? UNITS[k.replace(/^x/, '')];
}

/** Numerators the slash-as-space repair joins to their denominator ("mg dL"). */
export const UNIT_NUMERATORS = new Set(['mg', 'g', 'mmol', 'umol', 'nmol', 'ng', 'pg', 'ug', 'mcg', 'meq', 'u', 'iu', 'miu', 'uiu', 'ml']);

/**
 * Letters glued after a value or range that are its unit, the unit's slash lost or misread
 * ("gdL", "gadL", "mgdL", "UL", "mg" before a "dL" of its own): a printed unit as it stands,
 * with a slash put back at one place, or one edit from a slashed unit of four characters or
 * more. A flag is never a unit ("73H", "551L").
 */
export function gluedUnit(u: string): boolean {
  if (FLAG.test(u) || isFlag(u)) return false;
  const k = unitKey(u);
  if (exactUcum(k) || UNIT_NUMERATORS.has(k)) return true;
  for (let i = 1; i < k.length; i++) if (UNITS[`${k.slice(0, i)}/${k.slice(i)}`]) return true;
  let near = 0;
  for (const key of Object.keys(UNITS)) if (key.length >= 4 && key.includes('/') && Math.abs(key.length - k.length) <= 1 && editDistance(k, key, 1) <= 1) near++;
  return near > 0;
}

/** Tokens after a row's value that may be its garbled unit: not the range, flag, a number or noise. */
export function unitCandidates(d: Draft): string[] {
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

/** The one unit a test is reported in that the value is possible in (U/L and [IU]/L count as one), else undefined. */
export function onlyPossibleUnit(loinc: string, value: number, range?: string): string | undefined {
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
export function garbledUnitMark(t: string, d: Draft): boolean {
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
export function garbledUnitCell(d: Draft): boolean {
  const at = d.extra.findIndex((x) => x.t === d.range);
  // A short word between the value and its range sits in the unit column ("15.9  ie  38.5-50.0").
  const shortWord = (t: string) => /^[A-Za-z%][A-Za-z%.,'’]{0,4}$/.test(t) && !isFlag(t) && !flagSlip(t) && !NOISE.test(t) && !QUAL.test(t) && t !== d.flag;
  // So does a short cell in brackets there, as reports that print units in brackets do ("14.8  [g/t]  117-155", "(Kral)").
  const bracketed = (t: string) => /^[([]?[A-Za-z%][A-Za-z%/.,'’1]{0,4}[)\]]?$/.test(t) && /[()[\]]/.test(t) && !/^\(?calc\)?$/i.test(t) && !isFlag(t) && !flagSlip(t) && t !== d.flag;
  if (at > 0 && d.extra.slice(0, at).some((x) => shortWord(x.t) || bracketed(x.t))) return true;
  const cell = d.extra[at + 1]?.t;
  // Under column headers that print the units last ("Analyte  Result  Reference Range  Units"), the word ending the
  // row after its range stands in the units column: no lab code sits there ("gfal", "Qian", "mmoift", "mifemng1.73m2").
  if (d.unitsLast && at >= 0 && d.extra.length === at + 2 && cell && cell !== d.flag && isGarbledUnitWord(cell)) return true;
  if (at < 0 || !cell || d.extra.length !== at + 3) return false;
  return /^[A-Za-z%]{1,3}$/.test(cell) && !isFlag(cell) && !flagSlip(cell) && !NOISE.test(cell) && !QUAL.test(cell);
}

/** A word in a units column that reads as no unit, flag, code, word result or range label ("gfal", "Qian"). */
function isGarbledUnitWord(t: string): boolean {
  return /[A-Za-z]{2}/.test(t) && t.length <= 16 && !isFlag(t) && !flagSlip(t) && !NOISE.test(t) && !QUAL.test(unparen(t)) && !RANGE_LABEL.test(t);
}

/**
 * A token that is a slashed unit as printed, or one edit from one of three to six characters
 * ("mg/dt", "mq/dl"), and names no test ("A/G").
 */
export function slashedUnitNear(u: string): boolean {
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

export function isUnitToken(t: string): boolean {
  if (ucumFor(t)) return true;
  return /^(?:x?10[\^*eE]\d+\/[a-zA-Zu]+|[a-zA-Zµu]{1,5}\/[a-zA-Z0-9.µu{}_]{1,12}(?:\/[a-zA-Z0-9.{}_]+)?)$/.test(t) && !/^[a-z]\/[a-z]$/i.test(t);
}

/** A unit as printed or as OCR garbles it ("mg/", "fng/dL", "mmpl/L"): short, with a slash or %, not a number. */
export const unitLike = (t: string) => isUnitToken(t) || (/^[A-Za-z%µ°*^"'0-9]{0,8}(?:\/[A-Za-z0-9.{}_]{0,10}){1,2}$|^%$/.test(t) && /[A-Za-z%]/.test(t) && !NUM.test(t));

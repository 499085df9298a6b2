/**
 * What each test's values look like, as priors for OCR repairs: the UCUM units it is reported
 * in with the values possible in each (loinc-units.json), and its typical adult reference
 * interval (reference-intervals.json).
 */
import loincUnits from './loinc-units.json' with { type: 'json' };
import referenceIntervals from './reference-intervals.json' with { type: 'json' };

/** Per test: the UCUM units it is commonly reported in, each with the values possible in it (loinc-units.json). */
export const TEST_BOUNDS = loincUnits as unknown as Record<string, Record<string, [number, number] | null>>;

/** Units of dimensionless tests (specific gravity, pH): they bound values but are not printed, so never read into a row. */
export const UNPRINTED_UNITS = new Set(['1', '[pH]']);

export const TEST_UNITS: Record<string, string[]> = Object.fromEntries(
  Object.entries(TEST_BOUNDS)
    .filter(([k]) => !k.startsWith('_'))
    .map(([k, v]) => [k, Object.keys(v).filter((u) => !UNPRINTED_UNITS.has(u))]),
);

/** The values possible for a test in a unit (its only unit when none is known), else undefined. */
export function possibleBounds(loinc: string, ucum: string | undefined): [number, number] | undefined {
  const units = TEST_BOUNDS[loinc];
  if (!units) return undefined;
  const keys = Object.keys(units);
  return (ucum ? units[ucum] : keys.length === 1 ? units[keys[0]!] : undefined) ?? undefined;
}

/** Typical adult reference intervals by LOINC: [UCUM unit, low, high] (reference-intervals.json). */
export const INTERVALS = referenceIntervals as unknown as Record<string, [string, number, number]>;

/** Units that print the same numbers for these tests. */
const SAME_NUMBERS = [['mmol/L', 'meq/L'], ['m[IU]/L', 'u[IU]/mL']];

/** The test's typical interval [low, high] when the row's unit (if read) prints its numbers, else undefined. */
export function typicalInterval(loinc: string | undefined, ucum: string | undefined): [number, number] | undefined {
  const typical = loinc ? INTERVALS[loinc] : undefined;
  if (!typical) return undefined;
  const [unit, low, high] = typical;
  return !ucum || ucum === unit || SAME_NUMBERS.some((g) => g.includes(ucum) && g.includes(unit)) ? [low, high] : undefined;
}

/** A printed end of a range near a typical interval's end: within 15 % of it (0.015 around an end of 0). */
export function nearTypical(x: number, t: number): boolean {
  return Math.abs(x - t) <= 0.15 * Math.max(t, 0.1);
}

/** Are all these numbers possible for the test in the unit (no bounds known: yes)? */
export function possibleIn(loinc: string, ucum: string, numbers: number[]): boolean {
  const b = TEST_BOUNDS[loinc]?.[ucum];
  return !b || numbers.every((n) => n >= b[0] && n <= b[1]);
}

/**
 * A short name whose trailing % or # OCR lost ("NEUT   58.0   \   (40.0-75.0)" for `NEUT %`): the name alone is no test,
 * but it is one with either mark. Pure. Session 25 (m-2509 OCR: a differential printing `NEUT %` / `NEUT #`, the % of the
 * name and of the unit column both garbled).
 *
 * The mark is told by the row: a unit read cleanly that one of the two tests is reported in, else a range that is
 * the typical interval of exactly one of them (both ends within 15%), with the value near it. Nothing guessed without.
 */
import { lookupExact, type Syn } from './lab-test-names.js';
import { INTERVALS, nearTypical, TEST_UNITS } from './lab-test-priors.js';
import { RANGE } from './lab-tokens.js';

export function nameMarkLost(name: string, range: string | undefined, value: number, ucum: string | undefined, urine: boolean): Syn | undefined {
  if (!/^[A-Za-z][A-Za-z-]{1,9}$/.test(name.trim())) return undefined;
  const cands = [...new Set(['%', '#'].map((m) => lookupExact(`${name.trim()} ${m}`, urine)).filter((s): s is Syn => !!s))];
  if (!cands.length) return undefined;
  if (ucum) {
    const byUnit = cands.filter((s) => TEST_UNITS[s.loinc]?.includes(ucum));
    return byUnit.length === 1 ? byUnit[0] : undefined;
  }
  const r = range ? RANGE.exec(range.replace(/^[([]|[)\]]$/g, '')) : null;
  if (!r || !Number.isFinite(value)) return undefined;
  const [lo, hi] = [Number(r[1]), Number(r[2])];
  if (!(value >= lo / 3 && value <= hi * 3)) return undefined;
  const byRange = cands.filter((s) => {
    const typical = INTERVALS[s.loinc];
    return !!typical && nearTypical(lo, typical[1]) && nearTypical(hi, typical[2]);
  });
  return byRange.length === 1 ? byRange[0] : undefined;
}

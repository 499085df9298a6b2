/**
 * A test's results in one unit for its chart: points in another unit are converted (mass ↔
 * molar through the analyte's molecular weight, from src/record/normalize) and keep the
 * value as the source wrote it in `original`. Points that do not convert stay as they are.
 * Server-side only (UCUM tables).
 */
import { conversionFactor, toUcum } from '../record/normalize/units.js';
import { labGroup, testGroupOf } from '../record/normalize/codes.js';
import { LOINC } from './fhir-text.js';
import type { LabGroup } from './types.js';
import { readableAmount, unitLabel } from './unit-label.js';

const same = (a?: string, b?: string) => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
const round = (x: number) => Math.round(x * 1000) / 1000;

export function convertGroupUnits(g: LabGroup): LabGroup {
  if (!g.unit) return g;
  // A group whose latest value reads in another unit (weights sent in ounces) is charted in that unit.
  if (g.latest?.value !== undefined) {
    const readable = readableAmount(g.latest.value, g.unit).unit;
    if (readable && readable !== g.unit) g.unit = readable;
  }
  const to = toUcum(g.unit);
  if (!to) return g;
  const trend = testGroupOf(g.loinc ? [{ system: LOINC, code: g.loinc }] : [], g.name).group;
  const mw = labGroup(trend)?.mw;
  for (const p of g.points) {
    if (p.value === undefined || !p.unit || same(p.unit, g.unit)) continue;
    const from = toUcum(p.unit);
    const f = from ? conversionFactor(from, to, mw) : null;
    if (f === null) continue;
    // As the source wrote it (a display already read in pounds keeps the ounces here).
    p.original = readableAmount(p.value, p.unit).value !== p.value ? `${p.value} ${unitLabel(p.unit)}` : p.display;
    p.value = round(p.value * f);
    if (p.low !== undefined) p.low = round(p.low * f);
    if (p.high !== undefined) p.high = round(p.high * f);
    p.display = `${p.value} ${unitLabel(g.unit)}`;
    p.unit = g.unit;
  }
  return g;
}

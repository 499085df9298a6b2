/**
 * Units: printed units → UCUM, and conversion of a value into its test group's trend unit
 * (mass ↔ molar through the analyte's molecular weight). The value's own unit and
 * reference range are never replaced; the converted value is added beside them.
 */
import { createRequire } from 'node:module';
import unitData from './data/units.json' with { type: 'json' };
import { labGroup } from './codes.js';
import { MAX_UCUM_LENGTH } from '../../core/ucum-length.js';

interface UcumUtils {
  validateUnitString(u: string, suggest?: boolean): { status: string; ucumCode?: string };
  convertUnitTo(from: string, value: number, to: string, opts?: { molecularWeight?: number }): { status: string; toVal?: number };
}
const utils = (createRequire(import.meta.url)('@lhncbc/ucum-lhc') as { UcumLhcUtils: { getInstance(): UcumUtils } }).UcumLhcUtils.getInstance();
const table = new Map(Object.entries(unitData.units));
const valid = new Map<string, string | undefined>();

/** The UCUM code of a printed unit, or undefined when it is not a unit we can read. */
export function toUcum(printed: string | undefined): string | undefined {
  if (printed == null) return undefined;
  const raw = printed.trim();
  if (!raw) return undefined;
  const key = raw.toLowerCase().replace(/[µμ]/g, 'u').replace(/\bmc(?=g)/g, 'u').replace(/\s+/g, '');
  const mapped = table.get(key) ?? table.get(raw.toLowerCase());
  if (mapped) return mapped;
  // Never UCUM, and ucum-lhc is quadratic on some long strings (100 KB: 7.5 s): not validated, not cached.
  if (raw.length > MAX_UCUM_LENGTH) return undefined;
  if (valid.has(raw)) return valid.get(raw);
  let out: string | undefined;
  try {
    out = utils.validateUnitString(raw).status === 'valid' ? raw : undefined;
  } catch {
    out = undefined;
  }
  valid.set(raw, out);
  return out;
}

const factors = new Map<string, number | null>();

/** Multiplier from one UCUM unit to another (with a molecular weight for mass↔molar); null if not convertible. */
export function conversionFactor(from: string, to: string, mw?: number): number | null {
  if (from === to) return 1;
  const key = `${from}\u0000${to}\u0000${mw ?? ''}`;
  const hit = factors.get(key);
  if (hit !== undefined) return hit;
  let f: number | null = null;
  try {
    const r = utils.convertUnitTo(from, 1, to, mw ? { molecularWeight: mw } : undefined);
    f = r.status === 'succeeded' && typeof r.toVal === 'number' && Number.isFinite(r.toVal) ? r.toVal : null;
  } catch {
    f = null;
  }
  factors.set(key, f);
  return f;
}

export interface Normalized {
  value: number;
  unit: string;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** The value in its group's trend unit (e.g. glucose 5.5 mmol/L → 99.1 mg/dL), when it converts. */
export function toTrendUnit(value: number, unit: string | undefined, group: string | undefined): Normalized | undefined {
  const ucumUnit = toUcum(unit);
  const g = labGroup(group);
  if (!g?.unit) return ucumUnit ? { value, unit: ucumUnit } : undefined;
  const target = g.unit;
  if (!ucumUnit) return target === '1' || target.startsWith('{') || target === '[pH]' ? { value, unit: target } : undefined;
  if (ucumUnit === target) return { value, unit: target };
  if (target === 'Cel' && ucumUnit === '[degF]') return { value: round(((value - 32) * 5) / 9), unit: 'Cel' };
  // Percent-of-hemoglobin A1c from IFCC mmol/mol (NGSP master equation).
  if (group === 'hba1c' && /^mmol\/mol$/i.test(ucumUnit)) return { value: round(0.09148 * value + 2.152), unit: '%' };
  const f = conversionFactor(ucumUnit, target, g.mw);
  return f === null ? undefined : { value: round(value * f), unit: target };
}

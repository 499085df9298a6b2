/**
 * Immunization rows (date given, vaccine, CVX when printed, lot) become Immunization resources.
 */
import type { Immunization } from '@medplum/fhirtypes';
import cvxTable from './cvx.json' with { type: 'json' };
import { findDates } from './dates.js';
import { cells, type Line } from './lines.js';

export interface ImmRow {
  date: string;
  vaccine: string;
  cvx?: string;
  lot?: string;
  dose?: number;
  line: Line;
  tokens: string[];
}

const CODES = (cvxTable as { codes: Record<string, string> }).codes;
const NAMES = (cvxTable as { names: Record<string, string> }).names;

function cvxKnown(t: string): string | undefined {
  const k = t.padStart(2, '0');
  return CODES[k] ? k : CODES[t] ? t : undefined;
}

/** Vaccine rows in a run of lines of an immunization record. */
export function parseImmunizations(lines: Line[]): ImmRow[] {
  const header = lines.find((l) => /\bvaccine\b/i.test(l.text) && /\b(?:date|given|administered)\b/i.test(l.text) || /\bCVX\b/.test(l.text));
  const hasCvxColumn = !!lines.find((l) => /\bCVX\b/.test(l.text));
  const out: ImmRow[] = [];
  lines.forEach((l, i) => {
    const t = l.text;
    if (!t.trim() || (header && l.index <= header.index && l.page === header.page)) return;
    if (/\b(?:DOB|birth|printed|page|signed)\b/i.test(t)) return;
    const ds = findDates(t);
    if (!ds.length) return;
    const d = ds[0]!;
    const before = t.slice(0, d.index).trim();
    const after = t.slice(d.index + d.text.length);
    const afterCells = cells(after).map((c) => c.text);
    const nums = after.split(/\s+/).filter((x) => /^\d{1,3}$/.test(x));
    let dose: number | undefined;
    let cvx: string | undefined;
    if (hasCvxColumn) {
      if (nums.length >= 2) {
        dose = +nums[0]!;
        cvx = cvxKnown(nums[1]!);
      } else if (nums.length === 1) {
        const known = cvxKnown(nums[0]!);
        if (known && +nums[0]! > 9) cvx = known;
        else dose = +nums[0]!;
      }
    } else if (nums.length) dose = +nums[0]!;
    // Vaccine name: the text before the date (group column), or the description after the numbers.
    const desc = afterCells.map((c) => c.replace(/^\d{1,3}\s+/, '')).find((c) => /[A-Za-z]{3,}/.test(c));
    const prevName = !before && i > 0 ? lines[i - 1]!.text.trim().split(/\s{2,}/)[0] : undefined;
    let vaccine = (before.split(/\s{2,}/)[0] || desc || prevName || '').trim();
    if (!cvx) {
      for (const [n, code] of Object.entries(NAMES)) {
        if (new RegExp(`(?:^|[^a-z])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^a-z])`, 'i').test(t)) {
          cvx = code;
          break;
        }
      }
    }
    if (!vaccine && cvx) vaccine = CODES[cvx]!;
    if (!vaccine || !/[A-Za-z]/.test(vaccine)) return;
    const lotTok = after
      .split(/\s+/)
      .filter((x) => /^[A-Z0-9-]{4,14}$/.test(x) && /\d/.test(x) && /[A-Z]/.test(x) && !findDates(x).length)
      .pop();
    out.push({
      date: d.date,
      vaccine,
      ...(cvx ? { cvx } : {}),
      ...(lotTok ? { lot: lotTok } : {}),
      ...(dose !== undefined && dose > 0 && dose < 10 ? { dose } : {}),
      line: l,
      tokens: [d.text, ...(cvx ? [String(+cvx)] : []), ...(lotTok ? [lotTok] : []), ...vaccine.split(/\s+/)],
    });
  });
  return out;
}

export function toImmunization(r: ImmRow, patient: Immunization['patient']): Immunization {
  return {
    resourceType: 'Immunization',
    status: 'completed',
    vaccineCode: {
      ...(r.cvx ? { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: r.cvx, display: CODES[r.cvx] }] } : {}),
      text: r.vaccine,
    },
    patient,
    occurrenceDateTime: r.date,
    ...(r.lot ? { lotNumber: r.lot } : {}),
    ...(r.dose ? { protocolApplied: [{ doseNumberPositiveInt: r.dose }] } : {}),
  };
}

/**
 * Units as people read them. Records carry UCUM codes (C-CDA's `unit` attribute, FHIR
 * Quantity.code, and our own normalised units), which are written for machines: `mm[Hg]`,
 * `[lb_av]`, `[in_i]`, `Cel`, `10*3/uL`, `mL/min/{1.73_m2}`. A patient reading their vitals
 * expects mmHg, lb, in, °C, 10³/µL. Only the words shown change: stored values, exports and the
 * International Patient Summary keep the codes. Pure and dependency-free: the web app uses it too.
 */

/** Codes whose reading is not their own letters. */
const WHOLE: Record<string, string> = {
  Cel: '°C',
  '[degF]': '°F',
  '[degC]': '°C',
  // Printed forms EHRs send as Quantity.unit beside the UCUM code (Epic, Cerner).
  degF: '°F',
  degC: '°C',
  '1': '',
  '{ratio}': 'ratio',
};

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
const superscript = (digits: string) => [...digits].map((d) => SUPERSCRIPT[d] ?? d).join('');

/** The unit as a reader writes it; printed units that are not codes ("K/uL", "mg/dl") keep their letters. */
export function unitLabel(unit: string | undefined): string | undefined {
  if (unit === undefined) return undefined;
  const u = unit.trim();
  if (u in WHOLE) return WHOLE[u];
  return (
    u
      // Annotations in braces are words for people already: {beats}/min, mL/min/{1.73_m2}.
      .replace(/\{([^{}]*)\}/g, (_m, a: string) => a.replace(/_/g, ' '))
      // Bracketed atoms lose their brackets and their system suffix: mm[Hg], [lb_av], [in_i], [IU], [HPF].
      .replace(/\[([A-Za-z%']+?)(?:_[a-z]+)?\]/g, '$1')
      // Powers of ten: 10*3/uL, 10^9/L.
      .replace(/10[*^](-?\d+)/g, (_m, e: string) => `10${superscript(e)}`)
      // UCUM's micro prefix is a "u" before a unit's letters: ug, uL, umol, uIU.
      .replace(/(^|[^A-Za-z])u(?=(g|L|l|mol|IU|U|eq|m|s)(?![a-z]))/g, '$1µ')
      // Square metres: kg/m2, 1.73 m2.
      .replace(/(^|[^A-Za-z])(c?m)2(?![0-9])/g, '$1$2²')
  );
}

/**
 * A value in the unit a person reads it in, where the source's unit is one nobody uses for it:
 * Epic sends every body weight in ounces (`2176 [oz_av]`), which read as 136 lb. 16 oz and
 * more become pounds (exactly /16); smaller amounts (an infant's gain, a dose) stay in ounces.
 */
export function readableAmount(value: number, unit: string | undefined): { value: number; unit: string | undefined } {
  if (unit !== undefined && /^(\[oz_av\]|oz)$/i.test(unit.trim()) && Math.abs(value) >= 16) return { value: Math.round((value / 16) * 100) / 100, unit: '[lb_av]' };
  return { value, unit };
}

/** An item's value with its unit as people read it ("136 lb", "<5.7 %"): the record's lists and the Conflicts page. */
export function amountText(value: number, unit: string | undefined, comparator = ''): string {
  const shown = readableAmount(value, unit);
  const label = unitLabel(shown.unit);
  return `${comparator}${shown.value}${label ? ` ${label}` : ''}`;
}

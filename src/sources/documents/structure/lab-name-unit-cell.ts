/**
 * The unit printed in brackets inside the test's name cell ("Absolute Neutrophils (x10E3/uL)   3.7", "TSH (uIU/mL)
 * 2.01", set-g's courier lab), garbled by OCR ("(x10E3/ulL)", "(ulu/mL)", "(mUmin/1.73)"): read clean, the unit
 * rules take it; garbled, it stayed a word of the name, so the row named no test and had no unit. Pure. Session 23
 * (g-3205 OCR).
 */
import type { Draft } from './lab-row.js';
import { cleanNameTokens } from './lab-tokens.js';
import { lookupExact } from './lab-test-names.js';
import { ucumDisplay, unitFromPrior } from './lab-units.js';

/**
 * The name's last cell in brackets (one or two tokens: "(x 10E3/ulL)"), holding a slash, a % or a digit, is the row's
 * unit when the name without it is a test's exactly and the bracket reads as one of that test's units (`unitFromPrior`,
 * among the units the value is possible in). The bracket leaves the name; the unit is set. Nothing when the row has a
 * unit already.
 */
export function bracketUnitInName(d: Draft, urine: boolean): void {
  if (d.unit !== undefined || d.name.length < 2) return;
  for (const k of [1, 2]) {
    if (d.name.length <= k) return;
    const cell = d.name.slice(-k).join(' ');
    const m = /^\((.{2,18})\)[.,:;]?$/.exec(cell);
    if (!m || !/[/%\d]/.test(m[1]!)) continue;
    const syn = lookupExact(cleanNameTokens(d.name.slice(0, -k)).join(' '), urine);
    if (!syn) return;
    const unit = unitFromPrior(m[1]!.replace(/\s+/g, ''), syn.loinc, 3, d.value);
    if (!unit) return;
    d.name = d.name.slice(0, -k);
    d.nameToks = d.nameToks.slice(0, -k);
    d.unit = ucumDisplay(unit);
    return;
  }
}

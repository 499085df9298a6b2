/**
 * A flag column before the result whose arrows OCR read as points ("HEMOGLOBIN   :   16.8   g/dL   11.7-15.5",
 * "ALBUMIN   .   5.2", "UREA NITROGEN (BUN)   . 5   mg/dL   7-25" for ↑ / ↓): the mark alone in its cell after the
 * name's gap says the row was flagged, the range which way. Pure. Session 23 (j-2905 OCR: an occupational-health
 * lab's arrow column).
 */
import type { Draft } from './lab-row.js';

/** One or two points, a colon or a quote: what an arrow in a narrow cell reads as at fax resolution. */
const MARK = /^[:.;,'`‘’]{1,2}$/;

/**
 * True when the name's last token is such a mark standing two spaces or more after the name's last word, before the
 * value: a cell of its own, no dirt glued to the name (`Magnesium’`) or a leader's last point.
 */
export function markBeforeValue(d: Draft): boolean {
  const n = d.nameToks.length;
  if (n < 2 || !d.valueTok) return false;
  const mark = d.nameToks[n - 1]!;
  const before = d.nameToks[n - 2]!;
  if (!MARK.test(mark.t) || !/[A-Za-z0-9)]$/.test(before.t)) return false;
  return mark.start - (before.start + before.t.length) >= 2 && mark.start < d.valueTok.start;
}

/**
 * Date of service of a document by its type: the labels each type dates itself with, then the
 * type's own layouts (an exam's line, a results table's collection column, a claim's service
 * lines), then the generic labels and the first unlabelled date that is no birth date or stamp. Pure.
 */
import { DOB_LABEL } from './birth-date.js';
import { unfoldColumnLabels } from './column-labels.js';
import { joinWrappedDates, mendCutYears, mendDateLabels, mendYearGarbles, yearMisread } from './date-slips.js';
import { dateAfter, findDates, parseDate, slashlessDate } from './dates.js';
import { newestTrendDate } from './lab-cumulative.js';
import { cells, type Line } from './lines.js';

/** A range's "to" as OCR may read it before the end date's month name ("10 September 7", "1 Jun 26"). */
const TO_MISREAD = '(?:10|t0|lo|[1l|])(?=\\s+[A-Za-z]{3,9}\\.?\\s+\\d)';
/** A date opening a stay's range: "Sep 18, 2022", "18 Sep 2022", "09/18/2022", "2022-09-18". */
const STAY_START = '[A-Za-z]{3,9}\\.?\\s+\\d{1,2}[,.]?\\s*\\d{4}|\\d{1,2}\\s+[A-Za-z]{3,9}\\.?\\s+\\d{4}|\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{2,4}';

/**
 * A hospital stay printed as a labelled range ("Hospital stay 02/06/2023 → 02/09/2023 (3 nights)", "Dates of stay:
 * Mar 10, 2024 - Mar 14, 2024", "Inpatient stay 10 Mar 2024 to 14 Mar 2024", "Hospitalization: 3/10/24 -> 3/14/24"):
 * group 1 its start, group 2 its end (the discharge). Session 21 (set-j: a hospital's transfer summary to home health).
 */
export const STAY_RANGE = new RegExp(
  `\\b(?:(?:hospital|inpatient|acute(?:\\s+care)?)\\s+stay|(?:dates?|period)\\s+of\\s+(?:stay|hospitali[sz]ation|admission)|hospitali[sz]ation(?:\\s+dates?)?|stay\\s+dates?)\\s*[:#]?\\s*(${STAY_START})\\s*(?:to|until|through|thru|[-–—→]|->|${TO_MISREAD})\\s*(${STAY_START})`,
  'i',
);

/**
 * The end of a period a medication history or administration record covers ("Period: 11-25-22 to 11-01-23"; dashed,
 * "Administration period: 03/12/2024 00:00 - 03/14/2024 23:59", an eMAR's last days). Session 23 (set-f): dashed.
 */
const PERIOD_END = [/\b(?:period|date\s+range|dates)\s*:?\s*[^\n]{6,24}?\s(?:to|through|thru|until)\s+(?=\S)/i, /\b(?:period|date\s+range|dates)\s*:?\s*\d[^\n]{5,23}?\s[-–—]\s+(?=\d)/i];
const PRINTED = /\b(?:date\s+)?printed\s*(?:on)?\s*:?/i;

const DOS_LABELS: Record<string, RegExp[]> = {
  // "collected" also as OCR reads it ("colidcted", "coliected").
  // A results letter's "your blood tests done on February 9, 2022"; a line printer's "COLL: 14MAR2024 0815".
  lab_report: [/\b(?:date\s+)?(?:collected|col[a-z]{2,5}ted)(?:\s+date)?\s*(?:on|:|;)?/i, /\b(?:tests?|blood\s*work|labs?|specimens?|samples?)\s+(?:was\s+|were\s+)?(?:done|drawn|collected|taken)\s+on\s*/i, /\bcoll\.?\s*:/i, /\bCOLL\b\.?/,
    // "Coll:" with its colon read as a point before the date ("Coll. 20250605 0700"). Session 21 (n-2404, OCR).
    /\bcoll\.(?=\s*\d)/i, /\bcollection\s+(?:date|time|dt)\s*[:]?/i, /\bdate\s+of\s+collection\s*:?/i, /\bcoll(?:ection)?\.?\s*(?:date|dt)\s*:?/i, /\bspecimen\s+date\s*:?/i, /\b(?:sample|specimen)\s+taken\s*(?:on\s*)?:?/i, /\bdrawn\s*:?/i, /\bdate\s+of\s+service\s*:?/i],
  // Session 16: a study is of the day it was performed, not the day it was read or signed ("Date performed",
  // "Performed: ..."); layouts the sets lack, for held-out ones.
  radiology_report: [/\b(?:exam|study|procedure)\s+date\s*[:]?/i, /\bdate\s+of\s+(?:exam|study|service|procedure)\s*:?/i, /\bDOS\s*:?/, /\b(?:date\s+performed|performed(?:\s+on)?\s*:|(?:exam(?:ination)?|study)\s+performed(?:\s+on)?)\s*:?/i],
  // A patient copy's "You were in the hospital from September 22, 2022 to September 25, 2022": the stay's end.
  // Its "to" also as OCR reads it before a month's name ("10 September 7, 2023", "1 Jun 26, 2023"). u-1803, t-1802 (OCR):
  // discharge dates.
  // A form's "Discharge / transfer" label (the stay ends by a discharge or a transfer to another facility: correctional,
  // nursing-home and inter-facility papers) with its date after it, colon or not. Session 23 (set-e).
  discharge_summary: [/\bdischarge(?:d)?(?:\s+date)?\s*:/i, /\b(?:discharge\s*\/\s*transfer|transfer\s*\/\s*discharge)(?:\s+date)?\s*:?/i, /\b(?:in\s+the\s+hospital|hospitali[sz]ed|admitted|stayed?)\s+from\s+[^\n]{6,30}?\s+(?:to|until|through|(?:10|t0|lo|[1l|])(?=\s+[A-Z][a-z]{2,8}\.?\s+\d))\s+(?=\S)/i, /\bdate\s+of\s+discharge\s*:?/i, /\b(?:date\s+of\s+transfer|transfer\s+date)\s*:?/i, /\bdischarged?\s+(?:on\s+)?/i,
    // The stay in a banner's abbreviations ("Adm 1/27/2022 | D/C 1/30/2022"): the summary is of the day it ends,
    // not of the admission printed first. q-1211 (GT): 2 discharge dates.
    /\bD\/C(?:\s+date)?\s*:?/,
    // Session 16: the same abbreviated ("Disch: 2/5/2023") or as a stay's range ("Adm/Disch: 2/3/2023 - 2/5/2023"):
    // its end. Layouts the sets lack, for held-out ones.
    /\badm(?:it|ission)?\.?\s*\/\s*(?:disch(?:arge)?|d\/?c)\.?(?:\s+dates?)?\s*:?\s*[^\n]{6,24}?\s*(?:[-–—]|to|through)\s*(?=\d|[A-Z][a-z]{2})/i, /\bd(?:i)?sch\.?\s*(?:date|dt)?\s*:/i,
    // Session 17: the stay as an encounter's range under any label ("Encounter   Inpatient, Willow Creek Hospital,
    // from Sep 18, 2022 to Sep 19, 2022"): its end. Only a range opening with a date. t-9723 (OCR and GT): 1 discharge date.
    new RegExp(`\\bfrom\\s+(?:${STAY_START})\\s*(?:to|until|through|thru|[-–—]|${TO_MISREAD})\\s*(?=\\S)`, 'i')],
  office_visit_note: [/\b(?:date\s+of\s+(?:service|visit|encounter)|visit\s+date|encounter\s+date|service\s+date|DOS)\s*:?/i],
  // "Run" also with its R read as H ("Hun date").
  // "Run date" through OCR slips: R read as H, its n lost ("Ru date"), d read as g ("Hun gate").
  medication_list: [/\bas\s+of\s*:?/i, /\b(?:list|print(?:ed)?|report|profile|review(?:ed)?)\s+date\s*:?/i, /\b[rh]u[nm]?\s+[dg]ate\s*:?/i, /\bdate\s+(?:generated|reviewed)\s*:?/i, /\b(?:generated|reviewed|reconciled)\s+on\s*:?/i,
    /\bdate\s+printed\s*:?/i, /\bprinted\s*(?:on)?\s*:?/i, /\bupdated\s*(?:on)?\s*:?/i,
    // A history over a period ("Period: 11-25-22 to 11-01-23") is of the day the period ends, the day it was
    // run, not of its latest fill. u-8494 (GT): 1 medication list date.
    ...PERIOD_END],
  // A record is of the day it was printed, copied or reviewed, after every dose it lists ("Record copied for
  // transfer on 2025-05-16 by ..."): the date right after "on". u-8494 (GT/OCR): 1 immunization date.
  immunization_record: [/\bprinted\s+(?:by\b.{0,90}?\bon|on)\s*:?/i, /\b(?:copied|certified|reviewed|issued|generated|updated)\b[^\n.]{0,40}?\bon\s*:?/i, /\b(?:print|report|run)\s+date\s*:?/i, /\breport\s+run(?:\s+on)?\s*:?/i, /\bdate\s+printed\s*:?/i, /\bas\s+of\s*:?/i, /\bprinted\s*:?\s*(?=\S)/i,
    // Session 16: "Date reviewed: ...", "Issued: ...": the record's own date too (layouts the sets lack).
    /\b(?:date\s+(?:reviewed|issued|generated|copied|certified)|(?:reviewed|issued|generated|copied|certified)(?:\s+date)?\s*:)\s*:?/i,
    // Session 24 (set-c): a record written at a visit (a travel clinic's consultation, a school's nurse visit) is of
    // that visit's labelled date, not of the latest date it prints (a departure date, a next dose due).
    /\b(?:consult(?:ation)?|visit)\s+date\s*:/i, /\bdate\s+of\s+(?:consult(?:ation)?|visit)\s*:/i],
  // A claim's "Dates of Service: 4/5/2023" (a summary notice's "Dates of Service" heading over the
  // period its claims were processed in has no date after it).
  insurance_billing: [/\b(?:dates?\s+of\s+service|service\s+dates?|DOS)\s*:?/i],
  referral_letter: [/\bdate\s*:/i],
  // Session 16: a cover is of the day it was sent ("Sent: 03/04/2024" without the word date).
  // And an e-fax gateway's machine time stamp after its caption, no colon (`Submitted   2023-10-09T14:33:12-05:00`):
  // ISO 8601, the date and time joined by a T. Session 20 (set-k).
  fax_cover_sheet: [/\bdate\s*:?/i, /\b(?:sent|transmitted)(?:\s+on)?\s*:/i, /\b(?:sent|transmitted|submitted|delivered)\s+(?=(?:19|20)\d{2}-\d{2}-\d{2}T\d{2}:\d{2})/i],
};

/** The caption of a results table's collection-date column. */
const COLLECTED_CAPTION = /^(?:date\s+)?collected$|^collection\s+date(?:\s*\/\s*time)?$|^date\s+collected$|^coll(?:ection)?\.?\s+date$/i;

/**
 * The first date printed under a column caption, in its column: a cell starting within a few
 * characters of the caption's, on one of the three lines below it, opening with a date (or a date
 * whose slashes OCR lost or read as 1s or 7s); or the cell in the caption's place on the line right below
 * when it has as many cells as the captions' line (OCR squeezed the columns apart). Session 19.
 */
export function dateUnderCaption(lines: Line[], caption: RegExp, read: (cell: string) => string | undefined = slashlessDate): string | undefined {
  const nonEmpty = lines.filter((l) => l.text.trim());
  for (const [i, l] of nonEmpty.entries()) {
    const caps = cells(l.text);
    const cap = caps.find((c) => caption.test(c.text.replace(/[:.]$/, '').trim()));
    if (!cap || caps.length < 3) continue;
    for (const [k, below] of nonEmpty.slice(i + 1, i + 4).entries()) {
      // Right below, as many cells as captions (OCR squeezed the columns apart): the caption's own, by its place.
      const under = cells(below.text);
      const cell = under.find((c) => Math.abs(c.start - cap.start) <= 6) ?? (k === 0 && under.length === caps.length ? under[caps.indexOf(cap)] : undefined);
      if (!cell) continue;
      const t = cell.text.replace(/^[^\dA-Za-z]+/, '');
      const found = findDates(t)[0];
      const d = found && found.index === 0 ? found.date : read(t);
      if (d) return d;
    }
  }
  return undefined;
}

/**
 * A stay's captions printed over their values, as a head's grid of fields prints them ("Date of Election" /
 * "Date of Live Discharge" over "20-May-2022   25-May-2022"; "Admission Date" / "Discharge Date"): the stay's start
 * (admission, a hospice election, a home-health start of care) and its end. Session 20 (held-out m-2501).
 */
export const ADMISSION_CAPTION = /^(?:date\s+of\s+(?:admission|election)|(?:admission|admit|admitted|election)\s+(?:date|dt)|admitted|start\s+of\s+care(?:\s+date)?)$/i;
// A transfer ends a post-acute stay as a discharge does (a nursing home's transfer form: "Date of transfer" beside
// "Admitted to this facility"). Session 23 (set-f).
export const DISCHARGE_CAPTION = /^(?:date\s+of\s+(?:live\s+)?discharge|(?:live\s+)?discharge\s+(?:date|dt)|discharged|d\/c\s+date|date\s+of\s+transfer|transfer\s+date)$/i;

/**
 * The same captions in a text that kept no columns (one space between cells): a line opening with two stay captions
 * or more and holding no digit, the next line opening with as many dates: each caption's date by its order
 * ("Date of Election Date of Live Discharge Attending" over "20-May-2022 25-May-2022 Dennis ..."). The date under
 * the caption `which` matches, else undefined.
 */
export function flatStayCaptionDate(lines: Line[], which: RegExp): string | undefined {
  const word = (re: RegExp) => re.source.replace(/^\^/, '').replace(/\$$/, '');
  const lead = new RegExp(`^\\s*(${word(ADMISSION_CAPTION)}|${word(DISCHARGE_CAPTION)})(?=\\s|$)`, 'i');
  const nonEmpty = lines.filter((l) => l.text.trim());
  for (const [i, l] of nonEmpty.entries()) {
    if (/\d/.test(l.text)) continue;
    const caps: string[] = [];
    let rest = l.text;
    for (let m = lead.exec(rest); m; m = lead.exec(rest)) {
      caps.push(m[1]!);
      rest = rest.slice(m[0].length);
    }
    const at = caps.findIndex((c) => which.test(c));
    if (caps.length < 2 || at < 0) continue;
    let below = nonEmpty[i + 1]?.text ?? '';
    const dates: string[] = [];
    for (let d = findDates(below)[0]; d && !below.slice(0, d.index).trim() && dates.length < caps.length; d = findDates(below)[0]) {
      dates.push(d.date);
      below = below.slice(d.index + d.text.length);
    }
    if (dates.length === caps.length) return dates[at];
  }
  return undefined;
}

/** A span of a report's results' dates: "Results (shown) from <date> through|thru|to|- <date>". */
const RESULTS_SPAN = new RegExp(`\\bresults?\\s+(?:shown\\s+|reported\\s+|displayed\\s+)?(?:from|between)\\s+(${STAY_START})\\s*(?:to|until|through|thru|and|[-–—])\\s*(${STAY_START})`, 'i');

/** The later date of a results span (see RESULTS_SPAN), ISO; undefined without one. */
function resultsSpanEnd(text: string): string | undefined {
  const m = RESULTS_SPAN.exec(text);
  if (!m) return undefined;
  const a = findDates(m[1]!)[0]?.date;
  const b = findDates(m[2]!)[0]?.date;
  return a && b ? (a > b ? a : b) : undefined;
}

/** A claim table's service-date column caption ("SERV DATE", "Service Date", "Dates of Service"). */
const SERVICE_DATE_CAPTION = /^(?:serv(?:ice)?\.?\s+dates?|dates?\s+of\s+service)$/i;

/**
 * A service's span as a payer's remittance prints it, from MMDD through MMDDYY ("0713 071325"): the first
 * day, in the year of the last (the year before when its month and day come after the last's).
 */
function compactServiceSpan(cell: string): string | undefined {
  const m = /^(\d{2})(\d{2})\s+(\d{2})(\d{2})(\d{2})(?!\d)/.exec(cell);
  if (!m) return undefined;
  const through = findDates(`${m[3]}/${m[4]}/${m[5]}`)[0]?.date;
  if (!through) return undefined;
  const year = Number(through.slice(0, 4)) - (`${m[1]}${m[2]}` > `${m[3]}${m[4]}` ? 1 : 0);
  return findDates(`${m[1]}/${m[2]}/${year}`)[0]?.date;
}

/**
 * A statement's or claim form's period caption over its dates, a form locator's number before it ("6 STATEMENT
 * COVERS PERIOD" over "031424 THROUGH 031424", "Service Period" over "03/14/24 - 03/16/24"). Session 19 (set-p class 5).
 */
const PERIOD_CAPTION = /^(?:\d{1,2}[a-z]?\.?\s+)?(?:(?:statement\s+)?covers?\s+period|period\s+covered|(?:statement|service|billing)\s+period|dates?\s+of\s+service|serv(?:ice)?\.?\s+dates?)$/i;

/** The date column's heading in a claim table ("Date", "Date of Service", "DOS"), a cell of its own. */
// Also abbreviated ("Svc Date", "Serv. Date"). Session 20.
const CLAIM_DATE_COLUMN = /^(?:dates?(?:\s+of\s+service)?|(?:service|serv\.?|svc\.?)\s+dates?|dos|from)$/i;

/**
 * A claim line's date wrapped in its narrow cell around the line holding the amounts (line `i`
 * of `lines`, `before` its text before the first amount): "Apr 9," ends the line above and its
 * year stands before the amount, or "May 22," ends the line above or stands before the amount
 * and its year sits below it on the next line, in the same column.
 */
function wrappedCellDate(lines: Line[], i: number, before: string): string | undefined {
  // A date cell cut before its year, whatever its form ("04-Nov-" over "2022", "11/04/" over "2022"): the cell opening
  // the line, the year the cell under it on the next line, in its column. Session 20.
  const cell = cells(before)[0];
  // The stub as its own word when OCR closed the gap after it ("10-Aug- 99214 Office/outpatient"). Session 23 (m-2506 OCR).
  const stub = cell ? /^(\d{1,2}[-/.](?:[A-Za-z]{3}|\d{1,2})[-/.])\s/.exec(cell.text)?.[1] : undefined;
  const lead = cell && stub ? { ...cell, text: stub } : cell;
  const yearUnder = lead ? cells(lines[i + 1]?.text ?? '').find((c) => /^(?:19|20)\d{2}$/.test(c.text) && Math.abs(c.start - lead.start) <= 2) : undefined;
  if (lead && yearUnder && /\d/.test(lead.text) && !findDates(lead.text).length) {
    const whole = /[-/.]$/.test(lead.text) ? `${lead.text}${yearUnder.text}` : `${lead.text} ${yearUnder.text}`;
    const d = findDates(whole)[0];
    if (d && d.index === 0 && d.text.length === whole.length) return d.date;
  }
  const MONTH_DAY = /\b([A-Za-z]{3,9}\.?\s+\d{1,2}),?\s*$/;
  const dated = (monthDay: string, year: string) => findDates(`${monthDay}, ${year}`)[0]?.date;
  const above = MONTH_DAY.exec(lines[i - 1]?.text ?? '');
  // Its year before the amount; or, the month and day alone on the line above, the line's one year
  // cell further along (an amount whose dollar sign OCR read as an S came first: "2023   S234   $9.89";
  // OCR keeps no indentation, so no column tells).
  const years = cells(lines[i]!.text).filter((c) => /^(?:19|20)\d{2}$/.test(c.text));
  const aboveAlone = above && !lines[i - 1]!.text.slice(0, above.index).trim();
  const yearHere = /\b((?:19|20)\d{2})\s*$/.exec(before)?.[1] ?? (aboveAlone && years.length === 1 ? years[0]!.text : undefined);
  if (above && yearHere) return dated(above[1]!, yearHere);
  const here = MONTH_DAY.exec(before);
  const monthDay = here ?? above;
  if (!monthDay) return undefined;
  const below = lines[i + 1]?.text ?? '';
  // In the same column; or, in a text layer that kept no columns, ending the line below as the month and day end theirs.
  const inColumn = cells(below).find((c) => /^(?:19|20)\d{2}$/.test(c.text) && Math.abs(c.start - monthDay.index) <= 4)?.text;
  const atEnd = /\S\s{2,}\S/.test(below) ? undefined : /\b((?:19|20)\d{2})\s*$/.exec(below)?.[1];
  const yearBelow = inColumn ?? atEnd;
  return yearBelow ? dated(monthDay[1]!, yearBelow) : undefined;
}

/** The "From:" date on a certification period's line or in the three lines under its caption. */
function certificationStart(text: string): string | undefined {
  const ls = text.split('\n');
  // The caption's words as OCR may garble them past the label mending ("3 Certiheastion Pend"): "Certi..." then
  // "Pe..". t-1802 (OCR): a plan of care's date.
  const at = ls.findIndex((l) => /\bcertification\s+period\b|\bcerti[a-z]{4,10}\s+pe[a-z]{1,4}\b/i.test(l));
  if (at < 0) return undefined;
  for (const l of ls.slice(at, at + 4)) {
    const d = dateAfter(l, /\bfrom\s*:?/i, 6);
    if (d) return d;
  }
  return undefined;
}

/**
 * The date a label's copies print most often: a report repeats its label on every page head
 * ("Collected: 05/29/2024") and OCR misreads a digit in one copy. The first copy's date `first`
 * stays unless another date follows more copies of the label.
 */
function labelCopiesVote(text: string, label: RegExp, gap: number, first: string, ok: (d: string) => boolean): string {
  const re = new RegExp(label.source, label.flags.includes('g') ? label.flags : label.flags + 'g');
  const starts = [...text.matchAll(re)].map((m) => m.index!);
  if (starts.length < 3) return first;
  const counts = new Map<string, number>();
  starts.forEach((at, i) => {
    const d = dateAfter(text.slice(at, starts[i + 1] ?? text.length), label, gap);
    if (d && ok(d)) counts.set(d, (counts.get(d) ?? 0) + 1);
  });
  const [top, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [first, 0];
  return n > (counts.get(first) ?? 0) ? top : first;
}

/** A stamp's words in capitals, also the pieces a text layer or OCR breaks them into where they overprint the page ("REC/", "'D", "MEDIC", "AL REC   ORDS"). */
const STAMP_PIECE = /REC'?D\b|RECEIVED|SCANNED|\bREC\b|'D\b|MEDIC|\bRECO|ORDS\b|\bHIM\b|\bDEPT\b|\bFILED\b/;

/**
 * A received stamp's date: a date in the stamp's form, a capitals month's abbreviation, the day and the year without
 * a comma ("JUN 11 2022"), with a stamp's words or their pieces within three printed lines above or below it, near
 * its column. A stamp printed over the page's text breaks into pieces ("REC/ Re-evaluation" / "'D" / "JUN 11 2022" /
 * "MEDIC   05-26-2022" / "AL REC   ORDS"), so the one-line look for "RECEIVED" above misses it. Session 20 (set-n:
 * a therapy note dated by the stamp the receiving office put over its head).
 */
function stampDate(lines: Line[], i: number, at: number, from: string): boolean {
  if (!/^[A-Z]{3}\.?\s\d{1,2}\s(?:19|20)\d{2}/.test(from)) return false;
  const near: string[] = [];
  for (const step of [-1, 1]) {
    let seen = 0;
    for (let k = i + step; k >= 0 && k < lines.length && seen < 3; k += step) {
      if (!lines[k]!.text.trim()) continue;
      seen++;
      near.push(lines[k]!.text.slice(Math.max(0, at - 15), at + 30));
    }
  }
  return near.some((t) => STAMP_PIECE.test(t));
}

/**
 * Date of service of a document of a given type. `sentOn`, the date its fax header prints, lets
 * the unlabelled fallbacks pass over a date printed 20 or more years before it: a birth date
 * whose label OCR garbled ("Biel Date: 06/16/1947"), far likelier than a visit that old, and
 * over a date years after it.
 */
/**
 * A specimen reaches the lab the day it is drawn or within days. A collection date a digit away from
 * the received date printed beside it and weeks before it is that date misread ("COLLECTED: 04/29/24"
 * beside "RECEIVED: 05/29/24" on a thin standard fax, where 5 and 4 lose the strokes that tell them
 * apart): the received date's reading is taken. Sample tx-0012 (OCR).
 */
export function collectedDigitSlip(collected: string, received: string | null | undefined): string {
  if (!received || received <= collected || received.length !== collected.length) return collected;
  let diff = 0;
  for (let i = 0; i < collected.length; i++) if (collected[i] !== received[i]) diff++;
  const days = (Date.parse(received.slice(0, 10)) - Date.parse(collected.slice(0, 10))) / 86_400_000;
  return diff === 1 && days > 7 ? received : collected;
}

export function findServiceDate(docLines: Line[], type: string | undefined, dob?: string, sentOn?: string): string | undefined {
  // Without a sending date (header and cover garbled), the latest date the document prints up to today bounds it
  // as well: a date twenty years before it is a birth date whose label OCR garbled ("DATE OF BIRYTY 6-Dec- 1932"
  // on a 2023 report). q-1807 (OCR): a lab report's date.
  const today = new Date().toISOString().slice(0, 10);
  const printedLatest = sentOn ? undefined : findDates(docLines.map((l) => l.text).join('\n')).map((d) => d.date).filter((d) => d <= today).sort().pop();
  const bound = sentOn ?? printedLatest;
  const tooOld = (d: string) => !!bound && Number(bound.slice(0, 4)) - Number(d.slice(0, 4)) >= 20;
  // Nothing was done after the fax carrying it was sent: a date years later is a misread year
  // ("01/03/2072"). Only years: the header's own date may be misread too ("2/19/2022" for 12/19/2022).
  // Without a header date, nothing was done after today either ("Date/Time: January 26, 2074").
  const latest = sentOn ?? new Date().toISOString().slice(0, 10);
  // (A year of slack after a header's date, which OCR may misread itself; none after today.)
  const afterSent = (d: string) => (sentOn ? Number(d.slice(0, 4)) > Number(sentOn.slice(0, 4)) + 1 : d > latest);
  const lines = unfoldColumnLabels(joinWrappedDates(docLines));
  const text = mendCutYears(mendYearGarbles(mendDateLabels(lines.map((l) => l.text).join('\n')), sentOn), dob);
  // A home health plan of care (the national certification form) is of the first day of the period it certifies
  // ("3. Certification Period" over "From: 03/18/2025 To: 05/16/2025"), not of the start of care printed
  // before it, whatever type its medication or order lines made it. t-9723 (OCR and GT): 1 date.
  const certified = certificationStart(text);
  if (certified && certified !== dob && !afterSent(certified)) return certified;
  // A discharge paper printing its stay as captions over their values: the discharge date under its caption, not the
  // admission (or hospice election) printed first
  // (a label's date on the next line, under another caption, is no nearer).
  if (type === 'discharge_summary') {
    // Also on the lines as printed: unfolding a caption row that also holds Name / DOB captions drops the whole row,
    // the stay's captions with it ("Name   DOB   Admitted to this facility   Date of transfer"). Session 23 (set-f).
    const d = dateUnderCaption(lines, DISCHARGE_CAPTION) ?? dateUnderCaption(docLines, DISCHARGE_CAPTION) ?? flatStayCaptionDate(lines, DISCHARGE_CAPTION);
    if (d && d !== dob && !afterSent(d) && !tooOld(d)) return d;
    // The stay as a labelled range: its end, not the admission printed first.
    const stay = STAY_RANGE.exec(text);
    const end = stay ? parseDate(stay[2]!) : null;
    if (end && end !== dob && !afterSent(end) && !tooOld(end) && (parseDate(stay![1]!) ?? end) <= end) return end;
  }
  // A list printed after the period it covers ended (an eMAR's last three days, printed the day it is faxed) is of
  // the period's last day; printed inside its period (a monthly recap printed on the 4th), of its print day. Session 23.
  if (type === 'medication_list') {
    const printed = dateAfter(text, PRINTED, 30);
    const end = PERIOD_END.map((re) => dateAfter(text, re, 30)).find(Boolean);
    if (printed && end && end < printed && end !== dob && !tooOld(end)) return end;
  }
  for (const re of DOS_LABELS[type ?? ''] ?? []) {
    const gap = re.source.includes('printed\\s+(?:by') || re.source.includes('?\\bon\\s') ? 4 : 30;
    const d = dateAfter(text, re, gap);
    if (d && d !== dob && !afterSent(d)) {
      const voted = labelCopiesVote(text, re, gap, d, (x) => x !== dob && !afterSent(x));
      return type === 'lab_report' ? collectedDigitSlip(voted, dateAfter(text, /\b(?:date\s+)?received(?:\s+date)?\s*:/i, 30)) : voted;
    }
    const repaired = d && d !== dob ? yearMisread(d, latest) : undefined;
    if (repaired) return repaired;
  }
  // A report naming its exam on a line of its own, the exam's date after it ("Examination: CT HEAD WITHOUT
  // CONTRAST – 17 February 2023"): a radiology report is of the day the study was done, not of the letter's
  // date above it (the day it was read and signed) nor of a received stamp. Only on that line: the next
  // line may be the comparison study's. q-1211 (GT): 2 radiology dates.
  if (type === 'radiology_report') {
    // The text with its label words mended ("Examinatlon:").
    for (const l of text.split('\n')) {
      const m = /^\s*(?:exam(?:ination)?|study|procedure|examen)\b[^:\n]{0,12}[:;]/i.exec(l);
      if (!m) continue;
      const d = findDates(l.slice(m[0].length)).map((x) => x.date).find((x) => x !== dob && !afterSent(x) && !tooOld(x));
      if (d) return d;
    }
  }
  // A results table whose first column is the collection date ("Collected   Order   Component ..."):
  // the date under that caption, in its column (a date with its slashes read as 1s too: "0211512025").
  if (type === 'lab_report') {
    const d = dateUnderCaption(lines, COLLECTED_CAPTION);
    if (d && d !== dob && !afterSent(d) && !tooOld(d)) return d;
    // A cumulative table with its collections as date columns: the newest draw's, on whichever side it stands.
    const newest = newestTrendDate(lines);
    if (newest && newest !== dob && !afterSent(newest) && !tooOld(newest)) return newest;
    // With no date heads, a span of the results' dates ("Results from 2023/02/11 through 2024/01/09"): the report is of
    // its newest draw, the later of the two, not the span's first date. Held-out m-2501.
    const span = resultsSpanEnd(text);
    if (span && span !== dob && !afterSent(span) && !tooOld(span)) return span;
  }
  if (type === 'immunization_record') {
    // A history is dated the day it was printed, after every dose it lists: with its label garbled
    // past reading ("Puntod May 1.2025"), the latest date it prints.
    // Not the dates of a forecast after the history: doses due, not given. (Its heading comes after
    // a dose's date; a title "History and Forecast" above everything does not count.)
    const firstDated = lines.findIndex((l) => findDates(l.text).some((d) => d.date !== dob));
    const forecast = firstDated < 0 ? -1 : lines.findIndex((l, i) => i > firstDated && /\b(?:forecast|recommended\s+(?:vaccines|immunizations)|vaccines?\s+due|due\s+dates?)\b/i.test(l.text));
    const latest = (forecast >= 0 ? lines.slice(0, forecast) : lines)
      .flatMap((l) => findDates(l.text).map((d) => d.date))
      .filter((d) => d !== dob && !afterSent(d) && !tooOld(d))
      .sort()
      .pop();
    if (latest) return latest;
  }
  if (type === 'insurance_billing') {
    // The first date of a service line of the claim table: a date printed before the line's first amount.
    const nonEmpty = lines.filter((l) => l.text.trim());
    // Amounts above the table's header row are the statement's (amount due beside the statement
    // date): the lines below the header are read first.
    // The header also as a text layer gives it, its columns one space apart ("Date Code Description Charges").
    const header = nonEmpty.findIndex(
      (l) => cells(l.text).some((c) => CLAIM_DATE_COLUMN.test(c.text)) || /^\s*(?:service\s+)?dates?(?:\s+of\s+service)?\s+(?:\w+\s+){0,3}?(?:code|description|service|charges?|billed)\b/i.test(l.text),
    );
    const order = nonEmpty.map((_, i) => i).sort((a, b) => Number(a <= header) - Number(b <= header) || a - b);
    for (const i of order) {
      const l = nonEmpty[i]!;
      // A fixed-width remittance prints its amounts without a dollar sign: a line opening with a date and
      // printing two or more money amounts after it ("12/17/24 71046      119.63    80.28 ...") is a service line too.
      // Its date also in the payer's compact form, MMDDYY, a through date after it ("070624 070624 99203   184.06
      // 136.47 ..."): a six-digit cell opening the line, a month and day it can be (not the header's processed date).
      const compact = /^(\s*)(\d{2})(\d{2})(\d{2})(?:\s+\d{6})?(?=\s)/.exec(l.text);
      const compactDate = compact ? findDates(`${compact[2]}/${compact[3]}/${compact[4]}`)[0]?.date : undefined;
      const lead = findDates(l.text)[0] ?? (compact && compactDate ? { index: compact[1]!.length, text: compact[0].slice(compact[1]!.length), date: compactDate } : undefined);
      const bare = lead && !l.text.slice(0, lead.index).trim() ? /(?<![\d./-])\d{1,7}\.\d{2}(?![\d./-])/.exec(l.text.slice(lead.index + lead.text.length)) : null;
      const plain = bare && (l.text.slice(lead!.index + lead!.text.length).match(/(?<![\d./-])\d{1,7}\.\d{2}(?![\d./-])/g) ?? []).length >= 2 ? { index: lead!.index + lead!.text.length + bare.index } : null;
      const amount = /\$\s?\d/.exec(l.text) ?? plain;
      if (!amount) continue;
      const before = l.text.slice(0, amount.index);
      // Not a date another label names ("Date processed: Jun 2, 2023   $47.88" beside the amount you owe).
      const own = findDates(before).find((x) => !/\b(?:processed|statement|due|printed|paid|issued|received)\b[^\d]{0,6}$/i.test(before.slice(Math.max(0, x.index - 24), x.index)));
      const d = own?.date ?? (plain && lead?.date === compactDate ? compactDate : undefined) ?? wrappedCellDate(nonEmpty, i, before);
      if (d && d !== dob && !afterSent(d)) return d;
    }
    // A payer's letter naming the day in a sentence ("the claim your provider sent us for services on July 28, 2022"),
    // its service lines undated: that day, not the letter's date above the address. Session 22 (set-h).
    const said = dateAfter(text, /\bservices?\s+(?:provided\s+|received\s+|rendered\s+)?(?:on|from)\s+/i, 20);
    if (said && said !== dob && !afterSent(said)) return said;
    // A claim form's period under its caption, its dates compact (MMDDYY, the paper claim's form) or not: its first day.
    const period = dateUnderCaption(lines, PERIOD_CAPTION);
    if (period && period !== dob && !afterSent(period)) return period;
    // A remittance's service-date column in the payer's compact form ("SERV DATE" over "0713 071325": from
    // MMDD, through MMDDYY, the form of the standard paper remittance), no amount with a dollar sign on its
    // lines. t-9723 (OCR and GT): 1 remittance date.
    const served = dateUnderCaption(lines, SERVICE_DATE_CAPTION, compactServiceSpan);
    if (served && served !== dob && !afterSent(served)) return served;
    const st = dateAfter(text, /\bstatement\s+date\s*:?/i, 30);
    if (st) return st;
  }
  // Generic fallbacks, then the first date that is not a birth date or a "printed" stamp.
  for (const re of [/\b(?:date\s+of\s+service|service\s+date|visit\s+date|DOS|encounter\s+date)\s*:?/i, /\bdate\s*:/i]) {
    const d = dateAfter(text, re, 30);
    if (d && d !== dob && !tooOld(d) && !afterSent(d)) return d;
  }
  // The first unlabelled date; one that is the fax's own date only when no other is printed (a
  // "received" stamp OCR garbled past recognition prints the day the fax came).
  // A received stamp's date ("REC'D" over "DEC 18 2023") is the day the paper came, not the visit:
  // taken only when nothing else is dated either.
  // A cover sheet is dated the day it went out: with no labelled date of its own, the date the fax's header lines
  // print, not the first date of its body (a release-of-information log's first row, "03/19/2025 State Dept. of
  // Health ...", its "Transmitted" line OCR lost). n-2403 (OCR). Session 20.
  if (type === 'fax_cover_sheet' && sentOn) return sentOn;
  let sentDay: string | undefined;
  let stampDay: string | undefined;
  const head = lines.slice(0, 60);
  // The stamp's word in capitals and without a colon: "Date received: 08/31/2022" and a report's
  // "RECEIVED: 09/29/24" are labels of the specimen's arrival, often the only date a lab report prints.
  const RECEIVED = /\b(?:REC'?D|Rec'd|RECEIVED)\b(?!\s*:)/;
  for (const [i, l] of head.entries()) {
    if (DOB_LABEL.test(l.text) && findDates(l.text).length === 1) continue;
    // A date cell whose slashes OCR lost ("09 16 2024" alone in a form's corner): a date's shape in a cell of its own.
    // Or a year-first date ending its cell, its points or dashes read as spaces ("Visit 2022 08 14" for "Visit
    // 2022.08.14", a note's head). o-2302 (OCR). Session 20.
    const spaced = cells(l.text)
      .map((c) => {
        if (/^\d{2} \d{2} (?:19|20)\d{2}$/.test(c.text)) return { date: slashlessDate(c.text), index: c.start };
        const yf = /(?:^|\s)((?:19|20)\d{2} (?:0[1-9]|1[0-2]) (?:0[1-9]|[12]\d|3[01]))$/.exec(c.text);
        return yf ? { date: slashlessDate(yf[1]!), index: c.start + c.text.length - yf[1]!.length } : undefined;
      })
      .filter((x): x is { date: string; index: number } => !!x?.date);
    for (const found of [...findDates(l.text), ...spaced]) {
      // A year years after the fax, one digit misread ("DELIVERED 5/15/2073" on a fax of 2023): the year it can be.
      const d = afterSent(found.date) ? { ...found, date: yearMisread(found.date, latest) ?? found.date } : found;
      if (d.date === dob || tooOld(d.date) || afterSent(d.date)) continue;
      // Nor a prior study's ("COMPARISON: XR KNEE dated 2023-01-04"): the report compares with it.
      if (/\b(?:print|dob|birth|signed|fax|comparison|compared|prior)/i.test(l.text.slice(Math.max(0, d.index - 25), d.index)) || /^\s*comparisons?\b/i.test(l.text)) continue;
      // A claim is of the day of its service, not of the days the payer processed it, issued the notice or
      // wants payment ("Processed Jun 6, 2025" above "Service 1 · Apr 9, 2025"). u-8494 (GT): 1 EOB date.
      if (type === 'insurance_billing' && /\b(?:processed|issued|statement|due|pay\s+by|paid\s+on)\b[^\d]{0,12}$/i.test(l.text.slice(Math.max(0, d.index - 25), d.index))) continue;
      // A cover sheet is dated the day it went out: there the fax's own date is the one.
      if (d.date === sentOn && type !== 'fax_cover_sheet') {
        sentDay ??= d.date;
        continue;
      }
      const above = head[i - 1]?.text.slice(Math.max(0, d.index - 12), d.index + 12) ?? '';
      if (RECEIVED.test(l.text.slice(Math.max(0, d.index - 12), d.index)) || RECEIVED.test(above) || stampDate(head, i, d.index, l.text.slice(d.index))) {
        stampDay ??= d.date;
        continue;
      }
      return d.date;
    }
  }
  return sentDay ?? stampDay;
}

/**
 * The patient's record number (MRN), sex and age as one line prints them, and a demographics row
 * read without its captions. Pure.
 */
import { findDates } from './dates.js';
import { cells } from './lines.js';

const MRN_RE =
  /\b(?:MRN|MR\s*#|MR\s*No\.?|Med(?:ical)?\.?\s*Rec(?:ord)?\.?\s*(?:#|No\.?|Number)|Patient\s*ID|Pt\.?\s*ID|Chart\s*(?:#|No\.?|Number))\s*[:#]?\s*(?:#\s*)?([A-Z]{0,3}-?\d[A-Z0-9-]{3,})/i;

// The narrative's "a 67-year-old woman" too: how notes and letters introduce their patient.
// "Sex/Age: M/25" also with its slash lost ("Sex/Age M25").
// Not an age band ("Preventive visit, established, age 40-64", wrapped as "age 40-" in a claim line's description;
// "age 18 to 39", "age 65+"): a dash after the number opens a band unless a word follows it ("64-year-old"). Session 20.
const AGE_RE = /\bsex\s*\/\s*age\s*[:#]?\s*[MF]\s*\/?\s*(\d{1,3})\b|\bage\s*[:#]?\s*(\d{1,3})\b(?!\s*[/.-]\d|[-–](?![a-z])|\s+(?:to|through|thru)\s+\d|\+)|\(\s*(\d{1,3})\s*(?:y|yo|yrs?|y\.[o0]\.?)\s*[MF]?\s*\)|\b(?:dob|birth)\b.{0,30}?\d{4}\s+(\d{1,3})\s*(?:y|yo|yrs?)\b|\b(?:is|was|an?)\s+(\d{1,3})[- ]year[- ]old\b/i;

/** The medical record number a line prints after its label. */
export function mrnOnLine(text: string): string | undefined {
  return MRN_RE.exec(text)?.[1];
}

/** The patient's age in years a line prints ("Age: 64", "(19Y)", "a 67-year-old woman"). */
export function ageOnLine(text: string): number | undefined {
  const am = AGE_RE.exec(text);
  return am ? Number(am[1] ?? am[2] ?? am[3] ?? am[4] ?? am[5]) : undefined;
}

/** The patient's sex a line prints ("Sex: F", "Gender: Male", "(64 yo M)"): 'male' or 'female'. */
export function genderOnLine(text: string): string | undefined {
  const g = /\b(?:Sex|Gender)\s*[:/]?\s*(M|F|Male|Female)\b/i.exec(text) ?? /\(\s*\d+\s*(?:yo|y\.?o\.?|Y)\s*(M|F)\s*\)/.exec(text);
  return g ? (/^m/i.test(g[1]!) ? 'male' : 'female') : undefined;
}

/**
 * A demographics row whose captions above OCR garbled past reading ("PATTY DIAM   fw   x   MN" over
 * "Ximena T. Proxywood   03/15/1960   F   MR-419523"): a person's name opening the line, the cell
 * after it a full date, the next the patient's sex. The date is the birth date: a signature's or an
 * author's name and date print no sex after them. Or the row's record number after the date
 * ("Demoberg, Brandon G.   6-25 1963 CHART MR-799956"): a signature prints none either.
 */
export function demographicsRow(text: string): { name: string; date: string } | undefined {
  const cs = cells(text);
  // Single-spaced (captions over values as OCR prints them, "Doe, Jane M October 14, 1953 Male E0490309"): a
  // "Last, First M" opening the line, a full date right after it, then the sex or the record number. Session 22 (set-h, gt-flat).
  if (cs.length === 1) {
    const m = /^\s{0,8}([A-Z][A-Za-z'’-]+, ?[A-Z][A-Za-z'’-]+(?: [A-Z]\.?)?) (.+)$/.exec(text);
    const d = m ? findDates(m[2]!)[0] : undefined;
    if (!m || !d || d.index !== 0 || !/\d{4}/.test(d.text)) return undefined;
    const after = m[2]!.slice(d.text.length);
    return /^\s+(?:M|F|Male|Female)\b/i.test(after) || /^\s+(?:MRN?\s*[:#]?\s*)?[A-Z]{1,3}-?\d{5,}\b/.test(after) ? { name: m[1]!, date: d.date } : undefined;
  }
  const [name, date, sex] = cs;
  if (!name || !date || name.start > 8) return undefined;
  if (!/^(?:[A-Z][A-Za-z'’-]+(?: [A-Z]\.?)?(?: [A-Z][A-Za-z'’-]+){1,2}|[A-Z][A-Za-z'’-]+, ?[A-Z][A-Za-z'’-]+(?: [A-Z]\.?)?)$/.test(name.text)) return undefined;
  // A box's edge OCR read as marks before the date's cell ('"| 20 AUG 1999'). t-1802 (OCR): a certificate's patient.
  // The date's second dash or slash OCR read as a space ("6-25 1963" for 6-25-1963). o-2302 (OCR). Session 20.
  const dateText = date.text.replace(/^[^\w\s]{1,3}\s*/, '').replace(/^(\d{1,2})([/.-])(\d{1,2}) ((?:19|20)\d{2})(?![\d/.-])/, '$1$2$3$2$4');
  const d = findDates(dateText)[0];
  if (!d || d.index !== 0 || !/\d{4}/.test(d.text)) return undefined;
  // After the date, the patient's sex in the next cell; or the row's record number, after one word at most (its
  // caption OCR garbled: "Demoberg, Brandon G.   6-25 1963 cian MR-799956", CHART read "cian"). Session 20.
  const sexNext = d.text.length === dateText.length && !!sex && /^(?:M|F|Male|Female)$/i.test(sex.text);
  const after = [dateText.slice(d.text.length), ...cs.slice(2).map((c) => c.text)].join(' ');
  const recordNext = /^\s*(?:[A-Za-z]{1,6}\s+)?(?:MRN?\s*[:#]?\s*)?[A-Z]{1,3}-?\d{5,}\b/.test(after);
  if (!sexNext && !recordNext) return undefined;
  return { name: name.text, date: d.date };
}

/**
 * A patient block's unlabelled birth-date cell: a full date, then the age it gives and the sex
 * ("5/19/1996 · 27 yrs · Female", "03/04/1950 (74 y/o M)", the age in a cell of its own: "08/09/2016   5Y   F"). The age must agree with the date (the
 * birth year plus the age a year between 1980 and 2040): a visit date with an age beside it would not.
 */
export function datedAgeCell(text: string): { date: string; start: number } | undefined {
  const cs = cells(text);
  for (const [i, c] of cs.entries()) {
    // The age may stand in a cell of its own, a column of a demographics row ("08/09/2016   5Y   F").
    const nextCell = cs[i + 1];
    const joined = nextCell && /^\(?\d{1,3}\s*(?:y|yo|y\/o|yrs?)\b/i.test(nextCell.text) ? `${c.text} ${nextCell.text}` : c.text;
    const m = /^(.{6,18}?)\s*[·•|,]?\s*\(?\s*(\d{1,3})\s*(?:y|yo|y\/o|y\.o\.|yrs?|years?(?:\s+old)?)\.?\s*(?:[·•|,/]?\s*(M|F|Male|Female))?\s*\)?$/i.exec(joined);
    if (!m) continue;
    const d = findDates(m[1]!)[0];
    if (!d || d.index !== 0 || d.text.length !== m[1]!.trim().length || !/\d{4}/.test(d.text)) continue;
    const year = Number(d.date.slice(0, 4)) + Number(m[2]);
    if (year < 1980 || year > 2040) continue;
    return { date: d.date, start: c.start };
  }
  return undefined;
}

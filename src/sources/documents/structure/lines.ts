/**
 * Page text cleaning: split into lines, recognise and set aside fax header lines (TTI) and
 * "RECEIVED" stamps, find document page markers ("Page 2 of 3", "P. 2/5").
 */
import { findDates } from './dates.js';

export interface Line {
  /** 1-based page number in the transmission. */
  page: number;
  /** 0-based index of the line in the page text. */
  index: number;
  text: string;
}

export interface CleanPage {
  page: number;
  /** Body lines: fax headers and stamps removed (their positions blanked). */
  lines: Line[];
  /** The removed fax header lines. */
  faxHeaders: string[];
  /** Document page marker found in the body (not in the fax header), e.g. {k: 1, n: 2}. */
  pageOf?: { k: number; n: number };
  /** The marker stands on the page's first line (a fax header garbled past recognition may hold it). */
  pageOfOnTopLine?: boolean;
}

// Not a date whose second slash OCR read as a colon ("Run date 10/08:2024"): no digit follows.
const TIME = /\b\d{1,2}:\d{2}(?::\d{2})?(?!\d)\s*(?:[ap]\.?m?\.?)?/i;
const PHONE = /(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b/;
const TTI_MARK = /(?:\bP(?:AGE|G)?\.?:?\s*#?\s*\d{1,4}(?:\s*(?:\/|of)\s*\d{1,4})?\b|\bP[A-Z]{1,3}\.?:?\s*\d{1,3}\s*\/\s*\d{1,3}\b|\bFROM[-\s:]|\bTO[-\s:]|\bFAX\b|\bT-\d+|#\d+|\bF-\d+)/i;

const TTI_MARK_NOT_FAX = new RegExp(TTI_MARK.source.replace('|\\bFAX\\b', ''), 'i');

/** A fax header (TTI) line: date and time, plus a phone number or a page/FROM marker, near the top. */
export function isFaxHeaderLine(text: string, first = false): boolean {
  const t = text.trim();
  if (!t || t.length > 220) return false;
  const date = findDates(t).length > 0 || /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/.test(t);
  const time = TIME.test(t);
  const phone = PHONE.test(t);
  const mark = TTI_MARK.test(t);
  const score = +date + +time + +phone + +mark;
  if (!time && !date) return false;
  // Below the first line, a line without a time needs a transmission's own mark (page, FROM/TO, job
  // numbers): a letterhead's "Ph ... · Fax ...   Run date 11/03/2022" carries a date, phone and FAX too.
  if (!first && !time && !TTI_MARK_NOT_FAX.test(t)) return false;
  // A date its label names as the document's own ("Store #2071 · Rx (517) 555-0130   Printed Sep 4, 2023" under a
  // pharmacy's letterhead: phone, a store number taken for a job number, and the record's print date) is
  // the body's, unless the line has all four marks of a header. q-1211 (GT): immunization dates 2 errors fewer.
  if (/\b(collected|reported|signed|dob|birth|exam|admit|discharg|visit|service|printed|generated|as\s+of)\b/i.test(t)) return score >= 4;
  // The very first line of a page may be a header whose date or number OCR garbled.
  return score >= 3 || (time && date && (phone || mark)) || (first && score >= 2 && (time || date) && (phone || mark));
}

const STAMP_WORDS = /^(?:RECEIVED|REC'?D|RECEIVED\s+BY|MEDICAL\s+RECORDS|HIM(?:\s+DEPT\.?)?|HEALTH\s+INFORMATION(?:\s+MANAGEMENT)?|SCANNED|FILED|ENTERED)$/i;
const STAMP_DATE = /^(?:[A-Z]{3}\s+\d{1,2},?\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{2,4})$/i;

/** Page marker "Page 2 of 3", "PAGE 1 OF 1", "Pg 2/3", "P. 2/5", "2 of 3". */
const PAGE_OF = /\b(?:page|pg\.?|p\.)\s*:?\s*(\d{1,3})\s*(?:[o0a][flt]|\/)\s*(\d{1,3})\b/gi;

/**
 * A footer's marker in a cell of its own ending its line, through worse OCR slips: "of" read as "or" or
 * "01", a 1 read as a bar or a letter ("Page | or 2", "Page 2 01 2", "Page 1 of I"). Prose says "page 2 or 3"
 * mid-sentence, never after a wide gap past other text at the end of a line. u-8494 (OCR): two letters that
 * had run together split again.
 */
// Session 22 (o-2304, OCR): also the word a letter off ("Poge 1 of I"), a 1 read as a t or an L glued to "of" ("Page Lof
// 1", "Page tof 1"), and a speck after the marker ("Page tof 1  ."): three one-page documents had run together.
const PAGE_OF_CELL = /\S\s{2,}(?:page|p[a-z0-9][gq]e|pg\.?)\s*:?\s*(\d{1,3}|[|lIt])\s*(?:[o0a][flrt]|01|\/)\s*(\d{1,3}|[|lI])\s*(?:[.,:;'’‘`]\s*)?$/gim;

export function pageMarker(text: string): { k: number; n: number } | undefined {
  let found: { k: number; n: number; at: number } | undefined;
  const one = (x: string) => (/^[|lIiLt]$/.test(x) ? 1 : +x);
  for (const re of [PAGE_OF, PAGE_OF_CELL]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const k = one(m[1]!);
      const n = one(m[2]!);
      // The last marker in the text, whichever form found it.
      if (k >= 1 && n >= k && n < 500 && (!found || m.index >= found.at)) found = { k, n, at: m.index };
    }
  }
  return found ? { k: found.k, n: found.n } : undefined;
}

/** Cleans one page: removes fax header lines at the top and received stamps anywhere. */
export function cleanPage(page: number, text: string): CleanPage {
  const raw = (text ?? '').replace(/\r\n?/g, '\n').split('\n');
  const lines: Line[] = [];
  const faxHeaders: string[] = [];
  let nonEmptySeen = 0;
  let stampNear = -10;
  raw.forEach((t, index) => {
    const trimmed = t.trim();
    if (!trimmed) {
      lines.push({ page, index, text: '' });
      return;
    }
    nonEmptySeen++;
    // Fax headers: within the first three non-empty lines (a prior fax's header sits under the current one).
    if (nonEmptySeen <= 3 && isFaxHeaderLine(trimmed, nonEmptySeen === 1)) {
      faxHeaders.push(trimmed);
      lines.push({ page, index, text: '' });
      return;
    }
    let body = t;
    // Stamps printed in their own column: drop stamp words at the end of a line.
    const stamp = /\s{3,}(RECEIVED|REC'?D|SCANNED|HIM(?: DEPT\.?)?|DEPT\.?|MEDICAL RECORDS|[A-Z]{3} \d{1,2},? \d{4})\s*$/.exec(body);
    if (stamp && (/RECEIVED|REC'?D|SCANNED/.test(stamp[1]!) || index - stampNear <= 3)) {
      if (/RECEIVED|REC'?D|SCANNED/.test(stamp[1]!)) stampNear = index;
      body = body.slice(0, stamp.index);
    }
    const bt = body.trim();
    if (STAMP_WORDS.test(bt) || (STAMP_DATE.test(bt) && index - stampNear <= 3)) {
      if (/RECEIVED|REC'?D|SCANNED/i.test(bt)) stampNear = index;
      // The stamp's lower word in capitals ("MEDICAL RECORDS", "HIM DEPT") under its date: the date alone on a line up
      // to three lines above, in the word's column, is the stamp's too, though its top word was broken by the text it
      // overprints ("RECE" + "IVED" glued to an address) so nothing had marked the stamp before the date came.
      // Session 25 (u-7900: a consult letter dated by the stamp the receiving office put over its letterhead).
      if (bt === bt.toUpperCase() && !/RECEIVED|REC'?D|SCANNED/i.test(bt)) {
        const at = body.search(/\S/);
        for (const prev of lines.slice(-4)) {
          const pt = prev.text.trim();
          if (prev.index >= index - 3 && STAMP_DATE.test(pt) && /[A-Z]{3}/.test(pt) && Math.abs(prev.text.search(/\S/) - at) <= 12) prev.text = '';
        }
      }
      lines.push({ page, index, text: '' });
      return;
    }
    // A stamp, not a report's "Received 03/15/2024   Collected 03/14/2024" line.
    if (/^RECEIVED\b/i.test(bt) && bt.length < 60 && !/:/.test(bt) && !/\b(?:collected|reported|drawn|printed|verified|resulted)\b/i.test(bt)) {
      stampNear = index;
      lines.push({ page, index, text: '' });
      return;
    }
    // A label printed with a doubled colon ("PATIENT::  DOE, JANE", "DOB::  1959-12-13"): one colon, for every
    // label reader (same length: columns keep their places). Session 19 (set-n).
    lines.push({ page, index, text: body.replace(/([A-Za-z#])::(?=\s)/g, '$1: ').replace(/\s+$/, '') });
  });
  const body = lines.map((l) => l.text).join('\n');
  const pageOf = pageMarker(body);
  const top = lines.find((l) => l.text.trim());
  const onTop = !!pageOf && !!top && !!pageMarker(top.text) && !pageMarker(lines.filter((l) => l !== top).map((l) => l.text).join('\n'));
  return { page, lines, faxHeaders, ...(pageOf ? { pageOf } : {}), ...(onTop ? { pageOfOnTopLine: true } : {}) };
}

/** Non-empty body lines of a page. */
export function bodyLines(p: CleanPage): Line[] {
  return p.lines.filter((l) => l.text.trim() !== '');
}

/** Split a layout line into cells separated by 2+ spaces (or a tab). */
export function cells(text: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ text: m[0], start: m.index });
  return out;
}

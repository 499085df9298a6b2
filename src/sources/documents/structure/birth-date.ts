/**
 * The patient's birth date as a line prints it: after its label (also as OCR garbles the label,
 * the month or the slashes, past a format hint or a stamp's word), in the caption cell's column
 * below, or between the name and the sex on a form's patient line; and a year checked by the age. Pure.
 */
import { mendIdentityLabels } from './caption-slips.js';
import { slashSlipBirthDate, yearsOneDigitAway } from './date-slips.js';
import { findDates, garbledMonthDate, lettersAsDigits, slashlessDate } from './dates.js';
import { datedAgeCell, demographicsRow } from './demographics.js';
import { cells } from './lines.js';

// "DOB" also as OCR reads it: "D0B", "DO8", "00B"; and with its D cut off by a shifted left margin
// ("OB / Sex:  04/12/1960" opening the line).
// "DOB / Sex:" also with its slash misread ("DOB /|Sex:", "DOB f Sex:"); "Birth Date" with its B
// misread ("Hirth Date:", "Beth Date:"); "DOR", "DDB", "008:" before a date (a word of its own: not "Doris").
// "Birth" garbled to a word of B, an i or r, and an h ("Binh date:", "Binthdare", "Date of Buh"). Session 19 (fresh sets, OCR).
export const DOB_LABEL = /\b(?:D[./]?\s?[O0][./]?\s?[B8]\.?|D[O0D]R\b|DDB\b|0[O0]8(?=:?\s*(?:\d{1,2}\/|\d{1,2}[.-]\d{1,2}[.-]\d{2,4}\b|[A-Z][a-z]{2}[-\s]\d{1,2}[-,\s]+\d{4}\b))|B[a-z]{1,3}th\s*Date|B[il1][a-z]{1,2}th\b[^\d\n]{1,8}(?=\d{1,2}[/.-]?\d{1,2}[/.-]\d{2,4}\b)|0\.?\s?[O0]\.?\s?B\.?|n[oO0]B(?=[-:.]?\s*\d{1,2}[/.-]\d)|0\.[O0]\.8\.?(?=\s*\d{1,2}\/)|Date\s+of\s+B(?:irth|[a-z]{1,3}th\b|[a-z]{0,3}h\b)|B[il1r][a-z]{0,2}h\s*Da[a-z]{1,2}\b|[A-Za-z]?irth\s*Date|Birthdate|Born|Bom(?=\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b))(?:\s*[/|lIf1]{1,2}\s*(?:Sex|Gender|Age))?\s*[:#]?|^\s*OB(?:\s*\/\s*(?:Sex|Gender|Age))?\s*:|(?<=\s[-–·•+|]\s?)OB\b(?=\s*(?:[A-Z][a-z]{2}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}))/i;

/**
 * The birth dates one line prints, in the order read, each with the weight it counts for beside its
 * page's: after a label 1 (a two-digit year half), in the caption cell's column below 1, on a form's
 * patient line without a label half. `next` is the line after it (a label ending its line wrapped
 * its date there; a caption's value sits there).
 */
export function birthDatesOnLine(text: string, next: string | undefined): Array<{ date: string; weight: number }> {
  const out: Array<{ date: string; weight: number }> = [];
  const dm = DOB_LABEL.exec(text);
  if (dm) {
    // A label ending its line wrapped its date to the next ("... for Jane Doe, DOB" / "03/16/2006. 3 pages").
    const rest = text.slice(dm.index + dm[0].length, dm.index + dm[0].length + 40);
    // A doubled colon OCR split with a space ("DOB: :   1955-10-02" for "DOB::") is one colon. n-2701 (OCR). Session 20.
    // A format hint between the label and its date ("Date of Birth (YYYY-MM-DD) 1953-10-15", OCR'd "(YYYY-MM-0D)",
    // "DOB (mm/dd/yyyy):") is no part of the value. The value is read from its first character on: a
    // wide caption column pads it far from its label ("D.O.B.:" and 31 spaces before "2022/11/19").
    const after = (rest.trim() ? text.slice(dm.index + dm[0].length) : (next ?? '')).replace(/^\s*[;.:]?\s*/, '').slice(0, 40).replace(/^\((?=(?:[^()]*[YMD]){4})[YMD0-9/.\- ]{4,14}\)\s*:?\s*/i, '')
      // A bilingual caption's translation after a slash ("date of birth / né(e) le   12 FEB 1979", "DOB / DDN:"): no part of the value.
      .replace(/^\/\s*[^\d\s/:][^\d/:]{0,24}?(?::\s*|\s{2,})(?=\d|[A-Z][a-z]{2}\b|[A-Z]{3}\b)/, '');
    const ds = findDates(after);
    // OCR drops a slash now and then or reads it as a 7 ("0807/1931", "08071931", "0870771931");
    // or the dashes of a year-first date ("193209 03" for 1932-09-03).
    // A month's 0 read as an 8 or 6 in a thin typeface ("82/21/1975" for 02/21/1975): no month is 82.
    const monthSlip = /^([86])(\d)([/.-]\d{1,2}[/.-](?:19|20)\d{2})/.exec(after);
    const bare = slashlessDate(after) ?? (monthSlip ? findDates(`0${monthSlip[2]}${monthSlip[3]}`)[0]?.date : undefined);
    const yearFirst = /^((?:19|20)\d{2})[-. ]?(\d{2})[-. ]?(\d{2})\b/.exec(after);
    // A combined caption's values in order ("Patient ID / DOB:   02653241 / 1962-May-04"): the date after the slash.
    // Its slash OCR may read as a star or a bar ("Patient ID * DOB.").
    const pairedValue = ds.length && /(?:\/|\s[*|])\s*$/.test(text.slice(0, dm.index)) && /^\s*[A-Z0-9-]{3,}\s*\/\s*$/i.test(after.slice(0, ds[0]!.index));
    // A stamp printed over the field may read as one caps word between label and date ("Birth Date:SCANNED 13-Dec-1972").
    const stamped = ds.length && /^[A-Z]{4,}\s+$/.test(after.slice(0, ds[0]!.index));
    // A space OCR put inside the year ("DOB 04/13/1 945"): a month/day/year with one space among its year's digits.
    const spacedYear = /^(\d{1,2}[/.-]\d{1,2}[/.-])(\d(?: \d{3}|\d \d{2}|\d{2} \d))(?![\d/])/.exec(after);
    const spaced = spacedYear ? findDates(`${spacedYear[1]}${spacedYear[2]!.replace(' ', '')}`).find((x) => x.index === 0)?.date : undefined;
    // Both slashes read as spaces around a one-digit month or day ("DOB: 11 8 1978" for 11/8/1978): right after the
    // label, two short numbers and a four-digit year, single-spaced, are the date (two-digit parts read above).
    // Session 22 (o-2304, OCR): a medication administration record's birth date.
    const spacedParts = /^(\d{1,2}) (\d{1,2}) ((?:19|20)\d{2})(?![\d/.-])/.exec(after);
    const spacedDate = spacedParts ? findDates(`${spacedParts[1]}/${spacedParts[2]}/${spacedParts[3]}`)[0]?.date : undefined;
    const d = ds.length && (ds[0]!.index < 8 || pairedValue || stamped) ? ds[0]!.date : spaced ?? bare ?? spacedDate ?? (yearFirst ? findDates(`${yearFirst[2]}/${yearFirst[3]}/${yearFirst[1]}`)[0]?.date : undefined) ?? agelessYearMended(after) ?? slashSlipBirthDate(after, new Date().toISOString().slice(0, 10)) ?? lettersAsDigits(after) ?? garbledMonthDate(after);
    // A two-digit year ("05/28/19", often a four-digit one cut off by the margin) counts for less than one printed in full.
    const short = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}(?!\d)/.test(after) ? 0.5 : 1;
    if (d) out.push({ date: d, weight: short });
    // A caption cell over its value ("8. Date of Birth      9. Sex" over "05/11/1998      M"): the
    // date opening the cell below it, in its column.
    const caps = cells(text);
    const cell = caps.find((c) => c.start <= dm.index && dm.index < c.start + c.text.length);
    if (!d && cell && !findDates(cell.text).length && next !== undefined) {
      // Or, OCR having squeezed the columns apart, the cell in the caption's place on a line of as many cells
      // ("8 PATIENT NAME   10 BIRTHDATE   11 SEX   50 PAYER NAME" over "DOE, JANE L   09171962   F   Bluestone ...",
      // the value 18 characters left of its caption). Session 21 (p-2104, OCR): a claim form's birth date.
      const values = cells(next);
      // The column's own place first there: the nearest cell may be the next caption's value ("F" under "10 BIRTHDATE").
      const placed = caps.length >= 3 && values.length === caps.length ? values[caps.indexOf(cell)] : undefined;
      const near = values.find((c) => Math.abs(c.start - cell.start) <= 10);
      const readable = (c: { text: string } | undefined) => !!c && (!!findDates(c.text).find((x) => x.index === 0) || !!slashlessDate(c.text));
      const below = readable(placed) ? placed : near;
      // Its slashes OCR may lose there too ("12 26 1978"), as after a label. t-8797 identity OCR: tx-0008's birth date.
      const bd = below ? findDates(below.text).find((x) => x.index === 0)?.date ?? slashlessDate(below.text) ?? splitBoxDate(next, below.start) : undefined;
      if (bd) out.push({ date: bd, weight: 1 });
    }
  }
  // A form's patient line without a birth-date label: "Patient   Jane Doe 10/12/1984   Sex: F" (the
  // date between the name and the sex is the birth date). Counts for less than a labelled one.
  // Also where the birth date's own caption is there but garbled to a short cell and its slashes
  // read as colons ("(Patient   Fatima Proxyfield     os   10:20:1987 Sex: f"): a colon-separated
  // triple with a four-digit year is no time of day.
  const demographic = /\bPatient(?:'s)?(?:\s+Name)?\s*[:.]?\s+[A-Z][A-Za-z'’.-]+(?:,?\s+[A-Z][A-Za-z'’.-]*){1,2}(?:\s{2,}[^\s\d]{1,4})?\s+(\d{1,2}[/:]\d{1,2}[/:]\d{4})\s+(?:Sex|Gender)\b/.exec(mendIdentityLabels(text));
  const dd = demographic && !dm ? findDates(demographic[1]!.replace(/:/g, '/'))[0]?.date : undefined;
  if (dd) out.push({ date: dd, weight: 0.5 });
  // A demographics row without its captions ("Jane Q. Doe   03/15/1960   F   MR-419523"): counts as the line above does.
  const row = dm || dd ? undefined : demographicsRow(text);
  if (row) out.push({ date: row.date, weight: 0.5 });
  // The same row single-spaced, other cells between the name and the date ("SPECIMENMAN, Amber E 145-B 1949-02-28 F
  // MR-560839", a room number): a line opening with "LAST, First M", a full date followed by the sex. u-1803 (gt-flat).
  const spacedRow = dm || dd || row ? undefined : /^\s*[A-Z][A-Z'’-]+,\s?[A-Z][A-Za-z'’-]+(?:\s[A-Z]\.?)?\s(?:\S+\s){0,2}?(\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})\s(?:M|F|Male|Female)\b/.exec(text);
  const sd = spacedRow ? findDates(spacedRow[1]!)[0]?.date : undefined;
  if (sd) out.push({ date: sd, weight: 0.5 });
  // A patient block's cell of birth date, age and sex without a label ("5/19/1996 · 27 yrs · Female").
  const aged = dm || dd || row ? undefined : datedAgeCell(text);
  if (aged) out.push({ date: aged.date, weight: 0.5 });
  // The same single-spaced after the patient's name, the row's captions on the line above lost to it ("Doe, Jane W
  // 12/26/1988 33 yrs MR-518262 04/28/2022 …", a caption strip over its values as OCR prints it): the age must agree.
  // Session 22 (set-h, gt-flat).
  const namedAged = dm || dd || row || aged ? undefined : /^\s*[A-Z][A-Za-z'’-]+,?\s[A-Z][A-Za-z'’-]+(?:\s[A-Z]\.?)?\s(\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2})\s\(?(\d{1,3})\s?(?:y|yo|y\/o|y\.o\.|yrs?|years?(?:\sold)?)\b/i.exec(text);
  const na = namedAged ? findDates(namedAged[1]!)[0]?.date : undefined;
  if (na && Number(na.slice(0, 4)) + Number(namedAged![2]) >= 1980 && Number(na.slice(0, 4)) + Number(namedAged![2]) <= 2040) out.push({ date: na, weight: 0.5 });
  return out;
}

/**
 * A claim form's birth date printed in split boxes under its caption (`MM | DD | YY` over `10 29 1964`), which OCR reads as
 * three cells two spaces apart or more ("10  29  1964"): month, day and year, a few spaces apart each, from the caption's
 * column on. Session 23 (i-3005 OCR: CMS-1500 copies; set-i's split boxes left since Session 21).
 */
function splitBoxDate(line: string, at: number): string | undefined {
  const m = /^(\d{1,2})\s{1,6}(\d{1,2})\s{1,6}((?:19|20)\d{2}|\d{2})(?![\d/.-])/.exec(line.slice(at));
  return m ? findDates(`${m[1]}/${m[2]}/${m[3]}`)[0]?.date : undefined;
}

/**
 * A birth date whose year OCR misread ("11/04/2084 (19Y)"): when the printed age and the
 * date of the document disagree with it by two years or more and the year the age gives
 * differs from the printed one in a single digit, that year is taken.
 */
export function ageCheckedBirthDate(dob: string | undefined, age: number | undefined, on: string | undefined): string | undefined {
  if (!dob || !on) return dob;
  if (age === undefined) return Number(on.slice(0, 4)) - Number(dob.slice(0, 4)) > 120 ? centenarianMisread(dob, on) : dob;
  const [y, md] = [Number(dob.slice(0, 4)), dob.slice(5)];
  const refYear = Number(on.slice(0, 4));
  const had = md <= on.slice(5);
  const asRead = refYear - y - (had ? 0 : 1);
  if (Math.abs(asRead - age) < 2) return dob;
  const want = refYear - age - (had ? 0 : 1);
  const a = String(y);
  const b = String(want);
  const diff = [...a].filter((c, i) => c !== b[i]).length;
  return diff === 1 && b.length === 4 ? `${b}-${md}` : dob;
}

/**
 * A birth year that makes the patient older than anyone lives ("Aug 24, 1888" on a 2024 record):
 * OCR misread one of its digits. The one year a digit away that gives an age of 0–120 is taken;
 * when none or several do, the date stays as read.
 */
function centenarianMisread(dob: string, on: string): string {
  const ref = Number(on.slice(0, 4));
  const fits = yearsOneDigitAway(dob.slice(0, 4)).filter((y) => ref - Number(y) >= 0 && ref - Number(y) <= 120);
  return fits.length === 1 ? `${fits[0]}${dob.slice(4)}` : dob;
}

/**
 * A birth date whose year OCR misread into a century no one alive was born in ("09/27/1847" for
 * 1947, "07/10/3982" for 1982): no date reader takes it, so it is read here with the one year a digit away that gives an
 * age of 0–120 today; when none or several do, no date.
 */
function agelessYearMended(after: string): string | undefined {
  // Also a first digit no year has ("07/10/3982" for 1982, "4012" for 2012). Session 22 (o-2304, OCR): a lab report's birth date.
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](1[0-8]\d{2}|[03-9]\d{3})(?![\d/])/.exec(after);
  if (!m) return undefined;
  const today = new Date().toISOString().slice(0, 10);
  const mended = centenarianMisread(`${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`, today);
  return mended.startsWith(m[3]!) ? undefined : findDates(`${m[1]}/${m[2]}/${mended.slice(0, 4)}`)[0]?.date;
}

/**
 * OCR's slips in printed dates, mended before the date labels read them: date-label words a
 * letter off, years garbled in one character, cut to two digits or misread a digit away. Pure.
 */
import { respellNear } from './fuzzy.js';

/** The years OCR could have misread as this one by a single digit ("2043" for 2023, 2013, ...). */
export function yearsOneDigitAway(year: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < year.length; i++) {
    for (const digit of '0123456789') {
      const y = year.slice(0, i) + digit + year.slice(i + 1);
      if (y !== year) out.push(y);
    }
  }
  return out;
}

/**
 * A labelled date years after the fax that carried it, whose year OCR misread in one digit
 * ("Exam Date: 10/19/2043" on a fax of 2024): the same date in the latest year one digit away
 * that is not after the fax (nor 20 years before it), else undefined.
 */
export function yearMisread(date: string, sentOn: string): string | undefined {
  const sent = Number(sentOn.slice(0, 4));
  if (Number(date.slice(0, 4)) <= sent + 1) return undefined;
  const fits = yearsOneDigitAway(date.slice(0, 4))
    .filter((y) => Number(y) > sent - 20)
    .map((y) => `${y}${date.slice(4)}`)
    .filter((candidate) => candidate <= sentOn);
  return fits.sort().pop();
}

/** Words of the labels that date a document, for mending their OCR misreadings. */
// Session 16: also the words of this session's labels (an exam's line, a performed study, a copied record,
// a processed claim, a history's period).
const DATE_LABEL_WORDS = ['printed', 'collected', 'collection', 'received', 'reported', 'discharged', 'discharge', 'admitted', 'admission', 'generated', 'reviewed', 'updated', 'specimen', 'encounter', 'service', 'examination', 'performed', 'copied', 'processed', 'period'];

/**
 * The text with date-label words OCR misread by one letter spelled right again ("Prnted Feb 17,
 * 2022", "Discharqed:"), so the labels below find them. Same first letter, one edit, words of
 * five letters or more: short words have too many neighbours.
 */
export function mendDateLabels(text: string): string {
  // A geometric typeface whose e closes into an o reads every e of a label as o ("Spociman
  // colloctod:"): compared with their o's read as e's too.
  const closedE = (w: string) => w.replace(/o/g, 'e');
  // Folding only brings words closer, so this one pass also mends the plain one-letter slips.
  return respellNear(text, /\b[A-Za-z]{5,}\b/g, DATE_LABEL_WORDS, undefined, closedE);
}

/**
 * A date whose four-digit year OCR garbled in one character ("09/27/20p4") takes the year of the
 * fax that carried it when the other three digits are that year's ("2024"); read as printed, the
 * date would end at "20" and become 2020.
 */
export function mendYearGarbles(text: string, sentOn: string | undefined): string {
  if (!sentOn) return text;
  const year = sentOn.slice(0, 4);
  // The fax's year when the three digits are its; else the one year the garbled character can be
  // that is neither after the fax nor 20 years before it ("2p23" on a fax of 2024 is 2023).
  const mend = (m: string, md: string, y: string) => {
    const odd = [...y].filter((c) => !/\d/.test(c)).length;
    if (odd !== 1) return m;
    if ([...y].every((c, i) => !/\d/.test(c) || c === year[i])) return `${md}${year}`;
    const fits = [...'0123456789'].map((digit) => y.replace(/\D/, digit)).filter((c) => Number(c) <= Number(year) && Number(c) > Number(year) - 20);
    return fits.length === 1 ? `${md}${fits[0]}` : m;
  };
  // Also after a month's name ("As of: May 22, 2p23"), the year starting with a digit.
  return text
    .replace(/(\b\d{1,2}[/-]\d{1,2}[/-])([0-9A-Za-z]{4})(?![0-9A-Za-z])/g, mend)
    .replace(/(\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+)(\d[0-9A-Za-z]{3})(?![0-9A-Za-z])/gi, mend);
}

/**
 * A date whose four-digit year lost its last two digits (a margin or a cell cut it: "Exam Date:
 * 04/26/20" beside "Signed: 04/26/2025"): read with the year the document prints for the same
 * month and day, when that year begins with the two digits left.
 */
export function mendCutYears(text: string, dob?: string): string {
  const full = new Map<string, Set<string>>();
  for (const m of text.matchAll(/(?<![\d/])(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})(?![\d/])/g)) {
    const k = `${Number(m[1])}/${Number(m[2])}`;
    // Not the birth date's year: a visit on the patient's birthday printed "01/02/19" stays 2019.
    if (dob && dob === `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`) continue;
    full.set(k, (full.get(k) ?? new Set()).add(m[3]!));
  }
  return text.replace(/(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{2})(?![\d/A-Za-z]|[.:]\d)/g, (m, mo: string, d: string, yy: string) => {
    const years = [...(full.get(`${Number(mo)}/${Number(d)}`) ?? [])].filter((y) => y.startsWith(yy));
    return years.length === 1 ? `${mo}/${d}/${years[0]}` : m;
  });
}

/**
 * A birth date right after its label whose slashes OCR lost or read as a 1 or 7 ("DOB: 92111976" for
 * 9/21/1976: the first slash lost, the second read as a 1; "821/1954" for 8/21/1954): every way of reading
 * the digits before the year as month, slash, day, slash (each slash printed, lost, or read as 1 or 7) is
 * tried, and the date is taken only when exactly one reading is a real date (month 1–12, a day the month
 * has) of someone alive on `on` (0–120 years before it). Two readings or none: no date. Session 20.
 */
export function slashSlipBirthDate(after: string, on: string): string | undefined {
  // A slash read as a bracket or a bar between digits ("DOB: 02[14/1976", "09|12/1945"): a slash, no digit it could
  // be. Session 23 (m-2506 OCR).
  const mended = after.replace(/(?<=^\d{1,2})[[\](){}|!](?=\d)|(?<=^\d{1,2}\/\d{1,2})[[\](){}|!](?=\d{2,4}\b)/, '/');
  const whole = mended !== after ? /^(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})(?![\d/.-])/.exec(mended) : null;
  if (whole) {
    const [mo, d, y] = [Number(whole[1]), Number(whole[2]), Number(whole[3])];
    const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const age = Number(on.slice(0, 4)) - y;
    return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate() && age >= 0 && age <= 120 && iso <= on ? iso : undefined;
  }
  after = mended;
  const m = /^(\d[\d/]{1,6}?)((?:19|20)\d{2})(?![\d/.-])/.exec(after);
  if (!m || (m[1]!.match(/\//g) ?? []).length > 1) return undefined;
  const [prefix, year] = [m[1]!, Number(m[2])];
  const ref = Number(on.slice(0, 4));
  if (ref - year < 0 || ref - year > 120) return undefined;
  const found = new Set<string>();
  const seps = (s: string): string[] => ['', ...(/^[/17]/.test(s) ? [s[0]!] : [])];
  for (const ml of [1, 2]) {
    const month = prefix.slice(0, ml);
    if (!/^\d+$/.test(month)) continue;
    for (const s1 of seps(prefix.slice(ml))) {
      const rest = prefix.slice(ml + s1.length);
      for (const dl of [1, 2]) {
        const day = rest.slice(0, dl);
        if (day.length !== dl || !/^\d+$/.test(day)) continue;
        const tail = rest.slice(dl);
        if (tail !== '' && !(tail.length === 1 && /[/17]/.test(tail))) continue;
        const [mo, d] = [Number(month), Number(day)];
        if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(year, mo, 0)).getUTCDate()) continue;
        const iso = `${year}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        if (iso <= on) found.add(iso);
      }
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}

const MONTH_WORD = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
/** A line of prose: three words or more, one of them a word of letters. */
const PROSE = /[A-Za-z]{3,}(?:\s+\S+){2,}/;

/**
 * A date written in words that the line's wrap cut in two ("... Public Health Nurse · 5" / "September 2024", "signed
 * on March" / "3, 2025"): the rest of the date copied after its start on the first line, so the date reads there (the
 * next line is left as it is). Only after a line of prose, its last word the day (not part of a number) or a month's
 * name, the next line opening with the rest and a four-digit year. Session 22 (set-g: an immunization certificate's
 * certification date wrapped; its latest date was a skin test's).
 */
export function joinWrappedDates<T extends { text: string }>(lines: T[]): T[] {
  const dayEnd = /(?:^|[^\d/.,:-])(\d{1,2})\s*$/;
  const monthYearStart = new RegExp(`^\\s*(${MONTH_WORD}\\.?,?\\s+(?:19|20)\\d{2})(?!\\d)`, 'i');
  const monthEnd = new RegExp(`(?:^|\\s)${MONTH_WORD}\\.?\\s*$`, 'i');
  const dayYearStart = /^\s*(\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2})(?!\d)/;
  return lines.map((l, i) => {
    const next = lines[i + 1]?.text;
    if (next === undefined || !PROSE.test(l.text)) return l;
    const part = (dayEnd.test(l.text) ? monthYearStart.exec(next) : null) ?? (monthEnd.test(l.text) ? dayYearStart.exec(next) : null);
    return part ? { ...l, text: `${l.text.replace(/\s+$/, '')} ${part[1]}` } : l;
  });
}

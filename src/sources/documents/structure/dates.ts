/**
 * Date recognition for printed US documents: 03/14/2024, 3/4/24, 2024-03-14, 03-14-2024,
 * 03.14.2024, MAR-14-2024, 14-MAR-2024, March 14, 2024, Mar 14 2024, 14 March 2024, 2024/03/14, 2024-Mar-14, APR/17/2023.
 * Returns ISO dates (YYYY-MM-DD) or null; never invents a time or a zone.
 */
import { editDistance } from './fuzzy.js';

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
  // Spanish (bilingual US documents: Puerto Rico, border-region labs and clinics), written day first.
  ene: 1, enero: 1, febrero: 2, marzo: 3, abr: 4, abril: 4, mayo: 5, junio: 6, julio: 7, ago: 8, agosto: 8,
  septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, dic: 12, diciembre: 12,
};

/**
 * A month's name or abbreviation, English or Spanish ("14/ago/2024", "3 de marzo de 2024"); the Spanish forms only at
 * a word's start ("Gene 12" is no January). Session 23 (set-e: a bilingual patient sheet's "Fecha / Date").
 */
const MON = '((?<![A-Za-z])(?:enero|ene|febrero|marzo|abril|abr|mayo|junio|julio|agosto|ago|septiembre|setiembre|octubre|noviembre|diciembre|dic)|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

/** One date pattern: regex source and how to read its groups. */
interface DateForm {
  re: string;
  read(m: RegExpExecArray): [number, number, number] | null;
}

const FORMS: DateForm[] = [
  // Spanish long form, day first with "de" ("14 de marzo de 2024", "1 de ene. del 2024").
  { re: `(\\d{1,2})\\s+de\\s+${MON}\\s+(?:de|del)\\s+(\\d{4})(?!\\d)`, read: (m) => [+m[3]!, MONTHS[m[2]!.toLowerCase().replace('.', '')] ?? 0, +m[1]!] },
  // Year first with dashes, or points ("2025.09.23").
  { re: '(\\d{4})-(\\d{1,2})-(\\d{1,2})(?!\\d)|(\\d{4})\\.(\\d{2})\\.(\\d{2})(?![\\d.])', read: (m) => (m[1] ? [+m[1]!, +m[2]!, +m[3]!] : [+m[4]!, +m[5]!, +m[6]!]) },
  // Year first, one dash read as a point ("1958.08-21", "2027-01.26"): a mix of the two no number or range prints.
  // Session 19 (fresh sets, OCR): a resident's birth date, vaccination dates, a result's date.
  { re: '(\\d{4})(?:\\.(\\d{2})-|-(\\d{2})\\.)(\\d{2})(?![\\d.-])', read: (m) => [+m[1]!, +(m[2] ?? m[3])!, +m[4]!] },
  // Year first with slashes ("2022/09/12", Japanese- and Canadian-made systems, imaging exports).
  // One of its slashes may read as a point ("1989.04/18"), never both (a version or a decimal).
  { re: '(\\d{4})(?:/(\\d{1,2})[/.]|\\.(\\d{1,2})/)(\\d{1,2})(?![\\d/])', read: (m) => [+m[1]!, +(m[2] ?? m[3])!, +m[4]!] },
  // Year first with the month's name ("1962-May-04", "2024 Mar 14").
  { re: `(\\d{4})[-\\s/]${MON}[-\\s/](\\d{1,2})(?!\\d)`, read: (m) => [+m[1]!, MONTHS[m[2]!.toLowerCase().replace('.', '')] ?? 0, +m[3]!] },
  // A two-digit year is not one when a letter or digit follows it: the rest of a four-digit year OCR garbled ("09/27/20p4").
  // Month first; day first only where it cannot be month first, a four-digit year after it ("17/09/1959": 17 is no
  // month), as the dotted form reads it. Session 20 (set-k): a UK letter's `d.o.b. 17/09/1959` had been no date.
  { re: '(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4}|\\d{2}(?![A-Za-z]))(?![\\d/])', read: (m) => (m[3]!.length === 4 && +m[1]! > 12 && +m[2]! >= 1 && +m[2]! <= 12 ? [+m[3]!, +m[2]!, +m[1]!] : [year(m[3]!), +m[1]!, +m[2]!]) },
  // Dotted dates only with a two-digit day or a full year ("03.14.2024", "3.14.24", "3.4.1950"): "1.3.70" is a
  // range or two numbers that lost a separator.
  // Or followed by a time of day ("11.7.24 10:06 AM" on an analyzer's slip).
  { re: '(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?![\\d/.])|(\\d{1,2})\\.(\\d{2})\\.(\\d{2})(?![\\d/.%A-Za-z])|(\\d{1,2})\\.(\\d)\\.(\\d{2})(?=\\s+\\d{1,2}:\\d{2}\\b)', read: (m) => (m[1] ? (+m[1]! > 12 && +m[2]! <= 12 ? [+m[3]!, +m[2]!, +m[1]!] : [+m[3]!, +m[1]!, +m[2]!]) : m[4] ? [year(m[6]!), +m[4]!, +m[5]!] : [year(m[9]!), +m[7]!, +m[8]!]) },
  // OCR variants of MM/DD/YYYY: a slash read as a degree sign, a quote, a bracket or a space.
  { re: '(\\d{1,2})\\s?[/.°º\'’\\]-]\\s?(\\d{2})[/.°º\'’\\] -]\\s?(\\d{4})(?![\\d/])', read: (m) => [+m[3]!, +m[1]!, +m[2]!] },
  // Both slashes read as colons ("Date   Monday 03:27:2023"): a four-digit year after two colons is no time
  // of day. q-1211 (OCR): a cover's date.
  { re: '(\\d{1,2}):(\\d{2}):((?:19|20)\\d{2})(?![\\d:])', read: (m) => [+m[3]!, +m[1]!, +m[2]!] },
  // The second slash read as a comma, no space after it ("03/10,1955").
  { re: '(\\d{1,2})/(\\d{1,2}),((?:19|20)\\d{2})(?![\\d/])', read: (m) => [+m[3]!, +m[1]!, +m[2]!] },
  // One of the two slashes lost between two-digit parts ("0327/2025", "03/272025").
  { re: '(\\d{2})(\\d{2})/(\\d{4})(?![\\d/])|(\\d{2})/(\\d{2})(\\d{4})(?![\\d/])', read: (m) => (m[1] ? [+m[3]!, +m[1]!, +m[2]!] : [+m[6]!, +m[4]!, +m[5]!]) },
  // Between month and day OCR may read a space as a bar or a point ("Sep|16, 2025"), the comma as a point ("Jan 10. 2024"),
  // and lose the space after the comma ("Aug 13,1950").
  { re: `${MON}(?:[\\s-]+|\\s?[|.,]\\s?)(\\d{1,2})(?:st|nd|rd|th)?(?:[,.]\\s*|[\\s-]+)(\\d{4})`, read: (m) => [+m[3]!, MONTHS[m[1]!.toLowerCase().replace('.', '')] ?? 0, +m[2]!] },
  // A two-digit year is none when a four-digit year follows it: that is a "Mon DD, YYYY" date after a number
  // ("Service 1 - Jul 19, 2025" is no 1 Jul 2019). u-1803 (OCR): a remittance's service dates.
  // The space after the day may read as a point before a four-digit year ("12.Oct 1993").
  { re: `(\\d{1,2})\\.${MON}[\\s,]+(\\d{4})(?!\\d)`, read: (m) => [+m[3]!, MONTHS[m[2]!.toLowerCase().replace('.', '')] ?? 0, +m[1]!] },
  // The day may print its ordinal suffix ("14th March 2024", "1st of June, 2023": a British-style letter's or form's
  // date). Session 23 (set-f).
  { re: `(\\d{1,2})(?:(?:st|nd|rd|th)(?:\\s+of)?)?[\\s-]+${MON}[\\s-,]+(\\d{4}|\\d{2}(?![,.]?\\s?(?:19|20)\\d{2}))(?!\\d)`, read: (m) => [year(m[3]!), MONTHS[m[2]!.toLowerCase().replace('.', '')] ?? 0, +m[1]!] },
  // Line printers and fax headers: "14MAR2024" glued, "Mar-14-24" with dashes and a two-digit year.
  { re: `(\\d{1,2})${MON}(\\d{4})(?!\\d)`, read: (m) => [+m[3]!, MONTHS[m[2]!.toLowerCase().replace('.', '')] ?? 0, +m[1]!] },
  // And glued with a two-digit year, as report printers and autofax servers stamp it ("DATE SENT: 13OCT22 1630").
  // Not before a letter or digit: "13OCT22A" is a code. q-1211 (GT): a cover's date found.
  { re: `(\\d{1,2})${MON}(\\d{2})(?![\\dA-Za-z])`, read: (m) => [year(m[3]!), MONTHS[m[2]!.toLowerCase().replace('.', '')] ?? 0, +m[1]!] },
  { re: `${MON}-(\\d{1,2})-(\\d{2})(?![\\d-])`, read: (m) => [year(m[3]!), MONTHS[m[1]!.toLowerCase().replace('.', '')] ?? 0, +m[2]!] },
  // The C library's time stamp that fax servers print (HylaFAX: "Mon May 23 14:56:28 2022"), its colons also read as spaces.
  { re: `${MON}\\s+(\\d{1,2})\\s+\\d{1,2}[: ]\\d{2}[: ]\\d{2}\\s+(\\d{4})(?!\\d)`, read: (m) => [+m[3]!, MONTHS[m[1]!.toLowerCase().replace('.', '')] ?? 0, +m[2]!] },
  // Fax machines' headers with the year first, then month/day and the time ("2025 10/22 15:52"): only before a
  // time of day, where no value and fraction stand. t-8797 date OCR 63.9 -> 66.7 % (tx-0002's cover dated by its header).
  { re: '(?<!\\d)((?:19|20)\\d{2}) (\\d{2})\\/(\\d{2})(?=\\s+\\d{1,2}:\\d{2}\\b)', read: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  // Day first with the month's name between slashes ("22/AUG/2024", "3/Mar/24"): a hospital system's or a non-US
  // record's caption strip. Session 20 (set-k classes).
  { re: `(\\d{1,2})/${MON}/(\\d{4}|\\d{2})(?![\\d/])`, read: (m) => [year(m[3]!), MONTHS[m[2]!.toLowerCase().replace('.', '')] ?? 0, +m[1]!] },
  // Fax machines' headers with the month's name and slashes ("APR/17/2023/MON 4:56 PM").
  { re: `${MON}/(\\d{1,2})/(\\d{4}|\\d{2})(?!\\d)`, read: (m) => [year(m[3]!), MONTHS[m[1]!.toLowerCase().replace('.', '')] ?? 0, +m[2]!] },
  // The month's name, then the day with the space before its four-digit year lost ("Performed: Sun, Dec 102023",
  // "Thu, Dec 12022 1135"): the year is the last four digits (19xx / 20xx), the day the one or two before them.
  // Session 21 (o-2303, OCR): two radiology reports' exam dates.
  { re: `${MON}\\s+(\\d{1,2})((?:19|20)\\d{2})(?!\\d)`, read: (m) => [+m[3]!, MONTHS[m[1]!.toLowerCase().replace('.', '')] ?? 0, +m[2]!] },
  // The month's name with the space before its day lost ("DOB: Nov9 1975", "Mar14, 2024"): the day glued after the
  // month, a comma or space, then a four-digit year. Not after a letter (a word ending in a month's letters).
  // Session 22 (o-2304, OCR): a discharge summary's birth date.
  { re: `(?<![A-Za-z])${MON}(\\d{1,2})(?:,\\s*|\\s+)((?:19|20)\\d{2})(?!\\d)`, read: (m) => [+m[3]!, MONTHS[m[1]!.toLowerCase().replace('.', '')] ?? 0, +m[2]!] },
  // A day 1 read as a bar or an l between the month's name and a four-digit year ("Wed, Jun | 2022", "Jun l, 2022"):
  // no other glyph stands alone there. Session 22 (o-2304, OCR): a cover's date.
  { re: `(?<![A-Za-z])${MON}\\s+[|l](?:,\\s*|\\s+)((?:19|20)\\d{2})(?!\\d)`, read: (m) => [+m[2]!, MONTHS[m[1]!.toLowerCase().replace('.', '')] ?? 0, 1] },
];

const ANY_DATE = new RegExp(`(?<![\\d/])(?:${FORMS.map((f) => f.re.replace(/\((?!\?)/g, '(?:')).join('|')})`, 'gi');

function year(y: string): number {
  if (y.length === 4) return +y;
  const n = +y;
  const now = new Date().getUTCFullYear() % 100;
  return n <= now + 1 ? 2000 + n : 1900 + n;
}

function iso(y: number, m: number, d: number): string | null {
  if (!(y >= 1880 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > dim) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Parse one date written in any common form at the start of `s` (after spaces). */
export function parseDate(s: string): string | null {
  const t = s.trim();
  for (const f of FORMS) {
    const m = new RegExp(`^${f.re}`, 'i').exec(t);
    if (m) {
      const r = f.read(m);
      const v = r ? iso(...r) : null;
      if (v) return v;
    }
  }
  return null;
}

/**
 * A month/day/year date opening `s` whose slashes OCR lost, read as spaces, or read as a 7, 1, l,
 * bar, colon or point ("08071931", "06 26 2021", "0172172022" for 01/21/2022, "08:26 1964"), or the first
 * one read as a 0 ("10025/2022"): ISO
 * date, else undefined.
 */
export function slashlessDate(s: string): string | undefined {
  // A slash also read as a degree sign or a quote ("07 31°2025"): a small glyph high on the line.
  // A separator may also have a space after it ("03.08: 1982").
  const m = /^(\d{2})(?:[ /71lI|:.°'’"] ?)?(\d{2})(?:[ /71lI|:.°'’"] ?)?((?:19|20)\d{2})(?![\d/.-])/.exec(s);
  const md = m ? findDates(`${m[1]}/${m[2]}/${m[3]}`)[0]?.date : undefined;
  if (md) return md;
  // A one-digit month whose slash read as a 7 or 1 ("3716/2006" is 3/16/2006: no month is 37).
  const one = /^([1-9])[71lI|](\d{2})\/((?:19|20)\d{2})(?![\d/-]|\.\d)/.exec(s);
  if (one) return findDates(`${one[1]}/${one[2]}/${one[3]}`)[0]?.date;
  if (m) return undefined;
  // The first slash read as a 0 ("10025/2022" is 10/25/2022).
  const z = /^(\d{2})0(\d{2})\/((?:19|20)\d{2})(?![\d/.-])/.exec(s);
  if (z) return findDates(`${z[1]}/${z[2]}/${z[3]}`)[0]?.date;
  // Right after a label, a memo's dotted date with one-digit parts ("DATE: 7.4.25"), which alone
  // could be a range or a version.
  // Not the first digits of a four-digit year OCR garbled ("09.12.19%6").
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.%A-Za-z])/.exec(s);
  if (dotted) return findDates(`${dotted[1]}/${dotted[2]}/${dotted[3]}`)[0]?.date;
  // Year first, one of its dashes or slashes read as a space or lost ("2023-12 10", "2023 12-10", "202312-10",
  // "2022/0712 18:05"), or a slash read as a 1 or 7 ("2024111/06": no month has three digits).
  // t-9723 (OCR): 2 exam dates.
  // Its time may follow after a dash OCR read for the space ("2023/01116-12:19"). t-1802 (OCR): an exam date.
  const y = /^((?:19|20)\d{2})(?:[-/](\d{2}) ?|[ ]?(\d{2})[-/]|[17lI|](\d{2})\/|\/(\d{2})[17lI|])(\d{2})(?![\d/]|-(?!\d{1,2}:\d{2}\b))/.exec(s);
  if (y) return iso(Number(y[1]), Number(y[2] ?? y[3] ?? y[4] ?? y[5]), Number(y[6])) ?? undefined;
  // Or both read as spaces ("Collected 2024 02 22 10 41"): year, month and day of two digits. u-1803 (OCR): a lab report's date.
  const ys = /^((?:19|20)\d{2}) (\d{2}) (\d{2})(?![\d/.-])/.exec(s);
  if (ys) return iso(Number(ys[1]), Number(ys[2]), Number(ys[3])) ?? undefined;
  // A time of day glued to the day before it, its space lost ("2024/11/1413 55", "202111251138"): two digits
  // of an hour and two of minutes, nothing more. t-9723 (OCR): 2 exam dates.
  const GLUED_TIME = '(?=(?:[01]\\d|2[0-3])[ :.]?[0-5]\\d(?!\\d))';
  const glued = new RegExp(`^((?:19|20)\\d{2})[-/](\\d{2})[-/](\\d{2})${GLUED_TIME}`).exec(s);
  if (glued) return iso(Number(glued[1]), Number(glued[2]), Number(glued[3])) ?? undefined;
  // A laboratory system's compact date right after its label ("COLL 20250626 0926"), its time glued too.
  const compact = new RegExp(`^((?:19|20)\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?:(?![\\d/.-])|${GLUED_TIME})`).exec(s);
  if (compact) return iso(Number(compact[1]), Number(compact[2]), Number(compact[3])) ?? undefined;
  // Or one of its dashes read as a digit, the length of the date kept ("1984307-31", "1940-05129").
  const yd = /^((?:19|20)\d{2})(?:\d(\d{2})-|-(\d{2})\d)(\d{2})(?![\d/-])/.exec(s);
  if (yd) return iso(Number(yd[1]), Number(yd[2] ?? yd[3]), Number(yd[4])) ?? undefined;
  // A two-digit-year date with one of its dashes or slashes read as a space ("Period 11-25-22 to 11 01-23"),
  // all three parts two digits. u-8494 (OCR): 1 medication list date.
  const sp = /^(\d{2})(?: (\d{2})([-/])| ?([-/])(\d{2}) )(\d{2})(?![\d/.-])/.exec(s);
  if (sp) return findDates(`${sp[1]}/${sp[2] ?? sp[5]}/${sp[6]}`)[0]?.date;
  // Both slashes of a two-digit-year date lost, right after its label ("DATE:   111123" for 11/11/23): six digits,
  // a month and a day of two digits each, alone. u-1803 (OCR): a referral memo's date.
  const six = /^(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(\d{2})(?![\d/.-])/.exec(s);
  return six ? findDates(`${six[1]}/${six[2]}/${six[3]}`)[0]?.date : undefined;
}

/**
 * A date opening `s` with a digit OCR read as a look-alike letter ("1963-06-C1", "O3/l4/1950",
 * "S/10/2024"): the date the first word reads as with those letters taken for their digits, when
 * at most two were and the word has a date's shape; else undefined.
 */
export function lettersAsDigits(s: string): string | undefined {
  const word = /^[0-9OoCDQlI|SBZG]{1,4}[/.-][0-9OoCDQlI|SBZG]{1,2}[/.-][0-9OoCDQlI|SBZG]{2,4}(?![\w/%])/.exec(s)?.[0];
  if (!word || (word.match(/[^0-9/.-]/g)?.length ?? 0) > 2) return undefined;
  const digits = word.replace(/[OoCDQ]/g, '0').replace(/[lI|]/g, '1').replace(/S/g, '5').replace(/B/g, '8').replace(/Z/g, '2').replace(/G/g, '6');
  return findDates(digits)[0]?.date;
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A date opening `s` whose month name OCR garbled ("Majeh 13.2023", "Janvar 23, 2023"): a word of
 * four letters or more, same first letter as a month's name, as long give or take one, and at most
 * two letters off it (one off May, June, July), one month only, then a day and a four-digit year;
 * else undefined.
 */
export function garbledMonthDate(s: string): string | undefined {
  const m = /^([A-Za-z]{3,10})\.?\s*(\d{1,2})(?:[,.]\s*|\s+)?((?:19|20)\d{2})(?!\d)/.exec(s);
  if (!m) return undefined;
  const w = m[1]!.toLowerCase();
  // A month's own name or abbreviation, printed clean ("May 26, 2022", "Mar 3, 2025", "Sept 5, 2024"): that month. A
  // clean "May" or "Mar" is also one letter off the other, and "Jun" off "Jan" and "Jul": without this a clean May
  // read as March, and a clean Jun as nothing. Session 22 (set-g: a cover's "DATE:" with its value 31 spaces on).
  const own = MONTH_NAMES.findIndex((n) => w.length >= 3 && (n.startsWith(w) || (w === 'sept' && n === 'september')));
  if (own >= 0) return iso(Number(m[3]), own + 1, Number(m[2])) ?? undefined;
  // A three-letter abbreviation with one letter misread, the first one too ("Tul 24, 2023").
  const abbreviated = (n: string) => w.length === 3 && [...w].filter((c, i) => c === n[i]).length === 2;
  const hits = MONTH_NAMES.filter((n) => (w.length === 3 ? abbreviated(n) : n[0] === w[0] && Math.abs(n.length - w.length) <= 1 && editDistance(w, n, 2) <= (n.length <= 4 ? 1 : 2)));
  return hits.length === 1 ? iso(Number(m[3]), MONTH_NAMES.indexOf(hits[0]!) + 1, Number(m[2])) ?? undefined : undefined;
}

/**
 * A month/day/year date opening `s` with one of its two slashes (or dashes) printed and the other lost ("DOS: 1/523"
 * for 1/5/23, "Date: 12/12023" for 12/1/2023): every split of the digits into month, day and a year of two digits or
 * four (19xx, 20xx) is tried, and the date is taken only when exactly one is a real date. A month and a year
 * ("9/2023") are no date. Session 21 (l-2604, OCR): a visit note's date of service.
 */
export function oneSlashLost(s: string): string | undefined {
  const m = /^(\d{1,4})([/-])(\d{2,6})(?![\d/.-])/.exec(s);
  if (!m || /^(?:19|20)\d{2}$/.test(m[3]!)) return undefined;
  const [left, right] = [m[1]!, m[3]!];
  const found = new Set<string>();
  const add = (mo: string, d: string, y: string) => {
    if (!mo || !d || mo.length > 2 || d.length > 2 || !(y.length === 2 || /^(?:19|20)\d{2}$/.test(y))) return;
    const v = iso(year(y), Number(mo), Number(d));
    if (v) found.add(v);
  };
  // The lost one between month and day (the year after the printed one), or between day and year.
  for (let i = 1; i < left.length; i++) add(left.slice(0, i), left.slice(i), right);
  for (let i = 1; i < right.length; i++) add(left, right.slice(0, i), right.slice(i));
  return found.size === 1 ? [...found][0] : undefined;
}

/** Every date in a string, with its index, in order. */
export function findDates(text: string): Array<{ date: string; index: number; text: string }> {
  const out: Array<{ date: string; index: number; text: string }> = [];
  // A speck read as a colon or bar between the two digits of a day ("11/2:3/2022"): dropped (the
  // indexes after it move by one, which the callers' distance checks allow).
  // The O of OCT and NOV read as a zero, glued between a day and a year ("130CT22", "5N0V2023"): no month
  // is spelled with a digit, so the zero is the letter (same length: indexes stay). q-1211 (OCR): a cover's date.
  // A dash OCR read as a tilde between a date's parts ("2022~JUN-17", "03~14-2024"): the dash (same length). Session 21
  // (o-2303, OCR): a cover's date.
  const s = text
    .replace(/(?<=\d|\b[A-Za-z]{3})~(?=\d|[A-Za-z]{3}\b)/g, '-')
    .replace(/(\d{1,2}\/)(\d)[:|](\d)(?=\/\d{2,4})/g, '$1$2$3')
    .replace(/(?<=\d)0(?=CT\d|ct\d)|(?<=\dN)0(?=V\d)|(?<=\dn)0(?=v\d)/g, 'O')
    // Also after a day and a point or space, before a year ("12.0ct 1993"). u-1803 (OCR): a lab report's birth date.
    .replace(/(?<=(?<![\d.])\d{1,2}[.\s-])0(?=ct(?:ober)?[\s.,-]+(?:19|20)\d{2}(?!\d)|CT[\s.,-]+(?:19|20)\d{2}(?!\d))/g, 'O');
  ANY_DATE.lastIndex = 0;
  for (let m = ANY_DATE.exec(s); m; m = ANY_DATE.exec(s)) {
    // From the match on: a form may look past its own text ("11.7.24" only before a time).
    const d = parseDate(s.slice(m.index));
    if (d) out.push({ date: d, index: m.index, text: m[0] });
  }
  return out;
}

/** The first date after a label such as "Collected:" within `maxGap` characters. */
export function dateAfter(s: string, label: RegExp, maxGap = 40): string | null {
  const re = new RegExp(label.source, label.flags.includes('g') ? label.flags : label.flags + 'g');
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const rest = s.slice(m.index + m[0].length, m.index + m[0].length + maxGap + 25);
    const ds = findDates(rest);
    const first = ds.length && ds[0]!.index <= maxGap ? ds[0]! : undefined;
    if (first && !rest.slice(0, first.index).includes('\n')) return first.date;
    // Right after its label, a date whose slashes OCR lost ("Run date 06 26 2021", "Discharged: 0172172022"),
    // whose digit it read as a letter ("S/10/2024"), or whose month name it garbled ("Majeh 13.2023"),
    // before a date on the next line (there a wrapped cell's date, or another label's).
    const after = rest.replace(/^\s*[:;.]?\s*[([‘'"]?/, '');
    // The label's last word may stand between ("Date sent; Tul 24, 2023").
    const afterWord = /^[a-z]{2,12}[:;.]\s*/.exec(after);
    const d = slashlessDate(after) ?? lettersAsDigits(after) ?? garbledMonthDate(after) ?? (afterWord ? garbledMonthDate(after.slice(afterWord[0].length)) : undefined) ?? oneSlashLost(after);
    if (d) return d;
    if (first) return first.date;
  }
  return null;
}

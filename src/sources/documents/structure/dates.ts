/**
 * Date recognition for printed US documents: 03/14/2024, 3/4/24, 2024-03-14, 03-14-2024,
 * 03.14.2024, MAR-14-2024, 14-MAR-2024, March 14, 2024, Mar 14 2024, 14 March 2024.
 * Returns ISO dates (YYYY-MM-DD) or null; never invents a time or a zone.
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const MON = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

/** One date pattern: regex source and how to read its groups. */
interface DateForm {
  re: string;
  read(m: RegExpExecArray): [number, number, number] | null;
}

const FORMS: DateForm[] = [
  { re: '(\\d{4})-(\\d{1,2})-(\\d{1,2})(?!\\d)', read: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  // A two-digit year is not one when a letter or digit follows it: the rest of a four-digit year OCR garbled ("09/27/20p4").
  { re: '(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4}|\\d{2}(?![A-Za-z]))(?![\\d/])', read: (m) => [year(m[3]!), +m[1]!, +m[2]!] },
  // Dotted dates only in full ("03.14.2024", "03.14.24"): "1.3.70" is a range or two numbers that lost a separator.
  { re: '(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?![\\d/.])|(\\d{2})\\.(\\d{2})\\.(\\d{2})(?![\\d/.])', read: (m) => (m[1] ? [+m[3]!, +m[1]!, +m[2]!] : [year(m[6]!), +m[4]!, +m[5]!]) },
  // OCR variants of MM/DD/YYYY: a slash read as a degree sign, a quote, a bracket or a space.
  { re: '(\\d{1,2})\\s?[/.°º\'’\\]-]\\s?(\\d{2})[/.°º\'’\\] -]\\s?(\\d{4})(?![\\d/])', read: (m) => [+m[3]!, +m[1]!, +m[2]!] },
  // One of the two slashes lost between two-digit parts ("0327/2025", "03/272025").
  { re: '(\\d{2})(\\d{2})/(\\d{4})(?![\\d/])|(\\d{2})/(\\d{2})(\\d{4})(?![\\d/])', read: (m) => (m[1] ? [+m[3]!, +m[1]!, +m[2]!] : [+m[6]!, +m[4]!, +m[5]!]) },
  // Between month and day OCR may read a space as a bar or a point ("Sep|16, 2025"), the comma as a point ("Jan 10. 2024"),
  // and lose the space after the comma ("Aug 13,1950").
  { re: `${MON}(?:[\\s-]+|\\s?[|.,]\\s?)(\\d{1,2})(?:st|nd|rd|th)?(?:[,.]\\s*|[\\s-]+)(\\d{4})`, read: (m) => [+m[3]!, MONTHS[m[1]!.toLowerCase().replace('.', '')] ?? 0, +m[2]!] },
  { re: `(\\d{1,2})[\\s-]+${MON}[\\s-,]+(\\d{4}|\\d{2})(?!\\d)`, read: (m) => [year(m[3]!), MONTHS[m[2]!.toLowerCase().replace('.', '')] ?? 0, +m[1]!] },
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
 * bar, colon or point ("08071931", "06 26 2021", "0172172022" for 01/21/2022, "08:26 1964"): ISO
 * date, else undefined.
 */
export function slashlessDate(s: string): string | undefined {
  const m = /^(\d{2})[ /71lI|:.]?(\d{2})[ /71lI|:.]?((?:19|20)\d{2})(?![\d/.-])/.exec(s);
  return m ? findDates(`${m[1]}/${m[2]}/${m[3]}`)[0]?.date : undefined;
}

/** Every date in a string, with its index, in order. */
export function findDates(text: string): Array<{ date: string; index: number; text: string }> {
  const out: Array<{ date: string; index: number; text: string }> = [];
  // A speck read as a colon or bar between the two digits of a day ("11/2:3/2022"): dropped (the
  // indexes after it move by one, which the callers' distance checks allow).
  const s = text.replace(/(\d{1,2}\/)(\d)[:|](\d)(?=\/\d{2,4})/g, '$1$2$3');
  ANY_DATE.lastIndex = 0;
  for (let m = ANY_DATE.exec(s); m; m = ANY_DATE.exec(s)) {
    const d = parseDate(m[0]);
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
    if (ds.length && ds[0]!.index <= maxGap) return ds[0]!.date;
    // Right after its label, a date whose slashes OCR lost ("Run date 06 26 2021", "Discharged: 0172172022").
    const d = slashlessDate(rest.replace(/^\s*[:;.]?\s*[([‘'"]?/, ''));
    if (d) return d;
  }
  return null;
}

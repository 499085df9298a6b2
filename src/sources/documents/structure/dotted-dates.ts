/**
 * Dotted dates day first or month first: "07.03.1975" is 7 March on a European page and July 3rd on a
 * US one. A page decides by its own unambiguous dotted dates: one with a day above 12 in the first place
 * ("14.03.2024") and none with one in the second says the page writes day first, and its ambiguous
 * dotted dates (both parts 12 or less), and the others with them, are rewritten as ISO dates (the same
 * length for two-digit parts, so columns keep their places). The fax header line (the machine's setting, not the page's writer) is no evidence. Pure.
 * Session 19 (set-p class 6).
 */

/** D.M.YYYY / DD.MM.YYYY. */
const DOTTED = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?![\d.])/g;

/**
 * The page's text with its ambiguous dotted dates written as ISO dates when the page writes dotted dates day first.
 * `printed`: dates the transmission prints in forms no order question touches ("1/11/2005", "January 11th, 2005"):
 * a page whose dotted dates are all ambiguous writes day first when one of them read so is such a date and none
 * read month first is (a discharge letter's `11.01.2005` birth date, printed `January 11th, 2005` on the next report).
 */
export function dayFirstDotted(text: string, printed: ReadonlySet<string> = new Set(), transmission?: { dayFirst: number; monthFirst: number }): string {
  const { evidence, dayFirst: ownDayFirst, monthFirst } = dottedOrder(text);
  let dayFirst = ownDayFirst;
  if (!dayFirst && !monthFirst && printed.size) {
    let asDayFirst = 0;
    let asMonthFirst = 0;
    for (const m of evidence.matchAll(DOTTED)) {
      const [a, b, y] = [m[1]!.padStart(2, '0'), m[2]!.padStart(2, '0'), m[3]!];
      if (a === b || Number(a) > 12 || Number(b) > 12) continue;
      if (printed.has(`${y}-${b}-${a}`)) asDayFirst++;
      if (printed.has(`${y}-${a}-${b}`)) asMonthFirst++;
    }
    if (asDayFirst && !asMonthFirst) dayFirst = asDayFirst;
  }
  // Nor those: the other pages of the transmission (another report of the same lab, its footer) write their
  // dotted dates day first (`29.02.1956`, `22.03.2022`) and none month first, and no date printed otherwise
  // read it month first: the page's all-ambiguous ones (`Collected 11.10.2022`) are day first too. Session 20.
  if (!dayFirst && !monthFirst && transmission && transmission.dayFirst && !transmission.monthFirst && !monthFirstPrinted(evidence, printed)) dayFirst = transmission.dayFirst;
  if (!dayFirst || monthFirst) return text;
  return text.replace(DOTTED, (all, d: string, mo: string, y: string) =>
    Number(d) >= 1 && Number(d) <= 31 && Number(mo) >= 1 && Number(mo) <= 12 ? `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}` : all,
  );
}

/**
 * A page's dotted dates that tell their order: how many can only be day first (a day above 12 first) and how many
 * only month first; the page's first line is no evidence when it prints a time of day (the fax machine's header).
 */
export function dottedOrder(text: string): { evidence: string; dayFirst: number; monthFirst: number } {
  return dateOrder(text, DOTTED);
}

/** The order evidence of the dates `re` matches (day, month, year groups), the fax header line left out (`header`: its index, or -1). */
function dateOrder(text: string, re: RegExp): { evidence: string; dayFirst: number; monthFirst: number; header: number } {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim());
  const header = first >= 0 && /\b\d{1,2}:\d{2}\b/.test(lines[first]!) ? first : -1;
  const evidence = lines.filter((_, i) => i !== header).join('\n');
  let dayFirst = 0;
  let monthFirst = 0;
  for (const m of evidence.matchAll(re)) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a > 12 && a <= 31 && b >= 1 && b <= 12) dayFirst++;
    else if (b > 12 && b <= 31 && a >= 1 && a <= 12) monthFirst++;
  }
  return { evidence, dayFirst, monthFirst, header };
}

/** Does one of the page's ambiguous dotted dates, read month first, stand among the dates printed otherwise? */
function monthFirstPrinted(evidence: string, printed: ReadonlySet<string>): boolean {
  for (const m of evidence.matchAll(DOTTED)) {
    const [a, b, y] = [m[1]!.padStart(2, '0'), m[2]!.padStart(2, '0'), m[3]!];
    if (a !== b && Number(a) <= 12 && Number(b) <= 12 && printed.has(`${y}-${a}-${b}`)) return true;
  }
  return false;
}

/** D/M/YYYY / DD/MM/YYYY (a four-digit year). */
const SLASHED = /(?<![\d/.])(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})(?![\d/])/g;

/**
 * Slashed dates by the same evidence, on the page alone: a page printing a slashed date that can only be day first
 * ("17/09/2024", read so by the date forms) and none that can only be month first ("09/17/2024") writes its ambiguous
 * ones (`d.o.b. 03/01/1978`) day first too; they are rewritten as ISO dates. Slashed dates stay month first by default
 * (a US page); the fax header line (first line, with a time of day) is neither evidence nor rewritten.
 * Session 20 (set-k classes).
 */
export function dayFirstSlashed(text: string): string {
  const { dayFirst, monthFirst, header } = dateOrder(text, SLASHED);
  if (!dayFirst || monthFirst) return text;
  return text
    .split('\n')
    .map((l, i) =>
      i === header
        ? l
        : l.replace(SLASHED, (all, d: string, mo: string, y: string) =>
            Number(d) >= 1 && Number(d) <= 12 && Number(mo) >= 1 && Number(mo) <= 12 ? `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}` : all,
          ),
    )
    .join('\n');
}

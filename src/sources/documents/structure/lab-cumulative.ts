/**
 * Cumulative (trend) results tables: the test, its units and range, then one column per collection, each
 * headed by its date (`1-Apr-21  1-Oct-21  12-Mar-22  2-Sep-22`, times under them). The result of the report
 * is the newest collection's; older columns are history. Each row under such a header is rewritten as the
 * test's cells before the date columns followed by the newest column's cell only (a flag printed before
 * the value, `L 3.49`, put after it), so the row reads as any table row. Pure.
 */
import type { Line } from './lines.js';
import { arrowLetters } from './lab-flag-letters.js';
import { arrowFlags } from './lab-tokens.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A column head's date as a sortable number (yyyymmdd), or undefined when the token is no date. */
export function headDate(t: string): number | undefined {
  const year = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
  const ok = (y: number, m: number, d: number) => (m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1950 && y <= 2099 ? y * 10000 + m * 100 + d : undefined);
  // A month and year alone ("SEP-2022", from "SEP 2022": a monthly report's columns) is that month's first day.
  // Session 23 (set-f).
  const my = /^([A-Za-z]{3})[A-Za-z]*-(\d{4})$/.exec(t);
  if (my && MONTHS.includes(my[1]!.toLowerCase())) return ok(Number(my[2]), MONTHS.indexOf(my[1]!.toLowerCase()) + 1, 1);
  let m = /^(\d{1,2})[-\s]?([A-Za-z]{3})[-\s]?(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const mo = MONTHS.indexOf(m[2]!.toLowerCase());
    return mo < 0 ? undefined : ok(year(m[3]!), mo + 1, Number(m[1]));
  }
  // Year first, with dashes or slashes ("2024-07-08", "2024/07/08"; a results-review grid's heads). Session 20.
  m = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/.exec(t);
  if (m) return ok(Number(m[1]), Number(m[3]), Number(m[4]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return ok(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t);
  if (m) return ok(year(m[3]!), Number(m[1]), Number(m[2]));
  return undefined;
}

/**
 * A column head's day-month-year date with OCR's look-alike glyphs put back ("_zi-0ct-2z" is 21-Oct-22, "15-3an-23"
 * 15-Jan-23): letters read for digits in the day and year (z 2, i/l/I 1, o/O 0, s/S 5), digits read for letters in
 * the month (0 o, 3 j, 1 l, 5 s); a mark before the day dropped. The month must then be a month's name.
 */
export function dateGlyphsMended(t: string): string {
  const m = /^[_'‘’.,:;-]?([0-9zZiIlLoOsS]{1,2})-([A-Za-z0-9]{3})-([0-9zZiIlLoOsS]{2}|[0-9zZiIlLoOsS]{4})$/.exec(t);
  if (!m) return t;
  const digits = (x: string) => x.replace(/[zZ]/g, '2').replace(/[iIlL]/g, '1').replace(/[oO]/g, '0').replace(/[sS]/g, '5');
  const month = m[2]!.toLowerCase().replace(/0/g, 'o').replace(/3/g, 'j').replace(/1/g, 'l').replace(/5/g, 's');
  return `${digits(m[1]!)}-${month}-${digits(m[3]!)}`;
}

interface Head {
  start: number;
  end: number;
  date: number;
  /** Headed by a month and year alone ("SEP 2022"): which day the draw was, the head does not say. */
  monthOnly?: boolean;
}

/**
 * Date column heads of a line printing two or more dates and nothing else but times after the first date;
 * before it only words (the other columns' heads on the same line: `Test  Units  Ref Range  1-Apr-21 ...`).
 */
function dateHeads(text: string): Head[] | undefined {
  // A month's name and a year one space apart are one head ("SEP 2022   AUG 2022"); the dash keeps the columns' places.
  text = text.replace(/\b([A-Za-z]{3,9}) ((?:19|20)\d{2})\b/g, (m, mo: string, y: string) => (MONTHS.includes(mo.slice(0, 3).toLowerCase()) ? `${mo}-${y}` : m));
  const heads: Array<Omit<Head, 'date'> & { date: number | undefined }> = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const date = headDate(m[0]) ?? headDate(dateGlyphsMended(m[0]));
    if (date !== undefined) heads.push({ start: m.index, end: m.index + m[0].length, date, monthOnly: /^[A-Za-z]+-\d{4}$/.test(m[0]) });
    // A date OCR misread past being one ("89-Jun-22" for 9-Jun-22) still heads its column.
    else if (GARBLED_DATE.test(m[0])) heads.push({ start: m.index, end: m.index + m[0].length, date: undefined });
    else if (!heads.length && (/^[A-Za-z][A-Za-z.:/()]*$/.test(m[0]) || /^[-–_.:;,'‘’"|]+$/.test(m[0]))) continue;
    else if (!/^\d{1,2}:?\d{2}$/.test(m[0])) return undefined;
  }
  const known = heads.filter((h) => h.date !== undefined).map((h) => h.date!);
  if (heads.length < 2 || known.length < 2) return undefined;
  // Its date from its place among the others: dates run one way across the head, so a column after
  // (or, newest first, before) a known date is newer than it.
  const ascending = known[known.length - 1]! >= known[0]!;
  return heads.map((h, k) => {
    if (h.date !== undefined) return h as Head;
    const before = (ascending ? heads.slice(0, k) : heads.slice(k + 1)).map((x) => x.date).filter((d): d is number => d !== undefined);
    return { ...h, date: before.length ? Math.max(...before) + 0.5 : Math.min(...known) - 0.5 };
  });
}

/**
 * A token shaped as a column head's date whose day or month OCR misread ("89-Jun-22", "1B/09/22"), or whose slashes OCR
 * lost or read as 1 / 7 ("10117722" for 10/17/22, "1017/22"): five to eight digits, one slash at most. Only among two
 * clean dates or more (`dateHeads`). Session 23 (h-3104 OCR: a results-review grid's middle head).
 */
const GARBLED_DATE = /^\d{1,3}-[A-Za-z0-9]{3}-\d{2,4}$|^\d{1,3}\/\d{1,3}\/\d{2,4}$|^\d{5,8}$|^\d{3,4}\/\d{2}$|^\d{1,2}\/\d{3,4}$/;

/**
 * How far left of the first head a row's value may stand: half a column, as a text layer may print a row's cells left
 * of its heads (heads and cells in other type sizes). Only values and flags are taken there, never a unit or range
 * cell before the dates. Session 23 (set-f).
 */
function columnsFrom(heads: Head[]): number {
  const column = heads.length > 1 ? (heads[heads.length - 1]!.start - heads[0]!.start) / (heads.length - 1) : 0;
  return heads[0]!.start - Math.max(4, Math.floor(column / 2));
}

/**
 * A row's tokens under the date columns: from the first date's column to half a column past the last. Units and a
 * range printed after the date columns (a results-review grid: `WBC  2.9<  3.0  2.9  K/uL  3.8-10.8`) are the
 * test's, not values of a draw. Session 20.
 */
function underDates<T extends { t: string; start: number; end: number }>(toks: T[], heads: Head[]): T[] {
  const narrow = heads[0]!.start - 4;
  // Not a spaced range's high end ("80.0 - 100.0" just before the first date column).
  const past = toks.filter((t, k) => t.end > narrow || (t.end > columnsFrom(heads) && (CELL.test(t.t) || GLUED_FLAG.test(t.t)) && !/^(?:-|–|to)$/i.test(toks[k - 1]?.t ?? '')));
  if (past.every((c) => CELL.test(c.t) || GLUED_FLAG.test(c.t))) return past;
  const last = heads[heads.length - 1]!;
  const column = (last.start - heads[0]!.start) / Math.max(1, heads.length - 1);
  return past.filter((t) => t.start <= Math.max(last.end + 1, last.start + column * 0.6));
}

/** Values (not flags) a row prints past the first date column, or at its end when the print keeps no columns. */
function valuesPast(text: string, heads: Head[], flat: boolean): number {
  const toks = [...text.matchAll(/\S+/g)].map((m) => ({ t: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  if (flat) {
    let k = toks.length;
    while (k > 1 && CELL.test(toks[k - 1]!.t) && !/^(?:-|–|to)$/i.test(toks[k - 2]!.t)) k--;
    return k > 0 ? toks.slice(k).filter((c) => !FLAG_CELL.test(c.t)).length : 0;
  }
  const cells = underDates(toks, heads);
  return cells.length < toks.length && cells.every((c) => CELL.test(c.t) || GLUED_FLAG.test(c.t)) ? cells.filter((c) => !FLAG_CELL.test(c.t) && !BLANK.test(c.t) && !/^\d{4}$/.test(c.t)).length : 0;
}

/**
 * A flag glued to its value in a trend cell (`L3.49`, `3.49L`, OCR losing the space): apart, before the value as the cells print flags.
 * A bracketed flag glued after its value (`21.9(L)`) is set apart after it, as the grid prints it (`22.9 (L)`); its L read
 * as a 1, l or I (`29 (1)`) is that L. Session 23 (h-3104 OCR: a results-review grid's newest column read from the oldest).
 * Triangles read as letters (`19v`, `5.13 a`) are arrows where the row's range bears them out (lab-flag-letters.ts,
 * Session 24).
 */
const splitGlued = (text: string) =>
  arrowLetters(arrowFlags(text))
    .replace(/(?<=(?:^|\s)\d+(?:\.\d+)?\s?)\([1lI]\)(?=\s|$)/g, '(L)')
    .replace(/(^|\s)(\d+(?:\.\d+)?)\((HH|LL|H|L|A)\)(?=\s|$)/g, '$1$2 ($3)')
    .replace(/(^|\s)(HH|LL|H|L|A)(\d+(?:\.\d+)?)(?=\s|$)/g, '$1$2 $3').replace(/(^|\s)(\d+(?:\.\d+)?)(HH|LL|H|L|A)(?=\s|$)/g, '$1$3 $2');

const CELL = /^(?:[<>]=?)?\d+(?:\.\d+)?$|^(?:HH|LL|H|L|A|C|\*|!|↑|↓|—|--)$|^\((?:HH|LL|H|L|A|C)\)$|^(?:negative|positive|trace|yellow|clear|none|detected|reactive|nonreactive|[1-4]\+)$/i;
/** A column a draw did not result, marked with a dash ("—", "--"): a cell, no value. Session 23 (set-f). */
const BLANK = /^(?:—|--)$/;
// Also in brackets (`12.5 (L)`: a results-review grid flags every column so). Session 22 (set-h).
const FLAG_CELL = /^(?:HH|LL|H|L|A|C|\*|!|↑|↓)$|^\((?:HH|LL|H|L|A|C)\)$/;
/** A value with its flag glued after it (`2.9<`, `44>`, `151H`, `Trace*`). */
const GLUED_FLAG = /^(?:\d+(?:\.\d+)?(?:[<>*]|HH|LL|H|L)|[A-Za-z]+\*)$/;

/**
 * The date heads on line `i` (`h`) head a trend table: some row under the dates holds two values or more (two
 * dates over a table of single results, a collected and a reported date, are no such head). `flat`: its rows are
 * read from their ends (a print that keeps no columns).
 */
function trendHead(lines: Line[], i: number, h: Head[]): { heads: Head[]; flat: boolean } | undefined {
  const l = lines[i]!;
  let flat = !/\S\s{2,}\S/.test(l.text.trim());
  let multi = false;
  for (let j = i + 1; j < lines.length && lines[j]!.page === l.page && !dateHeads(lines[j]!.text) && !multi; j++) multi = valuesPast(splitGlued(lines[j]!.text), h, flat) >= 2;
  // A head line OCR printed apart from its columns (left-trimmed, "- TT TTT _zi-0ct-2z   15-3an-23   17-Feb-23" over rows
  // whose values stand far to its right): the rows are read from their ends, as single-spaced ones, when three or
  // more of them end in two values or more.
  if (!multi && !flat) {
    let rows = 0;
    for (let j = i + 1; j < lines.length && lines[j]!.page === l.page && !dateHeads(lines[j]!.text); j++) if (valuesPast(splitGlued(lines[j]!.text), h, true) >= 2) rows++;
    if (rows >= 3) multi = flat = true;
  }
  return multi ? { heads: h, flat } : undefined;
}

/**
 * The newest collection date heading a trend table in these lines (ISO), whichever side of the table it stands on:
 * the report is of its newest draw, not of the oldest column nor of a "Results from <oldest> through <newest>" line.
 * The column order is told by the dates themselves. Only dates read as printed (not placed among the others). Session 20.
 */
export function newestTrendDate(lines: Line[]): string | undefined {
  for (let i = 0; i < lines.length; i++) {
    const h = dateHeads(lines[i]!.text);
    // Month-and-year heads give no draw's day: the report's own labels date it.
    if (!h || h.some((x) => x.monthOnly) || !trendHead(lines, i, h)) continue;
    const newest = Math.max(...h.map((x) => x.date).filter((d) => Number.isInteger(d)));
    if (!Number.isFinite(newest)) continue;
    const t = String(newest);
    return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
  }
  return undefined;
}

/**
 * Rows of every cumulative table in these lines, each reduced to the newest collection's cell. A line under
 * the head whose tokens past the first date column are not all values and flags (a footnote, a heading) is
 * left as it is; a row whose newest cell is empty has no result (its line then holds nothing).
 */
export function newestColumnOnly(lines: Line[]): Line[] {
  const out = lines.slice();
  let heads: Head[] | undefined;
  let flatHeads = false;
  let flatAfter = false;
  let page = -1;
  for (let i = 0; i < out.length; i++) {
    const raw = out[i]!;
    let l = raw;
    if (l.page !== page) {
      heads = undefined;
      page = l.page;
    }
    const h = dateHeads(l.text);
    if (h) {
      const trend = trendHead(out, i, h);
      heads = trend?.heads;
      flatHeads = trend?.flat ?? false;
      // Told from the rows as printed, before any of them is rewritten.
      flatAfter = flatHeads && flatFlagsAfter(out, i);
      continue;
    }
    if (!heads) continue;
    l = { ...raw, text: splitGlued(raw.text) };
    if (flatHeads) {
      const row = flatRow(l.text, heads, flatAfter);
      if (row !== undefined) out[i] = { ...l, text: row };
      continue;
    }
    const from = heads[0]!.start - 4;
    const toks: Array<{ t: string; start: number; end: number }> = [];
    const re = /\S+/g;
    for (let m = re.exec(l.text); m; m = re.exec(l.text)) toks.push({ t: m[0], start: m.index, end: m.index + m[0].length });
    const cells = underDates(toks, heads);
    const lastCell = cells[cells.length - 1];
    const tail = lastCell ? toks.filter((t) => t.start > lastCell.start) : [];
    if (!cells.length || toks[0]!.end > from || !cells.every((c) => CELL.test(c.t) || GLUED_FLAG.test(c.t))) continue;
    // Times under the dates: a line of the head, not a row.
    if (cells.every((c) => /^\d{4}$/.test(c.t)) && cells.length === heads.length) continue;
    const newest = heads.reduce((a, b) => (b.date >= a.date ? b : a));
    const nearest = (c: { start: number; end: number }) =>
      heads!.reduce((a, b) => (Math.min(Math.abs(b.end - c.end), Math.abs(b.start - c.start)) < Math.min(Math.abs(a.end - c.end), Math.abs(a.start - c.start)) ? b : a));
    // A flag belongs to the value it stands closest to: printed before its value (`L 3.49`) that value's column, after
    // it (`113 (H)   103`) the column it follows. Session 22 (set-h): after-value flags were given to the next column.
    // A row printing a value (or a dash) in every date column: the k-th value is the k-th column's, whatever its place
    // (a shifted text layer); otherwise each value goes to the head it stands nearest. Session 23 (set-f).
    const valueCells = cells.filter((c) => !FLAG_CELL.test(c.t));
    const sorted = heads.slice().sort((a, b) => a.start - b.start);
    const nColumns = heads.length;
    const ownerOf = (c: { start: number; end: number }) => (valueCells.length === nColumns ? sorted[valueCells.indexOf(c as (typeof cells)[number])]! : nearest(c));
    const mine: string[] = [];
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k]!;
      const next = FLAG_CELL.test(c.t) && cells[k + 1] && !FLAG_CELL.test(cells[k + 1]!.t) ? cells[k + 1]! : undefined;
      const prev = FLAG_CELL.test(c.t) && k > 0 && !FLAG_CELL.test(cells[k - 1]!.t) ? cells[k - 1]! : undefined;
      const owner = next && (!prev || next.start - c.end < c.start - prev.end) ? ownerOf(next) : prev ? ownerOf(prev) : ownerOf(c);
      if (owner === newest) mine.push(c.t);
    }
    const lead = l.text.slice(0, cells[0]!.start).trimEnd();
    const value = mine.filter((t) => !FLAG_CELL.test(t) && !BLANK.test(t));
    const flags = mine.filter((t) => FLAG_CELL.test(t));
    // Name first, then the value and its flag, then the units and range the row printed before the dates.
    const indent = /^\s*/.exec(lead)![0];
    const [name, ...rest] = lead.trim().split(/\s{2,}/);
    const cell = `${value[0]}${flags.length ? ` ${flags.join(' ')}` : ''}`;
    // The units and range printed after the date columns, after them.
    const after = tail.length ? `    ${l.text.slice(tail[0]!.start).trim()}` : '';
    out[i] = { ...l, text: value.length === 1 ? `${indent}${name}    ${cell}    ${rest.join('    ')}${after}`.trimEnd() : '' };
  }
  return out;
}

/**
 * A row of a cumulative table printed with single spaces (OCR that keeps no columns): the cells after the
 * range, read from the line's end. Only when every column can be told apart: as many values as dates
 * (the range's own number one more) with the newest date last, the last value is the result; as many
 * exactly with the newest first, the first. Otherwise the row has no result that can be placed (empty);
 * a line ending in no values is left alone (undefined).
 */
function flatRow(text: string, heads: Head[], flagsAfter = false): string | undefined {
  const cells = trendCellsAtEnd(text);
  const toks = text.trim().split(/\s+/);
  const k = toks.length - cells.length;
  if (!cells.length || k === 0) return undefined;
  const values = cells.map((t, j) => ({ t, j })).filter((c) => !FLAG_CELL.test(c.t));
  if (!values.length) return undefined;
  const newest = heads.reduce((a, b) => (b.date >= a.date ? b : a));
  let pick: { t: string; j: number } | undefined;
  if (newest === heads[heads.length - 1] && values.length >= heads.length && values.length <= heads.length + 1) pick = values[values.length - 1];
  else if (newest === heads[0] && values.length === heads.length) pick = values[0];
  if (!pick) return '';
  const flag = flagsAfter
    ? pick.j + 1 < cells.length && FLAG_CELL.test(cells[pick.j + 1]!) ? ` ${cells[pick.j + 1]}` : ''
    : pick.j > 0 && FLAG_CELL.test(cells[pick.j - 1]!) ? ` ${cells[pick.j - 1]}` : '';
  const lead = toks.slice(0, k);
  // The name is the lead up to its first unit or number; the value goes right after it.
  let n = lead.findIndex((t, j) => j > 0 && (/^[\d<>]/.test(t) || /\//.test(t) || /^(?:%|fL|pg)$/.test(t)));
  if (n < 0) n = lead.length;
  return `${lead.slice(0, n).join(' ')}  ${pick.t}${flag}  ${lead.slice(n).join(' ')}`;
}

/** The trend cells a single-spaced row ends in (values and flags after the range). */
function trendCellsAtEnd(text: string): string[] {
  const toks = text.trim().split(/\s+/);
  let k = toks.length;
  while (k > 1 && CELL.test(toks[k - 1]!) && !/^(?:-|–|to)$/i.test(toks[k - 2]!)) k--;
  return k > 0 ? toks.slice(k) : [];
}

/**
 * Whether the single-spaced rows under the trend head on line `i` (the head's own line) print their flags after the values (`12.5 (L)`) or
 * before them (`L 3.49`): a row ending in a flag says after, one whose cells open with a flag says before; the rows of
 * the table (to the next head, on the head's page) vote; when none says, bracketed flags (`(L)`) are after, bare ones before. Session 22 (set-h): a flowsheet's
 * after-value flags went to the next column's value in text without columns.
 */
function flatFlagsAfter(lines: Line[], i: number): boolean {
  let after = 0;
  let before = 0;
  let bracketed = false;
  const page = lines[i]!.page;
  for (let j = i + 1; j < lines.length && lines[j]!.page === page && !dateHeads(lines[j]!.text); j++) {
    const cells = trendCellsAtEnd(lines[j]!.text);
    if (cells.length < 2) continue;
    if (FLAG_CELL.test(cells[cells.length - 1]!)) after++;
    else if (FLAG_CELL.test(cells[0]!)) before++;
    bracketed ||= cells.some((c) => /^\(/.test(c) && FLAG_CELL.test(c));
  }
  // No row telling: bracketed flags are printed after their value (`7.9 (L)`), bare letters before it (`L 3.49`).
  return after === before ? bracketed : after > before;
}

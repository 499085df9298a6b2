/**
 * One test's results over time printed as ROWS (a urology note's PSA history, a fertility clinic's serial beta-hCG, an
 * anticoagulation log's INRs): a heading naming the test, its unit and reference often in brackets after it
 * ("PSA, Total — history (ng/mL; reference 0.0-4.0)", "Serial hCG, Quantitative"), column heads naming a date column
 * and a result column ("Date drawn   Result   Note"), then one row per draw opening with its date. As a cumulative
 * table with one column per draw is read (lab-cumulative.ts), the report's result is the newest draw; older rows are
 * history. The rows name no test, so no table row reads them. Pure. Session 24 (set-c).
 */
import { findDates } from './dates.js';
import type { LabRow } from './lab-row.js';
import { CMP_RANGE, flagCode, isFlag, NUM, RANGE } from './lab-tokens.js';
import { lookupExact } from './lab-test-names.js';
import { ucumFor } from './lab-units.js';
import { cells, type Line } from './lines.js';

export interface LabHistoryRow extends LabRow {
  /** The newest draw's date (ISO). */
  effective: string;
  /** Lines the heading, the column heads and the rows take (read as nothing else). */
  historyLines: number[];
}

/** "<test> — history (...)", "<test> trend", "Serial <test>", "<test> over time": the test's name and what follows it. */
const HEADING = /^\s*(?:serial\s+(.+?)|(.+?)\s*(?:[—–-]\s*)?\b(?:history|trend(?:ed)?|results?\s+over\s+time|serial\s+values)\b(.*))$/i;
const DATE_HEAD = /\b(?:date|drawn|collected|collection)\b/i;
const RESULT_HEAD = /^(?:results?|values?|level|result\s*\(.*\)|value\s*\(.*\))$/i;

/** The test a heading names (its printed name and LOINC), with the unit and reference printed after it. */
function heading(text: string): { name: string; loinc: string; display: string; unit?: string; range?: string } | undefined {
  const m = HEADING.exec(text);
  if (!m) return undefined;
  const [raw, rest] = m[1] !== undefined ? [m[1], ''] : [m[2]!, m[3] ?? ''];
  // The name up to a bracket ("Serial Beta hCG (mIU/mL)"), trailing marks off.
  const name = raw.split('(')[0]!.replace(/[\s:;,.—–-]+$/, '').trim();
  if (!name || name.length > 40) return undefined;
  const syn = lookupExact(name, false);
  if (!syn) return undefined;
  const tail = `${raw.slice(name.length)} ${rest}`;
  const words = tail.replace(/[();,]/g, ' ').split(/\s+/).filter(Boolean);
  const unit = words.find((w) => /[a-z%]/i.test(w) && !!ucumFor(w) && !/^(?:reference|ref|normal|range)$/i.test(w));
  const ref = /\b(?:reference|ref\.?|normal)(?:\s+(?:range|interval))?\s*:?\s*([<>]=?\s?\d+(?:\.\d+)?|\d+(?:\.\d+)?\s?-\s?\d+(?:\.\d+)?)/i.exec(tail)?.[1]?.replace(/\s+/g, '');
  return { name, loinc: syn.loinc, display: syn.display, ...(unit ? { unit } : {}), ...(ref ? { range: ref } : {}) };
}

export function parseLabHistories(lines: Line[]): LabHistoryRow[] {
  const out: LabHistoryRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    const h = heading(lines[i]!.text);
    if (!h) continue;
    // The column heads on one of the next two printed lines of the page: a date column and a result column.
    let k = i + 1;
    while (k < lines.length && lines[k]!.page === lines[i]!.page && !lines[k]!.text.trim() && k <= i + 2) k++;
    const head = lines[k];
    if (!head || head.page !== lines[i]!.page) continue;
    const heads = cells(head.text);
    const dateHead = heads.find((c) => DATE_HEAD.test(c.text));
    const resultHead = heads.find((c) => RESULT_HEAD.test(c.text));
    const unitHead = heads.find((c) => /^units?$/i.test(c.text));
    if (!dateHead || !resultHead || dateHead.start > resultHead.start) continue;
    // The rows: each opens with a date; blank lines between them allowed, any other line ends the table.
    const rows: Array<{ line: Line; date: string; value: string; flag?: string; unit?: string }> = [];
    let j = k + 1;
    for (; j < lines.length && lines[j]!.page === head.page; j++) {
      const l = lines[j]!;
      if (!l.text.trim()) continue;
      const cs = cells(l.text);
      const first = cs[0];
      const date = first ? findDates(first.text).find((d) => d.index === 0)?.date : undefined;
      if (!date) break;
      // The cell standing under the result head (the nearest start), its value and a flag in the same cell.
      const cell = cs.slice(1).sort((a, b) => Math.abs(a.start - resultHead.start) - Math.abs(b.start - resultHead.start))[0];
      const [value, mark] = cell ? cell.text.split(/\s+/) : [];
      if (!value || !NUM.test(value) || CMP_RANGE.test(value) || RANGE.test(value)) break;
      const unitCell = unitHead ? cs.find((c) => Math.abs(c.start - unitHead.start) <= 3) : undefined;
      rows.push({ line: l, date, value, ...(mark && isFlag(mark) ? { flag: mark } : {}), ...(unitCell && ucumFor(unitCell.text) ? { unit: unitCell.text } : {}) });
    }
    if (rows.length < 2) continue;
    const newest = [...rows].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0]!;
    const unit = newest.unit ?? h.unit;
    const numeric = Number(newest.value.replace(/,/g, ''));
    const r = h.range ? (RANGE.exec(h.range) ?? CMP_RANGE.exec(h.range)) : null;
    const range = h.range && r ? (RANGE.test(h.range) ? { text: h.range, low: Number(r[1]), high: Number(r[2]) } : { text: h.range, ...(/</.test(r[1]!) ? { high: Number(r[2]) } : { low: Number(r[2]) }) }) : undefined;
    const row: LabHistoryRow = {
      name: h.name,
      loinc: h.loinc,
      loincDisplay: h.display,
      value: newest.value,
      numeric,
      ...(unit ? { unit, ...(ucumFor(unit) ? { ucum: ucumFor(unit) } : {}) } : {}),
      ...(range ? { range } : {}),
      ...(newest.flag ? { flagPrinted: newest.flag, flag: flagCode(newest.flag, numeric, range?.low, range?.high) } : {}),
      page: newest.line.page,
      lineIndex: newest.line.index,
      tokens: [newest.value],
      effective: newest.date,
      historyLines: [lines[i]!.index, head.index, ...rows.map((x) => x.line.index)],
    };
    out.push(row);
    i = j - 1;
  }
  return out;
}

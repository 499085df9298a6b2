/**
 * Lab results printed as a GRID with the tests across and the parts of a result down (portal and
 * EHR "results summary" prints, cumulative-style pages):
 *
 *   Test         WBC       RBC       HGB       HCT
 *   Result       8.1       4.86      14.0      42.3
 *   Flag                             LOW
 *   Units        K/uL      M/uL      g/dL      %
 *   Ref Range    3.8-10.8  3.80-5.10 11.7-15.5 35.0-45.0
 *
 * A row label opens each line (the labels lab-blocks.ts knows: Test / Analyte / Component, Result /
 * Value, Units, Flag, Reference Range ...; one OCR slip allowed under a test row); each cell belongs
 * to the test whose column it stands in (by its offset in the line: cells may be centred, left- or
 * right-aligned, and empty). Each column is read as the parts of one result, through the same row
 * parser and repairs as every other layout (`namedResultRow`).
 *
 * Also result TILES side by side (patient portals): a row of test names, each over its value and
 * flag and its labelled range, with no row labels:
 *
 *   Cholesterol, Total                  HDL Cholesterol
 *   228 mg/dL         High
 *                                       58 mg/dL
 *   Normal range: <200 mg/dL            Normal range: >39 mg/dL
 *
 * OCR moves the cells of such rows about (a value line's cells closed up), so tiles are matched to
 * their names in order, and only when the row holds as many values as names. Pure; never throws.
 */
import { findDates } from './dates.js';
import { gridLabel, namedResultRow } from './lab-blocks.js';
import type { LabRow } from './lab-row.js';
import { pointLostBeside } from './lab-number-slips.js';
import { lookupTest } from './lab-test-names.js';
import { cells as lineCells, type Line } from './lines.js';

/** A result read from a grid; `gridLines` are the (page-local) indexes of the grid's lines. */
export interface LabGridRow extends LabRow {
  gridLines: number[];
}

interface Cell {
  text: string;
  start: number;
  end: number;
}

/** Cells of a line (runs of text parted by two spaces or more) with where each ends. */
function cells(text: string): Cell[] {
  return lineCells(text).map((c) => ({ ...c, end: c.start + c.text.length }));
}

type Part = 'result' | 'units' | 'range' | 'flag';
const PARTS = new Set<string>(['result', 'units', 'range', 'flag']);

/** A grid's lines run at most this many lines apart (blank lines between them do not count). */
const MAX_GAP = 2;

/**
 * The column a cell stands in: the test cell its span overlaps most, else the one whose centre is
 * nearest when that is within the columns' spacing. Undefined when the cell lies between columns.
 */
function columnOf(cell: Cell, heads: Cell[]): number | undefined {
  let best = -1;
  let bestOverlap = 0;
  heads.forEach((h, i) => {
    const overlap = Math.min(cell.end, h.end) - Math.max(cell.start, h.start);
    if (overlap > bestOverlap) [best, bestOverlap] = [i, overlap];
  });
  if (best >= 0) return best;
  const centre = (c: Cell) => (c.start + c.end) / 2;
  const order = heads.map((h, i) => ({ i, d: Math.abs(centre(h) - centre(cell)) })).sort((a, b) => a.d - b.d);
  const nearest = order[0];
  if (!nearest) return undefined;
  const spacing = heads.length > 1 ? (centre(heads[heads.length - 1]!) - centre(heads[0]!)) / (heads.length - 1) : 20;
  // Two columns about equally near: the cell cannot be placed.
  if (order[1] && order[1].d - nearest.d < 2) return undefined;
  return nearest.d <= spacing / 2 ? nearest.i : undefined;
}

const VALUE_CELL = /^([<>]=?\s?)?\d+(?:[.,]\d+)?(?=\s|$)/;
const FLAG_CELL = /^(?:high|low|abnormal|critical|h|l|a|hh|ll)$/i;
const RANGE_CELL = /^(?:normal|reference|ref\.?|standard|expected)\s+(?:range|interval|values?)\s*[:;.]?\s*/i;

/** Tiles of results under a row of two or more test names (see the module's comment). */
function tiles(nonEmpty: Line[], i: number, out: LabGridRow[], panel: string | undefined): number {
  const head = nonEmpty[i]!;
  const names = cells(head.text);
  if (names.length < 2 || names.length > 4 || !names.every((c) => lookupTest(c.text) && !gridLabel(c.text))) return i;
  const values: Array<{ cell: Cell; line: number; flag?: string }> = [];
  const ranges: Cell[] = [];
  const used = [head.index];
  let j = i + 1;
  for (; j < nonEmpty.length && j <= i + 5; j++) {
    const l = nonEmpty[j]!;
    if (l.page !== head.page) break;
    const lc = cells(l.text);
    const kinds = lc.map((c) => (VALUE_CELL.test(c.text) ? 'value' : FLAG_CELL.test(c.text) ? 'flag' : RANGE_CELL.test(c.text) ? 'range' : undefined));
    if (!lc.length || kinds.some((k) => !k)) break;
    lc.forEach((c, k) => {
      if (kinds[k] === 'value') values.push({ cell: c, line: l.index });
      else if (kinds[k] === 'flag' && values.length) values[values.length - 1]!.flag = c.text;
      else if (kinds[k] === 'range') ranges.push({ ...c, text: c.text.replace(RANGE_CELL, '') });
    });
    used.push(l.index);
  }
  if (values.length !== names.length) return i;
  names.forEach((n, k) => {
    const v = values[k]!;
    const m = VALUE_CELL.exec(v.cell.text)!;
    const units = v.cell.text.slice(m[0].length).trim();
    const range = ranges.length === names.length ? ranges[k]!.text : undefined;
    const row = namedResultRow({ page: head.page, line: v.line, test: n.text, result: m[0].replace(/\s+/g, ''), ...(units ? { units } : {}), ...(range ? { range } : {}), ...(v.flag ? { flag: v.flag } : {}) });
    if (row) out.push({ ...row, ...(panel ? { panel } : {}), gridLines: used });
  });
  return j - 1;
}

/**
 * The newest draw's cells, each whole value that lost its point to OCR put right: "04" (a
 * leading zero), or "79" under 7.0 and 8.6 by the same test's latest earlier draw printing
 * decimals (`pointLostBeside`).
 */
function withPointsFromEarlierDraws(newest: Map<number, Cell>, earlier: Array<{ date: string; cells: Map<number, Cell> }>): Map<number, Cell> {
  const byDate = [...earlier].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const out = new Map<number, Cell>();
  for (const [col, cell] of newest) {
    const before = byDate.map((d) => d.cells.get(col)?.text).find((t) => t !== undefined && /^\d+\.\d+$/.test(t));
    // No result prints a leading zero before another digit ("04"): the point after it was lost.
    const fixed = /^0\d{1,2}$/.test(cell.text) ? `0.${cell.text.slice(1)}` : before === undefined ? undefined : pointLostBeside(cell.text, before);
    out.set(col, fixed === undefined ? cell : { ...cell, text: fixed });
  }
  return out;
}

/** All lab results printed as grids (tests across) in a run of lines (one document). */
export function parseLabGrids(lines: Line[]): LabGridRow[] {
  const out: LabGridRow[] = [];
  try {
    const nonEmpty = lines.filter((l) => l.text.trim());
    let panel: string | undefined;
    for (let i = 0; i < nonEmpty.length; i++) {
      const head = nonEmpty[i]!;
      const headCells = cells(head.text);
      const after = tiles(nonEmpty, i, out, panel);
      if (after > i) {
        i = after;
        continue;
      }
      // A grid of one test ("Test  TSH" over "Result  2.65") is read like a wider one: its part rows say what it is.
      if (headCells.length < 2 || gridLabel(headCells[0]!.text) !== 'test') {
        // A short line of capitals above a grid names its panel ("COMPLETE BLOOD COUNT W/ DIFF").
        const t = head.text.trim();
        if (headCells.length === 1 && t.length <= 60 && /^[A-Z][A-Z0-9 ,/&()+.-]+$/.test(t) && /[A-Z]{3}/.test(t)) panel = t;
        continue;
      }
      const tests = headCells.slice(1);
      // A results table's own header ("Test   Result   Units   Reference Range") names parts, not tests.
      if (tests.filter((t) => gridLabel(t.text)).length * 2 >= tests.length) continue;
      const parts = new Map<Part, Map<number, Cell>>();
      const gridLines = [head.index];
      let resultLine = -1;
      let last = head;
      // A flowsheet's draws, one row each under the part rows, opening with the draw's date ("05/15/2025 09:36   6.7
      // 4.68 ..."): the newest draw's row is the result (older rows are history).
      let newest: { date: string; line: number; cells: Map<number, Cell> } | undefined;
      // The other draws' cells, newest last: the same test's earlier results.
      const earlier: Array<{ date: string; cells: Map<number, Cell> }> = [];
      const columns = (lc: Cell[]) => {
        const byColumn = new Map<number, Cell>();
        for (const c of lc.slice(1)) {
          const col = columnOf(c, tests);
          // Two cells in one column: the line is not laid out as the tests are.
          if (col === undefined || byColumn.has(col)) continue;
          byColumn.set(col, c);
        }
        return byColumn;
      };
      for (let j = i + 1; j < nonEmpty.length; j++) {
        const l = nonEmpty[j]!;
        if (l.page !== head.page || l.index - last.index > MAX_GAP + 1) break;
        const lc = cells(l.text);
        const kind = lc.length ? gridLabel(lc[0]!.text, true) : undefined;
        const drawn = !kind && lc.length >= 2 && !parts.has('result') ? findDates(lc[0]!.text).find((d) => d.index === 0) : undefined;
        if (drawn) {
          const draw = { date: drawn.date, line: l.index, cells: columns(lc) };
          if (!newest || drawn.date >= newest.date) {
            if (newest) earlier.push(newest);
            newest = draw;
          } else earlier.push(draw);
          gridLines.push(l.index);
          last = l;
          i = j;
          continue;
        }
        // A part row whose label OCR garbled past knowing ("rfprance" for "reference") between the
        // head and a flowsheet's draws: its cells still stand in the tests' columns. It is passed
        // over (its part unknown) rather than ending the grid before the draws that hold the results.
        if (!kind && !newest && !parts.has('result') && lc.length >= 2 && !/\d/.test(lc[0]!.text) && columns(lc).size * 2 >= tests.length) {
          gridLines.push(l.index);
          continue;
        }
        if (!kind || !PARTS.has(kind) || parts.has(kind as Part)) break;
        parts.set(kind as Part, columns(lc));
        gridLines.push(l.index);
        if (kind === 'result') resultLine = l.index;
        last = l;
        i = j;
      }
      if (!parts.has('result') && newest) {
        parts.set('result', withPointsFromEarlierDraws(newest.cells, earlier));
        resultLine = newest.line;
      }
      const results = parts.get('result');
      if (!results || !results.size) continue;
      tests.forEach((t, col) => {
        const result = results.get(col);
        if (!result) return;
        const named = {
          page: head.page,
          line: resultLine,
          test: t.text,
          result: result.text,
          ...(parts.get('units')?.get(col) ? { units: parts.get('units')!.get(col)!.text } : {}),
          ...(parts.get('range')?.get(col) ? { range: parts.get('range')!.get(col)!.text } : {}),
          ...(parts.get('flag')?.get(col) ? { flag: parts.get('flag')!.get(col)!.text } : {}),
        };
        const row = namedResultRow(named);
        if (row) out.push({ ...row, ...(panel ? { panel } : {}), gridLines });
      });
    }
  } catch {
    return out;
  }
  return out;
}

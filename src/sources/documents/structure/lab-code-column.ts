/**
 * A test-code column before the test's name whose column heads OCR lost or ran together ("CODE TEST ee... FLAG
 * RESULT", or no head line at all), each row's code garbled or not ("ROW   RDW   12.4", "C02   CARBON DIOXIDE   23",
 * "Mev   MCV   96.2", "RBC   RED BLOOD CELL COUNT   4.62"). With the heads read, `labs.ts` drops the code cell
 * (`CODE_COLUMN`); without them the code was read as the name's first word, or as a test with the name's first word
 * for its word result ("RBC" / "RED"). Here the column is told by its rows alone. Pure. Session 23 (j-2905 OCR).
 */
import type { Line } from './lines.js';
import { letterAsDigit, lookupExact, lookupTest } from './lab-test-names.js';
import { flagSlip, isFlag } from './lab-tokens.js';

/**
 * A row's first cell, a short code alone before a gap, then a cell opening with a letter. The code holds a letter: a
 * number there is the result of a layout printing it before the name (`343   PLATELET COUNT`), never blanked.
 */
const CODE_THEN_CELL = /^(\s*)((?=[A-Za-z0-9#\-/]{0,6}[A-Za-z])[A-Za-z0-9][A-Za-z0-9#\-/]{0,6}["'”’*]?)(\s{2,})([A-Za-z][^\s]*(?: [^\s]+)*)/;

/** The cell names a test: exactly, a letter or two off, or with a digit read as a letter ("HEMOGLOBIN Alc"). */
function namesTest(cell: string): boolean {
  const c = cell.replace(/[.:]+$/, '').trim();
  return c.length >= 2 && !!(lookupExact(c, false) ?? lookupTest(c, false) ?? letterAsDigit(c, false));
}

/** A result among a row's cells after its name: a bare number (a glued flag too) or a word result, ranges left out. */
function resultAfter(rest: string): boolean {
  const cells = rest.trim().split(/\s+/).filter((t) => !/^[([]?(?:[<>]=?|≤|≥)?\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?[)\]]?$/.test(t) || /^\d+(?:\.\d+)?$/.test(t));
  return cells.some((t) => /^\d+(?:\.\d+)?[HLA*]?$/.test(t) || /^(?:negative|positive|trace|detected|reactive|nonreactive)$/i.test(t));
}

/**
 * Lines whose code cell is blanked (spaces as wide, so columns stay where they were): on a page where three rows or more
 * print a short first cell, a gap, and then a test's name starting in one column (within two characters), every row of
 * that page whose second cell starts in that column after a short first cell. A page without such rows is unchanged.
 */
export function codeCellsUncaptioned(lines: Line[]): Line[] {
  const at = lines.map((l) => {
    const m = CODE_THEN_CELL.exec(l.text);
    // A flag column printed before the name (`H   GLUCOSE   105`) is no code column: its marks are the rows' flags.
    if (!m || isFlag(m[2]!) || flagSlip(m[2]!) || /^(?:HI|LO|AB|ABN|CRIT|HH|LL)$/i.test(m[2]!)) return undefined;
    const col = m[1]!.length + m[2]!.length + m[3]!.length;
    return { col, named: namesTest(m[4]!), width: m[2]!.length };
  });
  const votes = new Map<string, number>();
  lines.forEach((l, i) => {
    const a = at[i];
    if (a?.named) votes.set(`${l.page}:${a.col}`, (votes.get(`${l.page}:${a.col}`) ?? 0) + 1);
  });
  const column = (page: number, col: number) => {
    let n = 0;
    for (let d = -2; d <= 2; d++) n += votes.get(`${page}:${col + d}`) ?? 0;
    return n;
  };
  return lines.map((l, i) => {
    const a = at[i];
    if (!a || column(l.page, a.col) < 3) return l;
    const m = CODE_THEN_CELL.exec(l.text)!;
    // A row with no result after the name is no code row: its first cell is the result, printed before the name
    // ("141   SODIUM   mmol/L   135-146" under "RESULT   FLAG   TEST ..."), and a head row is no row. Session 23 (set-f).
    if (!resultAfter(l.text.slice(m[0].length))) return l;
    return { ...l, text: `${m[1]}${' '.repeat(m[2]!.length)}${l.text.slice(m[1]!.length + m[2]!.length)}` };
  });
}

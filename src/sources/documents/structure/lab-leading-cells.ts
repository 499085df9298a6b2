/**
 * What a results table prints before a test's name: order, panel and collection-date cells,
 * a flag column, margin dirt; where the test's own cells begin.
 */
import { editDistance } from './fuzzy.js';
import type { Tok } from './lab-row.js';
import { cleanNameTokens, CMP_RANGE, NUM, QUAL, RANGE } from './lab-tokens.js';
import { type Syn, lookupExact, lookupTest, undigit } from './lab-test-names.js';
import { exactUcum } from './lab-units.js';

/**
 * Specks and shadows at a photo's or scan's edge read as short words around a name ("SB CHLORIDE
 * ey", "Ee POTASSIUM"): dropped when the name as read is none of the table's and what is left is.
 */
export function marginDirtDropped(toks: string[], urine: boolean): { kept: string[]; lead: string[] } {
  // A flag in a margin column before the name, which the name's lookup would read past ("(L) GLUCOSE").
  if (toks.length >= 2 && MARGIN_FLAG.test(toks[0]!) && lookupExact(toks.slice(1).join(' '), urine)) return { kept: toks.slice(1), lead: [toks[0]!] };
  if (toks.length < 2 || lookupExact(toks.join(' '), urine)) return { kept: toks, lead: [] };
  // Before the name any short word; after it only lowercase letters (a garbled value or flag
  // there, "CHOL 1h Al 610", must keep the row from being read).
  let lo = 0;
  let hi = toks.length;
  // Also what a results export prints in the cells before the test's (a collection time read as
  // "11.57" or "1157", the order's name wrapped to a word like "panel"): only when the rest is a test.
  while (lo < hi - 1 && (toks[lo]!.length <= 2 || /^[\d.:-]+$/.test(toks[lo]!) || orderWord(toks[lo]!))) lo++;
  while (hi > lo + 1 && /^[a-z]{1,2}$/.test(toks[hi - 1]!)) hi--;
  if (lo === 0 && hi === toks.length) return { kept: toks, lead: [] };
  const kept = toks.slice(lo, hi);
  return lookupExact(kept.join(' '), urine) ? { kept, lead: toks.slice(0, lo) } : { kept: toks, lead: [] };
}

/** A line printer's flag column before the test's ("HI   GLU ....   170", "LO   CL ....   96"): the flag, else undefined. */
export function leadingFlag(lead: string | undefined): string | undefined {
  return lead && (/^(?:HI|LO|HH|LL|H|L)$/.test(lead) || MARGIN_FLAG.test(lead)) ? lead : undefined;
}

/**
 * A flag in brackets in a margin column before the test's name ("(L)", "(HH)", "(A)"), also with
 * one of its brackets lost to OCR ("H)", "(L"): a bracket beside the letters still marks a flag.
 */
export const MARGIN_FLAG = /^(?:\((?:HH|LL|HI|LO|H|L|A)\)?|(?:HH|LL|HI|LO|H|L|A)\))$/;

/** Where the cells of a name begin: a token after two or more spaces starts a cell (wide tables print a cell per column). */
export function cellStarts(toks: Tok[]): number[] {
  const out: number[] = [];
  for (let k = 1; k < toks.length; k++) if (toks[k]!.start - (toks[k - 1]!.start + toks[k - 1]!.t.length) >= 2) out.push(k);
  return out;
}

/**
 * A test name printed after other cells of its row (an Order / Panel column, a collected date:
 * "CBC (includes Diff/Plt)   Hemoglobin   14.9 g/dL", EHR result exports): when the name as read
 * is no test, the longest run of its last cells that is one. A leading cell naming a urine panel
 * ("Urinalysis, Complete   Color   Yellow") makes the row a urine test. Returns where the test's
 * cells begin, else undefined.
 */
export function leadingCellsEnd(
  name: string[],
  toks: Tok[],
  urine: boolean,
  match: (name: string, urine: boolean) => Syn | undefined = (n, u) => lookupTest(n, u) ?? lookupTest(undigit(n), u),
): { at: number; urine: boolean } | undefined {
  if (name.length !== toks.length || name.length < 2) return undefined;
  const whole = cleanNameTokens(name).join(' ');
  if (!whole || lookupTest(whole, urine) || lookupTest(undigit(whole), urine) || match(whole, urine)) return undefined;
  for (const at of cellStarts(toks)) {
    // A test's name is a few words.
    if (name.length - at > 6) continue;
    const lead = name.slice(0, at).join(' ');
    if (!leadCell(name.slice(0, at), urine)) continue;
    const inUrine = urine || PANEL_URINE.test(lead);
    const rest = cleanNameTokens(name.slice(at)).join(' ');
    // Two letters also once a digit read for a letter is put back ("C02" is CO2).
    if (rest && /[A-Za-z]{2}/.test(undigit(rest)) && match(rest, inUrine)) return { at, urine: inUrine };
  }
  // The gap before the name lost to OCR ("CBC bincludes DIRT MCV   818"): after a word that names an
  // order or panel, the longest run of the last words that is a test.
  let order = -1;
  name.forEach((t, k) => {
    if (k < name.length - 1 && orderWord(t)) order = k;
  });
  if (order < 0) {
    // An order named for its one test ("TSH TSH 1.90", "Hemoglobin A1c Estimated Average Glucose 97"):
    // a test's name as printed, then another test's name as printed.
    for (let at = 1; at < name.length && name.length <= 12; at++) {
      const first = cleanNameTokens(name.slice(0, at)).join(' ');
      const rest = cleanNameTokens(name.slice(at)).join(' ');
      if (first && rest && /[A-Za-z]{2}/.test(rest) && lookupExact(first, urine) && lookupExact(rest, urine)) return { at, urine };
    }
    return undefined;
  }
  const lead = name.slice(0, order + 1).join(' ');
  if (name.slice(0, order + 1).some((t) => (NUM.test(t) && t.length <= 6) || RANGE.test(t) || CMP_RANGE.test(t) || /\d-\d/.test(t) || exactUcum(t))) return undefined;
  const inUrine = urine || PANEL_URINE.test(lead);
  for (let at = Math.max(order + 1, name.length - 6); at < name.length; at++) {
    const rest = cleanNameTokens(name.slice(at)).join(' ');
    if (rest && /[A-Za-z]{2}/.test(rest) && match(rest, inUrine)) return { at, urine: inUrine };
  }
  return undefined;
}

/** A line printer's collection date ("26MAR2025", its month's O also read as 0: "150CT2022") or a slashed one. */
export const DATE_CELL = /^(?:\d{1,2}[A-Za-z0][A-Za-z]{2}\d{4}|\d{1,2}\/\d{1,2}\/\d{2,4})$/;

/** The time after it ("0857", "08:57"). */
export const TIME_CELL = /^\d{1,2}:?\d{2}$/;

/**
 * An order, panel or date cell: no value, range or unit in it (those are a row of a column before,
 * misread), and a word of its own, a date or a test's name ("TSH   TSH"), not a stray short mark ("gal").
 */
export function leadCell(toks: string[], urine: boolean): boolean {
  const lead = toks.join(' ');
  // A collection date and time ("26MAR2025 0857", "03/26/2025 08:57").
  if (toks.length <= 2 && DATE_CELL.test(toks[0] ?? '') && (toks.length === 1 || TIME_CELL.test(toks[1]!))) return true;
  if (toks.some((t) => (NUM.test(t) && t.length <= 6) || RANGE.test(t) || CMP_RANGE.test(t) || /\d-\d/.test(t) || exactUcum(t))) return false;
  return lead.replace(/[^A-Za-z]/g, '').length >= 4 || /\d{4}/.test(lead) || !!lookupExact(lead, urine);
}

/** An order or panel name without the dates and times printed in its cell, else undefined. */
export function orderName(cell: string): string | undefined {
  const name = cell
    .split(/\s+/)
    .filter((t) => !/\d{1,2}[/:.-]\d{1,2}|\d{4,}/.test(t))
    .join(' ')
    .trim();
  return (name.match(/[A-Za-z]/g) ?? []).length >= 3 ? name : undefined;
}

/** Words of lab order and panel names ("CBC", "Comprehensive Metabolic Panel", "Lipid Panel", "includes Diff"), also a letter or two misread in the longer ones. */
const ORDER_WORDS = ['panel', 'profile', 'urinalysis', 'metabolic', 'comprehensive', 'lipid', 'hepatic', 'includes', 'differential', 'complete'];

function orderWord(t: string): boolean {
  const k = t.toLowerCase().replace(/[^a-z]/g, '');
  if (/^(?:cbc|cmp|bmp|ua|diff)$/.test(k) && /^[(A-Z]/.test(t)) return true;
  // "Panel" with a letter lost or misread ("Pane", "Pare:"), the word an order's cell ends on.
  if (k.length === 4 && k.startsWith('pa') && editDistance(k, 'panel', 1) <= 1) return true;
  return k.length >= 5 && ORDER_WORDS.some((w) => k === w || (k.length >= 7 && editDistance(k, w, 2) <= 2));
}

export const PANEL_URINE = /\b(?:urinalysis|urine|ua\b|dipstick)/i;

/**
 * A short code cell printed between a test's name and its value: the specimen or source column of hospital and line-printer
 * prints ("GLUCOSE   BLD   75", "SODIUM   SER   138", "PROTEIN   UA   NEG"), read as the name's last word. Returns how many
 * of the name's tokens the test's name keeps and whether the code names urine, else undefined. Only when the name as
 * read is no test and without its last word is one exactly; the code two to four capitals (or a capital and lower-case
 * letters in a cell of its own), no unit and no flag word (a flag column before the value is read elsewhere).
 */
export function trailingCodeCell(name: string[], toks: Tok[], urine: boolean, valueTok?: Tok): { keep: number; urine: boolean } | undefined {
  if (name.length < 2) return undefined;
  const method = trailingWordCell(name, toks, urine, valueTok);
  if (method) return method;
  const code = name[name.length - 1]!;
  const cell = name.length === toks.length && cellStarts(toks).includes(name.length - 1);
  if (!(/^[A-Z]{2,4}$/.test(code) || (cell && /^[A-Z][a-z]{1,3}$/.test(code)))) return undefined;
  if (FLAG_WORD.test(code.toUpperCase()) || exactUcum(code)) return undefined;
  const whole = cleanNameTokens(name).join(' ');
  if (lookupExact(whole, urine)) return undefined;
  const inUrine = urine || URINE_CODE.test(code);
  // A flag column's mark before the name stays out of the lookup ("HI   GLUCOSE   UR   100").
  const restToks = cleanNameTokens(name.slice(0, -1));
  if (restToks.length >= 2 && (/^[<>*!]{1,3}$/.test(restToks[0]!) || MARGIN_FLAG.test(restToks[0]!) || /^(?:HI|LO|HH|LL)$/.test(restToks[0]!))) restToks.shift();
  const rest = restToks.join(' ');
  return rest && lookupExact(rest, inUrine) ? { keep: name.length - 1, urine: inUrine } : undefined;
}

/**
 * A column of words between a test's name and its value: the method, instrument or specimen a state or
 * reference laboratory prints in a cell of its own ("Glucose   Photometric   88", "Neutrophils   Flow cytometry
 * 59.6", "Color   Reflectance strip   Yellow"), read as the name's last words. Only when the name as read is no test,
 * its first cells are one exactly, and the last cell (after a gap of two spaces or more) is one to three plain
 * words that are no test, unit, flag or word result; single-spaced (OCR), its last word or two when the whole name is
 * no test even loosely. Session 23 (set-e).
 */
function trailingWordCell(name: string[], toks: Tok[], urine: boolean, valueTok?: Tok): { keep: number; urine: boolean } | undefined {
  if (name.length !== toks.length) return undefined;
  // The name as the row will read it, a code cell before it left out (read twice: once in the line, once in the row).
  const whole = marginDirtDropped(cleanNameTokens(name), urine).kept.join(' ');
  if (lookupExact(whole, urine)) return undefined;
  const gap = cellStarts(toks).pop();
  // Single-spaced (an OCR line keeps no gaps, the value one space after the name): the last word or two, when the
  // whole name is no test even loosely. A name in a cell of its own is read whole ("Creatinine Clearance   88").
  const last = toks[toks.length - 1]!;
  const flat = !!valueTok && valueTok.start - (last.start + last.t.length) === 1;
  const ats = gap !== undefined ? [gap] : !flat || lookupTest(whole, urine) ? [] : [name.length - 1, name.length - 2];
  for (const at of ats) {
    if (at < 1 || name.length - at > 3) continue;
    const cell = name.slice(at);
    if (!cell.every((t) => /^[A-Za-z][a-z]+$|^[A-Z]{2,}$/.test(t) && !QUAL.test(t) && !FLAG_WORD.test(t.toUpperCase()) && !exactUcum(t))) continue;
    // A test's name in that cell is the row's test after an order cell ("Hemoglobin A1c   Estimated Average Glucose   143").
    if (lookupTest(cell.join(' '), urine)) continue;
    // A code cell before the name (a LOINC or order number: "2345-7 Glucose Photometric 88") is dropped later as margin.
    const rest = marginDirtDropped(cleanNameTokens(name.slice(0, at)), urine).kept.join(' ');
    if (rest && lookupExact(rest, urine)) return { keep: at, urine };
  }
  return undefined;
}

/** Flag words a flag column between the name and the value prints. */
const FLAG_WORD = /^(?:HI|LO|HH|LL|AB|ABN|ABNL|HIGH|LOW|CRIT|POS|NEG|DET|NR)$/;

/** Specimen codes that name urine. */
const URINE_CODE = /^(?:UA|UR|URN|URI|URIN)$/i;

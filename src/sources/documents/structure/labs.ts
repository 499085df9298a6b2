/**
 * Lab result rows from printed tables, found by token shape rather than column positions:
 * a row is a test name, then a value, then (in any order) a flag, a reference range and a
 * unit. Two result columns on one line, names and values split over two lines, units inside
 * the range column and lab footnote codes ("WBC01") are handled. Pure; never throws.
 * This module reads a document's lines: column headers, units printed under values, names
 * wrapped over their value line, and the repairs that need the whole report. One line is read
 * by lab-line-drafts.ts, one row by lab-draft-to-row.ts.
 */
import { codeCellsUncaptioned } from './lab-code-column.js';
import { editDistance } from './fuzzy.js';
import { cells, type Line } from './lines.js';
import { newestColumnOnly } from './lab-cumulative.js';
import type { Draft, LabRow, Tok } from './lab-row.js';
import { cleanNameTokens, CMP_RANGE, flagCode, flagSlip, isFlag, NUM, QUAL, QUAL_MODIFIER, RANGE, tokenize, VALUE_FLAG } from './lab-tokens.js';
import { TEST_BOUNDS, TEST_UNITS, UNPRINTED_UNITS } from './lab-test-priors.js';
import { digitAsLetter, lookupExact, lookupTest } from './lab-test-names.js';
import { exactUcum, gluedUnit, isUnitToken, onlyPossibleUnit, ucumDisplay, ucumFor, unitFromPrior } from './lab-units.js';
import { restoreUnflaggedResults } from './lab-number-slips.js';
import { normaliseLine } from './lab-line-normalise.js';
import { orderName, PANEL_URINE } from './lab-leading-cells.js';
import { parseLineDrafts } from './lab-line-drafts.js';
import { toRow } from './lab-draft-to-row.js';
import { flagFromRange } from './lab-range-flags.js';

/**
 * Column headers of a results table: does the reference range come before the result
 * ("Component  Latest Ref Rng & Units  3/14/2024") or after it? undefined for other lines.
 */
function headerOrder(text: string): 'range-first' | 'value-first' | undefined {
  // A sentence is no row of column heads ("… are outside the normal range; we will go over the results …", a results
  // letter's paragraph): heads are a few words, with no clause punctuation between them. Session 22 (set-h).
  if (text.trim().split(/\s+/).length > 12 || /[a-z];\s|(?:^|\s)[a-z]{4,}\. [A-Za-z]/.test(text)) return undefined;
  // "Expected" heads a word result's reference column ("Result   Expected   Interpretation"). Session 24 (set-c).
  const range = /\b(?:ref(?:erence)?\.?\s*(?:rng|range|interval)|reference|normal\s+(?:range|values?)|expected(?:\s+(?:range|values?|results?))?)\b/i.exec(text);
  if (!range) return undefined;
  // "Result" also through OCR slips in its last letters ("Resun", "Resuit", "Rest").
  const value = /\b(?:value|results?|current)\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/i.exec(text) ?? [...text.matchAll(/\b[A-Za-z]{4,7}\b/g)].find((m) => /^res/i.test(m[0]) && editDistance(m[0].toLowerCase(), 'result', 2) <= 2);
  if (!value) return undefined;
  return value.index! > range.index ? 'range-first' : 'value-first';
}

/** Column headers ending with the units column, after the range ("Analyte  Result  Reference Range  Units", OCR "Unite"). */
function unitsColumnLast(text: string): boolean {
  const words = text.trim().split(/\s+/);
  const last = words[words.length - 1]!.toLowerCase().replace(/[^a-z]/g, '');
  const range = words.findIndex((w) => /^(?:range|interval|ref|reference)$/i.test(w));
  return words.length <= 8 && range >= 1 && range < words.length - 1 && last.length >= 4 && editDistance(last, 'units', 1) <= 1;
}

/**
 * Column headers printing the units column between the test and the result ("Test   Units   Result   Flag   Reference
 * range", OCR "Tost  Units  Resuit"): the units word (one letter off at most) before the result's. Session 21.
 */
function unitsColumnBeforeResult(text: string): boolean {
  const words = [...text.matchAll(/[A-Za-z]+/g)];
  const units = words.find((m) => m[0].length >= 4 && editDistance(m[0].toLowerCase(), 'units', 1) <= 1);
  const result = words.find((m) => /^res/i.test(m[0]) && m[0].length >= 4 && m[0].length <= 7 && editDistance(m[0].toLowerCase(), 'result', 2) <= 2);
  return !!units && !!result && units.index! < result.index! && words.length <= 12;
}

/**
 * Under such headers a row prints its unit cell before the value ("Hematocrit   Ya   44.7   38.5 - 50.0"): the cell
 * between the name's and the value's moved after the value, so that a unit OCR garbled is read through the test's
 * units as one printed after the value is ("Hematocrit   44.7   Ya   38.5 - 50.0"). The value is the first cell after
 * the name that is a number alone; the unit cell the one cell between them, no number itself. Session 21 (k-2803).
 */
function unitCellAfterValue(text: string): string {
  const cells = [...text.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ t: m[0], at: m.index! }));
  if (cells.length < 3) return text;
  const v = cells.findIndex((c, k) => k >= 1 && /^[<>]?=?\d+(?:\.\d+)?$/.test(c.t));
  if (v !== 2 || NUM.test(cells[1]!.t) || RANGE.test(cells[1]!.t) || /^[<>]/.test(cells[1]!.t)) return text;
  // Nor a value with its flag ("6.0 H"), the unit printed inside the name's cell ("Hemoglobin A1c (%)   6.0 H   <5.7"
  // under "TEST (UNITS)   RESULT   REFERENCE"): a number then a word is no unit cell, and the comparator range after
  // it no value. Session 22 (set-g lab.g3: a row whose range was "<5.7" read as its value).
  if (/^[<>]?=?\d+(?:\.\d+)?\s+\S+$/.test(cells[1]!.t)) return text;
  // Nor that value with its flag glued, the space OCR lost ("Hemoglobin Alc (%)   81H   <5.7"): no unit is a number and
  // a flag. Session 25 (g-3208 OCR: the range "<5.7" had been the value).
  if (VALUE_FLAG.test(cells[1]!.t)) return text;
  const [name, unit, value] = [cells[0]!, cells[1]!, cells[2]!];
  const rest = text.slice(value.at + value.t.length);
  return `${text.slice(0, name.at)}${name.t}${' '.repeat(unit.at - name.at - name.t.length)}${value.t}   ${unit.t}${rest}`;
}

/**
 * Column heads printing the result, and its flag, BEFORE the test's name ("RESULT   FLAG   TEST   UNITS   REFERENCE
 * RANGE", as a lab serving nursing homes prints them): the result's caption left of the name column's caption. Read
 * by words, so that a head OCR printed single-spaced counts too. Session 23 (set-f).
 */
function resultColumnBeforeName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  const result = words.findIndex((w) => /^(?:results?|value)$/i.test(w));
  const name = words.findIndex((w) => /^(?:tests?|description|component|analyte|procedure|examination)$/i.test(w));
  return words.length <= 10 && result >= 0 && name > result;
}

/**
 * Under such heads a row opens with its result and maybe a flag, then the name ("5.9   HI   POTASSIUM   mmol/L
 * 3.5-5.1", single-spaced through OCR too): the name is moved in front, so the line reads as a name-first row
 * ("POTASSIUM   5.9   HI   mmol/L   3.5-5.1"). The result is a number (a comparator, a glued flag) or one or two
 * result words ("NEGATIVE", "LIGHT YELLOW"); the name runs to the first unit, range, number or result word after it.
 * A line opening with anything else (a panel's caption, a comment) is left as printed. Session 23 (set-f).
 */
function nameCellFirst(text: string): string {
  const toks = [...text.matchAll(/\S+/g)].map((m) => ({ t: m[0], at: m.index! }));
  const word = (k: number) => toks[k]?.t ?? '';
  // The two-word form first: "DARK" is a result word by itself too, and read alone it left "YELLOW" opening the name
  // ("DARK YELLOW   COLOR   Yellow" read as YELLOW COLOR = DARK). The two words one space apart, one cell.
  // Session 25 (f-7900: a nursing-home lab's urine colour).
  const pair = (k: number) => QUAL_MODIFIER.test(word(k)) && QUAL.test(word(k + 1)) && !QUAL_MODIFIER.test(word(k + 1)) && toks[k + 1]!.at === toks[k]!.at + word(k).length + 1;
  const resultWords = (k: number) => (pair(k) ? 2 : QUAL.test(word(k)) ? 1 : QUAL_MODIFIER.test(word(k)) && QUAL.test(word(k + 1)) ? 2 : 0);
  let i = NUM.test(word(0)) || VALUE_FLAG.test(word(0)) ? 1 : resultWords(0);
  if (!i) return text;
  const value = toks.slice(0, i).map((x) => x.t).join(' ');
  const flag = isFlag(word(i)) && toks.length > i + 1 ? word(i++) : '';
  const from = i;
  while (i < toks.length) {
    const t = word(i);
    // A known unit only, and not a word that ends the test's name (a name may be unit-shaped, "BUN/CREATININE", and
    // end in a unit's word, "RATIO").
    const unit = i > from && !!ucumFor(t) && !lookupExact(toks.slice(from, i + 1).map((x) => x.t).join(' '), false);
    if (unit || RANGE.test(t) || CMP_RANGE.test(t) || NUM.test(t) || (i > from && resultWords(i))) break;
    i++;
  }
  if (i === from || !/^[A-Za-z]/.test(word(from))) return text;
  // A unit OCR garbled past knowing ("K/L", "MAL") ends no name by itself: the longest run that names a test is the name.
  const named = (j: number) => !!lookupExact(toks.slice(from, j).map((x) => x.t).join(' '), false);
  if (!named(i)) for (let j = i - 1; j > from; j--) if (named(j)) { i = j; break; }
  const name = toks.slice(from, i).map((x) => x.t).join(' ');
  const rest = i < toks.length ? text.slice(toks[i]!.at) : '';
  return `${/^\s*/.exec(text)![0]}${name}   ${value}${flag ? `   ${flag}` : ''}${rest ? `   ${rest}` : ''}`;
}

/**
 * An order or panel column printed before the test's name with no gap kept ("Iron and Ferritin
 * Iron, Total 62", "Additional Chemistry Uric Acid 5.3"): leading words (up to four) that stand,
 * on two or more lines of the document, before a test's name as printed and a value, where the
 * words and the name together name no test.
 */
function repeatedLeads(lines: Line[]): Set<string> {
  const count = new Map<string, number>();
  for (const l of lines) {
    const toks = normaliseLine(l.text).trim().split(/\s+/);
    const v = toks.findIndex((t) => NUM.test(t) || VALUE_FLAG.test(t) || QUAL.test(t));
    if (v < 2 || !/^[A-Za-z]/.test(toks[0]!) || lookupExact(toks.slice(0, v).join(' '), false)) continue;
    for (let k = 1; k <= 4 && k < v; k++) {
      if (!lookupExact(cleanNameTokens(toks.slice(k, v)).join(' '), false) && !lookupExact(cleanNameTokens(toks.slice(k, v)).join(' '), true)) continue;
      const lead = toks.slice(0, k).join(' ').toLowerCase();
      count.set(lead, (count.get(lead) ?? 0) + 1);
    }
  }
  // A specimen or condition before the name is part of it ("Urine Sodium", "Serum Potassium").
  const SPECIMEN = /\b(?:urine|ur|serum|plasma|blood|whole|random|fasting|csf|fluid|stool|spot|24|timed|venous|arterial)\b/i;
  return new Set([...count].filter(([lead, n]) => n >= 2 && lead.replace(/[^a-z]/g, '').length >= 3 && !SPECIMEN.test(lead)).map(([lead]) => lead));
}

/** Column headers that print an order, panel or collection date column before the test's ("Collected  Order  Component  Value ..."). */
const LEAD_COLUMNS = /\b(?:order(?:ed)?|panel|battery|collected|collection\s+date|date|specimen)\b.*?\s{2,}(?:component|test(?:\s+name)?|analyte|result\s+name)\b/i;

/** Column headers whose first column is the lab's test number, before the test's name ("Test No.   Test   Result   Flag ..."). */
const CODE_COLUMN = /^\s*(?:test\s*(?:no\.?|#|code|number)|code|loinc)\s{2,}(?:test(?:\s+name)?|component|analyte|name)\s{2,}/i;

/** One part caption of a result's row ("RESULT", "FLAG", "UNITS", "REFERENCE RANGE", "STATUS"). */
const PART_CAPTION = /^(?:results?|value|your\s+value|flags?|abn(?:ormal)?(?:\s+flag)?|h\/l|units?|uom|(?:ref(?:erence)?\.?|normal|standard|expected)\s+(?:range|interval|values?)|reference|range|interval|status|result\s+status)$/i;

/**
 * A row of part captions and nothing else ("RESULT   FLAG   UNITS   REFERENCE RANGE   STATUS"), as a
 * per-result detail print repeats it under each test's name and over that test's values: three or
 * more cells, one the result's, every one a part caption. Session 19 (set-p class 1).
 */
export function partCaptionRow(text: string): boolean {
  const cs = text.trim().split(/\s{2,}|\s*\|\s*/).filter(Boolean);
  if (cs.length >= 2 && cs.every((c) => PART_CAPTION.test(c.replace(/:$/, ''))) && cs.some((c) => /^(?:results?|value|your\s+value)$/i.test(c.replace(/:$/, '')))) return true;
  // The result's caption read, the others OCR garbled ("Your Value   Stan dard Range"): no digit, two or three cells,
  // the first the result's caption, the others words only. Session 21 (n-2404).
  return !/\d/.test(text) && cs.length >= 2 && cs.length <= 3 && /^(?:results?|value|your\s+value)$/i.test(cs[0]!.replace(/:$/, '')) && cs.slice(1).every((c) => /^[A-Za-z][A-Za-z .']{0,24}$/.test(c) && !lookupTest(c, false) && !QUAL.test(c));
}

/** The part captions a per-result detail print repeats, as words to match OCR's readings against. */
const PART_CAPTION_WORDS = ['result', 'results', 'value', 'your value', 'flag', 'flags', 'units', 'unit', 'reference range', 'reference interval', 'ref range', 'normal range', 'range', 'status', 'result status'];

/**
 * A row of part captions as OCR garbles it ("RESLY   LAO   UNITS   REFERENCE RANGE   STATUS", "REBT   FLAG   UNS   REF
 * ERENCE RANGE"): no digit, three cells or more (two spaces or more apart), every cell but one within about two
 * fifths of its letters of a part caption, three at least. Session 21 (p-2104 through OCR).
 */
function partCaptionRowGarbled(text: string): boolean {
  if (/\d/.test(text)) return false;
  const cs = text.trim().split(/\s{2,}|\s*\|\s*/).filter(Boolean);
  if (cs.length < 3 || cs.length > 7) return false;
  const near = (c: string) => {
    const k = c.toLowerCase().replace(/[^a-z ]/g, '').replace(/\s+/g, ' ').trim();
    if (k.length < 2) return false;
    return PART_CAPTION_WORDS.some((w) => editDistance(k, w, 4) <= Math.max(1, Math.round(w.length * 0.4)) || editDistance(k.replace(/ /g, ''), w.replace(/ /g, ''), 4) <= Math.max(1, Math.round(w.length * 0.4)));
  };
  const hits = cs.filter(near).length;
  // One cell is the range's caption, two words, read near enough ("REF ERENCE RANGE", "NEFEAENCE RANGE"); no cell is a
  // word result (a urinalysis row of results and its reference: "Negative   Negative").
  const rangeCaption = cs.some((c) => { const k = c.toLowerCase().replace(/[^a-z]/g, ''); return ['referencerange', 'referenceinterval', 'normalrange', 'standardrange'].some((w) => editDistance(k, w, 3) <= 3); });
  return hits >= 3 && hits >= cs.length - 1 && rangeCaption && !cs.some((c) => QUAL.test(c));
}

/** The next line of the same page that prints something. */
function nextOnPage(lines: Line[], li: number): string | undefined {
  for (let k = li + 1; k < lines.length && lines[k]!.page === lines[li]!.page; k++) if (lines[k]!.text.trim()) return lines[k]!.text;
  return undefined;
}

/**
 * A row of part captions OCR garbled past reading, between a test's name alone on its line and the line of its value
 * (a consumer print's `Your Value   Standard Range` read "10 Va   Star tat Rane", "TLE Va   Star tard Ragnege"): the
 * name (`waiting`) is a test's as printed; the line is two or three cells (three spaces or more apart) of at most
 * four short tokens each, no cell naming a test, printing no decimal, range, comparator or unit the unit table
 * knows, a digit only in a short run opening the first cell (a garbled `Your`); the next line opens with a number.
 * Session 21 (n-2404 through OCR).
 */
function garbledCaptionRow(text: string, waiting: string[], next: string | undefined, urine: boolean): boolean {
  if (!next || !/^\s*[<>]?=?\d/.test(next)) return false;
  if (!lookupExact(cleanNameTokens(waiting).join(' '), urine)) return false;
  // Specks standing alone ("." far right) are no cells.
  const cs = text.trim().split(/\s{3,}/).filter((c) => c && !/^[.,:;'‘’"`|-]+$/.test(c));
  if (cs.length < 2 || cs.length > 3) return false;
  return cs.every((c, k) => {
    const words = c.split(/\s+/);
    if (words.length > 4 || lookupTest(c, urine) || lookupTest(c, !urine)) return false;
    return words.every((w, j) => (k === 0 && j === 0 && /^\d{1,3}[a-z]?$/.test(w)) || (/^[A-Za-z][A-Za-z'.,:]{0,9}$/.test(w) && !isUnitToken(w) && !RANGE.test(w)));
  });
}

/**
 * A unit printed alone on the line under a result, in the result's column (consumer reports print the value
 * large with its unit under it): moved onto the result's line right after the value, its own line then empty.
 * Only a token the unit table knows as printed, under a number starting, ending or centred within two
 * characters of it, on a line printing no unit after that number.
 */
function unitsUnderValues(lines: Line[]): Line[] {
  const out = lines.slice();
  for (let i = 0; i + 1 < out.length; i++) {
    const cur = out[i]!;
    const below = out[i + 1]!;
    if (below.page !== cur.page || below.index !== cur.index + 1) continue;
    // The unit alone, or after the rest of the test's name wrapped in its column ("Urine   mg/g").
    const m = /^(\s*)(?:([A-Za-z][A-Za-z,()-]*(?: [A-Za-z][A-Za-z,()-]*){0,2})\s{2,})?(\S+)\s*$/.exec(normaliseLine(below.text));
    if (!m || NUM.test(m[3]!) || RANGE.test(m[3]!) || isFlag(m[3]!) || QUAL.test(m[3]!)) continue;
    if (!exactUcum(m[3]!)) {
      // Through OCR (lines left-trimmed, so no column to align; the unit garbled: "103ul", "Rg", "10*3/ul" under
      // "White Blood Cell Count   6.5  *  Normal range ..."): a token alone on its line is the unit of the row above
      // when it reads as one of that row's test's units, the row's value possible in it, and the row prints no unit.
      const under = m[2] ? undefined : ocrUnitUnder(cur.text, m[3]!);
      if (under) {
        out[i] = { ...cur, text: under };
        out[i + 1] = { ...below, text: '' };
        i++;
      }
      continue;
    }
    const unit = m[3]!;
    const ue = m[0].trimEnd().length;
    const us = ue - unit.length;
    const toks = tokenize(cur.text);
    let at = toks.findIndex((t) => {
      if (!/^[<>]?=?\d+(?:\.\d+)?$/.test(t.t)) return false;
      const te = t.start + t.t.length;
      return Math.abs(t.start - us) <= 2 || Math.abs(te - ue) <= 2 || Math.abs(t.start + te - us - ue) <= 4;
    });
    // Lines printed with single spaces (OCR that keeps no columns): the row's first number after its name
    // that starts no range, the unit line holding the unit alone.
    if (at < 0 && !m[2] && !/\S\s{2,}\S/.test(cur.text)) {
      at = toks.findIndex((t, k) => k >= 1 && /^[<>]?=?\d+(?:\.\d+)?$/.test(t.t) && !/^(?:-|–|to)$|^-\d/i.test(toks[k + 1]?.t ?? '') && !/:$/.test(toks[k - 1]!.t));
    }
    if (at < 1) continue;
    const next = toks[at + 1]?.t;
    if (next && (exactUcum(next) || gluedUnit(next))) continue;
    let text = cur.text;
    const t = toks[at]!;
    let end = t.start + t.t.length;
    if (m[2]) {
      // The wrapped words start where the name does, and with them the name is a test.
      const name = toks.slice(0, at).map((x) => x.t).join(' ');
      if (Math.abs(m[1]!.length - toks[0]!.start) > 1 || !lookupTest(`${name} ${m[2]}`)) continue;
      const nameEnd = toks[at - 1]!.start + toks[at - 1]!.t.length;
      const room = text.slice(nameEnd, nameEnd + m[2].length + 3);
      text = /^\s+$/.test(room) && room.length === m[2].length + 3 && t.start >= nameEnd + m[2].length + 3
        ? `${text.slice(0, nameEnd)} ${m[2]}${text.slice(nameEnd + m[2].length + 1)}`
        : `${text.slice(0, nameEnd)} ${m[2]}${text.slice(nameEnd)}`;
      end += text.length - cur.text.length;
    }
    const room = text.slice(end, end + unit.length + 2);
    text = /^\s+$/.test(room) && room.length === unit.length + 2 ? `${text.slice(0, end)} ${unit} ${text.slice(end + unit.length + 2)}` : `${text.slice(0, end)} ${unit}${text.slice(end)}`;
    out[i] = { ...cur, text };
    out[i + 1] = { ...below, text: '' };
    i++;
  }
  return out;
}

/**
 * The row line with a garbled unit from the line under it put after its value (see unitsUnderValues), else
 * undefined: the row is a known test's name then its first number, with no unit token after that number.
 */
function ocrUnitUnder(row: string, token: string): string | undefined {
  if (token.length < 3 || lookupExact(token, false) || flagSlip(token) || /^\d+$/.test(token)) return undefined;
  const toks = tokenize(normaliseLine(row));
  const at = toks.findIndex((t) => NUM.test(t.t));
  if (at < 1 || !/^\d+(?:\.\d+)?$/.test(toks[at]!.t)) return undefined;
  const syn = lookupTest(cleanNameTokens(toks.slice(0, at).map((t) => t.t)).join(' '), false);
  if (!syn) return undefined;
  if (toks.slice(at + 1).some((t) => exactUcum(t.t) || isUnitToken(t.t) || unitFromPrior(t.t, syn.loinc, 1))) return undefined;
  const clean = ucumFor(token);
  const code = clean && TEST_UNITS[syn.loinc]?.includes(clean) ? clean : unitFromPrior(token, syn.loinc, 3, toks[at]!.t);
  // A power of ten's digits are no dirt: "*3/ul" is no cells/uL.
  if (!code || UNPRINTED_UNITS.has(code) || (/\d/.test(token) && !/\d/.test(code))) return undefined;
  const end = toks[at]!.start + toks[at]!.t.length;
  const text = normaliseLine(row);
  return `${text.slice(0, end)} ${ucumDisplay(code)}${text.slice(end)}`;
}

/**
 * A status printed at the line's end (a consumer report: "13.3   *   Normal range 11.7 - 15.5   In range", "Below
 * range", "Above range") outranks a mark read as a flag (the range bar's marker read as a star, "@", "e") and a flag
 * computed from a range OCR garbled ("38 - 10.8"): in range is no flag, below and above are L and H. Only a line
 * holding one row. q-1211 OCR: see README (Session 16).
 */
function statusAtLineEnd(row: LabRow, line: string): void {
  const m = /(?<!\bnot)(?:^|\s)(?:(in|within)|(below|above))\s?(?:the\s)?(?:normal\s|reference\s)?range\W{0,2}$/i.exec(line.trim());
  if (!m || row.numeric === undefined) return;
  const printed = row.flagPrinted ?? '';
  if (/^(?:H|L|HH|LL|HIGH|LOW|\(H\)|\(L\))$/i.test(printed)) return;
  if (m[1]) {
    delete row.flag;
    delete row.flagPrinted;
  } else {
    row.flag = /below/i.test(m[2]!) ? 'L' : 'H';
    row.flagPrinted = m[2]!;
  }
}

/**
 * A consumer report's row, its unit printed small under the value and lost to OCR, its bar garbled: "Hematocrit   37.3
 * Normal range: 35.0 - 45.0   In range", "Eosinophils   19   Engum—   Normal range: 0.0 - 6.0   In range". The range
 * after its label is the row's; when the status at the line's end agrees with the value (inside the range for "In range",
 * above or below it for "Above range" / "Below range"), or with the value's lost point put back (a whole number, the
 * range's decimals), the value is read so, and given the one unit the test's value and range are both possible in
 * (none for a ratio's annotation unit). A status that disagrees leaves the row as read.
 */
function normalRangeWithStatus(row: LabRow, line: string): void {
  const m = /\bnormal\s+range:?\s+(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s+(?:(in|within)|(below|above))\s+range\W{0,2}$/i.exec(line.trim());
  if (!m || row.numeric === undefined || !row.loinc || row.ucum || row.unit) return;
  const [low, high] = [Number(m[1]), Number(m[2])];
  if (!(low < high)) return;
  const agrees = (n: number) => (m[3] ? n >= low && n <= high : /below/i.test(m[4]!) ? n < low : n > high);
  const k = Math.max(...[m[1]!, m[2]!].map((e) => e.split('.')[1]?.length ?? 0));
  let value = row.value;
  if (!agrees(row.numeric)) {
    // A whole number that lost its point: the range's decimals put back.
    if (!k || !/^\d{2,4}$/.test(row.value) || !agrees(row.numeric / 10 ** k)) return;
    value = (row.numeric / 10 ** k).toFixed(k);
  }
  const text = `${m[1]}-${m[2]}`;
  const u = onlyPossibleUnit(row.loinc, Number(value), text);
  if (!u || u.startsWith('{')) return;
  row.value = value;
  row.numeric = Number(value);
  row.range = { text, low, high };
  row.unit = ucumDisplay(u);
  row.ucum = u;
}

/** Status words a results table may print in a column at the rows' end ("FINAL", "PRELIM"). */
const ROW_STATUS = /^(?:FINAL|FINL|FIN|PRELIM|PRELIMINARY|PREL|CORR|CORRECTED|AMEND|AMENDED|PEND|PENDING|DONE|COMP|CANC)$/;

/**
 * A short code column at the rows' right edge (a reference lab's performing-site codes: `3.80-5.10   RST`): a capitals
 * token of two to five characters, after two spaces or more, ending three lines or more of a page at one column
 * (within a character), each a row with a number before it, that is no flag, unit, word result or status. It is a
 * column of its own, left out of the row: it had been read as the start of the next row's name (`RST Red Blood Cell
 * Count`). Session 20.
 */
function codeColumnDropped(lines: Line[]): Line[] {
  const at = lines.map((l) => {
    const m = /(?<=\S\s{2,})([A-Z][A-Z0-9]{1,4})\s*$/.exec(l.text);
    if (!m || !/^\s*[A-Za-z]/.test(l.text) || !/\d/.test(l.text.slice(0, m.index))) return undefined;
    const t = m[1]!;
    if (isFlag(t) || flagSlip(t) || QUAL.test(t) || isUnitToken(t) || ucumFor(t) || ROW_STATUS.test(t)) return undefined;
    return m.index;
  });
  const count = new Map<string, number>();
  lines.forEach((l, i) => {
    if (at[i] !== undefined) count.set(`${l.page}:${at[i]}`, (count.get(`${l.page}:${at[i]}`) ?? 0) + 1);
  });
  const column = (l: Line, x: number) => (count.get(`${l.page}:${x - 1}`) ?? 0) + (count.get(`${l.page}:${x}`) ?? 0) + (count.get(`${l.page}:${x + 1}`) ?? 0);
  return lines.map((l, i) => (at[i] !== undefined && column(l, at[i]!) >= 3 ? { ...l, text: l.text.slice(0, at[i]).trimEnd() } : l));
}

/** A wrapped result cell's lower part: a flag word or a unit, short, no number opening it. */
const WRAPPED_TAIL = /^(?:\(?(?:high|low|abnormal|abn|critical|crit|positive|pos|h|l|a|hh|ll|aa)\)?|\*+[A-Za-z]{1,4}\*+|[A-Za-z%µ][A-Za-z0-9%µ/.*^]{0,14})$/i;

type Cell = ReturnType<typeof cells>[number];

/**
 * A cell wrapped in its narrow column around its row's line: its first part alone on the line above the row, its last
 * part alone on the line below, both starting in one column (within three characters), the row's line printing nothing
 * in that column. `cellOf` reads the two parts as the cell's text (or refuses), `rowFits` judges the row's cells before
 * and after the column; the cell is put back into the row in its column and the two lines emptied.
 */
function cellWrappedAroundRow(lines: Line[], cellOf: (up: Cell, down: Cell) => string | undefined, rowFits: (before: Cell[], after: Cell[]) => boolean): Line[] {
  const out = lines.slice();
  for (let i = 1; i + 1 < out.length; i++) {
    const [a, l, b] = [out[i - 1]!, out[i]!, out[i + 1]!];
    if (a.page !== l.page || b.page !== l.page || a.index !== l.index - 1 || b.index !== l.index + 1) continue;
    const up = cells(a.text);
    const down = cells(b.text);
    if (up.length !== 1 || down.length !== 1 || Math.abs(up[0]!.start - down[0]!.start) > 3) continue;
    const [u, d] = [up[0]!, down[0]!];
    const cell = cellOf(u, d);
    if (!cell) continue;
    const from = Math.min(u.start, d.start);
    const to = Math.max(u.start + u.text.length, d.start + d.text.length);
    // The row's line: cells before the column (the name first, opening with a letter), perhaps cells after it, none within.
    const mine = cells(l.text);
    const before = mine.filter((c) => c.start + c.text.length < from - 1);
    const after = mine.filter((c) => c.start > to + 1);
    if (!before.length || before.length + after.length !== mine.length || !/^[A-Za-z]/.test(before[0]!.text) || !rowFits(before, after)) continue;
    const end = before[before.length - 1]!.start + before[before.length - 1]!.text.length;
    const at = Math.max(from, end + 2);
    const text = after.length && at + cell.length + 2 > after[0]!.start ? `${l.text.slice(0, at)}${cell}  ${l.text.slice(after[0]!.start)}` : l.text.slice(0, at).padEnd(at) + cell + l.text.slice(at + cell.length);
    out[i - 1] = { ...a, text: '' };
    out[i] = { ...l, text };
    out[i + 1] = { ...b, text: '' };
  }
  return out;
}

/**
 * A current result wrapped in its narrow cell around its row's line: the cell's first part (a number, its unit
 * perhaps) on the line above the test's name, its second (a flag word or the unit) on the line below (a table's cell
 * centred on its row: "100 mg/dL" / "Glucose   ...   100 mg/dL   10/26/2021 Negative" / "Abnormal"), a cell after
 * the column on the name's line. The row read the next column's value (the previous result's) and no flag. Session 20
 * (set-o's urinalysis under a previous-result column).
 */
function resultWrappedAroundRow(lines: Line[]): Line[] {
  return cellWrappedAroundRow(
    lines,
    (u, d) => (/^[<>]?=?\d/.test(u.text) && u.text.length <= 24 && WRAPPED_TAIL.test(d.text) ? `${u.text} ${d.text}` : undefined),
    (_before, after) => after.length > 0,
  );
}

/**
 * A word result of two words wrapped in its narrow column under its row: the first word on the row ("COLOR   DARK
 * YELLOW   ND" printed as "COLOR   DARK   YELLOW   ND" over "        YELLOW"), the second alone on the next line,
 * starting in the first word's column. Read as printed, the row took the modifier alone as its result ("DARK") or the
 * next cell as its reference. Only a modifier that opens two-word results (`QUAL_MODIFIER`: light, dark, pale, …)
 * followed by a word result (`QUAL`), so a name wrapped under its row is never read as one. The word is put back
 * beside the first (later cells moved right if need be) and its line emptied. Session 25 (a-7900: a reference lab's
 * urinalysis colour in a narrow "In Range" column; the same class as a portal's result tiles, "Light" over "Yellow").
 */
function wordResultWrappedUnder(lines: Line[]): Line[] {
  const out = lines.slice();
  for (let i = 0; i + 1 < out.length; i++) {
    const [l, b] = [out[i]!, out[i + 1]!];
    if (b.page !== l.page || b.index !== l.index + 1) continue;
    const down = cells(b.text);
    if (down.length !== 1 || !QUAL.test(down[0]!.text) || QUAL_MODIFIER.test(down[0]!.text)) continue;
    const mine = cells(l.text);
    const k = mine.findIndex((c, j) => j > 0 && Math.abs(c.start - down[0]!.start) <= 2 && QUAL_MODIFIER.test(c.text));
    if (k < 0 || !/^[A-Za-z]/.test(mine[0]!.text)) continue;
    const c = mine[k]!;
    const word = `${c.text} ${down[0]!.text}`;
    const after = mine[k + 1];
    const text = after && c.start + word.length + 2 > after.start ? `${l.text.slice(0, c.start)}${word}  ${l.text.slice(after.start)}` : l.text.slice(0, c.start) + word + l.text.slice(c.start + word.length);
    out[i] = { ...l, text };
    out[i + 1] = { ...b, text: '' };
  }
  return out;
}

/**
 * A unit wrapped in its narrow cell around its row's line: the unit's first part on the line above the row ("mL/min/1.73"),
 * its last part on the line below ("m2"), a number before the column. Read as printed, the row had no unit and the
 * result did not match its test's. Session 24 (v-7800: an eGFR row, "mL/min/1.73 m2" in a units column too narrow for it).
 */
function unitWrappedAroundRow(lines: Line[]): Line[] {
  return cellWrappedAroundRow(
    lines,
    (u, d) => (d.text.length > 6 ? undefined : ([`${u.text} ${d.text}`, `${u.text}${d.text}`].find((x) => exactUcum(x)) ?? (exactUcum(u.text) && !/\d{2}/.test(d.text) ? `${u.text} ${d.text}` : undefined))),
    (before) => NUM.test(before[before.length - 1]!.text.split(/\s+/).pop()!),
  );
}

/**
 * A yes/no column that says whether a result is out of range (`Out of` / `range? Y/N`, `Abnormal (Y/N)`,
 * `Outside range Y/N`): the columns of its caption cell, when a line prints a `Y/N` cell whose words, with
 * those stacked above it in its columns (two lines at most), name an out-of-range or abnormal indicator.
 */
function yesNoAbnormalColumn(lines: Line[], li: number): { start: number; end: number } | undefined {
  const l = lines[li]!;
  const m = /\(?\bY\s?\/\s?N\b\)?/i.exec(l.text);
  if (!m) return undefined;
  // The caption cell holding Y/N: back to two spaces or the line's start.
  const before = l.text.slice(0, m.index);
  const gap = before.search(/\S*(?:\s\S+)*\s?$/);
  const start = gap < 0 ? m.index : gap;
  const end = m.index + m[0].length;
  const above = [li - 2, li - 1].map((k) => lines[k]).filter((x): x is Line => !!x && x.page === l.page).map((x) => x.text.slice(Math.max(0, start - 2), end + 2).trim());
  const caption = [...above, l.text.slice(start, end)].join(' ');
  return /\bout\s+of\s+(?:normal\s+|reference\s+)?range\b|\boutside\b.*\brange\b|\babn(?:ormal|l)?\b/i.test(caption) ? { start, end } : undefined;
}

/**
 * A yes/no out-of-range column whose caption OCR lost (`Out of range? Y/N` read "ae YIN", "wy"): the cell right after
 * each row's range (the first token past it) is `N` on three rows or more of the document, and no H / L flag stands
 * there (OCR reads the cell's box beside its letter as `A`: `AN`). Then a `Y` (also read `y`) there flags its row as the captioned column does (the side of the
 * range, else A); a row whose cell is no `N` (a `Y` garbled or lost) is flagged by its value against its range. True when the column was found (the report flags its results). Session 21 (l-2604).
 */
function yesNoCellsUncaptioned(rows: LabRow[], lines: Line[]): boolean {
  const byLine = new Map(lines.map((l) => [`${l.page}:${l.index}`, l.text]));
  const cellAfterRange = (r: LabRow): string | undefined => {
    if (!r.range) return undefined;
    const toks = tokenize(byLine.get(`${r.page}:${r.lineIndex}`) ?? '');
    const at = toks.findIndex((t) => t.t.replace(/[()[\]]/g, '') === r.range!.text.replace(/\s+/g, '') || RANGE.test(t.t) || /^[<>]=?\d/.test(t.t));
    return at >= 0 ? toks[at + 1]?.t : undefined;
  };
  const cells = rows.map((r) => ({ r, c: cellAfterRange(r) }));
  const single = cells.filter((x) => x.c && /^[A-Za-z]{1,2}$/.test(x.c));
  // A flag column prints H / L there: no yes/no column then.
  if (single.filter((x) => x.c === 'N').length < 3 || single.some((x) => /^(?:H|L|HH|LL|HI|LO)$/.test(x.c!))) return false;
  // Any other cell (a `Y` garbled, or lost) says nothing either way: the value against its range says it, as the
  // column does (Y is out of range).
  for (const { r, c } of cells) {
    if (r.flag || c === 'N') continue;
    const f = flagFromRange(r) ?? (c && /^[Yy]$/.test(c) ? 'A' : undefined);
    if (!f) continue;
    r.flag = f;
    if (c && /^[Yy]$/.test(c)) r.flagPrinted = c;
  }
  return true;
}

/**
 * A line whose first cell is a test's name with a code OCR read as digits ("Free 74   1.04 ng/dL   0.82-1.77"), a number
 * cell after it: the code's letters back (`digitAsLetter`), so the number after the gap is the value and the code no
 * result. Session 24.
 */
function nameCodeLetters(text: string, urine: boolean): string {
  const m = /^(\s*)(\S(?:\S| (?! ))*?)(?=\s{2,}[<>]?=?\d)/.exec(text);
  const name = m ? digitAsLetter(m[2]!, urine) : undefined;
  return m && name && name.length === m[2]!.length ? `${m[1]}${name}${text.slice(m[0].length)}` : text;
}

/** All lab rows in a run of lines (one document). */
export function parseLabRows(lines: Line[]): LabRow[] {
  // A test-code column told by its rows, its heads lost to OCR (lab-code-column.ts). Session 23.
  const uncoded = codeCellsUncaptioned(lines);
  // Rows whose code cell that already blanked: under a "Code" head it is not dropped again, or the name would go
  // as the code (`UGLU   GLUCOSE   NEGATIVE`: GLUCOSE dropped, the row lost). Session 24 (j-7800).
  const codeBlanked = new Set(uncoded.filter((l, i) => l.text !== lines[i]!.text).map((l) => `${l.page}:${l.index}`));
  lines = unitsUnderValues(newestColumnOnly(unitWrappedAroundRow(resultWrappedAroundRow(wordResultWrappedUnder(codeColumnDropped(uncoded))))));
  const rows: LabRow[] = [];
  let urine = false;
  let panel: string | undefined;
  let pending: string[] | null = null;
  let rangeFirst = false;
  let leadColumns = false;
  let codeColumn = false;
  let unitsLast = false;
  let unitsFirst = false;
  let resultFirst = false;
  let wordTable = false;
  // Column headers that print a flag column ("Result  Flag  Units  Reference Interval"): the report flags its results.
  const flagColumn = lines.some((l) => { const w = l.text.trim().split(/\s+/); return w.length <= 8 && w.some((x) => /^flags?$/i.test(x)) && w.some((x) => /^results?$/i.test(x)); });
  // A report whose flag cells are the two-letter words (`HI` / `LO` after a value, in capitals): its `AB` is the
  // abnormal flag (`Occult Blood   1+   AB`). Session 20 (set-k).
  const twoLetterFlags = lines.some((l) => /(?:^|\s)[<>]?\d+(?:\.\d+)?\s+(?:\S+\s+)?(?:HI|LO)(?=\s|$)/.test(l.text));
  const leads = repeatedLeads(lines);
  // A yes/no out-of-range column over the rows below it on its page (`Y` is the flag, `N` none).
  let yesNo: { page: number; start: number; end: number } | undefined;
  let anyYesNo = false;
  for (const [li, l] of lines.entries()) {
    let text = nameCodeLetters(normaliseLine(l.text), urine);
    if (!text.trim()) continue;
    if (yesNo && yesNo.page !== l.page) yesNo = undefined;
    const yn = yesNoAbnormalColumn(lines, li);
    if (yn) {
      yesNo = { page: l.page, ...yn };
      anyYesNo = true;
    }
    // Read on the printed line too: normalising drops a caption word a head may be (`Your result`). Session 22 (set-h).
    const order = headerOrder(text) ?? headerOrder(l.text);
    if (order !== undefined) {
      rangeFirst = order === 'range-first';
      leadColumns = LEAD_COLUMNS.test(text);
      codeColumn = CODE_COLUMN.test(text);
      unitsLast = !rangeFirst && unitsColumnLast(text);
      unitsFirst = !rangeFirst && unitsColumnBeforeResult(text);
      resultFirst = resultColumnBeforeName(text);
      wordTable = true;
    } else if (unitsColumnLast(text)) unitsLast = !rangeFirst;
    if (unitsFirst && order === undefined) text = unitCellAfterValue(text);
    if (resultFirst && order === undefined) text = nameCellFirst(text);
    let drafts = parseLineDrafts(codeColumn && !codeBlanked.has(`${l.page}:${l.index}`) ? codeCellDropped(text) : text, urine, rangeFirst, twoLetterFlags, wordTable);
    const waiting = pending as string[] | null;
    // A test's name alone, a row of part captions, its values under them: the name waits over the captions.
    if (waiting && partCaptionRow(text)) continue;
    // The same caption row OCR garbled past reading ("10 Va   Star tat Rane" for `Your Value   Standard Range`): the
    // name waits over it too when the line under it opens with the value. Session 21.
    if (waiting && (garbledCaptionRow(text, waiting, nextOnPage(lines, li), urine) || partCaptionRowGarbled(text))) continue;
    // The value line under its name line: a number, or a word result with its reference ("YELLOW   YELLOW",
    // "NEGATIVE   NEGATIVE", "TRACE   ABN   NEGATIVE").
    // Lone specks OCR read before the value on its line ("‘   4.03   Miffion/ul", ".   30   Thousand/ul:") are dirt.
    // t-8797 (Session 16).
    const valueText = waiting ? text.replace(/^(?:\s*[.:;,'‘’"`]+(?=\s))+\s*(?=[<>]?=?\d)/, '') : text;
    // A word result opening the line is a value only when the line's first cell is no test's name: "Red Blood Cell
    // Count   3.80-5.10   5.13" under a name whose values OCR lost is a row of its own, not the result "Red". Session 24.
    const wordValue = QUAL.test(text.trim().split(/\s+/)[0] ?? '') && !lookupExact(text.trim().split(/\s{2,}/)[0] ?? '', urine);
    if (waiting && (/^\s*[<>]?=?\d/.test(valueText) || wordValue)) {
      const joined = parseLineDrafts(`${waiting.join(' ')} ${valueText}`, urine, rangeFirst, twoLetterFlags);
      if (joined[0]?.value !== undefined && toRow(joined[0], l.page, l.index, urine, panel)) drafts = joined;
    } else if (waiting && drafts[0]?.value !== undefined && !lookupExact(unmarkedName(drafts[0].name), urine)) {
      // A name wrapped in its cell with the values beside its last part ("Alkaline" / "Phosphatase  88  IU/L").
      const joined = parseLineDrafts(`${waiting.join(' ')} ${text}`, urine, rangeFirst, twoLetterFlags);
      if (joined[0]?.value !== undefined && lookupExact(cleanNameTokens(joined[0].name).join(' '), urine) && toRow(joined[0], l.page, l.index, urine, panel)) drafts = joined;
    }
    pending = null;
    let anyRow = false;
    drafts.forEach((d, i) => {
      d.leadColumns = leadColumns;
      d.codeColumn = codeColumn;
      d.unitsLast = unitsLast;
      d.onlyOnLine = drafts.length === 1;
      d.wordTable = wordTable;
      d.leads = leads;
      const row = toRow(d, l.page, l.index, urine, panel);
      if (row) {
        const near = (k: number) => (lines[k]?.page === l.page && Math.abs(lines[k]!.index - l.index) === 1 ? lines[k]!.text : undefined);
        wrappedWordResult(row, d, near(li - 1), near(li + 1));
        rows.push(row);
        anyRow = true;
      } else if (i === drafts.length - 1 && d.value === undefined && d.name.length && d.name.length <= 7) {
        const nm = cleanNameTokens(d.name).join(' ');
        pending = testNameBeforeDirt(d.name, urine) ?? (nm && !/:$/.test(nm) && /^[A-Za-z]/.test(nm) ? d.name : null);
      } else if (i === drafts.length - 1 && d.value === undefined && d.name.length) {
        pending = testNameBeforeDirt(d.name, urine) ?? null;
      }
    });
    const fromLine = rows.filter((r) => r.page === l.page && r.lineIndex === l.index);
    if (fromLine.length === 1 && yesNo) {
      const row = fromLine[0]!;
      const cell = tokenize(l.text).find((t) => t.start >= yesNo!.start - 3 && t.start <= yesNo!.end + 2 && /^(?:Y|N|Yes|No)$/i.test(t.t));
      if (cell && /^y/i.test(cell.t) && !row.flag) {
        row.flag = flagFromRange(row) ?? 'A';
        row.flagPrinted = cell.t;
      }
    }
    if (fromLine.length === 1) {
      normalRangeWithStatus(fromLine[0]!, l.text);
      statusAtLineEnd(fromLine[0]!, l.text);
      rangeOnLineBelow(fromLine[0]!, lineBelowRow(lines, li));
    }
    if (!anyRow && drafts.length === 1 && drafts[0]!.value === undefined) {
      const head = cleanNameTokens(drafts[0]!.name).join(' ');
      const headerWords = (head.match(/\b(?:tests?|results?|value|flags?|units?|reference|ref|range|interval|component|name|lab|in range|out of range|previous|prior)\b/gi) ?? []).length;
      // A section heading may end in a colon, a collection time in brackets before it ("Urinalysis, Routine (06/27/22 0606):");
      // a colon inside is a label's ("Collected: 06/27/22").
      const colonHead = /:$/.test(head) && !/:/.test(head.replace(/\([^)]*\)/g, '').replace(/:$/, ''));
      if (head && head.length < 60 && !lookupTest(head, urine) && (!/:/.test(head) || colonHead) && headerWords < 2) {
        // A collected date or time wrapped onto the line is no part of a panel's name ("06/20/2024 Comprehensive Metabolic").
        panel = orderName(head);
        urine = PANEL_URINE.test(head);
      }
    }
  }
  const yesNoLost = !anyYesNo && yesNoCellsUncaptioned(rows, lines);
  return unitlessAmongUnitsDropped(restoreUnflaggedResults(rows, flagColumn || anyYesNo || yesNoLost));
}

/**
 * Under headers that print the lab's test code first ("Code   Test   Flag   Result ..."), a row's first cell, one short
 * token alone before a gap of two spaces or more and a name starting with a letter ("RBC   RED BLOOD CELL COUNT   4.54"):
 * dropped before the line is read, so the code and the name's first word are not read as a name and a word result
 * ("RBC" / "RED"), and a flag cell before the value ends the name. Session 21 (set-j).
 */
function codeCellDropped(text: string): string {
  return text.replace(/^(\s*)([A-Za-z0-9][A-Za-z0-9#.\-/]{0,9})(\s{2,})(?=[A-Za-z])/, (_m, a: string, code: string, gap: string) => `${a}${' '.repeat(code.length)}${gap}`);
}

/**
 * The line under a row's line on its page, blank lines passed over, and also a line holding only numbers (the two
 * limits a consumer report prints under the ends of its range bar: "3.8      10.8"). Session 21 (set-j).
 */
function lineBelowRow(lines: Line[], li: number): string | undefined {
  const page = lines[li]!.page;
  for (let k = li + 1, numbersOnly = 0; k < lines.length && lines[k]!.page === page && k <= li + 4; k++) {
    const t = lines[k]!.text.trim();
    if (!t) continue;
    if (/^[<>]?\d+(?:\.\d+)?(?:\s+[<>]?\d+(?:\.\d+)?)+$/.test(t) && !numbersOnly++) continue;
    return lines[k]!.text;
  }
  return undefined;
}

/**
 * A slip printing each test on lines of its own (name / value, unit and flag / reference), the range on the line
 * under the value's, labelled ("  Ref: 65 - 99", "Reference range: <5.7", "Normal: >=60", "Standard range: 3.8 - 10.8
 * 10*3/uL", "Normal limits: 20-300 ng/mL   Collected: 03/14/2024"): the row's range when the row read none and that
 * line holds the label and the range, at most the row's unit after it and other cells two spaces on. An abnormal flag
 * printed without a side ("Out of range") then takes its side from that range.
 */
function rangeOnLineBelow(row: LabRow, below: string | undefined): void {
  if (row.range || !below) return;
  const label = String.raw`^\s*(?:ref(?:erence)?|normal|expected|standard)(?:\s+(?:range|interval|values?|limits))?\s*[:.]?\s*`;
  const tail = String.raw`(?:\s(\S+))?(?:\s{2,}.*)?$`;
  const m = new RegExp(`${label}(\\d+(?:\\.\\d+)?)\\s*[-–]\\s*(\\d+(?:\\.\\d+)?)${tail}|${label}(<=|>=|<|>|≤|≥)\\s*(\\d+(?:\\.\\d+)?)${tail}`, 'i').exec(below.replace(/\s+$/, ''));
  if (!m) return;
  // A word after the range must be the row's unit (or, for a row read without one, a unit).
  const after = m[3] ?? m[6];
  if (after !== undefined && !(row.unit ? after.toLowerCase() === row.unit.toLowerCase() || ucumFor(after) === row.ucum : isUnitToken(after))) return;
  if (m[1] !== undefined) {
    const [low, high] = [Number(m[1]), Number(m[2])];
    if (low < high) row.range = { text: `${m[1]}-${m[2]}`, low, high };
  } else {
    const op = m[4]!;
    row.range = { text: `${op}${m[5]}`, ...(/[<≤]/.test(op) ? { high: Number(m[5]) } : { low: Number(m[5]) }) };
  }
  if (row.range && row.flag === 'A' && row.numeric !== undefined && row.flagPrinted) row.flag = flagCode(row.flagPrinted, row.numeric, row.range.low, row.range.high);
}

/**
 * A name line over its value line, the name followed by specks a faint scan read as short words or
 * marks ("White Blood Cell Count:   :   :", "Non-HDL Cholesterol   Co", "TSH  oo  ‘  ‘  Ce"): the test's
 * name when the tokens before the dirt are exactly one (every token after it two characters or fewer),
 * its cell's colon dropped; else undefined. t-8797 (Session 16).
 */
function testNameBeforeDirt(toks: string[], urine: boolean): string[] | undefined {
  const c = cleanNameTokens(toks);
  for (let k = c.length; k >= 1; k--) {
    if (!c.slice(k).every((t) => t.length <= 2)) break;
    const name = c.slice(0, k);
    name[k - 1] = name[k - 1]!.replace(/[:.]+$/, '');
    if (/^[A-Za-z]/.test(name[0] ?? '') && lookupExact(name.join(' '), urine)) return name;
  }
  return undefined;
}

/**
 * A number read with neither unit nor range, for a test always printed with a unit, on a page whose table
 * prints units (three rows or more read with one): what is left of a row OCR garbled ("MCHC  27  wdl
 * 320360", "Fe 5" in a line of specks), never a result as printed there; it could only be a wrong one.
 * A range read back from a run of digits counts as none ("Hemoglobin  150  oa  132171": the unit lost too).
 */
function unitlessAmongUnitsDropped(rows: LabRow[]): LabRow[] {
  const withUnits = new Map<number, number>();
  for (const r of rows) if (r.ucum) withUnits.set(r.page, (withUnits.get(r.page) ?? 0) + 1);
  return rows.filter((r) => {
    // A range read back from a run of digits ("150  oa  132171") is no range as printed: the row is as bare as one without.
    const printedRange = !!r.range && r.tokens.some((t) => t.replace(/^[([]|[)\]]$/g, '') === r.range!.text);
    const fromDigits = !!r.range && !printedRange && r.tokens.some((t) => /^\d{4,6}$/.test(t));
    if (r.unit || (r.range && !fromDigits) || r.numeric === undefined || !r.loinc || (withUnits.get(r.page) ?? 0) < 3) return true;
    const units = TEST_UNITS[r.loinc] ?? [];
    const always = units.length > 0 && Object.keys(TEST_BOUNDS[r.loinc] ?? {}).every((u) => !UNPRINTED_UNITS.has(u) && !u.startsWith('{'));
    return !always;
  });
}

/**
 * A word result wrapped in a narrow result cell ("Light" on the line above the row, "Yellow" on
 * the line below, "Slightly Cloudy" / "(A)"): the row's line holds nothing in that column, so the
 * word read as its result is its reference range. When a wide empty column lies between the name
 * and that word, and the lines above and below both print words starting in it at the same place
 * that together read as a word result (modifiers then a result word, a bracketed flag last), they
 * are the result.
 */
function wrappedWordResult(row: LabRow, d: Draft, above: string | undefined, below: string | undefined): void {
  if (row.numeric !== undefined || row.range || !above || !below || !d.valueTok || !d.nameToks.length) return;
  // Single spaces between cells (OCR, text layers): the wrapped cell's words end the lines above and
  // below, a lone modifier above ("06/09/2024 Light") and a result word below ("06:04 Yellow").
  const upLast = /(\S+)\s*$/.exec(above)?.[1];
  const downLast = /(\S+)\s*$/.exec(below)?.[1];
  if (!/\S {2,}\S/.test(above + below) && upLast && downLast && QUAL_MODIFIER.test(upLast) && QUAL.test(downLast) && !QUAL_MODIFIER.test(downLast)) {
    row.range = { text: row.value };
    row.value = `${upLast} ${downLast}`;
    return;
  }
  const last = d.nameToks[d.nameToks.length - 1]!;
  const from = last.start + last.t.length + 2;
  const to = d.valueTok.start - 2;
  if (to - from < 8) return;
  const up = tokenize(above);
  const down = tokenize(below);
  const a = up.findIndex((x) => x.start >= from && x.start <= to);
  if (a < 0) return;
  const b = down.findIndex((x) => Math.abs(x.start - up[a]!.start) <= 2);
  if (b < 0) return;
  // The cell's words: consecutive (one space apart), modifiers and result words, at most a flag after them.
  const words: string[] = [];
  let flag: string | undefined;
  const take = (toks: Tok[], k: number) => {
    for (let j = k; j < toks.length; j++) {
      const x = toks[j]!;
      if (j > k && x.start !== toks[j - 1]!.start + toks[j - 1]!.t.length + 1) return;
      if (/^\((?:A|H|L|AA|ABN)\)$/i.test(x.t)) {
        flag = x.t;
        return;
      }
      if (flag !== undefined || !(QUAL.test(x.t) || QUAL_MODIFIER.test(x.t))) return;
      words.push(x.t);
      if (QUAL.test(x.t) && !QUAL_MODIFIER.test(x.t)) return;
    }
  };
  take(up, a);
  if (!words.length) return;
  // An upper line that already holds a whole result ("Slightly Cloudy") leaves only a flag below.
  const whole = QUAL.test(words[words.length - 1]!) && !QUAL_MODIFIER.test(words[words.length - 1]!);
  if (!whole || /^\(/.test(down[b]!.t)) take(down, b);
  const end = words[words.length - 1];
  if (words.length < 2 && !flag) return;
  if (!end || !QUAL.test(end) || (QUAL_MODIFIER.test(end) && words.length === 1)) return;
  row.range = { text: row.value };
  row.value = words.join(' ');
  if (flag) {
    row.flagPrinted = flag;
    row.flag = flagCode(flag, undefined);
  }
}

/** A draft's name without a flag column's arrows or stars before it (">>   WBC", "**   NITRITE"): no wrapped name's last part. Session 21. */
function unmarkedName(name: string[]): string {
  const toks = cleanNameTokens(name);
  if (toks.length >= 2 && /^(?:[<>]{1,2}|\*{2,3}|!{1,2})$/.test(toks[0]!)) toks.shift();
  return toks.join(' ');
}

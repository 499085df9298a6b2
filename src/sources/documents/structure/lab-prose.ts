/**
 * Lab results written as sentences: the results letters a practice mails or faxes to a patient
 * and patient-portal summaries ("Your Glucose was 128 mg/dL (normal range 65-99), which is higher
 * than normal."). Each sentence names a test, its value and unit, often the normal range and a
 * word for the flag; they are read into the same fields a block of labelled lines gives
 * (lab-blocks.ts), so names, units, ranges and their OCR repairs are the table rows'. Pure.
 */
import { findDates } from './dates.js';
import { namedResultRow } from './lab-blocks.js';
import type { LabRow } from './lab-row.js';
import { lookupTest } from './lab-test-names.js';
import { TEST_BOUNDS } from './lab-test-priors.js';
import { isFlag, NUM, QUAL, QUAL_MODIFIER, VALUE_FLAG } from './lab-tokens.js';
import { ucumFor, unitFromPrior, unitLike } from './lab-units.js';
import type { Line } from './lines.js';

/**
 * "Your <test> was <value> <unit> (normal range <range>)[, which is higher than normal]", or a
 * word result ("Your Color was Light Yellow (normal range Yellow)") when a normal range follows.
 * The test: up to eight words after "Your"/"The"; the verb: was / is / were / came back (at) /
 * measured (at); the range in brackets after "normal", "reference" or "normal range"; the flag
 * as "higher/lower than normal", "above/below normal", "abnormal", "high", "low".
 */
const SENTENCE =
  /\b(?:Your|The)\s+((?:[A-Za-z0-9(][A-Za-z0-9,/'’()-]*\s+){0,7}?[A-Za-z0-9(][A-Za-z0-9,/'’()-]*)\s+(?:was|were|is|came\s+back(?:\s+at)?|measured(?:\s+at)?)\s+([<>]=?\s?\d+(?:\.\d+)?|\d+(?:\.\d+)?|(?:[A-Z][a-z]+\s){0,2}[A-Z][a-z]+(?=\s*\(\s*(?:normal|reference)))(?:\s+([^\s(),;]+))?(?:\s*\(\s*(?:normal|reference|ref\.?)(?:\s+(?:range|interval|values?))?\s*(?:is\s+)?:?\s*([^)]{1,40})\))?(?:[,;]?\s*(?:which\s+is|this\s+is|that\s+is)?\s*(higher\s+than\s+normal|lower\s+than\s+normal|above\s+(?:the\s+)?normal(?:\s+range)?|below\s+(?:the\s+)?normal(?:\s+range)?|abnormal|high|low)\b)?/g;

/** A word for a flag, as the row parser reads flags. */
function flagCode(words: string | undefined): string | undefined {
  if (!words) return undefined;
  if (/^(?:higher|above|high)/i.test(words)) return 'HIGH';
  if (/^(?:lower|below|low)/i.test(words)) return 'LOW';
  return 'ABN';
}

/** Lines joined into one text (sentences run over lines and page breaks), and the line an offset of it falls on. */
function joinLines(lines: Line[]): { text: string; lineAt: (i: number) => Line } {
  let text = '';
  const starts: Array<{ at: number; line: Line }> = [];
  // A sentence runs on over a page break ("... Your" / footer / next page's fax header / "Albumin/Globulin Ratio
  // was 1.8 ..."): a page's first or last line that numbers the page ("Page 1 of 2", "pg [4/4]") is furniture, left
  // out of the text. u-8494 (GT and OCR): one result.
  const filled = lines.filter((l) => l.text.trim());
  const furniture = (k: number) =>
    /\b(?:page|pg|p)\.?\s*\[?\d+\s*(?:of|\/)\s*\d+\]?/i.test(filled[k]!.text) && (filled[k - 1]?.page !== filled[k]!.page || filled[k + 1]?.page !== filled[k]!.page);
  for (const [k, l] of filled.entries()) {
    if (furniture(k)) continue;
    starts.push({ at: text.length, line: l });
    text += `${l.text.trim()} `;
  }
  // The line holding offset i: the last line starting at or before it (binary search: a long
  // letter has many sentences).
  const lineAt = (i: number): Line => {
    let [lo, hi] = [0, starts.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]!.at <= i) lo = mid;
      else hi = mid - 1;
    }
    return starts[lo]!.line;
  };
  return { text, lineAt };
}

/** The lab results a run of lines states as sentences, each on the line its sentence starts, then those run on in lists. */
export function parseLabProse(lines: Line[]): LabRow[] {
  const out: LabRow[] = [];
  if (!lines.some((l) => l.text.trim())) return out;
  const { text, lineAt } = joinLines(lines);
  const sentences: Array<[number, number]> = [];
  SENTENCE.lastIndex = 0;
  for (let m = /\b(?:Your|The)\s/.test(text) ? SENTENCE.exec(text) : null; m; m = SENTENCE.exec(text)) {
    const [, test, value, unitRaw, range, flagWords] = m;
    // A word result ("Negative", "Light Yellow") prints no unit: the word after it is the bracket's.
    const unit = /\d/.test(value!) ? unitRaw?.replace(/[.,;]+$/, '') : undefined;
    if (!unit && !range) continue;
    const line = lineAt(m.index);
    const row = namedResultRow({ page: line.page, line: line.index, test: test!, result: /\d/.test(value!) ? value!.replace(/\s+/g, '') : value!, ...(unit ? { units: unit } : {}), ...(range ? { range: range.replace(/\s+/g, ' ').trim() } : {}), ...(flagCode(flagWords) ? { flag: flagCode(flagWords)! } : {}) });
    // Without a normal range, only a test the table knows ("Your appointment is in 3 weeks" is none).
    if (row && (range || row.loinc)) {
      out.push(row);
      sentences.push([m.index, m.index + m[0].length]);
    }
  }
  return [...out, ...runOnResults(text, lineAt, sentences)];
}

/**
 * A note's pasted results run on in a paragraph, one after another ("Glucose 184 mg/dL (65-99) [H];
 * Sodium 139 mmol/L (135-146); Color Straw (Yellow); Chol/HDLC Ratio 4.7 (0-4.9)."), wrapped over
 * lines anywhere (a range's dash at a line's end, a unit on the next line). The text joined, each
 * sentence is cut at its semicolons (and at commas after a whole result: "Cholesterol, Total" stays
 * one name) into items of name, value, unit, range in brackets and a flag after it, read through
 * the same row repairs. Narrative is no result: an item needs a range in brackets, or a test the
 * table knows with a unit in a list of two or more ("metformin 500 mg", "BP 120/80", "for 3 days" are
 * none).
 */
function runOnResults(text: string, lineAt: (i: number) => Line, skip: Array<[number, number]>): LabRow[] {
  const out: LabRow[] = [];
  // Sentences end at a point before a space (decimal points have digits after them), but for the point of a list
  // item's abbreviated first word ("…, Estim. Avg Glu (eAG) 171 mg/dL", "…, T. Chol/HDL Ratio 1.8") and a speck
  // OCR read as a point before the item's flag ("WBC 16.2 10*3/ul. (H), RBC …").
  for (const sentence of pieces(text, 0, /(?<![,:;]\s[A-Za-z]{1,6})\.(?=\s|$)(?!\s*[[({][A-Za-z]{1,4}[\])}][,;])/g)) {
    const items: Array<{ item: RunOnItem; at: number; dated?: boolean }> = [];
    for (const chunk of pieces(sentence.text, sentence.at, /;/g)) {
      if (skip.some(([a, b]) => chunk.at < b && chunk.at + chunk.text.length > a)) continue;
      // Commas part results only after a whole one: the parts are joined until they read as a result. A colon
      // after a range's or flag's bracket too: a semicolon OCR read as one ("(65-99) [H}: Sodium ...").
      let from = 0;
      const parts = pieces(chunk.text, chunk.at, /,(?=\s)|(?<=[)\]}|]):(?=\s)/g);
      for (let k = 0; k < parts.length; k++) {
        const whole = chunk.text.slice(parts[from]!.at - chunk.at, parts[k]!.at - chunk.at + parts[k]!.text.length);
        const read = headedItem(whole);
        if (!read) continue;
        items.push({ item: read.item, at: parts[from]!.at + read.offset, ...(read.dated ? { dated: true } : {}) });
        from = k + 1;
      }
    }
    for (const { item, at, dated } of items) {
      // A panel's paragraph headed by its collection date lists its results, be they one ("TSH (12/22/2022): TSH 3.30 mIU/L.").
      const inList = items.length >= 2 || !!dated;
      if (!item.range && !inList) continue;
      const line = lineAt(at);
      const row = namedResultRow({ page: line.page, line: line.index, test: item.test, result: item.result, ...(item.units ? { units: item.units } : {}), ...(item.range ? { range: item.range } : {}), ...(item.flag ? { flag: item.flag } : {}) });
      if (!row) continue;
      // Without a range only a test the table knows, with its unit; a name the table does not know only with a
      // numeric range, in a list.
      // In a list, a test measured in no unit (a ratio) with none printed ("BUN/Creatinine Ratio 30 (H)", "A/G Ratio 1.4").
      // In a list also a word result without a range, of a test the table knows ("Color Yellow, Appearance Clear,
      // Glucose Negative, Protein 1+ (abn)": a urinalysis pasted in a note).
      if (!item.range && !(row.loinc && (item.units || (inList && (unitless(row.loinc, row.numeric) || item.word))))) continue;
      if (!row.loinc && !(inList && /\d/.test(item.range ?? '') && !NARRATIVE.test(item.test))) continue;
      out.push(row);
    }
  }
  return out;
}

/** A test reported in no unit ("{ratio}", "1", a pH), its value possible in it. Session 19 (set-p class 3). */
function unitless(loinc: string, value: number | undefined): boolean {
  const bounds = TEST_BOUNDS[loinc];
  if (!bounds || value === undefined) return false;
  const units = Object.keys(bounds);
  return units.every((u) => /^(?:\{[^}]*\}|1|\[pH\])$/.test(u)) && units.some((u) => { const b = bounds[u]; return !b || (value >= b[0] && value <= b[1]); });
}

/** The stretches of a text between its separators, each with its offset. */
function pieces(text: string, base: number, sep: RegExp): Array<{ text: string; at: number }> {
  const out: Array<{ text: string; at: number }> = [];
  let from = 0;
  for (const m of text.matchAll(sep)) {
    out.push({ text: text.slice(from, m.index), at: base + from });
    from = m.index! + m[0].length;
  }
  out.push({ text: text.slice(from), at: base + from });
  return out;
}

interface RunOnItem {
  test: string;
  result: string;
  units?: string;
  range?: string;
  flag?: string;
  /** A word result ("Negative", "1+") printed without a range: a result only in a list. */
  word?: boolean;
}

/** Words of a sentence about a result, not of a test's name ("Her potassium was 3.1 mmol/L (3.5-5.3)"). */
const NARRATIVE = /\b(?:was|were|is|are|has|had|her|his|their|your|the|for|on|at|with|from|to|since|after|before|today|yesterday|this|that|patient|pt|given|started|dose)\b/i;

/**
 * One item, after a heading when it has one ("Comprehensive Metabolic Panel: Glucose 85 mg/dL (65-99)",
 * "Recent Labs (collected ...): CBC: White Blood Cell Count ..."): the text after the last colon, else the
 * whole (a labelled "Glucose: 112 mg/dL"). Its offset is where the test's name starts.
 */
function headedItem(text: string): { item: RunOnItem; offset: number; dated?: boolean } | undefined {
  const colon = [...text.matchAll(/:\s/g)].pop();
  const starts = colon ? [colon.index! + 1, 0] : [0];
  for (const start of starts) {
    // A heading that prints a date ("Lipid Panel (3/14/2024):") heads a panel's results.
    const dated = start > 0 && findDates(text.slice(0, start)).length > 0;
    const body = text.slice(start);
    const lead = /^\s*(?:and\s+)?/i.exec(body)![0].length;
    // Cells apart by a column's gap are a table's row, not prose (OCR of "HDL Cholesterol     n     249     mg/dl.").
    if (/\S\s{4,}\S/.test(body.slice(lead).trim())) continue;
    const item = runOnItem(body.slice(lead));
    if (item) return { item, offset: start + lead, ...(dated ? { dated } : {}) };
  }
  return undefined;
}

const BRACKET_LABEL = /^(?:ref(?:erence)?|normal|nl|ref\.|range)(?:\s+(?:range|interval|values?))?\s*[:.]?\s*/i;
const NUMERIC_RANGE = /^(?:(?:<=|>=|<|>|≤|≥)\s?\d+(?:\.\d+)?|\d+(?:\.\d+)?\s?-\s?\d+(?:\.\d+)?)$/;
const isWordRange = (s: string) => s.split(' ').length <= 3 && s.split(' ').every((w) => QUAL.test(w) || QUAL_MODIFIER.test(w)) && QUAL.test(s.split(' ').pop()!);
/** A flag without its brackets, also as OCR reads them ("[H]", "(L)", "[H}", "(H]", "|L]"). */
const bare = (t: string) => t.replace(/^[[({|](.*)[\])}|]$/, '$1');

/** "Name value [unit] [(range)] [flag]" with the value a number or a word result; undefined when the text is no such item. */
function runOnItem(printed: string): RunOnItem | undefined {
  // A range wrapped at its dash ("(135-" / "146)") is one range.
  let s = printed.replace(/\s+/g, ' ').trim().replace(/\(([^()]*)\)/g, (_, inner: string) => `(${inner.replace(/(\d)\s?-\s(?=\d)/g, '$1-').trim()})`);
  let flag: string | undefined;
  const takeFlag = () => {
    const m = /\s([[({|][A-Za-z]{1,8}[\])}|]|[A-Za-z*!]{1,8})$/.exec(s);
    if (m && isFlag(bare(m[1]!))) {
      flag ??= bare(m[1]!);
      s = s.slice(0, m.index);
    }
  };
  takeFlag();
  let range: string | undefined;
  const br = /\s?\(([^()]{1,40})\)$/.exec(s);
  if (br) {
    range = br[1]!.replace(BRACKET_LABEL, '').trim();
    if (!NUMERIC_RANGE.test(range) && !isWordRange(range)) return undefined;
    s = s.slice(0, br.index);
    takeFlag();
  }
  const toks = s.split(' ');
  if (toks.length < 2) return undefined;
  // The value: the first number after a name with only a unit (and a flag) after it.
  for (let i = 1; i < toks.length; i++) {
    let value = toks[i]!;
    let at = i;
    if (/^(?:<=|>=|<|>)$/.test(value) && i + 1 < toks.length) value += toks[(at = i + 1)]!;
    if (!NUM.test(value) && !VALUE_FLAG.test(value)) continue;
    const tail = toks.slice(at + 1);
    let f = flag;
    if (tail.length && isFlag(bare(tail[0]!)) && tail[0] !== 'L') f ??= bare(tail.shift()!);
    // A speck after the unit read as a point ("10*3/ul. (H)").
    const units = tail.join(' ').replace(/(?<=[A-Za-z])\.$/, '');
    const test = toks.slice(0, i).join(' ');
    if (!/^[A-Za-z]/.test(test) || toks.slice(0, i).length > 6) return undefined;
    if (units && !ucumFor(units) && !(tail.length === 1 && unitLike(units)) && !(tail.length === 1 && unitFromPrior(units, lookupTest(test)?.loinc))) continue;
    return { test, result: value, ...(units ? { units } : {}), ...(range ? { range } : {}), ...(f ? { flag: f } : {}) };
  }
  // A word result without a range: the test the table knows, then one to three words of a result ("Glucose
  // Negative", "Appearance Slightly Cloudy"); the caller takes it only in a list.
  if (!range) {
    let k = toks.length;
    while (k > 1 && toks.length - k < 3 && (QUAL.test(toks[k - 1]!) || (k < toks.length && QUAL_MODIFIER.test(toks[k - 1]!)))) k--;
    const test = toks.slice(0, k).join(' ');
    if (k === toks.length || k > 6 || !/^[A-Za-z]/.test(test) || !(lookupTest(test) || lookupTest(test, true))) return undefined;
    return { test, result: toks.slice(k).join(' '), word: true, ...(flag ? { flag } : {}) };
  }
  let j = toks.length;
  while (j > 1 && toks.length - j < 3 && (QUAL.test(toks[j - 1]!) || (j < toks.length && QUAL_MODIFIER.test(toks[j - 1]!)))) j--;
  if (j === toks.length || !QUAL.test(toks[toks.length - 1]!)) {
    // Else the longest name the table knows, one to three words after it.
    j = 0;
    for (let k = Math.min(toks.length - 1, 6); k >= 1 && !j; k--) if (toks.length - k <= 3 && (lookupTest(toks.slice(0, k).join(' ')) || lookupTest(toks.slice(0, k).join(' '), true))) j = k;
    if (!j) return undefined;
  }
  const test = toks.slice(0, j).join(' ');
  if (!/^[A-Za-z]/.test(test) || j > 6 || !(lookupTest(test) || lookupTest(test, true))) return undefined;
  return { test, result: toks.slice(j).join(' '), range, ...(flag ? { flag } : {}) };
}

/**
 * Lab results written as sentences: the results letters a practice mails or faxes to a patient
 * and patient-portal summaries ("Your Glucose was 128 mg/dL (normal range 65-99), which is higher
 * than normal."). Each sentence names a test, its value and unit, often the normal range and a
 * word for the flag; they are read into the same fields a block of labelled lines gives
 * (lab-blocks.ts), so names, units, ranges and their OCR repairs are the table rows'. Pure.
 */
import { namedResultRow } from './lab-blocks.js';
import type { LabRow } from './lab-row.js';
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

/** The lab results a run of lines states as sentences, each on the line its sentence starts. */
export function parseLabProse(lines: Line[]): LabRow[] {
  const out: LabRow[] = [];
  // Sentences run over lines: read the text joined, each line's start remembered.
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
  if (!/\b(?:Your|The)\s/.test(text)) return out;
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
  SENTENCE.lastIndex = 0;
  for (let m = SENTENCE.exec(text); m; m = SENTENCE.exec(text)) {
    const [, test, value, unitRaw, range, flagWords] = m;
    // A word result ("Negative", "Light Yellow") prints no unit: the word after it is the bracket's.
    const unit = /\d/.test(value!) ? unitRaw?.replace(/[.,;]+$/, '') : undefined;
    if (!unit && !range) continue;
    const line = lineAt(m.index);
    const row = namedResultRow({ page: line.page, line: line.index, test: test!, result: /\d/.test(value!) ? value!.replace(/\s+/g, '') : value!, ...(unit ? { units: unit } : {}), ...(range ? { range: range.replace(/\s+/g, ' ').trim() } : {}), ...(flagCode(flagWords) ? { flag: flagCode(flagWords)! } : {}) });
    // Without a normal range, only a test the table knows ("Your appointment is in 3 weeks" is none).
    if (row && (range || row.loinc)) out.push(row);
  }
  return out;
}

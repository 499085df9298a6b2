/**
 * One normalised lab line into draft rows by token shape: a name, its value, then flag, range
 * and unit in any order; two results per line, a range before the value, garbled units,
 * flags printed before the value, dot leaders OCR read as letters.
 */
import { editDistance } from './fuzzy.js';
import type { Draft, Tok } from './lab-row.js';
import { cleanNameTokens, CMP_RANGE, FLAG_BEFORE, FLAG_BEFORE_AMBIGUOUS, flagSlip, isFlag, NOISE, NUM, PREVIOUS_DATE, QUAL, QUAL_MODIFIER, RANGE, RANGE_LABEL, RANGE_SHAPED, repairNumber, STAR, tokenize, unparen, VALUE_FLAG } from './lab-tokens.js';
import { lookupExact, lookupTest, undigit } from './lab-test-names.js';
import { isUnitToken, ucumFor, UNIT_NUMERATORS, unitFromPrior, unitKey, unitLike } from './lab-units.js';
import { TEST_UNITS } from './lab-test-priors.js';
import { leaderAfterAnyNameDropped } from './lab-leader-slips.js';
import { digitReadAsLetter } from './lab-digit-letters.js';
import { DATE_CELL, leadingCellsEnd, leadingFlag, TIME_CELL, trailingCodeCell } from './lab-leading-cells.js';

/**
 * What may stand between a range and the value printed after it: the unit, also garbled
 * ("mmolL", "UL"), or lone OCR dirt (":").
 */
function unitSlot(t: string): boolean {
  if (unitLike(t) || /^[:;.,'‘’"|]+$/.test(t)) return true;
  return /^[A-Za-zµ%]{2,7}\.?$/.test(t) && !QUAL.test(t) && !QUAL_MODIFIER.test(t) && !isFlag(t) && !flagSlip(t) && !RANGE_LABEL.test(t) && !lookupExact(t, false);
}

/**
 * Does a value follow from toks[j] on (past at most one unit)? Used for ranges printed before
 * the value ("Sodium  135 - 145 mmol/L  139", hospital "Latest Ref Rng" columns).
 */
function valueFollows(toks: Tok[], j: number, qualRange: boolean, needUnit = false): boolean {
  let k = j;
  while (!qualRange && k < j + 2 && toks[k] && unitSlot(toks[k]!.t)) k++;
  if (needUnit && k === j) return false;
  const v = toks[k]?.t;
  if (!v) return false;
  // After a word range ("Negative"), the result is a word or a number ("PROTEIN  Negative  30 MG/DL  A").
  if (qualRange) return QUAL.test(v) || (QUAL_MODIFIER.test(v) && QUAL.test(toks[k + 1]?.t ?? '')) || (NUM.test(v) && !CMP_RANGE.test(v));
  return (NUM.test(v) && !CMP_RANGE.test(v)) || VALUE_FLAG.test(v);
}

/** Is the next token, or the one after a unit or a dated previous result, a range printing decimals ("0.0-2.0", "% 0.0-2.0")? */
function decimalRangeAhead(toks: Tok[], j: number): boolean {
  const at = toks[j] && isUnitToken(toks[j]!.t) ? j + 1 : j;
  const t = toks[at]?.t ?? '';
  if (DECIMAL_RANGE.test(t)) return true;
  // Past a previous result with its date and the unit ("088   092 08/13/2024   mg/dL   0.50-1.05").
  const dated = PREVIOUS_DATE.test(toks[at + 1]?.t ?? '');
  // The previous result may carry a mark OCR glued to it ("0.3°").
  if (!NUM.test(t.replace(/[°"'’”*]+$/, '')) || !dated) return false;
  // The unit cell also garbled to a mark or a short word ("%" read as "*", "mgd", "x10E3 uL").
  let after = at + 2;
  while (after < at + 4 && toks[after] && (isUnitToken(toks[after]!.t) || /^[A-Za-z%*°"'’.:;]{1,8}$/.test(toks[after]!.t) || unitLike(toks[after]!.t)) && !DECIMAL_RANGE.test(toks[after]!.t)) after++;
  return DECIMAL_RANGE.test(toks[after]?.t ?? '');
}

/**
 * A range printing decimals: with its point ("0.0-2.0"), or a zero-led run of digits that lost its
 * dash and points ("0020" is 0.0-2.0, "0212" 0.2-1.2): no range's low end is printed with a leading zero otherwise;
 * a comparator before a decimal ("<=4.00" of `< OR = 4.00`); one point and three or four decimals, a range that lost
 * its dash and a point ("0.020" of 0.0-2.0, "3.8108"), or zero-led with one point left ("021.0" of 0.2-1.0).
 */
const DECIMAL_RANGE = /^[([]?(?:\d+\.\d+-\d+(?:\.\d+)?|\d+-\d+\.\d+|0\d{3,5}|(?:<=|>=|<|>)\d+\.\d+|\d{1,2}\.\d{3,4}|0\d{1,3}\.\d{1,2})[)\]]?$/;

/**
 * Parse one (normalised) line into zero or more drafts; the last may be a name still waiting for its value.
 * `rangeFirst`: the column headers put the reference range before the result, so a word range
 * (a qualitative "Negative") followed by another word result is the range.
 * `abFlag`: the report's flags are the two-letter words (`HI` / `LO`), so a bare `AB` after the value is its
 * abnormal flag (not a blood group nor the next name's start). Session 20 (set-k).
 */
export function parseLineDrafts(text: string, urine: boolean, rangeFirst = false, abFlag = false, wordTable = false): Draft[] {
  const toks = tokenize(text);
  const drafts: Draft[] = [];
  let cur: Draft | null = null;
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i]!;
    const t = cur?.name.length && cur.value === undefined ? repairNumber(tk.t) : tk.t;
    // Once a row has its value, its name is read from its own cell (order / date cells before it dropped),
    // so its garbled unit is read against the test.
    if (cur && cur.value !== undefined && !cur.cellsRead) {
      cur.cellsRead = true;
      // A dot leader OCR read as letters is dropped now, so the unit after the value is read against the test
      // ("CHOLESTEROL, TOTAL. ovens   109 mey/dl,").
      leaderGarbleDropped(cur);
      // A specimen / source code cell between the name and the value ("SODIUM   SER   138"). Session 21.
      const code = trailingCodeCell(cur.name, cur.nameToks, urine, cur.valueTok);
      if (code) {
        cur.name = cur.name.slice(0, code.keep);
        cur.nameToks = cur.nameToks.slice(0, code.keep);
        if (code.urine) cur.urine = true;
      }
      const cells = leadingCellsEnd(cur.name, cur.nameToks, urine);
      if (cells) {
        cur.orderCell = cur.name.slice(0, cells.at).join(' ');
        cur.flag ??= leadingFlag(cur.name[cells.at - 1]);
        cur.name = cur.name.slice(cells.at);
        cur.nameToks = cur.nameToks.slice(cells.at);
        cur.urine = cells.urine;
      }
    }
    // A bare numerator split off a glued value ("19mg  7:25 mgrdl") is the unit so far, no next test's name; the
    // unit's own cell later in the row may still read as one of the test's units.
    if (cur?.value !== undefined && cur.unit === undefined && cur.valueTok && UNIT_NUMERATORS.has(unitKey(t)) && !ucumFor(t) && tk.start === cur.valueTok.start + cur.valueTok.t.length + 1) {
      cur.unit = t;
      cur.extra.push(tk);
      continue;
    }
    // A unit whose slash OCR read as a space, both halves garbled past the line's own repairs ("mg, di", "mq dl",
    // "Gg dl", "x10E3 wl"): the two tokens, one space apart, are the unit when joined by a slash they read as one of
    // the test's units (the value possible in it).
    const halves = cur?.value !== undefined && cur.unit === undefined ? splitUnitHalves(toks, i, cur, urine || !!cur.urine) : undefined;
    if (cur && halves) {
      cur.unit = halves;
      cur.extra.push(tk, toks[i + 1]!);
      i++;
      continue;
    }
    const bareNumerator = cur?.unit !== undefined && UNIT_NUMERATORS.has(unitKey(cur.unit)) && !ucumFor(cur.unit);
    if (cur?.value !== undefined && (cur.unit === undefined || bareNumerator) && garbledUnitOf(t, cur, toks[i + 1]?.t, urine || !!cur.urine)) {
      cur.unit = t;
      cur.extra.push(tk);
      continue;
    }
    const abFlagHere = abFlag && t === 'AB' && cur?.value !== undefined && cur.flag === undefined && cur.range === undefined;
    // A two-word reference after a word result ("Detected   Not Detected") starts no new row. Session 24 (set-c).
    const wordReference = cur?.value !== undefined && cur.range === undefined && !NUM.test(cur.value) && twoWordResult(toks, i);
    if (!cur || (cur.value !== undefined && !abFlagHere && !wordReference && startsName(t, cur, toks[i + 1]?.t) && !unitBeforeColumnGap(toks, i, cur))) {
      cur = { name: [], nameToks: [], extra: [] };
      drafts.push(cur);
    }
    if (cur.value === undefined) {
      const vf = VALUE_FLAG.exec(t);
      const nameSoFar = cleanNameTokens(cur.name).join(' ');
      // Only a token the test's name decides about (a number, range, unit or word result) needs the name's own cell.
      const plainWord = /^[A-Za-z(][^\d]*$/.test(t) && !QUAL.test(unparen(t)) && !isUnitToken(t) && !(cur.rangeFirst && unitSlot(t));
      const cells = nameSoFar && !plainWord ? leadingCellsEnd(cur.name, cur.nameToks, urine) : undefined;
      const known = nameSoFar ? lookupTest(nameSoFar, urine) ?? lookupTest(undigit(nameSoFar), urine) ?? (cells && lookupTest(cleanNameTokens(cur.name.slice(cells.at)).join(' '), cells.urine)) : undefined;
      // The range printed before the value ("Sodium  135 - 145 mmol/L  139 (H)"): a range shape
      // after a known test name, with a value (past at most one unit) right after it.
      // "None seen" (a urine sediment's result or reference) is one word result, though "None" alone is no result.
      // Session 24 (set-c).
      const noneSeen = /^none$/i.test(t) && /^seen$/i.test(toks[i + 1]?.t ?? '') && toks[i + 1]!.start === tk.start + t.length + 1;
      const qualRange = rangeFirst && QUAL.test(unparen(t)) && (!/^(?:abnormal|none)$/i.test(t) || noneSeen);
      // A word range names a urine test as often ("PROTEIN  Negative  30 MG/DL").
      const knownHere = known ?? (qualRange && nameSoFar ? lookupTest(nameSoFar, true) : undefined);
      // A urine sediment count is printed as a range of cells per field ("RBC, URINE   0-2   3-5   /HPF"): on a row whose
      // unit is per high / low power field, a range-shaped cell is the result; under range-first heads the first such
      // cell, with a range or a word after it, is the reference. Session 24 (set-c).
      if (cur.name.length && knownHere && RANGE.test(t) && perFieldUnitAhead(toks, i)) {
        const nx = toks[i + 1]?.t ?? '';
        if (rangeFirst && cur.range === undefined && (RANGE.test(nx) || QUAL.test(nx))) {
          cur.range = t;
          cur.rangeFirst = true;
        } else {
          cur.value = t;
          cur.valueTok = tk;
          takeFlagBefore(cur, urine);
        }
        cur.extra.push(tk);
        continue;
      }
      if (cur.name.length && knownHere && cur.range === undefined && (RANGE.test(t) || CMP_RANGE.test(t) || qualRange) && valueFollows(toks, i + (noneSeen ? 2 : 1), qualRange)) {
        cur.range = noneSeen ? `${t} ${toks[i + 1]!.t}` : t;
        cur.rangeFirst = true;
        cur.extra.push(tk);
        if (noneSeen) cur.extra.push(toks[++i]!);
        continue;
      }
      // Under range-first headers, two numbers, the first the lower, then a third: a range whose dash OCR read
      // as a space ("3.8 10.8   13.6  H", "135 146   141"); the value is the third, not the range's high end.
      // v-8292 OCR lab recall: see README (Session 16).
      const n1 = toks[i + 1]?.t ?? '';
      const n2 = toks[i + 2]?.t ?? '';
      if (rangeFirst && cur.name.length && known && !cur.rangeFirst && cur.range === undefined && /^\d+(?:\.\d+)?$/.test(t) && /^\d+(?:\.\d+)?$/.test(n1) && Number(t) < Number(n1) && toks[i + 1]!.start - (tk.start + tk.t.length) <= 3 && (NUM.test(n2) || VALUE_FLAG.test(n2)) && !CMP_RANGE.test(n2) && !RANGE.test(n2)) {
        cur.range = `${t}-${n1}`;
        cur.rangeFirst = true;
        cur.extra.push(tk, toks[i + 1]!);
        i++;
        continue;
      }
      // Under range-first headers, a number then a unit then a number, or two numbers, the first
      // is a range OCR garbled ("8610.3 mg/dL 9.0", "200750  472  %": 20.0-75.0 lost its dash and points).
      if (rangeFirst && cur.name.length && known && !cur.rangeFirst && NUM.test(t) && (valueFollows(toks, i + 1, false, true) || (NUM.test(toks[i + 1]?.t ?? '') && !CMP_RANGE.test(toks[i + 1]!.t)))) {
        cur.rangeFirst = true;
        cur.extra.push(tk);
        continue;
      }
      // A value glued to its unit garbled past the unit table's spellings ("3.4mmol/1,", "2.6(cale)", "7.0pdl"): the
      // number is the value and the rest its unit, when the rest reads as one of the test's units (the value possible
      // in it). q-1211 OCR: see README (Session 16).
      const glued = known && cur.name.length && cur.unit === undefined ? /^(\d+(?:\.\d+)?)([A-Za-z(%][^\s]{1,12})$/.exec(t) : null;
      if (glued && !VALUE_FLAG.test(t) && !flagSlip(glued[2]!) && unitFromPrior(glued[2]!, known!.loinc, 3, glued[1])) {
        cur.value = glued[1]!;
        cur.valueTok = tk;
        cur.unit = glued[2]!;
        takeFlagBefore(cur, urine);
        continue;
      }
      // A unit printed before the value, after a range or alone ("Estimated Average Glucose  mg/dL  128").
      const nextTok = toks[i + 1]?.t ?? '';
      if (cur.rangeFirst && /^[:;.,'‘’"|]+$/.test(t)) {
        cur.extra.push(tk);
        continue;
      }
      // A method in brackets between the name and its value ("LDL-Cholesterol (calc)  154 mg/dL") is
      // part of the name, though "(calc)" after a value stands for a ratio's unit; a unit in brackets is left to the unit rules.
      if (cur.name.length && /^\([A-Za-z][A-Za-z .-]{1,14}\)$/.test(t) && !ucumFor(unparen(t))) {
        cur.name.push(t);
        cur.nameToks.push(tk);
        continue;
      }
      // A word that is a unit but also ends the test's name ("Microalb/Creat Ratio", "T. Chol/HDL Ratio") stays in the name.
      const cellName = cells ? cleanNameTokens(cur.name.slice(cells.at)).join(' ') : undefined;
      const endsName = /^[A-Za-z]+$/.test(t) && (!!lookupExact(`${nameSoFar} ${t}`, urine) || (!!cellName && !!lookupExact(`${cellName} ${t}`, cells!.urine)));
      if (!endsName && cur.unit === undefined && (cur.rangeFirst ? unitSlot(t) : isUnitToken(t)) && !NUM.test(t) && (cur.rangeFirst || (known && cur.name.length && ((NUM.test(nextTok) && !CMP_RANGE.test(nextTok)) || VALUE_FLAG.test(nextTok))))) {
        cur.unit = t;
        cur.extra.push(tk);
        continue;
      }
      if (cur.name.length && DATE_CELL.test(cur.name[cur.name.length - 1]!) && TIME_CELL.test(t) && Number(t.replace(':', '')) % 100 < 60) {
        // The time of a collection date-time cell before the test ("150CT2022 1128   CL ....  104"): no value.
        cur.name.push(t);
        cur.nameToks.push(tk);
      } else if (cur.name.length && /^\d{1,3}$/.test(t) && /^[A-Za-z]{3,}$/.test(nextTok) && NUM.test(toks[i + 2]?.t ?? '') && lookupTest(`${nameSoFar} ${t} ${nextTok}`, urine)) {
        // A number inside a test's name whose comma and dash OCR lost ("Vitamin D. 25 Hydroxy  58 ng/mL"): the
        // name goes on when it and the word after it make a test, a value after them.
        cur.name.push(t);
        cur.nameToks.push(tk);
      } else if (t === '4' && cur.name.length && !/#$/.test(nameSoFar) && lookupExact(`${nameSoFar} #`, urine) && /^\d+\.\d+$/.test(nextTok)) {
        // "LYMPH 4  2.6": an absolute count's # read as a 4, a decimal value after it.
        cur.name.push('#');
        cur.nameToks.push(tk);
      } else if (!known && /^8\d{1,2}$/.test(t) && lookupExact(undigit(`${nameSoFar} ${t}`), urine)) {
        // "Vitamin 812": the B of a name read as 8, not a value.
        cur.name.push(t);
        cur.nameToks.push(tk);
      } else if (!lookupExact(nameSoFar, urine) && /^\d{1,2}$/.test(t) && /[A-Za-z]$/.test(nameSoFar) && lookupExact(`${nameSoFar}${t}`, urine) && (NUM.test(nextTok) || VALUE_FLAG.test(nextTok) || FLAG_BEFORE.test(nextTok))) {
        // "Vitamin B 12  500 pg/mL": the number ends a name that is no test without it, a value follows.
        cur.name[cur.name.length - 1] += t;
        cur.nameToks.push(tk);
      } else if (!lookupExact(nameSoFar, urine) && /^\d{1,3}$/.test(t) && /[A-Za-z]$/.test(nameSoFar) && lookupExact(`${nameSoFar} ${t}`, urine) && (QUAL.test(nextTok) || QUAL_MODIFIER.test(nextTok)) && toks[i + 1]!.start - (tk.start + t.length) >= 2) {
        // A type number ending the name of a test reported in words ("HPV Genotype 16   Not Detected", "HSV 2   Negative"):
        // the name goes on when it is a test only with the number, and a word result stands in the next cell.
        // Session 24 (set-c).
        cur.name.push(t);
        cur.nameToks.push(tk);
      } else if ((cur.rangeFirst ? /^0\d$/.test(t) : cur.name.length && decimalRangeAhead(toks, i + 1) && /^0\d{1,2}$/.test(t))) {
        // After its range, or before a range printing decimals, "08" or "094" is a value that lost
        // its point: no value is printed with a leading zero, and no footnote code sits there.
        cur.value = `0.${t.slice(1)}`;
        cur.valueTok = tk;
      } else if (known && /^a\d{1,2}(?:\.\d{1,2})?$/.test(t) && /^[(<>]?\d[\d.-]*\)?$/.test(nextTok)) {
        // A value's leading 4 read as an "a" ("POTASSIUM  a7  3553", "HEMATOCRIT  a2.6  38.0-50.0"): after a known
        // test's name, with its range cell after it, the "a" is the 4 (no name or unit is "a" and digits there).
        cur.value = `4${t.slice(1)}`;
        cur.valueTok = tk;
      } else if (known && cur.name.length && digitReadAsLetter(toks, i)) {
        // The same "a" with a unit or a flag before the range ("BUN   a2   High mg/dL   7-25"), or a 5 read as "s"
        // ("Glucose   8s   65-99"): the range or the flag bears it out (lab-digit-letters.ts). Session 25.
        cur.value = digitReadAsLetter(toks, i)!;
        cur.valueTok = tk;
        takeFlagBefore(cur, urine);
      } else if (cur.name.length && /^[-−]\d+(?:\.\d+)?$/.test(t) && tk.start - ((cur.nameToks.at(-1)?.start ?? 0) + (cur.nameToks.at(-1)?.t.length ?? 0)) >= 2 && (isUnitToken(nextTok) || RANGE.test(nextTok) || CMP_RANGE.test(nextTok))) {
        // A value below zero ("Non-HDL Cholesterol   -23   mg/dL   <130", a base excess's -2.0): the minus in the
        // value's own cell (two spaces or more after the name), a unit or a range after it; a range's dash is glued
        // to its low end, and a lone sign is a flag cell.
        cur.value = t.replace('−', '-');
        cur.valueTok = tk;
        takeFlagBefore(cur, urine);
      } else if (cur.name.length && (NUM.test(t) || CMP_RANGE.test(t)) && !RANGE.test(t) && !/^0\d+$/.test(t)) {
        cur.value = t;
        cur.valueTok = tk;
        takeFlagBefore(cur, urine);
      } else if (cur.name.length && vf) {
        cur.value = vf[1]!;
        cur.flag = vf[2]!;
        cur.valueTok = tk;
      } else if (cur.name.length && QUAL.test(t) && (known || urine || lookupExact(nameSoFar, true) || lookupTest(cleanNameTokens(cur.name.slice(0, -1)).join(' '), true) || (wordTable && wordCellThenReference(toks, i, cur))) && (!/^(?:normal|abnormal|none)$/i.test(t) || noneSeen)) {
        cur.value = t;
        cur.valueTok = tk;
        // Two-word results: "Light Yellow", "Not Detected", "Non Reactive".
        const prev = cur.name[cur.name.length - 1];
        const nx = toks[i + 1];
        if (cur.name.length >= 2 && prev && QUAL_MODIFIER.test(prev)) {
          cur.value = `${prev} ${t}`;
          cur.name.pop();
          cur.nameToks.pop();
        } else if ((QUAL_MODIFIER.test(t) || noneSeen) && nx && QUAL.test(nx.t) && !QUAL_MODIFIER.test(nx.t) && nx.start === tk.start + tk.t.length + 1) {
          // A modifier that is a result word itself ("Dark"), one space before another ("Dark Yellow   Yellow"): one result.
          cur.value = `${t} ${nx.t}`;
          cur.extra.push(nx);
          i++;
        }
        takeFlagBefore(cur, urine);
      } else {
        cur.name.push(t);
        cur.nameToks.push(tk);
      }
      continue;
    }
    // After the value: flag, range, unit, noise, in any order.
    // A flag word after the value outranks a star before it (a footnote mark more often than not).
    if (NOISE.test(t) && cur.range !== undefined) cur.pastCode = true;
    if (cur.pastCode && !NOISE.test(t)) {
      cur.extra.push(tk);
      continue;
    }
    // An arrow-like ">" or "<" right after the value, no number after it, flags it (LIS call logs: "114 >   mg/dL").
    if (cur.flag === undefined && (t === '>' || t === '<') && toks[i - 1] === cur.valueTok && !/^[<>]?=?\d/.test(toks[i + 1]?.t ?? '')) cur.flag = t;
    else if ((cur.flag === undefined || STAR.test(cur.flag)) && (cur.range === undefined || cur.rangeFirst) && (isFlag(t) || flagSlip(t) || abFlagHere) && !isUnitToken(t)) cur.flag = t;
    else if (cur.range === undefined && (RANGE.test(t) || CMP_RANGE.test(t))) cur.range = t;
    else if (cur.range === undefined && !NUM.test(cur.value) && twoWordResult(toks, i)) {
      // A word reference of two words after a word result ("Detected   Not Detected   Abnormal", "Few   None seen"):
      // the whole reference, so the flag after it is read against it. Session 24 (set-c).
      cur.range = `${t} ${toks[i + 1]!.t}`;
      cur.extra.push(tk, toks[++i]!);
      continue;
    }
    else if (cur.range === undefined && QUAL.test(unparen(t)) && !NUM.test(cur.value)) cur.range = t;
    else if (cur.range === undefined && RANGE_LABEL.test(t)) {
      // "Ref:" before the range: neither a unit nor the next test's name.
    }
    // A unit after a second column's value and range is that result's ("9.3 (7.5-12.5) tL  [)  10.3 (8.6-10.3) mg/dL").
    else if (cur.unit === undefined && isUnitToken(t) && !cur.pastOtherResult) cur.unit = t;
    else if (cur.flag === undefined && isFlag(t)) {
      cur.flag = t;
      cur.flagAfterRange = cur.range !== undefined;
    }
    else {
      if (cur.range !== undefined && !cur.rangeFirst && (RANGE.test(t) || CMP_RANGE.test(t)) && cur.extra.some((x) => NUM.test(x.t) && x.start > (cur!.valueTok?.start ?? 0))) cur.pastOtherResult = true;
      cur.extra.push(tk);
      continue;
    }
    cur.extra.push(tk);
  }
  return drafts;
}

/**
 * Under result / reference heads, a word result in a cell of its own after a name no table knows, a word reference in
 * the next cell ("H. pylori immunostain   Negative   Negative", "Chlamydia trachomatis RNA   Not Detected   Not
 * Detected"): the row prints both a result and its expected word, as a lab row does. Session 24 (set-c).
 */
function wordCellThenReference(toks: Tok[], i: number, cur: Draft): boolean {
  const mod = cur.nameToks[cur.nameToks.length - 1];
  const opens = mod && QUAL_MODIFIER.test(mod.t) && toks[i]!.start === mod.start + mod.t.length + 1 ? mod : toks[i]!;
  const before = cur.nameToks.filter((x) => x !== opens).pop();
  if (!before || opens.start - (before.start + before.t.length) < 2) return false;
  const end = toks[i]!.start + toks[i]!.t.length;
  const nx = toks[i + 1];
  if (!nx || nx.start - end < 2) return false;
  return (QUAL.test(nx.t) && !QUAL_MODIFIER.test(nx.t)) || twoWordResult(toks, i + 1);
}

/** Two words one space apart that read as one word result ("Not Detected", "Non Reactive", "None seen"). */
function twoWordResult(toks: Tok[], i: number): boolean {
  const [a, b] = [toks[i], toks[i + 1]];
  if (!a || !b || b.start !== a.start + a.t.length + 1 || !QUAL.test(b.t) || QUAL_MODIFIER.test(b.t)) return false;
  return QUAL_MODIFIER.test(a.t) || (/^none$/i.test(a.t) && /^seen$/i.test(b.t));
}

/** A per-field unit ("/HPF", "/lpf", "per HPF", "hpf") later on the line: a urine sediment count's row. */
function perFieldUnitAhead(toks: Tok[], i: number): boolean {
  return toks.slice(i + 1).some((x, k, rest) => /^\/?[hl]pf$/i.test(x.t) || (/^per$/i.test(x.t) && /^[hl]pf$/i.test(rest[k + 1]?.t ?? '')));
}

/**
 * A flag column printed before the result ("LDL Cholesterol  H  162", "Occult Blood  ABNORMAL
 * Positive"): the last name word is the flag. Words that also end test names ("Vitamin A") only
 * when the name without them is a test and with them is not.
 */
function takeFlagBefore(cur: Draft, urine: boolean): void {
  const lastTok = cur.name[cur.name.length - 1];
  if (cur.name.length < 2 || !lastTok) return;
  const ok =
    FLAG_BEFORE.test(lastTok) ||
    (FLAG_BEFORE_AMBIGUOUS.test(lastTok) && !lookupExact(cleanNameTokens(cur.name).join(' '), urine) && !!lookupExact(cleanNameTokens(cur.name.slice(0, -1)).join(' '), urine));
  if (!ok) return;
  cur.flag = lastTok;
  cur.name.pop();
  cur.nameToks.pop();
}

/**
 * Is t, after a row's value, that row's unit misread ("mgldt" after Glucose) rather than the
 * next test's name? Only for a test the table knows, a unit its test is reported in, and a
 * token that is not itself a test name (nor an upper-case abbreviation followed by a number).
 */
function garbledUnitOf(t: string, cur: Draft, next: string | undefined, urine: boolean): boolean {
  if (!/[A-Za-z%]/.test(t) || isUnitToken(t) || isFlag(t) || RANGE.test(t) || CMP_RANGE.test(t)) return false;
  if (lookupExact(t, urine)) return false;
  const syn = lookupTest(cleanNameTokens(cur.name).join(' '), urine);
  // A short word in capitals before a number opens the next test ("AST 24"), unless it is no
  // test and one edit from a unit of this row's test (U/L whose slash OCR lost: "24 UL 10.40").
  if (next && NUM.test(next) && /^[A-Z]{2,4}$/.test(t)) return !lookupTest(t, urine) && !!unitFromPrior(t, syn?.loinc, 1);
  return !!unitFromPrior(t, syn?.loinc);
}

/**
 * The unit as joined ("mg/di") when toks[i] and the token one space after it are a unit's two halves, its slash
 * read as a space (see parseLineDrafts): a short numerator (a comma or point OCR put after it dropped) and a
 * denominator of one to three letters, neither a flag nor a test's name, joined reading as one of the row's test's
 * units through the edits unitFromPrior allows, the value possible in it; else undefined.
 */
function splitUnitHalves(toks: Tok[], i: number, cur: Draft, urine: boolean): string | undefined {
  const a = toks[i]!;
  const b = toks[i + 1];
  if (!b || b.start - (a.start + a.t.length) !== 1 || !cur.value || !NUM.test(cur.value)) return undefined;
  // Reports that print units in brackets leave a bracket on either half ("mg dL)", "(mg dL", "ng mL)"): not the unit's.
  const num = a.t.replace(/^[([{]/, '').replace(/[,.;:'’]+$/, '');
  const den = b.t.replace(/[)\]}]$/, '');
  // A cell count's power with its slash read as a 7 ("10°37 ul.") is a numerator too. Session 21 (k-2803).
  if (!/^(?:[A-Za-z]{1,5}|x10E[36]|10[*°"'^]?[369]7?)$/.test(num) || !/^[A-Za-z]{1,3}[.,]?$/.test(den)) return undefined;
  if (isFlag(a.t) || isFlag(den) || flagSlip(a.t) || (/[A-Z]/.test(num) && lookupExact(num, urine)) || lookupExact(den, urine) || QUAL.test(num)) return undefined;
  const syn = lookupTest(cleanNameTokens(cur.name).join(' '), urine);
  if (!syn) return undefined;
  // A first half that is alone one of the test's units ("%") is read as it is.
  const alone = ucumFor(a.t);
  if (alone && TEST_UNITS[syn.loinc]?.includes(alone)) return undefined;
  const joined = `${num}/${den.replace(/[.,]$/, '')}`;
  return unitFromPrior(joined, syn.loinc, 3, cur.value) ? joined : undefined;
}

/** Does token t begin a new test name (after a complete row)? */
function startsName(t: string, cur: Draft, next: string | undefined): boolean {
  if (!/^(?:[A-Za-z]|\([A-Za-z])/.test(t)) return false;
  // A range whose first digit OCR read as a letter ("(B5-99)", "p.70-1.33)") is no name; nor is a
  // short word right before a range (a garbled flag, "174 MH (B5-99)"): a name is followed by its value.
  if (RANGE_SHAPED.test(t) || (t.length <= 3 && next !== undefined && RANGE_SHAPED.test(next) && !NUM.test(next))) return false;
  // Nor a short unknown word between a value and its range: the unit cell, garbled ("15.9  wdl,  13.2-17.1").
  if (cur.range === undefined && !cur.rangeFirst && t.length <= 6 && next !== undefined && RANGE_SHAPED.test(next) && !NUM.test(next) && !lookupExact(t.replace(/[.,:;]+$/, ''), false)) return false;
  // Nor before a range that lost its dash and points, a run of four to six digits ("22  oo.  1937", "46  XI0E30L  1578"):
  // a row with a value and no unit yet, the word no test's name.
  if (cur.value !== undefined && cur.unit === undefined && cur.range === undefined && !cur.rangeFirst && t.length <= 7 && next !== undefined && /^\d{4,6}$/.test(next) && !lookupTest(t.replace(/[.,:;]+$/, ''), false)) return false;
  // Units never begin a test name, unless the token is itself a test ("BUN/CREAT", "A/G"), or, no unit itself, begins
  // one with the next word after a row whose range is read: a ratio's name in the next column ("80.0-100.0   Chol/HDLC
  // Ratio   2.7"). Session 21.
  const slashedName = cur.range !== undefined && !ucumFor(t) && next !== undefined && /^[A-Za-z]/.test(next) && !!lookupExact(`${t} ${next}`, false);
  if (isUnitToken(t) && (ucumFor(t) || !lookupExact(t, false)) && !slashedName) return false;
  if ((isFlag(t) || flagSlip(t)) && (cur.flag === undefined || STAR.test(cur.flag)) && (cur.range === undefined || !next || !NUM.test(next))) return false;
  if (QUAL.test(unparen(t)) && cur.range === undefined && !NUM.test(cur.value ?? '')) return false;
  if (NOISE.test(t)) return false;
  // The row's unit printed again in the range column and garbled ("113 mmol/L  98-110 mmoVlL  High"): no new name.
  if (cur.value !== undefined && cur.unit && t.length >= 3 && !lookupExact(t, false) && editDistance(unitKey(t), unitKey(cur.unit), 2) <= 2) return false;
  // The last word of a line after a complete row, short and no test's name or abbreviation, is its garbled unit ("wl.", "un."), not a new name.
  if (!next && cur.value !== undefined && t.length <= 5 && !/^[A-Z]{2,5}$/.test(t) && !lookupExact(t, false)) return false;
  if (RANGE_LABEL.test(t) && cur.range === undefined && (!next || RANGE.test(next) || CMP_RANGE.test(next) || QUAL.test(unparen(next)) || RANGE_LABEL.test(next))) return false;
  return true;
}

/**
 * Two result columns on one line ("MCH 30.4 (27.0-33.0) py     NA 143 ..."): a short garbled
 * word right after a row's range, then a wide gap, sits in that row's unit cell; the next
 * column's test name begins after the gap. Upper-case words stay names ("K", "NA", "CL") when a
 * number follows them on the line.
 */
function unitBeforeColumnGap(toks: Tok[], i: number, cur: Draft): boolean {
  const tk = toks[i]!;
  const prev = toks[i - 1];
  const next = toks[i + 1];
  if (!prev || !next || cur.range === undefined || cur.unit !== undefined || prev.t !== cur.range) return false;
  if (tk.t.length > 4 || lookupExact(tk.t, false)) return false;
  // An upper-case word is the next column's name when a number follows it on the line.
  if (/^[A-Z]+$/.test(tk.t) && toks.slice(i + 1).some((x) => NUM.test(repairNumber(x.t)) || VALUE_FLAG.test(x.t))) return false;
  const gapBefore = tk.start - (prev.start + prev.t.length);
  const gapAfter = next.start - (tk.start + tk.t.length);
  return gapAfter >= 4 && gapAfter >= 2 * gapBefore;
}

/**
 * Dot leaders after a test's name ("CREAT ........  0.71") read by OCR at fax resolution as runs of
 * the small round letters dots become ("MCH oie", "GLU ttt ie ieee", "MOV otitis", "CREAT
 * ....c.viuunn"): lowercase words of those letters after a capitals name, or any word holding a
 * run of points. Dropped from the name's end when what is left names a test or a capitals word.
 */
const LEADER_GARBLE = /^(?:[.…,:;'`_\\(]*(?:[LIO][oietnuacvlrsw]+|[oietnuacvlrsw]{2,})[.…,:;'`]*|\S*[.…]{3,}\S*)$/;

export function leaderGarbleDropped(d: Draft): void {
  leaderSpecksDropped(d);
  let k = d.name.length;
  while (k > 1 && LEADER_GARBLE.test(d.name[k - 1]!)) k--;
  // The name's last word: capitals ("MCH", "RDW-CV"), or the % / # of a differential after them ("NEUT %").
  const end = d.name[k - 1]!;
  const capsEnd = /^[A-Z][A-Z0-9-]{0,9}$/.test(end) || (/^[%#]$/.test(end) && k >= 2 && /^[A-Z]{2,}$/.test(d.name[k - 2]!));
  if (k === d.name.length || !capsEnd) {
    // A mixed-case name's leader: dropped when its words can be no name's. Session 23.
    if (leaderAfterAnyNameDropped(d, !!d.urine)) return;
    leaderAfterPointDropped(d);
    return;
  }
  d.name = d.name.slice(0, k);
  d.nameToks = d.nameToks.slice(0, k);
}

/**
 * A faint leader whose specks OCR read as short words of round or barred letters between the name and its value
 * ("Glucose   To   oo   85", "MAGNESIUM   To   21", "HEMOGLOBIN Alc   To   80"): dropped when the name with them
 * is no test and without them names one exactly.
 */
const LEADER_SPECK = /^[TtOo]{1,2}$/;

function leaderSpecksDropped(d: Draft): void {
  let k = d.name.length;
  while (k > 1 && LEADER_SPECK.test(d.name[k - 1]!)) k--;
  if (k === d.name.length) return;
  const named = (toks: string[]) => lookupExact(cleanNameTokens(toks).join(' '), false) ?? lookupExact(cleanNameTokens(toks).join(' '), true);
  if (named(d.name) || !named(d.name.slice(0, k))) return;
  d.name = d.name.slice(0, k);
  d.nameToks = d.nameToks.slice(0, k);
}

/**
 * A leader whose first point OCR kept on the name's last word, or read as a comma ("HEMOGLOBIN. ........covniuvunnnn",
 * "MCV. settee eee e ee aaaennas", "POTASSIUM. . .....oivvnnn", "CHOLESTEROL, TOTAL. ovens"): that point says where
 * the name ends, so every word after it up to the value that is lower-case letters, points and dirt (any small
 * letters, single ones too: at fax resolution a run of dots reads as any of them) is the leader. Only after a
 * capitals word, where no lower-case word of the name can follow. q-1211 OCR lab recall 0.216 -> see README.
 */
const LEADER_AFTER_POINT = /^[.…,:;'`_\(]*[LIO]?[a-z]*[.…,:;'`)]*$/;

function leaderAfterPointDropped(d: Draft): void {
  const at = d.name.findIndex((w, i) => i < d.name.length - 1 && /^[A-Z][A-Z0-9()-]*[A-Z0-9)][.,]$/.test(w) && d.name.slice(i + 1).every((x) => LEADER_AFTER_POINT.test(x)));
  if (at < 0) return;
  d.name = [...d.name.slice(0, at), d.name[at]!.slice(0, -1)];
  d.nameToks = d.nameToks.slice(0, at + 1);
}

/**
 * A draft row to a LabRow: the test's name looked up (with its repairs), the value, unit, range
 * and flag read and checked against each other, and the number slips put right.
 */
import { markBeforeValue } from './lab-flag-marks.js';
import { bracketUnitInName } from './lab-name-unit-cell.js';
import { nameMarkLost } from './lab-name-mark.js';
import { pointReadAsSpace } from './lab-point-space.js';
import type { Draft, LabRow } from './lab-row.js';
import { cleanNameTokens, CMP_RANGE, FLAG_BEFORE_AMBIGUOUS, flagCode, isFlag, NOT_TEST, NUM, QUAL, RANGE, STAR, unparen } from './lab-tokens.js';
import { possibleIn, TEST_UNITS } from './lab-test-priors.js';
import { ambiguousMisread, lookupExact, lookupTest, nameFromRange, nameFromUnit, normName, thinGlyphs, undigit, URINE_INDEX, letterAsDigit } from './lab-test-names.js';
import { exactUcum, garbledUnitCell, garbledUnitMark, isUnitToken, onlyPossibleUnit, ucumDisplay, ucumFor, unitCandidates, unitFromPrior, unitKey, UNITS } from './lab-units.js';
import { decimalsOf, dropBarReadAsOne, dropOneBeforeGluedFlag, dropSpeckDigit, flagGarbledLead, restorePoint, restorePointByPrevious, restoreRangePoints, restoreTypicalRangePoints, restoreZeroLedLow, restoreTypicalValuePoint, restoreValuePoint, restoreValueZero, restoreZerosReadAsSixOrEight, spacedRange, splitDigitRange, toReadAsTen } from './lab-number-slips.js';
import { cellStarts, leadCell, leadingCellsEnd, leadingFlag, MARGIN_FLAG, marginDirtDropped, orderName, trailingCodeCell } from './lab-leading-cells.js';
import { leaderGarbleDropped } from './lab-line-drafts.js';
import { editDistance } from './fuzzy.js';

/** H for `+`, L for `-`, when the row's value lies outside its printed range on that side; else undefined. */
function signSide(row: LabRow, sign: '+' | '-'): 'H' | 'L' | undefined {
  const n = row.numeric;
  const r = row.range;
  if (n === undefined || !r || row.comparator) return undefined;
  let above = false;
  let below = false;
  if (r.low !== undefined && r.high !== undefined) [above, below] = [n > r.high, n < r.low];
  else {
    const one = /^(<=|<|>=|>)\s*(\d+(?:\.\d+)?)$/.exec(r.text.trim());
    if (!one) return undefined;
    const x = Number(one[2]);
    above = one[1] === '<' ? n >= x : one[1] === '<=' ? n > x : false;
    below = one[1] === '>' ? n <= x : one[1] === '>=' ? n < x : false;
  }
  return sign === '+' && above ? 'H' : sign === '-' && below ? 'L' : undefined;
}

/** The numbers a draft row prints: its value and its range's ends. */
function rowNumbers(d: Draft): number[] {
  const r = d.range ? RANGE.exec(d.range) : null;
  return [d.value, r?.[1], r?.[2]].filter((x): x is string => !!x && /^\d+(?:\.\d+)?$/.test(x)).map(Number);
}

/**
 * A value glued to its garbled unit ("139mmal") that the line read into the name, the range after it printed with "to"
 * OCR read as "10" ("11510 146") taken for the value: the glued number is the value and its letters the unit cell,
 * when that number stands in a cell of its own, the name before it is a test's, and the range splits back for that
 * test with the number agreeing with the row's flag (`toReadAsTen`). Else the draft stays as read.
 */
function gluedValueBeforeTenRange(d: Draft, urine: boolean): void {
  if (d.value === undefined || d.unit || d.range || d.name.length < 2 || d.name.length !== d.nameToks.length) return;
  const last = d.nameToks[d.nameToks.length - 1]!;
  const prev = d.nameToks[d.nameToks.length - 2]!;
  const read = /^(\d+(?:\.\d+)?)([A-Za-z][A-Za-z.,'’]{1,11})$/.exec(last.t);
  if (!read || last.start - (prev.start + prev.t.length) < 2) return;
  const syn = lookupTest(cleanNameTokens(d.name.slice(0, -1)).join(' '), urine);
  if (!syn) return;
  const cells = [d.value, ...d.extra.map((x) => x.t)];
  // A whole value's last digit 1 read as i, l or I at the join ("14immolid." is 141 mmol/L): only when the number as
  // read does not agree with the range and the number with that 1 does.
  const one = /^\d+$/.test(read[1]!) && /^[ilI][A-Za-z]/.test(read[2]!) ? [`${read[1]}1`, read[2]!.slice(1)] : undefined;
  let m: [string, string] = [read[1]!, read[2]!];
  let range = toReadAsTen(cells, Number(m[0]), d.flag, syn.loinc, undefined);
  if (!range && one) {
    range = toReadAsTen(cells, Number(one[0]), d.flag, syn.loinc, undefined);
    m = one as [string, string];
  }
  if (!range) return;
  // The unit from its letters: a unit of the test as read or garbled (`unitFromPrior`), the one unit the value and range
  // are possible in, or the one unit whose part before the slash is one edit from them at most ("mmal" beside
  // sodium: mmol/L, its slash and denominator lost), the other units' farther. None: the draft stays as read.
  const letters = unitKey(m[1]).replace(/[^a-z]+$/, '');
  const near = new Set(
    Object.entries(UNITS)
      .filter(([printed, code]) => TEST_UNITS[syn.loinc]?.includes(code) && printed.includes('/') && editDistance(letters, printed.split('/')[0]!, 1) <= 1)
      .map(([, code]) => code),
  );
  const unit = unitFromPrior(m[1], syn.loinc, 3, m[0]) ?? onlyPossibleUnit(syn.loinc, Number(m[0]), range) ?? (near.size === 1 ? [...near][0] : undefined);
  if (!unit) return;
  d.name = d.name.slice(0, -1);
  d.nameToks = d.nameToks.slice(0, -1);
  d.value = m[0];
  d.valueTok = { t: m[0], start: last.start };
  d.unit = ucumDisplay(unit);
  d.range = range;
  d.extra = [{ t: range, start: d.extra[0]?.start ?? last.start + last.t.length + 2 }];
}

export function toRow(d: Draft, page: number, lineIndex: number, urine: boolean, panel?: string): LabRow | null {
  if (d.value === undefined) return null;
  // An arrow of a flag column before the value read as a point or colon (lab-flag-marks.ts), seen before the name's
  // cells are cut. Session 23.
  const pointMark = !d.flag && markBeforeValue(d);
  gluedValueBeforeTenRange(d, urine);
  leaderGarbleDropped(d);
  // A unit in brackets inside the name's cell, garbled (lab-name-unit-cell.ts). Session 23.
  bracketUnitInName(d, urine);
  // A value's point read as a space ("9 1 mg/dL"): one number (lab-point-space.ts). Session 23.
  pointReadAsSpace(d, urine);
  // Under headers that print the lab's test number first, the row's first cell is that number, whatever OCR read it as
  // ("569432   ROW   11.8", "62 16hY   Creatinine", "Tosa   Globulin"): at most two tokens before a column's gap.
  if (d.codeColumn && d.name.length === d.nameToks.length && d.name.length >= 2 && !lookupExact(cleanNameTokens(d.name).join(' '), urine)) {
    const at = cellStarts(d.nameToks)[0];
    if (at !== undefined && at <= 2 && d.name.slice(0, at).join(' ').length <= 10 && /[A-Za-z]{2}/.test(d.name.slice(at).join(' '))) {
      d.name = d.name.slice(at);
      d.nameToks = d.nameToks.slice(at);
    }
  }
  // A specimen / source code cell between the name and the value ("GLUCOSE   BLD   75"): not part of the name. Session 21.
  const code = trailingCodeCell(d.name, d.nameToks, urine, d.valueTok);
  if (code) {
    d.name = d.name.slice(0, code.keep);
    d.nameToks = d.nameToks.slice(0, code.keep);
    urine = code.urine;
  }
  // A misread name in its own cell the table alone cannot place ("Pane   Cregtitnne   101 mg/dL"): placed by its unit.
  const unitCode = d.unit ? ucumFor(d.unit) : undefined;
  const cells = leadingCellsEnd(d.name, d.nameToks, urine) ?? (unitCode && cellStarts(d.nameToks).length ? leadingCellsEnd(d.name, d.nameToks, urine, (n) => nameFromUnit(undigit(n), unitCode, rowNumbers(d))) : undefined);
  if (cells) {
    d.orderCell = d.name.slice(0, cells.at).join(' ');
    d.flag ??= leadingFlag(d.name[cells.at - 1]);
    d.name = d.name.slice(cells.at);
    d.nameToks = d.nameToks.slice(cells.at);
    urine = cells.urine;
  } else if (d.leadColumns && d.name.length === d.nameToks.length && !lookupTest(cleanNameTokens(d.name).join(' '), urine)) {
    // Under headers that print an order / date column before the test's, a name the table does not
    // know is its last cell ("CBC (includes Diff/Plt)   Immature Granulocytes   0.3 %").
    const at = cellStarts(d.nameToks).pop();
    if (at !== undefined && leadCell(d.name.slice(0, at), urine)) {
      d.orderCell = d.name.slice(0, at).join(' ');
      d.name = d.name.slice(at);
      d.nameToks = d.nameToks.slice(at);
    }
  } else if (d.leads?.size && !lookupTest(cleanNameTokens(d.name).join(' '), urine)) {
    // The same order cell before several rows of the document, single-spaced ("Additional Chemistry Magnesium 2.1").
    for (let at = 1; at < d.name.length; at++) {
      if (d.leads.has(d.name.slice(0, at).join(' ').toLowerCase()) && lookupExact(cleanNameTokens(d.name.slice(at)).join(' '), urine)) {
        d.orderCell = d.name.slice(0, at).join(' ');
        d.name = d.name.slice(at);
        d.nameToks = d.nameToks.slice(at);
        break;
      }
    }
  }
  if (d.urine) urine = true;
  const { kept: nameToks, lead: margin } = marginDirtDropped(cleanNameTokens(d.name), urine);
  // Only the two-letter forms here: a lone letter before a name is as likely a speck read as one.
  const marginLast = margin[margin.length - 1];
  d.flag ??= leadingFlag(marginLast?.length === 2 || (marginLast && MARGIN_FLAG.test(marginLast)) ? marginLast : undefined);
  // Two capitals where a flag column stands before the name that read as no flag ("HL CHOL", "BI
  // TRIG", "HE LDL CALC" for HI): the flag, if the row's value lies outside its range (below).
  const leadMark = !d.flag && [margin[margin.length - 1], d.orderCell?.split(/\s+/).pop()].some((t) => !!t && /^[A-Z]{2}$/.test(t) && !lookupExact(t, urine));
  // Arrows or stars in a flag column before the name (dot-matrix and analyzer prints: ">>" above, "<<" below, "**"
  // abnormal): read below from the value and its range. Session 21.
  const symbolMark = d.flag ? undefined : [marginLast, nameToks[0], d.name[0]].find((t) => !!t && SYMBOL_FLAG.test(t));
  const name = nameToks.join(' ').replace(/[:.]+$/, '').trim();
  if (!/[A-Za-z]{1,}/.test(name) || name.length > 60 || nameToks.length > 7) return null;
  // "Label: value" lines are not results, unless the label is a test's name ("Glucose: 112 mg/dL").
  const labelled = /\w:$/.test(d.name[d.name.length - 1] ?? '') && !lookupExact(name, urine);
  if (NOT_TEST.test(nameToks[0]!.replace(/[:#]+$/, '')) || labelled || /\d{1,2}\/\d{1,2}\/\d{2,4}/.test(name)) return null;
  if (/^(?:page|p\.)$/i.test(nameToks[nameToks.length - 1] ?? '')) return null;
  // A value below zero ("-23", read in its own cell by lab-line-drafts.ts) is a number.
  const qualitative = !NUM.test(d.value) && !CMP_RANGE.test(d.value) && !/^-\d+(?:\.\d+)?$/.test(d.value);
  // A word result ("Negative") for a name both blood and urine tests carry ("Glucose", "Protein") is the urine test.
  // So is a result whose reference is a word ("PROTEIN  Negative  30 MG/DL": a dipstick reading).
  const inUrine = urine || ((qualitative || (!!d.range && QUAL.test(unparen(d.range)))) && !!URINE_INDEX.get(normName(name)));
  // A % printed in the unit column and read as a star ("BASO  0.6 (0.0-2.0)  *", "577  67.8 07/20/2023  *  400-750"): no
  // unit read, and the value inside its range as read or with a lost point put back, so no flag;
  // kept only for a test reported in %.
  const starRange = !d.unit && d.flag === '*' && d.range ? RANGE.exec(d.range) : null;
  const starValue = Number(d.value);
  // The range too may have lost its points ("Neutrophils  55.7  *  400-750").
  const starPercent = !!starRange && Number.isFinite(starValue) && [1, 10].some((s) => [starValue, starValue / 10].some((x) => x >= Number(starRange[1]) / s && x <= Number(starRange[2]) / s));
  if (starPercent) d.unit = '%';
  // A % in the unit column read as a 4, 5 or 9 ("EOS  2.4 (0.0-6.0)  4", "HGBA1C  5.6 <5.7   5"): a lone
  // digit right after the range, ending the row, no unit read; kept only for a test reported in %
  // whose value is possible in % (below).
  const rangeAt = d.range ? d.extra.findIndex((x) => x.t === d.range) : -1;
  const digitPercent = !d.unit && !starPercent && rangeAt >= 0 && d.extra.length === rangeAt + 2 && /^[459]$/.test(d.extra[rangeAt + 1]!.t);
  let syn =
    lookupTest(name, inUrine) ??
    lookupTest(undigit(name), inUrine) ??
    (thinGlyphs(name) !== name ? lookupExact(thinGlyphs(name), inUrine) : undefined) ??
    letterAsDigit(name, inUrine) ??
    nameFromUnit(undigit(name), d.unit ? ucumFor(d.unit) : undefined, rowNumbers(d)) ??
    nameFromRange(undigit(name), d.range, Number(d.value), d.unit ? ucumFor(d.unit) : undefined) ??
    // A name whose trailing % or # OCR lost ("NEUT   58.0   \   (40.0-75.0)"): told by the unit or range (lab-name-mark.ts). Session 25.
    nameMarkLost(name, d.range, Number(d.value), d.unit ? ucumFor(d.unit) : undefined, inUrine);
  if (starPercent && syn && !TEST_UNITS[syn.loinc]?.includes('%')) {
    delete d.unit;
    if (!lookupTest(name, inUrine) && !lookupTest(undigit(name), inUrine)) syn = undefined;
  } else if (starPercent) delete d.flag;
  // The same star beside a range OCR read as a run of digits, its dash and points lost ("Monocytes  56  *  20120"): the
  // run split as the test's typical interval, the value inside it as read or with its point put back, and the test
  // reported in % only.
  if (!d.unit && !d.range && d.flag === '*' && syn && TEST_UNITS[syn.loinc]?.length === 1 && TEST_UNITS[syn.loinc]![0] === '%' && Number.isFinite(starValue)) {
    const run = [...d.extra].reverse().find((x) => /^\d{4,6}$/.test(x.t))?.t;
    const split = run ? RANGE.exec(splitDigitRange(run, syn.loinc, '%') ?? '') : null;
    if (split && [starValue, starValue / 10].some((x) => x >= Number(split[1]) && x <= Number(split[2]))) {
      d.unit = '%';
      delete d.flag;
    }
  }
  if (digitPercent && syn && TEST_UNITS[syn.loinc]?.includes('%') && Number.isFinite(Number(d.value)) && possibleIn(syn.loinc, '%', [Number(d.value)])) {
    d.unit = '%';
    d.extra.pop();
  }
  // The range read where the value stands, the value itself lost to OCR ("Globulin   Loar   1937   g/dL" is 1.9-3.7;
  // "Albumin/Globulin Ratio   CU   1.025" is 1.0-2.5): no range on the row, and the value a run of digits no value of the
  // test can be in any of its units, or printing three decimals or more, that splits as the test's typical interval.
  // Not a result. Session 22 (n-2405, OCR).
  if (syn && !d.range && !d.extra.some((x) => RANGE.test(unparen(x.t)))) {
    const units = TEST_UNITS[syn.loinc] ?? [];
    const run = /^\d{4,6}$/.test(d.value) && units.length > 0 && !units.some((u) => possibleIn(syn!.loinc, u, [Number(d.value)]));
    const decimals = /^\d+\.\d{3,}$/.test(d.value) && d.value.length >= 5;
    if ((run || decimals) && units.some((u) => splitDigitRange(d.value!, syn!.loinc, u))) return null;
  }
  // A name not in the table must look like a table row: a range, a unit, no sentence words.
  // Nor hold what only a row's other cells print (a range, a decimal, a unit: "PLT ILL (140-400) K/ul CO", a
  // garbled row run into the next); nor be a short name a letter from two or more tests reported in the row's
  // unit ("AGT" U/L: AST, ALT, GGT), a misread known test whose name cannot be told.
  if (!syn && (nameToks.some((t) => RANGE.test(t.replace(/^\(|\)$/g, '')) || /\d\.\d/.test(t) || (/\//.test(t) && !!ucumFor(t))) || ambiguousMisread(name, d.unit ? ucumFor(d.unit) : undefined))) return null;
  // A word result under result / reference heads with its word reference on the row (lab-line-drafts.ts
  // wordCellThenReference): a row though no table knows the test, and printing no unit. Session 24 (set-c).
  // Not a flag cell read as a name ("ABN   1+   Negative" after a row's code and name).
  const wordRow = !syn && qualitative && !!d.wordTable && !!d.range && QUAL.test(unparen(d.range.split(/\s+/).pop() ?? '')) && !isFlag(name) && !FLAG_BEFORE_AMBIGUOUS.test(name) && /[A-Za-z]{3,}/.test(name);
  if (!syn && (!d.range || (!d.unit && !wordRow) || nameToks.length > 5 || /\b(?:a|an|the|with|for|is|are|was|to|and|or|if|than|value|patients?)\b/.test(name))) return null;
  if (!syn && qualitative && !wordRow) return null;
  // A dose unit in lower case is a unit, not the test it abbreviates ("metformin 1000 mg 1 tab": not magnesium 1).
  if (nameToks.length === 1 && (/^(?:mg|mcg|ug|ml|meq|units?|tabs?|caps?)$/.test(name) || (/^[a-z]+$/.test(name) && exactUcum(name)))) return null;
  // One letter that names no test is what is left of a garbled name ("T°" for TP), not a test.
  if (!syn && name.replace(/[^A-Za-z]/g, '').length < 2) return null;
  // A value's point read as a space ("Hemoglobin   14 8   [g/t]   117-155"): a lone digit one space after a whole value,
  // a column's gap after it, is its decimal when the value so read lies inside the row's range as printed or with the
  // range's lost points put back, no flag printed.
  const tail = d.extra[0];
  if (syn && tail && d.valueTok && !d.flag && /^\d{1,3}$/.test(d.value) && /^\d$/.test(tail.t) && tail.start === d.valueTok.start + d.valueTok.t.length + 1 && (!d.extra[1] || d.extra[1].start - (tail.start + 1) >= 2)) {
    const joined = Number(`${d.value}.${tail.t}`);
    const r = d.range ? RANGE.exec(d.range.replace(/^[([]|[)\]]$/g, '')) : null;
    if (r && [1, 10, 100].some((k) => joined >= Number(r[1]) / k && joined <= Number(r[2]) / k) && possibleIn(syn.loinc, d.unit ? ucumFor(d.unit) ?? '' : '', [joined])) {
      d.value = `${d.value}.${tail.t}`;
      d.extra = d.extra.slice(1);
    }
  }
  const row: LabRow = { name, value: d.value, page, lineIndex, tokens: [...d.name, ...(d.valueTok ? [d.valueTok.t] : []), ...d.extra.map((x) => x.t)] };
  if (syn) {
    row.loinc = syn.loinc;
    row.loincDisplay = syn.display;
  }
  if (!qualitative) {
    const m = /^(<=|>=|<|>)?=?(.*)$/.exec(d.value)!;
    const n = Number(m[2]!.replace(/,/g, ''));
    if (Number.isFinite(n)) row.numeric = n;
    if (m[1]) row.comparator = m[1] as LabRow['comparator'];
  }
  // A unit OCR garbled: read back through the units the test is reported in.
  const asRead = row.numeric === undefined ? undefined : String(row.numeric);
  let priorUnit = syn && (!d.unit || !ucumFor(d.unit)) ? unitCandidates(d).map((t) => unitFromPrior(t, syn.loinc, 3, asRead)).find(Boolean) : undefined;
  // A clean unit the test is not reported in, one edit from one it is ("mU/L" for TSH in mIU/L): a letter lost.
  if (!priorUnit && syn && d.unit && ucumFor(d.unit) && TEST_UNITS[syn.loinc]?.length && !TEST_UNITS[syn.loinc]!.includes(ucumFor(d.unit)!)) {
    priorUnit = unitFromPrior(d.unit, syn.loinc, 1);
    // Or two, in a slashed unit of three letters or more whose denominator is the test's own ("mg/l." beside
    // potassium is mEq/L: g read for eq), the value possible in it.
    const den = unitKey(d.unit).replace(/[.,;:]+$/, '').split('/')[1];
    if (!priorUnit && den && unitKey(d.unit).replace(/[^a-z]/g, '').length >= 3 && /^[a-z]{1,5}\/[a-z]{1,2}[.,;:]*$/.test(unitKey(d.unit))) {
      const u = unitFromPrior(d.unit, syn.loinc, 2, asRead);
      if (u && Object.entries(UNITS).some(([printed, code]) => code === u && printed.endsWith(`/${den}`))) priorUnit = u;
    }
  }
  // A unit printed but garbled past reading ("©", "&", "wl.") : the one unit of the test the value is possible in.
  // Not yet beside a range still to be read from a run of digits ("22  oo.  1937"): the value may have lost its point
  // with it (2.2 g/dL, not 22 g/L); judged again below once both are read back.
  const digitRunAhead = !d.range && d.extra.some((x) => /^\d{4,6}$/.test(x.t));
  if (!priorUnit && !digitRunAhead && syn && row.numeric !== undefined && ((!d.unit && d.extra.some((x) => garbledUnitMark(x.t, d))) || ((!d.unit || !ucumFor(d.unit)) && garbledUnitCell(d)))) priorUnit = onlyPossibleUnit(syn.loinc, row.numeric, d.range);
  // A % sign read as a lone 3, 5 or 8 in the unit's place, between the value and its range ("RDW-CV  12.4  3
  // (11.0-15.0)", "LYMPH %  38.4  5  (20.0-45.0)"): % when the test is reported in it and no other unit is printed.
  // Session 22 (m-2505, OCR): three results of a hospital print.
  if (!priorUnit && syn && !d.unit && row.numeric !== undefined && TEST_UNITS[syn.loinc]?.includes('%') && d.range) {
    const at = d.extra.findIndex((x) => x.t === d.range);
    const before = d.extra.slice(0, Math.max(at, 0));
    if (at > 0 && before.length === 1 && /^[358]$/.test(before[0]!.t)) priorUnit = '%';
  }
  if (priorUnit) {
    row.unit = ucumDisplay(priorUnit);
    row.ucum = priorUnit;
  } else {
    if (d.unit && !ucumFor(d.unit) && !/[a-z]{2,}\/|\/[a-z]/i.test(d.unit)) delete d.unit;
    if (d.unit) {
      const u = ucumFor(d.unit);
      // A unit recognised only by an edit ("ulU/mL") is shown as the unit it was read as.
      row.unit = u && !exactUcum(d.unit) ? ucumDisplay(u) : d.unit.replace(/_/g, ' ');
      if (u) row.ucum = u;
    }
  }
  // No range read, but a run of digits where it stands: a range that lost its dash and points.
  // The last number there: a status or lab cell may follow it ("10.40   Final"), or the unit ("20120 %").
  let rangeFromDigits = false;
  const digitCells = d.extra.filter((x) => /^\d[\d.]*$/.test(x.t)).map((x) => x.t);
  let lastExtra = digitCells[digitCells.length - 1];
  // A lab's code of one or two digits in the last column ("139  High  mg/dL  070133   01"): the run before it.
  if (lastExtra && /^\d{1,2}$/.test(lastExtra) && digitCells.length >= 2 && /^\d{4,6}$/.test(digitCells[digitCells.length - 2]!)) lastExtra = digitCells[digitCells.length - 2];
  if (!d.range && syn && lastExtra && (/^\d{4,6}$/.test(lastExtra) || (/^\d+\.\d+$/.test(lastExtra) && lastExtra.length >= 5 && lastExtra !== d.value))) {
    const split = splitDigitRange(lastExtra, syn.loinc, row.ucum ?? (d.unit ? ucumFor(d.unit) : undefined));
    if (split) {
      d.range = split;
      rangeFromDigits = true;
      // A mark read as a flag past that run stands past the range ("104 mmol/L 98.110   !"): judged as one there (below).
      const flagAt = d.flag ? d.extra.map((x) => x.t).lastIndexOf(d.flag) : -1;
      if (flagAt > d.extra.map((x) => x.t).lastIndexOf(lastExtra)) d.flagAfterRange = true;
    }
  }
  // The same run with fL glued, its f read as 1 and its L lost ("751251" is 7.5-12.5 fL): for a test counted in fL
  // with no unit read, when the digits before that 1 split as the test's typical interval.
  if (!d.range && syn && !row.ucum && lastExtra && /^\d{4,6}1$/.test(lastExtra) && TEST_UNITS[syn.loinc]?.length === 1 && TEST_UNITS[syn.loinc]![0] === 'fL') {
    const split = splitDigitRange(lastExtra.slice(0, -1), syn.loinc, 'fL');
    if (split) {
      d.range = split;
      row.unit = 'fL';
      row.ucum = 'fL';
    }
  }
  // Or two numbers where it stands, the dash read as a space ("135 146").
  const numbers = d.extra.filter((x) => /^\d+(?:\.\d+)?$/.test(x.t));
  if (!d.range && syn && numbers.length === 2) d.range = spacedRange(numbers[0]!.t, numbers[1]!.t, syn.loinc, row.ucum ?? (d.unit ? ucumFor(d.unit) : undefined));
  // Or a range printed with "to" that OCR read as "10" ("13510 146", "140 10 400", "4.2010-5.80"): split back when the test's
  // typical interval and the row's printed flag agree (lab-number-slips.ts).
  const tenRange = syn && (!d.range || /^\d+(?:\.\d+)?(?:10|1O|lo)-\d/.test(d.range)) ? toReadAsTen(d.range ? [d.range] : d.extra.map((x) => x.t), row.numeric, d.flag, syn.loinc, row.ucum ?? (d.unit ? ucumFor(d.unit) : undefined)) : undefined;
  if (tenRange) d.range = tenRange;
  if (d.range) {
    const text = d.range.replace(/^[([]|[)\]]$/g, '');
    const r = RANGE.exec(text);
    const c = CMP_RANGE.exec(text);
    row.range = { text };
    if (r) {
      row.range.low = Number(r[1]);
      row.range.high = Number(r[2]);
    } else if (c) {
      if (/[<≤]/.test(c[1]!)) row.range.high = Number(c[2]);
      else row.range.low = Number(c[2]);
    }
  }
  // A range with an end no value can have puts back its points and its value's first; one whose
  // ends are all possible values is judged by the test's typical interval.
  restoreZeroLedLow(row, d.flag);
  restoreRangePoints(row, d.flag);
  restoreTypicalRangePoints(row, d.flag);
  // The value beside a range read back from its run of digits lost its point with it ("EOSINOPHILS  23  %  0060" is
  // 2.3 beside 0.0-6.0): twice or more above the range, inside it (or on its flag's side) with the same decimals.
  const k = row.range ? decimalsOf(row.range.text) : 0;
  if (rangeFromDigits && k && row.range?.low !== undefined && row.range.high !== undefined) restoreValuePoint(row, d.flag, row.range.low, row.range.high, k);
  restoreTypicalValuePoint(row, d.flag, d.extra.some((x) => /\d/.test(x.t) && x.t !== d.unit));
  restoreZerosReadAsSixOrEight(row);
  restoreValueZero(row, d.flag);
  // fL glued to a value that lost its point, its f read as 1 ("951L" beside 7.5-12.5 fL is 9.5 fL):
  // only when the value as read is out of all reach of its range and the 1 is followed by the L.
  if (d.flag === 'L' && row.ucum === 'fL' && d.valueTok && /^\d{2,4}1L$/.test(d.valueTok.t) && row.numeric !== undefined && row.range?.high !== undefined && row.numeric > row.range.high * 5) {
    row.value = row.value.slice(0, -1);
    row.numeric = Number(row.value);
  }
  // Or a value that kept its point: the 1 is one decimal more than its range prints ("10.11L" beside
  // 7.5-12.5 is 10.1 fL), and the L no flag.
  const fl = d.flag === 'L' && row.ucum === 'fL' && d.valueTok ? /^(\d+\.\d+)1L$/.exec(d.valueTok.t) : null;
  if (fl && row.range?.text && fl[1]!.split('.')[1]!.length === decimalsOf(row.range.text) && decimalsOf(row.range.text) > 0) {
    row.value = fl[1]!;
    row.numeric = Number(row.value);
    delete row.flag;
  }
  dropOneBeforeGluedFlag(row, d);
  // A decimal point lost by OCR: "331" against "32.0-36.0" is 33.1 (only for a ten-fold miss).
  // The same beside an upper limit ("73" H beside "<5.7" is 7.3).
  const r = row.range;
  if (row.numeric !== undefined && r?.high !== undefined && /^\d{2,4}$/.test(row.value) && /\./.test(r.text)) {
    const tenth = row.numeric / 10;
    const hundredths = decimalsOf(r.text) >= 2 ? row.numeric / 10 ** decimalsOf(r.text) : undefined;
    if (row.numeric > r.high * 5 && tenth >= (r.low ?? r.high / 4) / 2 && tenth <= r.high * 2) {
      row.numeric = tenth;
      row.value = tenth.toFixed(1);
    } else if (row.numeric > r.high * 5 && hundredths !== undefined && hundredths >= (r.low ?? 0) / 2 && hundredths <= r.high * 2) {
      // A range printing hundredths: the point was lost before two digits ("143" H beside 0.50-1.05 is 1.43).
      row.numeric = hundredths;
      row.value = hundredths.toFixed(decimalsOf(r.text));
    } else if (row.numeric > r.high * 5) {
      // The point read as a digit ("456" beside 3.5-5.3 is 4.6, "2986" beside 27.0-33.0 is 29.6): one
      // digit more than the range's decimals allow; that digit was the point.
      const k = decimalsOf(r.text);
      const v = row.value;
      if (k && v.length - k - 1 >= 1) {
        const fixed = Number(`${v.slice(0, v.length - k - 1)}.${v.slice(v.length - k)}`);
        if (fixed >= (r.low ?? 0) / 2 && fixed <= r.high * 2) {
          row.numeric = fixed;
          row.value = fixed.toFixed(k);
        }
      }
    }
  }
  // A low flag printed beside a value above its range: the value lost its point ("21L" beside
  // 3.8-10.8 is 2.1, low as printed), put back where the range prints its decimals.
  const low = row.range?.low;
  const lowFlag = d.flag && !STAR.test(d.flag) ? flagCode(d.flag, undefined) : undefined;
  if ((lowFlag === 'L' || lowFlag === 'LL') && row.numeric !== undefined && low !== undefined && row.range?.high !== undefined && row.numeric > row.range.high && /^\d{2,4}$/.test(row.value)) {
    const k = decimalsOf(row.range.text);
    const fixed = k ? row.numeric / 10 ** k : undefined;
    if (fixed !== undefined && fixed < low && fixed >= low / 10) {
      row.numeric = fixed;
      row.value = fixed.toFixed(k);
    }
  }
  restorePointByPrevious(row, d);
  dropSpeckDigit(row);
  // A point lost where the range cannot tell (garbled or absent): the test's possible values can.
  const restored = restorePoint(row.value, row.loinc, row.ucum);
  if (restored) {
    row.value = restored;
    row.numeric = Number(restored);
  }
  // A unit printed but garbled past reading, judged again once the value and range have their points back
  // ("627  =  409-750" is 62.7 % beside 40.9-75.0: as read, no unit of neutrophils fits 627 and 409-750).
  if (!row.ucum && syn && row.numeric !== undefined && row.value !== asRead && ((!d.unit && d.extra.some((x) => garbledUnitMark(x.t, d))) || ((!d.unit || !ucumFor(d.unit)) && garbledUnitCell(d)))) {
    const u = onlyPossibleUnit(syn.loinc, row.numeric, row.range?.text);
    if (u) {
      row.unit = ucumDisplay(u);
      row.ucum = u;
    }
  }
  // No unit read at all, the line holding only the row, its value and its two-ended range read clean ("HCT  40.9  (35.0-45.0)",
  // its % lost to OCR): the one unit the test's value and range are possible in.
  if (!row.ucum && !d.unit && syn && row.numeric !== undefined && row.range?.low !== undefined && row.range.high !== undefined && d.onlyOnLine && d.extra.length === 1 && d.extra[0]!.t === d.range && !d.flag) {
    const u = onlyPossibleUnit(syn.loinc, row.numeric, row.range.text);
    // A ratio's annotation unit ("{ratio}") is seldom printed: none is made up for it.
    if (u && !u.startsWith('{')) {
      row.unit = ucumDisplay(u);
      row.ucum = u;
    }
  }
  if (d.flag) {
    row.flagPrinted = d.flag;
    dropBarReadAsOne(row, d.flag);
    const f = flagCode(d.flag, row.numeric, row.range?.low, row.range?.high);
    // A mark at the line's end, past the range, that says out of range for a value inside a
    // two-ended range is dirt ("Sodium 138 mmol/L  135 - 146 mmol/L   Lo", "!", "a").
    // A range with one end ("<130", ">39") holds a value on its open side too. Session 21 (l-2604).
    const oneEnd = row.range ? /^(<=|<|>=|>)\s*(\d+(?:\.\d+)?)$/.exec(row.range.text.trim()) : null;
    const insideOneEnd = row.numeric !== undefined && !!oneEnd && (oneEnd[1]!.startsWith('<') ? row.numeric < Number(oneEnd[2]) : row.numeric > Number(oneEnd[2]));
    const inside = (row.numeric !== undefined && row.range?.low !== undefined && row.range.high !== undefined && row.numeric >= row.range.low && row.numeric <= row.range.high) || insideOneEnd;
    // An L glued to a value of a test counted in fL, the value inside its range: the L is what was
    // left of fL, its f lost with the space ("MPV  8.7L  75-125fL").
    const fLRest = f === 'L' && d.flag === 'L' && row.ucum === 'fL' && d.valueTok !== undefined && /^\d+(?:\.\d+)?L$/.test(d.valueTok.t);
    // A lone small letter calling a value inside its range abnormal ("60.2   a   ." in the units column, a % garbled)
    // is dirt too: flag columns print capitals.
    const smallMark = /^[ahl]$/.test(d.flag);
    // In a range-first row, a mark past the unit cell (the line's last column, "29  mCa/l  ‘  CL") calling a value inside
    // its range abnormal is dirt like a mark past the range. v-8292 OCR (Session 16).
    const flagTok = d.extra.find((x) => x.t === d.flag);
    const unitTok = d.unit !== undefined ? d.extra.find((x) => x.t === d.unit) : undefined;
    const pastUnit = !!d.rangeFirst && !!flagTok && !!unitTok && flagTok.start > unitTok.start;
    // So is a critical mark there ("21  (calc)  6-22   CL", a speck and an L): a value inside its range is no
    // critical result. t-8797 (Session 16).
    if ((d.flagAfterRange || fLRest || smallMark) && inside && (f === 'H' || f === 'L' || f === 'A' || (d.flagAfterRange && (f === 'HH' || f === 'LL')))) delete row.flagPrinted;
    else if (pastUnit && inside && f) delete row.flagPrinted;
    else if (f) row.flag = f;
  }
  // A flag column printing signs (`+` above, `-` below the range, as dialysis and cumulative sheets do): a
  // sign alone in its cell between the value and the range (its minus also printed or read as a dash) is the row's flag when the value lies outside
  // the range on the side it says. A `-` there that says otherwise is an empty cell's dash, not a flag.
  const signAt = !d.flag && !row.flag && rangeAt > 0 && d.valueTok ? d.extra.findIndex((x, k) => k < rangeAt && /^[+\-–—]$/.test(x.t) && x.start > d.valueTok!.start) : -1;
  const signed = signAt >= 0 ? signSide(row, d.extra[signAt]!.t === '+' ? '+' : '-') : undefined;
  if (signed) {
    row.flagPrinted = d.extra[signAt]!.t;
    row.flag = signed;
  }
  // An arrow flag after the range OCR read as a letter, digit or sign ("13.0 10*3/uL (3.8-10.8)  +", "5.6 mmol/L (3.5-5.3) t",
  // an analyzer slip's up and down arrows): the mark alone at the row's end, the side of the range the value lies on,
  // only when the value prints the range's decimals and lies outside it (flagGarbledLead).
  const arrowMark = !d.flag && rangeAt >= 0 && d.extra.length === rangeAt + 2 && /^[tfT1+^↑↓]$/.test(d.extra[rangeAt + 1]!.t);
  // A flag cell OCR garbled to a small mark between the value (or its unit) and the range ("141   i   65-99", "28   t
  // 7-25"): one or two letters, no flag, unit or word result, the side of the range the value lies on, only when the
  // value prints the range's decimals and lies outside it (flagGarbledLead). Session 21 (k-2803).
  const cellMark = !d.flag && rangeAt > 0 && !!d.valueTok && d.extra.some((x, k) => k < rangeAt && x.start > d.valueTok!.start && x.t !== d.unit && /^[A-Za-z!|]{1,2}$/.test(x.t) && !isUnitToken(x.t) && !QUAL.test(x.t));
  if ((leadMark || arrowMark || cellMark || pointMark) && !row.flag && row.numeric !== undefined && row.range) flagGarbledLead(row);
  if (symbolMark && !row.flag) symbolFlag(row, symbolMark);
  // The order cell dropped from before the name names the row's panel ("CBC (includes Diff/Plt)").
  const order = d.orderCell ? orderName(d.orderCell) : undefined;
  if (order ?? panel) row.panel = order ?? panel;
  return row;
}

/** A flag column's arrows or stars before a test's name: `>` / `>>` above, `<` / `<<` below, `*` / `**` / `!` abnormal. */
const SYMBOL_FLAG = /^(?:>{1,2}|<{1,2}|\*{2,3}|!{1,2})$/;

/**
 * The flag a symbol before the name gives: a number outside its range is high or low by the range (a mark beside a value
 * inside it is no flag); a word result unlike its word range is abnormal; without a range the arrow's direction (a star: abnormal).
 */
function symbolFlag(row: LabRow, mark: string): void {
  const r = row.range;
  let flag: 'H' | 'L' | 'A' | undefined;
  if (row.numeric !== undefined && r && (r.low !== undefined || r.high !== undefined)) {
    if (r.high !== undefined && row.numeric > r.high) flag = 'H';
    else if (r.low !== undefined && row.numeric < r.low) flag = 'L';
  } else if (row.numeric === undefined && r && QUAL.test(unparen(r.text)) && unparen(r.text).toLowerCase() !== row.value.toLowerCase()) flag = 'A';
  else if (!r) flag = mark.startsWith('>') ? 'H' : mark.startsWith('<') ? 'L' : 'A';
  if (!flag) return;
  row.flag = flag;
  row.flagPrinted = mark;
}

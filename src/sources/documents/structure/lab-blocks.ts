/**
 * Lab results printed as BLOCKS of labelled lines, one block per test (pathology / LIS "detail"
 * printouts, patient portals):
 *
 *   Test:   Hemoglobin                 Test:   Hematocrit
 *   Result: 13.1                       Result: 39.4
 *   Units:  g/dL                       Units:  %
 *   Range:  13.2 - 17.1                Range:  38.5 - 50.0
 *   Flag:   LOW
 *
 * Labels are read by meaning, not by one template: Test / Test Name / Analyte / Component,
 * Result / Value, Units / Unit, (Reference | Ref | Normal) Range / Reference Interval, Flag /
 * Abnormal Flag / Interpretation, a collection date; one or two (or more) pairs per line, blocks
 * side by side, OCR slips in labels (a letter off, the colon read as `;` or lost). A block is
 * read as a table row by labs.ts's row parser (`parseLabRows`), so test names, units, ranges,
 * flags and their OCR repairs are the ones table rows get. Pure; never throws.
 */
import { findDates } from './dates.js';
import { editDistance } from './fuzzy.js';
import type { LabRow } from './lab-row.js';
import { atAsZero, normaliseLine } from './lab-line-normalise.js';
import { lookupTest } from './lab-test-names.js';
import { ucumFor } from './lab-units.js';
import { parseLabRows, partCaptionRow } from './labs.js';
import type { Line } from './lines.js';

/** A lab row read from a block; `effective` is the collection date the block prints, if any. */
export interface LabBlockRow extends LabRow {
  effective?: string;
  /** Every line (page, index) the block's fields stand on. */
  blockLines: number[];
}

export type Kind = 'test' | 'result' | 'units' | 'range' | 'flag' | 'date' | 'other';

/** Label spellings by meaning (lower case, single spaces, no colon). */
const LABELS: Array<[Kind, string[]]> = [
  ['test', ['test', 'test name', 'testname', 'analyte', 'component', 'test description', 'test code', 'observation', 'assay']],
  ['result', ['result', 'results', 'value', 'result value', 'your value', 'your result', 'observed value', 'measured value']],
  ['units', ['units', 'unit', 'uom', 'unit of measure']],
  [
    'range',
    ['range', 'reference range', 'ref range', 'normal range', 'reference interval', 'ref interval', 'reference', 'ref', 'ref rng', 'reference values', 'normal values', 'normal', 'standard range', 'expected range', 'expected', 'expected value'],
  ],
  ['flag', ['flag', 'flags', 'abnormal flag', 'abn flag', 'abnormal', 'interpretation', 'abnormality', 'result flag', 'h/l']],
  ['date', ['collected', 'collected on', 'date collected', 'collection date', 'collection date/time', 'collection time', 'date/time collected', 'specimen collected', 'collection']],
];
const LABEL_INDEX = new Map<string, Kind>();
for (const [kind, names] of LABELS) for (const n of names) LABEL_INDEX.set(n, kind);
/** Labels long enough to be matched one letter off (only with their colon). */
const FUZZY_LABELS = [...LABEL_INDEX.entries()].filter(([n]) => n.replace(/\s/g, '').length >= 4 && !['normal', 'expected', 'collection', 'reference', 'observation'].includes(n));

interface Tok {
  t: string;
  start: number;
  end: number;
}

interface Field {
  kind: Kind;
  /** Spaces before the label (99 at the line's start). */
  gap: number;
  /** Offset of the label in the line. */
  start: number;
  value: string;
  /** The value's tokens as printed. */
  tokens: string[];
}

/** OCR's digit-for-letter slips in a label word ("Resu1t", "Rang3"). */
const unDigit = (w: string) => w.replace(/1|\|/g, 'l').replace(/0/g, 'o').replace(/5/g, 's').replace(/3/g, 'e');

/**
 * The meaning of words that may be a label: exact (also without their colon at the start of a
 * cell), or one letter off when the colon (or what OCR reads for it) is there.
 */
function labelKind(words: string[], colon: boolean): Kind | undefined {
  const k = unDigit(words.join(' ').toLowerCase()).replace(/[^a-z/ ]/g, '');
  const exact = LABEL_INDEX.get(k);
  if (exact) return exact;
  if (!colon) return undefined;
  // Letters OCR merges or splits: "ni" read as "m" ("Umts"), "m" as "rn"; a speck glued before the
  // label read as a thin letter ("jlest:" for Test:).
  const hits = new Set<Kind>();
  for (const v of new Set([k, k.replace(/m/g, 'ni'), k.replace(/rn/g, 'm'), k.replace(/^[jli](?=[a-z]{3})/, '')])) {
    for (const [name, kind] of FUZZY_LABELS) if (Math.abs(name.length - v.length) <= 1 && editDistance(v, name, 1) <= 1) hits.add(kind);
  }
  return hits.size === 1 ? [...hits][0] : undefined;
}

const COLON = /^(.*?)[:;.]$/;

/**
 * The meaning of a cell that opens a line as a row label ("Ref Range", "Result:"): exact, or one
 * letter off when it has its colon or `slips` allows it (lab-grid.ts: under a grid's test row).
 */
export function gridLabel(cell: string, slips = false): Kind | undefined {
  const m = COLON.exec(cell.trim());
  const words = (m ? m[1]! : cell).trim().split(/\s+/);
  return words.length <= 4 ? labelKind(words, slips || !!m) : undefined;
}

/** The label:value fields of one line, in order; text before the first label is dropped. */
export function lineFields(text: string): Field[] {
  // A value glued to its label's colon ("Result:7.4") is its own token.
  const s = text.replace(/([A-Za-z)])([:;])(?=[^\s:;/])/g, '$1$2 ');
  const toks: Tok[] = [];
  for (const m of s.matchAll(/\S+/g)) toks.push({ t: m[0], start: m.index!, end: m.index! + m[0].length });
  const labels: Array<{ kind: Kind; i: number; n: number; start: number; gap: number }> = [];
  for (let i = 0; i < toks.length; i++) {
    const gapBefore = i === 0 ? 99 : toks[i]!.start - toks[i - 1]!.end;
    const cellStart = i === 0 || gapBefore >= 2;
    for (let n = Math.min(4, toks.length - i); n >= 1; n--) {
      const ws = toks.slice(i, i + n).map((x) => x.t);
      // A lone colon after the label words ("Result :").
      const loneColon = ws.length > 1 && /^[:;]$/.test(ws[ws.length - 1]!);
      const words = loneColon ? ws.slice(0, -1) : ws;
      const last = words[words.length - 1]!;
      const cm = COLON.exec(last);
      const colon = loneColon || !!cm;
      if (cm) words[words.length - 1] = cm[1]!;
      if (words.some((w, j) => !w || (j < words.length - 1 && /[:;]/.test(w)))) continue;
      if (words.some((w) => !/^[A-Za-z0-9|/]+$/.test(w) || !/[A-Za-z]/.test(w))) continue;
      // Without its colon, a label opens a cell, or repeats the line's first label (the next block's, single-spaced by OCR).
      let kind = colon || cellStart || labels.length ? labelKind(words, colon) : undefined;
      if (kind && !colon && !cellStart && kind !== labels[0]?.kind) kind = undefined;
      // A label without its colon must be followed by something,
      // nor stand right after another label, as its value ("Flag:   ABNORMAL").
      const prev = labels[labels.length - 1];
      if (kind && !colon && (i + n >= toks.length || (prev && prev.i + prev.n === i))) kind = undefined;
      // Any other "Word:" opening a cell ends the value before it ("Specimen: Serum", "Comment:").
      // (Not when its last words are a known label: "Hemoglobin   Test:" is a value and the next block's label.)
      if (!kind && colon && cellStart && n <= 3 && /^[A-Z]/.test(words[0]!) && !words.some((_, k) => k > 0 && labelKind(words.slice(k), true))) kind = 'other';
      if (kind) {
        labels.push({ kind, i, n, start: toks[i]!.start, gap: gapBefore });
        i += n - 1;
        break;
      }
    }
  }
  return labels.map((l, j) => {
    const next = labels[j + 1];
    const valueToks = toks.slice(l.i + l.n, next ? next.i : toks.length);
    const value = valueToks.length ? s.slice(valueToks[0]!.start, valueToks[valueToks.length - 1]!.end) : '';
    return { kind: l.kind, gap: l.gap, start: l.start, value: value.trim(), tokens: valueToks.map((x) => x.t) };
  });
}

interface Block {
  page: number;
  x: number;
  fields: Map<Kind, { value: string; tokens: string[]; line: number }>;
  /** The blocks of its row were printed in columns (spaced), so a field's offset tells its block. */
  spaced: boolean;
  lines: number[];
  /** The section header the block stands under ("== URINALYSIS ==", "CHEMISTRY"). */
  panel?: string;
}

/** Kinds a block prints after the result; a result or unit placed after them belongs to another block. */
const ORDER: Partial<Record<Kind, number>> = { test: 0, result: 1, units: 2, range: 3 };

/** Cost of putting a field in a block: that block already has one (never), out of print order, far from its column. */
function cost(b: Block, f: Field, positional: boolean, also: Kind[]): number {
  let c = 0;
  const kinds = [...b.fields.keys(), ...also];
  if (kinds.includes(f.kind) && f.kind !== 'other') c += 100;
  const o = ORDER[f.kind];
  if (o !== undefined) for (const k of kinds) if ((ORDER[k] ?? -1) > o) c += 5;
  if (positional) c += Math.min(20, Math.abs(f.start - b.x) / 4);
  // A flag that says high or low goes with the value it describes (OCR drops a line's indent:
  // the right-hand block's lone "Flag: Low" starts the line).
  if (f.kind === 'flag' && flagDisagrees(b, f.value)) c += 30;
  return c;
}

/** A high/low flag beside a block whose value (as printed) lies inside its range or on the other side. */
function flagDisagrees(b: Block, flag: string): boolean {
  const dir = /^\(?(?:H|HI|HIGH|HH|CH)\)?\*?$/i.test(flag.trim()) ? 'H' : /^\(?(?:L|LO|LOW|LL|CL)\)?\*?$/i.test(flag.trim()) ? 'L' : undefined;
  const v = /^[<>]?=?\s?(\d+(?:\.\d+)?)/.exec(b.fields.get('result')?.value ?? '');
  const printed = b.fields.get('range')?.value ?? '';
  const r = /(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)/.exec(printed);
  const c = /^\s*([<>≤≥])=?\s?(\d+(?:\.\d+)?)/.exec(printed);
  if (!dir || !v || (!r && !c)) return false;
  const [low, high] = r ? [Number(r[1]), Number(r[2])] : /[<≤]/.test(c![1]!) ? [-Infinity, Number(c![2])] : [Number(c![2]), Infinity];
  const n = Number(v[1]);
  return dir === 'H' ? !(n > high) : !(n < low);
}

/** The best assignment of a line's fields to open blocks, in order (non-decreasing columns). */
function assign(blocks: Block[], fields: Field[]): number[] | undefined {
  if (!blocks.length) return undefined;
  // Columns printed where they stand (a text layer, spaced OCR) place fields by position too.
  const positional = blocks.length > 1 && blocks.every((b) => b.spaced) && new Set(blocks.map((b) => b.x)).size === blocks.length;
  let best: { c: number; a: number[] } | undefined;
  const rec = (i: number, from: number, acc: number[], c: number) => {
    if (best && c >= best.c) return;
    if (i === fields.length) {
      best = { c, a: [...acc] };
      return;
    }
    for (let j = from; j < blocks.length; j++) {
      // Kinds this line already gave the same block count too ("Result: 3.5 Result: 6.04": two blocks).
      const also = acc.flatMap((bj, k) => (bj === j ? [fields[k]!.kind] : []));
      acc.push(j);
      rec(i + 1, j, acc, c + cost(blocks[j]!, fields[i]!, positional, also));
      acc.pop();
    }
  };
  rec(0, 0, [], 0);
  return best && best.c < 100 ? best.a : undefined;
}

const FLAG_WORD = /^(?:\(?(?:HH|LL|H|L|A|HI|LO|HIGH|LOW|ABN|ABNORMAL|CRIT|CRITICAL|C|CH|CL|POS)\)?\*?|\*{1,2}|!{1,2}|↑|↓)$/i;
const NO_FLAG = /^(?:n|normal|wnl|within\s+(?:normal\s+)?(?:range|limits)|none|-+|—|neg|in\s+range|\(?n\)?)$/i;
const NOT_A_RANGE = /^(?:not\s+established|none|n\/?a|see\s+(?:note|comment|below)|-+|—|not\s+applicable)$/i;

// A middle dot or bullet parting a line's fields ("Your value: Yellow   ·   Standard range: Yellow") ends no field's value.
const clean = (s: string) => s.replace(/\s+/g, ' ').trim().replace(/(?:\s+[·•])+$/, '');

/** The row a block prints, read through the table-row parser. */
function blockRow(b: Block): LabBlockRow | undefined {
  const test = b.fields.get('test');
  const result = b.fields.get('result');
  if (!test || !result) return undefined;
  const name = clean(test.value).replace(/^[*•·"'“”‘’:;|]+|[:;|]+$/g, '').trim();
  const value = clean(result.value);
  // A name of one letter or letters parted by a slash ("K", "A/G") only when the test table knows it.
  if (!name || !value || (!/[A-Za-z]{2}/.test(name) && !lookupTest(name))) return undefined;
  // A result must look like one: a number (with a comparator or a glued flag) or a short word result.
  if (!/^[<>≤≥]?=?\s?[\dOolI|S.,]*\d/.test(value) && !/^[A-Za-z][A-Za-z +-]{0,24}(?:\s+\(?[A-Z]{1,2}\)?)?$/.test(value)) return undefined;
  if (value.split(' ').length > 4) return undefined;
  const units = b.fields.get('units');
  const range = b.fields.get('range');
  const flag = b.fields.get('flag');
  // A power of ten whose slash OCR read as a 7 ("10*37ul").
  const unitPrinted = units ? clean(units.value).replace(/^((?:x\s?)?10\s?[*^eE°]\s?[369])7(u?[lL])$/, '$1/$2') : '';
  const unitText = unitPrinted && !NOT_A_RANGE.test(unitPrinted) ? unitPrinted : '';
  let rangeText = range ? clean(range.value).replace(/^(?:ref(?:erence)?|range|normal)[:.]?\s+/i, '') : '';
  if (NOT_A_RANGE.test(rangeText)) rangeText = '';
  const flagText = flag ? clean(flag.value) : '';
  const flagWord = flagText && !NO_FLAG.test(flagText) && FLAG_WORD.test(flagText.replace(/\s+/g, '')) ? flagText.replace(/\s+/g, '') : '';
  const qualitative = !/\d/.test(value);
  const wordRange = rangeText && !/\d/.test(rangeText);
  // As a table row prints it: name, value, flag, unit, range (a word range kept aside: a second word would read as the result).
  const rowText = [name, value, flagWord, unitText, wordRange && qualitative ? '' : rangeText].filter(Boolean).join('   ');
  const lineNo = result.line;
  const lines: Line[] = [];
  if (b.panel) lines.push({ page: b.page, index: lineNo, text: b.panel });
  lines.push({ page: b.page, index: lineNo, text: rowText });
  const want = lookupTest(name) ?? lookupTest(name, true);
  const rows = parseLabRows(lines);
  let row: LabRow | undefined = rows.find((r) => (want ? r.loinc === want.loinc : normKey(r.name) === normKey(name)));
  if (!row && rows.length === 1 && !want) row = rows[0];
  if (!row) row = direct(name, value, flagWord, unitText, rangeText, b.page, lineNo, want);
  if (!row) return undefined;
  // The block's own label says which words are the test: keep its name whole.
  if (normKey(row.name) !== normKey(name) && (!want || lookupTest(row.name)?.loinc === want.loinc || lookupTest(row.name, true)?.loinc === want.loinc)) row.name = name;
  if (wordRange && qualitative && !row.range) row.range = { text: rangeText };
  // The Result label says the whole cell is the result: a word result the row parser cut short ("Dark Yellow").
  if (qualitative && row.value !== value && value.startsWith(`${row.value} `)) {
    const rest = value.slice(row.value.length).trim().split(' ');
    while (rest.length && (rest[rest.length - 1] === row.flagPrinted || FLAG_WORD.test(rest[rest.length - 1]!))) rest.pop();
    if (rest.length && rest.length <= 2) row.value = `${row.value} ${rest.join(' ')}`;
  }
  // Tokens as printed on the block's lines (labels left out), for the box.
  row.tokens = [...test.tokens, ...result.tokens, ...(units?.tokens ?? []), ...(range?.tokens ?? []), ...(flag?.tokens ?? [])];
  row.lineIndex = lineNo;
  row.page = b.page;
  const out: LabBlockRow = { ...row, blockLines: [...b.lines] };
  const date = b.fields.get('date');
  const d = date ? findDates(date.value)[0]?.date : undefined;
  if (d) out.effective = d;
  return out;
}

const normKey = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A result's parts named by another layout (a sentence of a results letter), read as a block's fields are. */
export interface NamedResult {
  page: number;
  line: number;
  test: string;
  result: string;
  units?: string;
  range?: string;
  flag?: string;
}

/** The row a result named part by part prints, with the repairs a block's fields get. */
export function namedResultRow(r: NamedResult): LabRow | undefined {
  const field = (value: string) => ({ value, tokens: value.split(/\s+/), line: r.line });
  const fields = new Map<Kind, { value: string; tokens: string[]; line: number }>([
    ['test', field(r.test)],
    ['result', field(r.result)],
  ]);
  if (r.units) fields.set('units', field(r.units));
  if (r.range) fields.set('range', field(r.range));
  if (r.flag) fields.set('flag', field(r.flag));
  const row = blockRow({ page: r.page, x: 0, fields, spaced: false, lines: [r.line] });
  if (!row) return undefined;
  const { blockLines: _lines, ...plain } = row;
  return plain;
}

/** A row built from the block's fields alone, when the row parser reads none (a test name outside the table, a word result). */
function direct(name: string, value: string, flag: string, unit: string, range: string, page: number, lineIndex: number, syn: ReturnType<typeof lookupTest>): LabRow | undefined {
  // Without a known test the block must print what a result prints: a number with a unit or a range.
  const num = /^([<>]=?)?\s?(\d+(?:\.\d+)?)(?:\s*([HL]{1,2}|A))?$/.exec(value);
  if (!syn && !(num && (unit || /\d/.test(range)))) return undefined;
  if (name.split(' ').length > 6) return undefined;
  const row: LabRow = { name, value: num ? `${num[1] ?? ''}${num[2]}` : value, page, lineIndex, tokens: [] };
  if (syn) {
    row.loinc = syn.loinc;
    row.loincDisplay = syn.display;
  }
  if (num) {
    row.numeric = Number(num[2]);
    if (num[1]) row.comparator = num[1] as LabRow['comparator'];
  }
  if (unit) {
    row.unit = unit;
    const u = ucumFor(unit);
    if (u) row.ucum = u;
  }
  if (range) {
    const r = /^(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)$/.exec(range);
    const c = /^(<=|>=|<|>)\s*(\d+(?:\.\d+)?)$/.exec(range);
    row.range = { text: range.replace(/\s*-\s*/, '-') };
    if (r) Object.assign(row.range, { low: Number(r[1]), high: Number(r[2]) });
    else if (c) Object.assign(row.range, /</.test(c[1]!) ? { high: Number(c[2]) } : { low: Number(c[2]) });
  }
  const f = (flag || num?.[3] || '').toUpperCase().replace(/[()*]/g, '');
  if (f) {
    row.flagPrinted = flag || num![3]!;
    row.flag = /^(?:HH|CH)$/.test(f) ? 'HH' : /^(?:LL|CL)$/.test(f) ? 'LL' : /^(?:H|HI|HIGH)$/.test(f) ? 'H' : /^(?:L|LO|LOW)$/.test(f) ? 'L' : 'A';
  }
  return row;
}

/** A line that may head a section of blocks: short, no label, letters ("== CHEMISTRY ==", "URINALYSIS", "pH"). */
function sectionTitle(text: string): string | undefined {
  const t = text.replace(/^[\s=*#_~-]+|[\s=*#_~-]+$/g, '').trim();
  // Two letters only when they name a test ("pH" heading its result's lines).
  if (!t || t.length > 60 || !(/[A-Za-z]{3}/.test(t) || (/^[A-Za-z]{2}$/.test(t) && lookupTest(t, true))) || /:/.test(t)) return undefined;
  return t;
}

/** All lab results printed as label:value blocks in a run of lines (one document). */
export function parseLabBlocks(lines: Line[]): LabBlockRow[] {
  const out: LabBlockRow[] = [];
  try {
    let open: Block[] = [];
    let panel: string | undefined;
    let heading: { text: string; index: number; panel?: string } | undefined;
    let page = -1;
    const flush = () => {
      for (const b of open) {
        const r = blockRow(b);
        if (r) out.push(r);
      }
      open = [];
    };
    for (const l of lines) {
      if (l.page !== page) {
        flush();
        page = l.page;
      }
      if (!l.text.trim()) continue;
      // A row of part captions over a test's values (labs.ts reads it) labels no block.
      if (partCaptionRow(l.text)) {
        flush();
        heading = undefined;
        continue;
      }
      const fields = lineFields(normaliseLabelLine(l.text));
      // A table's column heads ("Procedure   Result   Units   Ref Range") label no block either: under a
      // section title naming a test, they would read "Units" as its result.
      if (columnHeadRow(l.text, fields)) {
        flush();
        heading = undefined;
        continue;
      }
      const known = fields.filter((f) => f.kind !== 'other');
      if (!known.length) {
        flush();
        const title = sectionTitle(l.text);
        heading = title ? { text: title, index: l.index, panel } : undefined;
        if (title) panel = title;
        continue;
      }
      // A test named by a heading line of its own, its result labelled on the next line
      // ("HEMOGLOBIN A1C" / "Result: 6.1 %   Reference Range: 4.0-5.6"): only a name the test table knows, also
      // as a urinalysis names its parts ("Bilirubin" / "Your value: Negative   ·   Standard range: Negative").
      if (!open.length && heading && fields[0]!.kind === 'result' && !fields.some((f) => f.kind === 'test') && (lookupTest(heading.text) || lookupTest(heading.text, true))) {
        open.push({ page: l.page, x: fields[0]!.start, spaced: true, fields: new Map([['test', { value: heading.text, tokens: heading.text.split(/\s+/), line: heading.index }]]), lines: [heading.index], ...(heading.panel ? { panel: heading.panel } : {}) });
        panel = heading.panel;
      }
      heading = undefined;
      const firstTest = fields.findIndex((f) => f.kind === 'test');
      const before = firstTest < 0 ? fields : fields.slice(0, firstTest);
      if (before.length && open.length) {
        const a = assign(open, before);
        if (a) {
          before.forEach((f, i) => {
            const b = open[a[i]!]!;
            if (f.kind !== 'other') b.fields.set(f.kind, { value: f.value, tokens: f.tokens, line: l.index });
            if (!b.lines.includes(l.index)) b.lines.push(l.index);
          });
        }
      }
      if (firstTest < 0) continue;
      flush();
      let cur: Block | undefined;
      // Blocks side by side keep their columns' offsets unless the line was printed single-spaced (OCR).
      const spaced = fields.slice(firstTest + 1).every((f) => f.kind !== 'test' || f.gap >= 2);
      for (const f of fields.slice(firstTest)) {
        if (f.kind === 'test') {
          cur = { page: l.page, x: f.start, spaced, fields: new Map(), lines: [l.index], ...(panel ? { panel } : {}) };
          open.push(cur);
        }
        if (cur && f.kind !== 'other') cur.fields.set(f.kind, { value: f.value, tokens: f.tokens, line: l.index });
      }
    }
    flush();
  } catch {
    return out;
  }
  return out;
}

/**
 * A row of column heads read as label / value pairs: two labels or more, no colon on the line, and every label's
 * "value" only further label words ("Result   Units   Ref Range" reads Result = "Units", Ref = "Range"). A block's
 * colon-less line prints a value after each label, not another label. Session 23 (set-d: an EHR flowsheet's
 * section titled by a test, its column heads on the next line, gave that test the result "Units").
 */
export function columnHeadRow(text: string, fields: Field[]): boolean {
  if (fields.length < 2 || /[:;]/.test(text)) return false;
  const labelWords = (tokens: string[]) => tokens.length > 0 && tokens.every((t) => !!labelKind([t], false) || /^(?:ref|reference|normal|abnormal)$/i.test(t));
  return fields.every((f) => f.kind !== 'other' && labelWords(f.tokens));
}

/** OCR dirt in front of a label line: a border bar or speck read as `|`, `l`, `!` before the label. */
function normaliseLabelLine(text: string): string {
  return (
    atAsZero(text)
      // A block's rule read as a bar or bracket before a label, anywhere ("| Result: 4.73", "[Test:").
      .replace(/(^|\s)[|!\[\]{}](\s*)(?=[A-Z][a-z]+(?:\s[A-Za-z]+)?\s?[:;])/g, (_m, p: string, s: string) => `${p} ${s}`)
      // ... or as a letter or digit at the line's start ("l Test:", "1 Units:").
      .replace(/^(\s*)[lI1](\s+)(?=[A-Z][a-z]+(?:\s[A-Za-z]+)?\s?[:;])/, (_m, p: string, s: string) => `${p} ${s}`)
  );
}

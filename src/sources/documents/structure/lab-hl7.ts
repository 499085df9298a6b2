/**
 * Lab results printed as raw HL7 v2 OBX segments (an interface inbox's "unmatched result" print,
 * a message dump faxed for chart abstraction):
 *
 *   MSH|^~\&|LIS|KBI|EHR|CLINIC|20240723033200||ORU^R01|701312052|P|2.5.1
 *   OBX|1|NM|6690-2^White Blood Cell Count^LN||14.1|10*3/uL|3.8-10.8|H|||F
 *   OBX|23|ST|5778-6^Color^LN||Straw||Yellow||||F
 *
 * HL7 v2 is a standard grammar, not a layout: the field, component, repetition, escape and
 * subcomponent characters come from an MSH line printed in the same run of lines (else the
 * defaults `|^~\&`), and each OBX is split and decoded with the HL7 v2 source's own parser
 * (src/sources/hl7v2/parse.ts). OBX-2 value type (NM, SN, ST/TX/FT, CE/CWE), OBX-3 identifier
 * code^text^system (the code kept as LOINC when the system is LN and its check digit holds),
 * OBX-5 value, OBX-6 units, OBX-7 reference range, OBX-8 abnormal flags. Each result is read
 * through the same row repairs a block's fields get (`namedResultRow`). OCR slips of the field
 * separator (`|` read as `I`, `l`, `!`, `1`) are mended only where the segment's grammar pins
 * them down (see `mendSeparators`). Pure; never throws.
 */
import { comp, DEFAULT_DELIMITERS, readDelimiters, Seg, type Delimiters } from '../../hl7v2/parse.js';
import { namedResultRow } from './lab-blocks.js';
import type { LabRow } from './lab-row.js';
import type { Line } from './lines.js';
import { parseLabRows } from './labs.js';

/** A result read from one OBX line; `segmentLine` is the line it stands on. */
export interface LabHl7Row extends LabRow {
  segmentLine: number;
}

/** HL7 table 0078 abnormal flags. */
const HL7_FLAGS = new Set(['L', 'H', 'LL', 'HH', 'LU', 'HU', '<', '>', 'A', 'AA', 'U', 'D', 'B', 'W', 'S', 'R', 'I', 'MS', 'VS', 'NEG', 'POS', 'DET', 'ND', 'AC', 'RR', 'QCF', 'TOX', 'IND', 'NR', 'EX', 'HX', 'LX']);
const VALUE_TYPES = new Set(['NM', 'SN', 'ST', 'TX', 'FT', 'CE', 'CWE', 'CF']);

/** LOINC's mod-10 check digit (the last digit of a code like 2345-7). */
export function loincCheckOk(code: string): boolean {
  const m = /^(\d{1,7})-(\d)$/.exec(code);
  if (!m) return false;
  const digits = m[1]!.split('').map(Number).reverse();
  let sum = 0;
  digits.forEach((d, i) => {
    if (i % 2 === 0) {
      const x = d * 2;
      sum += Math.floor(x / 10) + (x % 10);
    } else sum += d;
  });
  return (10 - (sum % 10)) % 10 === Number(m[2]);
}

/** The delimiters an MSH line printed among these lines declares, else HL7's defaults. */
function pageDelimiters(lines: Line[]): Delimiters {
  for (const l of lines) {
    const at = l.text.search(/\bMSH[^A-Za-z0-9\s]/);
    if (at < 0) continue;
    const d = readDelimiters(l.text.slice(at).trim());
    if (typeof d !== 'string') return d;
  }
  return DEFAULT_DELIMITERS;
}

/**
 * An OBX line whose field separators OCR misread: after `OBX`, the set id and the value type are
 * fixed shapes (`OBX|12|NM|`), so the characters standing where a separator must be are read as
 * one; then two separators in a row before the value (OBX-4 sub-id empty: `^LN||14.1`) likewise.
 * A `|` read as a letter or digit inside a field is left alone (no safe reading).
 */
function mendSeparators(text: string, f: string): string | undefined {
  const s = `[${f.replace(/[\\\]^-]/g, '\\$&')}Il!1\\[\\]()/:;]`;
  const head = new RegExp(`^(?:0|O)BX${s}\\s?(\\d{1,3})\\s?${s}\\s?(NM|SN|ST|TX|FT|CE|CWE|CF)\\s?${s}`).exec(text);
  if (!head) return undefined;
  return `OBX${f}${head[1]}${f}${head[2]}${f}${text.slice(head[0].length)}`;
}

/** The start of an OBX line as OCR reads it (`oBX`, `0BX`, `08x`, `CBX`, `OX`, `osx`). */
const OCR_OBX = /^\s*(?:[oO0C][BbPpSs8][xX%]|O[xX])(?=[\s|()[\]!/1Il]|\d)/;
/**
 * OBX-3 as OCR reads it: a LOINC-shaped code, a caret (read as `"`, `*`, `~`, `°`, quotes, `+`) or a
 * space, the test's text, a caret or space and the coding system `LN` (read `LM`, `LK`, `1N`, `iN`, `Li`).
 */
const OCR_OBX3 = /(?:^|[\s|(\]!/1IlMmT])(\d{3,6})\s?[-~]\s?(\d)\s?["*~°”“+^'‘’]?\s?([A-Za-z][A-Za-z0-9 ,()/.&'-]*?)(?:\s?["*~°”“+^'‘’]\s?|\s)(?:L[NMKi1y]|[1iI][NnM]|Ll)(?=[\s|()[\]!/1Il]|$)(.*)$/;

/**
 * An OBX line OCR garbled past HL7's grammar (separators read as `]`, `/`, `!`, brackets or spaces;
 * carets as quotes or stars): read only where it is safe. OBX-3 anchors it (code, text, `LN`); the
 * fields after it are, in HL7's fixed order, value, units, range, flag and the result status: they
 * are put in a table row's cells (separator marks as column gaps) and read by the table row
 * parser with its OCR repairs. The code is kept as LOINC only when its check digit holds.
 */
function ocrObxRow(l: Line): LabHl7Row | undefined {
  if (!OCR_OBX.test(l.text)) return undefined;
  const m = OCR_OBX3.exec(l.text);
  if (!m) return undefined;
  const code = `${m[1]}-${m[2]}`;
  const name = m[3]!.replace(/\s+/g, ' ').trim();
  if (name.length < 2) return undefined;
  const tail = m[4]!
    // The value's separator read as a slash ("6.9/10*3/uL").
    .replace(/^([\s|\][!(){}]*[<>]?\d+(?:\.\d+)?)\/(?=\S)/, '$1   ')
    .replace(/[|\][!(){}]/g, '   ')
    // A separator read as I, l or 1 glued before a word result ("INegative").
    .replace(/(^|\s)[Il1](?=[A-Z][a-z])/g, '$1')
    .trim()
    // The result status (F, C, P) after the last separator, its bar read as I, l or 1.
    .replace(/\s+[|Il1i]*[FPCr]$/, '')
    .trim();
  if (!tail || !/\S/.test(tail)) return undefined;
  const rows = parseLabRows([{ page: l.page, index: l.index, text: `${name}   ${tail}` }]);
  const valid = loincCheckOk(code);
  const row = rows.find((r) => valid && r.loinc === code) ?? (rows.length === 1 ? rows[0] : undefined);
  if (!row) return undefined;
  if (valid) {
    if (row.loinc !== code) row.loincDisplay = name;
    row.loinc = code;
  }
  return { ...row, name, page: l.page, lineIndex: l.index, segmentLine: l.index };
}

/** Every lab result printed as an OBX segment among these lines. */
export function parseLabHl7(lines: Line[]): LabHl7Row[] {
  const out: LabHl7Row[] = [];
  try {
    if (!lines.some((l) => /[0O]BX/.test(l.text) || OCR_OBX.test(l.text))) return out;
    const d = pageDelimiters(lines);
    for (const l of lines) {
      const at = l.text.search(/\b[0O]BX\S/);
      const text = at < 0 ? undefined : mendSeparators(l.text.slice(at).trim(), d.field);
      // By HL7's grammar first; a line OCR garbled past it, only where it is safe.
      const row = (text ? cleanObxRow(l, text, d) : undefined) ?? ocrObxRow(l);
      if (row) out.push(row);
    }
  } catch {
    return out;
  }
  return out;
}

/** An OBX line read by HL7's grammar (its head mended), else undefined. */
function cleanObxRow(l: Line, text: string, d: Delimiters): LabHl7Row | undefined {
  const seg = new Seg({ name: 'OBX', fields: text.split(d.field), line: l.index, occurrence: 0 }, d);
  const type = seg.get(2).toUpperCase();
  if (!VALUE_TYPES.has(type)) return undefined;
  const id = seg.rep(3);
  const code = comp(id, 1);
  const name = comp(id, 2) || comp(id, 5) || '';
  const system = comp(id, 3).toUpperCase();
  if (!name) return undefined;
  const valueRep = seg.rep(5);
  let value: string;
  if (type === 'SN') {
    // Structured numeric: comparator ^ number [^ separator ^ number].
    const [cmp, n1, sepr, n2] = [comp(valueRep, 1), comp(valueRep, 2), comp(valueRep, 3), comp(valueRep, 4)];
    value = n2 ? `${n1}${sepr || '-'}${n2}` : `${cmp}${n1}`;
  } else if (type === 'CE' || type === 'CWE' || type === 'CF') value = comp(valueRep, 2) || comp(valueRep, 1);
  else value = seg.text(5).replace(/\s+/g, ' ');
  if (!value) return undefined;
  if (type === 'NM' && !/^[<>]?=?-?\d*\.?\d+$/.test(value)) return undefined;
  const units = comp(seg.rep(6), 2) && !comp(seg.rep(6), 1) ? comp(seg.rep(6), 2) : comp(seg.rep(6), 1);
  const range = seg.text(7).replace(/\s+/g, ' ');
  // OBX-8 may repeat; N (normal) and blanks are no flag.
  const flags = seg.reps(8).map((r) => comp(r, 1).toUpperCase()).filter((x) => x && x !== 'N');
  const flag = flags[0];
  // What OCR garbled is left to the careful reading: a flag no HL7 table holds, a range or units with marks no
  // range or unit prints, a coding system that is no code.
  if (flag && !HL7_FLAGS.has(flag)) return undefined;
  if (range && !/^(?:[<>]=?\s?-?\d+(?:\.\d+)?|-?\d+(?:\.\d+)?\s?-\s?-?\d+(?:\.\d+)?|[A-Za-z][A-Za-z ,-]*)$/.test(range)) return undefined;
  if (units && !/^[A-Za-z0-9%*/^.\[\]{}() _-]+$/.test(units)) return undefined;
  if (system && !/^[A-Z0-9-]{1,12}$/.test(system)) return undefined;
  const row = namedResultRow({ page: l.page, line: l.index, test: name, result: value, ...(units ? { units } : {}), ...(range ? { range } : {}), ...(flag ? { flag } : {}) });
  if (!row) return undefined;
  if (system === 'LN' && loincCheckOk(code)) {
    if (row.loinc !== code) row.loincDisplay = name;
    row.loinc = code;
  }
  row.name = name;
  return { ...row, segmentLine: l.index };
}

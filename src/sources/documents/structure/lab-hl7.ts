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

/** A result read from one OBX line; `segmentLine` is the line it stands on. */
export interface LabHl7Row extends LabRow {
  segmentLine: number;
}

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

/** Every lab result printed as an OBX segment among these lines. */
export function parseLabHl7(lines: Line[]): LabHl7Row[] {
  const out: LabHl7Row[] = [];
  try {
    if (!lines.some((l) => /[0O]BX/.test(l.text))) return out;
    const d = pageDelimiters(lines);
    for (const l of lines) {
      const at = l.text.search(/\b[0O]BX\S/);
      if (at < 0) continue;
      const text = mendSeparators(l.text.slice(at).trim(), d.field);
      if (!text) continue;
      const seg = new Seg({ name: 'OBX', fields: text.split(d.field), line: l.index, occurrence: 0 }, d);
      const type = seg.get(2).toUpperCase();
      if (!VALUE_TYPES.has(type)) continue;
      const id = seg.rep(3);
      const code = comp(id, 1);
      const name = comp(id, 2) || comp(id, 5) || '';
      const system = comp(id, 3).toUpperCase();
      if (!name) continue;
      const valueRep = seg.rep(5);
      let value: string;
      if (type === 'SN') {
        // Structured numeric: comparator ^ number [^ separator ^ number].
        const [cmp, n1, sepr, n2] = [comp(valueRep, 1), comp(valueRep, 2), comp(valueRep, 3), comp(valueRep, 4)];
        value = n2 ? `${n1}${sepr || '-'}${n2}` : `${cmp}${n1}`;
      } else if (type === 'CE' || type === 'CWE' || type === 'CF') value = comp(valueRep, 2) || comp(valueRep, 1);
      else value = seg.text(5).replace(/\s+/g, ' ');
      if (!value) continue;
      if (type === 'NM' && !/^[<>]?=?-?\d*\.?\d+$/.test(value)) continue;
      const units = comp(seg.rep(6), 2) && !comp(seg.rep(6), 1) ? comp(seg.rep(6), 2) : comp(seg.rep(6), 1);
      const range = seg.text(7).replace(/\s+/g, ' ');
      // OBX-8 may repeat; N (normal) and blanks are no flag.
      const flags = seg.reps(8).map((r) => comp(r, 1).toUpperCase()).filter((x) => x && x !== 'N');
      const flag = flags[0];
      const row = namedResultRow({ page: l.page, line: l.index, test: name, result: value, ...(units ? { units } : {}), ...(range ? { range } : {}), ...(flag ? { flag } : {}) });
      if (!row) continue;
      if (system === 'LN' && loincCheckOk(code)) {
        if (row.loinc !== code) row.loincDisplay = name;
        row.loinc = code;
      }
      row.name = name;
      out.push({ ...row, segmentLine: l.index });
    }
  } catch {
    return out;
  }
  return out;
}

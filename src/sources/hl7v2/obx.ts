/**
 * OBX → Observation: value by OBX-2 type (NM, SN, ST/TX/FT, CE/CWE, DT/TS, …), units OBX-6
 * (UCUM where recognisable), reference range OBX-7, abnormal flags OBX-8, status OBX-11,
 * effective time OBX-14 (else the order's OBR-7), LOINC codes from coding system 'LN'.
 * ED (embedded data) is not an observation value: see `embeddedData`.
 */
import type { CodeableConcept, Observation, ObservationReferenceRange, Quantity } from '@medplum/fhirtypes';
import { codeable, hl7DateTime, hl7Number, practitionerRef, type Ref } from './datatypes.js';
import { prune, type MessageContext } from './context.js';
import { comp, type Rep, type Seg } from './parse.js';
import { INTERPRETATION, INTERPRETATION_SYSTEM, RESULT_STATUS, UCUM, UNIT_TO_UCUM } from './systems.js';

export interface ObxDefaults {
  /** OBR-7 (observation date/time of the order) when OBX-14 is empty. */
  effective?: string;
  basedOn?: Ref;
  partOf?: Ref;
  category?: 'laboratory' | 'vital-signs' | 'survey' | 'exam';
  specimen?: Ref;
}

/** OBX-6 units → Quantity unit fields; UCUM code when the sender said UCUM or the spelling is known. */
export function unitOf(r: Rep | undefined): Pick<Quantity, 'unit' | 'system' | 'code'> {
  const code = comp(r, 1);
  const text = comp(r, 2);
  const sys = comp(r, 3).toUpperCase();
  const unit = code || text;
  if (!unit) return {};
  const known = UNIT_TO_UCUM[unit.toLowerCase()] ?? (text ? UNIT_TO_UCUM[text.toLowerCase()] : undefined);
  const ucum = sys === 'UCUM' || sys === 'ANS+' ? code : known;
  return ucum && !/\s/.test(ucum) ? { unit: text || unit, system: UCUM, code: ucum } : { unit: text || unit };
}

function quantity(value: number, units: Pick<Quantity, 'unit' | 'system' | 'code'>, comparator?: Quantity['comparator']): Quantity {
  return { value, ...(comparator ? { comparator } : {}), ...units };
}

const COMPARATORS = new Set(['<', '<=', '>', '>=']);

/** SN (comparator^num1^separator^num2) or a plain "<5" / "10-20" string → value. */
export function structuredNumeric(r: Rep, units: Pick<Quantity, 'unit' | 'system' | 'code'>): Pick<Observation, 'valueQuantity' | 'valueRange' | 'valueRatio' | 'valueString'> | undefined {
  const cmp = comp(r, 1);
  const n1 = hl7Number(comp(r, 2));
  const sep = comp(r, 3);
  const n2 = hl7Number(comp(r, 4));
  if (n1 !== undefined && sep && n2 !== undefined) {
    if (sep === '-') return { valueRange: { low: quantity(n1, units), high: quantity(n2, units) } };
    if (sep === ':' || sep === '/') return { valueRatio: { numerator: { value: n1 }, denominator: { value: n2 } } };
    if (sep === '+') return { valueString: `${n1}+` };
  }
  if (n1 !== undefined && !sep) {
    if (!cmp || cmp === '=') return { valueQuantity: quantity(n1, units) };
    if (COMPARATORS.has(cmp)) return { valueQuantity: quantity(n1, units, cmp as Quantity['comparator']) };
  }
  return undefined;
}

/**
 * A decimal number in text. `\d+(?:\.\d*)?` rather than `\d+\.?\d*`: the latter can split a run
 * of digits between its two parts in every way, so a 2.5 MB run of digits that fails to match
 * at its end backtracked quadratically (a stranger's OBX-7 held the main thread for minutes).
 */
const DECIMAL = '[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)';

/** A free-text numeric such as "<0.5", ">= 10", "10-20" (NM sent with a comparator). */
export function textNumeric(s: string, units: Pick<Quantity, 'unit' | 'system' | 'code'>): Pick<Observation, 'valueQuantity' | 'valueRange'> | undefined {
  // Trimmed first: `^\s*(<)?\s*` would split a long run of spaces between its two parts.
  const t = s.trim();
  const m = new RegExp(`^(<=|>=|<|>)?\\s*(${DECIMAL})$`).exec(t);
  if (m) return { valueQuantity: quantity(Number(m[2]), units, m[1] as Quantity['comparator']) };
  const r = new RegExp(`^(${DECIMAL})\\s*(?:-|–|to)\\s*(${DECIMAL})$`).exec(t);
  if (r) return { valueRange: { low: quantity(Number(r[1]), units), high: quantity(Number(r[2]), units) } };
  return undefined;
}

/** OBX-7 → referenceRange: "3.5-5.0" → low/high, "<5" → high, ">10" → low; the text is always kept. */
export function referenceRange(text: string, units: Pick<Quantity, 'unit' | 'system' | 'code'>): ObservationReferenceRange | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const q = (v: string): Quantity => ({ value: Number(v), ...units });
  const NUM = `(${DECIMAL})`;
  const both = new RegExp(`^${NUM}\\s*(?:-|–|to)\\s*${NUM}$`).exec(t);
  if (both) return { low: q(both[1]), high: q(both[2]), text: t };
  const one = new RegExp(`^(<=|>=|<|>|≤|≥)\\s*${NUM}$`).exec(t);
  if (one) return one[1].startsWith('<') || one[1] === '≤' ? { high: q(one[2]), text: t } : { low: q(one[2]), text: t };
  return { text: t };
}

/** OBX-8 flags (repeating) → interpretation concepts. */
export function interpretation(reps: Rep[]): CodeableConcept[] {
  return reps
    .map((r) => {
      const code = comp(r, 1);
      if (!code) return undefined;
      const display = INTERPRETATION[code.toUpperCase()] ?? INTERPRETATION[code];
      if (display) return { coding: [{ system: INTERPRETATION_SYSTEM, code: code.toUpperCase() === code ? code : code.toUpperCase(), display }], ...(comp(r, 2) ? { text: comp(r, 2) } : {}) };
      return codeable(r) ?? { text: code };
    })
    .filter((x) => x !== undefined);
}

type ObsValue = Pick<Observation, 'valueQuantity' | 'valueRange' | 'valueRatio' | 'valueString' | 'valueCodeableConcept' | 'valueDateTime' | 'valueTime' | 'valueBoolean'>;

/** OBX-5 by OBX-2 → an Observation value (first repetition for single-valued types). */
export function obxValue(ctx: MessageContext, obx: Seg, units: Pick<Quantity, 'unit' | 'system' | 'code'>): ObsValue | undefined {
  let type = obx.get(2).toUpperCase();
  const reps = obx.reps(5);
  if (!reps.length) return undefined;
  const plain = obx.text(5);
  if (!type) type = hl7Number(plain) !== undefined ? 'NM' : 'ST';
  switch (type) {
    case 'NM': {
      if (reps.length > 1) ctx.issue('information', 'repeated-value', `OBX-5 has ${reps.length} repetitions for a single-valued NM; the first is kept as the value`, obx);
      const s = comp(reps[0], 1);
      const n = hl7Number(s);
      if (n !== undefined) return { valueQuantity: quantity(n, units) };
      const t = textNumeric(s, units);
      if (t) return t;
      ctx.issue('warning', 'bad-number', `OBX-5 ${JSON.stringify(s)} is not a number (type NM); kept as text`, obx);
      return s ? { valueString: s } : undefined;
    }
    case 'SN':
      return structuredNumeric(reps[0], units) ?? { valueString: obx.text(5).replace(/\^/g, ' ').trim() };
    case 'CE':
    case 'CWE':
    case 'CNE':
    case 'CF':
    case 'CV': {
      const cc = codeable(reps[0]);
      return cc ? { valueCodeableConcept: cc } : undefined;
    }
    case 'DT':
    case 'TS':
    case 'DTM':
    case 'DR': {
      const v = hl7DateTime(comp(reps[0], 1));
      if (v) return { valueDateTime: v };
      ctx.issue('warning', 'bad-date', `OBX-5 ${JSON.stringify(comp(reps[0], 1))} is not a valid HL7 date; kept as text`, obx);
      return { valueString: plain };
    }
    case 'TM': {
      const m = /^(\d{2})(\d{2})?(\d{2})?(\.\d+)?$/.exec(comp(reps[0], 1));
      if (m && Number(m[1]) < 24) return { valueTime: `${m[1]}:${m[2] ?? '00'}:${m[3] ?? '00'}` };
      return { valueString: plain };
    }
    default:
      // ST, TX, FT, and every other type (RP, HD, ID, IS, CX, XPN, …) as readable text.
      return plain ? { valueString: plain } : undefined;
  }
}

const DATA_ABSENT = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';

/** Maps one OBX (not ED) to an Observation. */
export function mapObservation(ctx: MessageContext, obx: Seg, defaults: ObxDefaults = {}): Observation {
  const units = unitOf(obx.rep(6));
  let code = codeable(obx.rep(3));
  if (!code) {
    ctx.issue('warning', 'missing-code', 'OBX-3 (observation identifier) is empty', obx);
    code = { text: `Observation ${obx.get(1) || obx.raw.occurrence} (no identifier)` };
  }
  const value = obxValue(ctx, obx, units);
  const statusCode = obx.get(11).toUpperCase();
  const status = RESULT_STATUS[statusCode] ?? (statusCode ? 'unknown' : 'final');
  const rawTime = obx.get(14);
  const effective = hl7DateTime(rawTime) ?? defaults.effective;
  if (rawTime && !hl7DateTime(rawTime)) ctx.issue('warning', 'bad-date', `OBX-14 ${JSON.stringify(rawTime)} is not a valid HL7 date`, obx);
  const range = referenceRange(obx.text(7), units);
  const method = codeable(obx.rep(17));
  const performer = obx.reps(16).map(practitionerRef).filter((x) => x !== undefined);
  const producer = comp(obx.rep(23), 1) || comp(obx.rep(15), 2) || comp(obx.rep(15), 1);
  // OBX-29 observation type: QST = an answer to an ask-at-order-entry question, not a lab result.
  const category = obx.get(29).toUpperCase() === 'QST' ? 'survey' : defaults.category;
  const obs = prune<Observation>({
    resourceType: 'Observation',
    id: ctx.id(obx),
    status,
    category: category ? [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: category }] }] : [],
    code,
    subject: ctx.patientRef,
    encounter: ctx.encounterRef,
    effectiveDateTime: effective,
    ...value,
    dataAbsentReason: value ? undefined : { coding: [{ system: DATA_ABSENT, code: statusCode === 'X' ? 'not-performed' : 'unknown' }] },
    referenceRange: range ? [range] : [],
    interpretation: interpretation(obx.reps(8)),
    method,
    performer: [...performer, ...(producer ? [{ display: producer }] : [])],
    basedOn: defaults.basedOn ? [defaults.basedOn] : [],
    partOf: defaults.partOf ? [defaults.partOf] : [],
    specimen: defaults.specimen,
    note: [],
  });
  obs.status = status;
  return obs;
}

export interface EmbeddedData {
  contentType: string;
  bytes?: Uint8Array;
  text?: string;
}

const MIME_BY_SUBTYPE: Record<string, string> = { PDF: 'application/pdf', RTF: 'application/rtf', HTML: 'text/html', XML: 'application/xml', JPEG: 'image/jpeg', JPG: 'image/jpeg', PNG: 'image/png', TIFF: 'image/tiff', GIF: 'image/gif', PLAIN: 'text/plain', TEXT: 'text/plain', DOC: 'application/msword', DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };

/** HL7 table 0191 type of data → MIME top-level type. */
const MIME_TOP: Record<string, string> = { AP: 'application', APPLICATION: 'application', IM: 'image', IMAGE: 'image', AU: 'audio', AUDIO: 'audio', TEXT: 'text', TX: 'text', MULTIPART: 'multipart', VIDEO: 'video' };

/** ED type of data (table 0191) and subtype (table 0291) → a MIME type. */
export function edMime(type: string, subtype: string): string {
  if (subtype.includes('/')) return subtype.toLowerCase();
  if (type.includes('/')) return type.toLowerCase();
  const known = MIME_BY_SUBTYPE[subtype.toUpperCase()];
  if (known) return known;
  const top = MIME_TOP[type.toUpperCase()];
  if (top && /^[A-Za-z0-9][\w.+-]*$/.test(subtype)) return `${top}/${subtype.toLowerCase()}`;
  return 'application/octet-stream';
}

/** OBX-5 of type ED (source^type^subtype^encoding^data) → content type and decoded bytes. */
export function embeddedData(obx: Seg): EmbeddedData | undefined {
  const r = obx.rep(5);
  const type = comp(r, 2);
  const subtype = comp(r, 3);
  const encoding = comp(r, 4).toUpperCase();
  // Data may be split over repetitions or sent with escaped delimiters; the raw text keeps it whole.
  const data = obx.reps(5).map((x) => (x[4] ?? []).join('')).join('').replace(/\s+/g, '');
  const mime = edMime(type, subtype);
  if (!data) return { contentType: mime };
  if (encoding === 'BASE64' || encoding === 'B64') {
    if (!/^[A-Za-z0-9+/=_-]+$/.test(data)) return { contentType: mime };
    const bytes = new Uint8Array(Buffer.from(data, 'base64'));
    return bytes.length ? { contentType: mime, bytes } : { contentType: mime };
  }
  if (encoding === 'HEX') return /^([0-9A-Fa-f]{2})+$/.test(data) ? { contentType: mime, bytes: new Uint8Array(Buffer.from(data, 'hex')) } : { contentType: mime };
  // 'A' (ASCII) or none: the data is text.
  const text = (r[4] ?? []).join('&');
  return { contentType: mime.startsWith('application/octet') ? 'text/plain' : mime, text };
}

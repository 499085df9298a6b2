/**
 * A stored FHIR resource → the facts the record merges: what it is (kind, block, match
 * keys), how it reads (display, date with its precision, value with its own unit and range,
 * plus the value in the trend unit), its status and its display rank. Pure.
 *
 * `block` partitions facts: two facts can only be one item when they share a block (a user
 * merge moves facts into one block). Small kinds use one block per person; results and
 * vitals use test group + day, encounters and procedures use the day, so a new document
 * only re-clusters the blocks it touches.
 */
import type { Resource } from '@medplum/fhirtypes';
import { canonicalSystem, icd10Category, icd10Display, ingredientsOf, labGroup, loincEntry, SYSTEMS, testGroupOf, vaccineGroupOf, cvxEntry, type Coding } from './codes.js';
import { dayOf, minuteOf, precisionOf } from './dates.js';
import { conversionFactor, toTrendUnit, toUcum } from './units.js';
import { fold, words } from './text.js';

export const ITEM_KINDS = ['medications', 'problems', 'allergies', 'immunizations', 'results', 'vitals', 'encounters', 'procedures'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export interface FactValue {
  value?: number;
  comparator?: string;
  unit?: string;
  text?: string;
  range?: { low?: number; high?: number; unit?: string; text?: string };
}

export interface Fact {
  /** Resource id, or `resourceId#n` for the n-th component of a panel observation. */
  id: string;
  resourceId: string;
  documentId: string;
  kind: ItemKind;
  block: string;
  display: string;
  date?: string;
  status?: string;
  codes: string[];
  /** Keys that say "same fact" inside a block (codes, folded names, strength, time). */
  keys: string[];
  value?: FactValue;
  normalized?: { value: number; unit: string };
  strength?: string;
  facility?: string;
  /** Display priority: structured over OCR, more codes, more precise date. */
  rank: number;
  /** When the source said it (document date), for "newer wins first place". */
  recorded?: string;
}

export interface FactContext {
  documentId: string;
  /** false for facts read from OCR or free text (faxes, scans). */
  structured: boolean;
  /** Date the document was written, if known. */
  documentDate?: string;
}

type Json = Record<string, any>;

/** Codes vendors put where the real code belongs ("Problem", "Clinical finding", "Disease"): never a match key. */
export const GENERIC_CODES = new Set(['55607006', '404684003', '64572001', '75310-3', '11450-4', 'ASSERTION', '282291009', '29308-4', '418799008', '409586006']);
const NO_PROBLEMS_CODES = new Set(['160245001', '160244002']);
const NO_PROBLEMS_TEXT = /^(no (known |current |active )?(problems?|diagnos[ie]s|medical problems)|none known|no current problems or disability)\b/;
const NKA_CODES = new Set(['716186003', '409137002', '428607008', '429625007', '428197003']);
const NO_MEDS = /^(no (known )?(current )?medications?|no medications? administered|none|no meds)\b/;
// `allerg\w*`: "no known allergies" had never matched (a \b right after "allerg" needs the word to end there).
const NKA_TEXT = /\b(no known (drug |medication |food |environmental |latex )?allerg\w*|nkda|nka|no allergies|allergies none|none known)\b/;

/**
 * Codes that stand where a medication, allergy, problem, procedure or vaccine belongs to say there
 * is none or nothing is known: the IPS absent/unknown codes (IPS documents, and European C-CDA
 * whose codes src/sources/ccda maps to them) and data-absent-reason codes. "No information" is no
 * fact at all (it had listed an active allergy "No information about allergies"); "no known …"
 * is the none-known statement where the record has one (allergies, problems), else nothing.
 */
const ABSENT_UNKNOWN_SYSTEMS = new Set(['http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips', 'http://terminology.hl7.org/CodeSystem/data-absent-reason']);

function absentOrUnknown(codings: Coding[]): 'no-info' | 'none-known' | undefined {
  const c = codings.find((x) => x.code && ABSENT_UNKNOWN_SYSTEMS.has(x.system ?? ''));
  if (!c) return undefined;
  return /^no-known-/.test(c.code!) ? 'none-known' : 'no-info';
}

function codingsOf(cc: Json | undefined): Coding[] {
  return Array.isArray(cc?.coding) ? (cc!.coding as Coding[]).filter((c) => c && (c.code || c.display)) : [];
}

function codeKeys(codings: Coding[]): string[] {
  const out: string[] = [];
  for (const c of codings) {
    if (!c.code) continue;
    const sys = canonicalSystem(c.system);
    out.push(`${sys}|${c.code}`);
  }
  return out;
}

function textOf(cc: Json | undefined): string | undefined {
  const t = typeof cc?.text === 'string' ? cc.text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim() : '';
  return t || undefined;
}

function displayOf(cc: Json | undefined, fallback = 'Unnamed'): string {
  const codings = codingsOf(cc);
  return textOf(cc) ?? codings.find((c) => c.display)?.display ?? codings[0]?.code ?? fallback;
}

function first(...xs: unknown[]): string | undefined {
  for (const x of xs) if (typeof x === 'string' && x) return x;
  return undefined;
}

function rankOf(ctx: FactContext, codes: string[], date?: string, extra = 0): number {
  return (ctx.structured ? 1000 : 0) + Math.min(codes.length, 5) * 10 + precisionOf(date) + extra;
}

/**
 * A strength as printed: an amount (mass, mEq, units, percent) and what it is per (a volume,
 * an actuation, an hour, a gram). Letters may not follow a unit ("1 % topical", "100 GM" and
 * "20mg" match; "5 mgs" does not) nor come right before the number ("O2 %" is no strength).
 */
const STRENGTH = /(?<![a-z\d.,])(\d+(?:[.,]\d+)?)\s*(mcg|µg|μg|ug|mg|milligrams?|micrograms?|grams?|gm|g|meq|units?|iu|%)(?![a-z])(?:\s*(?:\/|per)\s*(\d+(?:[.,]\d+)?)?\s*(ml|l|actuat(?:ion)?s?|hr|h|g)(?![a-z]))?/i;

/** Printed amount units → UCUM; masses are then converted to mg by UCUM, the other kinds kept. */
const AMOUNT_UCUM: Record<string, string> = { mcg: 'ug', µg: 'ug', μg: 'ug', ug: 'ug', mg: 'mg', milligram: 'mg', milligrams: 'mg', microgram: 'ug', micrograms: 'ug', gram: 'g', grams: 'g', gm: 'g', g: 'g' };
const num = (t: string) => Number(t.replace(',', '.'));
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * "500 MG" → "500 mg"; "500 mcg/mL" → "0.5 mg/mL"; "250 mg/5 mL" → "50 mg/mL"; "1 g/L" →
 * "1 mg/mL"; "0.05 mg/actuat"; "1 %"; "10 units/mL". Masses go to mg and volumes to mL
 * through UCUM (conversionFactor), so the spellings of one strength give one key.
 */
export function strengthOf(texts: Array<string | undefined>): string | undefined {
  for (const t of texts) {
    if (!t) continue;
    const m = STRENGTH.exec(t);
    if (!m) continue;
    let n = num(m[1]);
    const printed = m[2].toLowerCase();
    let u: string;
    const mass = AMOUNT_UCUM[printed];
    if (mass) {
      const f = conversionFactor(mass, 'mg');
      if (f === null) continue;
      n *= f;
      u = 'mg';
    } else u = printed === 'units' || printed === 'unit' || printed === 'iu' ? 'unit' : printed;
    let per = '';
    if (m[4]) {
      const den = m[4].toLowerCase();
      const count = m[3] ? num(m[3]) : 1;
      if (!(count > 0)) continue;
      if (den === 'ml' || den === 'l') {
        const f = conversionFactor(den === 'l' ? 'L' : 'mL', 'mL');
        if (f === null) continue;
        n /= count * f;
        per = '/mL';
      } else {
        n /= count;
        per = `/${den.startsWith('actuat') ? 'actuat' : den === 'h' ? 'hr' : den}`;
      }
    }
    return `${round4(n)} ${u}${per}`;
  }
  return undefined;
}

function medStatus(r: Json): string | undefined {
  const s = r.status as string | undefined;
  if (!s) return undefined;
  if (['active', 'intended', 'on-hold', 'draft'].includes(s)) return r.intent === 'plan' || r.intent === 'proposal' ? 'planned' : 'active';
  if (['completed', 'stopped', 'cancelled', 'not-taken', 'revoked', 'ended'].includes(s)) return 'stopped';
  return s;
}

function clinicalStatus(r: Json): string | undefined {
  const ver = r.verificationStatus?.coding?.[0]?.code as string | undefined;
  if (ver === 'refuted' || ver === 'entered-in-error') return ver;
  const c = (r.clinicalStatus?.coding?.[0]?.code ?? r.clinicalStatus) as string | undefined;
  if (typeof c !== 'string') return undefined;
  if (['active', 'recurrence', 'relapse'].includes(c)) return 'active';
  if (['inactive', 'remission', 'resolved'].includes(c)) return 'resolved';
  return c;
}

function quantityValue(q: Json | undefined): FactValue | undefined {
  if (!q || (q.value == null && !q.unit && !q.code)) return undefined;
  const v: FactValue = {};
  if (typeof q.value === 'number') v.value = q.value;
  if (q.comparator) v.comparator = q.comparator;
  const unit = first(q.code, q.unit);
  if (unit) v.unit = unit;
  return v;
}

function rangeOf(r: Json): FactValue['range'] {
  const rr = Array.isArray(r.referenceRange) ? r.referenceRange[0] : undefined;
  if (!rr) return undefined;
  const out: NonNullable<FactValue['range']> = {};
  if (typeof rr.low?.value === 'number') out.low = rr.low.value;
  if (typeof rr.high?.value === 'number') out.high = rr.high.value;
  const unit = first(rr.low?.unit, rr.high?.unit, rr.low?.code, rr.high?.code);
  if (unit) out.unit = unit;
  if (rr.text) out.text = rr.text;
  return Object.keys(out).length ? out : undefined;
}

/** "5.0", "Value=50 units=mg/dL", "<0.5 mg/dL" written as text → a number with its unit. */
function numericText(t: string): FactValue | undefined {
  const m = /^\s*(?:value\s*=\s*)?(<=|>=|<|>)?\s*(-?\d+(?:\.\d+)?)\s*(?:units?\s*=\s*)?([^\s\d][^\s]*)?\s*$/i.exec(t);
  if (!m) return undefined;
  const v: FactValue = { value: Number(m[2]) };
  if (m[1]) v.comparator = m[1];
  if (m[3]) v.unit = m[3];
  return v;
}

function observationValue(o: Json): FactValue | undefined {
  let v: FactValue | undefined = quantityValue(o.valueQuantity);
  if (!v && typeof o.valueString === 'string') v = numericText(o.valueString) ?? { text: o.valueString };
  if (!v && o.valueCodeableConcept) v = { text: displayOf(o.valueCodeableConcept, '') };
  if (!v && typeof o.valueInteger === 'number') v = { value: o.valueInteger };
  if (!v && typeof o.valueBoolean === 'boolean') v = { text: o.valueBoolean ? 'Yes' : 'No' };
  if (!v && o.valueRange) v = { text: `${o.valueRange.low?.value ?? ''}-${o.valueRange.high?.value ?? ''} ${o.valueRange.low?.unit ?? ''}`.trim() };
  // The other value[x] types: a titer (Ratio "1:64"), a date or time answered, a period, a waveform.
  if (!v && typeof o.valueRatio?.numerator?.value === 'number' && typeof o.valueRatio?.denominator?.value === 'number') {
    v = { text: `${o.valueRatio.numerator.value}:${o.valueRatio.denominator.value}` };
  }
  if (!v && typeof o.valueDateTime === 'string') v = { text: o.valueDateTime };
  if (!v && typeof o.valueTime === 'string') v = { text: o.valueTime };
  if (!v && (o.valuePeriod?.start || o.valuePeriod?.end)) v = { text: `${o.valuePeriod.start ?? ''}–${o.valuePeriod.end ?? ''}` };
  if (!v && typeof o.valueSampledData?.data === 'string') v = { text: `${o.valueSampledData.data.trim().split(/\s+/).filter(Boolean).length} sampled values` };
  const range = rangeOf(o);
  if (range) v = { ...(v ?? {}), range };
  return v;
}

function categoryCodes(r: Json): string[] {
  const out: string[] = [];
  for (const c of Array.isArray(r.category) ? r.category : []) for (const cd of c?.coding ?? []) if (cd?.code) out.push(String(cd.code));
  return out;
}

const NOT_RESULT_CATEGORIES = new Set(['social-history', 'survey', 'exam', 'therapy', 'activity', 'procedure', 'imaging', 'functional-status', 'cognitive-status']);

function observationFacts(r: Json, rid: string, ctx: FactContext): Fact[] {
  if (r.status === 'entered-in-error') return [];
  const cats = categoryCodes(r);
  const date = first(r.effectiveDateTime, r.effectivePeriod?.start, r.effectiveInstant, r.issued);
  const codings = codingsOf(r.code);
  const tg = testGroupOf(codings, textOf(r.code));
  const isVitalCat = cats.includes('vital-signs');
  const isLabCat = cats.includes('laboratory');
  if (!isVitalCat && !isLabCat && cats.some((c) => NOT_RESULT_CATEGORIES.has(c))) return [];
  if (!isVitalCat && !isLabCat && !tg.group) return [];
  const kind: ItemKind = isVitalCat || tg.kind === 'vital' ? 'vitals' : 'results';
  const value = observationValue(r);
  const facts: Fact[] = [];
  const comps: Json[] = Array.isArray(r.component) ? r.component : [];
  if (comps.length && (tg.kind === 'panel' || !value || value.value === undefined)) {
    comps.forEach((c, i) => {
      const cc = codingsOf(c.code);
      const ctg = testGroupOf(cc, textOf(c.code));
      const v = observationValue(c);
      facts.push(oneObservation(`${rid}#${i}`, rid, kind, c.code, cc, ctg, v, date, ctx));
    });
    return facts;
  }
  if (tg.kind === 'panel' || (!value && Array.isArray(r.hasMember) && r.hasMember.length)) return [];
  if (!value) return [];
  return [oneObservation(rid, rid, kind, r.code, codings, tg, value, date, ctx)];
}

function oneObservation(id: string, rid: string, kind: ItemKind, code: Json, codings: Coding[], tg: ReturnType<typeof testGroupOf>, value: FactValue | undefined, date: string | undefined, ctx: FactContext): Fact {
  const group = tg.group ?? (tg.loinc ? `loinc:${tg.loinc}` : `text:${fold(displayOf(code)).slice(0, 60)}`);
  const display = labGroup(tg.group)?.display ?? loincEntry(tg.loinc)?.display ?? displayOf(code);
  const normalized = value?.value !== undefined ? toTrendUnit(value.value, value.unit, tg.group) : undefined;
  const minute = minuteOf(date);
  const codes = codeKeys(codings);
  return {
    id,
    resourceId: rid,
    documentId: ctx.documentId,
    kind,
    // A result without a date of its own (a narrative table, a fax) sits on its document's day: there it may join a dated copy (cluster.ts says when).
    block: `${group}|${dayOf(date) ?? date?.slice(0, 7) ?? dayOf(ctx.documentDate) ?? 'undated'}`,
    display,
    date,
    codes,
    keys: minute && !minute.endsWith('T00:00') ? [`t:${minute}`] : [],
    value: value ? { ...value, ...(value.unit ? { unit: toUcum(value.unit) ?? value.unit } : {}) } : undefined,
    normalized,
    rank: rankOf(ctx, codes, date, value?.value !== undefined ? 5 : 0),
    recorded: ctx.documentDate,
  };
}

/**
 * What medicine a medication resource names: its CodeableConcept, else a contained Medication's
 * code (`medicationReference: {reference: '#med1'}`, as Epic and Cerner send them inside the
 * request or dispense), else the reference's display.
 */
function medicationConcept(r: Json): Json | undefined {
  if (r.medicationCodeableConcept) return r.medicationCodeableConcept;
  const ref = r.medicationReference;
  if (typeof ref?.reference === 'string' && ref.reference.startsWith('#') && Array.isArray(r.contained)) {
    const med = r.contained.find((c: Json) => c?.resourceType === 'Medication' && `#${c.id}` === ref.reference);
    if (med?.code && (codingsOf(med.code).length || textOf(med.code))) return med.code;
  }
  return ref?.display ? { text: ref.display } : undefined;
}

/** A fact that says a medicine was handed over or paid for, not that it is taken now. */
interface MedicationEvidence {
  id: string;
  date?: string;
  status?: string;
  recorded?: string;
  /** Added to the rank: evidence ranks below what a prescriber or the patient stated. */
  rankExtra: number;
}

function medicationFact(r: Json, rid: string, ctx: FactContext): Fact | undefined {
  const date = first(r.effectivePeriod?.start, r.effectiveDateTime, r.authoredOn, r.dispenseRequest?.validityPeriod?.start, r.dateAsserted);
  return medicationFromConcept(medicationConcept(r), rid, { id: rid, date, status: medStatus(r), recorded: first(r.dateAsserted, ctx.documentDate), rankExtra: 0 }, ctx);
}

/**
 * A pharmacy's dispense: the medicine was filled on that day. Its status ("completed") is the
 * dispense's, not the treatment's, so it ranks below statements and orders (an active order
 * joined by its fills stays the item's display source, and current).
 */
function dispenseFact(r: Json, rid: string, ctx: FactContext): Fact | undefined {
  if (['entered-in-error', 'cancelled', 'declined', 'stopped'].includes(r.status)) return undefined;
  const date = first(r.whenHandedOver, r.whenPrepared);
  return medicationFromConcept(medicationConcept(r), rid, { id: rid, date, status: 'completed', recorded: ctx.documentDate, rankExtra: -100 }, ctx);
}

function medicationFromConcept(cc: Json | undefined, rid: string, ev: MedicationEvidence, ctx: FactContext): Fact | undefined {
  if (!cc) return undefined;
  const codings = codingsOf(cc);
  const text = textOf(cc);
  const ings = ingredientsOf(codings, text);
  const rx = codings.find((c) => canonicalSystem(c.system) === SYSTEMS.rxnorm && c.code);
  const ndc = codings.find((c) => canonicalSystem(c.system) === SYSTEMS.ndc && c.code);
  const fallbackWords = words(text ?? codings[0]?.display).filter((w) => !/^\d/.test(w)).slice(0, 2).join(' ');
  if (!ings.length && NO_MEDS.test(fold(text ?? codings[0]?.display))) return undefined;
  // A package code alone (a pharmacy claim's NDC without a name) still names one product.
  const block = ings.length ? ings.join('+') : rx ? `rxnorm:${rx.code}` : fallbackWords ? `text:${fallbackWords}` : ndc ? `ndc:${ndc.code}` : undefined;
  if (!block) return undefined;
  const strength = strengthOf([...codings.filter((c) => canonicalSystem(c.system) === SYSTEMS.rxnorm).map((c) => c.display), text, ...codings.map((c) => c.display)]);
  const codes = codeKeys(codings);
  const shown = textOf(cc) ?? codings.find((c) => c.display)?.display ?? (ndc && !rx ? `NDC ${ndc.code}` : displayOf(cc));
  return {
    id: ev.id,
    resourceId: rid,
    documentId: ctx.documentId,
    kind: 'medications',
    block,
    display: shown,
    date: ev.date,
    status: ev.status,
    codes,
    keys: strength ? [`s:${strength}`] : [],
    strength,
    rank: rankOf(ctx, codes, ev.date, (strength ? 3 : 0) + ev.rankExtra),
    recorded: ev.recorded,
  };
}

function problemFact(r: Json, rid: string, ctx: FactContext): Fact | undefined {
  const codings = codingsOf(r.code);
  const display0 = displayOf(r.code, '');
  const icd = codings.find((c) => [SYSTEMS.icd10cm, SYSTEMS.icd10].includes(canonicalSystem(c.system) as never) && c.code);
  const display = display0 || icd10Display(icd?.code) || '';
  if (!display && !codings.length) return undefined;
  const codes = codeKeys(codings);
  const date0 = first(r.onsetDateTime, r.onsetPeriod?.start, r.recordedDate);
  if (codings.some((c) => c.code && NO_PROBLEMS_CODES.has(c.code)) || absentOrUnknown(codings) === 'none-known' || NO_PROBLEMS_TEXT.test(fold(display))) {
    return { id: rid, resourceId: rid, documentId: ctx.documentId, kind: 'problems', block: '*', display: 'No known problems', date: date0, status: 'none-known', codes, keys: ['none-known'], rank: rankOf(ctx, codes, date0), recorded: first(r.recordedDate, ctx.documentDate) };
  }
  const keys = codes.filter((k) => !k.endsWith('|') && !GENERIC_CODES.has(k.split('|')[1])).map((k) => (k.startsWith(SYSTEMS.icd10cm) || k.startsWith(SYSTEMS.icd10) ? `~icd10:${icd10Category(k.split('|')[1])}` : k));
  const w = words(display).sort().join(' ');
  if (w && !/^\d+$/.test(w)) keys.push(`text:${w}`);
  const date = date0;
  return {
    id: rid,
    resourceId: rid,
    documentId: ctx.documentId,
    kind: 'problems',
    block: '*',
    display: display || codings[0]?.code || 'Unnamed problem',
    date,
    status: clinicalStatus(r),
    codes,
    keys,
    rank: rankOf(ctx, codes, date),
    recorded: first(r.recordedDate, ctx.documentDate),
  };
}

function allergyFact(r: Json, rid: string, ctx: FactContext): Fact | undefined {
  const codings = codingsOf(r.code);
  const display = displayOf(r.code, '');
  const codes = codeKeys(codings);
  const status = clinicalStatus(r);
  const nka = codings.some((c) => c.code && NKA_CODES.has(c.code)) || absentOrUnknown(codings) === 'none-known' || NKA_TEXT.test(fold(display)) || (!codings.length && !display && status === 'refuted');
  const date = first(r.onsetDateTime, r.onsetPeriod?.start, r.recordedDate);
  if (nka) {
    return { id: rid, resourceId: rid, documentId: ctx.documentId, kind: 'allergies', block: '*', display: 'No known allergies', date, status: 'none-known', codes, keys: ['nka'], rank: rankOf(ctx, codes, date), recorded: first(r.recordedDate, ctx.documentDate) };
  }
  if (!display && !codings.length) return undefined;
  const ings = ingredientsOf(codings, display);
  const keys = ings.map((i) => `ing:${i}`);
  for (const k of codes) if (!GENERIC_CODES.has(k.split('|')[1])) keys.push(k);
  // A source that wrote only the code as its text ("7980"): show the substance's name.
  const shown = (/^\d+$/.test(display.trim()) || !display) && ings.length ? ings.map((i) => i[0].toUpperCase() + i.slice(1)).join(' / ') : display;
  const w = words(shown).sort().join(' ');
  if (w && !/^\d+$/.test(w)) keys.push(`text:${w}`);
  return {
    id: rid,
    resourceId: rid,
    documentId: ctx.documentId,
    kind: 'allergies',
    block: '*',
    display: shown || codings[0]?.code || 'Unnamed allergy',
    date,
    status: status ?? 'active',
    codes,
    keys,
    rank: rankOf(ctx, codes, date, Array.isArray(r.reaction) && r.reaction.length ? 2 : 0),
    recorded: first(r.recordedDate, ctx.documentDate),
  };
}

function immunizationFact(r: Json, rid: string, ctx: FactContext): Fact | undefined {
  const codings = codingsOf(r.vaccineCode);
  const text = textOf(r.vaccineCode);
  const group = vaccineGroupOf(codings, text);
  const cvx = codings.find((c) => canonicalSystem(c.system) === SYSTEMS.cvx && c.code);
  if (group === 'none' || group === 'unknown') return undefined;
  const block = group ?? (cvx ? `cvx:${cvx.code}` : `text:${words(text ?? codings[0]?.display).slice(0, 3).join(' ')}`);
  const date = first(r.occurrenceDateTime, r.occurrenceString, r.recorded);
  const codes = codeKeys(codings);
  const day = dayOf(date);
  return {
    id: rid,
    resourceId: rid,
    documentId: ctx.documentId,
    kind: 'immunizations',
    block,
    display: text ?? cvxEntry(cvx?.code)?.display ?? displayOf(r.vaccineCode),
    date,
    status: r.status === 'not-done' ? 'not-done' : r.status === 'entered-in-error' ? 'entered-in-error' : 'completed',
    codes,
    keys: day ? [`d:${day}`] : date ? [`d:${date}`] : [],
    rank: rankOf(ctx, codes, date, r.lotNumber ? 2 : 0),
    recorded: first(r.recorded, ctx.documentDate),
  };
}

function encounterFact(r: Json, rid: string, ctx: FactContext): Fact | undefined {
  const date = first(r.period?.start, r.period?.end);
  const facility = first(r.location?.[0]?.location?.display, r.serviceProvider?.display);
  const typeCc = Array.isArray(r.type) ? r.type[0] : undefined;
  const display = first(textOf(typeCc), codingsOf(typeCc).find((c) => c.display)?.display, r.class?.display && r.class.code !== 'UNK' ? r.class.display : undefined, 'Visit')!;
  const codes = codeKeys(codingsOf(typeCc));
  return {
    id: rid,
    resourceId: rid,
    documentId: ctx.documentId,
    kind: 'encounters',
    block: dayOf(date) ?? date?.slice(0, 7) ?? 'undated',
    display,
    date,
    status: r.status,
    codes,
    keys: facility ? [`f:${words(facility).join(' ')}`] : [],
    facility,
    rank: rankOf(ctx, codes, date, facility ? 2 : 0),
    recorded: ctx.documentDate,
  };
}

function procedureFact(r: Json, rid: string, ctx: FactContext): Fact | undefined {
  if (r.status === 'entered-in-error' || r.status === 'not-done') return undefined;
  const date = first(r.performedDateTime, r.performedPeriod?.start, r.performedString);
  return procedureFromConcept(r.code, rid, rid, date, r.status, 0, ctx);
}

function procedureFromConcept(cc: Json | undefined, id: string, rid: string, date: string | undefined, status: string | undefined, rankExtra: number, ctx: FactContext): Fact | undefined {
  const codings = codingsOf(cc);
  const display = displayOf(cc, '');
  if (!display && !codings.length) return undefined;
  const codes = codeKeys(codings);
  // A billing code alone ("77085") reads with its system's name, so it is not taken for a number.
  const bare = !textOf(cc) && !codings.some((c) => c.display) ? codings.find((c) => c.code && claimProcedureSystem(c.system)) : undefined;
  return {
    id,
    resourceId: rid,
    documentId: ctx.documentId,
    kind: 'procedures',
    block: dayOf(date) ?? date?.slice(0, 7) ?? 'undated',
    display: bare ? `${claimProcedureSystem(bare.system)} ${bare.code}` : display || codings[0]?.code || 'Unnamed procedure',
    date,
    status,
    codes,
    keys: [...codes.filter((k) => !GENERIC_CODES.has(k.split('|')[1])), ...(display && !bare ? [`text:${words(display).sort().join(' ')}`] : [])],
    rank: rankOf(ctx, codes, date, rankExtra),
    recorded: ctx.documentDate,
  };
}

/**
 * The procedure code systems claims bill services in, by the name a person knows them by
 * (CPT, HCPCS as CMS and CARIN write its URI, ICD-10-PCS, CDT). SNOMED CT and revenue codes
 * are not among them: an EHR's own claims (Synthea) list the visit's type there, not a service.
 */
function claimProcedureSystem(system: string | undefined): string | undefined {
  const s = canonicalSystem(system);
  if (s === SYSTEMS.cpt) return 'CPT';
  if (/hcpcs/i.test(s)) return 'HCPCS';
  if (/icd-?10-?pcs|\/Coding\/ICD10\b/i.test(s)) return 'ICD-10-PCS';
  if (/ada\.org\/cdt|\/cdt\b/i.test(s)) return 'CDT';
  return undefined;
}

/** CPT evaluation and management codes (office, hospital, ER visits…): a visit billed, not a procedure. */
const EVALUATION_AND_MANAGEMENT = /^99[2-4]\d\d$/;

/**
 * A payer's ExplanationOfBenefit (CARIN Blue Button, CMS Blue Button 2.0): often the only
 * record a person has of a prescription filled or a service performed. Each claim line coded
 * as a drug (NDC, RxNorm) is a medication fact, each line coded as a procedure (CPT, HCPCS,
 * ICD-10-PCS, CDT; visits' E/M codes aside) and each `procedure` entry a procedure fact, with
 * ids `<resource>#<n>` / `<resource>#p<n>`. They rank below an EHR's own statements, which
 * stay the display source when both speak of one thing. Claims in error are skipped.
 */
function claimFacts(r: Json, rid: string, ctx: FactContext): Fact[] {
  if (r.status === 'entered-in-error' || r.outcome === 'error') return [];
  const out: Fact[] = [];
  const claimDate = first(r.billablePeriod?.start, r.created);
  const items: Json[] = Array.isArray(r.item) ? r.item : [];
  items.forEach((it, i) => {
    if (!it || typeof it !== 'object') return;
    const codings = codingsOf(it.productOrService);
    const date = first(it.servicedDate, it.servicedPeriod?.start, claimDate);
    const id = `${rid}#${i}`;
    if (codings.some((c) => c.code && [SYSTEMS.ndc, SYSTEMS.rxnorm].includes(canonicalSystem(c.system) as never))) {
      const f = medicationFromConcept(it.productOrService, rid, { id, date, status: 'completed', recorded: ctx.documentDate, rankExtra: -100 }, ctx);
      if (f) out.push(f);
      return;
    }
    const billed = codings.filter((c) => c.code && claimProcedureSystem(c.system) && !(claimProcedureSystem(c.system) === 'CPT' && EVALUATION_AND_MANAGEMENT.test(c.code)));
    if (!billed.length) return;
    const f = procedureFromConcept({ ...it.productOrService, coding: billed }, id, rid, date, 'completed', -100, ctx);
    if (f) out.push(f);
  });
  const procedures: Json[] = Array.isArray(r.procedure) ? r.procedure : [];
  procedures.forEach((p, j) => {
    if (!p?.procedureCodeableConcept) return;
    const f = procedureFromConcept(p.procedureCodeableConcept, `${rid}#p${j}`, rid, first(p.date, claimDate), 'completed', -100, ctx);
    if (f) out.push(f);
  });
  return out;
}

/** The facts of one stored resource (none for resource types the record does not merge). */
/** The element holding what a resource is about, for the absent/unknown check. */
const SUBJECT_CODE: Record<string, string> = {
  MedicationStatement: 'medicationCodeableConcept',
  MedicationRequest: 'medicationCodeableConcept',
  MedicationDispense: 'medicationCodeableConcept',
  AllergyIntolerance: 'code',
  Condition: 'code',
  Procedure: 'code',
  Immunization: 'vaccineCode',
};

export function factsOf(resource: Resource, resourceId: string, ctx: FactContext): Fact[] {
  const r = resource as unknown as Json;
  const held = SUBJECT_CODE[resource.resourceType];
  const absent = held ? absentOrUnknown(codingsOf(r[held])) : undefined;
  // "No information": nothing to merge. "No known": the allergy and problem facts say none-known; other kinds have no such item.
  if (absent === 'no-info' || (absent === 'none-known' && resource.resourceType !== 'AllergyIntolerance' && resource.resourceType !== 'Condition')) return [];
  let f: Fact | undefined;
  switch (resource.resourceType) {
    case 'Observation':
      return observationFacts(r, resourceId, ctx);
    case 'MedicationStatement':
    case 'MedicationRequest':
      f = medicationFact(r, resourceId, ctx);
      break;
    case 'MedicationDispense':
      f = dispenseFact(r, resourceId, ctx);
      break;
    case 'ExplanationOfBenefit':
      return claimFacts(r, resourceId, ctx);
    case 'Condition':
      f = r.verificationStatus?.coding?.[0]?.code === 'entered-in-error' ? undefined : problemFact(r, resourceId, ctx);
      break;
    case 'AllergyIntolerance':
      f = allergyFact(r, resourceId, ctx);
      break;
    case 'Immunization':
      f = immunizationFact(r, resourceId, ctx);
      break;
    case 'Encounter':
      f = encounterFact(r, resourceId, ctx);
      break;
    case 'Procedure':
      f = procedureFact(r, resourceId, ctx);
      break;
  }
  return f ? [f] : [];
}

/** Resource types that can produce facts (the reconcile job reads only these). */
export const FACT_RESOURCE_TYPES = ['Observation', 'MedicationStatement', 'MedicationRequest', 'MedicationDispense', 'Condition', 'AllergyIntolerance', 'Immunization', 'Encounter', 'Procedure', 'ExplanationOfBenefit'];

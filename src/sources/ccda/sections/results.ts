/**
 * Results → DiagnosticReport (one per Result Organizer) with its result Observations: value
 * (Quantity, CodeableConcept, string, Range, Ratio…), unit (free text kept), reference range
 * and interpretation. A bare result observation becomes an Observation alone.
 */
import type { CodeableConcept, DiagnosticReport, Observation, ObservationReferenceRange } from '@medplum/fhirtypes';
import type { CdaNode } from '../xml.js';
import { all, attr, kid, kids, textOf } from '../xml.js';
import type { MapContext, Mapped } from '../context.js';
import { ref } from '../context.js';
import { authorTime, compact, concept, decimal, effectiveOf, identifiers, performerNames, quantity, range, ratio, textValue } from '../datatypes.js';
import { toFhirDateTime } from '../dates.js';
import { codeOrText, negated, related, status, stmtText } from './common.js';

const OBS_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const V2_0074 = 'http://terminology.hl7.org/CodeSystem/v2-0074';
const INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';

export const category = (code: string, display: string, system = OBS_CATEGORY): CodeableConcept => ({ coding: [{ system, code, display }] });

const OBS_STATUS: Record<string, Observation['status']> = { completed: 'final', active: 'preliminary', aborted: 'cancelled', cancelled: 'cancelled', nullified: 'entered-in-error', held: 'registered', new: 'registered' };

const NUMBER_INTERVALS = new Set(['IVL_PQ', 'IVL_REAL', 'IVL_INT', 'IVL_MO']);

/** The value[x] of an observation, by its xsi:type (and by shape when the type is missing). */
export function observationValue(obs: CdaNode, ctx: MapContext): Partial<Observation> {
  const v = kid(obs, 'value');
  if (!v || (attr(v, 'nullFlavor') && !kid(v, 'originalText') && !kid(v, 'translation'))) return {};
  const type = (attr(v, 'type') ?? '').toUpperCase();
  if (type === 'PQ' || (!type && attr(v, 'unit') !== undefined)) {
    const q = quantity(v);
    if (q) return { valueQuantity: q };
    const raw = attr(v, 'value');
    return raw ? { valueString: [raw, attr(v, 'unit')].filter(Boolean).join(' ') } : {};
  }
  if (type === 'INT' || type === 'REAL' || type === 'MO') {
    const n = decimal(attr(v, 'value'));
    if (n !== undefined) return type === 'INT' && Number.isInteger(n) ? { valueInteger: n } : { valueQuantity: { value: n } };
    return attr(v, 'value') ? { valueString: attr(v, 'value') } : {};
  }
  // Intervals of numbers: IVL_PQ, and the unitless IVL_REAL / IVL_INT that Epic sends for a result
  // measured as a span ("8,142-8,588"); before, only IVL_PQ was read and the others lost their value.
  if (NUMBER_INTERVALS.has(type) || (!type && (kid(v, 'low') || kid(v, 'high')) && !attr(v, 'value'))) {
    const r = range(v);
    if (r) return { valueRange: r };
    const q = quantity(v);
    return q ? { valueQuantity: q } : {};
  }
  if (type === 'RTO' || type === 'RTO_PQ_PQ') {
    const r = ratio(v);
    return r ? { valueRatio: r } : {};
  }
  if (type === 'BL') {
    const b = attr(v, 'value');
    return b === 'true' || b === 'false' ? { valueBoolean: b === 'true' } : {};
  }
  if (type === 'TS') {
    const d = toFhirDateTime(attr(v, 'value'));
    return d ? { valueDateTime: d } : {};
  }
  if (type === 'ST' || type === 'ED' || type === 'SC') {
    const t = textValue(v, ctx);
    return t ? { valueString: t } : {};
  }
  const c = concept(v, ctx);
  if (c) return { valueCodeableConcept: c };
  if (attr(v, 'value')) {
    const n = decimal(attr(v, 'value'));
    return n !== undefined ? { valueQuantity: quantity(v) ?? { value: n } } : { valueString: attr(v, 'value') };
  }
  const t = textOf(v);
  return t ? { valueString: t } : {};
}

export function referenceRanges(obs: CdaNode, ctx: MapContext): ObservationReferenceRange[] | undefined {
  const out: ObservationReferenceRange[] = [];
  for (const or of all(obs, 'referenceRange', 'observationRange')) {
    const v = kid(or, 'value');
    const rr = compact<ObservationReferenceRange>({
      low: quantity(kid(v, 'low')),
      high: quantity(kid(v, 'high')),
      text: textValue(kid(or, 'text'), ctx) ?? (v && !kid(v, 'low') && !kid(v, 'high') ? textOf(v) || attr(v, 'value') : undefined),
      appliesTo: undefined,
    });
    if (Object.keys(rr).length) out.push(rr);
  }
  return out.length ? out : undefined;
}

function interpretation(obs: CdaNode, ctx: MapContext): CodeableConcept[] | undefined {
  const out = kids(obs, 'interpretationCode')
    .map((n) => {
      const c = concept(n, ctx);
      if (c?.coding?.length && !attr(n, 'codeSystem')) c.coding = c.coding.map((x) => ({ ...x, system: INTERPRETATION }));
      return c;
    })
    .filter((x): x is CodeableConcept => !!x);
  return out.length ? out : undefined;
}

/** One observation → Observation of the given category (undefined when it has neither code nor value). */
export function mapObservation(obs: CdaNode, ctx: MapContext, cat: CodeableConcept | undefined, fallbackDate?: string): Mapped | undefined {
  const code = codeOrText(obs, ctx);
  const value = observationValue(obs, ctx);
  if (!code && !Object.keys(value).length) return undefined;
  const eff = effectiveOf(obs);
  const note = stmtText(obs, ctx);
  const res = compact<Observation>({
    resourceType: 'Observation',
    id: ctx.newId(),
    identifier: identifiers(obs),
    status: OBS_STATUS[status(obs) ?? ''] ?? 'final',
    category: cat ? [cat] : undefined,
    code: code ?? { text: 'Unknown observation' },
    subject: ctx.patient,
    effectiveDateTime: eff.dateTime ?? (eff.period ? undefined : fallbackDate),
    effectivePeriod: eff.period,
    issued: undefined,
    performer: performerNames(obs).map((n) => ({ display: n })),
    ...value,
    dataAbsentReason: Object.keys(value).length || !kid(obs, 'value') ? undefined : { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'unknown' }] },
    interpretation: interpretation(obs, ctx),
    referenceRange: referenceRanges(obs, ctx),
    method: concept(kid(obs, 'methodCode'), ctx),
    bodySite: concept(kid(obs, 'targetSiteCode'), ctx),
    note: note && note !== code?.text ? [{ text: note }] : undefined,
    modifierExtension: undefined,
  });
  if (negated(obs)) ctx.warn('negated-observation', `observation "${code?.text ?? ''}" is negated (negationInd): kept with a note`);
  if (negated(obs)) (res as Observation).note = [...((res as Observation).note ?? []), { text: 'Not present (negationInd=true in the source)' }];
  return res as Mapped;
}

/** Component observations of an organizer (nested organizers flattened). */
export function componentObservations(org: CdaNode): CdaNode[] {
  const out: CdaNode[] = [];
  for (const c of related(org)) {
    if (c.name === 'observation') out.push(c);
    else if (c.name === 'organizer') out.push(...componentObservations(c));
  }
  return out;
}

/**
 * Component observations with the time of their nearest enclosing container that has one. An
 * IHE XD-LAB entry is an act holding battery organizers: the act carries no time and each battery
 * dates its results, which read without it had no date at all.
 */
export function datedComponentObservations(container: CdaNode, inherited?: string): Array<{ obs: CdaNode; date?: string }> {
  const e = effectiveOf(container);
  const date = e.dateTime ?? e.period?.start ?? inherited;
  const out: Array<{ obs: CdaNode; date?: string }> = [];
  for (const c of related(container)) {
    if (c.name === 'observation') out.push({ obs: c, date });
    else if (c.name === 'organizer') out.push(...datedComponentObservations(c, date));
  }
  return out;
}

const DR_STATUS: Record<string, DiagnosticReport['status']> = { completed: 'final', active: 'preliminary', aborted: 'cancelled', cancelled: 'cancelled', nullified: 'entered-in-error', new: 'registered' };

export function mapResultEntry(stmt: CdaNode, ctx: MapContext): Mapped[] {
  const lab = category('laboratory', 'Laboratory');
  if (stmt.name === 'observation') return [mapObservation(stmt, ctx, lab)].filter((x): x is Mapped => !!x);
  if (stmt.name !== 'organizer' && stmt.name !== 'act' && stmt.name !== 'procedure') return [];
  const eff = effectiveOf(stmt);
  const comps = datedComponentObservations(stmt);
  const firstDate = comps.map(({ obs, date }) => effectiveOf(obs).dateTime ?? effectiveOf(obs).period?.start ?? date).find(Boolean);
  const observations = comps.map(({ obs, date }) => mapObservation(obs, ctx, lab, date)).filter((x): x is Mapped => !!x);
  const code = codeOrText(stmt, ctx) ?? (observations.length === 1 ? (observations[0] as Observation).code : undefined);
  if (!code && !observations.length) return [];
  const report = compact<DiagnosticReport>({
    resourceType: 'DiagnosticReport',
    id: ctx.newId(),
    identifier: identifiers(stmt),
    status: DR_STATUS[status(stmt) ?? ''] ?? 'final',
    category: [category('LAB', 'Laboratory', V2_0074)],
    code: code ?? { text: 'Results' },
    subject: ctx.patient,
    effectiveDateTime: eff.dateTime ?? (eff.period ? undefined : firstDate),
    effectivePeriod: eff.period,
    issued: undefined,
    performer: performerNames(stmt).map((n) => ({ display: n })),
    result: observations.map(ref),
  });
  void authorTime;
  return [report as Mapped, ...observations];
}

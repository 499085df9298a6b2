/**
 * Medications (and admission/discharge/administered medications) → MedicationStatement with
 * dose, route, frequency (PIVL_TS/EIVL_TS → Timing) and start/stop (IVL_TS → effectivePeriod).
 * negationInd → status not-taken; moodCode INT → status intended.
 */
import type { Dosage, MedicationStatement, Timing, TimingRepeat } from '@medplum/fhirtypes';
import type { CdaNode } from '../xml.js';
import { attr, kid, kids } from '../xml.js';
import type { MapContext, Mapped } from '../context.js';
import { authorTime, compact, concept, decimal, effective, identifiers, quantity, range } from '../datatypes.js';
import { codeOrText, isIntent, negated, productConcept, related, status, stmtText, tmpl } from './common.js';

const UNITS: Record<string, TimingRepeat['periodUnit']> = {
  s: 's', sec: 's', second: 's', seconds: 's', min: 'min', minute: 'min', minutes: 'min', h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
  d: 'd', day: 'd', days: 'd', wk: 'wk', week: 'wk', weeks: 'wk', mo: 'mo', month: 'mo', months: 'mo', a: 'a', yr: 'a', year: 'a', years: 'a',
};
const EVENTS = new Set(['MORN', 'MORN.early', 'MORN.late', 'NOON', 'AFT', 'AFT.early', 'AFT.late', 'EVE', 'EVE.early', 'EVE.late', 'NIGHT', 'PHS', 'HS', 'WAKE', 'C', 'CM', 'CD', 'CV', 'AC', 'ACM', 'ACD', 'ACV', 'PC', 'PCM', 'PCD', 'PCV']);

/** PIVL_TS / EIVL_TS effectiveTimes → Timing; undefined when there is none. */
export function timing(stmt: CdaNode): Timing | undefined {
  const repeat: TimingRepeat = {};
  for (const e of kids(stmt, 'effectiveTime')) {
    const type = attr(e, 'type') ?? '';
    if (/PIVL/.test(type) || kid(e, 'period')) {
      const p = kid(e, 'period');
      const unitRaw = attr(p, 'unit') ?? attr(kid(p, 'low'), 'unit');
      const unit = unitRaw ? UNITS[unitRaw] ?? UNITS[unitRaw.toLowerCase()] : undefined;
      const value = decimal(attr(p, 'value')) ?? decimal(attr(kid(p, 'low'), 'value'));
      const max = decimal(attr(kid(p, 'high'), 'value'));
      if (value !== undefined && value > 0 && unit) {
        repeat.frequency = 1;
        repeat.period = value;
        if (max !== undefined && max > value) repeat.periodMax = max;
        repeat.periodUnit = unit;
      }
    } else if (/EIVL/.test(type) || kid(e, 'event')) {
      const code = attr(kid(e, 'event'), 'code');
      if (code && EVENTS.has(code)) repeat.when = [...(repeat.when ?? []), code as NonNullable<TimingRepeat['when']>[number]];
    }
  }
  return Object.keys(repeat).length ? { repeat } : undefined;
}

/** The dosage of a substance administration: text, timing, route, dose, rate, max dose, site. */
export function dosage(stmt: CdaNode, ctx: MapContext): Dosage | undefined {
  const doseNode = kid(stmt, 'doseQuantity');
  let dose = quantity(doseNode);
  const doseRange = dose ? undefined : range(doseNode);
  const adminUnit = concept(kid(stmt, 'administrationUnitCode'), ctx);
  if (dose && !dose.unit && adminUnit) dose = { ...dose, unit: adminUnit.text ?? adminUnit.coding?.[0]?.display ?? adminUnit.coding?.[0]?.code };
  const rate = quantity(kid(stmt, 'rateQuantity'));
  const maxNum = quantity(kid(kid(stmt, 'maxDoseQuantity'), 'numerator'));
  const maxDen = quantity(kid(kid(stmt, 'maxDoseQuantity'), 'denominator'));
  const instructions = related(stmt, 'act').filter((a) => tmpl(a, /22\.4\.20$/)).map((a) => concept(kid(a, 'code'), ctx)?.text ?? stmtText(a, ctx)).filter((x): x is string => !!x);
  const d = compact<Dosage>({
    text: stmtText(stmt, ctx),
    patientInstruction: instructions.join('; '),
    timing: timing(stmt),
    asNeededBoolean: kids(stmt, 'precondition').length ? true : undefined,
    route: concept(kid(stmt, 'routeCode'), ctx),
    site: concept(kid(stmt, 'approachSiteCode'), ctx),
    doseAndRate: dose || doseRange || rate ? [compact({ doseQuantity: dose, doseRange, rateQuantity: rate })] : undefined,
    maxDosePerPeriod: maxNum && maxDen ? { numerator: maxNum, denominator: maxDen } : undefined,
  });
  return Object.keys(d).length ? d : undefined;
}

/** "No known medications" (IPS absent-unknown) for a negated administration naming no product. */
export const NO_KNOWN_MEDICATIONS = {
  coding: [{ system: 'http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips', code: 'no-known-medications', display: 'No known medications' }],
  text: 'No known medications',
};

const STATUS: Record<string, MedicationStatement['status']> = {
  active: 'active', completed: 'completed', aborted: 'stopped', suspended: 'on-hold', cancelled: 'stopped', nullified: 'entered-in-error', held: 'on-hold', new: 'intended',
};

/** One substance administration → MedicationStatement (undefined when no medication is named). */
export function mapMedicationActivity(stmt: CdaNode, ctx: MapContext): Mapped | undefined {
  let med = productConcept(stmt, ctx) ?? codeOrText(stmt, ctx);
  if (!med && negated(stmt)) med = NO_KNOWN_MEDICATIONS;
  if (!med) return undefined;
  const periods = kids(stmt, 'effectiveTime').filter((e) => !/PIVL|EIVL|SXPR/.test(attr(e, 'type') ?? '') && !kid(e, 'period') && !kid(e, 'event'));
  const eff = periods.length ? effective(periods[0]) : {};
  // Many vendors list current prescriptions with moodCode INT: an explicit active/completed statusCode wins over the mood.
  const sc = status(stmt) ?? '';
  const st = negated(stmt) ? 'not-taken' : isIntent(stmt) && !['active', 'completed', 'aborted', 'suspended'].includes(sc) ? 'intended' : STATUS[sc] ?? 'unknown';
  const reasons = related(stmt, 'observation').filter((o) => tmpl(o, /22\.4\.19$/)).map((o) => concept(kid(o, 'value'), ctx) ?? concept(kid(o, 'code'), ctx)).filter((x) => !!x);
  const dose = dosage(stmt, ctx);
  const res = compact<MedicationStatement>({
    resourceType: 'MedicationStatement',
    id: ctx.newId(),
    identifier: identifiers(stmt),
    status: st,
    medicationCodeableConcept: med,
    subject: ctx.patient,
    effectiveDateTime: eff.dateTime,
    effectivePeriod: eff.period,
    dateAsserted: authorTime(stmt),
    reasonCode: reasons,
    dosage: dose ? [dose] : undefined,
  });
  return res as Mapped;
}

export function mapMedicationEntry(stmt: CdaNode, ctx: MapContext): Mapped[] {
  if (stmt.name === 'substanceAdministration') return [mapMedicationActivity(stmt, ctx)].filter((x): x is Mapped => !!x);
  if (stmt.name === 'act' || stmt.name === 'organizer') {
    // Discharge/admission medication acts wrap medication activities.
    return related(stmt, 'substanceAdministration').map((s) => mapMedicationActivity(s, ctx)).filter((x): x is Mapped => !!x);
  }
  return [];
}

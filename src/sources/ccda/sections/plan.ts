/**
 * Plan of treatment (and assessment/plan, interventions) → ServiceRequest for planned acts,
 * observations, procedures, encounters and supplies; MedicationRequest (intent plan) for
 * planned medications; Communication for instructions.
 */
import type { Communication, MedicationRequest, ServiceRequest } from '@medplum/fhirtypes';
import type { CdaNode } from '../xml.js';
import type { MapContext, Mapped } from '../context.js';
import { authorTime, compact, concept, effectiveOf, identifiers, performerNames } from '../datatypes.js';
import { codeOrText, mood, negated, productConcept, related, status, stmtText, tmpl } from './common.js';
import { dosage } from './medications.js';
import { kid } from '../xml.js';
import { mapGoal } from './goals.js';
import { mapInstruction } from './notes.js';

const KIND_TEXT: Record<string, string> = { encounter: 'encounter', procedure: 'procedure', observation: 'observation', act: 'activity', supply: 'supply' };
const SR_STATUS: Record<string, ServiceRequest['status']> = { active: 'active', completed: 'completed', aborted: 'revoked', cancelled: 'revoked', new: 'draft', held: 'on-hold', suspended: 'on-hold', nullified: 'entered-in-error' };
const INTENT: Record<string, ServiceRequest['intent']> = { INT: 'plan', RQO: 'order', PRP: 'proposal', PRMS: 'plan', APT: 'order', ARQ: 'order' };

export function mapServiceRequest(stmt: CdaNode, ctx: MapContext): Mapped | undefined {
  const reasons = related(stmt, 'observation')
    .filter((o) => tmpl(o, /22\.4\.19$/) || o.attrs.classCode === 'OBS')
    .map((o) => concept(kid(o, 'value'), ctx) ?? stmtText(o, ctx))
    .map((c) => (typeof c === 'string' ? { text: c } : c))
    .filter((c): c is NonNullable<typeof c> => !!c);
  const code =
    codeOrText(stmt, ctx) ??
    (stmt.name === 'observation' ? concept(kid(stmt, 'value'), ctx) : undefined) ??
    (stmt.name === 'supply' ? productConcept(stmt, ctx) : undefined) ??
    related(stmt)
      .filter((r) => !tmpl(r, /22\.4\.19$/))
      .map((r) => codeOrText(r, ctx) ?? concept(kid(r, 'value'), ctx))
      .find((c) => c && !c.coding?.some((x) => x.code === 'ASSERTION')) ??
    (performerNames(stmt).length || reasons.length ? { text: `Planned ${KIND_TEXT[stmt.name] ?? 'activity'}` } : undefined);
  if (!code) return undefined;
  const eff = effectiveOf(stmt);
  const res = compact<ServiceRequest>({
    resourceType: 'ServiceRequest',
    id: ctx.newId(),
    identifier: identifiers(stmt),
    status: negated(stmt) ? 'revoked' : SR_STATUS[status(stmt) ?? ''] ?? 'active',
    intent: INTENT[mood(stmt)] ?? 'plan',
    doNotPerform: negated(stmt) || undefined,
    category: stmt.name === 'encounter' ? [{ text: 'Encounter' }] : stmt.name === 'supply' ? [{ text: 'Supply' }] : undefined,
    code,
    subject: ctx.patient,
    occurrenceDateTime: eff.dateTime,
    occurrencePeriod: eff.period,
    authoredOn: authorTime(stmt),
    performer: performerNames(stmt).map((n) => ({ display: n })),
    reasonCode: reasons,
    note: stmtText(stmt, ctx) && stmtText(stmt, ctx) !== code.text ? [{ text: stmtText(stmt, ctx)! }] : undefined,
  });
  return res as Mapped;
}

export function mapPlannedMedication(stmt: CdaNode, ctx: MapContext): Mapped | undefined {
  const med = productConcept(stmt, ctx) ?? (stmtText(stmt, ctx) ? { text: stmtText(stmt, ctx) } : undefined);
  if (!med) return undefined;
  const d = dosage(stmt, ctx);
  const res = compact<MedicationRequest>({
    resourceType: 'MedicationRequest',
    id: ctx.newId(),
    identifier: identifiers(stmt),
    status: negated(stmt) ? 'cancelled' : status(stmt) === 'completed' ? 'completed' : 'active',
    intent: mood(stmt) === 'RQO' ? 'order' : mood(stmt) === 'PRP' ? 'proposal' : 'plan',
    doNotPerform: negated(stmt) || undefined,
    medicationCodeableConcept: med,
    subject: ctx.patient,
    authoredOn: authorTime(stmt),
    dosageInstruction: d ? [d] : undefined,
  });
  return res as Mapped;
}

/** Any planned statement. */
export function mapPlanned(stmt: CdaNode, ctx: MapContext): Mapped[] {
  if (tmpl(stmt, /22\.4\.121$/) || mood(stmt) === 'GOL') return [mapGoal(stmt, ctx)].filter((x): x is Mapped => !!x);
  if (tmpl(stmt, /22\.4\.20$/)) return [mapInstruction(stmt, ctx)].filter((x): x is Mapped => !!x);
  if (stmt.name === 'substanceAdministration') return [mapPlannedMedication(stmt, ctx)].filter((x): x is Mapped => !!x);
  if (stmt.name === 'organizer') return related(stmt).flatMap((s) => mapPlanned(s, ctx));
  return [mapServiceRequest(stmt, ctx)].filter((x): x is Mapped => !!x);
}

export const mapPlanEntry = (stmt: CdaNode, ctx: MapContext): Mapped[] => mapPlanned(stmt, ctx);

export type { Communication };

/**
 * Immunizations → Immunization. negationInd (refused / not given) → status not-done with the
 * refusal reason; planned (moodCode INT) → ImmunizationRecommendation, never a given dose.
 */
import type { Immunization, ImmunizationRecommendation } from '@medplum/fhirtypes';
import type { CdaNode } from '../xml.js';
import { at, kid, textOf } from '../xml.js';
import type { MapContext, Mapped } from '../context.js';
import { authorTime, compact, concept, identifiers, performerNames, quantity, startOf } from '../datatypes.js';
import { mapPlannedMedication } from './plan.js';
import { isIntent, negated, productConcept, related, status, stmtText, tmpl } from './common.js';

export function mapImmunizationEntry(stmt: CdaNode, ctx: MapContext): Mapped[] {
  if (stmt.name === 'act' || stmt.name === 'organizer') return related(stmt, 'substanceAdministration').flatMap((s) => mapImmunizationEntry(s, ctx));
  if (stmt.name !== 'substanceAdministration') return [];
  const vaccine = productConcept(stmt, ctx) ?? (stmtText(stmt, ctx) ? { text: stmtText(stmt, ctx) } : undefined);
  if (!vaccine) return [];
  const date = startOf(stmt);
  if (isIntent(stmt)) {
    const recDate = date ?? authorTime(stmt);
    if (!recDate) return [mapPlannedMedication(stmt, ctx)].filter((x): x is Mapped => !!x);
    const rec = compact<ImmunizationRecommendation>({
      resourceType: 'ImmunizationRecommendation',
      id: ctx.newId(),
      identifier: identifiers(stmt),
      patient: ctx.patient,
      date: recDate,
      recommendation: [{ vaccineCode: [vaccine], forecastStatus: { text: 'planned' } }],
    });
    return [rec as Mapped];
  }
  const refusal = related(stmt, 'observation').find((o) => tmpl(o, /22\.4\.53$/)) ?? at(stmt, 'entryRelationship', 'observation');
  const notDone = negated(stmt) || status(stmt) === 'cancelled' || status(stmt) === 'aborted';
  const mp = at(stmt, 'consumable', 'manufacturedProduct');
  const mat = kid(mp, 'manufacturedMaterial');
  const res = compact<Immunization>({
    resourceType: 'Immunization',
    id: ctx.newId(),
    identifier: identifiers(stmt),
    status: notDone ? 'not-done' : status(stmt) === 'nullified' ? 'entered-in-error' : 'completed',
    statusReason: notDone ? concept(kid(refusal, 'code'), ctx) : undefined,
    vaccineCode: vaccine,
    patient: ctx.patient,
    occurrenceDateTime: date,
    occurrenceString: date ? undefined : 'unknown',
    recorded: authorTime(stmt),
    lotNumber: textOf(kid(mat, 'lotNumberText')) || undefined,
    manufacturer: textOf(at(mp, 'manufacturerOrganization', 'name')) ? { display: textOf(at(mp, 'manufacturerOrganization', 'name')) } : undefined,
    route: concept(kid(stmt, 'routeCode'), ctx),
    site: concept(kid(stmt, 'approachSiteCode'), ctx),
    doseQuantity: quantity(kid(stmt, 'doseQuantity')),
    performer: performerNames(stmt).map((n) => ({ actor: { display: n } })),
    note: stmtText(stmt, ctx) ? [{ text: stmtText(stmt, ctx)! }] : undefined,
  });
  return [res as Mapped];
}

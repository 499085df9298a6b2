/**
 * Encounters → Encounter with type, period, performers, location (service delivery location)
 * and diagnoses (Encounter Diagnosis acts → Condition category encounter-diagnosis, referenced
 * from Encounter.diagnosis). Planned encounters → ServiceRequest.
 */
import type { Coding, Encounter } from '@medplum/fhirtypes';
import type { CdaNode } from '../xml.js';
import { all, attr, kid, textOf } from '../xml.js';
import type { MapContext, Mapped } from '../context.js';
import { ref } from '../context.js';
import { address, compact, concept, effectiveOf, identifiers, performerNames } from '../datatypes.js';
import { codeOrText, isIntent, negated, related, status, tmpl } from './common.js';
import { mapConditions, mapProblemObservation } from './problems.js';
import { mapServiceRequest } from './plan.js';

const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const STATUS: Record<string, Encounter['status']> = { completed: 'finished', active: 'in-progress', aborted: 'cancelled', cancelled: 'cancelled', new: 'planned', nullified: 'entered-in-error' };

function encounterClass(code: CdaNode | undefined): Coding {
  const cands = [code, ...all(code, 'translation')];
  for (const c of cands) {
    if (attr(c, 'codeSystem') === '2.16.840.1.113883.5.4' && attr(c, 'code')) return compact({ system: ACT_CODE, code: attr(c, 'code')!, display: attr(c, 'displayName') });
  }
  return { system: 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor', code: 'UNK', display: 'unknown' };
}

export function mapEncounter(stmt: CdaNode, ctx: MapContext): Mapped[] {
  if (isIntent(stmt)) return [mapServiceRequest(stmt, ctx)].filter((x): x is Mapped => !!x);
  const code = codeOrText(stmt, ctx);
  const eff = effectiveOf(stmt);
  const conditions: Mapped[] = [];
  const reasons = [];
  for (const r of related(stmt)) {
    if (r.name === 'act' && tmpl(r, /22\.4\.80$|22\.4\.33$|22\.4\.34$/)) conditions.push(...mapConditions(r, ctx, 'encounter-diagnosis'));
    else if (r.name === 'observation' && tmpl(r, /22\.4\.19$/)) {
      const c = concept(kid(r, 'value'), ctx);
      if (c) reasons.push(c);
    } else if (r.name === 'observation' && tmpl(r, /22\.4\.4$/)) {
      const c = mapProblemObservation(r, undefined, ctx, 'encounter-diagnosis');
      if (c) conditions.push(c);
    }
  }
  const locations = all(stmt, 'participant').filter((p) => (attr(p, 'typeCode') ?? 'LOC') === 'LOC').map((p) => kid(p, 'participantRole'));
  const locationNames = locations
    .map((l) => textOf(kid(kid(l, 'playingEntity'), 'name')) || [address(kid(l, 'addr'))?.line?.join(' '), address(kid(l, 'addr'))?.city].filter(Boolean).join(', ') || concept(kid(l, 'code'), ctx)?.text)
    .filter((x): x is string => !!x);
  if (!code && !eff.dateTime && !eff.period && !conditions.length) return [];
  const enc = compact<Encounter>({
    resourceType: 'Encounter',
    id: ctx.newId(),
    identifier: identifiers(stmt),
    status: negated(stmt) ? 'cancelled' : STATUS[status(stmt) ?? ''] ?? (eff.period?.end || eff.dateTime ? 'finished' : 'unknown'),
    class: encounterClass(kid(stmt, 'code')),
    type: code ? [code] : undefined,
    subject: ctx.patient,
    period: eff.period ?? (eff.dateTime ? { start: eff.dateTime } : undefined),
    participant: performerNames(stmt).map((n) => ({ individual: { display: n } })),
    location: locationNames.map((n) => ({ location: { display: n } })),
    reasonCode: reasons,
    diagnosis: conditions.map((c) => ({ condition: ref(c) })),
    hospitalization: concept(kid(stmt, 'dischargeDispositionCode'), ctx) ? { dischargeDisposition: concept(kid(stmt, 'dischargeDispositionCode'), ctx) } : undefined,
  });
  return [enc as Mapped, ...conditions];
}

export function mapEncounterEntry(stmt: CdaNode, ctx: MapContext): Mapped[] {
  if (stmt.name === 'encounter') return mapEncounter(stmt, ctx);
  if (stmt.name === 'act' || stmt.name === 'organizer') return related(stmt, 'encounter').flatMap((e) => mapEncounter(e, ctx));
  return [];
}

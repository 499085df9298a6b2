/** Vital signs → Observations (category vital-signs), one per component, plus a panel Observation with hasMember. */
import type { Observation } from '@medplum/fhirtypes';
import type { CdaNode } from '../xml.js';
import type { MapContext, Mapped } from '../context.js';
import { ref } from '../context.js';
import { compact, effectiveOf, identifiers } from '../datatypes.js';
import { codeOrText } from './common.js';
import { category, componentObservations, mapObservation } from './results.js';
import { LOINC } from '../systems.js';

export function mapVitalSignsEntry(stmt: CdaNode, ctx: MapContext): Mapped[] {
  const cat = category('vital-signs', 'Vital Signs');
  if (stmt.name === 'observation') return [mapObservation(stmt, ctx, cat)].filter((x): x is Mapped => !!x);
  if (stmt.name !== 'organizer') return [];
  const eff = effectiveOf(stmt);
  const members = componentObservations(stmt).map((o) => mapObservation(o, ctx, cat, eff.dateTime ?? eff.period?.start)).filter((x): x is Mapped => !!x);
  if (!members.length) return [];
  const panel = compact<Observation>({
    resourceType: 'Observation',
    id: ctx.newId(),
    identifier: identifiers(stmt),
    status: 'final',
    category: [cat],
    code: {
      coding: [
        { system: LOINC, code: '85353-1', display: 'Vital signs, weight, height, head circumference, oxygen saturation and BMI panel' },
        ...(codeOrText(stmt, ctx)?.coding ?? []).filter((c) => c.code !== '85353-1'),
      ],
      text: codeOrText(stmt, ctx)?.text ?? 'Vital signs',
    },
    subject: ctx.patient,
    effectiveDateTime: eff.dateTime ?? (eff.period ? undefined : (members[0] as Observation).effectiveDateTime),
    effectivePeriod: eff.period,
    hasMember: members.map(ref),
  });
  return [panel as Mapped, ...members];
}

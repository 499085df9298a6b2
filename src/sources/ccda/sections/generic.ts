/**
 * Fallback for entries no section mapper claimed (unknown sections, odd vendor statements):
 * map by statement kind so nothing structured is silently dropped. Observation → Observation,
 * procedure → Procedure, substanceAdministration → MedicationStatement, encounter → Encounter,
 * supply → Device, act → Procedure or ServiceRequest (planned), organizer → its components.
 */
import type { Observation } from '@medplum/fhirtypes';
import type { CdaNode } from '../xml.js';
import type { MapContext, Mapped } from '../context.js';
import { compact, identifiers } from '../datatypes.js';
import { isIntent, related, stmtText, tmpl } from './common.js';
import { componentObservations, mapObservation } from './results.js';
import { mapProcedure } from './procedures.js';
import { mapMedicationActivity } from './medications.js';
import { mapEncounter } from './encounters.js';
import { mapEquipmentStatement } from './equipment.js';
import { mapPlanned } from './plan.js';
import { mapProblemObservation } from './problems.js';
import { mapNote } from './notes.js';

export function mapGenericStatement(stmt: CdaNode, ctx: MapContext): Mapped[] {
  const direct = mapByKind(stmt, ctx);
  // Nothing on the statement itself: what it says lives in its related statements.
  return direct.length ? direct : related(stmt).flatMap((s) => mapGenericStatement(s, ctx));
}

function mapByKind(stmt: CdaNode, ctx: MapContext): Mapped[] {
  if (isIntent(stmt)) return mapPlanned(stmt, ctx);
  switch (stmt.name) {
    case 'observation':
      if (tmpl(stmt, /22\.4\.4$/)) return [mapProblemObservation(stmt, undefined, ctx, 'problem-list-item')].filter((x): x is Mapped => !!x);
      return [mapObservation(stmt, ctx, undefined)].filter((x): x is Mapped => !!x);
    case 'procedure':
      return [mapProcedure(stmt, ctx)].filter((x): x is Mapped => !!x);
    case 'substanceAdministration':
      return [mapMedicationActivity(stmt, ctx)].filter((x): x is Mapped => !!x);
    case 'encounter':
      return mapEncounter(stmt, ctx);
    case 'supply':
      return mapEquipmentStatement(stmt, ctx);
    case 'organizer': {
      const out = componentObservations(stmt).map((o) => mapObservation(o, ctx, undefined)).filter((x): x is Mapped => !!x);
      return out.length ? out : related(stmt).flatMap((s) => mapGenericStatement(s, ctx));
    }
    case 'act': {
      if (tmpl(stmt, /22\.4\.202$/)) return [mapNote(stmt, ctx)].filter((x): x is Mapped => !!x);
      const inner = related(stmt).flatMap((s) => mapGenericStatement(s, ctx));
      if (inner.length) return inner;
      return [mapProcedure(stmt, ctx)].filter((x): x is Mapped => !!x);
    }
    default: {
      const text = stmtText(stmt, ctx);
      if (!text) return [];
      const o = compact<Observation>({ resourceType: 'Observation', id: ctx.newId(), identifier: identifiers(stmt), status: 'final', code: { text }, subject: ctx.patient });
      return [o as Mapped];
    }
  }
}

/**
 * Functional and mental (cognitive) status → Observation (US Core categories functional-status /
 * cognitive-status), one per observation; problem-style entries stay Observations too.
 */
import type { CdaNode } from '../xml.js';
import type { MapContext, Mapped } from '../context.js';
import { category, componentObservations, mapObservation } from './results.js';
import { related } from './common.js';

const US_CORE_CATEGORY = 'http://hl7.org/fhir/us/core/CodeSystem/us-core-category';

function mapStatus(stmt: CdaNode, ctx: MapContext, code: string, display: string): Mapped[] {
  const cat = category(code, display, US_CORE_CATEGORY);
  if (stmt.name === 'observation') return [mapObservation(stmt, ctx, cat)].filter((x): x is Mapped => !!x);
  const obs = stmt.name === 'organizer' ? componentObservations(stmt) : related(stmt, 'observation');
  return obs.map((o) => mapObservation(o, ctx, cat)).filter((x): x is Mapped => !!x);
}

export const mapFunctionalStatusEntry = (stmt: CdaNode, ctx: MapContext) => mapStatus(stmt, ctx, 'functional-status', 'Functional Status');
export const mapMentalStatusEntry = (stmt: CdaNode, ctx: MapContext) => mapStatus(stmt, ctx, 'cognitive-status', 'Cognitive Status');

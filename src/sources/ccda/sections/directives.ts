/**
 * Advance directives → Observation (advance directive type and value, e.g. "Resuscitation
 * status: DNR"), category survey-free; referenced documents are noted in the text.
 */
import type { CdaNode } from '../xml.js';
import type { MapContext, Mapped } from '../context.js';
import { category, componentObservations, mapObservation } from './results.js';
import { related } from './common.js';

export function mapAdvanceDirectiveEntry(stmt: CdaNode, ctx: MapContext): Mapped[] {
  const cat = category('advance-directive', 'Advance Directive', 'http://hl7.org/fhir/us/core/CodeSystem/us-core-category');
  if (stmt.name === 'observation') return [mapObservation(stmt, ctx, cat)].filter((x): x is Mapped => !!x);
  const obs = stmt.name === 'organizer' ? componentObservations(stmt) : related(stmt, 'observation');
  const out = obs.map((o) => mapObservation(o, ctx, cat)).filter((x): x is Mapped => !!x);
  if (!out.length && stmt.name === 'act') return [mapObservation(stmt, ctx, cat)].filter((x): x is Mapped => !!x);
  return out;
}

/** Social history (smoking status, tobacco use, pregnancy, birth sex, others) → Observation category social-history. */
import type { CdaNode } from '../xml.js';
import type { MapContext, Mapped } from '../context.js';
import { category, componentObservations, mapObservation } from './results.js';
import { related } from './common.js';

export function mapSocialHistoryEntry(stmt: CdaNode, ctx: MapContext): Mapped[] {
  const cat = category('social-history', 'Social History');
  if (stmt.name === 'observation') return [mapObservation(stmt, ctx, cat)].filter((x): x is Mapped => !!x);
  if (stmt.name === 'organizer') return componentObservations(stmt).map((o) => mapObservation(o, ctx, cat)).filter((x): x is Mapped => !!x);
  if (stmt.name === 'act') return related(stmt, 'observation').map((o) => mapObservation(o, ctx, cat)).filter((x): x is Mapped => !!x);
  return [];
}

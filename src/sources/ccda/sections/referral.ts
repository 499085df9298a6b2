/** Reason for referral → ServiceRequest (Patient Referral Act); planned or completed referrals alike. */
import type { CdaNode } from '../xml.js';
import type { MapContext, Mapped } from '../context.js';
import { mapServiceRequest } from './plan.js';
import { related } from './common.js';

export function mapReferralEntry(stmt: CdaNode, ctx: MapContext): Mapped[] {
  if (stmt.name === 'organizer') return related(stmt).map((s) => mapServiceRequest(s, ctx)).filter((x): x is Mapped => !!x);
  return [mapServiceRequest(stmt, ctx)].filter((x): x is Mapped => !!x);
}

/**
 * Procedures → Procedure (procedure, act or observation "procedure activity" entries).
 * negationInd or cancelled → not-done; planned (moodCode INT/RQO…) → ServiceRequest.
 */
import type { Procedure } from '@medplum/fhirtypes';
import type { CdaNode } from '../xml.js';
import { all, kid } from '../xml.js';
import type { MapContext, Mapped } from '../context.js';
import { address, compact, concept, effectiveOf, identifiers, performerNames } from '../datatypes.js';
import { codeOrText, isIntent, negated, related, status, stmtText, tmpl } from './common.js';
import { mapServiceRequest } from './plan.js';
import { textOf } from '../xml.js';

const STATUS: Record<string, Procedure['status']> = { completed: 'completed', active: 'in-progress', aborted: 'stopped', cancelled: 'not-done', new: 'preparation', held: 'on-hold', suspended: 'on-hold', nullified: 'entered-in-error' };

export function mapProcedure(stmt: CdaNode, ctx: MapContext): Mapped | undefined {
  if (isIntent(stmt)) return mapServiceRequest(stmt, ctx);
  const code = codeOrText(stmt, ctx) ?? (stmt.name === 'observation' ? concept(kid(stmt, 'value'), ctx) : undefined);
  if (!code) return undefined;
  const eff = effectiveOf(stmt);
  const locations = all(stmt, 'participant', 'participantRole').filter((p) => p.attrs.classCode === 'SDLOC' || kid(p, 'playingEntity'));
  const location = locations.map((l) => textOf(kid(kid(l, 'playingEntity'), 'name')) || address(kid(l, 'addr'))?.text).find(Boolean);
  const reasons = related(stmt, 'observation').filter((o) => tmpl(o, /22\.4\.19$/)).map((o) => concept(kid(o, 'value'), ctx)).filter((x) => !!x);
  const res = compact<Procedure>({
    resourceType: 'Procedure',
    id: ctx.newId(),
    identifier: identifiers(stmt),
    status: negated(stmt) ? 'not-done' : STATUS[status(stmt) ?? ''] ?? 'completed',
    code,
    subject: ctx.patient,
    performedDateTime: eff.dateTime,
    performedPeriod: eff.period,
    performer: performerNames(stmt).map((n) => ({ actor: { display: n } })),
    location: location ? { display: location } : undefined,
    reasonCode: reasons,
    bodySite: [concept(kid(stmt, 'targetSiteCode'), ctx)].filter((x) => !!x),
    note: stmtText(stmt, ctx) && stmtText(stmt, ctx) !== code.text ? [{ text: stmtText(stmt, ctx)! }] : undefined,
  });
  return res as Mapped;
}

export function mapProcedureEntry(stmt: CdaNode, ctx: MapContext): Mapped[] {
  if (stmt.name === 'procedure' || stmt.name === 'act' || stmt.name === 'observation') return [mapProcedure(stmt, ctx)].filter((x): x is Mapped => !!x);
  if (stmt.name === 'organizer') return related(stmt).map((s) => mapProcedure(s, ctx)).filter((x): x is Mapped => !!x);
  return [];
}

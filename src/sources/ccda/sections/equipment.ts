/**
 * Medical equipment → Device (Non-Medicinal Supply Activity, organizer components, or the
 * device participant of a procedure) plus the Procedure itself for implant procedures.
 */
import type { Device } from '@medplum/fhirtypes';
import type { CdaNode } from '../xml.js';
import { all, at, attr, kid, textOf } from '../xml.js';
import type { MapContext, Mapped } from '../context.js';
import { compact, concept, identifiers } from '../datatypes.js';
import { codeOrText, related, status, stmtText } from './common.js';
import { mapProcedure } from './procedures.js';

function device(role: CdaNode | undefined, stmt: CdaNode, ctx: MapContext): Mapped | undefined {
  const pd = kid(role, 'playingDevice');
  const type = concept(kid(pd, 'code'), ctx) ?? (textOf(kid(pd, 'manufacturerModelName')) ? { text: textOf(kid(pd, 'manufacturerModelName')) } : undefined) ?? codeOrText(stmt, ctx);
  if (!type) return undefined;
  const udi = all(role, 'id').map((i) => attr(i, 'extension')).find((x) => x && attr(kid(role, 'id'), 'root') === '2.16.840.1.113883.3.3719');
  const st = status(stmt);
  const res = compact<Device>({
    resourceType: 'Device',
    id: ctx.newId(),
    identifier: identifiers(stmt),
    udiCarrier: udi ? [{ carrierHRF: udi }] : undefined,
    status: st === 'nullified' ? 'entered-in-error' : st === 'aborted' || st === 'cancelled' ? 'inactive' : 'active',
    type,
    manufacturer: textOf(at(role, 'scopingEntity', 'desc')) || undefined,
    modelNumber: textOf(kid(pd, 'manufacturerModelName')) || undefined,
    patient: ctx.patient,
    note: stmtText(stmt, ctx) ? [{ text: stmtText(stmt, ctx)! }] : undefined,
  });
  return res as Mapped;
}

export function mapEquipmentStatement(stmt: CdaNode, ctx: MapContext): Mapped[] {
  if (stmt.name === 'supply') {
    const role = at(stmt, 'participant', 'participantRole') ?? at(stmt, 'product', 'manufacturedProduct');
    const d = device(role, stmt, ctx);
    if (d) return [d];
    const code = codeOrText(stmt, ctx);
    if (!code) return [];
    return [compact<Device>({ resourceType: 'Device', id: ctx.newId(), identifier: identifiers(stmt), type: code, patient: ctx.patient }) as Mapped];
  }
  if (stmt.name === 'procedure') {
    const p = mapProcedure(stmt, ctx);
    const devices = all(stmt, 'participant', 'participantRole').filter((r) => kid(r, 'playingDevice')).map((r) => device(r, stmt, ctx)).filter((x): x is Mapped => !!x);
    return [...(p ? [p] : []), ...devices];
  }
  if (stmt.name === 'organizer') return related(stmt).flatMap((s) => mapEquipmentStatement(s, ctx));
  return [];
}

export const mapEquipmentEntry = mapEquipmentStatement;

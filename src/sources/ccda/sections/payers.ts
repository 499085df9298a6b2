/**
 * Payers → Coverage (one per Policy Activity inside a Coverage Activity): payer name, plan
 * type, member id, subscriber relationship and coverage period.
 */
import type { Coverage } from '@medplum/fhirtypes';
import type { CdaNode } from '../xml.js';
import { all, at, attr, kid, textOf } from '../xml.js';
import type { MapContext, Mapped } from '../context.js';
import { compact, concept, effective, entityName, identifiers } from '../datatypes.js';
import { related, status, tmpl } from './common.js';

function mapPolicy(policy: CdaNode, ctx: MapContext): Mapped | undefined {
  const payerEntity = all(policy, 'performer').find((p) => attr(kid(p, 'assignedEntity'), 'classCode') !== 'GUAR' && (attr(p, 'typeCode') ?? 'PRF') === 'PRF' && !at(p, 'assignedEntity', 'code')?.attrs.code?.startsWith('GUAR')) ?? kid(policy, 'performer');
  const payerName = textOf(at(payerEntity, 'assignedEntity', 'representedOrganization', 'name')) || entityName(kid(payerEntity, 'assignedEntity'));
  const cov = all(policy, 'participant').find((p) => attr(p, 'typeCode') === 'COV');
  const hld = all(policy, 'participant').find((p) => attr(p, 'typeCode') === 'HLD');
  const memberId = attr(at(cov, 'participantRole', 'id'), 'extension') ?? attr(at(hld, 'participantRole', 'id'), 'extension');
  const relationship = concept(at(cov, 'participantRole', 'code'), ctx);
  const period = effective(kid(cov, 'time')).period;
  const type = concept(kid(policy, 'code'), ctx);
  const plan = related(policy, 'act').map((a) => textOf(kid(a, 'text')) || concept(kid(a, 'code'), ctx)?.text).find(Boolean);
  if (!payerName && !type && !memberId) return undefined;
  const st = status(policy);
  const res = compact<Coverage>({
    resourceType: 'Coverage',
    id: ctx.newId(),
    identifier: identifiers(policy),
    status: st === 'nullified' ? 'entered-in-error' : st === 'aborted' || st === 'cancelled' ? 'cancelled' : 'active',
    type,
    subscriberId: memberId,
    beneficiary: ctx.patient,
    relationship,
    period,
    payor: [{ display: payerName || type?.text || 'Unknown payer' }],
    class: plan ? [{ type: { text: 'plan' }, value: plan }] : undefined,
  });
  return res as Mapped;
}

export function mapPayerEntry(stmt: CdaNode, ctx: MapContext): Mapped[] {
  if (stmt.name !== 'act') return [];
  const policies = related(stmt, 'act').filter((a) => tmpl(a, /22\.4\.61$|20\.1\.26$/) || kid(a, 'performer'));
  const list = policies.length ? policies : [stmt];
  return list.map((p) => mapPolicy(p, ctx)).filter((x): x is Mapped => !!x);
}

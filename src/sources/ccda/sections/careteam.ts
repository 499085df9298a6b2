/** Care team → CareTeam with its members (Care Team Member Acts) and their roles. */
import type { CareTeam, CareTeamParticipant } from '@medplum/fhirtypes';
import type { CdaNode } from '../xml.js';
import { all, kid } from '../xml.js';
import type { MapContext, Mapped } from '../context.js';
import { compact, concept, effectiveOf, entityName, identifiers } from '../datatypes.js';
import { codeOrText, related, status } from './common.js';

function member(n: CdaNode, ctx: MapContext): CareTeamParticipant | undefined {
  const perf = all(n, 'performer', 'assignedEntity')[0] ?? all(n, 'participant', 'participantRole')[0];
  const name = entityName(perf);
  if (!name) return undefined;
  return compact<CareTeamParticipant>({ member: { display: name }, role: [concept(kid(perf, 'code'), ctx) ?? concept(kid(all(n, 'performer')[0], 'functionCode'), ctx)].filter((x) => !!x) });
}

export function mapCareTeamEntry(stmt: CdaNode, ctx: MapContext): Mapped[] {
  const acts = stmt.name === 'organizer' ? related(stmt) : [stmt];
  const participants = [...acts.map((a) => member(a, ctx)), ...(stmt.name === 'organizer' ? all(stmt, 'performer').map((p) => member({ ...stmt, children: [p] }, ctx)) : [])].filter((x): x is CareTeamParticipant => !!x);
  const code = codeOrText(stmt, ctx);
  if (!participants.length && !code) return [];
  const eff = effectiveOf(stmt);
  const res = compact<CareTeam>({
    resourceType: 'CareTeam',
    id: ctx.newId(),
    identifier: identifiers(stmt),
    status: status(stmt) === 'completed' ? 'inactive' : 'active',
    name: code?.text,
    category: code ? [code] : undefined,
    subject: ctx.patient,
    period: eff.period ?? (eff.dateTime ? { start: eff.dateTime } : undefined),
    participant: participants,
  });
  return [res as Mapped];
}

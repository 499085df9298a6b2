/** Goals → Goal (lifecycle active; description from code, value or text; target from the value). */
import type { Goal, GoalTarget } from '@medplum/fhirtypes';
import type { CdaNode } from '../xml.js';
import { kid } from '../xml.js';
import type { MapContext, Mapped } from '../context.js';
import { authorName, compact, concept, identifiers, quantity, startOf } from '../datatypes.js';
import { codeOrText, related, status, stmtText } from './common.js';
import { toFhirDate } from '../dates.js';
import { attr } from '../xml.js';

export function mapGoal(stmt: CdaNode, ctx: MapContext): Mapped | undefined {
  const code = codeOrText(stmt, ctx);
  const valueConcept = concept(kid(stmt, 'value'), ctx);
  const valueQty = quantity(kid(stmt, 'value'));
  const text = stmtText(stmt, ctx);
  const description =
    (valueConcept && code?.coding?.some((c) => c.code === '58144-7' || c.code === 'ASSERTION') ? valueConcept : code ?? valueConcept ?? (text ? { text } : undefined)) ??
    (related(stmt).length ? { text: 'Goal (not described in the source)' } : undefined);
  if (!description) return undefined;
  const target = compact<GoalTarget>({
    measure: valueQty || (valueConcept && description !== valueConcept) ? code : undefined,
    detailQuantity: valueQty,
    detailCodeableConcept: valueConcept && description !== valueConcept ? valueConcept : undefined,
    dueDate: toFhirDate(attr(kid(kid(stmt, 'effectiveTime'), 'high'), 'value')),
  });
  const st = status(stmt);
  const res = compact<Goal>({
    resourceType: 'Goal',
    id: ctx.newId(),
    identifier: identifiers(stmt),
    lifecycleStatus: st === 'completed' ? 'completed' : st === 'cancelled' || st === 'aborted' ? 'cancelled' : 'active',
    description,
    subject: ctx.patient,
    startDate: toFhirDate(startOf(stmt)?.slice(0, 10).replace(/-/g, '')),
    target: Object.keys(target).length ? [target] : undefined,
    expressedBy: authorName(stmt) ? { display: authorName(stmt) } : undefined,
    note: text && text !== description.text ? [{ text }] : undefined,
  });
  return res as Mapped;
}

export function mapGoalEntry(stmt: CdaNode, ctx: MapContext): Mapped[] {
  if (stmt.name === 'organizer' || (stmt.name === 'act' && !kid(stmt, 'code'))) return related(stmt).map((s) => mapGoal(s, ctx)).filter((x): x is Mapped => !!x);
  return [mapGoal(stmt, ctx)].filter((x): x is Mapped => !!x);
}

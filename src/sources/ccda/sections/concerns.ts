/**
 * Health concerns → Condition (category health-concern). A Health Concern Act holding no
 * problem observation becomes one Condition named by its own text.
 */
import type { Condition } from '@medplum/fhirtypes';
import type { CdaNode } from '../xml.js';
import type { MapContext, Mapped } from '../context.js';
import { compact, identifiers, startOf } from '../datatypes.js';
import { stmtText } from './common.js';
import { mapConditions } from './problems.js';
import { mapObservation, category } from './results.js';

export function mapHealthConcernEntry(stmt: CdaNode, ctx: MapContext): Mapped[] {
  const conds = mapConditions(stmt, ctx, 'health-concern');
  if (conds.length) return conds;
  const text = stmtText(stmt, ctx);
  if (stmt.name === 'act' && text) {
    const c = compact<Condition>({
      resourceType: 'Condition',
      id: ctx.newId(),
      identifier: identifiers(stmt),
      category: [{ coding: [{ system: 'http://hl7.org/fhir/us/core/CodeSystem/condition-category', code: 'health-concern', display: 'Health Concern' }] }],
      code: { text },
      subject: ctx.patient,
      onsetDateTime: startOf(stmt),
    });
    return [c as Mapped];
  }
  if (stmt.name === 'observation') return [mapObservation(stmt, ctx, category('health-concern', 'Health Concern', 'http://hl7.org/fhir/us/core/CodeSystem/us-core-category'))].filter((x): x is Mapped => !!x);
  return [];
}

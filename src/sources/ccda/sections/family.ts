/**
 * Family history → FamilyMemberHistory: relationship (relatedSubject code), sex, birth,
 * conditions with onset age and "deceased" when a death observation is present.
 */
import type { CodeableConcept, FamilyMemberHistory, FamilyMemberHistoryCondition } from '@medplum/fhirtypes';
import type { CdaNode } from '../xml.js';
import { at, attr, kid } from '../xml.js';
import type { MapContext, Mapped } from '../context.js';
import { compact, concept, decimal, identifiers } from '../datatypes.js';
import { toFhirDate } from '../dates.js';
import { codeOrText, negated, related, tmpl } from './common.js';
import { componentObservations } from './results.js';

const AGE_UNITS: Record<string, string> = { a: 'a', yr: 'a', year: 'a', years: 'a', mo: 'mo', wk: 'wk', d: 'd' };

function condition(obs: CdaNode, ctx: MapContext): { cond?: FamilyMemberHistoryCondition; deceased: boolean } {
  const code = concept(kid(obs, 'value'), ctx) ?? codeOrText(obs, ctx);
  if (!code) return { deceased: false };
  const ageObs = related(obs, 'observation').find((o) => tmpl(o, /22\.4\.31$/));
  const ageVal = decimal(attr(kid(ageObs, 'value'), 'value'));
  const ageUnit = AGE_UNITS[attr(kid(ageObs, 'value'), 'unit') ?? 'a'];
  const deathObs = related(obs, 'observation').find((o) => tmpl(o, /22\.4\.47$/));
  const cond = compact<FamilyMemberHistoryCondition>({
    code,
    onsetAge: ageVal !== undefined && ageUnit ? { value: ageVal, unit: ageUnit, system: 'http://unitsofmeasure.org', code: ageUnit } : undefined,
    contributedToDeath: deathObs ? true : undefined,
    note: negated(obs) ? [{ text: 'Not present (negationInd=true in the source)' }] : undefined,
  });
  return { cond, deceased: !!deathObs };
}

export function mapFamilyHistoryEntry(stmt: CdaNode, ctx: MapContext): Mapped[] {
  const subject = at(stmt, 'subject', 'relatedSubject');
  const rel: CodeableConcept = concept(kid(subject, 'code'), ctx) ?? { text: 'family member' };
  const person = kid(subject, 'subject');
  const obs = stmt.name === 'organizer' ? componentObservations(stmt) : stmt.name === 'observation' ? [stmt] : related(stmt, 'observation');
  const conds = obs.map((o) => condition(o, ctx));
  const conditions = conds.map((c) => c.cond).filter((x): x is FamilyMemberHistoryCondition => !!x);
  if (!conditions.length && !kid(subject, 'code')) return [];
  const g = attr(kid(person, 'administrativeGenderCode'), 'code');
  const res = compact<FamilyMemberHistory>({
    resourceType: 'FamilyMemberHistory',
    id: ctx.newId(),
    identifier: identifiers(stmt),
    status: 'completed',
    patient: ctx.patient,
    relationship: rel,
    sex: g ? { coding: [{ system: 'http://hl7.org/fhir/administrative-gender', code: g === 'M' ? 'male' : g === 'F' ? 'female' : 'unknown' }] } : undefined,
    bornDate: toFhirDate(attr(kid(person, 'birthTime'), 'value')),
    deceasedBoolean: conds.some((c) => c.deceased) || attr(person, 'deceasedInd') === 'true' || undefined,
    condition: conditions,
  });
  return [res as Mapped];
}

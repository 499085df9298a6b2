/**
 * Problems (and diagnosis-style sections: health concerns, admission/discharge/pre/post-op
 * diagnoses, past medical history, encounter diagnoses) → Condition. A concern act holds
 * Problem Observations; the Problem Status observation, abatement date or concern status give
 * clinicalStatus; negationInd gives verificationStatus refuted.
 */
import type { CodeableConcept, Condition } from '@medplum/fhirtypes';
import type { CdaNode } from '../xml.js';
import { kid } from '../xml.js';
import type { MapContext, Mapped } from '../context.js';
import { authorName, authorTime, compact, concept, effective, identifiers } from '../datatypes.js';
import { negated, related, status, stmtText, tmpl, STRUCTURAL_CODES } from './common.js';

const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
const CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
const US_CORE_CATEGORY = 'http://hl7.org/fhir/us/core/CodeSystem/condition-category';

/** "No known problems" (IPS absent-unknown) for a negated problem observation naming nothing. */
export const NO_KNOWN_PROBLEMS: CodeableConcept = {
  coding: [{ system: 'http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips', code: 'no-known-problems', display: 'No known problems' }],
  text: 'No known problems',
};

export type ConditionCategory = 'problem-list-item' | 'encounter-diagnosis' | 'health-concern';

const STATUS: Record<string, string> = { '55561003': 'active', '73425007': 'inactive', '413322009': 'resolved', '277022003': 'remission', '246455001': 'recurrence' };

function statusFrom(obs: CdaNode, concern: CdaNode | undefined, ctx: MapContext, abated: boolean): string {
  for (const r of related(obs, 'observation')) {
    if (!tmpl(r, /22\.4\.6$|20\.1\.50$/)) continue;
    const c = concept(kid(r, 'value'), ctx);
    const code = c?.coding?.map((x) => STATUS[x.code ?? '']).find(Boolean);
    if (code) return code;
    const t = c?.text?.toLowerCase() ?? '';
    if (/resolv/.test(t)) return 'resolved';
    if (/inactiv/.test(t)) return 'inactive';
    if (/activ/.test(t)) return 'active';
  }
  if (abated) return 'resolved';
  const cs = status(concern) ?? status(obs);
  return cs === 'completed' || cs === 'aborted' ? 'resolved' : cs === 'suspended' ? 'inactive' : 'active';
}

/** One Problem Observation → Condition (undefined when it names nothing). */
export function mapProblemObservation(obs: CdaNode, concern: CdaNode | undefined, ctx: MapContext, category: ConditionCategory): Mapped | undefined {
  let code: CodeableConcept | undefined = concept(kid(obs, 'value'), ctx);
  if (!code) {
    const c = concept(kid(obs, 'code'), ctx);
    if (c && !c.coding?.some((x) => STRUCTURAL_CODES.has(x.code ?? ''))) code = c;
  }
  if (!code) {
    const t = stmtText(obs, ctx) ?? stmtText(concern, ctx);
    if (t) code = { text: t };
  }
  let neg = negated(obs);
  if (!code && neg) {
    code = NO_KNOWN_PROBLEMS;
    neg = false;
  }
  if (!code) return undefined;
  const on = effective(kid(obs, 'effectiveTime'));
  const abatement = on.period?.end;
  const clinical = neg ? undefined : statusFrom(obs, concern, ctx, !!abatement);
  const cat = category === 'health-concern'
    ? { coding: [{ system: US_CORE_CATEGORY, code: 'health-concern', display: 'Health Concern' }] }
    : { coding: [{ system: CATEGORY, code: category, display: category === 'problem-list-item' ? 'Problem List Item' : 'Encounter Diagnosis' }] };
  const res = compact<Condition>({
    resourceType: 'Condition',
    id: ctx.newId(),
    identifier: identifiers(obs) ?? identifiers(concern),
    clinicalStatus: clinical ? { coding: [{ system: CLINICAL, code: clinical }] } : undefined,
    verificationStatus: { coding: [{ system: VERIFICATION, code: neg ? 'refuted' : 'confirmed' }] },
    category: [cat],
    code,
    subject: ctx.patient,
    onsetDateTime: on.dateTime ?? on.period?.start,
    abatementDateTime: clinical && clinical !== 'active' && clinical !== 'recurrence' ? abatement : undefined,
    recordedDate: authorTime(obs) ?? authorTime(concern),
    asserter: authorName(obs) ? { display: authorName(obs) } : undefined,
  });
  return res as Mapped;
}

/** A concern act (or bare observation) → one Condition per problem observation it holds. */
export function mapConditions(stmt: CdaNode, ctx: MapContext, category: ConditionCategory): Mapped[] {
  if (stmt.name === 'observation') return [mapProblemObservation(stmt, undefined, ctx, category)].filter((x): x is Mapped => !!x);
  if (stmt.name !== 'act' && stmt.name !== 'organizer') return [];
  const out: Mapped[] = [];
  for (const obs of related(stmt, 'observation')) {
    if (tmpl(obs, /22\.4\.6$|20\.1\.50$|22\.4\.31$|22\.4\.5$|22\.4\.64$/)) continue; // status, age, health-status, comment
    const r = mapProblemObservation(obs, stmt, ctx, category);
    if (r) out.push(r);
  }
  for (const act of related(stmt, 'act')) out.push(...mapConditions(act, ctx, category));
  return out;
}

export const mapProblemEntry = (stmt: CdaNode, ctx: MapContext) => mapConditions(stmt, ctx, 'problem-list-item');

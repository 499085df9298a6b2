/**
 * Allergies section → AllergyIntolerance. An Allergy Concern Act holds one or more
 * Allergy-Intolerance Observations; negationInd or a "no known allergy" value becomes a
 * negated statement (code 716186003 "No known allergy" or verificationStatus refuted),
 * never a positive allergy.
 */
import type { AllergyIntolerance, AllergyIntoleranceReaction, CodeableConcept } from '@medplum/fhirtypes';
import type { CdaNode } from '../xml.js';
import { all, at, attr, kid } from '../xml.js';
import type { MapContext, Mapped } from '../context.js';
import { authorTime, compact, concept, effective, identifiers } from '../datatypes.js';
import { negated, related, status, stmtText, tmpl } from './common.js';
import { SNOMED } from '../systems.js';

const CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification';

/** SNOMED "no known X allergy" codes vendors put in the value. */
export const NO_KNOWN: Record<string, string> = {
  '716186003': 'No known allergy',
  '409137002': 'No known drug allergy',
  '428607008': 'No known environmental allergy',
  '429625007': 'No known food allergy',
  '428197003': 'No known insect allergy',
  '1003774007': 'No known Hevea brasiliensis latex allergy',
};

const CATEGORY: Record<string, { category?: AllergyIntolerance['category']; type?: AllergyIntolerance['type'] }> = {
  '419511003': { category: ['medication'] },
  '416098002': { category: ['medication'], type: 'allergy' },
  '59037007': { category: ['medication'], type: 'intolerance' },
  '414285001': { category: ['food'], type: 'allergy' },
  '235719002': { category: ['food'], type: 'intolerance' },
  '418471000': { category: ['food'] },
  '426232007': { category: ['environment'], type: 'allergy' },
  '419199007': { type: 'allergy' },
  '418038007': {},
  '420134006': {},
  '418634005': { type: 'allergy' },
};

const SEVERITY: Record<string, AllergyIntoleranceReaction['severity']> = {
  '255604002': 'mild', '6736007': 'moderate', '24484000': 'severe', '371923003': 'mild', '371924009': 'moderate', '399166001': 'severe',
};

const STATUS_CODES: Record<string, string> = { '55561003': 'active', '73425007': 'inactive', '413322009': 'resolved', '277022003': 'resolved' };

const codeOf = (c: CodeableConcept | undefined) => c?.coding?.find((x) => x.system === SNOMED)?.code ?? c?.coding?.[0]?.code;

function reactions(obs: CdaNode, ctx: MapContext): AllergyIntoleranceReaction[] {
  const out: AllergyIntoleranceReaction[] = [];
  for (const r of related(obs, 'observation')) {
    if (!tmpl(r, /22\.4\.9$|20\.1\.54$/)) continue;
    if (negated(r)) continue;
    const m = concept(kid(r, 'value'), ctx) ?? (stmtText(r, ctx) ? { text: stmtText(r, ctx) } : undefined);
    if (!m) continue;
    const sevObs = related(r, 'observation').find((s) => tmpl(s, /22\.4\.8$|20\.1\.55$/));
    const onset = effective(kid(r, 'effectiveTime'));
    out.push(compact<AllergyIntoleranceReaction>({
      manifestation: [m],
      severity: SEVERITY[codeOf(concept(kid(sevObs, 'value'), ctx)) ?? ''],
      onset: onset.dateTime ?? onset.period?.start,
    }));
  }
  return out;
}

function findRelatedValue(obs: CdaNode, template: RegExp, ctx: MapContext): CodeableConcept | undefined {
  for (const r of related(obs, 'observation')) if (tmpl(r, template)) return concept(kid(r, 'value'), ctx);
  return undefined;
}

/** One Allergy-Intolerance Observation → AllergyIntolerance. */
export function mapAllergyObservation(obs: CdaNode, concern: CdaNode | undefined, ctx: MapContext): Mapped | undefined {
  const value = concept(kid(obs, 'value'), ctx);
  const valueCode = codeOf(value);
  const substance =
    concept(at(obs, 'participant', 'participantRole', 'playingEntity', 'code'), ctx) ??
    (() => {
      const t = all(obs, 'participant', 'participantRole', 'playingEntity', 'name').map((n) => n.children.map((c) => c.text).join('').trim()).find(Boolean);
      return t ? { text: t } : undefined;
    })();
  const noKnown = valueCode && NO_KNOWN[valueCode] ? valueCode : substance && codeOf(substance) && NO_KNOWN[codeOf(substance)!] ? codeOf(substance) : undefined;
  const neg = negated(obs) || negated(concern);
  const cat = CATEGORY[valueCode ?? ''] ?? {};

  let code: CodeableConcept | undefined;
  let verification: string | undefined = 'confirmed';
  if (noKnown) {
    code = { coding: [{ system: SNOMED, code: noKnown, display: NO_KNOWN[noKnown] }], text: NO_KNOWN[noKnown] };
  } else if (neg) {
    if (substance) {
      code = substance;
      verification = 'refuted';
    } else {
      code = { coding: [{ system: SNOMED, code: '716186003', display: 'No known allergy' }], text: 'No known allergy' };
    }
  } else {
    code = substance ?? (value && !CATEGORY[valueCode ?? ''] ? value : undefined);
    if (!code) {
      const t = stmtText(obs, ctx) ?? stmtText(concern, ctx);
      if (t) code = { text: t };
    }
    if (!code) return undefined;
  }

  const statusValue = codeOf(findRelatedValue(obs, /22\.4\.28$|20\.1\.39$/, ctx));
  let clinical = statusValue ? STATUS_CODES[statusValue] : undefined;
  const on = effective(kid(obs, 'effectiveTime'));
  if (!clinical) {
    const cs = status(concern);
    clinical = on.period?.end ? 'resolved' : cs === 'completed' || cs === 'aborted' ? 'resolved' : 'active';
  }
  const crit = codeOf(findRelatedValue(obs, /22\.4\.145$/, ctx));
  const res = compact<AllergyIntolerance>({
    resourceType: 'AllergyIntolerance',
    id: ctx.newId(),
    identifier: identifiers(obs) ?? identifiers(concern),
    clinicalStatus: verification === 'refuted' ? undefined : { coding: [{ system: CLINICAL, code: clinical }] },
    verificationStatus: { coding: [{ system: VERIFICATION, code: verification }] },
    type: noKnown ? undefined : cat.type,
    category: noKnown ? undefined : cat.category,
    criticality: crit === 'CRITH' ? 'high' : crit === 'CRITL' ? 'low' : crit === 'CRITU' ? 'unable-to-assess' : undefined,
    code,
    patient: ctx.patient,
    onsetDateTime: noKnown || neg ? undefined : on.dateTime ?? on.period?.start,
    recordedDate: authorTime(obs) ?? authorTime(concern),
    reaction: noKnown || neg ? undefined : reactions(obs, ctx),
  });
  return res as Mapped;
}

/** An allergies-section entry (concern act or bare observation) → AllergyIntolerance resources. */
export function mapAllergyEntry(stmt: CdaNode, ctx: MapContext): Mapped[] {
  if (stmt.name === 'observation') return [mapAllergyObservation(stmt, undefined, ctx)].filter((x): x is Mapped => !!x);
  if (stmt.name !== 'act') return [];
  const out: Mapped[] = [];
  for (const obs of related(stmt, 'observation')) {
    const r = mapAllergyObservation(obs, stmt, ctx);
    if (r) out.push(r);
  }
  return out;
}

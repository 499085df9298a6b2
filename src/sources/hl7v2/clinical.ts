/**
 * Segments that carry clinical facts in ADT and other messages: AL1 → AllergyIntolerance
 * ("no known allergies" stays a negation, never a positive allergy), DG1 → Condition
 * (encounter diagnosis), PRB → Condition (problem list).
 */
import type { AllergyIntolerance, Condition } from '@medplum/fhirtypes';
import { prune, type MessageContext } from './context.js';
import { codeable, hl7DateTime, practitionerRef } from './datatypes.js';
import type { Seg } from './parse.js';
import { ALLERGY_CATEGORY, ALLERGY_CRITICALITY } from './systems.js';

const NO_KNOWN = /^(no known( drug)? allerg(y|ies)|nka|nkda|nkma|no allergies|none known)$/i;
const SCT = 'http://snomed.info/sct';
const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
const CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
const COND_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const COND_VERIFY = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';

/** AL1 → AllergyIntolerance. */
export function mapAllergy(ctx: MessageContext, al1: Seg): AllergyIntolerance {
  const type = al1.get(2).toUpperCase();
  let code = codeable(al1.rep(3));
  const words = [al1.get(3, 1), al1.get(3, 2), code?.text ?? ''];
  const negated = words.some((w) => NO_KNOWN.test(w.trim()));
  if (negated) {
    const drug = words.some((w) => /drug|nkda/i.test(w));
    code = { coding: [{ system: SCT, code: drug ? '409137002' : '716186003', display: drug ? 'No known drug allergy' : 'No known allergy' }], text: code?.text };
  }
  if (!code) {
    ctx.issue('warning', 'missing-code', 'AL1-3 (allergen) is empty', al1);
    code = { text: 'Unknown allergen' };
  }
  const reactions = al1.reps(5).map((r) => (r[0]?.[0] ?? '').trim()).filter(Boolean);
  const recorded = hl7DateTime(al1.get(6));
  const category = ALLERGY_CATEGORY[type];
  return prune<AllergyIntolerance>({
    resourceType: 'AllergyIntolerance',
    id: ctx.id(al1),
    clinicalStatus: negated ? undefined : { coding: [{ system: CLINICAL, code: 'active' }] },
    type: /^(MA|FA|DA|EA|AA|PA|LA)$/.test(type) ? 'allergy' : undefined,
    category: category ? [category] : [],
    criticality: negated ? undefined : ALLERGY_CRITICALITY[al1.get(4).toUpperCase()],
    code,
    patient: ctx.requiredPatient,
    encounter: ctx.encounterRef,
    recordedDate: recorded,
    reaction: !negated && reactions.length ? [{ manifestation: reactions.map((text) => ({ text })) }] : [],
  });
}

const DG1_VERIFY: Record<string, string> = { A: 'provisional', W: 'provisional', F: 'confirmed' };

/** DG1 → Condition (encounter diagnosis). */
export function mapDiagnosis(ctx: MessageContext, dg1: Seg): Condition {
  let code = codeable(dg1.rep(3));
  const desc = dg1.get(4);
  if (code && desc && !code.text) code.text = desc;
  if (!code && desc) code = { text: desc };
  if (!code) {
    ctx.issue('warning', 'missing-code', 'DG1-3 (diagnosis code) is empty', dg1);
    code = { text: 'Unknown diagnosis' };
  }
  const verify = DG1_VERIFY[dg1.get(6).toUpperCase()];
  const clinician = dg1.reps(16).map(practitionerRef).find((x) => x !== undefined);
  return prune<Condition>({
    resourceType: 'Condition',
    id: ctx.id(dg1),
    category: [{ coding: [{ system: CONDITION_CATEGORY, code: 'encounter-diagnosis', display: 'Encounter Diagnosis' }] }],
    verificationStatus: verify ? { coding: [{ system: COND_VERIFY, code: verify }] } : undefined,
    code,
    subject: ctx.requiredPatient,
    encounter: ctx.encounterRef,
    recordedDate: hl7DateTime(dg1.get(5)),
    asserter: clinician,
  });
}

const PRB_ACTION_DELETE = new Set(['DE']);

/** PRB (problem) → Condition on the problem list. */
export function mapProblem(ctx: MessageContext, prb: Seg): Condition {
  let code = codeable(prb.rep(3));
  if (!code) {
    ctx.issue('warning', 'missing-code', 'PRB-3 (problem id) is empty', prb);
    code = { text: 'Unknown problem' };
  }
  const deleted = PRB_ACTION_DELETE.has(prb.get(1).toUpperCase());
  const resolved = hl7DateTime(prb.get(9));
  const onset = hl7DateTime(prb.get(16));
  const status = prb.get(14, 1).toLowerCase();
  const clinical = resolved ? 'resolved' : ['active', 'inactive', 'resolved', 'remission', 'recurrence', 'relapse'].includes(status) ? status : 'active';
  return prune<Condition>({
    resourceType: 'Condition',
    id: ctx.id(prb),
    category: [{ coding: [{ system: CONDITION_CATEGORY, code: 'problem-list-item', display: 'Problem List Item' }] }],
    clinicalStatus: deleted ? undefined : { coding: [{ system: COND_CLINICAL, code: clinical }] },
    verificationStatus: deleted ? { coding: [{ system: COND_VERIFY, code: 'entered-in-error' }] } : undefined,
    code,
    subject: ctx.requiredPatient,
    recordedDate: hl7DateTime(prb.get(7)),
    onsetDateTime: onset,
    abatementDateTime: resolved,
  });
}

/** Every AL1, DG1 and PRB of a message. */
export function mapClinical(ctx: MessageContext): void {
  for (const s of ctx.segs) {
    if (s.name === 'AL1') ctx.add(mapAllergy(ctx, s), s);
    else if (s.name === 'DG1') ctx.add(mapDiagnosis(ctx, s), s);
    else if (s.name === 'PRB') ctx.add(mapProblem(ctx, s), s);
  }
}

/**
 * The procedures a doctor means by "What surgeries or procedures have you had?". A record's
 * procedure list also holds the acts of every visit: documenting the medications, screening
 * questionnaires, assessments, counselling, referrals, drawing blood, giving a vaccine. An EHR
 * export or a Synthea record lists them at every visit (a child's record: "Documentation of current
 * medications" five times before anything done to the body), which buried the answer and filled
 * the health history form. Those acts are left out here by their names (SNOMED's and CPT's
 * descriptions say what they are); the procedures list itself still shows everything. Pure.
 */
import type { MergedItem } from '../record/reconcile/cluster.js';

/** Names of acts that are no surgery or procedure of the person's history. */
const VISIT_ACTS = [
  /\bdocumentation\b/i,
  /\bassessment\b/i,
  /\breconciliation\b/i,
  /\bcounsel+ing\b/i,
  /\beducation\b/i,
  /\breferral\b/i,
  /\breview of\b/i,
  /\bnotification\b/i,
  /\bcertification\b/i,
  /\b(?:telephone|telehealth|e-?visit)\b/i,
  /\b(?:office|outpatient|clinic|home|follow-up) (?:visit|consultation)\b|\bevaluation and management\b|\bcheck-?up\b|\bwell (?:child|adult) visit\b/i,
  /\bvenipuncture\b|\bcollection of (?:venous |capillary )?blood\b|\bspecimen collection\b/i,
  /\b(?:administration of|immuni[sz]ation|vaccination)\b/i,
  /\bquestionnaire\b|\b(?:depression|anxiety|alcohol|drug|substance|tobacco|domestic abuse|fall risk|developmental) (?:use )?screening\b|\bscreening for (?:depression|anxiety|alcohol|drug|substance|tobacco|domestic|abuse|falls?|hiv)\b/i,
];

export function isVisitAct(name: string): boolean {
  return VISIT_ACTS.some((re) => re.test(name));
}

/** The person's procedures without the acts of their visits. */
export function historyProcedures(items: MergedItem[]): MergedItem[] {
  return items.filter((it) => !isVisitAct(it.display));
}

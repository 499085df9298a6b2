/**
 * Section recognition (template id roots of R1.1, R2.1 and HITSP C32/CCD, then LOINC section
 * code) and the mapper for each kind of section. A section nobody recognises is 'other' and
 * its entries go through the generic mapper.
 */
import type { CdaNode } from '../xml.js';
import { attr, kid, templateIds } from '../xml.js';
import type { MapContext, Mapped } from '../context.js';
import { mapAllergyEntry } from './allergies.js';
import { mapProblemEntry, mapConditions } from './problems.js';
import { mapMedicationEntry } from './medications.js';
import { mapImmunizationEntry } from './immunizations.js';
import { mapResultEntry } from './results.js';
import { mapVitalSignsEntry } from './vitals.js';
import { mapProcedureEntry } from './procedures.js';
import { mapEncounterEntry } from './encounters.js';
import { mapSocialHistoryEntry } from './social.js';
import { mapFamilyHistoryEntry } from './family.js';
import { mapPlanEntry } from './plan.js';
import { mapGoalEntry } from './goals.js';
import { mapHealthConcernEntry } from './concerns.js';
import { mapFunctionalStatusEntry, mapMentalStatusEntry } from './status.js';
import { mapEquipmentEntry } from './equipment.js';
import { mapPayerEntry } from './payers.js';
import { mapCareTeamEntry } from './careteam.js';
import { mapAdvanceDirectiveEntry } from './directives.js';
import { mapReferralEntry } from './referral.js';
import { mapNoteEntry } from './notes.js';
import { mapGenericStatement } from './generic.js';

export type SectionKind =
  | 'allergies' | 'problems' | 'medications' | 'immunizations' | 'results' | 'vital_signs' | 'procedures' | 'encounters'
  | 'social_history' | 'family_history' | 'plan_of_treatment' | 'goals' | 'health_concerns' | 'functional_status'
  | 'mental_status' | 'medical_equipment' | 'payers' | 'care_team' | 'advance_directives' | 'reason_for_referral'
  | 'notes' | 'diagnoses' | 'other';

interface SectionDef {
  kind: SectionKind;
  templates: string[];
  codes: string[];
}

const C = '2.16.840.1.113883.10.20.22.2.';

/**
 * IHE XD-LAB laboratory reports (CDA-CH lab reports, ELGA Laborbefund, French CR-BIO, eHDSI lab
 * results) carry their results in "Laboratory Specialty" and "Laboratory Report Item" sections,
 * coded with the LOINC "… studies" code of the specialty instead of 30954-2. Unrecognised, their
 * entries went through the generic mapper: loose Observations without a report or the laboratory
 * category, missing from the labs views.
 */
const XD_LAB_SECTIONS = ['1.3.6.1.4.1.19376.1.3.3.2.1', '1.3.6.1.4.1.19376.1.3.3.2.2'];
const LAB_SPECIALTY_CODES = [
  '11502-2', '26436-6', '18717-9', '18718-7', '18719-5', '18720-3', '18721-1', '18722-9', '18723-7', '18724-5', '18725-2', '18727-8',
  '18728-6', '18729-4', '18767-4', '18768-2', '18769-0', '26435-8', '26437-4', '26438-2',
];
const H = '2.16.840.1.113883.10.20.1.';

/** Section table as data: templateId roots (C-CDA R1.1/R2.1 share roots; HITSP/CCD R1 too) and LOINC codes. */
export const SECTIONS: SectionDef[] = [
  { kind: 'allergies', templates: [C + '6', C + '6.1', H + '2', '2.16.840.1.113883.3.88.11.83.102'], codes: ['48765-2'] },
  { kind: 'medications', templates: [C + '1', C + '1.1', H + '8', C + '11', C + '11.1', C + '44', C + '38', '2.16.840.1.113883.3.88.11.83.112'], codes: ['10160-0', '10183-2', '42346-7', '29549-3', '75311-1'] },
  { kind: 'problems', templates: [C + '5', C + '5.1', H + '11', C + '20', '2.16.840.1.113883.3.88.11.83.103'], codes: ['11450-4', '11348-0'] },
  { kind: 'diagnoses', templates: [C + '24', C + '43', C + '34', C + '35', C + '36', C + '8'], codes: ['11535-2', '46241-6', '10219-4', '59769-0', '10218-6', '51848-0', '11301-5'] },
  { kind: 'procedures', templates: [C + '7', C + '7.1', H + '12', C + '27', C + '28', C + '29'], codes: ['47519-4', '59776-5', '59773-2', '29554-3'] },
  { kind: 'results', templates: [C + '3', C + '3.1', H + '14', ...XD_LAB_SECTIONS], codes: ['30954-2', ...LAB_SPECIALTY_CODES] },
  { kind: 'vital_signs', templates: [C + '4', C + '4.1', H + '16'], codes: ['8716-3'] },
  { kind: 'immunizations', templates: [C + '2', C + '2.1', H + '6'], codes: ['11369-6'] },
  { kind: 'encounters', templates: [C + '22', C + '22.1', H + '3'], codes: ['46240-8'] },
  { kind: 'social_history', templates: [C + '17', H + '15'], codes: ['29762-2'] },
  { kind: 'family_history', templates: [C + '15', H + '4'], codes: ['10157-6'] },
  { kind: 'plan_of_treatment', templates: [C + '10', H + '10', C + '9', C + '21.2.3', '2.16.840.1.113883.10.20.21.2.3'], codes: ['18776-5', '51847-2', '62387-6', '61145-9'] },
  { kind: 'goals', templates: [C + '60'], codes: ['61146-7'] },
  { kind: 'health_concerns', templates: [C + '58'], codes: ['75310-3'] },
  { kind: 'functional_status', templates: [C + '14', H + '5'], codes: ['47420-5'] },
  { kind: 'mental_status', templates: [C + '56'], codes: ['10190-7', '11344-9'] },
  { kind: 'medical_equipment', templates: [C + '23', H + '7'], codes: ['46264-8'] },
  { kind: 'payers', templates: [C + '18', H + '9'], codes: ['48768-6'] },
  { kind: 'care_team', templates: [C + '500'], codes: ['85847-2'] },
  { kind: 'advance_directives', templates: [C + '21', C + '21.1', H + '1'], codes: ['42348-3'] },
  { kind: 'reason_for_referral', templates: ['1.3.6.1.4.1.19376.1.5.3.1.3.1', '1.3.6.1.4.1.19376.1.5.3.1.3.1.2'], codes: ['42349-1'] },
  { kind: 'notes', templates: [C + '45', C + '65'], codes: ['69730-0', '8653-8', '34109-9'] },
];

const byTemplate = new Map<string, SectionKind>();
const byCode = new Map<string, SectionKind>();
for (const s of SECTIONS) {
  for (const t of s.templates) byTemplate.set(t, s.kind);
  for (const c of s.codes) byCode.set(c, s.kind);
}

export function sectionKind(section: CdaNode): SectionKind {
  for (const t of templateIds(section)) {
    const k = byTemplate.get(t);
    if (k) return k;
  }
  const code = attr(kid(section, 'code'), 'code');
  return (code && byCode.get(code)) || 'other';
}

type EntryMapper = (stmt: CdaNode, ctx: MapContext) => Mapped[];

export const MAPPERS: Record<SectionKind, EntryMapper> = {
  allergies: mapAllergyEntry,
  problems: mapProblemEntry,
  diagnoses: (s, ctx) => mapConditions(s, ctx, 'encounter-diagnosis'),
  medications: mapMedicationEntry,
  immunizations: mapImmunizationEntry,
  results: mapResultEntry,
  vital_signs: mapVitalSignsEntry,
  procedures: mapProcedureEntry,
  encounters: mapEncounterEntry,
  social_history: mapSocialHistoryEntry,
  family_history: mapFamilyHistoryEntry,
  plan_of_treatment: mapPlanEntry,
  goals: mapGoalEntry,
  health_concerns: mapHealthConcernEntry,
  functional_status: mapFunctionalStatusEntry,
  mental_status: mapMentalStatusEntry,
  medical_equipment: mapEquipmentEntry,
  payers: mapPayerEntry,
  care_team: mapCareTeamEntry,
  advance_directives: mapAdvanceDirectiveEntry,
  reason_for_referral: mapReferralEntry,
  notes: mapNoteEntry,
  other: mapGenericStatement,
};

/** Maps one entry's statement with its section's mapper, falling back to the generic mapper. */
export function mapEntry(kind: SectionKind, stmt: CdaNode, ctx: MapContext): Mapped[] {
  const out = MAPPERS[kind](stmt, ctx);
  return out.length || kind === 'other' ? out : mapGenericStatement(stmt, ctx);
}

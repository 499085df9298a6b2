/**
 * One line per resource: what it is, its status and a detail, for lists, the home page and
 * the timeline. Pure; unknown resource types still get a title (their type).
 */
import type {
  AllergyIntolerance, Condition, DiagnosticReport, DocumentReference, Encounter, ExplanationOfBenefit, FamilyMemberHistory,
  ImagingStudy, Immunization, MedicationDispense, MedicationRequest, MedicationStatement, Observation, Procedure, Resource,
} from '@medplum/fhirtypes';
import type { SourcedResource } from './query.js';
import type { Fact, ListKind } from './types.js';
import { conceptText, documentTypeText, quantityText, statusCode, valueText } from './fhir-text.js';
import { observationKind } from './labs.js';

type Described = { title: string; detail?: string; status?: string };

function join(...parts: Array<string | undefined | false>): string | undefined {
  const s = parts.filter(Boolean).join(' · ');
  return s || undefined;
}

function observationValue(o: Observation): string | undefined {
  const own = valueText(o);
  if (own !== undefined) return own;
  if (o.component?.length) {
    return o.component.map((c) => `${conceptText(c.code) ?? ''} ${valueText(c) ?? ''}`.trim()).join(', ');
  }
  return undefined;
}

/** The name of a contained Medication the resource points at (`#med1`), as EHRs send a dispense's product. */
function containedMedicationName(m: { medicationReference?: { reference?: string }; contained?: Resource[] }): string | undefined {
  const ref = m.medicationReference?.reference;
  if (!ref?.startsWith('#')) return undefined;
  const med = m.contained?.find((c) => c.resourceType === 'Medication' && `#${c.id}` === ref) as { code?: Parameters<typeof conceptText>[0] } | undefined;
  return conceptText(med?.code);
}

export function describe(r: Resource): Described {
  switch (r.resourceType) {
    case 'Condition': {
      const c = r as Condition;
      return { title: conceptText(c.code) ?? 'Condition', status: statusCode(c.clinicalStatus) ?? (c.abatementDateTime ? 'resolved' : undefined), detail: join(c.abatementDateTime && `resolved ${c.abatementDateTime.slice(0, 10)}`, conceptText(c.severity)) };
    }
    case 'MedicationStatement': {
      const m = r as MedicationStatement;
      return { title: conceptText(m.medicationCodeableConcept) ?? containedMedicationName(m) ?? m.medicationReference?.display ?? 'Medication', status: m.status, detail: join(m.dosage?.[0]?.text, conceptText(m.dosage?.[0]?.route)) };
    }
    case 'MedicationRequest': {
      const m = r as MedicationRequest;
      return { title: conceptText(m.medicationCodeableConcept) ?? containedMedicationName(m) ?? m.medicationReference?.display ?? 'Medication', status: m.status, detail: join(m.dosageInstruction?.[0]?.text, m.requester?.display && `prescribed by ${m.requester.display}`) };
    }
    case 'MedicationDispense': {
      const m = r as MedicationDispense;
      const supply = m.daysSupply?.value !== undefined ? `${m.daysSupply.value} days' supply` : undefined;
      return {
        title: conceptText(m.medicationCodeableConcept) ?? containedMedicationName(m) ?? m.medicationReference?.display ?? 'Medication',
        status: m.status,
        detail: join(m.whenHandedOver && `dispensed ${m.whenHandedOver.slice(0, 10)}`, quantityText(m.quantity), supply, m.dosageInstruction?.[0]?.text),
      };
    }
    case 'ExplanationOfBenefit': {
      // A claim as a whole: what kind, from whom, when (its lines are medications and procedures of the record).
      const e = r as ExplanationOfBenefit;
      const kind = e.type?.coding?.find((c) => c.system === 'http://terminology.hl7.org/CodeSystem/claim-type')?.display ?? conceptText(e.type);
      const services = e.item?.length ? `${e.item.length} service${e.item.length === 1 ? '' : 's'}` : undefined;
      return { title: kind ? `${kind} claim` : 'Claim', status: e.outcome ?? e.status, detail: join(e.provider?.display ?? e.facility?.display, services) };
    }
    case 'AllergyIntolerance': {
      const a = r as AllergyIntolerance;
      const reactions = (a.reaction ?? []).flatMap((x) => (x.manifestation ?? []).map(conceptText)).filter(Boolean) as string[];
      return { title: conceptText(a.code) ?? 'Allergy', status: statusCode(a.clinicalStatus) ?? statusCode(a.verificationStatus), detail: join(reactions.join(', '), a.criticality && `criticality ${a.criticality}`) };
    }
    case 'Immunization': {
      const i = r as Immunization;
      return { title: conceptText(i.vaccineCode) ?? 'Immunization', status: i.status, detail: join(i.lotNumber && `lot ${i.lotNumber}`, i.doseQuantity && quantityText(i.doseQuantity)) };
    }
    case 'Procedure': {
      const p = r as Procedure;
      return { title: conceptText(p.code) ?? 'Procedure', status: p.status, detail: join(p.performer?.[0]?.actor?.display, p.location?.display) };
    }
    case 'Encounter': {
      const e = r as Encounter;
      const type = conceptText(e.type?.[0]) ?? e.class?.display ?? e.class?.code;
      const reason = conceptText(e.reasonCode?.[0]);
      return { title: type ? `Visit: ${type}` : 'Visit', status: e.status, detail: join(e.serviceProvider?.display ?? e.location?.[0]?.location?.display, e.participant?.[0]?.individual?.display, reason) };
    }
    case 'Observation': {
      const o = r as Observation;
      return { title: conceptText(o.code) ?? 'Observation', status: o.status === 'final' ? undefined : o.status, detail: observationValue(o) };
    }
    case 'DiagnosticReport': {
      const d = r as DiagnosticReport;
      return { title: conceptText(d.code) ?? 'Report', status: d.status, detail: d.conclusion };
    }
    case 'ImagingStudy': {
      const s = r as ImagingStudy;
      return { title: s.description ?? 'Imaging study', detail: join(s.modality?.map((m) => m.code).join(', '), s.numberOfInstances ? `${s.numberOfInstances} images` : undefined) };
    }
    case 'DocumentReference': {
      const d = r as DocumentReference;
      return { title: d.description ?? documentTypeText(d.type) ?? 'Document', status: d.docStatus };
    }
    case 'FamilyMemberHistory': {
      const f = r as FamilyMemberHistory;
      return { title: `${conceptText(f.relationship) ?? 'Relative'}: ${(f.condition ?? []).map((c) => conceptText(c.code)).filter(Boolean).join(', ') || 'history'}` };
    }
    default: {
      const any = r as { code?: Parameters<typeof conceptText>[0] };
      return { title: conceptText(any.code) ?? r.resourceType };
    }
  }
}

export function toFact(it: SourcedResource): Fact {
  const d = describe(it.resource);
  const f: Fact = { id: it.id, resourceType: it.resourceType, title: d.title, source: it.source };
  if (it.date) f.date = it.date;
  if (d.detail) f.detail = d.detail;
  if (d.status) f.status = d.status;
  return f;
}

/** Which stored resource types make up each list, and which of them belong in it. */
export const LIST_KINDS: Record<ListKind, { label: string; types: string[]; keep?: (r: Resource) => boolean }> = {
  medications: { label: 'Medications', types: ['MedicationStatement', 'MedicationRequest', 'MedicationDispense'] },
  problems: { label: 'Problems', types: ['Condition'] },
  allergies: { label: 'Allergies', types: ['AllergyIntolerance'] },
  immunizations: { label: 'Immunizations', types: ['Immunization'] },
  procedures: { label: 'Procedures', types: ['Procedure'] },
  visits: { label: 'Visits', types: ['Encounter'] },
  vitals: { label: 'Vital signs', types: ['Observation'], keep: (r) => observationKind(r as Observation) === 'vital' },
  'labs-reports': { label: 'Lab reports', types: ['DiagnosticReport'] },
  'family-history': { label: 'Family history', types: ['FamilyMemberHistory'] },
  'social-history': {
    label: 'Social history',
    types: ['Observation'],
    keep: (r) => (r as Observation).category?.some((c) => c.coding?.some((x) => x.code === 'social-history')) ?? false,
  },
};

export function isListKind(k: string): k is ListKind {
  return Object.prototype.hasOwnProperty.call(LIST_KINDS, k);
}

const INACTIVE = new Set(['inactive', 'resolved', 'remission', 'stopped', 'completed', 'cancelled', 'entered-in-error', 'ended', 'refuted', 'not-taken']);

/** Active = stated active, or stated nothing that says otherwise. */
export function isActive(f: Fact): boolean {
  return !f.status || !INACTIVE.has(f.status.toLowerCase());
}

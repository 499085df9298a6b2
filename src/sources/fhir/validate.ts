/**
 * Per-resource validation: the shape checks and required elements that matter for a personal
 * record. A resource that fails is reported with its reason and not stored; the rest of the
 * input is kept. Deliberately not a full profile validator: payer resources (Claim,
 * ExplanationOfBenefit, Coverage) and anything not listed here pass with only the generic checks.
 */
import { isR4ResourceType } from './resource-types.js';

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (r: Json, k: string) => r[k] !== undefined && r[k] !== null && r[k] !== '';
const hasChoice = (r: Json, prefix: string) => Object.keys(r).some((k) => k.startsWith(prefix) && k.length > prefix.length && /[A-Z]/.test(k[prefix.length]) && has(r, k));

/** Required-element rules: element name (or `name[x]` for a choice) → expected kind. */
type Kind = 'code' | 'object' | 'reference' | 'array' | 'choice';
const REQUIRED: Record<string, Array<[string, Kind]>> = {
  Observation: [['status', 'code'], ['code', 'object']],
  Condition: [['subject', 'reference']],
  MedicationRequest: [['status', 'code'], ['intent', 'code'], ['subject', 'reference'], ['medication[x]', 'choice']],
  MedicationStatement: [['status', 'code'], ['subject', 'reference'], ['medication[x]', 'choice']],
  MedicationAdministration: [['status', 'code'], ['subject', 'reference'], ['medication[x]', 'choice'], ['effective[x]', 'choice']],
  MedicationDispense: [['status', 'code'], ['medication[x]', 'choice']],
  Immunization: [['status', 'code'], ['vaccineCode', 'object'], ['patient', 'reference'], ['occurrence[x]', 'choice']],
  Encounter: [['status', 'code'], ['class', 'object']],
  Procedure: [['status', 'code'], ['subject', 'reference']],
  DiagnosticReport: [['status', 'code'], ['code', 'object']],
  AllergyIntolerance: [['patient', 'reference']],
  DocumentReference: [['status', 'code'], ['content', 'array']],
  Binary: [['contentType', 'code']],
  CarePlan: [['status', 'code'], ['intent', 'code'], ['subject', 'reference']],
  ServiceRequest: [['status', 'code'], ['intent', 'code'], ['subject', 'reference']],
  Goal: [['lifecycleStatus', 'code'], ['description', 'object'], ['subject', 'reference']],
  FamilyMemberHistory: [['status', 'code'], ['patient', 'reference'], ['relationship', 'object']],
};

/** Closed status value sets (R4) for the clinical types; a wrong code is a wrong shape. */
const STATUS: Record<string, string[]> = {
  Observation: ['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown'],
  DiagnosticReport: ['registered', 'partial', 'preliminary', 'final', 'amended', 'corrected', 'appended', 'cancelled', 'entered-in-error', 'unknown'],
  MedicationRequest: ['active', 'on-hold', 'cancelled', 'completed', 'entered-in-error', 'stopped', 'draft', 'unknown'],
  Immunization: ['completed', 'entered-in-error', 'not-done'],
  Encounter: ['planned', 'arrived', 'triaged', 'in-progress', 'onleave', 'finished', 'cancelled', 'entered-in-error', 'unknown'],
  Procedure: ['preparation', 'in-progress', 'not-done', 'on-hold', 'stopped', 'completed', 'entered-in-error', 'unknown'],
};

function isReference(v: unknown): boolean {
  return isObj(v) && (typeof v.reference === 'string' || isObj(v.identifier) || typeof v.display === 'string');
}

/** Pre-R4 (DSTU2/STU3) types that are not mapped, with the R4 type that replaced them. */
const OLDER_TYPES: Record<string, string> = {
  DiagnosticOrder: 'ServiceRequest', ProcedureRequest: 'ServiceRequest', ReferralRequest: 'ServiceRequest', Order: 'Task',
  OrderResponse: 'Task', DeviceUseRequest: 'DeviceRequest', ProcessRequest: 'Task', ProcessResponse: 'Task',
  EligibilityRequest: 'CoverageEligibilityRequest', EligibilityResponse: 'CoverageEligibilityResponse', Conformance: 'CapabilityStatement',
  BodySite: 'BodyStructure', ImagingObjectSelection: 'ImagingStudy', ImagingManifest: 'ImagingStudy', Sequence: 'MolecularSequence',
  DeviceComponent: 'DeviceDefinition', DataElement: 'StructureDefinition', ServiceDefinition: 'PlanDefinition',
};

/**
 * Returns the reasons a resource cannot be stored (empty = valid). `value` is whatever one JSON
 * value of the input was; nothing is assumed about it.
 */
export function validateResource(value: unknown): string[] {
  if (!isObj(value)) return [`not a JSON object (${Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value})`];
  const type = value.resourceType;
  if (type === undefined) return ['no resourceType'];
  if (typeof type !== 'string') return ['resourceType is not a string'];
  if (!isR4ResourceType(type)) {
    const older = OLDER_TYPES[type as string];
    return [older ? `unknown resourceType "${type}" (a DSTU2/STU3 type; R4 replaced it with ${older}, not mapped here)` : `unknown resourceType "${String(type).slice(0, 60)}"`];
  }
  const reasons: string[] = [];
  // Ids longer than R4's 64 characters occur in real EHR exports (Epic): kept; only a non-id is refused.
  if (value.id !== undefined && (typeof value.id !== 'string' || !/^[A-Za-z0-9\-.]{1,256}$/.test(value.id))) reasons.push(`invalid id ${JSON.stringify(value.id)?.slice(0, 80)}`);
  for (const [name, kind] of REQUIRED[type] ?? []) {
    if (kind === 'choice') {
      if (!hasChoice(value, name.slice(0, -3))) reasons.push(`missing ${name}`);
      continue;
    }
    if (!has(value, name)) {
      reasons.push(`missing ${name}`);
      continue;
    }
    const v = value[name];
    if (kind === 'code' && typeof v !== 'string') reasons.push(`${name} is not a code`);
    else if (kind === 'object' && !isObj(v)) reasons.push(`${name} is not an object`);
    else if (kind === 'reference' && !isReference(v)) reasons.push(`${name} is not a Reference`);
    else if (kind === 'array' && (!Array.isArray(v) || v.length === 0)) reasons.push(`${name} is not a non-empty array`);
  }
  const allowed = STATUS[type];
  if (allowed && typeof value.status === 'string' && !allowed.includes(value.status)) reasons.push(`status "${value.status.slice(0, 40)}" is not an R4 ${type} status`);
  return reasons;
}

/**
 * Pure functions that pull the indexed columns out of a FHIR resource: the date it sorts
 * by, its codes, and the words it is found by. Kept generic (path lists per type) so a new
 * resource type needs a line here, not a new code path.
 */
import type { Resource } from '@medplum/fhirtypes';

type Json = Record<string, unknown>;

/** Candidate date elements per resource type, most meaningful first. */
const DATE_PATHS: Record<string, string[]> = {
  Observation: ['effectiveDateTime', 'effectivePeriod.start', 'effectiveInstant', 'issued'],
  DiagnosticReport: ['effectiveDateTime', 'effectivePeriod.start', 'issued'],
  Condition: ['onsetDateTime', 'onsetPeriod.start', 'recordedDate', 'abatementDateTime'],
  MedicationStatement: ['effectiveDateTime', 'effectivePeriod.start', 'dateAsserted'],
  MedicationRequest: ['authoredOn', 'dispenseRequest.validityPeriod.start'],
  MedicationAdministration: ['effectiveDateTime', 'effectivePeriod.start'],
  MedicationDispense: ['whenHandedOver', 'whenPrepared'],
  Immunization: ['occurrenceDateTime', 'recorded'],
  Procedure: ['performedDateTime', 'performedPeriod.start'],
  Encounter: ['period.start', 'period.end'],
  AllergyIntolerance: ['onsetDateTime', 'recordedDate'],
  DocumentReference: ['date', 'context.period.start'],
  Composition: ['date'],
  ImagingStudy: ['started'],
  CarePlan: ['period.start', 'created'],
  Goal: ['startDate', 'target.0.dueDate'],
  Claim: ['billablePeriod.start', 'created'],
  ExplanationOfBenefit: ['billablePeriod.start', 'created'],
  Coverage: ['period.start'],
  Patient: ['birthDate'],
  FamilyMemberHistory: ['date'],
  Device: ['manufactureDate'],
  ServiceRequest: ['authoredOn', 'occurrenceDateTime'],
  Media: ['createdDateTime'],
};

const DEFAULT_DATE_PATHS = ['date', 'effectiveDateTime', 'period.start', 'meta.lastUpdated'];
/** The paths split once: this runs for every stored resource. */
const SPLIT_DATE_PATHS = new Map(Object.entries(DATE_PATHS).map(([type, paths]) => [type, paths.map((p) => p.split('.'))]));
const SPLIT_DEFAULT_PATHS = DEFAULT_DATE_PATHS.map((p) => p.split('.'));

function at(obj: unknown, path: string[]): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (cur == null) return undefined;
    cur = Array.isArray(cur) ? cur[Number(key)] : (cur as Json)[key];
  }
  return cur;
}

export function sortDateOf(resource: Resource): string | null {
  for (const p of SPLIT_DATE_PATHS.get(resource.resourceType) ?? SPLIT_DEFAULT_PATHS) {
    const v = at(resource, p);
    if (typeof v === 'string' && v) return v;
  }
  return null;
}

/** Every coding in the resource's main concept(s), as `system|code`. */
export function codesOf(resource: Resource): string[] {
  const out = new Set<string>();
  const r = resource as unknown as Json;
  for (const key of ['code', 'vaccineCode', 'medicationCodeableConcept', 'type', 'category']) {
    const v = r[key];
    for (const cc of Array.isArray(v) ? v : v ? [v] : []) {
      for (const c of ((cc as Json).coding as Json[] | undefined) ?? []) {
        if (c.code) out.add(`${c.system ?? ''}|${c.code}`);
      }
    }
  }
  return [...out];
}

const TEXT_KEYS = new Set(['display', 'text', 'valueString', 'name', 'description', 'family', 'note', 'title', 'unit', 'conclusion']);

/** Human words of the resource (displays, texts, string values), for full-text search. */
export function searchTextOf(resource: Resource): string {
  const words: string[] = [];
  visitText(resource, '', 0, words);
  return words.join(' ').slice(0, 4000);
}

/** searchTextOf's walk (a module function, not a closure per resource: see rewriteReferences in src/ingest/ids.ts). */
function visitText(v: unknown, key: string, depth: number, words: string[]): void {
  if (depth > 6 || words.length > 200) return;
  if (typeof v === 'string') {
    if (TEXT_KEYS.has(key)) words.push(v);
    return;
  }
  if (Array.isArray(v)) {
    for (const x of v) visitText(x, key, depth + 1, words);
    return;
  }
  if (v && typeof v === 'object') {
    // for-in, not Object.keys: no array of keys per object (plain JSON objects: own keys only, same
    // order); the key arrays were ~7 MB of the ~275 MB the bench corpus's timed import allocates.
    for (const k in v) {
      // Narrative HTML and binary data are indexed elsewhere (page texts) or not at all.
      if (k === 'div' || k === 'data' || k === 'contained') continue;
      visitText((v as Json)[k], k, depth + 1, words);
    }
  }
}

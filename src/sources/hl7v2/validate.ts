/**
 * A small structural check of the resources this adapter emits (used by its tests and the eval):
 * no empty elements (FHIR forbids "", [], {}, null), every date/dateTime/instant well formed,
 * and the elements FHIR R4 requires for each type we produce. Not a full FHIR validator.
 */
import type { Resource } from '@medplum/fhirtypes';

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const DATETIME = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00)))?)?)?$/;
const INSTANT = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?$/;

const DATE_KEYS = new Set(['birthDate', 'expirationDate']);
const INSTANT_KEYS = new Set(['issued', 'receivedTime']);
const DATETIME_KEYS = new Set(['collectedDateTime', 'effectiveDateTime', 'valueDateTime', 'occurrenceDateTime', 'authoredOn', 'recordedDate', 'onsetDateTime', 'abatementDateTime', 'deceasedDateTime', 'start', 'end', 'date']);

const REQUIRED: Record<string, string[][]> = {
  Observation: [['status'], ['code']],
  DiagnosticReport: [['status'], ['code']],
  Encounter: [['status'], ['class']],
  Immunization: [['status'], ['vaccineCode'], ['patient'], ['occurrenceDateTime', 'occurrenceString']],
  MedicationRequest: [['status'], ['intent'], ['medicationCodeableConcept', 'medicationReference'], ['subject']],
  AllergyIntolerance: [['patient']],
  Condition: [['subject']],
  Appointment: [['status'], ['participant']],
  DocumentReference: [['status'], ['content']],
};

/** Problems found in one resource; empty when it passes. */
export function checkResource(r: Resource): string[] {
  const problems: string[] = [];
  const walk = (v: unknown, path: string, key: string, parentType?: string) => {
    if (v === null || v === '' || (Array.isArray(v) && !v.length) || (typeof v === 'object' && v !== null && !Array.isArray(v) && !Object.keys(v).length)) {
      problems.push(`empty element ${path}`);
      return;
    }
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}[${i}]`, key, parentType));
    if (typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(x, `${path}.${k}`, k, key);
      return;
    }
    if (typeof v === 'number' && !Number.isFinite(v)) problems.push(`bad number ${path}`);
    if (typeof v !== 'string') return;
    if (v !== v.trim() && key !== 'text' && key !== 'valueString' && key !== 'data') problems.push(`untrimmed string ${path}`);
    if (DATE_KEYS.has(key) && !DATE.test(v)) problems.push(`bad date ${path}=${v}`);
    // Appointment.start/end are instants; Period.start/end dateTimes.
    else if ((INSTANT_KEYS.has(key) || (r.resourceType === 'Appointment' && (key === 'start' || key === 'end') && parentType === undefined)) && !INSTANT.test(v)) problems.push(`bad instant ${path}=${v}`);
    else if (DATETIME_KEYS.has(key) && !DATETIME.test(v)) problems.push(`bad dateTime ${path}=${v}`);
    else if (key === 'valueTime' && !TIME.test(v)) problems.push(`bad time ${path}=${v}`);
  };
  walk(r, r.resourceType, '');
  const rec = r as unknown as Record<string, unknown>;
  for (const alternatives of REQUIRED[r.resourceType] ?? []) {
    if (!alternatives.some((k) => rec[k] !== undefined)) problems.push(`missing ${r.resourceType}.${alternatives.join('|')}`);
  }
  if (r.resourceType === 'Observation') {
    const values = Object.keys(rec).filter((k) => k.startsWith('value'));
    if (values.length > 1) problems.push('several Observation.value[x]');
    if (values.length && rec.dataAbsentReason) problems.push('Observation has both a value and dataAbsentReason');
  }
  if (r.resourceType === 'Appointment' && !['proposed', 'cancelled', 'waitlist'].includes(String(rec.status)) && (!rec.start || !rec.end)) {
    if (rec.start || rec.end) problems.push('Appointment has start without end (or end without start)');
  }
  return problems;
}

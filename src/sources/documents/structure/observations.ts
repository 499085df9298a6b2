/** Lab rows as FHIR Observations grouped in a DiagnosticReport. */
import type { CodeableConcept, DiagnosticReport, Observation, Patient, Quantity, Reference } from '@medplum/fhirtypes';
import type { LabRow } from './lab-row.js';

const INTERP: Record<string, string> = { H: 'High', L: 'Low', HH: 'Critical high', LL: 'Critical low', A: 'Abnormal' };
const UCUM = 'http://unitsofmeasure.org';

function qty(value: number, row: LabRow): Quantity {
  return {
    value,
    ...(row.unit ? { unit: row.unit } : {}),
    ...(row.ucum ? { system: UCUM, code: row.ucum } : {}),
  };
}

export function toObservation(row: LabRow, subject: Reference<Patient> | undefined, date: string | undefined): Observation {
  const code: CodeableConcept = {
    ...(row.loinc ? { coding: [{ system: 'http://loinc.org', code: row.loinc, ...(row.loincDisplay ? { display: row.loincDisplay } : {}) }] } : {}),
    text: row.name,
  };
  const obs: Observation = {
    resourceType: 'Observation',
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory', display: 'Laboratory' }] }],
    code,
    ...(subject ? { subject } : {}),
    ...(date ? { effectiveDateTime: date } : {}),
  };
  // A count printed as a span with its unit (a urine sediment's "3-5" /HPF) is a range of quantities, not a word: the
  // unit stays with it. Session 24 (set-c).
  const span = row.numeric === undefined && row.unit ? /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(row.value) : null;
  if (row.numeric !== undefined) {
    obs.valueQuantity = { ...qty(row.numeric, row), ...(row.comparator ? { comparator: row.comparator } : {}) };
  } else if (span && Number(span[1]) <= Number(span[2])) obs.valueRange = { low: qty(Number(span[1]), row), high: qty(Number(span[2]), row) };
  else obs.valueString = row.value;
  if (row.flag) {
    obs.interpretation = [
      {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: row.flag, display: INTERP[row.flag]! }],
        ...(row.flagPrinted ? { text: row.flagPrinted } : {}),
      },
    ];
  }
  if (row.range) {
    const rr: NonNullable<Observation['referenceRange']>[number] = { text: row.range.text };
    if (row.range.low !== undefined) rr.low = qty(row.range.low, row);
    if (row.range.high !== undefined) rr.high = qty(row.range.high, row);
    obs.referenceRange = [rr];
  }
  return obs;
}

export function toDiagnosticReport(panels: string[], results: string[], subject: Reference<Patient> | undefined, date: string | undefined, performer?: string): DiagnosticReport {
  return {
    resourceType: 'DiagnosticReport',
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'LAB', display: 'Laboratory' }] }],
    code: { text: panels.length ? panels.join('; ') : 'Laboratory report' },
    ...(subject ? { subject } : {}),
    ...(date ? { effectiveDateTime: date } : {}),
    ...(performer ? { performer: [{ display: performer }] } : {}),
    ...(results.length ? { result: results.map((reference) => ({ reference })) } : {}),
  };
}
